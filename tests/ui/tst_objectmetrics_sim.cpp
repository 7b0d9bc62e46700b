// SPDX-License-Identifier: GPL-3.0-or-later
// The details pane's Metrics tab (ObjectMetricsView) against orrery-sim and the real Debian
// Prometheus scraping it (tests/support/prometheusservers): a Deployment's charts are its pods
// summed with each pod under the total, and every point is what Prometheus answers for the
// PromQL the chart shows, at the same steps; an HPA's chart has its metric, target and
// replicas; without a working Prometheus (the scenario's own prometheus Service, found by
// discovery, which orrery-sim does not proxy) the tab says why and shows metrics-server's
// samples. No JSON is decoded on the GUI thread (DecodeGuard).
#include "eventloopwait.h"
#include "prometheusservers.h"
#include "simwindowfixture.h"
#include <charts/timeserieschart.h>
#include <detailspane.h>
#include <objectmetricsview.h>
#include <timeseriesmodel.h>

#include <kube/httptransport.h>
#include <kube/resourcestore.h>
#include <monitoring/hpahistory.h>
#include <monitoring/metricspoller.h>
#include <monitoring/metricssnapshot.h>
#include <monitoring/monitoringsource.h>

#include <QApplication>
#include <QClipboard>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QUrl>

#include <cmath>

using namespace Orrery;
using Orrery::Test::waitUntil;

class TestObjectMetricsSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void deploymentAgreesWithPrometheus();
    void hpaExplained();
    void withoutPrometheusSaysWhy();

private:
    // The same range query the view ran, asked by the test through its own client.
    Result<PrometheusResult> rangeQuery(const QString &promql, qint64 end, qint64 step,
                                        qint64 rangeSeconds);
    // Waits until every chart of `view` has an answer and `ready` holds (re-querying).
    bool refreshUntil(ObjectMetricsView &view, const std::function<bool()> &ready);

    Orrery::Test::SimWindowFixture m_ui;
    Orrery::Test::PrometheusProcess m_prometheus;
    bool m_hasPrometheus = false;
};

void TestObjectMetricsSim::initTestCase()
{
    QVERIFY2(
        m_ui.start(QStringLiteral("pfe"), {QStringLiteral("--metrics-port"), QStringLiteral("0")}),
        qPrintable(m_ui.error));
    if (Orrery::Test::PrometheusProcess::binary().isEmpty())
        return; // the Prometheus tests skip; the fallback test runs
    const QUrl metrics(m_ui.sim.metricsUrls().value(QStringLiteral("pfe-k8s")));
    QVERIFY2(metrics.port() > 0, qPrintable(m_ui.sim.metricsUrls().keys().join(u',')));
    Orrery::Test::PrometheusProcess::Options options;
    options.scrapeTargets = {QStringLiteral("127.0.0.1:%1").arg(metrics.port())};
    QVERIFY2(m_prometheus.start(options), qPrintable(m_prometheus.errorString()));
    m_hasPrometheus = true;
}

void TestObjectMetricsSim::cleanupTestCase()
{
    m_prometheus.stop();
    m_ui.stop();
}

void TestObjectMetricsSim::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

Result<PrometheusResult> TestObjectMetricsSim::rangeQuery(const QString &promql, qint64 end,
                                                          qint64 step, qint64 rangeSeconds)
{
    ClusterConnection c;
    c.server = m_prometheus.url();
    HttpTransport transport(c);
    PrometheusClient client(&transport, PrometheusLocation::direct());
    std::optional<Result<PrometheusResult>> answer;
    QObject receiver;
    client.queryRange(promql, QDateTime::fromSecsSinceEpoch(end - rangeSeconds),
                      QDateTime::fromSecsSinceEpoch(end), double(step), &receiver,
                      [&](const Result<PrometheusResult> &r) { answer = r; });
    if (!waitUntil([&] { return answer.has_value(); }, 20000))
        return Error(Error::Code::Timeout, QStringLiteral("no answer"));
    return *answer;
}

bool TestObjectMetricsSim::refreshUntil(ObjectMetricsView &view, const std::function<bool()> &ready)
{
    QSignalSpy updated(&view, &ObjectMetricsView::chartsUpdated);
    for (int attempt = 0; attempt < 40; ++attempt) {
        if (!updated.wait(20000))
            return false;
        if (ready())
            return true;
        QTest::qWait(1000); // let Prometheus scrape again
        view.refresh();
    }
    return false;
}

