// SPDX-License-Identifier: GPL-3.0-or-later
// `kubectl rollout status` messages and the crash-loop detector over fixtures.
#include "kube/actions/crashloopdetector.h"
#include "kube/actions/rolloutstatus.h"

#include <QFile>
#include <QTest>

using namespace Orrery;

namespace {

nlohmann::json load(const QString &name)
{
    QFile f(QStringLiteral(ORRERY_TEST_DATA "/rollback/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return nlohmann::json::parse(f.readAll().toStdString());
}

} // namespace

class tst_RolloutStatus : public QObject
{
    Q_OBJECT

private slots:
    void evaluate_data()
    {
        QTest::addColumn<int>("index");
        const nlohmann::json cases = load(QStringLiteral("rolloutstatus-cases.json"));
        QVERIFY(cases.size() >= 10);
        for (size_t i = 0; i < cases.size(); ++i)
            QTest::newRow(cases[i]["name"].get<std::string>().c_str()) << int(i);
    }

    void evaluate()
    {
        QFETCH(int, index);
        const nlohmann::json c = load(QStringLiteral("rolloutstatus-cases.json"))[size_t(index)];
        const RolloutStatus s = RolloutStatus::evaluate(c["object"]);
        QCOMPARE(s.message, QString::fromStdString(c["message"].get<std::string>()));
        const std::string state = c["state"].get<std::string>();
        QCOMPARE(s.done(), state == "done");
        QCOMPARE(s.failed(), state == "failed");
    }

    void newReplicaSetName()
    {
        const nlohmann::json c = load(QStringLiteral("rolloutstatus-cases.json"))[1];
        const RolloutStatus s = RolloutStatus::evaluate(
            c["object"], nlohmann::json{{"metadata", {{"name", "web-5d9c"}}}});
        QCOMPARE(s.newReplicaSet, QStringLiteral("web-5d9c"));
    }

    void crashLoops()
    {
        const QList<ContainerProblem> problems
            = CrashLoopDetector::detect(load(QStringLiteral("pods-crashloop.json")));
        QStringList got;
        for (const ContainerProblem &p : problems)
            got << QStringLiteral("%1/%2 %3 %4 exit=%5")
                       .arg(p.pod, p.container, p.reason)
                       .arg(p.restarts)
                       .arg(p.lastExitCode);
        QCOMPARE(got, (QStringList{
                          "web-crash/web CrashLoopBackOff 5 exit=1",
                          "web-between/web CrashLoopBackOff 4 exit=137",
                          "web-pull/web ImagePullBackOff 0 exit=0",
                          "web-init/migrate CrashLoopBackOff 3 exit=2",
                      }));
        QCOMPARE(problems[1].lastTerminationReason, QStringLiteral("OOMKilled"));
        QCOMPARE(problems[2].kind, ContainerProblem::Kind::ImagePull);
        // A higher threshold ignores the container between back-offs.
        QCOMPARE(CrashLoopDetector::detect(load(QStringLiteral("pods-crashloop.json")), 10).size(),
                 3);
    }
};

QTEST_GUILESS_MAIN(tst_RolloutStatus)
#include "tst_rolloutstatus.moc"
