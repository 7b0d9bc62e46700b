// SPDX-License-Identifier: GPL-3.0-or-later
// The one redaction rule (util/redaction.h, kube/manifestredaction.h) and the places that must
// use it. Every test here fails if a secret shows: a proxy password in a transport Error, in
// `orrery --doctor` output or in an audit line; a Secret value (plain, base64 or inside the
// last-applied annotation) in a diff, a hidden object or a Helm manifest.
#include "audit/auditentry.h"
#include "audit/auditlog.h"
#include "kube/httptransport.h"
#include "kube/manifestredaction.h"
#include "operations/clusterwriteexecutor.h"
#include "util/jsontoyaml.h"
#include "util/linediff.h"
#include "util/redaction.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <optional>

using namespace Orrery;
using nlohmann::json;

namespace {

// Secret values used throughout, with their base64 forms: none of them may appear.
const QString Old = QStringLiteral("hunter2-old");
const QString New = QStringLiteral("hunter2-new");
const QString Kept = QStringLiteral("kept-value-9");
const QString Gone = QStringLiteral("gone-value-7");
const QString Fresh = QStringLiteral("fresh-value-5");
const QString Password = QStringLiteral("pr0xyS3cret");
// A password that is not valid URL user information: raw '/', '?' and '#' (URL parsers cut the
// URL there). Every piece between them must be hidden too, not just the whole.
const QString RawPassword = QStringLiteral("Rw0x/Qz9y?Kp7w#Jm5v");
const QStringList ProxyPasswords{Password, QStringLiteral("Rw0x"), QStringLiteral("Qz9y"),
                                 QStringLiteral("Kp7w"), QStringLiteral("Jm5v")};

std::string b64(const QString &s)
{
    return s.toUtf8().toBase64().toStdString();
}

// Fails the calling test when `text` holds any of the values, plain or base64.
bool leaks(const QString &text, const QStringList &values, QString *which)
{
    for (const QString &v : values) {
        const QString encoded = QString::fromLatin1(v.toUtf8().toBase64());
        // Also without padding: a base64 string cut anywhere still starts the same.
        for (const QString &form : {v, encoded, encoded.left(encoded.size() - 2)}) {
            if (text.contains(form)) {
                *which = form;
                return true;
            }
        }
    }
    return false;
}

#define QVERIFY_NO_LEAK(text, values)                                                              \
    do {                                                                                           \
        QString which_;                                                                            \
        const QString text_ = (text);                                                              \
        QVERIFY2(!leaks(text_, (values), &which_),                                                 \
                 qPrintable(QStringLiteral("\"%1\" shows in:\n%2").arg(which_, text_)));           \
    } while (false)

#define QCOMPARE_JSON(actual, expected)                                                            \
    QVERIFY2((actual) == (expected), ((actual).dump() + " != " + (expected).dump()).c_str())

int deadPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof(addr);
    ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr));
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    const int port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

json secret(const json &data, const json &extra = json::object())
{
    json s = {{"apiVersion", "v1"},
              {"kind", "Secret"},
              {"type", "Opaque"},
              {"metadata", {{"name", "db"}, {"namespace", "shop"}}},
              {"data", data}};
    s.update(extra);
    return s;
}

QString yaml(const json &j)
{
    return j.is_null() ? QString() : QString::fromUtf8(jsonToYaml(j));
}

// The proxy URLs whose password libcurl or Orrery used to quote: a port out of range and an
// unknown scheme (curl quotes the whole URL), a scheme-less user:password@host (QUrl read
// "user" as the scheme and kept the rest). Then the same with RawPassword, which curl refuses
// as proxy syntax and quotes whole, and which Orrery's own proxy message used to cut short.
QList<QString> leakyProxies()
{
    const int port = deadPort();
    QList<QString> out;
    for (const QString &password : {Password, RawPassword})
        out << QStringLiteral("http://alice:%1@127.0.0.1:99999").arg(password)
            << QStringLiteral("foo://alice:%1@127.0.0.1:%2").arg(password).arg(port)
            << QStringLiteral("alice:%1@127.0.0.1:%2").arg(password).arg(port)
            << QStringLiteral("http://alice:%1@127.0.0.1:%2").arg(password).arg(port);
    return out;
}

ClusterConnection proxiedConnection(const QString &proxyUrl)
{
    ClusterConnection c;
    c.contextName = QStringLiteral("prod");
    c.clusterName = QStringLiteral("prod");
    c.server = QStringLiteral("https://127.0.0.1:%1").arg(deadPort());
    c.proxyUrl = proxyUrl;
    return c;
}

} // namespace

