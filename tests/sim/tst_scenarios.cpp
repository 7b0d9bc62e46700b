// SPDX-License-Identifier: GPL-3.0-or-later
// Every scenario in resources/scenarios loads, settles into a healthy cluster and holds what
// its seed describes; the synthetic generator produces large steady clusters.

#include "scenario.h"
#include "simtestcluster.h"

#include <base64.h>
#include <gzip.h>

#include <QElapsedTimer>
#include <QtTest>

#include <map>
#include <set>

using namespace Orrery::Sim;
using namespace Orrery::Sim::Test;
using namespace std::chrono_literals;

namespace {

std::string unbase64(const std::string &text)
{
    auto bytes = Orrery::Base64::decode(text);
    if (!bytes)
        throw std::runtime_error("invalid base64");
    return std::move(*bytes);
}

std::string gunzip(const std::string &bytes)
{
    auto out = Orrery::Gzip::decompress(bytes);
    if (!out.ok())
        throw std::runtime_error("invalid gzip");
    return std::move(out.data);
}

} // namespace

namespace {

struct Loaded : SimTestCluster
{
    ScenarioInfo info;
    explicit Loaded(const std::string &name)
    {
        info = loadScenario(name, store, cm);
        runUntil([] { return false; }, 90); // everything comes up within a minute and a half
    }
    json hpa(const std::string &ns, const std::string &name)
    {
        return get(Kube::HorizontalPodAutoscalers, ns, name);
    }
};

} // namespace

class tst_Scenarios : public QObject
{
    Q_OBJECT

private slots:
    void listsAllScenarios();
    void loadsHealthy_data();
    void loadsHealthy();
    void pfe();
    void eksDevopsPpp();
    void aksChatHelmHistory();
    void microk8sShop();
    void multicloud();
    void hpasMoveDuringADemo();
    void seedObjectsAreDefaulted();
    void synthetic();
};

void tst_Scenarios::listsAllScenarios()
{
    const auto names = availableScenarios();
    QCOMPARE(names, (std::vector<std::string>{"aks-chat", "eks-devops-ppp", "microk8s-shop",
                                              "multicloud", "pfe"}));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, [] {
        ObjectStore store;
        SimClock clock(SimClock::Mode::Manual);
        ControllerManager cm(store, clock);
        loadScenario("no-such-scenario", store, cm);
    }());
}

void tst_Scenarios::loadsHealthy_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("version");
    for (const auto &[name, version] : std::vector<std::pair<const char *, const char *>>{
             {"pfe", "v1.32.2"},
             {"eks-devops-ppp", "v1.28.15-eks-7f9249a"},
             {"aks-chat", "v1.32.5"},
             {"microk8s-shop", "v1.29.15"},
             {"multicloud", "v1.32.2-gke.1182003"}})
        QTest::newRow(name) << name << version;
}

