// SPDX-License-Identifier: GPL-3.0-or-later
// The HPA controller against the load model, with figures computed from the upstream
// algorithm: usage per ready pod = load × cpuMilliPerRequest / readyPods (idle usage 0 here).

#include "controllers/controllercontext.h"
#include "simtestcluster.h"
#include "workload/loadmodel.h"

#include <QtTest>

using namespace Orrery::Sim;
using namespace Orrery::Sim::Test;
using namespace std::chrono_literals;

namespace {

struct HpaCluster : SimTestCluster
{
    explicit HpaCluster(int replicas = 2, const json &behavior = nullptr, int minReplicas = 2,
                        int maxReplicas = 10)
    {
        ns("shop");
        node("node-a", "16", "64Gi");
        deployment("shop", "api", replicas, "registry.local/api:1.0", nullptr, "100m");
        LoadProfile p;
        p.baseRps = p.peakRps = 0;
        p.cpuMilliPerRequest = 1.0; // 1 rps = 1m of CPU
        p.idleCpuFraction = 0;
        cm.setLoadProfile("shop", "api", p);
        json hpa = {
            {"apiVersion", "autoscaling/v2"},
            {"kind", "HorizontalPodAutoscaler"},
            {"metadata", {{"name", "api"}, {"namespace", "shop"}}},
            {"spec",
             {{"scaleTargetRef",
               {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", "api"}}},
              {"minReplicas", minReplicas},
              {"maxReplicas", maxReplicas},
              {"metrics",
               json::array(
                   {{{"type", "Resource"},
                     {"resource",
                      {{"name", "cpu"},
                       {"target", {{"type", "Utilization"}, {"averageUtilization", 50}}}}}}})}}}};
        if (!behavior.is_null())
            hpa["spec"]["behavior"] = behavior;
        store.create(Kube::HorizontalPodAutoscalers, hpa);
    }
    int replicas() { return get(Kube::Deployments, "shop", "api")["spec"].value("replicas", 0); }
    json hpa() { return get(Kube::HorizontalPodAutoscalers, "shop", "api"); }
    // Runs whole seconds, recording every change of spec.replicas with its sim second.
    std::vector<std::pair<int, int>> record(int seconds)
    {
        std::vector<std::pair<int, int>> changes;
        int last = replicas();
        for (int t = 0; t < seconds; ++t) {
            clock.advance(1s);
            cm.tick();
            if (replicas() != last) {
                last = replicas();
                changes.push_back({t, last});
            }
        }
        return changes;
    }
};

} // namespace

class tst_Hpa : public QObject
{
    Q_OBJECT

private slots:
    void scalesOutAndBackIn();
    void toleranceHoldsSteady();
    void scaleUpRateLimitAndMax();
    void customScaleDownPolicy();
    void missingRequestsDisableScaling();
    void podMetricsFollowLoad();
    void loadAnnotationScalesOut();
    void loadAnnotationWithoutProfilePeak();
};

void tst_Hpa::scalesOutAndBackIn()
{
    HpaCluster c;
    QVERIFY(c.runUntil([&] { return c.rolloutComplete("shop", "api"); }, 30));
    c.cm.setLoad("shop", "api", 300); // 150m per pod = 150 % of request, target 50 %: ratio 3
    c.record(16);
    // ceil(3.0 × 2) = 6, within the default scale-up limit max(2 + 4, 2 × 2).
    QCOMPARE(c.replicas(), 6);
    const auto up = c.eventsFor("api", "SuccessfulRescale");
    QCOMPARE(up.size(), std::size_t(1));
    QCOMPARE(
        up.front().value("message", ""),
        std::string(
            "New size: 6; reason: cpu resource utilization (percentage of request) above target"));
    QCOMPARE(up.front()["source"].value("component", ""), std::string("horizontal-pod-autoscaler"));

    // Six ready pods at 50m each: exactly on target, nothing moves.
    QVERIFY(c.runUntil([&] { return c.readyPods("shop", "api") == 6; }, 30));
    QVERIFY(c.record(60).empty());
    json h = c.hpa();
    QCOMPARE(h["status"].value("currentReplicas", 0), 6);
    QCOMPARE(h["status"].value("desiredReplicas", 0), 6);
    QCOMPARE(h["status"]["currentMetrics"][0]["resource"]["current"].value("averageUtilization", 0),
             50);
    QCOMPARE(SimTestCluster::condition(h, "AbleToScale"), std::string("ReadyForNewScale"));
    QCOMPARE(SimTestCluster::condition(h, "ScalingActive"), std::string("ValidMetricFound"));
    QCOMPARE(SimTestCluster::condition(h, "ScalingLimited"), std::string("DesiredWithinRange"));
    QVERIFY(h["status"].contains("lastScaleTime"));

    // Load drops to 60 rps (10 %): the proposal is ceil(0.2 × 6) = 2, held back for the
    // 300 s scale-down stabilization window, then applied at once (100 % per 15 s).
    c.cm.setLoad("shop", "api", 60);
    const auto changes = c.record(360);
    QCOMPARE(changes.size(), std::size_t(1));
    QCOMPARE(changes.front().second, 2);
    QVERIFY2(changes.front().first >= 285 && changes.front().first <= 315,
             qPrintable(QString::number(changes.front().first)));
    bool sawDown = false;
    for (const json &e : c.eventsFor("api", "SuccessfulRescale"))
        sawDown |= e.value("message", "") == "New size: 2; reason: All metrics below target";
    QVERIFY(sawDown);
    QVERIFY(c.runUntil([&] { return c.podsOf("shop", "api").size() == 2; }, 30));
}

void tst_Hpa::toleranceHoldsSteady()
{
    HpaCluster c;
    QVERIFY(c.runUntil([&] { return c.rolloutComplete("shop", "api"); }, 30));
    c.cm.setLoad("shop", "api", 108); // 54 % on a 50 % target: ratio 1.08, inside 0.1
    QVERIFY(c.record(400).empty());
    QCOMPARE(c.hpa()["status"]["currentMetrics"][0]["resource"]["current"].value(
                 "averageUtilization", 0),
             54);
    c.cm.setLoad("shop", "api", 112); // 56 %: ratio 1.12 → ceil(1.12 × 2) = 3
    c.record(16);
    QCOMPARE(c.replicas(), 3);
}

void tst_Hpa::scaleUpRateLimitAndMax()
{
    HpaCluster c(2, nullptr, 2, 10);
    QVERIFY(c.runUntil([&] { return c.rolloutComplete("shop", "api"); }, 30));
    c.cm.setLoad("shop", "api", 2000); // ratio 20: wants 40
    const auto changes = c.record(40);
    QVERIFY(changes.size() >= 2);
    QCOMPARE(changes[0].second, 6);  // max(2 + 4 pods, 2 + 100 %) per 15 s
    QCOMPARE(changes[1].second, 10); // max(6 + 4, 12) = 12, clamped to maxReplicas
    QVERIFY(changes[1].first - changes[0].first >= 15);
    const json h = c.hpa();
    QCOMPARE(SimTestCluster::condition(h, "ScalingLimited"), std::string("TooManyReplicas"));
    QCOMPARE(SimTestCluster::condition(h, "ScalingLimited", "status"), std::string("True"));
}

void tst_Hpa::customScaleDownPolicy()
{
    const json behavior = {
        {"scaleDown",
         {{"stabilizationWindowSeconds", 0},
          {"policies", json::array({{{"type", "Pods"}, {"value", 1}, {"periodSeconds", 60}}})}}}};
    HpaCluster c(6, behavior, 2, 10);
    c.cm.setLoad("shop", "api", 300); // 50 % on six pods: steady
    QVERIFY(c.runUntil([&] { return c.rolloutComplete("shop", "api"); }, 30));
    c.record(30);
    QCOMPARE(c.replicas(), 6);
    c.cm.setLoad("shop", "api", 0);
    const auto changes = c.record(300);
    // One pod per 60 s: 5, 4, 3, 2, then the minimum holds.
    QCOMPARE(changes.size(), std::size_t(4));
    for (std::size_t i = 0; i < changes.size(); ++i)
        QCOMPARE(changes[i].second, 5 - static_cast<int>(i));
    for (std::size_t i = 1; i < changes.size(); ++i)
        QVERIFY(changes[i].first - changes[i - 1].first >= 60);
}

void tst_Hpa::missingRequestsDisableScaling()
{
    SimTestCluster c;
    c.ns("shop");
    c.node("node-a");
    json d
        = {{"apiVersion", "apps/v1"},
           {"kind", "Deployment"},
           {"metadata", {{"name", "bare"}, {"namespace", "shop"}}},
           {"spec",
            {{"replicas", 2},
             {"selector", {{"matchLabels", {{"app", "bare"}}}}},
             {"template",
              {{"metadata", {{"labels", {{"app", "bare"}}}}},
               {"spec",
                {{"containers", json::array({{{"name", "bare"}, {"image", "nginx:1.25"}}})}}}}}}}};
    c.store.create(Kube::Deployments, d);
    c.store.create(Kube::HorizontalPodAutoscalers,
                   {{"apiVersion", "autoscaling/v2"},
                    {"kind", "HorizontalPodAutoscaler"},
                    {"metadata", {{"name", "bare"}, {"namespace", "shop"}}},
                    {"spec",
                     {{"scaleTargetRef",
                       {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", "bare"}}},
                      {"maxReplicas", 5}}}});
    c.runUntil([] { return false; }, 40);
    const json h = c.get(Kube::HorizontalPodAutoscalers, "shop", "bare");
    QCOMPARE(SimTestCluster::condition(h, "ScalingActive"), std::string("FailedGetResourceMetric"));
    QVERIFY(SimTestCluster::condition(h, "ScalingActive", "message").find("missing request for cpu")
            != std::string::npos);
    QCOMPARE(c.get(Kube::Deployments, "shop", "bare")["spec"].value("replicas", 0), 2);
}

void tst_Hpa::podMetricsFollowLoad()
{
    HpaCluster c;
    QVERIFY(c.runUntil([&] { return c.rolloutComplete("shop", "api"); }, 30));
    c.cm.setLoad("shop", "api", 80);
    const json list = c.cm.podMetrics("shop");
    QCOMPARE(list.value("kind", ""), std::string("PodMetricsList"));
    QCOMPARE(list.value("apiVersion", ""), std::string("metrics.k8s.io/v1beta1"));
    QCOMPARE(list["items"].size(), std::size_t(2));
    for (const json &item : list["items"]) {
        QCOMPARE(item["containers"][0]["usage"].value("cpu", ""), std::string("40m"));
        QCOMPARE(item.value("window", ""), std::string("30s"));
    }
    const json nodes = c.cm.nodeMetrics();
    QCOMPARE(nodes.value("kind", ""), std::string("NodeMetricsList"));
    QCOMPARE(nodes["items"].size(), std::size_t(1));
    QVERIFY(!nodes["items"][0]["usage"].value("memory", "").empty());
}

namespace {

void annotateLoad(SimTestCluster &c, const GroupResource &gr, const std::string &name,
                  const char *percent)
{
    c.update(gr, "shop", name, [&](json &obj) {
        if (percent)
            obj["metadata"]["annotations"]["sim.orrery.dev/load-percent"] = percent;
        else
            obj["metadata"]["annotations"].erase("sim.orrery.dev/load-percent");
    });
}

} // namespace

void tst_Hpa::loadAnnotationScalesOut()
{
    HpaCluster c;
    LoadProfile p = c.cm.context().load.profile("shop", "api");
    p.baseRps = p.peakRps = 100; // scheduled: 50m per pod on two pods, exactly on target
    c.cm.setLoadProfile("shop", "api", p);
    QVERIFY(c.runUntil([&] { return c.rolloutComplete("shop", "api"); }, 30));
    QVERIFY(c.record(30).empty());

    // 300 % of the 100 rps peak: the same 300 rps as scalesOutAndBackIn, so the same 6.
    annotateLoad(c, Kube::Deployments, "api", "300");
    c.record(16);
    QCOMPARE(c.cm.load("shop", "api"), 300.0);
    QCOMPARE(c.replicas(), 6);

    // Changing the value applies the new one; removing it returns to the schedule.
    annotateLoad(c, Kube::Deployments, "api", "50%");
    c.record(1);
    QCOMPARE(c.cm.load("shop", "api"), 50.0);
    annotateLoad(c, Kube::Deployments, "api", nullptr);
    c.record(1);
    QCOMPARE(c.cm.load("shop", "api"), 100.0);

    // A malformed value is ignored like no annotation.
    annotateLoad(c, Kube::Deployments, "api", "lots");
    c.record(1);
    QCOMPARE(c.cm.load("shop", "api"), 100.0);
}

void tst_Hpa::loadAnnotationWithoutProfilePeak()
{
    // HpaCluster's profile has no peak: 100 % is the load at which the two replicas use
    // exactly their 100m requests, 200 rps at 1m per request.
    HpaCluster c;
    QVERIFY(c.runUntil([&] { return c.rolloutComplete("shop", "api"); }, 30));
    annotateLoad(c, Kube::Deployments, "api", "150");
    c.record(1);
    QCOMPARE(c.cm.load("shop", "api"), 300.0);

    // StatefulSets are annotated the same way.
    c.store.create(Kube::StatefulSets,
                   {{"apiVersion", "apps/v1"},
                    {"kind", "StatefulSet"},
                    {"metadata", {{"name", "db"}, {"namespace", "shop"}}},
                    {"spec",
                     {{"replicas", 1},
                      {"serviceName", "db"},
                      {"selector", {{"matchLabels", {{"app", "db"}}}}},
                      {"template", SimTestCluster::podTemplate("db", "postgres:16", "500m")}}}});
    LoadProfile db;
    db.baseRps = 1;
    db.peakRps = 40;
    db.periodSeconds = 0;
    c.cm.setLoadProfile("shop", "db", db);
    annotateLoad(c, Kube::StatefulSets, "db", "25");
    c.record(1);
    QCOMPARE(c.cm.load("shop", "db"), 10.0);
    c.store.remove(Kube::StatefulSets, "shop", "db");
    c.record(1);
    QCOMPARE(c.cm.load("shop", "db"), 1.0); // deleted: no longer fixed
}

QTEST_GUILESS_MAIN(tst_Hpa)
#include "tst_hpa.moc"
