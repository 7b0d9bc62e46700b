// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinestyle.h"

#include "theme.h"

#include <QFontDatabase>

namespace Orrery {

QColor PipelineStyle::statusColor(PipelineStatus status)
{
    switch (status) {
    case PipelineStatus::Succeeded: return themeColor(Theme::Role::Ok);
    case PipelineStatus::Failed: return themeColor(Theme::Role::Danger);
    case PipelineStatus::Running: return themeColor(Theme::Role::Info);
    case PipelineStatus::Waiting: return themeColor(Theme::Role::Warning);
    case PipelineStatus::Queued:
    case PipelineStatus::Cancelled:
    case PipelineStatus::Skipped:
    case PipelineStatus::Unknown: break;
    }
    return themeColor(Theme::Role::Neutral);
}

QColor PipelineStyle::statusFill(PipelineStatus status)
{
    switch (status) {
    case PipelineStatus::Succeeded: return themeColor(Theme::Role::OkFill);
    case PipelineStatus::Failed: return themeColor(Theme::Role::DangerFill);
    case PipelineStatus::Running: return themeColor(Theme::Role::InfoFill);
    case PipelineStatus::Waiting: return themeColor(Theme::Role::WarningFill);
    case PipelineStatus::Queued:
    case PipelineStatus::Cancelled:
    case PipelineStatus::Skipped:
    case PipelineStatus::Unknown: break;
    }
    return themeColor(Theme::Role::NeutralFill);
}

QColor PipelineStyle::critical()
{
    // Not a status colour (Accent is Info's blue, the running colour): the text colour, dark on
    // light and light on dark, reads as "this chain" whatever the nodes' statuses.
    return themeColor(Theme::Role::Text);
}

QColor PipelineStyle::background()
{
    return themeColor(Theme::Role::Canvas);
}

QColor PipelineStyle::text()
{
    return themeColor(Theme::Role::Text);
}

QColor PipelineStyle::mutedText()
{
    return themeColor(Theme::Role::MutedText);
}

QColor PipelineStyle::edge()
{
    return themeColor(Theme::Role::MutedText);
}

// Built once: paint() asks for them for every node.
QFont PipelineStyle::titleFont()
{
    static const QFont f = [] {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(9.5);
        font.setBold(true);
        return font;
    }();
    return f;
}

QFont PipelineStyle::detailFont()
{
    static const QFont f = [] {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(8.5);
        return font;
    }();
    return f;
}

QFont PipelineStyle::logFont()
{
    static const QFont f = [] {
        QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        font.setPointSizeF(7.5);
        return font;
    }();
    return f;
}

} // namespace Orrery