void tst_Scenarios::loadsHealthy()
{
    QFETCH(QString, scenario);
    QFETCH(QString, version);
    Loaded c(scenario.toStdString());
    QCOMPARE(c.info.name, scenario.toStdString());
    QCOMPARE(c.info.kubernetesVersion, version.toStdString());
    QVERIFY(!c.info.clusterName.empty());
    QVERIFY(!c.info.platform.empty());
    for (const json &n : c.list(Kube::Nodes))
        QCOMPARE(n["status"]["nodeInfo"].value("kubeletVersion", ""), version.toStdString());
    // A steady state without failures: no container failing or waiting for an image, no pod
    // unschedulable, every claim bound, no Warning events (apart from HPAs reporting missing
    // metrics while their first pods start, as real ones do). Pods the HPAs just added may
    // still be starting, so readiness is checked on the fixed-size workloads.
    for (const json &p : c.list(Kube::Pods)) {
        const std::string where = Kube::ns(p) + "/" + Kube::name(p);
        QVERIFY2(SimTestCluster::condition(p, "PodScheduled", "status") == "True", where.c_str());
        for (const json &cs : p["status"].value("containerStatuses", json::array())) {
            QCOMPARE(cs.value("restartCount", -1), 0);
            const std::string waiting
                = cs.value("/state/waiting/reason"_json_pointer, std::string());
            QVERIFY2(waiting.empty() || waiting == "ContainerCreating",
                     (where + " " + waiting).c_str());
        }
    }
    std::set<std::string> scaled;
    for (const json &h : c.list(Kube::HorizontalPodAutoscalers))
        scaled.insert(Kube::ns(h) + "/" + h["spec"]["scaleTargetRef"].value("name", ""));
    for (const json &d : c.list(Kube::Deployments)) {
        if (!scaled.count(Kube::ns(d) + "/" + Kube::name(d)))
            QVERIFY2(c.rolloutComplete(Kube::ns(d), Kube::name(d)), Kube::name(d).c_str());
    }
    for (const json &pvc : c.list(Kube::PersistentVolumeClaims))
        QCOMPARE(pvc["status"].value("phase", ""), std::string("Bound"));
    for (const json &e : c.list(Kube::Events)) {
        if (e.value("reason", "") != "FailedGetResourceMetric")
            QVERIFY2(e.value("type", "") == "Normal",
                     qPrintable(QString::fromStdString(e.value("reason", "") + ": "
                                                       + e.value("message", ""))));
    }
    QVERIFY(c.get(Kube::Deployments, "kube-system", "coredns")["status"].value("readyReplicas", 0)
            == 2);
    for (const json &s : c.list(Kube::Services)) {
        if (s["spec"].value("type", "") == "LoadBalancer")
            QVERIFY(s.contains("/status/loadBalancer/ingress/0"_json_pointer));
        QVERIFY(!s["spec"].value("clusterIP", "").empty());
    }
}

void tst_Scenarios::pfe()
{
    Loaded c("pfe");
    for (const char *ns : {"pfe-app", "staging", "production", "monitoring"})
        QVERIFY2(!c.get(Kube::Namespaces, "", ns).is_null(), ns);
    for (const char *name : {"frontend", "backend-spring", "backend-python"}) {
        const json h = c.hpa("pfe-app", std::string(name) + "-hpa");
        QCOMPARE(h["spec"].value("minReplicas", 0), 2);
        QCOMPARE(h["spec"].value("maxReplicas", 0), 5);
        QCOMPARE(h["spec"]["metrics"][0]["resource"]["target"].value("averageUtilization", 0), 70);
        QCOMPARE(h["spec"]["metrics"][1]["resource"]["name"].get<std::string>(),
                 std::string("memory"));
        QCOMPARE(h["spec"]["metrics"][1]["resource"]["target"].value("averageUtilization", 0), 80);
        QCOMPARE(c.get(Kube::Services, "pfe-app", name)["spec"].value("type", ""),
                 std::string("ClusterIP"));
    }
    const json pvc = c.get(Kube::PersistentVolumeClaims, "pfe-app", "mysql-data-mysql-0");
    QCOMPARE(pvc["status"].value("phase", ""), std::string("Bound"));
    QCOMPARE(pvc["status"]["capacity"].value("storage", ""), std::string("10Gi"));
    QCOMPARE(c.get(Kube::StatefulSets, "pfe-app", "mysql")["status"].value("readyReplicas", 0), 1);
    for (const char *secret : {"mysql-secret", "backend-spring-secret", "backend-python-secret"})
        QVERIFY2(!c.get(Kube::Secrets, "pfe-app", secret).is_null(), secret);
    QCOMPARE(
        unbase64(c.get(Kube::Secrets, "pfe-app", "mysql-secret")["data"].value("database", "")),
        std::string("anosdb"));
    const json ingress = c.get({"networking.k8s.io", "ingresses"}, "pfe-app", "pfe-ingress");
    QCOMPARE(ingress["spec"]["tls"][0].value("secretName", ""), std::string("pfe-tls"));
    QCOMPARE(ingress["spec"].value("ingressClassName", ""), std::string("nginx"));
    for (const char *name : {"prometheus", "grafana", "alertmanager"})
        QCOMPARE(c.readyPods("monitoring", name), 1);
    // node-exporter on the three schedulable workers (the control plane is tainted).
    QCOMPARE(
        c.get(Kube::DaemonSets, "monitoring", "node-exporter")["status"].value("numberReady", 0),
        3);
}