class tst_Redaction : public QObject
{
    Q_OBJECT

private slots:
    void urlCredentials_data();
    void urlCredentials();
    void urlUserInfo_data();
    void urlUserInfo();
    void errorFieldsStripped();

    void secretDiffShowsKeysAndMarkers();
    void secretDiffOfNewAndDeletedSecret();
    void lastAppliedAnnotationCompared();
    void nonSecretsUntouched();
    void hideSecretValuesAnywhere();
    void secretsInAListDiffPerKey();
    void toleratesAnyShape();
    void requestBodies();

    void manifestSecretDocumentsHidden();
    void manifestDiffPairsSecrets();
    void manifestRevealOneKey();
    void manifestListOfSecrets();

    void transportErrorsCarryNoProxyPassword();
    void auditLineCarriesNoProxyPassword();
    void doctorPrintsNoProxyPassword_data();
    void doctorPrintsNoProxyPassword();
};

void tst_Redaction::urlCredentials_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("curl proxy syntax")
        << QStringLiteral("Unsupported proxy syntax in 'http://user:pw@127.0.0.1:99999'")
        << QStringLiteral("Unsupported proxy syntax in 'http://127.0.0.1:99999'");
    QTest::newRow("curl proxy scheme")
        << QStringLiteral("Unsupported proxy scheme for 'foo://user:pw@h:1'")
        << QStringLiteral("Unsupported proxy scheme for 'foo://h:1'");
    QTest::newRow("raw @ in password")
        << QStringLiteral("https://u:p@ss@host/x") << QStringLiteral("https://host/x");
    QTest::newRow("user only") << QStringLiteral("see https://ghp_token123@github.com/a")
                               << QStringLiteral("see https://github.com/a");
    QTest::newRow("ipv6") << QStringLiteral("socks5h://u:pw@[::1]:1080")
                          << QStringLiteral("socks5h://[::1]:1080");
    QTest::newRow("scheme-less") << QStringLiteral(
        "cannot connect to the proxy user:pw@10.0.0.1:3128 (x)")
                                 << QStringLiteral("cannot connect to the proxy 10.0.0.1:3128 (x)");
    QTest::newRow("scheme-less quoted")
        << QStringLiteral("in 'user:pw@10.0.0.1:3128'") << QStringLiteral("in '10.0.0.1:3128'");
    QTest::newRow("json string") << QStringLiteral("{\"server\": \"https://a:b@h:6443\", \"n\": 1}")
                                 << QStringLiteral("{\"server\": \"https://h:6443\", \"n\": 1}");
    QTest::newRow("query token") << QStringLiteral("GET https://h/p?x=1&access_token=abc.def&y=2")
                                 << QStringLiteral(
                                        "GET https://h/p?x=1&access_token=<redacted>&y=2");
    QTest::newRow("presigned") << QStringLiteral(
        "https://b.s3.amazonaws.com/k?X-Amz-Signature=0af3&X-Amz-Credential=AKIA%2F1")
                               << QStringLiteral(
                                      "https://b.s3.amazonaws.com/"
                                      "k?X-Amz-Signature=<redacted>&X-Amz-Credential=<redacted>");
    // Raw '/', '?' and '#' in a password: curl quotes the string it was given whole.
    QTest::newRow("raw / in password, curl quote")
        << QStringLiteral("Unsupported proxy syntax in 'http://u:p/ss@127.0.0.1:1'")
        << QStringLiteral("Unsupported proxy syntax in 'http://127.0.0.1:1'");
    QTest::newRow("raw ?#@ in password, curl quote")
        << QStringLiteral("Unsupported proxy syntax in 'foo://u:a?b#c@d@h:1' (x)")
        << QStringLiteral("Unsupported proxy syntax in 'foo://h:1' (x)");
    QTest::newRow("raw / in password, unquoted")
        << QStringLiteral("Context \"c\"  https://admin:p/w?x#y@127.0.0.1:6443 ok")
        << QStringLiteral("Context \"c\"  https://127.0.0.1:6443 ok");
    QTest::newRow("raw / in password, json")
        << QStringLiteral("{\"server\": \"https://a:b/c#d e@h:6443/p\", \"n\": 1}")
        << QStringLiteral("{\"server\": \"https://h:6443/p\", \"n\": 1}");
    QTest::newRow("raw / in password, scheme-less curl quote")
        << QStringLiteral("Unsupported proxy syntax in 'alice:p/s?s#w@127.0.0.1:3128'")
        << QStringLiteral("Unsupported proxy syntax in '127.0.0.1:3128'");
    QTest::newRow("quote never closed") << QStringLiteral("in 'http://u:p/w@h:1 and more")
                                        << QStringLiteral("in 'http://h:1 and more");
    // Left alone: no credential in them.
    QTest::newRow("image digest")
        << QStringLiteral("{\"image\": \"registry:5000/app@sha256:0af3\"}")
        << QStringLiteral("{\"image\": \"registry:5000/app@sha256:0af3\"}");
    QTest::newRow("plain url") << QStringLiteral("https://127.0.0.1:6443/api?labelSelector=a%3Db")
                               << QStringLiteral("https://127.0.0.1:6443/api?labelSelector=a%3Db");
    QTest::newRow("git remote") << QStringLiteral("git@github.com:org/repo.git")
                                << QStringLiteral("git@github.com:org/repo.git");
    QTest::newRow("mail") << QStringLiteral("ask alice@example.com")
                          << QStringLiteral("ask alice@example.com");
    QTest::newRow("message")
        << QStringLiteral("connection refused (Failed to connect to 127.0.0.1 port 1)")
        << QStringLiteral("connection refused (Failed to connect to 127.0.0.1 port 1)");
}

