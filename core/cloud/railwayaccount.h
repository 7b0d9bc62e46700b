// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cloudaccount.h"
#include "cloudaccounts.h"
#include "railwayclient.h"

#include <QDateTime>
#include <QProcessEnvironment>

#include <memory>

namespace Orrery {

// A Railway account (docs/clouds.md, "Railway"): its token, held in memory only, and the
// RailwayClient that uses it. Discovery lists every service of every project the token can
// see as a CloudResource of Kind::App, grouped "PROJECT / ENVIRONMENT", with ref
// "PROJECT_ID/ENVIRONMENT_ID/SERVICE_ID"; appTopology() reads that environment as an
// AppTopology (RailwayResponse::topology).
class RailwayAccount : public CloudAccount
{
    Q_OBJECT
public:
    struct Credentials
    {
        QByteArray token; // never logged, never in an Error
        RailwayClient::TokenKind kind = RailwayClient::TokenKind::Account;
        QString source;      // "RAILWAY_API_TOKEN", "RAILWAY_TOKEN", "~/.railway/config.json"
        QDateTime expiresAt; // the CLI's OAuth token only
    };

    // Where the Railway CLI finds its token, in its order: RAILWAY_TOKEN (a project token,
    // sent as project-access-token), RAILWAY_API_TOKEN (an account or workspace token,
    // Bearer), then HOME/.railway/config.json (user.accessToken with user.tokenExpiresAt, or
    // the older user.token). NotFound, saying what to set or run, when there is none.
    static Result<Credentials> credentialsFrom(const QProcessEnvironment &env,
                                               const QString &homeDir);
    // The CLI's config file (bounded: at most MaxConfigBytes; tolerant).
    static constexpr qint64 MaxConfigBytes = 4 * 1024 * 1024;
    static Result<Credentials> parseCliConfig(const QByteArray &json);
    // The API endpoint: ORRERY_RAILWAY_API_URL (and ORRERY_RAILWAY_CA_FILE, a PEM bundle to
    // trust) for tests and the simulator, else Railway's.
    static RailwayClient::Endpoint endpointFrom(const QProcessEnvironment &env);

    // The registry's factory (CloudAccounts::addBuiltinFactories): one account per token the
    // environment holds, as the CLI would use them: RAILWAY_API_TOKEN ("railway:api-token"),
    // RAILWAY_TOKEN ("railway:project-token"), and when neither is set the CLI's login
    // ("railway:cli"). The endpoint is the environment's "railway.graphql" override, else the
    // simulator front's /railway/graphql/v2, else ORRERY_RAILWAY_API_URL, else Railway's.
    static CloudAccounts::Accounts fromEnvironment(const CloudEnvironment &environment);

    // `name` makes the id ("railway:NAME"); the display name becomes the user's (or the
    // project token's project) once identified.
    RailwayAccount(RailwayClient::Endpoint endpoint, Credentials credentials,
                   const QString &name = QStringLiteral("default"), QObject *parent = nullptr);
    ~RailwayAccount() override;

    QString provider() const override { return QStringLiteral("railway"); }
    QString id() const override;
    QString displayName() const override;

    void identify(std::function<void(const Result<CloudIdentity> &)> onDone) override;
    void discover(std::function<void(const Result<CloudDiscovery> &)> onDone) override;
    Result<CloudKubeconfigEntry> kubeconfigEntry(const CloudResource &cluster) const override;
    void connectCluster(const CloudResource &cluster,
                        std::function<void(const Result<ClusterConnection> &)> onDone) override;
    void appTopology(const CloudResource &app,
                     std::function<void(const Result<AppTopology> &)> onDone) override;

    // The client (shared with the operations started on this account's apps).
    std::shared_ptr<RailwayClient> client() const { return m_client; }

    // "PROJECT_ID/ENVIRONMENT_ID/SERVICE_ID" and back; false for anything else.
    static QString refOf(const QString &projectId, const QString &environmentId,
                         const QString &serviceId);
    static bool parseRef(const QString &ref, QString *projectId, QString *environmentId,
                         QString *serviceId);

private:
    void addResources(const RailwayProject &project, const QString &onlyEnvironment,
                      QList<CloudResource> *out) const;

    std::shared_ptr<RailwayClient> m_client;
    Credentials m_credentials;
    QString m_name;
    QString m_displayName;
};

} // namespace Orrery
