// SPDX-License-Identifier: GPL-3.0-or-later
#include "awsclient.h"

#include "awssigv4.h"
#include "kube/httptransport.h"
#include "util/jsonread.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTimer>
#include <QUrlQuery>
#include <QXmlStreamReader>

#include <algorithm>

namespace Orrery {

namespace {

constexpr int CredentialProcessTimeoutMs = 30000;
constexpr qint64 CredentialProcessMaxOutput = 64 * 1024;

// An AWS error answer as an Error: the JSON services' message and x-amzn-ErrorType are not
// both reachable through ApiResponse, so the body's message (JSON) or Code/Message (XML).
Error awsError(const ApiResponse &r, const QString &context)
{
    QString message;
    QString stsCode;
    if (r.body.startsWith('<')) {
        const auto [code, text] = AwsConfig::parseStsError(r.body);
        stsCode = code;
        message
            = code.isEmpty() ? QString() : text + QStringLiteral(" (") + code + QLatin1Char(')');
    } else {
        const JsonRead::Json j = JsonRead::parse(r.body);
        message = JsonRead::string(j, "message", JsonRead::string(j, "Message")).left(1000);
    }
    Error e = r.toError(context);
    if (!message.isEmpty())
        e.message = message;
    if (r.status == 403 || r.status == 401)
        e.code = stsCode == QLatin1String("AccessDenied") ? Error::Code::Forbidden
                                                          : Error::Code::AuthError;
    return e;
}

} // namespace

AwsClient::Endpoints AwsClient::endpointsFromEnvironment(const QProcessEnvironment &env)
{
    Endpoints e;
    const QString all = env.value(QStringLiteral("AWS_ENDPOINT_URL"));
    e.sts = QUrl(env.value(QStringLiteral("AWS_ENDPOINT_URL_STS"), all));
    e.eks = QUrl(env.value(QStringLiteral("AWS_ENDPOINT_URL_EKS"), all));
    e.sso = QUrl(env.value(QStringLiteral("AWS_ENDPOINT_URL_SSO"), all));
    const QString bundle = env.value(QStringLiteral("AWS_CA_BUNDLE"));
    if (!bundle.isEmpty()) {
        QFile f(bundle);
        if (f.open(QIODevice::ReadOnly))
            e.caPem = f.read(4 * 1024 * 1024);
    }
    return e;
}

AwsClient::AwsClient(Endpoints endpoints, QObject *parent)
    : QObject(parent)
    , m_endpoints(std::move(endpoints))
{
}

AwsClient::~AwsClient() = default;

QUrl AwsClient::endpointFor(const QString &service, const QString &region) const
{
    const QUrl &configured = service == QLatin1String("sts") ? m_endpoints.sts : m_endpoints.eks;
    if (configured.isValid() && !configured.isEmpty())
        return configured;
    return QUrl(QStringLiteral("https://%1.%2.amazonaws.com").arg(service, region));
}

HttpTransport *AwsClient::transport(const QUrl &endpoint)
{
    const QString base = endpoint.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString();
    auto &slot = m_transports[base];
    if (!slot) {
        ClusterConnection c;
        c.server = base;
        c.contextName = c.clusterName = endpoint.host();
        c.certificateAuthorityPem = m_endpoints.caPem;
        slot = std::make_unique<HttpTransport>(c);
    }
    return slot.get();
}

void AwsClient::signedRequest(const QUrl &endpoint, const QString &service, const QString &region,
                              const AwsCredentials &credentials, QByteArray method,
                              const QString &subPath, QList<QPair<QString, QString>> query,
                              QByteArray body, BodyHandler onDone)
{
    QString path = endpoint.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    path += subPath;
    if (path.isEmpty())
        path = QStringLiteral("/");
    AwsRequest request;
    request.method = method;
    request.path = path.toUtf8();
    request.query = query;
    request.headers = {{"Host", endpoint.authority(QUrl::FullyEncoded).toUtf8()}};
    if (!body.isEmpty())
        request.headers.append(QPair<QByteArray, QByteArray>(
            "Content-Type", "application/x-www-form-urlencoded; charset=utf-8"));
    request.body = body;
    AwsSigV4::Options options;
    options.region = region;
    options.service = service;
    options.time = QDateTime::currentDateTimeUtc();
    const AwsSigV4::SignedRequest sig = AwsSigV4::signHeaders(request, credentials, options);

    ApiRequest api;
    api.method = method;
    const QByteArray q = AwsSigV4::canonicalQuery(query);
    api.path = path + (q.isEmpty() ? QString() : QLatin1Char('?') + QString::fromLatin1(q));
    api.body = body;
    if (!body.isEmpty())
        api.contentType = "application/x-www-form-urlencoded; charset=utf-8";
    api.accept = service == QLatin1String("sts") ? "text/xml" : "application/json";
    api.headers = sig.addedHeaders;
    api.timeoutMs = 30000;
    HttpTransport *t = transport(endpoint);
    const QString context = tr("%1 in %2").arg(service.toUpper(), region);
    auto run = [this, t, api, context, onDone = std::move(onDone)] {
        t->send(api, this, [this, context, onDone](const Result<ApiResponse> &r) {
            if (!r)
                onDone(r.error());
            else if (!r.value().isSuccess())
                onDone(awsError(r.value(), context));
            else
                onDone(r.value().body);
            m_requests.finished();
        });
    };
    m_requests.enqueue(std::move(run));
}

void AwsClient::callerIdentity(const AwsCredentials &credentials, const QString &region,
                               std::function<void(const Result<QString> &)> onDone)
{
    signedRequest(endpointFor(QStringLiteral("sts"), region), QStringLiteral("sts"), region,
                  credentials, "POST", QString(), {}, "Action=GetCallerIdentity&Version=2011-06-15",
                  [onDone](const Result<QByteArray> &body) {
                      if (!body)
                          return onDone(body.error());
                      QXmlStreamReader r(body.value());
                      while (!r.atEnd()) {
                          r.readNext();
                          if (r.isStartElement() && r.name() == QLatin1String("Arn"))
                              return onDone(r.readElementText().left(2048));
                      }
                      onDone(Error(Error::Code::ParseError,
                                   tr("STS's GetCallerIdentity answer has no Arn.")));
                  });
}

void AwsClient::assumeRole(const AwsCredentials &credentials, const QString &region,
                           const QString &roleArn, const QString &sessionName,
                           const QString &externalId, CredentialsHandler onDone)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("Action"), QStringLiteral("AssumeRole"));
    form.addQueryItem(QStringLiteral("Version"), QStringLiteral("2011-06-15"));
    form.addQueryItem(QStringLiteral("RoleArn"), roleArn);
    form.addQueryItem(QStringLiteral("RoleSessionName"), sessionName);
    if (!externalId.isEmpty())
        form.addQueryItem(QStringLiteral("ExternalId"), externalId);
    QList<QPair<QString, QString>> items;
    for (const auto &[k, v] : form.queryItems(QUrl::FullyDecoded))
        items.append({k, v});
    const QByteArray body = AwsSigV4::canonicalQuery(items);
    signedRequest(endpointFor(QStringLiteral("sts"), region), QStringLiteral("sts"), region,
                  credentials, "POST", QString(), {}, body,
                  [onDone, roleArn](const Result<QByteArray> &r) {
                      if (!r) {
                          Error e = r.error();
                          e.context = tr("AssumeRole %1").arg(roleArn);
                          return onDone(e);
                      }
                      onDone(AwsConfig::parseAssumeRoleResponse(r.value()));
                  });
}

