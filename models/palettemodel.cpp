// SPDX-License-Identifier: GPL-3.0-or-later
#include "palettemodel.h"

#include "fuzzymatcher.h"

namespace Orrery {

PaletteModel::PaletteModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void PaletteModel::setEntries(QList<PaletteEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int PaletteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant PaletteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PaletteEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return e.title;
    case Qt::ToolTipRole:
    case SubtitleRole: return e.subtitle;
    case TypeRole: return int(e.type);
    case PayloadRole: return e.payload;
    case ContextRole: return e.context;
    default: return {};
    }
}

PaletteFilterProxyModel::PaletteFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(false);
}

void PaletteFilterProxyModel::setPattern(const QString &pattern)
{
    m_pattern = pattern.trimmed();
    m_scores.clear();
    invalidate();
    sort(0, Qt::AscendingOrder);
}

int PaletteFilterProxyModel::score(int sourceRow) const
{
    if (const auto it = m_scores.constFind(sourceRow); it != m_scores.constEnd())
        return *it;
    const QModelIndex index = sourceModel()->index(sourceRow, 0);
    const QString title = index.data(Qt::DisplayRole).toString();
    int s = FuzzyMatcher::score(m_pattern, title);
    if (s < 0) {
        // "pod web" finds pod web-1 through "subtitle title".
        const int combined
            = FuzzyMatcher::score(m_pattern, index.data(PaletteModel::SubtitleRole).toString()
                                                 + QLatin1Char(' ') + title);
        s = combined >= 0 ? combined / 2 : -1;
    }
    if (s >= 0) {
        const auto type = PaletteEntry::Type(index.data(PaletteModel::TypeRole).toInt());
        if (type != PaletteEntry::Type::Resource)
            s += 3;
    }
    m_scores.insert(sourceRow, s);
    return s;
}

bool PaletteFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    return m_pattern.isEmpty() || score(sourceRow) >= 0;
}

bool PaletteFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int l = score(left.row());
    const int r = score(right.row());
    if (l != r)
        return l > r; // best first
    const auto lt = left.data(PaletteModel::TypeRole).toInt();
    const auto rt = right.data(PaletteModel::TypeRole).toInt();
    if (lt != rt)
        return lt < rt;
    return left.data().toString().compare(right.data().toString(), Qt::CaseInsensitive) < 0;
}

} // namespace Orrery
