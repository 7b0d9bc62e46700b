// SPDX-License-Identifier: GPL-3.0-or-later
// Logs end to end: orrery-sim on loopback (its pods/log serves follow, tailLines, container,
// previous and timestamps), a ClusterSession, and the details pane's Logs tab as the window
// shows it. Pods created through the API give known containers: a two-container pod and a
// crash-looping one (backend-spring 1.2.0, which the pfe scenario's registry marks as
// crashing, dies and restarts).
#include "simwindowfixture.h"
#include <kube/clustersession.h>
#include <kube/httptransport.h>
#include <kube/kubeconfig.h>
#include <kube/resourcestore.h>

#include <detailspane.h>
#include <logview.h>

#include <simprocess.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Orrery;

class TestLogsSim : public QObject
{
    Q_OBJECT

private slots:
    // No JSON decoded on the GUI thread (DecodeGuard), checked after every test.
    void cleanup();
    void initTestCase();
    void cleanupTestCase();
    void podLogsAppearAndFollow();
    void startingPodLogsAppearWhenItRuns();
    void containerChoice();
    void tailAndTimestamps();
    void previousContainer();
    void workloadMergesWithPodPrefix();
    void searchPauseWrapSave();
    void optionsResetPerPodAndContext();
    void popOutAndDockBack();
    void streamEndsWhenPodIsDeleted();
    void endOfStreamMessageNotCut();
    void streamFailsWhenServerDies(); // last: kills the simulator

private:
    int send(const QByteArray &method, const QString &path, const QByteArray &body);
    void showLogs(const QString &ns, const QString &name, Kind kind = Kind::Pod);
    template <typename T> T *child(const char *name) const
    {
        T *w = m_logView->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    QString status() const { return child<QLabel>("streamStatus")->text(); }

    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    std::unique_ptr<ClusterSession> m_session;
    std::unique_ptr<DetailsPane> m_pane;
    LogView *m_logView = nullptr;
};

void TestLogsSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString kubeconfig = m_dir.filePath("kubeconfig");
    QVERIFY2(m_sim.start({"--scenario", "pfe", "--speed", "10"}, kubeconfig),
             qPrintable(m_sim.errorString()));

    const Kubeconfig config = Kubeconfig::load(kubeconfig);
    Result<ClusterConnection> connection = config.connection(config.currentContext());
    QVERIFY(connection.ok());
    m_session = std::make_unique<ClusterSession>(std::move(connection.value()));
    m_session->setKinds({Kind::Pod, Kind::Deployment, Kind::ReplicaSet, Kind::Event});
    QSignalSpy synced(m_session.get(), &ClusterSession::synced);
    m_session->start();
    QTRY_VERIFY_WITH_TIMEOUT(synced.count() == 1, 60000);

    const QByteArray twoContainers
        = R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"duo","namespace":"default"},
        "spec":{"containers":[{"name":"web","image":"nginx:1.25"},{"name":"sidecar","image":"python:3.12"}]}})";
    QCOMPARE(send("POST", "/api/v1/namespaces/default/pods", twoContainers), 201);
    const QByteArray broken
        = R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"crasher","namespace":"default"},
        "spec":{"containers":[{"name":"app","image":"ghcr.io/pfe-v2/backend-spring:1.2.0"}]}})";
    QCOMPARE(send("POST", "/api/v1/namespaces/default/pods", broken), 201);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->store()->object(Kind::Pod, "default", "duo"), 10000);

    m_pane = std::make_unique<DetailsPane>();
    m_pane->resize(900, 600);
    m_pane->setSession(m_session.get());
    m_pane->show();
    m_logView = m_pane->findChild<LogView *>();
    QVERIFY(m_logView);
}

void TestLogsSim::cleanupTestCase()
{
    m_pane.reset();
    m_session.reset();
    m_sim.stop();
}