void AwsClient::resolve(const AwsConfig::Plan &plan, CredentialsHandler onDone)
{
    const QString region = plan.region.isEmpty() ? QStringLiteral("us-east-1") : plan.region;
    const QString session
        = plan.roleSessionName.isEmpty()
              ? QStringLiteral("orrery-%1").arg(QDateTime::currentSecsSinceEpoch())
              : plan.roleSessionName;
    // Assume the roles one after the other, each with the previous credentials.
    auto chain = std::make_shared<std::function<void(AwsCredentials, int)>>();
    QPointer<AwsClient> self(this);
    *chain = [self, plan, region, session, onDone, chain](AwsCredentials creds, int index) {
        if (!self)
            return;
        if (index >= plan.roleArns.size()) {
            onDone(creds);
            *chain = nullptr; // break the cycle
            return;
        }
        self->assumeRole(creds, region, plan.roleArns.at(index), session, plan.externalId,
                         [chain, index, onDone](const Result<AwsCredentials> &next) {
                             if (!next) {
                                 onDone(next);
                                 *chain = nullptr;
                                 return;
                             }
                             (*chain)(next.value(), index + 1);
                         });
    };
    if (plan.sso.isValid()) {
        ssoRoleCredentials(plan.sso, [chain, onDone](const Result<AwsCredentials> &r) {
            if (!r) {
                onDone(r);
                *chain = nullptr;
                return;
            }
            (*chain)(r.value(), 0);
        });
        return;
    }
    if (plan.credentialProcess.isEmpty()) {
        (*chain)(plan.base, 0);
        return;
    }
    // credential_process: a shell command line, as the CLI runs it; bounded in time and output.
    auto *process = new QProcess(this);
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    process->setProgram(QStringLiteral("/bin/sh"));
    process->setArguments({QStringLiteral("-c"), plan.credentialProcess});
    process->setProcessChannelMode(QProcess::SeparateChannels);
    auto output = std::make_shared<QByteArray>();
    auto finish = [process, chain, onDone](const Result<AwsCredentials> &r) {
        process->disconnect();
        process->deleteLater();
        if (!r) {
            onDone(r);
            *chain = nullptr;
            return;
        }
        (*chain)(r.value(), 0);
    };
    connect(process, &QProcess::readyReadStandardOutput, process, [process, output, finish] {
        output->append(process->readAllStandardOutput());
        if (output->size() > CredentialProcessMaxOutput) {
            process->kill();
            finish(Error(Error::Code::TooLarge, tr("credential_process printed over 64 KiB.")));
        }
    });
    connect(timer, &QTimer::timeout, process, [process, finish] {
        process->kill();
        finish(Error(Error::Code::Timeout, tr("credential_process did not finish in 30 s.")));
    });
    connect(process, &QProcess::finished, process,
            [process, output, finish](int code, QProcess::ExitStatus status) {
                output->append(process->readAllStandardOutput());
                if (status != QProcess::NormalExit || code != 0) {
                    Error e(Error::Code::AuthError,
                            tr("credential_process failed (exit code %1).").arg(code));
                    e.hint
                        = QString::fromUtf8(process->readAllStandardError().left(300)).simplified();
                    return finish(e);
                }
                finish(AwsConfig::parseProcessOutput(*output));
            });
    connect(process, &QProcess::errorOccurred, process, [finish](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            finish(Error(Error::Code::AuthError, tr("credential_process could not start.")));
    });
    timer->start(CredentialProcessTimeoutMs);
    process->start();
}

