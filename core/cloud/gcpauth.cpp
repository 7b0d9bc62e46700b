// SPDX-License-Identifier: GPL-3.0-or-later
#include "gcpauth.h"

#include "kube/curlworker.h"
#include "kube/httptransport.h"
#include "kube/pluginprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QUrlQuery>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <future>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::GcpTokenSource", text);
}

constexpr qint64 MaxGcloudOutput = 1024 * 1024;
constexpr int TokenRequestTimeoutMs = 30000;

} // namespace

// ---- GcpJwt -------------------------------------------------------------------------------

QByteArray GcpJwt::base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Result<QByteArray> GcpJwt::assertion(const GcpServiceAccountKey &key, const QString &audience,
                                     const QString &scope, const QDateTime &now)
{
    QJsonObject header{{QStringLiteral("alg"), QStringLiteral("RS256")},
                       {QStringLiteral("typ"), QStringLiteral("JWT")}};
    if (!key.privateKeyId.isEmpty())
        header.insert(QStringLiteral("kid"), key.privateKeyId);
    const qint64 iat = now.toSecsSinceEpoch();
    const QJsonObject claims{{QStringLiteral("iss"), key.clientEmail},
                             {QStringLiteral("scope"), scope},
                             {QStringLiteral("aud"), audience},
                             {QStringLiteral("iat"), iat},
                             {QStringLiteral("exp"), iat + LifetimeSeconds}};
    const QByteArray signingInput
        = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
          + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));

    BIO *bio = BIO_new_mem_buf(key.privateKeyPem.constData(),
                               static_cast<int>(key.privateKeyPem.size()));
    EVP_PKEY *pkey = bio ? PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr) : nullptr;
    if (bio)
        BIO_free(bio);
    if (!pkey || EVP_PKEY_base_id(pkey) != EVP_PKEY_RSA) {
        EVP_PKEY_free(pkey);
        Error e(Error::Code::ParseError,
                tr("The service account key's private_key is not an RSA key in PEM form."));
        e.context = key.clientEmail;
        return e;
    }
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t length = 0;
    QByteArray signature;
    bool ok = ctx && EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, pkey) == 1
              && EVP_DigestSign(ctx, nullptr, &length,
                                reinterpret_cast<const unsigned char *>(signingInput.constData()),
                                static_cast<size_t>(signingInput.size()))
                     == 1;
    if (ok) {
        signature.resize(static_cast<qsizetype>(length));
        ok = EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(signature.data()), &length,
                            reinterpret_cast<const unsigned char *>(signingInput.constData()),
                            static_cast<size_t>(signingInput.size()))
             == 1;
        signature.resize(static_cast<qsizetype>(length));
    }
    EVP_MD_CTX_free(ctx);
    EVP_PKEY_free(pkey);
    if (!ok)
        return Error(Error::Code::Unknown, tr("OpenSSL could not sign the JWT."), key.clientEmail);
    return signingInput + '.' + base64Url(signature);
}

// ---- GcpTokenSource -----------------------------------------------------------------------

GcpTokenSource::GcpTokenSource(Options options)
    : m_options(std::move(options))
{
    if (m_options.kind == Kind::ServiceAccountKey) {
        m_account = m_options.key.clientEmail;
        m_project = m_options.key.projectId;
        const QUrl url = tokenUrl();
        ClusterConnection c;
        c.server
            = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
        c.contextName = c.clusterName = url.host();
        c.certificateAuthorityPem = m_options.caPem;
        m_tokenTransport = std::make_unique<HttpTransport>(c);
    }
}

GcpTokenSource::~GcpTokenSource() = default;

Result<GcpTokenSource::Options> GcpTokenSource::fromKeyFile(const QString &path,
                                                            const QProcessEnvironment &environment)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Error e(Error::Code::FileError, tr("Cannot read the service account key file."));
        e.file = path;
        return e;
    }
    const QByteArray text = file.read(GcpResponse::MaxKeyFileBytes + 1);
    auto key = GcpResponse::parseServiceAccountKey(text);
    if (!key) {
        Error e = key.error();
        e.file = path;
        return e;
    }
    Options o;
    o.kind = Kind::ServiceAccountKey;
    o.key = key.value();
    o.keyFile = QFileInfo(path).absoluteFilePath();
    o.environment = environment;
    const QString host = environment.value(QStringLiteral("CLOUDSDK_AUTH_TOKEN_HOST"));
    if (!host.isEmpty())
        o.tokenUrl = QUrl(host);
    const QString ca = environment.value(QStringLiteral("CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE"));
    if (!ca.isEmpty()) {
        QFile caFile(ca);
        if (caFile.open(QIODevice::ReadOnly))
            o.caPem = caFile.read(4 * 1024 * 1024);
    }
    return o;
}

