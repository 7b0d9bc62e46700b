// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QSet>
#include <QStringList>

namespace Orrery {

// The namespaces of a cluster, each checkable, for the namespace filter. No namespace checked
// means "all namespaces". Checked namespaces that no longer exist stay listed (in italics) so a
// remembered choice survives a namespace being recreated.
class NamespaceListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles : int { NameRole = Qt::UserRole + 1, MissingRole, ProblemCountRole };

    explicit NamespaceListModel(QObject *parent = nullptr);

    void setNamespaces(const QStringList &names); // existing namespaces
    QStringList namespaces() const { return m_names; }

    void setSelected(const QStringList &selected);
    QStringList selected() const; // sorted
    bool isAll() const { return m_selected.isEmpty(); }
    // Problems per namespace (ProblemMonitor), shown after the name; absent: none.
    void setProblemCounts(const QHash<QString, int> &counts);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

signals:
    void selectionChanged(const QStringList &selected);

private:
    void rebuild();

    QStringList m_existing;
    QStringList m_names; // existing ∪ selected, sorted
    QSet<QString> m_selected;
    QHash<QString, int> m_problems;
};

} // namespace Orrery
