// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kubekind.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <variant>

namespace Orrery {

// The compact typed representation of the objects the store keeps: what tables, the topology
// and the details pane need, never whole JSON documents (a full object is fetched on demand
// with ClusterSession::fetchObject). The payload structs below are plain data and live here
// together because they only make sense as parts of a KubeObject.
//
// Invariants: objects are immutable once decoded and shared as KubeObjectPtr between the
// worker that decoded them and the GUI thread; repeated strings (namespaces, label keys,
// images, node names) are interned per informer, so equal strings share storage.
// Timestamps are seconds since the Unix epoch, 0 when unset.
using Timestamp = qint64;

struct KeyValue
{
    QString key;
    QString value;
    bool operator==(const KeyValue &) const = default;
};
// Sorted by key; small and cheap to copy compared to a QHash per object.
using KeyValues = QList<KeyValue>;

QString valueOf(const KeyValues &pairs, const QString &key, const QString &fallback = {});
bool containsKey(const KeyValues &pairs, const QString &key);
QHash<QString, QString> toHash(const KeyValues &pairs);

struct OwnerReference
{
    QString apiVersion;
    QString kind;
    QString name;
    QString uid;
    bool controller = false;
};

struct Condition
{
    QString type;
    QString status; // "True", "False", "Unknown"
    QString reason;
    QString message;
    Timestamp lastTransitionTime = 0;
};

// metav1.LabelSelector (matchLabels + matchExpressions). Services use matchLabels only.
struct ObjectSelector
{
    struct Expression
    {
        QString key;
        QString op; // "In", "NotIn", "Exists", "DoesNotExist"
        QStringList values;
    };
    KeyValues matchLabels;
    QList<Expression> matchExpressions;

    bool isEmpty() const { return matchLabels.isEmpty() && matchExpressions.isEmpty(); }
    // An empty selector matches everything (as for workloads); callers that treat an empty
    // Service selector as "no pods" check isEmpty() first.
    bool matches(const KeyValues &labels) const;
    QString toString() const; // "app=web,tier in (a,b)"
};

struct ContainerPort
{
    QString name;
    int containerPort = 0;
    QString protocol; // "TCP"
};

struct ContainerInfo
{
    QString name;
    QString image;
    QList<ContainerPort> ports;
    QString cpuRequest, cpuLimit, memoryRequest, memoryLimit; // quantities as written
    // One-line summaries such as "http-get :8080/healthz delay=5s period=10s"; empty: none.
    QString livenessProbe, readinessProbe, startupProbe;
    QStringList configMapRefs; // from env[].valueFrom and envFrom[]
    QStringList secretRefs;    // names only
};

struct VolumeInfo
{
    enum class Type : quint8 {
        PersistentVolumeClaim,
        ConfigMap,
        Secret,
        EmptyDir,
        HostPath,
        Projected,
        DownwardAPI,
        Other
    };
    QString name;
    Type type = Type::Other;
    QString source; // claim, ConfigMap or Secret name; hostPath path; empty otherwise
};

// The parts of a PodSpec (or a workload's pod template) views show.
struct PodSpecSummary
{
    QList<ContainerInfo> initContainers;
    QList<ContainerInfo> containers;
    QList<VolumeInfo> volumes;
    QString serviceAccount;
    QString priorityClass;

