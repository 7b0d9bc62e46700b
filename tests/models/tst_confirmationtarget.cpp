// SPDX-License-Identifier: GPL-3.0-or-later
// ConfirmationTarget::forContext: the context as the user named, coloured and protected it,
// shared by the operations' and the runbook player's confirmations.
#include <confirmationtarget.h>
#include <contextpreferences.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Orrery;

class TestConfirmationTarget : public QObject
{
    Q_OBJECT

private slots:
    void fromPreferences();
    void withoutPreferences();
};

void TestConfirmationTarget::fromPreferences()
{
    QTemporaryDir dir;
    ContextPreferences prefs(dir.filePath("orrery.ini"));
    prefs.setDisplayName("prod", "Production");
    prefs.setProtected("prod", true);
    const ConfirmationTarget t = ConfirmationTarget::forContext("prod", nullptr, &prefs);
    QCOMPARE(t.context, QStringLiteral("prod"));
    QCOMPARE(t.displayName, QStringLiteral("Production"));
    QVERIFY(t.isProtected);
    QCOMPARE(t.colour, prefs.colour("prod"));
    // No session: no cluster, and no TLS warning to give.
    QVERIFY(t.cluster.isEmpty());
    QVERIFY(!t.tlsVerificationOff);
    QVERIFY(t.ns.isEmpty() && t.kind.isEmpty() && t.name.isEmpty());
}

void TestConfirmationTarget::withoutPreferences()
{
    const ConfirmationTarget t = ConfirmationTarget::forContext("dev", nullptr, nullptr);
    QCOMPARE(t.colour, ContextPreferences::derivedColour("dev"));
    QVERIFY(t.displayName.isEmpty());
    QVERIFY(!t.isProtected);
}

QTEST_GUILESS_MAIN(TestConfirmationTarget)
#include "tst_confirmationtarget.moc"
