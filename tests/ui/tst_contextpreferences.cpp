// SPDX-License-Identifier: GPL-3.0-or-later
// Per-context preferences persist in a settings file (never in the kubeconfig), and the
// sidebar model and title strip reflect them. The protected mark follows the cluster (server
// and CA), not the context name, and marks kept by name move to the cluster.
#include <contextpreferences.h>
#include <contextstrip.h>
#include <contexttreemodel.h>
#include <kube/kubeconfig.h>

#include <QFile>
#include <QSettings>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Orrery;

class TestContextPreferences : public QObject
{
    Q_OBJECT

private slots:
    void persistence();
    void treeModel();
    void strip();
    void protectionFollowsTheCluster();
    void namesMarksMoveToTheirCluster();
    void tlsVerificationOff();
    void clusterIdentity_data();
    void clusterIdentity();
    void monitoringSettings();

private:
    // Two production contexts on one server (CA given as data in one, as a file with other
    // line breaks in the other), one more without verification, and two local clusters on
    // the same address with different CAs.
    static QString writeKubeconfig(const QTemporaryDir &dir);
};

namespace {

QByteArray pem(const QByteArray &der, int lineLength)
{
    const QByteArray b64 = der.toBase64();
    QByteArray out = "-----BEGIN CERTIFICATE-----\n";
    for (qsizetype i = 0; i < b64.size(); i += lineLength)
        out += b64.mid(i, lineLength) + "\n";
    return out + "-----END CERTIFICATE-----\n";
}

const QByteArray s_prodCa = QByteArray(300, 'p');
const QByteArray s_kindOneCa = QByteArray(300, 'a');
const QByteArray s_kindTwoCa = QByteArray(300, 'b');

} // namespace

QString TestContextPreferences::writeKubeconfig(const QTemporaryDir &dir)
{
    QFile ca(dir.filePath("prod-ca.crt"));
    if (!ca.open(QIODevice::WriteOnly))
        return {};
    ca.write(pem(s_prodCa, 76).replace("\n", "\r\n"));
    ca.close();
    const QString path = dir.filePath("kubeconfig");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("apiVersion: v1\nkind: Config\nclusters:\n"
               "- name: prod\n  cluster:\n    server: https://Prod.Example.com/\n"
               "    certificate-authority-data: "
               + pem(s_prodCa, 64).toBase64()
               + "\n"
                 "- name: prod-alias\n  cluster:\n    server: https://prod.example.com:443\n"
                 "    certificate-authority: prod-ca.crt\n"
                 "- name: prod-insecure\n  cluster:\n    server: https://prod.example.com\n"
                 "    insecure-skip-tls-verify: true\n"
                 "- name: kind-one\n  cluster:\n    server: https://127.0.0.1:6443\n"
                 "    certificate-authority-data: "
               + pem(s_kindOneCa, 64).toBase64()
               + "\n"
                 "- name: kind-two\n  cluster:\n    server: https://127.0.0.1:6443\n"
                 "    certificate-authority-data: "
               + pem(s_kindTwoCa, 64).toBase64()
               + "\n"
                 "users:\n- name: u\n  user:\n    token: t\n"
                 "contexts:\n"
                 "- name: prod-admin\n  context: {cluster: prod, user: u}\n"
                 "- name: prod-viewer\n  context: {cluster: prod-alias, user: u}\n"
                 "- name: prod-quick\n  context: {cluster: prod-insecure, user: u}\n"
                 "- name: kind-one\n  context: {cluster: kind-one, user: u}\n"
                 "- name: kind-two\n  context: {cluster: kind-two, user: u}\n"
                 "current-context: prod-admin\n");
    return path;
}

