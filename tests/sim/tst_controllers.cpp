// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated cluster's controllers, driven deterministically through a manual SimClock.

#include "simtestcluster.h"

#include <QtTest>

#include <map>
#include <set>

using namespace Orrery::Sim;
using namespace Orrery::Sim::Test;
using namespace std::chrono_literals;

class tst_Controllers : public QObject
{
    Q_OBJECT

private slots:
    void deploymentBecomesReady();
    void rollingUpdateBounds_data();
    void rollingUpdateBounds();
    void rollbackAdoptsOldReplicaSet();
    void revisionHistoryLimit();
    void brokenImageCrashLoops();
    void pendingImageNeverPulls();
    void statefulSetOrderedWithVolumes();
    void daemonSetOnePodPerReadyNode();
    void jobCompletes();
    void cronJobFires();
    void schedulerLeavesPendingWhenFull();
    void endpointsFollowReadiness();
    void eventsAggregateAndAreCapped();
    void logsFollowAndPrevious();
    void deletingDeploymentCollectsPods();
};

void tst_Controllers::deploymentBecomesReady()
{
    SimTestCluster c;
    c.ns("shop");
    c.node("node-a");
    c.deployment("shop", "web", 3, "nginx:1.25.3");
    QVERIFY(c.runUntil([&] { return c.rolloutComplete("shop", "web"); }, 30));

    const auto rss = c.list(Kube::ReplicaSets, "shop");
    QCOMPARE(rss.size(), std::size_t(1));
    const json &rs = rss.front();
    const std::string hash = rs["metadata"]["labels"].value("pod-template-hash", "");
    QVERIFY(!hash.empty());
    QCOMPARE(Kube::name(rs), "web-" + hash);
    QCOMPARE(rs["metadata"]["annotations"].value("deployment.kubernetes.io/revision", ""),
             std::string("1"));
    QCOMPARE(rs["metadata"]["annotations"].value("deployment.kubernetes.io/desired-replicas", ""),
             std::string("3"));
    QCOMPARE(rs["metadata"]["annotations"].value("deployment.kubernetes.io/max-replicas", ""),
             std::string("4"));
    QVERIFY(Kube::controllerRef(rs) && (*Kube::controllerRef(rs))["kind"] == "Deployment");

    const auto pods = c.podsOf("shop", "web");
    QCOMPARE(pods.size(), std::size_t(3));
    for (const json &p : pods) {
        QVERIFY(Kube::name(p).rfind("web-" + hash + "-", 0) == 0);
        QCOMPARE(Kube::name(p).size(), ("web-" + hash + "-").size() + 5);
        QCOMPARE(p["status"].value("phase", ""), std::string("Running"));
        QVERIFY(Kube::isPodReady(p));
        QVERIFY(!p["status"].value("podIP", "").empty());
        QCOMPARE(p["status"]["containerStatuses"][0].value("restartCount", -1), 0);
        QVERIFY(p["status"]["containerStatuses"][0]["state"].contains("running"));
        QCOMPARE((*Kube::controllerRef(p))["name"].get<std::string>(), Kube::name(rs));
        for (const char *cond : {"PodScheduled", "Initialized", "ContainersReady", "Ready"})
            QVERIFY2(Kube::hasCondition(p, cond, "True"), cond);
    }
    const json d = c.get(Kube::Deployments, "shop", "web");
    QCOMPARE(SimTestCluster::condition(d, "Available"), std::string("MinimumReplicasAvailable"));
    QCOMPARE(SimTestCluster::condition(d, "Progressing"), std::string("NewReplicaSetAvailable"));
    QCOMPARE(d["metadata"]["annotations"].value("deployment.kubernetes.io/revision", ""),
             std::string("1"));
    QCOMPARE(d["status"].value("readyReplicas", 0), 3);

    const auto scaling = c.eventsFor("web", "ScalingReplicaSet");
    QCOMPARE(scaling.size(), std::size_t(1));
    QCOMPARE(scaling.front().value("message", ""),
             "Scaled up replica set " + Kube::name(rs) + " to 3");
    QCOMPARE(scaling.front()["source"].value("component", ""),
             std::string("deployment-controller"));
    QCOMPARE(c.eventsFor(Kube::name(rs), "SuccessfulCreate").size(), std::size_t(3));
    const std::string pod = Kube::name(pods.front());
    for (const char *reason : {"Scheduled", "Pulling", "Pulled", "Created", "Started"})
        QVERIFY2(!c.eventsFor(pod, reason).empty(), reason);
}

