// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <array>
#include <optional>

namespace Orrery {

// The kinds the typed store keeps. The order is stable (it indexes arrays) but carries no
// meaning; never persist the numeric value.
enum class Kind : quint8 {
    Namespace,
    Node,
    Pod,
    Deployment,
    ReplicaSet,
    StatefulSet,
    DaemonSet,
    Job,
    CronJob,
    Service,
    Endpoints,
    Ingress,
    HorizontalPodAutoscaler,
    PersistentVolumeClaim,
    PersistentVolume,
    ConfigMap,
    Secret,
    Event,
    ControllerRevision,
};

inline constexpr int KindCount = int(Kind::ControllerRevision) + 1;

// Where a kind lives in the API. `versions` lists the versions Orrery can decode, preferred
// first; discovery picks the first one the server serves (e.g. autoscaling/v2, else v1).
struct KindInfo
{
    Kind kind;
    const char *name;     // "Deployment"
    const char *group;    // "" for the core group
    const char *resource; // "deployments"
    bool namespaced;
    std::array<const char *, 3> versions; // nullptr-terminated when shorter
};

const KindInfo &kindInfo(Kind kind);
QString kindName(Kind kind);                           // "Deployment"
std::optional<Kind> kindFromName(const QString &name); // "Deployment" or "deployments"
QList<Kind> allKinds();

} // namespace Orrery

Q_DECLARE_METATYPE(Orrery::Kind)
