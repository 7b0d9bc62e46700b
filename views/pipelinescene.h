// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pipelinelayout.h>
#include <pipelinerunmodel.h>

#include <QDateTime>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QHash>
#include <QLineF>
#include <QPainterPath>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>

namespace Orrery {

class PipelineRunModel;
class PipelineScene;

// One node of the run diagram: a job, a stage, or a collapsed matrix group. Draws from the
// scene's model at paint time (status colour, name, ticking duration, counts of a group, the
// failing step and last log lines of a failed job); level of detail drops the text when zoomed
// far out.
class PipelineNodeItem : public QGraphicsItem
{
public:
    static constexpr qreal Width = 230;
    static constexpr qreal Height = 58;

    PipelineNodeItem(PipelineScene *scene, int node);

    int node() const { return m_node; }
    void setNode(int node) { m_node = node; }
    QString key() const;
    // Repaints and, when the failed detail's height changed, resizes.
    void refresh();
    qreal detailHeight() const { return m_detail; }
    // The status the node is drawn with (a group's aggregated status).
    PipelineStatus status() const;
    // The two lines of text of the node, as drawn ("build ×12", "10 ✓ 1 ✗ 1 running · 4m 05s").
    QString title() const;
    QString subtitle() const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    qreal wantedDetail() const;

    PipelineScene *m_scene;
    int m_node;
    qreal m_detail = 0;
};

// The edges, all in one item that paints only what is exposed (house style: dense layers are
// one item). Edges between neighbouring columns are routed orthogonally through the gap before
// their target's column and shared pieces are drawn once (route()), so a wide matrix fanning in
// or out stays cheap and readable; edges across several columns are curves of their own; edges
// closing a cycle are dashed curves; the critical path is drawn on top, thick,
// in PipelineStyle::critical().
class PipelineEdgeLayer : public QGraphicsItem
{
public:
    explicit PipelineEdgeLayer(PipelineScene *scene);
    void setBounds(const QRectF &bounds);
    // Nodes moved or the graph changed: route again at the next paint.
    void invalidate();
    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    // The pieces drawn for the forward edges (tests, the benchmark).
    int lineCount()
    {
        if (!m_routed)
            route();
        return int(m_lines.size());
    }

private:
    void route();
    // Spans more than one column (drawn as its own curve, not bundled).
    bool isLong(const PipelineLayout::Edge &edge) const;
    QPainterPath pathOf(const PipelineLayout::Edge &edge) const;

    PipelineScene *m_scene;
    QRectF m_bounds;
    bool m_routed = false;
    QList<QLineF> m_lines;
    QList<QPointF> m_heads;
};

// The run diagram of one run (a PipelineRunModel): PipelineLayout's ranks left to right,
// parallel nodes of a rank one above the other. Updates are incremental: a job's status or time
// change repaints its node (and the critical path's changed nodes); the layout is rebuilt only
// when the model says the graph changed or a matrix group is expanded or collapsed, and then
// existing nodes keep their items. Running durations tick once a second (setLiveTicking).
//
// A click on a collapsed matrix group expands it; a double click on a job of an expanded group
// collapses it again; a click on a job emits jobActivated (the page shows its full log); a click
// on a trigger job (a GitLab bridge, drawn as a card with the pipeline it started stacked
// behind it and that pipeline named in its subtitle) emits downstreamActivated. When a
// job fails, logTailWanted asks for its last lines (setLogTail) to show under its failing step.
class PipelineScene : public QGraphicsScene
{
    Q_OBJECT

public:
    static constexpr qreal ColumnGap = 56;
    static constexpr qreal RowGap = 14;
    static constexpr qreal Margin = 24;
    static constexpr int MaxLogLines = 5;

    explicit PipelineScene(QObject *parent = nullptr);
    ~PipelineScene() override;

    void setModel(PipelineRunModel *model);
    PipelineRunModel *model() const { return m_model; }
    const PipelineLayout &layout() const { return m_layout; }

    // The clock durations are drawn against (exports and screenshots fix it); invalid: now.
    void setNow(const QDateTime &now);
    QDateTime now() const;
    // Durations of running jobs advance once a second while on (the page's default).
    void setLiveTicking(bool on);
    // Re-reads durations and the critical path; repaints what changed.
    void tick();

    void setGroupExpanded(const QString &group, bool expanded);
    bool isGroupExpanded(const QString &group) const { return m_expanded.contains(group); }
    QSet<QString> expandedGroups() const { return m_expanded; }

    // The last lines of a failed job's log (at most MaxLogLines are kept).
    void setLogTail(const QString &jobId, const QStringList &lines);
    QStringList logTail(const QString &jobId) const { return m_logTails.value(jobId); }
    // Where each job deployed, as lines under its card ("→ Fly.io: acme-edge-staging",
    // platformTargetsByJob), by job id; replaces the previous set (jobs not named lose theirs).
    void setJobTargets(const QHash<QString, QStringList> &targets);
    QStringList jobTargets(const QString &jobId) const { return m_jobTargets.value(jobId); }

    PipelineNodeItem *nodeItem(const QString &key) const { return m_items.value(key); }
    PipelineNodeItem *itemOfJob(const QString &jobId) const;
    // The job drawn at `scenePos` (empty: none, or a collapsed group), for context menus.
    QString jobIdAt(const QPointF &scenePos) const;
    QList<PipelineNodeItem *> nodeItems() const;
    // How often the layout was rebuilt (tests check that a status change does not).
    int layoutCount() const { return m_layoutCount; }
    // Node centres' rectangles by key, for tests.
    QRectF nodeRect(const QString &key) const;
    PipelineEdgeLayer *edgeLayer() const { return m_edges; }

signals:
    void jobActivated(const QString &jobId);
    // A trigger job was clicked: the run it started (its source: the run's own for a child
    // pipeline, another project for a multi-project pipeline).
    void downstreamActivated(const QString &source, const QString &runId);
    void groupToggled(const QString &group, bool expanded);
    void logTailWanted(const QString &jobId);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void helpEvent(QGraphicsSceneHelpEvent *event) override;

private:
    friend class PipelineNodeItem;
    friend class PipelineEdgeLayer;

    void relayout();
    void placeNodes();
    void restackRank(int rank);
    void updateJobs(const QList<int> &rows);
    void updateCritical();
    void askForLogTails();
    void updateTicking();
    PipelineNodeItem *nodeAt(const QPointF &pos) const;

    QPointer<PipelineRunModel> m_model;
    PipelineLayout m_layout;
    QHash<QString, PipelineNodeItem *> m_items;
    PipelineEdgeLayer *m_edges;
    QSet<QString> m_expanded;
    QHash<QString, QStringList> m_logTails;
    QHash<QString, QStringList> m_jobTargets;
    QSet<QString> m_tailsAsked;
    QDateTime m_now;
    QTimer m_ticker;
    bool m_live = false;
    int m_layoutCount = 0;
};

} // namespace Orrery
