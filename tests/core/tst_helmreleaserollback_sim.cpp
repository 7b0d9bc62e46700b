// SPDX-License-Identifier: GPL-3.0-or-later
// HelmReleaseRollback (core/operations) against orrery-sim, scenario aks-chat, without a widget:
// `helm rollback` of chat-app, a target manifest the server's dry run refuses (nothing written),
// the helm.sh/resource-policy: keep of an object the rollback would delete, and a viewer refused
// before anything is planned. The window and the runbooks run this same class.
#include "helm/helmcodec.h"
#include "helm/helmreleases.h"
#include "helmreleasefixture.h"
#include "operations/helmreleaserollback.h"

#include <simclusterfixture.h>

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Orrery;

class tst_HelmReleaseRollbackSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rollbackRelease();
    void dryRunRefusalWritesNothing();
    void keptObjectSurvivesRollback();
    void viewerIsRefusedBeforePlanning();

private:
    // The release `name` in namespace production as `helm install` then `helm upgrade` leave
    // it: revision 1 (superseded) with `v1`, revision 2 (deployed) with `v2`.
    bool installRelease(const QString &name, const QString &v1, const QString &v2);
    QStringList history(const QString &release);
    int send(const ApiRequest &request);
    bool fetch(ClusterOperation &op, Error *error = nullptr);
    bool run(ClusterOperation &op);

    Orrery::Test::SimClusterFixture m_cluster;
};

void tst_HelmReleaseRollbackSim::initTestCase()
{
    QVERIFY2(m_cluster.start(QStringLiteral("aks-chat")), qPrintable(m_cluster.error()));
}

void tst_HelmReleaseRollbackSim::cleanupTestCase()
{
    m_cluster.stop();
}

int tst_HelmReleaseRollbackSim::send(const ApiRequest &request)
{
    int status = -1;
    m_cluster.transport()->send(
        request, this, [&](const Result<ApiResponse> &r) { status = r.ok() ? r->status : 0; });
    (void)QTest::qWaitFor([&] { return status >= 0; }, 10000);
    return status;
}

bool tst_HelmReleaseRollbackSim::installRelease(const QString &name, const QString &v1,
                                                const QString &v2)
{
    for (const QByteArray &body : Test::helmReleaseSecrets(name, v1, v2)) {
        ApiRequest post;
        post.method = "POST";
        post.path = QStringLiteral("/api/v1/namespaces/production/secrets");
        post.contentType = "application/json";
        post.body = body;
        if (send(post) != 201)
            return false;
    }
    return true;
}

QStringList tst_HelmReleaseRollbackSim::history(const QString &release)
{
    std::optional<Result<nlohmann::json>> secrets;
    fetchJson(m_cluster.transport(),
              QStringLiteral("/api/v1/namespaces/production/secrets?labelSelector=owner%3Dhelm"),
              this, [&](const Result<nlohmann::json> &r) { secrets = r; });
    (void)QTest::qWaitFor([&] { return secrets.has_value(); }, 10000);
    QStringList rows;
    if (secrets && secrets->ok())
        for (const HelmRelease &r : HelmReleases::fromSecrets(secrets->value()).history(release))
            rows << QStringLiteral("%1|%2|%3").arg(r.version).arg(r.status, r.description);
    return rows;
}

bool tst_HelmReleaseRollbackSim::fetch(ClusterOperation &op, Error *error)
{
    std::optional<Result<void>> fetched;
    op.fetch([&fetched](const Result<void> &r) { fetched = r; });
    if (!QTest::qWaitFor([&] { return fetched.has_value(); }, 15000))
        return false;
    if (!fetched->ok() && error)
        *error = fetched->error();
    return fetched->ok();
}

bool tst_HelmReleaseRollbackSim::run(ClusterOperation &op)
{
    QSignalSpy finished(&op, &ClusterOperation::finished);
    op.run(m_cluster.writer());
    if (!finished.wait(60000) && finished.isEmpty())
        return false;
    return finished.first().at(0).toBool();
}

void tst_HelmReleaseRollbackSim::rollbackRelease()
{
    QCOMPARE(history(QStringLiteral("chat-app")).size(), 3);
    HelmReleaseRollback op(m_cluster.transport(), QStringLiteral("production"),
                           QStringLiteral("chat-app"), 0, {});
    QVERIFY(fetch(op));
    QCOMPARE(op.objectKind(), QStringLiteral("HelmRelease"));
    QVERIFY2(op.summary().first().contains(QStringLiteral("from revision 3 to 2 (new revision 4)")),
             qPrintable(op.summary().first()));
    // Helm's storage and the manifest's kinds.
    bool secrets = false;
    for (const AccessCheck &c : op.requiredAccess())
        secrets = secrets || c.resource == QLatin1String("secrets");
    QVERIFY(secrets);

    std::optional<std::pair<bool, QString>> verdict;
    op.dryRun(m_cluster.writer(), [&verdict](bool ok, const QString &text) {
        verdict = {ok, text};
    });
    QVERIFY(QTest::qWaitFor([&] { return verdict.has_value(); }, 15000));
    QVERIFY2(verdict->first && verdict->second.contains(QStringLiteral("validated")),
             qPrintable(verdict->second));
    QCOMPARE(history(QStringLiteral("chat-app")).size(), 3); // the dry run stored nothing

    QVERIFY2(run(op), qPrintable(op.report().lines.join(QLatin1Char('\n'))));
    QVERIFY(op.report().message.contains(QStringLiteral("Happy Helming")));
    const QStringList rows = history(QStringLiteral("chat-app"));
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.last(), QStringLiteral("4|deployed|Rollback to 2"));
    QVERIFY(rows[2].startsWith(QLatin1String("3|superseded|")));
}

