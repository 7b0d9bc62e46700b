// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusteroperation.h"

#include "kube/actions/writeexecutor.h"
#include "kube/execsession.h"
#include "kube/portforwardsession.h"

#include <QList>
#include <QPointer>

#include <memory>

namespace Orrery {

// A container port a pod declares (spec.containers[].ports[]).
struct PodPort
{
    QString container;
    QString name; // may be empty
    int port = 0;
    QString protocol; // "TCP" unless said
};

// Exec and port-forward as operations: the same path as every change (OperationRunner:
// access check, preview, confirmation, audited run, report), though what they open is a
// stream rather than a write. fetch() reads the pod; plan() describes the stream as one
// PlannedWrite (verb "exec" or "port-forward", its body the command or the ports: what the
// audit log's summary shows) and refuses what kubectl refuses before connecting (a completed
// or pending pod, an unknown container or port); dryRun() asks the API server whether the
// user may (SelfSubjectAccessReview for create on pods/exec or pods/portforward: a stream has
// no server dry run); run() records the intent through the writer (WriteExecutor::
// recordStream: on disk before the stream opens, and not opened when it cannot be recorded),
// opens the stream, and finishes once the API server accepted it (the upgrade) or refused
// it. The outcome line is written when the stream ends (exit code, or the forward stopped).
// After a successful run takeStream() hands the live session to the caller, who owns it; take
// it in the handler of finished() (as OperationRunner does): what the stream says later goes
// only to those connected to it by then.
class StreamOperation : public ClusterOperation
{
    Q_OBJECT
public:
    using ClusterOperation::ClusterOperation;

    void dryRun(WriteExecutor *writer, DryRunDone done) override;
    bool needsConfirmation() const override { return false; }
};

// `kubectl exec -it POD [-c CONTAINER] -- sh -c "bash || sh"` (or another command).
class ExecOperation : public StreamOperation
{
    Q_OBJECT
public:
    ExecOperation(HttpTransport *transport, const QString &ns, const QString &pod,
                  QObject *parent = nullptr);

    static AccessCheck access(const QString &ns)
    {
        return accessFor(QStringLiteral("create"), Kind::Pod, ns, QStringLiteral("exec"));
    }

    // Parameters. The container: empty means the pod's only (or first, as kubectl's default
    // container annotation aside) container.
    void setContainer(const QString &container) { m_options.container = container; }
    void setCommand(const QStringList &command) { m_options.command = command; }
    void setTty(bool tty) { m_options.tty = tty; }
    void setStdin(bool open) { m_options.stdinOpen = open; }
    // After fetch(): the pod's containers, in spec order.
    QStringList containers() const;
    // The options the session is opened with (container resolved after fetch()).
    ExecOptions options() const;

    QString title() const override;
    QString actionLabel() const override;
    QString failureTitle() const override;
    QString progressText() const override;
    QList<AccessCheck> requiredAccess() const override { return {access(target().ns)}; }
    Result<QList<PlannedWrite>> plan(bool dryRun) const override;
    void run(WriteExecutor *writer) override;
    std::unique_ptr<QObject> takeStream() override;
    ExecSession *session() const { return m_session.get(); }

private:
    ExecOptions m_options;
    std::unique_ptr<ExecSession> m_session;
};

// `kubectl port-forward pod/POD LOCAL:REMOTE` (address 127.0.0.1).
class PortForwardOperation : public StreamOperation
{
    Q_OBJECT
public:
    PortForwardOperation(HttpTransport *transport, const QString &ns, const QString &pod,
                         QObject *parent = nullptr);

    static AccessCheck access(const QString &ns)
    {
        return accessFor(QStringLiteral("create"), Kind::Pod, ns, QStringLiteral("portforward"));
    }

    // Parameters: the pod's port and the local one (0: any free port).
    void setRemotePort(int port) { m_remotePort = port; }
    void setLocalPort(int port) { m_localPort = port; }
    int remotePort() const { return m_remotePort; }
    int localPort() const { return m_localPort; }
    // After fetch(): the ports the pod's containers declare.
    QList<PodPort> ports() const;

    QString title() const override;
    QString actionLabel() const override;
    QString failureTitle() const override;
    QString progressText() const override;
    QList<AccessCheck> requiredAccess() const override { return {access(target().ns)}; }
    Result<QList<PlannedWrite>> plan(bool dryRun) const override;
    void run(WriteExecutor *writer) override;
    std::unique_ptr<QObject> takeStream() override;
    PortForwardSession *session() const { return m_session.get(); }

private:
    int m_remotePort = 0;
    int m_localPort = 0;
    std::unique_ptr<PortForwardSession> m_session;
};

// The pod's ports as `kubectl port-forward` resolves them: every spec.containers[].ports[]
// entry (init containers excluded). Tolerant of any JSON.
QList<PodPort> podPorts(const nlohmann::json &pod);

} // namespace Orrery
