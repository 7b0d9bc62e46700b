// SPDX-License-Identifier: GPL-3.0-or-later
#include "contexttreemodel.h"

#include "contextpreferences.h"
#include "resourcetablemodel.h"

#include <QPainter>
#include <QPixmap>

#include <utility>

namespace Orrery {

namespace {

// The protected/error red is the tables' error hue: models cannot see the light/dark theme, and
// that hue reads on both looks (ResourceTableModel::severityColour). A context's own colour is
// the user's choice and stays as chosen.
QColor errorRed()
{
    return ResourceTableModel::severityColour(RowSeverity::Error);
}

QIcon colourDot(const QColor &colour, bool isProtected, ContextTreeModel::ConnectionState state)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const bool connected = state == ContextTreeModel::ConnectionState::Connected;
    p.setPen(QPen(colour.darker(130), 1.5));
    // Filled when connected, a ring otherwise: connection state readable without colour.
    p.setBrush(connected ? colour : Qt::transparent);
    if (isProtected)
        p.drawRect(QRectF(2.5, 2.5, 11, 11));
    else
        p.drawEllipse(QRectF(2.5, 2.5, 11, 11));
    if (state == ContextTreeModel::ConnectionState::Error) {
        p.setPen(QPen(errorRed(), 2));
        p.drawLine(QPointF(4, 4), QPointF(12, 12));
    }
    return QIcon(pixmap);
}

} // namespace

ContextTreeModel::ContextTreeModel(ContextPreferences *preferences, QObject *parent)
    : QStandardItemModel(parent)
    , m_preferences(preferences)
{
    connect(preferences, &ContextPreferences::changed, this, &ContextTreeModel::refreshContext);
}

void ContextTreeModel::setContexts(const QList<Entry> &entries, const QString &currentContext)
{
    // The cloud contexts are not the kubeconfig's: they stay, with their state.
    struct Kept
    {
        QVariant state, status, problems;
    };
    QHash<QString, Kept> kept;
    for (const CloudEntry &c : std::as_const(m_cloudEntries))
        if (const QStandardItem *item = m_items.value(c.entry.context))
            kept.insert(c.entry.context,
                        {item->data(ConnectionStateRole), item->data(StatusTextRole),
                         item->data(ProblemCountRole)});
    clear();
    m_items.clear();
    m_current = currentContext;

    QStringList clusterOrder;
    QHash<QString, QList<Entry>> byCluster;
    QString currentCluster;
    for (const Entry &e : entries) {
        if (e.context == currentContext)
            currentCluster = e.cluster;
        if (!byCluster.contains(e.cluster))
            clusterOrder << e.cluster;
        byCluster[e.cluster] << e;
    }
    if (!currentCluster.isEmpty()) {
        clusterOrder.removeOne(currentCluster);
        clusterOrder.prepend(currentCluster);
    }

    for (const QString &cluster : std::as_const(clusterOrder)) {
        auto *clusterItem = new QStandardItem(cluster.isEmpty() ? tr("(no cluster)") : cluster);
        clusterItem->setData(cluster, ClusterNameRole);
        clusterItem->setData(true, IsClusterRole);
        clusterItem->setFlags(Qt::ItemIsEnabled);
        QFont f = clusterItem->font();
        f.setBold(true);
        clusterItem->setFont(f);
        // Muted by the sidebar's delegate (IsClusterRole), which follows the theme.
        QList<Entry> contexts = byCluster.value(cluster);
        std::stable_partition(contexts.begin(), contexts.end(),
                              [&](const Entry &e) { return e.context == currentContext; });
        for (const Entry &e : std::as_const(contexts))
            clusterItem->appendRow(makeContextItem(e, e.context == currentContext));
        appendRow(clusterItem);
    }

    const QList<CloudEntry> clouds = std::exchange(m_cloudEntries, {});
    for (const CloudEntry &c : clouds) {
        if (m_items.contains(c.entry.context))
            continue; // the kubeconfig has a context of that name now
        appendCloudItem(c.entry, c.origin);
        QStandardItem *item = m_items.value(c.entry.context);
        const auto it = kept.constFind(c.entry.context);
        if (!item || it == kept.constEnd())
            continue;
        item->setData(it->state, ConnectionStateRole);
        item->setData(it->status, StatusTextRole);
        item->setData(it->problems, ProblemCountRole);
        refreshItem(item);
    }
}

QStandardItem *ContextTreeModel::makeContextItem(const Entry &e, bool isCurrent,
                                                 const QString &origin)
{
    auto *item = new QStandardItem;
    item->setData(e.context, ContextNameRole);
    item->setData(e.cluster, ClusterNameRole);
    item->setData(int(ConnectionState::Disconnected), ConnectionStateRole);
    item->setData(false, IsClusterRole);
    item->setData(isCurrent, IsCurrentRole);
    item->setData(tr("Not connected"), StatusTextRole);
    item->setData(origin, OriginRole);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    QString tip
        = tr("Context %1\nServer: %2\nUser: %3\nNamespace: %4")
              .arg(e.context, e.server, e.user,
                   e.defaultNamespace.isEmpty() ? QStringLiteral("default") : e.defaultNamespace);
    if (!origin.isEmpty())
        tip += QStringLiteral("\n")
               + tr("From the cloud account %1, connected in memory (not in the kubeconfig)")
                     .arg(origin);
    item->setData(tip, Qt::UserRole + 100);
    m_items.insert(e.context, item);
    refreshItem(item);
    return item;
}

