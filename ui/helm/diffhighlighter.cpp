// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffhighlighter.h"

namespace Orrery {

UnifiedDiffHighlighter::UnifiedDiffHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_added.setForeground(QColor(0x1e, 0x84, 0x49));
    m_added.setBackground(QColor(0x1e, 0x84, 0x49, 28));
    m_removed.setForeground(QColor(0xc0, 0x39, 0x2b));
    m_removed.setBackground(QColor(0xc0, 0x39, 0x2b, 28));
    m_header.setForeground(QColor(0x6c, 0x7a, 0x89));
    m_header.setFontWeight(QFont::Bold);
}

void UnifiedDiffHighlighter::highlightBlock(const QString &text)
{
    if (text.startsWith(QLatin1String("+++")) || text.startsWith(QLatin1String("---"))
        || text.startsWith(QLatin1String("@@")))
        setFormat(0, int(text.size()), m_header);
    else if (text.startsWith(QLatin1Char('+')))
        setFormat(0, int(text.size()), m_added);
    else if (text.startsWith(QLatin1Char('-')))
        setFormat(0, int(text.size()), m_removed);
}

} // namespace Orrery
