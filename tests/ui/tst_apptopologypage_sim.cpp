// SPDX-License-Identifier: GPL-3.0-or-later
// The app page on the multi-cloud scenario's Fly.io app (sim/fly): read through FlyAccount,
// drawn by AppTopologyScene, the operations offered per box (FlyAppActions) and run through
// the window's ActionController without any Kubernetes context: the rollback of seed 001
// ("deploy v41's image") confirmed in the normal dialog, then seen in the refreshed view.
// ORRERY_SCREENSHOT_DIR=DIR writes DIR/fly-app.png (docs/screenshots/fly-app.png).
#include <apptopologypage.h>
#include <apptopologyscene.h>
#include <audit/auditlog.h>
#include <cloud/flyaccount.h>
#include <contextpreferences.h>
#include <eventloopwait.h>
#include <flyappactions.h>
#include <operations/actioncontroller.h>
#include <operations/confirmdialog.h>
#include <operations/flyoperations.h>
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

class tst_AppTopologyPageSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void showsTheApp();
    void menus();
    void rollbackFromTheView();

private:
    bool load();

    QTemporaryDir m_dir;
    Test::SimProcess m_sim;
    std::unique_ptr<FlyAccount> m_account;
    std::unique_ptr<AppTopologyPage> m_page;
    std::unique_ptr<ContextPreferences> m_preferences;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ActionController> m_controller;
};

void tst_AppTopologyPageSim::initTestCase()
{
    const QString ca = m_dir.filePath(QStringLiteral("services-ca.pem"));
    QVERIFY2(m_sim.start({QStringLiteral("--scenario"), QStringLiteral("multicloud"),
                          QStringLiteral("--speed"), QStringLiteral("10"),
                          QStringLiteral("--services-port"), QStringLiteral("0"),
                          QStringLiteral("--services-ca-out"), ca},
                         m_dir.filePath(QStringLiteral("kubeconfig"))),
             qPrintable(m_sim.errorString()));
    QVERIFY(!m_sim.servicesUrl().isEmpty());
    QFile caFile(ca);
    QVERIFY(caFile.open(QIODevice::ReadOnly));
    const QString base = m_sim.servicesUrl() + QStringLiteral("/fly");
    FlyAccount::Options o;
    o.endpoints = {QUrl(base), QUrl(base), caFile.readAll()};
    o.token = "fo1_orrery-sim-multicloud-fly";
    o.tokenSource = QStringLiteral("FLY_API_TOKEN");
    o.org = QStringLiteral("acme");
    m_account = std::make_unique<FlyAccount>(o);

    m_page = std::make_unique<AppTopologyPage>();
    m_page->resize(1400, 820);
    m_page->show();
    m_preferences
        = std::make_unique<ContextPreferences>(m_dir.filePath(QStringLiteral("prefs.ini")));
    m_audit = std::make_unique<AuditLog>(m_dir.filePath(QStringLiteral("audit")));
    m_controller
        = std::make_unique<ActionController>(m_preferences.get(), m_page.get(), m_audit.get());

    CloudResource app;
    app.kind = CloudResource::Kind::App;
    app.name = app.ref = QStringLiteral("acme-edge");
    FlyAccount *account = m_account.get();
    m_page->setApp(
        QStringLiteral("acme-edge \u00b7 Fly.io (acme)"),
        [account, app](std::function<void(const Result<AppTopology> &)> done) {
            account->appTopology(app, std::move(done));
        },
        &FlyAppActions::actionsFor);
    connect(m_page.get(), &AppTopologyPage::actionTriggered, this, [this](const AppAction &a) {
        FlyAppActions::create(m_account->client(), m_page->scene()->topology(), a, m_page.get(),
                              [this](ClusterOperation *op) {
                                  connect(op, &ClusterOperation::finished, m_page.get(),
                                          &AppTopologyPage::refresh);
                                  m_controller->runOperation(op);
                              });
    });
    QVERIFY(load());
}

void tst_AppTopologyPageSim::cleanupTestCase()
{
    m_controller.reset();
    m_page.reset();
    m_account.reset();
    m_sim.stop();
}

bool tst_AppTopologyPageSim::load()
{
    QSignalSpy loaded(m_page.get(), &AppTopologyPage::loaded);
    if (!m_page->scene()->topology().nodes.isEmpty())
        m_page->refresh();
    return loaded.wait(20000) && loaded.first().first().toBool();
}

