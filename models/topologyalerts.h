// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "alertsstate.h"

#include <monitoring/alertindex.h>

#include <QHash>
#include <QString>

#include <optional>

namespace Orrery {

class TopologyGraph;
enum class TopologyKind : quint8;

// The topology node an AlertIndex key stands for ("pod/NS/NAME" → "Pod/NS/NAME"); nullopt
// for keys the diagram has no node for (namespace/NS).
std::optional<QString> topologyIdOfAlertKey(const QString &key);

// The firing alerts (not silenced or inhibited) per topology node id, counted by severity:
// each object an alert attaches to, and the pod group drawn instead of a collapsed pod.
QHash<QString, AlertCounts> topologyAlerts(const AlertsState &state, const TopologyGraph &graph);

} // namespace Orrery
