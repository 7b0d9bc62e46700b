// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinesources.h"

#include "kube/httptransport.h"
#include "kube/staticcredentialprovider.h"
#include "pipelines/githubclient.h"
#include "pipelines/githubcredentials.h"
#include "pipelines/gitlabclient.h"
#include "pipelines/jenkinsclient.h"
#include "pipelines/pipelinecredentials.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QUrl>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::PipelineSources", text);
}

QString defaultHost(PipelineProvider provider)
{
    switch (provider) {
    case PipelineProvider::GitHub: return QStringLiteral("github.com");
    case PipelineProvider::GitLab: return QStringLiteral("gitlab.com");
    case PipelineProvider::Jenkins: break;
    }
    return {};
}

bool isUrl(const QString &host)
{
    return host.startsWith(QLatin1String("https://")) || host.startsWith(QLatin1String("http://"));
}

// The host part of `host` (a host, host:port or a URL), as ids and tokens name it.
QString hostKey(const PipelineSource &s)
{
    if (s.host.isEmpty())
        return defaultHost(s.provider);
    if (isUrl(s.host)) {
        const QUrl url(s.host);
        return url.port() > 0 ? url.host() + QLatin1Char(':') + QString::number(url.port())
                              : url.host();
    }
    return s.host;
}

// The connection a transport needs for `base`: CA, proxy, credentials.
Result<ClusterConnection> connectionFor(const PipelineSource &source, const QString &base,
                                        const PipelineConnectOptions &options)
{
    ClusterConnection c;
    c.server = base;
    c.contextName = source.id();
    c.clusterName = hostKey(source);
    c.proxyUrl = source.proxyUrl;
    if (!options.caPem.isEmpty()) {
        c.certificateAuthorityPem = options.caPem;
    } else if (!source.caFile.isEmpty()) {
        QFile file(source.caFile);
        if (!file.open(QIODevice::ReadOnly)) {
            Error e(
                Error::Code::FileError,
                tr("cannot read the CA certificate %1: %2").arg(source.caFile, file.errorString()),
                source.id());
            e.file = source.caFile;
            return e;
        }
        c.certificateAuthorityPem = file.read(1024 * 1024);
    }
    if (!options.token.isEmpty()) {
        Credential credential;
        credential.bearerToken = options.token;
        c.credentials
            = std::make_shared<StaticCredentialProvider>(credential, QStringLiteral("token"));
    }
    return c;
}

// Owns the transport the client runs on: the client goes first, then its transport.
template <typename Client> struct Owned
{
    std::unique_ptr<HttpTransport> transport;
    std::unique_ptr<Client> client;
    ~Owned() { client.reset(); }
};

} // namespace

QString PipelineSource::id() const
{
    return pipelineProviderName(provider) + QLatin1Char(':') + hostKey(*this) + QLatin1Char('/')
           + source;
}

QString PipelineSource::apiBase() const
{
    switch (provider) {
    case PipelineProvider::GitHub: return GitHubClient::apiBaseFor(host);
    case PipelineProvider::GitLab:
        if (isUrl(host))
            return host.endsWith(QLatin1Char('/')) ? host.chopped(1) : host;
        return QStringLiteral("https://") + (host.isEmpty() ? defaultHost(provider) : host)
               + QStringLiteral("/api/v4");
    case PipelineProvider::Jenkins:
        if (isUrl(host))
            return host.endsWith(QLatin1Char('/')) ? host.chopped(1) : host;
        return QStringLiteral("https://") + host;
    }
    return {};
}

Result<PipelineSource> PipelineSource::fromId(const QString &id)
{
    const qsizetype colon = id.indexOf(QLatin1Char(':'));
    PipelineSource s;
    if (colon <= 0 || !pipelineProviderFromName(id.left(colon), &s.provider))
        return Error(Error::Code::InvalidArgument,
                     tr("\"%1\" is not a pipeline source: give PROVIDER:HOST/SOURCE "
                        "(github, gitlab or jenkins)")
                         .arg(id));
    const QString rest = id.mid(colon + 1);
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash <= 0 || slash == rest.size() - 1)
        return Error(Error::Code::InvalidArgument,
                     tr("\"%1\" is not a pipeline source: give PROVIDER:HOST/SOURCE").arg(id));
    s.host = rest.left(slash);
    if (s.host == defaultHost(s.provider))
        s.host.clear();
    s.source = rest.mid(slash + 1);
    return s;
}

QList<PipelineSource> PipelineSourceSettings::read(QSettings &settings)
{
    QList<PipelineSource> sources;
    const int n = settings.beginReadArray(QStringLiteral("pipelines/sources"));
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        PipelineSource s;
        if (!pipelineProviderFromName(settings.value(QStringLiteral("provider")).toString(),
                                      &s.provider))
            continue; // a provider this version does not know: skipped, kept in the file
        s.host = settings.value(QStringLiteral("host")).toString();
        s.source = settings.value(QStringLiteral("source")).toString();
        if (s.source.isEmpty())
            continue;
        s.label = settings.value(QStringLiteral("label")).toString();
        s.caFile = settings.value(QStringLiteral("caFile")).toString();
        s.proxyUrl = settings.value(QStringLiteral("proxy")).toString();
        s.imageLink.rule = settings.value(QStringLiteral("imageRule")).toString();
        s.imageLink.repository = settings.value(QStringLiteral("imageRepository")).toString();
        sources.append(s);
    }
    settings.endArray();
    return sources;
}