void tst_Scenarios::eksDevopsPpp()
{
    Loaded c("eks-devops-ppp");
    const json sa = c.get({"", "serviceaccounts"}, "devops-ppp", "sqs-consumer");
    QCOMPARE(sa["metadata"]["annotations"].value("eks.amazonaws.com/role-arn", ""),
             std::string("arn:aws:iam::123456789012:role/devops-ppp-sqs-consumer"));
    QVERIFY(!c.get(Kube::ConfigMaps, "devops-ppp", "app-config").is_null());
    QCOMPARE(c.get(Kube::Secrets, "devops-ppp", "app-secrets")["data"].size(), std::size_t(3));
    const std::map<std::string, std::pair<int, int>> bounds
        = {{"frontend-hpa", {2, 8}}, {"backend-hpa", {2, 10}}, {"sqs-worker-hpa", {1, 5}}};
    for (const auto &[name, b] : bounds) {
        const json h = c.hpa("devops-ppp", name);
        QCOMPARE(h["spec"].value("minReplicas", 0), b.first);
        QCOMPARE(h["spec"].value("maxReplicas", 0), b.second);
    }
    for (const char *name : {"frontend", "backend", "sqs-worker"}) {
        const json d = c.get(Kube::Deployments, "devops-ppp", name);
        QCOMPARE(d["spec"]["strategy"]["rollingUpdate"]["maxSurge"].get<int>(), 1);
        QCOMPARE(d["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"].get<int>(), 0);
    }
    QCOMPARE(c.get(Kube::Deployments, "devops-ppp", "sqs-worker")["spec"]["template"]["spec"].value(
                 "serviceAccountName", ""),
             std::string("sqs-consumer"));
    QCOMPARE(c.get(Kube::Services, "devops-ppp", "frontend-service")["spec"].value("type", ""),
             std::string("LoadBalancer"));
    const json ingress
        = c.get({"networking.k8s.io", "ingresses"}, "devops-ppp", "devops-ppp-ingress");
    QCOMPARE(ingress["spec"].value("ingressClassName", ""), std::string("alb"));
    std::map<std::string, std::string> routes;
    for (const json &p : ingress["spec"]["rules"][0]["http"]["paths"])
        routes[p.value("path", "")] = p["backend"]["service"].value("name", "");
    QCOMPARE(routes["/"], std::string("frontend-service"));
    QCOMPARE(routes["/api"], std::string("backend-service"));
}

void tst_Scenarios::aksChatHelmHistory()
{
    Loaded c("aks-chat");
    std::map<int, json> releases;
    for (const json &s : c.list(Kube::Secrets, "production")) {
        if (s.value("type", "") != "helm.sh/release.v1")
            continue;
        QCOMPARE(s["metadata"]["labels"].value("owner", ""), std::string("helm"));
        QCOMPARE(s["metadata"]["labels"].value("name", ""), std::string("chat-app"));
        // Twice base64 (Helm's, then the API's), then gzip.
        const std::string helmValue = unbase64(s["data"].value("release", ""));
        const std::string gz = unbase64(helmValue);
        QCOMPARE(static_cast<unsigned char>(gz[0]), static_cast<unsigned char>(0x1f));
        QCOMPARE(static_cast<unsigned char>(gz[1]), static_cast<unsigned char>(0x8b));
        const json release = json::parse(gunzip(gz));
        const int version = release.value("version", 0);
        QCOMPARE(Kube::name(s), "sh.helm.release.v1.chat-app.v" + std::to_string(version));
        QCOMPARE(s["metadata"]["labels"].value("version", ""), std::to_string(version));
        QCOMPARE(s["metadata"]["labels"].value("status", ""), release["info"].value("status", ""));
        releases[version] = release;
    }
    QCOMPARE(releases.size(), std::size_t(3));
    int deployed = 0;
    for (const auto &[version, release] : releases) {
        deployed += release["info"].value("status", "") == "deployed" ? 1 : 0;
        QCOMPARE(release["chart"]["metadata"].value("name", ""), std::string("chat-app"));
        QCOMPARE(release.value("namespace", ""), std::string("production"));
    }
    QCOMPARE(deployed, 1);
    QCOMPARE(releases[3]["info"].value("status", ""), std::string("deployed"));
    QCOMPARE(releases[1]["info"].value("status", ""), std::string("superseded"));
    QCOMPARE(releases[3]["config"]["backend"]["image"].value("tag", ""), std::string("1.2.0"));
    // The manifests match the objects: the latest renders the running images, older ones theirs.
    const json backend = c.get(Kube::Deployments, "production", "chat-app-backend");
    const std::string image
        = backend["spec"]["template"]["spec"]["containers"][0].value("image", "");
    QCOMPARE(image, std::string("chatappacr.azurecr.io/chat-backend:1.2.0"));
    QCOMPARE(backend["spec"].value("replicas", 0), 3);
    QVERIFY(releases[3].value("manifest", "").find("image: " + image) != std::string::npos);
    QVERIFY(
        releases[1].value("manifest", "").find("image: chatappacr.azurecr.io/chat-backend:1.0.0")
        != std::string::npos);
    QVERIFY(releases[3].value("manifest", "").find("# Source: chat-app/templates/deployment.yaml")
            != std::string::npos);
    QCOMPARE(c.readyPods("production", "backend"), 3);
    QCOMPARE(c.get(Kube::Services, "production", "chat-app-backend")["spec"]["ports"][0].value(
                 "port", 0),
             5000);
    QCOMPARE(c.get(Kube::Services, "production",
                   "chat-app-frontend")["status"]["loadBalancer"]["ingress"][0]
                 .value("ip", ""),
             std::string("4.178.25.91"));
    QCOMPARE(c.get(Kube::Services, "production", "chat-app-prometheus")["spec"]["ports"][0].value(
                 "nodePort", 0),
             32269);
    QCOMPARE(c.get(Kube::Services, "production", "chat-app-grafana")["spec"].value("type", ""),
             std::string("LoadBalancer"));
    QCOMPARE(
        c.get(Kube::PersistentVolumeClaims, "production", "chat-app-ollama-data")["status"].value(
            "phase", ""),
        std::string("Bound"));
}

