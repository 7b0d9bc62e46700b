// SPDX-License-Identifier: GPL-3.0-or-later
#include "prometheusexporter.h"

#include "kube.h"
#include "quantity.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <unordered_set>
#include <utility>

namespace Orrery::Sim {

namespace {

using Label = std::pair<const char *, std::string_view>;

// Accumulates one exposition: families in order, each sample's labels escaped, at most
// PrometheusExporter::MaxSamples samples.
class Exposition
{
public:
    explicit Exposition(std::size_t limit)
        : m_limit(limit)
    {
    }

    void family(const char *name, const char *type, const char *help)
    {
        m_name = name;
        m_out += "# HELP ";
        m_out += name;
        m_out += ' ';
        m_out += PrometheusExporter::escapeHelp(help);
        m_out += "\n# TYPE ";
        m_out += name;
        m_out += ' ';
        m_out += type;
        m_out += '\n';
    }

    void sample(std::initializer_list<Label> labels, double value)
    {
        if (m_samples >= m_limit) {
            ++m_dropped;
            return;
        }
        ++m_samples;
        m_out += m_name;
        if (labels.size() > 0) {
            m_out += '{';
            bool first = true;
            for (const Label &l : labels) {
                if (!first)
                    m_out += ',';
                first = false;
                m_out += l.first;
                m_out += "=\"";
                m_out += PrometheusExporter::escapeLabelValue(l.second);
                m_out += '"';
            }
            m_out += '}';
        }
        m_out += ' ';
        m_out += PrometheusExporter::formatValue(value);
        m_out += '\n';
    }

    std::string finish()
    {
        if (m_dropped > 0)
            m_out += "# orrery-sim: " + std::to_string(m_dropped) + " samples dropped (limit "
                     + std::to_string(m_limit) + ")\n";
        return std::move(m_out);
    }

private:
    std::size_t m_limit;
    std::string m_out;
    const char *m_name = "";
    std::size_t m_samples = 0;
    std::size_t m_dropped = 0;
};

const json &field(const json &obj, const char *pointer)
{
    static const json null;
    const auto &p = Kube::ptr(pointer);
    return obj.contains(p) ? obj.at(p) : null;
}

// kube-state-metrics' value of a MetricTarget / MetricValueStatus entry of the given type:
// utilization in percent, quantities in base units (cores, bytes).
bool targetValue(const json &target, const std::string &type, double &out)
{
    if (!target.is_object())
        return false;
    if (type == "utilization") {
        const json &v
            = target.contains("averageUtilization") ? target["averageUtilization"] : json();
        if (!v.is_number())
            return false;
        out = v.get<double>();
        return true;
    }
    const char *key = type == "average" ? "averageValue" : "value";
    if (!target.contains(key))
        return false;
    out = Quantity::parse(target[key]);
    return true;
}

struct ContainerInfo
{
    std::string name;
    std::string image;
    long long restarts = 0;
    std::string waitingReason;
    std::int64_t cpuRequest = -1, memoryRequest = -1, cpuLimit = -1, memoryLimit = -1;
};

std::int64_t resource(const json &container, const char *kind, const char *name, bool memory)
{
    const json &r = container.contains("resources") ? container["resources"] : json();
    if (!r.is_object() || !r.contains(kind) || !r[kind].is_object() || !r[kind].contains(name))
        return -1;
    return memory ? Quantity::bytes(r[kind][name]) : Quantity::milli(r[kind][name]);
}

std::vector<ContainerInfo> containersOf(const json &pod)
{
    std::vector<ContainerInfo> out;
    const json &spec = field(pod, "/spec/containers");
    const json &statuses = field(pod, "/status/containerStatuses");
    if (!spec.is_array())
        return out;
    for (const json &c : spec) {
        if (!c.is_object())
            continue;
        ContainerInfo info;
        info.name = c.value("name", "");
        info.image = c.value("image", "");
        info.cpuRequest = resource(c, "requests", "cpu", false);
        info.memoryRequest = resource(c, "requests", "memory", true);
        info.cpuLimit = resource(c, "limits", "cpu", false);
        info.memoryLimit = resource(c, "limits", "memory", true);
        if (statuses.is_array()) {
            for (const json &s : statuses) {
                if (!s.is_object() || s.value("name", "") != info.name)
                    continue;
                info.restarts = s.value("restartCount", 0LL);
                const json &waiting = field(s, "/state/waiting");
                if (waiting.is_object())
                    info.waitingReason = waiting.value("reason", "");
            }
        }
        out.push_back(std::move(info));
    }
    return out;
}

std::string cgroup(const json &pod, const std::string &container)
{
    return "/kubepods/pod" + Kube::uid(pod) + (container.empty() ? "" : "/" + container);
}

} // namespace

PrometheusExporter::PrometheusExporter(ObjectStore &store, MetricsModel &metrics, SimClock &clock)
    : m_store(store)
    , m_metrics(metrics)
    , m_clock(clock)
{
}

std::string PrometheusExporter::escapeLabelValue(std::string_view value)
{
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

std::string PrometheusExporter::escapeHelp(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

std::string PrometheusExporter::formatValue(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    char buf[64];
    if (value == std::trunc(value) && std::fabs(value) < 1e15) {
        const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value));
        return std::string(buf, r.ptr);
    }
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, r.ptr);
}