void ContextTreeModel::appendCloudItem(const Entry &e, const QString &origin)
{
    // The account's group: after the kubeconfig's clusters, in the order accounts came.
    QStandardItem *group = nullptr;
    for (int r = 0; r < rowCount() && !group; ++r)
        if (item(r)->data(IsClusterRole).toBool() && item(r)->data(OriginRole).toString() == origin)
            group = item(r);
    QStandardItem *contextItem = makeContextItem(e, false, origin);
    m_cloudEntries.append({e, origin});
    if (group) {
        group->appendRow(contextItem);
        return;
    }
    group = new QStandardItem(tr("Cloud: %1").arg(origin));
    group->setData(origin, OriginRole);
    group->setData(true, IsClusterRole);
    group->setFlags(Qt::ItemIsEnabled);
    group->setToolTip(tr("Clusters of %1 connected from the Clouds page").arg(origin));
    QFont f = group->font();
    f.setBold(true);
    group->setFont(f);
    group->appendRow(contextItem);
    appendRow(group);
}

void ContextTreeModel::addCloudContext(const Entry &entry, const QString &origin)
{
    if (origin.isEmpty() || entry.context.isEmpty())
        return;
    if (m_items.contains(entry.context)) {
        if (!isCloudContext(entry.context))
            return; // a kubeconfig context has that name
        removeCloudContext(entry.context);
    }
    appendCloudItem(entry, origin);
}

void ContextTreeModel::removeCloudContext(const QString &context)
{
    if (!isCloudContext(context))
        return;
    m_cloudEntries.removeIf([&](const CloudEntry &c) { return c.entry.context == context; });
    QStandardItem *contextItem = m_items.take(context);
    if (!contextItem)
        return;
    QStandardItem *group = contextItem->parent();
    if (!group)
        return;
    group->removeRow(contextItem->row());
    if (group->rowCount() == 0)
        removeRow(group->row());
}

bool ContextTreeModel::isCloudContext(const QString &context) const
{
    for (const CloudEntry &c : m_cloudEntries)
        if (c.entry.context == context)
            return true;
    return false;
}

void ContextTreeModel::setConnectionState(const QString &context, ConnectionState state,
                                          const QString &detail)
{
    QStandardItem *item = m_items.value(context);
    if (!item)
        return;
    item->setData(int(state), ConnectionStateRole);
    QString text;
    switch (state) {
    case ConnectionState::Disconnected: text = tr("Not connected"); break;
    case ConnectionState::Connecting: text = tr("Connecting…"); break;
    case ConnectionState::Connected: text = tr("Connected"); break;
    case ConnectionState::Error: text = detail.isEmpty() ? tr("Error") : detail; break;
    }
    item->setData(text, StatusTextRole);
    refreshItem(item);
}

void ContextTreeModel::setProblemCount(const QString &context, int count)
{
    QStandardItem *item = m_items.value(context);
    if (!item || item->data(ProblemCountRole).toInt() == count)
        return;
    item->setData(count, ProblemCountRole);
    refreshItem(item);
}

ContextTreeModel::ConnectionState ContextTreeModel::connectionState(const QString &context) const
{
    const QStandardItem *item = m_items.value(context);
    return item ? ConnectionState(item->data(ConnectionStateRole).toInt())
                : ConnectionState::Disconnected;
}

QModelIndex ContextTreeModel::indexOfContext(const QString &context) const
{
    const QStandardItem *item = m_items.value(context);
    return item ? item->index() : QModelIndex();
}

QString ContextTreeModel::contextAfter(const QString &context, int step) const
{
    const QStringList names = contextNames();
    if (names.isEmpty())
        return {};
    return names.value((names.indexOf(context) + names.size() + step) % names.size());
}

QStringList ContextTreeModel::contextNames() const
{
    QStringList names;
    for (int r = 0; r < rowCount(); ++r) {
        const QStandardItem *cluster = item(r);
        for (int c = 0; c < cluster->rowCount(); ++c)
            names << cluster->child(c)->data(ContextNameRole).toString();
    }
    return names;
}

void ContextTreeModel::refreshContext(const QString &context)
{
    if (QStandardItem *item = m_items.value(context))
        refreshItem(item);
}

void ContextTreeModel::refreshItem(QStandardItem *item)
{
    const QString context = item->data(ContextNameRole).toString();
    const QColor colour = m_preferences->colour(context);
    const bool isProtected = m_preferences->isProtected(context);
    const auto state = ConnectionState(item->data(ConnectionStateRole).toInt());
    QString text = m_preferences->displayName(context);
    // A cloud context is "NAME (ACCOUNT)" under the account's group: NAME says it there.
    const QString origin = item->data(OriginRole).toString();
    const QString suffix = QStringLiteral(" (") + origin + QLatin1Char(')');
    if (!origin.isEmpty() && text == context && text.endsWith(suffix) && text != suffix)
        text.chop(suffix.size());
    if (isProtected)
        text += QStringLiteral("  \u25A0"); // a glyph DejaVu has (the lock emoji was a box)
    item->setText(text);
    item->setData(colour, ColourRole);
    item->setData(isProtected, ProtectedRole);
    item->setIcon(colourDot(isProtected ? errorRed() : colour, isProtected, state));
    QString tip = item->data(Qt::UserRole + 100).toString() + QStringLiteral("\n")
                  + item->data(StatusTextRole).toString();
    if (isProtected)
        tip += QStringLiteral("\n") + tr("Protected: changes need confirmation");
    if (const int problems = item->data(ProblemCountRole).toInt(); problems > 0)
        tip += QStringLiteral("\n") + tr("%n problem(s)", nullptr, problems);
    item->setToolTip(tip);
    QFont f = item->font();
    f.setBold(item->data(IsCurrentRole).toBool());
    item->setFont(f);
    if (state == ConnectionState::Error)
        item->setForeground(errorRed());
    else
        item->setData(QVariant(), Qt::ForegroundRole);
}

} // namespace Orrery
