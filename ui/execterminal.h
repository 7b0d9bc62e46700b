// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/execsession.h>

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;

namespace Orrery {

class TerminalView;

// A shell in a container: a TerminalView wired to an ExecSession (the command of
// `kubectl exec -it POD -- sh -c "bash || sh"`), with a line naming the target and the
// connection state, and Reconnect once it ended. The terminal's size goes to the resize
// channel; keys and pastes to stdin.
//
// The terminal opens nothing itself: a session comes from the audited ExecOperation
// (OperationRunner::streamOpened) and is handed over with attach(); Reconnect asks for a new
// one (reconnectRequested), which takes the same path.
class ExecTerminal : public QWidget
{
    Q_OBJECT

public:
    ExecTerminal(ExecOptions options, QString contextName, QWidget *parent = nullptr);
    ~ExecTerminal() override;

    TerminalView *terminal() const { return m_terminal; }
    ExecSession *session() const { return m_session.get(); }
    const ExecOptions &options() const { return m_options; }
    QString contextName() const { return m_context; }
    QString title() const;
    // Takes a started session (running or about to be) and shows it.
    void attach(std::unique_ptr<ExecSession> session);

signals:
    void ended(const QString &message);
    void reconnectRequested();

private:
    void onStarted();
    void onFinished(const Result<int> &result);

    ExecOptions m_options;
    QString m_context;
    std::unique_ptr<ExecSession> m_session;
    TerminalView *m_terminal = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_reconnect = nullptr;
};

} // namespace Orrery
