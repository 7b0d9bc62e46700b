// SPDX-License-Identifier: GPL-3.0-or-later
// Runbook `expect:` entries: parsing (every kind, tolerant forms, errors naming file, step,
// field and line), evaluation against a ResourceStore filled by hand, and the runner settling
// a step on them (holds as soon as the store says so; fails at `within` with what it saw).
#include "kube/resourcestore.h"
#include "runbook/runbookparser.h"
#include "runbook/runbookrunner.h"

#include <QSignalSpy>
#include <QTest>

using namespace Orrery;

namespace {

QString data(const QString &name)
{
    return QStringLiteral(ORRERY_TEST_DATA "/runbooks/") + name;
}

KeyValues labels(std::initializer_list<KeyValue> pairs)
{
    KeyValues out(pairs);
    std::sort(out.begin(), out.end(),
              [](const KeyValue &a, const KeyValue &b) { return a.key < b.key; });
    return out;
}

KubeObjectPtr deployment(const QString &name, int desired, int ready, const QString &image,
                         qint64 generation = 1, qint64 observed = 1)
{
    auto o = std::make_shared<KubeObject>();
    o->kind = Kind::Deployment;
    o->namespaceName = QStringLiteral("shop");
    o->name = name;
    o->uid = QStringLiteral("dep-") + name;
    o->generation = generation;
    WorkloadData w;
    w.desired = desired;
    w.current = desired;
    w.ready = ready;
    w.available = ready;
    w.updated = desired;
    w.observedGeneration = observed;
    w.selector.matchLabels = labels({{QStringLiteral("app"), name}});
    ContainerInfo c;
    c.name = name;
    c.image = image;
    w.podTemplate.containers << c;
    o->data = w;
    return o;
}

KubeObjectPtr pod(const QString &app, int n, const QString &status, bool ready)
{
    auto o = std::make_shared<KubeObject>();
    o->kind = Kind::Pod;
    o->namespaceName = QStringLiteral("shop");
    o->name = app + QLatin1Char('-') + QString::number(n);
    o->uid = QStringLiteral("pod-") + o->name;
    o->labels = labels({{QStringLiteral("app"), app}});
    PodData p;
    p.status = status;
    p.phase = ready ? QStringLiteral("Running") : QStringLiteral("Pending");
    p.totalContainers = 1;
    p.readyContainers = ready ? 1 : 0;
    ContainerStatusInfo cs;
    cs.name = app;
    cs.ready = ready;
    cs.reason = ready ? QString() : status;
    p.containerStatuses << cs;
    o->data = p;
    return o;
}

KubeObjectPtr hpa(const QString &name, int current, int desired)
{
    auto o = std::make_shared<KubeObject>();
    o->kind = Kind::HorizontalPodAutoscaler;
    o->namespaceName = QStringLiteral("shop");
    o->name = name;
    o->uid = QStringLiteral("hpa-") + name;
    HpaData h;
    h.minReplicas = 2;
    h.maxReplicas = 10;
    h.currentReplicas = current;
    h.desiredReplicas = desired;
    o->data = h;
    return o;
}

KubeObjectPtr helmSecret(const QString &release, int version, const QString &status)
{
    auto o = std::make_shared<KubeObject>();
    o->kind = Kind::Secret;
    o->namespaceName = QStringLiteral("shop");
    o->name = QStringLiteral("sh.helm.release.v1.%1.v%2").arg(release).arg(version);
    o->uid = o->name;
    o->labels = labels({{QStringLiteral("name"), release},
                        {QStringLiteral("owner"), QStringLiteral("helm")},
                        {QStringLiteral("status"), status},
                        {QStringLiteral("version"), QString::number(version)}});
    o->data = SecretData{QStringLiteral("helm.sh/release.v1"), {QStringLiteral("release")}};
    return o;
}

void replace(ResourceStore &store, Kind kind, std::vector<KubeObjectPtr> objects)
{
    StoreDelta d;
    d.type = StoreDelta::Type::Replace;
    d.kind = kind;
    d.objects = std::move(objects);
    store.post(std::move(d));
}

void upsert(ResourceStore &store, KubeObjectPtr object)
{
    StoreDelta d;
    d.type = StoreDelta::Type::Upsert;
    d.kind = object->kind;
    d.object = std::move(object);
    store.post(std::move(d));
}

RunbookExpectation parseOne(const QByteArray &entry)
{
    auto book = RunbookParser::parse("steps:\n  - caption: x\n    expect: " + entry + "\n");
    if (!book.ok() || book->steps.value(0).expectations.size() != 1)
        return {};
    return book->steps.first().expectations.first();
}

// Runs nothing: every step is a caption or a wait that answers at once.
class InstantExecutor : public RunbookExecutor
{
public:
    void execute(const RunbookStep &, Done done) override
    {
        done(StepOutcome{true, QStringLiteral("done"), {}});
    }
};

} // namespace

