// SPDX-License-Identifier: GPL-3.0-or-later
#include <kube/labelselector.h>

#include <QTest>

using namespace Orrery;

class TestLabelSelector : public QObject
{
    Q_OBJECT

private slots:
    void matching_data();
    void matching();
    void invalid_data();
    void invalid();
    void looksLikeSelector();
};

void TestLabelSelector::matching_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<bool>("matchesWeb"); // app=web, tier=front
    QTest::addColumn<bool>("matchesDb");  // app=db, tier=db, gpu=true

    QTest::newRow("empty") << "" << true << true;
    QTest::newRow("equals") << "app=web" << true << false;
    QTest::newRow("double equals") << "app==db" << false << true;
    QTest::newRow("not equals") << "tier!=db" << true << false;
    QTest::newRow("not equals missing key") << "zone!=eu" << true << true;
    QTest::newRow("and") << "app=web,tier!=db" << true << false;
    QTest::newRow("in") << "app in (web, db)" << true << true;
    QTest::newRow("notin") << "app notin (web)" << false << true;
    QTest::newRow("exists") << "gpu" << false << true;
    QTest::newRow("not exists") << "!gpu" << true << false;
    QTest::newRow("spaces") << " app = web , tier = front " << true << false;
    QTest::newRow("prefixed key") << "app.kubernetes.io/name=web" << false << false;
}

void TestLabelSelector::matching()
{
    QFETCH(QString, selector);
    QFETCH(bool, matchesWeb);
    QFETCH(bool, matchesDb);
    const LabelSelector s = LabelSelector::parse(selector);
    QVERIFY2(s.isValid(), qPrintable(s.errorString()));
    const QHash<QString, QString> web{{"app", "web"}, {"tier", "front"}};
    const QHash<QString, QString> db{{"app", "db"}, {"tier", "db"}, {"gpu", "true"}};
    QCOMPARE(s.matches(web), matchesWeb);
    QCOMPARE(s.matches(db), matchesDb);
}

void TestLabelSelector::invalid_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("error");
    QTest::newRow("unbalanced") << "app in (a,b"
                                << "Missing ')'.";
    QTest::newRow("close") << "app)"
                           << "Unbalanced ')'.";
    QTest::newRow("empty part") << "app=web,,tier=db"
                                << "Empty requirement.";
    QTest::newRow("bad key") << "-app=web"
                             << "Invalid label key \"-app\".";
    QTest::newRow("bad value") << "app=-web"
                               << "Invalid label value \"-web\".";
    QTest::newRow("space in value") << "app=we b"
                                    << "Unexpected \"b\".";
    QTest::newRow("no key") << "=web"
                            << "Unexpected \"=\".";
    QTest::newRow("non-ASCII value") << "app=w\u00e9b"
                                     << "Invalid label value \"w\u00e9b\".";
}

void TestLabelSelector::invalid()
{
    QFETCH(QString, selector);
    QFETCH(QString, error);
    const LabelSelector s = LabelSelector::parse(selector);
    QVERIFY(!s.isValid());
    QCOMPARE(s.errorString(), error);
    QVERIFY(s.isEmpty());
    QVERIFY(s.matches({})); // an invalid selector holds no requirement
}

void TestLabelSelector::looksLikeSelector()
{
    QVERIFY(LabelSelector::looksLikeSelector("app=web"));
    QVERIFY(LabelSelector::looksLikeSelector("env in (a)"));
    QVERIFY(!LabelSelector::looksLikeSelector("web-frontend"));
    QVERIFY(!LabelSelector::looksLikeSelector("crashloop"));
}

QTEST_GUILESS_MAIN(TestLabelSelector)
#include "tst_labelselector.moc"
