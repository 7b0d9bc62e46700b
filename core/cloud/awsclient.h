// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "awsconfig.h"
#include "awscredentials.h"
#include "requestqueue.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace Orrery {

class HttpTransport;

// One EKS cluster as DescribeCluster tells it.
struct EksClusterInfo
{
    QString name;
    QString region;
    QString arn;
    QString version;
    QString status;
    QString endpoint;
    QByteArray certificateAuthorityPem; // decoded certificateAuthority.data
    QString platformVersion;
};

// What one discovery found: the clusters (sorted by region, then name) and, per region that
// failed, the error (the other regions' clusters are still there).
struct EksDiscovery
{
    QList<EksClusterInfo> clusters;
    QMap<QString, Error> regionErrors; // region -> what went wrong
};

// AWS's STS and EKS over HttpTransport (docs/clouds.md): SigV4-signed requests, answers
// decoded on arrival, errors as values. Everything is asynchronous: callbacks run on the
// thread of `context`; credential_process runs as a child process (bounded: 30 s, 64 KiB),
// never blocking the caller's thread. Secrets never reach a log line or an Error.
//
// Endpoints: empty = AWS's regional ones (https://sts.REGION.amazonaws.com,
// https://eks.REGION.amazonaws.com); else the given URL for every region (the simulator's
// https://127.0.0.1:P/aws/sts and /aws/eks; AWS_ENDPOINT_URL_STS / _EKS or AWS_ENDPOINT_URL
// as the CLI reads them: endpointsFromEnvironment()).
class AwsClient : public QObject
{
    Q_OBJECT
public:
    struct Endpoints
    {
        QUrl sts;
        QUrl eks;
        QUrl sso; // the SSO portal (GetRoleCredentials); empty: portal.sso.REGION.amazonaws.com
        QByteArray caPem; // extra trust (AWS_CA_BUNDLE); empty: the system's
    };
    static Endpoints endpointsFromEnvironment(const QProcessEnvironment &env);

    // Requests in flight at once, over all regions of a discovery.
    static constexpr int MaxParallel = 16;

    explicit AwsClient(Endpoints endpoints, QObject *parent = nullptr);
    ~AwsClient() override;

    using CredentialsHandler = std::function<void(const Result<AwsCredentials> &)>;
    // Runs a plan (AwsConfig::plan): the credential_process or the SSO role when there is
    // one, then every AssumeRole of the chain (through STS in the plan's region, us-east-1
    // without one).
    void resolve(const AwsConfig::Plan &plan, CredentialsHandler onDone);
    // An SSO profile's role credentials: the token `aws sso login` cached
    // (AwsSso::readCachedToken; expired or missing: an AuthError saying to log in again)
    // exchanged at the portal (GetRoleCredentials: GET /federation/credentials?role_name=R&
    // account_id=A, header x-amz-sso_bearer_token, unsigned). The token is sent nowhere else.
    void ssoRoleCredentials(const AwsSso::Profile &profile, CredentialsHandler onDone);
    void assumeRole(const AwsCredentials &credentials, const QString &region,
                    const QString &roleArn, const QString &sessionName, const QString &externalId,
                    CredentialsHandler onDone);
    // GetCallerIdentity: the caller's ARN.
    void callerIdentity(const AwsCredentials &credentials, const QString &region,
                        std::function<void(const Result<QString> &)> onDone);

    // ListClusters (every page) then DescribeCluster for each, in every region, in parallel
    // (at most MaxParallel requests at once).
    void discover(const AwsCredentials &credentials, const QStringList &regions,
                  std::function<void(const EksDiscovery &)> onDone);

private:
    struct Discovery;
    struct Pending;
    using BodyHandler = std::function<void(const Result<QByteArray> &)>;
    void signedRequest(const QUrl &endpoint, const QString &service, const QString &region,
                       const AwsCredentials &credentials, QByteArray method, const QString &subPath,
                       QList<QPair<QString, QString>> query, QByteArray body, BodyHandler onDone);
    QUrl endpointFor(const QString &service, const QString &region) const;
    HttpTransport *transport(const QUrl &endpoint);

    Endpoints m_endpoints;
    std::map<QString, std::unique_ptr<HttpTransport>> m_transports;
    RequestQueue m_requests{MaxParallel};
};

} // namespace Orrery
