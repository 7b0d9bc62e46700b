// SPDX-License-Identifier: GPL-3.0-or-later
// Tolerant decoding (docs/RELIABILITY.md, "Tolerant decoding"): every decoder of outside JSON
// gets wrong-typed, null, too deep and non-UTF-8 variants of what it expects, and must answer
// with a value or an Error, never an exception. Before JsonRead, most rows here aborted the
// test process with nlohmann::type_error (or type_error 316 from dump()).

#include "testcredentialprovider.h"

#include "audit/auditentry.h"
#include "helm/helmcodec.h"
#include "helm/helmreleases.h"
#include "kube/actions/serversideapply.h"
#include "kube/apirequest.h"
#include "kube/discovery.h"
#include "kube/httptransport.h"
#include "kube/informer.h"
#include "kube/objectdecoder.h"
#include "kube/resourcestore.h"
#include "util/jsonread.h"
#include "util/utf8.h"

#include <httplib.h>
#include <listenthread.h>

#include <QDir>
#include <QFile>
#include <QTest>

#include <chrono>
#include <limits>
#include <mutex>
#include <thread>

using namespace Orrery;
using nlohmann::json;

namespace {

QByteArray readData(const QString &relative)
{
    QFile f(QStringLiteral(ORRERY_TEST_DATA "/") + relative);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A document nested `depth` arrays deep.
QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

// Every JSON pointer in `j`, the root excluded.
void pointers(const json &j, const std::string &prefix, std::vector<std::string> &out)
{
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            std::string key = it.key();
            // RFC 6901 escaping: "~" then "/".
            for (std::size_t pos = 0; (pos = key.find('~', pos)) != std::string::npos; pos += 2)
                key.replace(pos, 1, "~0");
            for (std::size_t pos = 0; (pos = key.find('/', pos)) != std::string::npos; pos += 2)
                key.replace(pos, 1, "~1");
            // A copy: the recursion appends to `out`, which may move its strings.
            const std::string path = prefix + "/" + key;
            out.push_back(path);
            pointers(it.value(), path, out);
        }
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) {
            const std::string path = prefix + "/" + std::to_string(i);
            out.push_back(path);
            pointers(j[i], path, out);
        }
    }
}

// What a field of the wrong type can be.
std::vector<json> wrongValues()
{
    return {json(nullptr),
            json("x"),
            json(1e300),
            json(-1.5),
            json(true),
            json::array(),
            json::object(),
            json(std::numeric_limits<std::uint64_t>::max()),
            json(std::string("caf\xe9"))};
}

// A Helm release Secret around a release document, encoded as Helm stores it.
json helmSecret(const json &release, const std::string &name = "sh.helm.release.v1.shop.v1")
{
    const QByteArray helmEncoded = HelmCodec::gzip(JsonRead::dumpBytes(release)).toBase64();
    return {{"apiVersion", "v1"},
            {"kind", "Secret"},
            {"type", "helm.sh/release.v1"},
            {"metadata", {{"name", name}, {"namespace", "shop"}}},
            {"data", {{"release", helmEncoded.toBase64().toStdString()}}}};
}

} // namespace

class tst_HostileJson : public QObject
{
    Q_OBJECT

private slots:
    void readers();
    void parseBounds_data();
    void parseBounds();
    void dumpNeverThrows();
    void utf8Validation_data();
    void utf8Validation();
    void apiStatus_data();
    void apiStatus();
    void discovery_data();
    void discovery();
    void objectDecoderWrongTypes();
    void helmRelease_data();
    void helmRelease();
    void helmReleaseListSkipsBadOnes();
    void auditScrubsCrd();
    void manifestPlanning_data();
    void manifestPlanning();
    void informerList_data();
    void informerList();
    void informerWatch_data();
    void informerWatch();
};

