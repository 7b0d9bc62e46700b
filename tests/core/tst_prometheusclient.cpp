// SPDX-License-Identifier: GPL-3.0-or-later
// PrometheusClient and PrometheusResponse: the decoding of every answer shape (and of what
// is not a Prometheus answer) with the query named in each error, the request paths direct
// and through the API server's service proxy, and queries against the real Debian
// Prometheus scraping orrery-sim over loopback HTTP.

#include "kube/httptransport.h"
#include "monitoring/prometheusclient.h"

#include <eventloopwait.h>
#include <prometheusservers.h>
#include <simprocess.h>

#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <cmath>
#include <optional>

using namespace Orrery;

class tst_PrometheusClient : public QObject
{
    Q_OBJECT

private slots:
    void decodesResults();
    void decodesErrors_data();
    void decodesErrors();
    void boundsTheAnswer();
    void paths();
    void realPrometheus();
};

void tst_PrometheusClient::decodesResults()
{
    const auto vector
        = PrometheusResponse::decode(200,
                                     R"({"status":"success","data":{"resultType":"vector","result":[
            {"metric":{"__name__":"up","job":"sim"},"value":[1700000000.5,"1"]},
            {"metric":{"job":"bad"},"value":[1700000000.5,"not a number"]},
            {"metric":{"job":7},"value":[1700000000.5,"NaN"]},
            "garbage"]},"warnings":["partial answer",3]})",
                                     QStringLiteral("up"));
    QVERIFY(vector.ok());
    QCOMPARE(vector->type, PrometheusResult::Type::Vector);
    QCOMPARE(vector->series.size(), 3);
    QCOMPARE(vector->series[0].labels.value(QStringLiteral("job")), QStringLiteral("sim"));
    QCOMPARE(vector->series[0].samples.size(), 1);
    QCOMPARE(vector->series[0].samples[0].time, 1700000000.5);
    QCOMPARE(vector->series[0].samples[0].value, 1.0);
    QVERIFY(vector->series[1].samples.isEmpty()); // unreadable value: skipped
    QVERIFY(vector->series[2].labels.isEmpty());  // a label that is not a string: skipped
    QVERIFY(std::isnan(vector->series[2].samples[0].value));
    QCOMPARE(vector->warnings, QStringList{QStringLiteral("partial answer")});
    QCOMPARE(vector->query, QStringLiteral("up"));

    const auto matrix
        = PrometheusResponse::decode(200,
                                     R"({"status":"success","data":{"resultType":"matrix","result":[
            {"metric":{"pod":"a"},"values":[[1,"0.5"],[2,"+Inf"],[3,"-Inf"],["x","1"],[4]]}]}})",
                                     QStringLiteral("rate(x[1m])"));
    QVERIFY(matrix.ok());
    QCOMPARE(matrix->type, PrometheusResult::Type::Matrix);
    QCOMPARE(matrix->series.size(), 1);
    QCOMPARE(matrix->series[0].samples.size(), 3);
    QCOMPARE(matrix->series[0].samples[1].value, HUGE_VAL);
    QCOMPARE(matrix->series[0].samples[2].value, -HUGE_VAL);

    const auto scalar = PrometheusResponse::decode(
        200, R"({"status":"success","data":{"resultType":"scalar","result":[5,"2.5"]}})",
        QStringLiteral("2.5"));
    QVERIFY(scalar.ok());
    QCOMPARE(scalar->type, PrometheusResult::Type::Scalar);
    QCOMPARE(scalar->series.size(), 1);
    QCOMPARE(scalar->series[0].samples[0].value, 2.5);

    const auto text = PrometheusResponse::decode(
        200, R"({"status":"success","data":{"resultType":"string","result":[5,"hello"]}})",
        QStringLiteral("\"hello\""));
    QVERIFY(text.ok());
    QCOMPARE(text->type, PrometheusResult::Type::String);
    QCOMPARE(text->text, QStringLiteral("hello"));
}

