// SPDX-License-Identifier: GPL-3.0-or-later
// MonitoringDiscovery: Prometheus and Alertmanager found among a store's Services (the
// well-known names of kube-prometheus-stack, the operator, kube-prometheus and the prometheus
// chart, then labels), the per-context setting first, the port and scheme chosen, where it
// looked when nothing is found; MonitoringTarget's setting text; MonitoringProblem's
// sentences; HpaHistory, the HPA status kept without Prometheus.

#include "monitoring/hpahistory.h"
#include "monitoring/monitoringdiscovery.h"

#include <cmath>

#include <QTest>

using namespace Orrery;

namespace {

KubeObjectPtr service(const QString &ns, const QString &name, QList<ServicePort> ports,
                      KeyValues labels = {}, const QString &type = QStringLiteral("ClusterIP"))
{
    auto o = std::make_shared<KubeObject>();
    o->kind = Kind::Service;
    o->namespaceName = ns;
    o->name = name;
    o->uid = ns + QLatin1Char('/') + name;
    o->labels = std::move(labels);
    ServiceData d;
    d.type = type;
    d.ports = std::move(ports);
    o->data = d;
    return o;
}

ServicePort port(const QString &name, int number)
{
    ServicePort p;
    p.name = name;
    p.port = number;
    p.protocol = QStringLiteral("TCP");
    return p;
}

} // namespace

class tst_MonitoringDiscovery : public QObject
{
    Q_OBJECT

private slots:
    void findsWellKnownServices_data();
    void findsWellKnownServices();
    void prefersOperatedAndMonitoringNamespace();
    void settingWins();
    void nothingFoundSaysWhere();
    void parsesSettings_data();
    void parsesSettings();
    void proxyPathCarriesSchemeAndPort();
    void problems();
    void hpaHistory();
};

void tst_MonitoringDiscovery::findsWellKnownServices_data()
{
    QTest::addColumn<QList<KubeObjectPtr>>("services");
    QTest::addColumn<QString>("prometheus"); // describe()d ns/ref, empty: none
    QTest::addColumn<QString>("alertmanager");

    const QList<ServicePort> web{port(QStringLiteral("web"), 9090)};
    const QList<ServicePort> amWeb{port(QStringLiteral("web"), 9093)};
    QTest::newRow("kube-prometheus-stack")
        << QList<KubeObjectPtr>{service(QStringLiteral("monitoring"),
                                        QStringLiteral("kps-kube-prometheus-prometheus"),
                                        {port(QStringLiteral("http-web"), 9090),
                                         port(QStringLiteral("reloader-web"), 8080)}),
                                service(QStringLiteral("monitoring"),
                                        QStringLiteral("kps-kube-prometheus-alertmanager"),
                                        {port(QStringLiteral("http-web"), 9093)}),
                                service(QStringLiteral("monitoring"),
                                        QStringLiteral("kps-prometheus-node-exporter"),
                                        {port(QStringLiteral("http-metrics"), 9100)},
                                        {{QStringLiteral("app.kubernetes.io/name"),
                                          QStringLiteral("prometheus-node-exporter")}})}
        << QStringLiteral("monitoring/kps-kube-prometheus-prometheus:http-web")
        << QStringLiteral("monitoring/kps-kube-prometheus-alertmanager:http-web");
    QTest::newRow("prometheus chart")
        << QList<KubeObjectPtr>{service(QStringLiteral("prometheus"),
                                        QStringLiteral("prom-prometheus-server"),
                                        {port(QStringLiteral("http"), 80)}),
                                service(QStringLiteral("prometheus"),
                                        QStringLiteral("prom-alertmanager"),
                                        {port(QStringLiteral("http"), 9093)})}
        << QStringLiteral("prometheus/prom-prometheus-server:http")
        << QStringLiteral("prometheus/prom-alertmanager:http");
    QTest::newRow("kube-prometheus (jsonnet)")
        << QList<KubeObjectPtr>{service(QStringLiteral("monitoring"),
                                        QStringLiteral("prometheus-k8s"), web),
                                service(QStringLiteral("monitoring"),
                                        QStringLiteral("alertmanager-main"), amWeb)}
        << QStringLiteral("monitoring/prometheus-k8s:web")
        << QStringLiteral("monitoring/alertmanager-main:web");
    QTest::newRow("by label, unnamed port") << QList<KubeObjectPtr>{service(
        QStringLiteral("obs"), QStringLiteral("metrics-db"), {port(QString(), 9090)},
        {{QStringLiteral("app.kubernetes.io/name"), QStringLiteral("prometheus")}})}
                                            << QStringLiteral("obs/metrics-db:9090") << QString();
    QTest::newRow("https port") << QList<KubeObjectPtr>{service(
        QStringLiteral("monitoring"), QStringLiteral("prometheus"),
        {port(QStringLiteral("https"), 9091)})}
                                << QStringLiteral("monitoring/https:prometheus:https") << QString();
    QTest::newRow("ExternalName and portless Services are not candidates") << QList<KubeObjectPtr>{
        service(QStringLiteral("monitoring"), QStringLiteral("prometheus-operated"), {}),
        service(QStringLiteral("monitoring"), QStringLiteral("prometheus-server"), web, {},
                QStringLiteral("ExternalName"))} << QString() << QString();
    QTest::newRow("look-alikes") << QList<KubeObjectPtr>{
        service(QStringLiteral("default"), QStringLiteral("prometheus-operator"), web),
        service(QStringLiteral("default"), QStringLiteral("prometheus-server-old"), web),
        service(
            QStringLiteral("default"), QStringLiteral("my-prometheus-pushgateway"),
            web)} << QString() << QString();
}

