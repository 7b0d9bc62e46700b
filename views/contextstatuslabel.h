// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QLabel>

namespace Orrery {

// The status bar's reminder of the active context, beside the counts: a dot in the context's
// colour and its name, a red "PROTECTED" badge for protected contexts, "(demo)" for the
// simulator. The strip at the top says the same; this one stays in view at the bottom.
class ContextStatusLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ContextStatusLabel(QWidget *parent = nullptr);

    void setContext(const QString &displayName, const QColor &colour, bool isProtected,
                    bool isDemo);
};

} // namespace Orrery
