// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simprocess.h"

#include <audit/auditlog.h>
#include <contextpreferences.h>
#include <kube/clustersession.h>
#include <kube/kubeconfig.h>
#include <mainwindow.h>
#include <operations/actioncontroller.h>
#include <operations/operationspanel.h>
#include <sessionmanager.h>

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QWidget>

#include <nlohmann/json.hpp>

#include <memory>

namespace Orrery::Test {

// What the window's operation tests drive: orrery-sim with one scenario, a synced session of
// its current context, the ActionController (its dialogs parented to a shown host widget, its
// audit log in the test's directory) and the operations panel. start() in initTestCase,
// stop() in cleanupTestCase. Members are public: the tests drive them directly.
struct SimWindowFixture
{
    // False with error when the simulator, the kubeconfig or the session did not come up.
    // `extraArguments` go to orrery-sim (e.g. --metrics-port 0).
    bool start(const QString &scenario, const QStringList &extraArguments = {});
    // The controller, the panel and the host, then the simulator.
    void stop();

    // A session of `context`, parented to `parent`, once synced (nullptr after 60 s).
    ClusterSession *connectContext(const QString &context, QObject *parent);
    // GET `path` through `session` (decoded here, by the test, not by Orrery); null on failure.
    nlohmann::json get(ClusterSession *session, const QString &path);

    QTemporaryDir dir;
    SimProcess sim;
    QString kubeconfig;
    QString context;
    Kubeconfig config;
    std::unique_ptr<ContextPreferences> preferences;
    std::unique_ptr<QWidget> host;
    ClusterSession *session = nullptr;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<ActionController> controller;
    std::unique_ptr<OperationsPanel> panel;
    QString error;

private:
    QObject m_sessions; // parent of the sessions start() connects
};

// A MainWindow over the fixture's kubeconfig contexts (its current context listed, not yet
// activated), with its own audit log and ActionController following the window's active
// session: what app/ wires, for the tests that drive the window.
struct WindowUnderTest
{
    explicit WindowUnderTest(SimWindowFixture &fixture);

    SessionManager sessions;
    MainWindow window;
    AuditLog audit;
    ActionController controller;
};

// AuditLog::read(directory) on a worker thread, so that the test's own reading of the log is not
// counted as a decode on the GUI thread (DecodeGuard).
QList<AuditEntry> auditEntries(const QString &directory);

// JSON decodes on the GUI thread since the test started (DecodeGuard): 0 is the claim.
quint64 guiThreadDecodeCount();
// "N JSON decode(s) on the GUI thread, the last by X": the failure message of that check.
QByteArray guiThreadDecodes();

} // namespace Orrery::Test
