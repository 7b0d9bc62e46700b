// SPDX-License-Identifier: GPL-3.0-or-later
#include "problemdetector.h"

#include "resourcestore.h"

#include <QCoreApplication>

#include <algorithm>
#include <functional>
#include <tuple>

namespace Orrery {

// The rules live in a namespace of their own so that lupdate files their texts under the
// context tr() uses ("Orrery::ProblemRules").
namespace ProblemRules {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("Orrery::ProblemRules", text, nullptr, n);
}

QString bounded(QString text)
{
    text = text.simplified();
    if (text.size() > ProblemDetector::kMaxMessage)
        text = text.left(ProblemDetector::kMaxMessage - 1) + QChar(0x2026);
    return text;
}

const Condition *findCondition(const QList<Condition> &conditions, QLatin1String type)
{
    for (const Condition &c : conditions)
        if (c.type == type)
            return &c;
    return nullptr;
}

Problem make(const KubeObject &o, Problem::Severity severity, const QString &reason,
             const QString &message, Timestamp since)
{
    Problem p;
    p.severity = severity;
    p.kind = o.kind;
    p.namespaceName = o.namespaceName;
    p.name = o.name;
    p.uid = o.uid;
    p.reason = reason;
    p.message = bounded(message);
    p.since = since > 0 ? since : o.creationTimestamp;
    return p;
}

bool isImagePullReason(const QString &reason)
{
    static const QStringList reasons
        = {QStringLiteral("ErrImagePull"), QStringLiteral("ImagePullBackOff"),
           QStringLiteral("InvalidImageName"), QStringLiteral("ErrImageNeverPull"),
           QStringLiteral("RegistryUnavailable")};
    return reasons.contains(reason);
}

bool isContainerFailure(const QString &reason)
{
    static const QStringList reasons
        = {QStringLiteral("CreateContainerConfigError"), QStringLiteral("CreateContainerError"),
           QStringLiteral("RunContainerError"), QStringLiteral("PreStartHookError"),
           QStringLiteral("PostStartHookError")};
    return reasons.contains(reason);
}

QString imageOf(const PodData &pod, const QString &container)
{
    for (const QList<ContainerInfo> *list : {&pod.spec.initContainers, &pod.spec.containers})
        for (const ContainerInfo &c : *list)
            if (c.name == container)
                return c.image;
    return {};
}

// A pod's problems. `recheckAt` is set when a problem may appear once a grace period ends.
QList<Problem> podProblems(const KubeObject &o, const PodData &pod, Timestamp now,
                           const ProblemDetector::Options &options, Timestamp &recheckAt)
{
    QList<Problem> out;
    if (o.deletionTimestamp != 0)
        return out; // terminating: going away on purpose
    Timestamp since = o.creationTimestamp;
    if (const Condition *ready = findCondition(pod.conditions, QLatin1String("Ready"));
        ready && ready->lastTransitionTime > 0)
        since = ready->lastTransitionTime;
    const bool running = pod.phase == QLatin1String("Running")
                         || pod.phase == QLatin1String("Pending") || pod.phase.isEmpty();
    for (const ContainerStatusInfo &cs : pod.containerStatuses) {
        if (out.size() >= ProblemDetector::kMaxProblemsPerObject)
            break;
        if (cs.state == QLatin1String("Waiting") && isImagePullReason(cs.reason)) {
            out << make(
                o, Problem::Severity::Critical, cs.reason,
                tr("Container %1 cannot pull its image %2").arg(cs.name, imageOf(pod, cs.name)),
                since);
        } else if (running
                   && ((cs.state == QLatin1String("Waiting")
                        && cs.reason == QLatin1String("CrashLoopBackOff"))
                       || (cs.state == QLatin1String("Terminated") && cs.restartCount > 0
                           && (cs.reason == QLatin1String("Error")
                               || cs.reason == QLatin1String("OOMKilled"))))) {
            // A crash loop shows as Error (or OOMKilled) for a moment after each crash, then
            // as CrashLoopBackOff: one problem throughout.
            out << make(o, Problem::Severity::Critical, QStringLiteral("CrashLoopBackOff"),
                        QCoreApplication::translate("Orrery::ProblemRules",
                                                    "Container %1 keeps crashing (%n restart(s))",
                                                    nullptr, cs.restartCount)
                            .arg(cs.name),
                        since);
        } else if (cs.state == QLatin1String("Waiting") && isContainerFailure(cs.reason)) {
            out << make(o, Problem::Severity::Critical, cs.reason,
                        tr("Container %1 cannot start (%2)").arg(cs.name, cs.reason), since);
        }
    }
    if (pod.phase == QLatin1String("Pending")) {
        const Condition *scheduled = findCondition(pod.conditions, QLatin1String("PodScheduled"));
        if (scheduled && scheduled->status == QLatin1String("False")
            && scheduled->reason == QLatin1String("Unschedulable")) {
            const Timestamp waiting = scheduled->lastTransitionTime > 0
                                          ? scheduled->lastTransitionTime
                                          : o.creationTimestamp;
            if (now - waiting >= options.pendingGraceSeconds)
                out << make(o, Problem::Severity::Warning, QStringLiteral("Unschedulable"),
                            scheduled->message.isEmpty()
                                ? tr("No node can run this pod")
                                : tr("No node can run this pod: %1").arg(scheduled->message),
                            waiting);
            else
                recheckAt = waiting + options.pendingGraceSeconds;
        }
    } else if (pod.phase == QLatin1String("Failed")) {
        const OwnerReference *owner = o.controllerRef();
        // A Job's failed pods are the Job's problem (BackoffLimitExceeded), not each pod's.
        if (!owner || owner->kind != QLatin1String("Job"))
            out << make(o, Problem::Severity::Warning,
                        pod.reason.isEmpty() ? QStringLiteral("Failed") : pod.reason,
                        pod.message.isEmpty() ? tr("The pod failed") : pod.message, since);
    }
    return out;
}

QList<Problem> nodeProblems(const KubeObject &o, const NodeData &node)
{
    QList<Problem> out;
    const Condition *ready = findCondition(node.conditions, QLatin1String("Ready"));
    if (!node.ready) {
        out << make(o, Problem::Severity::Critical, QStringLiteral("NodeNotReady"),
                    ready && !ready->message.isEmpty()
                        ? tr("The node is not ready: %1").arg(ready->message)
                        : tr("The node is not ready"),
                    ready ? ready->lastTransitionTime : 0);
    }
    for (const char *pressure : {"MemoryPressure", "DiskPressure", "PIDPressure"}) {
        const Condition *c = findCondition(node.conditions, QLatin1String(pressure));
        if (c && c->status == QLatin1String("True"))
            out << make(o, Problem::Severity::Warning, c->type,
                        c->message.isEmpty() ? c->type : c->message, c->lastTransitionTime);
    }
    return out;
}

QList<Problem> jobProblems(const KubeObject &o, const JobData &job)
{
    const Condition *failed = findCondition(job.conditions, QLatin1String("Failed"));
    if (!failed || failed->status != QLatin1String("True"))
        return {};
    return {make(o, Problem::Severity::Critical,
                 failed->reason.isEmpty() ? QStringLiteral("Failed") : failed->reason,
                 failed->message.isEmpty() ? tr("The job failed") : failed->message,
                 failed->lastTransitionTime)};
}

QList<Problem> hpaProblems(const KubeObject &o, const HpaData &hpa, Timestamp now,
                           const ProblemDetector::Options &options, Timestamp &recheckAt)
{
    QList<Problem> out;
    // ScalingLimited=True (at the maximum) is the autoscaler doing its job; ScalingDisabled
    // (the target scaled to zero by hand) is a choice.
    for (const char *type : {"ScalingActive", "AbleToScale"}) {
        const Condition *c = findCondition(hpa.conditions, QLatin1String(type));
        if (!c || c->status != QLatin1String("False")
            || c->reason == QLatin1String("ScalingDisabled"))
            continue;
        const Timestamp since
            = c->lastTransitionTime > 0 ? c->lastTransitionTime : o.creationTimestamp;
        if (now - since < options.pendingGraceSeconds) {
            const Timestamp due = since + options.pendingGraceSeconds;
            recheckAt = recheckAt == 0 ? due : std::min(recheckAt, due);
            continue;
        }
        const QString message = c->message.isEmpty() ? c->reason : c->message;
        out << make(o, Problem::Severity::Warning, c->reason.isEmpty() ? c->type : c->reason,
                    c->type == QLatin1String("ScalingActive")
                        ? tr("The autoscaler cannot scale: %1").arg(message)
                        : tr("The autoscaler cannot change the scale: %1").arg(message),
                    since);
    }
    return out;
}

// The problems of a workload whose rollout stalls or whose current pods fail (crash, cannot
// pull, cannot start, or wait for a node past the grace period). `failingPods` gives the
// problems of the failing pods a controller (ReplicaSet, StatefulSet, DaemonSet) owns;
// `newestReplicaSet` the uid of a Deployment's ReplicaSet for its current revision.
QList<Problem> workloadProblemsOf(const KubeObject &o, const WorkloadData &w,
                                  const std::function<QList<Problem>(const QString &)> &failingPods,
                                  const QString &newestReplicaSet)
{
    if (o.deletionTimestamp != 0)
        return {};
    if (const Condition *progressing = findCondition(w.conditions, QLatin1String("Progressing"));
        progressing && progressing->status == QLatin1String("False")) {
        return {make(
            o, Problem::Severity::Critical,
            progressing->reason.isEmpty() ? QStringLiteral("ProgressDeadlineExceeded")
                                          : progressing->reason,
            tr("The rollout is stalled: %1")
                .arg(progressing->message.isEmpty() ? progressing->reason : progressing->message),
            progressing->lastTransitionTime)};
    }
    // Not rolled out yet, by `kubectl rollout status`'s rule for Deployments (new replicas
    // missing, old ones still there, or new ones not available) and by the ready count for
    // StatefulSets and DaemonSets.
    const bool incomplete
        = o.kind == Kind::Deployment
              ? w.updated < w.desired || w.current > w.updated || w.available < w.updated
                    || (w.observedGeneration > 0 && w.observedGeneration < o.generation)
              : w.desired > 0 && (w.updated < w.desired || w.ready < w.desired);
    if (!incomplete)
        return {};
    const QString owner = o.kind == Kind::Deployment ? newestReplicaSet : o.uid;
    if (owner.isEmpty())
        return {};
    QList<Problem> failing = failingPods(owner);
    if (failing.isEmpty())
        return {};
    std::sort(failing.begin(), failing.end(), [](const Problem &a, const Problem &b) {
        return std::tie(a.since, a.name, a.reason) < std::tie(b.since, b.name, b.reason);
    });
    Timestamp since = 0;
    QSet<QString> pods;
    for (const Problem &p : failing) {
        pods.insert(p.uid);
        if (since == 0 || (p.since > 0 && p.since < since))
            since = p.since;
    }
    const Problem &first = failing.first();
    const QString message
        = o.kind == Kind::Deployment && w.revision > 0
              ? QCoreApplication::translate(
                    "Orrery::ProblemRules",
                    "The rollout of revision %1 is failing: %n new pod(s) fail, %2 %3: %4", nullptr,
                    int(pods.size()))
                    .arg(w.revision)
                    .arg(first.name, first.reason, first.message)
              : QCoreApplication::translate("Orrery::ProblemRules",
                                            "The rollout is failing: %n pod(s) fail, %1 %2: %3",
                                            nullptr, int(pods.size()))
                    .arg(first.name, first.reason, first.message);
    return {make(o, Problem::Severity::Critical, QStringLiteral("RolloutFailing"), message, since)};
}

// A Deployment's ReplicaSet for its current revision (the highest revision when the
// Deployment has none yet). `replicaSets` are the candidates (owned by the Deployment).
QString newestOf(const KubeObject &deployment, const QList<KubeObjectPtr> &replicaSets)
{
    const WorkloadData *w = deployment.workload();
    QString best;
    qint64 bestRevision = -1;
    for (const KubeObjectPtr &rs : replicaSets) {
        const WorkloadData *rw = rs ? rs->workload() : nullptr;
        if (!rw)
            continue;
        if (w && w->revision > 0 && rw->revision == w->revision)
            return rs->uid;
        if (rw->revision > bestRevision) {
            bestRevision = rw->revision;
            best = rs->uid;
        }
    }
    return w && w->revision > 0 ? QString() : best;
}

QList<Problem> evaluate(const KubeObject &object, Timestamp now,
                        const ProblemDetector::Options &options, Timestamp &recheckAt)
{
    if (const PodData *pod = object.pod())
        return podProblems(object, *pod, now, options, recheckAt);
    if (const NodeData *node = object.node())
        return nodeProblems(object, *node);
    if (const JobData *job = object.as<JobData>())
        return jobProblems(object, *job);
    if (const HpaData *hpa = object.hpa())
        return hpaProblems(object, *hpa, now, options, recheckAt);
    return {};
}

bool isWorkload(Kind kind)
{
    return kind == Kind::Deployment || kind == Kind::StatefulSet || kind == Kind::DaemonSet;
}

} // namespace

} // namespace ProblemRules

