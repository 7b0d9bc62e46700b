// SPDX-License-Identifier: GPL-3.0-or-later
// Kubeconfig loading, merging, path resolution, auth kinds and error collection over the
// fixtures in tests/data/kubeconfig/, and a comparison with real `kubectl config view`.

#include "kube/kubeconfig.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace Orrery;

namespace {

QString fixtureDir()
{
    return QStringLiteral(ORRERY_TEST_DATA "/kubeconfig");
}

QString fixture(const QString &relative)
{
    return QDir::cleanPath(fixtureDir() + QLatin1Char('/') + relative);
}

QStringList fixtures(const QStringList &relative)
{
    QStringList out;
    for (const QString &r : relative)
        out << fixture(r);
    return out;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString str(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    return it == object.end() || !it->is_string() ? QString()
                                                  : QString::fromStdString(it->get<std::string>());
}

bool flag(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() && it->get<bool>();
}

QStringList strings(const nlohmann::json &object, const char *key)
{
    QStringList out;
    const auto it = object.find(key);
    if (it != object.end() && it->is_array()) {
        for (const auto &item : *it)
            out << QString::fromStdString(item.get<std::string>());
    }
    return out;
}

const nlohmann::json *contextEntry(const nlohmann::json &list, const QString &name)
{
    for (const auto &c : list["contexts"]) {
        if (QString::fromStdString(c["name"].get<std::string>()) == name)
            return &c;
    }
    return nullptr;
}

// Every secret that appears in a fixture: none may show up in an error or in --list-contexts.
const QStringList kSecrets = {
    QStringLiteral("a-alice-token"),
    QStringLiteral("a-shared-token"),
    QStringLiteral("b-shared-password"),
    QStringLiteral("b-bob-password"),
    QStringLiteral("relative-file-token"),
    QStringLiteral("static-token-value"),
    QStringLiteral("basic-secret-password"),
    QStringLiteral("missing-refs-token"),
    QStringLiteral("unreadable-fixture-token"),
};

// Environment variables the tests change, restored after each test.
class EnvGuard
{
public:
    explicit EnvGuard(std::initializer_list<const char *> names)
    {
        for (const char *name : names)
            m_saved.append({name, qgetenv(name), qEnvironmentVariableIsSet(name)});
    }
    ~EnvGuard()
    {
        for (const auto &s : m_saved) {
            if (s.set)
                qputenv(s.name, s.value);
            else
                qunsetenv(s.name);
        }
    }

private:
    struct Saved
    {
        const char *name;
        QByteArray value;
        bool set;
    };
    QList<Saved> m_saved;
};

} // namespace

class tst_Kubeconfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void merge_data();
    void merge();
    void firstDefinitionWinsEntirely();
    void kubeconfigEnvDedupAndMissing();
    void explicitFileOnly();
    void explicitFileMissing();
    void homeDefault();
    void relativePaths();
    void authKinds_data();
    void authKinds();
    void clusterFields();
    void base64Data();
    void execExtensionAndClusterInfo();
    void authProviders_data();
    void authProviders();
    void malformedYaml_data();
    void malformedYaml();
    void missingReferences();
    void unreadableCertificate();
    void badEntries();
    void unknownContext();
    void providersShared();
    void listContextsCommand_data();
    void listContextsCommand();
    void noSecretsInOutput_data();
    void noSecretsInOutput();
    void matchesKubectl_data();
    void matchesKubectl();
};

void tst_Kubeconfig::initTestCase()
{
    // Errors are expected here by the dozen; keep the output readable.
    QLoggingCategory::setFilterRules(QStringLiteral("orrery.*=false"));
}

void tst_Kubeconfig::merge_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("currentContext");
    QTest::addColumn<QStringList>("contexts");
    // "context|cluster|server|user|namespace|authKind" rows checked in listContextsJson().
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("a,b: a's shared wins, current from b")
        << QStringList{"merge/a.yaml", "merge/b.yaml"} << "b-ctx"
        << QStringList{"dev", "shared", "b-ctx"}
        << QStringList{"dev|dev|https://a-dev.example:6443|alice|dev-ns|token",
                       "shared|shared|https://a-shared.example:6443|shared-user||token",
                       "b-ctx|prod|https://b-prod.example:6443|bob|kube-system|basic"};
    QTest::newRow("b,a: b's shared wins")
        << QStringList{"merge/b.yaml", "merge/a.yaml"} << "b-ctx"
        << QStringList{"shared", "b-ctx", "dev"}
        << QStringList{"shared|prod|https://b-prod.example:6443|bob|b-ns|basic",
                       "dev|dev|https://a-dev.example:6443|alice|dev-ns|token"};
    QTest::newRow("c,a,b: first non-empty current-context is c's")
        << QStringList{"merge/c.yaml", "merge/a.yaml", "merge/b.yaml"} << "c-ctx"
        << QStringList{"c-ctx", "c-uses-prod", "dev", "shared", "b-ctx"}
        << QStringList{"c-ctx|c-cluster|https://c.example|alice||token",
                       "c-uses-prod|prod|https://b-prod.example:6443|bob||basic"};
    QTest::newRow("a,b,c: b's current-context beats c's")
        << QStringList{"merge/a.yaml", "merge/b.yaml", "merge/c.yaml"} << "b-ctx"
        << QStringList{"dev", "shared", "b-ctx", "c-ctx", "c-uses-prod"}
        << QStringList{"c-ctx|c-cluster|https://c.example|alice||token"};
    QTest::newRow("a alone: empty current-context")
        << QStringList{"merge/a.yaml"} << "" << QStringList{"dev", "shared"}
        << QStringList{"shared|shared|https://a-shared.example:6443|shared-user||token"};
    QTest::newRow("c alone: references to undefined entries")
        << QStringList{"merge/c.yaml"} << "c-ctx" << QStringList{"c-ctx", "c-uses-prod"}
        << QStringList{"c-uses-prod|prod||bob||none"};
}

