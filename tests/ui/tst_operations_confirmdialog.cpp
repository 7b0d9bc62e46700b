// SPDX-License-Identifier: GPL-3.0-or-later
// ConfirmDialog on its own: what it names, Cancel as the default, the protected-context lock
// (exact name only), and the dry-run reply arriving late or after the dialog is gone.
#include <operations/confirmdialog.h>

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Orrery;

class TestConfirmDialog : public QObject
{
    Q_OBJECT

private slots:
    void namesTheTarget();
    void protectedNeedsExactName();
    void unprotectedConfirmsAtOnce();
    void tlsVerificationOffIsShown();
    void dryRunShowsOutcome();
    void lateDryRunReplyAfterCloseIsHarmless();
    void screenshot();

private:
    static ConfirmationTarget target(bool isProtected)
    {
        ConfirmationTarget t;
        t.context = QStringLiteral("prod-eu");
        t.cluster = QStringLiteral("eu-cluster");
        t.displayName = QStringLiteral("Production EU");
        t.colour = QColor(Qt::red);
        t.isProtected = isProtected;
        t.ns = QStringLiteral("shop");
        t.kind = QStringLiteral("Deployment");
        t.name = QStringLiteral("web");
        return t;
    }
    static QString allLabelText(QWidget *w)
    {
        QString all;
        for (QLabel *l : w->findChildren<QLabel *>())
            all += l->text() + QLatin1Char('\n');
        return all;
    }
};

void TestConfirmDialog::namesTheTarget()
{
    ConfirmDialog dialog(target(false), QStringLiteral("Scale"), QStringLiteral("Scale"));
    dialog.setChange(QStringLiteral("Scale deployment shop/web to 3"),
                     QStringLiteral("--- a\n+++ b\n-  replicas: 1\n+  replicas: 3\n"));
    const QString text = allLabelText(&dialog);
    QVERIFY(text.contains("Production EU"));
    QVERIFY(text.contains("prod-eu"));
    QVERIFY(text.contains("eu-cluster"));
    QVERIFY(text.contains("shop"));
    QVERIFY(text.contains("Deployment/web"));
    QVERIFY(text.contains("Scale deployment shop/web to 3"));
    QVERIFY(!text.contains("PROTECTED"));
    auto *details = dialog.findChild<QPlainTextEdit *>("changeDetails");
    QVERIFY(details);
    QVERIFY(details->toPlainText().contains("+  replicas: 3"));
    // Cancel is the default button; confirm is not even an auto-default.
    QVERIFY(!dialog.confirmButton()->isDefault());
    QVERIFY(!dialog.confirmButton()->autoDefault());
    bool cancelIsDefault = false;
    for (QPushButton *b : dialog.findChildren<QPushButton *>())
        if (b->isDefault() && b != dialog.confirmButton())
            cancelIsDefault = true;
    QVERIFY(cancelIsDefault);
    QVERIFY(!dialog.dryRunButton()->isVisibleTo(&dialog)); // no runner, no button
}

void TestConfirmDialog::tlsVerificationOffIsShown()
{
    {
        ConfirmDialog dialog(target(false), QStringLiteral("Scale"), QStringLiteral("Scale"));
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("tlsInsecureBanner")));
        QVERIFY(!allLabelText(&dialog).contains(QLatin1String("TLS")));
    }
    ConfirmationTarget t = target(true);
    t.tlsVerificationOff = true;
    ConfirmDialog dialog(t, QStringLiteral("Scale"), QStringLiteral("Scale"));
    dialog.show();
    auto *banner = dialog.findChild<QLabel *>(QStringLiteral("tlsInsecureBanner"));
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QLatin1String("TLS verification is OFF")));
    // It warns; it does not replace the protected lock.
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("protectedBanner")));
    QVERIFY(!dialog.isConfirmEnabled());
}

void TestConfirmDialog::protectedNeedsExactName()
{
    ConfirmDialog dialog(target(true), QStringLiteral("Scale"), QStringLiteral("Scale"));
    dialog.show();
    QVERIFY(allLabelText(&dialog).contains("PROTECTED"));
    QVERIFY(dialog.protectionEdit());
    QVERIFY(!dialog.isConfirmEnabled());
    QTest::keyClicks(dialog.protectionEdit(), QStringLiteral("Prod-eu"));
    QVERIFY(!dialog.isConfirmEnabled()); // case matters
    dialog.protectionEdit()->clear();
    QTest::keyClicks(dialog.protectionEdit(), QStringLiteral("Production EU"));
    QVERIFY(!dialog.isConfirmEnabled()); // the display name is not the context name
    dialog.protectionEdit()->clear();
    QTest::keyClicks(dialog.protectionEdit(), QStringLiteral("prod-eu"));
    QVERIFY(dialog.isConfirmEnabled());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
    QCOMPARE(accepted.count(), 1);
}