class tst_RunbookExpectation : public QObject
{
    Q_OBJECT

private slots:
    void parseEveryKind()
    {
        auto book = RunbookParser::parseFile(data(QStringLiteral("expect-all.yaml")));
        QVERIFY2(book.ok(), qPrintable(book.ok() ? QString() : book.error().toString()));
        QCOMPARE(book->steps.size(), 4);
        using S = RunbookExpectation::Subject;
        using Op = CountCondition::Op;
        const QList<RunbookExpectation> &first = book->steps.at(0).expectations;
        QCOMPARE(first.size(), 4);
        QCOMPARE(first.at(0).subject, S::Pods);
        QCOMPARE(first.at(0).targetKind, QStringLiteral("Deployment"));
        QCOMPARE(first.at(0).targetName, QStringLiteral("web"));
        QCOMPARE(first.at(0).state, QStringLiteral("ImagePullBackOff"));
        QCOMPARE(first.at(0).count.op, Op::AtLeast); // a state alone: at least one pod
        QCOMPARE(first.at(0).count.value, 1);
        QCOMPARE(first.at(0).withinSeconds, 60);
        QCOMPARE(first.at(0).line, 6);
        QCOMPARE(first.at(1).targetKind, QStringLiteral("Deployment")); // "deploy", kubectl's
        QCOMPARE(first.at(1).count.op, Op::All);
        QCOMPARE(first.at(1).withinSeconds, 30); // the default
        QCOMPARE(first.at(2).targetKind, QStringLiteral("StatefulSet"));
        QCOMPARE(first.at(2).count.op, Op::Equal);
        QCOMPARE(first.at(2).count.value, 3);
        QCOMPARE(first.at(2).ns, QStringLiteral("data"));
        QCOMPARE(first.at(3).subject, S::Rollout);
        QCOMPARE(first.at(3).withinSeconds, 120);

        const QList<RunbookExpectation> &scale = book->steps.at(1).expectations;
        QCOMPARE(scale.size(), 2);
        QCOMPARE(scale.at(0).subject, S::Replicas);
        QCOMPARE(scale.at(0).count.op, Op::AtLeast);
        QCOMPARE(scale.at(0).count.value, 4);
        QCOMPARE(scale.at(1).targetKind, QStringLiteral("HorizontalPodAutoscaler"));
        QCOMPARE(scale.at(1).field, QStringLiteral("desired"));
        QCOMPARE(scale.at(1).count.op, Op::LessThan);
        QCOMPARE(scale.at(1).withinSeconds, 90);
        QCOMPARE(scale.at(1).target(), QStringLiteral("hpa/web"));

        // `expect` may come before the type key.
        QCOMPARE(book->steps.at(2).type, RunbookStep::Type::SetImage);
        QCOMPARE(book->steps.at(2).expectations.size(), 1);
        QCOMPARE(book->steps.at(2).expectations.first().subject, S::Image);
        QCOMPARE(book->steps.at(2).expectations.first().container, QStringLiteral("web"));
        QCOMPARE(book->steps.at(2).expectations.first().image, QStringLiteral("shop/web:1.3"));

        const RunbookExpectation helm = book->steps.at(3).expectations.value(0);
        QCOMPARE(helm.subject, S::HelmRelease);
        QCOMPARE(helm.targetName, QStringLiteral("shop"));
        QCOMPARE(helm.count.value, 4);
        QCOMPARE(helm.state, QStringLiteral("deployed"));
        QCOMPARE(helm.describe(), QStringLiteral("Helm release shop: revision 4, status deployed"));
        // Steps without `expect` have none.
        auto plain = RunbookParser::parseFile(data(QStringLiteral("all-steps.yaml")));
        QVERIFY(plain.ok());
        for (const RunbookStep &step : plain->steps)
            QVERIFY(step.expectations.isEmpty());
    }

