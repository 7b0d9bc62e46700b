// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertsmodel.h"

#include <util/ageformat.h>

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace Orrery {

namespace {

// Group rows have internalId 0; alert rows carry their group's row + 1.
constexpr quintptr s_groupId = 0;

QString namespaceOf(const Alert &alert)
{
    const QString exported = alert.labels.value(QStringLiteral("exported_namespace"));
    return exported.isEmpty() ? alert.labels.value(QStringLiteral("namespace")) : exported;
}

} // namespace

AlertsModel::AlertsModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

AlertsModel::~AlertsModel() = default;

QString AlertsModel::severityTitle(AlertSeverity severity)
{
    switch (severity) {
    case AlertSeverity::Critical: return tr("Critical");
    case AlertSeverity::Warning: return tr("Warning");
    case AlertSeverity::Info: return tr("Info");
    case AlertSeverity::None: break;
    }
    return tr("None");
}

QColor AlertsModel::severityColour(AlertSeverity severity)
{
    // The topology's badge colours (TopologyStyle::alertColor), readable on both looks.
    switch (severity) {
    case AlertSeverity::Critical: return QColor(0xd3, 0x2f, 0x2f);
    case AlertSeverity::Warning: return QColor(0xe0, 0x7b, 0x00);
    case AlertSeverity::Info: return QColor(0x19, 0x76, 0xd2);
    case AlertSeverity::None: break;
    }
    return {};
}

QString AlertsModel::objectKeyOf(const AlertIndex &index, const Alert &alert)
{
    QString best;
    for (const QString &key : index.keysOf(alert)) {
        if (key.startsWith(QLatin1String("namespace/"))) {
            if (best.isEmpty())
                best = key;
            continue;
        }
        // A pod names the object most precisely; otherwise the first named object.
        if (key.startsWith(QLatin1String("pod/")))
            return key;
        if (best.isEmpty() || best.startsWith(QLatin1String("namespace/")))
            best = key;
    }
    return best;
}

QString AlertsModel::objectText(const QString &key)
{
    const int slash = int(key.indexOf(QLatin1Char('/')));
    if (slash < 0)
        return key;
    return key.left(slash) + QLatin1Char(' ') + key.mid(slash + 1);
}

void AlertsModel::setState(std::shared_ptr<const AlertsState> state)
{
    if (m_state && state && m_state->index.alerts() == state->index.alerts()
        && m_state->silences == state->silences && m_state->unavailable == state->unavailable) {
        m_state = std::move(state); // same rows: only the ages move, which data() computes
        if (!m_groups.isEmpty())
            for (int g = 0; g < m_groups.size(); ++g) {
                const QModelIndex parentIndex = index(g, 0);
                const int rows = int(m_groups[g].alerts.size());
                if (rows > 0)
                    emit dataChanged(index(0, StartedColumn, parentIndex),
                                     index(rows - 1, StartedColumn, parentIndex),
                                     {Qt::DisplayRole});
            }
        return;
    }
    beginResetModel();
    m_state = std::move(state);
    m_groups.clear();
    if (m_state) {
        const QList<Alert> &alerts = m_state->index.alerts();
        QMap<std::pair<int, QString>, int> groupOf; // (−severity, ns) → group
        for (int i = 0; i < alerts.size(); ++i) {
            const Alert &a = alerts[i];
            const auto key = std::make_pair(-int(a.severity()), namespaceOf(a));
            auto it = groupOf.find(key);
            if (it == groupOf.end()) {
                it = groupOf.insert(key, int(m_groups.size()));
                m_groups.append(Group{a.severity(), key.second, {}});
            }
            m_groups[*it].alerts << i;
        }
        std::sort(m_groups.begin(), m_groups.end(), [](const Group &a, const Group &b) {
            if (a.severity != b.severity)
                return int(a.severity) > int(b.severity);
            return a.ns < b.ns;
        });
        for (Group &g : m_groups) {
            std::stable_sort(g.alerts.begin(), g.alerts.end(), [&alerts](int x, int y) {
                const Alert &a = alerts[x];
                const Alert &b = alerts[y];
                if (a.name() != b.name())
                    return a.name() < b.name();
                return a.startsAt > b.startsAt; // newest first
            });
        }
    }
    endResetModel();
}

const Alert *AlertsModel::alertAt(const QModelIndex &index) const
{
    if (!m_state || !index.isValid() || index.internalId() == s_groupId)
        return nullptr;
    const int group = int(index.internalId()) - 1;
    if (group < 0 || group >= m_groups.size() || index.row() >= m_groups[group].alerts.size())
        return nullptr;
    return &m_state->index.alerts()[m_groups[group].alerts[index.row()]];
}

QModelIndex AlertsModel::indexOf(const QString &fingerprint) const
{
    if (!m_state)
        return {};
    const QList<Alert> &alerts = m_state->index.alerts();
    for (int g = 0; g < m_groups.size(); ++g) {
        for (int r = 0; r < m_groups[g].alerts.size(); ++r) {
            if (alerts[m_groups[g].alerts[r]].fingerprint == fingerprint)
                return createIndex(r, 0, quintptr(g + 1));
        }
    }
    return {};
}

QModelIndex AlertsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, s_groupId) : QModelIndex();
    if (parent.internalId() != s_groupId || parent.row() >= m_groups.size())
        return {};
    if (row >= m_groups[parent.row()].alerts.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex AlertsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == s_groupId)
        return {};
    return createIndex(int(child.internalId()) - 1, 0, s_groupId);
}

int AlertsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != s_groupId || parent.row() >= m_groups.size())
        return 0;
    return int(m_groups[parent.row()].alerts.size());
}

int AlertsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant AlertsModel::groupData(const Group &group, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return tr("%1 · %2 (%3)")
                .arg(severityTitle(group.severity), group.ns.isEmpty() ? tr("cluster") : group.ns)
                .arg(group.alerts.size());
        return {};
    case Qt::FontRole:
        if (column == NameColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::DecorationRole:
        return column == NameColumn ? QVariant(severityColour(group.severity)) : QVariant();
    case SeverityRole: return int(group.severity);
    case NamespaceRole: return group.ns;
    case IsGroupRole: return true;
    default: return {};
    }
}

QVariant AlertsModel::alertData(const Alert &alert, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn: return alert.name();
        case SummaryColumn: return alert.summary();
        case StartedColumn:
            return alert.startsAt.isValid() ? ageText(alert.startsAt.toSecsSinceEpoch(),
                                                      QDateTime::currentSecsSinceEpoch())
                                            : QStringLiteral("—");
        case ObjectColumn: return objectText(objectKeyOf(m_state->index, alert));
        case RunbookColumn: return alert.runbookUrl();
        case StateColumn:
            if (alert.isSilenced())
                return tr("silenced");
            if (alert.isInhibited())
                return tr("inhibited");
            return alert.state == Alert::State::Unprocessed ? tr("unprocessed") : tr("firing");
        default: return {};
        }
    case Qt::ToolTipRole:
        switch (column) {
        case SummaryColumn: {
            const QString d = alert.description();
            return d.isEmpty() ? QVariant() : QVariant(d);
        }
        case StartedColumn:
            return alert.startsAt.isValid() ? alert.startsAt.toString(Qt::ISODate) : QVariant();
        case RunbookColumn:
            return alert.runbookUrl().isEmpty() ? QVariant() : QVariant(tr("Open the runbook"));
        case StateColumn: {
            QStringList lines;
            for (const QString &id : alert.silencedBy) {
                const Silence *s = m_state->silence(id);
                lines << (s ? tr("Silenced by %1 until %2: %3")
                                  .arg(s->createdBy, s->endsAt.toLocalTime().toString(Qt::ISODate),
                                       s->comment)
                            : tr("Silenced by %1").arg(id));
            }
            return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
        }
        default: return {};
        }
    case Qt::ForegroundRole:
        if (column == RunbookColumn)
            return QBrush(QGuiApplication::palette().color(QPalette::Link));
        if (alert.isSilenced() || alert.isInhibited())
            return QBrush(QGuiApplication::palette().color(QPalette::PlaceholderText));
        return {};
    case Qt::FontRole:
        if (column == RunbookColumn && !alert.runbookUrl().isEmpty()) {
            QFont f;
            f.setUnderline(true);
            return f;
        }
        return {};
    case Qt::DecorationRole:
        return column == NameColumn ? QVariant(severityColour(alert.severity())) : QVariant();
    case FingerprintRole: return alert.fingerprint;
    case SeverityRole: return int(alert.severity());
    case NamespaceRole: return namespaceOf(alert);
    case ObjectKeyRole: return objectKeyOf(m_state->index, alert);
    case RunbookRole: return alert.runbookUrl();
    case SilenceIdsRole: return alert.silencedBy;
    case IsGroupRole: return false;
    default: return {};
    }
}

QVariant AlertsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_state)
        return {};
    if (index.internalId() == s_groupId)
        return groupData(m_groups[index.row()], index.column(), role);
    const Alert *alert = alertAt(index);
    return alert ? alertData(*alert, index.column(), role) : QVariant();
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Alert");
    case SummaryColumn: return tr("Summary");
    case StartedColumn: return tr("Started");
    case ObjectColumn: return tr("Object");
    case RunbookColumn: return tr("Runbook");
    case StateColumn: return tr("State");
    default: return {};
    }
}

} // namespace Orrery
