// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Orrery {
class MainWindow;
}

namespace Orrery::App {

// The operations (scale, restart, set image, rollback, delete, apply, Helm rollback) on the
// selection, the table context menu, the details pane, the palette and the topology context menu
// (operationswiring.cpp).
void installOperations(MainWindow &window);

} // namespace Orrery::App
