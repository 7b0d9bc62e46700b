// SPDX-License-Identifier: GPL-3.0-or-later
// The size limits of util/limits.h, each exceeded on purpose: the input fails with an Error
// that names the limit (or, for a watch, the informer relists), and nothing crashes, freezes
// or allocates gigabytes. Network cases run against the fake API server over real HTTP on
// loopback, with the real limits, except the oversized list page, which lowers the informer's
// page limit (InformerOptions::maxListPageBytes) rather than send 256 MiB.
#include "fakeapiserver.h"
#include "testcredentialprovider.h"

#include "helm/helmcodec.h"
#include "helm/helmreleases.h"
#include "kube/actions/yamljson.h"
#include "kube/clustersession.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "kube/resourcestore.h"
#include "util/limits.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <optional>

using namespace Orrery;
using nlohmann::json;

namespace {

// "Billion laughs": level 0 anchors ten scalars, every further level ten aliases of the one
// before, so `levels` levels expand to 10^levels scalars from a few hundred bytes.
QByteArray laughs(int levels, const QByteArray &indent = {})
{
    QByteArray yaml = indent + "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int i = 1; i < levels; ++i) {
        const QByteArray prev = "*l" + QByteArray::number(i - 1);
        QByteArray items;
        for (int k = 0; k < 10; ++k)
            items += (k ? ", " : "") + prev;
        yaml += indent + "l" + QByteArray::number(i) + ": &l" + QByteArray::number(i) + " [" + items
                + "]\n";
    }
    return yaml;
}

KubeObjectPtr pod(const QString &ns, const QString &name, int rv)
{
    auto o = std::make_shared<KubeObject>();
    o->kind = Kind::Pod;
    o->namespaceName = ns;
    o->name = name;
    o->resourceVersion = QString::number(rv);
    o->uid = ns + QLatin1Char('-') + name;
    o->data = PodData{};
    return o;
}

QStringList storeState(const ResourceStore &store)
{
    QStringList out;
    for (const KubeObjectPtr &o : store.objects(Kind::Pod))
        out << o->key() + QLatin1Char('@') + o->resourceVersion;
    out.sort();
    return out;
}

QStringList serverState(const Test::FakeApiServer &server)
{
    QStringList out;
    for (const json &o : server.objects("pods")) {
        const json &m = o["metadata"];
        out << QString::fromStdString(m["namespace"].get<std::string>() + "/"
                                      + m["name"].get<std::string>() + "@"
                                      + m["resourceVersion"].get<std::string>());
    }
    out.sort();
    return out;
}

json serverPod(const std::string &ns, const std::string &name, std::size_t annotationBytes = 0)
{
    json o = Test::FakeApiServer::makeObject(
        ns, name,
        {{"spec", {{"containers", {{{"name", "c"}, {"image", "nginx"}}}}}},
         {"status", {{"phase", "Running"}}}});
    if (annotationBytes)
        o["metadata"]["annotations"] = {{"padding", std::string(annotationBytes, 'x')}};
    return o;
}

} // namespace

class tst_Limits : public QObject
{
    Q_OBJECT

private slots:
    // ---- YAML -> JSON ----
    void yamlAliasExpansionIsBounded_data();
    void yamlAliasExpansionIsBounded();
    void yamlNestingIsBounded();
    void yamlSelfReferencingAlias();
    void yamlAliasOfLongStringIsBounded();
    void yamlWithinLimitsStillParses();
    void kubeconfigExtensionIsBounded();
    void trailingJunkEndsTheStream_data();
    void trailingJunkEndsTheStream();
    void documentsSplitLikeKubectl();

    // ---- HTTP ----
    void oversizedBodyIsAnError();
    void oversizedWatchLineRelists();
    void oversizedListPageStopsWithAnError();

    // ---- Helm ----
    void helmGzipBombFailsThatReleaseOnly();

    // ---- store inbox ----
    void storeInboxIsCompacted();
    void compactedInboxGivesTheSameState();
};

