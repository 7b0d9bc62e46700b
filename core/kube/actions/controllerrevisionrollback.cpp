// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllerrevisionrollback.h"

#include "deploymentrollback.h"
#include "jsonutil.h"
#include "workloadactions.h"

#include <QCoreApplication>

#include <algorithm>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::ControllerRevisionRollback", text);
}

} // namespace

nlohmann::json ControllerRevisionRollback::controlled(const nlohmann::json &workload,
                                                      const nlohmann::json &controllerRevisions)
{
    const QString uid = JsonUtil::uid(workload);
    std::vector<nlohmann::json> kept;
    for (const auto &cr : JsonUtil::items(controllerRevisions))
        if (JsonUtil::controlledBy(cr, uid) && JsonUtil::ns(cr) == JsonUtil::ns(workload))
            kept.push_back(cr);
    // historiesByRevision: stable order by revision.
    std::stable_sort(
        kept.begin(), kept.end(), [](const nlohmann::json &a, const nlohmann::json &b) {
            return JsonUtil::integer(a, {"revision"}) < JsonUtil::integer(b, {"revision"});
        });
    return nlohmann::json(kept);
}

nlohmann::json ControllerRevisionRollback::storedTemplate(const nlohmann::json &controllerRevision)
{
    const nlohmann::json *t = JsonUtil::find(controllerRevision, {"data", "spec", "template"});
    if (!t || !t->is_object())
        return nlohmann::json::object();
    nlohmann::json copy = *t;
    copy.erase("$patch");
    return copy;
}

Result<RollbackPlan> ControllerRevisionRollback::plan(const nlohmann::json &workload,
                                                      const nlohmann::json &controllerRevisions,
                                                      qint64 toRevision, bool dryRun)
{
    if (toRevision < 0)
        return Error(Error::Code::NotFound,
                     tr("unable to find specified revision %1 in history").arg(toRevision));
    const QString kind = JsonUtil::kind(workload);
    if (kind != QLatin1String("StatefulSet") && kind != QLatin1String("DaemonSet"))
        return Error(Error::Code::Unsupported,
                     tr("no rollbacker has been implemented for %1").arg(kind));

    const nlohmann::json history = controlled(workload, controllerRevisions);
    if (toRevision == 0 && history.size() <= 1)
        return Error(Error::Code::NotFound, tr("no last revision to roll back to"));

    const nlohmann::json *chosen = nullptr;
    if (toRevision == 0) {
        chosen = &history[history.size() - 2];
    } else {
        for (const auto &cr : history)
            if (JsonUtil::integer(cr, {"revision"}) == toRevision) {
                chosen = &cr;
                break;
            }
    }
    if (!chosen)
        return Error(Error::Code::NotFound,
                     tr("unable to find specified revision %1 in history").arg(toRevision));

    RollbackPlan plan;
    plan.toRevision = JsonUtil::integer(*chosen, {"revision"});
    const nlohmann::json current = JsonUtil::object(workload, {"spec", "template"});
    if (JsonUtil::pruned(current) == JsonUtil::pruned(storedTemplate(*chosen))) {
        plan.skipped = true;
        plan.message
            = tr("skipped rollback (current template already matches revision %1)").arg(toRevision);
        return plan;
    }
    const nlohmann::json *data = JsonUtil::find(*chosen, {"data"});
    if (!data || !data->is_object())
        return Error(Error::Code::ParseError,
                     tr("ControllerRevision %1 holds no data").arg(JsonUtil::name(*chosen)));

    auto w = WorkloadActions::target(workload, QStringLiteral("patch"));
    if (!w)
        return w.error();
    w->dryRun = dryRun;
    w->request.method = "PATCH";
    WorkloadActions::setBody(*w, *data, "application/strategic-merge-patch+json");
    w->description
        = tr("Roll back %1 %2/%3 to revision %4").arg(kind, w->ns, w->name).arg(plan.toRevision);
    plan.write = std::move(*w);
    plan.message = tr("rolled back");
    return plan;
}

} // namespace Orrery
