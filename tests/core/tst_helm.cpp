// SPDX-License-Identifier: GPL-3.0-or-later
// Helm release storage decoding/encoding and the native rollback plan, over Secrets in
// tests/data/helm/ encoded by Python's gzip/base64 (independent of our encoder).
#include "helm/helmcodec.h"
#include "helm/helmreleases.h"
#include "helm/helmrollback.h"
#include "helm/helmrollbackoperation.h"
#include "kube/actions/writeexecutor.h"

#include <QSignalSpy>

#include <QFile>
#include <QHash>
#include <QTest>

#include <memory>

using namespace Orrery;

namespace {

nlohmann::json load(const QString &name)
{
    QFile f(QStringLiteral(ORRERY_TEST_DATA "/helm/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return nlohmann::json::parse(f.readAll().toStdString());
}

// What the API server does with our Secret writes, enough for history checks.
void store(nlohmann::json &secretList, const QList<PlannedWrite> &writes)
{
    for (const PlannedWrite &w : writes) {
        QCOMPARE(w.kind, QStringLiteral("Secret"));
        const nlohmann::json body = nlohmann::json::parse(w.request.body.toStdString());
        auto &items = secretList["items"];
        if (w.request.method == "POST") {
            for (const auto &s : items)
                QVERIFY2(s["metadata"]["name"] != body["metadata"]["name"],
                         "create of an existing Secret");
            items.push_back(body);
        } else {
            QCOMPARE(w.request.method, QByteArray("PUT"));
            bool replaced = false;
            for (auto &s : items)
                if (s["metadata"]["name"] == body["metadata"]["name"]) {
                    s = body;
                    replaced = true;
                }
            QVERIFY2(replaced, "update of a missing Secret");
        }
    }
}

QString historyRows(const nlohmann::json &secrets, const QString &name)
{
    QStringList rows;
    for (const HelmRelease &r : HelmReleases::fromSecrets(secrets).history(name))
        rows << QStringLiteral("%1|%2|%3").arg(r.version).arg(r.status, r.description);
    return rows.join(QLatin1Char('\n'));
}

// An API server holding the namespace's Secrets; writes to `failKind` objects answer 422,
// dry runs included unless `failOnlyForReal` (a failure the dry run cannot foresee, such as a
// webhook that changed its mind or a quota used up meanwhile).
class FakeCluster : public WriteExecutor
{
public:
    nlohmann::json secrets;
    QString failKind;
    bool failOnlyForReal = false;
    QStringList log;
    // GET answers by path; any other object exists, without annotations.
    QHash<QString, ApiResponse> live;

    static ApiResponse object(int status, const nlohmann::json &body)
    {
        ApiResponse r;
        r.status = status;
        r.body = QByteArray::fromStdString(body.dump());
        return r;
    }

    HelmRollbackOperation::LiveReader reader()
    {
        return [this](const QString &path, QObject *context,
                      std::function<void(const Result<ApiResponse> &)> onFinished) {
            log << QStringLiteral("get %1").arg(path);
            const ApiResponse response = live.value(
                path,
                object(200, {{"metadata",
                              {{"name", path.section(QLatin1Char('/'), -1).toStdString()}}}}));
            QMetaObject::invokeMethod(
                context, [onFinished, response] { onFinished(response); }, Qt::QueuedConnection);
        };
    }

    void send(const PlannedWrite &write, QObject *context, Handler onFinished) override
    {
        log << QStringLiteral("%1 %2 %3%4")
                   .arg(write.verb, write.kind, write.name,
                        write.dryRun ? QStringLiteral(" (dry run)") : QString());
        ApiResponse response;
        response.status = 200;
        if (write.kind == failKind && !(failOnlyForReal && write.dryRun)) {
            response.status = 422;
            response.body = QByteArray::fromStdString(nlohmann::json{
                {"kind", "Status"},
                {"apiVersion", "v1"},
                {"status", "Failure"},
                {"message", "Deployment.apps \"web\" is invalid: "
                            "spec.template.spec.containers[0].image: Required value"},
                {"reason", "Invalid"},
                {"code", 422}}.dump());
        } else if (write.kind == QLatin1String("Secret")) {
            store(secrets, {write});
        }
        QMetaObject::invokeMethod(
            context, [onFinished, response] { onFinished(response); }, Qt::QueuedConnection);
    }
};

// The fixture of the rollback operation tests: release "shop" (its Secrets from
// tests/data/helm/secrets-shop.json) in a FakeCluster, rolled back at a fixed time. Set up the
// cluster, then run(); the caller returns when QTest::currentTestFailed().
struct ShopRollback
{
    FakeCluster cluster;
    const QDateTime now = QDateTime(QDate(2026, 11, 21), QTime(10, 0), Qt::UTC);
    std::unique_ptr<HelmRollbackOperation> op;
    bool ok = false;
    QString message;

    ShopRollback() { cluster.secrets = load(QStringLiteral("secrets-shop.json")); }

    // Plans the rollback to `target` (0: the previous revision) and runs it to its end.
    void run(int target)
    {
        auto plan = HelmRollback::plan(cluster.secrets, QStringLiteral("shop"), target, now);
        QVERIFY(plan.ok());
        op = std::make_unique<HelmRollbackOperation>(*plan);
        op->setNow(now);
        QSignalSpy finished(op.get(), &HelmRollbackOperation::finished);
        op->run(&cluster, cluster.reader());
        QTRY_COMPARE(finished.count(), 1);
        ok = finished.first().at(0).toBool();
        message = finished.first().at(1).toString();
    }
};

} // namespace

class tst_Helm : public QObject
{
    Q_OBJECT

private slots:
    void decode_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("chart");
        QTest::addColumn<QString>("appVersion");
        QTest::addColumn<QString>("description");
        QTest::addColumn<QDateTime>("lastDeployed");
        QTest::newRow("gzip v1") << "shop" << 1 << "superseded"
                                 << "shop-0.1.0"
                                 << "1.0"
                                 << "Install complete"
                                 << QDateTime(QDate(2026, 11, 20), QTime(9, 0, 0, 123), Qt::UTC);
        QTest::newRow("gzip v3") << "shop" << 3 << "deployed"
                                 << "shop-0.3.0"
                                 << "1.2"
                                 << "Upgrade complete"
                                 << QDateTime(QDate(2026, 11, 20), QTime(11, 45, 10), Qt::UTC);
        QTest::newRow("offset time")
            << "redis" << 1 << "deployed"
            << "redis-18.1.0"
            << "7.2.4"
            << "Install complete" << QDateTime(QDate(2026, 11, 19), QTime(7, 0), Qt::UTC);
        QTest::newRow("raw json")
            << "legacy" << 1 << "failed"
            << "legacy-1.0.0"
            << "1.0"
            << "Release \"legacy\" failed: timed out waiting for the condition"
            << QDateTime(QDate(2026, 11, 18), QTime(8, 5), Qt::UTC);
    }

    void decode()
    {
        QFETCH(QString, name);
        QFETCH(int, version);
        QFETCH(QString, status);
        QFETCH(QString, chart);
        QFETCH(QString, appVersion);
        QFETCH(QString, description);
        QFETCH(QDateTime, lastDeployed);
        const HelmReleases releases
            = HelmReleases::fromSecrets(load(QStringLiteral("secrets-shop.json")));
        auto r = releases.revision(name, version);
        QVERIFY(r.ok());
        QCOMPARE(r->ns, QStringLiteral("shop"));
        QCOMPARE(r->status, status);
        QCOMPARE(r->chart(), chart);
        QCOMPARE(r->appVersion, appVersion);
        QCOMPARE(r->description, description);
        QCOMPARE(r->lastDeployed, lastDeployed);
        const nlohmann::json source
            = load(QStringLiteral("release-%1-v%2.json").arg(name).arg(version));
        QVERIFY(r->config == source["config"]);
        QCOMPARE(r->manifest, QString::fromStdString(source["manifest"].get<std::string>()));
        QVERIFY(r->raw == source);
    }

    void listing()
    {
        const HelmReleases releases
            = HelmReleases::fromSecrets(load(QStringLiteral("secrets-shop.json")));
        QStringList latest;
        for (const HelmRelease &r : releases.latest())
            latest << QStringLiteral("%1 v%2 %3").arg(r.name).arg(r.version).arg(r.status);
        QCOMPARE(latest,
                 (QStringList{"legacy v1 failed", "redis v1 deployed", "shop v3 deployed"}));
        // The undecodable release is reported by name, the Opaque Secret ignored.
        QCOMPARE(releases.errors().size(), 1);
        QCOMPARE(releases.errors().first().context, QStringLiteral("sh.helm.release.v1.broken.v1"));
        QVERIFY(!releases.errors().first().toString().contains(QLatin1String("hunter2")));
        QCOMPARE(releases.history(QStringLiteral("shop")).size(), 3);
    }

    void roundTrip()
    {
        const HelmRelease original
            = HelmRelease::fromJson(load(QStringLiteral("release-shop-v2.json")));
        const QDateTime now(QDate(2026, 11, 21), QTime(10, 0), Qt::UTC);
        const nlohmann::json secret = HelmCodec::toSecret(original, now, false);
        QCOMPARE(secret["type"].get<std::string>(), std::string("helm.sh/release.v1"));
        QCOMPARE(secret["metadata"]["name"].get<std::string>(),
                 std::string("sh.helm.release.v1.shop.v2"));
        const nlohmann::json labels = secret["metadata"]["labels"];
        QVERIFY(labels
                == nlohmann::json({{"name", "shop"},
                                   {"owner", "helm"},
                                   {"status", "superseded"},
                                   {"version", "2"},
                                   {"modifiedAt", std::to_string(now.toSecsSinceEpoch())}}));
        // Twice base64, then gzip's magic.
        const QByteArray helm = QByteArray::fromBase64(
            QByteArray::fromStdString(secret["data"]["release"].get<std::string>()));
        const QByteArray gz = QByteArray::fromBase64(helm);
        QCOMPARE(gz.left(3), QByteArray("\x1f\x8b\x08", 3));
        auto decoded = HelmCodec::decodeSecret(secret);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->status, original.status);
        QCOMPARE(decoded->firstDeployed, original.firstDeployed);
        QCOMPARE(decoded->manifest, original.manifest);
        QVERIFY(decoded->config == original.config);
        QVERIFY(decoded->raw["chart"]["templates"] == original.raw["chart"]["templates"]);
    }

