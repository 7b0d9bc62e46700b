// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's pipeline wiring (app/pipelineswiring.cpp, app/topologywiring.cpp and
// app/democluster.cpp, compiled into this test) in a MainWindow over the demo's clusters:
// the demo offers its simulated GitHub, GitLab and Jenkins pipelines as sources; their runs
// reach the image linker from the start through the PipelineRunFeed, the Pipelines page never
// shown; a Deployment set to images two history runs built (GitHub's sha-<short sha>,
// GitLab's <short sha>) gets its "deployed by run #N" pill on the topology, and a click on the
// pill opens the Pipelines page on that source with the run selected. While the page shows a
// source, the feed leaves that one to the page's poller.
//
// The demo runs every scenario in this process (as `orrery --demo`), without Prometheus. With
// ORRERY_PIPELINE_SCREENSHOTS=DIR the topology with the pill and the run it opens are saved
// there (docs/screenshots).
#include "eventloopwait.h"
#include "kubectlprocess.h"

#include <democluster.h>
#include <pipelineswiring.h>
#include <topologywiring.h>

#include <contextpreferences.h>
#include <kube/clustersession.h>
#include <kube/kubeconfig.h>
#include <mainwindow.h>
#include <operations/actioncontroller.h>
#include <pipelineimagelinker.h>
#include <pipelinepoller.h>
#include <pipelinerunfeed.h>
#include <pipelinerunmodel.h>
#include <pipelinespage.h>
#include <sessionmanager.h>
#include <topologynodeitem.h>
#include <topologypage.h>
#include <topologyscene.h>
#include <topologytypes.h>
#include <topologyview.h>

#include <QComboBox>
#include <QDir>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Orrery;
using Orrery::Test::waitUntil;

class TestPipelinesWiringDemo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void demoOffersEveryProvider();
    void runsReachTheLinkerWithoutThePage();
    void pillOpensTheRun();
    void pageSourceIsNotReadTwice();

private:
    int sourceIndex(PipelineProvider provider) const;
    std::optional<PipelineRun> newestFinishedRun(int index);
    bool setImage(const QString &ns, const QString &deployment, const QString &image);

    QTemporaryDir m_dir;
    std::unique_ptr<App::DemoCluster> m_demo;
    QString m_kubeconfig;
    Kubeconfig m_config;
    QString m_context;
    std::unique_ptr<ContextPreferences> m_preferences;
    std::unique_ptr<SessionManager> m_sessions;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<AuditLog> m_audit;
    PipelinesPage *m_page = nullptr;
    TopologyPage *m_topology = nullptr;
    PipelineImageLinker *m_linker = nullptr;
    PipelineRunFeed *m_feed = nullptr;
    QSet<int> m_fedProviders;
    PipelineRun m_githubRun;
};

