// SPDX-License-Identifier: GPL-3.0-or-later
// Alertmanager in core: AlertmanagerResponse on real answers (captured from the Debian
// prometheus-alertmanager 0.25) and on hostile ones, AlertIndex's attachment rule, silences'
// matchers, the --alerts listing, and AlertmanagerClient against the real Alertmanager and
// against servers that fail (down, 403 from an API server, 500 with Alertmanager's body).

#include "kube/httptransport.h"
#include "monitoring/alertindex.h"
#include "monitoring/alertlisting.h"
#include "monitoring/alertmanagerclient.h"
#include "monitoring/alertmanagerresponse.h"
#include "operations/clusterwriteexecutor.h"
#include "operations/silenceoperations.h"

#include <asyncanswer.h>
#include <eventloopwait.h>
#include <loopbackhttpserver.h>
#include <prometheusservers.h>

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <thread>

using namespace Orrery;

namespace {

QByteArray data(const char *name)
{
    QFile f(QStringLiteral(ORRERY_TEST_DATA "/alertmanager/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Alert alertWith(const QMap<QString, QString> &labels)
{
    Alert a;
    a.labels = labels;
    return a;
}

using Orrery::Test::ask;

} // namespace

class tst_Alertmanager : public QObject
{
    Q_OBJECT

private slots:
    void decodesRealAlerts();
    void decodesRealSilences();
    void hostileInput_data();
    void hostileInput();
    void boundsTheAnswer();
    void errors_data();
    void errors();
    void severity();
    void attachment_data();
    void attachment();
    void indexAnswers();
    void silenceMatchers();
    void encodeSilence();
    void endpoints();
    void paths();
    void listing();
    void realAlertmanager();
    void faults();
    void silenceOperations();
    void silenceOperationFailures();
};

void tst_Alertmanager::decodesRealAlerts()
{
    const auto alerts = AlertmanagerResponse::decodeAlerts(200, data("alerts-silenced.json"));
    QVERIFY(alerts.ok());
    QCOMPARE(alerts->size(), 3);
    const Alert &pod = alerts->at(0);
    QCOMPARE(pod.name(), QStringLiteral("PodCPUAboveRequest"));
    QCOMPARE(pod.severity(), AlertSeverity::Warning);
    QCOMPARE(pod.labels.value(QStringLiteral("pod")), QStringLiteral("backend-spring-7d9f8-abcde"));
    QCOMPARE(
        pod.summary(),
        QStringLiteral("Pod pfe-app/backend-spring-7d9f8-abcde uses more CPU than it requests"));
    QCOMPARE(pod.description(), QStringLiteral("CPU at 250% of request for 30s"));
    QCOMPARE(pod.runbookUrl(), QStringLiteral("https://runbooks.example/PodCPUAboveRequest"));
    QCOMPARE(pod.generatorUrl, QStringLiteral("http://127.0.0.1:9090/graph?g0.expr=x"));
    QCOMPARE(pod.fingerprint, QStringLiteral("05332746822991e0"));
    QCOMPARE(pod.state, Alert::State::Active);
    QCOMPARE(pod.receivers, QStringList{QStringLiteral("nobody")});
    QCOMPARE(pod.startsAt,
             QDateTime::fromString(QStringLiteral("2026-12-07T09:13:10.052Z"), Qt::ISODateWithMs));
    QCOMPARE(pod.startsAt.timeSpec(), Qt::UTC);
    QVERIFY(pod.endsAt > pod.startsAt);
    const Alert &node = alerts->at(1);
    QCOMPARE(node.name(), QStringLiteral("NodeHighCPU"));
    QCOMPARE(node.severity(), AlertSeverity::Critical);
    QCOMPARE(node.state, Alert::State::Suppressed);
    QCOMPARE(node.silencedBy, QStringList{QStringLiteral("dd9d1356-0c6d-410e-931b-4b7e0e07459f")});
    QVERIFY(node.isSilenced() && !node.isInhibited());
    QCOMPARE(node.runbookUrl(), QString());
    const Alert &watchdog = alerts->at(2);
    QCOMPARE(watchdog.severity(), AlertSeverity::Info); // severity="none"
}

void tst_Alertmanager::decodesRealSilences()
{
    const auto silences = AlertmanagerResponse::decodeSilences(200, data("silences.json"));
    QVERIFY(silences.ok());
    QCOMPARE(silences->size(), 1);
    const Silence &s = silences->first();
    QCOMPARE(s.id, QStringLiteral("dd9d1356-0c6d-410e-931b-4b7e0e07459f"));
    QCOMPARE(s.state, Silence::State::Active);
    QCOMPARE(s.createdBy, QStringLiteral("alice"));
    QCOMPARE(s.comment, QStringLiteral("maintenance"));
    QCOMPARE(s.endsAt, QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(s.matchers.size(), 2);
    QCOMPARE(s.matchers[1].toString(), QStringLiteral("node=~\"worker-.*\""));
    QVERIFY(s.matches({{QStringLiteral("alertname"), QStringLiteral("NodeHighCPU")},
                       {QStringLiteral("node"), QStringLiteral("worker-1")}}));
    QVERIFY(!s.matches({{QStringLiteral("alertname"), QStringLiteral("NodeHighCPU")},
                        {QStringLiteral("node"), QStringLiteral("master-1")}}));
    const auto expired = AlertmanagerResponse::decodeSilences(200, data("silences-expired.json"));
    QVERIFY(expired.ok());
    QCOMPARE(expired->first().state, Silence::State::Expired);
    const auto id = AlertmanagerResponse::decodeSilenceId(200, data("silence-id.json"));
    QVERIFY(id.ok());
    QCOMPARE(*id, QStringLiteral("dd9d1356-0c6d-410e-931b-4b7e0e07459f"));
}

void tst_Alertmanager::hostileInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("alerts"); // -1: an error
    QTest::newRow("empty") << QByteArray() << -1;
    QTest::newRow("not json") << QByteArray("<html>502</html>") << -1;
    QTest::newRow("object") << QByteArray("{\"alerts\": []}") << -1;
    QTest::newRow("null") << QByteArray("null") << -1;
    QTest::newRow("empty list") << QByteArray("[]") << 0;
    QTest::newRow("nulls") << QByteArray("[null, 1, \"x\", [], {}]") << 1;
    QTest::newRow("wrong types") << QByteArray(
        "[{\"labels\": [1], \"annotations\": \"x\", \"status\": 5, \"startsAt\": "
        "7, \"endsAt\": \"not a time\", \"fingerprint\": {}, \"receivers\": "
        "[null, {\"name\": 3}], \"generatorURL\": null}]")
                                 << 1;
    QTest::newRow("label of wrong type")
        << QByteArray("[{\"labels\": {\"alertname\": \"A\", \"pod\": 5, \"namespace\": null}, "
                      "\"status\": {\"silencedBy\": [1, null, \"s\"], \"state\": 9}}]")
        << 1;
    QByteArray deep = QByteArray(5000, '[') + QByteArray(5000, ']');
    QTest::newRow("deep") << deep << -1;
}

void tst_Alertmanager::hostileInput()
{
    QFETCH(QByteArray, body);
    QFETCH(int, alerts);
    const auto decoded = AlertmanagerResponse::decodeAlerts(200, body, QStringLiteral("test"));
    QCOMPARE(decoded.ok() ? int(decoded->size()) : -1, alerts);
    if (!decoded.ok()) {
        QCOMPARE(decoded.error().context, QStringLiteral("test"));
        return;
    }
    // What survived is usable: an index over it, a listing of it.
    AlertIndex index(*decoded);
    QCOMPARE(index.alerts().size(), decoded->size());
    (void)AlertListing::table(index, QDateTime::currentDateTimeUtc());
    if (QByteArray(QTest::currentDataTag()) == "wrong types") {
        const Alert &a = decoded->first();
        QVERIFY(a.labels.isEmpty() && a.annotations.isEmpty());
        QVERIFY(!a.startsAt.isValid() && !a.endsAt.isValid());
        QVERIFY(a.receivers.isEmpty());
        QCOMPARE(a.state, Alert::State::Active);
        QCOMPARE(index.unattached().size(), 1);
    }
    if (QByteArray(QTest::currentDataTag()) == "label of wrong type") {
        const Alert &a = decoded->first();
        QCOMPARE(a.labels.size(), 1);
        QCOMPARE(a.silencedBy, QStringList{QStringLiteral("s")});
    }
    // Silences tolerate the same.
    const auto silences = AlertmanagerResponse::decodeSilences(
        200, QByteArray("[null, {\"matchers\": [null, {\"name\": 1}, {\"name\": \"a\", \"value\": "
                        "2, \"isRegex\": \"yes\"}], \"status\": []}]"));
    QVERIFY(silences.ok());
    QCOMPARE(silences->size(), 1);
    QCOMPARE(silences->first().matchers.size(), 1);
    QCOMPARE(silences->first().matchers.first().value, QString());
    QVERIFY(!silences->first().matchers.first().isRegex);
    QCOMPARE(silences->first().state, Silence::State::Unknown);
}

void tst_Alertmanager::boundsTheAnswer()
{
    // More alerts than the bound: TooLarge, not a list held in memory.
    QByteArray many = "[";
    for (qint64 i = 0; i <= AlertmanagerResponse::MaxAlerts; ++i)
        many += i ? ",{}" : "{}";
    many += "]";
    const auto alerts = AlertmanagerResponse::decodeAlerts(200, many, QStringLiteral("big"));
    QVERIFY(!alerts.ok());
    QCOMPARE(alerts.error().code, Error::Code::TooLarge);
    const auto silences = AlertmanagerResponse::decodeSilences(200, many);
    QVERIFY(!silences.ok());
    QCOMPARE(silences.error().code, Error::Code::TooLarge);
    // Labels beyond the per-alert bound are cut.
    nlohmann::json labels = nlohmann::json::object();
    for (int i = 0; i < AlertmanagerResponse::MaxLabelsPerAlert + 50; ++i)
        labels[QStringLiteral("l%1").arg(i).toStdString()] = "v";
    const nlohmann::json one = nlohmann::json::array({{{"labels", labels}}});
    const auto cut = AlertmanagerResponse::decodeAlerts(200, QByteArray::fromStdString(one.dump()));
    QVERIFY(cut.ok());
    QCOMPARE(cut->first().labels.size(), AlertmanagerResponse::MaxLabelsPerAlert);
}

void tst_Alertmanager::errors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("500 Alertmanager's JSON string")
        << 500 << QByteArray("\"silence not found\"") << int(Error::Code::ServerError)
        << QStringLiteral("silence not found");
    QTest::newRow("422 go-swagger")
        << 422
        << QByteArray(
               "{\"code\":612,\"message\":\"matchers in body should have at least 1 items\"}")
        << int(Error::Code::InvalidArgument)
        << QStringLiteral("matchers in body should have at least 1 items");
    QTest::newRow("403 API server Status")
        << 403
        << QByteArray(
               "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
               "\"services \\\"alertmanager\\\" is forbidden: User \\\"bob\\\" cannot get "
               "resource \\\"services/proxy\\\"\",\"reason\":\"Forbidden\",\"code\":403}")
        << int(Error::Code::Forbidden)
        << QStringLiteral("services \"alertmanager\" is forbidden: User \"bob\" cannot get "
                          "resource \"services/proxy\"");
    QTest::newRow("502 HTML") << 502 << QByteArray("<html><body>Bad gateway</body></html>")
                              << int(Error::Code::ServerError)
                              << QStringLiteral("the server answered HTTP 502");
    QTest::newRow("400 text") << 400 << QByteArray("bad matcher format\n")
                              << int(Error::Code::InvalidArgument)
                              << QStringLiteral("bad matcher format");
}

void tst_Alertmanager::errors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, message);
    const QString what = QStringLiteral("http://127.0.0.1:9093/api/v2/alerts");
    for (const Error &e : {AlertmanagerResponse::decodeAlerts(status, body, what).error(),
                           AlertmanagerResponse::decodeSilences(status, body, what).error(),
                           AlertmanagerResponse::decodeSilenceId(status, body, what).error(),
                           AlertmanagerResponse::decodeEmpty(status, body, what).error()}) {
        QCOMPARE(int(e.code), code);
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.message, message);
        QCOMPARE(e.context, what);
    }
}

