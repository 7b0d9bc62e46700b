// SPDX-License-Identifier: GPL-3.0-or-later
// Trust in what the window shows about the kubeconfig (issue 18, "Trust"), driving the real
// MainWindow with its KubeconfigController against orrery-sim:
// - a kubeconfig that fails to parse is an error on screen naming file, line and entry, never
//   the demo in its place; the other files of KUBECONFIG still give their contexts;
// - the demo starts only when no kubeconfig exists at all;
// - demo contexts never share settings or protection with real ones of the same name;
// - a cluster whose CA is rotated (orrery-sim restarted on the same port) fails with a TLS
//   error that names certificates, not the network; Ctrl+R keeps the rows on screen, marked
//   not live, while it cannot connect; rewriting the kubeconfig (renamed over, as
//   `aws eks update-kubeconfig` does) is picked up without a restart, says so, keeps the
//   protection and brings the context back live.
#include "eventloopwait.h"
#include "simprocess.h"

#include <contextpreferences.h>
#include <contextstrip.h>
#include <errorpresenter.h>
#include <freshnessindicator.h>
#include <kubeconfigcontroller.h>
#include <mainwindow.h>
#include <sessionmanager.h>
#include <welcomepage.h>

#include <kube/clustersession.h>
#include <kube/kubeconfig.h>
#include <kube/kubeconfigwatcher.h>

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(content) == content.size();
}

bool replaceAtomically(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    file.setDirectWriteFallback(false);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size()
           && file.commit();
}

int freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QAction *actionNamed(QWidget *window, const QString &text)
{
    for (QAction *a : window->findChildren<QAction *>())
        if (a->text() == text)
            return a;
    return nullptr;
}

// A main window with the controller app/ builds, over the test's settings file.
struct TrustWindow
{
    explicit TrustWindow(ContextPreferences *preferences)
        : window(&sessions, preferences)
        , kubeconfig(&window, preferences)
    {
        sessions.setFactory(kubeconfig.sessionFactory());
        kubeconfig.watcher()->setSettleInterval(50);
        window.resize(1200, 800);
        window.show();
    }
    QString status() const { return window.errorPresenter()->statusLabel()->text(); }
    QString welcomeProblem() const { return window.findChild<WelcomePage *>()->problem(); }
    int rows() const { return window.tableView()->model()->rowCount(); }

    SessionManager sessions;
    MainWindow window;
    KubeconfigController kubeconfig;
};

const QByteArray kBroken = "apiVersion: v1\nkind: Config\ncurrent-context: production\n"
                           "contexts:\n- name: production\n  context:\n"
                           "    cluster: [unclosed\n";

} // namespace

class TestTrustSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void brokenKubeconfigIsAnErrorNotTheDemo();
    void brokenFileBesideAGoodOne();
    void demoOnlyWithoutAnyKubeconfig();
    void doctorNamesTheBrokenFile();
    void demoNeverSharesSettingsOrProtection();
    void rotatedCertificatesArePickedUp();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QTemporaryDir m_home;
    Test::SimProcess m_sim;
    int m_port = 0;
    QString m_simKubeconfig;
    QString m_context;
    std::unique_ptr<ContextPreferences> m_preferences;
};

void TestTrustSim::initTestCase()
{
    QVERIFY(m_dir.isValid() && m_home.isValid());
    // No user kubeconfig leaks in: ~/.kube/config is the test's empty home's.
    qputenv("HOME", QFile::encodeName(m_home.path()));
    m_port = freePort();
    QVERIFY(m_port > 0);
    m_simKubeconfig = path("sim.yaml");
    QVERIFY2(m_sim.start({"--scenario", "microk8s-shop", "--port", QString::number(m_port)},
                         m_simKubeconfig),
             qPrintable(m_sim.errorString()));
    m_context = Kubeconfig::load(m_simKubeconfig).currentContext();
    QVERIFY(!m_context.isEmpty());
    QVERIFY(writeFile(path("broken.yaml"), kBroken));
}

void TestTrustSim::init()
{
    qunsetenv("KUBECONFIG");
    QFile::remove(path("orrery.ini"));
    m_preferences = std::make_unique<ContextPreferences>(path("orrery.ini"));
}

void TestTrustSim::cleanupTestCase()
{
    m_sim.stop();
}