void tst_HostileJson::readers()
{
    const json j
        = json::parse(R"({"s": "text", "n": null, "i": 7, "f": 2.9, "big": 1e300, "neg": -3,
        "u": 18446744073709551615, "b": true, "o": {"k": "v"}, "a": ["x", 1, null, "y"], "str3": "3"})");
    QCOMPARE(JsonRead::string(j, "s"), QStringLiteral("text"));
    QCOMPARE(JsonRead::string(j, "n", QStringLiteral("fb")),
             QStringLiteral("fb")); // null is absent
    QCOMPARE(JsonRead::string(j, "i", QStringLiteral("fb")),
             QStringLiteral("fb")); // wrong type is absent
    QCOMPARE(JsonRead::string(j, {"o", "k"}), QStringLiteral("v"));
    QCOMPARE(JsonRead::string(j, {"s", "k"}, QStringLiteral("fb")),
             QStringLiteral("fb")); // through a string
    QCOMPARE(JsonRead::string(j, {"a", "0"}, QStringLiteral("fb")),
             QStringLiteral("fb")); // paths walk objects only
    QCOMPARE(JsonRead::integer(j, "i"), 7);
    QCOMPARE(JsonRead::integer(j, "f"), 2);
    QCOMPARE(JsonRead::integer(j, "neg"), -3);
    QCOMPARE(JsonRead::integer(j, "big", -1), -1);  // would be UB as a cast
    QCOMPARE(JsonRead::integer(j, "u", -1), -1);    // above INT64_MAX
    QCOMPARE(JsonRead::integer(j, "str3", -1), -1); // a string is not a number
    QCOMPARE(JsonRead::integer(j, "b", -1), -1);
    QVERIFY(!JsonRead::optionalInteger(j, {"missing"}));
    QCOMPARE(JsonRead::boolean(j, "b"), true);
    QCOMPARE(JsonRead::boolean(j, "i", true), true);
    QVERIFY(JsonRead::object(j, "o").is_object());
    QVERIFY(JsonRead::object(j, "a").is_object());
    QVERIFY(JsonRead::object(j, "a").empty());
    QCOMPARE(JsonRead::array(j, "a").size(), std::size_t(4));
    QVERIFY(JsonRead::array(j, "o").empty());
    QCOMPARE(JsonRead::stringList(j, {"a"}),
             QStringList({QStringLiteral("x"), QStringLiteral("y")}));
    // Reading never inserts (a const json's operator[] would be UB on a missing key).
    QVERIFY(!JsonRead::find(j, {"o", "missing", "deeper"}));
    QVERIFY(!j.contains("missing"));
}

void tst_HostileJson::parseBounds_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("object") << QByteArray(R"({"a": [1, {"b": null}]})") << true;
    QTest::newRow("at the depth bound") << nested(JsonRead::MaxDepth) << true;
    QTest::newRow("one deeper") << nested(JsonRead::MaxDepth + 1) << false;
    QTest::newRow("a million deep") << nested(1000000) << false;
    QTest::newRow("unclosed million") << QByteArray(1000000, '{') << false;
    QTest::newRow("brackets inside strings do not count")
        << QByteArray("[\"") + QByteArray(5000, '[') + QByteArray("\\\"\"]") << true;
    QTest::newRow("malformed") << QByteArray(R"({"a": )") << false;
    QTest::newRow("trailing garbage") << QByteArray(R"({} {})") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("invalid UTF-8 in a string") << QByteArray("{\"a\": \"caf\xe9\"}") << false;
}

void tst_HostileJson::parseBounds()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, accepted);
    const json j = JsonRead::parse(text);
    QCOMPARE(!j.is_discarded(), accepted);
}

void tst_HostileJson::dumpNeverThrows()
{
    // yaml-cpp hands over bytes unchecked; nlohmann's dump() throws type_error 316 on them.
    json j = {{"data", {{"greeting", std::string("caf\xe9")}}}, {std::string("k\xff"), 1}};
    std::string out;
    try {
        out = JsonRead::dump(j);
    } catch (const std::exception &e) {
        QFAIL(e.what());
    }
    QVERIFY(QString::fromStdString(out).contains(QChar(0xFFFD)));
    QVERIFY(!Utf8::firstInvalidByte(QByteArray::fromStdString(out)));
    QVERIFY(!JsonRead::parse(JsonRead::dumpBytes(j, 2)).is_discarded());
}

