// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "theme.h"
#include "timeseriesmodel.h"

#include <QChartView>
#include <QHash>
#include <QImage>
#include <QPointer>
#include <QTimer>

#include <optional>
#include <vector>

class QCategoryAxis;
class QComboBox;
class QDateTimeAxis;
class QGraphicsSimpleTextItem;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QLineSeries;

namespace Orrery {

namespace Internal {
class SeriesPlotItem;
}

// A chart of the series of a TimeSeriesModel over a time window (15 min to 7 days), for pods,
// workloads, nodes, namespaces and HPAs. QtCharts draws the frame: axes with labels in the
// series' unit (MetricFormat), grid, title and legend; the points are drawn by one cached
// layer (Internal::SeriesPlotItem), so a live append draws only the new segments.
//
// Axes move by steps, not on every append: the time axis ends a tenth of the range after the
// newest point and only moves when a point passes it; the value axis grows when a point is
// above it and is recomputed when the time axis moves. Those are the only full redraws.
//
// Modes: Lines (every series a line) and Breakdown (the model's total series as a thick
// line, the other series stacked bands under it; a legend click hides or shows a member).
// Series added, removed or replaced in the model are picked up on the next event-loop turn
// (one rebuild for a burst); appends are drawn at once. With no model, no series or no point, the
// chart shows the caller's emptyReason() instead of an empty grid. Colours follow the application
// theme (Theme) and switch live.
class TimeSeriesChart : public QChartView
{
    Q_OBJECT
public:
    enum class Range { Minutes15, Hour1, Hours6, Hours24, Days7 };
    Q_ENUM(Range)
    enum class Mode { Lines, Breakdown };
    Q_ENUM(Mode)

    // Per-series look, set by id (before or after the series exists).
    struct SeriesStyle
    {
        Qt::PenStyle pen = Qt::SolidLine;
        bool rightAxis = false;          // drawn against the second value axis
        bool steps = false;              // sample-and-hold, for counts such as replicas
        std::optional<Theme::Role> role; // a theme colour instead of the palette's next one
    };

    explicit TimeSeriesChart(QWidget *parent = nullptr);
    ~TimeSeriesChart() override;

    void setModel(TimeSeriesModel *model);
    TimeSeriesModel *model() const { return m_model; }

    void setTitle(const QString &title);
    void setRange(Range range);
    // The selector at the top right (shown by default); a view with one selector for several
    // charts hides theirs. The context menu offers the ranges either way.
    void setRangeSelectorVisible(bool visible);
    Range range() const { return m_range; }
    static qint64 rangeMsecs(Range range);
    static QString rangeName(Range range);

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void setSeriesStyle(const QString &id, const SeriesStyle &style);
    // The second value axis (right), for series styled rightAxis: its unit and title.
    void setRightAxis(MetricUnit unit, const QString &title);
    void setLeftAxisTitle(const QString &title);

    // Hidden series are neither drawn nor hovered; legend clicks toggle them.
    void setSeriesVisible(int series, bool visible);
    bool isSeriesVisible(int series) const;
    QColor seriesColor(int series) const;

    // Why there is no data ("metrics-server is not installed", "no series for ..."), shown in
    // place of the plot whenever there is nothing to draw.
    void setEmptyReason(const QString &reason);
    QString emptyReason() const { return m_emptyReason; }
    bool isShowingEmptyState() const;

    // The hover label for a point of the view (viewport coordinates): the nearest visible
    // point within a few pixels, as "series\ntime\nvalue"; empty when there is none.
    QString hoverTextAt(const QPoint &viewPos) const;
    // Where (msecs, value) of a series is drawn, in viewport coordinates (a stacked member's
    // value is drawn on top of the members below it).
    QPoint viewPositionOf(int series, qint64 msecs, double value) const;

    // The chart as it would show at `size` (default: the current size), rendered offscreen
    // without disturbing this widget; used by "Save as PNG…" and the tests.
    QImage renderToImage(QSize size = QSize()) const;
    bool saveAsPng(const QString &fileName, QSize size = QSize()) const;

    // Time window shown: [first, last] in ms since the epoch.
    std::pair<qint64, qint64> timeWindow() const { return {m_x0, m_x1}; }
    std::pair<double, double> valueRange() const { return {m_yMin, m_yMax}; }
    // How many times the data layer was redrawn whole (tests and the benchmark).
    int fullRenderCount() const;
    // Antialiased lines (default). The benchmark compares both.
    void setAntialiased(bool on);

signals:
    void rangeChanged(Orrery::TimeSeriesChart::Range range);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void rebuild();
    void applyTheme();
    void rebuildLegend();
    void rebuildStyles();
    void onAppended(const QList<int> &series);
    // Recomputes the window and value ranges from the data; true when they changed.
    bool updateRanges(bool force);
    void updateAxes();
    void renderAll();
    void updateEmptyState();
    void placeRangeSelector();
    void copySettingsTo(TimeSeriesChart *other) const;
    // The unit of the left axis: that of the first series not on the right axis.
    MetricUnit leftUnit() const;

    QPointer<TimeSeriesModel> m_model;
    QChart *m_chart = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QCategoryAxis *m_valueAxis = nullptr;
    QCategoryAxis *m_rightAxis = nullptr;
    Internal::SeriesPlotItem *m_plot = nullptr;
    QGraphicsSimpleTextItem *m_emptyText = nullptr;
    QGraphicsLineItem *m_crosshair = nullptr;
    QGraphicsRectItem *m_hoverBox = nullptr;
    QGraphicsSimpleTextItem *m_hoverText = nullptr;
    QComboBox *m_rangeBox = nullptr;
    QList<QLineSeries *> m_legendSeries; // empty series: legend entries only
    QHash<QString, SeriesStyle> m_styleById;
    QHash<QString, bool> m_hiddenById;
    QString m_emptyReason;
    QString m_title;
    QString m_leftTitle;
    QString m_rightTitle;
    MetricUnit m_rightUnit = MetricUnit::Count;
    bool m_hasRightAxis = false;
    Range m_range = Range::Hour1;
    Mode m_mode = Mode::Lines;
    qint64 m_x0 = 0, m_x1 = 1;
    double m_yMin = 0, m_yMax = 1, m_rMin = 0, m_rMax = 1;
    QList<double> m_leftTicks, m_rightTicks;
    bool m_antialiased = true;
    QTimer m_rebuildTimer;
};

} // namespace Orrery
