// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricscolumns.h"

#include <monitoring/resourcequantity.h>

#include <QCoreApplication>

#include <optional>

namespace Orrery::MetricsColumns {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::MetricsColumns", text);
}

enum class What { Cpu, CpuOfRequest, CpuOfLimit, Memory, MemoryOfRequest, MemoryOfLimit };

std::optional<What> what(Kind kind, int column)
{
    if (kind == Kind::Pod || WorkloadUsage::covers(kind)) {
        static constexpr What pod[] = {What::Cpu,    What::CpuOfRequest,    What::CpuOfLimit,
                                       What::Memory, What::MemoryOfRequest, What::MemoryOfLimit};
        if (column >= 0 && column < 6)
            return pod[column];
    } else if (kind == Kind::Node) {
        // The node's percentages are of its allocatable (shown as "of request" slots).
        static constexpr What node[]
            = {What::Cpu, What::CpuOfRequest, What::Memory, What::MemoryOfRequest};
        if (column >= 0 && column < 4)
            return node[column];
    }
    return std::nullopt;
}

bool isCpu(What w)
{
    return w == What::Cpu || w == What::CpuOfRequest || w == What::CpuOfLimit;
}

// What a row's cells are computed from: its usage and denominators, or why it has none.
struct Reading
{
    bool present = false;
    qint64 cpuMilli = 0;
    qint64 memoryBytes = 0;
    bool cpuFromNano = true; // a pod or node: format from nanocores (kubectl rounds once)
    qint64 cpuNanocores = 0;
    const KubeObject *object = nullptr;
    const WorkloadUsage::Sum *sum = nullptr; // workloads
    QString reason;                          // !present: the tooltip
};

Reading read(Kind kind, const KubeObject &object, const MetricsSnapshot *metrics,
             const WorkloadUsage *workloads)
{
    Reading r;
    r.object = &object;
    if (WorkloadUsage::covers(kind)) {
        const MetricsSnapshot *m = workloads ? workloads->metrics.get() : nullptr;
        if (!m) {
            r.reason = tr("Waiting for the first metrics-server sample.");
            return r;
        }
        if (m->podsUnavailable) {
            r.reason = m->podsUnavailable->text();
            return r;
        }
        r.sum = workloads->find(object);
        if (!r.sum || r.sum->pods == 0) {
            r.reason = tr("No running pods.");
            return r;
        }
        if (r.sum->sampled == 0) {
            const int slash = int(r.sum->unsampledPod.indexOf(QLatin1Char('/')));
            r.reason
                = m->podReason(r.sum->unsampledPod.left(slash), r.sum->unsampledPod.mid(slash + 1))
                      .text();
            return r;
        }
        r.present = true;
        r.cpuFromNano = false;
        r.cpuMilli = r.sum->cpuMillicores;
        r.memoryBytes = r.sum->memoryBytes;
        return r;
    }
    if (!metrics) {
        r.reason = tr("Waiting for the first metrics-server sample.");
        return r;
    }
    const MetricsSnapshot::Usage *u = kind == Kind::Pod
                                          ? metrics->pod(object.namespaceName, object.name)
                                          : metrics->node(object.name);
    if (!u) {
        r.reason = kind == Kind::Pod ? metrics->podReason(object.namespaceName, object.name).text()
                                     : metrics->nodeReason(object.name).text();
        return r;
    }
    r.present = true;
    r.cpuNanocores = u->cpuNanocores;
    r.cpuMilli = ResourceQuantity::milliFromNano(u->cpuNanocores);
    r.memoryBytes = u->memoryBytes;
    return r;
}

WorkloadUsage::Denominator denominatorOf(What w)
{
    switch (w) {
    case What::CpuOfLimit: return WorkloadUsage::Denominator::CpuLimit;
    case What::MemoryOfRequest: return WorkloadUsage::Denominator::MemoryRequest;
    case What::MemoryOfLimit: return WorkloadUsage::Denominator::MemoryLimit;
    default: return WorkloadUsage::Denominator::CpuRequest;
    }
}

// The denominator in MilliValue() units (millicores; bytes × 1000), or nullopt when some
// container leaves it unset (a sum would then understate it) or nothing parses.
std::optional<qint64> denominator(What w, const Reading &r)
{
    if (r.sum)
        return r.sum->denominator(denominatorOf(w));
    if (const auto *node = r.object->as<NodeData>()) {
        const QString &text = isCpu(w) ? node->cpuAllocatable : node->memoryAllocatable;
        return text.isEmpty() ? std::nullopt : ResourceQuantity::parseScaled(text, 3);
    }
    const auto *pod = r.object->as<PodData>();
    if (!pod)
        return std::nullopt;
    return WorkloadUsage::podDenominator(*pod, denominatorOf(w));
}

