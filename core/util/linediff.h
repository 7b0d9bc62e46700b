// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Orrery {

// A line diff (longest common subsequence over the lines left after trimming the common head
// and tail) and its rendering as a unified diff, as `diff -u` prints it. Used to compare pod
// templates of two revisions and Helm manifests/values; inputs are at most a few thousand
// lines, so the quadratic table over the differing middle is cheap enough and keeps the code
// obviously correct.
class LineDiff
{
public:
    enum class Op { Equal, Delete, Insert };
    struct Line
    {
        Op op;
        QString text;
        int oldLine; // 1-based, 0 for inserted lines
        int newLine; // 1-based, 0 for deleted lines
    };

    static QList<Line> diff(const QStringList &oldLines, const QStringList &newLines);

    // Unified diff with `context` lines around each change, "---"/"+++" headers naming the
    // two sides. Empty when the texts are equal.
    static QString unified(const QString &oldText, const QString &newText, const QString &oldLabel,
                           const QString &newLabel, int context = 3);

    // Splits into lines without the trailing empty one a final newline would produce.
    static QStringList splitLines(const QString &text);
};

} // namespace Orrery
