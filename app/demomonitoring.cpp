// SPDX-License-Identifier: GPL-3.0-or-later
#include "demomonitoring.h"

#include <contextpreferences.h>

#include <monitoring/localmonitoringservers.h>

#include <QStringList>

namespace Orrery::App {

void applyDemoMonitoring(ContextPreferences &preferences, const MonitoringServersStatus &status,
                         bool alertmanager, QHash<QString, QString> &ours)
{
    QStringList contexts;
    if (status.isRunning() && !status.cluster.isEmpty())
        contexts = {status.cluster, status.cluster + QStringLiteral("-operator"),
                    status.cluster + QStringLiteral("-viewer")};
    QStringList touched = contexts;
    for (auto it = ours.cbegin(); it != ours.cend(); ++it)
        touched.append(it.key().section(QLatin1Char('\n'), 0, 0));
    touched.removeDuplicates();
    for (const QString &context : std::as_const(touched)) {
        const bool watched = contexts.contains(context);
        auto set = [&](const char *field, const QString &url, auto getter, auto setter) {
            const QString key = context + QLatin1Char('\n') + QLatin1String(field);
            const QString current = (preferences.*getter)(context);
            if (!current.isEmpty() && current != ours.value(key))
                return; // the user's own setting
            (preferences.*setter)(context, url);
            if (url.isEmpty())
                ours.remove(key);
            else
                ours.insert(key, url);
        };
        set("prometheus", watched ? status.prometheusUrl : QString(),
            &ContextPreferences::prometheusSetting, &ContextPreferences::setPrometheusSetting);
        if (alertmanager)
            set("alertmanager", watched ? status.alertmanagerUrl : QString(),
                &ContextPreferences::alertmanagerSetting,
                &ContextPreferences::setAlertmanagerSetting);
    }
}

} // namespace Orrery::App
