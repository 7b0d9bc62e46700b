// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventfilterproxymodel.h"

#include "resourcetablemodel.h"

#include <util/ageformat.h>

#include <QDateTime>

#include <limits>

namespace Orrery {

namespace {

QString groupKey(const EventData &e)
{
    return e.type + QChar(0) + e.reason + QChar(0) + e.involvedKind + QChar(0) + e.involvedNamespace
           + QChar(0) + e.involvedName + QChar(0) + e.message;
}

qint64 lastOf(const KubeObject &o, const EventData &e)
{
    return e.lastTimestamp ? e.lastTimestamp : o.creationTimestamp;
}

qint64 firstOf(const KubeObject &o, const EventData &e)
{
    return e.firstTimestamp ? e.firstTimestamp : lastOf(o, e);
}

} // namespace

EventFilterProxyModel::EventFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ResourceTableModel::SortRole);
    setDynamicSortFilter(true);
    m_regroup.setSingleShot(true);
    m_regroup.setInterval(0);
    connect(&m_regroup, &QTimer::timeout, this, &EventFilterProxyModel::regroup);
}

void EventFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    if (sourceModel())
        disconnect(sourceModel(), nullptr, &m_regroup, nullptr);
    QSortFilterProxyModel::setSourceModel(model);
    if (!model)
        return;
    const auto later = [this] { m_regroup.start(); };
    connect(model, &QAbstractItemModel::rowsInserted, &m_regroup, later);
    connect(model, &QAbstractItemModel::rowsRemoved, &m_regroup, later);
    connect(model, &QAbstractItemModel::dataChanged, &m_regroup, later);
    connect(model, &QAbstractItemModel::modelReset, &m_regroup, later);
    connect(model, &QAbstractItemModel::layoutChanged, &m_regroup, later);
    regroup();
}

void EventFilterProxyModel::setInvolvedObject(const QString &uid, const QString &kind,
                                              const QString &ns, const QString &name)
{
    m_uid = uid;
    m_kind = kind;
    m_namespace = ns;
    m_name = name;
    regroup();
}

bool EventFilterProxyModel::matches(int sourceRow) const
{
    const auto *model = qobject_cast<const ResourceTableModel *>(sourceModel());
    if (!model || (m_uid.isEmpty() && m_name.isEmpty()))
        return false;
    const KubeObjectPtr object = model->objectAt(sourceRow);
    const EventData *e = object ? object->event() : nullptr;
    if (!e)
        return false;
    if (!m_uid.isEmpty() && e->involvedUid == m_uid)
        return true;
    return e->involvedName == m_name && e->involvedKind == m_kind
           && e->involvedNamespace == m_namespace;
}

void EventFilterProxyModel::regroup()
{
    m_regroup.stop();
    m_shown.clear();
    m_folded.clear();
    const auto *model = qobject_cast<const ResourceTableModel *>(sourceModel());
    if (model) {
        struct Acc
        {
            QString shownUid;
            qint64 shownLast = std::numeric_limits<qint64>::min();
            Group group;
            QStringList uids;
        };
        QHash<QString, Acc> groups;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (!matches(row))
                continue;
            const KubeObjectPtr object = model->objectAt(row);
            const EventData &e = *object->event();
            Acc &acc = groups[groupKey(e)];
            const qint64 last = lastOf(*object, e);
            const qint64 first = firstOf(*object, e);
            acc.uids << object->uid;
            acc.group.members += 1;
            acc.group.count += qMax(1, e.count);
            acc.group.first = acc.group.members == 1 ? first : qMin(acc.group.first, first);
            acc.group.last = qMax(acc.group.last, last);
            if (last > acc.shownLast) {
                acc.shownLast = last;
                acc.shownUid = object->uid;
            }
        }
        for (const Acc &acc : std::as_const(groups)) {
            m_shown.insert(acc.shownUid, acc.group);
            for (const QString &uid : acc.uids)
                if (uid != acc.shownUid)
                    m_folded.insert(uid);
        }
    }
    invalidateFilter();
    // The shown rows' counts and times may have changed without a change of their own.
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

bool EventFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!matches(sourceRow))
        return false;
    const auto *model = qobject_cast<const ResourceTableModel *>(sourceModel());
    const KubeObjectPtr object = model->objectAt(sourceRow);
    return !m_folded.contains(object->uid);
}

int EventFilterProxyModel::groupSize(const QModelIndex &index) const
{
    const auto *model = qobject_cast<const ResourceTableModel *>(sourceModel());
    if (!model || !index.isValid())
        return 0;
    const KubeObjectPtr object = model->objectAt(mapToSource(index).row());
    if (!object)
        return 0;
    const auto it = m_shown.constFind(object->uid);
    return it == m_shown.cend() ? 1 : it->members;
}

QVariant EventFilterProxyModel::data(const QModelIndex &index, int role) const
{
    const auto *model = qobject_cast<const ResourceTableModel *>(sourceModel());
    if (!model || !index.isValid()
        || (role != Qt::DisplayRole && role != Qt::ToolTipRole
            && role != ResourceTableModel::SortRole))
        return QSortFilterProxyModel::data(index, role);
    const KubeObjectPtr object = model->objectAt(mapToSource(index).row());
    const auto it = object ? m_shown.constFind(object->uid) : m_shown.cend();
    if (it == m_shown.cend() || it->members < 2)
        return QSortFilterProxyModel::data(index, role);
    const Group &g = *it;
    const int column = index.column();
    if (column == model->columnOf("count")) {
        if (role == Qt::ToolTipRole)
            return tr("%n event(s) grouped: same type, reason, object and message", nullptr,
                      g.members);
        return role == ResourceTableModel::SortRole ? QVariant(qint64(g.count))
                                                    : QVariant(QString::number(g.count));
    }
    const bool last = column == model->columnOf("last-seen");
    if (!last && column != model->columnOf("first-seen"))
        return QSortFilterProxyModel::data(index, role);
    const qint64 t = last ? g.last : g.first;
    if (role == ResourceTableModel::SortRole)
        return t > 0 ? -t : std::numeric_limits<qint64>::min();
    if (role == Qt::ToolTipRole)
        return t > 0 ? QDateTime::fromSecsSinceEpoch(t).toString(Qt::ISODate) : QVariant();
    return t > 0 ? ageText(t, QDateTime::currentSecsSinceEpoch()) : QStringLiteral("<none>");
}

} // namespace Orrery
