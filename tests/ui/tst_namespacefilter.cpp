// SPDX-License-Identifier: GPL-3.0-or-later
// Namespace filter: all / one / several, type-to-search, remembered choices that no longer
// exist stay visible.
#include <namespacefilter.h>
#include <namespacelistmodel.h>

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Orrery;

class TestNamespaceFilter : public QObject
{
    Q_OBJECT

private slots:
    void model();
    void widget();
};

void TestNamespaceFilter::model()
{
    NamespaceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &NamespaceListModel::selectionChanged);
    model.setNamespaces({"kube-system", "default", "shop"});
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.isAll());
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("default")); // sorted

    QVERIFY(model.setData(model.index(2), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.selected(), QStringList{"shop"});
    QCOMPARE(changed.count(), 1);

    // A remembered namespace that does not exist (yet) is listed and marked.
    model.setSelected({"shop", "payments"});
    QCOMPARE(model.rowCount(), 4);
    const QModelIndex payments = model.index(int(model.namespaces().indexOf("payments")));
    QVERIFY(payments.data(NamespaceListModel::MissingRole).toBool());
    QCOMPARE(payments.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    model.setNamespaces({"kube-system", "default", "shop", "payments"});
    QVERIFY(!model.index(int(model.namespaces().indexOf("payments")))
                 .data(NamespaceListModel::MissingRole)
                 .toBool());
}

void TestNamespaceFilter::widget()
{
    NamespaceFilter filter;
    QSignalSpy changed(&filter, &NamespaceFilter::selectionChanged);
    filter.setNamespaces({"default", "kube-system", "shop", "shipping", "payments"});
    QVERIFY(filter.text().contains("all"));

    filter.showPopup();
    QTest::keyClicks(filter.searchField(), "sh");
    QCOMPARE(filter.proxy()->rowCount(), 2); // shop, shipping
    QTest::keyClicks(filter.searchField(), "o");
    QCOMPARE(filter.proxy()->rowCount(), 1);
    QTest::keyClick(filter.searchField(), Qt::Key_Return);
    QCOMPARE(filter.selected(), QStringList{"shop"});
    QCOMPARE(changed.count(), 1);
    QVERIFY(filter.text().contains("shop"));

    // Several.
    filter.model()->setData(
        filter.model()->index(int(filter.model()->namespaces().indexOf("payments"))), Qt::Checked,
        Qt::CheckStateRole);
    QCOMPARE(filter.selected(), (QStringList{"payments", "shop"}));
    QVERIFY(filter.text().contains("2"));

    filter.setSelected({});
    QVERIFY(filter.selected().isEmpty());
    QVERIFY(filter.text().contains("all"));
}

QTEST_MAIN(TestNamespaceFilter)
#include "tst_namespacefilter.moc"
