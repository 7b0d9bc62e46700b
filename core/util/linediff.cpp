// SPDX-License-Identifier: GPL-3.0-or-later
#include "linediff.h"

#include <vector>

namespace Orrery {

QStringList LineDiff::splitLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    QStringList lines = text.split(QLatin1Char('\n'));
    if (text.endsWith(QLatin1Char('\n')))
        lines.removeLast();
    return lines;
}

QList<LineDiff::Line> LineDiff::diff(const QStringList &a, const QStringList &b)
{
    const int n = int(a.size());
    const int m = int(b.size());
    int head = 0;
    while (head < n && head < m && a[head] == b[head])
        ++head;
    int tail = 0;
    while (tail < n - head && tail < m - head && a[n - 1 - tail] == b[m - 1 - tail])
        ++tail;

    const int rows = n - head - tail;
    const int cols = m - head - tail;
    // lcs[i][j]: LCS length of a[head+i..] and b[head+j..] (suffix table, so the walk below
    // goes forwards and prefers deletions before insertions, like diff).
    std::vector<int> lcs(size_t(rows + 1) * size_t(cols + 1), 0);
    auto at = [&](int i, int j) -> int & { return lcs[size_t(i) * size_t(cols + 1) + size_t(j)]; };
    for (int i = rows - 1; i >= 0; --i) {
        for (int j = cols - 1; j >= 0; --j) {
            if (a[head + i] == b[head + j])
                at(i, j) = at(i + 1, j + 1) + 1;
            else
                at(i, j) = std::max(at(i + 1, j), at(i, j + 1));
        }
    }

    QList<Line> out;
    out.reserve(n + m - head - tail);
    for (int k = 0; k < head; ++k)
        out.append({Op::Equal, a[k], k + 1, k + 1});
    int i = 0, j = 0;
    while (i < rows || j < cols) {
        if (i < rows && j < cols && a[head + i] == b[head + j]) {
            out.append({Op::Equal, a[head + i], head + i + 1, head + j + 1});
            ++i;
            ++j;
        } else if (i < rows && (j >= cols || at(i + 1, j) >= at(i, j + 1))) {
            out.append({Op::Delete, a[head + i], head + i + 1, 0});
            ++i;
        } else {
            out.append({Op::Insert, b[head + j], 0, head + j + 1});
            ++j;
        }
    }
    for (int k = 0; k < tail; ++k)
        out.append({Op::Equal, a[n - tail + k], n - tail + k + 1, m - tail + k + 1});
    return out;
}

QString LineDiff::unified(const QString &oldText, const QString &newText, const QString &oldLabel,
                          const QString &newLabel, int context)
{
    const QStringList a = splitLines(oldText);
    const QStringList b = splitLines(newText);
    const QList<Line> lines = diff(a, b);

    QString out;
    int k = 0;
    const int total = int(lines.size());
    while (k < total) {
        // Find the next change.
        int change = k;
        while (change < total && lines[change].op == Op::Equal)
            ++change;
        if (change == total)
            break;
        if (out.isEmpty()) {
            out += QLatin1String("--- ") + oldLabel + QLatin1Char('\n');
            out += QLatin1String("+++ ") + newLabel + QLatin1Char('\n');
        }
        const int start = std::max(k, change - context);
        // Extend the hunk while the gap between changes is at most 2 * context.
        int end = change;
        for (;;) {
            while (end < total && lines[end].op != Op::Equal)
                ++end;
            int next = end;
            while (next < total && lines[next].op == Op::Equal)
                ++next;
            if (next < total && next - end <= 2 * context) {
                end = next;
                continue;
            }
            end = std::min(total, end + context);
            break;
        }

        int oldStart = 0, newStart = 0, oldCount = 0, newCount = 0;
        // Line numbers before the hunk: count from the lines preceding `start`.
        int oldBefore = 0, newBefore = 0;
        for (int q = 0; q < start; ++q) {
            if (lines[q].op != Op::Insert)
                ++oldBefore;
            if (lines[q].op != Op::Delete)
                ++newBefore;
        }
        QString body;
        for (int q = start; q < end; ++q) {
            const Line &l = lines[q];
            switch (l.op) {
            case Op::Equal:
                body += QLatin1Char(' ') + l.text + QLatin1Char('\n');
                ++oldCount;
                ++newCount;
                break;
            case Op::Delete:
                body += QLatin1Char('-') + l.text + QLatin1Char('\n');
                ++oldCount;
                break;
            case Op::Insert:
                body += QLatin1Char('+') + l.text + QLatin1Char('\n');
                ++newCount;
                break;
            }
        }
        // diff -u numbers an empty range by the line before it.
        oldStart = oldCount ? oldBefore + 1 : oldBefore;
        newStart = newCount ? newBefore + 1 : newBefore;
        auto range = [](int startLine, int count) {
            return count == 1
                       ? QString::number(startLine)
                       : QString::number(startLine) + QLatin1Char(',') + QString::number(count);
        };
        out += QLatin1String("@@ -") + range(oldStart, oldCount) + QLatin1String(" +")
               + range(newStart, newCount) + QLatin1String(" @@\n") + body;
        k = end;
    }
    return out;
}

} // namespace Orrery
