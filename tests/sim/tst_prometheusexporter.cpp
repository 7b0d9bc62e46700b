// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's Prometheus exposition against its own metrics.k8s.io answers (same load
// model, manual clock, no noise): the CPU counter's rate equals the pod metrics, gauges equal
// them to the KiB metrics.k8s.io rounds to, kube-state-metrics series follow the objects, and
// the text is valid exposition format (parsed here, and by the real promtool when installed).

#include "controllers/controllercontext.h"
#include "simtestcluster.h"
#include "workload/loadmodel.h"
#include "workload/prometheusexporter.h"
#include "workload/quantity.h"

#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

#include <map>
#include <set>

using namespace Orrery::Sim;
using namespace Orrery::Sim::Test;
using namespace std::chrono_literals;

namespace {

struct Sample
{
    std::string name;
    std::map<std::string, std::string> labels;
    double value = 0;
};

struct Parsed
{
    std::vector<Sample> samples;
    std::map<std::string, std::string> types; // family → TYPE
    std::vector<std::string> comments;
    std::string error; // first format violation
};

// A strict reader of the text format 0.0.4 as this exporter writes it: HELP then TYPE once per
// family before its samples, samples of a family contiguous, label values with \\ \" \n
// escapes only.
Parsed parse(const std::string &text)
{
    Parsed p;
    std::set<std::string> closed;
    std::string current;
    std::size_t pos = 0;
    auto fail = [&p](const std::string &why) {
        if (p.error.empty())
            p.error = why;
    };
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) {
            fail("last line has no newline");
            break;
        }
        const std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        if (line.rfind("# HELP ", 0) == 0) {
            const std::string name = line.substr(7, line.find(' ', 7) - 7);
            if (!current.empty())
                closed.insert(current);
            if (closed.count(name) || p.types.count(name))
                fail("family repeated: " + name);
            current = name;
            continue;
        }
        if (line.rfind("# TYPE ", 0) == 0) {
            const std::string rest = line.substr(7);
            const std::string name = rest.substr(0, rest.find(' '));
            if (name != current)
                fail("TYPE without HELP: " + name);
            p.types[name] = rest.substr(rest.find(' ') + 1);
            continue;
        }
        if (line.rfind("#", 0) == 0) {
            p.comments.push_back(line);
            continue;
        }
        Sample s;
        std::size_t i = 0;
        while (i < line.size() && line[i] != '{' && line[i] != ' ')
            ++i;
        s.name = line.substr(0, i);
        if (s.name != current)
            fail("sample outside its family: " + line);
        if (i < line.size() && line[i] == '{') {
            ++i;
            while (i < line.size() && line[i] != '}') {
                const std::size_t eq = line.find("=\"", i);
                if (eq == std::string::npos) {
                    fail("bad label: " + line);
                    break;
                }
                const std::string key = line.substr(i, eq - i);
                std::string value;
                i = eq + 2;
                for (; i < line.size() && line[i] != '"'; ++i) {
                    if (line[i] == '\\' && i + 1 < line.size()) {
                        const char c = line[++i];
                        if (c == 'n')
                            value += '\n';
                        else if (c == '\\' || c == '"')
                            value += c;
                        else
                            fail("bad escape: " + line);
                    } else {
                        value += line[i];
                    }
                }
                ++i; // closing quote
                if (s.labels.count(key))
                    fail("label repeated: " + line);
                s.labels[key] = value;
                if (i < line.size() && line[i] == ',')
                    ++i;
            }
            ++i; // closing brace
        }
        if (i >= line.size() || line[i] != ' ') {
            fail("no value: " + line);
            continue;
        }
        const std::string value = line.substr(i + 1);
        if (value == "NaN")
            s.value = std::nan("");
        else if (value == "+Inf")
            s.value = HUGE_VAL;
        else if (value == "-Inf")
            s.value = -HUGE_VAL;
        else {
            char *endp = nullptr;
            s.value = std::strtod(value.c_str(), &endp);
            if (!endp || *endp)
                fail("bad value: " + line);
        }
        p.samples.push_back(std::move(s));
    }
    return p;
}