void tst_HostileJson::utf8Validation_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("firstBad"); // -1: valid
    QTest::newRow("ascii") << QByteArray("plain") << -1;
    QTest::newRow("utf-8") << QString::fromUtf8("café ☕ 𝄞").toUtf8() << -1;
    QTest::newRow("latin-1") << QByteArray("caf\xe9") << 3;
    QTest::newRow("overlong slash") << QByteArray("a\xc0\xaf") << 1;
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << 0;
    QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << 0;
    QTest::newRow("truncated") << QByteArray("ok\xe2\x82") << 2;
    QTest::newRow("stray continuation") << QByteArray("\x80") << 0;
}

void tst_HostileJson::utf8Validation()
{
    QFETCH(QByteArray, text);
    QFETCH(int, firstBad);
    const auto bad = Utf8::firstInvalidByte(text);
    QCOMPARE(bad ? int(*bad) : -1, firstBad);
}

void tst_HostileJson::apiStatus_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    const QString fallback = QStringLiteral("the server answered HTTP 500");
    QTest::newRow("message null") << QByteArray(R"({"kind":"Status","message":null})") << fallback;
    QTest::newRow("message number") << QByteArray(R"({"kind":"Status","message":42})") << fallback;
    QTest::newRow("message object")
        << QByteArray(R"({"kind":"Status","message":{"a":1}})") << fallback;
    QTest::newRow("kind number") << QByteArray(R"({"kind":7,"message":"m"})") << fallback;
    QTest::newRow("kind null") << QByteArray(R"({"kind":null,"message":"m"})") << fallback;
    QTest::newRow("array body") << QByteArray(R"([{"kind":"Status"}])") << fallback;
    QTest::newRow("string body") << QByteArray(R"("Status")") << fallback;
    QTest::newRow("too deep") << nested(100000) << fallback;
    QTest::newRow("not UTF-8") << QByteArray("{\"kind\":\"Status\",\"message\":\"caf\xe9\"}")
                               << fallback;
    QTest::newRow("html") << QByteArray("<html>502 Bad Gateway</html>") << fallback;
    QTest::newRow("good") << QByteArray(R"({"kind":"Status","message":"etcd is down"})")
                          << QStringLiteral("etcd is down");
}

void tst_HostileJson::apiStatus()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    ApiResponse r;
    r.status = 500;
    r.body = body;
    const Error e = r.toError(QStringLiteral("GET /version"));
    QCOMPARE(e.code, Error::Code::ServerError);
    QCOMPARE(e.message, message);
    QCOMPARE(e.httpStatus, 500);
}

void tst_HostileJson::discovery_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("resources"); // "name:kind:namespaced:verbs" per resource, ';'-joined
    QTest::newRow("good") << QByteArray(R"({"groupVersion":"apps/v1","resources":[
        {"name":"deployments","kind":"Deployment","namespaced":true,"verbs":["get","list"]}]})")
                          << true << QStringLiteral("deployments:Deployment:1:get,list");
    QTest::newRow("wrong-typed fields") << QByteArray(R"({"groupVersion":7,"resources":[
        {"name":5,"kind":null,"namespaced":"true","verbs":"get","shortNames":[1,"d",null]},
        "not an object", null, 3,
        {"name":"pods","kind":"Pod","namespaced":true,"verbs":["get",null,7,"watch"]}]})")
                                        << true << QStringLiteral("::0:;pods:Pod:1:get,watch");
    QTest::newRow("resources is an object")
        << QByteArray(R"({"resources":{"name":"x"}})") << false << QString();
    QTest::newRow("resources is null") << QByteArray(R"({"resources":null})") << false << QString();
    QTest::newRow("array") << QByteArray("[]") << false << QString();
    QTest::newRow("too deep") << nested(100000) << false << QString();
}

