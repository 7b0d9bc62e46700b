// SPDX-License-Identifier: GPL-3.0-or-later
#include "resourcemetrics.h"

#include "resourcequantity.h"
#include "util/jsonread.h"
#include "util/limits.h"

#include <QCoreApplication>

namespace Orrery::ResourceMetrics {

namespace {

using Json = nlohmann::json;

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::ResourceMetrics", text);
}

// The list's items, or an Error when the body is not a list of `kind`.
Result<const Json *> itemsOf(const Json &doc, const char *kind)
{
    if (doc.is_discarded() || !doc.is_object())
        return Error(Error::Code::ParseError, tr("the metrics answer is not a JSON object"));
    const QString actual = JsonRead::string(doc, "kind");
    // A server may leave the kind out; a different kind is another answer altogether.
    if (!actual.isEmpty() && actual != QLatin1String(kind))
        return Error(
            Error::Code::ParseError,
            tr("expected a %1, the server answered a %2").arg(QLatin1String(kind), actual));
    return &JsonRead::array(doc, "items");
}

// One usage quantity: absent reads as 0 (kubectl adds a zero Quantity), text that is not a
// quantity is an error naming it.
std::optional<qint64> usageOf(const Json &usage, std::string_view resource, bool cpu, QString *why)
{
    const Json *v = JsonRead::find(usage, resource);
    if (!v || v->is_null())
        return 0;
    const QString text = JsonRead::toString(*v);
    const std::optional<qint64> parsed
        = cpu ? ResourceQuantity::cpuNanocores(text) : ResourceQuantity::bytes(text);
    if (!parsed)
        *why = tr("%1 \"%2\" is not a quantity")
                   .arg(QString::fromUtf8(resource.data(), qsizetype(resource.size())),
                        text.left(40));
    return parsed;
}

bool addTo(qint64 &sum, qint64 value)
{
    return !__builtin_add_overflow(sum, value, &sum);
}

QDateTime timestampOf(const Json &item)
{
    QDateTime t = QDateTime::fromString(JsonRead::string(item, "timestamp"), Qt::ISODateWithMs);
    if (t.isValid())
        t = t.toUTC();
    return t;
}

QString itemLabel(int index, const QString &ns, const QString &name)
{
    if (name.isEmpty())
        return tr("item %1").arg(index);
    return ns.isEmpty() ? name : ns + QLatin1Char('/') + name;
}

} // namespace

std::optional<qint64> parseWindowMs(QStringView text)
{
    // Go's time.Duration.String(): [-]([0-9.]+(h|m|s|ms|us|µs|ns))+; metrics-server writes
    // seconds with a fraction. Parts are summed; nothing negative.
    if (text.isEmpty() || text.size() > 64)
        return std::nullopt;
    double total = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype start = i;
        while (i < text.size() && (text[i].isDigit() || text[i] == u'.'))
            ++i;
        bool ok = false;
        const double value = text.mid(start, i - start).toDouble(&ok);
        if (!ok)
            return std::nullopt;
        const qsizetype unitStart = i;
        while (i < text.size() && !text[i].isDigit() && text[i] != u'.')
            ++i;
        const QStringView unit = text.mid(unitStart, i - unitStart);
        double ms = 0;
        if (unit == u"h")
            ms = 3600000;
        else if (unit == u"m")
            ms = 60000;
        else if (unit == u"s")
            ms = 1000;
        else if (unit == u"ms")
            ms = 1;
        else if (unit == u"us" || unit == u"µs")
            ms = 0.001;
        else if (unit == u"ns")
            ms = 0.000001;
        else
            return std::nullopt;
        total += value * ms;
    }
    if (!(total >= 0 && total < 1e15))
        return std::nullopt;
    return qint64(total + 0.5);
}

