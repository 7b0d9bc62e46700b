// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinelayout.h"

#include "pipelineformat.h"

#include <algorithm>

namespace Orrery {

void PipelineLayout::build(const QList<PipelineJob> &jobs, const QSet<QString> &expandedGroups)
{
    m_nodes.clear();
    m_edges.clear();
    m_nodeOfJob.clear();
    m_nodeOfKey.clear();
    m_rowsInRank.clear();
    m_topoOrder.clear();
    m_rankCount = 0;
    m_hasCycle = false;

    // Matrix groups with two jobs or more collapse (unless expanded).
    QHash<QString, int> groupSize;
    for (const PipelineJob &job : jobs) {
        if (!job.group.isEmpty())
            ++groupSize[job.group];
    }
    for (int i = 0; i < jobs.size(); ++i) {
        const PipelineJob &job = jobs.at(i);
        const bool collapsed = !job.group.isEmpty() && groupSize.value(job.group) > 1
                               && !expandedGroups.contains(job.group);
        const QString key = collapsed ? QStringLiteral("group:") + job.group : job.id;
        int node = m_nodeOfKey.value(key, -1);
        if (node < 0) {
            node = m_nodes.size();
            Node n;
            n.key = key;
            n.group = collapsed ? job.group : QString();
            m_nodes << n;
            m_nodeOfKey.insert(key, node);
        }
        m_nodes[node].jobs << i;
        m_nodeOfJob.insert(job.id, node);
    }
    const int count = m_nodes.size();

    // Edges: needs, else the previous stage.
    QStringList stageOrder;
    QHash<QString, QList<int>> nodesOfStage;
    for (int i = 0; i < jobs.size(); ++i) {
        const QString &stage = jobs.at(i).stage;
        if (stage.isEmpty())
            continue;
        if (!nodesOfStage.contains(stage))
            stageOrder << stage;
        QList<int> &list = nodesOfStage[stage];
        const int node = m_nodeOfJob.value(jobs.at(i).id);
        if (!list.contains(node))
            list << node;
    }
    QSet<quint64> seen;
    QList<QList<int>> preds(count), succs(count);
    auto addEdge = [&](int from, int to) {
        if (from < 0 || to < 0 || from == to)
            return;
        const quint64 k = (quint64(quint32(from)) << 32) | quint32(to);
        if (seen.contains(k))
            return;
        seen.insert(k);
        m_edges << Edge{from, to};
        succs[from] << to;
        preds[to] << from;
    };
    for (int i = 0; i < jobs.size(); ++i) {
        const PipelineJob &job = jobs.at(i);
        const int to = m_nodeOfJob.value(job.id);
        if (!job.needs.isEmpty()) {
            for (const QString &need : job.needs)
                addEdge(m_nodeOfJob.value(need, -1), to);
        } else if (!job.stage.isEmpty()) {
            const qsizetype s = stageOrder.indexOf(job.stage);
            if (s > 0) {
                for (int from : nodesOfStage.value(stageOrder.at(s - 1)))
                    addEdge(from, to);
            }
        }
    }

    // Back edges (cycles): iterative DFS in node order; an edge to a node on the stack is one.
    QList<int> state(count, 0); // 0 new, 1 on stack, 2 done
    QSet<quint64> back;
    for (int root = 0; root < count; ++root) {
        if (state[root])
            continue;
        QList<QPair<int, int>> stack{{root, 0}};
        state[root] = 1;
        while (!stack.isEmpty()) {
            auto &[v, next] = stack.last();
            if (next < succs[v].size()) {
                const int w = succs[v].at(next++);
                if (state[w] == 1)
                    back.insert((quint64(quint32(v)) << 32) | quint32(w));
                else if (state[w] == 0) {
                    state[w] = 1;
                    stack.append({w, 0});
                }
            } else {
                state[v] = 2;
                stack.removeLast();
            }
        }
    }
    m_hasCycle = !back.isEmpty();
    for (Edge &e : m_edges)
        e.back = back.contains((quint64(quint32(e.from)) << 32) | quint32(e.to));

    // Longest-path ranks over the forward edges (Kahn's order).
    QList<int> indegree(count, 0);
    for (const Edge &e : m_edges) {
        if (!e.back)
            ++indegree[e.to];
    }
    QList<int> queue;
    for (int v = 0; v < count; ++v) {
        if (indegree[v] == 0)
            queue << v;
    }
    for (int head = 0; head < queue.size(); ++head) {
        const int v = queue.at(head);
        m_topoOrder << v;
        for (int w : succs[v]) {
            if (back.contains((quint64(quint32(v)) << 32) | quint32(w)))
                continue;
            m_nodes[w].rank = qMax(m_nodes[w].rank, m_nodes[v].rank + 1);
            if (--indegree[w] == 0)
                queue << w;
        }
    }
    for (const Node &n : m_nodes)
        m_rankCount = qMax(m_rankCount, n.rank + 1);

    // Rows: barycentre of the predecessors' rows, then provider order.
    QList<QList<int>> byRank(m_rankCount);
    for (int v = 0; v < count; ++v)
        byRank[m_nodes[v].rank] << v;
    m_rowsInRank.resize(m_rankCount);
    for (int r = 0; r < m_rankCount; ++r) {
        QList<int> &list = byRank[r];
        QHash<int, double> key;
        for (int v : list) {
            double sum = 0;
            int n = 0;
            for (int p : preds[v]) {
                if (m_nodes[p].rank < r) {
                    sum += m_nodes[p].row;
                    ++n;
                }
            }
            key.insert(v, n ? sum / n : -1.0);
        }
        std::stable_sort(list.begin(), list.end(), [&key](int a, int b) {
            const double ka = key.value(a), kb = key.value(b);
            return ka != kb ? ka < kb : a < b;
        });
        for (int i = 0; i < list.size(); ++i)
            m_nodes[list.at(i)].row = i;
        m_rowsInRank[r] = int(list.size());
    }
}

int PipelineLayout::maxRows() const
{
    int most = 0;
    for (int n : m_rowsInRank)
        most = qMax(most, n);
    return most;
}

QList<int> PipelineLayout::nodesInRank(int rank) const
{
    QList<int> out;
    for (int v = 0; v < m_nodes.size(); ++v) {
        if (m_nodes.at(v).rank == rank)
            out << v;
    }
    std::sort(out.begin(), out.end(),
              [this](int a, int b) { return m_nodes.at(a).row < m_nodes.at(b).row; });
    return out;
}

QStringList PipelineLayout::criticalPath() const
{
    QStringList out;
    for (int v : m_topoOrder) {
        if (m_nodes.at(v).critical)
            out << m_nodes.at(v).key;
    }
    return out;
}

QList<int> PipelineLayout::updateCriticalPath(const QList<PipelineJob> &jobs, const QDateTime &now)
{
    const int count = m_nodes.size();
    QList<int> changed;
    QList<qint64> seconds(count, -1);
    for (int v = 0; v < count; ++v) {
        const Node &n = m_nodes.at(v);
        if (n.jobs.size() == 1) {
            if (n.jobs.first() < jobs.size())
                seconds[v] = PipelineFormat::jobSeconds(jobs.at(n.jobs.first()), now);
            continue;
        }
        QDateTime first, last;
        for (int row : n.jobs) {
            if (row >= jobs.size())
                continue;
            const PipelineJob &job = jobs.at(row);
            if (!job.startedAt.isValid())
                continue;
            if (!first.isValid() || job.startedAt < first)
                first = job.startedAt;
            const QDateTime end = job.finishedAt.isValid()            ? job.finishedAt
                                  : pipelineStatusIsFinal(job.status) ? job.startedAt
                                                                      : now;
            if (!last.isValid() || end > last)
                last = end;
        }
        if (first.isValid())
            seconds[v] = qMax<qint64>(0, first.secsTo(last));
    }
    // Longest weighted path over the forward edges, in topological order.
    QList<qint64> best(count, 0);
    QList<int> via(count, -1);
    QList<QList<int>> preds(count);
    for (int e = 0; e < m_edges.size(); ++e) {
        if (!m_edges.at(e).back)
            preds[m_edges.at(e).to] << e;
    }
    int end = -1;
    for (int v : m_topoOrder) {
        qint64 fromBest = 0;
        for (int e : preds[v]) {
            const int u = m_edges.at(e).from;
            if (via[v] < 0 || best[u] > fromBest) {
                fromBest = best[u];
                via[v] = e;
            }
        }
        best[v] = fromBest + qMax<qint64>(0, seconds[v]);
        if (end < 0 || best[v] > best[end])
            end = v;
    }
    QList<bool> onPath(count, false);
    QList<bool> edgeOnPath(m_edges.size(), false);
    // No path worth highlighting while nothing has run yet.
    if (end >= 0 && best[end] > 0) {
        for (int v = end; v >= 0;) {
            onPath[v] = true;
            const int e = via[v];
            if (e < 0)
                break;
            edgeOnPath[e] = true;
            v = m_edges.at(e).from;
        }
    }
    m_criticalChanged = false;
    for (int e = 0; e < m_edges.size(); ++e) {
        m_criticalChanged = m_criticalChanged || m_edges[e].critical != edgeOnPath[e];
        m_edges[e].critical = edgeOnPath[e];
    }
    for (int v = 0; v < count; ++v) {
        Node &n = m_nodes[v];
        m_criticalChanged = m_criticalChanged || n.critical != onPath[v];
        if (n.critical != onPath[v] || n.seconds != seconds[v]) {
            n.critical = onPath[v];
            n.seconds = seconds[v];
            changed << v;
        }
    }
    return changed;
}

PipelineStatus PipelineLayout::aggregateStatus(const QList<PipelineJob> &jobs,
                                               const QList<int> &rows)
{
    int counts[int(PipelineStatus::Skipped) + 1] = {};
    int total = 0;
    for (int row : rows) {
        if (row < jobs.size()) {
            ++counts[int(jobs.at(row).status)];
            ++total;
        }
    }
    if (total == 0)
        return PipelineStatus::Unknown;
    for (PipelineStatus s :
         {PipelineStatus::Running, PipelineStatus::Waiting, PipelineStatus::Queued,
          PipelineStatus::Failed, PipelineStatus::Cancelled, PipelineStatus::Unknown}) {
        if (counts[int(s)])
            return s;
    }
    if (counts[int(PipelineStatus::Skipped)] == total)
        return PipelineStatus::Skipped;
    return PipelineStatus::Succeeded;
}

} // namespace Orrery
