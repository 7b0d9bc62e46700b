// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pipelines/pipelinesources.h>

#include <functional>

namespace Orrery {
class MainWindow;
class PipelinesPage;
} // namespace Orrery

namespace Orrery::App {

// Adds the "Pipelines" page to the window's navigator (pipelineswiring.cpp). Without a
// configured provider the page says how to configure one; the provider settings (which
// repository or job, which host) give it a client through connectPipelineSource(). Also:
//  - a PipelineRunFeed (child of the page, "pipelineRunFeed") reads every source's runs at a
//    low rate from the start, for the image linker (the topology's pills), pausing the page's
//    own source while the page shows it at full rate;
//  - a topology pill's click opens its run (openPipelineRun);
//  - the page's actions run as PipelineOperations through the window's ActionController
//    (preview, confirmation, audit, report, undo); the page reads again when one finished.
PipelinesPage *installPipelinesPage(MainWindow &window);

// Gives the page the sources to choose from (the settings' sources, or the demo's simulated
// GitHub, GitLab and Jenkins pipelines) and connects the chosen one through
// connectPipelineSource() with `options` (the demo's CA and tokens; default: the provider's
// credentials). The first source is shown at once; a source that cannot be connected says why
// on the page.
void setPipelineSources(PipelinesPage *page, const QList<PipelineSource> &sources,
                        std::function<PipelineConnectOptions(const PipelineSource &)> options = {});

// Shows the run `runId` of the source (provider, source) on the page: that source chosen
// when the page shows another, the run selected now or as soon as it is listed. False when no
// source of the page is that one.
bool openPipelineRun(PipelinesPage *page, PipelineProvider provider, const QString &source,
                     const QString &runId);

} // namespace Orrery::App
