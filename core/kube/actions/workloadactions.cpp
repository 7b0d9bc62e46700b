// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloadactions.h"

#include "jsonutil.h"
#include "resourcepath.h"

#include <QCoreApplication>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::WorkloadActions", text);
}

QString display(const PlannedWrite &w)
{
    return w.ns.isEmpty() ? w.kind + QLatin1Char(' ') + w.name
                          : w.kind + QLatin1Char(' ') + w.ns + QLatin1Char('/') + w.name;
}

// The pod template's spec for workloads, the spec itself for a Pod.
const char *containersPathRoot(const QString &kind)
{
    return kind == QLatin1String("Pod") ? "pod" : "template";
}

} // namespace

Result<PlannedWrite> WorkloadActions::target(const nlohmann::json &object, const QString &verb,
                                             const QString &subresource)
{
    PlannedWrite w;
    w.verb = verb;
    w.kind = JsonUtil::kind(object);
    w.apiVersion = JsonUtil::string(object, {"apiVersion"});
    w.name = JsonUtil::name(object);
    w.ns = JsonUtil::ns(object);
    if (w.name.isEmpty() || w.kind.isEmpty())
        return Error(Error::Code::InvalidArgument, tr("The object has no kind or name."));
    const std::optional<Kind> kind = kindFromName(w.kind);
    if (!kind)
        return Error(Error::Code::Unsupported,
                     tr("%1 is not a kind Orrery can change.").arg(w.kind));
    if (w.apiVersion.isEmpty())
        w.apiVersion = ResourcePath::apiVersion(*kind);
    w.request.path
        = ResourcePath::path(w.apiVersion, QString::fromLatin1(kindInfo(*kind).resource),
                             kindInfo(*kind).namespaced ? w.ns : QString(), w.name, subresource);
    return w;
}

void WorkloadActions::setBody(PlannedWrite &write, const nlohmann::json &body,
                              const QByteArray &contentType)
{
    write.body = body;
    write.request.body = JsonUtil::dumpBytes(body);
    write.request.contentType = contentType;
    if (write.dryRun)
        write.request.path = ResourcePath::addQuery(write.request.path, QStringLiteral("dryRun"),
                                                    QStringLiteral("All"));
}

Result<PlannedWrite> WorkloadActions::scale(const nlohmann::json &workload, int replicas,
                                            bool dryRun)
{
    if (replicas < 0)
        return Error(Error::Code::InvalidArgument, tr("The replica count cannot be negative."));
    auto w = target(workload, QStringLiteral("patch"), QStringLiteral("scale"));
    if (!w)
        return w;
    const QString kind = w->kind;
    if (kind != QLatin1String("Deployment") && kind != QLatin1String("StatefulSet")
        && kind != QLatin1String("ReplicaSet"))
        return Error(Error::Code::Unsupported, tr("A %1 cannot be scaled.").arg(kind));
    w->dryRun = dryRun;
    w->request.method = "PATCH";
    setBody(*w, {{"spec", {{"replicas", replicas}}}}, "application/merge-patch+json");
    w->description = tr("Scale %1 to %2 replicas").arg(display(*w)).arg(replicas);
    return w;
}

std::optional<HpaTarget> WorkloadActions::findHpa(const nlohmann::json &workload,
                                                  const nlohmann::json &hpas)
{
    const QString kind = JsonUtil::kind(workload);
    const QString name = JsonUtil::name(workload);
    const QString ns = JsonUtil::ns(workload);
    const QString group
        = JsonUtil::string(workload, {"apiVersion"}).section(QLatin1Char('/'), 0, -2);
    for (const auto &hpa : JsonUtil::items(hpas)) {
        if (JsonUtil::ns(hpa) != ns)
            continue;
        if (JsonUtil::string(hpa, {"spec", "scaleTargetRef", "kind"}) != kind
            || JsonUtil::string(hpa, {"spec", "scaleTargetRef", "name"}) != name)
            continue;
        // scaleTargetRef.apiVersion names the group; an HPA for another group's "Deployment"
        // (a CRD) does not own this one.
        const QString refApi = JsonUtil::string(hpa, {"spec", "scaleTargetRef", "apiVersion"});
        if (!refApi.isEmpty() && refApi.section(QLatin1Char('/'), 0, -2) != group)
            continue;
        HpaTarget t;
        t.name = JsonUtil::name(hpa);
        t.ns = ns;
        t.minReplicas = int(JsonUtil::integer(hpa, {"spec", "minReplicas"}, 1));
        t.maxReplicas = int(JsonUtil::integer(hpa, {"spec", "maxReplicas"}));
        t.currentReplicas = int(JsonUtil::integer(hpa, {"status", "currentReplicas"}));
        t.desiredReplicas = int(JsonUtil::integer(hpa, {"status", "desiredReplicas"}));
        return t;
    }
    return std::nullopt;
}

