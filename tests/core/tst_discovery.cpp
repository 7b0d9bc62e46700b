// SPDX-License-Identifier: GPL-3.0-or-later
// Legacy discovery: APIResourceList parsing, kind → resource mapping, version fallback
// (autoscaling/v2 → v1) and groups the server lacks.

#include "fakeapiserver.h"
#include "testcredentialprovider.h"

#include "kube/discovery.h"
#include "kube/httptransport.h"

#include <QTest>

using namespace Orrery;

class tst_Discovery : public QObject
{
    Q_OBJECT

private:
    Result<ApiDiscovery> discover(Test::FakeApiServer &server)
    {
        ClusterConnection c;
        c.server = QString::fromStdString(server.url());
        c.credentials = std::make_shared<Test::TestCredentialProvider>();
        HttpTransport transport(c);
        std::optional<Result<ApiDiscovery>> result;
        ApiDiscovery::discover(&transport, this,
                               [&](Result<ApiDiscovery> r) { result = std::move(r); });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
            return Error(Error::Code::Timeout, QStringLiteral("discovery did not finish"));
        return *result;
    }

private slots:
    void parseResourceList()
    {
        const QByteArray json = R"({"kind":"APIResourceList","groupVersion":"apps/v1","resources":[
            {"name":"deployments","singularName":"deployment","namespaced":true,"kind":"Deployment","verbs":["get","list","watch"],"shortNames":["deploy"]},
            {"name":"deployments/scale","namespaced":true,"kind":"Scale","verbs":["get","patch"]}]})";
        Result<QList<ApiResource>> list = ApiDiscovery::parseResourceList(json);
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 2);
        const ApiResource &d = list->at(0);
        QCOMPARE(d.group, QStringLiteral("apps"));
        QCOMPARE(d.version, QStringLiteral("v1"));
        QCOMPARE(d.kind, QStringLiteral("Deployment"));
        QVERIFY(d.namespaced);
        QCOMPARE(d.verbs, (QStringList{"get", "list", "watch"}));
        QCOMPARE(d.shortNames, QStringList{"deploy"});
        QCOMPARE(d.collectionPath(QStringLiteral("shop")),
                 QStringLiteral("/apis/apps/v1/namespaces/shop/deployments"));
        QCOMPARE(d.collectionPath(), QStringLiteral("/apis/apps/v1/deployments"));
        QCOMPARE(d.objectPath(QStringLiteral("shop"), QStringLiteral("api")),
                 QStringLiteral("/apis/apps/v1/namespaces/shop/deployments/api"));
        QVERIFY(!ApiDiscovery::parseResourceList("{\"kind\":\"Status\"}").ok());
        QVERIFY(!ApiDiscovery::parseResourceList("not json").ok());
    }

    void everyKindResolves()
    {
        Test::FakeApiServer server;
        QVERIFY(server.start());
        Result<ApiDiscovery> d = discover(server);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().toString()));
        QCOMPARE(d->serverVersion, QStringLiteral("v1.30.0-fake"));
        for (Kind kind : allKinds()) {
            std::optional<ApiResource> r = d->resource(kind);
            QVERIFY2(r.has_value(), kindInfo(kind).name);
            QCOMPARE(r->name, QLatin1String(kindInfo(kind).resource));
            QCOMPARE(r->namespaced, kindInfo(kind).namespaced);
            QVERIFY(!d->kindError(kind));
        }
        QCOMPARE(d->resource(Kind::HorizontalPodAutoscaler)->groupVersion(),
                 QStringLiteral("autoscaling/v2"));
        QCOMPARE(d->resource(Kind::Pod)->basePath(), QStringLiteral("/api/v1"));
        QVERIFY(d->warnings.isEmpty());
        QVERIFY(d->find(QStringLiteral("apps"), QStringLiteral("Deployment")).has_value());
    }

    void fallsBackToOlderVersion()
    {
        Test::FakeApiServer server;
        server.setGroupVersions("autoscaling", {"v1"});
        QVERIFY(server.start());
        Result<ApiDiscovery> d = discover(server);
        QVERIFY(d.ok());
        QCOMPARE(d->resource(Kind::HorizontalPodAutoscaler)->groupVersion(),
                 QStringLiteral("autoscaling/v1"));
        QCOMPARE(d->warnings.size(), 1);
        QVERIFY(d->warnings.at(0).contains(QLatin1String("autoscaling/v2")));
    }

    void missingGroupIsReported()
    {
        Test::FakeApiServer server;
        server.setGroupVersions("autoscaling", {});
        server.setGroupVersions("networking.k8s.io", {});
        QVERIFY(server.start());
        Result<ApiDiscovery> d = discover(server);
        QVERIFY(d.ok());
        for (Kind kind : {Kind::HorizontalPodAutoscaler, Kind::Ingress}) {
            QVERIFY(!d->resource(kind));
            QVERIFY(d->kindError(kind).has_value());
            QCOMPARE(d->kindError(kind)->code, Error::Code::Unsupported);
        }
        QVERIFY(d->kindError(Kind::HorizontalPodAutoscaler)
                    ->message.contains(QLatin1String("autoscaling/v2")));
        QVERIFY(d->resource(Kind::Deployment).has_value());
    }

    void unreachableServerFails()
    {
        Test::FakeApiServer server;
        QVERIFY(server.start());
        server.stop();
        Result<ApiDiscovery> d = discover(server);
        QVERIFY(!d.ok());
        QCOMPARE(d.error().code, Error::Code::Network);
    }
};

QTEST_GUILESS_MAIN(tst_Discovery)
#include "tst_discovery.moc"
