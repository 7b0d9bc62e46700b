// SPDX-License-Identifier: GPL-3.0-or-later
// Secret values are hidden by default: the keys model carries no value until reveal() for
// that key, and forgets values when hidden or when another Secret is shown. The details
// pane never puts a value anywhere without an explicit reveal.
#include "simwindowfixture.h"
#include <detailspane.h>
#include <secretkeysmodel.h>

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Orrery;

class TestSecretReveal : public QObject
{
    Q_OBJECT

private slots:
    // No JSON decoded on the GUI thread (DecodeGuard), checked after every test.
    void cleanup();
    void hiddenByDefault();
    void revealPerKey();
    void detailsPaneShowsKeysOnly();
};

void TestSecretReveal::hiddenByDefault()
{
    SecretKeysModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setKeys({"username", "password"});
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex index = model.index(r);
        QVERIFY(!index.data(SecretKeysModel::ValueRole).isValid());
        QVERIFY(!index.data(SecretKeysModel::RevealedRole).toBool());
        QVERIFY(index.data().toString().contains("••••"));
    }
}

void TestSecretReveal::revealPerKey()
{
    SecretKeysModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setKeys({"username", "password"});
    model.reveal("password", "hunter2");
    QCOMPARE(model.index(1).data(SecretKeysModel::ValueRole).toString(), QStringLiteral("hunter2"));
    QVERIFY(!model.index(0).data(SecretKeysModel::ValueRole).isValid()); // only that key
    model.reveal("nonexistent", "x");
    QVERIFY(!model.isRevealed("nonexistent"));
    model.hide("password");
    QVERIFY(!model.index(1).data(SecretKeysModel::ValueRole).isValid());
    model.reveal("password", "hunter2");
    model.setKeys({"username", "password"}); // another Secret (or the same, re-shown)
    QVERIFY(!model.index(1).data(SecretKeysModel::ValueRole).isValid());
    model.reveal("username", "admin");
    model.hideAll();
    QVERIFY(!model.isRevealed("username"));
}

void TestSecretReveal::detailsPaneShowsKeysOnly()
{
    auto secret = std::make_shared<KubeObject>();
    secret->kind = Kind::Secret;
    secret->name = "db-credentials";
    secret->namespaceName = "shop";
    secret->uid = "u1";
    secret->data = SecretData{"Opaque", {"username", "password"}};
    DetailsPane pane;
    pane.setObject(secret);
    QCOMPARE(pane.secretKeys()->keys(), (QStringList{"username", "password"}));
    for (int r = 0; r < pane.secretKeys()->rowCount(); ++r)
        QVERIFY(!pane.secretKeys()->index(r).data(SecretKeysModel::ValueRole).isValid());
    QVERIFY(pane.overviewHtml().contains("password"));
    QVERIFY(pane.yamlText().isEmpty()); // nothing fetched without a session and a request
}

void TestSecretReveal::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

QTEST_MAIN(TestSecretReveal)
#include "tst_secretreveal.moc"
