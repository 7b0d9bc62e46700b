// SPDX-License-Identifier: GPL-3.0-or-later
#include "codeview.h"

#include "diffhighlighter.h"
#include "yamlhighlighter.h"

#include <QFontDatabase>

namespace Orrery {

CodeView::CodeView(Syntax syntax, QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // The highlighters are children of the document: they live and die with the view.
    if (syntax == Syntax::Diff)
        new DiffHighlighter(document());
    else if (syntax == Syntax::Yaml)
        new YamlHighlighter(document());
}

} // namespace Orrery
