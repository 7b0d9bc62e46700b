// SPDX-License-Identifier: GPL-3.0-or-later
#include "contextstatuslabel.h"

#include "theme.h"

namespace Orrery {

ContextStatusLabel::ContextStatusLabel(QWidget *parent)
    : QLabel(parent)
{
}

void ContextStatusLabel::setContext(const QString &displayName, const QColor &colour,
                                    bool isProtected, bool isDemo)
{
    QString status = QStringLiteral("<span style=\"color:%1;font-size:14pt;\">●</span> <b>%2</b>")
                         .arg(colour.name(), displayName.toHtmlEscaped());
    if (isProtected)
        status += QStringLiteral(
                      " <span "
                      "style=\"background:%1;color:%2;font-weight:bold;\">&nbsp;%3&nbsp;</span>")
                      .arg(themeColor(Theme::Role::Danger).name(),
                           themeColor(Theme::Role::OnDanger).name(),
                           // A square (as the sidebar marks a protected context), not the lock
                           // emoji: the shipped fonts (DejaVu) have no emoji and drew a box.
                           QStringLiteral("\u25A0 ") + tr("PROTECTED"));
    if (isDemo)
        status += QStringLiteral(" <span style=\"color:%1;\">%2</span>")
                      .arg(themeColor(Theme::Role::MutedText).name(), tr("(demo)"));
    setText(status);
}

} // namespace Orrery
