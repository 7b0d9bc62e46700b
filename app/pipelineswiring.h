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
// repository or job, which host) give it a client through makePipelineClient().
PipelinesPage *installPipelinesPage(MainWindow &window);

// Gives the page the sources to choose from (the settings' sources, or the demo's simulated
// GitHub, GitLab and Jenkins pipelines) and connects the chosen one through
// connectPipelineSource() with `options` (the demo's CA and tokens; default: the provider's
// credentials). The first source is shown at once; a source that cannot be connected says why
// on the page.
void setPipelineSources(PipelinesPage *page, const QList<PipelineSource> &sources,
                        std::function<PipelineConnectOptions(const PipelineSource &)> options = {});

} // namespace Orrery::App