void tst_HostileJson::discovery()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(QString, resources);
    const auto list = ApiDiscovery::parseResourceList(body);
    QCOMPARE(list.ok(), ok);
    if (!ok) {
        QCOMPARE(list.error().code, Error::Code::ParseError);
        return;
    }
    QStringList got;
    for (const ApiResource &r : *list)
        got << QStringLiteral("%1:%2:%3:%4")
                   .arg(r.name, r.kind)
                   .arg(r.namespaced ? 1 : 0)
                   .arg(r.verbs.join(QLatin1Char(',')));
    QCOMPARE(got.join(QLatin1Char(';')), resources);
}

// Every field of every fixture, replaced by each wrong-typed value in turn: the decoder must
// return an object (or null) every time. Under ORRERY_SANITIZE this also catches the UB of
// casting 1e300 to an integer.
void tst_HostileJson::objectDecoderWrongTypes()
{
    const QDir dir(QStringLiteral(ORRERY_TEST_DATA "/objects"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(!files.isEmpty());
    int decoded = 0;
    for (const QString &file : files) {
        const json original = JsonRead::parse(readData(QStringLiteral("objects/") + file));
        QVERIFY2(original.is_object(), qPrintable(file));
        const auto kind = kindFromName(JsonRead::string(original, "kind"));
        QVERIFY2(kind, qPrintable(file));
        const QString apiVersion = JsonRead::string(original, "apiVersion");
        std::vector<std::string> paths;
        pointers(original, "", paths);
        Internal::ObjectDecoder decoder;
        for (const std::string &path : paths) {
            for (const json &value : wrongValues()) {
                json mutated = original;
                mutated[json::json_pointer(path)] = value;
                try {
                    decoder.decode(*kind, mutated, apiVersion);
                } catch (const std::exception &e) {
                    QFAIL(qPrintable(QStringLiteral("%1 %2 = %3: %4")
                                         .arg(file, QString::fromStdString(path),
                                              QString::fromStdString(JsonRead::dump(value)),
                                              QLatin1String(e.what()))));
                }
                ++decoded;
            }
        }
        // The whole object replaced by each wrong value, too.
        for (const json &value : wrongValues())
            decoder.decode(*kind, value, apiVersion);
    }
    qInfo("%d mutated objects decoded", decoded);
}

void tst_HostileJson::helmRelease_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QByteArray>("value"); // JSON
    QTest::addColumn<int>("version");      // 0: the release is refused
    QTest::newRow("version as a string") << "/version" << QByteArray(R"("3")") << 0;
    QTest::newRow("version null") << "/version" << QByteArray("null") << 0;
    QTest::newRow("version huge") << "/version" << QByteArray("1e300") << 0;
    QTest::newRow("version negative") << "/version" << QByteArray("-2") << 0;
    QTest::newRow("version above int") << "/version" << QByteArray("4294967296") << 0;
    QTest::newRow("version 2.0") << "/version" << QByteArray("2.0") << 2;
    QTest::newRow("info a string") << "/info" << QByteArray(R"("deployed")") << 1;
    QTest::newRow("info.status a number") << "/info/status" << QByteArray("1") << 1;
    QTest::newRow("chart.metadata an array") << "/chart/metadata" << QByteArray("[]") << 1;
    QTest::newRow("chart null") << "/chart" << QByteArray("null") << 1;
    QTest::newRow("config a string") << "/config" << QByteArray(R"("a: b")") << 1;
    QTest::newRow("manifest a number") << "/manifest" << QByteArray("5") << 1;
    QTest::newRow("name an object") << "/name" << QByteArray("{}") << 1;
    QTest::newRow("first_deployed a bool") << "/info/first_deployed" << QByteArray("true") << 1;
}

void tst_HostileJson::helmRelease()
{
    QFETCH(QString, pointer);
    QFETCH(QByteArray, value);
    QFETCH(int, version);
    json release = JsonRead::parse(readData(QStringLiteral("helm/release-shop-v1.json")));
    QVERIFY(release.is_object());
    release[json::json_pointer(pointer.toStdString())] = JsonRead::parse(value);
    const auto decoded = HelmCodec::decodeSecret(helmSecret(release));
    if (version == 0) {
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().code, Error::Code::ParseError);
        QVERIFY2(decoded.error().message.contains(QLatin1String("revision number")),
                 qPrintable(decoded.error().toString()));
        QCOMPARE(decoded.error().context,
                 QStringLiteral("sh.helm.release.v1.shop.v1")); // which Secret
    } else {
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().toString()));
        QCOMPARE(decoded->version, version);
        // Re-encoding (a rollback writes the release back) must not throw either.
        QVERIFY(!HelmCodec::encodeRelease(*decoded).isEmpty());
    }
}

