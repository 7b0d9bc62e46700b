// SPDX-License-Identifier: GPL-3.0-or-later
#include "simwindowfixture.h"

#include "eventloopwait.h"

#include <kube/httptransport.h>
#include <util/async.h>
#include <util/decodeguard.h>

namespace Orrery::Test {

bool SimWindowFixture::start(const QString &scenario, const QStringList &extraArguments)
{
    if (!dir.isValid()) {
        error = QStringLiteral("no temporary directory");
        return false;
    }
    kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
    if (!sim.start(QStringList{QStringLiteral("--scenario"), scenario} + extraArguments,
                   kubeconfig)) {
        error = sim.errorString();
        return false;
    }
    config = Kubeconfig::load(kubeconfig);
    context = config.currentContext();
    if (context.isEmpty()) {
        error = QStringLiteral("the simulator's kubeconfig has no current context");
        return false;
    }
    preferences = std::make_unique<ContextPreferences>(dir.filePath(QStringLiteral("orrery.ini")));
    host = std::make_unique<QWidget>();
    host->resize(800, 600);
    host->show();
    session = connectContext(context, &m_sessions);
    if (!session) {
        error = QStringLiteral("the session of %1 did not sync").arg(context);
        return false;
    }
    audit = std::make_unique<AuditLog>(dir.filePath(QStringLiteral("audit")));
    controller = std::make_unique<ActionController>(preferences.get(), host.get(), audit.get());
    panel = std::make_unique<OperationsPanel>();
    panel->resize(400, 600);
    panel->show();
    controller->setPanel(panel.get());
    controller->setSession(session);
    return true;
}

void SimWindowFixture::stop()
{
    controller.reset();
    panel.reset();
    host.reset();
    sim.stop();
}

ClusterSession *SimWindowFixture::connectContext(const QString &name, QObject *parent)
{
    Result<ClusterConnection> connected = config.connection(name);
    if (!connected.ok())
        return nullptr;
    auto *s = new ClusterSession(std::move(connected.value()), parent);
    bool synced = false;
    const QMetaObject::Connection connection
        = QObject::connect(s, &ClusterSession::synced, parent, [&synced] { synced = true; });
    s->start();
    const bool ok = waitUntil([&] { return synced; }, 60000);
    QObject::disconnect(connection);
    return ok ? s : nullptr;
}

nlohmann::json SimWindowFixture::get(ClusterSession *from, const QString &path)
{
    nlohmann::json result;
    bool answered = false;
    QObject receiver;
    from->transport()->send(ApiRequest::get(path), &receiver, [&](const Result<ApiResponse> &r) {
        answered = true;
        if (r.ok() && r->isSuccess())
            result = nlohmann::json::parse(r->body.constData(),
                                           r->body.constData() + r->body.size(), nullptr, false);
    });
    waitUntil([&] { return answered; }, 10000);
    return result;
}

QList<AuditEntry> auditEntries(const QString &directory)
{
    QFuture<QList<AuditEntry>> read = Async::run([directory] { return AuditLog::read(directory); });
    read.waitForFinished();
    return read.resultCount() > 0 ? read.result() : QList<AuditEntry>();
}

quint64 guiThreadDecodeCount()
{
    return DecodeGuard::mainThreadDecodes();
}

QByteArray guiThreadDecodes()
{
    const char *last = DecodeGuard::lastMainThreadDecode();
    return QByteArray::number(DecodeGuard::mainThreadDecodes())
           + " JSON decode(s) on the GUI thread, the last by " + (last ? last : "none");
}

WindowUnderTest::WindowUnderTest(SimWindowFixture &fixture)
    : sessions([&fixture](const QString &context, QObject *parent) -> Result<ClusterSession *> {
        Result<ClusterConnection> connection = fixture.config.connection(context);
        if (!connection.ok())
            return connection.error();
        return new ClusterSession(std::move(connection.value()), parent);
    })
    , window(&sessions, fixture.preferences.get())
    , audit(fixture.dir.filePath(QStringLiteral("audit")))
    , controller(fixture.preferences.get(), &window, &audit)
{
    QList<ContextTreeModel::Entry> entries;
    for (const QString &name : fixture.config.contextNames()) {
        const auto c = fixture.config.context(name);
        entries << ContextTreeModel::Entry{name, c->clusterName, {}, c->userName, c->namespace_};
    }
    window.setContexts(entries, fixture.context);
    QObject::connect(&window, &MainWindow::activeSessionChanged, &controller,
                     &ActionController::setSession);
}

} // namespace Orrery::Test
