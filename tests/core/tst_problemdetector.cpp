// SPDX-License-Identifier: GPL-3.0-or-later
// The ProblemDetector: what is a problem (failing and stalled rollouts with the reason, crash
// loops, image pulls, unschedulable pods, failing autoscalers, nodes not ready, failed Jobs)
// and what is not (a scale-up in progress, pods starting during a rollout, pods waiting for a
// node within the grace period); the incremental detector agrees with the pure rule.

#include "kube/problemdetector.h"
#include "kube/resourcestore.h"

#include <QTest>

#include <algorithm>

using namespace Orrery;

namespace {

constexpr Timestamp T0 = 1'800'000'000;

std::shared_ptr<KubeObject> base(Kind kind, const QString &ns, const QString &name)
{
    auto o = std::make_shared<KubeObject>();
    o->kind = kind;
    o->namespaceName = ns;
    o->name = name;
    o->uid = kindName(kind) + QLatin1Char('/') + ns + QLatin1Char('/') + name;
    static int version = 0; // every object built is a new version (the store skips repeats)
    o->resourceVersion = QString::number(++version);
    o->creationTimestamp = T0 - 600;
    return o;
}

void ownBy(KubeObject &o, const KubeObject &owner)
{
    o.ownerReferences
        = {{QStringLiteral("apps/v1"), kindName(owner.kind), owner.name, owner.uid, true}};
}

ContainerStatusInfo container(const QString &state, const QString &reason, int restarts = 0,
                              bool ready = false)
{
    ContainerStatusInfo c;
    c.name = QStringLiteral("app");
    c.state = state;
    c.reason = reason;
    c.restartCount = restarts;
    c.ready = ready;
    return c;
}

std::shared_ptr<KubeObject> pod(const QString &name, const KubeObject *owner,
                                QList<ContainerStatusInfo> statuses,
                                const QString &phase = QStringLiteral("Running"))
{
    auto o = base(Kind::Pod, QStringLiteral("shop"), name);
    if (owner)
        ownBy(*o, *owner);
    PodData p;
    p.phase = phase;
    p.containerStatuses = std::move(statuses);
    ContainerInfo spec;
    spec.name = QStringLiteral("app");
    spec.image = QStringLiteral("registry/app:2.0-broken");
    p.spec.containers = {spec};
    o->data = p;
    return o;
}

std::shared_ptr<KubeObject> runningPod(const QString &name, const KubeObject *owner)
{
    return pod(name, owner, {container(QStringLiteral("Running"), {}, 0, true)});
}

std::shared_ptr<KubeObject> workload(Kind kind, const QString &name, int desired, int updated,
                                     int ready, qint64 revision = 1)
{
    auto o = base(kind, QStringLiteral("shop"), name);
    WorkloadData w;
    w.desired = desired;
    w.current = desired;
    w.updated = updated;
    w.ready = ready;
    w.available = ready;
    w.revision = revision;
    o->data = w;
    return o;
}

std::shared_ptr<KubeObject> replicaSet(const KubeObject &deployment, qint64 revision, int desired)
{
    auto o = workload(Kind::ReplicaSet, deployment.name + QStringLiteral("-r%1").arg(revision),
                      desired, desired, desired, revision);
    ownBy(*o, deployment);
    return o;
}

Condition condition(const QString &type, const QString &status, const QString &reason,
                    Timestamp since, const QString &message = {})
{
    Condition c;
    c.type = type;
    c.status = status;
    c.reason = reason;
    c.message = message;
    c.lastTransitionTime = since;
    return c;
}

// A store and a detector following it, as the application wires them.
struct Cluster
{
    ResourceStore store;
    ProblemDetector detector;
    ProblemDetector::Changes last;
    Timestamp now = T0;