// One planted Secret must not hide the others: it is skipped with a reason (the Helm page
// lists HelmReleases::errors()).
void tst_HostileJson::helmReleaseListSkipsBadOnes()
{
    const json good = JsonRead::parse(readData(QStringLiteral("helm/release-shop-v1.json")));
    json planted = good;
    planted["version"] = "3";
    json list = {{"kind", "SecretList"},
                 {"items",
                  {helmSecret(good),
                   helmSecret(planted, "sh.helm.release.v1.shop.v3"),
                   "not a secret",
                   nullptr,
                   5,
                   {{"type", 7}},
                   {{"type", "helm.sh/release.v1"}, {"metadata", "x"}, {"data", {{"release", 7}}}},
                   {{"type", "helm.sh/release.v1"}, {"data", nullptr}}}}};
    const HelmReleases releases = HelmReleases::fromSecrets(list);
    QCOMPARE(releases.latest().size(), 1);
    QCOMPARE(releases.latest().first().version, 1);
    QCOMPARE(releases.errors().size(), 3);
    QCOMPARE(releases.errors().first().context, QStringLiteral("sh.helm.release.v1.shop.v3"));
    QVERIFY(HelmReleases::fromSecrets(json("items")).latest().isEmpty());
    QVERIFY(HelmReleases::fromSecrets(json{{"items", {{"a", 1}}}}).latest().isEmpty());
}

// Every write (apply previews included) is summarised for the audit log by the scrubber,
// which used to read `kind` as a string at every level: a CRD schema's properties.kind is an
// object.
void tst_HostileJson::auditScrubsCrd()
{
    ServerSideApply::Options options;
    options.dryRun = true;
    const auto writes = ServerSideApply::plan(readData(QStringLiteral("apply/crd.yaml")), options,
                                              {}, QStringLiteral("crd.yaml"));
    QVERIFY2(writes.ok(), writes.ok() ? "" : qPrintable(writes.error().toString()));
    QCOMPARE(writes->size(), 1);
    const AuditEntry entry = AuditEntry::fromWrite(writes->first());
    QCOMPARE(entry.kind, QStringLiteral("CustomResourceDefinition"));
    QVERIFY(entry.summary.contains(QLatin1String("widgets.example.orrery.dev")));

    // Secrets are still recognised beside a wrong-typed kind, and a kind of another type
    // never counts as "Secret".
    PlannedWrite list;
    list.kind = QStringLiteral("List");
    list.body = {{"kind", "List"},
                 {"items",
                  {{{"kind", "Secret"}, {"data", {{"password", "hunter2"}}}},
                   {{"kind", {{"type", "string"}}}, {"data", {{"visible", "yes"}}}},
                   {{"kind", nullptr}, {"metadata", 5}}}}};
    const AuditEntry scrubbed = AuditEntry::fromWrite(list);
    QVERIFY(!scrubbed.summary.contains(QLatin1String("hunter2")));
    QVERIFY(scrubbed.summary.contains(QLatin1String("visible")));

    // A body that is not UTF-8 (yaml-cpp passes bytes through) is summarised, not thrown on.
    PlannedWrite latin1;
    latin1.kind = QStringLiteral("ConfigMap");
    latin1.body = {{"kind", "ConfigMap"}, {"data", {{"greeting", std::string("caf\xe9")}}}};
    QVERIFY(AuditEntry::fromWrite(latin1).summary.contains(QLatin1String("greeting")));

    // Audit log lines of the wrong shape read as empty fields.
    const AuditEntry fromLine
        = AuditEntry::fromJson(json{{"status", "500"}, {"dryRun", "yes"}, {"verb", 7}});
    QCOMPARE(fromLine.status, 0);
    QCOMPARE(fromLine.dryRun, false);
    QVERIFY(fromLine.verb.isEmpty());
}

