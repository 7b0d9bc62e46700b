// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "awscredentials.h"

#include <QDateTime>
#include <QString>

namespace Orrery {

// The bearer token an EKS cluster accepts, made natively (no `aws` binary): a presigned
// STS GetCallerIdentity URL (X-Amz-Expires=60, headers host and x-k8s-aws-id signed),
// base64url without padding, prefixed "k8s-aws-v1.". Byte for byte what
// `aws eks get-token --cluster-name C --region R` prints for the same credentials and
// signing time (tests/core/tst_sigv4.cpp compares them).
//
// Validity: aws-iam-authenticator on the cluster accepts the token for 15 minutes from its
// X-Amz-Date; `aws eks get-token` and aws-iam-authenticator both report an expiration one
// minute earlier (signing time + 14 min) so that clients refresh before the server refuses.
class EksToken
{
public:
    static constexpr const char *Prefix = "k8s-aws-v1.";
    static constexpr const char *ClusterIdHeader = "x-k8s-aws-id";
    static constexpr int PresignExpiresSeconds = 60;
    static constexpr int ServerValiditySeconds = 15 * 60;
    static constexpr int ReportedValiditySeconds = 14 * 60;

    QString token;        // "k8s-aws-v1.…": a credential, never log it
    QDateTime expiration; // UTC, signing time + ReportedValiditySeconds
    QDateTime signedAt;   // UTC

    // stsHost: empty = the regional endpoint "sts.REGION.amazonaws.com" (what the aws CLI
    // uses); the simulator passes its own host (host[:port]), which is then signed.
    static EksToken make(const AwsCredentials &credentials, const QString &clusterName,
                         const QString &region, const QDateTime &now,
                         const QString &stsHost = QString());

    // The presigned URL inside a token, or an empty string when `token` is not one.
    static QString decodeUrl(const QString &token);

    // True when the token should be replaced at `now` (within `margin` of its expiration).
    bool needsRefresh(const QDateTime &now, int marginSeconds = 60) const;

    // "k8s-aws-v1.<redacted> for CLUSTER, expires 2026-…Z": safe for logs.
    QString debugString() const;

private:
    QString m_cluster;
};

} // namespace Orrery
