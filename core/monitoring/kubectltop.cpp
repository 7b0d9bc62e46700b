// SPDX-License-Identifier: GPL-3.0-or-later
#include "kubectltop.h"

#include "resourcequantity.h"

#include <algorithm>
#include <limits>

namespace Orrery::KubectlTop {

namespace {

constexpr int minWidth = 6;
constexpr int padding = 3;

// Width as Go's tabwriter counts it: runes (code points) of the UTF-8 text.
int widthOf(const QString &cell)
{
    int w = 0;
    for (const QChar c : cell)
        if (!c.isLowSurrogate())
            ++w;
    return w;
}

// A row of tab-terminated cells plus the (empty) text after the last tab: tabwriter's
// cells are the terminated ones only, so a row of n values has n cells in columns.
struct Writer
{
    const QList<QStringList> &rows;
    QList<int> widths;
    QString out;

    void writeLines(int line0, int line1)
    {
        for (int i = line0; i < line1; ++i) {
            const QStringList &row = rows.at(i);
            for (int j = 0; j < row.size(); ++j) {
                out += row.at(j);
                if (j < widths.size())
                    out += QString(std::max(0, widths.at(j) - widthOf(row.at(j))), u' ');
            }
            out += u'\n';
        }
    }

    // text/tabwriter's format(): a column block is a run of consecutive lines that have a
    // cell in `column`; its width is the widest cell plus padding (at least minwidth).
    void format(int line0, int line1)
    {
        const int column = int(widths.size());
        for (int current = line0; current < line1; ++current) {
            if (column >= rows.at(current).size())
                continue;
            writeLines(line0, current);
            line0 = current;
            int width = minWidth;
            for (; current < line1; ++current) {
                if (column >= rows.at(current).size())
                    break;
                width = std::max(width, widthOf(rows.at(current).at(column)) + padding);
            }
            widths.append(width);
            format(line0, current);
            widths.removeLast();
            line0 = current;
            --current; // the loop's ++ comes back to the line that ended the block
        }
        writeLines(line0, line1);
    }
};

bool utf8Less(const QString &a, const QString &b)
{
    return a.toUtf8() < b.toUtf8(); // Go compares strings bytewise
}

} // namespace

QString tabulate(const QList<QStringList> &rows)
{
    Writer w{rows, {}, {}};
    w.format(0, int(rows.size()));
    return w.out;
}

QString pods(QList<PodMetrics> items, bool withNamespace)
{
    if (items.isEmpty())
        return {};
    std::sort(items.begin(), items.end(),
              [withNamespace](const PodMetrics &a, const PodMetrics &b) {
                  if (withNamespace && a.ns != b.ns)
                      return utf8Less(a.ns, b.ns);
                  return utf8Less(a.name, b.name);
              });
    QList<QStringList> rows;
    QStringList header;
    if (withNamespace)
        header << QStringLiteral("NAMESPACE");
    header << QStringLiteral("NAME") << QStringLiteral("CPU(cores)")
           << QStringLiteral("MEMORY(bytes)");
    rows.append(header);
    for (const PodMetrics &p : items) {
        QStringList row;
        if (withNamespace)
            row << p.ns;
        row << p.name << ResourceQuantity::formatCpu(p.cpuNanocores)
            << ResourceQuantity::formatMemory(p.memoryBytes);
        rows.append(row);
    }
    return tabulate(rows);
}

QString nodes(QList<NodeMetrics> items, QMap<QString, NodeAllocatable> allocatable,
              bool parenthesisedPercent)
{
    if (items.isEmpty())
        return {};
    std::sort(items.begin(), items.end(),
              [](const NodeMetrics &a, const NodeMetrics &b) { return utf8Less(a.name, b.name); });
    QList<QStringList> rows;
    rows.append(QStringList{
        QStringLiteral("NAME"), QStringLiteral("CPU(cores)"),
        parenthesisedPercent ? QStringLiteral("CPU(%)") : QStringLiteral("CPU%"),
        QStringLiteral("MEMORY(bytes)"),
        parenthesisedPercent ? QStringLiteral("MEMORY(%)") : QStringLiteral("MEMORY%")});
    for (const NodeMetrics &n : items) {
        QStringList row{n.name};
        const auto available = allocatable.constFind(n.name);
        const bool known = available != allocatable.constEnd();
        row << ResourceQuantity::formatCpu(n.cpuNanocores);
        if (known && available->cpuMilli)
            row << QString::number(ResourceQuantity::percent(
                       ResourceQuantity::milliFromNano(n.cpuNanocores), *available->cpuMilli))
                       + u'%';
        row << ResourceQuantity::formatMemory(n.memoryBytes);
        if (known && available->memoryMilli) {
            qint64 usageMilli = 0;
            if (__builtin_mul_overflow(n.memoryBytes, qint64(1000), &usageMilli))
                usageMilli = std::numeric_limits<qint64>::max();
            row << QString::number(ResourceQuantity::percent(usageMilli, *available->memoryMilli))
                       + u'%';
        }
        rows.append(row);
        allocatable.remove(n.name);
    }
    // Nodes the metrics API has nothing for (NotReady, not yet scraped).
    for (auto it = allocatable.constBegin(); it != allocatable.constEnd(); ++it) {
        const QString unknown = QStringLiteral("<unknown>");
        rows.append(QStringList{it.key(), unknown, unknown, unknown, unknown});
    }
    return tabulate(rows);
}

} // namespace Orrery::KubectlTop
