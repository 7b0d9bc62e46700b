// SPDX-License-Identifier: GPL-3.0-or-later
#include "namespacelistmodel.h"

#include <QFont>

namespace Orrery {

NamespaceListModel::NamespaceListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void NamespaceListModel::setNamespaces(const QStringList &names)
{
    QStringList sorted = names;
    sorted.sort();
    sorted.removeDuplicates();
    if (sorted == m_existing)
        return;
    m_existing = sorted;
    rebuild();
}

void NamespaceListModel::rebuild()
{
    QStringList names = m_existing;
    for (const QString &s : std::as_const(m_selected)) {
        if (!names.contains(s))
            names << s;
    }
    names.sort();
    if (names == m_names) {
        if (!m_names.isEmpty())
            emit dataChanged(index(0), index(int(m_names.size()) - 1));
        return;
    }
    beginResetModel();
    m_names = names;
    endResetModel();
}

void NamespaceListModel::setSelected(const QStringList &selected)
{
    const QSet<QString> set(selected.begin(), selected.end());
    if (set == m_selected)
        return;
    m_selected = set;
    rebuild();
    emit selectionChanged(this->selected());
}

QStringList NamespaceListModel::selected() const
{
    QStringList list(m_selected.begin(), m_selected.end());
    list.sort();
    return list;
}

int NamespaceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_names.size());
}

QVariant NamespaceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &name = m_names.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const int problems = m_problems.value(name);
        return problems > 0 ? tr("%1  · %n problem(s)", nullptr, problems).arg(name) : name;
    }
    case NameRole: return name;
    case ProblemCountRole: return m_problems.value(name);
    case Qt::CheckStateRole: return m_selected.contains(name) ? Qt::Checked : Qt::Unchecked;
    case MissingRole: return !m_existing.contains(name);
    case Qt::FontRole:
        if (!m_existing.contains(name)) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        return m_existing.contains(name) ? QVariant()
                                         : tr("This namespace does not exist (any more).");
    default: return {};
    }
}

bool NamespaceListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const QString &name = m_names.at(index.row());
    const bool checked = value.toInt() == Qt::Checked;
    if (checked == m_selected.contains(name))
        return true;
    if (checked)
        m_selected.insert(name);
    else
        m_selected.remove(name);
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit selectionChanged(selected());
    return true;
}

Qt::ItemFlags NamespaceListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
}

void NamespaceListModel::setProblemCounts(const QHash<QString, int> &counts)
{
    if (counts == m_problems)
        return;
    m_problems = counts;
    if (!m_names.isEmpty())
        emit dataChanged(index(0), index(int(m_names.size()) - 1),
                         {Qt::DisplayRole, ProblemCountRole});
}

} // namespace Orrery