void tst_MonitoringDiscovery::findsWellKnownServices()
{
    QFETCH(QList<KubeObjectPtr>, services);
    QFETCH(QString, prometheus);
    QFETCH(QString, alertmanager);
    const MonitoringEndpoints e = MonitoringDiscovery::discover(services, true, {}, {});
    const auto shown = [](const MonitoringEndpoint &ep) {
        return ep.isValid()
                   ? ep.location.serviceNamespace + QLatin1Char('/') + ep.serviceReference()
                   : QString();
    };
    QCOMPARE(shown(e.prometheus), prometheus);
    QCOMPARE(shown(e.alertmanager), alertmanager);
    if (e.prometheus.isValid()) {
        QCOMPARE(e.prometheus.source, MonitoringEndpoint::Source::Discovered);
        QVERIFY(!e.prometheus.isDirect());
        QVERIFY(e.prometheusSentence().contains(QStringLiteral("found automatically")));
        QVERIFY(e.noPrometheusReason().isEmpty());
    } else {
        QVERIFY(e.noPrometheusReason().startsWith(QStringLiteral("no Prometheus found")));
    }
}

void tst_MonitoringDiscovery::prefersOperatedAndMonitoringNamespace()
{
    const QList<ServicePort> web{port(QStringLiteral("web"), 9090)};
    QList<KubeObjectPtr> services{
        service(QStringLiteral("team-a"), QStringLiteral("prometheus-server"), web),
        service(QStringLiteral("team-b"), QStringLiteral("prometheus-operated"), web),
        service(QStringLiteral("monitoring"), QStringLiteral("prometheus-operated"), web),
        service(QStringLiteral("aaa"), QStringLiteral("prometheus-operated"), web),
    };
    MonitoringEndpoints e = MonitoringDiscovery::discover(services, true, {}, {});
    QCOMPARE(e.prometheus.location.serviceNamespace, QStringLiteral("monitoring"));
    QCOMPARE(e.prometheus.location.serviceName, QStringLiteral("prometheus-operated"));
    QCOMPARE(e.prometheus.location.servicePort, QStringLiteral("web"));
    QCOMPARE(e.namespacesSearched, 4);
    // Without the preferred namespace: by namespace name among equals.
    services.removeAt(2);
    e = MonitoringDiscovery::discover(services, true, {}, {});
    QCOMPARE(e.prometheus.location.serviceNamespace, QStringLiteral("aaa"));
}