void TestObjectMetricsSim::deploymentAgreesWithPrometheus()
{
    if (!m_hasPrometheus)
        QSKIP("prometheus is not installed (scripts/deps.sh installs the Debian package)");
    MonitoringSource source(m_ui.session);
    source.setSettings(MonitoringTarget::parse(m_prometheus.url()).value(), {});
    QVERIFY(source.prometheus());
    QCOMPARE(source.endpoints().prometheus.source, MonitoringEndpoint::Source::Setting);

    const KubeObjectPtr deployment = m_ui.session->store()->object(
        Kind::Deployment, QStringLiteral("pfe-app"), QStringLiteral("backend-spring"));
    QVERIFY(deployment);

    ObjectMetricsView view;
    view.setStore(m_ui.session->store());
    view.setSource(&source);
    view.setRange(TimeSeriesChart::Range::Minutes15);
    view.resize(900, 1400);
    view.show();
    view.showObject(deployment, {});
    QVERIFY(view.isUsingPrometheus());
    QCOMPARE(view.chartIds(), (QStringList{QStringLiteral("cpu"), QStringLiteral("memory"),
                                           QStringLiteral("network"), QStringLiteral("restarts")}));
    QVERIFY2(view.endpointText().contains(m_prometheus.url()), qPrintable(view.endpointText()));

    // Until every pod's CPU rate has a value (two scrapes inside the rate window).
    // The simulator creates the Deployment's pods a moment after it starts.
    QStringList pods;
    QVERIFY(waitUntil(
        [&] {
            pods.clear();
            for (const KubeObjectPtr &p :
                 m_ui.session->store()->objects(Kind::Pod, QStringLiteral("pfe-app"))) {
                if (p->name.startsWith(QStringLiteral("backend-spring-")))
                    pods << p->name;
            }
            return !pods.isEmpty();
        },
        30000));
    const TimeSeriesModel *cpu = view.chartModel(QStringLiteral("cpu"));
    QVERIFY(cpu);
    QVERIFY(refreshUntil(
        view, [&] { return cpu->seriesCount() >= pods.size() + 1 && cpu->pointCount(0) >= 3; }));

    // The PromQL shown is the query run, and the Copy button copies it.
    const QString cpuQuery = QStringLiteral(
        "sum by (pod) (rate(container_cpu_usage_seconds_total{namespace=\"pfe-app\","
        "pod=~\"backend-spring-[a-z0-9]+-[a-z0-9]+\",container!=\"\"}[60s]))");
    QCOMPARE(view.promql(QStringLiteral("cpu")), cpuQuery);
    auto *label = view.findChild<QPlainTextEdit *>(QStringLiteral("promql:cpu"));
    QVERIFY(label);
    QCOMPARE(label->toPlainText(), cpuQuery);
    QToolButton *copy = nullptr;
    for (QToolButton *b : label->parentWidget()->findChildren<QToolButton *>()) {
        if (b->text() == QLatin1String("Copy PromQL"))
            copy = b;
    }
    QVERIFY(copy);
    copy->click();
    QCOMPARE(QApplication::clipboard()->text(), cpuQuery);

    // Breakdown: the total first, then one member per pod of the Deployment (and pods of the
    // range that are gone, if the HPA scaled down meanwhile).
    QVERIFY(cpu->info(0).total);
    QStringList members;
    for (int s = 1; s < cpu->seriesCount(); ++s)
        members << cpu->info(s).label;
    for (const QString &pod : std::as_const(pods))
        QVERIFY2(members.contains(pod), qPrintable(members.join(u',')));
    for (const QString &member : std::as_const(members))
        QVERIFY2(member.startsWith(QStringLiteral("backend-spring-")), qPrintable(member));
    QCOMPARE(view.chart(QStringLiteral("cpu"))->mode(), TimeSeriesChart::Mode::Breakdown);

    // Every point is Prometheus' answer to the same query at the same step. Only the newest
    // step may differ by one scrape arriving in between, so it is left out.
    const qint64 rangeSeconds = 15 * 60;
    for (const QString &id : {QStringLiteral("cpu"), QStringLiteral("memory")}) {
        const TimeSeriesModel *model = view.chartModel(id);
        const Result<PrometheusResult> answer
            = rangeQuery(view.promql(id), view.queryEnd(), view.queryStep(), rangeSeconds);
        QVERIFY2(answer.ok(), qPrintable(answer.ok() ? QString() : answer.error().toString()));
        QCOMPARE(answer->series.size(), model->seriesCount() - 1);
        int compared = 0;
        for (const PrometheusSeries &s : answer->series) {
            const int index
                = model->indexOf(QStringLiteral("pod/") + s.labels.value(QStringLiteral("pod")));
            QVERIFY2(index > 0, qPrintable(s.labels.value(QStringLiteral("pod"))));
            for (const PrometheusSample &sample : s.samples) {
                const qint64 msecs = qint64(std::llround(sample.time * 1000));
                if (msecs / 1000 >= view.queryEnd())
                    continue; // the newest step (a scrape may land meanwhile)
                const int i = model->indexAtOrBefore(index, msecs);
                QVERIFY(i >= 0);
                QCOMPARE(model->pointAt(index, i).msecs, msecs);
                QCOMPARE(model->pointAt(index, i).value, sample.value);
                ++compared;
            }
        }
        QVERIFY2(compared >= 2, qPrintable(id));
        // The total is the pods' sum at each step.
        for (int i = 0; i < model->pointCount(0); ++i) {
            const TimeSeriesModel::Point t = model->pointAt(0, i);
            double sum = 0;
            for (int s = 1; s < model->seriesCount(); ++s) {
                const int j = model->indexAtOrBefore(s, t.msecs);
                if (j >= 0 && model->pointAt(s, j).msecs == t.msecs)
                    sum += model->pointAt(s, j).value;
            }
            QVERIFY(std::abs(sum - t.value) <= 1e-9 * std::max(1.0, std::abs(sum)));
        }
    }
    // CPU is in cores and positive; memory in bytes.
    QVERIFY(cpu->pointAt(0, cpu->pointCount(0) - 1).value > 0);
    QCOMPARE(cpu->info(0).unit, MetricUnit::Cores);
    QCOMPARE(view.chartModel(QStringLiteral("memory"))->info(0).unit, MetricUnit::Bytes);

    // Another range: the step and the rate window follow it.
    view.setRange(TimeSeriesChart::Range::Hour1);
    QVERIFY(refreshUntil(view, [&] { return cpu->seriesCount() > 0; }));
    QCOMPARE(view.queryStep(), qint64(15));
    QVERIFY(view.promql(QStringLiteral("cpu")).contains(QStringLiteral("[60s]")));
    view.setRange(TimeSeriesChart::Range::Days7);
    QVERIFY(refreshUntil(view, [&] { return true; }));
    QCOMPARE(view.queryStep(), qint64(3600));
    QVERIFY(view.promql(QStringLiteral("cpu")).contains(QStringLiteral("[14400s]")));
}

