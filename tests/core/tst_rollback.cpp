// SPDX-License-Identifier: GPL-3.0-or-later
// `kubectl rollout undo` and `rollout history` reproduced over fixtures in tests/data/rollback/.
#include "kube/actions/controllerrevisionrollback.h"
#include "kube/actions/deploymentrollback.h"
#include "kube/actions/jsonutil.h"
#include "kube/actions/revisionhistory.h"

#include <QFile>
#include <QTest>

using namespace Orrery;

namespace {

nlohmann::json load(const QString &name)
{
    QFile f(QStringLiteral(ORRERY_TEST_DATA "/rollback/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return nlohmann::json::parse(f.readAll().toStdString());
}

} // namespace

class tst_Rollback : public QObject
{
    Q_OBJECT

private slots:
    void deployment_data()
    {
        QTest::addColumn<QString>("deployment");
        QTest::addColumn<QString>("replicaSets");
        QTest::addColumn<qint64>("toRevision");
        QTest::addColumn<bool>("paused");
        QTest::addColumn<QString>("error");   // expected kubectl error, empty if none
        QTest::addColumn<QString>("message"); // kubectl's success line
        QTest::addColumn<qint64>("chosen");
        QTest::addColumn<QString>("expectedPatch"); // fixture, empty when skipped

        const QString web = QStringLiteral("deployment-web.json");
        const QString webRs = QStringLiteral("replicasets-web.json");
        QTest::newRow("previous") << web << webRs << qint64(0) << false << QString()
                                  << QStringLiteral("rolled back") << qint64(2)
                                  << QStringLiteral("expected-patch-to-2.json");
        QTest::newRow("to-1") << web << webRs << qint64(1) << false << QString()
                              << QStringLiteral("rolled back") << qint64(1)
                              << QStringLiteral("expected-patch-to-1.json");
        QTest::newRow("to-current")
            << web << webRs << qint64(3) << false << QString()
            << QStringLiteral("skipped rollback (current template already matches revision 3)")
            << qint64(3) << QString();
        QTest::newRow("other-owner-ignored")
            << web << webRs << qint64(7) << false
            << QStringLiteral("unable to find specified revision 7 in history") << QString()
            << qint64(0) << QString();
        QTest::newRow("missing") << web << webRs << qint64(42) << false
                                 << QStringLiteral(
                                        "unable to find specified revision 42 in history")
                                 << QString() << qint64(0) << QString();
        QTest::newRow("no-history")
            << QStringLiteral("deployment-solo.json") << QStringLiteral("replicasets-solo.json")
            << qint64(0) << false
            << QStringLiteral("no rollout history found for deployment \"solo\"") << QString()
            << qint64(0) << QString();
        QTest::newRow("paused")
            << web << webRs << qint64(0) << true
            << QStringLiteral("you cannot rollback a paused deployment; resume it first with "
                              "'kubectl rollout resume' and try again")
            << QString() << qint64(0) << QString();
    }

    void deployment()
    {
        QFETCH(QString, deployment);
        QFETCH(QString, replicaSets);
        QFETCH(qint64, toRevision);
        QFETCH(bool, paused);
        QFETCH(QString, error);
        QFETCH(QString, message);
        QFETCH(qint64, chosen);
        QFETCH(QString, expectedPatch);

        nlohmann::json dep = load(deployment);
        if (paused)
            dep["spec"]["paused"] = true;
        const auto plan = DeploymentRollback::plan(dep, load(replicaSets), toRevision);
        if (!error.isEmpty()) {
            QVERIFY(!plan.ok());
            QCOMPARE(plan.error().message, error);
            return;
        }
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
        QCOMPARE(plan->message, message);
        QCOMPARE(plan->toRevision, chosen);
        QCOMPARE(plan->skipped, expectedPatch.isEmpty());
        if (plan->skipped)
            return;
        const PlannedWrite &w = plan->write;
        QCOMPARE(w.request.method, QByteArray("PATCH"));
        QCOMPARE(w.request.path, QStringLiteral("/apis/apps/v1/namespaces/shop/deployments/web"));
        QCOMPARE(w.request.contentType, QByteArray("application/json-patch+json"));
        const nlohmann::json sent = nlohmann::json::parse(w.request.body.toStdString());
        const nlohmann::json expected = load(expectedPatch);
        QVERIFY2(sent == expected, (sent.dump(1) + "\n!=\n" + expected.dump(1)).c_str());
        // kubectl never copies the hash label back into the Deployment's template.
        QVERIFY(!sent[0]["value"]["metadata"]["labels"].contains("pod-template-hash"));
    }

    void sameAsRealKubectl()
    {
        // Recorded with kubectl 1.32 -v=8 against orrery-sim; see rollback/kubectl/README.md.
        const auto plan
            = DeploymentRollback::plan(load(QStringLiteral("kubectl/deployment-mysql.json")),
                                       load(QStringLiteral("kubectl/replicasets-default.json")), 0);
        QVERIFY(plan.ok());
        QVERIFY(!plan->skipped);
        QCOMPARE(plan->write.request.path,
                 QStringLiteral("/apis/apps/v1/namespaces/default/deployments/mysql"));
        const nlohmann::json sent = nlohmann::json::parse(plan->write.request.body.toStdString());
        const nlohmann::json kubectl = load(QStringLiteral("kubectl/kubectl-undo-request.json"));
        // kubectl marshals a Go struct (empty fields dropped); we send the ReplicaSet's JSON.
        // The server sees the same object either way.
        QVERIFY2(JsonUtil::pruned(sent) == JsonUtil::pruned(kubectl),
                 (sent.dump() + "\n!=\n" + kubectl.dump()).c_str());
    }

    void deploymentDryRun()
    {
        const auto plan
            = DeploymentRollback::plan(load(QStringLiteral("deployment-web.json")),
                                       load(QStringLiteral("replicasets-web.json")), 0, true);
        QVERIFY(plan.ok());
        QVERIFY(plan->write.dryRun);
        QVERIFY(plan->write.request.path.endsWith(QLatin1String("?dryRun=All")));
    }

    void statefulSet_data()
    {
        QTest::addColumn<qint64>("toRevision");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("skipped");
        QTest::addColumn<QString>("image");
        QTest::newRow("previous") << qint64(0) << QString() << false
                                  << QStringLiteral("postgres:16.1");
        QTest::newRow("to-1") << qint64(1) << QString() << false << QStringLiteral("postgres:16.1");
        QTest::newRow("to-current") << qint64(2) << QString() << true << QString();
        QTest::newRow("other-owner")
            << qint64(9) << QStringLiteral("unable to find specified revision 9 in history")
            << false << QString();
    }

    void statefulSet()
    {
        QFETCH(qint64, toRevision);
        QFETCH(QString, error);
        QFETCH(bool, skipped);
        QFETCH(QString, image);
        const auto plan = ControllerRevisionRollback::plan(
            load(QStringLiteral("statefulset-db.json")),
            load(QStringLiteral("controllerrevisions-db.json")), toRevision);
        if (!error.isEmpty()) {
            QVERIFY(!plan.ok());
            QCOMPARE(plan.error().message, error);
            return;
        }
        QVERIFY(plan.ok());
        QCOMPARE(plan->skipped, skipped);
        if (skipped) {
            QCOMPARE(
                plan->message,
                QStringLiteral("skipped rollback (current template already matches revision 2)"));
            return;
        }
        const PlannedWrite &w = plan->write;
        QCOMPARE(w.request.path, QStringLiteral("/apis/apps/v1/namespaces/shop/statefulsets/db"));
        QCOMPARE(w.request.contentType, QByteArray("application/strategic-merge-patch+json"));
        const nlohmann::json sent = nlohmann::json::parse(w.request.body.toStdString());
        QCOMPARE(sent["spec"]["template"]["$patch"].get<std::string>(), std::string("replace"));
        QCOMPARE(QString::fromStdString(
                     sent["spec"]["template"]["spec"]["containers"][0]["image"].get<std::string>()),
                 image);
    }

    void statefulSetSingleRevision()
    {
        nlohmann::json crs = load(QStringLiteral("controllerrevisions-db.json"));
        crs["items"].erase(1); // only revision 2 (and the foreign one) remain
        const auto plan
            = ControllerRevisionRollback::plan(load(QStringLiteral("statefulset-db.json")), crs, 0);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().message, QStringLiteral("no last revision to roll back to"));
    }

    void history()
    {
        const auto entries
            = RevisionHistory::forDeployment(load(QStringLiteral("deployment-web.json")),
                                             load(QStringLiteral("replicasets-web.json")));
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries[0].revision, 1);
        QCOMPARE(entries[0].images, QStringList{QStringLiteral("shop/web:1.0")});
        QCOMPARE(entries[0].changeCause, QString());
        QCOMPARE(entries[1].changeCause,
                 QStringLiteral("kubectl set image deployment/web web=shop/web:1.1"));
        QCOMPARE(entries[2].created, QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC));
        QVERIFY(!entries[0].current && !entries[1].current && entries[2].current);