void tst_Controllers::rollingUpdateBounds_data()
{
    QTest::addColumn<int>("replicas");
    QTest::addColumn<QString>("maxSurge");
    QTest::addColumn<QString>("maxUnavailable");
    QTest::addColumn<int>("maxPods");
    QTest::addColumn<int>("minAvailable");
    // surge rounds up, unavailable rounds down; both 0 → unavailable 1.
    QTest::newRow("10 at 25%/25%") << 10 << "25%"
                                   << "25%" << 13 << 8;
    QTest::newRow("10 at 1/0") << 10 << "1"
                               << "0" << 11 << 10;
    QTest::newRow("5 at 30%/30%") << 5 << "30%"
                                  << "30%" << 7 << 4;
    QTest::newRow("3 at 0/1") << 3 << "0"
                              << "1" << 3 << 2;
    QTest::newRow("4 at 0%/0%") << 4 << "0%"
                                << "0%" << 4 << 3;
}

void tst_Controllers::rollingUpdateBounds()
{
    QFETCH(int, replicas);
    QFETCH(QString, maxSurge);
    QFETCH(QString, maxUnavailable);
    QFETCH(int, maxPods);
    QFETCH(int, minAvailable);
    auto intOrPercent = [](const QString &s) {
        return s.endsWith('%') ? json(s.toStdString()) : json(s.toInt());
    };
    SimTestCluster c;
    c.ns("app");
    c.node("node-a", "16", "64Gi");
    c.node("node-b", "16", "64Gi");
    c.deployment("app", "api", replicas, "registry.local/api:1.0",
                 {{"type", "RollingUpdate"},
                  {"rollingUpdate",
                   {{"maxSurge", intOrPercent(maxSurge)},
                    {"maxUnavailable", intOrPercent(maxUnavailable)}}}});
    QVERIFY(c.runUntil([&] { return c.rolloutComplete("app", "api"); }, 60));

    c.update(Kube::Deployments, "app", "api", [](json &d) {
        d["spec"]["template"]["spec"]["containers"][0]["image"] = "registry.local/api:2.0";
    });
    int seenMax = 0, seenMinAvailable = replicas;
    const bool done = c.runUntil(
        [&] {
            const auto pods = c.podsOf("app", "api");
            int available = 0;
            for (const json &p : pods)
                available += Kube::isPodReady(p) ? 1 : 0;
            seenMax = std::max(seenMax, static_cast<int>(pods.size()));
            seenMinAvailable = std::min(seenMinAvailable, available);
            return c.rolloutComplete("app", "api");
        },
        300, 500);
    QVERIFY(done);
    QVERIFY2(seenMax <= maxPods, qPrintable(QString("saw %1 pods").arg(seenMax)));
    QVERIFY2(seenMinAvailable >= minAvailable,
             qPrintable(QString("saw %1 available").arg(seenMinAvailable)));
    // The bound is also reached, not only respected (the rollout uses its budget).
    QCOMPARE(seenMax, maxPods);
    for (const json &p : c.podsOf("app", "api"))
        QCOMPARE(p["spec"]["containers"][0].value("image", ""),
                 std::string("registry.local/api:2.0"));
    const json d = c.get(Kube::Deployments, "app", "api");
    QCOMPARE(d["metadata"]["annotations"].value("deployment.kubernetes.io/revision", ""),
             std::string("2"));
}

