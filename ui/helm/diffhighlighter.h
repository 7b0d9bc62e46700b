// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Orrery {

// Colours a unified diff (LineDiff's output): added lines green, removed red, hunks and file
// headers muted.
class UnifiedDiffHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit UnifiedDiffHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_added;
    QTextCharFormat m_removed;
    QTextCharFormat m_header;
};

} // namespace Orrery
