// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Orrery {
class AuditLog;
class AuditPage;
class HelmPage;
class MainWindow;
class RunbookPlayer;
} // namespace Orrery

namespace Orrery::App {

// The pages installOperationPages() added, for the wiring that connects them to the
// operations UI (HelmPage::rollbackRequested → the Helm rollback handler).
struct OperationPages
{
    RunbookPlayer *runbooks = nullptr;
    AuditPage *audit = nullptr;
    HelmPage *helm = nullptr;
};

// The runbook player, the audit log and the Helm releases pages (operationpageswiring.cpp).
// They follow the window's active session; the runbook player records its writes in `audit`
// and the audit page shows its directory.
OperationPages installOperationPages(MainWindow &window, AuditLog *audit);

// HelmPage::rollbackRequested → the ActionController's confirmed, audited Helm rollback
// (installOperations() must have run); the page refreshes when an operation finishes.
void connectHelmRollback(MainWindow &window, const OperationPages &pages);

} // namespace Orrery::App