        const QString diff = RevisionHistory::diff(entries[1], entries[2]);
        QVERIFY(diff.startsWith(QLatin1String("--- revision 2\n+++ revision 3\n")));
        QVERIFY2(diff.contains(
                     QLatin1String("\n-    - image: shop/web:1.1\n+    - image: shop/web:1.2\n")),
                 qPrintable(diff));
        QVERIFY(!diff.contains(QLatin1String("pod-template-hash")));
        QCOMPARE(RevisionHistory::diff(entries[2], entries[2]), QString());

        const auto sts
            = RevisionHistory::forWorkload(load(QStringLiteral("statefulset-db.json")),
                                           load(QStringLiteral("controllerrevisions-db.json")));
        QCOMPARE(sts.size(), 2);
        QCOMPARE(sts[0].revision, 1);
        QCOMPARE(sts[1].images, QStringList{QStringLiteral("postgres:16.2")});
        QVERIFY(sts[1].current && !sts[0].current);
    }

    // What the rollback dialog shows for a revision, and the one `rollout undo` would pick.
    void historyPreview()
    {
        auto entries = RevisionHistory::forDeployment(load(QStringLiteral("deployment-web.json")),
                                                      load(QStringLiteral("replicasets-web.json")));
        QCOMPARE(RevisionHistory::previousRevision(entries), qint64(2));
        QCOMPARE(RevisionHistory::previousRevision(entries.mid(0, 1)), qint64(0));
        QVERIFY2(RevisionHistory::previousRevisionNote(entries).startsWith(
                     QLatin1String("Previous revision: 2 (shop/web:1.1), the one `kubectl rollout "
                                   "undo` picks")),
                 qPrintable(RevisionHistory::previousRevisionNote(entries)));
        QCOMPARE(RevisionHistory::previousRevisionNote(entries.mid(0, 1)), QString());

        const RevisionHistory::Preview toTwo = RevisionHistory::preview(entries, 2);
        QVERIFY(toTwo.found && toTwo.canRollBack);
        QCOMPARE(toTwo.text, RevisionHistory::diff(entries[2], entries[1]));
        QVERIFY(toTwo.text.contains(QLatin1String("+    - image: shop/web:1.1")));

        const RevisionHistory::Preview running = RevisionHistory::preview(entries, 3);
        QVERIFY(running.found && !running.canRollBack);
        QCOMPARE(running.text, QStringLiteral("This is the revision running now."));

        const RevisionHistory::Preview missing = RevisionHistory::preview(entries, 7);
        QVERIFY(!missing.found && !missing.canRollBack);
        QCOMPARE(missing.text, QStringLiteral("Select a revision."));

        // The same template under another revision number: kubectl skips the rollback.
        entries[0].podTemplate = entries[2].podTemplate;
        const RevisionHistory::Preview same = RevisionHistory::preview(entries, 1);
        QVERIFY(same.found && same.canRollBack);
        QVERIFY(same.text.startsWith(QLatin1String("The pod templates are identical")));

        // No running revision known: the selected template itself.
        entries[2].current = false;
        const RevisionHistory::Preview plain = RevisionHistory::preview(entries, 2);
        QVERIFY(plain.found && plain.canRollBack);
        QCOMPARE(plain.text, RevisionHistory::renderTemplate(entries[1].podTemplate));
    }
};

QTEST_GUILESS_MAIN(tst_Rollback)
#include "tst_rollback.moc"
