// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologylayout.h"

#include "topologygraph.h"

#include <QtMath>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <tuple>

namespace Orrery {

struct TopologyLayout::NamespaceLayout
{
    QString ns;
    QSizeF size;
    QList<QPair<QString, Group>> groups; // rects and cells in namespace-local coordinates
    QList<QString> groupTitles;
    bool aggregate = false;
};

namespace {

constexpr qreal s_none = std::numeric_limits<qreal>::max();

const QList<const TopologyNode *> &
neighboursOf(const QHash<const TopologyNode *, QList<const TopologyNode *>> &neighbours,
             const TopologyNode *node)
{
    static const QList<const TopologyNode *> s_empty;
    auto it = neighbours.constFind(node);
    return it == neighbours.cend() ? s_empty : it.value();
}

QString namespaceTitle(const QString &ns)
{
    return ns.isEmpty() ? QStringLiteral("(cluster)") : ns;
}

} // namespace

TopologyLayout::TopologyLayout() = default;

TopologyLayout::TopologyLayout(const Options &options)
    : m_options(options)
{
}

QSizeF TopologyLayout::nodeSize(TopologyKind kind) const
{
    return QSizeF(m_options.nodeWidth,
                  kind == TopologyKind::Pod ? m_options.podHeight : m_options.nodeHeight);
}

QRectF TopologyLayout::nodeRect(const QString &id) const
{
    return m_rects.value(id);
}

QString TopologyLayout::representative(const TopologyGraph &graph, const QString &id)
{
    const TopologyNode *node = graph.node(id);
    if (node && !node->collapsedInto.isEmpty())
        return node->collapsedInto;
    return id;
}

const TopologyNode *TopologyLayout::representative(const TopologyGraph &graph,
                                                   const TopologyNode *node)
{
    if (node && !node->collapsedInto.isEmpty())
        return graph.node(node->collapsedInto);
    return node;
}

QString TopologyLayout::groupKey(const TopologyNode &node)
{
    return node.home + QLatin1Char('\n') + node.group;
}

void TopologyLayout::clear()
{
    m_groupState.clear();
    m_placed.clear();
    m_rects.clear();
    m_namespaceIndex.clear();
    m_namespaces.clear();
    m_groups.clear();
    m_shelfBottoms.clear();
    m_shelfX.clear();
    m_bounds = {};
}

TopologyLayout::NamespaceLayout
TopologyLayout::layoutNamespace(const QString &ns, const QList<const TopologyNode *> &nodes,
                                const Neighbours &neighbours)
{
    const Options &o = m_options;
    NamespaceLayout result;
    result.ns = ns;

    // Columns no node of this namespace uses shrink, so a namespace without ingresses does
    // not start with empty space; used ones line up across all groups of the namespace.
    bool used[TopologyRankCount] = {};
    QMap<QString, QList<const TopologyNode *>> byGroup;
    for (const TopologyNode *node : nodes) {
        used[topologyRank(node->kind)] = true;
        byGroup[node->group].append(node);
    }
    qreal columnX[TopologyRankCount];
    qreal x = o.groupPadding;
    for (int r = 0; r < TopologyRankCount; ++r) {
        columnX[r] = x;
        x += used[r] ? o.columnWidth + (r == 1 ? o.routeLabelGap : 0) : o.emptyColumnWidth;
    }
    const qreal groupWidth = x - (o.columnWidth - o.nodeWidth) + o.groupPadding;

    // Named groups first, sorted; the ungrouped rest last.
    QStringList groupNames = byGroup.keys();
    if (groupNames.removeOne(QString()))
        groupNames.append(QString());

    for (const QString &groupName : std::as_const(groupNames)) {
        QList<const TopologyNode *> columns[TopologyRankCount];
        for (const TopologyNode *node : std::as_const(byGroup[groupName]))
            columns[topologyRank(node->kind)].append(node);

        // Order: the workload column by name, then outwards by barycentre of neighbours.
        QHash<const TopologyNode *, qreal> position;
        position.reserve(byGroup[groupName].size());
        auto byName
            = [](const TopologyNode *a, const TopologyNode *b) { return a->name < b->name; };
        int pivot = 3;
        if (columns[pivot].isEmpty()) {
            for (int r = 0; r < TopologyRankCount; ++r) {
                if (columns[r].size() > columns[pivot].size())
                    pivot = r;
            }
        }
        auto orderColumn = [&](int r, bool sortByName) {
            QList<const TopologyNode *> &column = columns[r];
            if (sortByName) {
                std::sort(column.begin(), column.end(), byName);
            } else {
                QHash<const TopologyNode *, qreal> key;
                key.reserve(column.size());
                for (const TopologyNode *node : column) {
                    qreal sum = 0;
                    int count = 0;
                    for (const TopologyNode *nb : neighboursOf(neighbours, node)) {
                        auto it = position.constFind(nb);
                        if (it != position.cend()) {
                            sum += it.value();
                            ++count;
                        }
                    }
                    key.insert(node, count ? sum / count : s_none);
                }
                std::sort(column.begin(), column.end(),
                          [&](const TopologyNode *a, const TopologyNode *b) {
                              const qreal ka = key.value(a), kb = key.value(b);
                              return ka != kb ? ka < kb : a->name < b->name;
                          });
            }
            for (int i = 0; i < column.size(); ++i)
                position.insert(column[i], (i + 0.5) / column.size());
        };
        orderColumn(pivot, true);
        for (int r = pivot + 1; r < TopologyRankCount; ++r)
            orderColumn(r, false);
        for (int r = pivot - 1; r >= 0; --r)
            orderColumn(r, false);

        // Heights: the tallest column is packed, the others align with their neighbours.
        const qreal top = o.groupHeader + o.groupPadding;
        int densest = 0;
        qreal densestHeight = -1;
        for (int r = 0; r < TopologyRankCount; ++r) {
            qreal h = 0;
            for (const TopologyNode *node : columns[r])
                h += nodeSize(node->kind).height() + o.rowGap;
            if (h > densestHeight) {
                densestHeight = h;
                densest = r;
            }
        }
        QList<int> rankOrder{densest};
        for (int d = 1; d < TopologyRankCount; ++d) {
            if (densest + d < TopologyRankCount)
                rankOrder.append(densest + d);
            if (densest - d >= 0)
                rankOrder.append(densest - d);
        }
        QHash<const TopologyNode *, qreal> centre;
        centre.reserve(byGroup[groupName].size());
        Group group;
        qreal bottom = top;
        for (int r : std::as_const(rankOrder)) {
            qreal cursor = top;
            for (const TopologyNode *node : columns[r]) {
                const qreal h = nodeSize(node->kind).height();
                qreal want = cursor;
                if (r != densest) {
                    qreal sum = 0;
                    int count = 0;
                    for (const TopologyNode *nb : neighboursOf(neighbours, node)) {
                        auto it = centre.constFind(nb);
                        if (it != centre.cend()) {
                            sum += it.value();
                            ++count;
                        }
                    }
                    if (count)
                        want = std::max(cursor, sum / count - h / 2);
                }
                group.columns[r].append(Slot{want, h, node->id});
                centre.insert(node, want + h / 2);
                cursor = want + h + o.rowGap;
            }
            bottom = std::max(bottom, cursor);
        }
        const qreal content = bottom - top;
        // Room for what an HPA may add: a scale-out to its maximum then never needs a
        // relayout (which would move every node). Capped: above the pod-group threshold the
        // pods collapse into one node anyway.
        // Not in a group without pods: grouped by node, the pods live in their node's group.
        qreal scaleRoom = 0;
        QSet<const TopologyNode *> workloads; // filled for groups with an HPA only
        const bool hasPods = o.scaleRoom && !columns[topologyRank(TopologyKind::Pod)].isEmpty();
        for (const TopologyNode *hpa :
             hasPods ? columns[topologyRank(TopologyKind::Hpa)] : QList<const TopologyNode *>()) {
            if (hpa->kind != TopologyKind::Hpa || hpa->maxReplicas <= 0)
                continue;
            if (workloads.isEmpty()) {
                for (const TopologyNode *w : columns[topologyRank(TopologyKind::Deployment)])
                    workloads.insert(w);
            }
            int current = 0;
            for (const TopologyNode *nb : neighboursOf(neighbours, hpa)) {
                if (workloads.contains(nb))
                    current = std::max(current, nb->desired);
            }
            scaleRoom += std::clamp(hpa->maxReplicas - current, 0, 10) * (o.podHeight + o.rowGap);
        }
        const qreal slack = std::max(o.podHeight + o.rowGap, content * o.slack) + scaleRoom;
        const qreal height = bottom + slack + o.groupPadding;
        group.rect = QRectF(0, 0, groupWidth, height);
        std::copy(std::begin(columnX), std::end(columnX), std::begin(group.columnX));
        result.groups.append({groupName, group});
    }

    // A namespace with many groups wraps them into columns, so that it stays roughly as wide
    // as tall (k columns of width W and total height T: aspect = k² W / T).
    qreal total = 0;
    qreal tallest = 0;
    for (const auto &entry : std::as_const(result.groups)) {
        total += entry.second.rect.height() + o.rowGap;
        tallest = std::max(tallest, entry.second.rect.height());
    }
    const int columns = std::max(1, int(std::lround(std::sqrt(o.aspect * total / groupWidth))));
    const qreal columnHeight = std::max(tallest, total / columns);
    qreal left = o.namespacePadding;
    qreal y = o.namespaceHeader;
    qreal bottomMost = y;
    for (auto &entry : result.groups) {
        QRectF &rect = entry.second.rect;
        if (y > o.namespaceHeader && y + rect.height() - o.namespaceHeader > columnHeight + 1) {
            left += groupWidth + o.rowGap * 2;
            y = o.namespaceHeader;
        }
        rect.moveTo(left, y);
        y += rect.height() + o.rowGap;
        bottomMost = std::max(bottomMost, y);
    }
    result.size = QSizeF(left + groupWidth + o.namespacePadding,
                         bottomMost - o.rowGap + o.namespacePadding);
    return result;
}

void TopologyLayout::adoptNamespace(NamespaceLayout &&layout, QPointF origin)
{
    const Options &o = m_options;
    TopologyBox nsBox{layout.ns, layout.ns, namespaceTitle(layout.ns), QRectF(origin, layout.size),
                      layout.aggregate};
    m_namespaceIndex.insert(layout.ns, int(m_namespaces.size()));
    m_namespaces.append(nsBox);
    for (auto &[name, group] : layout.groups) {
        const QString key = layout.ns + QLatin1Char('\n') + name;
        group.rect.translate(origin);
        group.boxIndex = int(m_groups.size());
        m_groups.append(TopologyBox{key, layout.ns, name, group.rect});
        for (int r = 0; r < TopologyRankCount; ++r) {
            QList<Slot> &cells = group.columns[r];
            for (int i = 0; i < cells.size(); ++i) {
                cells[i].y += group.rect.y();
                const QString &id = cells[i].id;
                m_placed.insert(id, Placement{key, r, i});
                m_rects.insert(id, QRectF(group.rect.x() + group.columnX[r], cells[i].y,
                                          o.nodeWidth, cells[i].height));
            }
        }
        m_groupState.insert(key, group);
    }
    m_bounds = m_bounds.united(nsBox.rect);
}

void TopologyLayout::layoutAll(const TopologyGraph &graph, const Visible &visible)
{
    clear();
    QMap<QString, QList<const TopologyNode *>> byNamespace;
    qsizetype placed = 0;
    for (auto it = graph.nodes().cbegin(); it != graph.nodes().cend(); ++it) {
        if (visible(it.value())) {
            byNamespace[it.value().home].append(&it.value());
            ++placed;
        }
    }
    m_placed.reserve(placed);
    m_rects.reserve(placed);
    Neighbours neighbours;
    neighbours.reserve(graph.nodeCount());
    // A collapsed pod whose group is missing stands for a node that is never drawn: its
    // edges carry no position, so they are left out.
    graph.forEachEdgeNode([&](const TopologyEdge &, const TopologyNode *a, const TopologyNode *b) {
        const TopologyNode *from = representative(graph, a);
        const TopologyNode *to = representative(graph, b);
        if (from && to && from != to) {
            neighbours[from].append(to);
            neighbours[to].append(from);
        }
    });

    // The largest namespaces first, where a fitted view starts (top left): the application
    // rather than "default" with its one Service. System namespaces go last: they are rarely
    // what the diagram is about.
    QList<NamespaceLayout> layouts;
    QList<std::tuple<bool, qsizetype, QString>> order;
    for (auto it = byNamespace.cbegin(); it != byNamespace.cend(); ++it)
        order.append({it.value().first()->system, -it.value().size(), it.key()});
    std::sort(order.begin(), order.end());
    for (const auto &entry : std::as_const(order)) {
        const QString &ns = std::get<2>(entry);
        layouts.append(layoutNamespace(ns, byNamespace[ns], neighbours));
    }
    pack(layouts);
}

void TopologyLayout::pack(QList<NamespaceLayout> &layouts)
{
    qreal area = 0;
    qreal tallest = 0;
    for (const NamespaceLayout &layout : std::as_const(layouts)) {
        area += layout.size.width() * layout.size.height();
        tallest = std::max(tallest, layout.size.height());
    }

    // Column-wise shelf packing towards the wanted aspect ratio.
    const qreal target = std::max(tallest, qSqrt(area / m_options.aspect));
    qreal x = 0, y = 0, columnWidth = 0;
    for (NamespaceLayout &layout : layouts) {
        if (y > 0 && y + layout.size.height() > target) {
            m_shelfX.append(x);
            m_shelfBottoms.append(y);
            x += columnWidth + m_options.namespaceGap;
            y = 0;
            columnWidth = 0;
        }
        const QSizeF size = layout.size;
        adoptNamespace(std::move(layout), QPointF(x, y));
        y += size.height() + m_options.namespaceGap;
        columnWidth = std::max(columnWidth, size.width());
    }
    m_shelfX.append(x);
    m_shelfBottoms.append(y);
}

void TopologyLayout::layoutAll(const TopologyGraph &graph, const Visible &visible,
                               const QHash<QString, QSizeF> &aggregates,
                               const QSet<QString> &expanded)
{
    clear();
    QHash<QString, QList<const TopologyNode *>> byNamespace;
    qsizetype placed = 0;
    Neighbours neighbours;
    for (const QString &home : expanded) {
        QList<const TopologyNode *> &nodes = byNamespace[home];
        for (const QString &id : graph.idsIn(home)) {
            const TopologyNode *node = graph.node(id);
            if (!node)
                continue;
            if (visible(*node)) {
                nodes.append(node);
                ++placed;
            }
            // The edges this home's nodes produce (collapsed pods included: their edges
            // are their group's); edges from aggregated homes have no position to align to.
            for (const TopologyEdge &edge : graph.edgesOf(id)) {
                const TopologyNode *from = representative(graph, graph.node(edge.from));
                const TopologyNode *to = representative(graph, graph.node(edge.to));
                if (from && to && from != to) {
                    neighbours[from].append(to);
                    neighbours[to].append(from);
                }
            }
        }
        if (nodes.isEmpty())
            byNamespace.remove(home);
    }
    m_placed.reserve(placed);
    m_rects.reserve(placed);

    // As layoutAll(): system namespaces last, then the largest (by nodes in the graph, so a
    // namespace keeps its rank whether it is expanded or not), then by name.
    const QHash<QString, TopologyHomeSummary> &summaries = graph.homeSummaries();
    QList<std::tuple<bool, qsizetype, QString>> order;
    for (auto it = byNamespace.cbegin(); it != byNamespace.cend(); ++it) {
        const TopologyHomeSummary summary = summaries.value(it.key());
        order.append({summary.system, -qsizetype(summary.nodes), it.key()});
    }
    for (auto it = aggregates.cbegin(); it != aggregates.cend(); ++it) {
        if (byNamespace.contains(it.key()))
            continue;
        const TopologyHomeSummary summary = summaries.value(it.key());
        order.append({summary.system, -qsizetype(summary.nodes), it.key()});
    }
    std::sort(order.begin(), order.end());
    QList<NamespaceLayout> layouts;
    layouts.reserve(order.size());
    for (const auto &entry : std::as_const(order)) {
        const QString &ns = std::get<2>(entry);
        const auto nodes = byNamespace.constFind(ns);
        if (nodes != byNamespace.cend()) {
            layouts.append(layoutNamespace(ns, *nodes, neighbours));
        } else {
            NamespaceLayout box;
            box.ns = ns;
            box.size = aggregates.value(ns);
            box.aggregate = true;
            layouts.append(std::move(box));
        }
    }
    pack(layouts);
}

void TopologyLayout::freeSlot(const QString &id)
{
    auto it = m_placed.find(id);
    if (it == m_placed.end())
        return;
    auto group = m_groupState.find(it->group);
    if (group != m_groupState.end())
        group->columns[it->rank][it->slot].id.clear();
    m_placed.erase(it);
    m_rects.remove(id);
}

bool TopologyLayout::place(const TopologyNode &node, const Neighbours &neighbours)
{
    auto group = m_groupState.find(groupKey(node));
    if (group == m_groupState.end())
        return false;
    const Options &o = m_options;
    const int r = topologyRank(node.kind);
    const qreal h = nodeSize(node.kind).height();
    // A rank no node used at layout time got a narrow column (layoutNamespace): a node put
    // there would overlap the next column, so it does not fit. This is the start-up case of
    // pods listed before their ReplicaSets.
    const qreal columnEnd
        = r + 1 < TopologyRankCount ? group->columnX[r + 1] : group->rect.width() - o.groupPadding;
    if (group->columnX[r] + o.nodeWidth > columnEnd + 0.5)
        return false;
    QList<Slot> &cells = group->columns[r];

    qreal want = s_none;
    {
        qreal sum = 0;
        int count = 0;
        for (const TopologyNode *nb : neighboursOf(neighbours, &node)) {
            auto it = m_rects.constFind(nb->id);
            if (it != m_rects.cend()) {
                sum += it->center().y();
                ++count;
            }
        }
        if (count)
            want = sum / count - h / 2;
    }

    // A free slot of the same height, closest to the neighbours, else the slack below.
    int best = -1;
    for (int i = 0; i < cells.size(); ++i) {
        if (!cells[i].id.isEmpty() || cells[i].height < h)
            continue;
        if (best < 0 || (want != s_none && qAbs(cells[i].y - want) < qAbs(cells[best].y - want)))
            best = i;
        if (want == s_none)
            break;
    }
    if (best < 0) {
        qreal cursor = group->rect.y() + o.groupHeader + o.groupPadding;
        for (const Slot &slot : std::as_const(cells))
            cursor = std::max(cursor, slot.y + slot.height + o.rowGap);
        if (cursor + h > group->rect.bottom() - o.groupPadding)
            return false;
        cells.append(Slot{cursor, h, {}});
        best = int(cells.size()) - 1;
    }
    cells[best].id = node.id;
    m_placed.insert(node.id, Placement{groupKey(node), r, best});
    m_rects.insert(node.id,
                   QRectF(group->rect.x() + group->columnX[r], cells[best].y, o.nodeWidth, h));
    return true;
}

bool TopologyLayout::update(const TopologyGraph &graph, const TopologyDelta &delta,
                            const Visible &visible)
{
    QList<const TopologyNode *> toPlace;
    for (const QString &id : delta.removed)
        freeSlot(id);
    auto consider = [&](const QString &id) {
        const TopologyNode *node = graph.node(id);
        if (!node)
            return;
        auto placed = m_placed.constFind(id);
        const bool show = visible(*node);
        if (placed != m_placed.cend()) {
            if (show && placed->group == groupKey(*node) && placed->rank == topologyRank(node->kind)
                && m_rects.value(id).height() == nodeSize(node->kind).height())
                return; // unchanged place: never move it
            freeSlot(id);
        }
        if (show)
            toPlace.append(node);
    };
    for (const QString &id : delta.changed)
        consider(id);
    for (const QString &id : delta.added)
        consider(id);
    if (toPlace.isEmpty())
        return true;
    // Deterministic: workloads before their replica sets before their pods.
    std::sort(toPlace.begin(), toPlace.end(), [](const TopologyNode *a, const TopologyNode *b) {
        const int ra = topologyRank(a->kind), rb = topologyRank(b->kind);
        return ra != rb ? ra < rb : a->id < b->id;
    });

    Neighbours neighbours;
    QMap<QString, QList<const TopologyNode *>> newNamespaces;
    for (const TopologyNode *node : std::as_const(toPlace)) {
        for (const TopologyEdge &edge : graph.edgesOf(node->id)) {
            // An endpoint not in the graph has no rect and no position: nothing to align with.
            const TopologyNode *from = representative(graph, graph.node(edge.from));
            const TopologyNode *to = representative(graph, graph.node(edge.to));
            if (!from || !to)
                continue;
            neighbours[from].append(to);
            neighbours[to].append(from);
        }
    }
    bool fits = true;
    for (const TopologyNode *node : std::as_const(toPlace)) {
        if (!m_namespaceIndex.contains(node->home)) {
            newNamespaces[node->home].append(node);
            continue;
        }
        if (!place(*node, neighbours))
            fits = false;
    }
    for (auto it = newNamespaces.begin(); it != newNamespaces.end(); ++it) {
        NamespaceLayout layout = layoutNamespace(it.key(), it.value(), neighbours);
        if (m_shelfBottoms.isEmpty()) {
            m_shelfX.append(0);
            m_shelfBottoms.append(0);
        }
        // Below the shortest column of namespaces where it overlaps nothing (a namespace
        // wider than its column would reach into the next one), else a new column.
        QList<int> shelves(m_shelfBottoms.size());
        std::iota(shelves.begin(), shelves.end(), 0);
        std::stable_sort(shelves.begin(), shelves.end(),
                         [&](int a, int b) { return m_shelfBottoms[a] < m_shelfBottoms[b]; });
        int column = -1;
        for (int shelf : std::as_const(shelves)) {
            const QRectF rect(QPointF(m_shelfX[shelf], m_shelfBottoms[shelf]), layout.size);
            const QRectF clear = rect.adjusted(0, 0, m_options.namespaceGap, 0);
            if (std::none_of(m_namespaces.cbegin(), m_namespaces.cend(),
                             [&](const TopologyBox &box) { return box.rect.intersects(clear); })) {
                column = shelf;
                break;
            }
        }
        if (column < 0) {
            m_shelfX.append(m_bounds.isNull() ? 0 : m_bounds.right() + m_options.namespaceGap);
            m_shelfBottoms.append(0);
            column = int(m_shelfX.size()) - 1;
        }
        const QPointF origin(m_shelfX[column], m_shelfBottoms[column]);
        m_shelfBottoms[column] += layout.size.height() + m_options.namespaceGap;
        adoptNamespace(std::move(layout), origin);
    }
    return fits;
}

} // namespace Orrery
