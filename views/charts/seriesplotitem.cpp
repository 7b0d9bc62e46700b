// SPDX-License-Identifier: GPL-3.0-or-later
#include "seriesplotitem.h"

#include "timeseriesmodel.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPolygonF>

#include <cmath>
#include <limits>

namespace Orrery::Internal {

namespace {

constexpr qint64 kNothingDrawn = std::numeric_limits<qint64>::min();

} // namespace

SeriesPlotItem::SeriesPlotItem(QGraphicsItem *parent)
    : QGraphicsItem(parent)
{
    setAcceptedMouseButtons(Qt::NoButton);
}

void SeriesPlotItem::setGeometry(const QRectF &plotArea, qint64 x0, qint64 x1, double yMin,
                                 double yMax, double rightMin, double rightMax)
{
    if (plotArea.size() != m_plot.size())
        prepareGeometryChange();
    m_plot = plotArea;
    setPos(plotArea.topLeft());
    m_x0 = x0;
    m_x1 = std::max(x1, x0 + 1);
    m_yMin = yMin;
    m_yMax = yMax > yMin ? yMax : yMin + 1;
    m_rMin = rightMin;
    m_rMax = rightMax > rightMin ? rightMax : rightMin + 1;
}

QRectF SeriesPlotItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_plot.size());
}

void SeriesPlotItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (!m_image.isNull())
        painter->drawImage(QPointF(0, 0), m_image);
}

QPointF SeriesPlotItem::toImage(int series, qint64 msecs, double value) const
{
    const bool right = size_t(series) < m_styles.size() && m_styles[size_t(series)].rightAxis;
    const double lo = right ? m_rMin : m_yMin;
    const double hi = right ? m_rMax : m_yMax;
    const double x = double(msecs - m_x0) / double(m_x1 - m_x0) * m_plot.width();
    const double y = m_plot.height() - (value - lo) / (hi - lo) * m_plot.height();
    return {x, y};
}

QPointF SeriesPlotItem::positionOf(int series, qint64 msecs, double value) const
{
    return toImage(series, msecs, value) + m_plot.topLeft();
}

double SeriesPlotItem::stackedBelow(int series, qint64 msecs) const
{
    double sum = 0;
    for (int s = 0; s < series; ++s) {
        const Style &st = m_styles[size_t(s)];
        if (!st.stacked || !st.visible)
            continue;
        const int i = m_model->indexAtOrBefore(s, msecs);
        if (i >= 0)
            sum += m_model->pointAt(s, i).value;
    }
    return sum;
}

double SeriesPlotItem::plottedValue(int series, int i) const
{
    const TimeSeriesModel::Point p = m_model->pointAt(series, i);
    if (size_t(series) < m_styles.size() && m_styles[size_t(series)].stacked)
        return p.value + stackedBelow(series, p.msecs);
    return p.value;
}

double SeriesPlotItem::stackOffset(int series, qint64 msecs) const
{
    if (size_t(series) < m_styles.size() && m_styles[size_t(series)].stacked)
        return stackedBelow(series, msecs);
    return 0;
}

QPen SeriesPlotItem::penFor(int series) const
{
    const Style &style = m_styles[size_t(series)];
    return QPen(style.color, m_widths[size_t(series)], style.pen, Qt::FlatCap, Qt::BevelJoin);
}

void SeriesPlotItem::drawSeries(QPainter &p, int series)
{
    const Style &style = m_styles[size_t(series)];
    const int n = m_model->pointCount(series);
    m_drawnUpTo[size_t(series)] = n > 0 ? m_model->pointAt(series, n - 1).msecs : kNothingDrawn;
    if (n == 0)
        return;
    // From the last point before the window, so the line enters from the left edge.
    const int first = std::max(0, m_model->indexAtOrBefore(series, m_x0));
    m_drawnFrom[size_t(series)] = m_model->pointAt(series, first).msecs;
    if (!style.visible)
        return;
    // A dense line (more points than a third of the pixel columns) is drawn one pixel wide:
    // wider pens go through QPainter's stroker, about 5 ms per 2,000-point series against
    // 0.1 ms for the one-pixel path (docs/PERFORMANCE.md), and look no better when dense.
    // Emphasised lines (a total, wider than 1.5) keep their width.
    m_widths[size_t(series)]
        = style.width > 1 && style.width <= 1.5 && n - first > m_plot.width() / 3 ? 1.0
                                                                                  : style.width;

    if (style.stacked) {
        // A band between the members below and this one, then its top line. Members are few
        // (a workload's pods), so no decimation.
        QPolygonF upper, lower;
        for (int i = first; i < n; ++i) {
            const TimeSeriesModel::Point pt = m_model->pointAt(series, i);
            const double below = stackedBelow(series, pt.msecs);
            upper.append(toImage(series, pt.msecs, below + pt.value));
            lower.prepend(toImage(series, pt.msecs, below));
        }
        if (style.fill.isValid()) {
            p.setPen(Qt::NoPen);
            p.setBrush(style.fill);
            p.drawPolygon(upper + lower);
            p.setBrush(Qt::NoBrush);
        }
        p.setPen(penFor(series));
        p.drawPolyline(upper);
        return;
    }

    // Min/max per pixel column (first, min, max, last of each column), so a series costs
    // at most four vertices per column however many points it has.
    QPolygonF line;
    line.reserve(std::min(n - first, int(m_plot.width() * 4) + 8));
    double prevY = 0;
    int column = std::numeric_limits<int>::min();
    QPointF colFirst, colLast;
    double colMin = 0, colMax = 0;
    const auto flush = [&] {
        if (column == std::numeric_limits<int>::min())
            return;
        line.append(colFirst);
        if (colMin < colFirst.y() && colMin < colLast.y())
            line.append(QPointF(colFirst.x(), colMin));
        if (colMax > colFirst.y() && colMax > colLast.y())
            line.append(QPointF(colFirst.x(), colMax));
        if (colLast != colFirst)
            line.append(colLast);
    };
    for (int i = first; i < n; ++i) {
        const TimeSeriesModel::Point pt = m_model->pointAt(series, i);
        const QPointF q = toImage(series, pt.msecs, pt.value);
        if (style.steps) {
            if (!line.isEmpty())
                line.append(QPointF(q.x(), prevY));
            line.append(q);
            prevY = q.y();
            continue;
        }
        const int c = int(std::floor(q.x()));
        if (c != column) {
            flush();
            column = c;
            colFirst = colLast = q;
            colMin = colMax = q.y();
        } else {
            colLast = q;
            colMin = std::min(colMin, q.y());
            colMax = std::max(colMax, q.y());
        }
    }
    flush();
    p.setPen(penFor(series));
    if (line.size() == 1)
        p.drawPoint(line.first());
    else
        p.drawPolyline(line);
}