void tst_MonitoringDiscovery::settingWins()
{
    const QList<KubeObjectPtr> services{service(QStringLiteral("monitoring"),
                                                QStringLiteral("prometheus-operated"),
                                                {port(QStringLiteral("web"), 9090)})};
    const Result<MonitoringTarget> url
        = MonitoringTarget::parse(QStringLiteral("http://127.0.0.1:9090/"));
    QVERIFY(url.ok());
    MonitoringEndpoints e = MonitoringDiscovery::discover(services, true, url.value(), {});
    QCOMPARE(e.prometheus.source, MonitoringEndpoint::Source::Setting);
    QVERIFY(e.prometheus.isDirect());
    QCOMPARE(e.prometheus.url, QUrl(QStringLiteral("http://127.0.0.1:9090")));
    QCOMPARE(e.prometheusSentence(),
             QStringLiteral("Prometheus: http://127.0.0.1:9090 (set for this context)"));

    const Result<MonitoringTarget> ref
        = MonitoringTarget::parse(QStringLiteral("obs/https:thanos-query:10902"));
    QVERIFY(ref.ok());
    e = MonitoringDiscovery::discover(services, true, ref.value(), ref.value());
    QCOMPARE(e.prometheus.location.serviceNamespace, QStringLiteral("obs"));
    QCOMPARE(e.prometheus.location.serviceName, QStringLiteral("thanos-query"));
    QCOMPARE(e.prometheus.location.servicePort, QStringLiteral("10902"));
    QCOMPARE(e.prometheus.location.serviceScheme, QStringLiteral("https"));
    QCOMPARE(e.alertmanager.source, MonitoringEndpoint::Source::Setting);
    QCOMPARE(e.prometheus.describe(),
             QStringLiteral("Service obs/https:thanos-query:10902 (API server proxy)"));
}

void tst_MonitoringDiscovery::nothingFoundSaysWhere()
{
    const QList<KubeObjectPtr> services{
        service(QStringLiteral("shop"), QStringLiteral("web"), {port(QStringLiteral("http"), 80)}),
        service(QStringLiteral("default"), QStringLiteral("kubernetes"),
                {port(QStringLiteral("https"), 443)})};
    MonitoringEndpoints e = MonitoringDiscovery::discover(services, true, {}, {});
    QVERIFY(!e.prometheus.isValid());
    QVERIFY(!e.alertmanager.isValid());
    const QString reason = e.noPrometheusReason();
    QVERIFY2(reason.startsWith(QStringLiteral("no Prometheus found; looked for Services "
                                              "prometheus-operated, *-kube-prometheus-prometheus")),
             qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("app=prometheus in namespaces default, shop; set one")),
             qPrintable(reason));
    QVERIFY(reason.contains(QStringLiteral("app.kubernetes.io/name=prometheus")));
    QCOMPARE(e.prometheusSentence(), reason);
    QVERIFY(e.alertmanagerSentence().contains(QStringLiteral("alertmanager-operated")));
    QCOMPARE(MonitoringProblem::noPrometheus(e).text(), reason);

    // Many namespaces: how many, not their names.
    QList<KubeObjectPtr> many;
    for (int i = 0; i < 12; ++i)
        many << service(QStringLiteral("ns-%1").arg(i), QStringLiteral("web"),
                        {port(QStringLiteral("http"), 80)});
    e = MonitoringDiscovery::discover(many, true, {}, {});
    QVERIFY2(e.noPrometheusReason().contains(QStringLiteral("in 12 namespace")),
             qPrintable(e.noPrometheusReason()));

    // Services not listed (yet, or forbidden): it says it could not look.
    e = MonitoringDiscovery::discover({}, false, {}, {});
    QVERIFY2(e.noPrometheusReason().contains(QStringLiteral("Services are not listed")),
             qPrintable(e.noPrometheusReason()));
}

