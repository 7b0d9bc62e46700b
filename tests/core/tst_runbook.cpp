// SPDX-License-Identifier: GPL-3.0-or-later
// Runbook parsing (typed steps, errors with line numbers) and the runner over a fake executor.
#include "kube/actions/writeexecutor.h"
#include "kube/httptransport.h"
#include "runbook/clusterrunbookexecutor.h"
#include "runbook/runbookparser.h"
#include "runbook/runbookrunner.h"
#include "runbook/shippedrunbooks.h"

#include "fakeapiserver.h"
#include "testcredentialprovider.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace Orrery;

namespace {

QString data(const QString &name)
{
    return QStringLiteral(ORRERY_TEST_DATA "/runbooks/") + name;
}

// Answers from a script: steps whose type is in `failing` fail; answers are asynchronous
// unless `synchronous` (both must work).
class FakeExecutor : public RunbookExecutor
{
public:
    QList<RunbookStep::Type> failing;
    bool synchronous = false;
    bool hold = false; // keep `done` in `pending` instead of answering
    Done pending;
    QList<RunbookStep> executed;
    int cancels = 0;

    void execute(const RunbookStep &step, Done done) override
    {
        executed.append(step);
        StepOutcome outcome;
        outcome.ok = !failing.contains(step.type);
        if (outcome.ok)
            outcome.message = RunbookStep::typeName(step.type) + QStringLiteral(" done");
        else
            outcome.error
                = Error(Error::Code::Unsupported, QStringLiteral("only on the demo cluster"));
        if (hold)
            pending = done;
        else if (synchronous)
            done(outcome);
        else
            QMetaObject::invokeMethod(
                qApp, [done, outcome] { done(outcome); }, Qt::QueuedConnection);
    }
    void cancel() override { ++cancels; }
};

// Records what would have been written; answers 200 so that a missing refusal shows up as a
// write in `sent`, not as a failure that looks like one.
class RecordingWriter : public WriteExecutor
{
public:
    QList<PlannedWrite> sent;
    void send(const PlannedWrite &write, QObject *context, Handler onFinished) override
    {
        sent.append(write);
        ApiResponse ok;
        ok.status = 200;
        ok.body = "{}";
        QMetaObject::invokeMethod(
            context, [onFinished, ok] { onFinished(ok); }, Qt::QueuedConnection);
    }
};

} // namespace

class tst_Runbook : public QObject
{
    Q_OBJECT

private slots:
    void parseAllSteps()
    {
        auto book = RunbookParser::parseFile(data(QStringLiteral("all-steps.yaml")));
        QVERIFY2(book.ok(), qPrintable(book.ok() ? QString() : book.error().toString()));
        QCOMPARE(book->name, QStringLiteral("every step type"));
        QCOMPARE(book->steps.size(), 10);
        using T = RunbookStep::Type;
        const QList<T> types{T::Caption,  T::Scale,        T::SetImage,       T::Apply, T::Restart,
                             T::Rollback, T::HelmRollback, T::WaitForRollout, T::Wait,  T::SetLoad};
        for (int i = 0; i < types.size(); ++i) {
            QCOMPARE(book->steps[i].type, types[i]);
            QCOMPARE(book->steps[i].line, i + 4 - (i > 7 ? -2 : 0));
        }
        const auto &s = book->steps;
        QCOMPARE(s[1].targetKind, QStringLiteral("Deployment"));
        QCOMPARE(s[1].targetName, QStringLiteral("web"));
        QCOMPARE(s[1].replicas, 5);
        QCOMPARE(s[1].ns, QStringLiteral("shop"));
        QCOMPARE(s[2].image, QStringLiteral("shop/web:1.3"));
        QCOMPARE(s[3].file, QStringLiteral("manifests/web.yaml"));
        QVERIFY(s[3].dryRun);
        QCOMPARE(s[4].targetKind, QStringLiteral("StatefulSet"));
        QCOMPARE(s[4].ns, QStringLiteral("data"));
        QCOMPARE(s[5].revision, 2);
        QCOMPARE(s[6].release, QStringLiteral("shop"));
        QCOMPARE(s[6].revision, 0);
        QCOMPARE(s[7].targetKind, QStringLiteral("DaemonSet"));
        QCOMPARE(s[7].timeoutSeconds, 60);
        QCOMPARE(s[9].loadPercent, 90);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown step") << "unknown-step.yaml" << 2 << "unknown step \"scal\"";
        QTest::newRow("missing field")
            << "missing-field.yaml" << 3 << "step \"scale\" needs \"replicas\"";
        QTest::newRow("bad number")
            << "bad-number.yaml" << 2
            << "\"replicas\" of step \"scale\" must be a whole number from 0 to 10000";
        QTest::newRow("bad target")
            << "bad-target.yaml" << 3
            << "target \"web\" of step \"restart\" must look like deployment/NAME, "
               "statefulset/NAME or daemonset/NAME";
        QTest::newRow("two keys") << "two-keys.yaml" << 3
                                  << "a step must be a map with exactly one key naming its type";
        QTest::newRow("typo field")
            << "typo-field.yaml" << 2 << "step \"rollback\" has no field \"toRevison\"";
        QTest::newRow("empty") << "empty.yaml" << 1 << "a runbook needs a non-empty list of steps";
    }

