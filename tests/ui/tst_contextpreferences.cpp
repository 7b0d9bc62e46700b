// SPDX-License-Identifier: GPL-3.0-or-later
// Per-context preferences persist in a settings file (never in the kubeconfig), and the
// sidebar model and title strip reflect them.
#include <contextpreferences.h>
#include <contextstrip.h>
#include <contexttreemodel.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Orrery;

class TestContextPreferences : public QObject
{
    Q_OBJECT

private slots:
    void persistence();
    void treeModel();
    void strip();
};

void TestContextPreferences::persistence()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("orrery.ini");
    const QString arn = "arn:aws:eks:eu-west-1:123:cluster/prod";
    {
        ContextPreferences prefs(file);
        QSignalSpy changed(&prefs, &ContextPreferences::changed);
        QCOMPARE(prefs.displayName(arn), arn);
        QVERIFY(!prefs.isProtected(arn));
        QVERIFY(prefs.colour(arn).isValid()); // derived
        QCOMPARE(prefs.colour(arn), ContextPreferences::derivedColour(arn)); // stable
        prefs.setDisplayName(arn, "Production EU");
        prefs.setColour(arn, QColor("#123456"));
        prefs.setProtected(arn, true);
        prefs.setNamespaces(arn, {"shop", "payments"});
        prefs.setDisplayName("dev", "Dev");
        QCOMPARE(changed.count(), 5);
        prefs.sync();
    }
    {
        ContextPreferences prefs(file);
        QCOMPARE(prefs.displayName(arn), QStringLiteral("Production EU"));
        QCOMPARE(prefs.colour(arn), QColor("#123456"));
        QVERIFY(prefs.isProtected(arn));
        QCOMPARE(prefs.namespaces(arn), (QStringList{"shop", "payments"}));
        QCOMPARE(prefs.displayName("dev"), QStringLiteral("Dev"));
        QVERIFY(!prefs.isProtected("dev"));
        // Clearing restores the defaults.
        prefs.setDisplayName(arn, "");
        prefs.setNamespaces(arn, {});
        QCOMPARE(prefs.displayName(arn), arn);
        QVERIFY(prefs.namespaces(arn).isEmpty());
    }
}

void TestContextPreferences::treeModel()
{
    QTemporaryDir dir;
    ContextPreferences prefs(dir.filePath("orrery.ini"));
    ContextTreeModel model(&prefs);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContexts({{"dev", "cluster-a", "https://a", "alice", ""},
                       {"staging", "cluster-b", "https://b", "bob", ""},
                       {"prod", "cluster-b", "https://b", "admin", ""}},
                      "prod");
    // The current context's cluster first, the current context first within it.
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data(ContextTreeModel::ClusterNameRole).toString(), QStringLiteral("cluster-b"));
    QCOMPARE(model.index(0, 0, model.index(0, 0)).data(ContextTreeModel::ContextNameRole).toString(), QStringLiteral("prod"));
    QCOMPARE(model.contextNames(), (QStringList{"prod", "staging", "dev"}));

    prefs.setProtected("prod", true);
    prefs.setDisplayName("prod", "Production");
    const QModelIndex prod = model.indexOfContext("prod");
    QVERIFY(prod.data(ContextTreeModel::ProtectedRole).toBool());
    QVERIFY(prod.data().toString().startsWith("Production"));

    model.setConnectionState("prod", ContextTreeModel::ConnectionState::Connected);
    QCOMPARE(model.connectionState("prod"), ContextTreeModel::ConnectionState::Connected);
    model.setConnectionState("dev", ContextTreeModel::ConnectionState::Error, "connection refused");
    QCOMPARE(model.indexOfContext("dev").data(ContextTreeModel::StatusTextRole).toString(), QStringLiteral("connection refused"));
}

void TestContextPreferences::strip()
{
    ContextStrip strip;
    strip.setContext("Dev", "dev", QColor("#2e7d32"), false);
    QVERIFY(!strip.isProtectedShown());
    QCOMPARE(strip.colour(), QColor("#2e7d32"));
    // Protected is red whatever colour was chosen, and says so in words.
    strip.setContext("Production", "prod", QColor("#2e7d32"), true);
    QVERIFY(strip.isProtectedShown());
    QCOMPARE(strip.colour(), QColor(0xc6, 0x28, 0x28));
    QVERIFY(strip.text().contains("PROTECTED"));
    QVERIFY(strip.text().contains("prod"));
    strip.setContext("kind-demo", "kind-demo", QColor("#1f5fa8"), false, true);
    QVERIFY(strip.text().contains("Demo"));
}

QTEST_MAIN(TestContextPreferences)
#include "tst_contextpreferences.moc"
