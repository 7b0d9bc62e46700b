// SPDX-License-Identifier: GPL-3.0-or-later
// The app page on the multi-cloud scenario's Railway environment (sim/railway): read through
// RailwayAccount, drawn by AppTopologyScene (the same view as Fly.io's), Railway's operations
// offered per box (RailwayAppActions), and the seed 001 rollback of the crashed api-gateway
// started from the view, run through the window's ActionController and seen in the
// refreshed view. ORRERY_SCREENSHOT_DIR=DIR writes DIR/railway-app.png
// (docs/screenshots/railway-app.png).
#include <apptopologypage.h>
#include <apptopologyscene.h>
#include <audit/auditlog.h>
#include <cloud/railwayaccount.h>
#include <contextpreferences.h>
#include <operations/actioncontroller.h>
#include <operations/confirmdialog.h>
#include <operations/railwayoperations.h>
#include <railwayappactions.h>
#include <simprocess.h>

#include <QApplication>
#include <QFile>
#include <QMenu>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Orrery;

namespace {

ConfirmDialog *visibleConfirmDialog()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *d = qobject_cast<ConfirmDialog *>(w); d && d->isVisible())
            return d;
    return nullptr;
}

QStringList labels(QMenu *menu)
{
    QStringList out;
    if (menu)
        for (QAction *a : menu->actions())
            out << a->text() + (a->isEnabled() ? QString() : QStringLiteral(" (disabled)"));
    return out;
}

} // namespace

class tst_RailwayAppPageSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void showsTheEnvironment();
    void menus();
    void rollbackFromTheView();

private:
    bool load();
    const AppNode *node(const QString &name) const;

    QTemporaryDir m_dir;
    Test::SimProcess m_sim;
    std::unique_ptr<RailwayAccount> m_account;
    std::unique_ptr<AppTopologyPage> m_page;
    std::unique_ptr<ContextPreferences> m_preferences;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ActionController> m_controller;
};

void tst_RailwayAppPageSim::initTestCase()
{
    const QString ca = m_dir.filePath(QStringLiteral("services-ca.pem"));
    QVERIFY2(m_sim.start({QStringLiteral("--scenario"), QStringLiteral("multicloud"),
                          QStringLiteral("--speed"), QStringLiteral("20"),
                          QStringLiteral("--services-port"), QStringLiteral("0"),
                          QStringLiteral("--services-ca-out"), ca},
                         m_dir.filePath(QStringLiteral("kubeconfig"))),
             qPrintable(m_sim.errorString()));
    QFile caFile(ca);
    QVERIFY(caFile.open(QIODevice::ReadOnly));
    RailwayClient::Endpoint endpoint{
        QUrl(m_sim.servicesUrl() + QStringLiteral("/railway/graphql/v2")), caFile.readAll()};
    m_account = std::make_unique<RailwayAccount>(
        endpoint,
        RailwayAccount::Credentials{"orrery-sim-railway",
                                    RailwayClient::TokenKind::Account,
                                    QStringLiteral("RAILWAY_API_TOKEN"),
                                    {}},
        QStringLiteral("acme"));

    // The api-gateway service of production, as discovery lists it.
    std::optional<Result<CloudDiscovery>> found;
    m_account->discover([&](const Result<CloudDiscovery> &r) { found = r; });
    QVERIFY(QTest::qWaitFor([&] { return found.has_value(); }, 20000));
    QVERIFY(found->ok());
    CloudResource app;
    for (const CloudResource &r : found->value().resources)
        if (r.name == QLatin1String("api-gateway")
            && r.group == QLatin1String("acme-platform / production"))
            app = r;
    QVERIFY(!app.ref.isEmpty());

    m_page = std::make_unique<AppTopologyPage>();
    m_page->resize(2000, 640); // seven services side by side
    m_page->show();
    m_preferences
        = std::make_unique<ContextPreferences>(m_dir.filePath(QStringLiteral("prefs.ini")));
    m_audit = std::make_unique<AuditLog>(m_dir.filePath(QStringLiteral("audit")));
    m_controller
        = std::make_unique<ActionController>(m_preferences.get(), m_page.get(), m_audit.get());
    RailwayAccount *account = m_account.get();
    m_page->setApp(
        QStringLiteral("acme-platform / production \u00b7 Railway (acme)"),
        [account, app](std::function<void(const Result<AppTopology> &)> done) {
            account->appTopology(app, std::move(done));
        },
        &RailwayAppActions::actionsFor);
    connect(m_page.get(), &AppTopologyPage::actionTriggered, this, [this](const AppAction &a) {
        ClusterOperation *op = RailwayAppActions::create(
            m_account->client(), m_page->scene()->topology(), a, m_page.get());
        QVERIFY(op);
        connect(op, &ClusterOperation::finished, m_page.get(), &AppTopologyPage::refresh);
        m_controller->runOperation(op);
    });
    QVERIFY(load());
}

