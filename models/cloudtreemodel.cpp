// SPDX-License-Identifier: GPL-3.0-or-later
#include "cloudtreemodel.h"

#include <algorithm>
#include <utility>

namespace Orrery {

namespace {

// internalId() holds the node's parent: 0 for an account, a + 1 for a group of account a,
// (g + 1) << 32 | (a + 1) for an item of group g.
constexpr int ClockTickMs = 30 * 1000;

quintptr groupId(int account)
{
    return quintptr(account) + 1;
}

quintptr itemId(int account, int group)
{
    return (quintptr(group) + 1) << 32 | (quintptr(account) + 1);
}

} // namespace

CloudTreeModel::CloudTreeModel(CloudAccounts *accounts, QObject *parent)
    : QAbstractItemModel(parent)
    , m_accounts(accounts)
{
    static_assert(sizeof(quintptr) >= 8, "the ids pack two indexes");
    connect(accounts, &CloudAccounts::accountsChanged, this, [this] {
        rebuildAccounts();
        // New accounts: ask them at once rather than at the next tick.
        if (m_accounts && !m_accounts->accounts().isEmpty() && m_refreshInterval > 0)
            QTimer::singleShot(0, m_accounts, &CloudAccounts::refresh);
    });
    connect(accounts, &CloudAccounts::discoveryChanged, this, [this](const QString &id) {
        for (int row = 0; row < m_rows.size(); ++row) {
            if (m_rows.at(row).id == id)
                rebuildAccount(row);
        }
    });
    connect(accounts, &CloudAccounts::identityChanged, this, [this](const QString &id) {
        // An identity error is an error row; a new principal only the account's row.
        for (int row = 0; row < m_rows.size(); ++row) {
            if (m_rows.at(row).id == id)
                rebuildAccount(row);
        }
    });
    connect(accounts, &CloudAccounts::refreshStarted, this, &CloudTreeModel::accountChanged);
    connect(accounts, &CloudAccounts::refreshFinished, this, [this] {
        for (const Account &a : std::as_const(m_rows))
            accountChanged(a.id);
    });
    m_refresh.setInterval(m_refreshInterval);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        if (m_accounts)
            m_accounts->refresh();
    });
    m_refresh.start();
    m_clock.setInterval(ClockTickMs);
    connect(&m_clock, &QTimer::timeout, this, &CloudTreeModel::tick);
    m_clock.start();
    rebuildAccounts();
}

void CloudTreeModel::setRefreshInterval(int ms)
{
    m_refreshInterval = ms;
    if (ms > 0) {
        m_refresh.setInterval(ms);
        m_refresh.start();
    } else {
        m_refresh.stop();
    }
}

void CloudTreeModel::setNow(const QDateTime &now)
{
    m_now = now;
    tick();
}

QDateTime CloudTreeModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

void CloudTreeModel::tick()
{
    // Only the accounts whose text counts down change.
    for (int row = 0; row < m_rows.size(); ++row) {
        const CloudAccountState s
            = m_accounts ? m_accounts->state(m_rows.at(row).id) : CloudAccountState{};
        if (s.identity && s.identity->ok() && s.identity->value().expiresAt.isValid())
            emit dataChanged(index(row, StatusColumn), index(row, StatusColumn));
    }
}

QString CloudTreeModel::expiryText(const QDateTime &expiresAt, const QDateTime &now)
{
    if (!expiresAt.isValid())
        return {};
    const qint64 seconds = now.secsTo(expiresAt);
    if (seconds <= 0) {
        const int ago = int(-seconds / 60);
        return ago < 1 ? tr("token expired just now") : tr("token expired %n min ago", "", ago);
    }
    const qint64 minutes = (seconds + 59) / 60;
    if (minutes >= 120)
        return tr("token expires in %n h", "", int(minutes / 60));
    return tr("token expires in %n min", "", int(minutes));
}