void tst_Redaction::urlCredentials()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(Redaction::stripUrlCredentials(text), expected);
}

void tst_Redaction::urlUserInfo_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("http://u:pw@h:1") << QStringLiteral("http://h:1");
    QTest::newRow("raw /?#@") << QStringLiteral("http://u:a/b?c#d@e@h:1/p")
                              << QStringLiteral("http://h:1/p");
    QTest::newRow("scheme-less") << QStringLiteral("alice:a/b?c#d@10.0.0.1:3128")
                                 << QStringLiteral("10.0.0.1:3128");
    QTest::newRow("none") << QStringLiteral("http://10.0.0.1:3128")
                          << QStringLiteral("http://10.0.0.1:3128");
    QTest::newRow("query token") << QStringLiteral("https://h/p?token=abc")
                                 << QStringLiteral("https://h/p?token=<redacted>");
}

void tst_Redaction::urlUserInfo()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(Redaction::stripUrlUserInfo(url), expected);
}

void tst_Redaction::errorFieldsStripped()
{
    Error e(Error::Code::Network, QStringLiteral("failed (in 'http://u:%1@h:1')").arg(Password),
            QStringLiteral("GET https://u:%1@h/api").arg(Password));
    e.hint = QStringLiteral("check http://u:%1@h").arg(Password);
    e.file = QStringLiteral("https://u:%1@h/kubeconfig").arg(Password);
    const Error out = Redaction::stripUrlCredentials(e);
    QVERIFY_NO_LEAK(out.toString(), QStringList{Password});
    QCOMPARE(out.code, e.code);
    QVERIFY(out.message.contains(QLatin1String("'http://h:1'")));
}

// The apply/confirm case: the live Secret against the dry-run answer. Values are compared
// before they are hidden, so the diff says which key changed without showing any value.
void tst_Redaction::secretDiffShowsKeysAndMarkers()
{
    const json live = secret({{"password", b64(Old)}, {"user", b64(Kept)}, {"legacy", b64(Gone)}});
    const json after = secret({{"password", b64(New)}, {"user", b64(Kept)}, {"token", b64(Fresh)}},
                              {{"stringData", {{"plain", Fresh.toStdString()}}}});
    const auto [before, now] = Redaction::hideSecretValuesForDiff(live, after);
    QCOMPARE_JSON(before["data"]["password"], json(Redaction::Hidden));
    QCOMPARE_JSON(now["data"]["password"], json(Redaction::Changed));
    QCOMPARE_JSON(before["data"]["user"], json(Redaction::Unchanged));
    QCOMPARE_JSON(now["data"]["user"], json(Redaction::Unchanged));
    QCOMPARE_JSON(before["data"]["legacy"], json(Redaction::Removed));
    QVERIFY(!now["data"].contains("legacy"));
    QCOMPARE_JSON(now["data"]["token"], json(Redaction::Added));
    QVERIFY(!before["data"].contains("token"));
    QCOMPARE_JSON(now["stringData"]["plain"], json(Redaction::Added));
    QCOMPARE_JSON(now["metadata"], live["metadata"]); // identity untouched

    const QString diff = LineDiff::unified(yaml(before), yaml(now), QStringLiteral("live"),
                                           QStringLiteral("after"));
    QVERIFY_NO_LEAK(diff, (QStringList{Old, New, Kept, Gone, Fresh}));
    QVERIFY2(diff.contains(QLatin1String("-  password: <redacted>\n+  password: <changed>\n")),
             qPrintable(diff));
    QVERIFY2(diff.contains(QLatin1String("-  legacy: <removed>\n")), qPrintable(diff));
    QVERIFY2(diff.contains(QLatin1String("+  token: <added>\n")), qPrintable(diff));
    QVERIFY2(diff.contains(QLatin1String("   user: <unchanged>\n")), qPrintable(diff));
    // Both sides equal: no diff at all, as for any unchanged object.
    const auto [a, b] = Redaction::hideSecretValuesForDiff(live, live);
    QCOMPARE_JSON(a, b);
}