std::vector<Sample> find(const Parsed &p, const std::string &name,
                         const std::map<std::string, std::string> &labels)
{
    std::vector<Sample> out;
    for (const Sample &s : p.samples) {
        if (s.name != name)
            continue;
        bool ok = true;
        for (const auto &[k, v] : labels) {
            auto it = s.labels.find(k);
            ok = ok && it != s.labels.end() && it->second == v;
        }
        if (ok)
            out.push_back(s);
    }
    return out;
}

struct ExporterCluster : SimTestCluster
{
    PrometheusExporter exporter{store, cm.context().metrics, clock};

    ExporterCluster()
    {
        ns("shop");
        node("node-a", "8", "32Gi");
        deployment("shop", "api", 2, "registry.local/api:1.0", nullptr, "200m");
        LoadProfile p;
        p.baseRps = p.peakRps = 100;
        p.cpuMilliPerRequest = 1.5;
        cm.setLoadProfile("shop", "api", p);
    }

    bool ready() { return readyPods("shop", "api") == 2; }

    // metrics.k8s.io CPU (millicores) and memory (bytes) of a pod's one container.
    std::pair<std::int64_t, std::int64_t> podMetrics(const std::string &pod)
    {
        const json list = cm.podMetrics("shop");
        for (const json &item : list["items"])
            if (item["metadata"]["name"] == pod)
                return {Quantity::milli(item["containers"][0]["usage"]["cpu"]),
                        Quantity::bytes(item["containers"][0]["usage"]["memory"])};
        return {-1, -1};
    }
};

} // namespace

class tst_PrometheusExporter : public QObject
{
    Q_OBJECT

private slots:
    void escaping();
    void values();
    void cpuCounterAgreesWithMetricsApi();
    void kubeStateMetrics();
    void hpaMetrics();
    void vanishedPodsAndBound();
    void promtoolAcceptsTheExposition();
};

void tst_PrometheusExporter::escaping()
{
    QCOMPARE(PrometheusExporter::escapeLabelValue("a\"b\\c\nd"), std::string("a\\\"b\\\\c\\nd"));
    QCOMPARE(PrometheusExporter::escapeLabelValue("plain é"), std::string("plain é"));
    QCOMPARE(PrometheusExporter::escapeHelp("a \"q\" \\ \n"), std::string("a \"q\" \\\\ \\n"));
}

void tst_PrometheusExporter::values()
{
    QCOMPARE(PrometheusExporter::formatValue(1), std::string("1"));
    QCOMPARE(PrometheusExporter::formatValue(-3), std::string("-3"));
    QCOMPARE(PrometheusExporter::formatValue(0.25), std::string("0.25"));
    QCOMPARE(PrometheusExporter::formatValue(1e300), std::string("1e+300"));
    QCOMPARE(PrometheusExporter::formatValue(std::nan("")), std::string("NaN"));
    QCOMPARE(PrometheusExporter::formatValue(HUGE_VAL), std::string("+Inf"));
    QCOMPARE(PrometheusExporter::formatValue(-HUGE_VAL), std::string("-Inf"));
    const double third = 1.0 / 3.0;
    QCOMPARE(std::strtod(PrometheusExporter::formatValue(third).c_str(), nullptr), third);
}