int TestLogsSim::send(const QByteArray &method, const QString &path, const QByteArray &body)
{
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    if (!body.isEmpty())
        request.contentType = "application/json";
    int status = 0;
    m_session->transport()->send(request, this, [&status](const Result<ApiResponse> &r) {
        status = r.ok() ? r.value().status : -1;
    });
    QDeadlineTimer deadline(10000);
    while (status == 0 && !deadline.hasExpired())
        QTest::qWait(10);
    return status;
}

void TestLogsSim::showLogs(const QString &ns, const QString &name, Kind kind)
{
    KubeObjectPtr object;
    QTRY_VERIFY_WITH_TIMEOUT((object = m_session->store()->object(kind, ns, name)), 10000);
    m_pane->setObject({});
    m_pane->setObject(object);
    m_pane->showTab(DetailsPane::LogsTab);
}

void TestLogsSim::podLogsAppearAndFollow()
{
    // A one-container pod of the scenario: lines appear, then more keep coming (follow).
    const QList<KubeObjectPtr> pods = m_session->store()->objects(Kind::Pod, "pfe-app");
    KubeObjectPtr frontend;
    for (const KubeObjectPtr &p : pods)
        if (p->name.startsWith("frontend-"))
            frontend = p;
    QVERIFY(frontend);
    showLogs(frontend->namespaceName, frontend->name);
    QVERIFY(status().contains(frontend->name));
    QTRY_VERIFY2_WITH_TIMEOUT(m_logView->lineCount() > 0, qPrintable(status()), 15000);
    const int first = m_logView->lineCount();
    QTRY_VERIFY_WITH_TIMEOUT(m_logView->lineCount() > first, 20000);
    QVERIFY(!m_logView->plainText().startsWith('[')); // one pod, one container: no prefix
    QVERIFY(child<QPushButton>("reconnectButton")->isHidden());
}

void TestLogsSim::startingPodLogsAppearWhenItRuns()
{
    // Selected while its container is still being created (the API answers 400 "waiting to
    // start"): the view waits instead of failing, and the lines come once the container runs.
    const QByteArray late
        = R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"late","namespace":"default"},
        "spec":{"containers":[{"name":"web","image":"nginx:1.25"}]}})";
    QCOMPARE(send("POST", "/api/v1/namespaces/default/pods", late), 201);
    showLogs("default", "late");
    QVERIFY2(m_session->store()->object(Kind::Pod, "default", "late")->pod()->status != "Running",
             "the pod must still be starting for this test to mean anything");
    QTRY_VERIFY2_WITH_TIMEOUT(m_logView->lineCount() > 0, qPrintable(status()), 30000);
    QVERIFY2(!status().contains("failed"), qPrintable(status()));
    QVERIFY(child<QPushButton>("reconnectButton")->isHidden());
}

void TestLogsSim::containerChoice()
{
    QTRY_VERIFY_WITH_TIMEOUT(
        m_session->store()->object(Kind::Pod, "default", "duo")->pod()->status == "Running", 30000);
    showLogs("default", "duo");
    auto *container = child<QComboBox>("containerChoice");
    QCOMPARE(container->count(), 3); // All containers, web, sidecar
    // All containers: one stream per container, each line says which.
    QTRY_VERIFY2_WITH_TIMEOUT(m_logView->plainText().contains("[web] "),
                              qPrintable(status() + m_logView->plainText().left(300)), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_logView->plainText().contains("[sidecar] "), 20000);
    // One container: only its lines, without prefix.
    container->setCurrentIndex(container->findData("sidecar"));
    QTRY_VERIFY_WITH_TIMEOUT(m_logView->lineCount() > 0, 20000);
    QVERIFY(!m_logView->plainText().contains("[web] "));
    QVERIFY(!m_logView->plainText().contains("[sidecar] "));
    QVERIFY(status().contains("duo"));
    container->setCurrentIndex(0);
}