void tst_Kubeconfig::merge()
{
    QFETCH(QStringList, files);
    QFETCH(QString, currentContext);
    QFETCH(QStringList, contexts);
    QFETCH(QStringList, expected);

    const Kubeconfig config = Kubeconfig::loadFiles(fixtures(files));
    QCOMPARE(config.currentContext(), currentContext);
    QCOMPARE(config.contextNames(), contexts);
    QCOMPARE(config.sourceFiles(), fixtures(files));

    const nlohmann::json list = config.listContextsJson();
    QCOMPARE(QString::fromStdString(list["current-context"].get<std::string>()), currentContext);
    QCOMPARE(list["contexts"].size(), size_t(contexts.size()));
    for (const QString &row : expected) {
        const QStringList f = row.split(QLatin1Char('|'));
        const nlohmann::json *entry = contextEntry(list, f[0]);
        QVERIFY2(entry, qPrintable(f[0]));
        QCOMPARE(str(*entry, "cluster"), f[1]);
        QCOMPARE(str(*entry, "server"), f[2]);
        QCOMPARE(str(*entry, "user"), f[3]);
        QCOMPARE(str(*entry, "namespace"), f[4]);
        QCOMPARE(str(*entry, "authKind"), f[5]);
    }
}

void tst_Kubeconfig::firstDefinitionWinsEntirely()
{
    const Kubeconfig config = Kubeconfig::loadFiles(fixtures({"merge/a.yaml", "merge/b.yaml"}));
    QVERIFY(config.errors().isEmpty());
    const auto shared = config.cluster(QStringLiteral("shared"));
    QVERIFY(shared);
    // b.yaml's tls-server-name does not fill the gap in a.yaml's definition.
    QVERIFY(shared->tlsServerName.isEmpty());
    QCOMPARE(shared->source.file, fixture("merge/a.yaml"));
    QCOMPARE(shared->source.line, 9);
    const auto user = config.user(QStringLiteral("shared-user"));
    QVERIFY(user);
    QVERIFY(user->username.isEmpty());
    QVERIFY(user->password.isEmpty());
    QCOMPARE(user->token, QStringLiteral("a-shared-token"));
    const auto ctx = config.context(QStringLiteral("shared"));
    QVERIFY(ctx);
    QVERIFY(ctx->namespace_.isEmpty());
    QCOMPARE(config.clusterNames(), (QStringList{"dev", "shared", "prod"}));
    QCOMPARE(config.userNames(), (QStringList{"alice", "shared-user", "bob"}));
}

void tst_Kubeconfig::kubeconfigEnvDedupAndMissing()
{
    EnvGuard guard({"KUBECONFIG", "HOME"});
    QTemporaryDir home;
    QVERIFY(home.isValid());
    qputenv("HOME", QFile::encodeName(home.path()));
    const QString a = fixture("merge/a.yaml");
    const QString b = fixture("merge/b.yaml");
    const QString missing = home.filePath(QStringLiteral("missing.yaml"));
    const QString aDotted = fixtureDir() + QStringLiteral("/merge/./a.yaml");
    qputenv(
        "KUBECONFIG",
        QFile::encodeName(QStringList{a, missing, aDotted, b, a, QString(), missing}.join(':')));

    QCOMPARE(Kubeconfig::precedence(), (QStringList{a, missing, b}));
    const Kubeconfig config = Kubeconfig::load();
    QCOMPARE(config.sourceFiles(), (QStringList{a, b}));
    QCOMPARE(config.currentContext(), QStringLiteral("b-ctx"));
    QVERIFY(config.errors().isEmpty());
    QCOMPARE(config.warnings().size(), 1); // the missing file, once
    QVERIFY(config.warnings().constFirst().contains(missing));
    QVERIFY(config.isLoaded());
}

void tst_Kubeconfig::explicitFileOnly()
{
    EnvGuard guard({"KUBECONFIG"});
    qputenv("KUBECONFIG", QFile::encodeName(fixture("merge/a.yaml")));
    const Kubeconfig config = Kubeconfig::load(fixture("merge/c.yaml"));
    QCOMPARE(config.sourceFiles(), QStringList{fixture("merge/c.yaml")});
    QCOMPARE(config.contextNames(), (QStringList{"c-ctx", "c-uses-prod"}));
    QVERIFY(!config.cluster(QStringLiteral("dev")));
}

void tst_Kubeconfig::explicitFileMissing()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("nope.yaml"));
    const Kubeconfig config = Kubeconfig::load(missing);
    QVERIFY(!config.isLoaded());
    QVERIFY(config.contextNames().isEmpty());
    QCOMPARE(config.errors().size(), 1);
    QCOMPARE(config.errors().constFirst().code, Error::Code::NotFound);
    QCOMPARE(config.errors().constFirst().file, missing);
}

void tst_Kubeconfig::homeDefault()
{
    EnvGuard guard({"KUBECONFIG", "HOME"});
    QTemporaryDir home;
    QVERIFY(home.isValid());
    qunsetenv("KUBECONFIG");
    qputenv("HOME", QFile::encodeName(home.path()));

    // No ~/.kube/config: nothing loaded, and nothing to complain about but a warning.
    Kubeconfig empty = Kubeconfig::load();
    QVERIFY(!empty.isLoaded());
    QVERIFY(empty.errors().isEmpty());

    QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".kube")));
    const QString config = home.filePath(QStringLiteral(".kube/config"));
    QVERIFY(QFile::copy(fixture("merge/c.yaml"), config));
    QCOMPARE(Kubeconfig::precedence(), QStringList{config});
    const Kubeconfig loaded = Kubeconfig::load();
    QCOMPARE(loaded.sourceFiles(), QStringList{config});
    QCOMPARE(loaded.currentContext(), QStringLiteral("c-ctx"));

    // An empty KUBECONFIG counts as unset, as in client-go.
    qputenv("KUBECONFIG", "");
    QCOMPARE(Kubeconfig::load().sourceFiles(), QStringList{config});
}

