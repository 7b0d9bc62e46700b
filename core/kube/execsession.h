// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusterconnection.h"
#include "util/result.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace Orrery {

namespace Internal {
class WebSocketConnection;
}

struct ExecOptions
{
    QString ns;
    QString pod;
    QString container; // empty: the pod's only container
    QStringList command = shellCommand();
    bool tty = true;
    bool stdinOpen = true;

    // What `kubectl exec -it POD -- sh -c "bash || sh"` runs: bash where the image has it,
    // else sh.
    static QStringList shellCommand()
    {
        return {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("bash || sh")};
    }
    // /api/v1/namespaces/NS/pods/POD/exec?command=...&container=...&stdin=...&tty=...
    QString path() const;
};

// A command in a container over the remote-command WebSocket protocol kubectl 1.30+ speaks:
// v5.channel.k8s.io (stdin can be closed), falling back to v4.channel.k8s.io. Channels:
// 0 stdin, 1 stdout, 2 stderr, 3 error (the final Status with the exit code), 4 resize.
//
// The network runs on the session's own thread (Internal::WebSocketConnection); signals are
// delivered on the thread that owns the session. Output is handed on as it arrives and not
// kept; input beyond the connection's bounded queue is refused (write() returns false).
class ExecSession : public QObject
{
    Q_OBJECT

public:
    ExecSession(ClusterConnection connection, ExecOptions options, QObject *parent = nullptr);
    // Closes the stream and joins its thread; a session still running says finished()
    // (Cancelled) first.
    ~ExecSession() override;

    const ExecOptions &options() const { return m_options; }
    void start();
    bool isRunning() const { return m_running; }
    QByteArray protocol() const { return m_protocol; }

    bool write(const QByteArray &input);
    // v5 only: tells the command its input ended (`cat` ends, a shell exits).
    void closeStdin();
    void resize(int columns, int rows);
    // Ends the stream without waiting for the command; finished() follows.
    void terminate();

signals:
    void started(const QByteArray &protocol);
    void output(const QByteArray &data, int channel); // 1 stdout (and the tty), 2 stderr
    // The command's exit code, or why the stream failed (refused, forbidden, lost).
    void finished(const Orrery::Result<int> &exitCode);

private:
    void onMessage(const QByteArray &message);
    void onClosed(const Result<void> &result);

    ExecOptions m_options;
    ClusterConnection m_connection;
    std::unique_ptr<Internal::WebSocketConnection> m_socket;
    QByteArray m_protocol;
    bool m_running = false;
    bool m_done = false;
    std::optional<Result<int>> m_status; // from the error channel
};

// Reads the Status of the error channel: 0 for Success, the ExitCode cause of
// NonZeroExitCode, an Error for anything else. Tolerant of any input.
Result<int> execExitStatus(const QByteArray &statusJson);

} // namespace Orrery
