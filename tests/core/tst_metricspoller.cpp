// SPDX-License-Identifier: GPL-3.0-or-later
// MetricsPoller against orrery-sim's metrics.k8s.io: polls publish one batch each with pods
// and nodes decoded off the GUI thread, the history grows one sample per object per
// metrics-server sample, a namespace limits the pods, stop() drops answers still coming, and
// a server without the API gives the "no metrics-server" reason, not a bare 404.
#include "fakeapiserver.h"

#include <simprocess.h>

#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "monitoring/metricspoller.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Orrery;

class TestMetricsPoller : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    std::unique_ptr<HttpTransport> m_transport;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
        // Fast simulated time: a new metrics window every 0.75 s.
        QVERIFY2(m_sim.start({"--scenario", "microk8s-shop", "--speed", "20"}, kubeconfig),
                 qPrintable(m_sim.errorString()));
        const Kubeconfig config = Kubeconfig::load(kubeconfig);
        auto connection = config.connection(config.currentContext());
        QVERIFY(connection.ok());
        m_transport = std::make_unique<HttpTransport>(std::move(*connection));
    }

    void cleanupTestCase()
    {
        m_transport.reset();
        m_sim.stop();
    }

    void polls()
    {
        MetricsPoller poller(m_transport.get());
        poller.setInterval(300);
        QSignalSpy batches(&poller, &MetricsPoller::batchReady);
        const Qt::HANDLE gui = QThread::currentThreadId();
        Qt::HANDLE deliveredOn = nullptr;
        connect(&poller, &MetricsPoller::batchReady, this,
                [&](const MetricsBatch &) { deliveredOn = QThread::currentThreadId(); });
        poller.start();
        QTRY_VERIFY_WITH_TIMEOUT(!batches.isEmpty(), 20000);
        const MetricsBatch first = batches.first().at(0).value<MetricsBatch>();
        QVERIFY(first.nodes && first.nodes->items.size() == 1);
        const QString nodeKey = MetricsHistory::nodeKey(first.nodes->items.front().name);
        // Sample timestamps have second precision (metrics-server's): a new sample per second.
        QTRY_VERIFY_WITH_TIMEOUT(poller.history().samples(nodeKey).size() >= 3, 20000);
        poller.stop();
        QCOMPARE(deliveredOn, gui);

        const MetricsBatch batch = batches.last().at(0).value<MetricsBatch>();
        QVERIFY(batch.pods);
        QVERIFY(batch.nodes);
        QVERIFY(!batch.podsUnavailable);
        QVERIFY(!batch.nodesUnavailable);
        QVERIFY(batch.pods->items.size() >= 10);
        QCOMPARE(batch.nodes->items.size(), 1);
        QSet<QString> namespaces;
        for (const PodMetrics &p : batch.pods->items)
            namespaces.insert(p.ns);
        QVERIFY(namespaces.contains("kube-system") && namespaces.contains("default"));

        // One sample per distinct timestamp, in order: a poll that read the same sample again
        // added nothing; each kept sample is the first batch that carried its timestamp.
        const QList<MetricsSample> samples = poller.history().samples(nodeKey);
        QVERIFY(samples.size() <= batches.size());
        for (int i = 1; i < samples.size(); ++i)
            QVERIFY(samples.at(i).timeSec > samples.at(i - 1).timeSec);
        for (const MetricsSample &sample : samples) {
            bool found = false;
            for (const QList<QVariant> &args : std::as_const(batches)) {
                const NodeMetrics &n = args.at(0).value<MetricsBatch>().nodes->items.front();
                if (quint32(n.timestamp.toSecsSinceEpoch()) == sample.timeSec) {
                    QCOMPARE(sample.memoryBytes, n.memoryBytes);
                    QVERIFY(sample.cpuMilli > 0);
                    found = true;
                    break;
                }
            }
            QVERIFY(found);
        }
        const PodMetrics &pod = batch.pods->items.front();
        QVERIFY(poller.history().contains(MetricsHistory::podKey(pod.ns, pod.name)));
    }

    void oneNamespace()
    {
        MetricsPoller poller(m_transport.get());
        poller.setNamespace(QStringLiteral("kube-system"));
        QSignalSpy batches(&poller, &MetricsPoller::batchReady);
        poller.pollNow();
        poller.pollNow(); // in flight: not doubled
        QTRY_COMPARE_WITH_TIMEOUT(batches.size(), 1, 20000);
        QTest::qWait(300);
        QCOMPARE(batches.size(), 1);
        const MetricsBatch batch = batches.first().at(0).value<MetricsBatch>();
        QVERIFY(batch.pods && !batch.pods->items.isEmpty());
        for (const PodMetrics &p : batch.pods->items)
            QCOMPARE(p.ns, QStringLiteral("kube-system"));
    }

    void stopDropsAnswers()
    {
        MetricsPoller poller(m_transport.get());
        QSignalSpy batches(&poller, &MetricsPoller::batchReady);
        poller.pollNow();
        poller.stop();
        QTest::qWait(1000);
        QCOMPARE(batches.size(), 0);
        poller.pollNow(); // usable again after stop()
        QTRY_COMPARE_WITH_TIMEOUT(batches.size(), 1, 20000);
    }

    // An API server without metrics.k8s.io answers 404: the reason names metrics-server.
    void notServed()
    {
        Orrery::Test::FakeApiServer server;
        QVERIFY(server.start());
        ClusterConnection connection;
        connection.contextName = QStringLiteral("test");
        connection.server = QString::fromStdString(server.url());
        HttpTransport transport(connection);
        MetricsPoller poller(&transport);
        QSignalSpy batches(&poller, &MetricsPoller::batchReady);
        poller.pollNow();
        QTRY_COMPARE_WITH_TIMEOUT(batches.size(), 1, 20000);
        const MetricsBatch batch = batches.first().at(0).value<MetricsBatch>();
        QVERIFY(!batch.pods && !batch.nodes);
        QVERIFY(batch.podsUnavailable && batch.nodesUnavailable);
        QCOMPARE(batch.podsUnavailable->reason, MetricsUnavailable::Reason::NotServed);
        QVERIFY(batch.podsUnavailable->text().contains("no metrics-server found"));
    }
};

QTEST_GUILESS_MAIN(TestMetricsPoller)
#include "tst_metricspoller.moc"
