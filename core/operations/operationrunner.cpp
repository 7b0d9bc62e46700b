// SPDX-License-Identifier: GPL-3.0-or-later
#include "operationrunner.h"

#include "clusterwriteexecutor.h"

#include "audit/auditlog.h"
#include "kube/clustersession.h"
#include "kube/httptransport.h"

namespace Orrery {

OperationRunner::OperationRunner(AuditLog *audit, QObject *parent)
    : QObject(parent)
    , m_audit(audit)
{
}

OperationRunner::~OperationRunner() = default;

OperationRunner::Target OperationRunner::targetOf(ClusterSession *session)
{
    return Target{session, session ? session->connection().contextName : QString()};
}

bool OperationRunner::checkSession(const Target &t, const ClusterOperation *op)
{
    if (t.session || (op && !op->needsSession()))
        return true;
    emit failed(tr("Not connected"),
                tr("Connect to a context first: there is no cluster to send this to."));
    return false;
}

ClusterWriteExecutor *OperationRunner::executor(ClusterSession *session)
{
    auto it = m_executors.find(session);
    if (it != m_executors.end())
        return it->get();
    auto executor = std::make_shared<ClusterWriteExecutor>(session->transport(), m_audit.data());
    m_executors.insert(session, executor);
    connect(session, &QObject::destroyed, this, [this, session] { m_executors.remove(session); });
    return executor.get();
}

ClusterWriteExecutor *OperationRunner::executor(HttpTransport *transport)
{
    auto it = m_transportExecutors.find(transport);
    if (it != m_transportExecutors.end())
        return it->get();
    auto executor = std::make_shared<ClusterWriteExecutor>(transport, m_audit.data());
    m_transportExecutors.insert(transport, executor);
    connect(transport, &QObject::destroyed, this,
            [this, transport] { m_transportExecutors.remove(transport); });
    return executor.get();
}

void OperationRunner::start(const Target &t, ClusterOperation *op, Configure configure)
{
    if (!checkSession(t, op)) {
        delete op;
        return;
    }
    op->setParent(this);
    op->fetch([this, t, op, configure](const Result<void> &fetched) {
        if (!fetched.ok() || (!t.session && op->needsSession())) {
            emit failed(op->failureTitle(), fetched.ok() ? tr("the cluster was disconnected")
                                                         : fetched.error().toString());
            op->deleteLater();
            return;
        }
        if (configure)
            configure(t, op);
        else
            confirm(t, op);
    });
}

void OperationRunner::confirm(const Target &t, ClusterOperation *op)
{
    if (const QString nothing = op->nothingToDo(); !nothing.isEmpty()) {
        emit nothingToDo(op->nothingToDoTitle(), nothing);
        op->deleteLater();
        return;
    }
    if (const Result<QList<PlannedWrite>> planned = op->plan(false); !planned.ok()) {
        // kubectl's own refusals ("can't restart paused deployment ...").
        emit failed(op->refusalTitle(), planned.error().message);
        op->deleteLater();
        return;
    }
    if (m_confirm)
        m_confirm(t, op);
    else
        op->deleteLater();
}

void OperationRunner::run(const Target &t, ClusterOperation *op)
{
    if (!checkSession(t, op)) {
        op->deleteLater();
        return;
    }
    op->setParent(this);
    emit statusMessage(t.context, op->progressText());
    disconnect(op, &ClusterOperation::finished, this, nullptr);
    connect(op, &ClusterOperation::finished, this, [this, t, op](bool ok) {
        const OperationReport &report = op->report();
        emit operationFinished(ok, report.description, report.lines);
        if (!ok && op->canForce()) {
            emit forceOffered(t, op);
            return;
        }
        op->deleteLater();
        if (!ok) {
            emit failed(op->runFailureTitle(), report.explanation);
            return;
        }
        emit statusMessage(t.context, report.message.isEmpty()
                                          ? tr("Done: %1").arg(report.description)
                                          : report.message);
        if (t.session)
            for (const OperationTarget &workload : op->rollouts())
                emit rolloutStarted(t, workload);
        if (const ClusterOperation::Factory undo = op->undo())
            emit undoOffered(t, op->undoText(), undo);
        if (std::unique_ptr<QObject> stream = op->takeStream()) {
            QObject *opened = stream.release();
            opened->setParent(this); // until a receiver takes it
            emit streamOpened(t, op, opened);
        }
    });
    // An operation on another transport than the session's (a silence sent to an
    // Alertmanager reached directly) writes through that transport, audited the same way.
    HttpTransport *transport = op->transport();
    op->run(transport && (!t.session || transport != t.session->transport()) ? executor(transport)
                                                                             : executor(t.session));
}

} // namespace Orrery
