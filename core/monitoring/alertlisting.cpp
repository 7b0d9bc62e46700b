// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertlisting.h"

#include "monitoring/alertmanagerresponse.h"
#include "monitoring/kubectltop.h"
#include "util/ageformat.h"
#include "util/jsonread.h"

#include <algorithm>
#include <numeric>

namespace Orrery::AlertListing {

namespace {

QString alertNamespace(const Alert &a)
{
    const QString exported = a.labels.value(QStringLiteral("exported_namespace"));
    return exported.isEmpty() ? a.labels.value(QStringLiteral("namespace")) : exported;
}

QString stateName(Alert::State state)
{
    switch (state) {
    case Alert::State::Suppressed: return QStringLiteral("suppressed");
    case Alert::State::Unprocessed: return QStringLiteral("unprocessed");
    case Alert::State::Active: break;
    }
    return QStringLiteral("active");
}

// The keys besides namespace/NS (which the NAMESPACE column shows).
QStringList objectsOf(const AlertIndex &index, const Alert &a)
{
    QStringList keys = index.keysOf(a);
    keys.removeIf([](const QString &k) { return k.startsWith(QLatin1String("namespace/")); });
    return keys;
}

nlohmann::json stringMap(const QMap<QString, QString> &map)
{
    nlohmann::json out = nlohmann::json::object();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out[it.key().toStdString()] = it.value().toStdString();
    return out;
}

nlohmann::json stringList(const QStringList &list)
{
    nlohmann::json out = nlohmann::json::array();
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

} // namespace

QList<int> order(const AlertIndex &index)
{
    const QList<Alert> &alerts = index.alerts();
    QList<int> rows(alerts.size());
    std::iota(rows.begin(), rows.end(), 0);
    std::stable_sort(rows.begin(), rows.end(), [&alerts](int l, int r) {
        const Alert &a = alerts[l];
        const Alert &b = alerts[r];
        if (a.severity() != b.severity())
            return a.severity() > b.severity();
        if (const int c = alertNamespace(a).compare(alertNamespace(b)); c != 0)
            return c < 0;
        if (const int c = a.name().compare(b.name()); c != 0)
            return c < 0;
        return a.startsAt < b.startsAt;
    });
    return rows;
}

QString table(const AlertIndex &index, const QDateTime &now)
{
    QList<QStringList> rows;
    rows << QStringList{QStringLiteral("SEVERITY"),  QStringLiteral("ALERT"),
                        QStringLiteral("STATE"),     QStringLiteral("AGE"),
                        QStringLiteral("NAMESPACE"), QStringLiteral("OBJECTS"),
                        QStringLiteral("SUMMARY")};
    const qint64 nowSeconds = now.toSecsSinceEpoch();
    for (int i : order(index)) {
        const Alert &a = index.alerts().at(i);
        const QStringList objects = objectsOf(index, a);
        const QString ns = alertNamespace(a);
        QString summary = a.summary().simplified();
        rows << QStringList{
            a.severityText().isEmpty() ? alertSeverityName(a.severity()) : a.severityText(),
            a.name(),
            stateName(a.state),
            a.startsAt.isValid() ? ageText(a.startsAt.toSecsSinceEpoch(), nowSeconds)
                                 : QStringLiteral("<unknown>"),
            ns.isEmpty() ? QStringLiteral("-") : ns,
            objects.isEmpty() ? QStringLiteral("-") : objects.join(QLatin1Char(',')),
            summary};
    }
    return KubectlTop::tabulate(rows);
}

QByteArray json(const AlertIndex &index, const QString &alertmanagerUrl)
{
    nlohmann::json alerts = nlohmann::json::array();
    for (int i : order(index)) {
        const Alert &a = index.alerts().at(i);
        const auto time = [](const QDateTime &t) {
            return t.isValid() ? nlohmann::json(AlertmanagerResponse::formatTime(t).toStdString())
                               : nlohmann::json();
        };
        alerts.push_back({
            {"name", a.name().toStdString()},
            {"severity", alertSeverityName(a.severity()).toStdString()},
            {"severityLabel", a.severityText().toStdString()},
            {"state", stateName(a.state).toStdString()},
            {"startsAt", time(a.startsAt)},
            {"endsAt", time(a.endsAt)},
            {"summary", a.summary().toStdString()},
            {"description", a.description().toStdString()},
            {"runbookUrl", a.runbookUrl().toStdString()},
            {"generatorURL", a.generatorUrl.toStdString()},
            {"fingerprint", a.fingerprint.toStdString()},
            {"labels", stringMap(a.labels)},
            {"annotations", stringMap(a.annotations)},
            {"silencedBy", stringList(a.silencedBy)},
            {"inhibitedBy", stringList(a.inhibitedBy)},
            {"namespace", alertNamespace(a).toStdString()},
            {"objects", stringList(index.keysOf(a))},
        });
    }
    const nlohmann::json doc = {{"alertmanager", alertmanagerUrl.toStdString()},
                                {"alerts", alerts},
                                {"unattached", index.unattached().size()}};
    return JsonRead::dumpBytes(doc, 2) + '\n';
}

} // namespace Orrery::AlertListing
