// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologytypes.h"

#include <array>

namespace Orrery {

namespace {

struct KindText
{
    const char *name;
    const char *badge;
    int rank;
};

constexpr std::array<KindText, TopologyKindCount> s_kinds{{
    {"External", "LB", 0},
    {"Ingress", "Ing", 1},
    {"Service", "Svc", 2},
    {"HorizontalPodAutoscaler", "HPA", 2},
    {"Deployment", "Dep", 3},
    {"StatefulSet", "STS", 3},
    {"DaemonSet", "DS", 3},
    {"CronJob", "CJ", 3},
    {"ReplicaSet", "RS", 4},
    {"Job", "Job", 4},
    {"Pod", "Pod", 5},
    {"PodGroup", "Pods", 5},
    {"PersistentVolumeClaim", "PVC", 6},
    {"PersistentVolume", "PV", 7},
    {"ConfigMap", "CM", 6},
    {"Secret", "Sec", 6},
    {"Node", "Node", 7},
}};

} // namespace

int topologyRank(TopologyKind kind)
{
    return s_kinds[size_t(kind)].rank;
}

QString topologyKindName(TopologyKind kind)
{
    return QString::fromLatin1(s_kinds[size_t(kind)].name);
}

bool topologyKindFromName(const QString &name, TopologyKind *kind)
{
    for (int i = 0; i < TopologyKindCount; ++i) {
        if (name.compare(QLatin1String(s_kinds[size_t(i)].name), Qt::CaseInsensitive) == 0
            || name.compare(QLatin1String(s_kinds[size_t(i)].badge), Qt::CaseInsensitive) == 0) {
            *kind = TopologyKind(i);
            return true;
        }
    }
    return false;
}

QString topologyHealthName(TopologyHealth health)
{
    switch (health) {
    case TopologyHealth::Unknown: return QStringLiteral("unknown");
    case TopologyHealth::Healthy: return QStringLiteral("healthy");
    case TopologyHealth::Progressing: return QStringLiteral("progressing");
    case TopologyHealth::Warning: return QStringLiteral("warning");
    case TopologyHealth::Failed: return QStringLiteral("failed");
    case TopologyHealth::Succeeded: return QStringLiteral("succeeded");
    case TopologyHealth::Terminating: return QStringLiteral("terminating");
    }
    return QStringLiteral("unknown");
}

QString topologyEdgeTypeName(TopologyEdgeType type)
{
    switch (type) {
    case TopologyEdgeType::Route: return QStringLiteral("route");
    case TopologyEdgeType::Selects: return QStringLiteral("selects");
    case TopologyEdgeType::Exposes: return QStringLiteral("exposes");
    case TopologyEdgeType::Owns: return QStringLiteral("owns");
    case TopologyEdgeType::Scales: return QStringLiteral("scales");
    case TopologyEdgeType::Mounts: return QStringLiteral("mounts");
    case TopologyEdgeType::Binds: return QStringLiteral("binds");
    case TopologyEdgeType::Uses: return QStringLiteral("uses");
    case TopologyEdgeType::Runs: return QStringLiteral("runs");
    }
    return {};
}

QString topologyKindBadge(TopologyKind kind)
{
    return QString::fromLatin1(s_kinds[size_t(kind)].badge);
}

QString topologyNodeId(TopologyKind kind, const QString &ns, const QString &name)
{
    return topologyKindName(kind) + QLatin1Char('/') + ns + QLatin1Char('/') + name;
}

bool isTopologyWorkload(TopologyKind kind)
{
    return kind == TopologyKind::Deployment || kind == TopologyKind::StatefulSet
           || kind == TopologyKind::DaemonSet || kind == TopologyKind::CronJob;
}

} // namespace Orrery
