// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/portforwardsession.h>

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace Orrery {

// The port-forwards of a window, one row each (context, pod, local address, pod port,
// connections, state), and their owner: a forward lives while its row does. stop(row) closes
// the listener and its connections and removes the row; a forward that could not listen
// stays, marked failed, until stopped (removed). Rows change with the sessions' signals, one
// dataChanged per change of a row.
class PortForwardListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Context, Pod, Local, Remote, Connections, State, ColumnCount };
    enum Roles : int {
        // The local URL ("http://127.0.0.1:8080"), empty until listening.
        UrlRole = Qt::UserRole,
        FailedRole, // bool: listening failed or a connection was refused
    };

    explicit PortForwardListModel(QObject *parent = nullptr);
    ~PortForwardListModel() override;

    // Takes `session` (started or not) and shows it.
    void add(std::unique_ptr<PortForwardSession> session);
    // Stops the forward of `row` and removes it.
    void stop(int row);
    void stopAll();
    PortForwardSession *sessionAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        std::unique_ptr<PortForwardSession> session;
        QString problem; // the last error said, one line
        bool failed = false;
    };
    int rowOf(const PortForwardSession *session) const;
    void changed(const PortForwardSession *session);

    std::vector<Row> m_rows;
};

} // namespace Orrery