    void corrupt_data()
    {
        QTest::addColumn<QByteArray>("helmEncoded");
        QTest::newRow("not base64") << QByteArray("%%%");
        QTest::newRow("truncated gzip") << HelmCodec::gzip("{\"name\":\"x\"}").left(12).toBase64();
        QTest::newRow("not json") << QByteArray("hello").toBase64();
    }

    void corrupt()
    {
        QFETCH(QByteArray, helmEncoded);
        auto r = HelmCodec::decodeRelease(helmEncoded);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::ParseError);
    }

    void rollbackErrors_data()
    {
        QTest::addColumn<QString>("release");
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("error");
        QTest::newRow("missing revision") << "shop" << 7 << "release has no 7 version";
        QTest::newRow("first revision") << "redis" << 0 << "release has no 0 version";
        QTest::newRow("unknown release") << "nope" << 0 << "release: not found";
        QTest::newRow("negative") << "shop" << -1 << "invalid release revision";
    }

    void rollbackErrors()
    {
        QFETCH(QString, release);
        QFETCH(int, version);
        QFETCH(QString, error);
        auto plan = HelmRollback::plan(load(QStringLiteral("secrets-shop.json")), release, version,
                                       QDateTime::currentDateTimeUtc());
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().message, error);
    }

    void rollback_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<int>("target");
        QTest::addColumn<QStringList>("applies");
        QTest::addColumn<QStringList>("deletes");
        QTest::newRow("previous") << 0 << 2
                                  << QStringList{"Service shop/web", "ConfigMap shop/web-config",
                                                 "Deployment shop/web"}
                                  << QStringList{"Deployment shop/web-cache"};
        QTest::newRow("to-1") << 1 << 1 << QStringList{"Service shop/web", "Deployment shop/web"}
                              << QStringList{"ConfigMap shop/web-config",
                                             "Deployment shop/web-cache"};
    }

    void rollback()
    {
        QFETCH(int, version);
        QFETCH(int, target);
        QFETCH(QStringList, applies);
        QFETCH(QStringList, deletes);
        nlohmann::json secrets = load(QStringLiteral("secrets-shop.json"));
        const QDateTime now(QDate(2026, 11, 21), QTime(10, 0), Qt::UTC);
        auto plan = HelmRollback::plan(secrets, QStringLiteral("shop"), version, now);
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));
        QCOMPARE(plan->targetVersion, target);
        QCOMPARE(plan->pending.version, 4);
        QCOMPARE(plan->pending.status, QStringLiteral("pending-rollback"));
        QCOMPARE(plan->pending.description, QStringLiteral("Rollback to %1").arg(target));
        QCOMPARE(plan->pending.chartVersion, QStringLiteral("0.%1.0").arg(target));
        QCOMPARE(plan->pending.firstDeployed, plan->current.firstDeployed);

        auto names = [](const QList<PlannedWrite> &writes) {
            QStringList out;
            for (const PlannedWrite &w : writes)
                out << QStringLiteral("%1 %2/%3").arg(w.kind, w.ns, w.name);
            return out;
        };
        QCOMPARE(names(plan->applies), applies);
        QCOMPARE(names(plan->deletes), deletes);
        for (const PlannedWrite &w : plan->applies) {
            QCOMPARE(w.request.contentType, QByteArray("application/apply-patch+yaml"));
            QVERIFY(w.request.path.contains(QLatin1String("force=true")));
            QCOMPARE(
                w.body["metadata"]["annotations"]["meta.helm.sh/release-name"].get<std::string>(),
                std::string("shop"));
        }
        for (const PlannedWrite &w : plan->deletes)
            QCOMPARE(w.request.method, QByteArray("DELETE"));

        // Pending first: `helm history` shows it while the cluster is being updated.
        QCOMPARE(plan->recordPending.size(), 1);
        store(secrets, plan->recordPending);
        QCOMPARE(historyRows(secrets, QStringLiteral("shop")),
                 QStringLiteral("1|superseded|Install complete\n2|superseded|Upgrade complete\n"
                                "3|deployed|Upgrade complete\n4|pending-rollback|Rollback to %1")
                     .arg(target));

        nlohmann::json failed = secrets;
        store(secrets, plan->markDeployed(now));
        QCOMPARE(historyRows(secrets, QStringLiteral("shop")),
                 QStringLiteral("1|superseded|Install complete\n2|superseded|Upgrade complete\n"
                                "3|superseded|Upgrade complete\n4|deployed|Rollback to %1")
                     .arg(target));
        // The rolled-back revision carries the target's manifest and values.
        const HelmReleases after = HelmReleases::fromSecrets(secrets);
        QCOMPARE(after.revision(QStringLiteral("shop"), 4)->manifest,
                 after.revision(QStringLiteral("shop"), target)->manifest);
        QVERIFY(after.revision(QStringLiteral("shop"), 4)->config
                == after.revision(QStringLiteral("shop"), target)->config);
        QVERIFY(HelmReleases::historyTable(after.history(QStringLiteral("shop")))
                    .contains(QLatin1String("Sat Nov 21 10:00:00 2026\tdeployed  \tshop-0.")));

        store(failed, plan->markFailed(QStringLiteral("timed out waiting for the condition"), now));
        QCOMPARE(historyRows(failed, QStringLiteral("shop")),
                 QStringLiteral(
                     "1|superseded|Install complete\n2|superseded|Upgrade complete\n"
                     "3|superseded|Upgrade complete\n"
                     "4|failed|Rollback \"shop\" failed: timed out waiting for the condition"));
    }

    // What the permission pre-check asks, as `kubectl auth can-i` lines.
    void requiredAccess()
    {
        const HelmReleases releases
            = HelmReleases::fromSecrets(load(QStringLiteral("secrets-shop.json")));
        const QList<AccessCheck> checks
            = HelmRollback::requiredAccess(*releases.revision(QStringLiteral("shop"), 3),
                                           *releases.revision(QStringLiteral("shop"), 1));
        QStringList lines;
        for (const AccessCheck &c : checks)
            lines << QStringLiteral("%1 %2%3 -n %4")
                         .arg(c.verb, c.resource,
                              c.group.isEmpty() ? QString() : QLatin1Char('.') + c.group,
                              c.namespaceName);
        QCOMPARE(lines,
                 (QStringList{"get secrets -n shop", "create secrets -n shop",
                              "update secrets -n shop", "delete secrets -n shop",
                              "patch services -n shop", "create services -n shop",
                              "patch deployments.apps -n shop", "create deployments.apps -n shop",
                              "get configmaps -n shop", "delete configmaps -n shop",
                              "get deployments.apps -n shop", "delete deployments.apps -n shop"}));
    }

    void operation_data()
    {
        QTest::addColumn<QString>("failKind");
        QTest::addColumn<bool>("failOnlyForReal");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("history");
        QTest::newRow("success") << QString() << false << true
                                 << "1|superseded|Install complete\n2|superseded|Upgrade complete\n"
                                    "3|superseded|Upgrade complete\n4|deployed|Rollback to 2";
        // An invalid target manifest: the dry run fails first and nothing is written.
        QTest::newRow("dry run refuses")
            << "Deployment" << false << false
            << "1|superseded|Install complete\n2|superseded|Upgrade complete\n"
               "3|deployed|Upgrade complete";
        QTest::newRow("cluster refuses")
            << "Deployment" << true << false
            << "1|superseded|Install complete\n2|superseded|Upgrade complete\n"
               "3|superseded|Upgrade complete\n4|failed|Rollback \"shop\" failed: "
               "Deployment.apps \"web\" is invalid: spec.template.spec.containers[0].image: "
               "Required value";
    }

    void operation()
    {
        QFETCH(QString, failKind);
        QFETCH(bool, failOnlyForReal);
        QFETCH(bool, ok);
        QFETCH(QString, history);
        ShopRollback rollback;
        FakeCluster &cluster = rollback.cluster;
        const nlohmann::json before = cluster.secrets;
        cluster.failKind = failKind;
        cluster.failOnlyForReal = failOnlyForReal;
        rollback.run(0);
        if (QTest::currentTestFailed())
            return;
        HelmRollbackOperation &op = *rollback.op;
        QCOMPARE(rollback.ok, ok);
        QCOMPARE(historyRows(cluster.secrets, QStringLiteral("shop")), history);
        // The target manifest goes through the server's dry run first, every object of it.
        QCOMPARE(cluster.log.first(), QStringLiteral("apply Service web (dry run)"));
        QCOMPARE(op.failedInDryRun(), !failOnlyForReal && !failKind.isEmpty());
        if (op.failedInDryRun()) {
            // Nothing but dry runs went out, and the release Secrets are byte for byte the same.
            for (const QString &line : cluster.log)
                QVERIFY2(line.endsWith(QLatin1String("(dry run)")), qPrintable(line));
            QVERIFY(cluster.secrets == before);
            QVERIFY2(rollback.message.contains(QLatin1String("nothing was written")),
                     qPrintable(rollback.message));
            return;
        }
        // Pending is recorded before the cluster is touched (after the three dry runs).
        QCOMPARE(cluster.log.at(3), QStringLiteral("create Secret sh.helm.release.v1.shop.v4"));
        if (ok) {
            QCOMPARE(rollback.message, QStringLiteral("Rollback was a success! Happy Helming!"));
            QVERIFY(cluster.log.contains(QStringLiteral("delete Deployment web-cache")));
            // Looked at first, as Helm does, for its resource policy.
            QCOMPARE(cluster.log.indexOf(
                         QStringLiteral("get /apis/apps/v1/namespaces/shop/deployments/web-cache")),
                     cluster.log.indexOf(QStringLiteral("delete Deployment web-cache")) - 1);
        } else {
            QVERIFY(!cluster.log.contains(QStringLiteral("delete Deployment web-cache")));
        }
    }

    // Rolling shop back to revision 1 removes ConfigMap web-config and Deployment web-cache from
    // the manifest. What happens to each depends on the live object, read just before: Helm
    // keeps one annotated helm.sh/resource-policy: keep (exactly "keep"), needs nothing for one
    // already gone, and does not delete one it cannot read.
    void keepPolicy_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("policy"); // empty: no annotation
        QTest::addColumn<bool>("deleted");
        QTest::addColumn<bool>("kept");
        QTest::newRow("keep") << 200 << "keep" << false << true;
        QTest::newRow("keep, as Helm reads it")
            << 200 << " Keep " << false << true; // trimmed, lower-cased
        QTest::newRow("other policy") << 200 << "Keep-me-not" << true << false;
        QTest::newRow("no annotation") << 200 << QString() << true << false;
        QTest::newRow("already gone") << 404 << QString() << false << false;
        QTest::newRow("unreadable") << 500 << QString() << false << false;
    }

    void keepPolicy()
    {
        QFETCH(int, status);
        QFETCH(QString, policy);
        QFETCH(bool, deleted);
        QFETCH(bool, kept);
        ShopRollback rollback;
        FakeCluster &cluster = rollback.cluster;
        nlohmann::json metadata = {{"name", "web-config"}, {"namespace", "shop"}};
        if (!policy.isEmpty())
            metadata["annotations"]
                = {{"helm.sh/resource-policy", policy.toStdString()}, {"other", "x"}};
        const QString path = QStringLiteral("/api/v1/namespaces/shop/configmaps/web-config");
        cluster.live.insert(
            path, FakeCluster::object(status, status == 200 ? nlohmann::json{{"metadata", metadata}}
                                                            : nlohmann::json{{"kind", "Status"},
                                                                             {"code", status}}));
        rollback.run(1);
        if (QTest::currentTestFailed())
            return;
        HelmRollbackOperation &op = *rollback.op;
        // Keeping (or skipping) an object is not a failure: the rollback succeeds.
        QVERIFY2(rollback.ok, qPrintable(op.report().join('\n')));
        QVERIFY(cluster.log.contains(QStringLiteral("get ") + path));
        QCOMPARE(cluster.log.contains(QStringLiteral("delete ConfigMap web-config")), deleted);
        QVERIFY(cluster.log.contains(
            QStringLiteral("delete Deployment web-cache"))); // the other one goes
        QCOMPARE(op.kept().size(), kept ? 1 : 0);
        const QString &message = rollback.message;
        const QString report = op.report().join(QLatin1Char('\n'));
        if (kept) {
            QCOMPARE(op.kept().first().name, QStringLiteral("web-config"));
            QVERIFY2(message.contains(QLatin1String(
                         "Kept (annotated helm.sh/resource-policy: keep): ConfigMap web-config")),
                     qPrintable(message));
            QVERIFY2(report.contains(QLatin1String("Kept ConfigMap web-config")),
                     qPrintable(report));
        } else {
            QCOMPARE(message, QStringLiteral("Rollback was a success! Happy Helming!"));
        }
        if (status == 404)
            QVERIFY2(report.contains(QLatin1String("ConfigMap web-config is already gone")),
                     qPrintable(report));
        if (status == 500)
            QVERIFY2(report.contains(
                         QLatin1String("Not deleted: ConfigMap web-config could not be read")),
                     qPrintable(report));
        QCOMPARE(historyRows(cluster.secrets, QStringLiteral("shop")),
                 QStringLiteral("1|superseded|Install complete\n2|superseded|Upgrade complete\n"
                                "3|superseded|Upgrade complete\n4|deployed|Rollback to 1"));
    }

    void diffs()
    {
        const HelmReleases releases
            = HelmReleases::fromSecrets(load(QStringLiteral("secrets-shop.json")));
        const HelmRelease v2 = *releases.revision(QStringLiteral("shop"), 2);
        const HelmRelease v3 = *releases.revision(QStringLiteral("shop"), 3);
        const QString manifest = HelmReleases::manifestDiff(v2, v3);
        QVERIFY(manifest.startsWith(QLatin1String("--- shop v2\n+++ shop v3\n")));
        QVERIFY2(manifest.contains(QLatin1String("\n-          image: \"shop/web:1.1\"\n+          "
                                                 "image: \"shop/web:1.2-broken\"\n")),
                 qPrintable(manifest));
        QVERIFY(manifest.contains(QLatin1String("\n+  name: web-cache\n")));
        const QString values = HelmReleases::valuesDiff(v2, v3);
        QVERIFY2(values.contains(QLatin1String("+cache:\n+  enabled: true\n")), qPrintable(values));
        QVERIFY(values.contains(QLatin1String("-  tag: \"1.1\"\n+  tag: 1.2-broken\n")));
        QCOMPARE(HelmReleases::valuesYaml(*releases.revision(QStringLiteral("shop"), 1)),
                 QStringLiteral("null\n"));
    }
};

QTEST_GUILESS_MAIN(tst_Helm)
#include "tst_helm.moc"