qint64 usageMilli(What w, const Reading &r)
{
    if (isCpu(w))
        return r.cpuMilli;
    qint64 m = 0;
    return __builtin_mul_overflow(r.memoryBytes, qint64(1000), &m) ? 0 : m;
}

} // namespace

int count(Kind kind)
{
    return kind == Kind::Pod || WorkloadUsage::covers(kind) ? 6 : kind == Kind::Node ? 4 : 0;
}

QString title(Kind kind, int column)
{
    const std::optional<What> w = what(kind, column);
    if (!w)
        return {};
    if (kind == Kind::Node) {
        switch (*w) {
        case What::Cpu: return tr("CPU");
        case What::CpuOfRequest: return tr("%CPU");
        case What::Memory: return tr("MEM");
        default: return tr("%MEM");
        }
    }
    switch (*w) {
    case What::Cpu: return tr("CPU");
    case What::CpuOfRequest: return tr("%CPU/R");
    case What::CpuOfLimit: return tr("%CPU/L");
    case What::Memory: return tr("MEM");
    case What::MemoryOfRequest: return tr("%MEM/R");
    case What::MemoryOfLimit: return tr("%MEM/L");
    }
    return {};
}

QString text(Kind kind, int column, const KubeObject &object, const MetricsSnapshot *metrics,
             const WorkloadUsage *workloads)
{
    const std::optional<What> w = what(kind, column);
    if (!w)
        return {};
    const Reading r = read(kind, object, metrics, workloads);
    if (!r.present)
        return QStringLiteral("—");
    if (*w == What::Cpu)
        return r.cpuFromNano ? ResourceQuantity::formatCpu(r.cpuNanocores)
                             : QString::number(r.cpuMilli) + QLatin1Char('m');
    if (*w == What::Memory)
        return ResourceQuantity::formatMemory(r.memoryBytes);
    const std::optional<qint64> d = denominator(*w, r);
    if (!d || *d == 0)
        return tr("n/a");
    return QString::number(ResourceQuantity::percent(usageMilli(*w, r), *d)) + QLatin1Char('%');
}

QString toolTip(Kind kind, int column, const KubeObject &object, const MetricsSnapshot *metrics,
                const WorkloadUsage *workloads)
{
    const std::optional<What> w = what(kind, column);
    if (!w)
        return {};
    const Reading r = read(kind, object, metrics, workloads);
    if (!r.present)
        return r.reason;
    QString partial;
    if (r.sum && r.sum->sampled < r.sum->pods)
        partial = tr("%1 of %2 pods have a metrics-server sample; the figures are theirs.")
                      .arg(r.sum->sampled)
                      .arg(r.sum->pods);
    else if (r.sum)
        partial = QCoreApplication::translate("Orrery::MetricsColumns", "The sum of %n pod(s).",
                                              nullptr, r.sum->pods);
    if (*w == What::Cpu || *w == What::Memory)
        return partial;
    if (denominator(*w, r))
        return partial;
    QString missing;
    switch (*w) {
    case What::CpuOfRequest:
        missing = kind == Kind::Node ? tr("The node states no allocatable CPU.")
                                     : tr("A container sets no CPU request.");
        break;
    case What::CpuOfLimit: missing = tr("A container sets no CPU limit."); break;
    case What::MemoryOfRequest:
        missing = kind == Kind::Node ? tr("The node states no allocatable memory.")
                                     : tr("A container sets no memory request.");
        break;
    case What::MemoryOfLimit: missing = tr("A container sets no memory limit."); break;
    default: break;
    }
    return r.sum ? missing + QLatin1Char('\n') + partial : missing;
}

QVariant sortKey(Kind kind, int column, const KubeObject &object, const MetricsSnapshot *metrics,
                 const WorkloadUsage *workloads)
{
    const std::optional<What> w = what(kind, column);
    if (!w)
        return qint64(-1);
    const Reading r = read(kind, object, metrics, workloads);
    if (!r.present)
        return qint64(-1);
    if (*w == What::Cpu)
        return r.cpuFromNano ? r.cpuNanocores : r.cpuMilli * 1000000;
    if (*w == What::Memory)
        return r.memoryBytes;
    const std::optional<qint64> d = denominator(*w, r);
    if (!d || *d == 0)
        return qint64(-1);
    return ResourceQuantity::percent(usageMilli(*w, r), *d);
}

std::optional<double> fraction(Kind kind, bool cpu, const KubeObject &object,
                               const MetricsSnapshot *metrics, const WorkloadUsage *workloads)
{
    const Reading r = read(kind, object, metrics, workloads);
    if (!r.present)
        return std::nullopt;
    const What w = cpu ? What::CpuOfRequest : What::MemoryOfRequest;
    const std::optional<qint64> d = denominator(w, r);
    if (!d || *d <= 0)
        return std::nullopt;
    return double(usageMilli(w, r)) / double(*d);
}

} // namespace Orrery::MetricsColumns
