// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventgroups.h"

#include "resourcetablemodel.h"

#include <util/ageformat.h>

#include <QCoreApplication>
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

void EventGroups::clear()
{
    m_shown.clear();
    m_folded.clear();
}

void EventGroups::regroup(const ResourceTableModel &model,
                          const std::function<bool(int row)> &include)
{
    clear();
    struct Acc
    {
        QString shownUid;
        qint64 shownLast = std::numeric_limits<qint64>::min();
        Group group;
        QStringList uids;
    };
    QHash<QString, Acc> groups;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (!include(row))
            continue;
        const KubeObjectPtr object = model.objectAt(row);
        const EventData *e = object ? object->event() : nullptr;
        if (!e)
            continue;
        Acc &acc = groups[groupKey(*e)];
        const qint64 last = lastOf(*object, *e);
        const qint64 first = firstOf(*object, *e);
        acc.uids << object->uid;
        acc.group.members += 1;
        acc.group.count += qMax(1, e->count);
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

int EventGroups::members(const QString &uid) const
{
    const auto it = m_shown.constFind(uid);
    return it == m_shown.cend() ? 1 : it->members;
}

QVariant EventGroups::data(const ResourceTableModel &model, const KubeObjectPtr &object, int column,
                           int role) const
{
    const auto it = object ? m_shown.constFind(object->uid) : m_shown.cend();
    if (it == m_shown.cend() || it->members < 2)
        return {};
    const Group &g = *it;
    if (column == model.columnOf("count")) {
        if (role == Qt::ToolTipRole)
            return QCoreApplication::translate(
                "Orrery::EventFilterProxyModel",
                "%n event(s) grouped: same type, reason, object and message", nullptr, g.members);
        return role == ResourceTableModel::SortRole ? QVariant(qint64(g.count))
                                                    : QVariant(QString::number(g.count));
    }
    const bool last = column == model.columnOf("last-seen");
    if (!last && column != model.columnOf("first-seen"))
        return {};
    const qint64 t = last ? g.last : g.first;
    if (role == ResourceTableModel::SortRole)
        return t > 0 ? -t : std::numeric_limits<qint64>::min();
    if (role == Qt::ToolTipRole)
        return t > 0 ? QDateTime::fromSecsSinceEpoch(t).toString(Qt::ISODate) : QVariant();
    return t > 0 ? ageText(t, QDateTime::currentSecsSinceEpoch()) : QStringLiteral("<none>");
}

} // namespace Orrery
