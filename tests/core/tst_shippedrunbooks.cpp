// SPDX-License-Identifier: GPL-3.0-or-later
// Every shipped runbook (resources/runbooks/*.yaml) played headless by the built
// `orrery --play` against orrery-sim: each step succeeds and each `expect:` entry holds, so no
// caption claims what the cluster does not show. The runbooks run in parallel, one chain per
// context on one simulator (all scenarios); runbooks that share a context would step on each
// other's workloads (the two PFE ones both drive backend-spring), so every further runbook of
// a context gets a simulator of its own scenario. One row per runbook.
#include "eventloopwait.h"
#include "runbook/runbookparser.h"
#include "simprocess.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

QString runbookDirectory()
{
    return QStringLiteral(ORRERY_TEST_DATA "/../../resources/runbooks");
}

// The scenario whose cluster a context names (resources/scenarios/*.yaml, clusterName).
QString scenarioOf(const QString &context)
{
    static const QHash<QString, QString> scenarios{
        {QStringLiteral("pfe-k8s"), QStringLiteral("pfe")},
        {QStringLiteral("aks-chat-francecentral"), QStringLiteral("aks-chat")},
        {QStringLiteral("devops-ppp-eks"), QStringLiteral("eks-devops-ppp")},
        {QStringLiteral("microk8s-cluster"), QStringLiteral("microk8s-shop")},
        {QStringLiteral("multicloud-gke-europe-west1"), QStringLiteral("multicloud")},
    };
    return scenarios.value(context);
}

struct Play
{
    QString file;
    QString context;
    QString kubeconfig;
    std::unique_ptr<QProcess> process;
    int steps = 0;
    int expectations = 0;
};

} // namespace

class tst_ShippedRunbooks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void plays_data();
    void plays();

private:
    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<Orrery::Test::SimProcess>> m_sims;
    std::vector<Play> m_plays;
};

void tst_ShippedRunbooks::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QDir dir(runbookDirectory());
    const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 5);

    // One simulator with every scenario for the first runbook of each context.
    auto shared = std::make_unique<Orrery::Test::SimProcess>();
    const QString sharedConfig = m_dir.filePath(QStringLiteral("kubeconfig-all"));
    QVERIFY2(shared->start({QStringLiteral("--scenario"), QStringLiteral("all")}, sharedConfig),
             qPrintable(shared->errorString()));
    m_sims.push_back(std::move(shared));

    QHash<QString, int> perContext;
    for (const QString &f : files) {
        auto book = RunbookParser::parseFile(dir.filePath(f));
        QVERIFY2(book.ok(), qPrintable(book.ok() ? QString() : book.error().toString()));
        QVERIFY2(!book->context.isEmpty(), qPrintable(f));
        const QString scenario = scenarioOf(book->context);
        QVERIFY2(!scenario.isEmpty(),
                 qPrintable(f + QStringLiteral(": unknown context ") + book->context));
        Play play;
        play.file = dir.filePath(f);
        play.context = book->context;
        play.steps = int(book->steps.size());
        for (const RunbookStep &step : book->steps)
            play.expectations += int(step.expectations.size());
        if (perContext[book->context]++ == 0) {
            play.kubeconfig = sharedConfig;
        } else {
            auto own = std::make_unique<Orrery::Test::SimProcess>();
            play.kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig-") + f);
            QVERIFY2(own->start({QStringLiteral("--scenario"), scenario}, play.kubeconfig),
                     qPrintable(own->errorString()));
            m_sims.push_back(std::move(own));
        }
        m_plays.push_back(std::move(play));
    }

    // All at once: the runbooks' own waits dominate, not the CPU.
    for (Play &play : m_plays) {
        play.process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        play.process->setProcessEnvironment(env);
        play.process->start(QStringLiteral(ORRERY_APP_BINARY),
                            {QStringLiteral("--play"), play.file, QStringLiteral("--kubeconfig"),
                             play.kubeconfig, QStringLiteral("--context"), play.context});
    }
}

void tst_ShippedRunbooks::cleanupTestCase()
{
    for (Play &play : m_plays)
        if (play.process && play.process->state() != QProcess::NotRunning) {
            play.process->kill();
            play.process->waitForFinished(5000);
        }
    for (auto &sim : m_sims)
        sim->stop();
}

void tst_ShippedRunbooks::plays_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < int(m_plays.size()); ++i)
        QTest::newRow(qPrintable(QFileInfo(m_plays[i].file).fileName())) << i;
}

void tst_ShippedRunbooks::plays()
{
    QFETCH(int, index);
    Play &play = m_plays[index];
    QProcess *p = play.process.get();
    const bool done = waitUntil([p] { return p->state() == QProcess::NotRunning; }, 400000);
    const QString out = QString::fromUtf8(p->readAllStandardOutput());
    const QString err = QString::fromUtf8(p->readAllStandardError());
    const QString dump = out + QStringLiteral("\n--- stderr:\n") + err;
    QVERIFY2(done, qPrintable(dump));
    QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0, qPrintable(dump));
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // Header, one line per step, one per expectation, the summary.
    QCOMPARE(lines.size(), 1 + play.steps + play.expectations + 1);
    QVERIFY(play.expectations > 0); // every shipped runbook checks what it says
    int holds = 0;
    for (const QString &line : lines) {
        QVERIFY2(!line.contains(QLatin1String("FAILED")), qPrintable(dump));
        holds += line.startsWith(QLatin1String("      expect "))
                 && line.contains(QLatin1String(": holds"));
    }
    QCOMPARE(holds, play.expectations);
}

QTEST_GUILESS_MAIN(tst_ShippedRunbooks)
#include "tst_shippedrunbooks.moc"
