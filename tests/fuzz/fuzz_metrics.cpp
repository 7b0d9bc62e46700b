// SPDX-License-Identifier: GPL-3.0-or-later
// metrics.k8s.io answers as Orrery reads them: a PodMetricsList, a NodeMetricsList and a
// NodeList (allocatable), each decoded (ResourceMetrics), then printed as `kubectl top`
// prints them and added to a small MetricsHistory; plus the payload read as one quantity and
// as a Go duration. The same bytes go through every reader.
#include "fuzzinput.h"
#include "monitoring/kubectltop.h"
#include "monitoring/metricshistory.h"
#include "monitoring/resourcemetrics.h"
#include "monitoring/resourcequantity.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        const QByteArray input = Fuzz::bytes(data, size);
        MetricsHistory history(4, 3);

        const Result<PodMetricsList> pods = ResourceMetrics::decodePods(input);
        if (pods.ok()) {
            (void)KubectlTop::pods(pods->items, true);
            (void)KubectlTop::pods(pods->items, false);
            history.addPods(*pods);
        }
        const Result<QMap<QString, NodeAllocatable>> allocatable
            = ResourceMetrics::decodeAllocatable(input);
        const Result<NodeMetricsList> nodes = ResourceMetrics::decodeNodes(input);
        if (nodes.ok()) {
            (void)KubectlTop::nodes(
                nodes->items, allocatable.ok() ? *allocatable : QMap<QString, NodeAllocatable>());
            history.addNodes(*nodes);
        }

        if (size <= 256) {
            const QString text = QString::fromUtf8(input);
            for (int scale : {0, 3, 9})
                (void)ResourceQuantity::parseScaled(text, scale);
            (void)ResourceMetrics::parseWindowMs(text);
        }
    });
}
