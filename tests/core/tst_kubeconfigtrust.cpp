// SPDX-License-Identifier: GPL-3.0-or-later
// What the user can trust about the kubeconfig (issue 18, "Trust"): a broken file is an error
// naming file, line and entry while the other files still load; whether any kubeconfig exists
// at all (the only case the demo starts by itself); which contexts a change of the files
// affects (a rotated CA or client certificate, a changed user; not a rotated token file); and
// the KubeconfigWatcher, which keeps following a file replaced by an atomic rename as
// `aws eks update-kubeconfig` writes it.

#include "kube/kubeconfig.h"
#include "kube/kubeconfigwatcher.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Orrery;

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(content) == content.size();
}

// Write to a temporary file beside `path`, then rename it over `path`: what kubectl, aws and
// az do (a new inode; a watch on the old one ends).
bool replaceAtomically(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    file.setDirectWriteFallback(false);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size()
           && file.commit();
}

// Two clusters and users: "prod" (CA and client certificate in files) and "dev" (a token file).
QByteArray twoContexts(const QString &dir, const QString &devToken = QStringLiteral("d3v"))
{
    return QStringLiteral(R"(apiVersion: v1
kind: Config
current-context: prod
clusters:
- name: prod
  cluster:
    server: https://prod.example:6443
    certificate-authority: %1/prod-ca.crt
- name: dev
  cluster:
    server: https://dev.example:6443
users:
- name: prod-admin
  user:
    client-certificate: %1/prod-client.crt
    client-key: %1/prod-client.key
- name: dev-user
  user:
    tokenFile: %1/dev-token
contexts:
- name: prod
  context: {cluster: prod, user: prod-admin}
- name: dev
  context: {cluster: dev, user: dev-user, namespace: %2}
)")
        .arg(dir, devToken)
        .toUtf8();
}

} // namespace

class TestKubeconfigTrust : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void brokenFileIsNamedAndOthersLoad();
    void anyFileExists();
    void changedContextsFollowEntriesAndFiles();
    void watcherSeesWritesInPlace();
    void watcherFollowsAtomicReplace();
    void watcherSeesReferencedFiles();

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
};

void TestKubeconfigTrust::init()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(writeFile(path("prod-ca.crt"), "ca-1"));
    QVERIFY(writeFile(path("prod-client.crt"), "cert-1"));
    QVERIFY(writeFile(path("prod-client.key"), "key-1"));
    QVERIFY(writeFile(path("dev-token"), "token-1"));
    QVERIFY(writeFile(path("config"), twoContexts(m_dir.path(), "apps")));
}

void TestKubeconfigTrust::brokenFileIsNamedAndOthersLoad()
{
    // KUBECONFIG=broken.yaml:config: the broken file is an error with its file and line, and
    // the good file's contexts load all the same.
    QVERIFY(writeFile(path("broken.yaml"), "apiVersion: v1\nkind: Config\n"
                                           "contexts:\n- name: production\n"
                                           "  context: {cluster: [unclosed\n"));
    const Kubeconfig config = Kubeconfig::loadFiles({path("broken.yaml"), path("config")});
    QCOMPARE(config.contextNames(), (QStringList{"prod", "dev"}));
    QCOMPARE(config.errors().size(), 1);
    const Error error = config.errors().first();
    QCOMPARE(error.code, Error::Code::ParseError);
    QCOMPARE(error.file, path("broken.yaml"));
    QVERIFY2(error.line >= 5, qPrintable(error.toString()));
    QVERIFY(error.toString().startsWith(path("broken.yaml") + ':'));

    // A broken entry (not the whole file) is named by its entry.
    QVERIFY(writeFile(path("badentry.yaml"), "apiVersion: v1\nkind: Config\n"
                                             "users:\n- name: robot\n"
                                             "  user:\n    client-certificate-data: '%%%'\n"));
    const Kubeconfig entries = Kubeconfig::loadFiles({path("badentry.yaml"), path("config")});
    QCOMPARE(entries.contextNames().size(), 2);
    QCOMPARE(entries.errors().size(), 1);
    QCOMPARE(entries.errors().first().context, QStringLiteral("user \"robot\""));
    QCOMPARE(entries.errors().first().line, 6);
}

void TestKubeconfigTrust::anyFileExists()
{
    const QByteArray savedKubeconfig = qgetenv("KUBECONFIG");
    const QByteArray savedHome = qgetenv("HOME");
    QTemporaryDir home;
    qputenv("HOME", QFile::encodeName(home.path()));
    qputenv("KUBECONFIG", QFile::encodeName(path("missing-a") + ':' + path("missing-b")));
    QVERIFY(!Kubeconfig::anyFileExists());
    // A broken file exists: that is not "no kubeconfig".
    QVERIFY(writeFile(path("broken.yaml"), "contexts: [unclosed\n"));
    qputenv("KUBECONFIG", QFile::encodeName(path("missing-a") + ':' + path("broken.yaml")));
    QVERIFY(Kubeconfig::anyFileExists());
    qunsetenv("KUBECONFIG");
    QVERIFY(!Kubeconfig::anyFileExists()); // ~/.kube/config of an empty home
    QVERIFY(QDir(home.path()).mkpath(".kube"));
    QVERIFY(writeFile(home.filePath(".kube/config"), ""));
    QVERIFY(Kubeconfig::anyFileExists());
    QVERIFY(Kubeconfig::anyFileExists(path("config")));
    QVERIFY(!Kubeconfig::anyFileExists(path("missing-a")));
    qputenv("KUBECONFIG", savedKubeconfig);
    qputenv("HOME", savedHome);
    if (savedKubeconfig.isEmpty())
        qunsetenv("KUBECONFIG");
}