    void tolerantForms_data()
    {
        QTest::addColumn<QByteArray>("entry");
        QTest::addColumn<int>("within");
        QTest::addColumn<QString>("count");
        QTest::newRow("seconds") << QByteArray("{kind: rollout, of: deployment/w, within: 45}")
                                 << 45 << ">= 1";
        QTest::newRow("s with space")
            << QByteArray("{kind: rollout, of: deployment/w, within: 45 s}") << 45 << ">= 1";
        QTest::newRow("minutes") << QByteArray("{kind: rollout, of: deployments/w, within: 3min}")
                                 << 180 << ">= 1";
        QTest::newRow("zero: now")
            << QByteArray("{kind: rollout, of: sts/w, within: 0s}") << 0 << ">= 1";
        QTest::newRow("no space") << QByteArray(
            "{kind: replicas, of: deployment/w, count: \">=4\"}")
                                  << 30 << ">= 4";
        QTest::newRow("equals") << QByteArray("{kind: replicas, of: deployment/w, count: \"== 2\"}")
                                << 30 << "2";
        QTest::newRow("unicode") << QByteArray("{kind: replicas, of: hpa/w, count: \"≥ 4\"}") << 30
                                 << ">= 4";
        QTest::newRow("kind case")
            << QByteArray("{kind: Pods, of: deployment/w, count: \"< 3\"}") << 30 << "< 3";
    }

    void tolerantForms()
    {
        QFETCH(QByteArray, entry);
        QFETCH(int, within);
        QFETCH(QString, count);
        const RunbookExpectation e = parseOne(entry);
        QVERIFY2(!e.targetName.isEmpty(), entry.constData());
        QCOMPARE(e.withinSeconds, within);
        QCOMPARE(e.count.text(), count);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown kind")
            << "expect-bad-kind.yaml" << 3
            << "unknown expectation kind \"pod\" in step 1 (caption): use "
               "pods, rollout, replicas, image or helmRelease";
        QTest::newRow("bad count")
            << "expect-bad-count.yaml" << 7
            << "\"count\" of expectation \"replicas\" in step 2 (wait) must be a number or a "
               "comparison such as \">= 4\"";
        QTest::newRow("bad within") << "expect-bad-within.yaml" << 3
                                    << "\"within\" of expectation \"rollout\" in step 1 (caption) "
                                       "must be a duration such as 60s, 2m or 90 (seconds), at "
                                       "most one hour";
        QTest::newRow("bad of")
            << "expect-bad-of.yaml" << 3
            << "\"of\" of expectation \"rollout\" in step 1 (caption) must look "
               "like deployment/NAME, statefulset/NAME, daemonset/NAME or "
               "replicaset/NAME";
        QTest::newRow("unknown field")
            << "expect-unknown-field.yaml" << 3
            << "expectation \"image\" of step 1 (caption) has no field \"tag\"";
        QTest::newRow("not a map")
            << "expect-not-map.yaml" << 3
            << "\"expect\" of step 1 (caption) must be a map or a non-empty list of maps";
        QTest::newRow("missing count")
            << "expect-missing.yaml" << 3
            << "expectation \"replicas\" of step 1 (caption) needs \"count\"";
        QTest::newRow("no kind") << "expect-no-kind.yaml" << 3
                                 << "an expectation of step 1 (caption) needs \"kind\": pods, "
                                    "rollout, replicas, image or helmRelease";
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
        // The one line a user reads names the file and the line.
        QVERIFY(book.error().toString().startsWith(data(file) + QLatin1Char(':')
                                                   + QString::number(line) + QLatin1String(": ")));
    }

