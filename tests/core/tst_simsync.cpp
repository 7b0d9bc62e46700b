// SPDX-License-Identifier: GPL-3.0-or-later
// End to end over real HTTPS: orrery-sim serves a scenario, the kubeconfig it writes is loaded
// with Kubeconfig, and a ClusterSession syncs every kind. The store must hold exactly what an
// unpaginated list returns, follow changes made through the generic request API, and report
// RBAC denials (the viewer context may not list Secrets) as Forbidden.

#include "eventloopwait.h"
#include "kube/clustersession.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "kube/resourcestore.h"
#include "simprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <nlohmann/json.hpp>

using namespace Orrery;

class tst_SimSync : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    QString m_kubeconfig;

    Result<ClusterConnection> connection(const QString &context)
    {
        return Kubeconfig::load(m_kubeconfig).connection(context);
    }

    std::unique_ptr<ClusterSession> syncedSession(const QString &context)
    {
        Result<ClusterConnection> c = connection(context);
        if (!c.ok())
            return nullptr;
        auto session = std::make_unique<ClusterSession>(c.value());
        QSignalSpy synced(session.get(), &ClusterSession::synced);
        session->start();
        if (!synced.wait(60000) && synced.isEmpty())
            return nullptr;
        return session;
    }

    int listCount(HttpTransport &transport, const QString &path)
    {
        std::optional<Result<ApiResponse>> result;
        transport.get(path, this, [&](const Result<ApiResponse> &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000) || !result->ok()
            || !(*result)->isSuccess())
            return -1;
        auto j = nlohmann::json::parse((*result)->body.toStdString(), nullptr, false);
        return j.is_object() && j.contains("items") ? int(j["items"].size()) : -1;
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
        QVERIFY2(m_sim.start({QStringLiteral("--scenario"), QStringLiteral("pfe")}, m_kubeconfig),
                 qPrintable(m_sim.errorString()));
    }

    void cleanupTestCase() { m_sim.stop(); }

    void fullSyncMatchesServer()
    {
        const Kubeconfig config = Kubeconfig::load(m_kubeconfig);
        const QString context = config.currentContext();
        QVERIFY(!context.isEmpty());
        auto session = syncedSession(context);
        QVERIFY(session);
        QVERIFY(!session->discovery().serverVersion.isEmpty());
        for (const WatchHealth &h : session->health())
            QVERIFY2(h.state == WatchHealth::State::Live,
                     qPrintable(
                         kindName(h.kind) + QLatin1Char(' ') + WatchHealth::stateName(h.state)
                         + (h.lastError ? QLatin1Char(' ') + h.lastError->toString() : QString())));
        // The scenario's Deployments exist when the simulator says "ready"; their pods come from
        // its controllers a moment later, so on a loaded machine the first list may have none
        // (this made the test flaky). They must then arrive through the watch.
        QVERIFY(session->store()->count(Kind::Deployment) > 0);
        QVERIFY(
            Orrery::Test::waitUntil([&] { return session->store()->count(Kind::Pod) > 0; }, 20000));
        QVERIFY(session->store()->count(Kind::Namespace) > 0);
        // Every kind: the store holds exactly what a plain list returns.
        for (Kind kind : allKinds()) {
            std::optional<ApiResource> r = session->discovery().resource(kind);
            QVERIFY2(r.has_value(), kindInfo(kind).name);
            // The simulator keeps running (events, controllers): compare until both agree.
            // An explicit loop, because listCount() spins its own event loop.
            QElapsedTimer waited;
            waited.start();
            int stored = -1;
            int listed = -2;
            while (waited.elapsed() < 20000) {
                listed = listCount(*session->transport(), r->collectionPath());
                stored = session->store()->count(kind);
                if (stored == listed)
                    break;
                QTest::qWait(100);
            }
            QVERIFY2(stored == listed, qPrintable(QStringLiteral("%1: store %2, server %3")
                                                      .arg(kindInfo(kind).name)
                                                      .arg(stored)
                                                      .arg(listed)));
        }
        // Pods point at nodes and owners that are in the store too.
        for (const KubeObjectPtr &pod : session->store()->objects(Kind::Pod)) {
            if (const OwnerReference *owner = pod->controllerRef())
                QVERIFY2(session->store()->objectByUid(owner->uid), qPrintable(pod->key()));
        }
    }

    void changesArriveThroughTheWatch()
    {
        auto session = syncedSession(Kubeconfig::load(m_kubeconfig).currentContext());
        QVERIFY(session);
        const QList<KubeObjectPtr> deployments = session->store()->objects(Kind::Deployment);
        QVERIFY(!deployments.isEmpty());
        const KubeObjectPtr d = deployments.first();
        const int replicas = d->workload()->desired + 1;
        ApiRequest patch;
        patch.method = "PATCH";
        patch.path = session->discovery()
                         .resource(Kind::Deployment)
                         ->objectPath(d->namespaceName, d->name);
        patch.contentType = "application/merge-patch+json";
        patch.body = QByteArray("{\"spec\":{\"replicas\":") + QByteArray::number(replicas) + "}}";
        std::optional<Result<ApiResponse>> result;
        session->transport()->send(patch, this, [&](const Result<ApiResponse> &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        QVERIFY(result->ok());
        QCOMPARE((*result)->status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(session->store()
                                      ->object(Kind::Deployment, d->namespaceName, d->name)
                                      ->workload()
                                      ->desired,
                                  replicas, 20000);

        std::optional<Result<QByteArray>> yaml;
        session->fetchObject(Kind::Deployment, d->namespaceName, d->name,
                             ClusterSession::Format::Yaml, this,
                             [&](const Result<QByteArray> &r) { yaml = r; });
        QTRY_VERIFY_WITH_TIMEOUT(yaml.has_value(), 20000);
        QVERIFY(yaml->ok());
        QVERIFY((*yaml)->contains("kind: Deployment"));
        QVERIFY((*yaml)->contains("replicas: " + QByteArray::number(replicas)));
    }

    void viewerMayNotListSecrets()
    {
        const QString viewer
            = Kubeconfig::load(m_kubeconfig).currentContext() + QStringLiteral("-viewer");
        if (!Kubeconfig::load(m_kubeconfig).contextNames().contains(viewer))
            QSKIP("the simulator wrote no viewer context");
        auto session = syncedSession(viewer);
        QVERIFY(session);
        const WatchHealth secrets = session->health(Kind::Secret);
        QCOMPARE(secrets.state, WatchHealth::State::Error);
        QVERIFY(secrets.lastError.has_value());
        QCOMPARE(secrets.lastError->code, Error::Code::Forbidden);
        QCOMPARE(session->health(Kind::Pod).state, WatchHealth::State::Live);
    }

    void tlsServerName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("verifies");
        QTest::newRow("in the certificate") << "kubernetes.default" << true;
        QTest::newRow("not in the certificate") << "wrong.example.com" << false;
    }

    void tlsServerName()
    {
        // The URL stays 127.0.0.1; only the name checked against the certificate changes.
        QFETCH(QString, name);
        QFETCH(bool, verifies);
        Result<ClusterConnection> c = connection(Kubeconfig::load(m_kubeconfig).currentContext());
        QVERIFY(c.ok());
        QVERIFY(!c->certificateAuthorityPem.isEmpty());
        QVERIFY(!c->insecureSkipTlsVerify);
        c->tlsServerName = name;
        HttpTransport transport(c.value());
        std::optional<Result<ApiResponse>> result;
        transport.get(QStringLiteral("/version"), this,
                      [&](const Result<ApiResponse> &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        QCOMPARE(result->ok(), verifies);
        if (verifies) {
            QCOMPARE((*result)->status, 200);
            QVERIFY(!(*result)->httpVersion.isEmpty());
        } else {
            QCOMPARE(result->error().code, Error::Code::Tls);
        }
    }

    void doctorReportsUsableContext()
    {
        const QString context = Kubeconfig::load(m_kubeconfig).currentContext();
        QProcess doctor;
        doctor.start(QStringLiteral(ORRERY_APP_BINARY),
                     {QStringLiteral("--doctor"), QStringLiteral("--kubeconfig"), m_kubeconfig,
                      QStringLiteral("--context"), context, QStringLiteral("--json")});
        QVERIFY(doctor.waitForFinished(120000));
        QCOMPARE(doctor.exitCode(), 0);
        auto j
            = nlohmann::json::parse(doctor.readAllStandardOutput().toStdString(), nullptr, false);
        QVERIFY(j.is_object());
        QCOMPARE(j["ok"].get<bool>(), true);
        const auto &c = j["contexts"][0];
        QCOMPARE(QString::fromStdString(c["context"].get<std::string>()), context);
        QVERIFY(c["usable"].get<bool>());
        QVERIFY(!c["serverVersion"].get<std::string>().empty());
        QCOMPARE(c["kinds"].size(), std::size_t(KindCount));
        int pods = -1;
        for (const auto &k : c["kinds"])
            if (k["kind"] == "Pod")
                pods = k["objects"].get<int>();
        QVERIFY(pods > 0);
        QStringList checks;
        for (const auto &check : c["checks"])
            checks << QString::fromStdString(check["name"].get<std::string>());
        QCOMPARE(checks,
                 (QStringList{"kubeconfig", "credentials", "reachability", "permissions", "sync"}));
    }

    void doctorReportsUnreachableContext()
    {
        // The same kubeconfig, pointed at a port nobody listens on.
        QFile in(m_kubeconfig);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray text = in.readAll();
        const QByteArray url
            = QByteArray("https://127.0.0.1:")
              + QByteArray::number(
                  QUrl(Kubeconfig::load(m_kubeconfig)
                           .connection(Kubeconfig::load(m_kubeconfig).currentContext())
                           ->server)
                      .port());
        QVERIFY(text.contains(url));
        text.replace(url, "https://127.0.0.1:1");
        const QString broken = m_dir.filePath(QStringLiteral("broken"));
        QFile out(broken);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
        out.close();
        QProcess doctor;
        doctor.start(QStringLiteral(ORRERY_APP_BINARY),
                     {QStringLiteral("--doctor"), QStringLiteral("--kubeconfig"), broken,
                      QStringLiteral("--context"), Kubeconfig::load(broken).currentContext()});
        QVERIFY(doctor.waitForFinished(120000));
        QCOMPARE(doctor.exitCode(), 1);
        const QString report = QString::fromUtf8(doctor.readAllStandardOutput());
        QVERIFY2(report.contains(QLatin1String("UNUSABLE")), qPrintable(report));
        QVERIFY2(report.contains(QLatin1String("refused")), qPrintable(report));
    }

    void secretsAreRedactedInFetchedObjects()
    {
        auto session = syncedSession(Kubeconfig::load(m_kubeconfig).currentContext());
        QVERIFY(session);
        const QList<KubeObjectPtr> secrets = session->store()->objects(Kind::Secret);
        if (secrets.isEmpty())
            QSKIP("the scenario has no Secrets");
        const KubeObjectPtr s = secrets.first();
        std::optional<Result<QByteArray>> text;
        session->fetchObject(Kind::Secret, s->namespaceName, s->name, ClusterSession::Format::Json,
                             this, [&](const Result<QByteArray> &r) { text = r; });
        QTRY_VERIFY_WITH_TIMEOUT(text.has_value(), 20000);
        QVERIFY(text->ok());
        auto j = nlohmann::json::parse((*text)->toStdString(), nullptr, false);
        QVERIFY(j.is_object());
        if (j.contains("data"))
            for (const auto &v : j["data"])
                QCOMPARE(QString::fromStdString(v.get<std::string>()),
                         QStringLiteral("<redacted>"));
    }
};

QTEST_GUILESS_MAIN(tst_SimSync)
#include "tst_simsync.moc"