void TestObjectMetricsSim::hpaExplained()
{
    if (!m_hasPrometheus)
        QSKIP("prometheus is not installed (scripts/deps.sh installs the Debian package)");
    MonitoringSource source(m_ui.session);
    source.setSettings(MonitoringTarget::parse(m_prometheus.url()).value(), {});
    const KubeObjectPtr hpa
        = m_ui.session->store()->object(Kind::HorizontalPodAutoscaler, QStringLiteral("pfe-app"),
                                        QStringLiteral("backend-spring-hpa"));
    QVERIFY(hpa);
    ObjectMetricsView view;
    view.setSource(&source);
    view.setRange(TimeSeriesChart::Range::Minutes15);
    view.resize(900, 900);
    view.show();
    view.showObject(hpa, {});
    QVERIFY(view.chartIds().contains(QStringLiteral("hpa/cpu")));
    const TimeSeriesModel *model = view.chartModel(QStringLiteral("hpa/cpu"));
    QVERIFY(model);
    QCOMPARE(model->seriesCount(), 4);
    QVERIFY(refreshUntil(view, [&] {
        for (int s = 0; s < 4; ++s) {
            if (model->pointCount(s) == 0)
                return false;
        }
        return true;
    }));
    // The target is the HPA's spec (70 % CPU utilisation); the replicas are its status.
    const int target = model->indexOf(QStringLiteral("hpa/cpu/target"));
    QVERIFY(target >= 0);
    QCOMPARE(model->pointAt(target, model->pointCount(target) - 1).value, 70.0);
    const int current = model->indexOf(QStringLiteral("hpa/replicas/current"));
    QVERIFY(model->pointAt(current, model->pointCount(current) - 1).value >= 2);
    QVERIFY(view.promql(QStringLiteral("hpa/cpu"))
                .contains(QStringLiteral("kube_horizontalpodautoscaler_spec_target_metric{"
                                         "namespace=\"pfe-app\",horizontalpodautoscaler="
                                         "\"backend-spring-hpa\",metric_name=\"cpu\","
                                         "metric_target_type=\"utilization\"}")));
}