    void moreErrors_data()
    {
        QTest::addColumn<QByteArray>("entry");
        QTest::addColumn<QString>("message");
        QTest::newRow("all outside pods")
            << QByteArray("{kind: replicas, of: deployment/w, count: all}")
            << "\"count\" of expectation \"replicas\" in step 1 (caption) must be a number or a "
               "comparison such as \">= 4\"";
        QTest::newRow("pods without state or count")
            << QByteArray("{kind: pods, of: deployment/w}")
            << "expectation \"pods\" of step 1 (caption) needs \"state\" or \"count\"";
        QTest::newRow("hpa field on a deployment")
            << QByteArray("{kind: replicas, of: deployment/w, field: max, count: 2}")
            << "\"field\" of expectation \"replicas\" in step 1 (caption) must be one of ready, "
               "available, updated, current, desired";
        QTest::newRow("hpa for pods") << QByteArray("{kind: pods, of: hpa/w, count: 2}")
                                      << "\"of\" of expectation \"pods\" in step 1 (caption) must "
                                         "look like deployment/NAME, statefulset/NAME, "
                                         "daemonset/NAME or replicaset/NAME";
        QTest::newRow("over an hour")
            << QByteArray("{kind: rollout, of: deployment/w, within: 61m}")
            << "\"within\" of expectation \"rollout\" in step 1 (caption) must be a duration such "
               "as 60s, 2m or 90 (seconds), at most one hour";
        QTest::newRow("image without is")
            << QByteArray("{kind: image, of: deployment/w}")
            << "expectation \"image\" of step 1 (caption) needs \"is\"";
        QTest::newRow("state as a list")
            << QByteArray("{kind: pods, of: deployment/w, state: [Running]}")
            << "\"state\" of an expectation of step 1 (caption) must be a single value";
        QTest::newRow("empty list")
            << QByteArray("[]")
            << "\"expect\" of step 1 (caption) must be a map or a non-empty list of maps";
        QTest::newRow("list of strings")
            << QByteArray("[rollout]")
            << "each \"expect\" entry of step 1 (caption) must be a map such as {kind: pods, of: "
               "deployment/NAME, state: Running}";
    }

    void moreErrors()
    {
        QFETCH(QByteArray, entry);
        QFETCH(QString, message);
        auto book = RunbookParser::parse("steps:\n  - caption: x\n    expect: " + entry + "\n",
                                         QStringLiteral("r.yaml"));
        QVERIFY(!book.ok());
        QCOMPARE(book.error().message, message);
        QCOMPARE(book.error().file, QStringLiteral("r.yaml"));
        QCOMPARE(book.error().line, 3);
    }

    // A step may not carry two types, `expect` or not.
    void twoTypesWithExpect()
    {
        auto book = RunbookParser::parse(
            "steps:\n  - wait: 1\n    caption: x\n    expect: {kind: rollout, of: deployment/w}\n");
        QVERIFY(!book.ok());
        QCOMPARE(book.error().message,
                 QStringLiteral("a step must be a map with exactly one key naming its type"));
    }