void TestContextPreferences::protectionFollowsTheCluster()
{
    QTemporaryDir dir;
    const Kubeconfig config = Kubeconfig::load(writeKubeconfig(dir));
    QVERIFY2(config.errors().isEmpty(), qPrintable(config.errors().value(0).toString()));
    const QString file = dir.filePath("orrery.ini");
    {
        ContextPreferences prefs(file);
        prefs.setKubeconfig(config);
        QSignalSpy changed(&prefs, &ContextPreferences::changed);
        prefs.setProtected("prod-admin", true);
        // Every context on that server is protected, whatever its name, user or CA spelling;
        // the one that does not verify TLS cannot tell it apart, so it is protected too.
        for (const char *context : {"prod-admin", "prod-viewer", "prod-quick"})
            QVERIFY2(prefs.isProtected(context), context);
        QVERIFY(!prefs.isProtected("kind-one"));
        QVERIFY(!prefs.isProtected("kind-two"));
        QStringList notified;
        for (const QList<QVariant> &args : std::as_const(changed))
            notified << args.value(0).toString();
        notified.sort();
        QCOMPARE(notified, (QStringList{"prod-admin", "prod-quick", "prod-viewer"}));

        // Same address, another CA: another cluster.
        prefs.setProtected("kind-one", true);
        QVERIFY(prefs.isProtected("kind-one"));
        QVERIFY(!prefs.isProtected("kind-two"));
        prefs.sync();
    }
    {
        ContextPreferences prefs(file);
        prefs.setKubeconfig(config);
        QVERIFY(prefs.isProtected("prod-viewer"));
        // Unprotecting from any context of the cluster unprotects the cluster.
        prefs.setProtected("prod-viewer", false);
        for (const char *context : {"prod-admin", "prod-viewer", "prod-quick"})
            QVERIFY2(!prefs.isProtected(context), context);
        QVERIFY(prefs.isProtected("kind-one"));
    }
}

void TestContextPreferences::monitoringSettings()
{
    // Per context, kept across runs; a demo context of the same name as a real one never
    // reads or writes the real one's setting, and its own is not kept.
    QTemporaryDir dir;
    const QString file = dir.filePath("orrery.ini");
    {
        ContextPreferences prefs(file);
        QSignalSpy changed(&prefs, &ContextPreferences::changed);
        prefs.setPrometheusSetting("pfe-k8s", "  http://127.0.0.1:9090 ");
        prefs.setAlertmanagerSetting("pfe-k8s", "monitoring/alertmanager-operated:web");
        QCOMPARE(prefs.prometheusSetting("pfe-k8s"), QStringLiteral("http://127.0.0.1:9090"));
        QCOMPARE(changed.count(), 2);
        prefs.setPrometheusSetting("pfe-k8s", "http://127.0.0.1:9090"); // unchanged: no signal
        QCOMPARE(changed.count(), 2);
        QVERIFY(prefs.prometheusSetting("other").isEmpty());

        prefs.setDemoContexts({"pfe-k8s"});
        QVERIFY(prefs.isDemo("pfe-k8s"));
        QVERIFY(prefs.prometheusSetting("pfe-k8s").isEmpty());
        prefs.setPrometheusSetting("pfe-k8s", "http://127.0.0.1:1234");
        QCOMPARE(prefs.prometheusSetting("pfe-k8s"), QStringLiteral("http://127.0.0.1:1234"));
        QCOMPARE(changed.count(), 3);
        prefs.setDemoContexts({});
        QCOMPARE(prefs.prometheusSetting("pfe-k8s"), QStringLiteral("http://127.0.0.1:9090"));
        prefs.sync();
    }
    {
        ContextPreferences prefs(file);
        QCOMPARE(prefs.prometheusSetting("pfe-k8s"), QStringLiteral("http://127.0.0.1:9090"));
        QCOMPARE(prefs.alertmanagerSetting("pfe-k8s"),
                 QStringLiteral("monitoring/alertmanager-operated:web"));
        prefs.setDemoContexts({"pfe-k8s"});
        QVERIFY(prefs.prometheusSetting("pfe-k8s").isEmpty()); // the demo's was never written
        prefs.setDemoContexts({});
        prefs.setPrometheusSetting("pfe-k8s", ""); // back to discovery: removed
        prefs.sync();
    }
    QSettings raw(file, QSettings::IniFormat);
    QVERIFY(!raw.contains("contexts/pfe-k8s/monitoring/prometheus"));
    QVERIFY(raw.contains("contexts/pfe-k8s/monitoring/alertmanager"));
}