void tst_PrometheusClient::decodesErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("bad_data")
        << 400
        << QByteArray(
               R"({"status":"error","errorType":"bad_data","error":"1:4: parse error: unclosed left parenthesis"})")
        << int(Error::Code::InvalidArgument)
        << QStringLiteral("bad_data: 1:4: parse error: unclosed left parenthesis");
    QTest::newRow("timeout")
        << 503
        << QByteArray(R"({"status":"error","errorType":"timeout","error":"query timed out"})")
        << int(Error::Code::Timeout) << QStringLiteral("timeout: query timed out");
    QTest::newRow("execution")
        << 422
        << QByteArray(R"({"status":"error","errorType":"execution","error":"too many samples"})")
        << int(Error::Code::ServerError) << QStringLiteral("execution: too many samples");
    QTest::newRow("html proxy page")
        << 502 << QByteArray("<html>Bad Gateway</html>") << int(Error::Code::ServerError)
        << QStringLiteral("HTTP 502: the answer is not a Prometheus API answer");
    QTest::newRow("API server 403")
        << 403
        << QByteArray(
               R"({"kind":"Status","status":"Failure","message":"services \"prometheus\" is forbidden","code":403})")
        << int(Error::Code::Forbidden)
        << QStringLiteral("HTTP 403: the answer is not a Prometheus API answer");
    QTest::newRow("no service") << 404 << QByteArray("404 page not found")
                                << int(Error::Code::NotFound)
                                << QStringLiteral(
                                       "HTTP 404: the answer is not a Prometheus API answer");
    QTest::newRow("unknown type")
        << 200
        << QByteArray(R"({"status":"success","data":{"resultType":"histogram","result":[]}})")
        << int(Error::Code::ParseError) << QStringLiteral("unknown result type \"histogram\"");
    QTest::newRow("no result") << 200
                               << QByteArray(
                                      R"({"status":"success","data":{"resultType":"vector"}})")
                               << int(Error::Code::ParseError)
                               << QStringLiteral("the answer has no result");
}

void tst_PrometheusClient::decodesErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, message);
    const auto r = PrometheusResponse::decode(status, body, QStringLiteral("sum(rate(x[5m]))"));
    QVERIFY(!r.ok());
    QCOMPARE(int(r.error().code), code);
    QCOMPARE(r.error().message, message);
    QCOMPARE(r.error().context, QStringLiteral("PromQL: sum(rate(x[5m]))"));
}