void tst_Limits::yamlAliasExpansionIsBounded_data()
{
    QTest::addColumn<int>("levels");
    QTest::addColumn<bool>("multiDocument");
    // 10^7 nodes: today's converter builds all of them (seconds, ~1 GB); 10^9 would never end.
    QTest::newRow("1e7 nodes") << 7 << false;
    QTest::newRow("1e9 nodes") << 9 << false;
    QTest::newRow("1e9 nodes, parseDocuments") << 9 << true;
}

void tst_Limits::yamlAliasExpansionIsBounded()
{
    QFETCH(int, levels);
    QFETCH(bool, multiDocument);
    const QByteArray yaml
        = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n" + laughs(levels, "  ");
    QVERIFY(yaml.size() < 1000);
    QElapsedTimer timer;
    timer.start();
    Error error;
    if (multiDocument) {
        const auto docs
            = YamlJson::parseDocuments("a: 1\n---\n" + yaml, QStringLiteral("laughs.yaml"));
        QVERIFY(!docs.ok());
        error = docs.error();
    } else {
        const auto doc = YamlJson::parse(yaml, QStringLiteral("laughs.yaml"));
        QVERIFY(!doc.ok());
        error = doc.error();
    }
    QCOMPARE(error.code, Error::Code::TooLarge);
    QVERIFY2(error.message.contains(QString::number(Limits::maxYamlNodes)),
             qPrintable(error.message));
    QCOMPARE(error.file, QStringLiteral("laughs.yaml"));
    QVERIFY2(error.line > 0, qPrintable(error.toString()));
    // Generous: the unbounded conversion takes minutes and gigabytes here.
    QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));
}

void tst_Limits::yamlNestingIsBounded()
{
    const int depth = Limits::maxNestingDepth + 10; // below yaml-cpp's own guard (2000)
    const QByteArray flow = QByteArray(depth, '[') + QByteArray(depth, ']');
    const auto doc = YamlJson::parse("deep: " + flow + "\n", QStringLiteral("deep.yaml"));
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, Error::Code::TooLarge);
    QVERIFY2(doc.error().message.contains(QString::number(Limits::maxNestingDepth)),
             qPrintable(doc.error().message));
    QCOMPARE(doc.error().line, 1);

    const QByteArray shallow = QByteArray(Limits::maxNestingDepth - 1, '[')
                               + QByteArray(Limits::maxNestingDepth - 1, ']');
    QVERIFY(YamlJson::parse(shallow).ok());
}

void tst_Limits::yamlSelfReferencingAlias()
{
    // An anchor used inside itself: whatever yaml-cpp makes of it (a cycle or an error), the
    // conversion ends with an Error instead of recursing until the stack overflows.
    for (const QByteArray &yaml : {QByteArray("a: &x [1, *x]\n"), QByteArray("a: &x {b: *x}\n")}) {
        const auto doc = YamlJson::parse(yaml, QStringLiteral("cycle.yaml"));
        QVERIFY2(!doc.ok(), yaml.constData());
        QVERIFY(doc.error().code == Error::Code::TooLarge
                || doc.error().code == Error::Code::ParseError);
    }
}

void tst_Limits::yamlAliasOfLongStringIsBounded()
{
    // 1 MiB of text, used 100 times: 100 MiB from a 1 MiB file.
    QByteArray yaml = "s: &s \"" + QByteArray(int(Limits::MiB), 'x') + "\"\nlist: [";
    for (int i = 0; i < 100; ++i)
        yaml += i ? ", *s" : "*s";
    yaml += "]\n";
    const auto doc = YamlJson::parse(yaml, QStringLiteral("long.yaml"));
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, Error::Code::TooLarge);
    QVERIFY2(doc.error().message.contains(Limits::byteSize(Limits::maxYamlExpandedBytes)),
             qPrintable(doc.error().message));
}

void tst_Limits::yamlWithinLimitsStillParses()
{
    // Aliases are fine in moderation (Helm values and CI files use them).
    const auto doc
        = YamlJson::parse("base: &b {image: nginx, port: 80}\nweb: *b\napi: *b\n" + laughs(4));
    QVERIFY(doc.ok());
    QVERIFY((*doc)["api"]["port"] == json(80));
    QCOMPARE((*doc)["l3"].size(), std::size_t(10));
    QVERIFY((*doc)["l3"][9][9][9][9] == json("lol")); // l3 → l2 → l1 → l0 → "lol"
}

