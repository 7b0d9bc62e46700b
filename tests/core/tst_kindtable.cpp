// SPDX-License-Identifier: GPL-3.0-or-later
// The kind table (kubekind.h) is the one place per-kind facts live, so it must be complete and
// consistent: a row per Kind enumerator, names that resolve to one kind only, columns the
// table model can show, operation ids the action layer knows, an icon that exists, and API
// names that match what a server's discovery says (orrery-sim's, which mirrors
// kube-apiserver's resource names, scopes and short names).

#include "kube/discovery.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "kube/kubekind.h"
#include "kube/kubeobject.h"
#include "simprocess.h"

#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Orrery;

class tst_KindTable : public QObject
{
    Q_OBJECT

private slots:
    void everyKindHasOneRow();
    void rowsAreComplete();
    void namesResolveToOneKind();
    void columnsAreShowable();
    void operationsAreKnown();
    void operationsMatchTheActionMenu_data();
    void operationsMatchTheActionMenu();
    void displayNamesAreUnchanged();
    void health_data();
    void health();
    void matchesDiscovery();
};

namespace {

QStringList strings(std::span<const char *const> items)
{
    QStringList out;
    for (const char *item : items) {
        if (item)
            out << QString::fromLatin1(item);
    }
    return out;
}

KubeObject makeObject(Kind kind, KubeObjectData data)
{
    KubeObject o;
    o.kind = kind;
    o.name = QStringLiteral("x");
    o.data = std::move(data);
    return o;
}

} // namespace

void tst_KindTable::everyKindHasOneRow()
{
    QCOMPARE(int(kindTable().size()), KindCount);
    QCOMPARE(allKinds().size(), KindCount);
    for (Kind kind : allKinds()) {
        int rows = 0;
        for (const KindInfo &info : kindTable())
            rows += info.kind == kind ? 1 : 0;
        QVERIFY2(rows == 1, qPrintable(kindName(kind)));
        QCOMPARE(kindInfo(kind).kind, kind);
    }
}

void tst_KindTable::rowsAreComplete()
{
    const QString icons = QStringLiteral(ORRERY_TEST_DATA "/../../resources/icons/");
    for (const KindInfo &info : kindTable()) {
        const QByteArray name = info.name;
        QVERIFY(!name.isEmpty());
        QVERIFY2(info.group != nullptr, name.constData());
        QVERIFY2(info.resource && QByteArray(info.resource) == QByteArray(info.resource).toLower(),
                 name.constData());
        QVERIFY2(info.versions[0], name.constData());
        QVERIFY2(info.singular && *info.singular, name.constData());
        QVERIFY2(info.count && QByteArray(info.count).startsWith("%Ln "), name.constData());
        QVERIFY2(info.plural && *info.plural, name.constData());
        QVERIFY2(!kindCategoryTitle(info.category).isEmpty(), name.constData());
        QVERIFY2(info.icon && QFile::exists(icons + QLatin1String(info.icon) + ".svg"),
                 name.constData());
        QVERIFY2(info.health, name.constData());
        QVERIFY2(!info.columns.empty(), name.constData());
    }
}

void tst_KindTable::namesResolveToOneKind()
{
    // The kind, the API plural and kubectl's short names, any case, each name one kind only;
    // kindFromName() takes the first two.
    QHash<QString, Kind> seen;
    for (const KindInfo &info : kindTable()) {
        const QString name = QString::fromLatin1(info.name);
        const QString plural = QString::fromLatin1(info.resource);
        QCOMPARE(kindFromName(name), std::optional<Kind>(info.kind));
        QCOMPARE(kindFromName(plural.toUpper()), std::optional<Kind>(info.kind));
        QCOMPARE(kindName(info.kind), name);
        QStringList names = kindShortNames(info.kind);
        QCOMPARE(names, strings(info.shortNames));
        names << name.toLower() << plural;
        names.removeDuplicates(); // "Endpoints" is its own plural
        for (const QString &n : std::as_const(names)) {
            QVERIFY2(!seen.contains(n), qPrintable(n + QStringLiteral(" names two kinds")));
            seen.insert(n, info.kind);
        }
    }
    QVERIFY(!kindFromName(QStringLiteral("widgets")));
}

