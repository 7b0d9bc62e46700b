// SPDX-License-Identifier: GPL-3.0-or-later
#include "defaulter.h"

namespace Orrery::Sim {

using json = nlohmann::json;

namespace {

void setIfMissing(json &obj, const char *key, json value)
{
    if (!obj.contains(key) || obj[key].is_null())
        obj[key] = std::move(value);
}

json &objectAt(json &obj, const char *key)
{
    if (!obj.contains(key) || !obj[key].is_object())
        obj[key] = json::object();
    return obj[key];
}

std::string pullPolicyFor(const std::string &image)
{
    // ":latest" or no tag means Always, like SetDefaults_Container; digests pin the image.
    if (image.find('@') != std::string::npos)
        return "IfNotPresent";
    const auto slash = image.rfind('/');
    const auto colon = image.rfind(':');
    if (colon == std::string::npos || (slash != std::string::npos && colon < slash))
        return "Always";
    return image.substr(colon + 1) == "latest" ? "Always" : "IfNotPresent";
}

void defaultContainer(json &c)
{
    if (!c.is_object())
        return;
    setIfMissing(c, "terminationMessagePath", "/dev/termination-log");
    setIfMissing(c, "terminationMessagePolicy", "File");
    setIfMissing(c, "imagePullPolicy", pullPolicyFor(c.value("image", std::string())));
    setIfMissing(c, "resources", json::object());
    if (c.contains("ports") && c["ports"].is_array())
        for (auto &p : c["ports"])
            if (p.is_object())
                setIfMissing(p, "protocol", "TCP");
    if (c.contains("env") && c["env"].is_array())
        for (auto &e : c["env"])
            if (e.is_object() && e.contains("valueFrom") && e["valueFrom"].contains("fieldRef"))
                setIfMissing(e["valueFrom"]["fieldRef"], "apiVersion", "v1");
    for (const char *probe : {"livenessProbe", "readinessProbe", "startupProbe"})
        if (c.contains(probe) && c[probe].is_object()) {
            json &p = c[probe];
            setIfMissing(p, "timeoutSeconds", 1);
            setIfMissing(p, "periodSeconds", 10);
            setIfMissing(p, "successThreshold", 1);
            setIfMissing(p, "failureThreshold", 3);
            if (p.contains("httpGet") && p["httpGet"].is_object()) {
                setIfMissing(p["httpGet"], "path", "/");
                setIfMissing(p["httpGet"], "scheme", "HTTP");
            }
        }
}

void defaultTemplate(json &tmpl)
{
    if (!tmpl.is_object())
        return;
    json &meta = objectAt(tmpl, "metadata");
    setIfMissing(meta, "creationTimestamp", nullptr);
    Defaulter::applyPodSpec(objectAt(tmpl, "spec"), true);
}

} // namespace

void Defaulter::applyPodSpec(json &spec, bool isTemplate)
{
    (void)isTemplate;
    setIfMissing(spec, "restartPolicy", "Always");
    setIfMissing(spec, "terminationGracePeriodSeconds", 30);
    setIfMissing(spec, "dnsPolicy", "ClusterFirst");
    setIfMissing(spec, "securityContext", json::object());
    setIfMissing(spec, "schedulerName", "default-scheduler");
    for (const char *list : {"containers", "initContainers"})
        if (spec.contains(list) && spec[list].is_array())
            for (auto &c : spec[list])
                defaultContainer(c);
    if (spec.contains("volumes") && spec["volumes"].is_array())
        for (auto &v : spec["volumes"]) {
            for (const char *src : {"configMap", "secret"})
                if (v.contains(src) && v[src].is_object())
                    setIfMissing(v[src], "defaultMode", 420);
        }
}

void Defaulter::apply(const std::string &kind, json &o)
{
    if (!o.is_object())
        return;
    if (kind == "Pod") {
        json &spec = objectAt(o, "spec");
        applyPodSpec(spec, false);
        setIfMissing(spec, "serviceAccountName", "default");
        setIfMissing(spec, "serviceAccount", spec["serviceAccountName"]);
        setIfMissing(spec, "enableServiceLinks", true);
        setIfMissing(spec, "preemptionPolicy", "PreemptLowerPriority");
        setIfMissing(spec, "priority", 0);
        if (!spec.contains("tolerations"))
            spec["tolerations"] = json::array({{{"key", "node.kubernetes.io/not-ready"},
                                                {"operator", "Exists"},
                                                {"effect", "NoExecute"},
                                                {"tolerationSeconds", 300}},
                                               {{"key", "node.kubernetes.io/unreachable"},
                                                {"operator", "Exists"},
                                                {"effect", "NoExecute"},
                                                {"tolerationSeconds", 300}}});
        json &status = objectAt(o, "status");
        setIfMissing(status, "phase", "Pending");
        setIfMissing(status, "qosClass", "BestEffort");
    } else if (kind == "Deployment") {
        json &spec = objectAt(o, "spec");
        setIfMissing(spec, "replicas", 1);
        json &strategy = objectAt(spec, "strategy");
        setIfMissing(strategy, "type", "RollingUpdate");
        if (strategy["type"] == "RollingUpdate") {
            json &ru = objectAt(strategy, "rollingUpdate");
            setIfMissing(ru, "maxUnavailable", "25%");
            setIfMissing(ru, "maxSurge", "25%");
        }
        setIfMissing(spec, "revisionHistoryLimit", 10);
        setIfMissing(spec, "progressDeadlineSeconds", 600);
        defaultTemplate(objectAt(spec, "template"));
    } else if (kind == "ReplicaSet" || kind == "ReplicationController") {
        json &spec = objectAt(o, "spec");
        setIfMissing(spec, "replicas", 1);
        defaultTemplate(objectAt(spec, "template"));
    } else if (kind == "StatefulSet") {
        json &spec = objectAt(o, "spec");
        setIfMissing(spec, "replicas", 1);
        setIfMissing(spec, "podManagementPolicy", "OrderedReady");
        json &strategy = objectAt(spec, "updateStrategy");
        setIfMissing(strategy, "type", "RollingUpdate");
        if (strategy["type"] == "RollingUpdate")
            setIfMissing(objectAt(strategy, "rollingUpdate"), "partition", 0);
        setIfMissing(spec, "revisionHistoryLimit", 10);
        setIfMissing(spec, "persistentVolumeClaimRetentionPolicy",
                     json{{"whenDeleted", "Retain"}, {"whenScaled", "Retain"}});
        defaultTemplate(objectAt(spec, "template"));
        if (spec.contains("volumeClaimTemplates") && spec["volumeClaimTemplates"].is_array())
            for (auto &t : spec["volumeClaimTemplates"]) {
                setIfMissing(objectAt(t, "spec"), "volumeMode", "Filesystem");
                setIfMissing(objectAt(t, "status"), "phase", "Pending");
            }
    } else if (kind == "DaemonSet") {
        json &spec = objectAt(o, "spec");
        json &strategy = objectAt(spec, "updateStrategy");
        setIfMissing(strategy, "type", "RollingUpdate");
        if (strategy["type"] == "RollingUpdate") {
            json &ru = objectAt(strategy, "rollingUpdate");
            setIfMissing(ru, "maxUnavailable", 1);
            setIfMissing(ru, "maxSurge", 0);
        }
        setIfMissing(spec, "revisionHistoryLimit", 10);
        defaultTemplate(objectAt(spec, "template"));
    } else if (kind == "Job") {
        json &spec = objectAt(o, "spec");
        if (!spec.contains("completions") && !spec.contains("parallelism")) {
            spec["completions"] = 1;
            spec["parallelism"] = 1;
        }
        setIfMissing(spec, "parallelism", 1);
        setIfMissing(spec, "backoffLimit", 6);
        setIfMissing(spec, "completionMode", "NonIndexed");
        setIfMissing(spec, "suspend", false);
        setIfMissing(spec, "manualSelector", nullptr);
        if (spec["manualSelector"].is_null())
            spec.erase("manualSelector");
        setIfMissing(spec, "podReplacementPolicy", "TerminatingOrFailed");
        defaultTemplate(objectAt(spec, "template"));
    } else if (kind == "CronJob") {
        json &spec = objectAt(o, "spec");
        setIfMissing(spec, "concurrencyPolicy", "Allow");
        setIfMissing(spec, "suspend", false);
        setIfMissing(spec, "successfulJobsHistoryLimit", 3);
        setIfMissing(spec, "failedJobsHistoryLimit", 1);
        json &jt = objectAt(objectAt(spec, "jobTemplate"), "spec");
        setIfMissing(jt, "backoffLimit", 6);
        setIfMissing(jt, "completionMode", "NonIndexed");
        setIfMissing(jt, "suspend", false);
        defaultTemplate(objectAt(jt, "template"));
        objectAt(o, "status");
    } else if (kind == "Service") {
        json &spec = objectAt(o, "spec");
        setIfMissing(spec, "type", "ClusterIP");
        setIfMissing(spec, "sessionAffinity", "None");
        const std::string type = spec["type"].get<std::string>();
        if (type != "ExternalName") {
            setIfMissing(spec, "ipFamilies", json::array({"IPv4"}));
            setIfMissing(spec, "ipFamilyPolicy", "SingleStack");
            setIfMissing(spec, "internalTrafficPolicy", "Cluster");
        }
        if (type == "NodePort" || type == "LoadBalancer")
            setIfMissing(spec, "externalTrafficPolicy", "Cluster");
        if (spec.contains("ports") && spec["ports"].is_array())
            for (auto &p : spec["ports"])
                if (p.is_object()) {
                    setIfMissing(p, "protocol", "TCP");
                    if (!p.contains("targetPort") && p.contains("port"))
                        p["targetPort"] = p["port"];
                }
        setIfMissing(objectAt(o, "status"), "loadBalancer", json::object());
    } else if (kind == "Namespace") {
        json &meta = objectAt(o, "metadata");
        json &labels = objectAt(meta, "labels");
        if (meta.contains("name"))
            labels["kubernetes.io/metadata.name"] = meta["name"];
        setIfMissing(objectAt(o, "spec"), "finalizers", json::array({"kubernetes"}));
        setIfMissing(objectAt(o, "status"), "phase", "Active");
    } else if (kind == "HorizontalPodAutoscaler") {
        setIfMissing(objectAt(o, "spec"), "minReplicas", 1);
    } else if (kind == "PersistentVolumeClaim") {
        setIfMissing(objectAt(o, "spec"), "volumeMode", "Filesystem");
        setIfMissing(objectAt(o, "status"), "phase", "Pending");
    } else if (kind == "Secret") {
        setIfMissing(o, "type", "Opaque");
    }
}

} // namespace Orrery::Sim