void TestLogsSim::tailAndTimestamps()
{
    KubeObjectPtr pod;
    for (const KubeObjectPtr &p : m_session->store()->objects(Kind::Pod, "pfe-app"))
        if (p->name.startsWith("backend-spring-"))
            pod = p;
    QVERIFY(pod);
    showLogs(pod->namespaceName, pod->name);
    auto *tail = child<QComboBox>("tailChoice");
    tail->setCurrentIndex(tail->findData(-1)); // everything
    // Wait until the container has written more than 100 lines.
    QTRY_VERIFY_WITH_TIMEOUT(m_logView->lineCount() > 150, 60000);
    tail->setCurrentIndex(tail->findData(100));
    QTRY_VERIFY_WITH_TIMEOUT(m_logView->lineCount() >= 100, 15000);
    // The backlog is cut at 100; only lines that arrived since may come on top.
    QVERIFY2(m_logView->lineCount() < 130, qPrintable(QString::number(m_logView->lineCount())));

    auto *timestamps = child<QCheckBox>("timestampsCheck");
    QVERIFY(!QRegularExpression("^\\d{4}-\\d\\d-\\d\\dT").match(m_logView->plainText()).hasMatch());
    timestamps->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_logView->lineCount() > 0, 15000);
    const QStringList lines = m_logView->plainText().split('\n');
    const QRegularExpression rfc3339("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z ");
    for (const QString &line : lines)
        QVERIFY2(rfc3339.match(line).hasMatch(), qPrintable(line));
    timestamps->setChecked(false);
    tail->setCurrentIndex(tail->findData(500));
}

void TestLogsSim::previousContainer()
{
    // The broken container dies at once and is restarted after a back-off; then the previous
    // instance (with its stack trace) can be read, and it is not followed: it says it ended.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_session->store()->object(Kind::Pod, "default", "crasher")->pod()->restarts >= 1, 60000);
    showLogs("default", "crasher");
    auto *previous = child<QCheckBox>("previousCheck");
    previous->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_logView->lineCount() > 0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!child<QPushButton>("reconnectButton")->isHidden(), 15000);
    QVERIFY2(status().contains("ended"), qPrintable(status()));
    QVERIFY2(m_logView->plainText().contains("Exception")
                 || m_logView->plainText().contains("Error"),
             qPrintable(m_logView->plainText().left(2000)));
    previous->setChecked(false);

    // A container that never crashed has no previous instance: the server's refusal is shown.
    showLogs("default", "duo");
    child<QComboBox>("containerChoice")->setCurrentIndex(1);
    previous->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(status().contains("failed"), 15000);
    QVERIFY2(status().contains("previous terminated container"), qPrintable(status()));
    QVERIFY(!child<QPushButton>("reconnectButton")->isHidden());
    previous->setChecked(false);
    child<QComboBox>("containerChoice")->setCurrentIndex(0);
}

void TestLogsSim::workloadMergesWithPodPrefix()
{
    showLogs("pfe-app", "frontend", Kind::Deployment);
    QVERIFY2(status().contains("merged"), qPrintable(status()));
    QSet<QString> prefixes;
    const QRegularExpression prefix("^\\[(frontend-[a-z0-9]+-[a-z0-9]+)\\] ");
    QTRY_VERIFY_WITH_TIMEOUT(m_logView->lineCount() > 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            prefixes.clear();
            for (const QString &line : m_logView->plainText().split('\n')) {
                const auto m = prefix.match(line);
                if (!m.hasMatch())
                    return false; // every line carries its pod
                prefixes.insert(m.captured(1));
            }
            return prefixes.size() >= 2; // frontend runs at least two replicas
        }(),
        20000);
}

