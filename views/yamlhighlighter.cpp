// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamlhighlighter.h"

#include "theme.h"

#include <QRegularExpression>

namespace Orrery {

namespace {
// Block state: inside a "|" or ">" block scalar started at the given indentation + 1.
constexpr int NoBlock = -1;
} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_key.setFontWeight(QFont::DemiBold);
    m_comment.setFontItalic(true);
    applyTheme();
    // The formats are colour snapshots; a switch of look rebuilds them and re-highlights.
    connect(Theme::instance(), &Theme::changed, this, [this] {
        applyTheme();
        rehighlight();
    });
}

void YamlHighlighter::applyTheme()
{
    m_key.setForeground(themeColor(Theme::Role::CodeKey));
    m_string.setForeground(themeColor(Theme::Role::CodeString));
    m_number.setForeground(themeColor(Theme::Role::CodeNumber));
    m_keyword.setForeground(themeColor(Theme::Role::CodeKeyword));
    m_comment.setForeground(themeColor(Theme::Role::CodeComment));
    m_punctuation.setForeground(themeColor(Theme::Role::MutedText));
    m_hidden.setForeground(themeColor(Theme::Role::MutedText));
    m_hidden.setBackground(themeColor(Theme::Role::NeutralFill));
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    const int indent = static_cast<int>(text.indexOf(QRegularExpression(QStringLiteral("\\S"))));
    const int blockIndent = previousBlockState();
    if (blockIndent != NoBlock && blockIndent > 0 && (indent < 0 || indent >= blockIndent)) {
        // Still inside a block scalar: the whole line is string content.
        setFormat(0, static_cast<int>(text.size()), m_string);
        setCurrentBlockState(blockIndent);
        return;
    }
    setCurrentBlockState(NoBlock);
    if (indent < 0)
        return;

    if (text.startsWith(QLatin1String("---")) || text.startsWith(QLatin1String("..."))) {
        setFormat(0, 3, m_punctuation);
        return;
    }

    int pos = indent;
    if (text.at(pos) == QLatin1Char('#')) {
        setFormat(pos, static_cast<int>(text.size()) - pos, m_comment);
        return;
    }
    while (pos + 1 < text.size() && text.at(pos) == QLatin1Char('-')
           && text.at(pos + 1) == QLatin1Char(' ')) {
        setFormat(pos, 1, m_punctuation);
        pos += 2;
        while (pos < text.size() && text.at(pos) == QLatin1Char(' '))
            ++pos;
    }

    static const QRegularExpression keyRe(
        QStringLiteral("\\G(\"[^\"]*\"|'[^']*'|[^\\s#'\"][^:#]*?)\\s*:(\\s|$)"));
    const auto keyMatch = keyRe.match(text, pos, QRegularExpression::NormalMatch,
                                      QRegularExpression::AnchorAtOffsetMatchOption);
    if (keyMatch.hasMatch()) {
        setFormat(pos, static_cast<int>(keyMatch.capturedLength(1)), m_key);
        pos = static_cast<int>(keyMatch.capturedEnd(0));
    }
    while (pos < text.size() && text.at(pos) == QLatin1Char(' '))
        ++pos;
    if (pos >= text.size())
        return;

    // The value: find a trailing comment outside quotes.
    int end = static_cast<int>(text.size());
    QChar quote;
    for (int i = pos; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('#') && (i == 0 || text.at(i - 1) == QLatin1Char(' '))) {
            setFormat(i, static_cast<int>(text.size()) - i, m_comment);
            end = i;
            break;
        }
    }
    const QString value = text.mid(pos, end - pos).trimmed();
    const int length = static_cast<int>(value.size());
    if (value.isEmpty())
        return;

    static const QRegularExpression numberRe(
        QStringLiteral("^[-+]?(\\d+(\\.\\d*)?([eE][-+]?\\d+)?|0x[0-9a-fA-F]+|\\.inf|\\.nan)$"));
    static const QRegularExpression keywordRe(
        QStringLiteral("^(true|false|null|~|yes|no|True|False|Null|TRUE|FALSE)$"));
    if (value == QLatin1String("|") || value == QLatin1String(">")
        || value.startsWith(QLatin1String("|-")) || value.startsWith(QLatin1String(">-"))
        || value.startsWith(QLatin1String("|+"))) {
        setFormat(pos, length, m_punctuation);
        setCurrentBlockState(indent + 1);
    } else if (value.startsWith(QLatin1Char('*')) || value.startsWith(QLatin1Char('&'))) {
        setFormat(pos, length, m_keyword);
    } else if (numberRe.match(value).hasMatch()) {
        setFormat(pos, length, m_number);
    } else if (keywordRe.match(value).hasMatch()) {
        setFormat(pos, length, m_keyword);
    } else if (value.startsWith(QLatin1Char('{')) || value.startsWith(QLatin1Char('['))) {
        setFormat(pos, length, m_punctuation);
    } else {
        setFormat(pos, length, m_string);
    }
}

} // namespace Orrery
