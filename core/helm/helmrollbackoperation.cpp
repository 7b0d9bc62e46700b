// SPDX-License-Identifier: GPL-3.0-or-later
#include "helmrollbackoperation.h"

#include "kube/actions/writeexecutor.h"
#include "kube/httptransport.h"
#include "util/async.h"
#include "util/jsonread.h"

namespace Orrery {

HelmRollbackOperation::HelmRollbackOperation(HelmRollbackPlan plan, QObject *parent)
    : QObject(parent)
    , m_plan(std::move(plan))
{
}

HelmRollbackOperation::LiveReader HelmRollbackOperation::reader(HttpTransport *transport)
{
    return [transport](const QString &path, QObject *context,
                       std::function<void(const Result<ApiResponse> &)> onFinished) {
        transport->get(path, context, std::move(onFinished));
    };
}

void HelmRollbackOperation::run(WriteExecutor *executor, LiveReader readLive)
{
    m_executor = executor;
    m_readLive = std::move(readLive);
    m_report.clear();
    m_kept.clear();
    m_failure.clear();
    m_failedInDryRun = false;
    if (!m_now.isValid())
        m_now = QDateTime::currentDateTimeUtc();
    start(Phase::DryRun, m_plan.dryRunApplies);
}

void HelmRollbackOperation::start(Phase phase, QList<PlannedWrite> writes)
{
    m_phase = phase;
    m_queue = std::move(writes);
    QMetaObject::invokeMethod(this, &HelmRollbackOperation::step, Qt::QueuedConnection);
}

void HelmRollbackOperation::step()
{
    if (m_queue.isEmpty()) {
        phaseDone(true, {});
        return;
    }
    const PlannedWrite write = m_queue.takeFirst();
    if (m_phase == Phase::Cluster && write.verb == QLatin1String("delete"))
        deleteUnlessKept(write);
    else
        send(write);
}

void HelmRollbackOperation::stepDone(const QString &line)
{
    m_report << line;
    emit progress(line);
    step();
}

void HelmRollbackOperation::deleteUnlessKept(const PlannedWrite &write)
{
    const QString path = write.request.path.section(QLatin1Char('?'), 0, 0);
    auto onLive = [this, write](const Result<ApiResponse> &live) {
        if (live.ok() && live->status == 404) {
            stepDone(tr("%1 %2 is already gone").arg(write.kind, write.name));
            return;
        }
        if (!live.ok() || !live->isSuccess()) {
            // Helm skips an object it cannot read rather than delete it blind.
            stepDone(tr("Not deleted: %1 %2 could not be read to check its resource policy (%3)")
                         .arg(write.kind, write.name,
                              live.ok() ? live->toError().message : live.error().message));
            return;
        }
        // The object is decoded on a worker, never on this (the GUI) thread.
        Async::run(
            this,
            [body = live->body] {
                const nlohmann::json object = JsonRead::parse(body);
                // Helm trims and lower-cases the policy before comparing
                // (pkg/action/resource_policy.go).
                const QString policy = JsonRead::string(
                    object, {"metadata", "annotations", ResourcePolicyAnnotation});
                return policy.trimmed().toLower() == QLatin1String(KeepPolicy);
            },
            [this, write](bool keep) {
                if (keep) {
                    m_kept.append(write);
                    stepDone(tr("Kept %1 %2 (annotated %3: %4)")
                                 .arg(write.kind, write.name,
                                      QLatin1String(ResourcePolicyAnnotation),
                                      QLatin1String(KeepPolicy)));
                    return;
                }
                send(write);
            });
    };
    if (m_readLive)
        m_readLive(path, this, onLive);
    else
        onLive(Error(Error::Code::Unsupported, tr("no way to read the cluster was given")));
}

void HelmRollbackOperation::send(const PlannedWrite &write)
{
    m_executor->send(write, this, [this, write](const Result<ApiResponse> &response) {
        const bool ok = response.ok() && response->isSuccess();
        // A delete of an object that is already gone is what we wanted (Helm ignores it too).
        const bool alreadyGone
            = response.ok() && response->status == 404 && write.verb == QLatin1String("delete");
        const QString error = ok || alreadyGone ? QString()
                              : response.ok()   ? response->toError().message
                                                : response.error().message;
        if (ok || alreadyGone) {
            stepDone(write.description);
            return;
        }
        const QString line = tr("%1: %2").arg(write.description, error);
        m_report << line;
        emit progress(line);
        phaseDone(false, error);
    });
}

void HelmRollbackOperation::phaseDone(bool ok, const QString &error)
{
    switch (m_phase) {
    case Phase::DryRun:
        if (!ok) {
            m_failedInDryRun = true;
            emit finished(false,
                          tr("Rollback \"%1\" failed: %2 (refused by the server's dry run: nothing "
                             "was written, the release is unchanged)")
                              .arg(m_plan.release, error));
            return;
        }
        start(Phase::Pending, m_plan.recordPending);
        return;
    case Phase::Pending:
        if (!ok) {
            emit finished(false, tr("Rollback \"%1\" failed: %2").arg(m_plan.release, error));
            return;
        }
        start(Phase::Cluster, m_plan.applies + m_plan.deletes);
        return;
    case Phase::Cluster:
        if (ok) {
            start(Phase::RecordSuccess, m_plan.markDeployed(m_now));
        } else {
            m_failure = error;
            start(Phase::RecordFailure, m_plan.markFailed(error, m_now));
        }
        return;
    case Phase::RecordSuccess:
        if (ok)
            emit finished(true, withKept(tr("Rollback was a success! Happy Helming!")));
        else
            emit finished(false,
                          withKept(tr("Rollback \"%1\" failed: %2").arg(m_plan.release, error)));
        return;
    case Phase::RecordFailure:
        emit finished(false,
                      withKept(tr("Rollback \"%1\" failed: %2").arg(m_plan.release, m_failure)));
        return;
    }
}

QString HelmRollbackOperation::withKept(const QString &message) const
{
    if (m_kept.isEmpty())
        return message;
    QStringList objects;
    for (const PlannedWrite &w : m_kept)
        objects << w.kind + QLatin1Char(' ') + w.name;
    return message + QLatin1Char(' ')
           + tr("Kept (annotated %1: %2): %3.")
                 .arg(QLatin1String(ResourcePolicyAnnotation), QLatin1String(KeepPolicy),
                      objects.join(QLatin1String(", ")));
}

} // namespace Orrery