// yaml-cpp 0.7's LoadAll never returned on these (empty documents until memory ran out; saved
// by the manifest fuzz target): a pasted manifest froze the window.
void tst_Limits::trailingJunkEndsTheStream_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::newRow("trailing comma") << QByteArray("{\"a\":1},\n") << 1;
    QTest::newRow("leading comma") << QByteArray("kind: A\n---\n,{\"a\":1}\n") << 3;
    QTest::newRow("junk in the second document") << QByteArray("a: 1\n---\nb: 2\n---\n[1],\n") << 5;
}

void tst_Limits::trailingJunkEndsTheStream()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    const auto docs = YamlJson::parseDocuments(yaml, QStringLiteral("m.yaml"));
    QVERIFY(!docs.ok());
    QCOMPARE(docs.error().code, Error::Code::ParseError);
    QCOMPARE(docs.error().file, QStringLiteral("m.yaml"));
    QCOMPARE(docs.error().line, line);
}

// Separators as kubectl reads them ("---" alone or before a comment), lines counted in the
// whole stream, empty documents counted in `index` but not returned.
void tst_Limits::documentsSplitLikeKubectl()
{
    const QByteArray yaml = "# leading comment\n"
                            "---\n"
                            "kind: A\n" // line 3
                            "text: |\n"
                            "  ---\n" // indented: block content, not a separator
                            "--- # second\n"
                            "\n"
                            "kind: B\n" // line 8
                            "---\n"
                            "---\n"
                            "kind: C\n"; // line 11
    const auto docs = YamlJson::parseDocuments(yaml, {});
    QVERIFY2(docs.ok(), qPrintable(docs.ok() ? QString() : docs.error().toString()));
    QCOMPARE(docs->size(), 3);
    QVERIFY(docs->at(0).value["kind"] == json("A"));
    QVERIFY(docs->at(0).value["text"] == json("---\n"));
    QCOMPARE(docs->at(0).line, 3);
    QCOMPARE(docs->at(0).index, 0);
    QVERIFY(docs->at(1).value["kind"] == json("B"));
    QCOMPARE(docs->at(1).line, 8);
    QCOMPARE(docs->at(1).index, 1);
    QVERIFY(docs->at(2).value["kind"] == json("C"));
    QCOMPARE(docs->at(2).line, 11);
    QCOMPARE(docs->at(2).index, 3); // the empty document between counts

    const auto bad = YamlJson::parseDocuments("kind: A\n---\nkind: [B\n", QStringLiteral("m.yaml"));
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().line >= 3,
             qPrintable(bad.error().toString())); // in the stream, not in the document
}

void tst_Limits::kubeconfigExtensionIsBounded()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray yaml
        = "apiVersion: v1\nkind: Config\nclusters:\n"
          "- name: laughs\n  cluster:\n    server: https://laughs.example\n    extensions:\n"
          "    - name: client.authentication.k8s.io/exec\n      extension:\n"
          + laughs(9, "        ") + "- name: fine\n  cluster:\n    server: https://fine.example\n";
    file.write(yaml);
    file.close();
    const Kubeconfig config = Kubeconfig::loadFiles({path});
    QVERIFY(config.cluster(QStringLiteral("fine"))); // the other entries still load
    QVERIFY(!config.cluster(QStringLiteral("laughs")));
    bool named = false;
    for (const Error &e : config.errors())
        named = named
                || (e.message.contains(QString::number(Limits::maxYamlNodes)) && e.file == path
                    && e.line > 0);
    QVERIFY(named);
}