    QStringList configMapRefs() const; // volumes + env, unique
    QStringList secretRefs() const;    // volumes + env + nothing else (no values, ever)
    QStringList claimRefs() const;
};

struct ContainerStatusInfo
{
    QString name;
    bool init = false;
    bool ready = false;
    int restartCount = 0;
    QString state;  // "Running", "Waiting", "Terminated"
    QString reason; // "CrashLoopBackOff", "Completed", ...
    Timestamp lastTerminationTime = 0;
    QString imageID; // status imageID ("repo@sha256:..."), empty until pulled
};

struct NamespaceData
{
    QString phase; // "Active", "Terminating"
};

struct NodeData
{
    bool ready = false;
    bool unschedulable = false;
    QStringList roles; // from node-role.kubernetes.io/<role> labels
    QString kubeletVersion, osImage, architecture, containerRuntime;
    QString internalIP, externalIP, hostname;
    QString cpuCapacity, memoryCapacity, podsCapacity;
    QString cpuAllocatable, memoryAllocatable, podsAllocatable;
    QStringList taints; // "key=value:Effect"
    QString podCIDR;
    QList<Condition> conditions;
    // "Ready", "NotReady", "Ready,SchedulingDisabled" as kubectl prints it.
    QString statusText() const;
};

struct PodData
{
    PodSpecSummary spec;
    QString phase;  // status.phase
    QString status; // what `kubectl get pods` prints: Running, CrashLoopBackOff,
                    // Init:0/2, ContainerCreating, Terminating, Completed, Evicted...
    QString reason, message;
    QString nodeName, podIP, hostIP, qosClass, nominatedNodeName;
    QStringList podIPs;
    int readyContainers = 0;
    int totalContainers = 0;
    int restarts = 0;
    Timestamp lastRestartTime = 0;
    QList<ContainerStatusInfo> containerStatuses; // init containers first
    QList<Condition> conditions;
};

// Deployment, ReplicaSet, StatefulSet and DaemonSet: a pod template plus replica counts.
// For DaemonSets `desired` is desiredNumberScheduled and `current` currentNumberScheduled.
struct WorkloadData
{
    int desired = 0;
    int current = 0;
    int ready = 0;
    int available = 0;
    int updated = 0;
    qint64 observedGeneration = 0;
    ObjectSelector selector;
    KeyValues templateLabels;
    PodSpecSummary podTemplate;
    QString strategy;                        // "RollingUpdate", "Recreate", "OnDelete"
    bool paused = false;                     // Deployment
    QString serviceName;                     // StatefulSet
    QString currentRevision, updateRevision; // StatefulSet/DaemonSet controller revisions
    qint64 revision = 0; // Deployment/ReplicaSet annotation deployment.kubernetes.io/revision
    QList<Condition> conditions;
};

struct JobData
{
    int completions = 1;
    int parallelism = 1;
    int active = 0;
    int succeeded = 0;
    int failed = 0;
    bool suspend = false;
    Timestamp startTime = 0;
    Timestamp completionTime = 0;
    ObjectSelector selector;
    PodSpecSummary podTemplate;
    QList<Condition> conditions;
    QString statusText() const; // "Complete", "Failed", "Running", "Suspended"
};

struct CronJobData
{
    QString schedule;
    QString timeZone;
    bool suspend = false;
    int active = 0;
    Timestamp lastScheduleTime = 0;
    Timestamp lastSuccessfulTime = 0;
    PodSpecSummary podTemplate;
};

struct ServicePort
{
    QString name;
    QString protocol;
    int port = 0;
    QString targetPort; // number or named port, as written
    int nodePort = 0;
};

struct ServiceData
{
    QString type; // ClusterIP, NodePort, LoadBalancer, ExternalName
    QString clusterIP;
    QStringList clusterIPs;
    QStringList externalIPs;
    QStringList loadBalancerIngress; // IPs or hostnames
    QString externalName;
    QString sessionAffinity;
    QList<ServicePort> ports;
    KeyValues selector; // empty: no selector (Endpoints managed by hand)
};

struct EndpointAddress
{
    QString ip;
    QString hostname;
    QString nodeName;
    QString targetKind, targetNamespace, targetName, targetUid;
    bool ready = true;
};

struct EndpointsData
{
    QList<EndpointAddress> addresses; // ready and not-ready, flattened over subsets
    QList<ServicePort> ports;         // `port` holds the endpoint port
};

struct IngressBackend
{
    QString serviceName;
    QString servicePort;                // number or port name
    QString resourceKind, resourceName; // resource backends
};

struct IngressPath
{
    QString host; // empty: any host
    QString path;
    QString pathType;
    IngressBackend backend;
};

struct IngressData
{
    QString ingressClass;     // spec.ingressClassName or the legacy annotation
    QList<IngressPath> paths; // flattened rules[].http.paths[]
    QStringList hosts;
    QList<QPair<QStringList, QString>> tls; // hosts, secretName
    IngressBackend defaultBackend;          // serviceName empty: none
    QStringList loadBalancerIngress;
};

struct HpaMetric
{
    QString type;       // Resource, ContainerResource, Pods, Object, External
    QString name;       // "cpu", metric name
    QString targetType; // Utilization, AverageValue, Value
    QString target;     // "80%", "500m", "100"
    QString current;    // empty when unknown
};

struct HpaData
{
    QString targetApiVersion, targetKind, targetName;
    int minReplicas = 1;
    int maxReplicas = 0;
    int currentReplicas = 0;
    int desiredReplicas = 0;
    Timestamp lastScaleTime = 0;
    QList<HpaMetric> metrics;
    QList<Condition> conditions;
    QString apiVersion; // which autoscaling version was decoded ("autoscaling/v2")
};

struct PvcData
{
    QString phase;
    QString volumeName;
    QString storageClass;
    QString requested; // spec.resources.requests.storage
    QString capacity;  // status.capacity.storage
    QStringList accessModes;
    QString volumeMode;
};

struct PvData
{
    QString phase;
    QString capacity;
    QStringList accessModes;
    QString reclaimPolicy;
    QString storageClass;
    QString claimNamespace, claimName;
    QString volumeMode;
    QString source; // "csi:driver", "hostPath:/x", "nfs:server:/path", ...
};

struct ConfigMapData
{
    QStringList keys; // data and binaryData keys
};

// Secret values are never decoded into the store: only their key names and the type.
struct SecretData
{
    QString type;
    QStringList keys;
};

struct EventData
{
    QString involvedKind, involvedNamespace, involvedName, involvedUid;
    QString reason, message, type; // type "Normal" or "Warning"
    int count = 1;
    Timestamp firstTimestamp = 0;
    Timestamp lastTimestamp = 0; // falls back to eventTime, then creation
    QString source;              // source.component or reportingController
};

struct ControllerRevisionData
{
    qint64 revision = 0;
};

using KubeObjectData
    = std::variant<std::monostate, NamespaceData, NodeData, PodData, WorkloadData, JobData,
                   CronJobData, ServiceData, EndpointsData, IngressData, HpaData, PvcData, PvData,
                   ConfigMapData, SecretData, EventData, ControllerRevisionData>;

struct KubeObject
{
    Kind kind = Kind::Pod;
    QString name;
    QString namespaceName; // empty for cluster-scoped kinds
    QString uid;
    QString resourceVersion;
    qint64 generation = 0;
    Timestamp creationTimestamp = 0;
    Timestamp deletionTimestamp = 0;
    KeyValues labels;
    // kubectl.kubernetes.io/last-applied-configuration is dropped (it is a whole object).
    KeyValues annotations;
    QList<OwnerReference> ownerReferences;
    KubeObjectData data;

    // "namespace/name" or "name": the store's key within a kind.
    QString key() const { return makeKey(namespaceName, name); }
    static QString makeKey(const QString &ns, const QString &name)
    {
        return ns.isEmpty() ? name : ns + QLatin1Char('/') + name;
    }

    QString label(const QString &k) const { return valueOf(labels, k); }
    QString annotation(const QString &k) const { return valueOf(annotations, k); }
    const OwnerReference *controllerRef() const; // ownerReferences[] with controller: true

    template <typename T> const T *as() const { return std::get_if<T>(&data); }
    const PodData *pod() const { return as<PodData>(); }
    const WorkloadData *workload() const { return as<WorkloadData>(); }
    const ServiceData *service() const { return as<ServiceData>(); }
    const IngressData *ingress() const { return as<IngressData>(); }
    const HpaData *hpa() const { return as<HpaData>(); }
    const NodeData *node() const { return as<NodeData>(); }
    const EventData *event() const { return as<EventData>(); }
};

using KubeObjectPtr = std::shared_ptr<const KubeObject>;

QDateTime toDateTime(Timestamp t); // invalid for 0

} // namespace Orrery

Q_DECLARE_METATYPE(Orrery::KubeObjectPtr)