void tst_AppTopologyPageSim::showsTheApp()
{
    AppTopologyScene *scene = m_page->scene();
    QVERIFY(scene->item(QStringLiteral("app:acme-edge")));
    for (const char *group : {"group:api", "group:web", "group:worker"})
        QVERIFY(scene->item(QLatin1String(group)));
    int machines = 0;
    int failing = 0;
    for (const AppNode &n : scene->topology().nodes) {
        if (n.kind != AppNode::Kind::Instance)
            continue;
        ++machines;
        failing += scene->item(n.id)->health() == TopologyHealth::Failed;
    }
    QCOMPARE(machines, 6);
    QCOMPARE(failing, 4);
    QVERIFY(scene->item(QStringLiteral("attachment:DATABASE_URL")));
    QVERIFY(m_page->statusLabel()->text().startsWith(QLatin1String("Read at")));

    if (const QString dir = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(100);
        QVERIFY(m_page->grab().save(dir + QStringLiteral("/fly-app.png")));
    }
}

void tst_AppTopologyPageSim::menus()
{
    const AppTopology &t = m_page->scene()->topology();
    QString started;
    for (const AppNode &n : t.nodes)
        if (n.kind == AppNode::Kind::Instance && n.status == QLatin1String("started"))
            started = n.id;
    std::unique_ptr<QMenu> machine(m_page->menuFor(started, false, nullptr));
    QCOMPARE(labels(machine.get()),
             QStringList({"Restart machine", "Stop machine", "Start machine (disabled)"}));
    std::unique_ptr<QMenu> group(m_page->menuFor(QStringLiteral("group:web"), false, nullptr));
    QCOMPARE(labels(group.get()), QStringList({QString::fromUtf8("Scale process group\u2026")}));
    std::unique_ptr<QMenu> app(m_page->menuFor(QStringLiteral("app:acme-edge"), false, nullptr));
    QCOMPARE(labels(app.get()).first(), QStringLiteral("Deploy v41's image (complete)"));
    QCOMPARE(labels(app.get()).size(), 4); // v41..v38; v42 runs
    QVERIFY(!m_page->menuFor(QStringLiteral("attachment:DATABASE_URL"), false, nullptr));
    // The current release's chip offers nothing; an older one its deploy.
    QString current;
    QString older;
    for (const AppRelease &r : t.releases)
        (r.current ? current : older) = r.id;
    QVERIFY(!m_page->menuFor(current, true, nullptr));
    std::unique_ptr<QMenu> chip(m_page->menuFor(older, true, nullptr));
    QVERIFY(labels(chip.get()).first().startsWith(QLatin1String("Deploy v")));
}

void tst_AppTopologyPageSim::rollbackFromTheView()
{
    std::unique_ptr<QMenu> app(m_page->menuFor(QStringLiteral("app:acme-edge"), false, nullptr));
    QVERIFY(app);
    QSignalSpy loaded(m_page.get(), &AppTopologyPage::loaded);
    app->actions().first()->trigger(); // Deploy v41's image
    ConfirmDialog *dialog = nullptr;
    QVERIFY(Test::waitUntil([&] { return (dialog = visibleConfirmDialog()) != nullptr; }, 20000));
    // The confirmation names the Fly endpoint (no kubeconfig context) and the app.
    QVERIFY(dialog->target().context.startsWith(QLatin1String("fly:")));
    QCOMPARE(dialog->target().ns, QStringLiteral("acme-edge"));
    QVERIFY(dialog->isConfirmEnabled());
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    // The page reads the app again once the writes are done; the machines then settle.
    QVERIFY(loaded.wait(30000));
    QVERIFY(Test::waitUntil(
        [&] {
            if (!load())
                return false;
            const AppTopology &t = m_page->scene()->topology();
            for (const AppNode &n : t.nodes)
                if (n.kind == AppNode::Kind::Instance
                    && (!n.healthy || n.status != QLatin1String("started")))
                    return false;
            return !t.releases.isEmpty() && t.releases.at(1).current; // v41
        },
        20000));
    QVERIFY(m_page->scene()->item(QStringLiteral("group:api"))->health()
            == TopologyHealth::Healthy);
}

QTEST_MAIN(tst_AppTopologyPageSim)
#include "tst_apptopologypage_sim.moc"