void PipelineSourceSettings::write(QSettings &settings, const QList<PipelineSource> &sources)
{
    settings.remove(QStringLiteral("pipelines/sources"));
    settings.beginWriteArray(QStringLiteral("pipelines/sources"), int(sources.size()));
    for (int i = 0; i < sources.size(); ++i) {
        const PipelineSource &s = sources.at(i);
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("provider"), pipelineProviderName(s.provider));
        settings.setValue(QStringLiteral("host"), s.host);
        settings.setValue(QStringLiteral("source"), s.source);
        settings.setValue(QStringLiteral("label"), s.label);
        settings.setValue(QStringLiteral("caFile"), s.caFile);
        settings.setValue(QStringLiteral("proxy"), s.proxyUrl);
        settings.setValue(QStringLiteral("imageRule"), s.imageLink.rule);
        settings.setValue(QStringLiteral("imageRepository"), s.imageLink.repository);
    }
    settings.endArray();
}

Result<PipelineConnection> connectPipelineSource(const PipelineSource &source,
                                                 const PipelineConnectOptions &options)
{
    const QString base = source.apiBase();
    Result<ClusterConnection> connection = connectionFor(source, base, options);
    if (!connection.ok())
        return connection.error();
    // The registration point: one case per provider client.
    switch (source.provider) {
    case PipelineProvider::GitHub: {
        if (!connection->credentials) {
            GitHubCredentials::Options credentialOptions;
            credentialOptions.environment = options.environment;
            credentialOptions.ghProgram = options.ghProgram;
            credentialOptions.secrets = options.secrets;
            connection->credentials = std::make_shared<GitHubCredentials>(
                GitHubClient::hostOf(base), std::move(credentialOptions));
        }
        auto owned = std::make_shared<Owned<GitHubClient>>();
        owned->transport = std::make_unique<HttpTransport>(*connection);
        owned->client = std::make_unique<GitHubClient>(owned->transport.get());
        PipelineConnection result;
        result.transport = owned->transport.get();
        result.client = std::shared_ptr<PipelineClient>(owned, owned->client.get());
        result.apiBase = base;
        return result;
    }
    case PipelineProvider::GitLab: {
        // GitLab wants its token in PRIVATE-TOKEN, which the client sets: the transport
        // carries none. The token is read now (environment, glab's config, the keyring).
        QByteArray token = options.token;
        if (token.isEmpty()) {
            Result<QByteArray> found = PipelineCredentials::gitlabToken(
                hostKey(source), options.environment, options.secrets.get());
            if (!found.ok())
                return found.error();
            token = *found;
        }
        connection->credentials.reset();
        auto owned = std::make_shared<Owned<GitLabClient>>();
        owned->transport = std::make_unique<HttpTransport>(*connection);
        owned->client = std::make_unique<GitLabClient>(owned->transport.get(), token);
        PipelineConnection result;
        result.transport = owned->transport.get();
        result.client = std::shared_ptr<PipelineClient>(owned, owned->client.get());
        result.apiBase = base;
        return result;
    }
    case PipelineProvider::Jenkins: {
        // Jenkins takes HTTP Basic "USER:API-TOKEN": an in-memory token is that pair.
        Credential credential;
        if (!options.token.isEmpty()) {
            const int colon = options.token.indexOf(':');
            if (colon <= 0) {
                Error e(Error::Code::InvalidArgument, tr("a Jenkins credential is USER:API-TOKEN"),
                        source.id());
                return e;
            }
            credential.username = QString::fromUtf8(options.token.left(colon));
            credential.password = QString::fromUtf8(options.token.mid(colon + 1));
        } else {
            Result<Credential> found = PipelineCredentials::jenkins(
                options.environment, hostKey(source), options.secrets.get());
            if (!found.ok())
                return found.error();
            credential = *found;
        }
        connection->credentials
            = std::make_shared<StaticCredentialProvider>(credential, QStringLiteral("basic"));
        auto owned = std::make_shared<Owned<JenkinsClient>>();
        owned->transport = std::make_unique<HttpTransport>(*connection);
        owned->client = std::make_unique<JenkinsClient>(owned->transport.get());
        PipelineConnection result;
        result.transport = owned->transport.get();
        result.client = std::shared_ptr<PipelineClient>(owned, owned->client.get());
        result.apiBase = base;
        return result;
    }
    }
    Error e(
        Error::Code::Unsupported,
        tr("this build of Orrery has no %1 client yet").arg(pipelineProviderName(source.provider)),
        source.id());
    return e;
}

} // namespace Orrery