void tst_Kubeconfig::relativePaths()
{
    // Resolution must not depend on the working directory.
    QTemporaryDir elsewhere;
    const QString oldCwd = QDir::currentPath();
    QVERIFY(QDir::setCurrent(elsewhere.path()));
    const Kubeconfig config = Kubeconfig::loadFiles({fixture("relative/config")});
    QVERIFY(QDir::setCurrent(oldCwd));

    QVERIFY2(config.errors().isEmpty(), qPrintable(config.errors().value(0).toString()));
    QCOMPARE(config.cluster(QStringLiteral("rel"))->certificateAuthority, fixture("certs/ca.crt"));
    QCOMPARE(config.user(QStringLiteral("rel-cert"))->clientCertificate,
             fixture("certs/client.crt"));
    QCOMPARE(config.user(QStringLiteral("rel-cert"))->clientKey, fixture("certs/client.key"));
    QCOMPARE(config.user(QStringLiteral("rel-token-file"))->tokenFile,
             fixture("relative/token.txt"));
    QCOMPARE(config.user(QStringLiteral("rel-exec"))->exec->command,
             fixture("plugins/static-token.sh"));

    auto cert = config.connection(QStringLiteral("rel-cert"));
    QVERIFY2(cert.ok(), qPrintable(cert.ok() ? QString() : cert.error().toString()));
    QCOMPARE(cert->certificateAuthorityPem, readFile(fixture("certs/ca.crt")));
    QVERIFY(cert->certificateAuthorityPem.startsWith("-----BEGIN CERTIFICATE-----"));
    auto certCredential = cert->credentials->credential();
    QVERIFY(certCredential.ok());
    QCOMPARE(certCredential->clientCertPem, readFile(fixture("certs/client.crt")));
    QCOMPARE(certCredential->clientKeyPem, readFile(fixture("certs/client.key")));
    QVERIFY(certCredential->bearerToken.isEmpty());

    auto file = config.connection(QStringLiteral("rel-token-file"));
    QVERIFY(file.ok());
    QCOMPARE(file->credentials->authKind(), QStringLiteral("tokenFile"));
    auto fileCredential = file->credentials->credential();
    QVERIFY(fileCredential.ok());
    QCOMPARE(fileCredential->bearerToken, QByteArray("relative-file-token"));

    auto exec = config.connection(QStringLiteral("rel-exec"));
    QVERIFY(exec.ok());
    QCOMPARE(exec->defaultNamespace, QStringLiteral("apps"));
    auto execCredential = exec->credentials->credential();
    QVERIFY2(execCredential.ok(),
             qPrintable(execCredential.ok() ? QString() : execCredential.error().toString()));
    QCOMPARE(execCredential->bearerToken, QByteArray("relative-exec-token"));
}

void tst_Kubeconfig::authKinds_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("authKind");
    QTest::addColumn<bool>("connects");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("certFile"); // expected client certificate content, from file

    QTest::newRow("token") << "token"
                           << "token" << true << QByteArray("static-token-value") << ""
                           << "";
    QTest::newRow("tokenFile") << "token-file"
                               << "tokenFile" << true << QByteArray("relative-file-token") << ""
                               << "";
    QTest::newRow("cert files") << "cert-files"
                                << "clientCertificate" << true << QByteArray() << ""
                                << "certs/client.crt";
    QTest::newRow("cert data") << "cert-data"
                               << "clientCertificate" << true << QByteArray() << ""
                               << "certs/client.crt";
    QTest::newRow("basic") << "basic"
                           << "basic" << true << QByteArray() << "admin"
                           << "";
    QTest::newRow("exec v1") << "exec-v1"
                             << "exec" << true << QByteArray("exec-v1-token") << ""
                             << "";
    QTest::newRow("exec v1beta1") << "exec-v1beta1"
                                  << "exec" << true << QByteArray() << ""
                                  << "";
    QTest::newRow("gcp") << "gcp"
                         << "authProvider" << false << QByteArray() << ""
                         << "";
    QTest::newRow("anonymous") << "anonymous"
                               << "none" << true << QByteArray() << ""
                               << "";
    QTest::newRow("no user") << "no-user"
                             << "none" << true << QByteArray() << ""
                             << "";
}

void tst_Kubeconfig::authKinds()
{
    QFETCH(QString, context);
    QFETCH(QString, authKind);
    QFETCH(bool, connects);
    QFETCH(QByteArray, token);
    QFETCH(QString, username);
    QFETCH(QString, certFile);

    const Kubeconfig config = Kubeconfig::loadFiles({fixture("authkinds.yaml")});
    QVERIFY2(config.errors().isEmpty(), qPrintable(config.errors().value(0).toString()));
    const nlohmann::json list = config.listContextsJson();
    const nlohmann::json *entry = contextEntry(list, context);
    QVERIFY(entry);
    QCOMPARE(str(*entry, "authKind"), authKind);

    auto conn = config.connection(context);
    QCOMPARE(conn.ok(), connects);
    if (!connects)
        return;
    QVERIFY(conn->credentials);
    QCOMPARE(conn->credentials->authKind(), authKind);
    if (authKind == QLatin1String("exec") && token.isEmpty())
        return; // a plugin that is not installed here; tst_execplugin covers running plugins
    auto credential = conn->credentials->credential();
    QVERIFY2(credential.ok(),
             qPrintable(credential.ok() ? QString() : credential.error().toString()));
    QCOMPARE(credential->bearerToken, token);
    QCOMPARE(credential->username, username);
    if (!username.isEmpty())
        QCOMPARE(credential->password, QStringLiteral("basic-secret-password"));
    if (certFile.isEmpty()) {
        QVERIFY(credential->clientCertPem.isEmpty());
    } else {
        QCOMPARE(credential->clientCertPem, readFile(fixture(certFile)));
        QCOMPARE(credential->clientKeyPem, readFile(fixture("certs/client.key")));
    }
    QCOMPARE(credential->isEmpty(), authKind == QLatin1String("none"));
}