void tst_Redaction::secretDiffOfNewAndDeletedSecret()
{
    const json s = secret({{"password", b64(Old)}});
    const auto [none, created] = Redaction::hideSecretValuesForDiff(json(), s);
    QVERIFY(none.is_null());
    QCOMPARE_JSON(created["data"]["password"], json(Redaction::Added));
    const auto [deleted, gone] = Redaction::hideSecretValuesForDiff(s, json());
    QVERIFY(gone.is_null());
    QCOMPARE_JSON(deleted["data"]["password"], json(Redaction::Removed));
    QVERIFY_NO_LEAK(yaml(created) + yaml(deleted), QStringList{Old});
}

void tst_Redaction::lastAppliedAnnotationCompared()
{
    auto annotated = [](const QString &value) {
        const json applied = secret({{"password", b64(value)}});
        return secret(
            {{"password", b64(value)}},
            {{"metadata",
              {{"name", "db"},
               {"annotations",
                {{"kubectl.kubernetes.io/last-applied-configuration", applied.dump()}}}}}});
    };
    const auto [before, after] = Redaction::hideSecretValuesForDiff(annotated(Old), annotated(New));
    const json &ann
        = after["metadata"]["annotations"]["kubectl.kubernetes.io/last-applied-configuration"];
    QCOMPARE_JSON(ann, json(Redaction::Changed));
    QVERIFY_NO_LEAK(yaml(before) + yaml(after), (QStringList{Old, New}));
    const auto [same1, same2] = Redaction::hideSecretValuesForDiff(annotated(Old), annotated(Old));
    QCOMPARE_JSON(
        same2["metadata"]["annotations"]["kubectl.kubernetes.io/last-applied-configuration"],
        json(Redaction::Unchanged));
    QVERIFY_NO_LEAK(yaml(same1), QStringList{Old});
}

void tst_Redaction::nonSecretsUntouched()
{
    const json cm = {{"apiVersion", "v1"},
                     {"kind", "ConfigMap"},
                     {"metadata", {{"name", "c"}}},
                     {"data", {{"mode", "blue"}}}};
    json cm2 = cm;
    cm2["data"]["mode"] = "green";
    const auto [a, b] = Redaction::hideSecretValuesForDiff(cm, cm2);
    QCOMPARE_JSON(a, cm);
    QCOMPARE_JSON(b, cm2);
    QCOMPARE_JSON(Redaction::hideSecretValues(cm), cm);
}

void tst_Redaction::hideSecretValuesAnywhere()
{
    const json list
        = {{"apiVersion", "v1"},
           {"kind", "List"},
           {"items",
            {secret({{"password", b64(Old)}}, {{"stringData", {{"p", Old.toStdString()}}}}),
             {{"kind", "ConfigMap"}, {"data", {{"k", "v"}}}}}}};
    const json hidden = Redaction::hideSecretValues(list);
    QVERIFY_NO_LEAK(QString::fromStdString(hidden.dump()), QStringList{Old});
    QCOMPARE_JSON(hidden["items"][0]["data"]["password"], json(Redaction::Hidden));
    QCOMPARE_JSON(hidden["items"][0]["stringData"]["p"], json(Redaction::Hidden));
    QCOMPARE_JSON(hidden["items"][1]["data"]["k"], json("v"));
}

