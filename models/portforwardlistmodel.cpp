// SPDX-License-Identifier: GPL-3.0-or-later
#include "portforwardlistmodel.h"

namespace Orrery {

PortForwardListModel::PortForwardListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

PortForwardListModel::~PortForwardListModel()
{
    stopAll();
}

void PortForwardListModel::add(std::unique_ptr<PortForwardSession> session)
{
    if (!session)
        return;
    PortForwardSession *s = session.get();
    s->setParent(nullptr);
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(Row{std::move(session), {}, false});
    endInsertRows();
    connect(s, &PortForwardSession::listening, this, [this, s] { changed(s); });
    connect(s, &PortForwardSession::connectionsChanged, this, [this, s] { changed(s); });
    connect(s, &PortForwardSession::failed, this, [this, s](const Error &error) {
        if (const int r = rowOf(s); r >= 0) {
            m_rows[std::size_t(r)].problem = error.message;
            m_rows[std::size_t(r)].failed = true;
        }
        changed(s);
    });
    connect(s, &PortForwardSession::streamError, this, [this, s](const QString &message) {
        if (const int r = rowOf(s); r >= 0)
            m_rows[std::size_t(r)].problem = message;
        changed(s);
    });
}

void PortForwardListModel::stop(int row)
{
    if (row < 0 || row >= int(m_rows.size()))
        return;
    beginRemoveRows({}, row, row);
    std::unique_ptr<PortForwardSession> session = std::move(m_rows[std::size_t(row)].session);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
    session->disconnect(this);
    session->stop(); // its end is recorded (the operation listens to stopped())
}

void PortForwardListModel::stopAll()
{
    while (!m_rows.empty())
        stop(int(m_rows.size()) - 1);
}

PortForwardSession *PortForwardListModel::sessionAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)].session.get() : nullptr;
}

int PortForwardListModel::rowOf(const PortForwardSession *session) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].session.get() == session)
            return int(i);
    return -1;
}

void PortForwardListModel::changed(const PortForwardSession *session)
{
    const int r = rowOf(session);
    if (r >= 0)
        emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
}

int PortForwardListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PortForwardListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PortForwardListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const PortForwardSession *s = row.session.get();
    const PortForwardOptions &o = s->options();
    if (role == UrlRole)
        return s->isListening() ? QStringLiteral("http://127.0.0.1:%1").arg(s->localPort())
                                : QString();
    if (role == FailedRole)
        return row.failed || !row.problem.isEmpty();
    if (role == Qt::ToolTipRole)
        return row.problem.isEmpty() ? QVariant() : QVariant(row.problem);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Context: return s->contextName();
    case Pod: return o.ns + QLatin1Char('/') + o.pod;
    case Local:
        return s->isListening() ? QStringLiteral("127.0.0.1:%1").arg(s->localPort())
                                : QStringLiteral("127.0.0.1:%1").arg(o.localPort);
    case Remote: return int(o.remotePort);
    case Connections:
        return tr("%1 open, %2 in all").arg(s->activeConnections()).arg(s->totalConnections());
    case State:
        if (row.failed)
            return tr("Failed: %1").arg(row.problem);
        if (!s->isListening())
            return tr("Starting…");
        if (!row.problem.isEmpty())
            return tr("Listening (last error: %1)").arg(row.problem);
        return tr("Listening");
    default: return {};
    }
}

QVariant PortForwardListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Context: return tr("Context");
    case Pod: return tr("Pod");
    case Local: return tr("Local address");
    case Remote: return tr("Pod port");
    case Connections: return tr("Connections");
    case State: return tr("State");
    default: return {};
    }
}

} // namespace Orrery