void tst_Kubeconfig::clusterFields()
{
    const Kubeconfig config = Kubeconfig::loadFiles({fixture("authkinds.yaml")});
    auto full = config.connection(QStringLiteral("token"));
    QVERIFY(full.ok());
    QCOMPARE(full->contextName, QStringLiteral("token"));
    QCOMPARE(full->clusterName, QStringLiteral("full"));
    QCOMPARE(full->userName, QStringLiteral("token"));
    QCOMPARE(full->server, QStringLiteral("https://full.example:8443/prefix"));
    QCOMPARE(full->defaultNamespace, QStringLiteral("team-a"));
    QCOMPARE(full->tlsServerName, QStringLiteral("api.internal.example"));
    QCOMPARE(full->proxyUrl, QStringLiteral("http://proxy.example:3128"));
    QVERIFY(full->disableCompression);
    QVERIFY(!full->insecureSkipTlsVerify);
    QVERIFY(full->warnings.isEmpty());
    QCOMPARE(full->impersonateUser, QStringLiteral("impersonated-user"));
    QCOMPARE(full->impersonateUid, QStringLiteral("1234"));
    QCOMPARE(full->impersonateGroups, (QStringList{"team-a", "team-b"}));

    auto insecure = config.connection(QStringLiteral("basic"));
    QVERIFY(insecure.ok());
    QVERIFY(insecure->insecureSkipTlsVerify);
    QCOMPARE(insecure->defaultNamespace, QStringLiteral("default"));
    QCOMPARE(insecure->warnings.size(), 1);
    QVERIFY(
        insecure->warnings.constFirst().contains(QLatin1String("TLS verification is disabled")));
    QVERIFY(insecure->certificateAuthorityPem.isEmpty());
    // Also visible without connecting, for --list-contexts.
    QVERIFY(config.warnings().join('\n').contains(QLatin1String("cluster \"insecure\"")));
}

void tst_Kubeconfig::base64Data()
{
    const Kubeconfig config = Kubeconfig::loadFiles({fixture("authkinds.yaml")});
    QCOMPARE(config.cluster(QStringLiteral("full"))->certificateAuthorityData,
             readFile(fixture("certs/ca.crt")));
    const auto user = config.user(QStringLiteral("cert-data"));
    QCOMPARE(user->clientCertificateData, readFile(fixture("certs/client.crt")));
    QCOMPARE(user->clientKeyData, readFile(fixture("certs/client.key")));
    QVERIFY(user->clientCertificate.isEmpty());
}

void tst_Kubeconfig::execExtensionAndClusterInfo()
{
    const Kubeconfig config = Kubeconfig::loadFiles({fixture("authkinds.yaml")});
    const auto user = config.user(QStringLiteral("exec-v1"));
    QVERIFY(user && user->exec);
    const KubeExecConfig &exec = *user->exec;
    QCOMPARE(exec.apiVersion, QStringLiteral("client.authentication.k8s.io/v1"));
    QCOMPARE(exec.command, fixture("plugins/static-token.sh"));
    QCOMPARE(exec.args, QStringList{"exec-v1-token"});
    QCOMPARE(exec.env.size(), 1);
    QCOMPARE(exec.env.constFirst().first, QStringLiteral("ORRERY_TEST_A"));
    QCOMPARE(exec.env.constFirst().second, QStringLiteral("one"));
    QCOMPARE(exec.installHint, QStringLiteral("Install the static-token plugin."));
    QVERIFY(exec.provideClusterInfo);
    QCOMPARE(exec.interactiveMode, QStringLiteral("Never"));

    const auto beta = config.user(QStringLiteral("exec-v1beta1"));
    QCOMPARE(beta->exec->command, QStringLiteral("gke-gcloud-auth-plugin")); // bare: stays for PATH
    // client-go defaults interactiveMode for v1beta1 only; v1 must set it.
    QCOMPARE(beta->exec->interactiveMode, QStringLiteral("IfAvailable"));

    const nlohmann::json extension = config.cluster(QStringLiteral("full"))->execExtension;
    const nlohmann::json expected = {{"audience", "orrery-test"}, {"retries", 3}, {"quoted", "42"}};
    QVERIFY2(extension == expected, extension.dump().c_str());
}

void tst_Kubeconfig::authProviders_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("replacement");
    QTest::newRow("gcp") << "gcp"
                         << "gke-gcloud-auth-plugin";
    QTest::newRow("azure") << "azure"
                           << "kubelogin";
    QTest::newRow("oidc") << "oidc"
                          << "oidc-login";
}

void tst_Kubeconfig::authProviders()
{
    QFETCH(QString, context);
    QFETCH(QString, replacement);
    const Kubeconfig config = Kubeconfig::loadFiles({fixture("authkinds.yaml")});
    auto conn = config.connection(context);
    QVERIFY(!conn.ok());
    const Error &error = conn.error();
    QCOMPARE(error.code, Error::Code::Unsupported);
    QVERIFY2(error.toString().contains(replacement), qPrintable(error.toString()));
    QVERIFY(error.toString().contains(QStringLiteral("auth-provider \"%1\"").arg(context)));
    QCOMPARE(error.context, QStringLiteral("user \"%1\"").arg(context));
    QCOMPARE(error.file, fixture("authkinds.yaml"));
    QVERIFY(error.line > 0);
    // --list-contexts shows the same advice as a warning.
    QVERIFY(config.warnings().join('\n').contains(replacement));
}

