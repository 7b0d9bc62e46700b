// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario.h"
#include "controllermanager.h"
#include "controllers/controllercontext.h"
#include "controllers/nodecontroller.h"
#include "pipelines/pipelinespec.h"
#include "server/defaulter.h"
#include "workload/helmrelease.h"
#include "workload/kube.h"
#include "workload/loadmodel.h"
#include "workload/yamljson.h"

#include <base64.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace Orrery::Sim {

namespace {

// ORRERY_SCENARIO_DIR from the environment, else the installed copy next to the executable
// (<prefix>/bin/x → <prefix>/share/orrery/scenarios, see sim/CMakeLists.txt), else the
// source tree the binary was built from.
std::string scenarioDir()
{
    if (const char *env = std::getenv("ORRERY_SCENARIO_DIR"))
        return env;
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const std::filesystem::path installed
            = exe.parent_path().parent_path() / "share" / "orrery" / "scenarios";
        if (std::filesystem::exists(installed / "kubesystem.yaml", ec))
            return installed.string();
    }
    return ORRERY_SCENARIO_DIR;
}

std::string readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// One document of a scenario file; an error (syntax, or a YAML bound) names the file.
json parseDocument(const std::string &document, const std::filesystem::path &file)
{
    try {
        return YamlJson::parse(document);
    } catch (const std::runtime_error &e) {
        throw std::runtime_error(file.filename().string() + ": " + e.what());
    }
}

// kind (+ apiVersion group) → resource, for every kind a scenario may contain.
GroupResource resourceFor(const json &obj)
{
    const std::string kind = obj.value("kind", "");
    const std::string apiVersion = obj.value("apiVersion", "v1");
    const std::string group = apiVersion.find('/') == std::string::npos
                                  ? ""
                                  : apiVersion.substr(0, apiVersion.find('/'));
    static const std::map<std::string, std::string> plural
        = {{"Namespace", "namespaces"},
           {"ConfigMap", "configmaps"},
           {"Secret", "secrets"},
           {"Service", "services"},
           {"ServiceAccount", "serviceaccounts"},
           {"PersistentVolumeClaim", "persistentvolumeclaims"},
           {"PersistentVolume", "persistentvolumes"},
           {"Pod", "pods"},
           {"Node", "nodes"},
           {"Endpoints", "endpoints"},
           {"LimitRange", "limitranges"},
           {"ResourceQuota", "resourcequotas"},
           {"Deployment", "deployments"},
           {"StatefulSet", "statefulsets"},
           {"DaemonSet", "daemonsets"},
           {"ReplicaSet", "replicasets"},
           {"Job", "jobs"},
           {"CronJob", "cronjobs"},
           {"HorizontalPodAutoscaler", "horizontalpodautoscalers"},
           {"Ingress", "ingresses"},
           {"IngressClass", "ingressclasses"},
           {"NetworkPolicy", "networkpolicies"},
           {"StorageClass", "storageclasses"},
           {"Role", "roles"},
           {"RoleBinding", "rolebindings"},
           {"ClusterRole", "clusterroles"},
           {"ClusterRoleBinding", "clusterrolebindings"},
           {"PodDisruptionBudget", "poddisruptionbudgets"},
           {"PriorityClass", "priorityclasses"},
           {"CustomResourceDefinition", "customresourcedefinitions"}};
    auto it = plural.find(kind);
    if (it == plural.end())
        throw std::runtime_error("scenario contains unsupported kind " + kind);
    return {group, it->second};
}

json lookupPath(const json &root, const std::string &dotted)
{
    const json *cur = &root;
    std::stringstream ss(dotted);
    for (std::string part; std::getline(ss, part, '.');) {
        if (part.empty())
            continue;
        if (!cur->is_object() || !cur->contains(part))
            return nullptr;
        cur = &(*cur)[part];
    }
    return *cur;
}

