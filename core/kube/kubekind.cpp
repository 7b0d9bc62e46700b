// SPDX-License-Identifier: GPL-3.0-or-later
#include "kubekind.h"

namespace Orrery {

namespace {

// Versions are those whose shape the decoder understands; extensions/v1beta1 and friends are
// gone from every supported server (1.27+), so they are not listed.
const std::array<KindInfo, KindCount> s_kinds = {{
    {Kind::Namespace, "Namespace", "", "namespaces", false, {"v1", nullptr, nullptr}},
    {Kind::Node, "Node", "", "nodes", false, {"v1", nullptr, nullptr}},
    {Kind::Pod, "Pod", "", "pods", true, {"v1", nullptr, nullptr}},
    {Kind::Deployment, "Deployment", "apps", "deployments", true, {"v1", nullptr, nullptr}},
    {Kind::ReplicaSet, "ReplicaSet", "apps", "replicasets", true, {"v1", nullptr, nullptr}},
    {Kind::StatefulSet, "StatefulSet", "apps", "statefulsets", true, {"v1", nullptr, nullptr}},
    {Kind::DaemonSet, "DaemonSet", "apps", "daemonsets", true, {"v1", nullptr, nullptr}},
    {Kind::Job, "Job", "batch", "jobs", true, {"v1", nullptr, nullptr}},
    {Kind::CronJob, "CronJob", "batch", "cronjobs", true, {"v1", "v1beta1", nullptr}},
    {Kind::Service, "Service", "", "services", true, {"v1", nullptr, nullptr}},
    {Kind::Endpoints, "Endpoints", "", "endpoints", true, {"v1", nullptr, nullptr}},
    {Kind::Ingress, "Ingress", "networking.k8s.io", "ingresses", true, {"v1", nullptr, nullptr}},
    {Kind::HorizontalPodAutoscaler,
     "HorizontalPodAutoscaler",
     "autoscaling",
     "horizontalpodautoscalers",
     true,
     {"v2", "v2beta2", "v1"}},
    {Kind::PersistentVolumeClaim,
     "PersistentVolumeClaim",
     "",
     "persistentvolumeclaims",
     true,
     {"v1", nullptr, nullptr}},
    {Kind::PersistentVolume,
     "PersistentVolume",
     "",
     "persistentvolumes",
     false,
     {"v1", nullptr, nullptr}},
    {Kind::ConfigMap, "ConfigMap", "", "configmaps", true, {"v1", nullptr, nullptr}},
    {Kind::Secret, "Secret", "", "secrets", true, {"v1", nullptr, nullptr}},
    {Kind::Event, "Event", "", "events", true, {"v1", nullptr, nullptr}},
    {Kind::ControllerRevision,
     "ControllerRevision",
     "apps",
     "controllerrevisions",
     true,
     {"v1", nullptr, nullptr}},
}};

} // namespace

const KindInfo &kindInfo(Kind kind)
{
    return s_kinds[std::size_t(kind)];
}

QString kindName(Kind kind)
{
    return QString::fromLatin1(kindInfo(kind).name);
}

std::optional<Kind> kindFromName(const QString &name)
{
    for (const KindInfo &info : s_kinds) {
        if (name.compare(QLatin1String(info.name), Qt::CaseInsensitive) == 0
            || name.compare(QLatin1String(info.resource), Qt::CaseInsensitive) == 0)
            return info.kind;
    }
    return std::nullopt;
}

QList<Kind> allKinds()
{
    QList<Kind> kinds;
    kinds.reserve(KindCount);
    for (const KindInfo &info : s_kinds)
        kinds.append(info.kind);
    return kinds;
}

} // namespace Orrery
