// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

namespace Orrery {

// Code as Orrery shows it: read only, in the fixed-width font, not wrapped, coloured by its
// syntax (a unified diff or YAML). The one look of every place that shows a request, a
// manifest or a diff: the confirmation, Apply manifests, the rollback history, the Helm page.
class CodeView : public QPlainTextEdit
{
    Q_OBJECT
public:
    enum class Syntax { Plain, Diff, Yaml };

    explicit CodeView(Syntax syntax, QWidget *parent = nullptr);
};

} // namespace Orrery