void tst_Kubeconfig::malformedYaml_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("broken");
    QTest::addColumn<int>("line");
    QTest::addColumn<QStringList>("contexts");

    QTest::newRow("syntax alone") << QStringList{"broken/syntax.yaml"} << "broken/syntax.yaml" << 8
                                  << QStringList{};
    QTest::newRow("syntax between good files")
        << QStringList{"merge/a.yaml", "broken/syntax.yaml", "merge/b.yaml"} << "broken/syntax.yaml"
        << 8 << QStringList{"dev", "shared", "b-ctx"};
    QTest::newRow("not a mapping") << QStringList{"broken/notamap.yaml", "merge/a.yaml"}
                                   << "broken/notamap.yaml" << 1 << QStringList{"dev", "shared"};
}

void tst_Kubeconfig::malformedYaml()
{
    QFETCH(QStringList, files);
    QFETCH(QString, broken);
    QFETCH(int, line);
    QFETCH(QStringList, contexts);

    const Kubeconfig config = Kubeconfig::loadFiles(fixtures(files));
    QCOMPARE(config.errors().size(), 1);
    const Error &error = config.errors().constFirst();
    QCOMPARE(error.code, Error::Code::ParseError);
    QCOMPARE(error.file, fixture(broken));
    QCOMPARE(error.line, line);
    QVERIFY(error.toString().startsWith(fixture(broken) + QStringLiteral(":%1: ").arg(line)));
    QCOMPARE(config.contextNames(), contexts);
    QVERIFY(!config.sourceFiles().contains(fixture(broken)));
    QCOMPARE(config.isLoaded(), !contexts.isEmpty());

    const nlohmann::json list = config.listContextsJson();
    QCOMPARE(list["errors"].size(), size_t(1));
    QCOMPARE(list["errors"][0]["line"].get<int>(), line);
    QCOMPARE(QString::fromStdString(list["errors"][0]["file"].get<std::string>()), fixture(broken));
}

void tst_Kubeconfig::missingReferences()
{
    const QString file = fixture("broken/missingrefs.yaml");
    const Kubeconfig config = Kubeconfig::loadFiles({file});
    QCOMPARE(config.contextNames(), (QStringList{"good", "no-such-cluster", "no-such-user"}));
    QCOMPARE(config.errors().size(), 2);

    const Error cluster = config.errors().at(0);
    QCOMPARE(cluster.code, Error::Code::NotFound);
    QCOMPARE(cluster.file, file);
    QCOMPARE(cluster.line, 17);
    QCOMPARE(cluster.context, QStringLiteral("context \"no-such-cluster\""));
    QVERIFY(cluster.message.contains(QLatin1String("cluster \"ghost-cluster\"")));

    const Error user = config.errors().at(1);
    QCOMPARE(user.code, Error::Code::NotFound);
    QCOMPARE(user.line, 21);
    QCOMPARE(user.context, QStringLiteral("context \"no-such-user\""));
    QVERIFY(user.message.contains(QLatin1String("user \"ghost-user\"")));

    QVERIFY(config.connection(QStringLiteral("good")).ok());
    auto noCluster = config.connection(QStringLiteral("no-such-cluster"));
    QVERIFY(!noCluster.ok());
    QCOMPARE(noCluster.error().code, Error::Code::NotFound);
    QCOMPARE(noCluster.error().line, 17);
    auto noUser = config.connection(QStringLiteral("no-such-user"));
    QVERIFY(!noUser.ok());
    QVERIFY(noUser.error().message.contains(QLatin1String("ghost-user")));
}

void tst_Kubeconfig::unreadableCertificate()
{
    const QString file = fixture("broken/unreadablecert.yaml");
    const Kubeconfig config = Kubeconfig::loadFiles({file});
    QCOMPARE(config.contextNames(), (QStringList{"ok", "bad-ca", "bad-cert"}));
    QCOMPARE(config.errors().size(), 2);

    const Error ca = config.errors().at(0);
    QCOMPARE(ca.code, Error::Code::FileError);
    QCOMPARE(ca.file, file);
    QCOMPARE(ca.line, 7);
    QCOMPARE(ca.context, QStringLiteral("cluster \"bad-ca\""));
    QVERIFY2(ca.message.contains(fixture("broken/does-not-exist/ca.crt")), qPrintable(ca.message));

    const Error cert = config.errors().at(1);
    QCOMPARE(cert.code, Error::Code::FileError);
    QCOMPARE(cert.line, 15);
    QCOMPARE(cert.context, QStringLiteral("user \"bad-cert\""));
    QVERIFY(cert.message.contains(fixture("certs/missing-client.crt")));

    QVERIFY(config.connection(QStringLiteral("ok")).ok());
    auto badCa = config.connection(QStringLiteral("bad-ca"));
    QVERIFY(!badCa.ok());
    QCOMPARE(badCa.error().code, Error::Code::FileError);
    auto badCert = config.connection(QStringLiteral("bad-cert"));
    QVERIFY(!badCert.ok());
    QCOMPARE(badCert.error().context, QStringLiteral("user \"bad-cert\""));
}

