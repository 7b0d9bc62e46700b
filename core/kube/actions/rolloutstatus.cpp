// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutstatus.h"

#include "jsonutil.h"

#include <QCoreApplication>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::RolloutStatus", text);
}

RolloutStatus make(RolloutStatus::State state, const QString &message)
{
    RolloutStatus s;
    s.state = state;
    s.message = message;
    return s;
}

RolloutStatus deployment(const nlohmann::json &d)
{
    using S = RolloutStatus::State;
    const QString name = JsonUtil::name(d);
    const qint64 generation = JsonUtil::integer(d, {"metadata", "generation"});
    const qint64 observed = JsonUtil::integer(d, {"status", "observedGeneration"});
    if (generation > observed)
        return make(S::Waiting, tr("Waiting for deployment spec update to be observed..."));

    if (const nlohmann::json *conds = JsonUtil::find(d, {"status", "conditions"});
        conds && conds->is_array()) {
        for (const auto &c : *conds) {
            if (JsonUtil::string(c, "type") == QLatin1String("Progressing")
                && JsonUtil::string(c, "reason") == QLatin1String("ProgressDeadlineExceeded"))
                return make(S::Failed,
                            tr("deployment \"%1\" exceeded its progress deadline").arg(name));
        }
    }
    const qint64 updated = JsonUtil::integer(d, {"status", "updatedReplicas"});
    const qint64 replicas = JsonUtil::integer(d, {"status", "replicas"});
    const qint64 available = JsonUtil::integer(d, {"status", "availableReplicas"});
    const std::optional<qint64> specReplicas = JsonUtil::optionalInteger(d, {"spec", "replicas"});
    if (specReplicas && updated < *specReplicas)
        return make(S::Waiting, tr("Waiting for deployment \"%1\" rollout to finish: %2 out of %3 "
                                   "new replicas have been updated...")
                                    .arg(name)
                                    .arg(updated)
                                    .arg(*specReplicas));
    if (replicas > updated)
        return make(S::Waiting, tr("Waiting for deployment \"%1\" rollout to finish: %2 old "
                                   "replicas are pending termination...")
                                    .arg(name)
                                    .arg(replicas - updated));
    if (available < updated)
        return make(S::Waiting, tr("Waiting for deployment \"%1\" rollout to finish: %2 of %3 "
                                   "updated replicas are available...")
                                    .arg(name)
                                    .arg(available)
                                    .arg(updated));
    return make(S::Done, tr("deployment \"%1\" successfully rolled out").arg(name));
}

RolloutStatus daemonSet(const nlohmann::json &ds)
{
    using S = RolloutStatus::State;
    const QString name = JsonUtil::name(ds);
    if (JsonUtil::string(ds, {"spec", "updateStrategy", "type"}, QStringLiteral("RollingUpdate"))
        != QLatin1String("RollingUpdate"))
        return make(S::Failed,
                    tr("rollout status is only available for RollingUpdate strategy type"));
    if (JsonUtil::integer(ds, {"metadata", "generation"})
        > JsonUtil::integer(ds, {"status", "observedGeneration"}))
        return make(S::Waiting, tr("Waiting for daemon set spec update to be observed..."));
    const qint64 desired = JsonUtil::integer(ds, {"status", "desiredNumberScheduled"});
    const qint64 updated = JsonUtil::integer(ds, {"status", "updatedNumberScheduled"});
    const qint64 available = JsonUtil::integer(ds, {"status", "numberAvailable"});
    if (updated < desired)
        return make(S::Waiting, tr("Waiting for daemon set \"%1\" rollout to finish: %2 out of %3 "
                                   "new pods have been updated...")
                                    .arg(name)
                                    .arg(updated)
                                    .arg(desired));
    if (available < desired)
        return make(S::Waiting, tr("Waiting for daemon set \"%1\" rollout to finish: %2 of %3 "
                                   "updated pods are available...")
                                    .arg(name)
                                    .arg(available)
                                    .arg(desired));
    return make(S::Done, tr("daemon set \"%1\" successfully rolled out").arg(name));
}

RolloutStatus statefulSet(const nlohmann::json &sts)
{
    using S = RolloutStatus::State;
    if (JsonUtil::string(sts, {"spec", "updateStrategy", "type"}, QStringLiteral("RollingUpdate"))
        != QLatin1String("RollingUpdate"))
        return make(S::Failed,
                    tr("rollout status is only available for RollingUpdate strategy type"));
    const qint64 observed = JsonUtil::integer(sts, {"status", "observedGeneration"});
    if (observed == 0 || JsonUtil::integer(sts, {"metadata", "generation"}) > observed)
        return make(S::Waiting, tr("Waiting for statefulset spec update to be observed..."));
    const std::optional<qint64> specReplicas = JsonUtil::optionalInteger(sts, {"spec", "replicas"});
    const bool hasReplicas = specReplicas.has_value();
    const qint64 replicas = specReplicas.value_or(0);
    const qint64 ready = JsonUtil::integer(sts, {"status", "readyReplicas"});
    const qint64 updated = JsonUtil::integer(sts, {"status", "updatedReplicas"});
    if (hasReplicas && ready < replicas)
        return make(S::Waiting, tr("Waiting for %1 pods to be ready...").arg(replicas - ready));
    if (const nlohmann::json *ru = JsonUtil::find(sts, {"spec", "updateStrategy", "rollingUpdate"});
        ru && ru->is_object()) {
        const std::optional<qint64> partition = JsonUtil::optionalInteger(*ru, {"partition"});
        if (hasReplicas && partition) {
            const qint64 wanted = replicas - *partition;
            if (updated < wanted)
                return make(S::Waiting, tr("Waiting for partitioned roll out to finish: %1 out of "
                                           "%2 new pods have been updated...")
                                            .arg(updated)
                                            .arg(wanted));
        }
        return make(
            S::Done,
            tr("partitioned roll out complete: %1 new pods have been updated...").arg(updated));
    }
    const QString updateRevision = JsonUtil::string(sts, {"status", "updateRevision"});
    const QString currentRevision = JsonUtil::string(sts, {"status", "currentRevision"});
    if (updateRevision != currentRevision)
        return make(
            S::Waiting,
            tr("waiting for statefulset rolling update to complete %1 pods at revision %2...")
                .arg(updated)
                .arg(updateRevision));
    return make(S::Done, tr("statefulset rolling update complete %1 pods at revision %2...")
                             .arg(JsonUtil::integer(sts, {"status", "currentReplicas"}))
                             .arg(currentRevision));
}

} // namespace

RolloutStatus RolloutStatus::evaluate(const nlohmann::json &workload,
                                      const std::optional<nlohmann::json> &newReplicaSet)
{
    const QString kind = JsonUtil::kind(workload);
    RolloutStatus s;
    if (kind == QLatin1String("Deployment"))
        s = deployment(workload);
    else if (kind == QLatin1String("DaemonSet"))
        s = daemonSet(workload);
    else if (kind == QLatin1String("StatefulSet"))
        s = statefulSet(workload);
    else
        s = make(State::Failed, tr("no status viewer has been implemented for %1").arg(kind));
    if (newReplicaSet)
        s.newReplicaSet = JsonUtil::name(*newReplicaSet);
    return s;
}

} // namespace Orrery
