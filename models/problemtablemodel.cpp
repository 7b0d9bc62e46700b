// SPDX-License-Identifier: GPL-3.0-or-later
#include "problemtablemodel.h"

#include "contextpreferences.h"
#include "problemmonitor.h"

#include <util/ageformat.h>

#include <QFont>

#include <algorithm>

namespace Orrery {

ProblemTableModel::ProblemTableModel(ProblemMonitor *monitor, ContextPreferences *preferences,
                                     QObject *parent)
    : QAbstractTableModel(parent)
    , m_monitor(monitor)
    , m_preferences(preferences)
{
    connect(m_monitor, &ProblemMonitor::problemsChanged, this, [this](const QString &context) {
        if (m_allContexts || context == m_scope)
            refresh();
    });
}

void ProblemTableModel::setScope(const QString &context)
{
    if (context == m_scope)
        return;
    m_scope = context;
    refresh();
}

void ProblemTableModel::setAllContexts(bool all)
{
    if (all == m_allContexts)
        return;
    m_allContexts = all;
    refresh();
}

void ProblemTableModel::refresh()
{
    QList<Row> rows;
    const QStringList contexts = m_allContexts ? m_monitor->contexts() : QStringList{m_scope};
    for (const QString &context : contexts)
        for (Problem &problem : m_monitor->problems(context))
            rows << Row{context, std::move(problem)};
    if (m_allContexts) {
        std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
            if (a.problem.severity != b.problem.severity)
                return a.problem.severity > b.problem.severity;
            return a.problem.since < b.problem.since;
        });
    }
    beginResetModel();
    m_total = int(rows.size());
    if (rows.size() > kMaxRows)
        rows.resize(kMaxRows);
    m_rows = std::move(rows);
    endResetModel();
}

void ProblemTableModel::tick()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Since), index(int(m_rows.size()) - 1, Since), {Qt::DisplayRole});
}

int ProblemTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProblemTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const Problem &p = r.problem;
    switch (role) {
    case SeverityRole: return int(p.severity);
    case ContextRole: return r.context;
    case KindRole: return QVariant::fromValue(p.kind);
    case NamespaceRole: return p.namespaceName;
    case NameRole: return p.name;
    case SinceRole: return p.since;
    case Qt::ToolTipRole: return p.message;
    case Qt::FontRole:
        if (index.column() == Severity && p.severity == Problem::Severity::Critical) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Severity:
            return p.severity == Problem::Severity::Critical ? tr("Critical") : tr("Warning");
        case Context: return m_preferences ? m_preferences->displayName(r.context) : r.context;
        case Object: return kindName(p.kind) + QLatin1Char('/') + p.name;
        case Namespace: return p.namespaceName;
        case Reason: return p.reason;
        case Since: return p.since > 0 ? ageText(p.since, m_monitor->now()) : QString();
        case Message: return p.message;
        case ColumnCount: break;
        }
        return {};
    default: return {};
    }
}

QVariant ProblemTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Severity: return tr("SEVERITY");
    case Context: return tr("CONTEXT");
    case Object: return tr("OBJECT");
    case Namespace: return tr("NAMESPACE");
    case Reason: return tr("REASON");
    case Since: return tr("SINCE");
    case Message: return tr("MESSAGE");
    case ColumnCount: break;
    }
    return {};
}

} // namespace Orrery