void tst_Controllers::rollbackAdoptsOldReplicaSet()
{
    SimTestCluster c;
    c.ns("app");
    c.node("node-a", "8", "32Gi");
    c.deployment("app", "web", 2, "nginx:1.24");
    QVERIFY(c.runUntil([&] { return c.rolloutComplete("app", "web"); }, 60));
    for (const char *image : {"nginx:1.25", "nginx:1.26"}) {
        c.update(Kube::Deployments, "app", "web",
                 [&](json &d) { d["spec"]["template"]["spec"]["containers"][0]["image"] = image; });
        QVERIFY(c.runUntil([&] { return c.rolloutComplete("app", "web"); }, 120));
    }
    // kubectl rollout undo --to-revision=1: the RS template without pod-template-hash.
    json rev1;
    for (const json &rs : c.list(Kube::ReplicaSets, "app")) {
        if (rs["metadata"]["annotations"].value("deployment.kubernetes.io/revision", "") == "1")
            rev1 = rs;
    }
    QVERIFY(!rev1.is_null());
    c.update(Kube::Deployments, "app", "web", [&](json &d) {
        d["spec"]["template"] = Kube::withoutHashLabel(rev1["spec"]["template"]);
    });
    QVERIFY(c.runUntil([&] { return c.rolloutComplete("app", "web"); }, 120));

    QCOMPARE(c.list(Kube::ReplicaSets, "app").size(), std::size_t(3)); // adopted, not recreated
    const json adopted = c.get(Kube::ReplicaSets, "app", Kube::name(rev1));
    QCOMPARE(adopted["metadata"]["annotations"].value("deployment.kubernetes.io/revision", ""),
             std::string("4"));
    QCOMPARE(
        adopted["metadata"]["annotations"].value("deployment.kubernetes.io/revision-history", ""),
        std::string("1"));
    QCOMPARE(adopted["spec"].value("replicas", 0), 2);
    const json d = c.get(Kube::Deployments, "app", "web");
    QCOMPARE(d["metadata"]["annotations"].value("deployment.kubernetes.io/revision", ""),
             std::string("4"));
    for (const json &p : c.podsOf("app", "web"))
        QCOMPARE(p["spec"]["containers"][0].value("image", ""), std::string("nginx:1.24"));

    // Rolling back again (to revision 2, now the oldest) appends to the history.
    json rev2;
    for (const json &rs : c.list(Kube::ReplicaSets, "app")) {
        if (rs["metadata"]["annotations"].value("deployment.kubernetes.io/revision", "") == "2")
            rev2 = rs;
    }
    c.update(Kube::Deployments, "app", "web", [&](json &deployment) {
        deployment["spec"]["template"] = Kube::withoutHashLabel(rev2["spec"]["template"]);
    });
    QVERIFY(c.runUntil([&] { return c.rolloutComplete("app", "web"); }, 120));
    const json again = c.get(Kube::ReplicaSets, "app", Kube::name(rev2));
    QCOMPARE(again["metadata"]["annotations"].value("deployment.kubernetes.io/revision", ""),
             std::string("5"));
    QCOMPARE(
        again["metadata"]["annotations"].value("deployment.kubernetes.io/revision-history", ""),
        std::string("2"));
}

void tst_Controllers::revisionHistoryLimit()
{
    SimTestCluster c;
    c.ns("app");
    c.node("node-a", "8", "32Gi");
    c.deployment("app", "web", 1, "nginx:1.0");
    c.update(Kube::Deployments, "app", "web",
             [](json &d) { d["spec"]["revisionHistoryLimit"] = 2; });
    QVERIFY(c.runUntil([&] { return c.rolloutComplete("app", "web"); }, 60));
    for (int v = 1; v <= 5; ++v) {
        c.update(Kube::Deployments, "app", "web", [&](json &d) {
            d["spec"]["template"]["spec"]["containers"][0]["image"]
                = "nginx:1." + std::to_string(v);
        });
        QVERIFY(c.runUntil([&] { return c.rolloutComplete("app", "web"); }, 120));
    }
    c.runUntil([] { return false; }, 5);
    std::vector<std::string> revisions;
    for (const json &rs : c.list(Kube::ReplicaSets, "app"))
        revisions.push_back(
            rs["metadata"]["annotations"].value("deployment.kubernetes.io/revision", ""));
    std::sort(revisions.begin(), revisions.end());
    QCOMPARE(revisions, (std::vector<std::string>{"4", "5", "6"}));
}

