// SPDX-License-Identifier: GPL-3.0-or-later
// KeychainSecretStore (keyring/) where no keyring answers: the session bus is pointed at a
// socket that does not exist, so QtKeychain's backend fails at once. Every call must come
// back with an Error in bounded time, on the GUI thread and on a worker thread (where the
// transports' credential providers call it), without falling back to storing the secret
// anywhere else, and without the secret in the Error.

#include "keychainsecretstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTest>
#include <QThread>

using namespace Orrery;

class tst_KeychainSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void failsFastWithoutAKeyring();
    void worksOffTheGuiThread();
};

void tst_KeychainSecretStore::initTestCase()
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/orrery-test-bus");
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
}

void tst_KeychainSecretStore::failsFastWithoutAKeyring()
{
    KeychainSecretStore store(QStringLiteral("OrreryTest"), 10000);
    QVERIFY(!store.name().isEmpty());
    QElapsedTimer timer;
    timer.start();
    const QByteArray secret = "ghp_never_stored_1234";
    const Result<void> written = store.write(QStringLiteral("github:example.com"), secret);
    QVERIFY(!written.ok());
    QVERIFY(!written.error().toString().contains(QString::fromLatin1(secret)));
    const Result<QByteArray> read = store.read(QStringLiteral("github:example.com"));
    QVERIFY(!read.ok()); // nothing was kept in a fallback either
    QVERIFY(read.error().code != Error::Code::Timeout);
    QVERIFY(timer.elapsed() < 10000);
}

void tst_KeychainSecretStore::worksOffTheGuiThread()
{
    std::optional<Result<QByteArray>> answer;
    QThread *thread = QThread::create([&answer] {
        KeychainSecretStore store(QStringLiteral("OrreryTest"), 10000);
        answer = store.read(QStringLiteral("github:example.com"));
    });
    thread->start();
    QVERIFY(thread->wait(20000));
    delete thread;
    QVERIFY(answer.has_value());
    QVERIFY(!answer->ok());
}

QTEST_GUILESS_MAIN(tst_KeychainSecretStore)
#include "tst_keychainsecretstore.moc"
