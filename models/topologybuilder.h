// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/changebatch.h"
#include "kube/kubeobject.h"
#include "topologygraph.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <array>

namespace Orrery {

// Turns typed store objects into a TopologyGraph and keeps it current from change batches.
//
// The builder keeps its own index of the objects (shared pointers, no copies) so it can be
// fed by a ResourceStore, a test or an export command alike. An update recomputes only the
// nodes a change can affect: the changed objects, what depends on them for grouping (an
// HPA on its target, pods on their owner), the pods of a namespace whose Services changed,
// and the pod group of the owners whose pods changed. Cost is proportional to the change.
class TopologyBuilder
{
    Q_DECLARE_TR_FUNCTIONS(Orrery::TopologyBuilder)

public:
    struct Options
    {
        int podGroupThreshold = 8;       // more pods than this under one owner: one PodGroup node
        bool showConfig = true;          // ConfigMaps and Secrets
        bool showNodes = false;          // cluster Nodes with Node → Pod edges
        bool groupByNode = false;        // pods boxed by the Node they run on, not by application
        bool hideIdleReplicaSets = true; // old ReplicaSets scaled to zero without pods
        QStringList systemNamespaces{QStringLiteral("kube-system"), QStringLiteral("kube-public"),
                                     QStringLiteral("kube-node-lease")};
    };

    explicit TopologyBuilder(TopologyGraph *graph);

    const Options &options() const { return m_options; }
    void setOptions(const Options &options); // rebuilds

    // Replaces everything with `objects`.
    void reset(const QList<KubeObjectPtr> &objects);
    // Takes over what `built` built (its index, options and its graph's nodes, edges and
    // pending delta, moved into this builder's graph). The way a large cluster's graph is
    // built on a worker thread: a builder and graph of its own there, reset(), then handed to
    // the GUI thread's builder whole (TopologyPage); `built` is left empty.
    void adopt(TopologyBuilder &&built);
    void apply(const ChangeBatch &batch);

    // PodGroup expansion: `ownerId` is the node id of the pods' owner (e.g. a ReplicaSet).
    void setExpanded(const QString &ownerId, bool expanded);
    bool isExpanded(const QString &ownerId) const { return m_expanded.contains(ownerId); }
    bool isCollapsed(const QString &ownerId) const { return m_collapsed.contains(ownerId); }
    const QSet<QString> &expandedOwners() const { return m_expanded; }
    // Before reset(): the owners whose pods stay expanded (a rebuild keeps the user's choice).
    void setExpandedOwners(const QSet<QString> &owners) { m_expanded = owners; }

    TopologyGraph *graph() const { return m_graph; }
    KubeObjectPtr object(const QString &nodeId) const;

    // The application group of an object from its own labels: app.kubernetes.io/part-of,
    // the Helm release, app.kubernetes.io/instance, app.kubernetes.io/name, app, k8s-app.
    static QString applicationOf(const KubeObject &object);
    static bool isTopologyKind(Kind kind);
    static QString nodeIdOf(const KubeObject &object);

private:
    void indexObject(const KubeObjectPtr &object, const KubeObjectPtr &previous, bool removed);
    void rebuildDirty();
    void recompute(const QString &id);
    bool computeNode(const KubeObject &object, TopologyNode &node, QList<TopologyEdge> &edges,
                     QList<TopologyNode> &extras);
    QString groupOf(const KubeObject &object, const QString &self, int depth = 0);
    QString ownerIdOf(const KubeObject &object) const;
    void updatePodGroup(const QString &ownerId);
    void refreshCollapse(const QString &ownerId);
    void dependsOn(const QString &dependent, const QString &id);
    QStringList referencesOf(const KubeObject &object) const;
    KubeObjectPtr lookup(TopologyKind kind, const QString &ns, const QString &name) const;
    void indexSelector(const QString &serviceId, const KubeObject *service, bool add);
    void appendSelectEdges(const KubeObject &pod, const TopologyNode &node, bool active,
                           QList<TopologyEdge> &edges) const;

    TopologyGraph *m_graph;
    Options m_options;
    QHash<QString, KubeObjectPtr> m_objects;             // node id → object
    QHash<QString, KubeObjectPtr> m_endpoints;           // "ns/name" → Endpoints
    QHash<QString, QSet<QString>> m_podsByNamespace;     // ns → pod ids
    QHash<QString, QSet<QString>> m_servicesByNamespace; // ns → service ids
    // "ns\nkey=value" of a Service selector's first (smallest) key → those Services: a pod
    // looks up its own labels here instead of testing every Service of its namespace (at
    // 150,000 pods, 100 Services a namespace made that the builder's largest cost).
    QHash<QString, QList<QString>> m_servicesBySelector;
    QHash<QString, QSet<QString>> m_podsByOwner; // owner id → pod ids
    QHash<QString, QSet<QString>> m_dependents;  // id → ids whose group uses it
    QHash<QString, QSet<QString>> m_referrers;   // claim/config id → workload ids
    QHash<QString, QStringList> m_references;    // workload id → what it references
    QHash<QString, QStringList> m_extras;        // producer → extra node ids
    QSet<QString> m_expanded;
    QSet<QString> m_collapsed;
    QSet<QString> m_dirty;
    QSet<QString> m_pending; // still to recompute in the current round
    QSet<QString> m_dirtyOwners;
    bool m_resetting = false; // in reset(): every node is dirty already
};

} // namespace Orrery