// Secrets inside a List (kind: List, items: [Secret...]) get the same per-key markers as a
// Secret alone: paired by namespace and name across the two sides, whatever their position.
void tst_Redaction::secretsInAListDiffPerKey()
{
    auto list = [](const json &items) {
        return json{{"apiVersion", "v1"}, {"kind", "List"}, {"items", items}};
    };
    json other = secret({{"token", b64(Kept)}});
    other["metadata"]["name"] = "other";
    json gone = secret({{"token", b64(Gone)}});
    gone["metadata"]["name"] = "gone";
    json fresh = secret({{"token", b64(Fresh)}});
    fresh["metadata"]["name"] = "fresh";
    const json cm = {{"kind", "ConfigMap"}, {"metadata", {{"name", "c"}}}, {"data", {{"k", "v"}}}};
    const json before
        = list({secret({{"password", b64(Old)}, {"user", b64(Kept)}, {"legacy", b64(Gone)}}), other,
                gone, cm});
    // Another order on the after side: pairing is by name, not position.
    const json after = list({other, cm,
                             secret({{"password", b64(New)}, {"user", b64(Kept)}},
                                    {{"stringData", {{"plain", Fresh.toStdString()}}}}),
                             fresh});
    const auto [b, a] = Redaction::hideSecretValuesForDiff(before, after);
    const json &db = b["items"][0];
    const json &da = a["items"][2];
    QCOMPARE_JSON(db["data"]["password"], json(Redaction::Hidden));
    QCOMPARE_JSON(da["data"]["password"], json(Redaction::Changed));
    QCOMPARE_JSON(db["data"]["user"], json(Redaction::Unchanged));
    QCOMPARE_JSON(da["data"]["user"], json(Redaction::Unchanged));
    QCOMPARE_JSON(db["data"]["legacy"], json(Redaction::Removed));
    QCOMPARE_JSON(da["stringData"]["plain"], json(Redaction::Added));
    QCOMPARE_JSON(b["items"][1]["data"]["token"], json(Redaction::Unchanged)); // other
    QCOMPARE_JSON(a["items"][0]["data"]["token"], json(Redaction::Unchanged));
    QCOMPARE_JSON(b["items"][2]["data"]["token"], json(Redaction::Removed)); // gone
    QCOMPARE_JSON(a["items"][3]["data"]["token"], json(Redaction::Added));   // fresh
    QCOMPARE_JSON(a["items"][1], cm);
    const QString diff
        = LineDiff::unified(yaml(b), yaml(a), QStringLiteral("live"), QStringLiteral("after"));
    QVERIFY_NO_LEAK(diff, (QStringList{Old, New, Kept, Gone, Fresh}));
    QVERIFY2(diff.contains(QLatin1String("password: <changed>")), qPrintable(diff));
    // The same List on both sides: no difference at all.
    const auto [x, y] = Redaction::hideSecretValuesForDiff(before, before);
    QCOMPARE_JSON(x, y);
}

// A CRD whose schema has `properties.kind` as an object, a `data` that is a string, arrays,
// nulls: nothing throws and nothing is invented.
void tst_Redaction::toleratesAnyShape()
{
    const json crd
        = {{"kind", "CustomResourceDefinition"},
           {"spec",
            {{"versions",
              {{{"schema",
                 {{"openAPIV3Schema", {{"properties", {{"kind", {{"type", "string"}}}}}}}}}}}}}}};
    QCOMPARE_JSON(Redaction::hideSecretValues(crd), crd);
    QCOMPARE_JSON(
        Redaction::hideSecretValuesInRequest(crd, QStringLiteral("CustomResourceDefinition")), crd);
    const json odd = {{"kind", "Secret"}, {"data", b64(Old)}, {"metadata", "not an object"}};
    const json hidden = Redaction::hideSecretValues(odd);
    QCOMPARE_JSON(hidden["data"], json(Redaction::Hidden));
    QCOMPARE_JSON(hidden["metadata"], json("not an object"));
    const auto [a, b] = Redaction::hideSecretValuesForDiff(odd, json::array({1, 2}));
    QCOMPARE_JSON(a["data"], json(Redaction::Removed));
    for (const json &weird :
         {json(), json(3), json("Secret"), json::array({json(), json::object()}),
          json{{"kind", 7}, {"data", {{"k", "v"}}}}}) {
        QCOMPARE_JSON(Redaction::hideSecretValues(weird), weird);
        (void)Redaction::hideSecretValuesForDiff(weird, weird);
        (void)Redaction::hideSecretValuesInRequest(weird, QStringLiteral("Secret"));
    }
}