void TestContextPreferences::namesMarksMoveToTheirCluster()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("orrery.ini");
    {
        // As an older version wrote it.
        QSettings settings(file, QSettings::IniFormat);
        settings.setValue("contexts/prod-viewer/protected", true);
        settings.setValue("contexts/somewhere-else/protected", true);
    }
    ContextPreferences prefs(file);
    QVERIFY(prefs.isProtected("prod-viewer"));
    prefs.setKubeconfig(Kubeconfig::load(writeKubeconfig(dir)));
    for (const char *context : {"prod-admin", "prod-viewer", "prod-quick"})
        QVERIFY2(prefs.isProtected(context), context);
    QVERIFY(!prefs.isProtected("kind-one"));
    // A context this kubeconfig does not have keeps its mark by name.
    QVERIFY(prefs.isProtected("somewhere-else"));
    prefs.sync();
    QSettings settings(file, QSettings::IniFormat);
    QVERIFY(!settings.contains("contexts/prod-viewer/protected"));
    QVERIFY(settings.value("contexts/somewhere-else/protected").toBool());
    QCOMPARE(settings.value("protection/clusters").toStringList().size(), 1);
}

void TestContextPreferences::tlsVerificationOff()
{
    QTemporaryDir dir;
    ContextPreferences prefs(dir.filePath("orrery.ini"));
    prefs.setKubeconfig(Kubeconfig::load(writeKubeconfig(dir)));
    QVERIFY(prefs.isTlsVerificationOff("prod-quick"));
    QVERIFY(!prefs.isTlsVerificationOff("prod-admin"));
    QVERIFY(!prefs.isTlsVerificationOff("unknown"));

    ContextStrip strip;
    strip.setContext("prod-quick", "prod-quick", QColor("#2e7d32"), false);
    QVERIFY(!strip.isTlsWarningShown());
    QVERIFY(!strip.text().contains("TLS"));
    strip.setTlsVerificationOff(true);
    QVERIFY(strip.isTlsWarningShown());
    QVERIFY(strip.text().contains("TLS NOT VERIFIED"));
    // Shown with the protected mark too, and gone with the context.
    strip.setContext("prod-quick", "prod-quick", QColor("#2e7d32"), true);
    QVERIFY(strip.text().contains("PROTECTED"));
    QVERIFY(strip.text().contains("TLS NOT VERIFIED"));
    strip.clearContext();
    QVERIFY(!strip.isTlsWarningShown());
}

void TestContextPreferences::clusterIdentity_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("case and default port") << "https://API.example.com"
                                           << "https://api.example.com:443/" << true;
    QTest::newRow("other port") << "https://api.example.com:6443"
                                << "https://api.example.com" << false;
    QTest::newRow("http default port") << "http://localhost"
                                       << "http://localhost:80" << true;
    QTest::newRow("proxy path") << "https://rancher.example.com/k8s/clusters/c-1"
                                << "https://rancher.example.com/k8s/clusters/c-2" << false;
    QTest::newRow("ipv6") << "https://[::1]:6443"
                          << "https://[0:0:0:0:0:0:0:1]:6443" << true;
    QTest::newRow("not a url") << "prod"
                               << "prod" << false;
}

void TestContextPreferences::clusterIdentity()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    const ClusterIdentity x = ClusterIdentity::of(a, {});
    const ClusterIdentity y = ClusterIdentity::of(b, {});
    QCOMPARE(x.isSameCluster(y), same);
    if (x.isValid())
        QCOMPARE(ClusterIdentity::fromKey(x.key()), x);
    const ClusterIdentity withCa = ClusterIdentity::of(a, pem(s_prodCa, 64));
    if (withCa.isValid()) {
        QCOMPARE(ClusterIdentity::fromKey(withCa.key()), withCa);
        QCOMPARE(withCa.caFingerprint, ClusterIdentity::of(a, pem(s_prodCa, 76)).caFingerprint);
        QVERIFY(!withCa.isSameCluster(ClusterIdentity::of(a, pem(s_kindOneCa, 64))));
    }
}

