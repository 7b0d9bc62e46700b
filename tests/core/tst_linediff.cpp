// SPDX-License-Identifier: GPL-3.0-or-later
// LineDiff against GNU `diff -u` output recorded in tests/data/rollback/linediff/.
#include "util/linediff.h"

#include <QFile>
#include <QTest>

using namespace Orrery;

class tst_LineDiff : public QObject
{
    Q_OBJECT

    static QString read(const QString &name)
    {
        QFile f(QStringLiteral(ORRERY_TEST_DATA "/rollback/linediff/") + name);
        if (!f.open(QIODevice::ReadOnly))
            return QStringLiteral("<missing %1>").arg(name);
        return QString::fromUtf8(f.readAll());
    }

private slots:
    void matchesGnuDiff_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *n : {"far", "near", "append", "prepend", "template", "equal", "all"})
            QTest::newRow(n) << QString::fromLatin1(n);
    }

    void matchesGnuDiff()
    {
        QFETCH(QString, name);
        const QString got = LineDiff::unified(read(name + QLatin1String(".old")),
                                              read(name + QLatin1String(".new")),
                                              QStringLiteral("old"), QStringLiteral("new"));
        QCOMPARE(got, read(name + QLatin1String(".diff")));
    }

    void diffIsMinimal()
    {
        // An LCS diff never deletes and re-inserts a line it could keep.
        const QStringList a{QStringLiteral("x"), QStringLiteral("a"), QStringLiteral("b"),
                            QStringLiteral("c")};
        const QStringList b{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                            QStringLiteral("y")};
        const auto lines = LineDiff::diff(a, b);
        int equal = 0;
        for (const auto &l : lines)
            equal += l.op == LineDiff::Op::Equal;
        QCOMPARE(equal, 3);
        QCOMPARE(lines.size(), 5);
    }

    void emptySides()
    {
        QCOMPARE(LineDiff::unified(QString(), QStringLiteral("a\n"), QStringLiteral("o"),
                                   QStringLiteral("n")),
                 QStringLiteral("--- o\n+++ n\n@@ -0,0 +1 @@\n+a\n"));
        QCOMPARE(LineDiff::unified(QStringLiteral("a\n"), QString(), QStringLiteral("o"),
                                   QStringLiteral("n")),
                 QStringLiteral("--- o\n+++ n\n@@ -1 +0,0 @@\n-a\n"));
    }
};

QTEST_GUILESS_MAIN(tst_LineDiff)
#include "tst_linediff.moc"