// The audit scrubber now is this rule (AuditEntry::scrub calls it).
void tst_Redaction::requestBodies()
{
    const json patch = json::array(
        {{{"op", "replace"}, {"path", "/data/password"}, {"value", b64(Old)}},
         {{"op", "add"}, {"path", "/metadata/annotations/x"}, {"value", Old.toStdString()}}});
    const json merge = {{"data", {{"password", b64(Old)}}}};
    for (const json &body : {patch, merge}) {
        QVERIFY_NO_LEAK(
            QString::fromStdString(
                Redaction::hideSecretValuesInRequest(body, QStringLiteral("Secret")).dump()),
            QStringList{Old});
        QVERIFY_NO_LEAK(
            QString::fromStdString(AuditEntry::scrub(body, QStringLiteral("Secret")).dump()),
            QStringList{Old});
    }
    // A merge patch on a ConfigMap keeps its data.
    QCOMPARE_JSON(Redaction::hideSecretValuesInRequest(merge, QStringLiteral("ConfigMap")), merge);
}

namespace {

// A Helm-style rendered manifest: "# Source:" comments, a Secret with data and stringData,
// a Deployment that must stay byte for byte.
QString manifest(const QString &password, const QString &token, bool withExtraKey)
{
    QString m
        = QStringLiteral(
              "---\n# Source: app/templates/secret.yaml\napiVersion: v1\nkind: Secret\nmetadata:\n"
              "  name: app-creds\n  namespace: prod\ntype: Opaque\ndata:\n  password: %1\n"
              "stringData:\n  token: \"%2\"\n")
              .arg(QString::fromStdString(b64(password)), token);
    if (withExtraKey)
        m += QStringLiteral("  extra: \"%1\"\n").arg(Fresh);
    m += QStringLiteral(
        "---\n# Source: app/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\n"
        "metadata:\n  name: web   # keep this comment\nspec:\n  replicas: 2\n");
    return m;
}

} // namespace

void tst_Redaction::manifestSecretDocumentsHidden()
{
    const QString m = manifest(Old, Kept, false);
    const QString shown = ManifestRedaction::hideSecretValues(m);
    QVERIFY_NO_LEAK(shown, (QStringList{Old, Kept}));
    QVERIFY2(shown.startsWith(QLatin1String("---\n# Source: app/templates/secret.yaml\n")),
             qPrintable(shown));
    QVERIFY(shown.contains(QLatin1String("password: <redacted>")));
    QVERIFY(shown.contains(QLatin1String("token: <redacted>")));
    QVERIFY(shown.contains(QLatin1String("name: app-creds")));
    // Everything after the Secret is the original text.
    const QString deployment
        = m.mid(m.indexOf(QLatin1String("---\n# Source: app/templates/deployment.yaml")));
    QVERIFY2(shown.endsWith(deployment), qPrintable(shown));
    // No Secret: the same text back.
    QCOMPARE(ManifestRedaction::hideSecretValues(deployment), deployment);
    // A Secret document that does not parse is not shown at all.
    const QString broken
        = QStringLiteral(
              "apiVersion: v1\nkind: Secret\ndata:\n  password: [%1\n---\nkind: ConfigMap\n")
              .arg(Old);
    const QString brokenShown = ManifestRedaction::hideSecretValues(broken);
    QVERIFY_NO_LEAK(brokenShown, QStringList{Old});
    QVERIFY(brokenShown.endsWith(QLatin1String("---\nkind: ConfigMap\n")));
}

void tst_Redaction::manifestDiffPairsSecrets()
{
    const auto [before, after] = ManifestRedaction::hideSecretValuesForDiff(
        manifest(Old, Kept, false), manifest(New, Kept, true));
    const QString diff
        = LineDiff::unified(before, after, QStringLiteral("v1"), QStringLiteral("v2"));
    QVERIFY_NO_LEAK(diff + before + after, (QStringList{Old, New, Kept, Fresh}));
    QVERIFY2(diff.contains(QLatin1String("-  password: <redacted>\n+  password: <changed>\n")),
             qPrintable(diff));
    QVERIFY2(diff.contains(QLatin1String("+  extra: <added>\n")), qPrintable(diff));
    QVERIFY2(before.contains(QLatin1String("token: <unchanged>")), qPrintable(before));
    // Same manifest twice: no difference.
    const auto [x, y] = ManifestRedaction::hideSecretValuesForDiff(manifest(Old, Kept, false),
                                                                   manifest(Old, Kept, false));
    QCOMPARE(x, y);
}

