// SPDX-License-Identifier: GPL-3.0-or-later
// The workload tables' CPU and memory columns against orrery-sim, judged by real kubectl: each
// Deployment's CPU is the sum of the CPU column of `kubectl top pod` over its pods (found
// through the ReplicaSets' owner references as kubectl lists them) and its memory the pods'
// bytes summed, so within one Mi per pod of the sum of kubectl's (each rounded down).
// The simulator's figures change once per 15 s window of its clock: the comparison is made
// when a kubectl run before and one after Orrery's poll agree.
#include "eventloopwait.h"
#include "simwindowfixture.h"

#include <mainwindow.h>
#include <metricscolumns.h>
#include <resourcebrowser.h>
#include <resourcetablemodel.h>
#include <workloadusage.h>

#include <kube/resourcestore.h>
#include <monitoring/metricspoller.h>
#include <monitoring/metricssnapshot.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Orrery;
using Orrery::Test::waitUntil;

class TestWorkloadMetricsSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void deploymentsAreTheirPodsSummed();
    void hiddenTableTakesMetricsWhenShown();

private:
    QString kubectl(const QStringList &args);
    Orrery::Test::SimWindowFixture m_ui;
};

void TestWorkloadMetricsSim::initTestCase()
{
    QVERIFY2(!QStandardPaths::findExecutable("kubectl").isEmpty(), "kubectl is not installed");
    QVERIFY2(m_ui.start(QStringLiteral("microk8s-shop")), qPrintable(m_ui.error));
}

void TestWorkloadMetricsSim::cleanupTestCase()
{
    m_ui.stop();
}

void TestWorkloadMetricsSim::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

QString TestWorkloadMetricsSim::kubectl(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_ui.dir.path());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("kubectl"),
            QStringList{"--kubeconfig", m_ui.kubeconfig, "--context", m_ui.context} + args);
    // Waited for in the event loop, so the session's watches keep being served.
    waitUntil([&] { return p.state() == QProcess::NotRunning; }, 60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

void TestWorkloadMetricsSim::deploymentsAreTheirPodsSummed()
{
    // Ownership as kubectl lists it: pod → ReplicaSet → Deployment.
    QHash<QString, QString> deploymentOfRs; // "ns/rs" → "ns/deployment"
    for (const QString &line : kubectl({"get", "rs", "-A", "--no-headers", "-o",
                                        "custom-columns=NS:.metadata.namespace,NAME:.metadata.name,"
                                        "OWNER:.metadata.ownerReferences[0].name"})
                                   .split('\n', Qt::SkipEmptyParts)) {
        const QStringList f = line.simplified().split(' ');
        if (f.size() == 3 && f[2] != QLatin1String("<none>"))
            deploymentOfRs.insert(f[0] + '/' + f[1], f[0] + '/' + f[2]);
    }
    QHash<QString, QString> deploymentOfPod; // "ns/pod" → "ns/deployment"
    for (const QString &line : kubectl({"get", "pods", "-A", "--no-headers", "-o",
                                        "custom-columns=NS:.metadata.namespace,NAME:.metadata.name,"
                                        "KIND:.metadata.ownerReferences[0].kind,"
                                        "OWNER:.metadata.ownerReferences[0].name"})
                                   .split('\n', Qt::SkipEmptyParts)) {
        const QStringList f = line.simplified().split(' ');
        if (f.size() == 4 && f[2] == QLatin1String("ReplicaSet"))
            if (const QString d = deploymentOfRs.value(f[0] + '/' + f[3]); !d.isEmpty())
                deploymentOfPod.insert(f[0] + '/' + f[1], d);
    }
    QVERIFY(!deploymentOfPod.isEmpty());

    // Figures change at every 15 s window and whenever the load moves the replica count; on a
    // busy machine two kubectl runs can take several seconds, so try for up to three minutes.
    QElapsedTimer tried;
    tried.start();
    for (int attempt = 0; attempt < 40 && tried.elapsed() < 180000; ++attempt) {
        const QString before = kubectl({"top", "pod", "-A", "--no-headers"});
        MetricsPoller poller(m_ui.session->transport());
        std::shared_ptr<const MetricsSnapshot> snapshot;
        connect(&poller, &MetricsPoller::batchReady, this,
                [&](const MetricsBatch &batch) { snapshot = MetricsSnapshot::fromBatch(batch); });
        poller.start();
        QVERIFY(waitUntil([&] { return snapshot != nullptr; }, 20000));
        poller.stop();
        const QString after = kubectl({"top", "pod", "-A", "--no-headers"});
        if (before != after || before.isEmpty())
            continue; // a 15 s window boundary fell in between: take it again

        struct Sum
        {
            qint64 cpuMilli = 0;
            qint64 memoryMi = 0;
            int pods = 0;
        };
        QHash<QString, Sum> expected; // "ns/deployment" → kubectl's cells summed
        for (const QString &line : before.split('\n', Qt::SkipEmptyParts)) {
            const QStringList f = line.simplified().split(' ');
            QCOMPARE(f.size(), 4);
            const QString deployment = deploymentOfPod.value(f[0] + '/' + f[1]);
            if (deployment.isEmpty())
                continue;
            QVERIFY(f[2].endsWith('m') && f[3].endsWith("Mi"));
            Sum &s = expected[deployment];
            s.cpuMilli += f[2].chopped(1).toLongLong();
            s.memoryMi += f[3].chopped(2).toLongLong();
            ++s.pods;
        }
        QVERIFY(!expected.isEmpty());

        const auto usage = WorkloadUsage::compute(*m_ui.session->store(), snapshot);
        ResourceTableModel table(Kind::Deployment);
        table.setStore(m_ui.session->store());
        table.setMetrics(snapshot);
        const int cpuColumn = table.firstMetricsColumn();
        const int memoryColumn = cpuColumn + 3;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const int slash = int(it.key().indexOf('/'));
            const KubeObjectPtr deployment = m_ui.session->store()->object(
                Kind::Deployment, it.key().left(slash), it.key().mid(slash + 1));
            QVERIFY2(deployment, qPrintable(it.key()));
            const WorkloadUsage::Sum *sum = usage->find(*deployment);
            QVERIFY2(sum, qPrintable(it.key()));
            QCOMPARE(sum->sampled, it->pods);
            QCOMPARE(sum->cpuMillicores, it->cpuMilli);
            const qint64 mi = sum->memoryBytes >> 20;
            QVERIFY2(mi >= it->memoryMi && mi < it->memoryMi + it->pods,
                     qPrintable(QStringLiteral("%1: %2Mi against kubectl's %3Mi over %4 pods")
                                    .arg(it.key())
                                    .arg(mi)
                                    .arg(it->memoryMi)
                                    .arg(it->pods)));
            // The table shows the same sum.
            const int row = table.rowOf(it.key());
            QVERIFY(row >= 0);
            QCOMPARE(table.index(row, cpuColumn).data().toString(),
                     QString::number(it->cpuMilli) + 'm');
            QCOMPARE(table.index(row, memoryColumn).data().toString(),
                     QString::number(mi) + QStringLiteral("Mi"));
        }
        return;
    }
    QFAIL("kubectl never printed the same twice around Orrery's poll");
}

