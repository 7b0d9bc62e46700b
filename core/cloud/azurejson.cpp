// SPDX-License-Identifier: GPL-3.0-or-later
#include "azurejson.h"

#include "kube/kubeconfig.h"
#include "util/jsonread.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryFile>

namespace Orrery {

namespace AzureJson {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::AzureJson", text);
}

Error tooLarge(const QString &what, qint64 limit)
{
    return Error(Error::Code::TooLarge,
                 tr("%1 is larger than %2.").arg(what, Limits::byteSize(limit)));
}

Error::Code codeFor(int status)
{
    switch (status) {
    case 400: return Error::Code::InvalidArgument;
    case 401: return Error::Code::AuthError;
    case 403: return Error::Code::Forbidden;
    case 404: return Error::Code::NotFound;
    case 409: return Error::Code::Conflict;
    case 429: return Error::Code::TooManyRequests;
    default: return status >= 500 ? Error::Code::ServerError : Error::Code::Unknown;
    }
}

// The body as a JSON object, bounded.
Result<JsonRead::Json> parseBody(const QByteArray &body, const QString &what)
{
    if (body.size() > MaxBodyBytes)
        return tooLarge(what, MaxBodyBytes);
    JsonRead::Json j = JsonRead::parse(body);
    if (j.is_discarded() || !j.is_object())
        return Error(Error::Code::ParseError, tr("%1 is not a JSON object.").arg(what));
    return j;
}

QString nextLinkOf(const JsonRead::Json &j)
{
    const QString next = JsonRead::string(j, "nextLink").left(8192);
    return next.startsWith(QLatin1String("https://")) ? next : QString();
}

AksClusterInfo clusterFrom(const JsonRead::Json &c)
{
    AksClusterInfo info;
    info.id = JsonRead::string(c, "id").left(1024);
    info.name = JsonRead::string(c, "name").left(256);
    info.location = JsonRead::string(c, "location").left(128);
    QString sub, rg, name;
    if (splitClusterId(info.id, &sub, &rg, &name)) {
        info.subscriptionId = sub;
        info.resourceGroup = rg;
        if (info.name.isEmpty())
            info.name = name;
    }
    const JsonRead::Json &p = JsonRead::object(c, "properties");
    info.kubernetesVersion
        = JsonRead::string(p, "currentKubernetesVersion", JsonRead::string(p, "kubernetesVersion"))
              .left(64);
    info.provisioningState = JsonRead::string(p, "provisioningState").left(64);
    info.powerState = JsonRead::string(p, {"powerState", "code"}).left(64);
    info.fqdn = JsonRead::string(p, "fqdn", JsonRead::string(p, "privateFQDN")).left(512);
    info.entra = JsonRead::boolean(p, {"aadProfile", "managed"});
    info.aadTenant = JsonRead::string(p, {"aadProfile", "tenantID"}).left(64);
    return info;
}

} // namespace

Result<AzureToken> parseTokenResponse(const QByteArray &body, const QDateTime &now)
{
    const Result<JsonRead::Json> parsed = parseBody(body, tr("The token endpoint's answer"));
    if (!parsed)
        return parsed.error();
    const JsonRead::Json &j = parsed.value();
    AzureToken t;
    t.accessToken = JsonRead::string(j, "access_token").toUtf8();
    if (t.accessToken.isEmpty() || t.accessToken.size() > 64 * 1024)
        return Error(Error::Code::ParseError,
                     tr("The token endpoint's answer has no access_token."));
    const QString type = JsonRead::string(j, "token_type", QStringLiteral("Bearer"));
    if (type.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0)
        return Error(Error::Code::Unsupported,
                     tr("The token endpoint answered a %1 token; Orrery needs a Bearer token.")
                         .arg(type.left(40)));
    // expires_in is a number (v2) or a string of one (v1).
    qint64 seconds = JsonRead::integer(j, "expires_in", -1);
    if (seconds < 0)
        seconds = JsonRead::string(j, "expires_in").toLongLong();
    seconds = std::clamp<qint64>(seconds, 0, 24 * 3600);
    t.expiresOn = now.toUTC().addSecs(seconds);
    return t;
}

