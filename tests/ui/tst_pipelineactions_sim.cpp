// SPDX-License-Identifier: GPL-3.0-or-later
// The Pipelines page's actions through the window's operation path, against the in-process
// simulated GitHub, GitLab and Jenkins (pfe): the run and job menus offer each provider's own
// actions only, enabled by status; "Run…" asks for the ref and inputs, then the operation's
// ConfirmDialog (the one every change goes through) shows the request and, confirmed, the
// audited request creates the GitLab pipeline; a Jenkins build started from "Build…" is aborted
// from the runs list's menu. No cluster session is needed: the confirmation names the CI
// source. With ORRERY_PIPELINE_SCREENSHOTS=DIR the confirmation and the run menu are saved
// there (docs/screenshots).
//
// One in-process Simulator (pfe) at speed 60.
#include "eventloopwait.h"

#include <audit/auditlog.h>
#include <contextpreferences.h>
#include <operations/actioncontroller.h>
#include <operations/confirmdialog.h>
#include <operations/pipelineoperations.h>
#include <pipelinepoller.h>
#include <pipelinerunmodel.h>
#include <pipelinerunsmodel.h>
#include <pipelines/pipelinesources.h>
#include <pipelinespage.h>
#include <pipelinetriggerdialog.h>
#include <simulator.h>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

const QString s_pfe = QStringLiteral("pfe-v2/pfe-application");

template <typename T> T *visibleTopLevel()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
            return t;
    return nullptr;
}

template <typename T> T *waitForDialog(int timeoutMs = 20000)
{
    T *found = nullptr;
    waitUntil([&] { return (found = visibleTopLevel<T>()) != nullptr; }, timeoutMs);
    return found;
}

QStringList idsOf(const QList<QAction *> &actions, bool enabledOnly = false)
{
    QStringList ids;
    for (QAction *a : actions)
        if (!enabledOnly || a->isEnabled())
            ids << a->objectName();
    return ids;
}

// `overlay` drawn over `base` at `at` (a dialog or menu over the page, as the user sees it).
QImage composed(QWidget *base, QWidget *overlay, QPoint at, bool dim)
{
    const qreal dpr = base->devicePixelRatioF();
    QImage image = base->grab().toImage();
    QPainter p(&image);
    if (dim)
        p.fillRect(QRect(QPoint(0, 0), image.size() / dpr), QColor(0, 0, 0, 70));
    p.drawPixmap(at, overlay->grab());
    p.end();
    return image;
}

} // namespace

class TestPipelineActionsSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void actionsPerProvider();
    void gitlabRunThroughConfirmation();
    void jenkinsBuildThenAbortFromTheMenu();

private:
    void show(PipelineProvider provider);
    bool waitForRuns();
    QList<AuditEntry> audit() const { return AuditLog::read(m_audit->directory()); }

    QTemporaryDir m_dir;
    std::unique_ptr<Sim::Simulator> m_sim;
    QHash<int, PipelineConnection> m_connections;
    std::unique_ptr<ContextPreferences> m_preferences;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<QWidget> m_host;
    std::unique_ptr<ActionController> m_controller;
    std::unique_ptr<PipelinesPage> m_page;
    PipelineProvider m_shown = PipelineProvider::GitHub;
    QString m_screenshots;
};

void TestPipelineActionsSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_screenshots = qEnvironmentVariable("ORRERY_PIPELINE_SCREENSHOTS");
    Sim::SimulatorOptions options;
    options.scenarios = {"pfe"};
    options.speed = 60;
    m_sim = std::make_unique<Sim::Simulator>(options);
    std::string error;
    QVERIFY2(m_sim->start(&error), error.c_str());
    const QString url = QString::fromStdString(m_sim->servicesUrl());
    const QByteArray ca = QByteArray::fromStdString(m_sim->servicesCaCertificate());
    const struct
    {
        PipelineProvider provider;
        QString host;
        QByteArray token;
    } sides[] = {
        {PipelineProvider::GitHub, url.mid(8), "orrery-sim-github"},
        {PipelineProvider::GitLab, url + QStringLiteral("/gitlab/api/v4"), "orrery-sim-gitlab"},
        {PipelineProvider::Jenkins, url + QStringLiteral("/jenkins"), "orrery:orrery-sim-jenkins"}};
    for (const auto &side : sides) {
        PipelineSource source;
        source.provider = side.provider;
        source.host = side.host;
        source.source = s_pfe;
        PipelineConnectOptions connect;
        connect.caPem = ca;
        connect.token = side.token;
        connect.environment = QProcessEnvironment();
        auto connection = connectPipelineSource(source, connect);
        QVERIFY2(connection.ok(), connection.ok() ? "" : qPrintable(connection.error().toString()));
        m_connections.insert(int(side.provider), *connection);
    }

    m_preferences
        = std::make_unique<ContextPreferences>(m_dir.filePath(QStringLiteral("orrery.ini")));
    m_audit = std::make_unique<AuditLog>(m_dir.filePath(QStringLiteral("audit")));
    m_host = std::make_unique<QWidget>();
    m_host->resize(800, 600);
    m_host->show();
    // No cluster session at all: pipeline actions do not need one.
    m_controller
        = std::make_unique<ActionController>(m_preferences.get(), m_host.get(), m_audit.get());
    m_page = std::make_unique<PipelinesPage>();
    m_page->resize(1400, 760);
    // What app/pipelineswiring.cpp does with a request.
    connect(m_page.get(), &PipelinesPage::actionRequested, this,
            [this](const PipelineActionRequest &request) {
                const PipelineConnection &c = m_connections[int(m_shown)];
                PipelineOperation *op = PipelineOperation::create(c.client, c.transport, request);
                connect(op, &ClusterOperation::finished, m_page.get(),
                        [this] { m_page->poller()->pollNow(); });
                m_controller->runOperation(op);
            });
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestPipelineActionsSim::cleanupTestCase()
{
    m_page.reset();
    m_controller.reset();
    m_host.reset();
    m_connections.clear();
    if (m_sim)
        m_sim->stop();
}

void TestPipelineActionsSim::show(PipelineProvider provider)
{
    m_shown = provider;
    m_page->poller()->setInterval(300);
    m_page->setClient(m_connections[int(provider)].client, s_pfe);
}

bool TestPipelineActionsSim::waitForRuns()
{
    return waitUntil(
        [&] {
            return m_page->runsModel()->rowCount() > 0 && m_page->runModel()->hasRun()
                   && !m_page->runModel()->run().jobs.isEmpty();
        },
        20000);
}

void TestPipelineActionsSim::actionsPerProvider()
{
    struct Expected
    {
        PipelineProvider provider;
        QStringList run;
        QStringList job;
    };
    const Expected expected[] = {
        {PipelineProvider::GitHub,
         {"pipeline-rerun", "pipeline-rerun-failed", "pipeline-cancel", "pipeline-approve",
          "pipeline-reject"},
         {"pipeline-rerun-job", "pipeline-approve", "pipeline-reject", "pipeline-download-log"}},
        {PipelineProvider::GitLab,
         {"pipeline-rerun", "pipeline-rerun-failed", "pipeline-cancel", "pipeline-approve"},
         {"pipeline-rerun-job", "pipeline-approve", "pipeline-download-log"}},
        {PipelineProvider::Jenkins,
         {"pipeline-rerun", "pipeline-cancel", "pipeline-approve", "pipeline-reject"},
         {"pipeline-approve", "pipeline-reject", "pipeline-download-log"}},
    };
    for (const Expected &e : expected) {
        show(e.provider);
        QVERIFY(waitForRuns());
        const PipelineRun run = m_page->runModel()->run(); // the newest, selected
        QObject scratch;
        const QList<QAction *> runActions = m_page->runActions(run.id, &scratch);
        QCOMPARE(idsOf(runActions), e.run);
        // A finished history run: re-run yes, cancel and reviews no.
        QVERIFY(pipelineStatusIsFinal(run.status));
        QVERIFY(idsOf(runActions, true).contains(QStringLiteral("pipeline-rerun")));
        QVERIFY(!idsOf(runActions, true).contains(QStringLiteral("pipeline-cancel")));
        QVERIFY(!idsOf(runActions, true).contains(QStringLiteral("pipeline-approve")));
        const QList<QAction *> jobActions = m_page->jobActions(run.jobs.first().id, &scratch);
        QCOMPARE(idsOf(jobActions), e.job);
        QVERIFY(m_page->runButton()->isEnabled());
        QVERIFY(m_page->rerunButton()->isEnabled());
        QVERIFY(!m_page->cancelButton()->isEnabled());
        QCOMPARE(m_page->runButton()->text(), e.provider == PipelineProvider::Jenkins
                                                  ? QStringLiteral("Build…")
                                                  : QStringLiteral("Run…"));
    }
}

