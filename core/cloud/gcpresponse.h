// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Orrery {

// One GKE cluster as the container API v1 describes it (the fields Orrery shows and the ones
// `gcloud container clusters get-credentials` reads).
struct GkeClusterInfo
{
    QString project; // the project it was listed in
    QString name;
    QString location; // a zone or a region
    QString zone;     // the deprecated `zone` field, which gcloud names the context with
    QString endpoint; // host[:port], without scheme
    QString status;   // RUNNING, PROVISIONING, RECONCILING, STOPPING, ERROR, DEGRADED
    QString statusMessage;
    QString version;     // currentMasterVersion
    QString nodeVersion; // currentNodeVersion
    QString selfLink;
    int nodeCount = 0;
    QByteArray caPem; // decoded masterAuth.clusterCaCertificate; empty when absent
    // controlPlaneEndpointsConfig: the DNS endpoint, and whether the IP endpoints are off
    // (then gcloud writes the DNS endpoint and no CA).
    QString dnsEndpoint;
    bool ipEndpointsDisabled = false;

    // The location that names the kubeconfig context: `zone` (gcloud's choice), else
    // `location`.
    QString contextLocation() const { return zone.isEmpty() ? location : zone; }
    // What gcloud writes as the server: the DNS endpoint when the IP endpoints are off.
    QString kubeconfigEndpoint() const
    {
        return ipEndpointsDisabled && !dnsEndpoint.isEmpty() ? dnsEndpoint : endpoint;
    }
};

// An OAuth 2.0 access token and when it expires. Never log `token`.
struct GcpAccessToken
{
    QByteArray token;
    QDateTime expiresAt; // UTC; invalid when unknown (a token file, a gcloud without expiry)
};

// A service account's JSON key file (what the Cloud console and `gcloud iam
// service-accounts keys create` write). Holds the private key: never log it; debugString()
// is the only text form meant for logs.
struct GcpServiceAccountKey
{
    QString projectId;
    QString privateKeyId;
    QByteArray privateKeyPem;
    QString clientEmail;
    QString tokenUri; // empty: https://oauth2.googleapis.com/token

    QString debugString() const;
};

// What `gcloud config config-helper --format=json` says: the active account's access token
// (gcloud refreshes it first when it is close to expiry) and the configuration.
struct GcloudConfigHelper
{
    GcpAccessToken token;
    QString account; // core/account (an email); empty with a token file
    QString project; // core/project
    QString configuration;
};

// The decoders of everything Google answers (and gcloud prints), tolerant and bounded: a
// missing or mistyped field reads as absent, an item without a name is skipped, and input
// beyond the limits fails with Error::Code::TooLarge. Fuzzed by tests/fuzz/fuzz_gcpresponse.
namespace GcpResponse {

inline constexpr qint64 MaxBodyBytes = 32 * 1024 * 1024;
inline constexpr qint64 MaxKeyFileBytes = 64 * 1024;
inline constexpr int MaxClusters = 5000;
inline constexpr int MaxProjects = 5000;

// GET .../locations/-/clusters: {"clusters": [...]} ({} when there are none), sorted by
// location then name, duplicates (same location and name) kept once. `missingZones` gets the
// zones Google could not ask (the answer is then partial).
Result<QList<GkeClusterInfo>> parseClusterList(QByteArrayView body, const QString &project,
                                               QStringList *missingZones = nullptr);
// GET .../clusters/NAME: one Cluster object.
Result<GkeClusterInfo> parseCluster(QByteArrayView body, const QString &project);
// Cloud Resource Manager v1 GET /v1/projects: the ACTIVE projects' ids, sorted, unique.
Result<QStringList> parseProjectList(QByteArrayView body, QString *nextPageToken = nullptr);
// The token endpoint's answer: {"access_token", "expires_in", "token_type": "Bearer"}.
Result<GcpAccessToken> parseTokenResponse(QByteArrayView body, const QDateTime &now);
Result<GcloudConfigHelper> parseConfigHelper(QByteArrayView body);
Result<GcpServiceAccountKey> parseServiceAccountKey(QByteArrayView body);

// A non-2xx answer as an Error: Google's {"error": {"code", "message", "status"}} or the
// token endpoint's {"error": "invalid_grant", "error_description"}; the HTTP status mapped
// to a code (401 AuthError, 403 Forbidden, 404 NotFound ...). Never holds a credential.
Error errorOf(int httpStatus, QByteArrayView body, const QString &context);

} // namespace GcpResponse

} // namespace Orrery