void TestLogsSim::searchPauseWrapSave()
{
    KubeObjectPtr pod;
    for (const KubeObjectPtr &p : m_session->store()->objects(Kind::Pod, "pfe-app"))
        if (p->name.startsWith("frontend-"))
            pod = p;
    showLogs(pod->namespaceName, pod->name);
    QTRY_VERIFY_WITH_TIMEOUT(m_logView->plainText().contains("GET "), 20000);

    // Search highlights every match, new lines included.
    auto *search = child<QLineEdit>("searchField");
    search->setText("GET ");
    QVERIFY(m_logView->matchCount() > 0);
    QCOMPARE(child<QPlainTextEdit>("logText")->extraSelections().size(), m_logView->matchCount());
    const int before = m_logView->matchCount();
    QTRY_VERIFY_WITH_TIMEOUT(m_logView->matchCount() > before, 20000);

    // Pause holds new lines back; resume shows them.
    auto *pause = child<QToolButton>("pauseButton");
    pause->click();
    const int shown = m_logView->lineCount();
    QTRY_VERIFY_WITH_TIMEOUT(status().contains("waiting"), 20000);
    QCOMPARE(m_logView->lineCount(), shown);

    // Save writes the stream so far, held lines included.
    const QString file = m_dir.filePath("saved.log");
    QVERIFY(m_logView->saveTo(file).ok());
    QFile saved(file);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QStringList savedLines
        = QString::fromUtf8(saved.readAll()).split('\n', Qt::SkipEmptyParts);
    QVERIFY2(savedLines.size() > shown,
             qPrintable(QStringLiteral("%1 vs %2").arg(savedLines.size()).arg(shown)));
    QVERIFY(!m_logView->saveTo(m_dir.filePath("no/such/dir/x.log")).ok());

    pause->click();
    QVERIFY(m_logView->lineCount() > shown);

    // Wrap (on by default) wraps the text at the widget's width; unticked, one line per row.
    auto *text = child<QPlainTextEdit>("logText");
    QVERIFY(child<QCheckBox>("wrapCheck")->isChecked());
    QCOMPARE(text->lineWrapMode(), QPlainTextEdit::WidgetWidth);
    child<QCheckBox>("wrapCheck")->setChecked(false);
    QCOMPARE(text->lineWrapMode(), QPlainTextEdit::NoWrap);
    child<QCheckBox>("wrapCheck")->setChecked(true);
    QCOMPARE(text->lineWrapMode(), QPlainTextEdit::WidgetWidth);
    search->clear();
}

void TestLogsSim::optionsResetPerPodAndContext()
{
    // "Previous" ticked for the crash-looping pod must not follow to a healthy pod: there it
    // would ask for a previous instance that does not exist and turn the line red.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_session->store()->object(Kind::Pod, "default", "crasher")->pod()->restarts >= 1, 60000);
    showLogs("default", "crasher");
    auto *previous = child<QCheckBox>("previousCheck");
    auto *tail = child<QComboBox>("tailChoice");
    auto *timestamps = child<QCheckBox>("timestampsCheck");
    previous->setChecked(true);
    tail->setCurrentIndex(tail->findData(100));
    timestamps->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_logView->lineCount() > 0, 15000);

    showLogs("default", "duo");
    QVERIFY(!previous->isChecked());
    QCOMPARE(tail->currentData().toInt(), 500);
    QVERIFY(!timestamps->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(m_logView->lineCount() > 0, 15000);
    QTest::qWait(500);
    QVERIFY2(!status().contains("failed"), qPrintable(status()));
    QVERIFY(!m_logView->parameters().previous);

    // Another context (here: the session set again) starts from the defaults too.
    showLogs("default", "crasher");
    previous->setChecked(true);
    m_pane->setSession(nullptr);
    QVERIFY(!previous->isChecked());
    m_pane->setSession(m_session.get());
}

