// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipelines/pipelinesecretstore.h"

#include <QString>

namespace Orrery {

// SecretStore on the system keyring through QtKeychain (Secret Service or KWallet over D-Bus
// on Linux, the Keychain on macOS, the Credential Manager on Windows), under the service name
// "Orrery". Each call runs one QtKeychain job and waits for it in a local event loop on the
// calling thread (which must be a QThread: the transports' credential threads are), at most
// timeoutMs: a keyring that waits for the user to unlock it fails with Error::Code::Timeout
// rather than holding the request forever.
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("Orrery"), int timeoutMs = 60000);

    Result<QByteArray> read(const QString &key) override;
    Result<void> write(const QString &key, const QByteArray &secret) override;
    Result<void> remove(const QString &key) override;
    QString name() const override;

private:
    QString m_service;
    int m_timeoutMs;
};

} // namespace Orrery
