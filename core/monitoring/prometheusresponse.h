// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/limits.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Orrery {

struct PrometheusSample
{
    double time = 0;  // Unix seconds
    double value = 0; // NaN and ±Inf as Prometheus sends them ("NaN", "+Inf", "-Inf")
};

struct PrometheusSeries
{
    QMap<QString, QString> labels; // the metric's labels, __name__ included when present
    QList<PrometheusSample> samples;
};

// A decoded /api/v1/query or /api/v1/query_range answer.
struct PrometheusResult
{
    enum class Type { Vector, Matrix, Scalar, String };
    Type type = Type::Vector;
    // Vector: one sample per series; Matrix: the range's samples; Scalar: one series without
    // labels holding one sample; String: no series (see text).
    QList<PrometheusSeries> series;
    QString text;         // resultType string
    QStringList warnings; // the answer's "warnings"
    QString query;        // the PromQL asked
};

// Decodes Prometheus' HTTP API answer (any status) tolerantly and within bounds:
//  - status "success": the result by resultType; samples whose time or value is not a number
//    are skipped, unknown fields ignored;
//  - status "error" (400 bad_data, 422 execution, 503 timeout/unavailable...): an Error
//    whose message is "<errorType>: <error>";
//  - anything else (an HTML proxy page, an API server's 404/403 Status, not JSON): an Error
//    naming the HTTP status.
// Every Error's context names the query ("PromQL: <query>"), so a caller can show which
// query failed. More than MaxSeries series or MaxSamples samples is Error::Code::TooLarge.
class PrometheusResponse
{
public:
    static constexpr qint64 MaxSeries = 50000;
    static constexpr qint64 MaxSamples = 5000000; // about 80 MiB decoded
    static constexpr qint64 MaxWarnings = 100;

    static Result<PrometheusResult> decode(int httpStatus, const QByteArray &body,
                                           const QString &query);

    // Prometheus' float text ("1.5", "NaN", "+Inf", "-Inf"); false for anything else.
    static bool parseValue(const QString &text, double *out);
};

} // namespace Orrery