void TestPipelineActionsSim::gitlabRunThroughConfirmation()
{
    show(PipelineProvider::GitLab);
    QVERIFY(waitForRuns());
    const int before = m_page->runsModel()->rowCount();
    m_page->requestTrigger();
    auto *ask = waitForDialog<PipelineTriggerDialog>();
    QVERIFY(ask);
    QVERIFY(!ask->workflowEdit()); // GitLab has no workflow to name
    QCOMPARE(ask->refEdit()->text(), m_page->runModel()->run().branch); // the selected run's
    ask->refEdit()->setText(QStringLiteral("main"));
    ask->inputsEdit()->setPlainText(QStringLiteral("DEPLOY_REASON=from the page\nnot a pair"));
    ask->accept();

    auto *confirm = waitForDialog<ConfirmDialog>();
    QVERIFY(confirm);
    // The confirmation names the CI source, not a cluster context.
    QVERIFY2(confirm->target().context.startsWith(QStringLiteral("gitlab:")),
             qPrintable(confirm->target().context));
    QCOMPARE(confirm->target().ns, s_pfe);
    QCOMPARE(confirm->target().kind, QStringLiteral("Pipeline"));
    QCOMPARE(confirm->target().name, QStringLiteral("main"));
    QString shown;
    for (QLabel *l : confirm->findChildren<QLabel *>())
        shown += l->text() + QLatin1Char('\n');
    for (QPlainTextEdit *e : confirm->findChildren<QPlainTextEdit *>())
        shown += e->toPlainText() + QLatin1Char('\n');
    QVERIFY2(shown.contains(QStringLiteral("Run a pipeline on main in pfe-v2/pfe-application "
                                           "on GitLab CI")),
             qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("DEPLOY_REASON=from the page")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("POST /projects/pfe-v2%2Fpfe-application/pipeline")),
             qPrintable(shown));
    QVERIFY(!shown.contains(QStringLiteral("orrery-sim-gitlab")));
    if (!m_screenshots.isEmpty()) {
        const QPoint at((m_page->width() - confirm->width()) / 2,
                        (m_page->height() - confirm->height()) / 3);
        QVERIFY(
            composed(m_page.get(), confirm, at, true)
                .save(
                    QDir(m_screenshots).filePath(QStringLiteral("pipelines-action-confirm.png"))));
    }
    QVERIFY(confirm->isConfirmEnabled());
    QTest::mouseClick(confirm->confirmButton(), Qt::LeftButton);

    // The audited request created the pipeline; the page lists it.
    QVERIFY(waitUntil(
        [&] {
            for (const AuditEntry &e : audit())
                if (e.kind == QLatin1String("Pipeline") && e.verb == QLatin1String("trigger")
                    && e.outcomeKnown() && e.status == 201)
                    return true;
            return false;
        },
        20000));
    QVERIFY(waitUntil([&] { return m_page->runsModel()->rowCount() > before; }, 20000));
    const PipelineRun *newest = m_page->runsModel()->runAt(0);
    QVERIFY(newest);
    QCOMPARE(newest->branch, QStringLiteral("main"));
    QCOMPARE(newest->event, QStringLiteral("api"));
}

