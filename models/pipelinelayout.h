// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pipelines/pipelinerun.h>

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace Orrery {

// The run diagram's graph and its left-to-right layout, without any drawing (views/ draws it).
//
// Nodes: one per job, except that the jobs of a matrix group (PipelineJob::group, two jobs or
// more) collapse into one node unless the group is expanded.
// Edges: from `needs` (a job that needs another is drawn after it); a job without `needs` that
// has a stage waits for every node of the previous stage (GitLab's stage order, Jenkins' parallel
// branches under their stage). Unknown ids in `needs` are ignored.
// Ranks: the layered longest-path layout: a node's rank is one more than the highest rank of
// the nodes it needs, so parallel branches share a rank and sit side by side (one above the
// other). Cycles in `needs` (malformed input) are tolerated: the edges closing a cycle are found
// by a depth-first search, kept as `back` edges and ignored for ranking.
// Rows: inside a rank, nodes are ordered by the mean row of what they need (barycentre), then
// by the provider's order, so edges cross little and the order is stable across polls.
//
// The critical path (updateCriticalPath) is the chain of nodes with the longest total duration
// from a first node to a last one; it changes while jobs run, without relayout.
class PipelineLayout
{
public:
    struct Node
    {
        QString key;     // job id, or "group:" + group name
        QString group;   // the matrix group of a collapsed group node, else empty
        QList<int> jobs; // rows in the run's jobs (one unless a collapsed group)
        int rank = 0;
        int row = 0;
        qint64 seconds = -1; // duration (a group: from its first start to its last finish)
        bool critical = false;
        bool isGroup() const { return !group.isEmpty(); }
    };
    struct Edge
    {
        int from = 0;
        int to = 0;
        bool back = false; // closes a cycle in `needs`: drawn, not ranked
        bool critical = false;
    };

    // Builds nodes, edges, ranks and rows from the jobs; expanded matrix groups show their
    // jobs one by one.
    void build(const QList<PipelineJob> &jobs, const QSet<QString> &expandedGroups = {});
    // Durations at `now` and the critical path; returns the nodes whose `critical` flag or
    // duration changed (criticalChanged() says whether the path itself moved).
    QList<int> updateCriticalPath(const QList<PipelineJob> &jobs, const QDateTime &now);
    bool criticalChanged() const { return m_criticalChanged; }

    const QList<Node> &nodes() const { return m_nodes; }
    const QList<Edge> &edges() const { return m_edges; }
    int rankCount() const { return m_rankCount; }
    int rowsInRank(int rank) const { return m_rowsInRank.value(rank); }
    int maxRows() const;
    bool hasCycle() const { return m_hasCycle; }
    // The node drawing a job (its group's when collapsed); -1 unknown.
    int nodeOfJob(const QString &jobId) const { return m_nodeOfJob.value(jobId, -1); }
    int nodeOfKey(const QString &key) const { return m_nodeOfKey.value(key, -1); }
    // Node indices in rank order, each rank's nodes by row.
    QList<int> nodesInRank(int rank) const;
    // Keys of the critical nodes, first to last.
    QStringList criticalPath() const;

    // The aggregated status of a group node: running while any member runs or waits, failed
    // once all are done and one failed, ...
    static PipelineStatus aggregateStatus(const QList<PipelineJob> &jobs, const QList<int> &rows);

private:
    QList<Node> m_nodes;
    QList<Edge> m_edges;
    QHash<QString, int> m_nodeOfJob;
    QHash<QString, int> m_nodeOfKey;
    QList<int> m_rowsInRank;
    QList<int> m_topoOrder;
    int m_rankCount = 0;
    bool m_hasCycle = false;
    bool m_criticalChanged = false;
};

} // namespace Orrery