void AwsClient::ssoRoleCredentials(const AwsSso::Profile &profile, CredentialsHandler onDone)
{
    const Result<AwsSso::CachedToken> token
        = AwsSso::readCachedToken(profile, QDateTime::currentDateTimeUtc());
    if (!token) {
        const Error e = token.error();
        QMetaObject::invokeMethod(
            this, [onDone, e] { onDone(e); }, Qt::QueuedConnection);
        return;
    }
    const QUrl endpoint = m_endpoints.sso.isValid() && !m_endpoints.sso.isEmpty()
                              ? m_endpoints.sso
                              : QUrl(AwsSso::defaultPortal(profile.region));
    QString path = endpoint.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    ApiRequest api;
    api.method = "GET";
    api.path = path + AwsSso::roleCredentialsPath(profile.roleName, profile.accountId);
    api.accept = "application/json";
    api.headers = {{"x-amz-sso_bearer_token", token.value().accessToken}};
    api.timeoutMs = 30000;
    transport(endpoint)->send(api, this, [profile, onDone](const Result<ApiResponse> &r) {
        if (!r) {
            Error e = r.error();
            e.context = tr("AWS SSO portal for profile %1").arg(profile.profile);
            return onDone(e);
        }
        if (!r.value().isSuccess())
            return onDone(AwsSso::portalError(r.value(), profile));
        Result<AwsCredentials> creds = AwsSso::parseRoleCredentials(r.value().body);
        if (!creds) {
            Error e = creds.error();
            e.context = tr("AWS SSO portal for profile %1").arg(profile.profile);
            return onDone(e);
        }
        onDone(creds);
    });
}