void tst_Alertmanager::severity()
{
    QCOMPARE(alertSeverityFromLabel(QStringLiteral("critical")), AlertSeverity::Critical);
    QCOMPARE(alertSeverityFromLabel(QStringLiteral("Page")), AlertSeverity::Critical);
    QCOMPARE(alertSeverityFromLabel(QStringLiteral("warning")), AlertSeverity::Warning);
    QCOMPARE(alertSeverityFromLabel(QStringLiteral("info")), AlertSeverity::Info);
    QCOMPARE(alertSeverityFromLabel(QStringLiteral("none")), AlertSeverity::Info);
    // Unknown or missing is never shown as harmless.
    QCOMPARE(alertSeverityFromLabel(QStringLiteral("sev2")), AlertSeverity::Warning);
    QCOMPARE(alertSeverityFromLabel(QString()), AlertSeverity::Warning);
    QVERIFY(AlertSeverity::Critical > AlertSeverity::Warning);
    QCOMPARE(alertSeverityName(AlertSeverity::Critical), QStringLiteral("critical"));
}

void tst_Alertmanager::attachment_data()
{
    using L = QMap<QString, QString>;
    QTest::addColumn<L>("labels");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("pod and deployment")
        << L{{"alertname", "X"},
             {"namespace", "shop"},
             {"pod", "web-1"},
             {"deployment", "web"},
             {"job", "orrery-sim"}}
        << QStringList{"namespace/shop", "pod/shop/web-1", "deployment/shop/web"};
    QTest::newRow("the job label is the scrape job, job_name the Job")
        << L{{"namespace", "batch"}, {"job", "kube-state-metrics"}, {"job_name", "backup-1"}}
        << QStringList{"namespace/batch", "job/batch/backup-1"};
    QTest::newRow("exported_namespace: the target labels are the exporter's")
        << L{{"namespace", "monitoring"},       {"pod", "kube-state-metrics-0"},
             {"service", "kube-state-metrics"}, {"exported_namespace", "shop"},
             {"exported_pod", "cart-2"},        {"statefulset", "cart"}}
        << QStringList{"namespace/shop", "pod/shop/cart-2", "statefulset/shop/cart"};
    QTest::newRow("node") << L{{"alertname", "NodeHighCPU"},
                               {"node", "worker-1"},
                               {"instance", "10.0.0.1:9100"}}
                          << QStringList{"node/worker-1"};
    QTest::newRow("instance without the node table is not a node")
        << L{{"alertname", "NodeFilesystem"}, {"instance", "worker-2:9100"}} << QStringList{};
    QTest::newRow("no namespace: namespaced labels attach nowhere")
        << L{{"pod", "web-1"}, {"deployment", "web"}} << QStringList{};
    QTest::newRow("every kind") << L{{"namespace", "n"},
                                     {"service", "s"},
                                     {"daemonset", "d"},
                                     {"replicaset", "r"},
                                     {"cronjob", "c"},
                                     {"horizontalpodautoscaler", "h"},
                                     {"persistentvolumeclaim", "p"}}
                                << QStringList{"namespace/n",
                                               "service/n/s",
                                               "daemonset/n/d",
                                               "replicaset/n/r",
                                               "cronjob/n/c",
                                               "horizontalpodautoscaler/n/h",
                                               "persistentvolumeclaim/n/p"};
    QTest::newRow("Watchdog") << L{{"alertname", "Watchdog"}, {"severity", "none"}}
                              << QStringList{};
}