void tst_PrometheusClient::boundsTheAnswer()
{
    QByteArray many = R"({"status":"success","data":{"resultType":"vector","result":[)";
    for (qint64 i = 0; i <= PrometheusResponse::MaxSeries; ++i)
        many += (i ? ",{" : "{") + QByteArray(R"("metric":{},"value":[1,"1"]})");
    many += "]}}";
    const auto r = PrometheusResponse::decode(200, many, QStringLiteral("up"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::TooLarge);
    QVERIFY(r.error().message.contains(QString::number(PrometheusResponse::MaxSeries)));
}

void tst_PrometheusClient::paths()
{
    ClusterConnection c;
    c.server = QStringLiteral("https://127.0.0.1:6443");
    HttpTransport transport(c);
    const PrometheusClient direct(&transport, PrometheusLocation::direct());
    QCOMPARE(
        direct.queryPath(QStringLiteral("sum(rate(a{b=\"c d\"}[5m]))"), std::nullopt),
        QStringLiteral("/api/v1/query?query=sum%28rate%28a%7Bb%3D%22c%20d%22%7D%5B5m%5D%29%29"));
    QCOMPARE(direct.queryPath(QStringLiteral("up"),
                              QDateTime::fromMSecsSinceEpoch(1700000000500, Qt::UTC)),
             QStringLiteral("/api/v1/query?query=up&time=1700000000.500"));
    const PrometheusClient proxied(
        &transport,
        PrometheusLocation::service(QStringLiteral("monitoring"),
                                    QStringLiteral("prometheus-operated"), QStringLiteral("web")));
    QCOMPARE(proxied.rangePath(QStringLiteral("up"), QDateTime::fromSecsSinceEpoch(100, Qt::UTC),
                               QDateTime::fromSecsSinceEpoch(160, Qt::UTC), 15),
             QStringLiteral("/api/v1/namespaces/monitoring/services/prometheus-operated:web/proxy"
                            "/api/v1/query_range?query=up&start=100.000&end=160.000&step=15"));
    QCOMPARE(PrometheusLocation::service(QStringLiteral("m"), QStringLiteral("p")).pathPrefix(),
             QStringLiteral("/api/v1/namespaces/m/services/p/proxy"));
}

void tst_PrometheusClient::realPrometheus()
{
    if (Orrery::Test::PrometheusProcess::binary().isEmpty())
        QSKIP("prometheus is not installed (scripts/deps.sh installs the Debian package)");
    QTemporaryDir dir;
    Orrery::Test::SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--scenario"), QStringLiteral("minimal"),
                        QStringLiteral("--metrics-port"), QStringLiteral("0")},
                       dir.filePath(QStringLiteral("kubeconfig"))),
             qPrintable(sim.errorString()));
    const QUrl metrics(sim.metricsUrls().value(QStringLiteral("minimal")));
    QVERIFY(metrics.port() > 0);
    Orrery::Test::PrometheusProcess prometheus;
    Orrery::Test::PrometheusProcess::Options options;
    options.scrapeTargets = {QStringLiteral("127.0.0.1:%1").arg(metrics.port())};
    QVERIFY2(prometheus.start(options), qPrintable(prometheus.errorString()));

    ClusterConnection c;
    c.server = prometheus.url();
    HttpTransport transport(c);
    const PrometheusClient client(&transport, PrometheusLocation::direct());
    const auto ask = [&](auto call) {
        std::optional<Result<PrometheusResult>> answer;
        call([&answer](const Result<PrometheusResult> &r) { answer = r; });
        Orrery::Test::waitUntil([&] { return answer.has_value(); }, 30000);
        return answer;
    };
    // Three nodes' capacity, once the first scrape is in.
    std::optional<Result<PrometheusResult>> nodes;
    QVERIFY(Orrery::Test::waitUntil(
        [&] {
            nodes = ask([&](auto h) {
                client.query(QStringLiteral("kube_node_status_capacity{resource=\"cpu\"}"),
                             std::nullopt, this, h);
            });
            return nodes && nodes->ok() && (*nodes)->series.size() == 3;
        },
        30000));
    for (const PrometheusSeries &s : (*nodes)->series) {
        QCOMPARE(s.samples.size(), 1);
        QCOMPARE(s.samples[0].value, 4.0);
        QVERIFY(s.labels.contains(QStringLiteral("node")));
    }
    // A range over the last seconds: a matrix with one sample per step.
    QTest::qWait(3000);
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const auto range = ask([&](auto h) {
        client.queryRange(QStringLiteral("sum(kube_node_status_capacity{resource=\"cpu\"})"),
                          end.addSecs(-2), end, 1, this, h);
    });
    QVERIFY(range && range->ok());
    QCOMPARE((*range)->type, PrometheusResult::Type::Matrix);
    QCOMPARE((*range)->series.size(), 1);
    QCOMPARE((*range)->series[0].samples.size(), 3);
    QCOMPARE((*range)->series[0].samples[0].value, 12.0);
    // A scalar.
    const auto scalar
        = ask([&](auto h) { client.query(QStringLiteral("1 + 1"), std::nullopt, this, h); });
    QVERIFY(scalar && scalar->ok());
    QCOMPARE((*scalar)->type, PrometheusResult::Type::Scalar);
    QCOMPARE((*scalar)->series[0].samples[0].value, 2.0);
    // A bad query: Prometheus' own words, with the query and the URL asked.
    const QString bad = QStringLiteral("sum(rate(container_cpu_usage_seconds_total[5m])");
    const auto failed = ask([&](auto h) { client.query(bad, std::nullopt, this, h); });
    QVERIFY(failed && !failed->ok());
    QCOMPARE(failed->error().code, Error::Code::InvalidArgument);
    QCOMPARE(failed->error().httpStatus, 400);
    QVERIFY2(failed->error().message.startsWith(QLatin1String("bad_data: ")),
             qPrintable(failed->error().message));
    QVERIFY(failed->error().context.contains(bad));
    QVERIFY(failed->error().context.contains(prometheus.url()));
    // Nobody listening: a transport error that still names the query.
    ClusterConnection nowhere;
    nowhere.server = QStringLiteral("http://127.0.0.1:%1").arg(Orrery::Test::freeLoopbackPort());
    HttpTransport deadTransport(nowhere);
    const PrometheusClient dead(&deadTransport, PrometheusLocation::direct());
    const auto refused
        = ask([&](auto h) { dead.query(QStringLiteral("up"), std::nullopt, this, h); });
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code, Error::Code::Network);
    QVERIFY(refused->error().context.startsWith(QLatin1String("PromQL: up (http://127.0.0.1:")));
}

QTEST_GUILESS_MAIN(tst_PrometheusClient)
#include "tst_prometheusclient.moc"
