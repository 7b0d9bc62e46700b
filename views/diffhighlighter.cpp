// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffhighlighter.h"

#include <theme.h>

namespace Orrery {

DiffHighlighter::DiffHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    connect(Theme::instance(), &Theme::changed, this, &QSyntaxHighlighter::rehighlight);
}

void DiffHighlighter::highlightBlock(const QString &text)
{
    // Text keeps the theme's Text colour on the Diff backgrounds (readable in both looks).
    QTextCharFormat format;
    if (text.startsWith(QLatin1String("+++")) || text.startsWith(QLatin1String("---"))) {
        format.setFontWeight(QFont::Bold);
    } else if (text.startsWith(QLatin1Char('+'))) {
        format.setForeground(themeColor(Theme::Role::Text));
        format.setBackground(themeColor(Theme::Role::DiffAdded));
    } else if (text.startsWith(QLatin1Char('-'))) {
        format.setForeground(themeColor(Theme::Role::Text));
        format.setBackground(themeColor(Theme::Role::DiffRemoved));
    } else if (text.startsWith(QLatin1String("@@"))) {
        format.setForeground(themeColor(Theme::Role::DiffHunk));
    } else {
        return;
    }
    setFormat(0, int(text.size()), format);
}

} // namespace Orrery