void tst_Controllers::brokenImageCrashLoops()
{
    SimTestCluster c;
    c.ns("app");
    c.node("node-a");
    c.deployment("app", "api", 2, "registry.local/api:2.1-broken");
    c.update(Kube::Deployments, "app", "api",
             [](json &d) { d["spec"]["progressDeadlineSeconds"] = 60; });
    bool sawCrashLoop = false, sawError = false;
    c.runUntil(
        [&] {
            for (const json &p : c.podsOf("app", "api")) {
                const json &state = p["status"]["containerStatuses"][0]["state"];
                sawCrashLoop |= state.contains("waiting")
                                && state["waiting"].value("reason", "") == "CrashLoopBackOff";
                sawError |= state.contains("terminated")
                            && state["terminated"].value("reason", "") == "Error";
            }
            return false;
        },
        150, 500);
    QVERIFY(sawCrashLoop);
    QVERIFY(sawError);
    for (const json &p : c.podsOf("app", "api")) {
        QVERIFY(!Kube::isPodReady(p));
        QCOMPARE(p["status"].value("phase", ""), std::string("Running"));
        // Back-off doubles (10 s, 20 s, 40 s, 80 s): four starts after 150 s, not fifteen.
        QCOMPARE(p["status"]["containerStatuses"][0].value("restartCount", 0), 4);
        QCOMPARE(
            p["status"]["containerStatuses"][0]["lastState"]["terminated"].value("exitCode", 0), 1);
        const auto previous = c.cm.podLog("app", Kube::name(p), "", true, -1);
        QVERIFY(!previous.empty());
        bool trace = false;
        for (const std::string &line : previous)
            trace |= line.find("Error: Missing required configuration") != std::string::npos
                     || line.find("panic:") != std::string::npos;
        QVERIFY(trace);
    }
    QVERIFY(!c.eventsFor(Kube::name(c.podsOf("app", "api").front()), "BackOff").empty());
    const json d = c.get(Kube::Deployments, "app", "api");
    QCOMPARE(SimTestCluster::condition(d, "Progressing"), std::string("ProgressDeadlineExceeded"));
    QCOMPARE(SimTestCluster::condition(d, "Progressing", "status"), std::string("False"));
    QCOMPARE(SimTestCluster::condition(d, "Available", "status"), std::string("False"));
    QCOMPARE(d["status"].value("unavailableReplicas", 0), 2);
}

void tst_Controllers::pendingImageNeverPulls()
{
    SimTestCluster c;
    c.ns("app");
    c.node("node-a");
    c.deployment("app", "web", 1, "nginx:pending");
    std::set<std::string> reasons;
    c.runUntil(
        [&] {
            for (const json &p : c.podsOf("app", "web")) {
                const json &state = p["status"]["containerStatuses"][0]["state"];
                if (state.contains("waiting"))
                    reasons.insert(state["waiting"].value("reason", ""));
            }
            return false;
        },
        120);
    QVERIFY(reasons.count("ErrImagePull"));
    QVERIFY(reasons.count("ImagePullBackOff"));
    const json pod = c.podsOf("app", "web").front();
    QCOMPARE(pod["status"].value("phase", ""), std::string("Pending"));
    QVERIFY(!c.eventsFor(Kube::name(pod), "Failed").empty());
    QVERIFY(!c.eventsFor(Kube::name(pod), "BackOff").empty());
    QVERIFY_THROWS_EXCEPTION(ApiError, c.cm.podLog("app", Kube::name(pod), "", false, -1));
}