void tst_Limits::oversizedBodyIsAnError()
{
    Test::FakeApiServer server;
    QVERIFY(server.start());
    server.put("pods", serverPod("default", "small"));
    server.put("pods",
               serverPod("default", "huge", std::size_t(Limits::maxResponseBodyBytes) + 4096));
    ClusterConnection connection;
    connection.contextName = QStringLiteral("test");
    connection.server = QString::fromStdString(server.url());
    connection.disableCompression = true;
    HttpTransport transport(connection);

    std::optional<Result<ApiResponse>> small, huge;
    transport.get(QStringLiteral("/api/v1/namespaces/default/pods/small"), this,
                  [&](const Result<ApiResponse> &r) { small = r; });
    transport.get(QStringLiteral("/api/v1/namespaces/default/pods/huge"), this,
                  [&](const Result<ApiResponse> &r) { huge = r; });
    QTRY_VERIFY_WITH_TIMEOUT(small && huge, 60000);
    QVERIFY(small->ok() && (*small)->status == 200);
    QVERIFY(!huge->ok());
    QCOMPARE(huge->error().code, Error::Code::TooLarge);
    QVERIFY2(huge->error().message.contains(Limits::byteSize(Limits::maxResponseBodyBytes)),
             qPrintable(huge->error().toString()));
    QVERIFY2(huge->error().context.contains(QStringLiteral("pods/huge")),
             qPrintable(huge->error().toString()));
}