void tst_Scenarios::microk8sShop()
{
    Loaded c("microk8s-shop");
    const std::map<std::string, int> nodePorts
        = {{"product-service", 31309}, {"inventory-service", 31081}, {"order-service", 31004}};
    for (const auto &[name, port] : nodePorts) {
        const json s = c.get(Kube::Services, "default", name);
        QCOMPARE(s["spec"].value("type", ""), std::string("NodePort"));
        QCOMPARE(s["spec"]["ports"][0].value("nodePort", 0), port);
        const json h = c.hpa("default", name + "-hpa");
        QCOMPARE(h["spec"].value("minReplicas", 0), 1);
        QCOMPARE(h["spec"].value("maxReplicas", 0), 5);
        const json d = c.get(Kube::Deployments, "default", name);
        QCOMPARE(d["spec"]["template"]["metadata"]["annotations"].value("prometheus.io/scrape", ""),
                 std::string("true"));
    }
    for (const char *claim : {"mongodb-pvc", "mysql-pvc"})
        QCOMPARE(c.get(Kube::PersistentVolumeClaims, "default", claim)["status"].value("phase", ""),
                 std::string("Bound"));
    QCOMPARE(c.readyPods("default", "mongodb"), 1);
    QCOMPARE(c.list(Kube::Nodes).size(), std::size_t(1));
}

void tst_Scenarios::multicloud()
{
    Loaded c("multicloud");
    QCOMPARE(c.get(Kube::CronJobs, "data", "db-backup")["spec"].value("schedule", ""),
             std::string("0 2 * * *"));
    QCOMPARE(
        c.get(Kube::StatefulSets, "data", "postgres-primary")["status"].value("readyReplicas", 0),
        1);
    QCOMPARE(
        c.get(Kube::StatefulSets, "data", "postgres-replica")["status"].value("readyReplicas", 0),
        2);
    QCOMPARE(
        c.get(Kube::PersistentVolumeClaims, "data", "pgdata-postgres-replica-1")["status"].value(
            "phase", ""),
        std::string("Bound"));
    QCOMPARE(c.readyPods("data", "redis"), 1);
    for (const char *name :
         {"web-frontend", "api-gateway", "users-service", "orders-service", "queue-worker"})
        QVERIFY2(c.rolloutComplete("app", name), name);
    // The five-minute warm-up job runs during a demo.
    c.runUntil([] { return false; }, 330, 5000);
    QVERIFY(!c.list(Kube::Jobs, "app").empty());
    QVERIFY(!c.eventsFor("cache-warmup", "SuccessfulCreate").empty());
}

