// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cloud/cloudaccounts.h>

#include <QAbstractItemModel>
#include <QDateTime>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace Orrery {

// The Clouds section (docs/clouds.md): accounts -> groups (regions, subscriptions, projects,
// organizations) -> clusters and apps, over a CloudAccounts registry.
//
// Columns: name, status, version, location. An account row says whose credentials they are
// and, when they expire, "token expires in N min" (recomputed every 30 s); a group's failure
// and an account's (no credentials, identity refused) are rows of their own whose text is the
// error's words, so the other groups stay usable. Refreshes the registry in the background
// every refreshInterval() (and once when accounts appear).
//
// Invariants: account rows follow CloudAccounts::accounts(); an account's children are its
// error rows, then its groups sorted by name; a group's children are its resources sorted by
// name, then its error row. A discovery replaces one account's children (remove, insert),
// never the whole model, so other accounts keep their expansion.
class CloudTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, VersionColumn, LocationColumn, ColumnCount };
    enum class RowKind { Account, Group, Cluster, App, Error };
    enum Roles : int {
        RowKindRole = Qt::UserRole, // RowKind as int
        AccountIdRole,
        RefRole,        // resources: CloudResource::ref
        ProviderRole,   // "aws", "azure", ...
        FailedRole,     // bool: an error row, or an account whose identity failed
        ExpiresAtRole,  // accounts: QDateTime, invalid when the credentials do not expire
        RefreshingRole, // accounts: bool
    };

    explicit CloudTreeModel(CloudAccounts *accounts, QObject *parent = nullptr);

    // 0 turns the background refresh off. Default: 5 minutes.
    void setRefreshInterval(int ms);
    int refreshInterval() const { return m_refreshInterval; }
    // For tests: the "now" the expiry texts count from (invalid: the clock).
    void setNow(const QDateTime &now);

    std::optional<CloudResource> resourceAt(const QModelIndex &index) const;
    RowKind rowKind(const QModelIndex &index) const;
    QString accountIdAt(const QModelIndex &index) const;
    QModelIndex accountIndex(const QString &accountId) const;
    // The row of the resource with `ref`, invalid when not shown.
    QModelIndex resourceIndex(const QString &ref) const;

    // "token expires in 4 min", "token expired 2 min ago", empty when `expiresAt` is invalid.
    static QString expiryText(const QDateTime &expiresAt, const QDateTime &now);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Item
    {
        RowKind kind = RowKind::Cluster;
        CloudResource resource; // clusters and apps
        QString error;          // error rows: the words
        QString hint;
    };
    struct Group
    {
        RowKind kind = RowKind::Group; // or Error (an account-level error row)
        QString name;
        QString error;
        QString hint;
        QList<Item> items;
    };
    struct Account
    {
        QString id;
        QList<Group> groups;
    };

    void rebuildAccounts();
    void rebuildAccount(int row);
    void accountChanged(const QString &id); // the account's own row only
    void tick();
    QDateTime now() const;
    QList<Group> groupsFor(const QString &id) const;
    QVariant accountData(const Account &account, int column, int role) const;

    QPointer<CloudAccounts> m_accounts;
    QList<Account> m_rows;
    QTimer m_refresh;
    QTimer m_clock;
    int m_refreshInterval = 5 * 60 * 1000;
    QDateTime m_now;
};

} // namespace Orrery
