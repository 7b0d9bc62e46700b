// SPDX-License-Identifier: GPL-3.0-or-later
// The Helm page never shows a Secret value of a release: orrery-sim's aks-chat release renders
// a Secret (chat-app-grafana, stringData admin-password) into every revision's manifest. The
// Manifest tab and the manifest diff show its keys with the value hidden, and the value comes
// only through the per-key reveal beside the manifest, forgotten on the next revision.
#include "eventloopwait.h"
#include "simprocess.h"
#include "simwindowfixture.h"
#include <helm/helmpage.h>
#include <secretkeysmodel.h>

#include <kube/clustersession.h>
#include <kube/kubeconfig.h>

#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTreeWidget>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

const QString Value
    = QStringLiteral("simulated-admin-password"); // resources/scenarios/aks-chat.yaml
const QString Key = QStringLiteral("production/chat-app-grafana: admin-password");

QString leak(const QString &text)
{
    const QString encoded = QString::fromLatin1(Value.toUtf8().toBase64());
    for (const QString &form : {Value, encoded, encoded.left(encoded.size() - 2)})
        if (text.contains(form))
            return form;
    return {};
}

} // namespace

class tst_HelmSecrets : public QObject
{
    Q_OBJECT

private slots:
    // No JSON decoded on the GUI thread (DecodeGuard), checked after every test.
    void cleanup();
    void initTestCase();
    void cleanupTestCase();
    void manifestAndDiffHideSecretValues();

private:
    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    QString m_kubeconfig;
};

void tst_HelmSecrets::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
    QVERIFY2(m_sim.start({QStringLiteral("--scenario"), QStringLiteral("aks-chat")}, m_kubeconfig),
             qPrintable(m_sim.errorString()));
}

void tst_HelmSecrets::cleanupTestCase()
{
    m_sim.stop();
}

void tst_HelmSecrets::manifestAndDiffHideSecretValues()
{
    auto connection
        = Kubeconfig::load(m_kubeconfig).connection(QStringLiteral("aks-chat-francecentral"));
    QVERIFY(connection.ok());
    ClusterSession session(std::move(*connection));
    HelmPage page;
    page.resize(1400, 900);
    page.setSession(&session);
    page.show();
    QVERIFY2(waitUntil([&] { return page.releaseList()->topLevelItemCount() > 0; }, 30000),
             qPrintable(page.statusLabel()->text()));
    const int fetches = page.fetches();
    QVERIFY(page.selectRelease(QStringLiteral("production"), QStringLiteral("chat-app")));
    QVERIFY(waitUntil(
        [&] { return page.fetches() > fetches && page.historyList()->topLevelItemCount() == 3; },
        30000));

    page.tabs()->setCurrentIndex(1); // Manifest, with the keys beside it
    for (int revision = 1; revision <= 3; ++revision) {
        QVERIFY(page.selectRevision(revision));
        QVERIFY(waitUntil([&] { return !page.isDecoding(); }, 15000));
        const QString manifest = page.manifestView()->toPlainText();
        // The Secret is there, by name and keys, with its values hidden.
        QVERIFY2(manifest.contains(QLatin1String("name: chat-app-grafana"))
                     && manifest.contains(QLatin1String("kind: Secret")),
                 qPrintable(manifest));
        QVERIFY2(manifest.contains(QLatin1String("admin-password: <redacted>")),
                 qPrintable(manifest));
        QVERIFY2(leak(manifest).isEmpty(), qPrintable(manifest));
        QVERIFY2(leak(page.valuesView()->toPlainText()).isEmpty(),
                 qPrintable(page.valuesView()->toPlainText()));
        // The other documents are as Helm rendered them.
        QVERIFY(manifest.contains(QLatin1String("# Source: ")));
        QVERIFY(manifest.contains(QLatin1String("kind: Deployment")));
        // The keys are listed for the reveal, hidden.
        QVERIFY(page.secretKeyList()->isVisibleTo(&page));
        QVERIFY2(page.secretKeys()->keys().contains(Key),
                 qPrintable(page.secretKeys()->keys().join(QLatin1Char(','))));
        for (int r = 0; r < page.secretKeys()->rowCount(); ++r)
            QVERIFY(!page.secretKeys()->index(r).data(SecretKeysModel::ValueRole).isValid());
    }

    // Every manifest diff between revisions: no value.
    page.diffKind()->setCurrentIndex(0);
    for (int from = 1; from <= 3; ++from) {
        for (int to = 1; to <= 3; ++to) {
            page.diffFrom()->setCurrentIndex(page.diffFrom()->findText(QString::number(from)));
            page.diffTo()->setCurrentIndex(page.diffTo()->findText(QString::number(to)));
            QVERIFY(waitUntil([&] { return !page.isDecoding(); }, 15000));
            const QString diff = page.diffView()->toPlainText();
            QVERIFY2(leak(diff).isEmpty(), qPrintable(diff));
        }
    }

    // The per-key reveal: the value of that key only, from the revision shown.
    QVERIFY(page.selectRevision(2));
    QVERIFY(waitUntil([&] { return !page.isDecoding(); }, 15000));
    const int row = int(page.secretKeys()->keys().indexOf(Key));
    QVERIFY(row >= 0);
    page.secretKeyList()->setCurrentIndex(page.secretKeys()->index(row));
    QTest::mouseClick(page.revealButton(), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return !page.isDecoding(); }, 15000));
    QCOMPARE(page.secretKeys()->index(row).data(SecretKeysModel::ValueRole).toString(), Value);
    QVERIFY(leak(page.manifestView()->toPlainText()).isEmpty()); // the manifest stays hidden
    if (const QString shots = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR"); !shots.isEmpty()) {
        page.tabs()->setCurrentIndex(1);
        const int at = page.manifestView()->toPlainText().indexOf(QLatin1String("kind: Secret"));
        QTextCursor cursor(page.manifestView()->document());
        cursor.setPosition(std::max(0, at));
        page.manifestView()->setTextCursor(cursor);
        page.manifestView()->centerCursor();
        QCoreApplication::processEvents();
        QVERIFY(page.grab().save(shots + QStringLiteral("/helm-secret-reveal.png")));
    }
    // Another revision: the revealed value is forgotten.
    QVERIFY(page.selectRevision(3));
    QVERIFY(waitUntil([&] { return !page.isDecoding(); }, 15000));
    QVERIFY(!page.secretKeys()->index(row).data(SecretKeysModel::ValueRole).isValid());
}

void tst_HelmSecrets::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

QTEST_MAIN(tst_HelmSecrets)
#include "tst_helmsecrets_sim.moc"