void tst_MonitoringDiscovery::parsesSettings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("back"); // toString()

    QTest::newRow("empty") << QStringLiteral("  ") << true << int(MonitoringTarget::Kind::None)
                           << QString();
    QTest::newRow("url") << QStringLiteral("https://prom.example.com/prometheus") << true
                         << int(MonitoringTarget::Kind::Url)
                         << QStringLiteral("https://prom.example.com/prometheus");
    QTest::newRow("service") << QStringLiteral("monitoring/prometheus-operated:web") << true
                             << int(MonitoringTarget::Kind::Service)
                             << QStringLiteral("monitoring/prometheus-operated:web");
    QTest::newRow("service without port")
        << QStringLiteral("monitoring/prometheus") << true << int(MonitoringTarget::Kind::Service)
        << QStringLiteral("monitoring/prometheus");
    QTest::newRow("https service") << QStringLiteral("monitoring/https:prometheus:9091") << true
                                   << int(MonitoringTarget::Kind::Service)
                                   << QStringLiteral("monitoring/https:prometheus:9091");
    QTest::newRow("no namespace") << QStringLiteral("prometheus:9090") << false << 0 << QString();
    QTest::newRow("upper case") << QStringLiteral("Monitoring/Prom") << false << 0 << QString();
    QTest::newRow("url without host") << QStringLiteral("http://") << false << 0 << QString();
    QTest::newRow("other scheme") << QStringLiteral("ftp://x/y") << false << 0 << QString();
}

void tst_MonitoringDiscovery::parsesSettings()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(int, kind);
    QFETCH(QString, back);
    const Result<MonitoringTarget> t = MonitoringTarget::parse(text);
    QCOMPARE(t.ok(), ok);
    if (!ok) {
        QCOMPARE(t.error().code, Error::Code::InvalidArgument);
        QVERIFY(t.error().message.contains(text.trimmed()));
        return;
    }
    QCOMPARE(int(t->kind), kind);
    QCOMPARE(t->toString(), back);
    QCOMPARE(MonitoringTarget::parse(t->toString()).value(), t.value());
}

void tst_MonitoringDiscovery::proxyPathCarriesSchemeAndPort()
{
    QCOMPARE(
        PrometheusLocation::service(QStringLiteral("m"), QStringLiteral("p"), QStringLiteral("web"))
            .pathPrefix(),
        QStringLiteral("/api/v1/namespaces/m/services/p:web/proxy"));
    QCOMPARE(PrometheusLocation::service(QStringLiteral("m"), QStringLiteral("p"),
                                         QStringLiteral("9091"), QStringLiteral("https"))
                 .pathPrefix(),
             QStringLiteral("/api/v1/namespaces/m/services/https:p:9091/proxy"));
    // The API server splits on ':': scheme and name without a port keep the empty third part.
    QCOMPARE(PrometheusLocation::service(QStringLiteral("m"), QStringLiteral("p"), QString(),
                                         QStringLiteral("https"))
                 .pathPrefix(),
             QStringLiteral("/api/v1/namespaces/m/services/https:p:/proxy"));
}

void tst_MonitoringDiscovery::problems()
{
    MonitoringEndpoint proxied;
    proxied.source = MonitoringEndpoint::Source::Discovered;
    proxied.location = PrometheusLocation::service(
        QStringLiteral("monitoring"), QStringLiteral("prometheus-operated"), QStringLiteral("web"));
    Error forbidden(Error::Code::Forbidden, QStringLiteral("services \"prometheus-operated\" is "
                                                           "forbidden"));
    forbidden.httpStatus = 403;
    const QString query = QStringLiteral("up");
    MonitoringProblem p = MonitoringProblem::fromError(forbidden, proxied, query);
    QCOMPARE(p.kind, MonitoringProblem::Kind::Forbidden);
    QCOMPARE(p.text(), QStringLiteral("forbidden: reading Prometheus through the API server needs "
                                      "the verb \"get\" on services/proxy in namespace "
                                      "\"monitoring\""));

    MonitoringEndpoint direct;
    direct.source = MonitoringEndpoint::Source::Setting;
    direct.url = QUrl(QStringLiteral("http://127.0.0.1:9090"));
    p = MonitoringProblem::fromError(forbidden, direct, query);
    QCOMPARE(p.kind, MonitoringProblem::Kind::Forbidden);
    QVERIFY(p.text().contains(QStringLiteral("http://127.0.0.1:9090")));

    Error bad(Error::Code::InvalidArgument, QStringLiteral("bad_data: parse error at char 3"));
    bad.httpStatus = 400;
    p = MonitoringProblem::fromError(bad, proxied, QStringLiteral("rate(x["));
    QCOMPARE(p.kind, MonitoringProblem::Kind::QueryFailed);
    QCOMPARE(p.text(), QStringLiteral("the query failed: HTTP 400: bad_data: parse error at char "
                                      "3\nPromQL: rate(x["));

    p = MonitoringProblem::noSeries(QStringLiteral("sum(x{namespace=\"shop\"})"),
                                    QStringLiteral("namespace=\"shop\""));
    QCOMPARE(p.kind, MonitoringProblem::Kind::NoSeries);
    QVERIFY(
        p.text().startsWith(QStringLiteral("Prometheus has no series with namespace=\"shop\"")));
    QVERIFY(p.text().contains(QStringLiteral("PromQL: sum(x{namespace=\"shop\"})")));
}