void tst_RailwayAppPageSim::cleanupTestCase()
{
    m_controller.reset();
    m_page.reset();
    m_account.reset();
    m_sim.stop();
}

bool tst_RailwayAppPageSim::load()
{
    QSignalSpy loaded(m_page.get(), &AppTopologyPage::loaded);
    if (!m_page->scene()->topology().nodes.isEmpty())
        m_page->refresh();
    return loaded.wait(20000) && loaded.first().first().toBool();
}

const AppNode *tst_RailwayAppPageSim::node(const QString &name) const
{
    for (const AppNode &n : m_page->scene()->topology().nodes)
        if (n.name == name)
            return &n;
    return nullptr;
}

void tst_RailwayAppPageSim::showsTheEnvironment()
{
    AppTopologyScene *scene = m_page->scene();
    int drawn = 0;
    for (const AppNode &n : scene->topology().nodes)
        drawn += scene->item(n.id) != nullptr;
    QCOMPARE(drawn, int(scene->topology().nodes.size()));
    const AppNode *gateway = node(QStringLiteral("api-gateway"));
    QVERIFY(gateway);
    QCOMPARE(scene->item(gateway->id)->health(), TopologyHealth::Warning); // a service in trouble
    QCOMPARE(node(QStringLiteral("Postgres"))->kind, AppNode::Kind::Attachment);
    QVERIFY(m_page->statusLabel()->text().startsWith(QLatin1String("Read at")));
    if (const QString dir = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(100);
        QVERIFY(m_page->grab().save(dir + QStringLiteral("/railway-app.png")));
    }
}

void tst_RailwayAppPageSim::menus()
{
    std::unique_ptr<QMenu> service(
        m_page->menuFor(node(QStringLiteral("api-gateway"))->id, false, nullptr));
    QCOMPARE(labels(service.get()),
             QStringList({"Redeploy", "Restart", QString::fromUtf8("Roll back\u2026")}));
    QString failed;
    for (const AppNode &n : m_page->scene()->topology().nodes)
        if (n.kind == AppNode::Kind::Instance && n.status == QLatin1String("FAILED"))
            failed = n.id;
    QVERIFY(!failed.isEmpty());
    std::unique_ptr<QMenu> deployment(m_page->menuFor(failed, false, nullptr));
    QCOMPARE(labels(deployment.get()), QStringList({"Restart (disabled)", "Redeploy"}));
}

void tst_RailwayAppPageSim::rollbackFromTheView()
{
    const AppNode *gateway = node(QStringLiteral("api-gateway"));
    AppAction rollback;
    rollback.id = QStringLiteral("railway-rollback");
    rollback.nodeId = gateway->id;
    emit m_page->actionTriggered(rollback);
    QVERIFY(QTest::qWaitFor([] { return visibleConfirmDialog() != nullptr; }, 20000));
    ConfirmDialog *dialog = visibleConfirmDialog();
    QSignalSpy loaded(m_page.get(), &AppTopologyPage::loaded);
    dialog->accept();
    QVERIFY(loaded.wait(20000));
    // Railway brings 2.3.1 back (20 s of sim time at speed 20); the view shows it running.
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 load();
                                 const AppNode *g = node(QStringLiteral("api-gateway"));
                                 return g && g->status == QLatin1String("SUCCESS")
                                        && g->image
                                               == QLatin1String("ghcr.io/acme/api-gateway:2.3.1");
                             }()),
                             20000);
    const AppNode *after = node(QStringLiteral("api-gateway"));
    QCOMPARE(m_page->scene()->item(after->id)->health(), TopologyHealth::Healthy);
}

QTEST_MAIN(tst_RailwayAppPageSim)
#include "tst_railwayapppage_sim.moc"