void tst_Scenarios::hpasMoveDuringADemo()
{
    // Within one load period (10 minutes of sim time) the pfe HPAs scale out and back in.
    Loaded c("pfe");
    std::map<std::string, int> maxSeen, minAfterPeak;
    for (int t = 0; t < 900; t += 5) {
        c.clock.advance(5s);
        c.cm.tick();
        for (const char *name : {"frontend", "backend-spring", "backend-python"}) {
            const int r = c.get(Kube::Deployments, "pfe-app", name)["spec"].value("replicas", 0);
            maxSeen[name] = std::max(maxSeen[name], r);
        }
    }
    for (const char *name : {"frontend", "backend-spring", "backend-python"}) {
        QVERIFY2(maxSeen[name] >= 4, name);
        QVERIFY(maxSeen[name] <= 5);
        QVERIFY2(!c.eventsFor(std::string(name) + "-hpa", "SuccessfulRescale").empty(), name);
    }
    // and back in before the next wave (the trough follows the peak by five minutes, then
    // the five-minute stabilization window).
    c.runUntil([] { return false; }, 360, 5000);
    bool sawScaleIn = false;
    for (const json &e : c.list(Kube::Events, "pfe-app"))
        sawScaleIn |= e.value("reason", "") == "SuccessfulRescale"
                      && e.value("message", "").find("below target") != std::string::npos;
    QVERIFY(sawScaleIn);
}

// A seed Deployment reads like one created through the API: its stored template carries the
// API server's defaults, and its ReplicaSet's (and pods') template is that same template plus
// the pod-template-hash, so a rollback diff between a seed revision and a later one shows only
// what changed.
void tst_Scenarios::seedObjectsAreDefaulted()
{
    Loaded c("pfe");
    const json d = c.get(Kube::Deployments, "pfe-app", "backend-spring");
    QVERIFY(!d.is_null());
    const json dTemplate = d["spec"]["template"];
    const json &spec = dTemplate["spec"];
    QCOMPARE(spec.value("restartPolicy", ""), std::string("Always"));
    QCOMPARE(spec.value("dnsPolicy", ""), std::string("ClusterFirst"));
    QCOMPARE(spec.value("schedulerName", ""), std::string("default-scheduler"));
    QCOMPARE(spec.value("terminationGracePeriodSeconds", 0), 30);
    QVERIFY(spec.contains("securityContext") && spec["securityContext"] == json::object());
    const json &container = spec["containers"][0];
    QVERIFY(!container.value("imagePullPolicy", "").empty());
    QCOMPARE(container.value("terminationMessagePath", ""), std::string("/dev/termination-log"));
    QCOMPARE(container.value("terminationMessagePolicy", ""), std::string("File"));
    QCOMPARE(container["ports"][0].value("protocol", ""), std::string("TCP"));
    QCOMPARE(d["spec"].value("revisionHistoryLimit", 0), 10);
    QCOMPARE(d["spec"].value("progressDeadlineSeconds", 0), 600);

    // Every seed Deployment: exactly one ReplicaSet, whose template minus the hash label is
    // the Deployment's, and whose hash is the one the controller computes from that template.
    for (const json &dep : c.list(Kube::Deployments)) {
        const std::string where = Kube::ns(dep) + "/" + Kube::name(dep);
        std::vector<json> owned;
        for (const json &rs : c.list(Kube::ReplicaSets))
            if (Kube::ns(rs) == Kube::ns(dep)
                && rs["metadata"].value("ownerReferences", json::array()).size() == 1
                && rs["metadata"]["ownerReferences"][0].value("uid", "")
                       == dep["metadata"].value("uid", ""))
                owned.push_back(rs);
        QVERIFY2(owned.size() == 1, where.c_str());
        const json rsTemplate = owned[0]["spec"]["template"];
        const std::string hash = rsTemplate["metadata"]["labels"].value("pod-template-hash", "");
        QVERIFY2(!hash.empty(), where.c_str());
        QCOMPARE(Kube::name(owned[0]), Kube::name(dep) + "-" + hash);
        QVERIFY2(Kube::withoutHashLabel(rsTemplate) == dep["spec"]["template"], where.c_str());
        QVERIFY2(dep["spec"]["template"]["spec"].contains("securityContext"), where.c_str());
        for (const json &ct : dep["spec"]["template"]["spec"]["containers"])
            QVERIFY2(ct.contains("imagePullPolicy") && ct.contains("terminationMessagePath"),
                     where.c_str());
    }

    // Pods created from those templates carry the pod defaults a real API server adds.
    bool sawPod = false;
    for (const json &p : c.list(Kube::Pods)) {
        if (Kube::ns(p) != "pfe-app"
            || p["metadata"].value("labels", json::object()).value("app", "") != "backend-spring")
            continue;
        sawPod = true;
        QVERIFY(p["spec"].contains("securityContext"));
        QCOMPARE(p["spec"].value("enableServiceLinks", false), true);
        QCOMPARE(p["spec"].value("serviceAccount", ""), std::string("default"));
        QCOMPARE(p["spec"].value("preemptionPolicy", ""), std::string("PreemptLowerPriority"));
        QCOMPARE(p["spec"]["containers"][0]["ports"][0].value("protocol", ""), std::string("TCP"));
        QCOMPARE(p["spec"]["tolerations"].size(), std::size_t(2));
    }
    QVERIFY(sawPod);
}