void TestObjectMetricsSim::withoutPrometheusSaysWhy()
{
    // The scenario has a Service monitoring/prometheus: discovery finds it, and orrery-sim's
    // service proxy has nothing behind it here (kube-apiserver's 503 "no endpoints
    // available"), so every query fails and the tab says so.
    MonitoringSource source(m_ui.session);
    QVERIFY(source.prometheus());
    QCOMPARE(source.endpoints().prometheus.source, MonitoringEndpoint::Source::Discovered);
    QCOMPARE(source.endpoints().prometheus.describe(),
             QStringLiteral("Service monitoring/prometheus:web (API server proxy)"));

    MetricsPoller poller(m_ui.session->transport());
    std::shared_ptr<const MetricsSnapshot> snapshot;
    connect(&poller, &MetricsPoller::batchReady, this,
            [&](const MetricsBatch &batch) { snapshot = MetricsSnapshot::fromBatch(batch); });
    poller.start();
    QVERIFY(waitUntil([&] { return snapshot != nullptr; }, 20000));

    DetailsPane pane;
    pane.setSession(m_ui.session);
    pane.setMetricsHistory(&poller);
    pane.setMetrics(snapshot);
    pane.setMonitoringSource(&source);
    pane.resize(900, 900);
    pane.show();
    auto *view = pane.findChild<ObjectMetricsView *>();
    QVERIFY(view);
    QSignalSpy updated(view, &ObjectMetricsView::chartsUpdated);
    const KubeObjectPtr deployment = m_ui.session->store()->object(
        Kind::Deployment, QStringLiteral("pfe-app"), QStringLiteral("backend-spring"));
    pane.setObject(deployment);
    auto *tabs = pane.findChild<QTabWidget *>();
    QVERIFY(tabs->isTabVisible(DetailsPane::MetricsTab));
    QVERIFY(waitUntil([&] { return !view->isUsingPrometheus(); }, 20000));
    const QString text = view->endpointText();
    QVERIFY2(text.startsWith(QStringLiteral("Prometheus: Service monitoring/prometheus:web (API "
                                            "server proxy) (found automatically), but the query "
                                            "failed: HTTP 503")),
             qPrintable(text));
    QVERIFY2(text.contains(
                 QStringLiteral("PromQL: sum by (pod) (rate(container_cpu_usage_seconds_total")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Showing metrics-server's samples (CPU and memory")));
    // The fallback: the Deployment's pods from the kept metrics-server samples, summed.
    QCOMPARE(view->chartIds(), (QStringList{QStringLiteral("cpu"), QStringLiteral("memory")}));
    const TimeSeriesModel *cpu = view->chartModel(QStringLiteral("cpu"));
    QVERIFY(cpu->seriesCount() >= 3); // the total and the two pods
    QVERIFY(cpu->info(0).total);
    const QString podName = cpu->info(1).label;
    const QList<MetricsSample> kept
        = poller.history().samples(MetricsHistory::podKey(QStringLiteral("pfe-app"), podName));
    QVERIFY(!kept.isEmpty());
    QCOMPARE(cpu->pointAt(1, cpu->pointCount(1) - 1).value, double(kept.last().cpuMilli) / 1000.0);

    // An HPA without Prometheus: the status Orrery recorded from the informer (HpaHistory).
    const KubeObjectPtr hpa
        = m_ui.session->store()->object(Kind::HorizontalPodAutoscaler, QStringLiteral("pfe-app"),
                                        QStringLiteral("backend-spring-hpa"));
    QVERIFY(hpa);
    pane.setObject(hpa);
    QVERIFY(waitUntil(
        [&] {
            return !view->isUsingPrometheus()
                   && view->chartIds()
                          == QStringList{QStringLiteral("hpa/cpu"), QStringLiteral("hpa/memory")};
        },
        20000));
    QVERIFY2(view->endpointText().contains(QStringLiteral("Showing the HPA's status")),
             qPrintable(view->endpointText()));
    const QList<HpaSample> recorded = source.hpaHistory().samples(
        QStringLiteral("pfe-app"), QStringLiteral("backend-spring-hpa"));
    QVERIFY(!recorded.isEmpty());
    const TimeSeriesModel *hpaModel = view->chartModel(QStringLiteral("hpa/cpu"));
    const int target = hpaModel->indexOf(QStringLiteral("hpa/cpu/target"));
    const int replicas = hpaModel->indexOf(QStringLiteral("hpa/replicas/current"));
    QVERIFY(target >= 0 && replicas >= 0);
    QVERIFY(hpaModel->pointCount(target) > 0);
    QCOMPARE(hpaModel->pointAt(target, hpaModel->pointCount(target) - 1).value, 70.0);
    QCOMPARE(hpaModel->pointAt(replicas, hpaModel->pointCount(replicas) - 1).value,
             double(recorded.last().currentReplicas));

    // A kind without charts has no Metrics tab.
    const QList<KubeObjectPtr> configMaps = m_ui.session->store()->objects(Kind::ConfigMap);
    QVERIFY(!configMaps.isEmpty());
    pane.setObject(configMaps.first());
    QVERIFY(!tabs->isTabVisible(DetailsPane::MetricsTab));
}

QTEST_MAIN(TestObjectMetricsSim)
#include "tst_objectmetrics_sim.moc"
