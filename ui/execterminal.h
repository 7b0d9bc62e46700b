// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/clusterconnection.h>
#include <kube/execsession.h>

#include <QWidget>

class QLabel;
class QPushButton;

namespace Orrery {

class TerminalView;

// A shell in a container: a TerminalView wired to an ExecSession (the command of
// `kubectl exec -it POD -- sh -c "bash || sh"`), with a line naming the target and the
// connection state, and Reconnect once it ended. The terminal's size goes to the resize
// channel; keys and pastes to stdin.
class ExecTerminal : public QWidget
{
    Q_OBJECT

public:
    ExecTerminal(ClusterConnection connection, ExecOptions options, QWidget *parent = nullptr);
    ~ExecTerminal() override;

    TerminalView *terminal() const { return m_terminal; }
    ExecSession *session() const { return m_session.get(); }
    QString title() const;
    void start();

signals:
    void ended(const QString &message);

private:
    void onFinished(const Result<int> &result);

    ClusterConnection m_connection;
    ExecOptions m_options;
    std::unique_ptr<ExecSession> m_session;
    TerminalView *m_terminal = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_reconnect = nullptr;
};

} // namespace Orrery
