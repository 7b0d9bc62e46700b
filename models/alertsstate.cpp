// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertsstate.h"

namespace Orrery {

bool AlertsState::isFiring(const Alert &alert)
{
    return alert.state != Alert::State::Suppressed && !alert.isSilenced() && !alert.isInhibited();
}

QList<Alert> AlertsState::firingFor(const QString &key) const
{
    QList<Alert> out;
    for (const Alert &a : index.alertsFor(key)) {
        if (isFiring(a))
            out << a;
    }
    return out;
}

AlertCounts AlertsState::firingCounts(const QString &key) const
{
    AlertCounts counts;
    for (const int i : index.indicesFor(key)) {
        const Alert &a = index.alerts()[i];
        if (!isFiring(a))
            continue;
        switch (a.severity()) {
        case AlertSeverity::Critical: ++counts.critical; break;
        case AlertSeverity::Warning: ++counts.warning; break;
        case AlertSeverity::Info: ++counts.info; break;
        case AlertSeverity::None: break;
        }
    }
    return counts;
}

const Silence *AlertsState::silence(const QString &id) const
{
    for (const Silence &s : silences) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

} // namespace Orrery