void tst_Redaction::manifestRevealOneKey()
{
    const QString m = manifest(Old, Kept, false);
    const QList<ManifestRedaction::SecretKey> keys = ManifestRedaction::secretKeys(m);
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys[0].label(), QStringLiteral("prod/app-creds: password"));
    QCOMPARE(keys[1].label(), QStringLiteral("prod/app-creds: token"));
    QCOMPARE(ManifestRedaction::secretValue(m, keys[0]).value_or(QString()), Old); // base64 decoded
    QCOMPARE(ManifestRedaction::secretValue(m, keys[1]).value_or(QString()), Kept);
    QVERIFY(!ManifestRedaction::secretValue(
        m, {QStringLiteral("prod"), QStringLiteral("app-creds"), QStringLiteral("nope")}));
}

// A manifest document that is a List of Secrets: hidden, diffed per key and revealed per key
// like a Secret document. (Before, a List was not recognised at all and showed as written.)
void tst_Redaction::manifestListOfSecrets()
{
    auto listManifest = [](const QString &password, bool extra) {
        QString m
            = QStringLiteral("# Source: app/templates/secrets.yaml\napiVersion: v1\n"
                             "kind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n"
                             "  metadata:\n    name: db\n    namespace: prod\n  data:\n"
                             "    password: %1\n    user: %2\n")
                  .arg(QString::fromStdString(b64(password)), QString::fromStdString(b64(Kept)));
        if (extra)
            m += QStringLiteral("    extra: %1\n").arg(QString::fromStdString(b64(Fresh)));
        m += QStringLiteral("- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: c\n"
                            "  data:\n    mode: blue\n---\nkind: ConfigMap\nmetadata:\n"
                            "  name: plain\n");
        return m;
    };
    const QString v1 = listManifest(Old, false);
    const QString shown = ManifestRedaction::hideSecretValues(v1);
    QVERIFY_NO_LEAK(shown, (QStringList{Old, Kept}));
    QVERIFY2(shown.contains(QLatin1String("password: <redacted>")), qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String("mode: blue")), qPrintable(shown));
    QVERIFY2(shown.startsWith(QLatin1String("# Source: app/templates/secrets.yaml\n")),
             qPrintable(shown));
    QVERIFY2(shown.endsWith(QLatin1String("---\nkind: ConfigMap\nmetadata:\n  name: plain\n")),
             qPrintable(shown));

    const auto [before, after]
        = ManifestRedaction::hideSecretValuesForDiff(v1, listManifest(New, true));
    const QString diff
        = LineDiff::unified(before, after, QStringLiteral("v1"), QStringLiteral("v2"));
    QVERIFY_NO_LEAK(diff + before + after, (QStringList{Old, New, Kept, Fresh}));
    // Keys sort alphabetically, so the added "extra" stands between the two password lines.
    for (const char *line : {"^- +password: <redacted>$", "^\\+ +password: <changed>$"})
        QVERIFY2(diff.contains(
                     QRegularExpression(QLatin1String(line), QRegularExpression::MultilineOption)),
                 qPrintable(diff));
    QVERIFY2(diff.contains(QRegularExpression(QStringLiteral("^\\+ +extra: <added>$"),
                                              QRegularExpression::MultilineOption)),
             qPrintable(diff));
    QVERIFY2(before.contains(QLatin1String("user: <unchanged>")), qPrintable(before));
    const auto [x, y] = ManifestRedaction::hideSecretValuesForDiff(v1, v1);
    QCOMPARE(x, y);

    const QList<ManifestRedaction::SecretKey> keys = ManifestRedaction::secretKeys(v1);
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys[0].label(), QStringLiteral("prod/db: password"));
    QCOMPARE(ManifestRedaction::secretValue(v1, keys[0]).value_or(QString()), Old);
}

// libcurl's own error text quotes the proxy URL with its password for these URLs; the
// transport hands out Errors made from that text.
void tst_Redaction::transportErrorsCarryNoProxyPassword()
{
    for (const QString &proxy : leakyProxies()) {
        HttpTransport transport(proxiedConnection(proxy));
        std::optional<Result<ApiResponse>> answer;
        QObject context;
        transport.get(QStringLiteral("/version"), &context,
                      [&](const Result<ApiResponse> &r) { answer = r; });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 15000);
        QVERIFY2(!answer->ok(), qPrintable(proxy));
        const Error &e = answer->error();
        QVERIFY_NO_LEAK(e.toString() + e.hint, ProxyPasswords);
        QCOMPARE(e.code, Error::Code::Network);
        QVERIFY2(e.toString().contains(QLatin1String("127.0.0.1")),
                 qPrintable(e.toString())); // still says where
    }
}