using namespace ProblemRules;

bool Problem::isRollout() const
{
    return isWorkload(kind)
           && (reason == QLatin1String("RolloutFailing")
               || reason == QLatin1String("ProgressDeadlineExceeded"));
}

ProblemDetector::ProblemDetector(Options options)
    : m_options(options)
{
}

bool ProblemDetector::isRelevant(Kind kind)
{
    switch (kind) {
    case Kind::Pod:
    case Kind::Node:
    case Kind::Job:
    case Kind::HorizontalPodAutoscaler:
    case Kind::Deployment:
    case Kind::StatefulSet:
    case Kind::DaemonSet:
    case Kind::ReplicaSet: return true;
    default: return false;
    }
}

QList<Problem> ProblemDetector::problemsOf(const KubeObject &object, const ResourceStore &store,
                                           Timestamp now, const Options &options)
{
    Timestamp recheckAt = 0;
    if (const WorkloadData *w = object.workload(); w && isWorkload(object.kind)) {
        // The same rule the incremental detector applies, with the relations found by a scan.
        const auto failingPods = [&](const QString &ownerUid) {
            QList<Problem> out;
            for (const KubeObjectPtr &pod : store.objects(Kind::Pod, object.namespaceName)) {
                const OwnerReference *ref = pod->controllerRef();
                if (!ref || ref->uid != ownerUid)
                    continue;
                Timestamp ignored = 0;
                out += evaluate(*pod, now, options, ignored);
            }
            return out;
        };
        QString newest;
        if (object.kind == Kind::Deployment) {
            QList<KubeObjectPtr> owned;
            for (const KubeObjectPtr &rs : store.objects(Kind::ReplicaSet, object.namespaceName)) {
                const OwnerReference *ref = rs->controllerRef();
                if (ref && ref->uid == object.uid)
                    owned << rs;
            }
            newest = newestOf(object, owned);
        }
        return workloadProblemsOf(object, *w, failingPods, newest);
    }
    return evaluate(object, now, options, recheckAt);
}