void TestConfirmDialog::unprotectedConfirmsAtOnce()
{
    ConfirmDialog dialog(target(false), QStringLiteral("Restart"), QStringLiteral("Restart"));
    QVERIFY(!dialog.protectionEdit());
    QVERIFY(dialog.isConfirmEnabled());
    dialog.show();
    // Enter goes to the default button, Cancel: a stray key press never writes.
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(accepted.count(), 0);
    QCOMPARE(rejected.count(), 1);
}

void TestConfirmDialog::dryRunShowsOutcome()
{
    ConfirmDialog dialog(target(false), QStringLiteral("Scale"), QStringLiteral("Scale"));
    ConfirmDialog::DryRunReply pending;
    int calls = 0;
    dialog.setDryRun([&](ConfirmDialog::DryRunReply reply) {
        ++calls;
        pending = std::move(reply);
    });
    dialog.show();
    QVERIFY(dialog.dryRunButton()->isVisible());
    QTest::mouseClick(dialog.dryRunButton(), Qt::LeftButton);
    QCOMPARE(calls, 1);
    QVERIFY(!dialog.dryRunButton()->isEnabled()); // one request at a time
    pending(false, QStringLiteral("admission webhook said no"));
    QVERIFY(dialog.dryRunText().contains("admission webhook said no"));
    QVERIFY(dialog.dryRunText().contains("refused"));
    QVERIFY(dialog.dryRunButton()->isEnabled());
    QTest::mouseClick(dialog.dryRunButton(), Qt::LeftButton);
    pending(true, QStringLiteral("1 write validated"));
    QVERIFY(dialog.dryRunText().contains("accepted"));
}

void TestConfirmDialog::lateDryRunReplyAfterCloseIsHarmless()
{
    ConfirmDialog::DryRunReply pending;
    {
        auto *dialog
            = new ConfirmDialog(target(false), QStringLiteral("Scale"), QStringLiteral("Scale"));
        dialog->setDryRun([&](ConfirmDialog::DryRunReply reply) { pending = std::move(reply); });
        dialog->show();
        QTest::mouseClick(dialog->dryRunButton(), Qt::LeftButton);
        delete dialog;
    }
    QVERIFY(pending);
    pending(true, QStringLiteral("late")); // must not touch the deleted dialog
}

// docs/screenshots/operations-confirm-protected.png, when ORRERY_SCREENSHOT_DIR is set.
void TestConfirmDialog::screenshot()
{
    const QString dir = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("ORRERY_SCREENSHOT_DIR not set");
    ConfirmationTarget t = target(true);
    t.colour = QColor(0xc6, 0x28, 0x28);
    t.kind = QStringLiteral("Deployment");
    t.name = QStringLiteral("checkout");
    ConfirmDialog dialog(t, QStringLiteral("Set image of checkout"), QStringLiteral("Set image"));
    dialog.setChange(
        QStringLiteral("Set image of container checkout in Deployment shop/checkout to "
                       "registry.example.com/checkout:2.4.1"),
        QStringLiteral(
            "PATCH /apis/apps/v1/namespaces/shop/deployments/checkout?fieldManager=orrery\n"
            "Content-Type: application/strategic-merge-patch+json\n\n"
            "{\n  \"spec\": {\n    \"template\": {\n      \"spec\": {\n"
            "        \"$setElementOrder/containers\": [{\"name\": \"checkout\"}],\n"
            "        \"containers\": [{\"image\": \"registry.example.com/checkout:2.4.1\", "
            "\"name\": \"checkout\"}]\n"
            "      }\n    }\n  }\n}"));
    dialog.setDryRun([](ConfirmDialog::DryRunReply reply) {
        reply(true, QStringLiteral("the server validated 1 write without storing anything."));
    });
    dialog.show();
    QTest::mouseClick(dialog.dryRunButton(), Qt::LeftButton);
    QTest::keyClicks(dialog.protectionEdit(), QStringLiteral("prod-e"));
    QVERIFY(!dialog.isConfirmEnabled());
    QVERIFY(
        dialog.grab().save(QDir(dir).filePath(QStringLiteral("operations-confirm-protected.png"))));
}

QTEST_MAIN(TestConfirmDialog)
#include "tst_operations_confirmdialog.moc"
