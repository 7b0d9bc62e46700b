// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("KeychainSecretStore", text);
}

// Runs `job` and waits for it; false when it did not finish in time.
bool runJob(QKeychain::Job &job, int timeoutMs)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!finished)
        loop.exec();
    return finished;
}

// The job's error in words. QtKeychain's errorString() describes the backend's failure; it
// never holds the secret.
Error errorOf(const QKeychain::Job &job, const QString &key, const QString &store)
{
    Error::Code code = Error::Code::Unknown;
    QString message = job.errorString();
    switch (job.error()) {
    case QKeychain::EntryNotFound: code = Error::Code::NotFound; break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser: code = Error::Code::Forbidden; break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        code = Error::Code::Unsupported;
        message = tr("no keyring is available (Secret Service or KWallet): %1").arg(message);
        break;
    default:
        if (message.isEmpty() || message == QLatin1String("Unknown error"))
            message = tr("the keyring failed (QtKeychain error %1)").arg(int(job.error()));
        break;
    }
    return Error(code, message, tr("%1 entry \"%2\"").arg(store, key));
}

Error timedOut(const QString &key, const QString &store, int timeoutMs)
{
    return Error(Error::Code::Timeout,
                 tr("the keyring did not answer within %1 s (is it locked?)").arg(timeoutMs / 1000),
                 tr("%1 entry \"%2\"").arg(store, key));
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, int timeoutMs)
    : m_service(std::move(service))
    , m_timeoutMs(timeoutMs)
{
}

QString KeychainSecretStore::name() const
{
    return tr("the system keyring");
}

Result<QByteArray> KeychainSecretStore::read(const QString &key)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(key);
    if (!runJob(job, m_timeoutMs))
        return timedOut(key, name(), m_timeoutMs);
    if (job.error() != QKeychain::NoError)
        return errorOf(job, key, name());
    return job.binaryData();
}

Result<void> KeychainSecretStore::write(const QString &key, const QByteArray &secret)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(key);
    job.setBinaryData(secret);
    if (!runJob(job, m_timeoutMs))
        return timedOut(key, name(), m_timeoutMs);
    if (job.error() != QKeychain::NoError)
        return errorOf(job, key, name());
    return {};
}

Result<void> KeychainSecretStore::remove(const QString &key)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(key);
    if (!runJob(job, m_timeoutMs))
        return timedOut(key, name(), m_timeoutMs);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return errorOf(job, key, name());
    return {};
}

} // namespace Orrery
