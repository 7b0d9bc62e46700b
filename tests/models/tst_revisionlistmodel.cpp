// SPDX-License-Identifier: GPL-3.0-or-later
// RevisionListModel: `kubectl rollout history` newest first, the running revision marked, ages
// at the given time, and the row of a revision found both ways.
#include <revisionlistmodel.h>

#include <util/ageformat.h>

#include <QAbstractItemModelTester>
#include <QFont>
#include <QTest>

using namespace Orrery;

class TestRevisionListModel : public QObject
{
    Q_OBJECT

private slots:
    void newestFirst();
    void empty();
};

namespace {

RevisionEntry revision(qint64 number, const QDateTime &created, const QStringList &images,
                       bool current = false, const QString &cause = {})
{
    RevisionEntry e;
    e.revision = number;
    e.created = created;
    e.images = images;
    e.current = current;
    e.changeCause = cause;
    return e;
}

} // namespace

void TestRevisionListModel::newestFirst()
{
    const QDateTime now(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
    RevisionListModel model({revision(1, now.addDays(-3), {"shop/web:1.0"}),
                             revision(2, now.addSecs(-7200), {"shop/web:1.1", "envoy:1"}, false,
                                      "kubectl set image deployment/web web=shop/web:1.1"),
                             revision(4, now.addSecs(-90), {"shop/web:1.2"}, true)},
                            now);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(RevisionListModel::ColumnCount));
    QCOMPARE(model.headerData(RevisionListModel::ChangeCauseColumn, Qt::Horizontal).toString(),
             QStringLiteral("Change cause"));

    const auto text
        = [&model](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(text(0, RevisionListModel::RevisionColumn), QStringLiteral("4 (current)"));
    QCOMPARE(text(1, RevisionListModel::RevisionColumn), QStringLiteral("2"));
    QCOMPARE(text(2, RevisionListModel::RevisionColumn), QStringLiteral("1"));
    QCOMPARE(text(1, RevisionListModel::ImagesColumn), QStringLiteral("shop/web:1.1, envoy:1"));
    QCOMPARE(text(1, RevisionListModel::ChangeCauseColumn),
             QStringLiteral("kubectl set image deployment/web web=shop/web:1.1"));
    QCOMPARE(text(1, RevisionListModel::AgeColumn), humanDuration(7200));
    QCOMPARE(model.index(1, RevisionListModel::AgeColumn).data(Qt::ToolTipRole).toString(),
             now.addSecs(-7200).toString(Qt::ISODate));

    // The running revision in bold, the others in the view's font.
    QVERIFY(
        model.index(0, RevisionListModel::ImagesColumn).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!model.index(1, 0).data(Qt::FontRole).isValid());

    QCOMPARE(model.revisionAt(model.index(2, RevisionListModel::AgeColumn)), qint64(1));
    QCOMPARE(model.index(0, 0).data(RevisionListModel::RevisionRole).toLongLong(), qint64(4));
    QCOMPARE(model.revisionAt({}), qint64(0));
    QCOMPARE(model.rowOf(2), 1);
    QCOMPARE(model.rowOf(3), -1);
    QCOMPARE(model.history().first().revision, qint64(1)); // oldest first, as given
}

void TestRevisionListModel::empty()
{
    RevisionListModel model({}, QDateTime::currentDateTimeUtc());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowOf(1), -1);
}

QTEST_MAIN(TestRevisionListModel)
#include "tst_revisionlistmodel.moc"