    Cluster()
    {
        QObject::connect(&store, &ResourceStore::changed, &store,
                         [this](const ChangeBatch &b) { last = detector.apply(store, b, now); });
    }
    void put(const std::shared_ptr<KubeObject> &o)
    {
        StoreDelta d;
        d.kind = o->kind;
        d.object = o;
        store.post(std::move(d));
    }
    void drop(const std::shared_ptr<KubeObject> &o)
    {
        StoreDelta d;
        d.type = StoreDelta::Type::Delete;
        d.kind = o->kind;
        d.object = o;
        store.post(std::move(d));
    }
    void flush() { store.flush(); }
    QStringList reasons() const
    {
        QStringList out;
        for (const Problem &p : detector.problems())
            out << kindName(p.kind) + QLatin1Char(' ') + p.name + QLatin1Char(' ') + p.reason;
        out.sort();
        return out;
    }
    // The incremental detector agrees with the pure rule applied to every object.
    QStringList pureReasons() const
    {
        QStringList out;
        for (Kind kind : allKinds())
            for (const KubeObjectPtr &o : store.objects(kind))
                for (const Problem &p : ProblemDetector::problemsOf(*o, store, now))
                    out << kindName(p.kind) + QLatin1Char(' ') + p.name + QLatin1Char(' ')
                               + p.reason;
        out.sort();
        return out;
    }
};

} // namespace

class tst_ProblemDetector : public QObject
{
    Q_OBJECT

private slots:
    void imagePullAndCrashLoop();
    void scaleUpIsNotAProblem();
    void failingRolloutNamesTheReason();
    void failedPodsOfAnOldRevisionAreNotTheRollout();
    void stalledRollout();
    void unschedulableAfterGrace();
    void autoscalers();
    void nodesAndJobs();
    void resetAndRecovery();
    void bounded();
};

void tst_ProblemDetector::imagePullAndCrashLoop()
{
    Cluster c;
    c.put(pod(QStringLiteral("pull"), nullptr,
              {container(QStringLiteral("Waiting"), QStringLiteral("ImagePullBackOff"))}));
    c.put(pod(QStringLiteral("errpull"), nullptr,
              {container(QStringLiteral("Waiting"), QStringLiteral("ErrImagePull"))}));
    c.put(pod(QStringLiteral("crash"), nullptr,
              {container(QStringLiteral("Waiting"), QStringLiteral("CrashLoopBackOff"), 4)}));
    // Right after a crash the container shows Terminated/Error before CrashLoopBackOff again.
    c.put(pod(QStringLiteral("crash-flash"), nullptr,
              {container(QStringLiteral("Terminated"), QStringLiteral("Error"), 2)}));
    c.put(
        pod(QStringLiteral("fine"), nullptr, {container(QStringLiteral("Running"), {}, 0, true)}));
    // A container that completed (a Job's pod) is not a crash.
    c.put(pod(QStringLiteral("done"), nullptr,
              {container(QStringLiteral("Terminated"), QStringLiteral("Completed"))},
              QStringLiteral("Succeeded")));
    c.flush();
    QCOMPARE(c.reasons(), QStringList({QStringLiteral("Pod crash CrashLoopBackOff"),
                                       QStringLiteral("Pod crash-flash CrashLoopBackOff"),
                                       QStringLiteral("Pod errpull ErrImagePull"),
                                       QStringLiteral("Pod pull ImagePullBackOff")}));
    QCOMPARE(c.pureReasons(), c.reasons());
    const QList<Problem> all = c.detector.problems();
    QVERIFY(std::all_of(all.cbegin(), all.cend(), [](const Problem &p) {
        return p.severity == Problem::Severity::Critical;
    }));
    const auto pull = std::find_if(
        all.cbegin(), all.cend(), [](const Problem &p) { return p.name == QLatin1String("pull"); });
    QVERIFY(pull->message.contains(QLatin1String("registry/app:2.0-broken")));
    QCOMPARE(c.detector.count(Kind::Pod), 4);
    QCOMPARE(c.detector.countsByNamespace().value(QStringLiteral("shop")), 4);
}

