// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploymentrollback.h"

#include "jsonutil.h"
#include "workloadactions.h"

#include <QCoreApplication>

namespace Orrery {

namespace {

constexpr const char *RevisionAnnotation = "deployment.kubernetes.io/revision";
constexpr const char *HashLabel = "pod-template-hash";

// Annotations that belong to the Deployment and its controller, never copied from the
// ReplicaSet (kubectl's annotationsToSkip).
bool skippedAnnotation(const std::string &key)
{
    return key == "kubectl.kubernetes.io/last-applied-configuration"
           || key == "deployment.kubernetes.io/revision"
           || key == "deployment.kubernetes.io/revision-history"
           || key == "deployment.kubernetes.io/desired-replicas"
           || key == "deployment.kubernetes.io/max-replicas"
           || key == "deprecated.deployment.rollback.to";
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::DeploymentRollback", text);
}

nlohmann::json withoutHash(nlohmann::json tmpl)
{
    if (tmpl.is_object()) {
        auto meta = tmpl.find("metadata");
        if (meta != tmpl.end() && meta->is_object()) {
            auto labels = meta->find("labels");
            if (labels != meta->end() && labels->is_object())
                labels->erase(HashLabel);
        }
    }
    return tmpl;
}

} // namespace

qint64 DeploymentRollback::revision(const nlohmann::json &object)
{
    const nlohmann::json *v
        = JsonUtil::find(object, {"metadata", "annotations", RevisionAnnotation});
    if (!v || !v->is_string())
        return 0;
    bool ok = false;
    const qint64 r = JsonUtil::toString(*v).toLongLong(&ok);
    return ok ? r : -1;
}

bool DeploymentRollback::equalIgnoreHash(const nlohmann::json &a, const nlohmann::json &b)
{
    return JsonUtil::pruned(withoutHash(a)) == JsonUtil::pruned(withoutHash(b));
}

nlohmann::json DeploymentRollback::controlled(const nlohmann::json &deployment,
                                              const nlohmann::json &replicaSets)
{
    const QString uid = JsonUtil::uid(deployment);
    nlohmann::json out = nlohmann::json::array();
    for (const auto &rs : JsonUtil::items(replicaSets)) {
        if (JsonUtil::controlledBy(rs, uid) && JsonUtil::ns(rs) == JsonUtil::ns(deployment))
            out.push_back(rs);
    }
    return out;
}

Result<RollbackPlan> DeploymentRollback::plan(const nlohmann::json &deployment,
                                              const nlohmann::json &replicaSets, qint64 toRevision,
                                              bool dryRun)
{
    if (toRevision < 0)
        return Error(Error::Code::NotFound,
                     tr("unable to find specified revision %1 in history").arg(toRevision));
    const QString name = JsonUtil::name(deployment);
    if (JsonUtil::boolean(deployment, {"spec", "paused"}))
        return Error(Error::Code::InvalidArgument,
                     tr("you cannot rollback a paused deployment; resume it first with 'kubectl "
                        "rollout resume' and try again"));

    // Same walk as kubectl's deploymentRevision(): for 0, track the highest and second-highest
    // revisions; otherwise the first ReplicaSet with exactly that revision.
    const nlohmann::json all = controlled(deployment, replicaSets);
    const nlohmann::json *chosen = nullptr;
    const nlohmann::json *latest = nullptr;
    qint64 latestRevision = -1;
    const nlohmann::json *previous = nullptr;
    qint64 previousRevision = -1;
    for (const auto &rs : all) {
        const qint64 v = revision(rs);
        if (v < 0)
            continue; // unparsable annotation: kubectl skips it
        if (toRevision == 0) {
            if (latestRevision < v) {
                previousRevision = latestRevision;
                previous = latest;
                latestRevision = v;
                latest = &rs;
            } else if (previousRevision < v) {
                previousRevision = v;
                previous = &rs;
            }
        } else if (toRevision == v) {
            chosen = &rs;
            break;
        }
    }
    if (toRevision > 0 && !chosen)
        return Error(Error::Code::NotFound,
                     tr("unable to find specified revision %1 in history").arg(toRevision));
    if (toRevision == 0) {
        if (!previous)
            return Error(Error::Code::NotFound,
                         tr("no rollout history found for deployment \"%1\"").arg(name));
        chosen = previous;
    }

    RollbackPlan plan;
    plan.toRevision = revision(*chosen);
    const nlohmann::json rsTemplate = JsonUtil::object(*chosen, {"spec", "template"});
    const nlohmann::json depTemplate = JsonUtil::object(deployment, {"spec", "template"});
    if (equalIgnoreHash(rsTemplate, depTemplate)) {
        plan.skipped = true;
        // kubectl prints the revision as asked (0 stays 0).
        plan.message
            = tr("skipped rollback (current template already matches revision %1)").arg(toRevision);
        return plan;
    }

    nlohmann::json annotations = nlohmann::json::object();
    if (const nlohmann::json *own = JsonUtil::find(deployment, {"metadata", "annotations"});
        own && own->is_object()) {
        for (auto it = own->begin(); it != own->end(); ++it)
            if (skippedAnnotation(it.key()))
                annotations[it.key()] = it.value();
    }
    if (const nlohmann::json *rsAnn = JsonUtil::find(*chosen, {"metadata", "annotations"});
        rsAnn && rsAnn->is_object()) {
        for (auto it = rsAnn->begin(); it != rsAnn->end(); ++it)
            if (!skippedAnnotation(it.key()))
                annotations[it.key()] = it.value();
    }

    auto w = WorkloadActions::target(deployment, QStringLiteral("patch"));
    if (!w)
        return w.error();
    w->dryRun = dryRun;
    w->request.method = "PATCH";
    const nlohmann::json patch = nlohmann::json::array({
        {{"op", "replace"}, {"path", "/spec/template"}, {"value", withoutHash(rsTemplate)}},
        {{"op", "replace"}, {"path", "/metadata/annotations"}, {"value", annotations}},
    });
    WorkloadActions::setBody(*w, patch, "application/json-patch+json");
    w->description
        = tr("Roll back Deployment %1/%2 to revision %3").arg(w->ns, name).arg(plan.toRevision);
    plan.write = std::move(*w);
    plan.message = tr("rolled back");
    return plan;
}

} // namespace Orrery