QUrl GcpTokenSource::tokenUrl() const
{
    if (m_options.tokenUrl.isValid() && !m_options.tokenUrl.isEmpty())
        return m_options.tokenUrl;
    if (!m_options.key.tokenUri.isEmpty())
        return QUrl(m_options.key.tokenUri);
    return QUrl(QString::fromLatin1(GcpJwt::DefaultTokenUri));
}

bool GcpTokenSource::fresh(const GcpAccessToken &t, const QDateTime &now) const
{
    return !t.expiresAt.isValid() || now.secsTo(t.expiresAt) > m_options.refreshMarginSeconds;
}

std::optional<GcpAccessToken> GcpTokenSource::cachedToken() const
{
    std::lock_guard lock(m_mutex);
    if (m_cached && fresh(*m_cached, QDateTime::currentDateTimeUtc()))
        return m_cached;
    return std::nullopt;
}

void GcpTokenSource::invalidate(const QByteArray &used)
{
    std::lock_guard lock(m_mutex);
    if (m_cached && m_cached->token == used)
        m_cached.reset();
}

QString GcpTokenSource::account() const
{
    std::lock_guard lock(m_mutex);
    return m_account;
}

QString GcpTokenSource::project() const
{
    std::lock_guard lock(m_mutex);
    return m_project;
}

QString GcpTokenSource::sourceDescription() const
{
    if (m_options.kind == Kind::ServiceAccountKey)
        return tr("service account key %1").arg(QDir::toNativeSeparators(m_options.keyFile));
    std::lock_guard lock(m_mutex);
    const QString configuration
        = m_options.gcloudConfiguration.isEmpty() ? m_configuration : m_options.gcloudConfiguration;
    return configuration.isEmpty() ? tr("gcloud login")
                                   : tr("gcloud login (configuration %1)").arg(configuration);
}

Result<GcpAccessToken> GcpTokenSource::token()
{
    if (auto cached = cachedToken())
        return *cached;
    // One fetch at a time; whoever waited finds the new token cached.
    std::lock_guard fetching(m_fetch);
    if (auto cached = cachedToken())
        return *cached;
    Result<GcpAccessToken> t = m_options.kind == Kind::Gcloud ? fetchFromGcloud() : fetchWithKey();
    if (t) {
        std::lock_guard lock(m_mutex);
        m_cached = t.value();
    }
    return t;
}

Result<GcpAccessToken> GcpTokenSource::fetchFromGcloud()
{
    QString program = m_options.gcloudProgram;
    if (!program.contains(QLatin1Char('/'))) {
        const QStringList path = m_options.environment.value(QStringLiteral("PATH"))
                                     .split(QLatin1Char(':'), Qt::SkipEmptyParts);
        program = QStandardPaths::findExecutable(program, path);
    }
    if (program.isEmpty()) {
        Error e(Error::Code::NotFound, tr("gcloud is not installed (not found on PATH)."));
        e.hint = tr("install the Google Cloud CLI, or use a service account key");
        return e;
    }
    PluginCommand command;
    command.program = program;
    command.arguments = {
        QStringLiteral("config"), QStringLiteral("config-helper"), QStringLiteral("--format=json"),
        // A token gcloud hands out must outlive our refresh margin, else the
        // next call would run gcloud again for the same token.
        QStringLiteral("--min-expiry=%1s").arg(m_options.refreshMarginSeconds + 60)};
    if (!m_options.gcloudConfiguration.isEmpty())
        command.arguments << QStringLiteral("--configuration=") + m_options.gcloudConfiguration;
    command.environment = m_options.environment;
    command.timeoutMs = m_options.processTimeoutMs;
    const PluginRun run = runPluginProcess(command);
    const QString what = tr("gcloud config config-helper");
    switch (run.outcome) {
    case PluginRun::Outcome::FailedToStart:
        return Error(Error::Code::AuthError, tr("gcloud could not start: %1").arg(run.errorString),
                     what);
    case PluginRun::Outcome::TimedOut:
        return Error(Error::Code::Timeout,
                     tr("gcloud did not answer in %1 s.").arg(m_options.processTimeoutMs / 1000),
                     what);
    case PluginRun::Outcome::Cancelled: return Error(Error::Code::Cancelled, run.errorString, what);
    case PluginRun::Outcome::Finished: break;
    }
    if (run.crashed || run.exitCode != 0) {
        Error e(Error::Code::AuthError, tr("gcloud failed (exit code %1).").arg(run.exitCode),
                what);
        // gcloud's own sentence ("You do not currently have an active account selected."),
        // without its "ERROR: (gcloud.config.config-helper)" prefix.
        QString said = QString::fromUtf8(run.standardError.left(2000)).simplified();
        const int close = said.indexOf(QLatin1Char(')'));
        if (said.startsWith(QLatin1String("ERROR: (gcloud")) && close > 0)
            said = said.mid(close + 1).trimmed();
        e.message += QLatin1Char(' ') + said.left(300);
        e.hint = tr("run gcloud auth login");
        return e;
    }
    if (run.standardOutput.size() > MaxGcloudOutput)
        return Error(Error::Code::TooLarge, tr("gcloud printed more than 1 MiB."), what);
    auto helper = GcpResponse::parseConfigHelper(run.standardOutput);
    if (!helper) {
        Error e = helper.error();
        e.context = what;
        if (e.code == Error::Code::AuthError)
            e.hint = tr("run gcloud auth login");
        return e;
    }
    std::lock_guard lock(m_mutex);
    m_account = helper.value().account;
    m_project = helper.value().project;
    m_configuration = helper.value().configuration;
    return helper.value().token;
}

