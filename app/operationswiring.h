// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Orrery {
class AuditLog;
class MainWindow;
} // namespace Orrery

namespace Orrery::App {

// The operations (scale, restart, set image, rollback, delete, cordon, apply, Helm rollback) on
// the selection, the table context menu, the details pane, the palette and the topology context
// menu (operationswiring.cpp). Every write is recorded in `audit` (the application's one log).
void installOperations(MainWindow &window, AuditLog *audit);

} // namespace Orrery::App
