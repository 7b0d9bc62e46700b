// SPDX-License-Identifier: GPL-3.0-or-later
// HelmReleaseList: an all-namespace SecretList of Helm storage Secrets split by namespace and
// decoded, page by page, over tests/data/helm/secrets-shop.json (Python-encoded releases)
// reshaped per test: malformed namespaces never throw, a bad revision is skipped with its
// reason, a body that is not a list is one error, pages merge per namespace, cancellation
// stops the decode, and the decode runs through Async to the page's thread.
#include "helm/helmreleaselist.h"
#include "util/async.h"

#include <QFile>
#include <QPromise>
#include <QTest>
#include <QThread>

#include <optional>

using namespace Orrery;

namespace {

nlohmann::json shopSecrets()
{
    QFile f(QStringLiteral(ORRERY_TEST_DATA "/helm/secrets-shop.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture secrets-shop.json");
    return nlohmann::json::parse(f.readAll().toStdString());
}

// The fixture's Secret `name`, moved to namespace `ns`.
nlohmann::json secret(const std::string &name, const std::string &ns)
{
    const nlohmann::json all = shopSecrets();
    for (nlohmann::json item : all["items"]) {
        if (item["metadata"]["name"] != name)
            continue;
        item["metadata"]["namespace"] = ns;
        return item;
    }
    qFatal("no Secret %s in the fixture", name.c_str());
}

QByteArray list(const nlohmann::json &items, const std::string &continueToken = {})
{
    nlohmann::json l = {{"apiVersion", "v1"}, {"kind", "SecretList"}, {"items", items}};
    l["metadata"] = nlohmann::json::object();
    if (!continueToken.empty())
        l["metadata"]["continue"] = continueToken;
    return QByteArray::fromStdString(l.dump());
}

QStringList latest(const HelmReleaseList &list, const QString &ns)
{
    QStringList out;
    for (const HelmRelease &r : list.releases().value(ns).latest())
        out << QStringLiteral("%1 v%2").arg(r.name).arg(r.version);
    return out;
}

} // namespace

class tst_HelmReleaseList : public QObject
{
    Q_OBJECT

private slots:
    void splitsByNamespace()
    {
        const HelmReleaseList page = HelmReleaseList::decodePage(list(nlohmann::json::array({
            secret("sh.helm.release.v1.shop.v1", "shop"),
            secret("sh.helm.release.v1.shop.v2", "shop"),
            secret("sh.helm.release.v1.shop.v3", "staging"),
            secret("sh.helm.release.v1.redis.v1", "cache"),
        })));
        QCOMPARE(page.releases().keys(), (QStringList{"cache", "shop", "staging"}));
        QCOMPARE(latest(page, "shop"), QStringList{"shop v2"});
        QCOMPARE(latest(page, "staging"), QStringList{"shop v3"});
        QCOMPARE(latest(page, "cache"), QStringList{"redis v1"});
        QVERIFY(page.errors().isEmpty());
        QVERIFY(page.continueToken().isEmpty());
    }

    void malformedNamespaces_data()
    {
        QTest::addColumn<QByteArray>("ns"); // JSON; "absent" removes the member
        QTest::newRow("number") << QByteArray("42");
        QTest::newRow("object") << QByteArray("{\"name\":\"shop\"}");
        QTest::newRow("array") << QByteArray("[\"shop\"]");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("absent") << QByteArray("absent");
    }

    // Not a string reads as no namespace: the release is still listed (under ""), nothing
    // throws, and the well-formed neighbours are unaffected.
    void malformedNamespaces()
    {
        QFETCH(QByteArray, ns);
        nlohmann::json odd = secret("sh.helm.release.v1.redis.v1", "shop");
        if (ns == "absent")
            odd["metadata"].erase("namespace");
        else
            odd["metadata"]["namespace"] = nlohmann::json::parse(ns.toStdString());
        const HelmReleaseList page = HelmReleaseList::decodePage(
            list(nlohmann::json::array({secret("sh.helm.release.v1.shop.v3", "shop"), odd})));
        QCOMPARE(page.releases().keys(), (QStringList{QString(), "shop"}));
        QCOMPARE(latest(page, QString()), QStringList{"redis v1"});
        QCOMPARE(latest(page, "shop"), QStringList{"shop v3"});
        QVERIFY(page.errors().isEmpty());
    }

    // Items that are not Secrets at all (a string, metadata not an object) are skipped.
    void malformedItems()
    {
        nlohmann::json flat = secret("sh.helm.release.v1.shop.v1", "shop");
        flat["metadata"] = "sh.helm.release.v1.shop.v1";
        const HelmReleaseList page = HelmReleaseList::decodePage(list(nlohmann::json::array(
            {"junk", 7, nullptr, flat, secret("sh.helm.release.v1.legacy.v1", "ops")})));
        QCOMPARE(latest(page, "ops"), QStringList{"legacy v1"});
        // `flat` still decodes (its data is intact), under no namespace.
        QCOMPARE(latest(page, QString()), QStringList{"shop v1"});
        QVERIFY(page.errors().isEmpty());
    }

