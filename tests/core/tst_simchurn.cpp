// SPDX-License-Identifier: GPL-3.0-or-later
// Churn end to end over real HTTPS (issue 16's "no event dropped, the store equal to the
// server at the end", small and untimed): orrery-sim serves a few hundred synthetic pods, a
// ClusterSession syncs them, the simulator deletes pods at random (its controllers recreate
// them, the kubelet runs them: ADDED, MODIFIED and DELETED events) for a few seconds, then
// stops; the store must then hold exactly the server's pods, each at the server's
// resourceVersion, reached through watch events alone (no relist, no reconnect).
// The timed version at 150,000 pods is tests/bench/bench_churn.cpp.

#include "eventloopwait.h"
#include "kube/clustersession.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "kube/resourcestore.h"
#include "simprocess.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <map>

using namespace Orrery;

class tst_SimChurn : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    QString m_kubeconfig;

    using Versions = std::map<QString, QString>; // namespace/name -> resourceVersion

    // The server's pods, one plain LIST; empty with `ok` false when it failed.
    Versions serverPods(HttpTransport &transport, bool &ok)
    {
        ok = false;
        std::optional<Result<ApiResponse>> result;
        transport.get(QStringLiteral("/api/v1/pods"), this,
                      [&](const Result<ApiResponse> &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000) || !result->ok()
            || !(*result)->isSuccess())
            return {};
        const auto list = nlohmann::json::parse((*result)->body.toStdString(), nullptr, false);
        if (!list.is_object() || !list.contains("items"))
            return {};
        Versions out;
        for (const auto &item : list["items"]) {
            const auto &meta = item["metadata"];
            out[QString::fromStdString(meta.value("namespace", std::string())) + QLatin1Char('/')
                + QString::fromStdString(meta.value("name", std::string()))]
                = QString::fromStdString(meta.value("resourceVersion", std::string()));
        }
        ok = true;
        return out;
    }

    static Versions storePods(const ResourceStore &store)
    {
        Versions out;
        for (const KubeObjectPtr &p : store.objects(Kind::Pod))
            out[p->namespaceName + QLatin1Char('/') + p->name] = p->resourceVersion;
        return out;
    }

    // The first differences between the two, for the failure message.
    static QString differences(const Versions &server, const Versions &store)
    {
        QStringList out;
        for (const auto &[key, rv] : server) {
            const auto it = store.find(key);
            if (it == store.end())
                out << key + QStringLiteral(" missing from the store");
            else if (it->second != rv)
                out << key
                           + QStringLiteral(" at %1 in the store, %2 on the server")
                                 .arg(it->second, rv);
        }
        for (const auto &[key, rv] : store)
            if (!server.count(key))
                out << key + QStringLiteral(" in the store only");
        const int total = int(out.size());
        while (out.size() > 5)
            out.removeLast();
        return QStringLiteral("%1 differences: %2").arg(total).arg(out.join(QStringLiteral("; ")));
    }

    bool setChurn(ClusterSession &session, const QByteArray &rate)
    {
        ApiRequest patch;
        patch.method = "PATCH";
        patch.path = session.discovery()
                         .resource(Kind::Namespace)
                         ->objectPath(QString(), QStringLiteral("kube-system"));
        patch.contentType = "application/merge-patch+json";
        patch.body = "{\"metadata\":{\"annotations\":{\"sim.orrery.dev/churn-per-second\":\"" + rate
                     + "\"}}}";
        std::optional<Result<ApiResponse>> result;
        session.transport()->send(patch, this, [&](const Result<ApiResponse> &r) { result = r; });
        return QTest::qWaitFor([&] { return result.has_value(); }, 20000) && result->ok()
               && (*result)->status == 200;
    }

private slots:
    void initTestCase()
    {
        QProcess probe;
        probe.start(QStringLiteral(ORRERY_SIM_BINARY), {QStringLiteral("--help")});
        if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
            QSKIP("orrery-sim is not available");
        QVERIFY(m_dir.isValid());
        m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
        // Simulated time 5x faster: a deleted pod's 30 s of grace take 6 s.
        QVERIFY2(m_sim.start({QStringLiteral("--scenario"), QStringLiteral("minimal"),
                              QStringLiteral("--synthetic-pods"), QStringLiteral("300"),
                              QStringLiteral("--synthetic-nodes"), QStringLiteral("10"),
                              QStringLiteral("--speed"), QStringLiteral("5")},
                             m_kubeconfig),
                 qPrintable(m_sim.errorString()));
    }

    void cleanupTestCase() { m_sim.stop(); }

    void storeEqualsServerAfterChurn()
    {
        Result<ClusterConnection> c
            = Kubeconfig::load(m_kubeconfig)
                  .connection(Kubeconfig::load(m_kubeconfig).currentContext());
        QVERIFY(c.ok());
        ClusterSession session(c.value());
        QSignalSpy synced(&session, &ClusterSession::synced);
        session.start();
        QVERIFY(synced.wait(60000) || !synced.isEmpty());
        QVERIFY(Orrery::Test::waitUntil([&] { return session.store()->count(Kind::Pod) >= 300; },
                                        30000));

        int added = 0, modified = 0, deleted = 0;
        QObject::connect(session.store(), &ResourceStore::changed, this, [&](const ChangeBatch &b) {
            added += b.count(Kind::Pod, ObjectChange::Type::Added);
            modified += b.count(Kind::Pod, ObjectChange::Type::Modified);
            deleted += b.count(Kind::Pod, ObjectChange::Type::Deleted);
        });
        // 4 deletions per simulated second, 20 per second of wall time, for 4 s: about 80 of
        // the 300 pods go and come back.
        QVERIFY(setChurn(session, "4"));
        QTest::qWait(4000);
        QVERIFY(setChurn(session, "0"));

        // The churn happened, and reached the client through its watch.
        QVERIFY(Orrery::Test::waitUntil([&] { return deleted >= 20 && added >= 20; }, 30000));
        QVERIFY2(modified > added, qPrintable(QString::number(modified)));

        // Then the store must come to hold exactly the server's pods at the server's
        // versions. The simulator keeps working for a while (grace periods end, recreated
        // pods start): compare until both agree or 60 s have passed. A lost event leaves a
        // pod missing, extra or at an old version for good.
        QElapsedTimer waited;
        waited.start();
        QString last;
        bool equal = false;
        while (!equal && waited.elapsed() < 60000) {
            bool ok = false;
            const Versions server = serverPods(*session.transport(), ok);
            QVERIFY(ok);
            const Versions store = storePods(*session.store());
            equal = server == store;
            if (!equal) {
                last = differences(server, store);
                QTest::qWait(200);
            }
        }
        QVERIFY2(equal, qPrintable(last));
        // Reached through watch events only: a relist would have repaired a lost event.
        const WatchHealth pods = session.health(Kind::Pod);
        QCOMPARE(pods.relistCount, 0);
        QCOMPARE(pods.reconnectCount, 0);
        qInfo("pod changes received: %d added, %d modified, %d deleted", added, modified, deleted);
    }
};

QTEST_GUILESS_MAIN(tst_SimChurn)
#include "tst_simchurn.moc"
