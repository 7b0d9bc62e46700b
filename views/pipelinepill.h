// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topologydisplay.h"

#include <QRectF>

class QPainter;

namespace Orrery {

// The "deployed by run #123 · abc1234 · 5m ago" pill (TopologyDisplay::PipelineBadge) that
// hangs over a card's bottom edge: under a workload of the cluster topology
// (TopologyNodeItem) and under a process group, machine, service or deployment of a PaaS app
// (AppTopologyNodeItem). One drawing, so both read the same and a click on either opens the
// run.
namespace PipelinePill {

// The pill's rectangle with its top-left at `topLeft`, at most `room` wide (the short text
// when the full one does not fit); empty for a badge without text.
QRectF rect(const TopologyDisplay::PipelineBadge &badge, const QPointF &topLeft, qreal room,
            qreal fontScale = 1.0);
// Deployed: the card's fill with the selection accent's rim. Rolling out: filled with the
// progressing colour, like a rollout's status, white text.
void paint(QPainter *painter, const QRectF &pill, const TopologyDisplay::PipelineBadge &badge,
           qreal fontScale = 1.0, bool presenter = false);

} // namespace PipelinePill

} // namespace Orrery