void tst_HostileJson::manifestPlanning_data()
{
    QTest::addColumn<QByteArray>("manifest");
    QTest::addColumn<int>("writes");    // -1: refused
    QTest::addColumn<QString>("error"); // part of Error::toString()
    QTest::addColumn<int>("line");      // error line, when refused
    QTest::newRow("CRD") << readData(QStringLiteral("apply/crd.yaml")) << 1 << QString() << 0;
    QTest::newRow("Latin-1 ConfigMap")
        << readData(QStringLiteral("apply/latin1-configmap.yaml")) << -1
        << QStringLiteral("m.yaml:6: Not valid UTF-8: byte 0xe9 at column 17. (save it as UTF-8)")
        << 6;
    QTest::newRow("Latin-1 in a key") << QByteArray(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  \xe9t\xe9: y\n")
                                      << -1 << QStringLiteral("Not valid UTF-8") << 6;
    QTest::newRow("Latin-1 in a comment")
        << QByteArray("# r\xe9sum\xe9\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n")
        << -1 << QStringLiteral("Not valid UTF-8") << 1;
    QTest::newRow("UTF-8 ConfigMap")
        << QString::fromUtf8(
               "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  g: café\n")
               .toUtf8()
        << 1 << QString() << 0;
    QTest::newRow("scalar document")
        << QByteArray("just text\n") << -1 << QStringLiteral("not a Kubernetes object") << 1;
    QTest::newRow("list items a number") << QByteArray("apiVersion: v1\nkind: List\nitems: 5\n")
                                         << -1 << QStringLiteral("holds no objects") << -1;
    QTest::newRow("list items of every type")
        << QByteArray("apiVersion: v1\nkind: List\nitems: [5, null, x]\n") << -1
        << QStringLiteral("not a Kubernetes object") << 1;
    QTest::newRow("metadata a string")
        << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata: x\n") << -1
        << QStringLiteral("has no metadata.name") << 1;
    QTest::newRow("name a number")
        << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: 5}\n") << -1
        << QStringLiteral("has no metadata.name") << 1;
    QTest::newRow("kind a map") << QByteArray("apiVersion: v1\nkind: {a: b}\nmetadata: {name: x}\n")
                                << -1 << QStringLiteral("no apiVersion or kind") << 1;
    QTest::newRow("namespace a list")
        << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: [a]}\n") << 1
        << QString() << 0;
    QTest::newRow("JSON manifest") << QByteArray(
        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"},"data":{"k":null}})")
                                   << 1 << QString() << 0;
}

void tst_HostileJson::manifestPlanning()
{
    QFETCH(QByteArray, manifest);
    QFETCH(int, writes);
    QFETCH(QString, error);
    QFETCH(int, line);
    ServerSideApply::Options options;
    options.defaultNamespace = QStringLiteral("default");
    const auto plan = ServerSideApply::plan(manifest, options, {}, QStringLiteral("m.yaml"));
    if (writes < 0) {
        QVERIFY(!plan.ok());
        QVERIFY2(plan.error().toString().contains(error), qPrintable(plan.error().toString()));
        QCOMPARE(plan.error().line, line);
        if (line > 0)
            QCOMPARE(plan.error().file, QStringLiteral("m.yaml"));
        return;
    }
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().toString()));
    QCOMPARE(plan->size(), writes);
    for (const PlannedWrite &w : *plan) {
        QVERIFY(!JsonRead::parse(w.request.body).is_discarded());
        QVERIFY(!AuditEntry::fromWrite(w).summary.isEmpty());
    }
}

