// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cloudaccount.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Orrery {

// Where the accounts come from: the environment the provider CLIs would see (HOME,
// AWS_PROFILE, AZURE_CONFIG_DIR, CLOUDSDK_CONFIG, FLY_API_TOKEN, RAILWAY_TOKEN ...), read
// from this copy and never from the process's own, so tests and the demo hand over their
// own; and where to send the requests when not to the real clouds.
struct CloudEnvironment
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();

    // The simulator's services front (https://127.0.0.1:P, `orrery-sim` prints it as
    // "services <url>"): when set, each provider sends every request to its own prefix
    // under it (sim/front/simservice.h: /aws, /azure, /google, /fly, /railway) instead of
    // the real endpoints.
    QUrl servicesFront;
    // Explicit overrides, by "provider.service" ("aws.sts", "aws.eks", "azure.arm",
    // "azure.login", "gcp.container", "gcp.token", "fly.machines", "fly.graphql",
    // "railway.graphql"; each provider documents its keys): win over servicesFront and
    // over the environment's own (AWS_ENDPOINT_URL_EKS ...).
    QMap<QString, QUrl> endpoints;
    // Extra trust for the endpoints above (the front's CA, PEM); empty: the system's.
    QByteArray caPem;

    // The override for `key`, else servicesFront + `simPath` ("/aws/eks") when a front is
    // set, else an empty URL (the provider's real endpoint, or the environment's).
    QUrl endpoint(const QString &key, const QString &simPath) const;
};

// The state of one account as the registry last heard it.
struct CloudAccountState
{
    std::optional<Result<CloudIdentity>> identity;   // unset until identify() answered
    std::optional<Result<CloudDiscovery>> discovery; // unset until discover() answered
    bool refreshing = false;
    QDateTime refreshedAt; // UTC, when the last discovery answered
};

// The accounts that exist (docs/clouds.md, "Accounts"): built from a CloudEnvironment by one
// factory per provider, each registered with one line (addBuiltinFactories), and refreshed
// all at once: every account's identify() and discover() start together, each answer is
// announced as it arrives. Lives on one thread (the GUI's, or a headless command's); the
// accounts do their I/O on workers and answer on that thread.
//
// Invariants: account ids are unique (a factory's account whose id is already taken is
// dropped, the first one wins); accounts() is in factory order, then in each factory's order.
class CloudAccounts : public QObject
{
    Q_OBJECT
public:
    using Accounts = std::vector<std::unique_ptr<CloudAccount>>;
    // Reads what the provider's own CLI would read and returns one account per set of
    // credentials found (none when the user has none). Must not block on the network:
    // resolving credentials is identify()'s work.
    using Factory = std::function<Accounts(const CloudEnvironment &)>;

    explicit CloudAccounts(QObject *parent = nullptr);
    ~CloudAccounts() override;

    void addFactory(const QString &provider, Factory factory);
    // Every provider Orrery knows, one line each (cloudaccounts.cpp).
    void addBuiltinFactories();
    QStringList providers() const;

    // Drops the current accounts and builds them anew with every factory (no refresh).
    void load(const CloudEnvironment &environment);
    // Adds one account built elsewhere (tests); false when its id is taken.
    bool addAccount(std::unique_ptr<CloudAccount> account);

    QList<CloudAccount *> accounts() const;
    CloudAccount *account(const QString &id) const;
    CloudAccountState state(const QString &id) const;

    // identify() and discover() of every account, all in parallel; an account already
    // refreshing is not asked twice. refreshFinished() once every account has answered both.
    void refresh();
    void refreshAccount(const QString &id);
    bool isRefreshing() const;

    // The resource whose ref (or, when unique across accounts, name) is `ref`, from the
    // last discoveries; std::nullopt when none matches.
    std::optional<CloudResource> findResource(const QString &ref) const;

signals:
    void accountsChanged(); // load() or addAccount(): the list itself changed
    void identityChanged(const QString &accountId);
    void discoveryChanged(const QString &accountId);
    void refreshStarted(const QString &accountId);
    void refreshFinished();

private:
    struct Entry;
    bool addAccountSilently(std::unique_ptr<CloudAccount> account);
    Entry *entryFor(const QString &id) const;
    void finishStep(const QString &id);

    QList<QPair<QString, Factory>> m_factories;
    std::vector<std::unique_ptr<Entry>> m_entries;
};

} // namespace Orrery