void tst_PrometheusExporter::cpuCounterAgreesWithMetricsApi()
{
    ExporterCluster c;
    QVERIFY(c.runUntil([&] { return c.ready(); }, 120));
    const Parsed first = parse(c.exporter.scrape());
    QVERIFY2(first.error.empty(), first.error.c_str());

    const std::vector<json> pods = c.podsOf("shop", "api");
    QCOMPARE(pods.size(), std::size_t(2));
    // 10 s at the first load, then 5 s at double load: each interval's counter increase is
    // the metrics.k8s.io CPU at the end of it times its length.
    for (const double rps : {100.0, 200.0}) {
        c.cm.setLoad("shop", "api", rps);
        const int seconds = rps == 100.0 ? 10 : 5;
        const Parsed before = parse(c.exporter.scrape());
        c.clock.advance(std::chrono::seconds(seconds));
        const Parsed after = parse(c.exporter.scrape());
        QVERIFY2(after.error.empty(), after.error.c_str());
        for (const json &pod : pods) {
            const std::string name = Kube::name(pod);
            const auto [cpuMilli, memory] = c.podMetrics(name);
            // idle 8 % of 200m + rps × 1.5m / 2 pods
            QCOMPARE(cpuMilli, std::int64_t(std::llround(16 + rps * 1.5 / 2)));
            const auto b = find(before, "container_cpu_usage_seconds_total",
                                {{"pod", name}, {"namespace", "shop"}, {"container", "api"}});
            const auto a = find(after, "container_cpu_usage_seconds_total",
                                {{"pod", name}, {"namespace", "shop"}, {"container", "api"}});
            QCOMPARE(a.size(), std::size_t(1));
            QCOMPARE(b.size(), std::size_t(1));
            QVERIFY(qFuzzyCompare((a[0].value - b[0].value) / seconds, cpuMilli / 1000.0));
            QCOMPARE(a[0].labels.at("node"), std::string("node-a"));
            QCOMPARE(a[0].labels.at("image"), std::string("registry.local/api:1.0"));
            const auto mem = find(after, "container_memory_working_set_bytes",
                                  {{"pod", name}, {"container", "api"}});
            QCOMPARE(mem.size(), std::size_t(1));
            // metrics.k8s.io rounds down to KiB (like metrics-server); cAdvisor has bytes.
            const auto exported = static_cast<std::int64_t>(mem[0].value);
            QVERIFY2(exported >= memory && exported - memory < 1024,
                     qPrintable(QStringLiteral("%1 vs %2").arg(exported).arg(memory)));
            // Network: idle trickle + the pod's share of requests.
            const auto rxA = find(after, "container_network_receive_bytes_total", {{"pod", name}});
            const auto rxB = find(before, "container_network_receive_bytes_total", {{"pod", name}});
            QCOMPARE(rxA.size(), std::size_t(1));
            QVERIFY(qFuzzyCompare((rxA[0].value - rxB[0].value) / seconds,
                                  PrometheusExporter::IdleBytesPerSecond
                                      + rps / 2 * PrometheusExporter::ReceiveBytesPerRequest));
        }
    }
    // The node's root cgroup is what metrics.k8s.io says of the node.
    const Parsed a = parse(c.exporter.scrape());
    c.clock.advance(4s);
    const Parsed b = parse(c.exporter.scrape());
    const json nodes = c.cm.nodeMetrics();
    QCOMPARE(nodes["items"].size(), std::size_t(1));
    const double nodeCores = Quantity::milli(nodes["items"][0]["usage"]["cpu"]) / 1000.0;
    const auto n0 = find(a, "container_cpu_usage_seconds_total", {{"id", "/"}, {"node", "node-a"}});
    const auto n1 = find(b, "container_cpu_usage_seconds_total", {{"id", "/"}, {"node", "node-a"}});
    QCOMPARE(n1.size(), std::size_t(1));
    QVERIFY(qFuzzyCompare((n1[0].value - n0[0].value) / 4, nodeCores));
    const auto nodeMem = find(b, "container_memory_working_set_bytes", {{"id", "/"}});
    QCOMPARE(nodeMem.size(), std::size_t(1));
    const auto nodeBytes = static_cast<std::int64_t>(nodeMem[0].value);
    const std::int64_t apiBytes = Quantity::bytes(nodes["items"][0]["usage"]["memory"]);
    QVERIFY(nodeBytes >= apiBytes && nodeBytes - apiBytes < 1024);
    QCOMPARE(b.types.at("container_cpu_usage_seconds_total"), std::string("counter"));
    QCOMPARE(b.types.at("container_memory_working_set_bytes"), std::string("gauge"));
}