namespace {

// A loopback server with one canned list body and one canned watch body for /api/v1/pods.
// Later watches answer 500 so the informer backs off instead of spinning.
class CannedPods
{
public:
    CannedPods(std::string list, std::string watch)
        : m_list(std::move(list))
        , m_watch(std::move(watch))
    {
        m_server.Get("/api/v1/pods", [this](const httplib::Request &req, httplib::Response &res) {
            if (req.get_param_value("watch") != "true") {
                res.set_content(m_list, "application/json");
                return;
            }
            std::lock_guard lock(m_mutex);
            if (m_watches++ == 0) {
                res.set_content(m_watch, "application/json");
            } else {
                res.status = 500;
                res.set_content(R"({"kind":"Status","message":"canned"})", "application/json");
            }
        });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = startListening(m_server);
    }
    ~CannedPods()
    {
        m_server.stop();
        m_thread.join();
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    int watches() const
    {
        std::lock_guard lock(m_mutex);
        return m_watches;
    }

private:
    httplib::Server m_server;
    std::thread m_thread;
    std::string m_list, m_watch;
    mutable std::mutex m_mutex;
    int m_watches = 0;
    int m_port = 0;
};

struct InformerRun
{
    std::unique_ptr<HttpTransport> transport;
    ResourceStore store;
    std::unique_ptr<Informer> informer;
    mutable std::mutex mutex;
    WatchHealth health;