void SeriesPlotItem::renderAll()
{
    ++m_fullRenders;
    const qreal dpr = qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
    // At least one pixel: a chart not laid out yet has an empty plot, and QPainter refuses a
    // null image.
    const QSize pixels = (m_plot.size() * dpr).toSize().expandedTo(QSize(1, 1));
    if (m_image.size() != pixels)
        m_image = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
    m_image.setDevicePixelRatio(dpr);
    m_image.fill(Qt::transparent);
    const int count = m_model ? m_model->seriesCount() : 0;
    m_drawnUpTo.assign(size_t(count), kNothingDrawn);
    m_drawnFrom.assign(size_t(count), kNothingDrawn);
    m_widths.assign(size_t(count), 1.0);
    for (int s = 0; s < count && size_t(s) < m_styles.size(); ++s)
        m_widths[size_t(s)] = m_styles[size_t(s)].width;
    if (m_model && int(m_styles.size()) == count) {
        QPainter p(&m_image);
        p.setRenderHint(QPainter::Antialiasing, m_antialiased);
        // Stacked bands first, so the total's line lies on top of them.
        for (int s = 0; s < count; ++s) {
            if (m_styles[size_t(s)].stacked)
                drawSeries(p, s);
        }
        for (int s = 0; s < count; ++s) {
            if (!m_styles[size_t(s)].stacked)
                drawSeries(p, s);
        }
    }
    update();
}

bool SeriesPlotItem::renderAppended(const QList<int> &series)
{
    if (!m_model || int(m_styles.size()) != m_model->seriesCount()
        || int(m_drawnUpTo.size()) != m_model->seriesCount() || m_image.isNull())
        return false;
    QPainter p(&m_image);
    p.setRenderHint(QPainter::Antialiasing, m_antialiased);
    QRectF dirty;
    for (int s : series) {
        const Style &style = m_styles[size_t(s)];
        const int n = m_model->pointCount(s);
        if (n == 0)
            continue;
        if (style.stacked)
            return false; // every member above moves
        const qint64 drawn = m_drawnUpTo[size_t(s)];
        m_drawnUpTo[size_t(s)] = m_model->pointAt(s, n - 1).msecs;
        if (!style.visible)
            continue;
        // The ring dropped a point the image still shows (history shorter than the window):
        // the line must now start later, which only a full render can do.
        // A segment from a dropped point is in the window when the new oldest point is.
        const qint64 oldest = m_model->pointAt(s, 0).msecs;
        if (drawn != kNothingDrawn && oldest > m_drawnFrom[size_t(s)] && oldest > m_x0)
            return false;
        if (drawn == kNothingDrawn)
            m_drawnFrom[size_t(s)] = oldest;
        const int from
            = drawn == kNothingDrawn ? 0 : std::max(0, m_model->indexAtOrBefore(s, drawn));
        QPolygonF line;
        double prevY = 0;
        for (int i = from; i < n; ++i) {
            const TimeSeriesModel::Point pt = m_model->pointAt(s, i);
            const QPointF q = toImage(s, pt.msecs, pt.value);
            if (style.steps && !line.isEmpty())
                line.append(QPointF(q.x(), prevY));
            line.append(q);
            prevY = q.y();
        }
        p.setPen(penFor(s));
        if (line.size() == 1)
            p.drawPoint(line.first());
        else
            p.drawPolyline(line);
        const qreal margin = style.width + 2;
        dirty |= line.boundingRect().adjusted(-margin, -margin, margin, margin);
    }
    p.end();
    if (!dirty.isEmpty())
        update(dirty);
    return true;
}

} // namespace Orrery::Internal