void tst_Scenarios::synthetic()
{
    ObjectStore store;
    SimClock clock(SimClock::Mode::Manual);
    ControllerManager cm(store, clock);
    QElapsedTimer timer;
    timer.start();
    generateSynthetic(10000, store, cm);
    const qint64 generateMs = timer.elapsed();
    QCOMPARE(store.list(Kube::Pods).size(), std::size_t(10000));
    QCOMPARE(store.list(Kube::Deployments).size(), std::size_t(2000));
    QCOMPARE(store.list(Kube::Services).size(), std::size_t(2001)); // + default/kubernetes
    QCOMPARE(store.list(Kube::HorizontalPodAutoscalers).size(), std::size_t(400));
    QCOMPARE(store.list(Kube::Nodes).size(), std::size_t(100));
    QCOMPARE(store.list(Kube::Namespaces).size(), std::size_t(4 + 20));
    timer.restart();
    cm.tick();
    const qint64 firstTickMs = timer.elapsed();
    const std::uint64_t rvAfterFirst = store.resourceVersion();
    timer.restart();
    for (int i = 0; i < 20; ++i) {
        clock.advance(1s);
        cm.tick();
    }
    const qint64 steadyTicksMs = timer.elapsed();
    qInfo("generateSynthetic(10000): %lld ms; first pass %lld ms; 20 steady passes %lld ms; writes "
          "in steady passes: %llu",
          static_cast<long long>(generateMs), static_cast<long long>(firstTickMs),
          static_cast<long long>(steadyTicksMs),
          static_cast<unsigned long long>(store.resourceVersion() - rvAfterFirst));
    // Steady: pods stay Running, nothing is rescheduled, HPAs hold inside their tolerance.
    int ready = 0;
    for (const ObjectPtr &p : store.list(Kube::Pods))
        ready += Kube::isPodReady(*p) ? 1 : 0;
    QCOMPARE(ready, 10000);
    QCOMPARE(store.list(Kube::Endpoints).size(), std::size_t(2000));
    for (const ObjectPtr &d : store.list(Kube::Deployments))
        QCOMPARE(d->value("/spec/replicas"_json_pointer, 0), 5);
    // Churn: deleted pods come back through their ReplicaSets.
    cm.setChurn(5);
    for (int i = 0; i < 30; ++i) {
        clock.advance(1s);
        cm.tick();
    }
    cm.setChurn(0);
    for (int i = 0; i < 15; ++i) {
        clock.advance(1s);
        cm.tick();
    }
    int active = 0;
    for (const ObjectPtr &p : store.list(Kube::Pods))
        active += Kube::isPodActive(*p) ? 1 : 0;
    QCOMPARE(active, 10000);
}

QTEST_GUILESS_MAIN(tst_Scenarios)
#include "tst_scenarios.moc"