void tst_Limits::oversizedWatchLineRelists()
{
    Test::FakeApiServer server;
    server.setBookmarkIntervalMs(200);
    QVERIFY(server.start());
    server.put("pods", serverPod("default", "small"));
    ClusterConnection connection;
    connection.contextName = QStringLiteral("test");
    connection.server = QString::fromStdString(server.url());
    connection.credentials
        = std::make_shared<Test::TestCredentialProvider>(QList<QByteArray>{"t0k3n"});
    ClusterSession session(connection);
    InformerOptions options;
    options.initialBackoffMs = 20;
    options.maxBackoffMs = 200;
    session.setOptions(options);
    session.setKinds({Kind::Pod});
    QSignalSpy synced(&session, &ClusterSession::synced);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(synced.count() > 0, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(server.activeWatches(), 1, 10000);
    QCOMPARE(server.fullListCount("pods"), 1);

    // One event longer than a watch line may be: the informer drops the watch and relists,
    // and the list (paginated, bounded by the body limit) brings the object in.
    server.put("pods", serverPod("default", "huge", std::size_t(Limits::maxWatchLineBytes) + 1024));
    QTRY_VERIFY_WITH_TIMEOUT(server.fullListCount("pods") >= 2, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(storeState(*session.store()), serverState(server), 30000);
    const WatchHealth health = session.health(Kind::Pod);
    QVERIFY(health.lastError.has_value());
    QCOMPARE(health.lastError->code, Error::Code::TooLarge);
    QVERIFY2(health.lastError->message.contains(Limits::byteSize(Limits::maxWatchLineBytes)),
             qPrintable(health.lastError->toString()));
    QTRY_COMPARE_WITH_TIMEOUT(session.health(Kind::Pod).state, WatchHealth::State::Live, 10000);

    // And the informer keeps working afterwards.
    server.put("pods", serverPod("default", "after"));
    QTRY_COMPARE_WITH_TIMEOUT(storeState(*session.store()), serverState(server), 20000);
}

// One list page over the limit: the informer stops with a TooLarge error that names the kind,
// the limit and what helps, shown as the kind's Error state, instead of downloading the same
// page again and again (before: Reconnecting/Stale, a relist every backoff, forever).
void tst_Limits::oversizedListPageStopsWithAnError()
{
    Test::FakeApiServer server;
    QVERIFY(server.start());
    for (int i = 0; i < 20; ++i)
        server.put("pods", serverPod("default", std::string("p").append(std::to_string(i)), 2048));
    auto connectionTo = [&server] {
        ClusterConnection connection;
        connection.contextName = QStringLiteral("test");
        connection.server = QString::fromStdString(server.url());
        connection.disableCompression = true;
        return connection;
    };
    ClusterSession session(connectionTo());
    InformerOptions options;
    options.initialBackoffMs = 20; // a retry, were there one, would come at once
    options.maxBackoffMs = 100;
    options.maxListPageBytes = 16 * Limits::KiB; // 20 pods of 2 KiB: one page of 500 is ~50 KiB
    session.setOptions(options);
    session.setKinds({Kind::Pod});
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(session.health(Kind::Pod).state, WatchHealth::State::Error, 20000);
    const WatchHealth health = session.health(Kind::Pod);
    QVERIFY(health.lastError.has_value());
    const Error &e = *health.lastError;
    QCOMPARE(e.code, Error::Code::TooLarge);
    QVERIFY2(e.message.contains(QLatin1String("pods")), qPrintable(e.toString()));
    QVERIFY2(e.message.contains(QLatin1String("16 KiB")), qPrintable(e.toString()));
    QVERIFY2(e.message.contains(QLatin1String("500")), qPrintable(e.toString())); // the page size
    QVERIFY2(e.hint.contains(QLatin1String("page size"))
                 && e.hint.contains(QLatin1String("namespace")),
             qPrintable(e.toString()));
    // No retry: over a second (ten backoffs and more), the server sees no other list.
    QTest::qWait(1200);
    QCOMPARE(server.fullListCount("pods"), 1);
    QCOMPARE(session.health(Kind::Pod).state, WatchHealth::State::Error);
    QVERIFY(!session.store()->hasSynced(Kind::Pod));

    // Reconnect (a resync) tries once more, and stops again.
    session.resync(QStringLiteral("asked for"));
    QTRY_COMPARE_WITH_TIMEOUT(server.fullListCount("pods"), 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(session.health(Kind::Pod).state, WatchHealth::State::Error, 10000);
    QTest::qWait(500);
    QCOMPARE(server.fullListCount("pods"), 2);

    // What the error says helps does: smaller pages fit under the same limit.
    ClusterSession paged(connectionTo());
    options.pageSize = 4;
    paged.setOptions(options);
    paged.setKinds({Kind::Pod});
    QSignalSpy synced(&paged, &ClusterSession::synced);
    paged.start();
    QTRY_VERIFY_WITH_TIMEOUT(synced.count() > 0, 20000);
    QCOMPARE(paged.store()->count(Kind::Pod), 20);
    QCOMPARE(paged.health(Kind::Pod).state, WatchHealth::State::Live);
}

void tst_Limits::helmGzipBombFailsThatReleaseOnly()
{
    HelmRelease good;
    good.name = QStringLiteral("web");
    good.ns = QStringLiteral("default");
    good.version = 1;
    good.status = QStringLiteral("deployed");
    const json goodSecret = HelmCodec::toSecret(good, QDateTime::currentDateTimeUtc(), true);

    // 1 MiB past the limit of zeros gzips to about 65 KiB: small enough for any Secret.
    const QByteArray bomb
        = HelmCodec::gzip(QByteArray(int(Limits::maxDecompressedBytes + Limits::MiB), ' '));
    QVERIFY(bomb.size() < Limits::MiB);
    json bombSecret = goodSecret;
    bombSecret["metadata"]["name"] = "sh.helm.release.v1.bomb.v1";
    bombSecret["data"]["release"] = bomb.toBase64().toBase64().toStdString();

    const auto direct = HelmCodec::decodeSecret(bombSecret);
    QVERIFY(!direct.ok());
    QCOMPARE(direct.error().code, Error::Code::TooLarge);
    QVERIFY2(direct.error().message.contains(Limits::byteSize(Limits::maxDecompressedBytes)),
             qPrintable(direct.error().message));
    QCOMPARE(direct.error().context, QStringLiteral("sh.helm.release.v1.bomb.v1"));

    const HelmReleases releases = HelmReleases::fromSecrets(json::array({bombSecret, goodSecret}));
    QCOMPARE(releases.all().size(), 1);
    QCOMPARE(releases.all().first().name, QStringLiteral("web"));
    QCOMPARE(releases.errors().size(), 1);
    QCOMPARE(releases.errors().first().code, Error::Code::TooLarge);
}

void tst_Limits::storeInboxIsCompacted()
{
    // Events pour in while the GUI thread does not flush (no event loop runs here).
    ResourceStore store;
    const int posts = 3 * Limits::maxStoreInboxBacklog;
    for (int i = 0; i < posts; ++i) {
        StoreDelta d;
        d.kind = Kind::Pod;
        d.object = pod(QStringLiteral("ns"), QStringLiteral("p%1").arg(i % 10), i + 1);
        store.post(std::move(d));
        QVERIFY(store.pendingDeltas() <= Limits::maxStoreInboxBacklog);
    }
    QSignalSpy changed(&store, &ResourceStore::changed);
    store.flush();
    QCOMPARE(store.pendingDeltas(), 0);
    QCOMPARE(store.count(Kind::Pod), 10);
    for (int k = 0; k < 10; ++k)
        QCOMPARE(store.object(Kind::Pod, QStringLiteral("ns"), QStringLiteral("p%1").arg(k))
                     ->resourceVersion,
                 QString::number(posts - 10 + k + 1));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(
        changed.first().first().value<ChangeBatch>().count(Kind::Pod, ObjectChange::Type::Added),
        10);
}

void tst_Limits::compactedInboxGivesTheSameState()
{
    // A seeded mix of upserts, deletes and (namespaced and cluster-wide) replaces, applied once
    // through a compacting inbox and once delta by delta: the states must be equal.
    QRandomGenerator random(11);
    const QStringList namespaces{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    std::vector<StoreDelta> script;
    std::map<QString, quint64> lists; // scope → the list in progress (ListPage)
    for (int i = 0; i < Limits::maxStoreInboxBacklog * 2 + 500; ++i) {
        StoreDelta d;
        d.kind = Kind::Pod;
        const int roll = int(random.bounded(1000));
        if (roll >= 2 && roll < 12) {
            // A page of a list in pages (or the list stopped), in a scope.
            const int which = int(random.bounded(4));
            d.scopeNamespace = which == 3 ? QString() : namespaces[which];
            quint64 &id = lists[d.scopeNamespace];
            if (!id)
                id = ResourceStore::newListId();
            d.listId = id;
            if (roll == 11) {
                d.type = StoreDelta::Type::ListAbandoned;
                id = 0;
            } else {
                d.type = StoreDelta::Type::ListPage;
                for (int k = 0; k < 5; ++k) {
                    const QString ns = d.scopeNamespace.isEmpty()
                                           ? namespaces[int(random.bounded(3))]
                                           : d.scopeNamespace;
                    d.objects.push_back(
                        pod(ns, QStringLiteral("p%1").arg(random.bounded(40)), i + 1));
                }
                d.listComplete = roll < 5;
                if (d.listComplete)
                    id = 0;
            }
        } else if (roll < 2) {
            d.type = StoreDelta::Type::Replace;
            d.scopeNamespace = roll == 0 ? QString() : namespaces[int(random.bounded(3))];
            for (int k = 0; k < 20; ++k) {
                const QString ns = d.scopeNamespace.isEmpty() ? namespaces[int(random.bounded(3))]
                                                              : d.scopeNamespace;
                d.objects.push_back(pod(ns, QStringLiteral("p%1").arg(random.bounded(40)), i + 1));
            }
        } else {
            d.type = roll < 300 ? StoreDelta::Type::Delete : StoreDelta::Type::Upsert;
            d.object = pod(namespaces[int(random.bounded(3))],
                           QStringLiteral("p%1").arg(random.bounded(40)), i + 1);
        }
        script.push_back(std::move(d));
    }
    ResourceStore compacted, stepwise;
    for (const StoreDelta &d : script)
        compacted.post(d);
    QVERIFY(compacted.pendingDeltas() <= Limits::maxStoreInboxBacklog);
    compacted.flush();
    for (const StoreDelta &d : script) {
        stepwise.post(d);
        stepwise.flush();
    }
    QVERIFY(stepwise.count(Kind::Pod) > 0);
    QCOMPARE(storeState(compacted), storeState(stepwise));
    QCOMPARE(compacted.hasSynced(Kind::Pod), stepwise.hasSynced(Kind::Pod));
}

QTEST_GUILESS_MAIN(tst_Limits)
#include "tst_limits.moc"