struct AwsClient::Discovery
{
    EksDiscovery result;
    int pending = 0;
    std::function<void(const EksDiscovery &)> onDone;
    void done()
    {
        if (--pending > 0)
            return;
        std::sort(result.clusters.begin(), result.clusters.end(),
                  [](const EksClusterInfo &a, const EksClusterInfo &b) {
                      return std::tie(a.region, a.name) < std::tie(b.region, b.name);
                  });
        onDone(result);
    }
};

void AwsClient::discover(const AwsCredentials &credentials, const QStringList &regions,
                         std::function<void(const EksDiscovery &)> onDone)
{
    auto d = std::make_shared<Discovery>();
    d->onDone = std::move(onDone);
    if (regions.isEmpty()) {
        d->onDone(d->result);
        return;
    }
    d->pending = static_cast<int>(regions.size());
    for (const QString &region : regions) {
        const QUrl eks = endpointFor(QStringLiteral("eks"), region);
        // One page, then the next (nextToken) or the DescribeClusters of what it listed.
        auto listPage = std::make_shared<std::function<void(QString)>>();
        *listPage = [this, d, eks, region, credentials, listPage](const QString &token) {
            QList<QPair<QString, QString>> query{
                {QStringLiteral("maxResults"), QStringLiteral("100")}};
            if (!token.isEmpty())
                query.append({QStringLiteral("nextToken"), token});
            signedRequest(
                eks, QStringLiteral("eks"), region, credentials, "GET", QStringLiteral("/clusters"),
                query, {},
                [this, d, eks, region, credentials, listPage](const Result<QByteArray> &r) {
                    if (!r) {
                        d->result.regionErrors.insert(region, r.error());
                        *listPage = nullptr;
                        return d->done();
                    }
                    const JsonRead::Json j = JsonRead::parse(r.value());
                    const JsonRead::Json *names = JsonRead::find(j, "clusters");
                    if (names && names->is_array()) {
                        for (const auto &n : *names) {
                            if (!n.is_string())
                                continue;
                            const QString name = QString::fromStdString(n.get<std::string>());
                            ++d->pending;
                            signedRequest(
                                eks, QStringLiteral("eks"), region, credentials, "GET",
                                QStringLiteral("/clusters/")
                                    + QString::fromLatin1(QUrl::toPercentEncoding(name)),
                                {}, {}, [d, region, name](const Result<QByteArray> &c) {
                                    if (!c) {
                                        Error e = c.error();
                                        e.context = tr("EKS cluster %1 in %2").arg(name, region);
                                        d->result.regionErrors.insert(region, e);
                                        return d->done();
                                    }
                                    const JsonRead::Json cj = JsonRead::parse(c.value());
                                    const JsonRead::Json *cl = JsonRead::find(cj, "cluster");
                                    if (cl) {
                                        EksClusterInfo info;
                                        info.region = region;
                                        info.name = JsonRead::string(*cl, "name", name);
                                        info.arn = JsonRead::string(*cl, "arn");
                                        info.version = JsonRead::string(*cl, "version");
                                        info.status = JsonRead::string(*cl, "status");
                                        info.endpoint = JsonRead::string(*cl, "endpoint");
                                        info.platformVersion
                                            = JsonRead::string(*cl, "platformVersion");
                                        info.certificateAuthorityPem = QByteArray::fromBase64(
                                            JsonRead::string(*cl, {"certificateAuthority", "data"})
                                                .toLatin1());
                                        d->result.clusters.append(info);
                                    }
                                    d->done();
                                });
                        }
                    }
                    const QString next = JsonRead::string(j, "nextToken");
                    if (!next.isEmpty() && next != QLatin1String("null")) {
                        (*listPage)(next);
                        return;
                    }
                    *listPage = nullptr;
                    d->done();
                });
        };
        (*listPage)(QString());
    }
}

} // namespace Orrery
