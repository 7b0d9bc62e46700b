// SPDX-License-Identifier: GPL-3.0-or-later
// The details pane's Metrics tab against orrery-sim: a node's CPU and memory over the samples
// the session's MetricsPoller kept (metrics.k8s.io), the same figures as the history; hidden
// for kinds metrics-server does not measure; the reason in words when there is no sample.
#include "eventloopwait.h"
#include "simwindowfixture.h"
#include <charts/timeserieschart.h>
#include <detailspane.h>
#include <metricshistoryview.h>
#include <timeseriesmodel.h>

#include <kube/resourcestore.h>
#include <monitoring/metricspoller.h>
#include <monitoring/metricssnapshot.h>

#include <QTabWidget>
#include <QTest>

using namespace Orrery;
using Orrery::Test::waitUntil;

class TestMetricsHistorySim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    // No JSON decoded on the GUI thread (DecodeGuard), checked after every test.
    void cleanup();
    void nodeChartsShowTheKeptSamples();
    void noSampleSaysWhy();

private:
    Orrery::Test::SimWindowFixture m_ui;
};

void TestMetricsHistorySim::initTestCase()
{
    QVERIFY2(m_ui.start(QStringLiteral("microk8s-shop")), qPrintable(m_ui.error));
}

void TestMetricsHistorySim::cleanupTestCase()
{
    m_ui.stop();
}

void TestMetricsHistorySim::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

void TestMetricsHistorySim::nodeChartsShowTheKeptSamples()
{
    MetricsPoller poller(m_ui.session->transport());
    std::shared_ptr<const MetricsSnapshot> snapshot;
    connect(&poller, &MetricsPoller::batchReady, this,
            [&](const MetricsBatch &batch) { snapshot = MetricsSnapshot::fromBatch(batch); });
    poller.start();
    QVERIFY(waitUntil([&] { return snapshot != nullptr; }, 20000));
    QVERIFY2(!snapshot->nodesUnavailable, qPrintable(snapshot->nodesUnavailable->text()));

    const QList<KubeObjectPtr> nodes = m_ui.session->store()->objects(Kind::Node);
    QVERIFY(!nodes.isEmpty());
    const KubeObjectPtr node = nodes.first();
    const QList<MetricsSample> kept = poller.history().samples(MetricsHistory::nodeKey(node->name));
    QVERIFY(!kept.isEmpty());

    DetailsPane pane;
    pane.setSession(m_ui.session);
    pane.setMetricsHistory(&poller);
    pane.setMetrics(snapshot);
    pane.setObject(node);
    auto *tabs = pane.findChild<QTabWidget *>();
    QVERIFY(tabs);
    QVERIFY(tabs->isTabVisible(DetailsPane::MetricsTab));
    auto *view = pane.findChild<MetricsHistoryView *>();
    QVERIFY(view);
    QCOMPARE(view->cpuSeries()->pointCount(0), int(kept.size()));
    const int last = int(kept.size()) - 1;
    QCOMPARE(view->cpuSeries()->pointAt(0, last).value, double(kept.last().cpuMilli) / 1000.0);
    QCOMPARE(view->memorySeries()->pointAt(0, last).value, double(kept.last().memoryBytes));
    QCOMPARE(view->cpuSeries()->pointAt(0, last).msecs, qint64(kept.last().timeSec) * 1000);

    // Not a kind metrics-server measures: no Metrics tab.
    const QList<KubeObjectPtr> configMaps = m_ui.session->store()->objects(Kind::ConfigMap);
    QVERIFY(!configMaps.isEmpty());
    pane.setObject(configMaps.first());
    QVERIFY(!tabs->isTabVisible(DetailsPane::MetricsTab));
    QCOMPARE(view->cpuSeries()->pointCount(0), 0);
}

void TestMetricsHistorySim::noSampleSaysWhy()
{
    // A pod the poller never saw: the charts are empty and say why, in metrics-server's words.
    auto pod = std::make_shared<KubeObject>();
    pod->kind = Kind::Pod;
    pod->name = QStringLiteral("not-polled");
    pod->namespaceName = QStringLiteral("shop");
    pod->uid = QStringLiteral("u-not-polled");
    MetricsPoller poller(m_ui.session->transport()); // never started: no history
    DetailsPane pane;
    pane.setMetricsHistory(&poller);
    pane.setMetrics(std::make_shared<MetricsSnapshot>());
    pane.setObject(pod);
    auto *view = pane.findChild<MetricsHistoryView *>();
    QVERIFY(view);
    QCOMPARE(view->cpuSeries()->pointCount(0), 0);
    const QString reason = MetricsSnapshot().podReason(pod->namespaceName, pod->name).text();
    QVERIFY(!reason.isEmpty());
    QCOMPARE(view->cpuChart()->emptyReason(), reason);
}

QTEST_MAIN(TestMetricsHistorySim)
#include "tst_metricshistory_sim.moc"