// The resource table behind another page (the topology) does not take each snapshot (no
// re-sort, no sums every 15 s): it takes the latest when shown again.
void TestWorkloadMetricsSim::hiddenTableTakesMetricsWhenShown()
{
    Orrery::Test::WindowUnderTest w(m_ui);
    MainWindow &window = w.window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateContext(m_ui.context);
    ResourceBrowser *browser = window.resourceBrowser();
    std::shared_ptr<const MetricsSnapshot> latest;
    connect(browser, &ResourceBrowser::metricsChanged, this,
            [&](std::shared_ptr<const MetricsSnapshot> s) { latest = std::move(s); });
    QVERIFY(waitUntil([&] { return latest != nullptr; }, 30000));
    QVERIFY(browser->isVisible());
    QCOMPARE(browser->tableModel()->metrics(), latest.get());

    window.addCentralPage(QStringLiteral("Elsewhere"), new QWidget);
    QVERIFY(window.showCentralPage(QStringLiteral("Elsewhere")));
    QVERIFY(!browser->isVisible());
    const std::shared_ptr<const MetricsSnapshot> shown = latest;
    auto *poller = window.activeSession()->findChild<MetricsPoller *>();
    QVERIFY(poller);
    poller->pollNow();
    QVERIFY(waitUntil([&] { return latest != shown; }, 30000));
    QCOMPARE(browser->tableModel()->metrics(), shown.get()); // hidden: kept for later

    window.selectKind(Kind::Pod);
    QVERIFY(browser->isVisible());
    QCOMPARE(browser->tableModel()->metrics(), latest.get());
}

QTEST_MAIN(TestWorkloadMetricsSim)
#include "tst_workloadmetrics_sim.moc"
