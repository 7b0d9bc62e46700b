// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStandardItemModel>

namespace Orrery {

class ContextPreferences;

// The sidebar's tree: clusters, each with its contexts (a cluster reached with two users shows
// two contexts). The cluster of the kubeconfig's current context comes first and the current
// context first within it; the rest keep kubeconfig order.
//
// Context items carry their connection state and the user's preferences (display name,
// colour, protected mark), refreshed when ContextPreferences changes.
//
// Cloud contexts (clusters connected in memory from the Clouds page, CloudConnections) follow
// the kubeconfig's, one group per account they come from ("Cloud: AWS devops"), their items
// marked with OriginRole; they are added and removed one by one (addCloudContext,
// removeCloudContext) and survive setContexts() with their connection state.
class ContextTreeModel : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Roles : int {
        ContextNameRole = Qt::UserRole + 1, // kubeconfig context name; empty for cluster rows
        ClusterNameRole,
        ConnectionStateRole, // int(ConnectionState)
        ColourRole,          // QColor
        ProtectedRole,       // bool
        IsClusterRole,       // bool
        StatusTextRole,      // "Connected", error text...
        IsCurrentRole,       // the kubeconfig's current-context
        ProblemCountRole,    // int: problems found in the context (ProblemMonitor)
        OriginRole,          // cloud contexts (and their group): the account; empty otherwise
    };

    enum class ConnectionState { Disconnected, Connecting, Connected, Error };
    Q_ENUM(ConnectionState)

    struct Entry
    {
        QString context;
        QString cluster;
        QString server;
        QString user;
        QString defaultNamespace;
    };

    explicit ContextTreeModel(ContextPreferences *preferences, QObject *parent = nullptr);

    void setContexts(const QList<Entry> &entries, const QString &currentContext);
    // A cloud context from the account `origin` ("AWS devops"), added under the account's
    // group (or moved there); one named like a kubeconfig context is not added. Its state
    // starts Disconnected.
    void addCloudContext(const Entry &entry, const QString &origin);
    void removeCloudContext(const QString &context);
    bool isCloudContext(const QString &context) const;
    void setConnectionState(const QString &context, ConnectionState state,
                            const QString &detail = {});
    ConnectionState connectionState(const QString &context) const;
    void setProblemCount(const QString &context, int count);

    QModelIndex indexOfContext(const QString &context) const;
    QStringList contextNames() const;
    // The context `step` places after `context` in contextNames(), round the list (-1: the one
    // before; the first or last when `context` is not listed); empty when there is none.
    QString contextAfter(const QString &context, int step) const;

private:
    void refreshContext(const QString &context);
    void refreshItem(QStandardItem *item);
    QStandardItem *makeContextItem(const Entry &e, bool isCurrent, const QString &origin = {});
    void appendCloudItem(const Entry &e, const QString &origin);

    struct CloudEntry
    {
        Entry entry;
        QString origin;
    };
    QList<CloudEntry> m_cloudEntries;

    ContextPreferences *m_preferences;
    QHash<QString, QStandardItem *> m_items;
    QString m_current;
};

} // namespace Orrery