ProblemDetector::Changes ProblemDetector::reset(const ResourceStore &store, Timestamp now)
{
    Changes changes;
    changes.changed = m_count > 0;
    m_entries.clear();
    m_failingPods.clear();
    m_replicaSets.clear();
    m_deploymentOf.clear();
    m_count = 0;
    QSet<QString> dirty;
    // ReplicaSets and pods first, so the workloads see their relations when recomputed.
    for (Kind kind :
         {Kind::ReplicaSet, Kind::Pod, Kind::Node, Kind::Job, Kind::HorizontalPodAutoscaler}) {
        for (const KubeObjectPtr &object : store.index(kind))
            update(store, object, now, changes, dirty);
    }
    for (Kind kind : {Kind::Deployment, Kind::StatefulSet, Kind::DaemonSet})
        for (const KubeObjectPtr &object : store.index(kind))
            dirty.insert(object->uid);
    recompute(store, dirty, now, changes);
    // After a reset nothing "appeared": it was there before we looked.
    changes.appeared.clear();
    return changes;
}

ProblemDetector::Changes ProblemDetector::apply(const ResourceStore &store,
                                                const ChangeBatch &batch, Timestamp now)
{
    Changes changes;
    QSet<QString> dirty;
    for (const ObjectChange &change : batch.changes) {
        if (!isRelevant(change.kind) || !change.object)
            continue;
        if (change.type == ObjectChange::Type::Deleted) {
            remove(*change.object, changes, dirty);
            continue;
        }
        if (change.previous && change.previous->uid != change.object->uid)
            remove(*change.previous, changes, dirty);
        else if (change.previous && change.kind == Kind::Pod)
            forgetPod(*change.previous, dirty); // indexed again below while it fails
        if (isWorkload(change.kind))
            dirty.insert(change.object->uid);
        else
            update(store, change.object, now, changes, dirty);
    }
    recompute(store, dirty, now, changes);
    return changes;
}