void tst_KindTable::columnsAreShowable()
{
    for (const KindInfo &info : kindTable()) {
        const QByteArray kind = info.name;
        int names = 0;
        int namespaces = 0;
        int statuses = 0;
        QSet<QByteArray> ids;
        for (const KindColumn &c : info.columns) {
            const QByteArray what = kind + ' ' + (c.id ? c.id : "(no id)");
            QVERIFY2(c.id && *c.id, what.constData());
            QVERIFY2(!ids.contains(c.id), (what + " twice").constData());
            ids.insert(c.id);
            QVERIFY2(c.title && *c.title, what.constData());
            QVERIFY2(!c.translatedTitle().isEmpty(), what.constData());
            switch (c.type) {
            case KindColumn::Type::Age:
                QVERIFY2(c.timestamp && !c.text && !c.number, what.constData());
                break;
            case KindColumn::Type::Number:
                QVERIFY2(c.number && !c.timestamp, what.constData());
                break;
            case KindColumn::Type::Text:
                QVERIFY2(c.text && !c.number && !c.timestamp, what.constData());
                break;
            }
            names += c.isName() ? 1 : 0;
            namespaces += c.isNamespace() ? 1 : 0;
            statuses += c.isStatus() ? 1 : 0;
        }
        QVERIFY2(names == 1, kind.constData());
        QVERIFY2(namespaces == (info.namespaced ? 1 : 0), kind.constData());
        QVERIFY2(statuses <= 1, kind.constData());
        // Readers survive an object whose payload is missing (as the table model may pass).
        KubeObject empty;
        empty.kind = info.kind;
        empty.name = QStringLiteral("n");
        for (const KindColumn &c : info.columns) {
            if (c.type != KindColumn::Type::Age)
                c.cellText(empty);
        }
        QCOMPARE(kindHealth(empty), info.health(empty));
    }
}

void tst_KindTable::operationsAreKnown()
{
    const QStringList known = {"scale",  "restart", "pause",    "resume", "set-image",   "rollback",
                               "delete", "cordon",  "uncordon", "exec",   "port-forward"};
    for (const KindInfo &info : kindTable()) {
        const QStringList ops = allowedOperations(info.kind);
        QCOMPARE(ops, strings(info.operations));
        QCOMPARE(QSet<QString>(ops.begin(), ops.end()).size(), ops.size());
        for (const QString &op : ops)
            QVERIFY2(known.contains(op), qPrintable(kindName(info.kind) + ' ' + op));
        // The state picks one of a pair, so a kind has both or neither.
        QCOMPARE(ops.contains("pause"), ops.contains("resume"));
        QCOMPARE(ops.contains("cordon"), ops.contains("uncordon"));
    }
}

void tst_KindTable::operationsMatchTheActionMenu_data()
{
    // What ActionController::actionIds() offered when it switched over kinds (plus the
    // cordon pair for nodes).
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QStringList>("operations");
    const QStringList deleteOnly = {"delete"};
    QTest::newRow("Deployment") << Kind::Deployment
                                << QStringList{"scale",     "restart",  "pause", "resume",
                                               "set-image", "rollback", "delete"};
    QTest::newRow("StatefulSet") << Kind::StatefulSet
                                 << QStringList{"scale", "restart", "set-image", "rollback",
                                                "delete"};
    QTest::newRow("DaemonSet") << Kind::DaemonSet
                               << QStringList{"restart", "set-image", "rollback", "delete"};
    QTest::newRow("ReplicaSet") << Kind::ReplicaSet << QStringList{"scale", "delete"};
    QTest::newRow("Node") << Kind::Node << QStringList{"cordon", "uncordon", "delete"};
    // A pod also offers a shell and a port-forward (issue 18).
    QTest::newRow("Pod") << Kind::Pod << QStringList{"exec", "port-forward", "delete"};
    QTest::newRow("Event") << Kind::Event << QStringList();
    QTest::newRow("Endpoints") << Kind::Endpoints << QStringList();
    QTest::newRow("ControllerRevision") << Kind::ControllerRevision << QStringList();
    for (Kind kind : {Kind::Job, Kind::CronJob, Kind::Service, Kind::Ingress,
                      Kind::HorizontalPodAutoscaler, Kind::ConfigMap, Kind::Secret,
                      Kind::PersistentVolumeClaim, Kind::PersistentVolume, Kind::Namespace})
        QTest::newRow(kindInfo(kind).name) << kind << deleteOnly;
}

void tst_KindTable::operationsMatchTheActionMenu()
{
    QFETCH(Kind, kind);
    QFETCH(QStringList, operations);
    QCOMPARE(allowedOperations(kind), operations);
}

void tst_KindTable::displayNamesAreUnchanged()
{
    // The strings the navigator and the tables showed before they became data (and under
    // the same translation contexts, so existing translations apply).
    QCOMPARE(kindPluralName(Kind::PersistentVolumeClaim),
             QStringLiteral("Persistent Volume Claims"));
    QCOMPARE(kindPluralName(Kind::HorizontalPodAutoscaler), QStringLiteral("Autoscalers (HPA)"));
    QCOMPARE(kindPluralName(Kind::Pod), QStringLiteral("Pods"));
    QCOMPARE(kindSingularName(Kind::Deployment), QStringLiteral("Deployment"));
    QCOMPARE(kindCategoryTitle(kindInfo(Kind::Secret).category),
             QStringLiteral("Config and Storage"));
    QCOMPARE(kindCategoryTitle(kindInfo(Kind::HorizontalPodAutoscaler).category),
             QStringLiteral("Workloads"));
    QStringList podTitles;
    for (const KindColumn &c : kindInfo(Kind::Pod).columns)
        podTitles << c.translatedTitle();
    QCOMPARE(podTitles, (QStringList{"NAME", "NAMESPACE", "READY", "STATUS", "RESTARTS", "AGE",
                                     "NODE", "IP"}));
    QStringList eventTitles;
    for (const KindColumn &c : kindInfo(Kind::Event).columns)
        eventTitles << c.translatedTitle();
    QCOMPARE(eventTitles, (QStringList{"LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE", "COUNT",
                                       "FIRST SEEN", "NAMESPACE", "NAME"}));
}

