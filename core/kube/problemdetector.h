// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "changebatch.h"
#include "kubeobject.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <array>

namespace Orrery {

class ResourceStore;

// One thing in a cluster that needs a person: a failing or stalled rollout, a crash loop, an
// image that cannot be pulled, a pod that cannot be scheduled, an autoscaler that cannot scale,
// a node that is not ready, a failed Job.
struct Problem
{
    enum class Severity : quint8 { Warning, Critical };

    Severity severity = Severity::Warning;
    Kind kind = Kind::Pod;
    QString namespaceName; // empty for cluster-scoped objects
    QString name;
    QString uid;
    // Kubernetes' own word where there is one (ImagePullBackOff, CrashLoopBackOff,
    // ProgressDeadlineExceeded, Unschedulable, FailedGetResourceMetric, BackoffLimitExceeded,
    // NodeNotReady); RolloutFailing for a rollout whose new pods fail.
    QString reason;
    QString message; // one line, translated, at most Limits-bounded (kMaxMessage characters)
    Timestamp since = 0;

    // A rollout that failed or stalled (what the desktop notification announces).
    bool isRollout() const;
    // uid + reason: the same problem across recomputations.
    QString identity() const { return uid + QLatin1Char('|') + reason; }
    bool operator==(const Problem &) const = default;
};

// How patient the detector is (see ProblemDetector).
struct ProblemDetectorOptions
{
    qint64 pendingGraceSeconds = 60;
};

// Finds the problems of a cluster in the informer store's objects (ResourceStore), QtCore only.
//
// problemsOf() is the rule: a pure function of one object, the store (to follow owners) and
// the time now. The detector applies it incrementally: apply() recomputes only the objects a
// change batch touched and the workloads whose pods changed, so its cost follows the batch,
// not the cluster. Memory follows the store: at most kMaxProblemsPerObject problems per
// object, messages cut at kMaxMessage characters, and an index of failing pods only.
//
// What is NOT a problem: a scale-up in progress (new pods Pending or ContainerCreating), pods
// waiting for a node for less than the grace period (Options::pendingGraceSeconds, 60 s by
// default: a normal rollout or scale-up schedules and starts pods within seconds; a pod
// still Pending after it is stalled), an autoscaler whose metrics are missing for less than
// the same grace (a new HPA has none for its first ~30 s), a node cordoned by hand, a Job
// still running, a rollout whose new pods are merely starting. Objects under grace are
// re-examined by recheck() once their grace ends (nextRecheck()).
class ProblemDetector
{
public:
    static constexpr int kMaxProblemsPerObject = 4;
    static constexpr int kMaxMessage = 300;

    using Options = ProblemDetectorOptions;

    // What apply() and recheck() changed.
    struct Changes
    {
        bool changed = false;
        QList<Problem> appeared; // problems not there before (by identity())
    };

    explicit ProblemDetector(Options options = {});

    // The rule, for one object. `store` is only read to follow owners (a pod's ReplicaSet, a
    // Deployment's newest ReplicaSet); objects of other kinds have no problems.
    static QList<Problem> problemsOf(const KubeObject &object, const ResourceStore &store,
                                     Timestamp now, const Options &options = {});

    // Forgets everything and examines every object of `store`.
    Changes reset(const ResourceStore &store, Timestamp now);
    // The store has applied `batch`: recompute what it touched.
    Changes apply(const ResourceStore &store, const ChangeBatch &batch, Timestamp now);
    // Objects whose grace period has ended by `now` are examined again.
    Changes recheck(const ResourceStore &store, Timestamp now);
    // The earliest time recheck() has something to do; 0: nothing is waiting.
    Timestamp nextRecheck() const;

    // Every problem, critical first, then the oldest first.
    QList<Problem> problems() const;
    int count() const { return m_count; }
    int objectCount() const; // objects with at least one problem
    int count(Kind kind) const;
    QHash<QString, int> countsByNamespace() const; // namespace → problems ("" cluster-scoped)
    using KindCounts = std::array<int, KindCount>;
    KindCounts countsByKind() const;
    bool isEmpty() const { return m_count == 0; }

private:
    struct Entry
    {
        QList<Problem> problems;
        Timestamp recheckAt = 0;
    };
    static bool isRelevant(Kind kind);
    // Recomputes the object; marks the workloads that depend on it in `dirty`.
    void update(const ResourceStore &store, const KubeObjectPtr &object, Timestamp now,
                Changes &changes, QSet<QString> &dirty);
    void remove(const KubeObject &object, Changes &changes, QSet<QString> &dirty);
    void setProblems(const KubeObject &object, QList<Problem> problems, Timestamp recheckAt,
                     Changes &changes);
    void forgetPod(const KubeObject &pod, QSet<QString> &dirty);
    void forgetReplicaSet(const KubeObject &replicaSet, QSet<QString> &dirty);
    void recompute(const ResourceStore &store, const QSet<QString> &dirty, Timestamp now,
                   Changes &changes);
    QList<Problem> workloadProblems(const KubeObject &workload, const ResourceStore &store,
                                    Timestamp now) const;

    Options m_options;
    QHash<QString, Entry> m_entries;             // uid → problems of that object
    QHash<QString, QSet<QString>> m_failingPods; // controller uid → its failing pods' uids
    QHash<QString, QSet<QString>> m_replicaSets; // Deployment uid → its ReplicaSets' uids
    QHash<QString, QString> m_deploymentOf;      // ReplicaSet uid → its Deployment's uid
    int m_count = 0;
};

} // namespace Orrery

Q_DECLARE_METATYPE(Orrery::Problem)
