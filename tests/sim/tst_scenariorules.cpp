// SPDX-License-Identifier: GPL-3.0-or-later
// The Prometheus alert rules each scenario carries (resources/scenarios/rules): real promtool
// accepts them, and every series they name is one the simulator exports for that scenario.

#include "controllers/controllercontext.h"
#include "scenario.h"
#include "simtestcluster.h"
#include "workload/prometheusexporter.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

#include <set>

using namespace Orrery::Sim;
using namespace Orrery::Sim::Test;

namespace {

// The seeds whose documents describe alerting; aks-chat's document lists alerts only as a
// to-do ("Configurer alertes email"), so it has none.
const std::set<std::string> kWithRules = {"pfe", "microk8s-shop", "eks-devops-ppp", "multicloud"};

} // namespace

class tst_ScenarioRules : public QObject
{
    Q_OBJECT

private slots:
    void rulesExist();
    void promtoolChecksRules_data();
    void promtoolChecksRules();
    void rulesUseExportedSeries_data();
    void rulesUseExportedSeries();
};

void tst_ScenarioRules::rulesExist()
{
    for (const std::string &name : availableScenarios()) {
        const std::string file = scenarioRulesFile(name);
        QVERIFY2(file.empty() != (kWithRules.count(name) > 0), name.c_str());
    }
    QVERIFY(scenarioRulesFile("../pfe").empty());
    QVERIFY(scenarioRulesFile("minimal").empty());
}

void tst_ScenarioRules::promtoolChecksRules_data()
{
    QTest::addColumn<QString>("file");
    for (const std::string &name : kWithRules)
        QTest::newRow(name.c_str()) << QString::fromStdString(scenarioRulesFile(name));
}

void tst_ScenarioRules::promtoolChecksRules()
{
    QFETCH(QString, file);
    QVERIFY(!file.isEmpty());
    const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    if (promtool.isEmpty())
        QSKIP("promtool is not installed (scripts/deps.sh installs the prometheus package)");
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(promtool, {QStringLiteral("check"), QStringLiteral("rules"), file});
    QVERIFY(p.waitForFinished(30000));
    const QString output = QString::fromUtf8(p.readAll());
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("SUCCESS")), qPrintable(output));
}

void tst_ScenarioRules::rulesUseExportedSeries_data()
{
    promtoolChecksRules_data();
}

void tst_ScenarioRules::rulesUseExportedSeries()
{
    QFETCH(QString, file);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString rules = QString::fromUtf8(f.readAll());

    const std::string scenario = QTest::currentDataTag();
    SimTestCluster c;
    loadScenario(scenario, c.store, c.cm);
    c.runUntil([] { return false; }, 90);
    PrometheusExporter exporter(c.store, c.cm.context().metrics, c.clock);
    const std::string text = exporter.scrape();
    std::set<QString> exported;
    for (std::size_t pos = 0; (pos = text.find("# TYPE ", pos)) != std::string::npos;) {
        pos += 7;
        exported.insert(QString::fromStdString(text.substr(pos, text.find(' ', pos) - pos)));
    }

    // Series names in the expressions: the exporters' prefixes, followed by a selector, a
    // range, an operator or the end of the expression.
    static const QRegularExpression name(
        QStringLiteral(R"(\b((?:container|kube|node)_[A-Za-z0-9_]+)\b)"));
    int names = 0;
    for (const QString &line : rules.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1Char('#')) || trimmed.startsWith(QLatin1String("summary:"))
            || trimmed.startsWith(QLatin1String("description:")))
            continue;
        auto it = name.globalMatch(line);
        while (it.hasNext()) {
            const QString series = it.next().captured(1);
            ++names;
            QVERIFY2(exported.count(series), qPrintable(series + QLatin1String(" in ") + file));
        }
    }
    QVERIFY(names > 0);
}

QTEST_GUILESS_MAIN(tst_ScenarioRules)
#include "tst_scenariorules.moc"
