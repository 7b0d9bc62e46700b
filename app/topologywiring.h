// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Orrery {
class MainWindow;
}

namespace Orrery::App {

// Adds the live topology page to the main window and connects it to the active session,
// the namespace filter and the details pane (topologywiring.cpp).
void installTopologyPage(MainWindow &window);

} // namespace Orrery::App