void TestPipelinesWiringDemo::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The demo's monitoring is not what this test is about.
    qputenv("ORRERY_PROMETHEUS_BINARY", "/nonexistent");
    qputenv("ORRERY_ALERTMANAGER_BINARY", "/nonexistent");
    m_demo = std::make_unique<App::DemoCluster>();
    bool started = false;
    QString error;
    m_demo->start([&](const Result<QString> &path) {
        started = true;
        if (path.ok())
            m_kubeconfig = *path;
        else
            error = path.error().toString();
    });
    QVERIFY(waitUntil([&] { return started; }, 120000));
    QVERIFY2(!m_kubeconfig.isEmpty(), qPrintable(error));
    m_config = Kubeconfig::load(m_kubeconfig);
    for (const QString &c : m_demo->contextNames())
        if (c == QLatin1String("pfe-k8s"))
            m_context = c;
    QVERIFY2(!m_context.isEmpty(), qPrintable(m_demo->contextNames().join(',')));

    m_preferences
        = std::make_unique<ContextPreferences>(m_dir.filePath(QStringLiteral("orrery.ini")));
    m_sessions = std::make_unique<SessionManager>(
        [this](const QString &context, QObject *parent) -> Result<ClusterSession *> {
            Result<ClusterConnection> connection = m_config.connection(context);
            if (!connection.ok())
                return connection.error();
            return new ClusterSession(std::move(connection.value()), parent);
        });
    m_window = std::make_unique<MainWindow>(m_sessions.get(), m_preferences.get());
    QList<ContextTreeModel::Entry> entries;
    for (const QString &name : m_config.contextNames()) {
        const auto c = m_config.context(name);
        entries << ContextTreeModel::Entry{name, c->clusterName, {}, c->userName, c->namespace_};
    }
    m_window->setContexts(entries, m_context);
    App::installTopologyPage(*m_window);
    m_audit = std::make_unique<AuditLog>(m_dir.filePath(QStringLiteral("audit")));
    auto *controller
        = new ActionController(m_preferences.get(), m_window.get(), m_audit.get(), m_window.get());
    controller->setObjectName(QStringLiteral("actionController"));
    m_page = App::installPipelinesPage(*m_window);
    m_topology = m_window->findChild<TopologyPage *>();
    m_linker = m_window->findChild<PipelineImageLinker *>(QStringLiteral("pipelineImageLinker"));
    m_feed = m_page->findChild<PipelineRunFeed *>(QStringLiteral("pipelineRunFeed"));
    QVERIFY(m_topology && m_linker && m_feed);
    // Faster than a minute, for the test; what each poll sees is recorded.
    m_feed->setInterval(500);
    connect(m_feed, &PipelineRunFeed::runsUpdated, this, [this](const QList<PipelineRun> &runs) {
        for (const PipelineRun &r : runs)
            m_fedProviders.insert(int(r.provider));
    });
    App::setPipelineSources(
        m_page, m_demo->pipelineSources(),
        [demo = m_demo.get()](const PipelineSource &s) { return demo->pipelineConnectOptions(s); });
    m_feed->setInterval(500);
    m_window->resize(1400, 900);
    m_window->show();
    m_window->activateContext(m_context);
    m_window->showCentralPage(QStringLiteral("Topology"));
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestPipelinesWiringDemo::cleanupTestCase()
{
    m_window.reset();
    m_sessions.reset();
    m_demo.reset();
}

int TestPipelinesWiringDemo::sourceIndex(PipelineProvider provider) const
{
    const QList<PipelineSource> sources = m_demo->pipelineSources();
    for (int i = 0; i < sources.size(); ++i)
        if (sources.at(i).provider == provider
            && sources.at(i).source == QLatin1String("pfe-v2/pfe-application"))
            return i;
    return -1;
}

std::optional<PipelineRun> TestPipelinesWiringDemo::newestFinishedRun(int index)
{
    const PipelineSource source = m_demo->pipelineSources().value(index);
    auto connection = connectPipelineSource(source, m_demo->pipelineConnectOptions(source));
    if (!connection.ok())
        return std::nullopt;
    std::optional<PipelineRun> found;
    bool done = false;
    PipelineRunFilter filter;
    filter.status = PipelineStatus::Succeeded;
    filter.limit = 5;
    connection->client->runs(source.source, filter, this,
                             [&](const Result<QList<PipelineRun>> &runs) {
                                 if (runs.ok() && !runs->isEmpty())
                                     found = runs->first();
                                 done = true;
                             });
    waitUntil([&] { return done; }, 20000);
    return found;
}

bool TestPipelinesWiringDemo::setImage(const QString &ns, const QString &deployment,
                                       const QString &image)
{
    const Test::KubectlResult r
        = Test::runKubectl(m_kubeconfig, m_dir.path(),
                           {"--context", m_context, "-n", ns, "set", "image",
                            "deployment/" + deployment, deployment + "=" + image});
    if (r.exitCode != 0)
        qWarning().noquote() << r.out << r.err;
    return r.exitCode == 0;
}

