// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cloudaccount.h"
#include "cloudaccounts.h"
#include "flyclient.h"

#include <QProcessEnvironment>

#include <memory>

namespace Orrery {

// A Fly.io account (docs/clouds.md, "Fly.io"): the token of FLY_API_TOKEN (or
// FLY_ACCESS_TOKEN), else flyctl's `access_token` in ~/.fly/config.yml, held in memory only;
// its organizations' apps as CloudResource::Kind::App (group: the organization's slug;
// location: the region most of the app's machines run in; version: the newest release a
// machine runs, "v42"; status: the app's, deployed / suspended / pending); each app as an
// AppTopology (process groups, machines, attached Postgres and Redis, releases). Fly tokens do
// not say when they expire: the identity has no expiry.
class FlyAccount : public CloudAccount
{
    Q_OBJECT
public:
    struct Options
    {
        FlyClient::Endpoints endpoints;
        QByteArray token;
        QString tokenSource; // "FLY_API_TOKEN", "~/.fly/config.yml"; never the token
        // Only this organization's apps (FLY_ORG); empty: every organization of the user.
        QString org;
    };
    // The token where flyctl finds it, the endpoints it uses (FLY_FLAPS_BASE_URL,
    // FLY_API_BASE_URL) and FLY_ORG. AuthError saying what to run when there is no token.
    static Result<Options> optionsFromEnvironment(const QProcessEnvironment &env,
                                                  const QString &homeDir);
    // The registry's factory (CloudAccounts): one account when a token is found (none
    // otherwise), its endpoints the environment's "fly.machines" and "fly.graphql" overrides
    // or the simulator front's /fly, else FLY_FLAPS_BASE_URL / FLY_API_BASE_URL, else Fly's.
    static CloudAccounts::Accounts fromEnvironment(const CloudEnvironment &environment);
    // flyctl's config.yml: its access_token (bounded read; tolerant of the other keys).
    static QByteArray accessTokenFromConfig(const QByteArray &yaml);

    explicit FlyAccount(Options options, QObject *parent = nullptr);
    ~FlyAccount() override;

    QString provider() const override { return QStringLiteral("fly"); }
    // "fly:ORG", or "fly:personal" for every organization of the token.
    QString id() const override;
    QString displayName() const override;

    void identify(std::function<void(const Result<CloudIdentity> &)> onDone) override;
    void discover(std::function<void(const Result<CloudDiscovery> &)> onDone) override;
    Result<CloudKubeconfigEntry> kubeconfigEntry(const CloudResource &cluster) const override;
    void connectCluster(const CloudResource &cluster,
                        std::function<void(const Result<ClusterConnection> &)> onDone) override;
    void appTopology(const CloudResource &app,
                     std::function<void(const Result<AppTopology> &)> onDone) override;

    // The client the operations use (its Machines transport sends their writes).
    FlyClient *client() const { return m_client.get(); }
    const Options &options() const { return m_options; }

private:
    Options m_options;
    std::unique_ptr<FlyClient> m_client;
};

} // namespace Orrery