void tst_ProblemDetector::scaleUpIsNotAProblem()
{
    // An HPA raised the Deployment from 2 to 4: two new pods are being created.
    Cluster c;
    auto deploy = workload(Kind::Deployment, QStringLiteral("web"), 4, 4, 2);
    auto rs = replicaSet(*deploy, 1, 4);
    c.put(deploy);
    c.put(rs);
    c.put(runningPod(QStringLiteral("web-a"), rs.get()));
    c.put(runningPod(QStringLiteral("web-b"), rs.get()));
    c.put(pod(QStringLiteral("web-c"), rs.get(),
              {container(QStringLiteral("Waiting"), QStringLiteral("ContainerCreating"))},
              QStringLiteral("Pending")));
    auto pending = pod(QStringLiteral("web-d"), rs.get(), {}, QStringLiteral("Pending"));
    std::get<PodData>(pending->data).conditions
        = {condition(QStringLiteral("PodScheduled"), QStringLiteral("False"),
                     QStringLiteral("Unschedulable"), T0 - 5)};
    c.put(pending);
    auto hpa = base(Kind::HorizontalPodAutoscaler, QStringLiteral("shop"), QStringLiteral("web"));
    HpaData h;
    h.conditions = {condition(QStringLiteral("AbleToScale"), QStringLiteral("True"),
                              QStringLiteral("SucceededRescale"), T0 - 5),
                    condition(QStringLiteral("ScalingActive"), QStringLiteral("True"),
                              QStringLiteral("ValidMetricFound"), T0 - 500),
                    condition(QStringLiteral("ScalingLimited"), QStringLiteral("True"),
                              QStringLiteral("TooManyReplicas"), T0 - 5)};
    hpa->data = h;
    c.put(hpa);
    c.flush();
    QCOMPARE(c.reasons(), QStringList());
    QVERIFY(c.detector.isEmpty());
    QCOMPARE(c.pureReasons(), QStringList());
    // The pod waiting for a node is looked at again when its grace ends.
    QCOMPARE(c.detector.nextRecheck(), T0 - 5 + 60);
}

void tst_ProblemDetector::failingRolloutNamesTheReason()
{
    // `kubectl set image` to a broken tag: revision 2's first pod cannot pull, revision 1's
    // three pods keep serving (maxUnavailable 25 %), the Deployment shows 3/4.
    Cluster c;
    auto deploy = workload(Kind::Deployment, QStringLiteral("web"), 4, 1, 3, 2);
    auto old = replicaSet(*deploy, 1, 3);
    auto next = replicaSet(*deploy, 2, 1);
    c.put(deploy);
    c.put(old);
    c.put(next);
    for (const char *name : {"web-1a", "web-1b", "web-1c"})
        c.put(runningPod(QLatin1String(name), old.get()));
    c.flush();
    QVERIFY(c.detector.isEmpty());
    c.put(pod(QStringLiteral("web-2a"), next.get(),
              {container(QStringLiteral("Waiting"), QStringLiteral("ErrImagePull"))},
              QStringLiteral("Pending")));
    c.flush();
    QCOMPARE(c.reasons(), QStringList({QStringLiteral("Deployment web RolloutFailing"),
                                       QStringLiteral("Pod web-2a ErrImagePull")}));
    QCOMPARE(c.pureReasons(), c.reasons());
    const auto rollout = std::find_if(c.last.appeared.cbegin(), c.last.appeared.cend(),
                                      [](const Problem &p) { return p.isRollout(); });
    QVERIFY2(rollout != c.last.appeared.cend(), "the failing rollout is announced as new");
    QCOMPARE(rollout->severity, Problem::Severity::Critical);
    QVERIFY2(rollout->message.contains(QLatin1String("revision 2"))
                 && rollout->message.contains(QLatin1String("ErrImagePull")),
             qPrintable(rollout->message));
    // The pod flips to ImagePullBackOff: still the same rollout problem, not a new one.
    c.put(pod(QStringLiteral("web-2a"), next.get(),
              {container(QStringLiteral("Waiting"), QStringLiteral("ImagePullBackOff"))},
              QStringLiteral("Pending")));
    c.flush();
    QVERIFY(c.last.changed);
    QVERIFY(std::none_of(c.last.appeared.cbegin(), c.last.appeared.cend(),
                         [](const Problem &p) { return p.isRollout(); }));
    QCOMPARE(c.detector.count(Kind::Deployment), 1);
}

void tst_ProblemDetector::failedPodsOfAnOldRevisionAreNotTheRollout()
{
    Cluster c;
    auto deploy = workload(Kind::Deployment, QStringLiteral("api"), 2, 2, 1, 3);
    auto old = replicaSet(*deploy, 2, 1);
    auto current = replicaSet(*deploy, 3, 2);
    c.put(deploy);
    c.put(old);
    c.put(current);
    c.put(pod(QStringLiteral("api-old"), old.get(),
              {container(QStringLiteral("Waiting"), QStringLiteral("CrashLoopBackOff"), 3)}));
    c.put(runningPod(QStringLiteral("api-new"), current.get()));
    c.flush();
    QCOMPARE(c.reasons(), QStringList({QStringLiteral("Pod api-old CrashLoopBackOff")}));
    QCOMPARE(c.pureReasons(), c.reasons());
}