void TestTrustSim::brokenKubeconfigIsAnErrorNotTheDemo()
{
    // KUBECONFIG=broken.yaml with "production" protected and last used: no demo, no context,
    // the error on screen with file, line and what is wrong.
    qputenv("KUBECONFIG", QFile::encodeName(path("broken.yaml")));
    m_preferences->setProtected(QStringLiteral("production"), true);
    TrustWindow ui(m_preferences.get());
    QCOMPARE(ui.kubeconfig.start({}, false, false, QStringLiteral("production")),
             KubeconfigController::Start::Problem);
    QVERIFY(ui.window.activeContext().isEmpty());
    const QString problem = ui.welcomeProblem();
    QVERIFY2(QRegularExpression(QRegularExpression::escape(path("broken.yaml")) + ":[0-9]+: ")
                 .match(problem)
                 .hasMatch(),
             qPrintable(problem));
    QVERIFY2(problem.contains("malformed YAML"), qPrintable(problem));
    QVERIFY(!ui.window.contextStrip()->isProtectedShown());
    QVERIFY(!ui.window.contextStrip()->text().contains("Demo"));

    // Fixing the file (renamed over it) brings its contexts without a restart.
    QVERIFY(replaceAtomically(path("broken.yaml"), readFile(m_simKubeconfig)));
    QVERIFY2(waitUntil([&] { return ui.window.activeContext() == m_context; }, 10000),
             qPrintable(ui.status()));
    QVERIFY(ui.window.kubeconfigProblemsLabel()->isHidden());
    QVERIFY(writeFile(path("broken.yaml"), kBroken));
}

void TestTrustSim::brokenFileBesideAGoodOne()
{
    // KUBECONFIG=broken.yaml:sim.yaml: the simulator's contexts are listed and connect; the
    // broken file is named above the tables, with its line.
    qputenv("KUBECONFIG", QFile::encodeName(path("broken.yaml") + ':' + m_simKubeconfig));
    TrustWindow ui(m_preferences.get());
    QCOMPARE(ui.kubeconfig.start({}, false, false, {}), KubeconfigController::Start::Loaded);
    QCOMPARE(ui.window.activeContext(), m_context);
    QLabel *problems = ui.window.kubeconfigProblemsLabel();
    QVERIFY(!problems->isHidden());
    QVERIFY2(QRegularExpression(QRegularExpression::escape(path("broken.yaml")) + ":[0-9]+: ")
                 .match(problems->text())
                 .hasMatch(),
             qPrintable(problems->text()));
    QVERIFY(waitUntil([&] { return ui.sessions.isSynced(m_context); }, 60000));
}

void TestTrustSim::demoOnlyWithoutAnyKubeconfig()
{
    {
        qputenv("KUBECONFIG", QFile::encodeName(path("missing.yaml")));
        TrustWindow ui(m_preferences.get());
        QCOMPARE(ui.kubeconfig.start({}, false, false, {}), KubeconfigController::Start::Demo);
    }
    {
        // --welcome: the welcome page instead.
        TrustWindow ui(m_preferences.get());
        QCOMPARE(ui.kubeconfig.start({}, false, true, {}), KubeconfigController::Start::Problem);
        QVERIFY(ui.welcomeProblem().contains("No kubeconfig found"));
    }
    {
        // An explicit --kubeconfig that is broken: its error, not the demo.
        TrustWindow ui(m_preferences.get());
        QCOMPARE(ui.kubeconfig.start(path("broken.yaml"), false, false, {}),
                 KubeconfigController::Start::Problem);
        QVERIFY(ui.welcomeProblem().contains(path("broken.yaml")));
    }
    {
        // --demo always.
        qputenv("KUBECONFIG", QFile::encodeName(m_simKubeconfig));
        TrustWindow ui(m_preferences.get());
        QCOMPARE(ui.kubeconfig.start({}, true, false, {}), KubeconfigController::Start::Demo);
    }
}

void TestTrustSim::doctorNamesTheBrokenFile()
{
    // `orrery --doctor` with only a broken kubeconfig: not "no contexts found", but the file,
    // its line and what is wrong.
    QProcess doctor;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("KUBECONFIG", path("broken.yaml"));
    env.insert("HOME", m_home.path());
    doctor.setProcessEnvironment(env);
    doctor.start(QStringLiteral(ORRERY_APP_BINARY), {"--doctor"});
    QVERIFY(doctor.waitForFinished(60000));
    QCOMPARE(doctor.exitCode(), 1);
    const QString err = QString::fromUtf8(doctor.readAllStandardError());
    QVERIFY2(
        QRegularExpression(QRegularExpression::escape(path("broken.yaml")) + ":[0-9]+: malformed")
            .match(err)
            .hasMatch(),
        qPrintable(err));
    QVERIFY2(!err.contains("no contexts found"), qPrintable(err));
}

