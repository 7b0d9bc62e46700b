// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The kubeconfig entries as loaded and merged, one plain struct per kind of entry
// (client-go tools/clientcmd/api/v1/types.go). Paths are already absolute (resolved against
// the directory of the file that defined the entry) and *-data fields already base64-decoded.
// These structs hold secrets (token, password, key data): never log or print them.

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace Orrery {

// Where an entry came from, for error messages.
struct KubeSource
{
    QString file;  // absolute path of the kubeconfig file that defined the entry
    int line = -1; // 1-based line of the entry in that file
};

struct KubeExecConfig
{
    QString command; // absolute when it contained a '/', else looked up on PATH when run
    QStringList args;
    QList<QPair<QString, QString>> env; // in file order; later names win
    QString apiVersion;                 // client.authentication.k8s.io/v1 or /v1beta1
    QString installHint;
    bool provideClusterInfo = false;
    QString interactiveMode; // Never, IfAvailable, Always (empty: IfAvailable for v1beta1)
};

struct KubeAuthProviderConfig
{
    QString name; // gcp, azure, oidc, ...
    QMap<QString, QString> config;
};

struct KubeCluster
{
    QString name;
    KubeSource source;
    QString server;
    QString tlsServerName;
    bool insecureSkipTlsVerify = false;
    QString certificateAuthority;        // file
    QByteArray certificateAuthorityData; // decoded PEM
    QString proxyUrl;
    bool disableCompression = false;
    // extensions[name == "client.authentication.k8s.io/exec"].extension, handed to exec
    // plugins as spec.cluster.config when provideClusterInfo is set.
    nlohmann::json execExtension;
};

struct KubeUser
{
    QString name;
    KubeSource source;
    QString clientCertificate;        // file
    QByteArray clientCertificateData; // decoded PEM
    QString clientKey;                // file
    QByteArray clientKeyData;         // decoded PEM
    QString token;
    QString tokenFile;
    QString impersonate;                             // "as"
    QString impersonateUid;                          // "as-uid"
    QStringList impersonateGroups;                   // "as-groups"
    QMap<QString, QStringList> impersonateUserExtra; // "as-user-extra"
    QString username;
    QString password;
    std::optional<KubeAuthProviderConfig> authProvider;
    std::optional<KubeExecConfig> exec;

    bool hasClientCertificate() const
    {
        return !clientCertificate.isEmpty() || !clientCertificateData.isEmpty();
    }

    // "exec", "authProvider", "tokenFile", "token", "clientCertificate", "basic" or "none":
    // the method that authenticates requests. tokenFile beats token because client-go re-reads
    // the file and sends its content once both are set.
    QString authKind() const
    {
        if (exec)
            return QStringLiteral("exec");
        if (authProvider)
            return QStringLiteral("authProvider");
        if (!tokenFile.isEmpty())
            return QStringLiteral("tokenFile");
        if (!token.isEmpty())
            return QStringLiteral("token");
        if (hasClientCertificate())
            return QStringLiteral("clientCertificate");
        if (!username.isEmpty() || !password.isEmpty())
            return QStringLiteral("basic");
        return QStringLiteral("none");
    }
};

struct KubeContext
{
    QString name;
    KubeSource source;
    QString clusterName;
    QString userName;
    QString namespace_; // empty when the context sets none
};

} // namespace Orrery
