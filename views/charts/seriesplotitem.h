// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QImage>
#include <QList>

#include <limits>
#include <vector>

namespace Orrery {

class TimeSeriesModel;

namespace Internal {

// The data layer of a TimeSeriesChart: every series of a TimeSeriesModel drawn into one cached
// image the size of the plot area, painted as one item over the chart's grid.
//
// Why not a QLineSeries per series: with 500 series of 2,000 points, appending one point to
// each series costs QtCharts about 0.8 s and a repaint about 0.5 s (docs/PERFORMANCE.md,
// "Charts"): every append recomputes a series' geometry and the chart's domain, and every
// repaint strokes a million segments. Here a full render decimates each series to its first,
// min, max and last point per pixel column, and a live append only draws the new segments
// onto the cached image, then updates the rectangle they cover.
//
// Invariant: the image shows, for every visible series, its points up to drawnUpTo(series) in
// the current window (x0..x1 ms, per-axis y ranges) and plot size; anything that changes the
// mapping (range, plot area, style, visibility, theme) goes through renderAll().
class SeriesPlotItem : public QGraphicsItem
{
public:
    struct Style
    {
        QColor color;
        qreal width = 1.5;
        Qt::PenStyle pen = Qt::SolidLine;
        bool rightAxis = false;
        bool steps = false;   // sample-and-hold (replica counts)
        bool stacked = false; // breakdown member: drawn on top of the previous members
        bool visible = true;
        QColor fill; // stacked members: the band under the line
    };

    explicit SeriesPlotItem(QGraphicsItem *parent = nullptr);

    void setModel(const TimeSeriesModel *model) { m_model = model; }
    void setStyles(const std::vector<Style> &styles) { m_styles = styles; }
    const std::vector<Style> &styles() const { return m_styles; }
    void setAntialiased(bool on) { m_antialiased = on; }

    // The mapping: plot size in scene units, time window, y range per axis.
    void setGeometry(const QRectF &plotArea, qint64 x0, qint64 x1, double yMin, double yMax,
                     double rightMin, double rightMax);

    // Redraws the whole image. Counts calls (fullRenders()) so tests can tell a live append
    // from a redraw.
    void renderAll();
    // Draws the points of `series` newer than what the image shows. Returns false when it
    // cannot (a stacked member: the members above it move too), and the caller renders all.
    bool renderAppended(const QList<int> &series);

    // Position of (msecs, value) of a series in the parent chart's coordinates (pass
    // plottedValue() for a stacked member).
    QPointF positionOf(int series, qint64 msecs, double value) const;
    // The value drawn for point i of a series: its own, or the sum of the visible stacked
    // members up to it at that time.
    double plottedValue(int series, int i) const;
    // What a stacked member is drawn on top of at `msecs` (0 for other series).
    double stackOffset(int series, qint64 msecs) const;

    // The newest timestamp the image shows for `series` (min when none).
    qint64 drawnUpTo(int series) const
    {
        return size_t(series) < m_drawnUpTo.size() ? m_drawnUpTo[size_t(series)]
                                                   : std::numeric_limits<qint64>::min();
    }
    int fullRenders() const { return m_fullRenders; }
    const QImage &image() const { return m_image; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QPointF toImage(int series, qint64 msecs, double value) const;
    double stackedBelow(int series, qint64 msecs) const;
    void drawSeries(QPainter &p, int series);
    QPen penFor(int series) const;

    const TimeSeriesModel *m_model = nullptr;
    std::vector<Style> m_styles;
    std::vector<qint64> m_drawnUpTo; // per series: newest timestamp drawn, or min when none
    std::vector<qint64> m_drawnFrom; // per series: oldest timestamp the image's line starts at
    std::vector<qreal> m_widths;     // per series: the pen width drawn (dense lines: 1)
    QRectF m_plot;
    qint64 m_x0 = 0, m_x1 = 1;
    double m_yMin = 0, m_yMax = 1, m_rMin = 0, m_rMax = 1;
    QImage m_image;
    bool m_antialiased = true;
    int m_fullRenders = 0;
};

} // namespace Internal
} // namespace Orrery