void TestContextPreferences::persistence()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("orrery.ini");
    const QString arn = "arn:aws:eks:eu-west-1:123:cluster/prod";
    {
        ContextPreferences prefs(file);
        QSignalSpy changed(&prefs, &ContextPreferences::changed);
        QCOMPARE(prefs.displayName(arn), arn);
        QVERIFY(!prefs.isProtected(arn));
        QVERIFY(prefs.colour(arn).isValid());                                // derived
        QCOMPARE(prefs.colour(arn), ContextPreferences::derivedColour(arn)); // stable
        prefs.setDisplayName(arn, "Production EU");
        prefs.setColour(arn, QColor("#123456"));
        prefs.setProtected(arn, true);
        prefs.setNamespaces(arn, {"shop", "payments"});
        prefs.setDisplayName("dev", "Dev");
        QCOMPARE(changed.count(), 5);
        prefs.sync();
    }
    {
        ContextPreferences prefs(file);
        QCOMPARE(prefs.displayName(arn), QStringLiteral("Production EU"));
        QCOMPARE(prefs.colour(arn), QColor("#123456"));
        QVERIFY(prefs.isProtected(arn));
        QCOMPARE(prefs.namespaces(arn), (QStringList{"shop", "payments"}));
        QCOMPARE(prefs.displayName("dev"), QStringLiteral("Dev"));
        QVERIFY(!prefs.isProtected("dev"));
        // Clearing restores the defaults.
        prefs.setDisplayName(arn, "");
        prefs.setNamespaces(arn, {});
        QCOMPARE(prefs.displayName(arn), arn);
        QVERIFY(prefs.namespaces(arn).isEmpty());
    }
}

void TestContextPreferences::treeModel()
{
    QTemporaryDir dir;
    ContextPreferences prefs(dir.filePath("orrery.ini"));
    ContextTreeModel model(&prefs);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContexts({{"dev", "cluster-a", "https://a", "alice", ""},
                       {"staging", "cluster-b", "https://b", "bob", ""},
                       {"prod", "cluster-b", "https://b", "admin", ""}},
                      "prod");
    // The current context's cluster first, the current context first within it.
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data(ContextTreeModel::ClusterNameRole).toString(),
             QStringLiteral("cluster-b"));
    QCOMPARE(
        model.index(0, 0, model.index(0, 0)).data(ContextTreeModel::ContextNameRole).toString(),
        QStringLiteral("prod"));
    QCOMPARE(model.contextNames(), (QStringList{"prod", "staging", "dev"}));
    // Next and previous context (Ctrl+Alt+Down/Up), round the list.
    QCOMPARE(model.contextAfter("prod", 1), QStringLiteral("staging"));
    QCOMPARE(model.contextAfter("dev", 1), QStringLiteral("prod"));
    QCOMPARE(model.contextAfter("prod", -1), QStringLiteral("dev"));
    QCOMPARE(model.contextAfter("unknown", 1), QStringLiteral("prod"));
    QCOMPARE(ContextTreeModel(&prefs).contextAfter("prod", 1), QString());

    prefs.setProtected("prod", true);
    prefs.setDisplayName("prod", "Production");
    const QModelIndex prod = model.indexOfContext("prod");
    QVERIFY(prod.data(ContextTreeModel::ProtectedRole).toBool());
    QVERIFY(prod.data().toString().startsWith("Production"));

    model.setConnectionState("prod", ContextTreeModel::ConnectionState::Connected);
    QCOMPARE(model.connectionState("prod"), ContextTreeModel::ConnectionState::Connected);
    model.setConnectionState("dev", ContextTreeModel::ConnectionState::Error, "connection refused");
    QCOMPARE(model.indexOfContext("dev").data(ContextTreeModel::StatusTextRole).toString(),
             QStringLiteral("connection refused"));
}

void TestContextPreferences::strip()
{
    ContextStrip strip;
    strip.setContext("Dev", "dev", QColor("#2e7d32"), false);
    QVERIFY(!strip.isProtectedShown());
    QCOMPARE(strip.colour(), QColor("#2e7d32"));
    // Protected is red whatever colour was chosen, and says so in words.
    strip.setContext("Production", "prod", QColor("#2e7d32"), true);
    QVERIFY(strip.isProtectedShown());
    QCOMPARE(strip.colour(), QColor(0xc6, 0x28, 0x28));
    QVERIFY(strip.text().contains("PROTECTED"));
    QVERIFY(strip.text().contains("prod"));
    strip.setContext("kind-demo", "kind-demo", QColor("#1f5fa8"), false, true);
    QVERIFY(strip.text().contains("Demo"));
}

QTEST_MAIN(TestContextPreferences)
#include "tst_contextpreferences.moc"
