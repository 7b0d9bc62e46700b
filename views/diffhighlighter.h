// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSyntaxHighlighter>

namespace Orrery {

// Colours unified-diff lines the way `git diff` does (added and removed lines on their theme
// backgrounds, hunks in the hunk colour), so a template change reads at a glance. Follows a
// light/dark switch (Theme::changed).
class DiffHighlighter : public QSyntaxHighlighter
{
public:
    explicit DiffHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace Orrery