// Replaces {{ .Values.x }}, {{ .Release.Name }}, ... (no pipelines: scenarios keep to plain
// references, which is all the rendered manifest needs).
std::string render(const std::string &text, const json &values, const json &release,
                   const json &chart)
{
    std::string out;
    std::size_t pos = 0;
    while (true) {
        const auto open = text.find("{{", pos);
        if (open == std::string::npos) {
            out += text.substr(pos);
            break;
        }
        const auto close = text.find("}}", open);
        if (close == std::string::npos)
            throw std::runtime_error("unterminated {{ in scenario template");
        out += text.substr(pos, open - pos);
        std::string expr = text.substr(open + 2, close - open - 2);
        expr.erase(0, expr.find_first_not_of(" -"));
        expr.erase(expr.find_last_not_of(" -") + 1);
        json v;
        if (expr.rfind(".Values.", 0) == 0)
            v = lookupPath(values, expr.substr(8));
        else if (expr.rfind(".Release.", 0) == 0)
            v = lookupPath(release, expr.substr(9));
        else if (expr.rfind(".Chart.", 0) == 0)
            v = lookupPath(chart, expr.substr(7));
        if (v.is_null())
            throw std::runtime_error("scenario template: no value for " + expr);
        out += v.is_string() ? v.get<std::string>() : v.dump();
        pos = close + 2;
    }
    return out;
}

void createIgnoringExisting(ObjectStore &store, const GroupResource &gr, json obj)
{
    try {
        store.create(gr, std::move(obj));
    } catch (const ApiError &e) {
        if (e.code() != 409)
            throw;
    }
}

json prepare(json obj)
{
    // What the API server does on create that the controllers rely on.
    if (obj.value("kind", "") == "Secret" && obj.contains("stringData")) {
        for (auto it = obj["stringData"].begin(); it != obj["stringData"].end(); ++it)
            obj["data"][it.key()] = Base64::encode(
                it.value().is_string() ? it.value().get<std::string>() : it.value().dump());
        obj.erase("stringData");
    }
    // The same defaulting an API create applies (SetDefaults_*): a seed object must read
    // exactly like one created through the API, or rollbacks and diffs show the defaults.
    Defaulter::apply(obj.value("kind", ""), obj);
    return obj;
}

void createDocuments(ObjectStore &store, const std::vector<json> &objects,
                     const std::string &defaultNs)
{
    std::vector<json> ordered;
    for (const json &o : objects) {
        if (o.value("kind", "") == "Namespace")
            ordered.push_back(o);
    }
    for (const json &o : objects) {
        if (o.value("kind", "") != "Namespace")
            ordered.push_back(o);
    }
    for (json o : ordered) {
        const GroupResource gr = resourceFor(o);
        static const std::vector<std::string> clusterScoped
            = {"namespaces",          "nodes",           "persistentvolumes",
               "storageclasses",      "ingressclasses",  "clusterroles",
               "clusterrolebindings", "priorityclasses", "customresourcedefinitions"};
        const bool namespaced = std::find(clusterScoped.begin(), clusterScoped.end(), gr.resource)
                                == clusterScoped.end();
        if (namespaced && Kube::ns(o).empty())
            o["metadata"]["namespace"] = defaultNs;
        createIgnoringExisting(store, gr, prepare(std::move(o)));
    }
}

void ensureBaseline(ObjectStore &store)
{
    for (const char *ns : {"default", "kube-system", "kube-public", "kube-node-lease"})
        createIgnoringExisting(
            store, Kube::Namespaces,
            {{"apiVersion", "v1"},
             {"kind", "Namespace"},
             {"metadata", {{"name", ns}, {"labels", {{"kubernetes.io/metadata.name", ns}}}}},
             {"spec", {{"finalizers", json::array({"kubernetes"})}}},
             {"status", {{"phase", "Active"}}}});
    createIgnoringExisting(
        store, Kube::Services,
        {{"apiVersion", "v1"},
         {"kind", "Service"},
         {"metadata",
          {{"name", "kubernetes"},
           {"namespace", "default"},
           {"labels", {{"component", "apiserver"}, {"provider", "kubernetes"}}}}},
         {"spec",
          {{"type", "ClusterIP"},
           {"clusterIP", "10.96.0.1"},
           {"clusterIPs", json::array({"10.96.0.1"})},
           {"ports",
            json::array(
                {{{"name", "https"}, {"port", 443}, {"protocol", "TCP"}, {"targetPort", 6443}}})},
           {"sessionAffinity", "None"}}}});
}

