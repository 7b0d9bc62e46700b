// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Orrery {

// Credentials for one request. Exactly what the transport puts on the wire; never logged.
struct Credential
{
    QByteArray bearerToken;   // "Authorization: Bearer <token>"
    QByteArray clientCertPem; // client certificate chain, PEM
    QByteArray clientKeyPem;  // its private key, PEM
    QString username;         // basic auth
    QString password;
    QDateTime expiry; // invalid: does not expire

    bool isEmpty() const
    {
        return bearerToken.isEmpty() && clientCertPem.isEmpty() && username.isEmpty();
    }
};

// Produces the credential for a context: static (token, cert, basic), re-read (tokenFile) or
// run (exec plugin, cached until expiry). Thread-safe: called from transport worker threads.
class CredentialProvider
{
public:
    virtual ~CredentialProvider() = default;

    // May block (an exec plugin runs); never call it on the GUI thread.
    virtual Result<Credential> credential() = 0;

    // The credential if it is at hand without blocking (static, a file read, a valid cached
    // exec credential); std::nullopt when getting it means running something. The transport
    // then calls credential() on a thread of its own and holds this cluster's new requests
    // until it answers, so its running watches and requests carry on meanwhile.
    virtual std::optional<Result<Credential>> credentialIfReady() { return credential(); }

    // The server answered 401 to a request made with `used`: forget it if it is still the
    // cached one, so the next credential() call re-runs the plugin or re-reads the file.
    virtual void reportUnauthorized(const Credential &used) = 0;

    // "token", "tokenFile", "clientCertificate", "basic", "exec", "none" (as --list-contexts).
    virtual QString authKind() const = 0;
};

// Everything the transport needs to talk to one context's API server, resolved from the
// kubeconfig: relative paths already resolved, files already read (except those a provider
// re-reads), base64 already decoded.
struct ClusterConnection
{
    QString contextName;
    QString clusterName;
    QString userName;
    QString server;                     // https://host:port[/prefix]
    QString defaultNamespace;           // context namespace, "default" when unset
    QByteArray certificateAuthorityPem; // empty: system trust store
    QString tlsServerName;
    bool insecureSkipTlsVerify = false;
    QString proxyUrl;
    bool disableCompression = false;

    // Impersonation (kubeconfig "as", "as-uid", "as-groups", "as-user-extra").
    QString impersonateUser;
    QString impersonateUid;
    QStringList impersonateGroups;
    QMap<QString, QStringList> impersonateUserExtra; // key → values

    std::shared_ptr<CredentialProvider> credentials;

    // Things the user should see but that do not stop the connection
    // (e.g. "TLS verification is disabled for this cluster").
    QStringList warnings;
};

} // namespace Orrery