    void evaluate()
    {
        ResourceStore store;
        const QString ns = QStringLiteral("shop");
        RunbookExpectation e
            = parseOne("{kind: pods, of: deployment/web, state: ImagePullBackOff}");
        // Nothing loaded yet: unknown, not false.
        ExpectationReading r = evaluateExpectation(e, store, ns);
        QVERIFY(!r.known);
        QVERIFY(!r.holds);

        replace(store, Kind::Deployment,
                {deployment(QStringLiteral("web"), 3, 3, QStringLiteral("shop/web:1.2"))});
        replace(store, Kind::Pod,
                {pod(QStringLiteral("web"), 1, QStringLiteral("Running"), true),
                 pod(QStringLiteral("web"), 2, QStringLiteral("Running"), true),
                 pod(QStringLiteral("web"), 3, QStringLiteral("ImagePullBackOff"), false),
                 pod(QStringLiteral("db"), 1, QStringLiteral("CrashLoopBackOff"), false)});
        replace(store, Kind::HorizontalPodAutoscaler, {hpa(QStringLiteral("web"), 3, 5)});
        replace(store, Kind::Secret,
                {helmSecret(QStringLiteral("shop"), 1, QStringLiteral("superseded")),
                 helmSecret(QStringLiteral("shop"), 2, QStringLiteral("deployed"))});
        store.flush();

        r = evaluateExpectation(e, store, ns);
        QVERIFY(r.known);
        QVERIFY(r.holds);
        QCOMPARE(r.observed, QStringLiteral("3 pods: 2 Running, 1 ImagePullBackOff"));
        // The db pod is not web's, whatever its state.
        QVERIFY(
            !evaluateExpectation(
                 parseOne("{kind: pods, of: deployment/web, state: CrashLoopBackOff}"), store, ns)
                 .holds);
        QVERIFY(
            evaluateExpectation(parseOne("{kind: pods, of: deployment/web, count: 3}"), store, ns)
                .holds);
        QVERIFY(!evaluateExpectation(
                     parseOne("{kind: pods, of: deployment/web, state: Running, count: all}"),
                     store, ns)
                     .holds);
        QVERIFY(evaluateExpectation(
                    parseOne("{kind: pods, of: deployment/web, state: Ready, count: 2}"), store, ns)
                    .holds);
        // Another namespace: not found, said so.
        r = evaluateExpectation(e, store, QStringLiteral("prod"));
        QVERIFY(!r.holds);
        QCOMPARE(r.observed, QStringLiteral("deployment/web not found in namespace prod"));

        QVERIFY(
            evaluateExpectation(parseOne("{kind: rollout, of: deployment/web}"), store, ns).holds);
        r = evaluateExpectation(parseOne("{kind: replicas, of: deployment/web, count: \">= 4\"}"),
                                store, ns);
        QVERIFY(!r.holds);
        QCOMPARE(r.observed, QStringLiteral("ready replicas: 3"));
        QVERIFY(evaluateExpectation(
                    parseOne("{kind: replicas, of: hpa/web, field: desired, count: \">= 4\"}"),
                    store, ns)
                    .holds);
        QVERIFY(evaluateExpectation(parseOne("{kind: replicas, of: hpa/web, count: 5}"), store, ns)
                    .holds); // desired is the HPA's default field
        QVERIFY(!evaluateExpectation(
                     parseOne("{kind: replicas, of: hpa/web, field: current, count: \">= 4\"}"),
                     store, ns)
                     .holds);
        r = evaluateExpectation(parseOne("{kind: image, of: deployment/web, is: shop/web:1.3}"),
                                store, ns);
        QVERIFY(!r.holds);
        QCOMPARE(r.observed, QStringLiteral("image shop/web:1.2"));
        QVERIFY(evaluateExpectation(
                    parseOne("{kind: image, of: deployment/web, container: web, is: shop/web:1.2}"),
                    store, ns)
                    .holds);
        r = evaluateExpectation(
            parseOne("{kind: image, of: deployment/web, container: api, is: shop/web:1.2}"), store,
            ns);
        QVERIFY(!r.holds);
        QCOMPARE(r.observed, QStringLiteral("no container named api"));
        r = evaluateExpectation(
            parseOne("{kind: helmRelease, of: shop, revision: 2, status: deployed}"), store, ns);
        QVERIFY(r.holds);
        QCOMPARE(r.observed, QStringLiteral("revision 2, deployed"));
        QVERIFY(
            !evaluateExpectation(parseOne("{kind: helmRelease, of: shop, revision: 3}"), store, ns)
                 .holds);

        // A new spec not yet observed: the rollout is not complete.
        upsert(store,
               deployment(QStringLiteral("web"), 3, 3, QStringLiteral("shop/web:1.3"), 2, 1));
        store.flush();
        r = evaluateExpectation(parseOne("{kind: rollout, of: deployment/web}"), store, ns);
        QVERIFY(!r.holds);
        QCOMPARE(r.observed, QStringLiteral("waiting for the spec update to be observed"));
    }