void tst_Controllers::statefulSetOrderedWithVolumes()
{
    SimTestCluster c;
    c.ns("db");
    c.node("node-a", "8", "32Gi");
    c.store.create(Kube::StorageClasses,
                   {{"apiVersion", "storage.k8s.io/v1"},
                    {"kind", "StorageClass"},
                    {"metadata",
                     {{"name", "standard"},
                      {"annotations", {{"storageclass.kubernetes.io/is-default-class", "true"}}}}},
                    {"provisioner", "rancher.io/local-path"},
                    {"reclaimPolicy", "Delete"}});
    json sts = {{"apiVersion", "apps/v1"},
                {"kind", "StatefulSet"},
                {"metadata", {{"name", "mysql"}, {"namespace", "db"}}},
                {"spec",
                 {{"replicas", 3},
                  {"serviceName", "mysql"},
                  {"selector", {{"matchLabels", {{"app", "mysql"}}}}},
                  {"template", SimTestCluster::podTemplate("mysql", "mysql:8.0")},
                  {"volumeClaimTemplates",
                   json::array({{{"metadata", {{"name", "data"}}},
                                 {"spec",
                                  {{"accessModes", json::array({"ReadWriteOnce"})},
                                   {"resources", {{"requests", {{"storage", "10Gi"}}}}}}}}})}}}};
    c.store.create(Kube::StatefulSets, sts);
    bool ordered = true;
    QVERIFY(c.runUntil(
        [&] {
            auto pods = c.podsOf("db", "mysql");
            std::map<int, bool> ready;
            for (const json &p : pods)
                ready[std::stoi(Kube::name(p).substr(6))] = Kube::isPodReady(p);
            for (const auto &[ordinal, isReady] : ready) {
                for (int lower = 0; lower < ordinal; ++lower)
                    ordered &= ready.count(lower) && ready[lower];
            }
            return c.readyPods("db", "mysql") == 3
                   && c.get(Kube::StatefulSets, "db", "mysql")["status"].value("readyReplicas", 0)
                          == 3;
        },
        120));
    QVERIFY(ordered);
    for (int i = 0; i < 3; ++i) {
        const json pod = c.get(Kube::Pods, "db", "mysql-" + std::to_string(i));
        QVERIFY(!pod.is_null());
        const json pvc
            = c.get(Kube::PersistentVolumeClaims, "db", "data-mysql-" + std::to_string(i));
        QCOMPARE(pvc["status"].value("phase", ""), std::string("Bound"));
        QCOMPARE(pvc["status"]["capacity"].value("storage", ""), std::string("10Gi"));
        const json pv = c.get(Kube::PersistentVolumes, "", pvc["spec"].value("volumeName", ""));
        QCOMPARE(pv["status"].value("phase", ""), std::string("Bound"));
        QCOMPARE(pv["spec"]["claimRef"].value("name", ""), "data-mysql-" + std::to_string(i));
        bool mounted = false;
        for (const json &v : pod["spec"]["volumes"])
            mounted |= v.value("/persistentVolumeClaim/claimName"_json_pointer, std::string())
                       == "data-mysql-" + std::to_string(i);
        QVERIFY(mounted);
    }
    const auto revisions = c.list(Kube::ControllerRevisions, "db");
    QCOMPARE(revisions.size(), std::size_t(1));
    QCOMPARE(revisions.front().value("revision", 0), 1);
    const json status = c.get(Kube::StatefulSets, "db", "mysql")["status"];
    QCOMPARE(status.value("readyReplicas", 0), 3);
    QCOMPARE(status.value("currentRevision", ""), Kube::name(revisions.front()));
    QCOMPARE(status.value("updateRevision", ""), Kube::name(revisions.front()));
    QVERIFY(!c.eventsFor("data-mysql-0", "ProvisioningSucceeded").empty());

    // A template change rolls from the highest ordinal and adds revision 2.
    c.update(Kube::StatefulSets, "db", "mysql", [](json &s) {
        s["spec"]["template"]["spec"]["containers"][0]["image"] = "mysql:8.4";
    });
    QVERIFY(c.runUntil(
        [&] {
            const json s = c.get(Kube::StatefulSets, "db", "mysql")["status"];
            return s.value("updatedReplicas", 0) == 3 && s.value("readyReplicas", 0) == 3
                   && s.value("currentRevision", "") == s.value("updateRevision", "x");
        },
        300));
    QCOMPARE(c.list(Kube::ControllerRevisions, "db").size(), std::size_t(2));
}

