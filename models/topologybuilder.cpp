// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologybuilder.h"

#include <QLatin1String>

#include <algorithm>
#include <optional>
#include <vector>

namespace Orrery {

namespace {

// The cluster kinds the topology draws are the TopologyKinds named like them
// (topologytypes.cpp); Namespace, Endpoints, Event and ControllerRevision have none.
// Looked up per object several times (ids, owners): a table, not 17 name comparisons.
std::optional<TopologyKind> topologyKindOf(Kind kind)
{
    static const auto s_table = [] {
        std::array<std::optional<TopologyKind>, KindCount> table{};
        for (int k = 0; k < KindCount; ++k) {
            TopologyKind topologyKind = TopologyKind::External;
            if (topologyKindFromName(kindName(Kind(k)), &topologyKind))
                table[size_t(k)] = topologyKind;
        }
        return table;
    }();
    return size_t(kind) < s_table.size() ? s_table[size_t(kind)] : std::nullopt;
}

// An owner reference's kind: the usual spellings from a table, anything else by name.
bool topologyOwnerKind(const QString &name, TopologyKind *kind)
{
    static const QHash<QString, TopologyKind> s_owners = [] {
        QHash<QString, TopologyKind> owners;
        for (int k = 0; k < TopologyKindCount; ++k)
            owners.insert(topologyKindName(TopologyKind(k)), TopologyKind(k));
        return owners;
    }();
    const auto it = s_owners.constFind(name);
    if (it != s_owners.cend()) {
        *kind = *it;
        return true;
    }
    return topologyKindFromName(name, kind);
}

bool isFailureReason(const QString &status)
{
    static const QSet<QString> s_failures{QStringLiteral("CrashLoopBackOff"),
                                          QStringLiteral("Error"),
                                          QStringLiteral("ImagePullBackOff"),
                                          QStringLiteral("ErrImagePull"),
                                          QStringLiteral("InvalidImageName"),
                                          QStringLiteral("CreateContainerConfigError"),
                                          QStringLiteral("CreateContainerError"),
                                          QStringLiteral("RunContainerError"),
                                          QStringLiteral("OOMKilled"),
                                          QStringLiteral("Evicted"),
                                          QStringLiteral("Failed"),
                                          QStringLiteral("ContainerStatusUnknown"),
                                          QStringLiteral("NodeLost")};
    return s_failures.contains(status) || status.startsWith(QLatin1String("Init:Error"))
           || status.startsWith(QLatin1String("Init:CrashLoopBackOff"));
}

bool conditionTrue(const QList<Condition> &conditions, const QString &type)
{
    for (const Condition &c : conditions) {
        if (c.type == type)
            return c.status == QLatin1String("True");
    }
    return false;
}

int healthSeverity(TopologyHealth health)
{
    switch (health) {
    case TopologyHealth::Failed: return 6;
    case TopologyHealth::Warning: return 5;
    case TopologyHealth::Progressing: return 4;
    case TopologyHealth::Terminating: return 3;
    case TopologyHealth::Unknown: return 2;
    case TopologyHealth::Healthy: return 1;
    case TopologyHealth::Succeeded: return 0;
    }
    return 0;
}

QString metricText(const HpaMetric &metric)
{
    const QString current = metric.current.isEmpty() ? QStringLiteral("?") : metric.current;
    return metric.name + QLatin1Char(' ') + current + QLatin1Char('/') + metric.target;
}

} // namespace

TopologyBuilder::TopologyBuilder(TopologyGraph *graph)
    : m_graph(graph)
{
}

bool TopologyBuilder::isTopologyKind(Kind kind)
{
    return topologyKindOf(kind).has_value();
}

QString TopologyBuilder::nodeIdOf(const KubeObject &object)
{
    const auto kind = topologyKindOf(object.kind);
    return kind ? topologyNodeId(*kind, object.namespaceName, object.name) : QString();
}

QString TopologyBuilder::applicationOf(const KubeObject &object)
{
    static const QString s_labels[] = {QStringLiteral("app.kubernetes.io/part-of"),
                                       QString(),
                                       QStringLiteral("app.kubernetes.io/instance"),
                                       QStringLiteral("release"),
                                       QStringLiteral("app.kubernetes.io/name"),
                                       QStringLiteral("app"),
                                       QStringLiteral("k8s-app")};
    for (const QString &key : s_labels) {
        const QString value = key.isEmpty()
                                  ? object.annotation(QStringLiteral("meta.helm.sh/release-name"))
                                  : object.label(key);
        if (!value.isEmpty())
            return value;
    }
    return {};
}

KubeObjectPtr TopologyBuilder::object(const QString &nodeId) const
{
    return m_objects.value(nodeId);
}

KubeObjectPtr TopologyBuilder::lookup(TopologyKind kind, const QString &ns,
                                      const QString &name) const
{
    return m_objects.value(topologyNodeId(kind, ns, name));
}

void TopologyBuilder::setOptions(const Options &options)
{
    m_options = options;
    QList<KubeObjectPtr> objects = m_objects.values();
    objects += m_endpoints.values();
    reset(objects);
}

void TopologyBuilder::reset(const QList<KubeObjectPtr> &objects)
{
    m_graph->clear();
    m_objects.clear();
    m_endpoints.clear();
    m_podsByNamespace.clear();
    m_servicesByNamespace.clear();
    m_servicesBySelector.clear();
    m_podsByOwner.clear();
    m_dependents.clear();
    m_referrers.clear();
    m_references.clear();
    m_extras.clear();
    m_collapsed.clear();
    m_dirty.clear();
    m_dirtyOwners.clear();
    m_resetting = true;
    m_objects.reserve(objects.size());
    for (const KubeObjectPtr &object : objects) {
        if (object)
            indexObject(object, nullptr, false);
    }
    m_resetting = false;
    rebuildDirty();
}

void TopologyBuilder::adopt(TopologyBuilder &&built)
{
    *m_graph = std::move(*built.m_graph);
    *built.m_graph = TopologyGraph();
    m_options = std::move(built.m_options);
    m_objects = std::move(built.m_objects);
    m_endpoints = std::move(built.m_endpoints);
    m_podsByNamespace = std::move(built.m_podsByNamespace);
    m_servicesByNamespace = std::move(built.m_servicesByNamespace);
    m_servicesBySelector = std::move(built.m_servicesBySelector);
    m_podsByOwner = std::move(built.m_podsByOwner);
    m_dependents = std::move(built.m_dependents);
    m_referrers = std::move(built.m_referrers);
    m_references = std::move(built.m_references);
    m_extras = std::move(built.m_extras);
    m_expanded = std::move(built.m_expanded);
    m_collapsed = std::move(built.m_collapsed);
    m_dirty.clear();
    m_pending.clear();
    m_dirtyOwners.clear();
}

void TopologyBuilder::apply(const ChangeBatch &batch)
{
    for (const ObjectChange &change : batch.changes) {
        if (!change.object)
            continue;
        indexObject(change.object, change.previous, change.type == ObjectChange::Type::Deleted);
    }
    rebuildDirty();
}

void TopologyBuilder::setExpanded(const QString &ownerId, bool expanded)
{
    if (expanded)
        m_expanded.insert(ownerId);
    else
        m_expanded.remove(ownerId);
    m_dirtyOwners.insert(ownerId);
    rebuildDirty();
}

QStringList TopologyBuilder::referencesOf(const KubeObject &object) const
{
    const PodSpecSummary *spec = nullptr;
    if (const WorkloadData *workload = object.workload())
        spec = &workload->podTemplate;
    else if (const JobData *job = object.as<JobData>())
        spec = &job->podTemplate;
    else if (const CronJobData *cronJob = object.as<CronJobData>())
        spec = &cronJob->podTemplate;
    else if (const PodData *pod = object.pod())
        spec = &pod->spec;
    if (!spec)
        return {};
    const QString &ns = object.namespaceName;
    QStringList out;
    for (const QString &claim : spec->claimRefs())
        out << topologyNodeId(TopologyKind::Pvc, ns, claim);
    for (const QString &map : spec->configMapRefs())
        out << topologyNodeId(TopologyKind::ConfigMap, ns, map);
    for (const QString &secret : spec->secretRefs())
        out << topologyNodeId(TopologyKind::Secret, ns, secret);
    return out;
}

QString TopologyBuilder::ownerIdOf(const KubeObject &object) const
{
    const OwnerReference *ref = object.controllerRef();
    if (!ref)
        return {};
    TopologyKind kind;
    if (!topologyOwnerKind(ref->kind, &kind))
        return {};
    return topologyNodeId(kind, object.namespaceName, ref->name);
}

namespace {
QString topologySelectorKey(const QString &ns, const KeyValue &kv)
{
    QString key;
    key.reserve(ns.size() + kv.key.size() + kv.value.size() + 2);
    key += ns;
    key += QLatin1Char('\n');
    key += kv.key;
    key += QLatin1Char('=');
    key += kv.value;
    return key;
}
} // namespace

void TopologyBuilder::indexSelector(const QString &serviceId, const KubeObject *service, bool add)
{
    const ServiceData *data = service->service();
    if (!data || data->selector.isEmpty())
        return;
    // The selector's smallest key: any pod it selects carries that pair.
    const KeyValue *first = &data->selector.first();
    for (const KeyValue &kv : data->selector) {
        if (kv.key < first->key)
            first = &kv;
    }
    const QString key = topologySelectorKey(service->namespaceName, *first);
    if (add) {
        QList<QString> &services = m_servicesBySelector[key];
        if (!services.contains(serviceId))
            services.append(serviceId);
    } else if (auto it = m_servicesBySelector.find(key); it != m_servicesBySelector.end()) {
        it->removeOne(serviceId);
        if (it->isEmpty())
            m_servicesBySelector.erase(it);
    }
}

void TopologyBuilder::appendSelectEdges(const KubeObject &pod, const TopologyNode &node,
                                        bool active, QList<TopologyEdge> &edges) const
{
    if (m_servicesBySelector.isEmpty())
        return;
    QStringList matched;
    for (const KeyValue &label : pod.labels) {
        const auto it
            = m_servicesBySelector.constFind(topologySelectorKey(pod.namespaceName, label));
        if (it == m_servicesBySelector.cend())
            continue;
        for (const QString &serviceId : *it) {
            const KubeObjectPtr service = m_objects.value(serviceId);
            const ServiceData *data = service ? service->service() : nullptr;
            if (!data)
                continue;
            const bool match = std::all_of(data->selector.cbegin(), data->selector.cend(),
                                           [&](const KeyValue &kv) {
                                               return containsKey(pod.labels, kv.key)
                                                      && valueOf(pod.labels, kv.key) == kv.value;
                                           });
            if (match)
                matched.append(serviceId);
        }
    }
    // Sorted: the same pod gives the same edge list whatever the index's order.
    std::sort(matched.begin(), matched.end());
    for (const QString &serviceId : std::as_const(matched))
        edges.append(TopologyEdge{serviceId, node.id, TopologyEdgeType::Selects, {}, active});
}

void TopologyBuilder::indexObject(const KubeObjectPtr &object, const KubeObjectPtr &previous,
                                  bool removed)
{
    if (object->kind == Kind::Endpoints) {
        const QString key = object->key();
        if (removed)
            m_endpoints.remove(key);
        else
            m_endpoints.insert(key, object);
        m_dirty.insert(topologyNodeId(TopologyKind::Service, object->namespaceName, object->name));
        return;
    }
    const QString id = nodeIdOf(*object);
    if (id.isEmpty())
        return;
    const QString &ns = object->namespaceName;
    const KubeObjectPtr before = previous ? previous : m_objects.value(id);
    if (removed)
        m_objects.remove(id);
    else
        m_objects.insert(id, object);
    m_dirty.insert(id);

    switch (object->kind) {
    case Kind::Pod: {
        if (removed)
            m_podsByNamespace[ns].remove(id);
        else
            m_podsByNamespace[ns].insert(id);
        const QString oldOwner = before ? ownerIdOf(*before) : QString();
        const QString newOwner = removed ? QString() : ownerIdOf(*object);
        // An idle old ReplicaSet is hidden only once its last pod is gone (the scale-down
        // arrives before the terminating pods leave): an owner that loses its last pod or
        // gains its first one is recomputed too.
        if (!oldOwner.isEmpty() && oldOwner != newOwner) {
            QSet<QString> &pods = m_podsByOwner[oldOwner];
            pods.remove(id);
            m_dirtyOwners.insert(oldOwner);
            if (pods.isEmpty())
                m_dirty.insert(oldOwner);
        }
        if (!newOwner.isEmpty()) {
            QSet<QString> &pods = m_podsByOwner[newOwner];
            if (pods.isEmpty())
                m_dirty.insert(newOwner);
            pods.insert(id);
            m_dirtyOwners.insert(newOwner);
        }
        break;
    }
    case Kind::Service:
        if (removed)
            m_servicesByNamespace[ns].remove(id);
        else
            m_servicesByNamespace[ns].insert(id);
        if (before)
            indexSelector(id, before.get(), false);
        if (!removed)
            indexSelector(id, object.get(), true);
        // Service → Pod edges are produced by the pods (in reset() they are all dirty).
        if (!m_resetting) {
            for (const QString &pod : m_podsByNamespace.value(ns))
                m_dirty.insert(pod);
        }
        break;
    default: break;
    }

    // Claims and config objects are grouped with the workloads that use them.
    const QStringList oldRefs = m_references.value(id);
    const QStringList newRefs = removed ? QStringList() : referencesOf(*object);
    if (oldRefs != newRefs) {
        for (const QString &ref : oldRefs) {
            m_referrers[ref].remove(id);
            m_dirty.insert(ref);
        }
        for (const QString &ref : newRefs) {
            m_referrers[ref].insert(id);
            m_dirty.insert(ref);
        }
        if (newRefs.isEmpty())
            m_references.remove(id);
        else
            m_references.insert(id, newRefs);
    }
}

void TopologyBuilder::dependsOn(const QString &dependent, const QString &id)
{
    m_dependents[id].insert(dependent);
}

QString TopologyBuilder::groupOf(const KubeObject &object, const QString &self, int depth)
{
    // Pods, replica sets and jobs belong where their top owner belongs, even when only the
    // owner carries the part-of label.
    const QString ownerId = ownerIdOf(object);
    if (!ownerId.isEmpty() && depth < 3) {
        dependsOn(self, ownerId);
        if (const KubeObjectPtr owner = m_objects.value(ownerId))
            return groupOf(*owner, self, depth + 1);
    }
    const QString own = applicationOf(object);
    if (!own.isEmpty())
        return own;
    const QString &ns = object.namespaceName;
    switch (object.kind) {
    case Kind::Service:
        if (const ServiceData *service = object.service()) {
            for (const char *key : {"app.kubernetes.io/part-of", "app.kubernetes.io/instance",
                                    "app.kubernetes.io/name", "app", "k8s-app"}) {
                const QString value = valueOf(service->selector, QLatin1String(key));
                if (!value.isEmpty())
                    return value;
            }
        }
        break;
    case Kind::Ingress:
        if (const IngressData *ingress = object.ingress()) {
            QString backend = ingress->defaultBackend.serviceName;
            if (!ingress->paths.isEmpty())
                backend = ingress->paths.first().backend.serviceName;
            if (!backend.isEmpty() && depth < 3) {
                const QString serviceId = topologyNodeId(TopologyKind::Service, ns, backend);
                dependsOn(self, serviceId);
                if (const KubeObjectPtr service = m_objects.value(serviceId))
                    return groupOf(*service, self, depth + 1);
            }
        }
        break;
    case Kind::HorizontalPodAutoscaler:
        if (const HpaData *hpa = object.hpa()) {
            TopologyKind kind;
            if (depth < 3 && topologyKindFromName(hpa->targetKind, &kind)) {
                const QString targetId = topologyNodeId(kind, ns, hpa->targetName);
                dependsOn(self, targetId);
                if (const KubeObjectPtr target = m_objects.value(targetId))
                    return groupOf(*target, self, depth + 1);
            }
        }
        break;
    case Kind::PersistentVolume:
        if (const PvData *pv = object.as<PvData>()) {
            const QString claimId
                = topologyNodeId(TopologyKind::Pvc, pv->claimNamespace, pv->claimName);
            dependsOn(self, claimId);
            if (const KubeObjectPtr claim = m_objects.value(claimId); claim && depth < 3)
                return groupOf(*claim, self, depth + 1);
        }
        break;
    case Kind::PersistentVolumeClaim:
    case Kind::ConfigMap:
    case Kind::Secret: {
        const QString id = nodeIdOf(object);
        const QSet<QString> referrers = m_referrers.value(id);
        if (!referrers.isEmpty() && depth < 3) {
            const QString first = *std::min_element(referrers.cbegin(), referrers.cend());
            dependsOn(self, first);
            if (const KubeObjectPtr workload = m_objects.value(first))
                return groupOf(*workload, self, depth + 1);
        }
        break;
    }
    default: break;
    }
    return {};
}

bool TopologyBuilder::computeNode(const KubeObject &object, TopologyNode &node,
                                  QList<TopologyEdge> &edges, QList<TopologyNode> &extras)
{
    const QString &ns = object.namespaceName;
    node.kind = *topologyKindOf(object.kind);
    if (node.id.isEmpty()) // recompute() passes the index's id: one string for both
        node.id = topologyNodeId(node.kind, ns, object.name);
    node.ns = ns;
    node.name = object.name;
    node.home = ns;
    node.system = m_options.systemNamespaces.contains(ns);
    node.labels = object.labels;
    node.group = groupOf(object, node.id);
    if (m_options.groupByNode && object.kind == Kind::Pod) {
        // Where pods run rather than what they belong to; their owners keep the
        // application groups, the owner → pod edges show the link.
        const PodData *pod = object.pod();
        node.group = pod && !pod->nodeName.isEmpty() ? tr("node %1").arg(pod->nodeName)
                                                     : tr("not scheduled");
    }
    node.owner = ownerIdOf(object);
    if (const auto owner = m_objects.constFind(node.owner); owner != m_objects.cend())
        node.owner = owner.key(); // shared with the index, not one copy per pod
    const bool terminating = object.deletionTimestamp != 0;

    if (!node.owner.isEmpty())
        edges.append(TopologyEdge{node.owner, node.id, TopologyEdgeType::Owns, {}, true});

    switch (object.kind) {
    case Kind::Pod: {
        const PodData *pod = object.pod();
        if (!pod)
            return false;
        node.status = terminating ? QStringLiteral("Terminating") : pod->status;
        if (node.status.isEmpty())
            node.status = pod->phase;
        node.ready = pod->readyContainers;
        node.desired = pod->totalContainers;
        node.restarts = pod->restarts;
        node.podReady
            = conditionTrue(pod->conditions, QStringLiteral("Ready"))
              || (pod->conditions.isEmpty() && pod->phase == QLatin1String("Running")
                  && pod->totalContainers > 0 && pod->readyContainers == pod->totalContainers);
        if (terminating || node.status == QLatin1String("Terminating"))
            node.health = TopologyHealth::Terminating;
        else if (pod->phase == QLatin1String("Failed") || isFailureReason(node.status))
            node.health = TopologyHealth::Failed;
        else if (pod->phase == QLatin1String("Succeeded")
                 || node.status == QLatin1String("Completed"))
            node.health = TopologyHealth::Succeeded;
        else if (pod->phase == QLatin1String("Pending"))
            node.health = TopologyHealth::Progressing;
        else if (pod->phase == QLatin1String("Running"))
            node.health = node.podReady ? TopologyHealth::Healthy : TopologyHealth::Warning;
        node.detail = pod->nodeName;
        if (!node.owner.isEmpty() && m_collapsed.contains(node.owner))
            node.collapsedInto = topologyNodeId(TopologyKind::PodGroup, ns,
                                                node.owner.section(QLatin1Char('/'), -1));
        // Services select pods: the pod states the edge so that a pod update is local.
        appendSelectEdges(object, node, node.podReady && !terminating, edges);
        for (const QString &claim : pod->spec.claimRefs())
            edges.append(TopologyEdge{node.id,
                                      topologyNodeId(TopologyKind::Pvc, ns, claim),
                                      TopologyEdgeType::Mounts,
                                      {},
                                      true});
        if (m_options.showConfig) {
            for (const QString &map : pod->spec.configMapRefs())
                edges.append(TopologyEdge{node.id,
                                          topologyNodeId(TopologyKind::ConfigMap, ns, map),
                                          TopologyEdgeType::Uses,
                                          {},
                                          true});
            for (const QString &secret : pod->spec.secretRefs())
                edges.append(TopologyEdge{node.id,
                                          topologyNodeId(TopologyKind::Secret, ns, secret),
                                          TopologyEdgeType::Uses,
                                          {},
                                          true});
        }
        if (m_options.showNodes && !pod->nodeName.isEmpty())
            edges.append(TopologyEdge{topologyNodeId(TopologyKind::Node, {}, pod->nodeName),
                                      node.id,
                                      TopologyEdgeType::Runs,
                                      {},
                                      true});
        break;
    }
    case Kind::Deployment:
    case Kind::ReplicaSet:
    case Kind::StatefulSet:
    case Kind::DaemonSet: {
        const WorkloadData *w = object.workload();
        if (!w)
            return false;
        if (object.kind == Kind::ReplicaSet && m_options.hideIdleReplicaSets && w->desired == 0
            && w->current == 0 && m_podsByOwner.value(node.id).isEmpty())
            return false;
        node.ready = w->ready;
        node.desired = w->desired;
        node.status = QStringLiteral("%1/%2").arg(w->ready).arg(w->desired);
        const bool rolling
            = (object.kind == Kind::Deployment || object.kind == Kind::StatefulSet)
              && (w->updated < w->desired || w->current > w->desired
                  || (object.generation > 0 && w->observedGeneration < object.generation));
        if (terminating)
            node.health = TopologyHealth::Terminating;
        else if (rolling)
            node.health = TopologyHealth::Progressing;
        else if (w->ready >= w->desired)
            node.health = TopologyHealth::Healthy;
        else
            // Not all ready, degraded: amber, never red. The status alone cannot tell pods
            // that are starting from pods that fail; the pods say which (a failing pod is red)
            // and a whole cluster starting up does not read as an outage.
            node.health = TopologyHealth::Warning;
        if (object.kind == Kind::ReplicaSet)
            node.detail = tr("revision %1").arg(w->revision);
        else if (rolling)
            node.detail = tr("rolling out: %1 of %2 updated").arg(w->updated).arg(w->desired);
        else
            node.detail = w->strategy;
        break;
    }
    case Kind::Job: {
        const JobData *job = object.as<JobData>();
        if (!job)
            return false;
        node.status = job->statusText();
        node.ready = job->succeeded;
        node.desired = job->completions;
        node.detail = tr("%1 active, %2 succeeded, %3 failed")
                          .arg(job->active)
                          .arg(job->succeeded)
                          .arg(job->failed);
        if (node.status == QLatin1String("Complete"))
            node.health = TopologyHealth::Succeeded;
        else if (node.status == QLatin1String("Failed"))
            node.health = TopologyHealth::Failed;
        else
            node.health = job->failed > 0 ? TopologyHealth::Warning : TopologyHealth::Progressing;
        break;
    }
    case Kind::CronJob: {
        const CronJobData *cronJob = object.as<CronJobData>();
        if (!cronJob)
            return false;
        node.status = cronJob->schedule;
        node.detail
            = cronJob->suspend ? tr("suspended") : tr("%n active", nullptr, cronJob->active);
        node.health = cronJob->suspend ? TopologyHealth::Warning : TopologyHealth::Healthy;
        break;
    }
    case Kind::Service: {
        const ServiceData *service = object.service();
        if (!service)
            return false;
        node.status = service->type;
        QStringList ports;
        for (const ServicePort &port : service->ports)
            ports << (port.nodePort ? QStringLiteral("%1:%2").arg(port.port).arg(port.nodePort)
                                    : QString::number(port.port));
        node.detail = service->clusterIP + QLatin1Char(' ') + ports.join(QLatin1Char(','));
        const KubeObjectPtr endpoints = m_endpoints.value(object.key());
        if (service->selector.isEmpty() && !endpoints) {
            node.health = TopologyHealth::Unknown;
        } else if (const EndpointsData *data
                   = endpoints ? endpoints->as<EndpointsData>() : nullptr) {
            int ready = 0;
            for (const EndpointAddress &address : data->addresses)
                ready += address.ready ? 1 : 0;
            node.ready = ready;
            node.desired = int(data->addresses.size());
            node.health = ready > 0 ? TopologyHealth::Healthy : TopologyHealth::Warning;
        } else {
            node.health = TopologyHealth::Healthy;
        }
        // The way in from outside the cluster.
        const bool lb = service->type == QLatin1String("LoadBalancer");
        if (lb || service->type == QLatin1String("NodePort")) {
            TopologyNode entry;
            entry.kind = TopologyKind::External;
            entry.ns = ns;
            entry.home = ns;
            entry.group = node.group;
            entry.system = node.system;
            entry.name = object.name;
            entry.id
                = topologyNodeId(TopologyKind::External, ns, QStringLiteral("svc:") + object.name);
            if (lb) {
                entry.status = QStringLiteral("LoadBalancer");
                entry.detail = service->loadBalancerIngress.isEmpty()
                                   ? tr("address pending")
                                   : service->loadBalancerIngress.join(QLatin1Char(','));
                entry.health = service->loadBalancerIngress.isEmpty() ? TopologyHealth::Progressing
                                                                      : TopologyHealth::Healthy;
            } else {
                entry.status = QStringLiteral("NodePort");
                QStringList nodePorts;
                for (const ServicePort &port : service->ports) {
                    if (port.nodePort)
                        nodePorts << QLatin1Char(':') + QString::number(port.nodePort);
                }
                entry.detail = nodePorts.join(QLatin1Char(' '));
                entry.health = TopologyHealth::Healthy;
            }
            extras.append(entry);
            edges.append(
                TopologyEdge{entry.id, node.id, TopologyEdgeType::Exposes, entry.status, true});
        }
        break;
    }
    case Kind::Ingress: {
        const IngressData *ingress = object.ingress();
        if (!ingress)
            return false;
        node.status = ingress->ingressClass;
        node.detail = ingress->hosts.join(QLatin1Char(','));
        node.health = TopologyHealth::Healthy;
        QSet<QString> seen;
        auto route = [&](const IngressBackend &backend, const QString &label) {
            if (backend.serviceName.isEmpty())
                return;
            const QString target = topologyNodeId(TopologyKind::Service, ns, backend.serviceName);
            const QString key = target + QLatin1Char('\n') + label;
            if (seen.contains(key))
                return;
            seen.insert(key);
            edges.append(TopologyEdge{node.id, target, TopologyEdgeType::Route, label, true});
        };
        for (const IngressPath &path : ingress->paths)
            route(path.backend,
                  path.host + (path.path.isEmpty() ? QStringLiteral("/") : path.path));
        route(ingress->defaultBackend, QStringLiteral("default"));
        TopologyNode entry;
        entry.kind = TopologyKind::External;
        entry.ns = ns;
        entry.home = ns;
        entry.group = node.group;
        entry.system = node.system;
        entry.name = ingress->hosts.isEmpty() ? object.name : ingress->hosts.join(QLatin1Char(','));
        entry.id = topologyNodeId(TopologyKind::External, ns, QStringLiteral("ing:") + object.name);
        entry.status = ingress->hosts.isEmpty() ? tr("any host") : tr("HTTP(S)");
        entry.detail = ingress->loadBalancerIngress.join(QLatin1Char(','));
        entry.health = TopologyHealth::Healthy;
        extras.append(entry);
        edges.append(TopologyEdge{entry.id, node.id, TopologyEdgeType::Exposes, {}, true});
        break;
    }
    case Kind::HorizontalPodAutoscaler: {
        const HpaData *hpa = object.hpa();
        if (!hpa)
            return false;
        node.ready = hpa->currentReplicas;
        node.desired = hpa->desiredReplicas;
        node.maxReplicas = hpa->maxReplicas;
        node.status = QStringLiteral("%1–%2").arg(hpa->minReplicas).arg(hpa->maxReplicas);
        QStringList metrics;
        for (const HpaMetric &metric : hpa->metrics)
            metrics << metricText(metric);
        node.detail = metrics.join(QStringLiteral(", "));
        const bool scaling = hpa->desiredReplicas != hpa->currentReplicas;
        node.health = scaling ? TopologyHealth::Progressing : TopologyHealth::Healthy;
        if (!hpa->conditions.isEmpty()
            && !conditionTrue(hpa->conditions, QStringLiteral("AbleToScale")))
            node.health = TopologyHealth::Warning;
        TopologyKind targetKind;
        if (topologyKindFromName(hpa->targetKind, &targetKind)) {
            QString label
                = QStringLiteral("%1/%2").arg(hpa->currentReplicas).arg(hpa->desiredReplicas);
            if (!metrics.isEmpty())
                label += QStringLiteral(" · ") + metrics.first();
            edges.append(TopologyEdge{node.id, topologyNodeId(targetKind, ns, hpa->targetName),
                                      TopologyEdgeType::Scales, label, true});
        }
        break;
    }
    case Kind::PersistentVolumeClaim: {
        const PvcData *pvc = object.as<PvcData>();
        if (!pvc)
            return false;
        node.status = pvc->phase;
        node.detail = (pvc->capacity.isEmpty() ? pvc->requested : pvc->capacity) + QLatin1Char(' ')
                      + pvc->storageClass;
        node.health = pvc->phase == QLatin1String("Bound")  ? TopologyHealth::Healthy
                      : pvc->phase == QLatin1String("Lost") ? TopologyHealth::Failed
                                                            : TopologyHealth::Progressing;
        if (!pvc->volumeName.isEmpty())
            edges.append(TopologyEdge{node.id,
                                      topologyNodeId(TopologyKind::Pv, {}, pvc->volumeName),
                                      TopologyEdgeType::Binds,
                                      {},
                                      true});
        break;
    }
    case Kind::PersistentVolume: {
        const PvData *pv = object.as<PvData>();
        if (!pv)
            return false;
        node.home = pv->claimNamespace;
        node.system = m_options.systemNamespaces.contains(node.home);
        node.status = pv->phase;
        node.detail = pv->capacity + QLatin1Char(' ') + pv->source;
        node.health
            = (pv->phase == QLatin1String("Bound") || pv->phase == QLatin1String("Available"))
                  ? TopologyHealth::Healthy
              : pv->phase == QLatin1String("Failed") ? TopologyHealth::Failed
                                                     : TopologyHealth::Warning;
        break;
    }
    case Kind::ConfigMap:
    case Kind::Secret: {
        if (!m_options.showConfig)
            return false;
        // Only configuration something uses: every namespace has kube-root-ca.crt and
        // token secrets that would drown the diagram.
        if (m_referrers.value(node.id).isEmpty())
            return false;
        QStringList keys;
        if (const ConfigMapData *map = object.as<ConfigMapData>())
            keys = map->keys;
        else if (const SecretData *secret = object.as<SecretData>())
            keys = secret->keys;
        node.status = tr("%n key(s)", nullptr, int(keys.size()));
        if (const SecretData *secret = object.as<SecretData>())
            node.detail = secret->type;
        node.health = TopologyHealth::Healthy;
        break;
    }
    case Kind::Node: {
        if (!m_options.showNodes)
            return false;
        const NodeData *data = object.node();
        if (!data)
            return false;
        node.home.clear();
        node.group = QStringLiteral("nodes");
        node.status = data->statusText();
        node.detail = data->kubeletVersion;
        node.health = data->ready ? TopologyHealth::Healthy : TopologyHealth::Failed;
        break;
    }
    default: return false;
    }
    return true;
}

void TopologyBuilder::recompute(const QString &id)
{
    const TopologyNode *old = m_graph->node(id);
    const QString oldGroup = old ? old->home + QLatin1Char('\n') + old->group : QString();
    const bool existed = old != nullptr;

    TopologyNode node;
    QList<TopologyEdge> edges;
    QList<TopologyNode> extras;
    const auto found = m_objects.constFind(id);
    const KubeObjectPtr object = found == m_objects.cend() ? nullptr : found.value();
    if (object)
        node.id = found.key();
    const bool shown = object && computeNode(*object, node, edges, extras);

    QStringList extraIds;
    for (const TopologyNode &extra : std::as_const(extras)) {
        m_graph->setNode(extra);
        extraIds << extra.id;
    }
    for (const QString &gone : m_extras.value(id)) {
        if (!extraIds.contains(gone))
            m_graph->removeNode(gone);
    }
    if (extraIds.isEmpty())
        m_extras.remove(id);
    else
        m_extras.insert(id, extraIds);

    if (!shown) {
        m_graph->removeNode(id);
        m_graph->setEdges(id, {});
    } else {
        m_graph->setNode(node);
        m_graph->setEdges(id, std::move(edges));
        if (node.kind == TopologyKind::Pod && !node.owner.isEmpty())
            m_dirtyOwners.insert(node.owner);
    }
    const QString newGroup = shown ? node.home + QLatin1Char('\n') + node.group : QString();
    if (existed != shown || oldGroup != newGroup) {
        for (const QString &dependent : m_dependents.value(id)) {
            if (!m_pending.contains(dependent))
                m_dirty.insert(dependent);
        }
    }
}

void TopologyBuilder::refreshCollapse(const QString &ownerId)
{
    const QSet<QString> pods = m_podsByOwner.value(ownerId);
    const bool collapse
        = pods.size() > m_options.podGroupThreshold && !m_expanded.contains(ownerId);
    if (collapse == m_collapsed.contains(ownerId))
        return;
    if (collapse)
        m_collapsed.insert(ownerId);
    else
        m_collapsed.remove(ownerId);
    for (const QString &pod : pods)
        m_dirty.insert(pod);
}

void TopologyBuilder::updatePodGroup(const QString &ownerId)
{
    const QString ns = ownerId.section(QLatin1Char('/'), 1, 1);
    const QString name = ownerId.section(QLatin1Char('/'), 2);
    const QString id = topologyNodeId(TopologyKind::PodGroup, ns, name);
    if (!m_collapsed.contains(ownerId)) {
        m_graph->removeNode(id);
        return;
    }
    TopologyNode group;
    group.id = id;
    group.kind = TopologyKind::PodGroup;
    group.ns = ns;
    group.name = name;
    group.owner = ownerId;
    group.health = TopologyHealth::Succeeded;
    int total = 0, ready = 0, restarts = 0;
    for (const QString &podId : m_podsByOwner.value(ownerId)) {
        const TopologyNode *pod = m_graph->node(podId);
        if (!pod)
            continue;
        group.home = pod->home;
        group.group = pod->group;
        group.system = pod->system;
        ++group.counts[size_t(pod->health)];
        ++total;
        ready += pod->podReady ? 1 : 0;
        restarts += pod->restarts;
        if (healthSeverity(pod->health) > healthSeverity(group.health))
            group.health = pod->health;
    }
    group.ready = ready;
    group.desired = total;
    group.restarts = restarts;
    group.status = tr("%n pod(s)", nullptr, total);
    QStringList parts;
    for (int h = 0; h < TopologyHealthCount; ++h) {
        if (group.counts[size_t(h)] > 0)
            parts << QStringLiteral("%1 %2")
                         .arg(group.counts[size_t(h)])
                         .arg(topologyHealthName(TopologyHealth(h)));
    }
    group.detail = parts.join(QStringLiteral(" · "));
    m_graph->setNode(group);
    m_graph->setEdges(id, {TopologyEdge{ownerId, id, TopologyEdgeType::Owns, {}, true}});
}

void TopologyBuilder::rebuildDirty()
{
    for (const QString &owner : QSet<QString>(m_dirtyOwners))
        refreshCollapse(owner);
    // Group changes propagate through m_dependents; each node changes group at most once
    // per round, so this settles. The bound guards against a reference cycle.
    // Owners before what they own (workloads, then replica sets and jobs, then pods, then
    // what pods reference): a dependent still pending in this round sees its owner's new
    // group anyway, so it is not queued again.
    const auto order = [](const QString &id) {
        const QStringView kind = QStringView(id).left(id.indexOf(QLatin1Char('/')));
        if (kind == u"Deployment" || kind == u"StatefulSet" || kind == u"DaemonSet"
            || kind == u"CronJob")
            return 0;
        if (kind == u"ReplicaSet" || kind == u"Job")
            return 1;
        if (kind == u"Service")
            return 2;
        return kind == u"Pod" ? 3 : 4;
    };
    for (int round = 0; round < 8 && !m_dirty.isEmpty(); ++round) {
        std::vector<std::pair<int, QString>> dirty;
        dirty.reserve(m_dirty.size());
        for (const QString &id : std::as_const(m_dirty))
            dirty.emplace_back(order(id), id);
        std::stable_sort(dirty.begin(), dirty.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        m_pending = std::exchange(m_dirty, {});
        for (const auto &entry : dirty) {
            m_pending.remove(entry.second);
            recompute(entry.second);
        }
    }
    m_pending.clear();
    m_dirty.clear();
    for (const QString &owner : std::as_const(m_dirtyOwners))
        updatePodGroup(owner);
    m_dirtyOwners.clear();
}

} // namespace Orrery