void tst_Alertmanager::attachment()
{
    using Labels = QMap<QString, QString>;
    QFETCH(Labels, labels);
    QFETCH(QStringList, keys);
    QStringList actual = AlertIndex::attachments(alertWith(labels));
    std::sort(actual.begin(), actual.end());
    std::sort(keys.begin(), keys.end());
    QCOMPARE(actual, keys);
}

void tst_Alertmanager::indexAnswers()
{
    using L = QMap<QString, QString>;
    QList<Alert> alerts = {
        alertWith(L{
            {"alertname", "A"}, {"severity", "warning"}, {"namespace", "shop"}, {"pod", "web-1"}}),
        alertWith(L{{"alertname", "B"},
                    {"severity", "critical"},
                    {"namespace", "shop"},
                    {"pod", "web-1"},
                    {"deployment", "web"}}),
        alertWith(L{{"alertname", "C"}, {"severity", "info"}, {"namespace", "db"}}),
        alertWith(L{{"alertname", "Watchdog"}, {"severity", "none"}}),
        alertWith(
            L{{"alertname", "NodeDisk"}, {"severity", "warning"}, {"instance", "10.0.0.2:9100"}}),
    };
    AlertIndex index(alerts);
    QCOMPARE(index.alertsFor(QStringLiteral("pod/shop/web-1")).size(), 2);
    QCOMPARE(index.indicesFor(QStringLiteral("pod/shop/web-1")), (QList<int>{0, 1}));
    QCOMPARE(index.worstSeverity(QStringLiteral("pod/shop/web-1")), AlertSeverity::Critical);
    QCOMPARE(index.worstSeverity(QStringLiteral("deployment/shop/web")), AlertSeverity::Critical);
    QCOMPARE(index.worstSeverity(QStringLiteral("pod/shop/other")), AlertSeverity::None);
    QCOMPARE(index.worstSeverity(QStringLiteral("namespace/db")), AlertSeverity::Info);
    const AlertCounts shop = index.countsInNamespace(QStringLiteral("shop"));
    QCOMPARE(shop.critical, 1);
    QCOMPARE(shop.warning, 1);
    QCOMPARE(shop.total(), 2);
    QCOMPARE(index.namespaceCounts().size(), 2);
    QCOMPARE(index.countsInNamespace(QStringLiteral("none")).total(), 0);
    QCOMPARE(index.unattached().size(), 2); // Watchdog, and NodeDisk without the node table
    QCOMPARE(index.keys().size(), 4);

    // With the nodes' addresses, `instance` finds its node.
    index.setNodeAddresses({{QStringLiteral("worker-2"),
                             {QStringLiteral("10.0.0.2"), QStringLiteral("worker-2.internal")}}});
    QCOMPARE(index.alertsFor(QStringLiteral("node/worker-2")).size(), 1);
    QCOMPARE(index.unattached().size(), 1);
    QCOMPARE(index.unattached().first().name(), QStringLiteral("Watchdog"));
    QCOMPARE(AlertIndex::objectKey(QStringLiteral("Deployment"), QStringLiteral("shop"),
                                   QStringLiteral("web")),
             QStringLiteral("deployment/shop/web"));
    QCOMPARE(AlertIndex::objectKey(QStringLiteral("Node"), {}, QStringLiteral("n1")),
             QStringLiteral("node/n1"));
}

