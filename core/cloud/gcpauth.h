// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gcpresponse.h"
#include "kube/clusterconnection.h"
#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <memory>
#include <mutex>
#include <optional>

namespace Orrery {

class HttpTransport;

// A service account's signed JWT assertion (RFC 7523), as google-auth makes it: header
// {"alg":"RS256","typ":"JWT","kid":private_key_id}, claims iss = client_email, scope, aud =
// the token endpoint's URL, iat = now, exp = now + 1 h; RS256 with the key's PKCS#8 (or
// PKCS#1) PEM private key through OpenSSL. Pure: the time is an argument.
namespace GcpJwt {
inline constexpr const char *CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";
inline constexpr const char *DefaultTokenUri = "https://oauth2.googleapis.com/token";
inline constexpr int LifetimeSeconds = 3600;

Result<QByteArray> assertion(const GcpServiceAccountKey &key, const QString &audience,
                             const QString &scope, const QDateTime &now);
// base64url without padding (RFC 7515 §2).
QByteArray base64Url(const QByteArray &data);
} // namespace GcpJwt

// Where a Google Cloud account's access tokens come from, and the token itself, cached and
// refreshed before it expires (docs/clouds.md, "Google Cloud"):
// - gcloud's login: `gcloud config config-helper --format=json` (which refreshes the user's
//   token itself), run as a bounded child process (30 s, its whole process group killed);
// - a service account key: a JWT signed here, exchanged at the token endpoint for a
//   one-hour token.
// Thread-safe. token() may block (a process, an HTTP exchange): never call it on the GUI
// thread; the transports call it on threads of their own, GcpClient through Async.
class GcpTokenSource
{
public:
    enum class Kind { Gcloud, ServiceAccountKey };
    struct Options
    {
        Kind kind = Kind::Gcloud;
        // Gcloud: the program (absolute, or looked up on the environment's PATH), its
        // configuration (empty: the active one) and the environment it runs in (CLOUDSDK_*
        // apply to it as to the user's own runs).
        QString gcloudProgram = QStringLiteral("gcloud");
        QString gcloudConfiguration;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        int processTimeoutMs = 30000;
        // ServiceAccountKey: the key, the file it came from (for messages) and the token
        // endpoint (empty: CLOUDSDK_AUTH_TOKEN_HOST's value, else the key's token_uri).
        GcpServiceAccountKey key;
        QString keyFile;
        QUrl tokenUrl;
        QByteArray caPem; // extra trust for the token endpoint; empty: the system's
        // A token is replaced this long before it expires.
        int refreshMarginSeconds = 300;
    };

    explicit GcpTokenSource(Options options);
    ~GcpTokenSource();
    GcpTokenSource(const GcpTokenSource &) = delete;
    GcpTokenSource &operator=(const GcpTokenSource &) = delete;

    // Reads a key file (bounded) into ServiceAccountKey options.
    static Result<Options> fromKeyFile(const QString &path,
                                       const QProcessEnvironment &environment
                                       = QProcessEnvironment::systemEnvironment());

    Kind kind() const { return m_options.kind; }
    // The token, cached while it is valid for more than the margin, else fetched. Blocks.
    Result<GcpAccessToken> token();
    // The cached token when it is still good (no blocking), else nothing.
    std::optional<GcpAccessToken> cachedToken() const;
    // The server refused `used`: the next token() fetches a new one.
    void invalidate(const QByteArray &used);

    // Who the tokens belong to: the service account's email, or gcloud's core/account once a
    // token was fetched (empty with an access token file).
    QString account() const;
    // The key's project_id, or gcloud's core/project once a token was fetched.
    QString project() const;
    // "service account key FILE", "gcloud (configuration NAME)": never a secret.
    QString sourceDescription() const;
    // The token endpoint a key's JWT is exchanged at.
    QUrl tokenUrl() const;

private:
    Result<GcpAccessToken> fetchFromGcloud();
    Result<GcpAccessToken> fetchWithKey();
    bool fresh(const GcpAccessToken &t, const QDateTime &now) const;

    Options m_options;
    mutable std::mutex m_mutex; // the cached state below
    std::mutex m_fetch;         // one fetch at a time
    std::optional<GcpAccessToken> m_cached;
    QString m_account;
    QString m_project;
    QString m_configuration;
    std::unique_ptr<HttpTransport> m_tokenTransport;
};

// The credential provider of a GKE cluster connected in memory, and of the Google APIs'
// transports: the account's access token as a bearer token (what gke-gcloud-auth-plugin hands
// kubectl), refreshed before expiry and after a 401.
class GcpCredentialProvider : public CredentialProvider
{
public:
    explicit GcpCredentialProvider(std::shared_ptr<GcpTokenSource> source);

    Result<Credential> credential() override;
    std::optional<Result<Credential>> credentialIfReady() override;
    void reportUnauthorized(const Credential &used) override;
    QString authKind() const override { return QStringLiteral("gcp"); }

private:
    std::shared_ptr<GcpTokenSource> m_source;
};

} // namespace Orrery
