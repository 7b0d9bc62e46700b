// SPDX-License-Identifier: GPL-3.0-or-later
// An Alertmanager API v2 answer (or whatever a proxy sends instead) as AlertmanagerResponse
// decodes it: the first byte picks the decoder (alerts, silences, a created silence's id,
// an expired silence's empty answer) and the HTTP status. The alerts are then attached to
// objects by AlertIndex and their silences matched, as the app does with every answer.
#include "fuzzinput.h"
#include "monitoring/alertindex.h"
#include "monitoring/alertmanagerresponse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        const Fuzz::Selected in = Fuzz::select(data, size);
        static const int statuses[] = {200, 400, 422, 500, 404, 403, 502, 0};
        const int status = statuses[(in.selector / 4) % (sizeof statuses / sizeof statuses[0])];
        const QString what = QStringLiteral("http://127.0.0.1:9093/api/v2/alerts");
        switch (in.selector % 4) {
        case 0: {
            const auto alerts = AlertmanagerResponse::decodeAlerts(status, in.payload, what);
            if (alerts.ok()) {
                if (alerts->size() > AlertmanagerResponse::MaxAlerts)
                    __builtin_trap();
                AlertIndex index(*alerts);
                index.setNodeAddresses(
                    {{QStringLiteral("worker-1"), {QStringLiteral("10.0.0.1")}}});
                qsizetype attached = index.unattached().size();
                for (const QString &key : index.keys())
                    if (index.worstSeverity(key) == AlertSeverity::None)
                        __builtin_trap();
                for (const Alert &a : *alerts) {
                    attached += index.keysOf(a).isEmpty() ? 0 : 1;
                    (void)Silence::forAlert(a, QDateTime::currentDateTimeUtc(), 3600, {}, {})
                        .matches(a.labels);
                }
                if (attached != alerts->size())
                    __builtin_trap();
            }
            break;
        }
        case 1: {
            const auto silences = AlertmanagerResponse::decodeSilences(status, in.payload, what);
            if (silences.ok()) {
                if (silences->size() > AlertmanagerResponse::MaxSilences)
                    __builtin_trap();
                for (const Silence &s : *silences) {
                    (void)s.matches({{QStringLiteral("alertname"), QStringLiteral("X")}});
                    (void)AlertmanagerResponse::encodeSilence(s);
                }
            }
            break;
        }
        case 2: (void)AlertmanagerResponse::decodeSilenceId(status, in.payload, what); break;
        default: (void)AlertmanagerResponse::decodeEmpty(status, in.payload, what); break;
        }
        (void)AlertmanagerResponse::parseTime(QString::fromUtf8(in.payload.left(80)));
    });
}