void tst_Kubeconfig::badEntries()
{
    const QString file = fixture("broken/badentries.yaml");
    const Kubeconfig config = Kubeconfig::loadFiles({file});
    // Broken clusters are dropped; their contexts stay listed and fail to connect.
    QCOMPARE(config.clusterNames(), QStringList{"good"});
    QCOMPARE(config.cluster(QStringLiteral("good"))->server,
             QStringLiteral("https://good.example"));
    QCOMPARE(config.contextNames(),
             (QStringList{"good", "uses-bad-bool", "exec-no-mode", "bad-namespace"}));

    struct Expected
    {
        int line;
        const char *entry;
        const char *text;
    };
    const QList<Expected> expected = {
        {10, "cluster \"bad-bool\"", "insecure-skip-tls-verify"},
        {14, "cluster \"bad-base64\"", "base64"},
        {15, "cluster \"good\"", "duplicate"},
        {33, "context \"uses-bad-bool\"", "cluster \"bad-bool\""},
        {37, "context \"bad-namespace\"", "Not_A_Label"},
        {19, "user \"exec-no-mode\"", "interactiveMode"},
        {24, "user \"exec-bad-version\"", "v1alpha1"},
    };
    QStringList all;
    for (const Error &e : config.errors())
        all << e.toString();
    QCOMPARE(config.errors().size(), expected.size());
    for (const Expected &x : expected) {
        bool found = false;
        for (const Error &e : config.errors()) {
            if (e.line == x.line && e.context == QLatin1String(x.entry)
                && e.message.contains(QLatin1String(x.text)) && e.file == file)
                found = true;
        }
        QVERIFY2(found, qPrintable(QStringLiteral("%1 %2 not in:\n%3")
                                       .arg(x.line)
                                       .arg(QLatin1String(x.entry), all.join('\n'))));
    }
    QVERIFY(config.connection(QStringLiteral("good")).ok());
    auto noMode = config.connection(QStringLiteral("exec-no-mode"));
    QVERIFY(!noMode.ok());
    QCOMPARE(noMode.error().code, Error::Code::InvalidArgument);
}

void tst_Kubeconfig::unknownContext()
{
    const Kubeconfig config = Kubeconfig::loadFiles({fixture("merge/a.yaml")});
    auto conn = config.connection(QStringLiteral("nope"));
    QVERIFY(!conn.ok());
    QCOMPARE(conn.error().code, Error::Code::NotFound);
    QVERIFY(conn.error().hint.contains(QLatin1String("dev, shared")));
}

void tst_Kubeconfig::providersShared()
{
    const Kubeconfig config = Kubeconfig::loadFiles({fixture("relative/config")});
    const Kubeconfig copy = config;
    auto first = config.connection(QStringLiteral("rel-exec"));
    auto second = copy.connection(QStringLiteral("rel-exec"));
    QVERIFY(first.ok() && second.ok());
    // One plugin cache per user and cluster, whoever asks.
    QCOMPARE(first->credentials.get(), second->credentials.get());
    auto tokenFile = config.connection(QStringLiteral("rel-token-file"));
    QVERIFY(tokenFile.ok());
    QVERIFY(tokenFile->credentials.get() != first->credentials.get());
    QCOMPARE(config.connection(QStringLiteral("rel-token-file"))->credentials.get(),
             tokenFile->credentials.get());
    // A freshly loaded Kubeconfig starts over.
    const Kubeconfig reloaded = Kubeconfig::loadFiles({fixture("relative/config")});
    QVERIFY(reloaded.connection(QStringLiteral("rel-exec"))->credentials.get()
            != first->credentials.get());
}

void tst_Kubeconfig::listContextsCommand_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("kubeconfigEnv");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrPart");

    QTest::newRow("KUBECONFIG merge")
        << QStringList{} << QStringList{"merge/a.yaml", "merge/b.yaml"} << 0 << "";
    QTest::newRow("explicit file beats KUBECONFIG")
        << QStringList{"--kubeconfig", fixture("merge/b.yaml")} << QStringList{"merge/a.yaml"} << 0
        << "";
    QTest::newRow("broken file among good ones")
        << QStringList{} << QStringList{"broken/syntax.yaml", "merge/a.yaml"} << 0
        << fixture("broken/syntax.yaml") + ":8:";
    QTest::newRow("explicit file missing")
        << QStringList{"--kubeconfig", fixture("merge/nope.yaml")} << QStringList{} << 1
        << "nope.yaml";
    QTest::newRow("only broken file")
        << QStringList{} << QStringList{"broken/syntax.yaml"} << 1 << "malformed YAML";
}

void tst_Kubeconfig::listContextsCommand()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, kubeconfigEnv);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrPart);
    const QString app = QStringLiteral(ORRERY_APP_BINARY);
    if (!QFileInfo(app).isExecutable())
        QSKIP("the orrery binary is not built");

    QTemporaryDir home;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("KUBECONFIG"), fixtures(kubeconfigEnv).join(':'));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(app, QStringList{"--list-contexts"} + arguments);
    QVERIFY(process.waitForFinished(60000));
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(process.exitCode(), exitCode);
    QVERIFY2(err.contains(stderrPart.toUtf8()), err.constData());
    // Errors are printed once by the command, not again by the loader's logging.
    QVERIFY2(!err.contains("orrery.kubeconfig"), err.constData());

    const QByteArray out = process.readAllStandardOutput();
    const nlohmann::json printed
        = nlohmann::json::parse(out.constData(), out.constData() + out.size(), nullptr, false);
    QVERIFY2(printed.is_object(), out.constData());
    EnvGuard guard({"KUBECONFIG", "HOME"});
    qputenv("HOME", QFile::encodeName(home.path()));
    qputenv("KUBECONFIG", QFile::encodeName(fixtures(kubeconfigEnv).join(':')));
    const QString explicitFile = arguments.size() == 2 ? arguments.at(1) : QString();
    const nlohmann::json expected = Kubeconfig::load(explicitFile).listContextsJson();
    QVERIFY2(printed == expected, out.constData());
    for (const QString &secret : kSecrets)
        QVERIFY(!out.contains(secret.toUtf8()) && !err.contains(secret.toUtf8()));
}