// Revision 1 has a Deployment without an image: the rollback fails in the server's dry run,
// before the pending revision is recorded or any object applied.
void tst_HelmReleaseRollbackSim::dryRunRefusalWritesNothing()
{
    QVERIFY(installRelease(QStringLiteral("broken"), Test::brokenReleaseRevision1(),
                           Test::brokenReleaseRevision2()));
    const QStringList before = history(QStringLiteral("broken"));
    QCOMPARE(before, (QStringList{"1|superseded|Install complete", "2|deployed|Upgrade complete"}));
    HelmReleaseRollback op(m_cluster.transport(), QStringLiteral("production"),
                           QStringLiteral("broken"), 1, {});
    QVERIFY(fetch(op));
    std::optional<std::pair<bool, QString>> verdict;
    op.dryRun(m_cluster.writer(), [&verdict](bool ok, const QString &text) {
        verdict = {ok, text};
    });
    QVERIFY(QTest::qWaitFor([&] { return verdict.has_value(); }, 15000));
    QVERIFY(!verdict->first);
    QVERIFY2(verdict->second.contains(QStringLiteral("image: Required value")),
             qPrintable(verdict->second));
    QVERIFY(!run(op));
    QVERIFY2(op.report().explanation.contains(QStringLiteral("nothing was written")),
             qPrintable(op.report().explanation));
    QCOMPARE(history(QStringLiteral("broken")), before);
    QCOMPARE(send(ApiRequest::get("/api/v1/namespaces/production/configmaps/broken-config")), 404);
    QCOMPARE(send(ApiRequest::get("/apis/apps/v1/namespaces/production/deployments/broken-web")),
             404);
}

// Revision 2 added two ConfigMaps, one annotated helm.sh/resource-policy: keep. Rolling back to
// revision 1 deletes the other and keeps that one, and the report says so.
void tst_HelmReleaseRollbackSim::keptObjectSurvivesRollback()
{
    const QString base = QStringLiteral("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
                                        "keeper-base\ndata:\n  a: \"1\"\n");
    QVERIFY(installRelease(
        QStringLiteral("keeper"), base,
        base
            + QStringLiteral(
                "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keeper-kept\n"
                "  annotations:\n    helm.sh/resource-policy: keep\ndata:\n"
                "  b: \"2\"\n"
                "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
                "keeper-dropped\ndata:\n  c: \"3\"\n")));
    for (const char *name : {"keeper-base", "keeper-kept", "keeper-dropped"}) {
        nlohmann::json cm = {{"apiVersion", "v1"},
                             {"kind", "ConfigMap"},
                             {"metadata", {{"name", name}, {"namespace", "production"}}},
                             {"data", {{"k", "v"}}}};
        if (std::string(name) == "keeper-kept")
            cm["metadata"]["annotations"] = {{"helm.sh/resource-policy", "keep"}};
        ApiRequest post;
        post.method = "POST";
        post.path = QStringLiteral("/api/v1/namespaces/production/configmaps");
        post.contentType = "application/json";
        post.body = QByteArray::fromStdString(cm.dump());
        QCOMPARE(send(post), 201);
    }
    HelmReleaseRollback op(m_cluster.transport(), QStringLiteral("production"),
                           QStringLiteral("keeper"), 1, {});
    QVERIFY(fetch(op));
    QVERIFY2(run(op), qPrintable(op.report().lines.join(QLatin1Char('\n'))));
    QCOMPARE(send(ApiRequest::get("/api/v1/namespaces/production/configmaps/keeper-kept")), 200);
    QCOMPARE(send(ApiRequest::get("/api/v1/namespaces/production/configmaps/keeper-dropped")), 404);
    QVERIFY2(op.report().lines.contains(QStringLiteral(
                 "Kept ConfigMap keeper-kept (annotated helm.sh/resource-policy: keep)")),
             qPrintable(op.report().lines.join(QLatin1Char('\n'))));
    QCOMPARE(history(QStringLiteral("keeper")).last(), QStringLiteral("3|deployed|Rollback to 1"));
}

void tst_HelmReleaseRollbackSim::viewerIsRefusedBeforePlanning()
{
    auto connection
        = m_cluster.config().connection(QStringLiteral("aks-chat-francecentral-viewer"));
    QVERIFY(connection.ok());
    HttpTransport viewer(std::move(*connection));
    HelmReleaseRollback op(&viewer, QStringLiteral("production"), QStringLiteral("chat-app"), 1,
                           {});
    Error error;
    QVERIFY(!fetch(op, &error));
    QCOMPARE(error.code, Error::Code::Forbidden);
    QVERIFY2(error.toString().startsWith(
                 QStringLiteral("You may not read Secrets in namespace production")),
             qPrintable(error.toString()));
}

QTEST_GUILESS_MAIN(tst_HelmReleaseRollbackSim)
#include "tst_helmreleaserollback_sim.moc"
