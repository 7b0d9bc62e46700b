// SPDX-License-Identifier: GPL-3.0-or-later
// Log lines are split as chunks arrive and no line exceeds Limits::maxLogLineBytes: a longer
// one is cut there with a visible marker and the rest of it is dropped.
#include <kube/loglinesplitter.h>

#include <QTest>

using namespace Orrery;

class tst_LogLineSplitter : public QObject
{
    Q_OBJECT

private slots:
    void splitsAcrossChunks()
    {
        LogLineSplitter s;
        QCOMPARE(s.feed("first\r\nsec"), QStringList{QStringLiteral("first")});
        QCOMPARE(s.feed("ond\nthi"), QStringList{QStringLiteral("second")});
        QCOMPARE(s.feed("rd"), QStringList{});
        QCOMPARE(s.finish(), QStringList{QStringLiteral("third")});
        QCOMPARE(s.finish(), QStringList{});
    }

    void lineAtTheLimitIsWhole()
    {
        LogLineSplitter s;
        const QByteArray line(int(Limits::maxLogLineBytes), 'a');
        const QStringList lines = s.feed(line + "\nnext\n");
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.first().size(), qsizetype(Limits::maxLogLineBytes));
        QVERIFY(!lines.first().endsWith(LogLineSplitter::cutMarker()));
    }

    void longLineIsCutWithMarker()
    {
        // A container prints 4 MiB without a newline, in 16 KiB chunks (curl's size), then more.
        LogLineSplitter s;
        QStringList lines;
        const QByteArray chunk(16 * 1024, 'x');
        for (int i = 0; i < 256; ++i)
            lines += s.feed(chunk);
        lines += s.feed(QByteArray(100, 'x') + "\nafter\n");
        QCOMPARE(lines.size(), 2);
        QVERIFY(LogLineSplitter::cutMarker().contains(Limits::byteSize(Limits::maxLogLineBytes)));
        QCOMPARE(lines[0], QString(qsizetype(Limits::maxLogLineBytes), QLatin1Char('x'))
                               + LogLineSplitter::cutMarker());
        QCOMPARE(lines[1], QStringLiteral("after"));
    }

    void longLineInOneChunkIsCut()
    {
        LogLineSplitter s;
        const QStringList lines
            = s.feed("a\n" + QByteArray(3 * int(Limits::maxLogLineBytes), 'y') + "\nb");
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0], QStringLiteral("a"));
        QVERIFY(lines[1].endsWith(LogLineSplitter::cutMarker()));
        QCOMPARE(lines[1].size(),
                 qsizetype(Limits::maxLogLineBytes) + LogLineSplitter::cutMarker().size());
        QCOMPARE(s.finish(), QStringList{QStringLiteral("b")});
    }

    void cutKeepsUtf8Whole()
    {
        // "é" is two bytes: with one ASCII byte first, the limit falls inside a character.
        LogLineSplitter s;
        QByteArray line = "a";
        while (line.size() < Limits::maxLogLineBytes + 10)
            line += "\xc3\xa9";
        const QStringList lines = s.feed(line + "\n");
        QCOMPARE(lines.size(), 1);
        const QString text = lines.first().chopped(LogLineSplitter::cutMarker().size());
        QVERIFY(!text.contains(QChar::ReplacementCharacter));
        QCOMPARE(text.toUtf8().size(), Limits::maxLogLineBytes - 1);
    }
};

QTEST_GUILESS_MAIN(tst_LogLineSplitter)
#include "tst_loglinesplitter.moc"