void tst_Kubeconfig::noSecretsInOutput_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::newRow("merge") << QStringList{"merge/a.yaml", "merge/b.yaml", "merge/c.yaml"};
    QTest::newRow("auth kinds") << QStringList{"authkinds.yaml"};
    QTest::newRow("broken") << QStringList{"broken/syntax.yaml", "broken/missingrefs.yaml",
                                           "broken/unreadablecert.yaml", "broken/badentries.yaml"};
}

void tst_Kubeconfig::noSecretsInOutput()
{
    QFETCH(QStringList, files);
    QTemporaryDir dir;
    // A token on a broken line must not be echoed by the YAML error either.
    const QString leaky = dir.filePath(QStringLiteral("leaky.yaml"));
    QFile f(leaky);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("users:\n- name: x\n  user:\n    token: static-token-value: {[\n");
    f.close();
    // Token and basic auth together: rejected without quoting either.
    const QString both = dir.filePath(QStringLiteral("both.yaml"));
    QFile g(both);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write(
        "clusters: [{name: c, cluster: {server: https://x}}]\n"
        "users: [{name: u, user: {token: a-alice-token, username: u, password: b-bob-password}}]\n"
        "contexts: [{name: both, context: {cluster: c, user: u}}]\n");
    g.close();

    const Kubeconfig config = Kubeconfig::loadFiles(fixtures(files) << leaky << both);
    QVERIFY(!config.errors().isEmpty() || files.size() < 2);
    QStringList texts;
    for (const Error &e : config.errors())
        texts << e.toString();
    texts << config.warnings();
    texts << QString::fromStdString(config.listContextsJson().dump());
    for (const QString &name : config.contextNames()) {
        auto conn = config.connection(name);
        if (!conn.ok())
            texts << conn.error().toString();
        else
            texts << conn->warnings;
    }
    const auto bothConn = config.connection(QStringLiteral("both"));
    QVERIFY(!bothConn.ok());
    QCOMPARE(bothConn.error().code, Error::Code::InvalidArgument);

    const QString all = texts.join('\n');
    for (const QString &secret : kSecrets)
        QVERIFY2(!all.contains(secret), qPrintable(QStringLiteral("leaked %1").arg(secret)));
}

void tst_Kubeconfig::matchesKubectl_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<bool>("entryErrors"); // our per-entry errors that kubectl view ignores
    QTest::newRow("a,b") << QStringList{"merge/a.yaml", "merge/b.yaml"} << false;
    QTest::newRow("b,a") << QStringList{"merge/b.yaml", "merge/a.yaml"} << false;
    QTest::newRow("c,a,b,c,a") << QStringList{"merge/c.yaml", "merge/a.yaml", "merge/b.yaml",
                                              "merge/c.yaml", "merge/a.yaml"}
                               << false;
    QTest::newRow("auth kinds") << QStringList{"authkinds.yaml"} << false;
    QTest::newRow("relative + auth kinds + a")
        << QStringList{"relative/config", "authkinds.yaml", "merge/a.yaml"} << false;
    QTest::newRow("missing file skipped")
        << QStringList{"merge/a.yaml", "merge/missing.yaml", "merge/b.yaml"} << false;
    QTest::newRow("dangling references")
        << QStringList{"broken/missingrefs.yaml", "merge/c.yaml"} << true;
    QTest::newRow("unreadable certificates") << QStringList{"broken/unreadablecert.yaml"} << true;
}