    void badReleaseSkippedWithReason()
    {
        nlohmann::json empty = secret("sh.helm.release.v1.shop.v2", "shop");
        empty["metadata"]["name"] = "sh.helm.release.v1.shop.v9";
        empty["data"].erase("release");
        nlohmann::json garbled = secret("sh.helm.release.v1.shop.v3", "shop");
        garbled["metadata"]["name"] = "sh.helm.release.v1.shop.v8";
        garbled["data"]["release"] = "bm90IGEgcmVsZWFzZQ=="; // "not a release"
        const HelmReleaseList page = HelmReleaseList::decodePage(list(nlohmann::json::array({
            secret("sh.helm.release.v1.shop.v1", "shop"),
            secret("sh.helm.release.v1.broken.v1", "shop"), // the fixture's undecodable one
            empty, garbled, secret("db-password", "shop"),  // Opaque: not Helm's, ignored
        })));
        QCOMPARE(latest(page, "shop"), QStringList{"shop v1"});
        QCOMPARE(page.errors().size(), 3);
        // Each reason names its Secret and says what is wrong, never the data.
        QCOMPARE(page.errors().filter(QStringLiteral("sh.helm.release.v1.broken.v1")).size(), 1);
        QCOMPARE(page.errors().filter(QStringLiteral("sh.helm.release.v1.shop.v9")),
                 QStringList{"sh.helm.release.v1.shop.v9: The Secret holds no release."});
        QCOMPARE(page.errors().filter(QStringLiteral("sh.helm.release.v1.shop.v8")).size(), 1);
        for (const QString &e : page.errors())
            QVERIFY2(!e.contains(QLatin1String("hunter2")), qPrintable(e));
    }

    void notAList_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("<html>proxy error</html>");
        QTest::newRow("no items") << QByteArray("{\"kind\":\"SecretList\"}");
        QTest::newRow("items not an array") << QByteArray("{\"items\":{\"a\":1}}");
        QTest::newRow("array") << QByteArray("[]");
    }

    void notAList()
    {
        QFETCH(QByteArray, body);
        const HelmReleaseList page = HelmReleaseList::decodePage(body);
        QVERIFY(page.releases().isEmpty());
        QCOMPARE(page.errors(), QStringList{"The server sent an invalid Secret list."});
        QVERIFY(page.continueToken().isEmpty());
    }

    // Pages of one list: a release whose revisions span pages has one history; the continue
    // token follows the last page merged.
    void pagesMerge()
    {
        HelmReleaseList listing;
        HelmReleaseList first = HelmReleaseList::decodePage(
            list(nlohmann::json::array({secret("sh.helm.release.v1.shop.v1", "shop"),
                                        secret("sh.helm.release.v1.broken.v1", "shop")}),
                 "page-2"));
        QCOMPARE(first.continueToken(), QStringLiteral("page-2"));
        listing.merge(std::move(first));
        QCOMPARE(listing.continueToken(), QStringLiteral("page-2"));
        listing.merge(HelmReleaseList::decodePage(
            list(nlohmann::json::array({secret("sh.helm.release.v1.shop.v3", "shop"),
                                        secret("sh.helm.release.v1.shop.v2", "shop"),
                                        secret("sh.helm.release.v1.redis.v1", "cache")}))));
        QVERIFY(listing.continueToken().isEmpty());
        QCOMPARE(listing.releases().keys(), (QStringList{"cache", "shop"}));
        QList<int> versions;
        for (const HelmRelease &r : listing.releases().value("shop").history("shop"))
            versions << r.version;
        QCOMPARE(versions, (QList<int>{1, 2, 3}));
        QCOMPARE(listing.errors().size(), 1);
        const HelmReleaseList::ByNamespace taken = listing.takeReleases();
        QCOMPARE(taken.size(), 2);
    }

    void cancelledDecodeStops()
    {
        QPromise<void> promise;
        QFuture<void> future = promise.future();
        future.cancel();
        const Async::Token cancelled(future);
        QVERIFY(cancelled.isCanceled());
        const HelmReleaseList page = HelmReleaseList::decodePage(
            list(nlohmann::json::array({secret("sh.helm.release.v1.shop.v1", "shop")}), "next"),
            cancelled);
        QVERIFY(page.releases().isEmpty());
        QVERIFY(page.errors().isEmpty());
    }

    // As the Helm page runs it: decoded on the pool, delivered to the guard's thread.
    void decodesThroughAsync()
    {
        QObject guard;
        std::optional<HelmReleaseList> delivered;
        QThread *deliveredOn = nullptr;
        Async::run(
            &guard,
            [body = QByteArray::fromStdString(shopSecrets().dump())](const Async::Token &cancel) {
                return HelmReleaseList::decodePage(body, cancel);
            },
            [&](const HelmReleaseList &page) {
                delivered = page;
                deliveredOn = QThread::currentThread();
            });
        QTRY_VERIFY(delivered.has_value());
        QCOMPARE(deliveredOn, QThread::currentThread());
        QCOMPARE(latest(*delivered, "shop"), (QStringList{"legacy v1", "redis v1", "shop v3"}));
        QCOMPARE(delivered->errors().size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_HelmReleaseList)
#include "tst_helmreleaselist.moc"
