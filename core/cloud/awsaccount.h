// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "awsclient.h"
#include "awsconfig.h"
#include "cloudaccounts.h"

#include <QProcessEnvironment>
#include <QStringList>
#include <QThread>
#include <QTimer>

#include <memory>

namespace Orrery {

namespace Internal {
struct AwsSharedCredentials;
}

// One AWS account as a CloudAccount (docs/clouds.md, "AWS"): a profile of ~/.aws/config and
// ~/.aws/credentials (or the environment's keys), its credentials resolved through AwsClient
// (static keys, role_arn + source_profile through AssumeRole, credential_process), EKS
// discovered in the account's regions, and clusters connected with a token made natively
// (EksToken) and remade before it expires.
//
// The AwsClient lives on a thread of the account's own, so every answer is decoded there;
// callbacks come back on the account's thread. Credentials are held in memory only and
// resolved again five minutes before a role session ends.
class AwsAccount final : public CloudAccount
{
    Q_OBJECT
public:
    // Regions asked when neither the profile (orrery_regions = a, b) nor ORRERY_AWS_REGIONS
    // names any: those every AWS account has enabled by default.
    static QStringList defaultRegions();

    struct Options
    {
        QString profile; // empty: the environment's keys (AWS_ACCESS_KEY_ID ...)
        AwsConfig config;
        QProcessEnvironment env;
        AwsClient::Endpoints endpoints;
        QStringList regions;
    };

    // One account per profile with credentials (keys, a role, a credential_process, SSO),
    // plus "aws:environment" when AWS_ACCESS_KEY_ID is set. The registry's factory.
    static CloudAccounts::Accounts fromEnvironment(const CloudEnvironment &environment);

    explicit AwsAccount(Options options, QObject *parent = nullptr);
    ~AwsAccount() override;

    QString provider() const override { return QStringLiteral("aws"); }
    QString id() const override;
    QString displayName() const override;
    const QStringList &regions() const { return m_options.regions; }

    void identify(std::function<void(const Result<CloudIdentity> &)> onDone) override;
    void discover(std::function<void(const Result<CloudDiscovery> &)> onDone) override;
    Result<CloudKubeconfigEntry> kubeconfigEntry(const CloudResource &cluster) const override;
    void connectCluster(const CloudResource &cluster,
                        std::function<void(const Result<ClusterConnection> &)> onDone) override;

    // "arn:aws:eks:REGION:ACCOUNT:cluster/NAME" -> {REGION, NAME}; empty when not an EKS ARN.
    static QPair<QString, QString> parseClusterArn(const QString &arn);

private:
    using CredentialsHandler = std::function<void(const Result<AwsCredentials> &)>;
    void credentials(CredentialsHandler onDone);
    void scheduleRefresh();
    QString source() const;

    Options m_options;
    QThread m_thread;
    AwsClient *m_client = nullptr; // lives on m_thread
    std::shared_ptr<Internal::AwsSharedCredentials> m_shared;
    QList<CredentialsHandler> m_waiting; // callers waiting for a resolve in flight
    bool m_resolving = false;
    QString m_principal;
    QTimer m_refreshTimer;
};

} // namespace Orrery
