// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Orrery {
class AppTopologyPage;
class CloudAccount;
class MainWindow;
struct CloudResource;
} // namespace Orrery

namespace Orrery::App {

// Adds the "App topology" page (a Fly.io app or a Railway environment as a diagram) to the
// window's navigator (apptopologywiring.cpp). It shows nothing until an app is opened.
AppTopologyPage *installAppTopologyPage(MainWindow &window);

// Shows `app` of `account` on the page and switches to it: read through the account's
// appTopology(), the provider's operations in its context menu (Fly.io: FlyAppActions), run
// through the window's ActionController (confirmed, audited, reported; no Kubernetes context
// needed), the page read again after each. `account` must outlive the page's use of it.
void showCloudApp(MainWindow &window, CloudAccount *account, const CloudResource &app);

} // namespace Orrery::App
