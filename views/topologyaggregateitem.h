// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topologygraph.h"

#include <QCoreApplication>
#include <QGraphicsItem>

namespace Orrery {

struct TopologyDisplay;

// A whole namespace drawn as one box: its name, how many workloads, Services and pods it
// holds, and its pods by health as a bar with counts. TopologyScene shows namespaces this way
// when the diagram holds more nodes than it can draw one by one (a 150,000-pod cluster); the
// namespace's own nodes appear when it is expanded (double-click, or zooming in on it).
//
// Failing pods never disappear in the bar: a non-empty failing (or pending) share is drawn at
// least a few pixels wide, the box gets a red border and the count is written out ("3
// failing"), so 3 crashing pods among 5,000 read at a glance.
class TopologyAggregateItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(Orrery::TopologyAggregateItem)

public:
    enum { Type = UserType + 705 };

    TopologyAggregateItem(const QString &home, const QString &title, const QRectF &rect,
                          const TopologyDisplay *display);

    QString home() const { return m_home; }
    QString title() const { return m_title; }
    void setSummary(const TopologyHomeSummary &summary);
    const TopologyHomeSummary &summary() const { return m_summary; }
    // The text lines drawn (and tested): "120 workloads · 120 Services · 600 pods",
    // "597 running · 3 failing".
    QString countsText() const;
    QString healthText() const;

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_rect.adjusted(-3, -3, 3, 3); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // The bar's segments, left to right: the width of each pod health within `width` pixels,
    // a non-empty failing, warning or pending share at least `minimum` pixels wide (taken from
    // the largest segment). Public for the tests.
    static std::array<qreal, TopologyHealthCount>
    barWidths(const std::array<int, TopologyHealthCount> &counts, qreal width, qreal minimum);

private:
    QString m_home;
    QString m_title;
    QRectF m_rect;
    const TopologyDisplay *m_display;
    TopologyHomeSummary m_summary;
};

} // namespace Orrery