Result<GcpAccessToken> GcpTokenSource::fetchWithKey()
{
    const QUrl url = tokenUrl();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto jwt = GcpJwt::assertion(m_options.key, url.toString(),
                                       QString::fromLatin1(GcpJwt::CloudPlatformScope), now);
    if (!jwt)
        return jwt.error();
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"),
                      QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer"));
    form.addQueryItem(QStringLiteral("assertion"), QString::fromLatin1(jwt.value()));

    ApiRequest request;
    request.method = "POST";
    request.path = url.path(QUrl::FullyEncoded);
    if (request.path.isEmpty())
        request.path = QStringLiteral("/");
    request.body = form.toString(QUrl::FullyEncoded).toLatin1();
    request.contentType = "application/x-www-form-urlencoded";
    request.timeoutMs = TokenRequestTimeoutMs;
    auto promise = std::make_shared<std::promise<Result<ApiResponse>>>();
    std::future<Result<ApiResponse>> answer = promise->get_future();
    Internal::CurlJob job;
    job.request = std::move(request);
    job.maxBodyBytes = 1024 * 1024;
    job.onDone = [promise](Result<ApiResponse> &&r) { promise->set_value(std::move(r)); };
    m_tokenTransport->worker()->submit(std::move(job));
    const QString what = tr("token endpoint %1").arg(url.toString(QUrl::RemoveQuery));
    if (answer.wait_for(std::chrono::milliseconds(TokenRequestTimeoutMs + 5000))
        != std::future_status::ready)
        return Error(Error::Code::Timeout, tr("The token endpoint did not answer."), what);
    const Result<ApiResponse> r = answer.get();
    if (!r) {
        Error e = r.error();
        e.context = what;
        return e;
    }
    if (!r.value().isSuccess()) {
        Error e = GcpResponse::errorOf(r.value().status, r.value().body, what);
        if (e.code == Error::Code::AuthError || e.code == Error::Code::InvalidArgument) {
            e.code = Error::Code::AuthError;
            e.hint = tr("the key %1 of %2 may have been deleted or disabled; create a new key")
                         .arg(m_options.key.privateKeyId.left(8), m_options.key.clientEmail);
        }
        return e;
    }
    auto t = GcpResponse::parseTokenResponse(r.value().body, now);
    if (!t) {
        Error e = t.error();
        e.context = what;
        return e;
    }
    return t;
}

// ---- GcpCredentialProvider ----------------------------------------------------------------

GcpCredentialProvider::GcpCredentialProvider(std::shared_ptr<GcpTokenSource> source)
    : m_source(std::move(source))
{
}

static Credential credentialOf(const GcpAccessToken &t)
{
    Credential c;
    c.bearerToken = t.token;
    c.expiry = t.expiresAt;
    return c;
}

Result<Credential> GcpCredentialProvider::credential()
{
    const auto t = m_source->token();
    if (!t)
        return t.error();
    return credentialOf(t.value());
}

std::optional<Result<Credential>> GcpCredentialProvider::credentialIfReady()
{
    if (const auto t = m_source->cachedToken())
        return Result<Credential>(credentialOf(*t));
    return std::nullopt;
}

void GcpCredentialProvider::reportUnauthorized(const Credential &used)
{
    m_source->invalidate(used.bearerToken);
}

} // namespace Orrery