ProblemDetector::Changes ProblemDetector::recheck(const ResourceStore &store, Timestamp now)
{
    Changes changes;
    QSet<QString> dirty;
    QList<QString> due;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (it->recheckAt != 0 && it->recheckAt <= now)
            due << it.key();
    for (const QString &uid : std::as_const(due)) {
        if (const KubeObjectPtr object = store.objectByUid(uid))
            update(store, object, now, changes, dirty);
        else
            m_entries[uid].recheckAt = 0;
    }
    recompute(store, dirty, now, changes);
    return changes;
}

Timestamp ProblemDetector::nextRecheck() const
{
    Timestamp next = 0;
    for (const Entry &entry : m_entries)
        if (entry.recheckAt != 0 && (next == 0 || entry.recheckAt < next))
            next = entry.recheckAt;
    return next;
}

void ProblemDetector::update(const ResourceStore &, const KubeObjectPtr &object, Timestamp now,
                             Changes &changes, QSet<QString> &dirty)
{
    const KubeObject &o = *object;
    if (o.kind == Kind::ReplicaSet) {
        const OwnerReference *ref = o.controllerRef();
        const QString owner
            = ref && ref->kind == QLatin1String("Deployment") ? ref->uid : QString();
        const QString old = m_deploymentOf.value(o.uid);
        if (old != owner) {
            forgetReplicaSet(o, dirty);
            if (!owner.isEmpty()) {
                m_replicaSets[owner].insert(o.uid);
                m_deploymentOf.insert(o.uid, owner);
            }
        }
        dirty.insert(owner); // its revision or counts may have changed
        return;
    }
    Timestamp recheckAt = 0;
    QList<Problem> problems = evaluate(o, now, m_options, recheckAt);
    if (o.kind == Kind::Pod) {
        const OwnerReference *ref = o.controllerRef();
        if (ref) {
            // Pods are indexed only while failing: the index stays as small as the trouble.
            if (!problems.isEmpty())
                m_failingPods[ref->uid].insert(o.uid);
            else
                forgetPod(o, dirty);
            dirty.insert(ref->uid);
            dirty.insert(m_deploymentOf.value(ref->uid));
        }
    }
    setProblems(o, std::move(problems), recheckAt, changes);
}