    // The runner settles a step on its entries: it holds as soon as the store says so, and
    // fails at `within` with what it observed; later steps do not run.
    void runnerWaitsForExpectations()
    {
        ResourceStore store;
        replace(store, Kind::Deployment,
                {deployment(QStringLiteral("web"), 3, 3, QStringLiteral("shop/web:1.2"))});
        replace(store, Kind::Pod, {pod(QStringLiteral("web"), 1, QStringLiteral("Running"), true)});
        store.flush();
        auto book = RunbookParser::parse(
            "namespace: shop\nsteps:\n"
            "  - caption: \"New pods stay in ImagePullBackOff\"\n"
            "    expect:\n"
            "      - {kind: rollout, of: deployment/web}\n"
            "      - {kind: pods, of: deployment/web, state: ImagePullBackOff, within: 20s}\n"
            "  - wait: 0\n"
            "    expect: {kind: replicas, of: deployment/web, count: 5, within: 1s}\n"
            "  - caption: never\n",
            QStringLiteral("r.yaml"));
        QVERIFY2(book.ok(), qPrintable(book.ok() ? QString() : book.error().toString()));
        InstantExecutor executor;
        RunbookRunner runner(&executor);
        runner.setExpectationStore(&store, QStringLiteral("default"));
        QSignalSpy changed(&runner, &RunbookRunner::expectationChanged);
        QSignalSpy stepFinished(&runner, &RunbookRunner::stepFinished);
        QSignalSpy finished(&runner, &RunbookRunner::finished);
        runner.start(*book);
        QCOMPARE(runner.expectationStatuses(0).size(), 2);
        QCOMPARE(runner.expectationStatuses(0).at(1).state, ExpectationStatus::State::Pending);
        // The rollout holds at once; the pods are not there yet, so the step stays open.
        QTRY_COMPARE(runner.expectationStatuses(0).at(0).state, ExpectationStatus::State::Holds);
        QCOMPARE(runner.expectationStatuses(0).at(1).state, ExpectationStatus::State::Checking);
        QCOMPARE(runner.expectationStatuses(0).at(1).observed, QStringLiteral("1 pod: 1 Running"));
        QTest::qWait(100);
        QCOMPARE(stepFinished.count(), 0);
        QVERIFY(changed.count() >= 3);
        // The kubelet reports the new pod: the entry holds and the step finishes.
        upsert(store, pod(QStringLiteral("web"), 2, QStringLiteral("ImagePullBackOff"), false));
        QTRY_COMPARE(stepFinished.count(), 2);
        QVERIFY(stepFinished.at(0).at(1).toBool());
        QCOMPARE(runner.expectationStatuses(0).at(1).state, ExpectationStatus::State::Holds);
        // Step 2 claims five ready replicas; there are three: it fails after a second.
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(finished.first().at(1).toInt(), 1);
        QCOMPARE(stepFinished.count(), 2);
        QCOMPARE(stepFinished.at(1).at(1).toBool(), false);
        QCOMPARE(stepFinished.at(1).at(2).toString(),
                 QStringLiteral("expected ready replicas of deployment/web: 5 within 1 s (line 8); "
                                "observed: ready replicas: 3"));
        QCOMPARE(runner.expectationStatuses(1).at(0).state, ExpectationStatus::State::Failed);
        QCOMPARE(runner.expectationStatuses(1).at(0).observed, QStringLiteral("ready replicas: 3"));
        const QList<QVariant> last = changed.last();
        QCOMPARE(last.at(0).toInt(), 1);
        QCOMPARE(last.at(1).toInt(), 0);
        QCOMPARE(last.at(2).value<ExpectationStatus>().state, ExpectationStatus::State::Failed);
    }

    // No store: a step with expectations cannot be checked, and says so.
    void runnerWithoutStore()
    {
        auto book = RunbookParser::parse("steps:\n  - caption: x\n    expect: {kind: rollout, of: "
                                         "deployment/web, within: 0}\n");
        QVERIFY(book.ok());
        InstantExecutor executor;
        RunbookRunner runner(&executor);
        QSignalSpy stepFinished(&runner, &RunbookRunner::stepFinished);
        runner.start(*book);
        QTRY_COMPARE(stepFinished.count(), 1);
        QCOMPARE(stepFinished.first().at(1).toBool(), false);
        QVERIFY2(stepFinished.first().at(2).toString().endsWith(
                     QLatin1String("observed: no cluster state to check it against")),
                 qPrintable(stepFinished.first().at(2).toString()));
    }

    // Cancelling while entries are checked stops the checks: no late step outcome.
    void cancelWhileChecking()
    {
        ResourceStore store;
        replace(store, Kind::Deployment, {});
        store.flush();
        auto book = RunbookParser::parse("steps:\n  - caption: x\n    expect: {kind: rollout, of: "
                                         "deployment/web, within: 1s}\n");
        QVERIFY(book.ok());
        InstantExecutor executor;
        RunbookRunner runner(&executor);
        runner.setExpectationStore(&store, QStringLiteral("shop"));
        QSignalSpy stepFinished(&runner, &RunbookRunner::stepFinished);
        QSignalSpy finished(&runner, &RunbookRunner::finished);
        runner.start(*book);
        QTRY_COMPARE(runner.expectationStatuses(0).value(0).state,
                     ExpectationStatus::State::Checking);
        runner.cancel();
        QCOMPARE(finished.count(), 1);
        QTest::qWait(1500);
        QCOMPARE(stepFinished.count(), 0);
        QCOMPARE(finished.count(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_RunbookExpectation)
#include "tst_runbookexpectation.moc"
