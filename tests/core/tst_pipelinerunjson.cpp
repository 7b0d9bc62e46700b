// SPDX-License-Identifier: GPL-3.0-or-later
// A run as Orrery's JSON (PipelineRunJson): round trip, stable sorted keys, tolerant and bounded
// reading; and the command line's run references (PipelineRunRef).
#include <pipelinefixtures.h>
#include <pipelines/pipelinerunjson.h>
#include <pipelines/pipelinerunref.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Orrery;

class TestPipelineRunJson : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        const QDateTime now
            = QDateTime::fromString(QStringLiteral("2026-12-07T12:00:00.250Z"), Qt::ISODateWithMs);
        for (const PipelineRun &run :
             {PipelineFixtures::shopRun(now), PipelineFixtures::chatRun(now),
              PipelineFixtures::matrixRun(now, 40)}) {
            const QByteArray json = PipelineRunJson::write(run);
            const Result<PipelineRun> back = PipelineRunJson::read(json);
            QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().toString()));
            QCOMPARE(back->jobs.size(), run.jobs.size());
            QVERIFY(back.value() == run);
            // Written again: byte for byte the same (stable output).
            QCOMPARE(PipelineRunJson::write(back.value()), json);
        }
    }

    void stableKeys()
    {
        const PipelineRun run = PipelineFixtures::chatRun(QDateTime::currentDateTimeUtc());
        const QByteArray json = PipelineRunJson::write(run);
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        QCOMPARE(o.value(QLatin1String("format")).toString(),
                 QStringLiteral("orrery.pipeline-run/1"));
        QCOMPARE(o.value(QLatin1String("provider")).toString(), QStringLiteral("github"));
        QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("running"));
        const QJsonObject job = o.value(QLatin1String("jobs")).toArray().at(2).toObject();
        QCOMPARE(job.value(QLatin1String("group")).toString(), QStringLiteral("test"));
        QCOMPARE(job.value(QLatin1String("needs")).toArray().at(0).toString(),
                 QStringLiteral("c2"));
        // Keys are written sorted: "actor" comes before "attempt", "branch", ...
        QVERIFY(json.indexOf("\"actor\"") < json.indexOf("\"attempt\""));
        QVERIFY(json.indexOf("\"attempt\"") < json.indexOf("\"branch\""));
        // Unknown times are absent, not empty strings.
        QVERIFY(!o.contains(QLatin1String("finishedAt")));
    }

    void tolerantReading()
    {
        const QByteArray text = R"({"id": "5", "number": "seven", "status": "exploded",
            "createdAt": "yesterday", "jobs": [3, {"name": "no id"},
            {"id": "a", "needs": ["b", 4, null], "steps": "many", "status": "failed",
             "manual": "yes"}], "images": {"x": 1}})";
        const Result<PipelineRun> run = PipelineRunJson::read(text);
        QVERIFY2(run.ok(), run.ok() ? "" : qPrintable(run.error().toString()));
        QCOMPARE(run->id, QStringLiteral("5"));
        QCOMPARE(run->number, 0);
        QCOMPARE(run->status, PipelineStatus::Unknown);
        QVERIFY(!run->createdAt.isValid());
        QCOMPARE(run->jobs.size(), 1);
        QCOMPARE(run->jobs.first().needs, QStringList{QStringLiteral("b")});
        QCOMPARE(run->jobs.first().status, PipelineStatus::Failed);
        QCOMPARE(run->jobs.first().name, QStringLiteral("a"));
        QVERIFY(!run->jobs.first().manual);
        QVERIFY(run->images.isEmpty());
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("code");
        QTest::newRow("not json") << QByteArray("{") << int(Error::Code::ParseError);
        QTest::newRow("array") << QByteArray("[]") << int(Error::Code::ParseError);
        QTest::newRow("no id") << QByteArray("{\"jobs\": []}") << int(Error::Code::ParseError);
        QTest::newRow("other format")
            << QByteArray(R"({"format": "x/2", "id": "1"})") << int(Error::Code::Unsupported);
        QByteArray many = "{\"id\":\"1\",\"jobs\":[";
        for (int i = 0; i <= PipelineRunJson::MaxJobs; ++i)
            many += i ? ",{}" : "{}";
        many += "]}";
        QTest::newRow("too many jobs") << many << int(Error::Code::TooLarge);
        QByteArray deep(5000, '[');
        QTest::newRow("deep") << deep << int(Error::Code::ParseError);
    }
    void refused()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, code);
        const Result<PipelineRun> run = PipelineRunJson::read(text);
        QVERIFY(!run.ok());
        QCOMPARE(int(run.error().code), code);
    }

    void runRef_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("runId");
        QTest::newRow("github") << "github:owner/repo#123" << true << "github"
                                << ""
                                << "owner/repo"
                                << "123";
        QTest::newRow("ghes") << "github@ghe.example.com:org/app#42" << true << "github"
                              << "ghe.example.com"
                              << "org/app"
                              << "42";
        QTest::newRow("gitlab nested") << "gitlab:group/sub/project#1234" << true << "gitlab"
                                       << ""
                                       << "group/sub/project"
                                       << "1234";
        QTest::newRow("jenkins port")
            << "jenkins@http://127.0.0.1:8080:folder/shop#31" << true << "jenkins"
            << "http://127.0.0.1:8080"
            << "folder/shop"
            << "31";
        QTest::newRow("case") << "GitHub:o/r#1" << true << "github"
                              << ""
                              << "o/r"
                              << "1";
        QTest::newRow("jenkins without host") << "jenkins:shop#3" << false << ""
                                              << ""
                                              << ""
                                              << "";
        QTest::newRow("no run") << "github:o/r" << false << ""
                                << ""
                                << ""
                                << "";
        QTest::newRow("empty run") << "github:o/r#" << false << ""
                                   << ""
                                   << ""
                                   << "";
        QTest::newRow("unknown provider") << "bitbucket:o/r#1" << false << ""
                                          << ""
                                          << ""
                                          << "";
        QTest::newRow("nothing") << "" << false << ""
                                 << ""
                                 << ""
                                 << "";
    }
    void runRef()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        const Result<PipelineRunRef> ref = PipelineRunRef::parse(text);
        QCOMPARE(ref.ok(), ok);
        if (!ok) {
            QVERIFY(!ref.error().hint.isEmpty());
            return;
        }
        QFETCH(QString, provider);
        QFETCH(QString, host);
        QFETCH(QString, source);
        QFETCH(QString, runId);
        QVERIFY(!ref->isFile);
        QCOMPARE(pipelineProviderName(ref->provider), provider);
        QCOMPARE(ref->host, host);
        QCOMPARE(ref->source, source);
        QCOMPARE(ref->runId, runId);
        QCOMPARE(PipelineRunRef::parse(ref->toString())->source, source);
    }

    void fileRef()
    {
        const Result<PipelineRunRef> ref
            = PipelineRunRef::parse(QStringLiteral("file:/tmp/r.json"));
        QVERIFY(ref.ok());
        QVERIFY(ref->isFile);
        QCOMPARE(ref->file, QStringLiteral("/tmp/r.json"));
        QVERIFY(!PipelineRunRef::parse(QStringLiteral("file:")).ok());
    }
};

QTEST_GUILESS_MAIN(TestPipelineRunJson)
#include "tst_pipelinerunjson.moc"