void TestPipelinesWiringDemo::demoOffersEveryProvider()
{
    QSet<int> providers;
    for (const PipelineSource &s : m_demo->pipelineSources())
        providers.insert(int(s.provider));
    QCOMPARE(providers, (QSet<int>{int(PipelineProvider::GitHub), int(PipelineProvider::GitLab),
                                   int(PipelineProvider::Jenkins)}));
    QCOMPARE(m_page->sourceChooser()->count(), m_demo->pipelineSources().size());
    QVERIFY(m_page->sourceChooser()->isVisibleTo(m_page));
    QCOMPARE(m_feed->count(), m_demo->pipelineSources().size());
    // Every source connected: a poller of its own, or, for the Jenkins multibranch project
    // (a folder without runs of its own), pollers of its branch jobs.
    const auto folders = [&] {
        int n = 0;
        for (int i = 0; i < m_feed->count(); ++i)
            n += m_feed->poller(i) ? 0 : 1;
        return n;
    };
    QTRY_COMPARE(folders(), 1); // once Jenkins has said what the project holds
    QVERIFY(!m_feed->folderJobPollers().isEmpty());
    QVERIFY(sourceIndex(PipelineProvider::GitHub) >= 0);
    QVERIFY(sourceIndex(PipelineProvider::GitLab) >= 0);
    QVERIFY(sourceIndex(PipelineProvider::Jenkins) >= 0);
}

void TestPipelinesWiringDemo::runsReachTheLinkerWithoutThePage()
{
    QVERIFY(!m_page->isVisible());
    // Every provider's runs are fed although nobody opened the Pipelines page.
    QVERIFY(waitUntil(
        [&] {
            return m_fedProviders.contains(int(PipelineProvider::GitHub))
                   && m_fedProviders.contains(int(PipelineProvider::GitLab))
                   && m_fedProviders.contains(int(PipelineProvider::Jenkins));
        },
        30000));

    // Deploy what two history runs built, as their deploy jobs would have: the staging
    // backend gets the GitHub run's image, the staging frontend the GitLab run's.
    const auto github = newestFinishedRun(sourceIndex(PipelineProvider::GitHub));
    const auto gitlab = newestFinishedRun(sourceIndex(PipelineProvider::GitLab));
    QVERIFY(github && gitlab);
    m_githubRun = *github;
    QVERIFY(
        setImage(QStringLiteral("staging"), QStringLiteral("backend-spring"),
                 QStringLiteral("ghcr.io/pfe-v2/backend-spring:sha-") + github->commitSha.left(7)));
    QVERIFY(setImage(QStringLiteral("staging"), QStringLiteral("frontend"),
                     QStringLiteral("registry.gitlab.com/pfe-v2/pfe-application/frontend:")
                         + gitlab->commitSha.left(7)));
    const WorkloadKey backend{m_context, QStringLiteral("staging"), QStringLiteral("Deployment"),
                              QStringLiteral("backend-spring")};
    const WorkloadKey frontend{m_context, QStringLiteral("staging"), QStringLiteral("Deployment"),
                               QStringLiteral("frontend")};
    QVERIFY(waitUntil(
        [&] {
            const auto b = m_linker->linkOf(backend);
            const auto f = m_linker->linkOf(frontend);
            return b && b->runId == github->id && f && f->runId == gitlab->id;
        },
        30000));
    QCOMPARE(m_linker->linkOf(backend)->provider, PipelineProvider::GitHub);
    QCOMPARE(m_linker->linkOf(frontend)->provider, PipelineProvider::GitLab);
    QVERIFY(!m_page->isVisible()); // still never shown

    // The topology, first seen now, has the pill.
    const QString node = topologyNodeId(TopologyKind::Deployment, QStringLiteral("staging"),
                                        QStringLiteral("backend-spring"));
    QVERIFY(waitUntil(
        [&] {
            TopologyNodeItem *item
                = m_topology->scene() ? m_topology->scene()->item(node) : nullptr;
            return item && !item->pipelineBadgeRect().isEmpty();
        },
        30000));
}

