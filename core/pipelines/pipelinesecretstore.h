// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace Orrery {

// Where tokens the user typed are kept: the system keyring (Secret Service, KWallet, macOS
// Keychain, Windows Credential Manager), never Orrery's settings. core only knows this
// interface (core is QtCore only); the QtKeychain implementation (KeychainSecretStore, which
// pulls in QtDBus) lives in keyring/ and is linked by the app, which hands it to the
// credential providers (GitHubCredentials; GitLab and Jenkins alike).
//
// Calls block until the keyring answers (it may ask the user to unlock it): call them off the
// GUI thread, as the transports' credential providers are. Keys name the service and account
// ("github:github.com"); secrets never appear in an Error.
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    // Error::Code::NotFound when nothing is stored under `key`.
    virtual Result<QByteArray> read(const QString &key) = 0;
    virtual Result<void> write(const QString &key, const QByteArray &secret) = 0;
    // Succeeds when nothing was stored either.
    virtual Result<void> remove(const QString &key) = 0;
    // "the system keyring", for messages.
    virtual QString name() const = 0;
};

} // namespace Orrery