void ProblemDetector::forgetPod(const KubeObject &pod, QSet<QString> &dirty)
{
    const OwnerReference *ref = pod.controllerRef();
    if (!ref)
        return;
    dirty.insert(ref->uid);
    dirty.insert(m_deploymentOf.value(ref->uid));
    auto it = m_failingPods.find(ref->uid);
    if (it == m_failingPods.end())
        return;
    it->remove(pod.uid);
    if (it->isEmpty())
        m_failingPods.erase(it);
}

void ProblemDetector::forgetReplicaSet(const KubeObject &replicaSet, QSet<QString> &dirty)
{
    const QString owner = m_deploymentOf.take(replicaSet.uid);
    if (owner.isEmpty())
        return;
    dirty.insert(owner);
    auto it = m_replicaSets.find(owner);
    if (it == m_replicaSets.end())
        return;
    it->remove(replicaSet.uid);
    if (it->isEmpty())
        m_replicaSets.erase(it);
}

void ProblemDetector::remove(const KubeObject &object, Changes &changes, QSet<QString> &dirty)
{
    if (object.kind == Kind::Pod)
        forgetPod(object, dirty);
    else if (object.kind == Kind::ReplicaSet)
        forgetReplicaSet(object, dirty);
    else if (object.kind == Kind::Deployment)
        m_replicaSets.remove(object.uid);
    if (isWorkload(object.kind) || object.kind == Kind::ReplicaSet || object.kind == Kind::Job)
        m_failingPods.remove(object.uid);
    auto it = m_entries.find(object.uid);
    if (it == m_entries.end())
        return;
    m_count -= int(it->problems.size());
    changes.changed = changes.changed || !it->problems.isEmpty();
    m_entries.erase(it);
}