void TestLogsSim::popOutAndDockBack()
{
    showLogs("default", "duo");
    QTRY_VERIFY_WITH_TIMEOUT(m_logView->lineCount() > 0, 15000);
    const QWidget *paneWindow = m_pane->window();
    QCOMPARE(m_logView->window(), paneWindow);

    // "Pop out": the view goes to its own window, larger than the pane's column could be,
    // and goes on streaming there.
    child<QToolButton>("popOutButton")->click();
    QVERIFY(m_pane->logsPoppedOut());
    QWidget *logWindow = m_pane->logWindow();
    QVERIFY(logWindow);
    QVERIFY(logWindow->isWindow());
    QVERIFY(logWindow->isVisible());
    QCOMPARE(m_logView->window(), logWindow);
    QVERIFY(m_logView->isVisible());
    QVERIFY(logWindow->windowTitle().contains("duo"));
    logWindow->resize(1400, 900);
    QTRY_VERIFY(m_logView->width() > 1200);
    const int before = m_logView->lineCount();
    QTRY_VERIFY_WITH_TIMEOUT(m_logView->lineCount() > before, 20000);

    // Another pod selected: the window follows it.
    showLogs("default", "crasher");
    QVERIFY(logWindow->windowTitle().contains("crasher"));
    QCOMPARE(m_logView->window(), logWindow);

    // Closing the window docks the logs back into the Logs tab.
    QVERIFY(logWindow->close());
    QVERIFY(!m_pane->logsPoppedOut());
    QVERIFY(!logWindow->isVisible());
    QCOMPARE(m_logView->window(), paneWindow);
    m_pane->showTab(DetailsPane::LogsTab);
    QTRY_VERIFY(m_logView->isVisible());
    QVERIFY(!child<QToolButton>("popOutButton")->isChecked());

    // Out and back with the button too.
    child<QToolButton>("popOutButton")->click();
    QVERIFY(m_pane->logsPoppedOut());
    child<QToolButton>("popOutButton")->click();
    QVERIFY(!m_pane->logsPoppedOut());
    QCOMPARE(m_logView->window(), paneWindow);
}

void TestLogsSim::endOfStreamMessageNotCut()
{
    // A narrow pane and a long reason: the whole message is readable, on several lines.
    const QSize size = m_pane->size();
    m_pane->resize(420, 600);
    showLogs("default", "crasher");
    m_pane->setObject({}); // no stream: only the message below
    const QString reason = QStringLiteral(
        "the container \"sidecar\" of pod default/duo was terminated by the kubelet after its "
        "liveness probe failed three times in a row");
    m_logView->streamEnded(reason, false);
    auto *label = child<QLabel>("streamStatus");
    QTRY_VERIFY(label->isVisible());
    QVERIFY(label->text().contains(reason));
    QVERIFY(label->wordWrap());
    QTRY_VERIFY2(label->height() >= label->heightForWidth(label->width()),
                 qPrintable(QStringLiteral("%1 px tall, needs %2")
                                .arg(label->height())
                                .arg(label->heightForWidth(label->width()))));
    QVERIFY(label->geometry().right() < label->parentWidget()->width());
    m_pane->resize(size);
}

void TestLogsSim::streamEndsWhenPodIsDeleted()
{
    // The stream ends with the pod, as kubelet ends it: the view says so and offers Reconnect;
    // reconnecting to a pod that is gone fails with the server's reason.
    showLogs("default", "duo");
    QTRY_VERIFY_WITH_TIMEOUT(m_logView->lineCount() > 0, 20000);
    QCOMPARE(send("DELETE", "/api/v1/namespaces/default/pods/duo?gracePeriodSeconds=0", {}), 200);
    QTRY_VERIFY_WITH_TIMEOUT(status().contains("ended"), 30000);
    auto *reconnect = child<QPushButton>("reconnectButton");
    QVERIFY(!reconnect->isHidden());
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->store()->object(Kind::Pod, "default", "duo"), 30000);
    reconnect->click();
    QTRY_VERIFY_WITH_TIMEOUT(status().contains("failed"), 15000);
    QVERIFY2(status().contains("not found"), qPrintable(status()));
    QVERIFY(!reconnect->isHidden());
}

void TestLogsSim::streamFailsWhenServerDies()
{
    KubeObjectPtr pod;
    for (const KubeObjectPtr &p : m_session->store()->objects(Kind::Pod, "pfe-app"))
        if (p->name.startsWith("frontend-"))
            pod = p;
    showLogs(pod->namespaceName, pod->name);
    QTRY_VERIFY_WITH_TIMEOUT(m_logView->lineCount() > 0, 20000);
    m_sim.process().kill(); // no clean close: the connection is reset
    QVERIFY(m_sim.process().waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(!child<QPushButton>("reconnectButton")->isHidden(), 30000);
    QVERIFY2(status().contains("failed"), qPrintable(status()));
}

void TestLogsSim::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

QTEST_MAIN(TestLogsSim)
#include "tst_logs_sim.moc"