void tst_PrometheusExporter::kubeStateMetrics()
{
    ExporterCluster c;
    QVERIFY(c.runUntil([&] { return c.ready(); }, 120));
    c.update(Kube::Deployments, "shop", "api", [](json &d) { d["spec"]["replicas"] = 3; });
    c.cm.tick();
    const Parsed p = parse(c.exporter.scrape());
    QVERIFY2(p.error.empty(), p.error.c_str());
    QCOMPARE(
        find(p, "kube_deployment_spec_replicas", {{"namespace", "shop"}, {"deployment", "api"}})
            .at(0)
            .value,
        3.0);
    const json d = c.get(Kube::Deployments, "shop", "api");
    QCOMPARE(
        find(p, "kube_deployment_status_replicas", {{"namespace", "shop"}, {"deployment", "api"}})
            .at(0)
            .value,
        double(d["status"].value("replicas", 0)));
    // One sample per phase and pod; exactly one is 1.
    for (const json &pod : c.podsOf("shop", "api", false)) {
        const auto phases = find(p, "kube_pod_status_phase", {{"pod", Kube::name(pod)}});
        QCOMPARE(phases.size(), std::size_t(5));
        double sum = 0;
        for (const Sample &s : phases) {
            sum += s.value;
            if (s.value == 1)
                QCOMPARE(s.labels.at("phase"), pod["status"].value("phase", std::string()));
        }
        QCOMPARE(sum, 1.0);
        QCOMPARE(find(p, "kube_pod_container_status_restarts_total",
                      {{"pod", Kube::name(pod)}, {"container", "api"}})
                     .size(),
                 std::size_t(1));
        const auto requests = find(p, "kube_pod_container_resource_requests",
                                   {{"pod", Kube::name(pod)}, {"resource", "cpu"}});
        QCOMPARE(requests.size(), std::size_t(1));
        QCOMPARE(requests[0].value, 0.2);
        QCOMPARE(requests[0].labels.at("unit"), std::string("core"));
    }
    const auto capacity
        = find(p, "kube_node_status_capacity", {{"node", "node-a"}, {"resource", "cpu"}});
    QCOMPARE(capacity.at(0).value, 8.0);
    QCOMPARE(find(p, "kube_node_status_condition",
                  {{"node", "node-a"}, {"condition", "Ready"}, {"status", "true"}})
                 .at(0)
                 .value,
             1.0);
    QCOMPARE(find(p, "node_memory_MemTotal_bytes", {{"node", "node-a"}}).at(0).value,
             32.0 * 1024 * 1024 * 1024);
    QCOMPARE(p.types.at("kube_pod_container_status_restarts_total"), std::string("counter"));

    // A crash-looping container: restarts and the waiting reason.
    c.update(Kube::Deployments, "shop", "api", [](json &dep) {
        dep["spec"]["template"]["spec"]["containers"][0]["image"] = "registry.local/api:1.1-broken";
    });
    QVERIFY(c.runUntil(
        [&] {
            const Parsed q = parse(c.exporter.scrape());
            for (const Sample &s : find(q, "kube_pod_container_status_restarts_total", {}))
                if (s.value >= 1)
                    return true;
            return false;
        },
        180));
    QVERIFY(c.runUntil(
        [&] {
            return !find(parse(c.exporter.scrape()), "kube_pod_container_status_waiting_reason",
                         {{"reason", "CrashLoopBackOff"}})
                        .empty();
        },
        120));
}

