// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's own YAML parsing (scenario files, YAML request bodies) is bounded like
// Orrery's core: alias expansion ("billion laughs"), the text an alias repeats and nesting
// depth stop with an error naming the limit, quickly, and the API server answers such a body
// 413 (too large once expanded) or 400 (too deep), as kube-apiserver refuses what go-yaml
// cannot decode, instead of expanding it into gigabytes.
#include "objectstore.h"
#include "scenario.h"
#include "server/apiserver.h"
#include "workload/yamljson.h"

#include "util/limits.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdlib>

using namespace Orrery;
using Sim::YamlJson;

namespace {

// Level 0 anchors ten scalars, every further level ten aliases of the one before: `levels`
// levels expand to 10^levels scalars from a few hundred bytes.
std::string laughs(int levels)
{
    std::string yaml = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int i = 1; i < levels; ++i) {
        const std::string prev = std::string("*l").append(std::to_string(i - 1));
        std::string items;
        for (int k = 0; k < 10; ++k) {
            if (k)
                items += ", ";
            items += prev;
        }
        const std::string n = std::to_string(i);
        yaml.append("l").append(n).append(": &l").append(n).append(" [").append(items).append(
            "]\n");
    }
    return yaml;
}

std::string deep(int levels)
{
    return "a: " + std::string(std::size_t(levels), '[') + std::string(std::size_t(levels), ']')
           + "\n";
}

// One 1 MiB string used 100 times: 100 MiB of text after expansion, from 1 MiB.
std::string aliasedLongString()
{
    std::string yaml = "s: &s \"" + std::string(1024 * 1024, 'x') + "\"\nall: [";
    for (int i = 0; i < 100; ++i)
        yaml += i ? ", *s" : "*s";
    return yaml + "]\n";
}

// The exception parse() throws for `yaml`, and how long it took to throw it.
std::optional<YamlJson::LimitExceeded> limitOf(const std::string &yaml, qint64 *ms)
{
    QElapsedTimer timer;
    timer.start();
    try {
        (void)YamlJson::parse(yaml);
    } catch (const YamlJson::LimitExceeded &e) {
        *ms = timer.elapsed();
        return e;
    } catch (const std::exception &) {
    }
    *ms = timer.elapsed();
    return std::nullopt;
}

std::string configMap(const std::string &name, const std::string &data)
{
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name
           + "\n  namespace: default\n" + data;
}

} // namespace

class TestYamlBounds : public QObject
{
    Q_OBJECT

private slots:
    void sameBoundsAsCore()
    {
        QCOMPARE(YamlJson::MaxNodes, qint64(Limits::maxYamlNodes));
        QCOMPARE(YamlJson::MaxExpandedBytes, qint64(Limits::maxYamlExpandedBytes));
        QCOMPARE(YamlJson::MaxDepth, Limits::maxNestingDepth);
    }