void tst_Redaction::auditLineCarriesNoProxyPassword()
{
    QTemporaryDir dir;
    const QList<QString> proxies = leakyProxies();
    for (const QString &proxy : {proxies.first(), proxies.at(proxies.size() / 2)}) {
        AuditLog audit(dir.path());
        HttpTransport transport(proxiedConnection(proxy));
        ClusterWriteExecutor writer(&transport, &audit);
        PlannedWrite w;
        w.verb = QStringLiteral("patch");
        w.kind = QStringLiteral("ConfigMap");
        w.ns = QStringLiteral("shop");
        w.name = QStringLiteral("settings");
        w.request.method = "PATCH";
        w.request.path = QStringLiteral("/api/v1/namespaces/shop/configmaps/settings");
        w.request.body = "{\"data\":{\"url\":\"https://app:pw-in-body@db:5432\"}}";
        w.body = json::parse(w.request.body.toStdString());
        bool done = false;
        QObject context;
        writer.send(w, &context, [&](const Result<ApiResponse> &) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
    }
    QByteArray all;
    QDirIterator it(dir.path(), QDir::Files);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        all += f.readAll();
    }
    QVERIFY2(all.contains("settings"), all.constData()); // the line was written
    QVERIFY_NO_LEAK(QString::fromUtf8(all),
                    ProxyPasswords + QStringList{QStringLiteral("pw-in-body")});
    // The entry itself, whatever the log's layout: result and summary are stripped.
    AuditEntry e;
    e.result
        = QStringLiteral("transfer failed (Unsupported proxy syntax in 'http://alice:%1@h:99999')")
              .arg(Password);
    e.summary = QStringLiteral("{\"url\":\"https://alice:%1@h\"}").arg(Password);
    QVERIFY_NO_LEAK(QString::fromStdString(e.toJson().dump()), QStringList{Password});
    e.result = QStringLiteral("transfer failed (Unsupported proxy syntax in "
                              "'http://alice:%1@h:99999')")
                   .arg(RawPassword);
    e.summary = QStringLiteral("{\"url\":\"https://alice:%1@h\"}").arg(RawPassword);
    QVERIFY_NO_LEAK(QString::fromStdString(e.toJson().dump()), ProxyPasswords);
}

void tst_Redaction::doctorPrintsNoProxyPassword_data()
{
    QTest::addColumn<bool>("asJson");
    QTest::newRow("text") << false;
    QTest::newRow("json") << true;
}

void tst_Redaction::doctorPrintsNoProxyPassword()
{
    QFETCH(bool, asJson);
    QTemporaryDir dir;
    const QString kubeconfig = dir.filePath(QStringLiteral("config"));
    QFile f(kubeconfig);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QString config
        = QStringLiteral("apiVersion: v1\nkind: Config\ncurrent-context: c0\nclusters:\n");
    QString contexts;
    const QList<QString> proxies = leakyProxies();
    for (int i = 0; i < proxies.size(); ++i) {
        // The server URL carries a password too: the report prints the server.
        config
            += QStringLiteral("- name: k%1\n  cluster:\n    server: https://admin:%2@127.0.0.1:%3\n"
                              "    proxy-url: \"%4\"\n")
                   .arg(i)
                   .arg(i % 2 ? RawPassword : Password)
                   .arg(deadPort())
                   .arg(proxies[i]);
        contexts += QStringLiteral("- name: c%1\n  context: {cluster: k%1, user: u}\n").arg(i);
    }
    config += QStringLiteral("users:\n- name: u\n  user: {token: abc}\ncontexts:\n") + contexts;
    f.write(config.toUtf8());
    f.close();
    QProcess doctor;
    QStringList args{QStringLiteral("--doctor"), QStringLiteral("--kubeconfig"), kubeconfig};
    if (asJson)
        args << QStringLiteral("--json");
    doctor.start(QStringLiteral(ORRERY_APP_BINARY), args);
    QVERIFY(doctor.waitForFinished(120000));
    const QString out
        = QString::fromUtf8(doctor.readAllStandardOutput() + doctor.readAllStandardError());
    QCOMPARE(doctor.exitCode(), 1); // nothing is reachable
    for (int i = 0; i < proxies.size(); ++i)
        QVERIFY2(out.contains(QStringLiteral("c%1").arg(i)), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("proxy")), qPrintable(out));
    QVERIFY_NO_LEAK(out, ProxyPasswords);
}

QTEST_GUILESS_MAIN(tst_Redaction)
#include "tst_redaction.moc"
