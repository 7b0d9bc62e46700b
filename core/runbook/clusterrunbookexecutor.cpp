// SPDX-License-Identifier: GPL-3.0-or-later
#include "clusterrunbookexecutor.h"

#include "kube/actions/operation.h"
#include "kube/actions/resourcepath.h"
#include "kube/actions/rolloutstatus.h"
#include "kube/actions/workloadactions.h"
#include "kube/actions/writeexecutor.h"
#include "kube/httptransport.h"
#include "operations/applyoperation.h"
#include "operations/helmreleaserollback.h"
#include "operations/jsonfetch.h"
#include "operations/rollbackoperation.h"
#include "operations/workloadoperations.h"
#include "util/jsonread.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QPointer>
#include <QTimer>

namespace Orrery {

namespace {

StepOutcome failure(const Error &error)
{
    return StepOutcome{false, error.toString(), error};
}

// A refused write in plain words: who may not do what where, and what to do, then the
// server's own sentence (never the Status JSON). Other failures: the Operation's report line.
QString explainRefusal(const PlannedWrite &w, const ApiResponse &response)
{
    const QString message = response.toError().message;
    if (response.status != 403)
        return message;
    const QStringList parts = w.request.path.section(QLatin1Char('?'), 0, 0)
                                  .split(QLatin1Char('/'), Qt::SkipEmptyParts);
    // …/RESOURCE/NAME or …/RESOURCE/NAME/SUBRESOURCE (scale).
    QString resource = w.kind;
    const int at = int(parts.indexOf(w.name));
    if (at > 0) {
        resource = parts.at(at - 1);
        if (at + 1 < parts.size())
            resource += QLatin1Char('/') + parts.at(at + 1);
    }
    QString text = w.ns.isEmpty()
                       ? ClusterRunbookExecutor::tr(
                             "Forbidden: this context's user may not %1 %2 on this cluster.")
                             .arg(w.verb, resource)
                       : ClusterRunbookExecutor::tr(
                             "Forbidden: this context's user may not %1 %2 in namespace %3.")
                             .arg(w.verb, resource, w.ns);
    text += QLatin1Char(' ')
            + ClusterRunbookExecutor::tr(
                "Ask a cluster administrator for this RBAC permission, or play "
                "the runbook with a context that has it.");
    if (!message.isEmpty())
        text += QLatin1Char(' ') + ClusterRunbookExecutor::tr("The server said: %1").arg(message);
    return text;
}

// Passes writes on and keeps the response of the one that failed, for explainRefusal.
class RefusalRecorder : public WriteExecutor
{
public:
    explicit RefusalRecorder(WriteExecutor *inner)
        : m_inner(inner)
    {
    }
    void send(const PlannedWrite &write, QObject *context, Handler onFinished) override
    {
        m_inner->send(write, context,
                      [this, write, onFinished](const Result<ApiResponse> &response) {
                          if (response.ok() && !response->isSuccess())
                              refusal = explainRefusal(write, *response);
                          onFinished(response);
                      });
    }
    QString refusal;

private:
    WriteExecutor *m_inner;
};

StepOutcome success(const QString &message)
{
    return StepOutcome{true, message, {}};
}

} // namespace

ClusterRunbookExecutor::ClusterRunbookExecutor(HttpTransport *transport, WriteExecutor *writer,
                                               QString defaultNamespace, QString runbookDirectory,
                                               QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_writer(writer)
    , m_defaultNamespace(std::move(defaultNamespace))
    , m_directory(std::move(runbookDirectory))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
}

ClusterRunbookExecutor::~ClusterRunbookExecutor() = default;

QString ClusterRunbookExecutor::ns(const RunbookStep &step) const
{
    return step.ns.isEmpty() ? m_defaultNamespace : step.ns;
}

OperationTarget ClusterRunbookExecutor::target(const RunbookStep &step) const
{
    return {kindFromName(step.targetKind).value_or(Kind::Deployment), ns(step), step.targetName};
}

QString ClusterRunbookExecutor::workloadPath(const RunbookStep &step) const
{
    const std::optional<Kind> kind = kindFromName(step.targetKind);
    return kind ? ResourcePath::forKind(*kind, ns(step), step.targetName) : QString();
}

void ClusterRunbookExecutor::cancel()
{
    ++m_generation;
    m_timer->stop();
    m_timer->disconnect();
}

void ClusterRunbookExecutor::get(const QString &path, JsonHandler handler)
{
    const quint64 generation = m_generation;
    fetchJson(m_transport, path, this,
              [this, generation, handler](const Result<nlohmann::json> &object) {
                  if (generation == m_generation)
                      handler(object);
              });
}

// The same operation classes the window runs (core/operations): read, plan (kubectl's
// refusals), send through the audited writer. A refused write is explained in the runbook's
// words (explainRefusal).
void ClusterRunbookExecutor::runOperation(ClusterOperation *op, Done done)
{
    op->setParent(this);
    const quint64 generation = m_generation;
    op->fetch([this, op, generation, done](const Result<void> &fetched) {
        if (generation != m_generation) {
            op->deleteLater();
            return;
        }
        if (!fetched) {
            op->deleteLater();
            return done(failure(fetched.error()));
        }
        if (const QString nothing = op->nothingToDo(); !nothing.isEmpty()) {
            op->deleteLater();
            return done(success(nothing));
        }
        const Result<QList<PlannedWrite>> writes = op->plan(false);
        if (!writes) {
            op->deleteLater();
            return done(failure(writes.error()));
        }
        const QString message = op->summary().join(QLatin1String("; "));
        connect(op, &ClusterOperation::finished, this, [op, message, done](bool ok) {
            op->deleteLater();
            const OperationReport &report = op->report();
            if (ok)
                return done(success(report.message.isEmpty() ? message : report.message));
            QString why = report.message;
            if (report.failure && report.failure->second.ok()
                && !report.failure->second->isSuccess())
                why = explainRefusal(report.failure->first, *report.failure->second);
            else if (why.isEmpty())
                why = report.lines.value(report.lines.size() - 1, report.explanation);
            done(StepOutcome{false, why, Error(Error::Code::Unknown, why)});
        });
        op->run(m_writer);
    });
}

void ClusterRunbookExecutor::send(const QList<PlannedWrite> &writes, const QString &successMessage,
                                  Done done)
{
    auto *op = new Operation(successMessage, writes, this);
    auto recorder = std::make_shared<RefusalRecorder>(m_writer);
    connect(op, &Operation::finished, this, [op, recorder, successMessage, done](bool ok) {
        op->deleteLater();
        if (ok) {
            done(success(successMessage));
            return;
        }
        const QString message = recorder->refusal.isEmpty()
                                    ? op->report().value(op->report().size() - 1)
                                    : recorder->refusal;
        done(StepOutcome{false, message, Error(Error::Code::Unknown, message)});
    });
    op->run(recorder.get());
}

void ClusterRunbookExecutor::pollRollout(const RunbookStep &step, const QString &path,
                                         qint64 deadline, Done done)
{
    get(path, [this, step, path, deadline, done](Result<nlohmann::json> obj) {
        if (!obj) {
            done(failure(obj.error()));
            return;
        }
        const RolloutStatus status = RolloutStatus::evaluate(*obj);
        if (status.done()) {
            done(success(status.message));
            return;
        }
        if (status.failed()) {
            done(failure(Error(Error::Code::Unknown, status.message)));
            return;
        }
        if (QDateTime::currentMSecsSinceEpoch() > deadline) {
            done(failure(Error(Error::Code::Timeout,
                               tr("timed out waiting for the rollout: %1").arg(status.message))));
            return;
        }
        m_timer->disconnect();
        connect(m_timer, &QTimer::timeout, this,
                [this, step, path, deadline, done] { pollRollout(step, path, deadline, done); });
        m_timer->start(m_pollMs);
    });
}

// A rollback right after a change (a runbook's set image, say) must see the ReplicaSet or
// revision that change created, or it would roll back to the wrong revision or find no
// history at all. So wait until the controller has observed the workload's latest generation.
void ClusterRunbookExecutor::rollback(const RunbookStep &step, const QString &path, qint64 deadline,
                                      Done done)
{
    get(path, [this, step, path, deadline, done](Result<nlohmann::json> obj) {
        if (!obj)
            return done(failure(obj.error()));
        const qint64 generation = JsonRead::integer(*obj, {"metadata", "generation"});
        const qint64 observed = JsonRead::integer(*obj, {"status", "observedGeneration"});
        if (observed < generation && QDateTime::currentMSecsSinceEpoch() < deadline) {
            m_timer->disconnect();
            connect(m_timer, &QTimer::timeout, this,
                    [this, step, path, deadline, done] { rollback(step, path, deadline, done); });
            m_timer->start(m_pollMs);
            return;
        }
        const std::optional<Kind> kind = kindFromName(step.targetKind);
        if (!kind)
            return done(failure(Error(Error::Code::Unsupported, step.targetKind)));
        auto *op = new RollbackOperation(m_transport, {*kind, ns(step), step.targetName});
        op->setRevision(step.revision);
        runOperation(op, done);
    });
}

QString ClusterRunbookExecutor::loadAnnotation()
{
    return QStringLiteral("sim.orrery.dev/load-percent");
}

Result<PlannedWrite> ClusterRunbookExecutor::planSetLoad(const nlohmann::json &workload,
                                                         int percent)
{
    auto w = WorkloadActions::target(workload, QStringLiteral("patch"));
    if (!w)
        return w;
    if (w->kind != QLatin1String("Deployment") && w->kind != QLatin1String("StatefulSet"))
        return Error(Error::Code::Unsupported,
                     tr("The simulator drives the load of Deployments and StatefulSets only."));
    w->request.method = "PATCH";
    // A merge patch with null removes the annotation: the simulator returns to its schedule.
    const nlohmann::json value
        = percent < 0 ? nlohmann::json(nullptr) : nlohmann::json(std::to_string(percent));
    WorkloadActions::setBody(
        *w, {{"metadata", {{"annotations", {{loadAnnotation().toStdString(), value}}}}}},
        "application/merge-patch+json");
    const QString object = w->kind + QLatin1Char(' ') + w->ns + QLatin1Char('/') + w->name;
    w->description
        = percent < 0
              ? tr("Set the simulated load of %1 back to its schedule").arg(object)
              : tr("Set the simulated load of %1 to %2% of its peak").arg(object).arg(percent);
    return w;
}

// Only orrery-sim has a load model; it says so in /version. On any other cluster the
// annotation would be meaningless, so the step fails instead of writing it.
void ClusterRunbookExecutor::setLoad(const RunbookStep &step, const QString &path, Done done)
{
    get(QStringLiteral("/version"), [this, step, path, done](Result<nlohmann::json> version) {
        if (!version)
            return done(failure(version.error()));
        if (!JsonRead::boolean(*version, "orrerySimulator"))
            return done(failure(
                Error(Error::Code::Unsupported, tr("setLoad works only on the demo cluster"))));
        get(path, [this, step, done](Result<nlohmann::json> obj) {
            if (!obj)
                return done(failure(obj.error()));
            auto w = planSetLoad(*obj, step.loadPercent);
            if (!w)
                return done(failure(w.error()));
            send({*w}, w->description, done);
        });
    });
}

void ClusterRunbookExecutor::execute(const RunbookStep &step, Done done)
{
    using T = RunbookStep::Type;
    const QString path = workloadPath(step);
    switch (step.type) {
    case T::Caption: done(success(step.text)); return;
    case T::Show: done(success(step.view)); return;
    case T::Wait:
        m_timer->disconnect();
        connect(m_timer, &QTimer::timeout, this,
                [done, step] { done(success(tr("waited %1 s").arg(step.seconds))); });
        m_timer->start(step.seconds * 1000);
        return;
    case T::SetLoad: setLoad(step, path, done); return;
    case T::Scale: {
        auto *op = new ScaleOperation(m_transport, target(step));
        op->setReplicas(step.replicas);
        runOperation(op, done);
        return;
    }
    case T::SetImage: {
        auto *op = new SetImageOperation(m_transport, target(step));
        op->setImage(step.container, step.image);
        runOperation(op, done);
        return;
    }
    case T::Restart: runOperation(new RestartOperation(m_transport, target(step)), done); return;
    case T::Rollback:
        rollback(step, path, QDateTime::currentMSecsSinceEpoch() + 30000, done);
        return;
    case T::HelmRollback:
        runOperation(
            new HelmReleaseRollback(m_transport, ns(step), step.release, step.revision, {}), done);
        return;
    case T::Apply: {
        const QString file = QDir(m_directory).filePath(step.file);
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            Error e(Error::Code::FileError,
                    tr("Cannot read %1: %2").arg(step.file, f.errorString()));
            e.file = file;
            done(failure(e));
            return;
        }
        // The operation the window's "Apply manifests…" runs: planned on a worker, refused
        // with the file's own errors (file:line), sent through the audited writer.
        auto *op = new ApplyOperation(m_transport, {{file, f.readAll()}}, ns(step), {});
        op->setServerDryRun(step.dryRun);
        const QPointer<ApplyOperation> applied(op);
        runOperation(op, [applied, stepFile = step.file, done](StepOutcome outcome) {
            if (outcome.ok && applied)
                outcome.message
                    = tr("applied %1 objects from %2").arg(applied->writes().size()).arg(stepFile);
            done(outcome);
        });
        return;
    }
    case T::WaitForRollout:
        pollRollout(step, path,
                    QDateTime::currentMSecsSinceEpoch() + qint64(step.timeoutSeconds) * 1000, done);
        return;
    }
}

} // namespace Orrery