Result<PlannedWrite> WorkloadActions::setHpaBounds(const nlohmann::json &hpa, int minReplicas,
                                                   int maxReplicas, bool dryRun)
{
    if (minReplicas < 1 || maxReplicas < minReplicas)
        return Error(Error::Code::InvalidArgument,
                     tr("maxReplicas must be at least minReplicas, and minReplicas at least 1."));
    auto w = target(hpa, QStringLiteral("patch"));
    if (!w)
        return w;
    w->dryRun = dryRun;
    w->request.method = "PATCH";
    setBody(*w, {{"spec", {{"minReplicas", minReplicas}, {"maxReplicas", maxReplicas}}}},
            "application/merge-patch+json");
    w->description = tr("Set %1 to scale between %2 and %3 replicas")
                         .arg(display(*w))
                         .arg(minReplicas)
                         .arg(maxReplicas);
    return w;
}

Result<PlannedWrite> WorkloadActions::restart(const nlohmann::json &workload, const QDateTime &now,
                                              bool dryRun)
{
    auto w = target(workload, QStringLiteral("patch"));
    if (!w)
        return w;
    const QString kind = w->kind;
    if (kind != QLatin1String("Deployment") && kind != QLatin1String("StatefulSet")
        && kind != QLatin1String("DaemonSet"))
        return Error(Error::Code::Unsupported, tr("restarting is not supported for %1").arg(kind));
    if (kind == QLatin1String("Deployment") && JsonUtil::boolean(workload, {"spec", "paused"}))
        return Error(Error::Code::InvalidArgument,
                     tr("can't restart paused deployment (run rollout resume first)"));
    w->dryRun = dryRun;
    w->request.method = "PATCH";
    const QString stamp = now.toUTC().toString(Qt::ISODate);
    w->request.path = ResourcePath::addQuery(w->request.path, QStringLiteral("fieldManager"),
                                             QStringLiteral("orrery"));
    setBody(
        *w,
        {{"spec",
          {{"template",
            {{"metadata",
              {{"annotations", {{"kubectl.kubernetes.io/restartedAt", stamp.toStdString()}}}}}}}}}},
        "application/strategic-merge-patch+json");
    w->description = tr("Restart the pods of %1").arg(display(*w));
    return w;
}

Result<PlannedWrite> WorkloadActions::pause(const nlohmann::json &deployment, bool dryRun)
{
    auto w = target(deployment, QStringLiteral("patch"));
    if (!w)
        return w;
    if (w->kind != QLatin1String("Deployment"))
        return Error(Error::Code::Unsupported, tr("pausing is not supported for %1").arg(w->kind));
    if (JsonUtil::boolean(deployment, {"spec", "paused"}))
        return Error(Error::Code::InvalidArgument,
                     tr("deployment.apps/%1 is already paused").arg(w->name));
    w->dryRun = dryRun;
    w->request.method = "PATCH";
    setBody(*w, {{"spec", {{"paused", true}}}}, "application/strategic-merge-patch+json");
    w->description = tr("Pause the rollout of %1").arg(display(*w));
    return w;
}

