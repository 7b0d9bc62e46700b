// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace Orrery {
class ContextPreferences;
struct MonitoringServersStatus;
} // namespace Orrery

namespace Orrery::App {

// The demo's Prometheus and Alertmanager watch one of its clusters: they become the monitoring
// settings of that cluster's three contexts (kept in memory: demo contexts), so the Metrics tab
// and the Alerts page use them rather than the simulated `prometheus` and `alertmanager`
// Services, which orrery-sim does not serve through a service proxy. `ours` remembers what was
// set, so a setting typed in the Preferences is never overwritten and a stopped server's URL
// is taken back.
// `alertmanager` false (--alertmanager given): the Alertmanager setting is left alone.
void applyDemoMonitoring(ContextPreferences &preferences, const MonitoringServersStatus &status,
                         bool alertmanager, QHash<QString, QString> &ours);

} // namespace Orrery::App
