// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Orrery {
class MainWindow;
}

namespace Orrery::App {

// The runbook player, the audit log and the Helm releases pages (operationpageswiring.cpp).
void installOperationPages(MainWindow &window);

} // namespace Orrery::App