Result<PlannedWrite> WorkloadActions::resume(const nlohmann::json &deployment, bool dryRun)
{
    auto w = target(deployment, QStringLiteral("patch"));
    if (!w)
        return w;
    if (w->kind != QLatin1String("Deployment"))
        return Error(Error::Code::Unsupported, tr("resuming is not supported for %1").arg(w->kind));
    if (!JsonUtil::boolean(deployment, {"spec", "paused"}))
        return Error(Error::Code::InvalidArgument,
                     tr("deployment.apps/%1 is not paused").arg(w->name));
    w->dryRun = dryRun;
    w->request.method = "PATCH";
    setBody(*w, {{"spec", {{"paused", false}}}}, "application/strategic-merge-patch+json");
    w->description = tr("Resume the rollout of %1").arg(display(*w));
    return w;
}

Result<PlannedWrite> WorkloadActions::setImage(const nlohmann::json &workload,
                                               const QString &container, const QString &image,
                                               bool dryRun)
{
    if (image.trimmed().isEmpty())
        return Error(Error::Code::InvalidArgument, tr("The image cannot be empty."));
    auto w = target(workload, QStringLiteral("patch"));
    if (!w)
        return w;
    const bool isPod = QLatin1String(containersPathRoot(w->kind)) == QLatin1String("pod");
    const nlohmann::json *podSpec = isPod ? JsonUtil::find(workload, {"spec"})
                                          : JsonUtil::find(workload, {"spec", "template", "spec"});
    if (!podSpec)
        return Error(Error::Code::Unsupported, tr("%1 has no pod template.").arg(w->kind));

    // Containers and init containers are separate lists in the strategic merge patch, each
    // merged by name.
    nlohmann::json patchSpec = nlohmann::json::object();
    bool found = false;
    for (const char *list : {"initContainers", "containers"}) {
        auto it = podSpec->find(list);
        if (it == podSpec->end() || !it->is_array())
            continue;
        nlohmann::json order = nlohmann::json::array();
        bool touched = false;
        for (const auto &c : *it) {
            const QString name = JsonUtil::string(c, "name");
            order.push_back({{"name", name.toStdString()}});
            if (container != QLatin1String("*") && name != container)
                continue;
            patchSpec[list].push_back(
                {{"image", image.toStdString()}, {"name", name.toStdString()}});
            touched = true;
        }
        // kubectl's strategic patch also states the list order, so the server keeps it.
        if (touched)
            patchSpec[std::string("$setElementOrder/") + list] = order;
        found = found || touched;
    }
    if (!found)
        return Error(Error::Code::NotFound,
                     tr("unable to find container named \"%1\"").arg(container));

    w->dryRun = dryRun;
    w->request.method = "PATCH";
    const nlohmann::json body
        = isPod ? nlohmann::json{{"spec", patchSpec}}
                : nlohmann::json{{"spec", {{"template", {{"spec", patchSpec}}}}}};
    w->request.path = ResourcePath::addQuery(w->request.path, QStringLiteral("fieldManager"),
                                             QStringLiteral("orrery"));
    setBody(*w, body, "application/strategic-merge-patch+json");
    w->description
        = tr("Set the image of container %1 in %2 to %3").arg(container, display(*w), image);
    return w;
}

Result<PlannedWrite> WorkloadActions::remove(const nlohmann::json &object, Propagation propagation,
                                             bool dryRun)
{
    auto w = target(object, QStringLiteral("delete"));
    if (!w)
        return w;
    const char *policy = propagation == Propagation::Foreground ? "Foreground"
                         : propagation == Propagation::Orphan   ? "Orphan"
                                                                : "Background";
    w->dryRun = dryRun;
    w->request.method = "DELETE";
    // kubectl sends only the fields it sets; the server defaults kind/apiVersion.
    nlohmann::json body{{"propagationPolicy", policy}};
    if (dryRun)
        body["dryRun"] = nlohmann::json::array({"All"});
    setBody(*w, body, "application/json");
    w->description = tr("Delete %1 (%2 propagation)").arg(display(*w), QLatin1String(policy));
    return w;
}

} // namespace Orrery
