// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Orrery {

// Highlights YAML as kubectl prints it: keys, strings, numbers and booleans, comments,
// document markers and list dashes. Line based (no multi-line state beyond block scalars,
// which are shown as strings), which is all Kubernetes manifests need.
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit YamlHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    void applyTheme();

    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
    QTextCharFormat m_comment;
    QTextCharFormat m_punctuation;
    QTextCharFormat m_hidden;
};

} // namespace Orrery