void tst_MonitoringDiscovery::hpaHistory()
{
    QCOMPARE(HpaHistory::value(QStringLiteral("85%"), QStringLiteral("cpu")), 85.0);
    QCOMPARE(HpaHistory::value(QStringLiteral("500m"), QStringLiteral("cpu")), 0.5);
    QCOMPARE(HpaHistory::value(QStringLiteral("256Mi"), QStringLiteral("memory")), 268435456.0);
    QCOMPARE(HpaHistory::value(QStringLiteral("1500m"), QStringLiteral("requests")), 1.5);
    QVERIFY(std::isnan(HpaHistory::value(QString(), QStringLiteral("cpu"))));
    QVERIFY(std::isnan(HpaHistory::value(QStringLiteral("lots"), QStringLiteral("cpu"))));

    auto hpa = std::make_shared<KubeObject>();
    hpa->kind = Kind::HorizontalPodAutoscaler;
    hpa->namespaceName = QStringLiteral("shop");
    hpa->name = QStringLiteral("web");
    HpaData d;
    d.currentReplicas = 2;
    d.desiredReplicas = 2;
    d.metrics = {{QStringLiteral("Resource"), QStringLiteral("cpu"), QStringLiteral("Utilization"),
                  QStringLiteral("70%"), QStringLiteral("40%")}};
    hpa->data = d;

    HpaHistory h;
    h.record(*hpa, 100);
    h.record(*hpa, 115); // unchanged: the chart holds the value
    QCOMPARE(h.samples(QStringLiteral("shop"), QStringLiteral("web")).size(), 1);
    d.metrics[0].current = QStringLiteral("95%");
    d.desiredReplicas = 3;
    hpa->data = d;
    h.record(*hpa, 130);
    h.record(*hpa, 120); // older than the newest: ignored
    const QList<HpaSample> samples = h.samples(QStringLiteral("shop"), QStringLiteral("web"));
    QCOMPARE(samples.size(), 2);
    QCOMPARE(samples[1].timeSec, qint64(130));
    QCOMPARE(samples[1].current, QList<double>{95.0});
    QCOMPARE(samples[1].target, QList<double>{70.0});
    QCOMPARE(samples[1].desiredReplicas, 3);
    QCOMPARE(samples[1].currentReplicas, 2);
    QCOMPARE(h.metricNames(QStringLiteral("shop"), QStringLiteral("web")),
             QStringList{QStringLiteral("cpu")});

    // Bounded per HPA: the oldest samples go.
    for (int i = 0; i < HpaHistory::samplesPerHpa + 50; ++i) {
        d.currentReplicas = 2 + i % 3;
        hpa->data = d;
        h.record(*hpa, 200 + i);
    }
    const QList<HpaSample> kept = h.samples(QStringLiteral("shop"), QStringLiteral("web"));
    QCOMPARE(kept.size(), HpaHistory::samplesPerHpa);
    QCOMPARE(kept.last().timeSec, qint64(200 + HpaHistory::samplesPerHpa + 49));

    // Bounded in HPAs: the least recently changed go first.
    for (int i = 0; i < HpaHistory::maxHpas + 5; ++i) {
        hpa->name = QStringLiteral("hpa-%1").arg(i);
        h.record(*hpa, 1000 + i);
    }
    QVERIFY(h.hpaCount() <= HpaHistory::maxHpas);
    QVERIFY(h.samples(QStringLiteral("shop"), QStringLiteral("web")).isEmpty());
    QVERIFY(
        !h.samples(QStringLiteral("shop"), QStringLiteral("hpa-%1").arg(HpaHistory::maxHpas + 4))
             .isEmpty());
}

QTEST_GUILESS_MAIN(tst_MonitoringDiscovery)
#include "tst_monitoringdiscovery.moc"
