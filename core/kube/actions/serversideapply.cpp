// SPDX-License-Identifier: GPL-3.0-or-later
#include "serversideapply.h"

#include "jsonutil.h"
#include "resourcepath.h"
#include "workloadactions.h"
#include "yamljson.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::ServerSideApply", text);
}

struct BuiltIn
{
    const char *group;
    const char *version;
    const char *kind;
    const char *resource;
    bool namespaced;
};

// Built-in kinds of Kubernetes 1.32 that manifests commonly carry. Custom resources need
// discovery data.
constexpr BuiltIn s_builtIns[] = {
    {"", "v1", "Pod", "pods", true},
    {"", "v1", "Service", "services", true},
    {"", "v1", "ConfigMap", "configmaps", true},
    {"", "v1", "Secret", "secrets", true},
    {"", "v1", "ServiceAccount", "serviceaccounts", true},
    {"", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true},
    {"", "v1", "Endpoints", "endpoints", true},
    {"", "v1", "Event", "events", true},
    {"", "v1", "LimitRange", "limitranges", true},
    {"", "v1", "ResourceQuota", "resourcequotas", true},
    {"", "v1", "ReplicationController", "replicationcontrollers", true},
    {"", "v1", "Namespace", "namespaces", false},
    {"", "v1", "Node", "nodes", false},
    {"", "v1", "PersistentVolume", "persistentvolumes", false},
    {"apps", "v1", "Deployment", "deployments", true},
    {"apps", "v1", "ReplicaSet", "replicasets", true},
    {"apps", "v1", "StatefulSet", "statefulsets", true},
    {"apps", "v1", "DaemonSet", "daemonsets", true},
    {"apps", "v1", "ControllerRevision", "controllerrevisions", true},
    {"batch", "v1", "Job", "jobs", true},
    {"batch", "v1", "CronJob", "cronjobs", true},
    {"autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true},
    {"autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true},
    {"networking.k8s.io", "v1", "Ingress", "ingresses", true},
    {"networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true},
    {"networking.k8s.io", "v1", "IngressClass", "ingressclasses", false},
    {"policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true},
    {"rbac.authorization.k8s.io", "v1", "Role", "roles", true},
    {"rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true},
    {"rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false},
    {"rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false},
    {"storage.k8s.io", "v1", "StorageClass", "storageclasses", false},
    {"scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false},
    {"apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false},
    {"coordination.k8s.io", "v1", "Lease", "leases", true},
    {"discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true},
};

} // namespace

std::optional<ResourceMapping> ServerSideApply::mapping(const QString &apiVersion,
                                                        const QString &kind,
                                                        const QList<ApiResource> &discovered)
{
    const QString group = apiVersion.contains(QLatin1Char('/'))
                              ? apiVersion.section(QLatin1Char('/'), 0, 0)
                              : QString();
    const QString version = apiVersion.section(QLatin1Char('/'), -1);
    for (const ApiResource &r : discovered) {
        if (r.group == group && r.version == version && r.kind == kind
            && !r.name.contains(QLatin1Char('/')))
            return ResourceMapping{r.group, r.version, r.kind, r.name, r.namespaced};
    }
    for (const BuiltIn &b : s_builtIns) {
        if (group == QLatin1String(b.group) && version == QLatin1String(b.version)
            && kind == QLatin1String(b.kind))
            return ResourceMapping{group, version, kind, QString::fromLatin1(b.resource),
                                   b.namespaced};
    }
    return std::nullopt;
}

Result<PlannedWrite> ServerSideApply::planObject(const nlohmann::json &object,
                                                 const Options &options,
                                                 const QList<ApiResource> &discovered)
{
    if (!object.is_object())
        return Error(Error::Code::ParseError, tr("A document is not a Kubernetes object."));
    const QString apiVersion = JsonUtil::string(object, {"apiVersion"});
    const QString kind = JsonUtil::kind(object);
    const QString name = JsonUtil::name(object);
    if (apiVersion.isEmpty() || kind.isEmpty())
        return Error(Error::Code::ParseError, tr("The object has no apiVersion or kind."));
    if (name.isEmpty())
        return Error(Error::Code::ParseError, tr("The %1 has no metadata.name.").arg(kind));
    const std::optional<ResourceMapping> m = mapping(apiVersion, kind, discovered);
    if (!m) {
        Error e(Error::Code::Unsupported,
                tr("The server does not serve %1 in %2.").arg(kind, apiVersion));
        e.hint = tr("Install its CustomResourceDefinition first, or refresh discovery.");
        return e;
    }

    PlannedWrite w;
    w.verb = QStringLiteral("apply");
    w.apiVersion = apiVersion;
    w.kind = kind;
    w.name = name;
    w.dryRun = options.dryRun;
    nlohmann::json body = object;
    if (m->namespaced) {
        w.ns = JsonUtil::ns(object);
        if (w.ns.isEmpty()) {
            w.ns = options.defaultNamespace;
            // The path names the namespace; the body must agree or the server refuses.
            body["metadata"]["namespace"] = w.ns.toStdString();
        }
    } else if (body["metadata"].contains("namespace")) {
        body["metadata"].erase("namespace");
    }
    w.request.method = "PATCH";
    w.request.path = ResourcePath::path(apiVersion, m->resource, w.ns, name);
    if (options.dryRun)
        w.request.path = ResourcePath::addQuery(w.request.path, QStringLiteral("dryRun"),
                                                QStringLiteral("All"));
    w.request.path = ResourcePath::addQuery(w.request.path, QStringLiteral("fieldManager"),
                                            options.fieldManager);
    if (options.force)
        w.request.path = ResourcePath::addQuery(w.request.path, QStringLiteral("force"),
                                                QStringLiteral("true"));
    w.body = body;
    w.request.body = JsonUtil::dumpBytes(body);
    w.request.contentType = "application/apply-patch+yaml";
    const QString where = w.ns.isEmpty() ? name : w.ns + QLatin1Char('/') + name;
    w.description = options.dryRun ? tr("Apply %1 %2 (server dry run)").arg(kind, where)
                                   : tr("Apply %1 %2").arg(kind, where);
    return w;
}

Result<QList<PlannedWrite>> ServerSideApply::plan(const QByteArray &yaml, const Options &options,
                                                  const QList<ApiResource> &discovered,
                                                  const QString &fileName)
{
    auto docs = YamlJson::parseDocuments(yaml, fileName);
    if (!docs)
        return docs.error();
    QList<PlannedWrite> writes;
    for (const YamlDocument &doc : *docs) {
        // A List (kubectl get -o yaml output) applies item by item.
        const bool isList = doc.value.is_object() && doc.value.contains("items")
                            && JsonUtil::kind(doc.value).endsWith(QLatin1String("List"));
        const nlohmann::json objects
            = isList ? JsonUtil::array(doc.value, "items") : nlohmann::json::array({doc.value});
        for (const auto &obj : objects) {
            auto w = planObject(obj, options, discovered);
            if (!w) {
                Error e = w.error();
                e.file = fileName;
                e.line = doc.line;
                e.context = QCoreApplication::translate("Orrery::ServerSideApply", "document %1")
                                .arg(doc.index + 1);
                return e;
            }
            writes.append(std::move(*w));
        }
    }
    if (writes.isEmpty())
        return Error(Error::Code::InvalidArgument, tr("The file holds no objects."), fileName);
    return writes;
}

std::optional<ApplyConflict> ServerSideApply::explainConflict(const QByteArray &statusBody)
{
    return explainConflict(ApiStatus::decode(statusBody));
}

std::optional<ApplyConflict> ServerSideApply::explainConflict(const ApiResponse &response)
{
    if (response.status != 409)
        return std::nullopt;
    return explainConflict(response.apiStatus());
}

std::optional<ApplyConflict> ServerSideApply::explainConflict(const ApiStatus &status)
{
    if (status.code != 409)
        return std::nullopt;
    ApplyConflict c;
    c.statusMessage = status.message;
    // `conflict with "manager"` optionally followed by ` using apps/v1`.
    static const QRegularExpression re(
        QStringLiteral("conflict with \"([^\"]*)\"(?: using (\\S+))?"));
    for (const ApiStatus::Cause &cause : status.causes) {
        if (cause.reason != QLatin1String("FieldManagerConflict"))
            continue;
        const QRegularExpressionMatch m = re.match(cause.message);
        const QString manager = m.hasMatch() ? m.captured(1) : tr("another manager");
        const QString api = m.hasMatch() ? m.captured(2) : QString();
        auto it = std::find_if(c.managers.begin(), c.managers.end(),
                               [&](const ApplyConflict::Manager &x) { return x.name == manager; });
        if (it == c.managers.end()) {
            c.managers.append({manager, api, {}});
            it = c.managers.end() - 1;
        }
        it->fields.append(cause.field);
    }
    if (c.managers.isEmpty())
        return std::nullopt; // an ordinary 409 (e.g. resourceVersion), not an apply conflict

    int fields = 0;
    for (const auto &m : c.managers)
        fields += int(m.fields.size());
    c.text = fields == 1 ? tr("Apply failed: 1 field is managed by someone else.")
                         : tr("Apply failed: %1 fields are managed by someone else.").arg(fields);
    c.text += QLatin1Char('\n');
    for (const auto &m : c.managers)
        c.text += tr("  \"%1\" manages %2").arg(m.name, m.fields.join(QLatin1String(", ")))
                  + QLatin1Char('\n');
    c.text
        += tr("Apply again with \"force\" to take these fields over, remove them from your "
              "manifest so they "
              "keep their current manager, or set them to the current values to share ownership.");
    return c;
}

} // namespace Orrery