void tst_PrometheusExporter::hpaMetrics()
{
    ExporterCluster c;
    c.store.create(
        Kube::HorizontalPodAutoscalers,
        {{"apiVersion", "autoscaling/v2"},
         {"kind", "HorizontalPodAutoscaler"},
         {"metadata", {{"name", "api"}, {"namespace", "shop"}}},
         {"spec",
          {{"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", "api"}}},
           {"minReplicas", 2},
           {"maxReplicas", 6},
           {"metrics",
            json::array(
                {{{"type", "Resource"},
                  {"resource",
                   {{"name", "cpu"},
                    {"target", {{"type", "Utilization"}, {"averageUtilization", 70}}}}}},
                 {{"type", "Resource"},
                  {"resource",
                   {{"name", "memory"},
                    {"target", {{"type", "AverageValue"}, {"averageValue", "200Mi"}}}}}}})}}}});
    QVERIFY(c.runUntil(
        [&] {
            return c.get(Kube::HorizontalPodAutoscalers, "shop", "api")["status"].contains(
                "currentMetrics");
        },
        120));
    const json h = c.get(Kube::HorizontalPodAutoscalers, "shop", "api");
    const Parsed p = parse(c.exporter.scrape());
    QVERIFY2(p.error.empty(), p.error.c_str());
    const std::map<std::string, std::string> key{{"namespace", "shop"},
                                                 {"horizontalpodautoscaler", "api"}};
    QCOMPARE(find(p, "kube_horizontalpodautoscaler_spec_max_replicas", key).at(0).value, 6.0);
    QCOMPARE(find(p, "kube_horizontalpodautoscaler_spec_min_replicas", key).at(0).value, 2.0);
    QCOMPARE(find(p, "kube_horizontalpodautoscaler_status_current_replicas", key).at(0).value,
             double(h["status"].value("currentReplicas", -1)));
    QCOMPARE(find(p, "kube_horizontalpodautoscaler_status_desired_replicas", key).at(0).value,
             double(h["status"].value("desiredReplicas", -1)));
    auto withMetric = key;
    withMetric["metric_name"] = "cpu";
    withMetric["metric_target_type"] = "utilization";
    QCOMPARE(find(p, "kube_horizontalpodautoscaler_spec_target_metric", withMetric).at(0).value,
             70.0);
    QCOMPARE(find(p, "kube_horizontalpodautoscaler_status_target_metric", withMetric).at(0).value,
             double(h["status"]["currentMetrics"][0]["resource"]["current"].value(
                 "averageUtilization", -1)));
    withMetric["metric_name"] = "memory";
    withMetric["metric_target_type"] = "average";
    QCOMPARE(find(p, "kube_horizontalpodautoscaler_spec_target_metric", withMetric).at(0).value,
             200.0 * 1024 * 1024);
}

void tst_PrometheusExporter::vanishedPodsAndBound()
{
    ExporterCluster c;
    QVERIFY(c.runUntil([&] { return c.ready(); }, 120));
    const std::string gone = Kube::name(c.podsOf("shop", "api").at(0));
    QVERIFY(!find(parse(c.exporter.scrape()), "container_cpu_usage_seconds_total", {{"pod", gone}})
                 .empty());
    c.store.remove(Kube::Pods, "shop", gone);
    const Parsed p = parse(c.exporter.scrape());
    QVERIFY(find(p, "container_cpu_usage_seconds_total", {{"pod", gone}}).empty());
    QVERIFY(find(p, "kube_pod_status_phase", {{"pod", gone}}).empty());

    c.exporter.setSampleLimit(7);
    const Parsed bounded = parse(c.exporter.scrape());
    QVERIFY2(bounded.error.empty(), bounded.error.c_str());
    QCOMPARE(bounded.samples.size(), std::size_t(7));
    QCOMPARE(bounded.comments.size(), std::size_t(1));
    QVERIFY(bounded.comments[0].find("samples dropped (limit 7)") != std::string::npos);
}

void tst_PrometheusExporter::promtoolAcceptsTheExposition()
{
    const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    if (promtool.isEmpty())
        QSKIP("promtool is not installed (scripts/deps.sh installs the prometheus package)");
    ExporterCluster c;
    QVERIFY(c.runUntil([&] { return c.ready(); }, 120));
    c.exporter.scrape();
    c.clock.advance(5s);
    QProcess p;
    p.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
    QVERIFY(p.waitForStarted());
    const std::string text = c.exporter.scrape();
    p.write(text.data(), static_cast<qint64>(text.size()));
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(30000));
    // promtool's linter only objects to node-exporter's own camelCase names (MemTotal_bytes),
    // which real node-exporter exposes the same way; anything else is a failure.
    const QString output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    const QStringList lines = output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines)
        QVERIFY2(line.startsWith(QLatin1String("node_memory_Mem"))
                     && line.contains(QLatin1String("snake_case")),
                 qPrintable(output));
    QCOMPARE(lines.size(), 2);
}

QTEST_GUILESS_MAIN(tst_PrometheusExporter)
#include "tst_prometheusexporter.moc"
