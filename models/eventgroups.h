// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/kubeobject.h>

#include <QHash>
#include <QSet>
#include <QVariant>

#include <functional>

namespace Orrery {

class ResourceTableModel;

// Repeated events grouped, as `kubectl events` does: events with the same type, reason, object
// and message (separate Event objects, e.g. written by two replicas of a controller, or
// recreated after expiry) show as one row, the newest, whose COUNT is the sum of their counts,
// FIRST SEEN the earliest and LAST SEEN the latest. Shared by the details pane's events
// (EventFilterProxyModel) and the Events page (ResourceFilterProxyModel).
class EventGroups
{
public:
    // Works the groups out again over the rows of `model` (of Events) that `include` accepts.
    void regroup(const ResourceTableModel &model, const std::function<bool(int row)> &include);
    void clear();
    bool isEmpty() const { return m_shown.isEmpty() && m_folded.isEmpty(); }

    // The Event object is folded into another row.
    bool isFolded(const QString &uid) const { return m_folded.contains(uid); }
    // How many Event objects the row of this Event stands for (1 when not grouped).
    int members(const QString &uid) const;
    // The group's value of a cell of the row shown for it (COUNT, FIRST SEEN, LAST SEEN), or an
    // invalid QVariant when the row's own value stands.
    QVariant data(const ResourceTableModel &model, const KubeObjectPtr &object, int column,
                  int role) const;

private:
    struct Group
    {
        int members = 0;
        int count = 0;
        qint64 first = 0;
        qint64 last = 0;
    };
    // By the Event object's uid: its group when it is the row shown for it.
    QHash<QString, Group> m_shown;
    // Event objects folded into another row.
    QSet<QString> m_folded;
};

} // namespace Orrery