void tst_Alertmanager::silenceMatchers()
{
    const QMap<QString, QString> labels{{QStringLiteral("alertname"), QStringLiteral("HighCPU")},
                                        {QStringLiteral("pod"), QStringLiteral("web-1")}};
    QVERIFY((SilenceMatcher{QStringLiteral("pod"), QStringLiteral("web-.*"), true, true})
                .matches(labels));
    // Anchored, as Alertmanager anchors it.
    QVERIFY(!(SilenceMatcher{QStringLiteral("pod"), QStringLiteral("web"), true, true})
                 .matches(labels));
    QVERIFY((SilenceMatcher{QStringLiteral("pod"), QStringLiteral("db-1"), false, false})
                .matches(labels));
    QVERIFY(!(SilenceMatcher{QStringLiteral("pod"), QStringLiteral("web-1"), false, false})
                 .matches(labels));
    // A missing label reads as "".
    QVERIFY((SilenceMatcher{QStringLiteral("node"), QString(), false, true}).matches(labels));
    QVERIFY(!(SilenceMatcher{QStringLiteral("pod"), QStringLiteral("("), true, true})
                 .matches(labels)); // an invalid regex matches nothing
    QCOMPARE((SilenceMatcher{QStringLiteral("a"), QStringLiteral("x\"y"), false, false}).toString(),
             QStringLiteral("a!=\"x\\\"y\""));
    QCOMPARE((SilenceMatcher{QStringLiteral("a"), QStringLiteral("x"), true, false}).toString(),
             QStringLiteral("a!~\"x\""));
    QVERIFY(!Silence().matches(labels)); // no matchers: nothing

    Alert alert;
    alert.labels = labels;
    const QDateTime now(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC);
    const Silence s = Silence::forAlert(alert, now, 7200, QStringLiteral("alice"),
                                        QStringLiteral("deploying a fix"));
    QCOMPARE(s.matchers.size(), 2);
    QVERIFY(s.matches(labels));
    QCOMPARE(s.startsAt, now);
    QCOMPARE(s.endsAt, now.addSecs(7200));
    QCOMPARE(s.createdBy, QStringLiteral("alice"));
    QVERIFY(s.id.isEmpty());
}