    void errors()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, message);
        auto book = RunbookParser::parseFile(data(file));
        QVERIFY(!book.ok());
        QCOMPARE(book.error().code, Error::Code::ParseError);
        QCOMPARE(book.error().message, message);
        QCOMPARE(book.error().line, line);
        QCOMPARE(book.error().file, data(file));
    }

    void brokenYaml()
    {
        auto book = RunbookParser::parseFile(data(QStringLiteral("broken-yaml.yaml")));
        QVERIFY(!book.ok());
        QCOMPARE(book.error().code, Error::Code::ParseError);
        QVERIFY(book.error().line > 0);
    }

    void shippedRunbooksParse_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(ORRERY_TEST_DATA "/../../resources/runbooks"));
        const QStringList files = dir.entryList({QStringLiteral("*.yaml")});
        QVERIFY(files.size() >= 2);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }

    void shippedRunbooksParse()
    {
        QFETCH(QString, path);
        auto book = RunbookParser::parseFile(path);
        QVERIFY2(book.ok(), qPrintable(book.ok() ? QString() : book.error().toString()));
        QVERIFY(!book->name.isEmpty());
    }

    void runsInOrder_data()
    {
        QTest::addColumn<bool>("synchronous");
        QTest::newRow("async executor") << false;
        QTest::newRow("sync executor") << true;
    }

    void runsInOrder()
    {
        QFETCH(bool, synchronous);
        auto book = RunbookParser::parseFile(data(QStringLiteral("all-steps.yaml")));
        QVERIFY(book.ok());
        book->steps.removeLast(); // setLoad
        FakeExecutor executor;
        executor.synchronous = synchronous;
        RunbookRunner runner(&executor);
        QSignalSpy started(&runner, &RunbookRunner::stepStarted);
        QSignalSpy finishedStep(&runner, &RunbookRunner::stepFinished);
        QSignalSpy finished(&runner, &RunbookRunner::finished);
        runner.start(*book);
        QCOMPARE(started.count(), 0); // nothing happens before returning to the event loop
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(finishedStep.count(), 9);
        QCOMPARE(executor.executed.size(), 8); // the caption never reaches the executor
        QCOMPARE(finishedStep.first().at(2).toString(), QStringLiteral("hello"));
        QCOMPARE(finishedStep.at(1).at(2).toString(), QStringLiteral("scale done"));
        for (int i = 0; i < started.count(); ++i)
            QCOMPARE(started.at(i).at(0).toInt(), i);
    }

    void stopsAtFirstFailure()
    {
        auto book = RunbookParser::parseFile(data(QStringLiteral("all-steps.yaml")));
        QVERIFY(book.ok());
        // setLoad last, then move it to the front of the cluster steps.
        book->steps.move(9, 1);
        FakeExecutor executor;
        executor.failing = {RunbookStep::Type::SetLoad};
        RunbookRunner runner(&executor);
        QSignalSpy finishedStep(&runner, &RunbookRunner::stepFinished);
        QSignalSpy finished(&runner, &RunbookRunner::finished);
        runner.start(*book);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(finished.first().at(1).toInt(), 1);
        QCOMPARE(finishedStep.count(), 2);
        QCOMPARE(finishedStep.last().at(1).toBool(), false);
        QCOMPARE(finishedStep.last().at(2).toString(), QStringLiteral("only on the demo cluster"));
        QCOMPARE(executor.executed.size(), 1);
        QVERIFY(!runner.isRunning());
    }

    void cancel()
    {
        auto book = RunbookParser::parseFile(data(QStringLiteral("all-steps.yaml")));
        QVERIFY(book.ok());
        FakeExecutor executor;
        executor.hold = true;
        RunbookRunner runner(&executor);
        QSignalSpy finished(&runner, &RunbookRunner::finished);
        QSignalSpy started(&runner, &RunbookRunner::stepStarted);
        runner.start(*book);
        QTRY_VERIFY(executor.pending); // the scale step is in flight
        QCOMPARE(started.count(), 2);
        runner.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(1).toInt(), -1);
        QCOMPARE(executor.cancels, 1);
        // The late answer of the cancelled step is dropped; nothing else runs.
        executor.pending(StepOutcome{true, QStringLiteral("late"), {}});
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QCOMPARE(started.count(), 2);
        QCOMPARE(finished.count(), 1);
        QVERIFY(runner.outcomes().size() == 1);
    }

    // Presenter mode: nothing runs until next(); one step per next(); presses while a step
    // is in flight are ignored.
    void stepByStep()
    {
        auto book = RunbookParser::parseFile(data(QStringLiteral("all-steps.yaml")));
        QVERIFY(book.ok());
        book->steps = book->steps.mid(0, 3); // caption, scale, setImage
        FakeExecutor executor;
        executor.hold = true;
        RunbookRunner runner(&executor);
        runner.setStepByStep(true);
        QSignalSpy waiting(&runner, &RunbookRunner::waitingForNext);
        QSignalSpy finishedStep(&runner, &RunbookRunner::stepFinished);
        QSignalSpy finished(&runner, &RunbookRunner::finished);
        runner.start(*book);
        QTRY_COMPARE(waiting.count(), 1);
        QCOMPARE(waiting.first().at(0).toInt(), 0);
        QVERIFY(runner.isWaitingForNext());
        QCOMPARE(finishedStep.count(), 0);
        runner.next(); // the caption
        QTRY_COMPARE(waiting.count(), 2);
        QCOMPARE(finishedStep.count(), 1);
        QCOMPARE(runner.currentIndex(), 1);
        QVERIFY(executor.executed.isEmpty());
        runner.next(); // scale: in flight
        QVERIFY(!runner.isWaitingForNext());
        QCOMPARE(executor.executed.size(), 1);
        runner.next(); // ignored: the scale has not answered
        QCOMPARE(executor.executed.size(), 1);
        executor.pending(StepOutcome{true, QStringLiteral("scaled"), {}});
        QTRY_COMPARE(waiting.count(), 3);
        QCOMPARE(finishedStep.last().at(2).toString(), QStringLiteral("scaled"));
        runner.next();
        QCOMPARE(executor.executed.size(), 2);
        executor.pending(StepOutcome{true, QStringLiteral("image set"), {}});
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(finished.first().at(0).toBool());
        QCOMPARE(waiting.count(), 3); // no wait after the last step
    }

    // "show" names a view for presenter mode (PresenterWindow::showView): a bare name, or a map
    // with a target and a caption. It writes nothing and completes without the executor.
    void showStep()
    {
        using T = RunbookStep::Type;
        auto book = RunbookParser::parse(
            "- show: topology\n"
            "- show: {view: chart, target: deployment/web, caption: \"CPU climbs\"}\n");
        QVERIFY2(book.ok(), qPrintable(book.ok() ? QString() : book.error().toString()));
        const auto &s = book->steps;
        QCOMPARE(s[0].type, T::Show);
        QCOMPARE(s[0].view, QStringLiteral("topology"));
        QCOMPARE(s[1].view, QStringLiteral("chart"));
        QCOMPARE(s[1].targetKind, QStringLiteral("Deployment"));
        QCOMPARE(s[1].targetName, QStringLiteral("web"));
        QCOMPARE(s[1].text, QStringLiteral("CPU climbs"));
        QCOMPARE(RunbookStep::typeName(T::Show), QStringLiteral("show"));
        QVERIFY(!RunbookRunner::isWrite(s[0]));
        for (const char *bad : {"- show: Top Ology\n", "- show: {view: \"\"}\n",
                                "- show: {target: deployment/web}\n"}) {
            auto refused = RunbookParser::parse(bad);
            QVERIFY2(!refused.ok(), bad);
            QCOMPARE(refused.error().line, 1);
        }
        FakeExecutor executor;
        RunbookRunner runner(&executor);
        QSignalSpy finished(&runner, &RunbookRunner::finished);
        runner.start(*book);
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(finished.first().at(0).toBool());
        QVERIFY(executor.executed.isEmpty());
        QCOMPARE(runner.outcomes().at(1).message, QStringLiteral("chart"));
    }

    void showMetricsStep()
    {
        // The scalar form names the view and what it is about: workloads, HPAs, pods.
        auto book = RunbookParser::parse("- show: metrics hpa/web\n"
                                         "- show: \"  metrics   deployment/api \"\n"
                                         "- show: metrics pod/web-0\n"
                                         "- show: {view: metrics, target: hpa/web}\n"
                                         "- show: metrics\n");
        QVERIFY2(book.ok(), qPrintable(book.ok() ? QString() : book.error().toString()));
        const auto &s = book->steps;
        QCOMPARE(s[0].view, QStringLiteral("metrics"));
        QCOMPARE(s[0].targetKind, QStringLiteral("HorizontalPodAutoscaler"));
        QCOMPARE(s[0].targetName, QStringLiteral("web"));
        QCOMPARE(s[1].targetKind, QStringLiteral("Deployment"));
        QCOMPARE(s[1].targetName, QStringLiteral("api"));
        QCOMPARE(s[2].targetKind, QStringLiteral("Pod"));
        QCOMPARE(s[3].targetKind, QStringLiteral("HorizontalPodAutoscaler"));
        QVERIFY(s[4].targetName.isEmpty());
        // Errors name the file, the line and the step, as the other steps' do.
        for (const char *bad :
             {"- caption: x\n- show: metrics hpa/web extra\n",
              "- caption: x\n- show: metrics hpa/\n", "- caption: x\n- show: metrics service/web\n",
              "- caption: x\n- show: metrics web\n",
              "- caption: x\n- show: {view: metrics, target: configmap/web}\n"}) {
            auto refused = RunbookParser::parse(bad, QStringLiteral("demo.yaml"));
            QVERIFY2(!refused.ok(), bad);
            QCOMPARE(refused.error().line, 2);
            QVERIFY2(refused.error().toString().startsWith(QStringLiteral("demo.yaml:2: ")),
                     qPrintable(refused.error().toString()));
            QVERIFY2(refused.error().toString().contains(QStringLiteral("\"show\"")),
                     qPrintable(refused.error().toString()));
        }
        // Headless the step runs nothing.
        FakeExecutor executor;
        RunbookRunner runner(&executor);
        QSignalSpy finished(&runner, &RunbookRunner::finished);
        runner.start(*book);
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(finished.first().at(0).toBool());
        QVERIFY(executor.executed.isEmpty());
    }

    void pinnedContext()
    {
        auto book = RunbookParser::parse("name: pinned\ncontext: prod-eu\nsteps:\n  - wait: 1\n",
                                         QStringLiteral("p.yaml"));
        QVERIFY(book.ok());
        QCOMPARE(book->context, QStringLiteral("prod-eu"));
        QVERIFY(RunbookRunner::checkContext(*book, QStringLiteral("prod-eu")).ok());
        const auto refused = RunbookRunner::checkContext(*book, QStringLiteral("staging"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().message,
                 QStringLiteral("The runbook is pinned to context \"prod-eu\"; it refuses to run "
                                "against \"staging\"."));
        book->context.clear();
        QVERIFY(RunbookRunner::checkContext(*book, QStringLiteral("staging")).ok());
    }

    void shippedRunbooksArePinned()
    {
        const QList<Runbook> all = ShippedRunbooks::all();
        QCOMPARE(all.size(), 6);
        for (const Runbook &book : all)
            QVERIFY2(!book.context.isEmpty(), qPrintable(book.fileName));
        QCOMPARE(ShippedRunbooks::forContext(QStringLiteral("pfe-k8s")).size(), 2);
        QCOMPARE(ShippedRunbooks::forContext(QStringLiteral("aks-chat-francecentral")).size(), 1);
        // One story per seed: every scenario's cluster has a runbook.
        QCOMPARE(ShippedRunbooks::forContext(QStringLiteral("devops-ppp-eks")).size(), 1);
        QCOMPARE(ShippedRunbooks::forContext(QStringLiteral("microk8s-cluster")).size(), 1);
        QCOMPARE(ShippedRunbooks::forContext(QStringLiteral("multicloud-gke-europe-west1")).size(),
                 1);
        QVERIFY(ShippedRunbooks::forContext(QStringLiteral("aks-chat-francecentral-operator"))
                    .isEmpty());
    }

    // setLoad against an API server whose /version lacks "orrerySimulator": true (a real
    // cluster, here tests/support's FakeApiServer): the step fails with a clear message, and
    // nothing is written, although the workload exists and could be patched.
    void setLoadRefusedOffTheSimulator()
    {
        Test::FakeApiServer server;
        QVERIFY(server.start());
        server.put("deployments",
                   Test::FakeApiServer::makeObject(
                       "shop", "web", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"}}));
        const nlohmann::json before = server.objects("deployments").at(0);
        ClusterConnection c;
        c.contextName = QStringLiteral("real-cluster");
        c.server = QString::fromStdString(server.url());
        c.credentials = std::make_shared<Test::TestCredentialProvider>(QList<QByteArray>{"t0k3n"});
        HttpTransport transport(c);
        RecordingWriter writer;
        ClusterRunbookExecutor executor(&transport, &writer, QStringLiteral("shop"),
                                        QDir::tempPath());
        auto book = RunbookParser::parse("- setLoad: {target: deployment/web, percent: 90}\n");
        QVERIFY(book.ok());
        std::optional<StepOutcome> outcome;
        executor.execute(book->steps.at(0), [&outcome](StepOutcome o) { outcome = o; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 15000);
        QVERIFY(!outcome->ok);
        QCOMPARE(outcome->error.code, Error::Code::Unsupported);
        QCOMPARE(outcome->error.message, QStringLiteral("setLoad works only on the demo cluster"));
        QVERIFY(writer.sent.isEmpty());
        QCOMPARE(server.objects("deployments").size(), std::size_t(1));
        QVERIFY(server.objects("deployments").at(0) == before);
        QVERIFY(!server.objects("deployments").at(0)["metadata"].contains("annotations"));
    }

    // setLoad: the annotation orrery-sim reads, as a merge patch; "schedule" removes it.
    void setLoadRequest()
    {
        auto book = RunbookParser::parse(
            "- setLoad: {target: deployment/web, namespace: shop, percent: 90}\n"
            "- setLoad: {target: statefulset/db, percent: schedule}\n");
        QVERIFY(book.ok());
        QCOMPARE(book->steps.at(0).loadPercent, 90);
        QCOMPARE(book->steps.at(1).loadPercent, -1);
        QVERIFY(!RunbookParser::parse("- setLoad: {target: deployment/web, percent: lots}\n").ok());

        const nlohmann::json web = {{"apiVersion", "apps/v1"},
                                    {"kind", "Deployment"},
                                    {"metadata", {{"name", "web"}, {"namespace", "shop"}}}};
        auto w = ClusterRunbookExecutor::planSetLoad(web, 90);
        QVERIFY(w.ok());
        QCOMPARE(w->request.method, QByteArray("PATCH"));
        QCOMPARE(w->request.path, QStringLiteral("/apis/apps/v1/namespaces/shop/deployments/web"));
        QCOMPARE(w->request.contentType, QByteArray("application/merge-patch+json"));
        QCOMPARE(
            w->request.body,
            QByteArray(R"({"metadata":{"annotations":{"sim.orrery.dev/load-percent":"90"}}})"));
        QCOMPARE(w->verb, QStringLiteral("patch"));
        const nlohmann::json db = {{"apiVersion", "apps/v1"},
                                   {"kind", "StatefulSet"},
                                   {"metadata", {{"name", "db"}, {"namespace", "data"}}}};
        w = ClusterRunbookExecutor::planSetLoad(db, -1);
        QVERIFY(w.ok());
        QCOMPARE(w->request.path, QStringLiteral("/apis/apps/v1/namespaces/data/statefulsets/db"));
        QCOMPARE(
            w->request.body,
            QByteArray(R"({"metadata":{"annotations":{"sim.orrery.dev/load-percent":null}}})"));
        const nlohmann::json agent
            = {{"apiVersion", "apps/v1"},
               {"kind", "DaemonSet"},
               {"metadata", {{"name", "agent"}, {"namespace", "kube-system"}}}};
        QVERIFY(!ClusterRunbookExecutor::planSetLoad(agent, 50).ok());
    }
};

QTEST_GUILESS_MAIN(tst_Runbook)
#include "tst_runbook.moc"