void TestPipelinesWiringDemo::pillOpensTheRun()
{
    const QString node = topologyNodeId(TopologyKind::Deployment, QStringLiteral("staging"),
                                        QStringLiteral("backend-spring"));
    TopologyView *view = m_topology->view();
    TopologyNodeItem *item = m_topology->scene()->item(node);
    QVERIFY(item);
    view->setZoom(1.0);
    view->centerOnNode(node);
    QCoreApplication::processEvents();
    const QPoint onPill = view->mapFromScene(item->mapToScene(item->pipelineBadgeRect().center()));
    const QString screenshots = qEnvironmentVariable("ORRERY_PIPELINE_SCREENSHOTS");
    if (!screenshots.isEmpty()) {
        QVERIFY(waitUntil(
            [&] {
                return m_linker->linkOf({m_context, "staging", "Deployment", "backend-spring"})
                    .has_value();
            },
            1000));
        QVERIFY(m_window->grab().save(
            QDir(screenshots).filePath(QStringLiteral("pipelines-demo-topology-pill.png"))));
    }
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onPill);
    // The Pipelines page, on the GitHub source, with the run selected.
    QVERIFY(waitUntil([&] { return m_page->isVisible(); }, 5000));
    QCOMPARE(m_page->sourceChooser()->currentIndex(), sourceIndex(PipelineProvider::GitHub));
    QVERIFY(waitUntil([&] { return m_page->poller()->followedRun() == m_githubRun.id; }, 30000));
    const QModelIndexList selected = m_page->runsTable()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    if (!screenshots.isEmpty()) {
        // The run the pill opened, its diagram drawn.
        QVERIFY(waitUntil(
            [&] {
                return m_page->runModel()->hasRun()
                       && m_page->runModel()->run().id == m_githubRun.id
                       && !m_page->runModel()->run().jobs.isEmpty();
            },
            30000));
        QCoreApplication::processEvents(); // the diagram laid out and fitted
        QVERIFY(m_window->grab().save(
            QDir(screenshots).filePath(QStringLiteral("pipelines-demo-diagram.png"))));
    }

    // The GitLab pill opens the GitLab source (another source than the page's).
    const QString frontend = topologyNodeId(TopologyKind::Deployment, QStringLiteral("staging"),
                                            QStringLiteral("frontend"));
    const auto link = m_linker->linkOf(
        {m_context, QStringLiteral("staging"), QStringLiteral("Deployment"), "frontend"});
    QVERIFY(link);
    QVERIFY(App::openPipelineRun(m_page, link->provider, link->source, link->runId));
    QCOMPARE(m_page->sourceChooser()->currentIndex(), sourceIndex(PipelineProvider::GitLab));
    QVERIFY(waitUntil([&] { return m_page->poller()->followedRun() == link->runId; }, 30000));
    QVERIFY(!App::openPipelineRun(m_page, PipelineProvider::GitHub, "nobody/nothing", "1"));
    Q_UNUSED(frontend)
}

void TestPipelinesWiringDemo::pageSourceIsNotReadTwice()
{
    // Shown, the page reads its source itself: the feed's poller of it rests; hidden again,
    // the feed takes it back.
    const int shown = m_page->sourceChooser()->currentIndex();
    QVERIFY(m_page->isVisible());
    QVERIFY(m_feed->isPaused(shown));
    QVERIFY(!m_feed->poller(shown)->isActive());
    for (int i = 0; i < m_feed->count(); ++i)
        if (i != shown)
            QVERIFY(!m_feed->isPaused(i));
    m_window->showCentralPage(QStringLiteral("Topology"));
    QVERIFY(waitUntil([&] { return !m_page->isVisible(); }, 5000));
    QVERIFY(!m_feed->isPaused(shown));
    QVERIFY(m_feed->poller(shown)->isActive());
    QVERIFY(!m_page->poller()->isActive());
}

QTEST_MAIN(TestPipelinesWiringDemo)
#include "tst_pipelineswiring_demo.moc"