LoadProfile profileFrom(const json &j)
{
    LoadProfile p;
    p.baseRps = j.value("baseRps", p.baseRps);
    p.peakRps = j.value("peakRps", p.baseRps);
    p.periodSeconds = j.value("periodSeconds", p.periodSeconds);
    p.phaseSeconds = j.value("phaseSeconds", p.phaseSeconds);
    p.cpuMilliPerRequest = j.value("cpuMilliPerRequest", p.cpuMilliPerRequest);
    p.memoryMiPerRequest = j.value("memoryMiPerRequest", p.memoryMiPerRequest);
    p.idleCpuFraction = j.value("idleCpuFraction", p.idleCpuFraction);
    p.idleMemoryFraction = j.value("idleMemoryFraction", p.idleMemoryFraction);
    return p;
}

} // namespace

std::string scenarioRulesFile(const std::string &name)
{
    if (name.empty() || name.find('/') != std::string::npos)
        return {};
    const std::filesystem::path path
        = std::filesystem::path(scenarioDir()) / "rules" / (name + ".rules.yml");
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec) ? path.string() : std::string();
}

std::vector<std::string> availableScenarios()
{
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator(scenarioDir(), ec)) {
        if (entry.path().extension() != ".yaml")
            continue;
        const std::string text = readFile(entry.path());
        const auto docs = YamlJson::splitDocuments(text);
        if (docs.empty())
            continue;
        try {
            if (YamlJson::parse(docs.front()).value("kind", "") == "Scenario")
                names.push_back(entry.path().stem().string());
        } catch (const std::exception &) {
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

ScenarioInfo loadScenario(const std::string &name, ObjectStore &store)
{
    SimClock clock;
    ControllerManager controllers(store, clock);
    return loadScenario(name, store, controllers);
}

void generateSynthetic(int pods, ObjectStore &store)
{
    SimClock clock;
    ControllerManager controllers(store, clock);
    generateSynthetic(pods, store, controllers);
}

namespace {

std::filesystem::path scenarioPath(const std::string &name)
{
    if (name.find('/') != std::string::npos || name.find("..") != std::string::npos)
        throw std::runtime_error("invalid scenario name " + name);
    const std::filesystem::path path = std::filesystem::path(scenarioDir()) / (name + ".yaml");
    if (!std::filesystem::exists(path))
        throw std::runtime_error("unknown scenario " + name);
    return path;
}

json headerOf(const std::string &name, const std::filesystem::path &path,
              const std::vector<std::string> &docs)
{
    if (docs.empty())
        throw std::runtime_error("empty scenario " + name);
    json header = parseDocument(docs.front(), path);
    if (header.value("kind", "") != "Scenario")
        throw std::runtime_error(name + ".yaml: the first document must be kind: Scenario");
    return header;
}

} // namespace

json scenarioHeader(const std::string &name)
{
    const std::filesystem::path path = scenarioPath(name);
    return headerOf(name, path, YamlJson::splitDocuments(readFile(path)));
}

ScenarioInfo loadScenario(const std::string &name, ObjectStore &store,
                          ControllerManager &controllers)
{
    const std::filesystem::path path = scenarioPath(name);
    const auto docs = YamlJson::splitDocuments(readFile(path));
    const json header = headerOf(name, path, docs);

    ScenarioInfo info;
    info.name = header.value("name", name);
    info.clusterName = header.value("clusterName", name);
    info.kubernetesVersion = header.value("kubernetesVersion", "v1.32.2");
    info.platform = header.value("platform", "kubeadm");

    ControllerContext &ctx = controllers.context();
    auto lock = store.lock();
    controllers.setKubernetesVersion(info.kubernetesVersion);
    ensureBaseline(store);

    int index = 0;
    const std::string now = controllers.clock().timestamp();
    for (const json &n : header.value("nodes", json::array())) {
        json node = NodeController::makeNode(n.value("name", "node-" + std::to_string(index)),
                                             n.value("cpu", "4"), n.value("memory", "16Gi"),
                                             n.value("labels", json::object()),
                                             info.kubernetesVersion, index, now);
        if (n.contains("taints"))
            node["spec"]["taints"] = n["taints"];
        if (n.contains("providerID"))
            node["spec"]["providerID"] = n["providerID"];
        createIgnoringExisting(store, Kube::Nodes, std::move(node));
        ++index;
    }
    ctx.registries.load(header.value("registries", json::array()));
    // The simulated CI systems read `pipelines:` themselves (scenarioHeader); a bad section
    // fails here, when the scenario loads, with the pipeline and job it is about.
    try {
        parsePipelines(header.value("pipelines", json()), info.clusterName);
    } catch (const std::runtime_error &e) {
        throw std::runtime_error(name + ".yaml: pipelines: " + e.what());
    }
    for (const json &l : header.value("load", json::array()))
        controllers.setLoadProfile(l.value("namespace", "default"), l.value("workload", ""),
                                   profileFrom(l));

    // kube-system, shared by every scenario.
    const std::filesystem::path systemPath
        = std::filesystem::path(scenarioDir()) / "kubesystem.yaml";
    std::vector<json> objects;
    if (std::filesystem::exists(systemPath)) {
        const auto systemDocs = YamlJson::splitDocuments(readFile(systemPath));
        for (std::size_t i = 1; i < systemDocs.size(); ++i)
            objects.push_back(parseDocument(systemDocs[i], systemPath));
    }

    // Helm releases: which documents belong to which release is decided after rendering.
    const json releases = header.value("helm", json::array());
    std::vector<std::string> plainDocs;
    std::map<std::string, std::vector<std::string>> releaseDocs;
    for (std::size_t i = 1; i < docs.size(); ++i) {
        bool helm = false;
        for (const json &r : releases) {
            const std::string marker = "meta.helm.sh/release-name: " + r.value("release", "");
            if (docs[i].find(marker) != std::string::npos) {
                releaseDocs[r.value("release", "")].push_back(docs[i]);
                helm = true;
            }
        }
        if (!helm)
            plainDocs.push_back(docs[i]);
    }
    for (const std::string &d : plainDocs)
        objects.push_back(parseDocument(d, path));

    std::vector<json> helmSecrets;
    for (const json &r : releases) {
        const std::string rel = r.value("release", "");
        const std::string relNs = r.value("namespace", "default");
        const json chart = r.value("chart", json::object());
        json chartMeta
            = {{"name", chart.value("name", rel)},
               {"version", chart.value("version", "0.1.0")},
               {"appVersion", chart.value("appVersion", "1.0.0")},
               {"description", chart.value("description", "A Helm chart for Kubernetes")},
               {"apiVersion", "v2"},
               {"type", "application"}};
        json chartRef = {{"Name", chartMeta["name"]},
                         {"Version", chartMeta["version"]},
                         {"AppVersion", chartMeta["appVersion"]}};
        json templates = json::array();
        int t = 0;
        for (const std::string &d : releaseDocs[rel])
            templates.push_back({{"name", "templates/" + std::to_string(t++) + "-" + rel + ".yaml"},
                                 {"data", Base64::encode(d)}});
        const json revisions = r.value("revisions", json::array());
        const json defaults = r.value("chartValues", json::object());
        const int count = static_cast<int>(revisions.size());
        if (count == 0)
            throw std::runtime_error(name + ".yaml: Helm release " + rel + " has no revisions");
        // Revisions are spread over the past days so `helm history` reads naturally.
        const auto base = std::chrono::system_clock::now() - std::chrono::hours(24 * count);
        std::string firstDeployed;
        for (int v = 1; v <= count; ++v) {
            const json &rev = revisions[v - 1];
            json values = defaults;
            values.merge_patch(rev.value("values", json::object()));
            const json releaseRef
                = {{"Name", rel}, {"Namespace", relNs}, {"Revision", v}, {"Service", "Helm"}};
            std::string manifest;
            int docIndex = 0;
            for (const std::string &d : releaseDocs[rel]) {
                const std::string rendered = render(d, values, releaseRef, chartRef);
                const json obj = parseDocument(rendered, path);
                std::string kind = obj.value("kind", "object");
                std::transform(kind.begin(), kind.end(), kind.begin(), ::tolower);
                manifest += "---\n# Source: " + chartMeta["name"].get<std::string>() + "/templates/"
                            + kind + ".yaml\n" + rendered;
                if (v == count)
                    objects.push_back(obj);
                ++docIndex;
            }
            const std::string deployed = formatTimestamp(base + std::chrono::hours(24 * (v - 1)));
            if (firstDeployed.empty())
                firstDeployed = deployed;
            const std::string status
                = v == count ? rev.value("status", "deployed") : rev.value("status", "superseded");
            const std::string description
                = rev.value("description", v == 1 ? "Install complete" : "Upgrade complete");
            json release
                = HelmRelease::release(rel, relNs, v, status, description, chartMeta, templates,
                                       defaults, rev.value("values", json::object()), manifest,
                                       firstDeployed, deployed, r.value("notes", ""));
            helmSecrets.push_back(HelmRelease::secret(
                release,
                std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                   (base + std::chrono::hours(24 * (v - 1))).time_since_epoch())
                                   .count())));
        }
    }
    for (json &s : helmSecrets)
        objects.push_back(std::move(s));
    createDocuments(store, objects, "default");
    (void)ctx;
    return info;
}

