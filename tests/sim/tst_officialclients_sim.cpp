// SPDX-License-Identifier: GPL-3.0-or-later
// The official Kubernetes clients besides kubectl judge orrery-sim: the Python client (Debian
// python3-kubernetes, run with /usr/bin/python3) and the JavaScript client (npm
// @kubernetes/client-node, which scripts/deps.sh installs into a cache directory; never
// fetched here). Each runs tests/sim/judges/kubeclient_judge.{py,mjs} against one simulated
// cluster, in a namespace of its own and at the same time: list with paging (limit and
// continue, one namespace and all), watch from a resourceVersion and from now, the client's
// own spelling of boolean query parameters (Python sends watch=True), the scale subresource
// read and patched, logs (tail, timestamps, previous), server-side dry run (create, patch,
// delete) and 404/409/400 answered as Status objects. Every check is one row here, so a
// check that goes missing fails as well.
#include "simulator.h"

#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>

namespace {

const QStringList Checks = {
    "list-paging",
    "list-paging-all-namespaces",
    "watch-from-resource-version",
    "watch-initial-events",
    "scale-read",
    "scale-patch",
    "logs",
    "logs-tail-lines",
    "logs-timestamps",
    "logs-previous-400",
    "dry-run-create",
    "dry-run-create-not-stored",
    "dry-run-patch",
    "dry-run-delete",
    "not-found-status",
    "already-exists-status",
    "conflict-status",
};

// Where scripts/deps.sh installed @kubernetes/client-node: $ORRERY_NODE_DEPS at test time,
// else the directory CMake resolved from the same variable (or ~/.cache) when configuring.
QString nodeDepsDir()
{
    const QString env = qEnvironmentVariable("ORRERY_NODE_DEPS");
    return env.isEmpty() ? QStringLiteral(ORRERY_NODE_DEPS) : env;
}

} // namespace

class TestOfficialClientsSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pythonClient_data();
    void pythonClient();
    void javascriptClient_data();
    void javascriptClient();

private:
    void start(QProcess &process, const QString &program, const QStringList &arguments);
    QJsonObject report(QProcess &process, const QString &what);
    static void checkRows();
    static void verify(const QJsonObject &report);

    QTemporaryDir m_dir;
    std::unique_ptr<Orrery::Sim::Simulator> m_sim;
    QString m_kubeconfig;
    QJsonObject m_python;
    QJsonObject m_javascript;
    QString m_javascriptMissing;
};

void TestOfficialClientsSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Orrery::Sim::SimulatorOptions options;
    options.scenarios = {"minimal"};
    options.speed = 10; // pods start and log sooner; nothing here waits on wall time
    options.servicesPort = -1;
    m_sim = std::make_unique<Orrery::Sim::Simulator>(options);
    std::string error;
    QVERIFY2(m_sim->start(&error), error.c_str());
    m_kubeconfig = m_dir.filePath("kubeconfig");
    QFile kc(m_kubeconfig);
    QVERIFY(kc.open(QIODevice::WriteOnly));
    kc.write(QByteArray::fromStdString(m_sim->kubeconfigYaml()));
    kc.close();

    // Both judges at once, each in its own namespace.
    QProcess python, node;
    start(python, QStringLiteral("/usr/bin/python3"),
          {QStringLiteral(ORRERY_JUDGE_DIR "/kubeclient_judge.py"), m_kubeconfig, "minimal",
           "judge-python"});
    const QString deps = nodeDepsDir();
    const QString module = deps + "/node_modules/@kubernetes/client-node/package.json";
    if (QStandardPaths::findExecutable("node").isEmpty())
        m_javascriptMissing = QStringLiteral("node is not installed");
    else if (!QFile::exists(module))
        m_javascriptMissing = QStringLiteral("%1 is missing: run scripts/deps.sh (it installs "
                                             "@kubernetes/client-node there with npm)")
                                  .arg(module);
    else
        start(node, QStringLiteral("node"),
              {QStringLiteral(ORRERY_JUDGE_DIR "/kubeclient_judge.mjs"), deps, m_kubeconfig,
               "minimal", "judge-javascript"});
    m_python = report(python, QStringLiteral("python3-kubernetes"));
    if (m_javascriptMissing.isEmpty())
        m_javascript = report(node, QStringLiteral("@kubernetes/client-node"));
}

void TestOfficialClientsSim::cleanupTestCase()
{
    if (m_sim)
        m_sim->stop();
}

void TestOfficialClientsSim::start(QProcess &process, const QString &program,
                                   const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("HOME", m_dir.path());
    env.remove("KUBECONFIG");
    process.setProcessEnvironment(env);
    process.start(program, arguments);
}

QJsonObject TestOfficialClientsSim::report(QProcess &process, const QString &what)
{
    if (!process.waitForStarted(10000) || !process.waitForFinished(180000)) {
        process.kill();
        process.waitForFinished();
        qWarning("%s judge did not finish: %s", qPrintable(what),
                 process.readAllStandardError().constData());
        return {};
    }
    const QByteArray err = process.readAllStandardError();
    const QJsonObject result = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    if (result.isEmpty() || process.exitCode() != 0)
        qWarning("%s judge exited with %d: %s", qPrintable(what), process.exitCode(),
                 err.constData());
    else
        qInfo("%s", qPrintable(result.value("client").toString()));
    return result;
}

void TestOfficialClientsSim::checkRows()
{
    QTest::addColumn<QString>("check");
    for (const QString &c : Checks)
        QTest::newRow(qPrintable(c)) << c;
}

void TestOfficialClientsSim::verify(const QJsonObject &report)
{
    QFETCH(QString, check);
    QVERIFY2(!report.isEmpty(), "the judge printed no report (see the warnings above)");
    int found = 0;
    for (const QJsonValue &v : report.value("checks").toArray()) {
        const QJsonObject c = v.toObject();
        if (c.value("name").toString() != check)
            continue;
        ++found;
        QVERIFY2(c.value("ok").toBool(), qPrintable(c.value("detail").toString()));
    }
    QVERIFY2(found == 1, qPrintable(QStringLiteral("check %1 reported %2 times: %3")
                                        .arg(check)
                                        .arg(found)
                                        .arg(QString::fromUtf8(QJsonDocument(report).toJson(
                                            QJsonDocument::Compact)))));
}

void TestOfficialClientsSim::pythonClient_data()
{
    checkRows();
    // Python alone spells booleans "True": every spelling kube-apiserver reads.
    QTest::newRow("watch-boolean-spellings") << QStringLiteral("watch-boolean-spellings");
}

void TestOfficialClientsSim::pythonClient()
{
    verify(m_python);
}

void TestOfficialClientsSim::javascriptClient_data()
{
    checkRows();
}

void TestOfficialClientsSim::javascriptClient()
{
    if (!m_javascriptMissing.isEmpty())
        QFAIL(qPrintable(m_javascriptMissing));
    verify(m_javascript);
}

QTEST_GUILESS_MAIN(TestOfficialClientsSim)
#include "tst_officialclients_sim.moc"