void tst_Controllers::daemonSetOnePodPerReadyNode()
{
    SimTestCluster c;
    c.ns("monitoring");
    c.node("node-a");
    c.node("node-b");
    c.node("node-c");
    c.cm.setNodeReady("node-c", false);
    json ds = {{"apiVersion", "apps/v1"},
               {"kind", "DaemonSet"},
               {"metadata", {{"name", "node-exporter"}, {"namespace", "monitoring"}}},
               {"spec",
                {{"selector", {{"matchLabels", {{"app", "node-exporter"}}}}},
                 {"template", SimTestCluster::podTemplate("node-exporter",
                                                          "prom/node-exporter:v1.7.0", "50m")}}}};
    c.store.create(Kube::DaemonSets, ds);
    QVERIFY(c.runUntil([&] { return c.readyPods("monitoring", "node-exporter") == 2; }, 60));
    c.runUntil([] { return false; }, 5);
    std::set<std::string> nodes;
    for (const json &p : c.podsOf("monitoring", "node-exporter"))
        nodes.insert(p["spec"].value("nodeName", ""));
    QCOMPARE(nodes, (std::set<std::string>{"node-a", "node-b"}));
    QCOMPARE(c.get(Kube::DaemonSets, "monitoring", "node-exporter")["status"].value(
                 "desiredNumberScheduled", 0),
             2);
    QCOMPARE(c.list(Kube::ControllerRevisions, "monitoring").size(), std::size_t(1));

    c.cm.setNodeReady("node-c", true);
    QVERIFY(c.runUntil([&] { return c.readyPods("monitoring", "node-exporter") == 3; }, 60));
    // A node going NotReady keeps its pod, unready.
    c.cm.setNodeReady("node-a", false);
    c.runUntil([] { return false; }, 3);
    QCOMPARE(c.podsOf("monitoring", "node-exporter").size(), std::size_t(3));
    QCOMPARE(c.readyPods("monitoring", "node-exporter"), 2);
}

void tst_Controllers::jobCompletes()
{
    SimTestCluster c;
    c.ns("batch");
    c.node("node-a");
    json tmpl = SimTestCluster::podTemplate("report", "busybox:1.36");
    tmpl["spec"]["restartPolicy"] = "Never";
    tmpl["metadata"]["annotations"]["orrery.io/run-seconds"] = "8";
    c.store.create(Kube::Jobs,
                   {{"apiVersion", "batch/v1"},
                    {"kind", "Job"},
                    {"metadata", {{"name", "report"}, {"namespace", "batch"}}},
                    {"spec", {{"completions", 3}, {"parallelism", 2}, {"template", tmpl}}}});
    int maxActive = 0;
    QVERIFY(c.runUntil(
        [&] {
            maxActive = std::max(maxActive, static_cast<int>(c.podsOf("batch", "report").size()));
            return Kube::hasCondition(c.get(Kube::Jobs, "batch", "report"), "Complete", "True");
        },
        120));
    QCOMPARE(maxActive, 2);
    const json job = c.get(Kube::Jobs, "batch", "report");
    QCOMPARE(job["status"].value("succeeded", 0), 3);
    QVERIFY(job["status"].contains("completionTime"));
    QVERIFY(!c.eventsFor("report", "Completed").empty());
    int succeeded = 0;
    for (const json &p : c.podsOf("batch", "report", false)) {
        succeeded += p["status"].value("phase", "") == "Succeeded" ? 1 : 0;
        QCOMPARE(p["metadata"]["labels"].value("batch.kubernetes.io/job-name", ""),
                 std::string("report"));
    }
    QCOMPARE(succeeded, 3);
}

