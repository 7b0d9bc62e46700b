// SPDX-License-Identifier: GPL-3.0-or-later
#include "prometheusresponse.h"

#include "util/jsonread.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

namespace Orrery {

namespace {

using Json = nlohmann::json;

QString context(const QString &query)
{
    return QStringLiteral("PromQL: %1").arg(query);
}

// [time, "value"]: false when either part is unusable.
bool sample(const Json &pair, PrometheusSample *out)
{
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number())
        return false;
    out->time = pair[0].get<double>();
    return std::isfinite(out->time) && pair[1].is_string()
           && PrometheusResponse::parseValue(JsonRead::toString(pair[1]), &out->value);
}

QMap<QString, QString> labelsOf(const Json &metric)
{
    QMap<QString, QString> labels;
    if (!metric.is_object())
        return labels;
    for (auto it = metric.begin(); it != metric.end(); ++it)
        if (it->is_string())
            labels.insert(QString::fromStdString(it.key()), JsonRead::toString(*it));
    return labels;
}

Error tooLarge(const char *what, qint64 limit, const QString &query)
{
    return Error(Error::Code::TooLarge,
                 QCoreApplication::translate("PrometheusResponse",
                                             "the answer has more than %1 %2; narrow the query "
                                             "or its time range")
                     .arg(limit)
                     .arg(QCoreApplication::translate("PrometheusResponse", what)),
                 context(query));
}

} // namespace

bool PrometheusResponse::parseValue(const QString &text, double *out)
{
    if (text == QLatin1String("NaN")) {
        *out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (text == QLatin1String("+Inf") || text == QLatin1String("Inf")) {
        *out = std::numeric_limits<double>::infinity();
        return true;
    }
    if (text == QLatin1String("-Inf")) {
        *out = -std::numeric_limits<double>::infinity();
        return true;
    }
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return false;
    *out = v;
    return true;
}

Result<PrometheusResult> PrometheusResponse::decode(int httpStatus, const QByteArray &body,
                                                    const QString &query)
{
    const Json answer = JsonRead::parse(body);
    const QString status = JsonRead::string(answer, "status");
    if (answer.is_discarded() || !answer.is_object()
        || (status != QLatin1String("success") && status != QLatin1String("error"))) {
        Error e(httpStatus >= 500   ? Error::Code::ServerError
                : httpStatus == 404 ? Error::Code::NotFound
                : httpStatus == 403 ? Error::Code::Forbidden
                : httpStatus == 401 ? Error::Code::AuthError
                                    : Error::Code::ParseError,
                QCoreApplication::translate("PrometheusResponse",
                                            "HTTP %1: the answer is not a Prometheus API answer")
                    .arg(httpStatus),
                context(query));
        e.httpStatus = httpStatus;
        return e;
    }
    if (status == QLatin1String("error")) {
        const QString type = JsonRead::string(answer, "errorType", QStringLiteral("error"));
        Error e(type == QLatin1String("timeout")       ? Error::Code::Timeout
                : type == QLatin1String("bad_data")    ? Error::Code::InvalidArgument
                : type == QLatin1String("unavailable") ? Error::Code::ServerError
                                                       : Error::Code::ServerError,
                type + QLatin1String(": ") + JsonRead::string(answer, "error"), context(query));
        e.httpStatus = httpStatus;
        return e;
    }

    PrometheusResult result;
    result.query = query;
    for (const Json &w : JsonRead::array(answer, "warnings")) {
        if (result.warnings.size() >= MaxWarnings)
            break;
        if (w.is_string())
            result.warnings << JsonRead::toString(w);
    }
    const Json &data = JsonRead::object(answer, "data");
    const QString type = JsonRead::string(data, "resultType");
    const Json *raw = JsonRead::find(data, "result");
    if (!raw)
        return Error(Error::Code::ParseError,
                     QCoreApplication::translate("PrometheusResponse", "the answer has no result"),
                     context(query));
    if (type == QLatin1String("scalar") || type == QLatin1String("string")) {
        PrometheusSample s;
        if (type == QLatin1String("string")) {
            result.type = PrometheusResult::Type::String;
            if (raw->is_array() && raw->size() == 2)
                result.text = JsonRead::toString((*raw)[1]);
            return result;
        }
        result.type = PrometheusResult::Type::Scalar;
        if (sample(*raw, &s))
            result.series.append(PrometheusSeries{{}, {s}});
        return result;
    }
    if (type != QLatin1String("vector") && type != QLatin1String("matrix"))
        return Error(Error::Code::ParseError,
                     QCoreApplication::translate("PrometheusResponse", "unknown result type \"%1\"")
                         .arg(type),
                     context(query));
    const bool matrix = type == QLatin1String("matrix");
    result.type = matrix ? PrometheusResult::Type::Matrix : PrometheusResult::Type::Vector;
    if (!raw->is_array())
        return result;
    if (static_cast<qint64>(raw->size()) > MaxSeries)
        return tooLarge(QT_TRANSLATE_NOOP("PrometheusResponse", "series"), MaxSeries, query);
    qint64 samples = 0;
    for (const Json &item : *raw) {
        if (!item.is_object())
            continue;
        PrometheusSeries series;
        series.labels = labelsOf(JsonRead::object(item, "metric"));
        if (matrix) {
            const Json &values = JsonRead::array(item, "values");
            samples += static_cast<qint64>(values.size());
            if (samples > MaxSamples)
                return tooLarge(QT_TRANSLATE_NOOP("PrometheusResponse", "samples"), MaxSamples,
                                query);
            series.samples.reserve(static_cast<qsizetype>(values.size()));
            for (const Json &v : values) {
                PrometheusSample s;
                if (sample(v, &s))
                    series.samples.append(s);
            }
        } else {
            PrometheusSample s;
            const Json *v = JsonRead::find(item, "value");
            if (v && sample(*v, &s))
                series.samples.append(s);
        }
        result.series.append(std::move(series));
    }
    return result;
}

} // namespace Orrery