void tst_Alertmanager::encodeSilence()
{
    Silence s;
    s.matchers = {{QStringLiteral("alertname"), QStringLiteral("X"), false, true},
                  {QStringLiteral("pod"), QStringLiteral("web-.*"), true, true}};
    s.startsAt = QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC);
    s.endsAt = s.startsAt.addSecs(3600);
    s.createdBy = QStringLiteral("alice");
    s.comment = QStringLiteral("because");
    const nlohmann::json body
        = nlohmann::json::parse(AlertmanagerResponse::encodeSilence(s).toStdString());
    QVERIFY(body["startsAt"] == "2026-12-07T09:00:00.000Z");
    QVERIFY(body["endsAt"] == "2026-12-07T10:00:00.000Z");
    QVERIFY(body["matchers"][1]["isRegex"] == true);
    QVERIFY(body["createdBy"] == "alice");
    QVERIFY(!body.contains("id"));
    // What Alertmanager would answer about it decodes to the same silence.
    nlohmann::json answer = body;
    answer["id"] = "abc";
    answer["status"] = {{"state", "active"}};
    const auto back = AlertmanagerResponse::decodeSilences(
        200, QByteArray::fromStdString(nlohmann::json::array({answer}).dump()));
    QVERIFY(back.ok());
    Silence expected = s;
    expected.id = QStringLiteral("abc");
    expected.state = Silence::State::Active;
    QCOMPARE(back->first(), expected);
    QCOMPARE(AlertmanagerResponse::parseTime(QStringLiteral("2026-12-07T09:13:10.123456789Z")),
             QDateTime(QDate(2026, 12, 7), QTime(9, 13, 10, 123), Qt::UTC));
    QCOMPARE(AlertmanagerResponse::parseTime(QStringLiteral("2026-12-07T10:13:10+01:00")),
             QDateTime(QDate(2026, 12, 7), QTime(9, 13, 10), Qt::UTC));
    QVERIFY(!AlertmanagerResponse::parseTime(QStringLiteral("yesterday")).isValid());
}

void tst_Alertmanager::endpoints()
{
    const auto direct = AlertmanagerEndpoint::parse(QStringLiteral("http://127.0.0.1:9093/"));
    QVERIFY(direct.ok());
    QVERIFY(direct->isDirect());
    QCOMPARE(direct->url, QStringLiteral("http://127.0.0.1:9093"));
    const auto service
        = AlertmanagerEndpoint::parse(QStringLiteral("service/monitoring/alertmanager:9093"));
    QVERIFY(service.ok());
    QVERIFY(!service->isDirect());
    QCOMPARE(service->location.serviceNamespace, QStringLiteral("monitoring"));
    QCOMPARE(service->location.serviceName, QStringLiteral("alertmanager"));
    QCOMPARE(service->location.servicePort, QStringLiteral("9093"));
    for (const char *bad : {"", "alertmanager", "ftp://x", "service/onlyns", "service//x",
                            "http://", "http://h:9093/?q=1"}) {
        const auto parsed = AlertmanagerEndpoint::parse(QLatin1String(bad));
        QVERIFY2(!parsed.ok(), bad);
        QCOMPARE(parsed.error().code, Error::Code::InvalidArgument);
    }
}

void tst_Alertmanager::paths()
{
    ClusterConnection c;
    c.server = QStringLiteral("https://api:6443");
    HttpTransport transport(c);
    const AlertmanagerClient proxied(
        &transport, AlertmanagerLocation::service(QStringLiteral("monitoring"),
                                                  QStringLiteral("alertmanager-operated"),
                                                  QStringLiteral("web")));
    QCOMPARE(proxied.silencePath(QStringLiteral("a/b")),
             QStringLiteral("/api/v1/namespaces/monitoring/services/alertmanager-operated:web/"
                            "proxy/api/v2/silence/a%2Fb"));
    QCOMPARE(proxied.baseUrl(), QStringLiteral("https://api:6443/api/v1/namespaces/monitoring/"
                                               "services/alertmanager-operated:web/proxy"));
    const AlertmanagerClient direct(&transport);
    AlertFilter filter = AlertFilter::activeOnly();
    filter.matchers << QStringLiteral("alertname=\"X\"");
    QCOMPARE(direct.alertsPath(filter),
             QStringLiteral("/api/v2/alerts?active=true&silenced=false&inhibited=false&"
                            "unprocessed=false&filter=alertname%3D%22X%22"));
    QCOMPARE(direct.silencesPath(), QStringLiteral("/api/v2/silences"));
}

void tst_Alertmanager::listing()
{
    const auto alerts = AlertmanagerResponse::decodeAlerts(200, data("alerts.json"));
    QVERIFY(alerts.ok());
    AlertIndex index(*alerts);
    const QDateTime now = alerts->first().startsAt.addSecs(300);
    const QString table = AlertListing::table(index, now);
    const QStringList lines = table.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines[0].startsWith(QLatin1String("SEVERITY   ALERT")), qPrintable(lines[0]));
    // Worst first: the critical node alert, then the warning on the pod, then Watchdog.
    QVERIFY2(lines[1].startsWith(QLatin1String("critical   NodeHighCPU")), qPrintable(lines[1]));
    QVERIFY(lines[1].contains(QLatin1String("node/worker-1")));
    QVERIFY(lines[2].contains(
        QLatin1String("pod/pfe-app/backend-spring-7d9f8-abcde,deployment/pfe-app/backend-spring")));
    QVERIFY(lines[2].contains(QLatin1String(" 5m ")));
    QVERIFY(lines[3].startsWith(QLatin1String("none       Watchdog")));

    const nlohmann::json doc = nlohmann::json::parse(
        AlertListing::json(index, QStringLiteral("http://127.0.0.1:9093")).toStdString());
    QVERIFY(doc["alertmanager"] == "http://127.0.0.1:9093");
    QVERIFY(doc["unattached"] == 1);
    QVERIFY(doc["alerts"].size() == 3u);
    const nlohmann::json &pod = doc["alerts"][1];
    QVERIFY(pod["name"] == "PodCPUAboveRequest");
    QVERIFY(pod["severity"] == "warning");
    QVERIFY(pod["runbookUrl"] == "https://runbooks.example/PodCPUAboveRequest");
    QVERIFY(pod["namespace"] == "pfe-app");
    QVERIFY(pod["objects"]
            == nlohmann::json::array({"namespace/pfe-app", "pod/pfe-app/backend-spring-7d9f8-abcde",
                                      "deployment/pfe-app/backend-spring"}));
    QVERIFY(pod["startsAt"] == "2026-12-07T09:13:10.052Z");
}

