// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "monitoring/alert.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Orrery {

// Alerts of one severity band, counted (per namespace, per object).
struct AlertCounts
{
    int critical = 0;
    int warning = 0;
    int info = 0;
    int total() const { return critical + warning + info; }
    AlertSeverity worst() const
    {
        return critical  ? AlertSeverity::Critical
               : warning ? AlertSeverity::Warning
               : info    ? AlertSeverity::Info
                         : AlertSeverity::None;
    }
    bool operator==(const AlertCounts &) const = default;
};

// Attaches alerts to the Kubernetes objects their labels name, so the topology, the tables
// and the details pane can show a badge per object. A value built from one Alertmanager
// answer (cheap to rebuild on each poll); it never looks at the cluster.
//
// Object keys have MetricsHistory's form: "KIND/NS/NAME" for namespaced objects,
// "KIND/NAME" for cluster-scoped ones, KIND lowercase and singular (objectKey()):
//   namespace/NS, node/NAME, pod/NS/NAME, deployment/NS/NAME, statefulset/NS/NAME,
//   daemonset/NS/NAME, replicaset/NS/NAME, job/NS/NAME, cronjob/NS/NAME, service/NS/NAME,
//   horizontalpodautoscaler/NS/NAME, persistentvolumeclaim/NS/NAME.
//
// The attachment rule (attachments()), from the label names Prometheus' Kubernetes service
// discovery and kube-state-metrics use:
//  - The namespace is `exported_namespace` when present, else `namespace`. When
//    `exported_namespace` is present, Prometheus renamed the series' own labels because
//    they clashed with the scrape target's (honor_labels false): `namespace`, `pod` and
//    `service` then describe the exporter that was scraped, not the object, and the
//    object's are `exported_pod` and `exported_service`.
//  - Namespaced objects, each with the namespace above (none without a namespace):
//    pod (`pod`, see above), service (`service`, see above), deployment, statefulset,
//    daemonset, replicaset, cronjob, horizontalpodautoscaler, persistentvolumeclaim (labels
//    of those names), and job from `job_name` (kube-state-metrics' label). The `job` label
//    is never a Kubernetes Job: Prometheus sets it to the scrape job's name on every series.
//  - The namespace itself: namespace/NS whenever there is a namespace.
//  - Node: `node` (or `exported_node`); else `instance` when setNodeAddresses() knows it:
//    "host:port" or "host" whose host is a node's name or one of its addresses
//    (node-exporter's targets are node IPs). Without that table `instance` is not used (it
//    usually names an exporter's endpoint, not a node).
//  - An alert naming none of these is attached to nothing (unattached()): a cluster-wide
//    alert (Watchdog, a control-plane component) shown on its own.
// An alert attaches only to the objects its labels name; rolling a pod's alert up to its
// Deployment is the caller's (it knows the owner references). A key may name an object that
// does not exist (an exporter's Service); looking it up then finds nothing.
class AlertIndex
{
public:
    AlertIndex() = default;
    explicit AlertIndex(QList<Alert> alerts);

    // Replaces the alerts (and rebuilds the index).
    void setAlerts(QList<Alert> alerts);
    // Node name -> itself and each of its addresses (InternalIP, ExternalIP, Hostname),
    // used to read `instance` labels; rebuilds the index.
    void setNodeAddresses(const QHash<QString, QStringList> &addressesByNode);

    const QList<Alert> &alerts() const { return m_alerts; }
    bool isEmpty() const { return m_alerts.isEmpty(); }

    // "pod/NS/NAME" for a namespaced kind, "node/NAME" when `ns` is empty; `kind` is
    // lowercased ("Deployment" -> "deployment").
    static QString objectKey(const QString &kind, const QString &ns, const QString &name);
    // The keys `alert` attaches to by the rule above, without the node address table.
    static QStringList attachments(const Alert &alert);
    // The same with this index's node address table.
    QStringList keysOf(const Alert &alert) const;

    // The alerts attached to `key`, in the order given to setAlerts (Alertmanager's).
    QList<Alert> alertsFor(const QString &key) const;
    // Indices into alerts() of the same.
    QList<int> indicesFor(const QString &key) const;
    // The worst severity among them (None when there is no alert).
    AlertSeverity worstSeverity(const QString &key) const;
    AlertCounts countsFor(const QString &key) const;
    // Every key with at least one alert.
    QStringList keys() const { return m_byKey.keys(); }

    // Alerts per namespace (each alert counted once, in its namespace), and in one.
    const QMap<QString, AlertCounts> &namespaceCounts() const { return m_namespaceCounts; }
    AlertCounts countsInNamespace(const QString &ns) const { return m_namespaceCounts.value(ns); }

    // The alerts attached to no object.
    QList<Alert> unattached() const;

private:
    void rebuild();

    QList<Alert> m_alerts;
    QHash<QString, QString> m_nodeByAddress;
    QMap<QString, QList<int>> m_byKey;
    QMap<QString, AlertCounts> m_namespaceCounts;
    QList<int> m_unattached;
};

} // namespace Orrery