void tst_KindTable::health_data()
{
    QTest::addColumn<KubeObject>("object");
    QTest::addColumn<RowSeverity>("severity");

    PodData crashing;
    crashing.status = QStringLiteral("CrashLoopBackOff");
    QTest::newRow("pod crashing") << makeObject(Kind::Pod, crashing) << RowSeverity::Error;
    PodData notReady;
    notReady.status = QStringLiteral("Running");
    notReady.readyContainers = 1;
    notReady.totalContainers = 2;
    QTest::newRow("pod not ready") << makeObject(Kind::Pod, notReady) << RowSeverity::Warning;
    PodData running = notReady;
    running.readyContainers = 2;
    QTest::newRow("pod running") << makeObject(Kind::Pod, running) << RowSeverity::Ok;

    WorkloadData down;
    down.desired = 3;
    QTest::newRow("deployment down") << makeObject(Kind::Deployment, down) << RowSeverity::Error;
    WorkloadData partial = down;
    partial.ready = 2;
    QTest::newRow("statefulset partial")
        << makeObject(Kind::StatefulSet, partial) << RowSeverity::Warning;

    NodeData node;
    QTest::newRow("node not ready") << makeObject(Kind::Node, node) << RowSeverity::Error;
    node.ready = true;
    QTest::newRow("node ready") << makeObject(Kind::Node, node) << RowSeverity::Ok;

    EventData warning;
    warning.type = QStringLiteral("Warning");
    QTest::newRow("warning event") << makeObject(Kind::Event, warning) << RowSeverity::Warning;

    PvcData lost;
    lost.phase = QStringLiteral("Lost");
    QTest::newRow("pvc lost") << makeObject(Kind::PersistentVolumeClaim, lost)
                              << RowSeverity::Error;
    PvcData pending;
    pending.phase = QStringLiteral("Pending");
    QTest::newRow("pvc pending") << makeObject(Kind::PersistentVolumeClaim, pending)
                                 << RowSeverity::Warning;

    NamespaceData terminating;
    terminating.phase = QStringLiteral("Terminating");
    QTest::newRow("namespace terminating")
        << makeObject(Kind::Namespace, terminating) << RowSeverity::Warning;

    HpaData capped;
    capped.maxReplicas = 4;
    capped.currentReplicas = 4;
    QTest::newRow("hpa at max") << makeObject(Kind::HorizontalPodAutoscaler, capped)
                                << RowSeverity::Warning;

    QTest::newRow("secret") << makeObject(Kind::Secret, SecretData{}) << RowSeverity::Ok;
}

void tst_KindTable::health()
{
    QFETCH(KubeObject, object);
    QFETCH(RowSeverity, severity);
    QCOMPARE(kindHealth(object), severity);
}

void tst_KindTable::matchesDiscovery()
{
    QProcess probe;
    probe.start(QStringLiteral(ORRERY_SIM_BINARY), {QStringLiteral("--help")});
    if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
        QSKIP("orrery-sim is not available");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
    Orrery::Test::SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--scenario"), QStringLiteral("pfe")}, kubeconfig),
             qPrintable(sim.errorString()));
    const Kubeconfig config = Kubeconfig::load(kubeconfig);
    Result<ClusterConnection> connection = config.connection(config.currentContext());
    QVERIFY(connection.ok());
    HttpTransport transport(connection.value());

    std::optional<Result<ApiDiscovery>> result;
    ApiDiscovery::discover(&transport, this,
                           [&](Result<ApiDiscovery> r) { result = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
    if (!result->ok())
        QFAIL(qPrintable(result->error().toString()));
    const ApiDiscovery &discovery = result->value();

    for (const KindInfo &info : kindTable()) {
        const std::optional<ApiResource> r = discovery.resource(info.kind);
        QVERIFY2(r.has_value(), info.name);
        QCOMPARE(r->kind, QString::fromLatin1(info.name));
        QCOMPARE(r->group, QString::fromLatin1(info.group));
        QCOMPARE(r->name, QString::fromLatin1(info.resource));
        QCOMPARE(r->namespaced, info.namespaced);
        // The simulator serves each kind's preferred version.
        QCOMPARE(r->version, QString::fromLatin1(info.versions[0]));
        QCOMPARE(r->shortNames, kindShortNames(info.kind));
    }
}

QTEST_GUILESS_MAIN(tst_KindTable)

#include "tst_kindtable.moc"