void tst_Alertmanager::realAlertmanager()
{
    if (Orrery::Test::AlertmanagerProcess::binary().isEmpty())
        QSKIP("prometheus-alertmanager is not installed (scripts/deps.sh installs it)");
    Orrery::Test::AlertmanagerProcess am;
    QVERIFY2(am.start(), qPrintable(am.errorString()));
    // Two alerts as Prometheus would send them.
    httplib::Client http("127.0.0.1", am.port());
    const auto posted = http.Post(
        "/api/v2/alerts",
        R"([{"labels":{"alertname":"PodDown","severity":"critical","namespace":"shop","pod":"web-1"},
            "annotations":{"summary":"web-1 is down"}},
           {"labels":{"alertname":"NodeHighCPU","severity":"warning","node":"worker-1"}}])",
        "application/json");
    QVERIFY(posted && posted->status == 200);

    ClusterConnection c;
    c.server = am.url();
    HttpTransport transport(c);
    const AlertmanagerClient client(&transport);
    std::optional<Result<QList<Alert>>> alerts;
    QVERIFY(Orrery::Test::waitUntil(
        [&] {
            alerts = ask<QList<Alert>>(
                [&](auto h) { client.alerts(AlertFilter::activeOnly(), this, h); });
            return alerts && alerts->ok() && (*alerts)->size() == 2;
        },
        20000));
    AlertIndex index(**alerts);
    QCOMPARE(index.worstSeverity(QStringLiteral("pod/shop/web-1")), AlertSeverity::Critical);
    QCOMPARE(index.worstSeverity(QStringLiteral("node/worker-1")), AlertSeverity::Warning);

    // Silence the pod alert, see it suppressed, expire the silence.
    const Alert pod = index.alertsFor(QStringLiteral("pod/shop/web-1")).first();
    const Silence wanted = Silence::forAlert(pod, QDateTime::currentDateTimeUtc(), 3600,
                                             QStringLiteral("tester"), QStringLiteral("test"));
    const auto id = ask<QString>([&](auto h) { client.createSilence(wanted, this, h); });
    QVERIFY(id && id->ok());
    const auto silences = ask<QList<Silence>>([&](auto h) { client.silences(this, h); });
    QVERIFY(silences && silences->ok());
    QCOMPARE((*silences)->size(), 1);
    QCOMPARE((*silences)->first().id, **id);
    QCOMPARE((*silences)->first().state, Silence::State::Active);
    QCOMPARE((*silences)->first().matchers, wanted.matchers);
    QVERIFY(Orrery::Test::waitUntil(
        [&] {
            const auto active = ask<QList<Alert>>(
                [&](auto h) { client.alerts(AlertFilter::activeOnly(), this, h); });
            return active && active->ok() && (*active)->size() == 1;
        },
        20000));
    const auto all = ask<QList<Alert>>([&](auto h) { client.alerts(AlertFilter(), this, h); });
    QVERIFY(all && all->ok());
    bool silenced = false;
    for (const Alert &a : **all)
        if (a.name() == QLatin1String("PodDown"))
            silenced = a.state == Alert::State::Suppressed && a.silencedBy == QStringList{**id};
    QVERIFY(silenced);
    const auto expired = ask<void>([&](auto h) { client.expireSilence(**id, this, h); });
    QVERIFY(expired && expired->ok());
    const auto after = ask<QList<Silence>>([&](auto h) { client.silences(this, h); });
    QVERIFY(after && after->ok());
    QCOMPARE((*after)->first().state, Silence::State::Expired);
    // An unknown id: Alertmanager's own words, with the status.
    const auto unknown = ask<void>([&](auto h) {
        client.expireSilence(QStringLiteral("00000000-0000-0000-0000-000000000000"), this, h);
    });
    QVERIFY(unknown && !unknown->ok());
    QCOMPARE(unknown->error().httpStatus, 500);
    QCOMPARE(unknown->error().message, QStringLiteral("silence not found"));
    // A silence Alertmanager refuses (ends before it starts): 400 and its reason.
    Silence backwards = wanted;
    backwards.endsAt = backwards.startsAt.addSecs(-60);
    const auto refused = ask<QString>([&](auto h) { client.createSilence(backwards, this, h); });
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().httpStatus, 400);
    QVERIFY2(refused->error().message.contains(QLatin1String("start time must be before end time")),
             qPrintable(refused->error().message));
}