void PrometheusExporter::setSampleLimit(std::size_t limit)
{
    std::lock_guard lock(m_mutex);
    m_sampleLimit = std::min(limit, MaxSamples);
}

PrometheusExporter::Counter &PrometheusExporter::advance(const std::string &key, long long restarts,
                                                         double now)
{
    auto [it, inserted] = m_counters.try_emplace(key);
    Counter &c = it->second;
    if (inserted || c.restarts != restarts) {
        c = Counter{};
        c.restarts = restarts;
        c.lastSeconds = now;
    }
    c.seen = true;
    return c;
}

std::string PrometheusExporter::scrape()
{
    const std::vector<ObjectPtr> pods = m_store.list(Kube::Pods);
    const std::vector<ObjectPtr> nodes = m_store.list(Kube::Nodes);
    const std::vector<PodUsage> usage = m_metrics.compute(pods);
    const std::vector<NodeUsage> nodeUsage = MetricsModel::nodeUsage(nodes, usage);
    const double now
        = std::chrono::duration<double>(m_clock.wallTime(m_clock.now()).time_since_epoch()).count();

    std::lock_guard lock(m_mutex);
    for (auto &[key, c] : m_counters)
        c.seen = false;

    // Integrate the counters first (one pass), then write the families.
    struct ContainerSample
    {
        const PodUsage *pod;
        const ContainerUsage *container;
        std::string image;
        double cpuSeconds;
    };
    struct PodSample
    {
        const PodUsage *pod;
        double receiveBytes;
        double transmitBytes;
    };
    std::vector<ContainerSample> containerSamples;
    std::vector<PodSample> podSamples;
    for (const PodUsage &u : usage) {
        const std::vector<ContainerInfo> infos = containersOf(*u.pod);
        for (const ContainerUsage &cu : u.containers) {
            const auto info = std::find_if(infos.begin(), infos.end(), [&](const ContainerInfo &i) {
                return i.name == cu.name;
            });
            const long long restarts = info != infos.end() ? info->restarts : 0;
            Counter &c = advance(Kube::uid(*u.pod) + "/" + cu.name, restarts, now);
            c.cpuSeconds += double(cu.cpuMilli) / 1000.0 * (now - c.lastSeconds);
            c.lastSeconds = now;
            containerSamples.push_back(
                {&u, &cu, info != infos.end() ? info->image : std::string(), c.cpuSeconds});
        }
        Counter &c = advance(Kube::uid(*u.pod), 0, now);
        const double dt = now - c.lastSeconds;
        c.receiveBytes += (IdleBytesPerSecond + u.requestsPerSecond * ReceiveBytesPerRequest) * dt;
        c.transmitBytes
            += (IdleBytesPerSecond + u.requestsPerSecond * TransmitBytesPerRequest) * dt;
        c.lastSeconds = now;
        podSamples.push_back({&u, c.receiveBytes, c.transmitBytes});
    }
    std::vector<std::pair<const NodeUsage *, double>> nodeSamples;
    for (const NodeUsage &n : nodeUsage) {
        Counter &c = advance("node/" + Kube::name(*n.node), 0, now);
        c.cpuSeconds += double(n.cpuMilli) / 1000.0 * (now - c.lastSeconds);
        c.lastSeconds = now;
        nodeSamples.push_back({&n, c.cpuSeconds});
    }
    for (auto it = m_counters.begin(); it != m_counters.end();)
        it = it->second.seen ? std::next(it) : m_counters.erase(it);

    static const json::json_pointer nodeNamePtr("/spec/nodeName");
    Exposition e(m_sampleLimit);

    // cAdvisor (kubelet /metrics/cadvisor): per container, the root cgroup "/" per node.
    e.family("container_cpu_usage_seconds_total", "counter",
             "Cumulative cpu time consumed in seconds.");
    for (const ContainerSample &s : containerSamples) {
        const json &pod = *s.pod->pod;
        const std::string node = Kube::str(pod, nodeNamePtr);
        e.sample({{"container", s.container->name},
                  {"id", cgroup(pod, s.container->name)},
                  {"image", s.image},
                  {"namespace", Kube::ns(pod)},
                  {"node", node},
                  {"pod", Kube::name(pod)}},
                 s.cpuSeconds);
    }
    for (const auto &[n, seconds] : nodeSamples)
        e.sample({{"id", "/"}, {"node", Kube::name(*n->node)}}, seconds);

    e.family("container_memory_working_set_bytes", "gauge",
             "Current working set of the container in bytes.");
    for (const ContainerSample &s : containerSamples) {
        const json &pod = *s.pod->pod;
        e.sample({{"container", s.container->name},
                  {"id", cgroup(pod, s.container->name)},
                  {"image", s.image},
                  {"namespace", Kube::ns(pod)},
                  {"node", Kube::str(pod, nodeNamePtr)},
                  {"pod", Kube::name(pod)}},
                 double(s.container->memoryBytes));
    }
    for (const auto &[n, seconds] : nodeSamples)
        e.sample({{"id", "/"}, {"node", Kube::name(*n->node)}}, double(n->memoryBytes));

    const auto network = [&](const char *name, const char *help, bool receive) {
        e.family(name, "counter", help);
        for (const PodSample &s : podSamples) {
            const json &pod = *s.pod->pod;
            e.sample({{"id", cgroup(pod, {})},
                      {"interface", "eth0"},
                      {"namespace", Kube::ns(pod)},
                      {"node", Kube::str(pod, nodeNamePtr)},
                      {"pod", Kube::name(pod)}},
                     receive ? s.receiveBytes : s.transmitBytes);
        }
    };
    network("container_network_receive_bytes_total", "Cumulative count of bytes received", true);
    network("container_network_transmit_bytes_total", "Cumulative count of bytes transmitted",
            false);

    // kube-state-metrics: pods.
    e.family("kube_pod_info", "gauge", "Information about pod.");
    for (const ObjectPtr &p : pods) {
        const json *ref = Kube::controllerRef(*p);
        e.sample({{"namespace", Kube::ns(*p)},
                  {"pod", Kube::name(*p)},
                  {"uid", Kube::uid(*p)},
                  {"node", Kube::str(*p, nodeNamePtr)},
                  {"pod_ip", Kube::str(*p, Kube::ptr("/status/podIP"))},
                  {"created_by_kind", ref ? ref->value("kind", "") : std::string()},
                  {"created_by_name", ref ? ref->value("name", "") : std::string()}},
                 1);
    }
    e.family("kube_pod_status_phase", "gauge", "The pods current phase.");
    for (const ObjectPtr &p : pods) {
        const std::string phase = Kube::str(*p, Kube::ptr("/status/phase"), "Pending");
        for (const char *candidate : {"Pending", "Succeeded", "Failed", "Unknown", "Running"})
            e.sample({{"namespace", Kube::ns(*p)},
                      {"pod", Kube::name(*p)},
                      {"uid", Kube::uid(*p)},
                      {"phase", candidate}},
                     phase == candidate ? 1 : 0);
    }
    e.family("kube_pod_status_ready", "gauge",
             "Describes whether the pod is ready to serve requests.");
    for (const ObjectPtr &p : pods) {
        const bool ready = Kube::isPodReady(*p);
        for (const char *condition : {"true", "false", "unknown"})
            e.sample({{"namespace", Kube::ns(*p)},
                      {"pod", Kube::name(*p)},
                      {"uid", Kube::uid(*p)},
                      {"condition", condition}},
                     (ready ? std::string_view("true") : std::string_view("false")) == condition
                         ? 1
                         : 0);
    }
    std::vector<std::pair<ObjectPtr, std::vector<ContainerInfo>>> podContainers;
    podContainers.reserve(pods.size());
    for (const ObjectPtr &p : pods)
        podContainers.emplace_back(p, containersOf(*p));
    e.family("kube_pod_container_status_restarts_total", "counter",
             "The number of container restarts per container.");
    for (const auto &[p, infos] : podContainers)
        for (const ContainerInfo &c : infos)
            e.sample({{"namespace", Kube::ns(*p)},
                      {"pod", Kube::name(*p)},
                      {"uid", Kube::uid(*p)},
                      {"container", c.name}},
                     double(c.restarts));
    e.family("kube_pod_container_status_waiting_reason", "gauge",
             "Describes the reason the container is currently in waiting state.");
    for (const auto &[p, infos] : podContainers)
        for (const ContainerInfo &c : infos)
            if (!c.waitingReason.empty())
                e.sample({{"namespace", Kube::ns(*p)},
                          {"pod", Kube::name(*p)},
                          {"uid", Kube::uid(*p)},
                          {"container", c.name},
                          {"reason", c.waitingReason}},
                         1);
    const auto resources = [&](const char *name, const char *help, bool limits) {
        e.family(name, "gauge", help);
        for (const auto &[p, infos] : podContainers) {
            if (Kube::isPodTerminated(*p))
                continue; // kube-state-metrics drops requests of completed pods
            const std::string node = Kube::str(*p, nodeNamePtr);
            for (const ContainerInfo &c : infos) {
                const std::int64_t cpu = limits ? c.cpuLimit : c.cpuRequest;
                const std::int64_t mem = limits ? c.memoryLimit : c.memoryRequest;
                if (cpu >= 0)
                    e.sample({{"namespace", Kube::ns(*p)},
                              {"pod", Kube::name(*p)},
                              {"uid", Kube::uid(*p)},
                              {"container", c.name},
                              {"node", node},
                              {"resource", "cpu"},
                              {"unit", "core"}},
                             double(cpu) / 1000.0);
                if (mem >= 0)
                    e.sample({{"namespace", Kube::ns(*p)},
                              {"pod", Kube::name(*p)},
                              {"uid", Kube::uid(*p)},
                              {"container", c.name},
                              {"node", node},
                              {"resource", "memory"},
                              {"unit", "byte"}},
                             double(mem));
            }
        }
    };
    resources("kube_pod_container_resource_requests",
              "The number of requested request resource by a container.", false);
    resources("kube_pod_container_resource_limits",
              "The number of requested limit resource by a container.", true);

    // kube-state-metrics: workloads.
    const std::vector<ObjectPtr> deployments = m_store.list(Kube::Deployments);
    const auto deploymentGauge
        = [&](const char *name, const char *help, const char *pointer, long long fallback) {
              e.family(name, "gauge", help);
              for (const ObjectPtr &d : deployments)
                  e.sample({{"namespace", Kube::ns(*d)}, {"deployment", Kube::name(*d)}},
                           double(Kube::integer(*d, Kube::ptr(pointer), fallback)));
          };
    deploymentGauge("kube_deployment_spec_replicas", "Number of desired pods for a deployment.",
                    "/spec/replicas", 1);
    deploymentGauge("kube_deployment_status_replicas", "The number of replicas per deployment.",
                    "/status/replicas", 0);
    deploymentGauge("kube_deployment_status_replicas_available",
                    "The number of available replicas per deployment.", "/status/availableReplicas",
                    0);
    deploymentGauge("kube_deployment_status_replicas_updated",
                    "The number of updated replicas per deployment.", "/status/updatedReplicas", 0);
    const std::vector<ObjectPtr> statefulSets = m_store.list(Kube::StatefulSets);
    e.family("kube_statefulset_replicas", "gauge", "Number of desired pods for a StatefulSet.");
    for (const ObjectPtr &s : statefulSets)
        e.sample({{"namespace", Kube::ns(*s)}, {"statefulset", Kube::name(*s)}},
                 double(Kube::integer(*s, Kube::ptr("/spec/replicas"), 1)));
    e.family("kube_statefulset_status_replicas_ready", "gauge",
             "The number of ready replicas per StatefulSet.");
    for (const ObjectPtr &s : statefulSets)
        e.sample({{"namespace", Kube::ns(*s)}, {"statefulset", Kube::name(*s)}},
                 double(Kube::integer(*s, Kube::ptr("/status/readyReplicas"), 0)));

    // kube-state-metrics: HorizontalPodAutoscalers.
    const std::vector<ObjectPtr> hpas = m_store.list(Kube::HorizontalPodAutoscalers);
    const auto hpaGauge = [&](const char *name, const char *help, const char *pointer,
                              long long fallback) {
        e.family(name, "gauge", help);
        for (const ObjectPtr &h : hpas)
            e.sample({{"namespace", Kube::ns(*h)}, {"horizontalpodautoscaler", Kube::name(*h)}},
                     double(Kube::integer(*h, Kube::ptr(pointer), fallback)));
    };
    hpaGauge("kube_horizontalpodautoscaler_spec_min_replicas",
             "Lower limit for the number of pods that can be set by the autoscaler, default 1.",
             "/spec/minReplicas", 1);
    hpaGauge("kube_horizontalpodautoscaler_spec_max_replicas",
             "Upper limit for the number of pods that can be set by the autoscaler; cannot be "
             "smaller than MinReplicas.",
             "/spec/maxReplicas", 0);
    hpaGauge("kube_horizontalpodautoscaler_status_current_replicas",
             "Current number of replicas of pods managed by this autoscaler.",
             "/status/currentReplicas", 0);
    hpaGauge("kube_horizontalpodautoscaler_status_desired_replicas",
             "Desired number of replicas of pods managed by this autoscaler.",
             "/status/desiredReplicas", 0);
    // metric_name is the resource (cpu, memory) or the metric's name; metric_target_type is
    // utilization (percent), average or value (base units), as kube-state-metrics writes them.
    const auto metricName = [](const json &m, const std::string &type, const char *&section) {
        section = type == "Resource"            ? "resource"
                  : type == "ContainerResource" ? "containerResource"
                  : type == "Pods"              ? "pods"
                  : type == "Object"            ? "object"
                  : type == "External"          ? "external"
                                                : "";
        if (!*section || !m.contains(section) || !m[section].is_object())
            return std::string();
        const json &s = m[section];
        if (s.contains("metric") && s["metric"].is_object())
            return s["metric"].value("name", "");
        return s.value("name", "");
    };
    const auto hpaMetrics = [&](const char *name, const char *help, const char *listPointer,
                                const char *valueKey) {
        e.family(name, "gauge", help);
        for (const ObjectPtr &h : hpas) {
            const json &list = field(*h, listPointer);
            if (!list.is_array())
                continue;
            for (const json &m : list) {
                if (!m.is_object())
                    continue;
                const char *section = "";
                const std::string metric = metricName(m, m.value("type", ""), section);
                if (metric.empty())
                    continue;
                const json &values = m[section].contains(valueKey) ? m[section][valueKey] : json();
                for (const char *type : {"value", "average", "utilization"}) {
                    double v = 0;
                    if (targetValue(values, type, v))
                        e.sample({{"namespace", Kube::ns(*h)},
                                  {"horizontalpodautoscaler", Kube::name(*h)},
                                  {"metric_name", metric},
                                  {"metric_target_type", type}},
                                 v);
                }
            }
        }
    };
    hpaMetrics("kube_horizontalpodautoscaler_spec_target_metric",
               "The metric specifications used by this autoscaler when calculating the desired "
               "replica count.",
               "/spec/metrics", "target");
    hpaMetrics("kube_horizontalpodautoscaler_status_target_metric",
               "The current metric status used by this autoscaler when calculating the desired "
               "replica count.",
               "/status/currentMetrics", "current");

    // kube-state-metrics: nodes; node-exporter memory of Ready nodes.
    e.family("kube_node_status_condition", "gauge", "The condition of a cluster node.");
    for (const ObjectPtr &n : nodes) {
        const bool ready = Kube::hasCondition(*n, "Ready", "True");
        const bool notReady = Kube::hasCondition(*n, "Ready", "False");
        for (const char *status : {"true", "false", "unknown"})
            e.sample({{"node", Kube::name(*n)}, {"condition", "Ready"}, {"status", status}},
                     std::string_view(status)
                             == (ready      ? "true"
                                 : notReady ? "false"
                                            : "unknown")
                         ? 1
                         : 0);
    }
    const auto nodeResources = [&](const char *name, const char *help, const char *section) {
        e.family(name, "gauge", help);
        for (const ObjectPtr &n : nodes) {
            const json &r = field(*n, section);
            if (!r.is_object())
                continue;
            if (r.contains("cpu"))
                e.sample({{"node", Kube::name(*n)}, {"resource", "cpu"}, {"unit", "core"}},
                         double(Quantity::milli(r["cpu"])) / 1000.0);
            if (r.contains("memory"))
                e.sample({{"node", Kube::name(*n)}, {"resource", "memory"}, {"unit", "byte"}},
                         double(Quantity::bytes(r["memory"])));
            if (r.contains("pods"))
                e.sample({{"node", Kube::name(*n)}, {"resource", "pods"}, {"unit", "integer"}},
                         Quantity::parse(r["pods"]));
        }
    };
    nodeResources("kube_node_status_capacity", "The capacity for different resources of a node.",
                  "/status/capacity");
    nodeResources("kube_node_status_allocatable",
                  "The allocatable for different resources of a node that are available for "
                  "scheduling.",
                  "/status/allocatable");
    e.family("node_memory_MemTotal_bytes", "gauge", "Memory information field MemTotal_bytes.");
    for (const auto &[n, seconds] : nodeSamples)
        e.sample({{"node", Kube::name(*n->node)}},
                 double(Quantity::bytes(field(*n->node, "/status/capacity/memory"))));
    e.family("node_memory_MemAvailable_bytes", "gauge",
             "Memory information field MemAvailable_bytes.");
    for (const auto &[n, seconds] : nodeSamples) {
        const double total = double(Quantity::bytes(field(*n->node, "/status/capacity/memory")));
        e.sample({{"node", Kube::name(*n->node)}}, std::max(0.0, total - double(n->memoryBytes)));
    }
    return e.finish();
}

} // namespace Orrery::Sim