namespace {

// A list of `kind`: each item's name, timestamp and window are read here, its usage by
// `readUsage(item, out)`, which returns why the item is left out (empty: kept). At most
// Limits::maxMetricsItems items.
template <typename Item, typename ReadUsage>
Result<MetricsList<Item>> decodeList(QByteArrayView body, const char *kind, ReadUsage readUsage)
{
    const Json doc = JsonRead::parse(body);
    const Result<const Json *> items = itemsOf(doc, kind);
    if (!items)
        return items.error();
    MetricsList<Item> list;
    int index = 0;
    for (const Json &item : **items) {
        if (index >= Limits::maxMetricsItems) {
            list.skipped << tr("the list has more than %1 items; the rest is left out")
                                .arg(Limits::maxMetricsItems);
            break;
        }
        ++index;
        Item out;
        QString ns;
        if constexpr (requires { out.ns; })
            ns = out.ns = JsonRead::string(item, {"metadata", "namespace"});
        out.name = JsonRead::string(item, {"metadata", "name"});
        if (out.name.isEmpty()) {
            list.skipped << tr("%1: no metadata.name").arg(itemLabel(index, {}, {}));
            continue;
        }
        out.timestamp = timestampOf(item);
        out.windowMs = parseWindowMs(JsonRead::string(item, "window")).value_or(0);
        if (const QString why = readUsage(item, out); !why.isEmpty()) {
            list.skipped << tr("%1: %2").arg(itemLabel(index, ns, out.name), why);
            continue;
        }
        list.items.append(std::move(out));
    }
    return list;
}

} // namespace

Result<PodMetricsList> decodePods(QByteArrayView body)
{
    return decodeList<PodMetrics>(body, "PodMetricsList", [](const Json &item, PodMetrics &pod) {
        QString why;
        for (const Json &c : JsonRead::array(item, "containers")) {
            if (pod.containers.size() >= Limits::maxMetricsContainers)
                return tr("more than %1 containers").arg(Limits::maxMetricsContainers);
            const Json &usage = JsonRead::object(c, "usage");
            ContainerUsage cu;
            cu.name = JsonRead::string(c, "name");
            const std::optional<qint64> cpu = usageOf(usage, "cpu", true, &why);
            const std::optional<qint64> memory = usageOf(usage, "memory", false, &why);
            if (!cpu || !memory)
                return why;
            cu.cpuNanocores = *cpu;
            cu.memoryBytes = *memory;
            if (!addTo(pod.cpuNanocores, cu.cpuNanocores)
                || !addTo(pod.memoryBytes, cu.memoryBytes))
                return tr("the containers' usage does not add up to a number Orrery can hold");
            pod.containers.append(std::move(cu));
        }
        return why;
    });
}

Result<NodeMetricsList> decodeNodes(QByteArrayView body)
{
    return decodeList<NodeMetrics>(
        body, "NodeMetricsList", [](const Json &item, NodeMetrics &node) {
            QString why;
            const Json &usage = JsonRead::object(item, "usage");
            const std::optional<qint64> cpu = usageOf(usage, "cpu", true, &why);
            const std::optional<qint64> memory = usageOf(usage, "memory", false, &why);
            if (cpu && memory) {
                node.cpuNanocores = *cpu;
                node.memoryBytes = *memory;
            }
            return why;
        });
}

Result<QMap<QString, NodeAllocatable>> decodeAllocatable(QByteArrayView body)
{
    const Json doc = JsonRead::parse(body);
    const Result<const Json *> items = itemsOf(doc, "NodeList");
    if (!items)
        return items.error();
    QMap<QString, NodeAllocatable> out;
    int index = 0;
    for (const Json &item : **items) {
        if (++index > Limits::maxMetricsItems)
            break;
        const QString name = JsonRead::string(item, {"metadata", "name"});
        if (name.isEmpty())
            continue;
        const Json &allocatable = JsonRead::object(item, {"status", "allocatable"});
        NodeAllocatable a;
        // Quantity.MilliValue() of each: millicores, and bytes × 1000 for memory.
        if (const Json *cpu = JsonRead::find(allocatable, "cpu"))
            a.cpuMilli = ResourceQuantity::parseScaled(JsonRead::toString(*cpu), 3);
        if (const Json *memory = JsonRead::find(allocatable, "memory"))
            a.memoryMilli = ResourceQuantity::parseScaled(JsonRead::toString(*memory), 3);
        out.insert(name, a);
    }
    return out;
}

} // namespace Orrery::ResourceMetrics