void TestTrustSim::demoNeverSharesSettingsOrProtection()
{
    // A real context "production" on the simulator's cluster, protected, with its namespaces;
    // then the demo, whose context is also "production" (on the very same cluster even).
    QByteArray real = readFile(m_simKubeconfig);
    real.replace("name: " + m_context.toUtf8() + "\n", "name: production\n");
    real.replace("current-context: " + m_context.toUtf8(), "current-context: production");
    QVERIFY(writeFile(path("real.yaml"), real));
    QVERIFY(writeFile(path("demo.yaml"), real));
    TrustWindow ui(m_preferences.get());
    QVERIFY(ui.kubeconfig.open(path("real.yaml")));
    QCOMPARE(ui.window.activeContext(), QStringLiteral("production"));
    m_preferences->setProtected(QStringLiteral("production"), true);
    m_preferences->setNamespaces(QStringLiteral("production"), {QStringLiteral("shop")});
    QVERIFY(ui.window.contextStrip()->isProtectedShown());

    ui.kubeconfig.useDemo(path("demo.yaml"), {QStringLiteral("production")},
                          QStringLiteral("production"));
    QCOMPARE(ui.window.activeContext(), QStringLiteral("production"));
    QVERIFY2(!ui.window.contextStrip()->isProtectedShown(),
             qPrintable(ui.window.contextStrip()->text()));
    QVERIFY(ui.window.contextStrip()->text().contains("Demo"));
    QVERIFY(!m_preferences->isProtected(QStringLiteral("production")));
    QVERIFY(m_preferences->namespaces(QStringLiteral("production")).isEmpty());
    // What is set on the demo stays with the demo.
    m_preferences->setNamespaces(QStringLiteral("production"), {QStringLiteral("kube-system")});
    m_preferences->setProtected(QStringLiteral("production"), true);
    m_preferences->setProtected(QStringLiteral("production"), false);

    QVERIFY(ui.kubeconfig.open(path("real.yaml")));
    QVERIFY(ui.window.contextStrip()->isProtectedShown());
    QVERIFY(m_preferences->isProtected(QStringLiteral("production")));
    QCOMPARE(m_preferences->namespaces(QStringLiteral("production")),
             QStringList{QStringLiteral("shop")});
}

void TestTrustSim::rotatedCertificatesArePickedUp()
{
    const QString user = path("user.yaml");
    QVERIFY(writeFile(user, readFile(m_simKubeconfig)));
    TrustWindow ui(m_preferences.get());
    QCOMPARE(ui.kubeconfig.start(user, false, false, m_context),
             KubeconfigController::Start::Loaded);
    m_preferences->setProtected(m_context, true);
    QVERIFY(waitUntil([&] { return ui.sessions.isSynced(m_context); }, 60000));
    ui.window.selectKind(Kind::Pod);
    QVERIFY(waitUntil([&] { return ui.rows() > 0; }, 10000));
    const int rows = ui.rows();
    const QByteArray oldCa = ui.sessions.session(m_context)->connection().certificateAuthorityPem;

    // The cluster's CA is rotated: the simulator comes back on the same port with a new one.
    m_sim.stop();
    QVERIFY2(m_sim.start({"--scenario", "microk8s-shop", "--port", QString::number(m_port)},
                         m_simKubeconfig),
             qPrintable(m_sim.errorString()));

    // Ctrl+R with the old kubeconfig: it cannot connect, and says why in terms of
    // certificates; the rows stay, not marked live.
    QAction *reload = actionNamed(&ui.window, QStringLiteral("Reconnect Cluster"));
    QVERIFY(reload);
    reload->trigger();
    QVERIFY(ui.sessions.isReloading(m_context));
    QVERIFY(waitUntil([&] { return ui.sessions.discoveryError(m_context).has_value(); }, 30000));
    const Error error = *ui.sessions.discoveryError(m_context);
    QCOMPARE(error.code, Error::Code::Tls);
    const QString fix = ErrorPresenter::fix(error, QStringLiteral("pods"));
    QVERIFY2(!fix.contains("VPN") && !fix.contains("network"), qPrintable(fix));
    QVERIFY2(fix.contains("certificate"), qPrintable(fix));
    QVERIFY(!ErrorPresenter::title(error, QStringLiteral("pods")).contains("reached"));
    QCOMPARE(ui.rows(), rows);
    QVERIFY(ui.sessions.freshness(m_context).state != Freshness::State::Live);
    QVERIFY2(ui.window.freshnessIndicator()->text().contains("TLS"),
             qPrintable(ui.window.freshnessIndicator()->text()));

    // The credentials are refreshed the way `aws eks update-kubeconfig` does it.
    QVERIFY(replaceAtomically(user, readFile(m_simKubeconfig)));
    QVERIFY2(waitUntil([&] { return ui.status().contains("kubeconfig changed"); }, 10000),
             qPrintable(ui.status()));
    QVERIFY2(ui.status().contains(m_context), qPrintable(ui.status()));
    QVERIFY(waitUntil(
        [&] {
            // Never an empty table while the new session syncs.
            if (ui.rows() == 0)
                return true;
            ClusterSession *s = ui.sessions.session(m_context);
            return s && s->connection().certificateAuthorityPem != oldCa
                   && ui.sessions.isSynced(m_context);
        },
        60000));
    QVERIFY(ui.rows() > 0);
    QVERIFY(!ui.sessions.isReloading(m_context));
    QVERIFY(waitUntil(
        [&] { return ui.sessions.freshness(m_context).state == Freshness::State::Live; }, 30000));
    // Same server, new CA: still the cluster the user protected.
    QVERIFY(m_preferences->isProtected(m_context));
    QVERIFY(ui.window.contextStrip()->isProtectedShown());
    // Still watched after the rename: the next rewrite is seen too.
    QVERIFY(
        waitUntil([&] { return ui.kubeconfig.watcher()->watchedFiles().contains(user); }, 5000));
}

QTEST_MAIN(TestTrustSim)
#include "tst_trust_sim.moc"
