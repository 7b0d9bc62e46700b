// SPDX-License-Identifier: GPL-3.0-or-later
#include "operationcatalog.h"

#include "cordonoperation.h"
#include "flyoperations.h"
#include "pipelineoperations.h"
#include "rollbackoperation.h"
#include "streamoperations.h"
#include "workloadoperations.h"

#include <functional>

namespace Orrery {

namespace {

struct Row
{
    const char *id;
    const char *label; // translated in the OperationCatalog context
    std::function<AccessCheck(Kind, const QString &ns)> access;
    std::function<ClusterOperation *(HttpTransport *, const OperationTarget &, QObject *)> create;
};

template <typename Op> Row workload(const char *id, const char *label)
{
    return {id, label, &Op::access, [](HttpTransport *t, const OperationTarget &o, QObject *p) {
                return static_cast<ClusterOperation *>(new Op(t, o, p));
            }};
}

Row pause(const char *id, const char *label, bool paused)
{
    return {id, label, &PauseOperation::access,
            [paused](HttpTransport *t, const OperationTarget &o, QObject *p) {
                return static_cast<ClusterOperation *>(new PauseOperation(t, o, paused, p));
            }};
}

Row cordon(const char *id, const char *label, bool cordon)
{
    return {id, label, [](Kind, const QString &) { return CordonOperation::access(); },
            [cordon](HttpTransport *t, const OperationTarget &o, QObject *p) {
                return static_cast<ClusterOperation *>(new CordonOperation(t, o.name, cordon, p));
            }};
}

// A stream into a pod (exec, port-forward): only pods have one.
template <typename Op> Row stream(const char *id, const char *label)
{
    return {id, label, [](Kind, const QString &ns) { return Op::access(ns); },
            [](HttpTransport *t, const OperationTarget &o, QObject *p) -> ClusterOperation * {
                if (o.kind != Kind::Pod)
                    return nullptr;
                return new Op(t, o.ns, o.name, p);
            }};
}

const QList<Row> &rows()
{
    static const QList<Row> table = {
        workload<ScaleOperation>("scale",
                                 QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Scale\u2026")),
        workload<RestartOperation>("restart",
                                   QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Restart")),
        pause("pause", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Pause rollout"), true),
        pause("resume", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Resume rollout"), false),
        workload<SetImageOperation>(
            "set-image", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Set image\u2026")),
        workload<RollbackOperation>(
            "rollback", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Roll back\u2026")),
        cordon("cordon", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Cordon"), true),
        cordon("uncordon", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Uncordon"), false),
        workload<DeleteOperation>("delete",
                                  QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Delete\u2026")),
        stream<ExecOperation>("exec", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Shell")),
        stream<PortForwardOperation>(
            "port-forward", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Port forward\u2026")),
    };
    return table;
}

const Row *row(const QString &id)
{
    for (const Row &r : rows())
        if (id == QLatin1String(r.id))
            return &r;
    return nullptr;
}

struct PipelineRow
{
    const char *id;
    const char *label; // translated in the OperationCatalog context
};

constexpr PipelineRow s_pipelineRows[] = {
    {"pipeline-trigger", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Run workflow\u2026")},
    {"pipeline-rerun", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Re-run all jobs")},
    {"pipeline-rerun-failed", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Re-run failed jobs")},
    {"pipeline-rerun-job", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Re-run job")},
    {"pipeline-cancel", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Cancel run")},
    {"pipeline-approve", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Approve deployment\u2026")},
    {"pipeline-reject", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Reject deployment\u2026")},
    {"pipeline-download-log", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Download log\u2026")},
};

// Fly.io (FlyOperation): machines on the app view's machine nodes, the others on groups and
// the app.
constexpr PipelineRow s_flyRows[] = {
    {"fly-machine-restart", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Restart machine")},
    {"fly-machine-stop", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Stop machine")},
    {"fly-machine-start", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Start machine")},
    {"fly-scale", QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Scale process group\u2026")},
    {"fly-deploy-release",
     QT_TRANSLATE_NOOP("Orrery::OperationCatalog", "Deploy a previous release\u2026")},
};

} // namespace

QStringList OperationCatalog::ids(Kind kind, bool paused, bool unschedulable)
{
    // kubectl offers no "resume" on a running rollout either.
    QStringList ids = allowedOperations(kind);
    ids.removeOne(paused ? QStringLiteral("pause") : QStringLiteral("resume"));
    ids.removeOne(unschedulable ? QStringLiteral("cordon") : QStringLiteral("uncordon"));
    return ids;
}

QString OperationCatalog::label(const QString &id)
{
    const Row *r = row(id);
    if (r)
        return tr(r->label);
    for (const PipelineRow &p : s_pipelineRows)
        if (id == QLatin1String(p.id))
            return tr(p.label);
    for (const PipelineRow &p : s_flyRows)
        if (id == QLatin1String(p.id))
            return tr(p.label);
    return id;
}

std::optional<AccessCheck> OperationCatalog::access(const QString &id, Kind kind, const QString &ns)
{
    const Row *r = row(id);
    return r ? std::optional<AccessCheck>(r->access(kind, ns)) : std::nullopt;
}

ClusterOperation *OperationCatalog::create(const QString &id, HttpTransport *transport,
                                           const OperationTarget &object, QObject *parent)
{
    const Row *r = row(id);
    return r ? r->create(transport, object, parent) : nullptr;
}

QStringList OperationCatalog::pipelineIds()
{
    QStringList ids;
    for (const PipelineRow &p : s_pipelineRows)
        ids << QLatin1String(p.id);
    return ids;
}

ClusterOperation *OperationCatalog::createPipeline(const QString &id,
                                                   std::shared_ptr<PipelineClient> client,
                                                   HttpTransport *transport,
                                                   const PipelineActionTarget &target,
                                                   QObject *parent)
{
    const std::optional<PipelineAction> action = PipelineOperation::actionFromId(id);
    return action ? new PipelineOperation(std::move(client), transport, *action, target, parent)
                  : nullptr;
}

QStringList OperationCatalog::flyIds()
{
    QStringList ids;
    for (const PipelineRow &p : s_flyRows)
        ids << QLatin1String(p.id);
    return ids;
}

ClusterOperation *OperationCatalog::createFly(const QString &id, FlyClient *client,
                                              const FlyActionTarget &target, QObject *parent)
{
    const std::optional<FlyAction> action = FlyOperation::actionFromId(id);
    return action ? new FlyOperation(client, *action, target, parent) : nullptr;
}

} // namespace Orrery