void generateSynthetic(int pods, ObjectStore &store, ControllerManager &controllers, int nodeCount)
{
    auto lock = store.lock();
    ensureBaseline(store);
    ControllerContext &ctx = controllers.context();
    const std::string version = ctx.kubernetesVersion;
    const std::string now = controllers.clock().timestamp();
    // The services' images, so pods recreated by churn pull them.
    for (int v = 0; v < 10; ++v)
        ctx.registries.push("registry.example.com/service:1.4." + std::to_string(v));
    const int perDeployment = 5;
    const int deployments = (pods + perDeployment - 1) / perDeployment;
    const int nodes = nodeCount > 0 ? nodeCount : std::max(1, (pods + 99) / 100);
    std::vector<std::pair<std::string, std::string>> nodeIps;
    for (int i = 0; i < nodes; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "synthetic-node-%04d", i);
        json node = NodeController::makeNode(
            name, "16", "64Gi",
            {{"topology.kubernetes.io/zone", "zone-" + std::to_string(i % 3)},
             {"node.kubernetes.io/instance-type", "m5.4xlarge"}},
            version, i, now);
        nodeIps.push_back({name, node["status"]["addresses"][0]["address"].get<std::string>()});
        createIgnoringExisting(store, Kube::Nodes, std::move(node));
    }

    int created = 0;
    int podIndex = 0;
    for (int d = 0; d < deployments; ++d) {
        const int nsIndex = d / 100;
        char nsName[32];
        std::snprintf(nsName, sizeof nsName, "synthetic-%03d", nsIndex);
        if (d % 100 == 0)
            createIgnoringExisting(
                store, Kube::Namespaces,
                {{"apiVersion", "v1"},
                 {"kind", "Namespace"},
                 {"metadata",
                  {{"name", nsName}, {"labels", {{"kubernetes.io/metadata.name", nsName}}}}},
                 {"status", {{"phase", "Active"}}}});
        const std::string app = "app-" + std::to_string(d);
        const int replicas = std::min(perDeployment, pods - created);
        if (replicas <= 0)
            break;
        const json labels = {{"app", app}, {"tier", d % 3 == 0 ? "frontend" : "backend"}};
        json podTemplate
            = {{"metadata", {{"labels", labels}}},
               {"spec",
                {{"containers",
                  json::array(
                      {{{"name", "main"},
                        {"image",
                         d % 4 == 0 ? "nginx:1.25.3"
                                    : "registry.example.com/service:1.4." + std::to_string(d % 10)},
                        {"ports", json::array({{{"containerPort", 8080}, {"protocol", "TCP"}}})},
                        {"resources",
                         {{"requests", {{"cpu", "50m"}, {"memory", "64Mi"}}},
                          {"limits", {{"cpu", "200m"}, {"memory", "128Mi"}}}}}}})}}}};
        // The template as the API server stores it (defaulted); the hash is computed from it,
        // like the deployment controller does.
        json wrapped = {{"spec", {{"template", podTemplate}}}};
        Defaulter::apply("Deployment", wrapped);
        podTemplate = wrapped["spec"]["template"];
        const std::string hash = Kube::templateHash(podTemplate);
        const std::string rsName = app + "-" + hash;
        json deployment
            = {{"apiVersion", "apps/v1"},
               {"kind", "Deployment"},
               {"metadata",
                {{"name", app},
                 {"namespace", nsName},
                 {"labels", labels},
                 {"annotations", {{"deployment.kubernetes.io/revision", "1"}}}}},
               {"spec",
                {{"replicas", replicas},
                 {"selector", {{"matchLabels", {{"app", app}}}}},
                 {"template", podTemplate},
                 {"strategy",
                  {{"type", "RollingUpdate"},
                   {"rollingUpdate", {{"maxSurge", "25%"}, {"maxUnavailable", "25%"}}}}},
                 {"revisionHistoryLimit", 10},
                 {"progressDeadlineSeconds", 600}}},
               {"status",
                {{"observedGeneration", 1},
                 {"replicas", replicas},
                 {"updatedReplicas", replicas},
                 {"readyReplicas", replicas},
                 {"availableReplicas", replicas},
                 {"conditions", json::array({{{"type", "Available"},
                                              {"status", "True"},
                                              {"reason", "MinimumReplicasAvailable"},
                                              {"message", "Deployment has minimum availability."},
                                              {"lastUpdateTime", now},
                                              {"lastTransitionTime", now}},
                                             {{"type", "Progressing"},
                                              {"status", "True"},
                                              {"reason", "NewReplicaSetAvailable"},
                                              {"message", "ReplicaSet \"" + rsName
                                                              + "\" has successfully progressed."},
                                              {"lastUpdateTime", now},
                                              {"lastTransitionTime", now}}})}}}};
        Defaulter::apply("Deployment", deployment);
        ObjectPtr dep = store.create(Kube::Deployments, std::move(deployment));
        json rsTemplate = podTemplate;
        rsTemplate["metadata"]["labels"]["pod-template-hash"] = hash;
        json rsLabels = rsTemplate["metadata"]["labels"];
        const int maxSurge = (replicas * 25 + 99) / 100;
        json rs
            = {{"apiVersion", "apps/v1"},
               {"kind", "ReplicaSet"},
               {"metadata",
                {{"name", rsName},
                 {"namespace", nsName},
                 {"labels", rsLabels},
                 {"annotations",
                  {{"deployment.kubernetes.io/revision", "1"},
                   {"deployment.kubernetes.io/desired-replicas", std::to_string(replicas)},
                   {"deployment.kubernetes.io/max-replicas", std::to_string(replicas + maxSurge)}}},
                 {"ownerReferences",
                  json::array({Kube::ownerReference(*dep, "apps/v1", "Deployment")})}}},
               {"spec",
                {{"replicas", replicas},
                 {"selector", {{"matchLabels", {{"app", app}, {"pod-template-hash", hash}}}}},
                 {"template", rsTemplate}}},
               {"status",
                {{"replicas", replicas},
                 {"fullyLabeledReplicas", replicas},
                 {"readyReplicas", replicas},
                 {"availableReplicas", replicas},
                 {"observedGeneration", 1}}}};
        Defaulter::apply("ReplicaSet", rs);
        ObjectPtr rsPtr = store.create(Kube::ReplicaSets, std::move(rs));
        const json owner = Kube::ownerReference(*rsPtr, "apps/v1", "ReplicaSet");
        for (int r = 0; r < replicas; ++r, ++podIndex, ++created) {
            const auto &[nodeName, hostIp]
                = nodeIps[nodeCount > 0
                              ? static_cast<std::size_t>(podIndex) * nodeIps.size()
                                    / static_cast<std::size_t>(pods)
                              : static_cast<std::size_t>(podIndex / 100) % nodeIps.size()];
            json pod = Kube::podFromTemplate(rsTemplate, nsName,
                                             rsName + "-" + Kube::randomSuffix(ctx.rng), owner);
            pod["metadata"]["generateName"] = rsName + "-";
            pod["spec"]["nodeName"] = nodeName;
            const std::string ip = ctx.allocatePodIp(nodeName);
            json status = {{"phase", "Running"},
                           {"hostIP", hostIp},
                           {"hostIPs", json::array({{{"ip", hostIp}}})},
                           {"podIP", ip},
                           {"podIPs", json::array({{{"ip", ip}}})},
                           {"startTime", now},
                           {"qosClass", "Burstable"},
                           {"conditions", json::array({{{"type", "Initialized"},
                                                        {"status", "True"},
                                                        {"lastProbeTime", nullptr},
                                                        {"lastTransitionTime", now}},
                                                       {{"type", "Ready"},
                                                        {"status", "True"},
                                                        {"lastProbeTime", nullptr},
                                                        {"lastTransitionTime", now}},
                                                       {{"type", "ContainersReady"},
                                                        {"status", "True"},
                                                        {"lastProbeTime", nullptr},
                                                        {"lastTransitionTime", now}},
                                                       {{"type", "PodScheduled"},
                                                        {"status", "True"},
                                                        {"lastProbeTime", nullptr},
                                                        {"lastTransitionTime", now}}})},
                           {"containerStatuses",
                            json::array({{{"name", "main"},
                                          {"ready", true},
                                          {"restartCount", 0},
                                          {"started", true},
                                          {"image", rsTemplate["spec"]["containers"][0]["image"]},
                                          {"imageID", ""},
                                          {"lastState", json::object()},
                                          {"state", {{"running", {{"startedAt", now}}}}}}})}};
            pod["status"] = std::move(status);
            store.create(Kube::Pods, std::move(pod));
        }
        store.create(Kube::Services,
                     {{"apiVersion", "v1"},
                      {"kind", "Service"},
                      {"metadata", {{"name", app}, {"namespace", nsName}, {"labels", labels}}},
                      {"spec",
                       {{"type", "ClusterIP"},
                        {"selector", {{"app", app}}},
                        {"clusterIP", ctx.allocateClusterIp()},
                        {"ports", json::array({{{"name", "http"},
                                                {"port", 80},
                                                {"targetPort", 8080},
                                                {"protocol", "TCP"}}})}}}});
        if (d % 5 == 0) {
            store.create(Kube::HorizontalPodAutoscalers,
                         {{"apiVersion", "autoscaling/v2"},
                          {"kind", "HorizontalPodAutoscaler"},
                          {"metadata", {{"name", app}, {"namespace", nsName}}},
                          {"spec",
                           {{"scaleTargetRef",
                             {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}, {"name", app}}},
                            {"minReplicas", 2},
                            {"maxReplicas", 10},
                            {"metrics", json::array({{{"type", "Resource"},
                                                      {"resource",
                                                       {{"name", "cpu"},
                                                        {"target",
                                                         {{"type", "Utilization"},
                                                          {"averageUtilization", 70}}}}}}})}}}});
            // Usage near the target keeps the HPA inside its tolerance: a steady cluster.
            LoadProfile steady;
            steady.baseRps = steady.peakRps = 0;
            steady.idleCpuFraction = 0.68;
            controllers.setLoadProfile(nsName, app, steady);
        }
    }
}

} // namespace Orrery::Sim