QList<CloudTreeModel::Group> CloudTreeModel::groupsFor(const QString &id) const
{
    QList<Group> out;
    if (!m_accounts)
        return out;
    const CloudAccountState s = m_accounts->state(id);
    if (s.identity && !s.identity->ok()) {
        Group g;
        g.kind = RowKind::Error;
        g.name = tr("Credentials");
        g.error = s.identity->error().message;
        g.hint = s.identity->error().hint;
        out.append(g);
    }
    if (!s.discovery)
        return out;
    if (!s.discovery->ok()) {
        // The same error twice (no credentials: identify and discover both fail) is one row.
        const Error &e = s.discovery->error();
        if (out.isEmpty() || out.constFirst().error != e.message) {
            Group g;
            g.kind = RowKind::Error;
            g.name = tr("Discovery");
            g.error = e.message;
            g.hint = e.hint;
            out.append(g);
        }
        return out;
    }
    const CloudDiscovery &d = s.discovery->value();
    QMap<QString, Group> groups;
    for (const CloudResource &r : d.resources) {
        Group &g = groups[r.group];
        g.name = r.group;
        Item item;
        item.kind = r.kind == CloudResource::Kind::App ? RowKind::App : RowKind::Cluster;
        item.resource = r;
        g.items.append(item);
    }
    for (auto it = d.groupErrors.cbegin(); it != d.groupErrors.cend(); ++it) {
        Group &g = groups[it.key()];
        g.name = it.key();
        g.error = it.value().message;
        g.hint = it.value().hint;
    }
    for (Group &g : groups) {
        std::stable_sort(g.items.begin(), g.items.end(), [](const Item &a, const Item &b) {
            return a.resource.name < b.resource.name;
        });
        if (!g.error.isEmpty()) {
            Item e;
            e.kind = RowKind::Error;
            e.error = g.error;
            e.hint = g.hint;
            g.items.append(e);
        }
        out.append(g);
    }
    return out;
}

void CloudTreeModel::rebuildAccounts()
{
    beginResetModel();
    m_rows.clear();
    if (m_accounts) {
        for (CloudAccount *a : m_accounts->accounts())
            m_rows.append({a->id(), groupsFor(a->id())});
    }
    endResetModel();
}

void CloudTreeModel::rebuildAccount(int row)
{
    Account &account = m_rows[row];
    const QModelIndex parentIndex = index(row, 0);
    if (!account.groups.isEmpty()) {
        beginRemoveRows(parentIndex, 0, int(account.groups.size()) - 1);
        account.groups.clear();
        endRemoveRows();
    }
    QList<Group> groups = groupsFor(account.id);
    if (!groups.isEmpty()) {
        beginInsertRows(parentIndex, 0, int(groups.size()) - 1);
        account.groups = std::move(groups);
        endInsertRows();
    }
    accountChanged(account.id);
}

void CloudTreeModel::accountChanged(const QString &id)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

QModelIndex CloudTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_rows.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    const quintptr pid = parent.internalId();
    if (pid == 0) { // parent is an account
        const int a = parent.row();
        if (a >= m_rows.size() || row >= m_rows.at(a).groups.size())
            return {};
        return createIndex(row, column, groupId(a));
    }
    if ((pid >> 32) == 0) { // parent is a group
        const int a = int(pid - 1);
        const int g = parent.row();
        if (a >= m_rows.size() || g >= m_rows.at(a).groups.size()
            || row >= m_rows.at(a).groups.at(g).items.size())
            return {};
        return createIndex(row, column, itemId(a, g));
    }
    return {};
}

QModelIndex CloudTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const quintptr id = child.internalId();
    if (id == 0)
        return {};
    if ((id >> 32) == 0)
        return createIndex(int(id - 1), 0, quintptr(0));
    const int a = int((id & 0xffffffffu) - 1);
    const int g = int((id >> 32) - 1);
    return createIndex(g, 0, groupId(a));
}

int CloudTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    if (parent.column() != 0)
        return 0;
    const quintptr pid = parent.internalId();
    if (pid == 0)
        return parent.row() < m_rows.size() ? int(m_rows.at(parent.row()).groups.size()) : 0;
    if ((pid >> 32) == 0) {
        const int a = int(pid - 1);
        if (a >= m_rows.size() || parent.row() >= m_rows.at(a).groups.size())
            return 0;
        return int(m_rows.at(a).groups.at(parent.row()).items.size());
    }
    return 0;
}

int CloudTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CloudTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case StatusColumn: return tr("Status");
    case VersionColumn: return tr("Version");
    case LocationColumn: return tr("Location");
    default: return {};
    }
}

CloudTreeModel::RowKind CloudTreeModel::rowKind(const QModelIndex &index) const
{
    if (!index.isValid())
        return RowKind::Account;
    const quintptr id = index.internalId();
    if (id == 0)
        return RowKind::Account;
    if ((id >> 32) == 0)
        return m_rows.at(int(id - 1)).groups.at(index.row()).kind;
    const int a = int((id & 0xffffffffu) - 1);
    const int g = int((id >> 32) - 1);
    return m_rows.at(a).groups.at(g).items.at(index.row()).kind;
}

QString CloudTreeModel::accountIdAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const quintptr id = index.internalId();
    const int a = id == 0 ? index.row() : int((id & 0xffffffffu) - 1);
    return a < m_rows.size() ? m_rows.at(a).id : QString();
}

std::optional<CloudResource> CloudTreeModel::resourceAt(const QModelIndex &index) const
{
    if (!index.isValid() || (index.internalId() >> 32) == 0)
        return std::nullopt;
    const quintptr id = index.internalId();
    const Item &item = m_rows.at(int((id & 0xffffffffu) - 1))
                           .groups.at(int((id >> 32) - 1))
                           .items.at(index.row());
    if (item.kind == RowKind::Error)
        return std::nullopt;
    return item.resource;
}