    explicit InformerRun(const QString &url)
    {
        ClusterConnection c;
        c.contextName = QStringLiteral("hostile");
        c.server = url;
        c.credentials = std::make_shared<Test::TestCredentialProvider>(QList<QByteArray>{"t0k3n"});
        transport = std::make_unique<HttpTransport>(c);
        store.setFlushInterval(1);
        ApiResource pods{QString(),
                         QStringLiteral("v1"),
                         QStringLiteral("pods"),
                         QStringLiteral("Pod"),
                         true,
                         {},
                         {}};
        InformerOptions options;
        options.initialBackoffMs = 5000; // the canned server fails every later watch
        options.maxBackoffMs = 5000;
        informer = std::make_unique<Informer>(transport->worker(), &store, pods, Kind::Pod,
                                              QString(), options, [this](const WatchHealth &h) {
                                                  std::lock_guard lock(mutex);
                                                  health = h;
                                              });
        informer->start();
    }
    ~InformerRun()
    {
        transport.reset(); // joins the worker first: the informer lives on it
        informer.reset();
    }
    WatchHealth current() const
    {
        std::lock_guard lock(mutex);
        return health;
    }
    QStringList names() const
    {
        QStringList out;
        for (const KubeObjectPtr &o : store.objects(Kind::Pod))
            out << o->name;
        out.sort();
        return out;
    }
};

std::string pod(const std::string &name, const std::string &rv)
{
    return JsonRead::dump(json{
        {"apiVersion", "v1"},
        {"kind", "Pod"},
        {"metadata",
         {{"name", name}, {"namespace", "ns"}, {"uid", "uid-" + name}, {"resourceVersion", rv}}}});
}

} // namespace

void tst_HostileJson::informerList_data()
{
    QTest::addColumn<QByteArray>("list");
    QTest::addColumn<QStringList>("names");
    const std::string good = pod("good", "5");
    QTest::newRow("list metadata of the wrong types") << QByteArray::fromStdString(
        R"({"kind":"PodList","metadata":{"continue":5,"resourceVersion":12},"items":[)" + good
        + "]}") << QStringList{QStringLiteral("good")};
    QTest::newRow("list metadata null")
        << QByteArray::fromStdString(R"({"metadata":null,"items":[)" + good + "]}")
        << QStringList{QStringLiteral("good")};
    QTest::newRow("items of every type") << QByteArray::fromStdString(
        R"({"metadata":{"resourceVersion":"9"},"items":["x",7,null,[],)" + good + "]}")
                                         << QStringList{QStringLiteral("good")};
    QTest::newRow("items an object")
        << QByteArray(R"({"metadata":{"resourceVersion":"9"},"items":{"a":1}})") << QStringList();
    QTest::newRow("item fields of the wrong types") << QByteArray(
        R"({"metadata":{"resourceVersion":"9"},"items":[{"metadata":{"name":"typed","namespace":"ns","uid":"u",)"
        R"("resourceVersion":3,"labels":[1],"creationTimestamp":7},"spec":{"containers":{"a":1}},"status":"Running"}]})")
                                                    << QStringList{QStringLiteral("typed")};
}

void tst_HostileJson::informerList()
{
    QFETCH(QByteArray, list);
    QFETCH(QStringList, names);
    CannedPods server(list.toStdString(),
                      R"({"type":"ADDED","object":)" + pod("watched", "20") + "}\n");
    InformerRun run(server.url());
    // The list is accepted despite the wrong types, then the watch adds its object.
    QTRY_VERIFY_WITH_TIMEOUT(run.names().contains(QStringLiteral("watched")), 10000);
    QStringList expected = names;
    expected << QStringLiteral("watched");
    expected.sort();
    QCOMPARE(run.names(), expected);
}

void tst_HostileJson::informerWatch_data()
{
    QTest::addColumn<QByteArray>("lines");  // hostile watch lines, before a good ADDED
    QTest::addColumn<bool>("survivorSeen"); // false: the hostile line ends the watch with an error
    QTest::newRow("type a number") << QByteArray(R"({"type":7,"object":{}})") << true;
    QTest::newRow("type null, object a string")
        << QByteArray(R"({"type":null,"object":"o"})") << true;
    QTest::newRow("ADDED with object null")
        << QByteArray(R"({"type":"ADDED","object":null})") << true;
    QTest::newRow("ADDED with object an array")
        << QByteArray(R"({"type":"ADDED","object":[1,2]})") << true;
    QTest::newRow("BOOKMARK rv a number")
        << QByteArray(R"({"type":"BOOKMARK","object":{"metadata":{"resourceVersion":12}}})")
        << true;
    QTest::newRow("BOOKMARK metadata a string")
        << QByteArray(R"({"type":"BOOKMARK","object":{"metadata":"m"}})") << true;
    QTest::newRow("ERROR code a string")
        << QByteArray(R"({"type":"ERROR","object":{"code":"410","message":null}})") << false;
    QTest::newRow("ERROR code huge")
        << QByteArray(R"({"type":"ERROR","object":{"code":1e300}})") << false;
    QTest::newRow("ERROR object a string")
        << QByteArray(R"({"type":"ERROR","object":"gone"})") << false;
    QTest::newRow("ERROR with invalid UTF-8 escapes")
        << QByteArray(R"({"type":"ERROR","object":{"code":500,"message":"\udc00"}})") << false;
    QTest::newRow("a line too deep") << nested(100000) << false;
}

void tst_HostileJson::informerWatch()
{
    QFETCH(QByteArray, lines);
    QFETCH(bool, survivorSeen);
    const std::string list
        = R"({"metadata":{"resourceVersion":"9"},"items":[)" + pod("listed", "5") + "]}";
    const std::string survivor = R"({"type":"ADDED","object":)" + pod("survivor", "21") + "}\n";
    CannedPods server(list, lines.toStdString() + "\n" + survivor);
    InformerRun run(server.url());
    QTRY_VERIFY_WITH_TIMEOUT(run.names().contains(QStringLiteral("listed")), 10000);
    if (survivorSeen) {
        QTRY_VERIFY_WITH_TIMEOUT(run.names().contains(QStringLiteral("survivor")), 10000);
    } else {
        // The stream is refused as a whole; the informer reports it and retries later.
        QTRY_VERIFY_WITH_TIMEOUT(run.current().lastError.has_value(), 10000);
        QVERIFY(!run.names().contains(QStringLiteral("survivor")));
    }
    QVERIFY(server.watches() >= 1);
}

QTEST_GUILESS_MAIN(tst_HostileJson)
#include "tst_hostilejson.moc"