void TestPipelineActionsSim::jenkinsBuildThenAbortFromTheMenu()
{
    show(PipelineProvider::Jenkins);
    QVERIFY(waitForRuns());
    QCOMPARE(m_page->cancelButton()->text(), QStringLiteral("Abort build"));
    const QString newestBefore = m_page->runsModel()->runAt(0)->id;
    m_page->requestTrigger();
    auto *ask = waitForDialog<PipelineTriggerDialog>();
    QVERIFY(ask);
    QVERIFY(!ask->refEdit()); // Jenkins takes parameters only
    ask->inputsEdit()->setPlainText(QStringLiteral("DEPLOY_ENV=staging"));
    ask->accept();
    auto *confirm = waitForDialog<ConfirmDialog>();
    QVERIFY(confirm);
    QCOMPARE(confirm->confirmButton()->text().remove(QLatin1Char('&')), QStringLiteral("Build"));
    QTest::mouseClick(confirm->confirmButton(), Qt::LeftButton);
    QVERIFY(waitUntil(
        [&] {
            const PipelineRun *r = m_page->runsModel()->runAt(0);
            return r && r->id != newestBefore && !pipelineStatusIsFinal(r->status);
        },
        20000));
    const QString build = m_page->runsModel()->runAt(0)->id;
    QVERIFY(m_page->selectRun(build));
    QVERIFY(waitUntil([&] { return m_page->cancelButton()->isEnabled(); }, 10000));

    // The runs list's menu: "Abort build" is there and enabled.
    auto *menu = new QMenu(m_page.get());
    menu->addActions(m_page->runActions(build, menu));
    QAction *abort = nullptr;
    for (QAction *a : menu->actions())
        if (a->objectName() == QLatin1String("pipeline-cancel"))
            abort = a;
    QVERIFY(abort && abort->isEnabled());
    QCOMPARE(abort->text(), QStringLiteral("Abort build"));
    if (!m_screenshots.isEmpty()) {
        // The build's stages drawn beside the menu.
        QVERIFY(waitUntil(
            [&] {
                return m_page->runModel()->hasRun() && m_page->runModel()->run().id == build
                       && !m_page->runModel()->run().jobs.isEmpty();
            },
            20000));
        const QRect row = m_page->runsTable()->visualRect(m_page->runsModel()->index(0, 1));
        const QPoint at = m_page->runsTable()->viewport()->mapTo(m_page.get(), row.center());
        menu->adjustSize();
        QVERIFY(composed(m_page.get(), menu, at, false)
                    .save(QDir(m_screenshots).filePath(QStringLiteral("pipelines-run-menu.png"))));
    }
    abort->trigger();
    auto *confirmAbort = waitForDialog<ConfirmDialog>();
    QVERIFY(confirmAbort);
    QVERIFY2(confirmAbort->windowTitle().startsWith(QStringLiteral("Abort build #")),
             qPrintable(confirmAbort->windowTitle()));
    QTest::mouseClick(confirmAbort->confirmButton(), Qt::LeftButton);
    QVERIFY(waitUntil(
        [&] {
            const int row = m_page->runsModel()->rowOf(build);
            const PipelineRun *r = m_page->runsModel()->runAt(row);
            return r && r->status == PipelineStatus::Cancelled;
        },
        20000));
    delete menu;
    QSet<QString> verbs;
    for (const AuditEntry &e : audit())
        verbs.insert(e.kind + QLatin1Char('/') + e.verb);
    QVERIFY(verbs.contains(QStringLiteral("Build/trigger")));
    QVERIFY(verbs.contains(QStringLiteral("Build/cancel")));
}

QTEST_MAIN(TestPipelineActionsSim)
#include "tst_pipelineactions_sim.moc"
