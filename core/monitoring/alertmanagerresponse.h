// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "monitoring/alert.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

namespace Orrery {

// Decodes Alertmanager's API v2 answers (api/v2/openapi.yaml of prometheus/alertmanager)
// tolerantly and within bounds, like every reader of outside input (docs/RELIABILITY.md):
// JsonRead (depth-limited, never throws); an item that is not an object, a label or
// annotation that is not a string, a matcher without a name, a time that does not parse are
// skipped (or read as unset); unknown fields are ignored. More than MaxAlerts alerts or
// MaxSilences silences is Error::Code::TooLarge; labels and annotations beyond
// MaxLabelsPerAlert and lists beyond MaxIdsPerAlert are cut.
//
// A non-2xx status is an Error with the HTTP status and the server's words: Alertmanager
// answers errors as a JSON string ("silence not found"), as go-swagger's {"code", "message"}
// or as text; an API server's metav1.Status (403 through the service proxy) or an HTML page
// gives its message or the status in words. `what` names the request for Error::context.
class AlertmanagerResponse
{
public:
    static constexpr qint64 MaxAlerts = 100000;
    static constexpr qint64 MaxSilences = 100000;
    static constexpr qint64 MaxLabelsPerAlert = 1000;
    static constexpr qint64 MaxIdsPerAlert = 1000;
    static constexpr qint64 MaxMatchers = 1000;

    static Result<QList<Alert>> decodeAlerts(int httpStatus, const QByteArray &body,
                                             const QString &what = {});
    static Result<QList<Silence>> decodeSilences(int httpStatus, const QByteArray &body,
                                                 const QString &what = {});
    // POST /api/v2/silences answers {"silenceID": "..."}.
    static Result<QString> decodeSilenceId(int httpStatus, const QByteArray &body,
                                           const QString &what = {});
    // DELETE /api/v2/silence/{id}: any 2xx is success.
    static Result<void> decodeEmpty(int httpStatus, const QByteArray &body,
                                    const QString &what = {});

    // The PostableSilence body for POST /api/v2/silences.
    static QByteArray encodeSilence(const Silence &silence);
    // The same body as JSON (encodeSilence() is its dump): built, never parsed back.
    static nlohmann::json silenceJson(const Silence &silence);

    // The Error for a non-2xx answer (see above).
    static Error errorOf(int httpStatus, const QByteArray &body, const QString &what);
    // RFC 3339 with up to nine fractional digits ("2026-12-07T09:00:00.123456789Z") to UTC;
    // invalid when it does not parse.
    static QDateTime parseTime(const QString &text);
    static QString formatTime(const QDateTime &time);
};

} // namespace Orrery
