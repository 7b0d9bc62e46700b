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

WorkloadUsage::Denominator denominatorOf(What w)
{
    switch (w) {
    case What::CpuOfLimit: return WorkloadUsage::Denominator::CpuLimit;
    case What::MemoryOfRequest: return WorkloadUsage::Denominator::MemoryRequest;
    case What::MemoryOfLimit: return WorkloadUsage::Denominator::MemoryLimit;
    default: return WorkloadUsage::Denominator::CpuRequest;
    }
}

qint64 usageMilli(What w, const Reading &r)
{
    if (isCpu(w))
        return r.cpuMilli;
    qint64 m = 0;
    return __builtin_mul_overflow(r.memoryBytes, qint64(1000), &m) ? 0 : m;
}

// Why a row has no figures (the tooltip of its "—").
QString reasonOf(Kind kind, const KubeObject &object, const MetricsSnapshot *metrics,
                 const WorkloadUsage *workloads)
{
    if (WorkloadUsage::covers(kind)) {
        const MetricsSnapshot *m = workloads ? workloads->metrics.get() : nullptr;
        if (!m)
            return tr("Waiting for the first metrics-server sample.");
        if (m->podsUnavailable)
            return m->podsUnavailable->text();
        const WorkloadUsage::Sum *sum = workloads->find(object);
        if (!sum || sum->pods == 0)
            return tr("No running pods.");
        const int slash = int(sum->unsampledPod.indexOf(QLatin1Char('/')));
        return m->podReason(sum->unsampledPod.left(slash), sum->unsampledPod.mid(slash + 1)).text();
    }
    if (!metrics)
        return tr("Waiting for the first metrics-server sample.");
    return kind == Kind::Pod ? metrics->podReason(object.namespaceName, object.name).text()
                             : metrics->nodeReason(object.name).text();
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

Denominators denominatorsOf(const KubeObject &object)
{
    Denominators d;
    if (const auto *node = object.as<NodeData>()) {
        // A node's percentages are of its allocatable, in the request slots.
        if (!node->cpuAllocatable.isEmpty())
            d[0] = ResourceQuantity::parseScaled(node->cpuAllocatable, 3);
        if (!node->memoryAllocatable.isEmpty())
            d[2] = ResourceQuantity::parseScaled(node->memoryAllocatable, 3);
    } else if (const auto *pod = object.as<PodData>()) {
        for (int i = 0; i < 4; ++i)
            d[std::size_t(i)] = WorkloadUsage::podDenominator(*pod, WorkloadUsage::Denominator(i));
    }
    return d;
}

Reading read(Kind kind, const KubeObject &object, const MetricsSnapshot *metrics,
             const WorkloadUsage *workloads, const Denominators *objectDenominators)
{
    Reading r;
    if (WorkloadUsage::covers(kind)) {
        const MetricsSnapshot *m = workloads ? workloads->metrics.get() : nullptr;
        const WorkloadUsage::Sum *sum
            = m && !m->podsUnavailable ? workloads->find(object) : nullptr;
        if (!sum || sum->sampled == 0)
            return r;
        r.present = true;
        r.workload = true;
        r.pods = sum->pods;
        r.sampled = sum->sampled;
        r.cpuMilli = sum->cpuMillicores;
        r.memoryBytes = sum->memoryBytes;
        for (int i = 0; i < 4; ++i)
            r.denominators[std::size_t(i)] = sum->denominators[i];
        return r;
    }
    if (!metrics)
        return r;
    const MetricsSnapshot::Usage *u = kind == Kind::Pod
                                          ? metrics->pod(object.namespaceName, object.name)
                                          : metrics->node(object.name);
    if (!u)
        return r;
    return fromUsage(*u, objectDenominators ? *objectDenominators : denominatorsOf(object));
}

Reading fromUsage(const MetricsSnapshot::Usage &usage, const Denominators &denominators)
{
    Reading r;
    r.present = true;
    r.cpuNanocores = usage.cpuNanocores;
    r.cpuMilli = ResourceQuantity::milliFromNano(usage.cpuNanocores);
    r.memoryBytes = usage.memoryBytes;
    r.denominators = denominators;
    return r;
}

QString text(Kind kind, int column, const Reading &r)
{
    const std::optional<What> w = what(kind, column);
    if (!w)
        return {};
    if (!r.present)
        return QStringLiteral("—");
    if (*w == What::Cpu)
        return r.workload ? QString::number(r.cpuMilli) + QLatin1Char('m')
                          : ResourceQuantity::formatCpu(r.cpuNanocores);
    if (*w == What::Memory)
        return ResourceQuantity::formatMemory(r.memoryBytes);
    const std::optional<qint64> d = r.denominators[std::size_t(denominatorOf(*w))];
    if (!d || *d == 0)
        return tr("n/a");
    return QString::number(ResourceQuantity::percent(usageMilli(*w, r), *d)) + QLatin1Char('%');
}

qint64 sortValue(Kind kind, int column, const Reading &r)
{
    const std::optional<What> w = what(kind, column);
    if (!w || !r.present)
        return -1;
    if (*w == What::Cpu)
        return r.workload ? r.cpuMilli * 1000000 : r.cpuNanocores;
    if (*w == What::Memory)
        return r.memoryBytes;
    const std::optional<qint64> d = r.denominators[std::size_t(denominatorOf(*w))];
    if (!d || *d == 0)
        return -1;
    return ResourceQuantity::percent(usageMilli(*w, r), *d);
}

QVariant sortKey(Kind kind, int column, const Reading &r)
{
    return sortValue(kind, column, r);
}

std::optional<double> fraction(bool cpu, const Reading &r)
{
    if (!r.present)
        return std::nullopt;
    const What w = cpu ? What::CpuOfRequest : What::MemoryOfRequest;
    const std::optional<qint64> d = r.denominators[std::size_t(denominatorOf(w))];
    if (!d || *d <= 0)
        return std::nullopt;
    return double(usageMilli(w, r)) / double(*d);
}

QString text(Kind kind, int column, const KubeObject &object, const MetricsSnapshot *metrics,
             const WorkloadUsage *workloads)
{
    return text(kind, column, read(kind, object, metrics, workloads));
}

QString toolTip(Kind kind, int column, const KubeObject &object, const MetricsSnapshot *metrics,
                const WorkloadUsage *workloads)
{
    const std::optional<What> w = what(kind, column);
    if (!w)
        return {};
    const Reading r = read(kind, object, metrics, workloads);
    if (!r.present)
        return reasonOf(kind, object, metrics, workloads);
    QString partial;
    if (r.workload && r.sampled < r.pods)
        partial = tr("%1 of %2 pods have a metrics-server sample; the figures are theirs.")
                      .arg(r.sampled)
                      .arg(r.pods);
    else if (r.workload)
        partial = QCoreApplication::translate("Orrery::MetricsColumns", "The sum of %n pod(s).",
                                              nullptr, r.pods);
    if (*w == What::Cpu || *w == What::Memory)
        return partial;
    if (r.denominators[std::size_t(denominatorOf(*w))])
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
    return r.workload ? missing + QLatin1Char('\n') + partial : missing;
}

QVariant sortKey(Kind kind, int column, const KubeObject &object, const MetricsSnapshot *metrics,
                 const WorkloadUsage *workloads)
{
    return sortKey(kind, column, read(kind, object, metrics, workloads));
}

std::optional<double> fraction(Kind kind, bool cpu, const KubeObject &object,
                               const MetricsSnapshot *metrics, const WorkloadUsage *workloads)
{
    return fraction(cpu, read(kind, object, metrics, workloads));
}

} // namespace Orrery::MetricsColumns
