// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "eventgroups.h"

#include <kube/labelselector.h>

#include <QSet>
#include <QSortFilterProxyModel>
#include <QTimer>

namespace Orrery {

// Sorts and filters a ResourceTableModel: by namespace set (empty = all), and by the search
// box, which is read as a label selector when it looks like one ("app=web,tier!=db") and as
// case-insensitive text on name and namespace otherwise. Dynamic sort and filter are on, so
// rows that change move to their place while the view keeps the selection.
class ResourceFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ResourceFilterProxyModel(QObject *parent = nullptr);

    void setNamespaces(const QStringList &namespaces);
    QStringList namespaces() const;

    // Returns false (and keeps the previous filter) when the text is an invalid selector;
    // filterError() then says why.
    bool setFilterString(const QString &text);
    QString filterString() const { return m_filterText; }
    QString filterError() const { return m_filterError; }
    bool isSelectorFilter() const { return !m_selector.isEmpty(); }

    void setSourceModel(QAbstractItemModel *model) override;

    // The Events page: repeated events (among those the namespaces and the filter let
    // through) as one row, as in the details pane (EventGroups). Off by default; only a
    // source of Events is grouped. The groups are worked out again once per event loop turn
    // after the source changed, at once when the namespaces or the filter do.
    void setGroupEvents(bool group);
    bool groupsEvents() const { return m_groupEvents; }
    // How many Event objects the row stands for (1 when not grouped).
    int groupSize(const QModelIndex &index) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool acceptsUngrouped(int sourceRow) const;
    bool grouping() const;
    void regroup();

    const class ResourceTableModel *m_table = nullptr; // the source, when it is one
    QSet<QString> m_namespaces;
    QString m_filterText;
    QString m_needle;
    QString m_filterError;
    LabelSelector m_selector;
    bool m_groupEvents = false;
    EventGroups m_groups;
    QTimer m_regroup;
};

} // namespace Orrery
