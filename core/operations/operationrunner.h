// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusteroperation.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace Orrery {

class AuditLog;
class ClusterSession;
class ClusterWriteExecutor;
class HttpTransport;

// The one path of an operation a user starts (docs/operations.md): fetch → parameters →
// the checks before anything is sent (nothing to do, kubectl's refusals) → confirmation →
// the audited run → what follows (report, rollouts to follow, undo). The two steps that need
// a person are the caller's: a Configure hook per start() (a parameter dialog) and the one
// Confirm hook (the confirmation); everything else is decided here and said through signals,
// so the window and a test without widgets take the same path. Writes go through one
// ClusterWriteExecutor per session, recording to the application's one AuditLog.
//
// Owns each operation from start() (or run()) until it is finished; a Configure or Confirm
// hook that drops an operation calls deleteLater() on it.
class OperationRunner : public QObject
{
    Q_OBJECT
public:
    // The session an operation was started on, and its context (kept after a disconnect).
    struct Target
    {
        QPointer<ClusterSession> session;
        QString context;
    };
    static Target targetOf(ClusterSession *session);

    // Shows the parameters of a fetched operation and calls confirm() with it (or drops it).
    using Configure = std::function<void(const Target &, ClusterOperation *)>;
    // Asks the user about a planned operation and calls run() (or drops it).
    using Confirm = std::function<void(const Target &, ClusterOperation *)>;

    // `audit` (not owned) records every write.
    explicit OperationRunner(AuditLog *audit, QObject *parent = nullptr);
    ~OperationRunner() override;

    void setConfirmation(Confirm confirm) { m_confirm = std::move(confirm); }

    // fetch → `configure` (none: straight to confirm()).
    void start(const Target &t, ClusterOperation *op, Configure configure = {});
    // Nothing to do and kubectl's refusals end here (signals); else the Confirm hook.
    void confirm(const Target &t, ClusterOperation *op);
    // Sends the writes; the outcome comes as signals. Again after canForce(): the previous
    // outcome handling is replaced.
    void run(const Target &t, ClusterOperation *op);
    // The audited writer of `session`, made on first use and dropped with the session.
    ClusterWriteExecutor *executor(ClusterSession *session);
    // The audited writer of a transport other than a session's (a directly reached
    // Alertmanager: silences), made on first use and dropped with the transport.
    ClusterWriteExecutor *executor(HttpTransport *transport);
    // False, and failed() says so, when `t` has no session (and `op`, when given, needs one:
    // ClusterOperation::needsSession).
    bool checkSession(const Target &t, const ClusterOperation *op = nullptr);

signals:
    // `context`: the context of the operation's target, so the window shows it only there.
    void statusMessage(const QString &context, const QString &text);
    // Before or after sending: `title` and the reason in words.
    void failed(const QString &title, const QString &text);
    // kubectl succeeds without writing ("node/a already cordoned"): said, nothing confirmed.
    void nothingToDo(const QString &title, const QString &text);
    // A run finished (ok or not); `report` is the operation's report.
    void operationFinished(bool ok, const QString &description, const QStringList &report);
    // After a successful run: a workload whose rollout to follow, on `t`'s session.
    void rolloutStarted(const Orrery::OperationRunner::Target &t,
                        const Orrery::OperationTarget &workload);
    // After a successful run on `t`: `undo` makes the operation that reverts it, for the
    // receiver to start() on `t` (confirmed as usual) and to follow (finished, or dropped when
    // the confirmation is cancelled: the offer then stands).
    void undoOffered(const Orrery::OperationRunner::Target &t, const QString &text,
                     const Orrery::ClusterOperation::Factory &undo);
    // A failed run that force would get through (ClusterOperation::canForce): `op` stays
    // alive, the receiver runs it again with force or drops it.
    void forceOffered(const Orrery::OperationRunner::Target &t, Orrery::ClusterOperation *op);
    // After a successful run of an operation that opens a stream (exec: an ExecSession,
    // port-forward: a PortForwardSession): the live session, parented to the runner until the
    // receiver takes it (setParent). `op` is deleted later.
    void streamOpened(const Orrery::OperationRunner::Target &t, Orrery::ClusterOperation *op,
                      QObject *stream);

private:
    QPointer<AuditLog> m_audit;
    Confirm m_confirm;
    QHash<ClusterSession *, std::shared_ptr<ClusterWriteExecutor>> m_executors;
    QHash<HttpTransport *, std::shared_ptr<ClusterWriteExecutor>> m_transportExecutors;
};

} // namespace Orrery
