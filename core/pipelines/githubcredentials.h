// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/clusterconnection.h"

#include <QProcessEnvironment>
#include <QString>

#include <memory>
#include <mutex>

namespace Orrery {

class PluginProcessRegistry;
class SecretStore;

// The GitHub token for one host, from where the user already keeps it, in gh's order; never
// copied into Orrery's settings, never logged, never in an Error:
//  1. the environment: GH_TOKEN, then GITHUB_TOKEN for github.com; GH_ENTERPRISE_TOKEN, then
//     GITHUB_ENTERPRISE_TOKEN for any other host (GitHub Enterprise Server);
//  2. `gh auth token --hostname HOST` (the gh CLI's own login; run as a plugin process, in
//     its own process group, killed after ghTimeoutMs);
//  3. a token the user typed, kept in the system keyring (SecretStore, key "github:HOST").
// The token is cached until the server refuses it (reportUnauthorized), then looked up again.
// credential() blocks while gh or the keyring answers: the transport calls it off the GUI
// thread (credentialIfReady() answers at once only from the cache or the environment).
class GitHubCredentials final : public CredentialProvider
{
public:
    struct Options
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        QString ghProgram; // absolute path; empty: "gh" on the environment's PATH
        int ghTimeoutMs = 10000;
        std::shared_ptr<SecretStore> secrets;      // null: no keyring
        PluginProcessRegistry *registry = nullptr; // null: PluginProcessRegistry::global()
    };

    // `host`: "github.com" or the Enterprise Server's host (GitHubClient::hostOf()).
    GitHubCredentials(QString host, Options options);
    explicit GitHubCredentials(QString host);

    Result<Credential> credential() override;
    std::optional<Result<Credential>> credentialIfReady() override;
    void reportUnauthorized(const Credential &used) override;
    QString authKind() const override { return QStringLiteral("githubToken"); }

    // Where the current token came from ("GH_TOKEN", "gh auth token", "keyring"), for the UI;
    // empty before the first lookup.
    QString origin() const;
    const QString &host() const { return m_host; }

    // The keyring key of a host's token, and storing a token the user typed there.
    static QString secretKey(const QString &host);
    static Result<void> storeToken(SecretStore &store, const QString &host,
                                   const QByteArray &token);

private:
    std::optional<Credential> fromEnvironment(QString *origin) const;

    QString m_host;
    Options m_options;
    Result<Credential> lookUp(QString *origin) const;
    void remember(const Credential &credential, const QString &origin);

    std::mutex m_lookup;        // one lookup (gh, the keyring) at a time
    mutable std::mutex m_mutex; // the cache; never held while gh or the keyring runs
    std::optional<Credential> m_cached;
    QString m_origin;
};

} // namespace Orrery
