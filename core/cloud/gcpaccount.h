// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cloudaccount.h"
#include "cloudaccounts.h"
#include "gcpclient.h"

#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace Orrery {

// A Google Cloud account (docs/clouds.md, "Google Cloud"): gcloud's login or a service
// account key, the projects it sees (those named, else every project Cloud Resource Manager
// lists) and their GKE clusters across zones and regions (`locations/-`). Its token is
// refreshed before it expires; identityChanged() says so.
class GcpAccount : public CloudAccount
{
    Q_OBJECT
public:
    struct Options
    {
        GcpTokenSource::Options source;
        // Projects to look in; empty: every project the credentials may list.
        QStringList projects;
        GcpClient::Endpoints endpoints;
        // The program Add to kubeconfig names, as gcloud writes it.
        QString authPluginCommand = QStringLiteral("gke-gcloud-auth-plugin");
    };

    // The account of gcloud's active login (or `configuration`), with gcloud's endpoint
    // overrides and CA bundle taken from `env` as gcloud reads them.
    static Options gcloudOptions(const QProcessEnvironment &env
                                 = QProcessEnvironment::systemEnvironment(),
                                 const QString &configuration = QString());
    // The account of a service account key file (GOOGLE_APPLICATION_CREDENTIALS, or one the
    // user picked); the key's project is looked in first.
    static Result<Options> keyFileOptions(const QString &path,
                                          const QProcessEnvironment &env
                                          = QProcessEnvironment::systemEnvironment());

    // The registry's factory (CloudAccounts): a service account key named by
    // GOOGLE_APPLICATION_CREDENTIALS, and gcloud's login when gcloud is installed and logged
    // in (credentials in CLOUDSDK_CONFIG or ~/.config/gcloud, or an access token file).
    // ORRERY_GCP_PROJECTS (comma-separated) names the projects to look in. Endpoint keys:
    // "gcp.container", "gcp.resourcemanager", "gcp.token" (the simulator's /google/...).
    // Reads files only; no process, no network.
    static CloudAccounts::Accounts fromEnvironment(const CloudEnvironment &environment);

    explicit GcpAccount(Options options, QObject *parent = nullptr);
    ~GcpAccount() override;

    QString provider() const override { return QStringLiteral("gcp"); }
    QString id() const override;
    QString displayName() const override;

    void identify(std::function<void(const Result<CloudIdentity> &)> onDone) override;
    void discover(std::function<void(const Result<CloudDiscovery> &)> onDone) override;
    Result<CloudKubeconfigEntry> kubeconfigEntry(const CloudResource &cluster) const override;
    void connectCluster(const CloudResource &cluster,
                        std::function<void(const Result<ClusterConnection> &)> onDone) override;

    GcpClient *client() const { return m_client.get(); }

    // The resource Orrery shows for a cluster the API described.
    static CloudResource resourceOf(const GkeClusterInfo &info, const QString &accountId);

private:
    void scheduleRefresh(const QDateTime &expiresAt);

    Options m_options;
    std::unique_ptr<GcpClient> m_client;
    QTimer m_refresh;
};

} // namespace Orrery
