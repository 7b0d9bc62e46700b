// SPDX-License-Identifier: GPL-3.0-or-later
// `orrery --export-pipeline RUN FILE`: a run saved as JSON (tests/data/pipelines/chat-run.json)
// written as PNG, SVG and JSON by the real executable; bad references and files are usage
// errors (exit 2); a provider without a client says so (exit 1).
#include <pipelines/pipelinerunjson.h>

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

using namespace Orrery;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run orrery(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(ORRERY_APP_BINARY), args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString fixture()
{
    return QStringLiteral("file:" ORRERY_TEST_DATA "/pipelines/chat-run.json");
}

} // namespace

class TestExportPipeline : public QObject
{
    Q_OBJECT

private slots:
    void writesPngSvgAndJson()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("run.png"));
        Run r = orrery({QStringLiteral("--export-pipeline"), fixture(), png});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("run #128")), qPrintable(r.out));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 600 && image.height() > 100);

        const QString dark = dir.filePath(QStringLiteral("dark.png"));
        r = orrery({QStringLiteral("--export-pipeline"), fixture(), dark, QStringLiteral("--theme"),
                    QStringLiteral("dark")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // The dark look: the background is dark.
        const QColor corner = QImage(dark).pixelColor(2, 2);
        QVERIFY2(corner.lightness() < 80, qPrintable(corner.name()));
        QVERIFY(QImage(png).pixelColor(2, 2).lightness() > 200);

        const QString svg = dir.filePath(QStringLiteral("run.svg"));
        r = orrery({QStringLiteral("--export-pipeline"), fixture(), svg});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QSvgRenderer(svg).isValid());

        const QString json = dir.filePath(QStringLiteral("run.json"));
        r = orrery({QStringLiteral("--export-pipeline"), fixture(), json});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile written(json);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QFile original(QStringLiteral(ORRERY_TEST_DATA "/pipelines/chat-run.json"));
        QVERIFY(original.open(QIODevice::ReadOnly));
        // The same run, byte for byte (stable keys).
        QCOMPARE(written.readAll(), original.readAll());
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("no file") << QStringList{"--export-pipeline", fixture()} << 2
                                 << "needs a file";
        QTest::newRow("gif") << QStringList{"--export-pipeline", fixture(), "/tmp/x.gif"} << 2
                             << "needs a file";
        QTest::newRow("bad ref") << QStringList{"--export-pipeline", "github:o/r", "/tmp/x.png"}
                                 << 2 << "#RUN";
        QTest::newRow("missing file")
            << QStringList{"--export-pipeline", "file:/nonexistent/run.json", "/tmp/x.png"} << 1
            << "cannot read";
        // A loopback host with no token anywhere: refused before any request is sent (tests
        // never talk to github.com).
        QTest::newRow("no token") << QStringList{"--export-pipeline", "github@127.0.0.1:9:o/r#1",
                                                 "/tmp/x.png"}
                                  << 1 << "no GitHub token for 127.0.0.1:9";
    }
    void refusals()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        const Run r = orrery(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestExportPipeline)
#include "tst_exportpipeline.moc"