void tst_Controllers::cronJobFires()
{
    SimTestCluster c;
    c.ns("batch");
    c.node("node-a");
    json tmpl = SimTestCluster::podTemplate("backup", "postgres:16");
    tmpl["spec"]["restartPolicy"] = "OnFailure";
    c.store.create(Kube::CronJobs, {{"apiVersion", "batch/v1"},
                                    {"kind", "CronJob"},
                                    {"metadata", {{"name", "backup"}, {"namespace", "batch"}}},
                                    {"spec",
                                     {{"schedule", "*/2 * * * *"},
                                      {"jobTemplate", {{"spec", {{"template", tmpl}}}}}}}});
    // Start at hh:m0:30 with m0 even, so the two-minute marks fall at +1:30, +3:30, ...
    {
        const auto secs
            = std::chrono::duration_cast<std::chrono::seconds>(c.clock.now().time_since_epoch())
                  .count();
        c.clock.advance(std::chrono::seconds(240 - secs % 120 + 30));
    }
    c.runUntil([] { return false; }, 7 * 60, 2000);
    QCOMPARE(c.list(Kube::Jobs, "batch").size(), std::size_t(3));
    c.runUntil([] { return false; }, 60, 2000); // the fourth run; the oldest finished job goes
    const auto jobs = c.list(Kube::Jobs, "batch");
    QCOMPARE(c.eventsFor("backup", "SuccessfulCreate").size(), std::size_t(4));
    QCOMPARE(jobs.size(), std::size_t(3));
    QCOMPARE(c.eventsFor("backup", "SuccessfulDelete").size(), std::size_t(1));
    for (const json &j : jobs) {
        QVERIFY(Kube::name(j).rfind("backup-", 0) == 0);
        QCOMPARE((*Kube::controllerRef(j))["kind"].get<std::string>(), std::string("CronJob"));
        const long minutes = std::stol(Kube::name(j).substr(7));
        QCOMPARE(minutes % 2, 0L);
    }
    const json cj = c.get(Kube::CronJobs, "batch", "backup");
    QVERIFY(cj["status"].contains("lastScheduleTime"));
    QVERIFY(cj["status"].contains("lastSuccessfulTime"));
    QVERIFY(!c.eventsFor("backup", "SawCompletedJob").empty());
}

void tst_Controllers::schedulerLeavesPendingWhenFull()
{
    SimTestCluster c;
    c.ns("app");
    c.node("small", "1", "4Gi"); // 950m allocatable
    c.deployment("app", "api", 3, "registry.local/api:1.0", nullptr, "400m");
    c.runUntil([] { return false; }, 20);
    const auto pods = c.podsOf("app", "api");
    QCOMPARE(pods.size(), std::size_t(3));
    int pending = 0;
    for (const json &p : pods) {
        if (p["spec"].value("nodeName", "").empty()) {
            ++pending;
            QCOMPARE(p["status"].value("phase", ""), std::string("Pending"));
            QCOMPARE(SimTestCluster::condition(p, "PodScheduled"), std::string("Unschedulable"));
            const auto events = c.eventsFor(Kube::name(p), "FailedScheduling");
            QCOMPARE(events.size(), std::size_t(1));
            QVERIFY(events.front()
                        .value("message", "")
                        .rfind("0/1 nodes are available: 1 Insufficient cpu.", 0)
                    == 0);
            QCOMPARE(events.front().value("type", ""), std::string("Warning"));
        }
    }
    QCOMPARE(pending, 1);
    QCOMPARE(c.readyPods("app", "api"), 2);
    // Capacity arrives: the pending pod is scheduled.
    c.node("big", "4", "16Gi");
    QVERIFY(c.runUntil([&] { return c.readyPods("app", "api") == 3; }, 30));
}

void tst_Controllers::endpointsFollowReadiness()
{
    SimTestCluster c;
    c.ns("app");
    c.node("node-a");
    c.deployment("app", "web", 2, "nginx:1.25");
    c.store.create(
        Kube::Services,
        {{"apiVersion", "v1"},
         {"kind", "Service"},
         {"metadata", {{"name", "web"}, {"namespace", "app"}}},
         {"spec",
          {{"type", "NodePort"},
           {"selector", {{"app", "web"}}},
           {"ports", json::array({{{"name", "http"}, {"port", 80}, {"targetPort", 8080}}})}}}});
    auto counts = [&] {
        const json ep = c.get(Kube::Endpoints, "app", "web");
        int ready = 0, notReady = 0;
        for (const json &s : ep.value("subsets", json::array())) {
            ready += static_cast<int>(s.value("addresses", json::array()).size());
            notReady += static_cast<int>(s.value("notReadyAddresses", json::array()).size());
        }
        return std::make_pair(ready, notReady);
    };
    bool sawNotReady = false;
    QVERIFY(c.runUntil(
        [&] {
            sawNotReady |= counts().second > 0;
            return counts() == std::make_pair(2, 0);
        },
        30));
    QVERIFY(sawNotReady);
    const json ep = c.get(Kube::Endpoints, "app", "web");
    QCOMPARE(ep["subsets"][0]["ports"][0].value("port", 0), 8080);
    const json svc = c.get(Kube::Services, "app", "web");
    QVERIFY(!svc["spec"].value("clusterIP", "").empty());
    QVERIFY(svc["spec"]["ports"][0].contains("nodePort"));
    QCOMPARE(c.list(Kube::EndpointSlices, "app").size(), std::size_t(1));

    c.cm.setNodeReady("node-a", false);
    c.runUntil([] { return false; }, 2);
    QCOMPARE(counts(), std::make_pair(0, 2));
    QCOMPARE(SimTestCluster::condition(c.get(Kube::Nodes, "", "node-a"), "Ready", "status"),
             std::string("Unknown"));
    c.cm.setNodeReady("node-a", true);
    c.runUntil([] { return false; }, 2);
    QCOMPARE(counts(), std::make_pair(2, 0));
}