void tst_ProblemDetector::stalledRollout()
{
    Cluster c;
    auto deploy = workload(Kind::Deployment, QStringLiteral("web"), 3, 1, 3, 2);
    std::get<WorkloadData>(deploy->data).conditions
        = {condition(QStringLiteral("Progressing"), QStringLiteral("False"),
                     QStringLiteral("ProgressDeadlineExceeded"), T0 - 30,
                     QStringLiteral("ReplicaSet \"web-r2\" has timed out progressing."))};
    c.put(deploy);
    c.flush();
    const QList<Problem> all = c.detector.problems();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().reason, QStringLiteral("ProgressDeadlineExceeded"));
    QVERIFY(all.first().isRollout());
    QCOMPARE(all.first().since, T0 - 30);
    QVERIFY(all.first().message.contains(QLatin1String("timed out progressing")));
}

void tst_ProblemDetector::unschedulableAfterGrace()
{
    Cluster c;
    auto p = pod(QStringLiteral("big"), nullptr, {}, QStringLiteral("Pending"));
    std::get<PodData>(p->data).conditions = {condition(
        QStringLiteral("PodScheduled"), QStringLiteral("False"), QStringLiteral("Unschedulable"),
        T0 - 10, QStringLiteral("0/3 nodes are available: 3 Insufficient cpu."))};
    c.put(p);
    c.flush();
    QVERIFY2(c.detector.isEmpty(), "within its 60 s grace, a pending pod is no problem");
    QCOMPARE(c.detector.nextRecheck(), T0 + 50);
    QVERIFY(!c.detector.recheck(c.store, T0 + 49).changed);
    const ProblemDetector::Changes later = c.detector.recheck(c.store, T0 + 50);
    QVERIFY(later.changed);
    QCOMPARE(later.appeared.size(), 1);
    QCOMPARE(later.appeared.first().reason, QStringLiteral("Unschedulable"));
    QCOMPARE(later.appeared.first().severity, Problem::Severity::Warning);
    QVERIFY(later.appeared.first().message.contains(QLatin1String("Insufficient cpu")));
    QCOMPARE(c.detector.nextRecheck(), Timestamp(0));
}

void tst_ProblemDetector::autoscalers()
{
    Cluster c;
    const auto hpa = [&](const QString &name, QList<Condition> conditions) {
        auto o = base(Kind::HorizontalPodAutoscaler, QStringLiteral("shop"), name);
        HpaData h;
        h.conditions = std::move(conditions);
        o->data = h;
        c.put(o);
    };
    hpa(QStringLiteral("nometrics"),
        {condition(QStringLiteral("ScalingActive"), QStringLiteral("False"),
                   QStringLiteral("FailedGetResourceMetric"), T0 - 300,
                   QStringLiteral("the HPA was unable to compute the replica count: missing "
                                  "request for cpu"))});
    hpa(QStringLiteral("noscale"),
        {condition(QStringLiteral("AbleToScale"), QStringLiteral("False"),
                   QStringLiteral("FailedGetScale"), T0 - 300)});
    hpa(QStringLiteral("new"), {condition(QStringLiteral("ScalingActive"), QStringLiteral("False"),
                                          QStringLiteral("FailedGetResourceMetric"), T0 - 10)});
    hpa(QStringLiteral("disabled"),
        {condition(QStringLiteral("ScalingActive"), QStringLiteral("False"),
                   QStringLiteral("ScalingDisabled"), T0 - 300)});
    hpa(QStringLiteral("atmax"),
        {condition(QStringLiteral("ScalingLimited"), QStringLiteral("True"),
                   QStringLiteral("TooManyReplicas"), T0 - 300)});
    c.flush();
    QCOMPARE(
        c.reasons(),
        QStringList({QStringLiteral("HorizontalPodAutoscaler nometrics FailedGetResourceMetric"),
                     QStringLiteral("HorizontalPodAutoscaler noscale FailedGetScale")}));
    QCOMPARE(c.pureReasons(), c.reasons());
    c.detector.recheck(c.store, T0 + 60);
    QCOMPARE(c.detector.count(Kind::HorizontalPodAutoscaler), 3);
}