void TestKubeconfigTrust::changedContextsFollowEntriesAndFiles()
{
    const Kubeconfig before = Kubeconfig::load(path("config"));
    QVERIFY(before.errors().isEmpty());
    QCOMPARE(Kubeconfig::load(path("config")).changedContexts(before), QStringList());

    QStringList referenced = before.referencedFiles();
    referenced.sort();
    QCOMPARE(referenced, (QStringList{path("dev-token"), path("prod-ca.crt"),
                                      path("prod-client.crt"), path("prod-client.key")}));

    // A rotated CA (same file name, new content): the context of that cluster only.
    QVERIFY(writeFile(path("prod-ca.crt"), "ca-2"));
    Kubeconfig after = Kubeconfig::load(path("config"));
    QCOMPARE(after.changedContexts(before), QStringList{"prod"});

    // A rotated client certificate: likewise.
    const Kubeconfig rotatedCa = after;
    QVERIFY(writeFile(path("prod-client.crt"), "cert-2"));
    after = Kubeconfig::load(path("config"));
    QCOMPARE(after.changedContexts(rotatedCa), QStringList{"prod"});

    // A rotated token file needs no new connection: its provider re-reads it.
    const Kubeconfig rotatedCert = after;
    QVERIFY(writeFile(path("dev-token"), "token-2"));
    QCOMPARE(Kubeconfig::load(path("config")).changedContexts(rotatedCert), QStringList());

    // An entry changed in the file (the context's namespace), a context removed or added.
    QVERIFY(writeFile(path("config"), twoContexts(m_dir.path(), "web")));
    after = Kubeconfig::load(path("config"));
    QCOMPARE(after.changedContexts(rotatedCert), QStringList{"dev"});
    QCOMPARE(Kubeconfig().changedContexts(after), (QStringList{"dev", "prod"}));
}

void TestKubeconfigTrust::watcherSeesWritesInPlace()
{
    KubeconfigWatcher watcher;
    watcher.setSettleInterval(50);
    watcher.setFiles({path("config")});
    QSignalSpy changed(&watcher, &KubeconfigWatcher::changed);
    QVERIFY(writeFile(path("config"), twoContexts(m_dir.path(), "web")));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 5000);
    QCOMPARE(changed.first().first().toStringList(), QStringList{path("config")});
    // Writing another file beside it is not a change of it.
    QVERIFY(writeFile(path("unrelated"), "x"));
    QTest::qWait(300);
    QCOMPARE(changed.size(), 1);
}

void TestKubeconfigTrust::watcherFollowsAtomicReplace()
{
    KubeconfigWatcher watcher;
    watcher.setSettleInterval(50);
    watcher.setFiles({path("config")});
    QVERIFY(watcher.watchedFiles().contains(path("config")));
    QSignalSpy changed(&watcher, &KubeconfigWatcher::changed);
    QVERIFY(replaceAtomically(path("config"), twoContexts(m_dir.path(), "first")));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 5000);
    // Re-armed on the new file: the next replace (and a write in place) is seen too.
    QTRY_VERIFY_WITH_TIMEOUT(watcher.watchedFiles().contains(path("config")), 5000);
    QVERIFY(replaceAtomically(path("config"), twoContexts(m_dir.path(), "second")));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(watcher.watchedFiles().contains(path("config")), 5000);
    QVERIFY(writeFile(path("config"), twoContexts(m_dir.path(), "third")));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 3, 5000);

    // Deleted, then created again: both are changes, and the new file is followed.
    QVERIFY(QFile::remove(path("config")));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 4, 5000);
    QVERIFY(writeFile(path("config"), twoContexts(m_dir.path(), "fourth")));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 5, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(watcher.watchedFiles().contains(path("config")), 5000);
}

void TestKubeconfigTrust::watcherSeesReferencedFiles()
{
    const Kubeconfig config = Kubeconfig::load(path("config"));
    KubeconfigWatcher watcher;
    watcher.setSettleInterval(50);
    watcher.setFiles(config.sourceFiles() + config.referencedFiles());
    QSignalSpy changed(&watcher, &KubeconfigWatcher::changed);
    QVERIFY(replaceAtomically(path("prod-ca.crt"), "ca-rotated"));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 5000);
    QCOMPARE(changed.first().first().toStringList(), QStringList{path("prod-ca.crt")});
}

QTEST_GUILESS_MAIN(TestKubeconfigTrust)
#include "tst_kubeconfigtrust.moc"
