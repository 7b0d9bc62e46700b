// SPDX-License-Identifier: GPL-3.0-or-later
// A Prometheus HTTP API answer (or whatever a proxy sends instead) as PrometheusResponse
// decodes it under each status a server may give; the first byte picks the status.
#include "fuzzinput.h"
#include "monitoring/prometheusresponse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        const Fuzz::Selected in = Fuzz::select(data, size);
        static const int statuses[] = {200, 400, 422, 503, 404, 403, 502, 0};
        const int status = statuses[in.selector % (sizeof statuses / sizeof statuses[0])];
        const auto result = PrometheusResponse::decode(status, in.payload, QStringLiteral("up"));
        if (result.ok()) {
            qint64 samples = 0;
            for (const PrometheusSeries &s : result->series)
                samples += s.samples.size();
            if (result->series.size() > PrometheusResponse::MaxSeries
                || samples > PrometheusResponse::MaxSamples)
                __builtin_trap();
        }
        double value = 0;
        (void)PrometheusResponse::parseValue(QString::fromUtf8(in.payload.left(64)), &value);
    });
}