void tst_Alertmanager::faults()
{
    // Nobody listening: Unreachable, naming where.
    ClusterConnection nowhere;
    nowhere.server = QStringLiteral("http://127.0.0.1:%1").arg(Orrery::Test::freeLoopbackPort());
    HttpTransport dead(nowhere);
    const AlertmanagerClient deadClient(&dead);
    const auto refused
        = ask<QList<Alert>>([&](auto h) { deadClient.alerts(AlertFilter::activeOnly(), this, h); });
    QVERIFY(refused && !refused->ok());
    const AlertsUnavailable down
        = AlertsUnavailable::fromError(refused->error(), deadClient.location(), nowhere.server);
    QCOMPARE(down.reason, AlertsUnavailable::Reason::Unreachable);
    QVERIFY2(down.text().contains(nowhere.server), qPrintable(down.text()));

    // An API server that forbids the proxy, and an Alertmanager that fails with a body.
    Orrery::Test::LoopbackHttpServer server;
    QVERIFY(server.start(0, 2, [](httplib::Server &s) {
        s.Get(
            R"(/api/v1/namespaces/monitoring/services/alertmanager:9093/proxy/api/v2/alerts)",
            [](const httplib::Request &, httplib::Response &res) {
                res.status = 403;
                res.set_content(
                    R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"services \"alertmanager\" is forbidden: User \"bob\" cannot get resource \"services/proxy\" in API group \"\" in the namespace \"monitoring\"","reason":"Forbidden","code":403})",
                    "application/json");
            });
        s.Get("/api/v2/alerts", [](const httplib::Request &, httplib::Response &res) {
            res.status = 500;
            res.set_content("\"failed to get alerts: storage closed\"", "application/json");
        });
        s.Get("/api/v2/silences", [](const httplib::Request &, httplib::Response &res) {
            res.status = 404;
            res.set_content("404 page not found\n", "text/plain");
        });
    }));
    ClusterConnection c;
    c.server = QString::fromStdString(server.url());
    HttpTransport transport(c);
    const AlertmanagerLocation proxy = AlertmanagerLocation::service(
        QStringLiteral("monitoring"), QStringLiteral("alertmanager"), QStringLiteral("9093"));
    const AlertmanagerClient proxied(&transport, proxy);
    const auto forbidden
        = ask<QList<Alert>>([&](auto h) { proxied.alerts(AlertFilter::activeOnly(), this, h); });
    QVERIFY(forbidden && !forbidden->ok());
    QCOMPARE(forbidden->error().code, Error::Code::Forbidden);
    const AlertsUnavailable denied
        = AlertsUnavailable::fromError(forbidden->error(), proxy, c.server);
    QCOMPARE(denied.reason, AlertsUnavailable::Reason::Forbidden);
    QCOMPARE(denied.ns, QStringLiteral("monitoring"));
    QVERIFY2(denied.text().contains(QLatin1String("\"get\" on services/proxy in namespace "
                                                  "\"monitoring\"")),
             qPrintable(denied.text()));

    const AlertmanagerClient direct(&transport);
    const auto failing
        = ask<QList<Alert>>([&](auto h) { direct.alerts(AlertFilter::activeOnly(), this, h); });
    QVERIFY(failing && !failing->ok());
    QCOMPARE(failing->error().httpStatus, 500);
    QCOMPARE(failing->error().code, Error::Code::ServerError);
    QCOMPARE(failing->error().message, QStringLiteral("failed to get alerts: storage closed"));
    QVERIFY(failing->error().context.startsWith(c.server + QLatin1String("/api/v2/alerts?")));
    const AlertsUnavailable broken
        = AlertsUnavailable::fromError(failing->error(), direct.location(), c.server);
    QCOMPARE(broken.reason, AlertsUnavailable::Reason::ApiError);
    QVERIFY2(
        broken.text().contains(QLatin1String("HTTP 500: failed to get alerts: storage closed")),
        qPrintable(broken.text()));

    const auto missing = ask<QList<Silence>>([&](auto h) { direct.silences(this, h); });
    QVERIFY(missing && !missing->ok());
    const AlertsUnavailable notThere
        = AlertsUnavailable::fromError(missing->error(), direct.location(), c.server);
    QCOMPARE(notThere.reason, AlertsUnavailable::Reason::NotFound);
    QVERIFY2(notThere.text().contains(QLatin1String("404 page not found")),
             qPrintable(notThere.text()));
    QCOMPARE(AlertsUnavailable::notConfigured().reason, AlertsUnavailable::Reason::NotConfigured);
    // A 200 that is no Alertmanager answer (a login page): an API error naming the status.
    const Error unreadable
        = AlertmanagerResponse::decodeAlerts(200, QByteArray("<html>login</html>"), c.server)
              .error();
    const AlertsUnavailable page = AlertsUnavailable::fromError(unreadable, {}, c.server);
    QCOMPARE(page.reason, AlertsUnavailable::Reason::ApiError);
    QCOMPARE(page.httpStatus, 200);
}