void ProblemDetector::setProblems(const KubeObject &object, QList<Problem> problems,
                                  Timestamp recheckAt, Changes &changes)
{
    if (problems.size() > kMaxProblemsPerObject)
        problems.resize(kMaxProblemsPerObject);
    auto it = m_entries.find(object.uid);
    if (problems.isEmpty() && recheckAt == 0) {
        if (it != m_entries.end()) {
            m_count -= int(it->problems.size());
            changes.changed = changes.changed || !it->problems.isEmpty();
            m_entries.erase(it);
        }
        return;
    }
    if (it == m_entries.end())
        it = m_entries.insert(object.uid, {});
    QSet<QString> before;
    for (const Problem &p : std::as_const(it->problems))
        before.insert(p.identity());
    for (const Problem &p : std::as_const(problems))
        if (!before.contains(p.identity()))
            changes.appeared << p;
    if (it->problems != problems)
        changes.changed = true;
    m_count += int(problems.size()) - int(it->problems.size());
    it->problems = std::move(problems);
    it->recheckAt = recheckAt;
}

QList<Problem> ProblemDetector::workloadProblems(const KubeObject &workload,
                                                 const ResourceStore &store, Timestamp) const
{
    const WorkloadData *w = workload.workload();
    if (!w)
        return {};
    const auto failingPods = [this](const QString &ownerUid) {
        QList<Problem> out;
        for (const QString &pod : m_failingPods.value(ownerUid))
            out += m_entries.value(pod).problems;
        return out;
    };
    QString newest;
    if (workload.kind == Kind::Deployment) {
        QList<KubeObjectPtr> owned;
        for (const QString &uid : m_replicaSets.value(workload.uid))
            if (KubeObjectPtr rs = store.objectByUid(uid))
                owned << rs;
        newest = newestOf(workload, owned);
    }
    return workloadProblemsOf(workload, *w, failingPods, newest);
}

void ProblemDetector::recompute(const ResourceStore &store, const QSet<QString> &dirty,
                                Timestamp now, Changes &changes)
{
    for (const QString &uid : dirty) {
        if (uid.isEmpty())
            continue;
        const KubeObjectPtr object = store.objectByUid(uid);
        if (!object || !isWorkload(object->kind))
            continue;
        setProblems(*object, workloadProblems(*object, store, now), 0, changes);
    }
}

QList<Problem> ProblemDetector::problems() const
{
    QList<Problem> out;
    out.reserve(m_count);
    for (const Entry &entry : m_entries)
        out += entry.problems;
    std::sort(out.begin(), out.end(), [](const Problem &a, const Problem &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        return std::tie(a.since, a.namespaceName, a.name, a.reason)
               < std::tie(b.since, b.namespaceName, b.name, b.reason);
    });
    return out;
}

int ProblemDetector::objectCount() const
{
    int n = 0;
    for (const Entry &entry : m_entries)
        n += entry.problems.isEmpty() ? 0 : 1;
    return n;
}

int ProblemDetector::count(Kind kind) const
{
    int n = 0;
    for (const Entry &entry : m_entries)
        for (const Problem &p : entry.problems)
            n += p.kind == kind ? 1 : 0;
    return n;
}

QHash<QString, int> ProblemDetector::countsByNamespace() const
{
    QHash<QString, int> out;
    for (const Entry &entry : m_entries)
        for (const Problem &p : entry.problems)
            ++out[p.namespaceName];
    return out;
}

ProblemDetector::KindCounts ProblemDetector::countsByKind() const
{
    KindCounts out{};
    for (const Entry &entry : m_entries)
        for (const Problem &p : entry.problems)
            ++out[std::size_t(p.kind)];
    return out;
}

} // namespace Orrery