Result<AzureToken> parseAzCliToken(const QByteArray &body)
{
    const Result<JsonRead::Json> parsed
        = parseBody(body, tr("The output of az account get-access-token"));
    if (!parsed)
        return parsed.error();
    const JsonRead::Json &j = parsed.value();
    AzureToken t;
    t.accessToken = JsonRead::string(j, "accessToken").toUtf8();
    if (t.accessToken.isEmpty() || t.accessToken.size() > 64 * 1024)
        return Error(Error::Code::ParseError,
                     tr("az account get-access-token printed no accessToken."));
    t.subscription = JsonRead::string(j, "subscription").left(64);
    t.tenant = JsonRead::string(j, "tenant").left(64);
    if (const auto epoch = JsonRead::optionalInteger(j, {"expires_on"});
        epoch && *epoch > 0 && *epoch < 32503680000) {
        t.expiresOn = QDateTime::fromSecsSinceEpoch(*epoch, Qt::UTC);
    } else {
        // Older az: local time without a zone, with or without microseconds.
        QString local = JsonRead::string(j, "expiresOn").left(40);
        const qsizetype dot = local.indexOf(QLatin1Char('.'));
        if (dot > 0)
            local.truncate(dot);
        const QDateTime localTime
            = QDateTime::fromString(local, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (localTime.isValid())
            t.expiresOn = localTime.toUTC();
    }
    if (!t.expiresOn.isValid())
        return Error(Error::Code::ParseError,
                     tr("az account get-access-token printed no expiry (expires_on)."));
    return t;
}

Error aadError(const QByteArray &body, int status, const QString &context)
{
    const JsonRead::Json j = body.size() > MaxBodyBytes ? JsonRead::Json() : JsonRead::parse(body);
    QString description = JsonRead::string(j, "error_description");
    // "AADSTS7000215: Invalid client secret provided. ...\r\nTrace ID: ..." -> first line.
    description = description.section(QLatin1Char('\r'), 0, 0)
                      .section(QLatin1Char('\n'), 0, 0)
                      .left(600)
                      .trimmed();
    const QString code = JsonRead::string(j, "error").left(80);
    Error e(codeFor(status),
            description.isEmpty()
                ? (code.isEmpty() ? tr("Microsoft Entra ID answered HTTP %1.").arg(status) : code)
                : description,
            context);
    e.httpStatus = status;
    if (code == QLatin1String("invalid_client") || code == QLatin1String("unauthorized_client")
        || code == QLatin1String("invalid_tenant") || status == 401) {
        e.code = Error::Code::AuthError;
        e.hint = tr("check AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, or run az "
                    "login");
    }
    return e;
}

Error armError(const QByteArray &body, int status, const QString &context)
{
    const JsonRead::Json j = body.size() > MaxBodyBytes ? JsonRead::Json() : JsonRead::parse(body);
    const QString code = JsonRead::string(j, {"error", "code"}).left(120);
    const QString message = JsonRead::string(j, {"error", "message"}).left(1000);
    Error e(
        codeFor(status),
        message.isEmpty()
            ? tr("Azure Resource Manager answered HTTP %1.").arg(status)
            : (code.isEmpty() ? message : message + QStringLiteral(" (") + code + QLatin1Char(')')),
        context);
    e.httpStatus = status;
    if (status == 401 || code.contains(QLatin1String("AuthenticationToken"))) {
        e.code = code == QLatin1String("ExpiredAuthenticationToken") ? Error::Code::Expired
                                                                     : Error::Code::AuthError;
        e.hint = tr("run az login again, or check the service principal");
    } else if (status == 403) {
        e.hint = tr("ask for a role on the subscription that allows this action");
    }
    return e;
}

Result<ArmPage<AzureSubscription>> parseSubscriptions(const QByteArray &body)
{
    const Result<JsonRead::Json> parsed = parseBody(body, tr("The subscription list"));
    if (!parsed)
        return parsed.error();
    const JsonRead::Json &j = parsed.value();
    ArmPage<AzureSubscription> page;
    for (const auto &s : JsonRead::array(j, "value")) {
        if (page.items.size() >= MaxItems)
            break;
        AzureSubscription sub;
        sub.id = JsonRead::string(s, "subscriptionId").left(64).toLower();
        if (sub.id.isEmpty())
            continue;
        if (std::any_of(page.items.cbegin(), page.items.cend(),
                        [&](const AzureSubscription &o) { return o.id == sub.id; }))
            continue; // listed twice: keep the first
        sub.displayName = JsonRead::string(s, "displayName", sub.id).left(256);
        sub.tenantId = JsonRead::string(s, "tenantId").left(64);
        sub.state = JsonRead::string(s, "state").left(32);
        page.items.append(sub);
    }
    page.nextLink = nextLinkOf(j);
    return page;
}

Result<ArmPage<AksClusterInfo>> parseManagedClusters(const QByteArray &body)
{
    const Result<JsonRead::Json> parsed = parseBody(body, tr("The managedClusters list"));
    if (!parsed)
        return parsed.error();
    const JsonRead::Json &j = parsed.value();
    ArmPage<AksClusterInfo> page;
    for (const auto &c : JsonRead::array(j, "value")) {
        if (page.items.size() >= MaxItems)
            break;
        AksClusterInfo info = clusterFrom(c);
        if (info.id.isEmpty() || info.name.isEmpty() || info.subscriptionId.isEmpty())
            continue;
        page.items.append(info);
    }
    page.nextLink = nextLinkOf(j);
    return page;
}

Result<AksClusterInfo> parseManagedCluster(const QByteArray &body)
{
    const Result<JsonRead::Json> parsed = parseBody(body, tr("The managed cluster"));
    if (!parsed)
        return parsed.error();
    const JsonRead::Json &j = parsed.value();
    AksClusterInfo info = clusterFrom(j);
    if (info.id.isEmpty() || info.name.isEmpty() || info.subscriptionId.isEmpty())
        return Error(Error::Code::ParseError, tr("The managed cluster has no resource id."));
    return info;
}

bool splitClusterId(const QString &id, QString *subscription, QString *resourceGroup, QString *name)
{
    // /subscriptions/S/resourceGroups/RG/providers/Microsoft.ContainerService/managedClusters/N
    const QStringList parts = id.split(QLatin1Char('/'));
    if (parts.size() != 9 || !parts.at(0).isEmpty()
        || parts.at(1).compare(QLatin1String("subscriptions"), Qt::CaseInsensitive) != 0
        || parts.at(3).compare(QLatin1String("resourceGroups"), Qt::CaseInsensitive) != 0
        || parts.at(5).compare(QLatin1String("providers"), Qt::CaseInsensitive) != 0
        || parts.at(6).compare(QLatin1String("Microsoft.ContainerService"), Qt::CaseInsensitive)
               != 0
        || parts.at(7).compare(QLatin1String("managedClusters"), Qt::CaseInsensitive) != 0
        || parts.at(2).isEmpty() || parts.at(4).isEmpty() || parts.at(8).isEmpty())
        return false;
    *subscription = parts.at(2).toLower();
    *resourceGroup = parts.at(4);
    *name = parts.at(8);
    return true;
}

Result<QByteArray> parseCredentialResults(const QByteArray &body)
{
    const Result<JsonRead::Json> parsed = parseBody(body, tr("The cluster credentials"));
    if (!parsed)
        return parsed.error();
    const JsonRead::Json &j = parsed.value();
    for (const auto &k : JsonRead::array(j, "kubeconfigs")) {
        const QString value = JsonRead::string(k, "value");
        if (value.isEmpty())
            continue;
        if (value.size() > MaxKubeconfigBytes * 4 / 3 + 4)
            return tooLarge(tr("The cluster's kubeconfig"), MaxKubeconfigBytes);
        const auto decoded = QByteArray::fromBase64Encoding(
            value.toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty())
            return Error(Error::Code::ParseError,
                         tr("The cluster's kubeconfig is not valid base64."));
        return decoded.decoded;
    }
    return Error(Error::Code::NotFound, tr("The cluster credentials hold no kubeconfig."));
}

Result<CloudKubeconfigEntry> parseUserKubeconfig(const QByteArray &yaml)
{
    if (yaml.size() > MaxKubeconfigBytes)
        return tooLarge(tr("The cluster's kubeconfig"), MaxKubeconfigBytes);
    // Orrery's kubeconfig loader reads files (it resolves paths against the file's folder):
    // hand it a private temporary one.
    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/orrery-aks-XXXXXX.yaml"));
    if (!file.open() || file.write(yaml) != yaml.size() || !file.flush())
        return Error(Error::Code::FileError,
                     tr("Could not write a temporary file for the cluster's kubeconfig."));
    file.close();
    const Kubeconfig config = Kubeconfig::loadFiles({file.fileName()});
    QString contextName = config.currentContext();
    if (contextName.isEmpty() && !config.contextNames().isEmpty())
        contextName = config.contextNames().constFirst();
    const auto context = config.context(contextName);
    if (!context) {
        Error e(Error::Code::ParseError, tr("The cluster's kubeconfig has no context."));
        if (!config.errors().isEmpty())
            e.hint = config.errors().constFirst().message.left(300);
        return e;
    }
    const auto cluster = config.cluster(context->clusterName);
    const auto user = config.user(context->userName);
    if (!cluster || !user || cluster->server.isEmpty())
        return Error(Error::Code::ParseError,
                     tr("The cluster's kubeconfig has no cluster or user for context %1.")
                         .arg(contextName.left(200)));
    CloudKubeconfigEntry entry;
    entry.cluster = *cluster;
    entry.user = *user;
    entry.context = *context;
    // Where they came from is a file that no longer exists.
    entry.cluster.source = {};
    entry.user.source = {};
    entry.context.source = {};
    return entry;
}

TokenClaims claims(const QByteArray &jwt)
{
    TokenClaims c;
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3 || parts.at(1).size() > 64 * 1024)
        return c;
    const auto payload = QByteArray::fromBase64Encoding(
        parts.at(1), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!payload)
        return c;
    const JsonRead::Json j = JsonRead::parse(payload.decoded);
    c.principal = JsonRead::string(
                      j, "upn",
                      JsonRead::string(j, "unique_name",
                                       JsonRead::string(j, "appid", JsonRead::string(j, "oid"))))
                      .left(256);
    c.tenant = JsonRead::string(j, "tid").left(64);
    c.objectId = JsonRead::string(j, "oid").left(64);
    if (const auto exp = JsonRead::optionalInteger(j, {"exp"});
        exp && *exp > 0 && *exp < 32503680000)
        c.expires = QDateTime::fromSecsSinceEpoch(*exp, Qt::UTC);
    return c;
}

} // namespace AzureJson

} // namespace Orrery