void tst_Alertmanager::silenceOperations()
{
    ClusterConnection c;
    c.server = QStringLiteral("https://api:6443");
    HttpTransport transport(c);
    const AlertmanagerLocation proxy = AlertmanagerLocation::service(
        QStringLiteral("monitoring"), QStringLiteral("alertmanager"), QStringLiteral("9093"));
    Alert alert;
    alert.labels = {{QStringLiteral("alertname"), QStringLiteral("PodDown")},
                    {QStringLiteral("exported_namespace"), QStringLiteral("shop")},
                    {QStringLiteral("namespace"), QStringLiteral("monitoring")},
                    {QStringLiteral("pod"), QStringLiteral("web-1")}};
    std::unique_ptr<CreateSilenceOperation> create(CreateSilenceOperation::forAlert(
        &transport, proxy, alert, 7200, QStringLiteral("fixing it")));
    QCOMPARE(create->silence().matchers.size(), 4);
    QCOMPARE(create->silence().createdBy, CreateSilenceOperation::localUser());
    QCOMPARE(create->scope().ns, QStringLiteral("shop")); // the object's, not the exporter's
    QCOMPARE(create->scope().kind, QStringLiteral("Silence"));
    // Through the proxy: create on services/proxy of that Service.
    const QList<AccessCheck> access = create->requiredAccess();
    QCOMPARE(access.size(), 1);
    QCOMPARE(access[0].verb, QStringLiteral("create"));
    QCOMPARE(access[0].resource, QStringLiteral("services"));
    QCOMPARE(access[0].subresource, QStringLiteral("proxy"));
    QCOMPARE(access[0].namespaceName, QStringLiteral("monitoring"));
    QCOMPARE(access[0].name, QStringLiteral("alertmanager"));
    const auto planned = create->plan(false);
    QVERIFY(planned.ok());
    QCOMPARE(planned->size(), 1);
    const PlannedWrite &w = planned->first();
    QCOMPARE(w.request.method, QByteArray("POST"));
    QCOMPARE(w.request.path, QStringLiteral("/api/v1/namespaces/monitoring/services/"
                                            "alertmanager:9093/proxy/api/v2/silences"));
    QCOMPARE(w.kind, QStringLiteral("Silence"));
    QCOMPARE(w.verb, QStringLiteral("create"));
    QVERIFY2(w.description.startsWith(QLatin1String("Silence PodDown for 2h, until ")),
             qPrintable(w.description));
    QVERIFY(w.body["comment"] == "fixing it");
    QVERIFY(!create->undo()); // nothing created yet
    // The refusals before anything is sent.
    create->setComment(QStringLiteral("  "));
    QVERIFY(!create->plan(false).ok());
    create->setComment(QStringLiteral("ok"));
    create->setDurationSeconds(0);
    QVERIFY(!create->plan(false).ok());
    create->setDurationSeconds(1800);
    QVERIFY(create->plan(false).ok());
    QVERIFY(create->summary().join(QLatin1Char('\n')).contains(QLatin1String("for 30m")));
    create->setMatchers({});
    QVERIFY(!create->plan(false).ok());

    ExpireSilenceOperation expire(&transport, proxy, QStringLiteral("abc"));
    QCOMPARE(expire.requiredAccess().first().verb, QStringLiteral("delete"));
    const auto deleting = expire.plan(false);
    QVERIFY(deleting.ok());
    QCOMPARE(deleting->first().request.method, QByteArray("DELETE"));
    QCOMPARE(deleting->first().request.path,
             QStringLiteral("/api/v1/namespaces/monitoring/services/alertmanager:9093/proxy/api/"
                            "v2/silence/abc"));
    QVERIFY(expire.nothingToDo().isEmpty());
    QVERIFY(!expire.undo()); // nothing read: nothing to recreate
    // Directly reached: nothing for the API server to decide.
    ExpireSilenceOperation direct(&transport, {}, QStringLiteral("abc"));
    QVERIFY(direct.requiredAccess().isEmpty());
}

void tst_Alertmanager::silenceOperationFailures()
{
    // A 403 from the API server's proxy and Alertmanager's own 400: the report says why.
    Orrery::Test::LoopbackHttpServer server;
    QVERIFY(server.start(0, 2, [](httplib::Server &s) {
        s.Post(
            R"(/api/v1/namespaces/monitoring/services/alertmanager/proxy/api/v2/silences)",
            [](const httplib::Request &, httplib::Response &res) {
                res.status = 403;
                res.set_content(
                    R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"services \"alertmanager\" is forbidden","reason":"Forbidden","code":403})",
                    "application/json");
            });
        s.Post("/api/v2/silences", [](const httplib::Request &, httplib::Response &res) {
            res.status = 400;
            res.set_content("\"Failed to create silence: start time must be before end time\"",
                            "application/json");
        });
    }));
    ClusterConnection c;
    c.server = QString::fromStdString(server.url());
    HttpTransport transport(c);
    ClusterWriteExecutor writer(&transport, nullptr);
    Alert alert;
    alert.labels = {{QStringLiteral("alertname"), QStringLiteral("PodDown")}};
    const auto run = [&](const AlertmanagerLocation &location) {
        std::unique_ptr<CreateSilenceOperation> op(CreateSilenceOperation::forAlert(
            &transport, location, alert, 600, QStringLiteral("why")));
        QSignalSpy finished(op.get(), &ClusterOperation::finished);
        op->run(&writer);
        Orrery::Test::waitUntil([&] { return !finished.isEmpty(); }, 15000);
        return std::make_pair(finished.isEmpty() ? true : finished.first().at(0).toBool(),
                              op->report());
    };
    const auto [proxiedOk, proxied] = run(AlertmanagerLocation::service(
        QStringLiteral("monitoring"), QStringLiteral("alertmanager")));
    QVERIFY(!proxiedOk);
    QVERIFY2(proxied.explanation.contains(QLatin1String("needs the verb \"create\" on "
                                                        "services/proxy in namespace monitoring")),
             qPrintable(proxied.explanation));
    QVERIFY(proxied.explanation.contains(QLatin1String("is forbidden")));
    const auto [directOk, direct] = run({});
    QVERIFY(!directOk);
    QVERIFY2(direct.explanation.contains(
                 QLatin1String("HTTP 400): Failed to create silence: start time must be before")),
             qPrintable(direct.explanation));
    QCOMPARE(direct.lines.size(), 1);
}

QTEST_GUILESS_MAIN(tst_Alertmanager)
#include "tst_alertmanager.moc"
