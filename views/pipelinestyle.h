// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pipelines/pipelinerun.h>

#include <QColor>
#include <QFont>

namespace Orrery {

// Colours and fonts of the run diagram and the runs list, from the Theme's roles (so light and
// dark follow a switch at the next paint): succeeded Ok, failed Danger, running Info, waiting
// for a person Warning, queued/cancelled/skipped/unknown Neutral; the critical path in the text
// colour (no status uses it).
class PipelineStyle
{
public:
    static QColor statusColor(PipelineStatus status); // borders, glyphs
    static QColor statusFill(PipelineStatus status);  // node backgrounds
    static QColor critical();
    static QColor background();
    static QColor text();
    static QColor mutedText();
    static QColor edge();
    static QFont titleFont();
    static QFont detailFont();
    static QFont logFont();
};

} // namespace Orrery