void tst_ProblemDetector::nodesAndJobs()
{
    Cluster c;
    auto notReady = base(Kind::Node, {}, QStringLiteral("node-2"));
    NodeData n;
    n.ready = false;
    n.conditions = {condition(QStringLiteral("Ready"), QStringLiteral("Unknown"),
                              QStringLiteral("NodeStatusUnknown"), T0 - 120,
                              QStringLiteral("Kubelet stopped posting node status."))};
    notReady->data = n;
    c.put(notReady);
    auto cordoned = base(Kind::Node, {}, QStringLiteral("node-1"));
    NodeData cn;
    cn.ready = true;
    cn.unschedulable = true;
    cordoned->data = cn;
    c.put(cordoned);
    auto failed = base(Kind::Job, QStringLiteral("shop"), QStringLiteral("migrate"));
    JobData j;
    j.failed = 6;
    j.conditions = {condition(QStringLiteral("Failed"), QStringLiteral("True"),
                              QStringLiteral("BackoffLimitExceeded"), T0 - 60,
                              QStringLiteral("Job has reached the specified backoff limit"))};
    failed->data = j;
    c.put(failed);
    auto running = base(Kind::Job, QStringLiteral("shop"), QStringLiteral("report"));
    JobData rj;
    rj.active = 1;
    running->data = rj;
    c.put(running);
    // A failed pod of the failed Job is the Job's problem, not one more.
    auto jobPod = pod(QStringLiteral("migrate-x"), failed.get(),
                      {container(QStringLiteral("Terminated"), QStringLiteral("Error"))},
                      QStringLiteral("Failed"));
    c.put(jobPod);
    c.flush();
    QCOMPARE(c.reasons(), QStringList({QStringLiteral("Job migrate BackoffLimitExceeded"),
                                       QStringLiteral("Node node-2 NodeNotReady")}));
    QCOMPARE(c.pureReasons(), c.reasons());
    const QList<Problem> all = c.detector.problems();
    QCOMPARE(all.first().since, T0 - 120); // critical first, then the oldest
    QVERIFY(all.first().message.contains(QLatin1String("Kubelet stopped posting")));
}

void tst_ProblemDetector::resetAndRecovery()
{
    Cluster c;
    auto deploy = workload(Kind::Deployment, QStringLiteral("web"), 2, 1, 1, 2);
    auto next = replicaSet(*deploy, 2, 1);
    auto broken
        = pod(QStringLiteral("web-2a"), next.get(),
              {container(QStringLiteral("Waiting"), QStringLiteral("CrashLoopBackOff"), 5)});
    c.put(deploy);
    c.put(next);
    c.put(broken);
    c.flush();
    QCOMPARE(c.detector.count(), 2);

    // A second detector built from the store at once finds the same, and announces nothing.
    ProblemDetector fresh;
    const ProblemDetector::Changes initial = fresh.reset(c.store, c.now);
    QVERIFY(fresh.problems() == c.detector.problems());
    QVERIFY(initial.appeared.isEmpty());

    // The image is fixed: the broken pod goes, a healthy one comes, the rollout completes.
    c.drop(broken);
    c.put(runningPod(QStringLiteral("web-2b"), next.get()));
    c.put(workload(Kind::Deployment, QStringLiteral("web"), 2, 2, 2, 2));
    c.flush();
    QVERIFY(c.last.changed);
    QCOMPARE(c.reasons(), QStringList());
    QCOMPARE(c.detector.count(), 0);
    QCOMPARE(c.pureReasons(), QStringList());
}

void tst_ProblemDetector::bounded()
{
    Cluster c;
    QList<ContainerStatusInfo> many;
    for (int i = 0; i < 12; ++i) {
        ContainerStatusInfo s
            = container(QStringLiteral("Waiting"), QStringLiteral("CrashLoopBackOff"), 3);
        s.name = QStringLiteral("c%1-").arg(i) + QString(400, QLatin1Char('x'));
        many << s;
    }
    c.put(pod(QStringLiteral("many"), nullptr, many));
    c.flush();
    QCOMPARE(c.detector.count(), ProblemDetector::kMaxProblemsPerObject);
    for (const Problem &p : c.detector.problems())
        QVERIFY(p.message.size() <= ProblemDetector::kMaxMessage);
}

QTEST_GUILESS_MAIN(tst_ProblemDetector)
#include "tst_problemdetector.moc"