void tst_Controllers::eventsAggregateAndAreCapped()
{
    SimTestCluster c;
    c.cm.setEventLimit(40);
    c.ns("app");
    c.node("node-a");
    c.deployment("app", "api", 6, "registry.local/api:broken");
    c.runUntil([] { return false; }, 200);
    const auto events = c.list(Kube::Events);
    QVERIFY(events.size() <= 40);
    QVERIFY(events.size() >= 30);
    int maxCount = 0;
    for (const json &e : events) {
        maxCount = std::max(maxCount, e.value("count", 0));
        QVERIFY(!e.value("firstTimestamp", "").empty());
        QVERIFY(!e["involvedObject"].value("uid", "").empty());
    }
    QVERIFY(maxCount >= 3); // repeated BackOff/Started are aggregated
}

void tst_Controllers::logsFollowAndPrevious()
{
    SimTestCluster c;
    c.ns("app");
    c.node("node-a");
    c.deployment("app", "frontend", 1, "nginx:1.25.3");
    QVERIFY(c.runUntil([&] { return c.readyPods("app", "frontend") == 1; }, 30));
    const std::string pod = Kube::name(c.podsOf("app", "frontend").front());
    const auto startup = c.cm.podLog("app", pod, "", false, -1);
    QVERIFY(!startup.empty());
    QVERIFY(startup.front().find("docker-entrypoint") != std::string::npos);
    QVERIFY_THROWS_EXCEPTION(ApiError, c.cm.podLog("app", pod, "", true, -1));
    QVERIFY_THROWS_EXCEPTION(ApiError, c.cm.podLog("app", pod, "nope", false, -1));
    QVERIFY_THROWS_EXCEPTION(ApiError, c.cm.podLog("app", "missing", "", false, -1));

    c.cm.setLoad("app", "frontend", 40);
    std::vector<std::string> followed;
    const int id = c.cm.followPodLog("app", pod, "", [&](const std::string &line) {
        followed.push_back(line);
        return followed.size() < 50;
    });
    c.runUntil([] { return false; }, 60);
    QCOMPARE(followed.size(), std::size_t(50)); // the sink stopped the follow at 50
    QVERIFY(followed.front().find("\"GET ") != std::string::npos);
    c.cm.unfollowPodLog(id);
    QCOMPARE(c.cm.podLog("app", pod, "", false, 5).size(), std::size_t(5));
}

void tst_Controllers::deletingDeploymentCollectsPods()
{
    SimTestCluster c;
    c.ns("app");
    c.node("node-a");
    c.deployment("app", "web", 2, "nginx:1.25");
    QVERIFY(c.runUntil([&] { return c.rolloutComplete("app", "web"); }, 30));
    const std::string victim = Kube::name(c.podsOf("app", "web").front());
    c.store.remove(Kube::Deployments, "app", "web");
    bool sawTerminating = false;
    QVERIFY(c.runUntil(
        [&] {
            for (const json &p : c.podsOf("app", "web", false))
                sawTerminating |= Kube::isTerminating(p);
            return c.list(Kube::Pods, "app").empty() && c.list(Kube::ReplicaSets, "app").empty();
        },
        30));
    QVERIFY(sawTerminating);
    QVERIFY(!c.eventsFor(victim, "Killing").empty());
}

QTEST_GUILESS_MAIN(tst_Controllers)
#include "tst_controllers.moc"