    void boundsStopTheParse_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("named");
        using L = YamlJson::LimitExceeded::Limit;
        QTest::newRow("billion laughs")
            << QByteArray::fromStdString(laughs(9)) << int(L::Nodes) << QStringLiteral("1000000");
        QTest::newRow("ten million laughs")
            << QByteArray::fromStdString(laughs(7)) << int(L::Nodes) << QStringLiteral("1000000");
        QTest::newRow("aliased long string") << QByteArray::fromStdString(aliasedLongString())
                                             << int(L::ExpandedBytes) << QStringLiteral("64 MiB");
        QTest::newRow("deep") << QByteArray::fromStdString(deep(YamlJson::MaxDepth + 10))
                              << int(L::Depth) << QStringLiteral("256");
        QTest::newRow("alias refers to itself")
            << QByteArray("a: &a [x, *a]\n") << int(L::Depth) << QStringLiteral("256");
    }

    void boundsStopTheParse()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, limit);
        QFETCH(QString, named);
        qint64 ms = 0;
        const auto e = limitOf(yaml.toStdString(), &ms);
        QVERIFY2(e.has_value(), "the document parsed");
        QCOMPARE(int(e->limit), limit);
        QVERIFY2(QString::fromUtf8(e->what()).contains(named), e->what());
        QVERIFY2(ms < 10000, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
    }

    void withinBoundsStillParses()
    {
        const nlohmann::json j = YamlJson::parse(laughs(5) + deep(YamlJson::MaxDepth - 2));
        QCOMPARE(j["l4"].size(), std::size_t(10));
        QCOMPARE(j["l4"][9][9][9][9][9], nlohmann::json("lol"));
    }

    // POST of a YAML body: 413 for the bombs, 400 for the deep one, 201 for a normal one.
    void apiServerAnswersLikeKubeApiserver_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::newRow("fine") << QByteArray::fromStdString(configMap("fine", "data:\n  a: b\n"))
                              << 201 << QString();
        QTest::newRow("laughs") << QByteArray::fromStdString(configMap("laughs", "data:\n  a: b\n")
                                                             + laughs(8))
                                << 413 << QStringLiteral("RequestEntityTooLarge");
        QTest::newRow("long string")
            << QByteArray::fromStdString(configMap("long", "data:\n  a: b\n") + aliasedLongString())
            << 413 << QStringLiteral("RequestEntityTooLarge");
        QTest::newRow("deep") << QByteArray::fromStdString(configMap("deep", "data:\n  a: b\n")
                                                           + deep(YamlJson::MaxDepth + 10))
                              << 400 << QStringLiteral("BadRequest");
    }

    void apiServerAnswersLikeKubeApiserver()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, reason);
        Sim::ObjectStore store;
        Sim::ApiServer server(store, Sim::ApiServerOptions());
        server.bootstrap();
        httplib::Request request;
        request.method = "POST";
        request.path = "/api/v1/namespaces/default/configmaps";
        request.headers.emplace("Authorization", "Bearer " + server.operatorToken());
        request.headers.emplace("Content-Type", "application/yaml");
        request.body = body.toStdString();
        httplib::Response response;
        QElapsedTimer timer;
        timer.start();
        server.handle(request, response);
        QVERIFY2(timer.elapsed() < 10000, "the server expanded the body");
        QVERIFY2(response.status == status, response.body.c_str());
        const auto answer = nlohmann::json::parse(response.body, nullptr, false);
        if (!reason.isEmpty()) {
            QVERIFY2(answer.value("kind", std::string()) == "Status", response.body.c_str());
            QCOMPARE(QString::fromStdString(answer.value("reason", std::string())), reason);
            QCOMPARE(answer.value("code", 0), status);
        }
    }

    // A scenario file is parsed with the same bounds, and the error names the file.
    void scenarioFileIsBounded()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("laughs.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString("kind: Scenario\nname: laughs\n---\n"
                                             + configMap("c", "data:\n  a: b\n") + laughs(9)));
        file.close();
        const QByteArray previous = qgetenv("ORRERY_SCENARIO_DIR");
        qputenv("ORRERY_SCENARIO_DIR", dir.path().toLocal8Bit());
        Sim::ObjectStore store;
        QString error;
        QElapsedTimer timer;
        timer.start();
        try {
            Sim::loadScenario("laughs", store);
        } catch (const std::runtime_error &e) {
            error = QString::fromUtf8(e.what());
        }
        const qint64 ms = timer.elapsed();
        if (previous.isNull())
            qunsetenv("ORRERY_SCENARIO_DIR");
        else
            qputenv("ORRERY_SCENARIO_DIR", previous);
        QVERIFY2(error.contains(QLatin1String("laughs.yaml"))
                     && error.contains(QLatin1String("1000000 nodes")),
                 qPrintable(error));
        QVERIFY2(ms < 10000, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
    }
};

QTEST_GUILESS_MAIN(TestYamlBounds)
#include "tst_yamlbounds.moc"
