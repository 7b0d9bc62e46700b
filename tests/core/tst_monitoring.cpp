// SPDX-License-Identifier: GPL-3.0-or-later
// core/monitoring: Kubernetes quantities read as apimachinery reads them, metrics.k8s.io lists
// decoded tolerantly, `kubectl top` text reproduced byte for byte (against kubectl's own output
// on the same answers, captured from orrery-sim into tests/data/metrics), the "why no metrics"
// reasons, and the history's memory bound.
#include "monitoring/kubectltop.h"
#include "monitoring/metricshistory.h"
#include "monitoring/metricsunavailable.h"
#include "monitoring/resourcemetrics.h"
#include "monitoring/resourcequantity.h"
#include "util/limits.h"

#include <QFile>
#include <QTest>

using namespace Orrery;

namespace {

QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(ORRERY_TEST_DATA "/metrics/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return f.readAll();
}

} // namespace

class TestMonitoring : public QObject
{
    Q_OBJECT

private slots:
    void quantity_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("scale");
        QTest::addColumn<qint64>("expected"); // -1: invalid
        QTest::newRow("nanocores") << "250000000n" << 9 << qint64(250000000);
        QTest::newRow("micro") << "1500u" << 9 << qint64(1500000);
        QTest::newRow("milli") << "250m" << 9 << qint64(250000000);
        QTest::newRow("cores") << "2" << 9 << qint64(2000000000);
        QTest::newRow("fraction cores") << "1.5" << 3 << qint64(1500);
        QTest::newRow("milli of nano rounds up") << "1n" << 3 << qint64(1);
        QTest::newRow("Ki") << "131072Ki" << 0 << qint64(134217728);
        QTest::newRow("Mi") << "34Mi" << 0 << qint64(34 * 1048576);
        QTest::newRow("Gi fraction") << "1.5Gi" << 0 << qint64(1610612736);
        QTest::newRow("Ti") << "1Ti" << 0 << qint64(1099511627776);
        QTest::newRow("k") << "128k" << 0 << qint64(128000);
        QTest::newRow("M") << "2M" << 0 << qint64(2000000);
        QTest::newRow("G") << "3G" << 0 << qint64(3000000000);
        QTest::newRow("exponent") << "2e3" << 0 << qint64(2000);
        QTest::newRow("negative exponent") << "5E-1" << 3 << qint64(500);
        QTest::newRow("E is exa") << "1E" << 0 << qint64(1000000000000000000);
        QTest::newRow("plain bytes") << "1048576" << 0 << qint64(1048576);
        QTest::newRow("fraction of a byte rounds up") << "0.1" << 0 << qint64(1);
        QTest::newRow("leading zeros") << "0.0005" << 3 << qint64(1);
        QTest::newRow("zero") << "0" << 9 << qint64(0);
        QTest::newRow("plus") << "+3m" << 3 << qint64(3);
        QTest::newRow("milli bytes") << "15099494Ki" << 3 << qint64(15099494LL * 1024 * 1000);
        QTest::newRow("empty") << "" << 0 << qint64(-1);
        QTest::newRow("unknown suffix") << "12x" << 0 << qint64(-1);
        QTest::newRow("Ki lower") << "12ki" << 0 << qint64(-1);
        QTest::newRow("negative") << "-5m" << 3 << qint64(-1);
        QTest::newRow("point only") << "." << 0 << qint64(-1);
        QTest::newRow("bare e") << "1e" << 0 << qint64(-1);
        QTest::newRow("exponent garbage") << "1e3x" << 0 << qint64(-1);
        QTest::newRow("space") << "1 Mi" << 0 << qint64(-1);
        QTest::newRow("overflow") << "10E" << 0 << qint64(-1);
        QTest::newRow("overflow nano") << "10G" << 9 << qint64(-1);
        QTest::newRow("huge exponent") << "1e999" << 0 << qint64(-1);
        QTest::newRow("too many digits") << QString(40, u'9') << 0 << qint64(-1);
        QTest::newRow("tiny rounds up") << "1e-50" << 0 << qint64(1);
    }
    void quantity()
    {
        QFETCH(QString, text);
        QFETCH(int, scale);
        QFETCH(qint64, expected);
        const std::optional<qint64> v = ResourceQuantity::parseScaled(text, scale);
        if (expected < 0) {
            QVERIFY2(!v, qPrintable(QString::number(v.value_or(0))));
        } else {
            QVERIFY(v);
            QCOMPARE(*v, expected);
        }
    }

    // kubectl prints MilliValue() (rounded up) and Value()/2^20 (rounded down).
    void format()
    {
        QCOMPARE(ResourceQuantity::formatCpu(250000000), QStringLiteral("250m"));
        QCOMPARE(ResourceQuantity::formatCpu(250000001), QStringLiteral("251m"));
        QCOMPARE(ResourceQuantity::formatCpu(1), QStringLiteral("1m"));
        QCOMPARE(ResourceQuantity::formatCpu(0), QStringLiteral("0m"));
        QCOMPARE(ResourceQuantity::formatMemory(1048575), QStringLiteral("0Mi"));
        QCOMPARE(ResourceQuantity::formatMemory(1048576), QStringLiteral("1Mi"));
        QCOMPARE(ResourceQuantity::formatMemory(3 * 1048576 - 1), QStringLiteral("2Mi"));
        QCOMPARE(ResourceQuantity::percent(209, 3800), qint64(5));
        QCOMPARE(ResourceQuantity::percent(380, 3800), qint64(10));
        QCOMPARE(ResourceQuantity::percent(1, 0), qint64(0));
        QCOMPARE(ResourceQuantity::percent(5000, 1000), qint64(500));
    }

    void window()
    {
        QCOMPARE(ResourceMetrics::parseWindowMs(u"30s"), std::optional<qint64>(30000));
        QCOMPARE(ResourceMetrics::parseWindowMs(u"20.05s"), std::optional<qint64>(20050));
        QCOMPARE(ResourceMetrics::parseWindowMs(u"1m0s"), std::optional<qint64>(60000));
        QCOMPARE(ResourceMetrics::parseWindowMs(u"500ms"), std::optional<qint64>(500));
        QVERIFY(!ResourceMetrics::parseWindowMs(u"30"));
        QVERIFY(!ResourceMetrics::parseWindowMs(u"s"));
        QVERIFY(!ResourceMetrics::parseWindowMs(u"3x"));
        QVERIFY(!ResourceMetrics::parseWindowMs(u""));
    }

    void decodePods()
    {
        const Result<PodMetricsList> list = ResourceMetrics::decodePods(readData("pods-all.json"));
        QVERIFY(list.ok());
        QCOMPARE(list->items.size(), 5);
        QVERIFY(list->skipped.isEmpty());
        const auto web = std::find_if(list->items.cbegin(), list->items.cend(),
                                      [](const PodMetrics &p) { return p.ns == "shop"; });
        QVERIFY(web != list->items.cend());
        QCOMPARE(web->containers.size(), 2);
        QCOMPARE(web->cpuNanocores,
                 web->containers.at(0).cpuNanocores + web->containers.at(1).cpuNanocores);
        QCOMPARE(web->windowMs, qint64(30000));
        QCOMPARE(web->timestamp, QDateTime(QDate(2026, 12, 7), QTime(6, 0), Qt::UTC));
    }

    // Real metrics-server sends nanocores; kubectl adds the containers' exact quantities and
    // rounds the sum up once.
    void podSumRoundsOnce()
    {
        const QByteArray body = R"({"kind":"PodMetricsList","items":[
            {"metadata":{"name":"a","namespace":"ns"},"containers":[
                {"name":"one","usage":{"cpu":"400000n","memory":"1048575"}},
                {"name":"two","usage":{"cpu":"400000n","memory":"1"}}]}]})";
        const Result<PodMetricsList> list = ResourceMetrics::decodePods(body);
        QVERIFY(list.ok());
        QCOMPARE(list->items.size(), 1);
        QCOMPARE(KubectlTop::pods(list->items, false),
                 QStringLiteral("NAME   CPU(cores)   MEMORY(bytes)   \n"
                                "a      1m           1Mi             \n"));
    }

    void decodeTolerant()
    {
        const QByteArray body = R"({"kind":"PodMetricsList","items":[
            {"metadata":{"namespace":"ns"},"containers":[]},
            {"metadata":{"name":"bad","namespace":"ns"},"containers":[{"name":"c","usage":{"cpu":"12x"}}]},
            {"metadata":{"name":"big","namespace":"ns"},"containers":[
                {"name":"c","usage":{"memory":"8E"}},{"name":"d","usage":{"memory":"8E"}}]},
            {"metadata":{"name":"nousage","namespace":"ns"},"containers":[{"name":"c"}]},
            {"metadata":{"name":7,"namespace":"ns"}},
            "not an object",
            {"metadata":{"name":"ok","namespace":"ns"},"window":true,"timestamp":5,
             "containers":[{"name":"c","usage":{"cpu":"5m","memory":"10Mi"}}]}]})";
        const Result<PodMetricsList> list = ResourceMetrics::decodePods(body);
        QVERIFY(list.ok());
        QStringList names;
        for (const PodMetrics &p : list->items)
            names << p.name;
        QCOMPARE(names, QStringList({"nousage", "ok"}));
        QCOMPARE(list->items.at(0).cpuNanocores, qint64(0));
        QCOMPARE(list->items.at(1).memoryBytes, qint64(10 * 1048576));
        QVERIFY(!list->items.at(1).timestamp.isValid());
        QCOMPARE(list->skipped.size(), 5);
        QVERIFY2(
            list->skipped.at(1).contains(QStringLiteral("ns/bad: cpu \"12x\" is not a quantity")),
            qPrintable(list->skipped.join('\n')));
        QVERIFY(list->skipped.at(2).startsWith(QStringLiteral("ns/big: ")));

        QVERIFY(!ResourceMetrics::decodePods("not json").ok());
        QVERIFY(!ResourceMetrics::decodePods("[]").ok());
        QCOMPARE(
            ResourceMetrics::decodePods(R"({"kind":"NodeMetricsList","items":[]})").error().code,
            Error::Code::ParseError);
        QVERIFY(ResourceMetrics::decodePods(R"({"items":[]})").ok()); // kind left out
        QVERIFY(ResourceMetrics::decodeNodes(R"({"kind":"NodeMetricsList"})")->items.isEmpty());
    }

    void decodeBounded()
    {
        QByteArray body = R"({"kind":"NodeMetricsList","items":[)";
        const int n = Limits::maxMetricsItems + 5;
        body.reserve(n * 40);
        for (int i = 0; i < n; ++i)
            body += (i ? "," : "") + QByteArray("{\"metadata\":{\"name\":\"n")
                    + QByteArray::number(i) + "\"}}";
        body += "]}";
        const Result<NodeMetricsList> list = ResourceMetrics::decodeNodes(body);
        QVERIFY(list.ok());
        QCOMPARE(list->items.size(), Limits::maxMetricsItems);
        QCOMPARE(list->skipped.size(), 1);

        QByteArray pod
            = R"({"kind":"PodMetricsList","items":[{"metadata":{"name":"p"},"containers":[)";
        for (int i = 0; i <= Limits::maxMetricsContainers; ++i)
            pod += (i ? "," : "") + QByteArray(R"({"name":"c","usage":{"cpu":"1m"}})");
        pod += "]}]}";
        const Result<PodMetricsList> pods = ResourceMetrics::decodePods(pod);
        QVERIFY(pods.ok());
        QVERIFY(pods->items.isEmpty());
        QCOMPARE(pods->skipped.size(), 1);
    }

    // Byte for byte what kubectl printed for the same answers (tests/data/metrics, captured
    // from orrery-sim in one metrics window).
    void kubectlPods()
    {
        const Result<PodMetricsList> list = ResourceMetrics::decodePods(readData("pods-all.json"));
        QVERIFY(list.ok());
        QCOMPARE(KubectlTop::pods(list->items, true),
                 QString::fromUtf8(readData("top-pods-all.txt")));
        QList<PodMetrics> shop;
        for (const PodMetrics &p : list->items)
            if (p.ns == "shop")
                shop << p;
        QCOMPARE(KubectlTop::pods(shop, false), QString::fromUtf8(readData("top-pods-shop.txt")));
        QCOMPARE(KubectlTop::pods({}, true), QString());
    }

    void kubectlNodes()
    {
        const Result<NodeMetricsList> list = ResourceMetrics::decodeNodes(readData("nodes.json"));
        QVERIFY(list.ok());
        const Result<QMap<QString, NodeAllocatable>> allocatable
            = ResourceMetrics::decodeAllocatable(readData("nodelist.json"));
        QVERIFY(allocatable.ok());
        QCOMPARE(allocatable->size(), 3);
        QCOMPARE(KubectlTop::nodes(list->items, *allocatable, true),
                 QString::fromUtf8(readData("top-nodes.txt")));
        QCOMPARE(KubectlTop::nodes(list->items, *allocatable, false),
                 QString::fromUtf8(readData("top-nodes-1.29.txt")));
    }

    // A node without metrics gets <unknown> cells; one missing from the NodeList gets no
    // percentages (kubectl prints nothing there, and tabwriter's column blocks follow).
    void kubectlNodesMissing()
    {
        const QByteArray metrics = R"({"kind":"NodeMetricsList","items":[
            {"metadata":{"name":"a"},"usage":{"cpu":"1500m","memory":"2Gi"}},
            {"metadata":{"name":"ghost"},"usage":{"cpu":"1","memory":"1Gi"}}]})";
        const QByteArray nodes = R"({"kind":"NodeList","items":[
            {"metadata":{"name":"a"},"status":{"allocatable":{"cpu":"2","memory":"4Gi"}}},
            {"metadata":{"name":"down"},"status":{"allocatable":{"cpu":"2","memory":"4Gi"}}}]})";
        const QString text = KubectlTop::nodes(ResourceMetrics::decodeNodes(metrics)->items,
                                               *ResourceMetrics::decodeAllocatable(nodes));
        QCOMPARE(text,
                 QStringLiteral("NAME    CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)   \n"
                                "a       1500m        75%         2048Mi          50%         \n"
                                "ghost   1000m        1024Mi      \n"
                                "down    <unknown>    <unknown>   <unknown>   <unknown>   \n"));
    }

    void tabulate()
    {
        // Column blocks: a shorter line ends the block of the columns it lacks.
        QCOMPARE(KubectlTop::tabulate({{"a", "b"}, {"ccc"}, {"d", "eeeeeeeeee"}}),
                 QStringLiteral("a     b     \nccc   \nd     eeeeeeeeee   \n"));
        QCOMPARE(KubectlTop::tabulate({{"é", "x"}}), QStringLiteral("é     x     \n"));
    }

    void unavailable()
    {
        QCOMPARE(MetricsUnavailable::notServed().text(),
                 QStringLiteral(
                     "no metrics-server found; looked for APIService v1beta1.metrics.k8s.io"));
        QCOMPARE(MetricsUnavailable::forbidden("list", "pods", "shop").text(),
                 QStringLiteral("forbidden: reading metrics needs the verb \"list\" on "
                                "pods.metrics.k8s.io in namespace \"shop\""));
        QVERIFY(
            MetricsUnavailable::forbidden("list", "nodes", {})
                .text()
                .contains(QStringLiteral("\"list\" on nodes.metrics.k8s.io in all namespaces")));
        QCOMPARE(MetricsUnavailable::apiError(500, "boom").text(),
                 QStringLiteral("the metrics API answered 500: boom"));
        QVERIFY(MetricsUnavailable::apiError(503, "the server is currently unable to handle the "
                                                  "request")
                    .text()
                    .contains("registered but not answering"));
        QVERIFY(MetricsUnavailable::apiError(0, "connection refused").text().contains("reached"));
        QVERIFY(MetricsUnavailable::noSample("pod", "shop", "web-1").text().contains("shop/web-1"));
        QVERIFY(MetricsUnavailable::noSample("node", {}, "worker-2").text().contains("worker-2"));

        Error notFound(Error::Code::NotFound, "the server could not find the requested resource");
        notFound.httpStatus = 404;
        QCOMPARE(MetricsUnavailable::fromError(notFound, "list", "pods", {}),
                 MetricsUnavailable::notServed());
        Error forbidden(Error::Code::Forbidden, "pods.metrics.k8s.io is forbidden");
        forbidden.httpStatus = 403;
        QCOMPARE(MetricsUnavailable::fromError(forbidden, "list", "pods", "shop"),
                 MetricsUnavailable::forbidden("list", "pods", "shop"));
        Error unavailable(Error::Code::ServerError, "service unavailable");
        unavailable.httpStatus = 503;
        QCOMPARE(MetricsUnavailable::fromError(unavailable, "list", "pods", "shop"),
                 MetricsUnavailable::apiError(503, "service unavailable"));
    }

    void historyRing()
    {
        MetricsHistory history(4, 10);
        const QString key = MetricsHistory::podKey("ns", "p");
        for (quint32 t = 1; t <= 6; ++t)
            QVERIFY(history.add(key, {qint64(t) * 100, t, t}));
        QVERIFY(!history.add(key, {0, 6, 0})); // the same sample read again
        QVERIFY(!history.add(key, {0, 2, 0})); // older
        const QList<MetricsSample> samples = history.samples(key);
        QCOMPARE(samples.size(), 4);
        QCOMPARE(samples.front().timeSec, quint32(3));
        QCOMPARE(samples.back().timeSec, quint32(6));
        QCOMPARE(samples.back().memoryBytes, qint64(600));
        QVERIFY(history.samples("pod/ns/none").isEmpty());

        const MetricsSample s = MetricsHistory::sampleOf(
            QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC), 1000001, 5);
        QCOMPARE(s.cpuMilli, quint32(2)); // rounded up, as kubectl rounds
        QCOMPARE(s.timeSec,
                 quint32(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch()));
    }

    // The memory bound of docs/monitoring.md: samples per object and objects overall, whatever
    // arrives; the least recently sampled objects go first.
    void historyBound()
    {
        QCOMPARE(sizeof(MetricsSample), size_t(16));
        MetricsHistory defaults;
        QCOMPARE(defaults.byteBound(), qint64(Limits::maxMetricsHistoryObjects)
                                           * Limits::maxMetricsSamplesPerObject * 16);
        QVERIFY(defaults.byteBound() <= 80 * Limits::MiB);

        const int perObject = 50;
        const int objects = 200;
        MetricsHistory history(perObject, objects);
        // 1,000 objects over 120 polls: five times the objects, more than twice the samples.
        for (quint32 poll = 1; poll <= 120; ++poll) {
            for (int o = 0; o < 1000; ++o)
                if (o % 120 == int(poll % 120) || o < 100) // 100 steady, the rest come and go
                    history.add(MetricsHistory::podKey("ns", QString::number(o)),
                                {qint64(o), poll, poll});
            QVERIFY(history.objectCount() <= objects);
            QVERIFY2(history.bytesUsed() <= history.byteBound(),
                     qPrintable(QString::number(history.bytesUsed())));
        }
        for (int o = 0; o < 100; ++o) {
            const QString key = MetricsHistory::podKey("ns", QString::number(o));
            QVERIFY2(history.contains(key), qPrintable(key)); // sampled every poll: kept
            QCOMPARE(history.samples(key).size(), perObject);
        }
        // Every ring is at most its bound, whatever QList's growth policy.
        qint64 total = 0;
        for (int o = 0; o < 1000; ++o)
            total += history.samples(MetricsHistory::podKey("ns", QString::number(o))).size();
        QVERIFY(total * 16 <= history.bytesUsed());
    }
};

QTEST_GUILESS_MAIN(TestMonitoring)
#include "tst_monitoring.moc"