void tst_Kubeconfig::matchesKubectl()
{
    QFETCH(QStringList, files);
    QFETCH(bool, entryErrors);
    const QString kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    if (kubectl.isEmpty())
        QSKIP("kubectl is not on PATH");

    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString kubeconfigEnv = fixtures(files).join(':');
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("KUBECONFIG"), kubeconfigEnv);
    process.setProcessEnvironment(env);
    process.start(kubectl, {"config", "view", "--merge", "--raw", "-o", "json"});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QByteArray out = process.readAllStandardOutput();
    const nlohmann::json view = nlohmann::json::parse(out.constData(), nullptr, false);
    QVERIFY(view.is_object());

    EnvGuard guard({"KUBECONFIG", "HOME"});
    qputenv("HOME", QFile::encodeName(home.path()));
    qputenv("KUBECONFIG", QFile::encodeName(kubeconfigEnv));
    const Kubeconfig config = Kubeconfig::load();
    QVERIFY2(config.errors().isEmpty() != entryErrors,
             qPrintable(config.errors().value(0).toString()));
    for (const Error &error : config.errors())
        QVERIFY(error.code != Error::Code::ParseError);

    // kubectl prints paths as written; ours are resolved against the defining file.
    const auto resolved = [&](const KubeSource &source, const QString &path) {
        if (path.isEmpty() || QDir::isAbsolutePath(path))
            return path;
        if (!fixtures(files).contains(source.file))
            return QStringLiteral("<defined in %1, not a fixture of this set>").arg(source.file);
        return QDir::cleanPath(QFileInfo(source.file).absoluteDir().absoluteFilePath(path));
    };
    const auto decoded = [](const nlohmann::json &object, const char *key) {
        return QByteArray::fromBase64(str(object, key).toLatin1());
    };

    QCOMPARE(config.currentContext(), str(view, "current-context"));

    QStringList kubectlClusters;
    for (const auto &item : view["clusters"]) {
        const QString name = str(item, "name");
        kubectlClusters << name;
        const nlohmann::json &k = item["cluster"];
        const auto mine = config.cluster(name);
        QVERIFY2(mine, qPrintable(name));
        QCOMPARE(mine->server, str(k, "server"));
        QCOMPARE(mine->tlsServerName, str(k, "tls-server-name"));
        QCOMPARE(mine->insecureSkipTlsVerify, flag(k, "insecure-skip-tls-verify"));
        QCOMPARE(mine->certificateAuthority,
                 resolved(mine->source, str(k, "certificate-authority")));
        QCOMPARE(mine->certificateAuthorityData, decoded(k, "certificate-authority-data"));
        QCOMPARE(mine->proxyUrl, str(k, "proxy-url"));
        QCOMPARE(mine->disableCompression, flag(k, "disable-compression"));
    }
    QStringList myClusters = config.clusterNames();
    myClusters.sort();
    kubectlClusters.sort();
    QCOMPARE(myClusters, kubectlClusters);

    QStringList kubectlUsers;
    for (const auto &item : view["users"]) {
        const QString name = str(item, "name");
        kubectlUsers << name;
        const nlohmann::json &k = item["user"];
        const auto mine = config.user(name);
        QVERIFY2(mine, qPrintable(name));
        QCOMPARE(mine->clientCertificate, resolved(mine->source, str(k, "client-certificate")));
        QCOMPARE(mine->clientCertificateData, decoded(k, "client-certificate-data"));
        QCOMPARE(mine->clientKey, resolved(mine->source, str(k, "client-key")));
        QCOMPARE(mine->clientKeyData, decoded(k, "client-key-data"));
        QCOMPARE(mine->token, str(k, "token"));
        QCOMPARE(mine->tokenFile, resolved(mine->source, str(k, "tokenFile")));
        QCOMPARE(mine->impersonate, str(k, "as"));
        QCOMPARE(mine->impersonateUid, str(k, "as-uid"));
        QCOMPARE(mine->impersonateGroups, strings(k, "as-groups"));
        QCOMPARE(mine->username, str(k, "username"));
        QCOMPARE(mine->password, str(k, "password"));
        const auto ap = k.find("auth-provider");
        QCOMPARE(bool(mine->authProvider), ap != k.end());
        if (mine->authProvider) {
            QCOMPARE(mine->authProvider->name, str(*ap, "name"));
            QMap<QString, QString> kconfig;
            if (ap->contains("config")) {
                for (const auto &[key, value] : (*ap)["config"].items())
                    kconfig.insert(QString::fromStdString(key),
                                   QString::fromStdString(value.get<std::string>()));
            }
            QCOMPARE(mine->authProvider->config, kconfig);
        }
        const auto ex = k.find("exec");
        QCOMPARE(bool(mine->exec), ex != k.end());
        if (mine->exec) {
            const QString command = str(*ex, "command");
            QCOMPARE(mine->exec->command,
                     command.contains('/') ? resolved(mine->source, command) : command);
            QCOMPARE(mine->exec->args, strings(*ex, "args"));
            QList<QPair<QString, QString>> kenv;
            if (ex->contains("env") && (*ex)["env"].is_array()) {
                for (const auto &var : (*ex)["env"])
                    kenv.append({str(var, "name"), str(var, "value")});
            }
            QCOMPARE(mine->exec->env, kenv);
            QCOMPARE(mine->exec->apiVersion, str(*ex, "apiVersion"));
            QCOMPARE(mine->exec->installHint, str(*ex, "installHint"));
            QCOMPARE(mine->exec->provideClusterInfo, flag(*ex, "provideClusterInfo"));
            QCOMPARE(mine->exec->interactiveMode, str(*ex, "interactiveMode"));
        }
    }
    QStringList myUsers = config.userNames();
    myUsers.sort();
    kubectlUsers.sort();
    QCOMPARE(myUsers, kubectlUsers);

    // listContextsJson() against kubectl's contexts, with authKind derived independently.
    const nlohmann::json list = config.listContextsJson();
    QStringList kubectlContexts;
    for (const auto &item : view["contexts"]) {
        const QString name = str(item, "name");
        kubectlContexts << name;
        const nlohmann::json &k = item["context"];
        const nlohmann::json *mine = contextEntry(list, name);
        QVERIFY2(mine, qPrintable(name));
        QCOMPARE(str(*mine, "cluster"), str(k, "cluster"));
        QCOMPARE(str(*mine, "user"), str(k, "user"));
        QCOMPARE(str(*mine, "namespace"), str(k, "namespace")); // missing in kubectl == ""
        QString server;
        for (const auto &c : view["clusters"]) {
            if (str(c, "name") == str(k, "cluster"))
                server = str(c["cluster"], "server");
        }
        QCOMPARE(str(*mine, "server"), server);
        QString kind = QStringLiteral("none");
        for (const auto &u : view["users"]) {
            if (str(u, "name") != str(k, "user"))
                continue;
            const nlohmann::json &user = u["user"];
            if (user.contains("exec"))
                kind = QStringLiteral("exec");
            else if (user.contains("auth-provider"))
                kind = QStringLiteral("authProvider");
            else if (!str(user, "tokenFile").isEmpty())
                kind = QStringLiteral("tokenFile");
            else if (!str(user, "token").isEmpty())
                kind = QStringLiteral("token");
            else if (user.contains("client-certificate")
                     || user.contains("client-certificate-data"))
                kind = QStringLiteral("clientCertificate");
            else if (user.contains("username") || user.contains("password"))
                kind = QStringLiteral("basic");
        }
        QCOMPARE(str(*mine, "authKind"), kind);
    }
    QStringList myContexts = config.contextNames();
    myContexts.sort();
    kubectlContexts.sort();
    QCOMPARE(myContexts, kubectlContexts);
}

QTEST_GUILESS_MAIN(tst_Kubeconfig)
#include "tst_kubeconfig.moc"