QModelIndex CloudTreeModel::accountIndex(const QString &accountId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == accountId)
            return index(row, 0);
    }
    return {};
}

QModelIndex CloudTreeModel::resourceIndex(const QString &ref) const
{
    for (int a = 0; a < m_rows.size(); ++a) {
        const auto &groups = m_rows.at(a).groups;
        for (int g = 0; g < groups.size(); ++g) {
            const auto &items = groups.at(g).items;
            for (int i = 0; i < items.size(); ++i) {
                if (items.at(i).kind != RowKind::Error && items.at(i).resource.ref == ref)
                    return createIndex(i, 0, itemId(a, g));
            }
        }
    }
    return {};
}

QVariant CloudTreeModel::accountData(const Account &account, int column, int role) const
{
    CloudAccount *a = m_accounts ? m_accounts->account(account.id) : nullptr;
    const CloudAccountState s = m_accounts ? m_accounts->state(account.id) : CloudAccountState{};
    const bool identified = s.identity && s.identity->ok();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn: return a ? a->displayName() : account.id;
        case StatusColumn: {
            if (s.identity && !s.identity->ok())
                return tr("credentials refused");
            if (!identified)
                return s.refreshing ? tr("connecting…") : QString();
            const QString expiry = expiryText(s.identity->value().expiresAt, now());
            QString text = s.identity->value().principal.section(QLatin1Char('/'), -1);
            if (!expiry.isEmpty())
                text += QStringLiteral(" · ") + expiry;
            if (s.refreshing)
                text += QStringLiteral(" · ") + tr("refreshing…");
            return text;
        }
        case LocationColumn: return identified ? s.identity->value().source : QString();
        default: return {};
        }
    case Qt::ToolTipRole:
        if (identified)
            return tr("%1\nfrom %2").arg(s.identity->value().principal, s.identity->value().source);
        if (s.identity)
            return s.identity->error().toString();
        return {};
    case RowKindRole: return int(RowKind::Account);
    case AccountIdRole: return account.id;
    case ProviderRole: return a ? a->provider() : QString();
    case FailedRole: return s.identity && !s.identity->ok();
    case ExpiresAtRole: return identified ? s.identity->value().expiresAt : QDateTime();
    case RefreshingRole: return s.refreshing;
    default: return {};
    }
}

QVariant CloudTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const quintptr id = index.internalId();
    const int column = index.column();
    if (id == 0)
        return accountData(m_rows.at(index.row()), column, role);
    const bool isGroup = (id >> 32) == 0;
    const int a = isGroup ? int(id - 1) : int((id & 0xffffffffu) - 1);
    const Account &account = m_rows.at(a);
    if (role == AccountIdRole)
        return account.id;
    if (isGroup) {
        const Group &g = account.groups.at(index.row());
        const bool error = g.kind == RowKind::Error;
        switch (role) {
        case Qt::DisplayRole:
            if (column == NameColumn)
                return error ? g.name + QStringLiteral(": ") + g.error : g.name;
            if (column == StatusColumn && !error)
                return g.items.size() == 1 && !g.error.isEmpty()
                           ? tr("failed")
                           : tr("%n item(s)", "",
                                int(g.items.size() - (g.error.isEmpty() ? 0 : 1)));
            return {};
        case Qt::ToolTipRole:
            if (error || !g.error.isEmpty())
                return g.hint.isEmpty() ? g.error : g.error + QLatin1Char('\n') + g.hint;
            return {};
        case RowKindRole: return int(g.kind);
        case FailedRole: return error;
        default: return {};
        }
    }
    const Group &g = account.groups.at(int((id >> 32) - 1));
    const Item &item = g.items.at(index.row());
    if (item.kind == RowKind::Error) {
        switch (role) {
        case Qt::DisplayRole: return column == NameColumn ? item.error : QVariant();
        case Qt::ToolTipRole:
            return item.hint.isEmpty() ? item.error : item.error + QLatin1Char('\n') + item.hint;
        case RowKindRole: return int(RowKind::Error);
        case FailedRole: return true;
        default: return {};
        }
    }
    const CloudResource &r = item.resource;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn: return r.name;
        case StatusColumn: return r.status;
        case VersionColumn: return r.version;
        case LocationColumn: return r.location;
        default: return {};
        }
    case Qt::ToolTipRole: return r.ref;
    case RowKindRole: return int(item.kind);
    case RefRole: return r.ref;
    case ProviderRole: return r.provider;
    case FailedRole: return false;
    default: return {};
    }
}

} // namespace Orrery
