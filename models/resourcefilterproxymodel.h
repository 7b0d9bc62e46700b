// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/labelselector.h>

#include <QSet>
#include <QSortFilterProxyModel>

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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const class ResourceTableModel *m_table = nullptr; // the source, when it is one
    QSet<QString> m_namespaces;
    QString m_filterText;
    QString m_needle;
    QString m_filterError;
    LabelSelector m_selector;
};

} // namespace Orrery
