// SPDX-License-Identifier: GPL-3.0-or-later
#include "cloudaccounts.h"

#include "awsaccount.h"
#include "azureaccount.h"
#include "flyaccount.h"
#include "gcpaccount.h"
#include "railwayaccount.h"

#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcCloudAccounts, "orrery.cloud.accounts")

namespace Orrery {

QUrl CloudEnvironment::endpoint(const QString &key, const QString &simPath) const
{
    const auto it = endpoints.constFind(key);
    if (it != endpoints.constEnd() && it->isValid())
        return *it;
    if (!servicesFront.isValid() || servicesFront.isEmpty())
        return {};
    QUrl url = servicesFront;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + simPath);
    return url;
}

struct CloudAccounts::Entry
{
    std::unique_ptr<CloudAccount> account;
    CloudAccountState state;
    int pending = 0; // identify() and discover() answers still awaited
};

CloudAccounts::CloudAccounts(QObject *parent)
    : QObject(parent)
{
}

CloudAccounts::~CloudAccounts() = default;

void CloudAccounts::addFactory(const QString &provider, Factory factory)
{
    m_factories.append({provider, std::move(factory)});
}

// One line per provider. The lines sit between blank lines so that the branches adding
// theirs in parallel merge without touching each other's.
void CloudAccounts::addBuiltinFactories()
{
    addFactory(QStringLiteral("aws"), &AwsAccount::fromEnvironment);

    // azure
    addFactory(QStringLiteral("azure"), &AzureAccount::fromEnvironment);

    // gcp
    addFactory(QStringLiteral("gcp"), &GcpAccount::fromEnvironment);

    // fly
    addFactory(QStringLiteral("fly"), &FlyAccount::fromEnvironment);

    // railway
    addFactory(QStringLiteral("railway"), &RailwayAccount::fromEnvironment);
}

QStringList CloudAccounts::providers() const
{
    QStringList out;
    for (const auto &[provider, factory] : m_factories)
        out.append(provider);
    return out;
}

void CloudAccounts::load(const CloudEnvironment &environment)
{
    m_entries.clear();
    for (const auto &[provider, factory] : m_factories) {
        Accounts made = factory(environment);
        for (auto &account : made) {
            if (!account)
                continue;
            const QString id = account->id();
            if (!addAccountSilently(std::move(account)))
                qCWarning(lcCloudAccounts)
                    << "account" << id << "of" << provider << "dropped: its id is taken";
        }
    }
    emit accountsChanged();
}

bool CloudAccounts::addAccount(std::unique_ptr<CloudAccount> account)
{
    if (!addAccountSilently(std::move(account)))
        return false;
    emit accountsChanged();
    return true;
}

bool CloudAccounts::addAccountSilently(std::unique_ptr<CloudAccount> account)
{
    if (!account || this->account(account->id()))
        return false;
    auto entry = std::make_unique<Entry>();
    const QString id = account->id();
    connect(account.get(), &CloudAccount::identityChanged, this, [this, id] {
        // The credentials changed under us (refreshed or expired): say so again.
        Entry *e = entryFor(id);
        if (!e || e->pending > 0)
            return;
        QPointer<CloudAccount> guard(e->account.get());
        e->account->identify([this, guard, id](const Result<CloudIdentity> &identity) {
            Entry *again = entryFor(id);
            if (!guard || !again || again->account.get() != guard)
                return;
            again->state.identity = identity;
            emit identityChanged(id);
        });
    });
    entry->account = std::move(account);
    m_entries.push_back(std::move(entry));
    return true;
}

CloudAccounts::Entry *CloudAccounts::entryFor(const QString &id) const
{
    for (const auto &entry : m_entries) {
        if (entry->account->id() == id)
            return entry.get();
    }
    return nullptr;
}

QList<CloudAccount *> CloudAccounts::accounts() const
{
    QList<CloudAccount *> out;
    out.reserve(qsizetype(m_entries.size()));
    for (const auto &entry : m_entries)
        out.append(entry->account.get());
    return out;
}

CloudAccount *CloudAccounts::account(const QString &id) const
{
    Entry *entry = entryFor(id);
    return entry ? entry->account.get() : nullptr;
}

CloudAccountState CloudAccounts::state(const QString &id) const
{
    Entry *entry = entryFor(id);
    return entry ? entry->state : CloudAccountState{};
}

void CloudAccounts::refresh()
{
    QStringList ids;
    for (const auto &entry : m_entries)
        ids.append(entry->account->id());
    if (ids.isEmpty()) {
        emit refreshFinished();
        return;
    }
    for (const QString &id : std::as_const(ids))
        refreshAccount(id);
}

void CloudAccounts::refreshAccount(const QString &id)
{
    Entry *entry = entryFor(id);
    if (!entry || entry->pending > 0)
        return;
    entry->pending = 2;
    entry->state.refreshing = true;
    emit refreshStarted(id);
    // The account may be dropped by load() before it answers: the guard tells.
    QPointer<CloudAccount> guard(entry->account.get());
    auto current = [this, guard, id]() -> Entry * {
        Entry *e = entryFor(id);
        return guard && e && e->account.get() == guard ? e : nullptr;
    };
    entry->account->identify([this, current, id](const Result<CloudIdentity> &identity) {
        Entry *e = current();
        if (!e)
            return;
        e->state.identity = identity;
        emit identityChanged(id);
        finishStep(id);
    });
    // identify() may have answered at once and load() been called meanwhile.
    entry = current();
    if (!entry)
        return;
    entry->account->discover([this, current, id](const Result<CloudDiscovery> &discovery) {
        Entry *e = current();
        if (!e)
            return;
        e->state.discovery = discovery;
        e->state.refreshedAt = QDateTime::currentDateTimeUtc();
        emit discoveryChanged(id);
        finishStep(id);
    });
}

void CloudAccounts::finishStep(const QString &id)
{
    Entry *entry = entryFor(id);
    if (!entry || entry->pending <= 0)
        return;
    if (--entry->pending > 0)
        return;
    entry->state.refreshing = false;
    if (!isRefreshing())
        emit refreshFinished();
}

bool CloudAccounts::isRefreshing() const
{
    for (const auto &entry : m_entries) {
        if (entry->pending > 0)
            return true;
    }
    return false;
}

std::optional<CloudResource> CloudAccounts::findResource(const QString &ref) const
{
    std::optional<CloudResource> byName;
    int nameMatches = 0;
    for (const auto &entry : m_entries) {
        const auto &discovery = entry->state.discovery;
        if (!discovery || !discovery->ok())
            continue;
        for (const CloudResource &resource : discovery->value().resources) {
            if (resource.ref == ref)
                return resource;
            if (resource.name == ref) {
                ++nameMatches;
                byName = resource;
            }
        }
    }
    if (nameMatches == 1)
        return byName;
    return std::nullopt;
}

} // namespace Orrery
