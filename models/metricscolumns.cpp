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
    if (kind == Kind::Pod) {
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

const MetricsSnapshot::Usage *usageOf(Kind kind, const KubeObject &object,
                                      const MetricsSnapshot *metrics)
{
    if (!metrics)
        return nullptr;
    return kind == Kind::Pod ? metrics->pod(object.namespaceName, object.name)
                             : metrics->node(object.name);
}

// The denominator in MilliValue() units (millicores; bytes × 1000), or nullopt when some
// container leaves it unset (a sum would then understate it) or nothing parses.
std::optional<qint64> denominator(What w, const KubeObject &object)
{
    if (const auto *node = object.as<NodeData>()) {
        const QString &text = isCpu(w) ? node->cpuAllocatable : node->memoryAllocatable;
        return text.isEmpty() ? std::nullopt : ResourceQuantity::parseScaled(text, 3);
    }
    const auto *pod = object.as<PodData>();
    if (!pod || pod->spec.containers.isEmpty())
        return std::nullopt;
    qint64 sum = 0;
    for (const ContainerInfo &c : pod->spec.containers) {
        const QString &text = w == What::CpuOfRequest      ? c.cpuRequest
                              : w == What::CpuOfLimit      ? c.cpuLimit
                              : w == What::MemoryOfRequest ? c.memoryRequest
                                                           : c.memoryLimit;
        const std::optional<qint64> v = ResourceQuantity::parseScaled(text, 3);
        if (text.isEmpty() || !v || __builtin_add_overflow(sum, *v, &sum))
            return std::nullopt;
    }
    return sum;
}

qint64 usageMilli(What w, const MetricsSnapshot::Usage &u)
{
    if (isCpu(w))
        return ResourceQuantity::milliFromNano(u.cpuNanocores);
    qint64 m = 0;
    return __builtin_mul_overflow(u.memoryBytes, qint64(1000), &m) ? 0 : m;
}

} // namespace

int count(Kind kind)
{
    return kind == Kind::Pod ? 6 : kind == Kind::Node ? 4 : 0;
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

QString text(Kind kind, int column, const KubeObject &object, const MetricsSnapshot *metrics)
{
    const std::optional<What> w = what(kind, column);
    if (!w)
        return {};
    const MetricsSnapshot::Usage *u = usageOf(kind, object, metrics);
    if (!u)
        return QStringLiteral("—");
    if (*w == What::Cpu)
        return ResourceQuantity::formatCpu(u->cpuNanocores);
    if (*w == What::Memory)
        return ResourceQuantity::formatMemory(u->memoryBytes);
    const std::optional<qint64> d = denominator(*w, object);
    if (!d || *d == 0)
        return tr("n/a");
    return QString::number(ResourceQuantity::percent(usageMilli(*w, *u), *d)) + QLatin1Char('%');
}

QString toolTip(Kind kind, int column, const KubeObject &object, const MetricsSnapshot *metrics)
{
    const std::optional<What> w = what(kind, column);
    if (!w)
        return {};
    const MetricsSnapshot::Usage *u = usageOf(kind, object, metrics);
    if (!u) {
        if (!metrics)
            return tr("Waiting for the first metrics-server sample.");
        return kind == Kind::Pod ? metrics->podReason(object.namespaceName, object.name).text()
                                 : metrics->nodeReason(object.name).text();
    }
    if (*w == What::Cpu || *w == What::Memory)
        return {};
    if (denominator(*w, object))
        return {};
    switch (*w) {
    case What::CpuOfRequest:
        return kind == Kind::Node ? tr("The node states no allocatable CPU.")
                                  : tr("A container sets no CPU request.");
    case What::CpuOfLimit: return tr("A container sets no CPU limit.");
    case What::MemoryOfRequest:
        return kind == Kind::Node ? tr("The node states no allocatable memory.")
                                  : tr("A container sets no memory request.");
    case What::MemoryOfLimit: return tr("A container sets no memory limit.");
    default: return {};
    }
}

QVariant sortKey(Kind kind, int column, const KubeObject &object, const MetricsSnapshot *metrics)
{
    const std::optional<What> w = what(kind, column);
    const MetricsSnapshot::Usage *u = usageOf(kind, object, metrics);
    if (!w || !u)
        return qint64(-1);
    if (*w == What::Cpu)
        return u->cpuNanocores;
    if (*w == What::Memory)
        return u->memoryBytes;
    const std::optional<qint64> d = denominator(*w, object);
    if (!d || *d == 0)
        return qint64(-1);
    return ResourceQuantity::percent(usageMilli(*w, *u), *d);
}

} // namespace Orrery::MetricsColumns
