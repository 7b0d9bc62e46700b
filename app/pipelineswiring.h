// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Orrery {
class MainWindow;
class PipelinesPage;
} // namespace Orrery

namespace Orrery::App {

// Adds the "Pipelines" page to the window's navigator (pipelineswiring.cpp). Without a
// configured provider the page says how to configure one; the provider settings (which
// repository or job, which host) give it a client through makePipelineClient().
PipelinesPage *installPipelinesPage(MainWindow &window);

} // namespace Orrery::App
