// SPDX-License-Identifier: GPL-3.0-or-later
#include "gcpresponse.h"

#include "kube/apirequest.h"
#include "util/jsonread.h"
#include "util/limits.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace Orrery {

namespace {

using Json = JsonRead::Json;

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::GcpResponse", text);
}

Error tooLarge(qint64 limit, const QString &what)
{
    return Error(Error::Code::TooLarge,
                 tr("%1 is larger than %2.").arg(what, Limits::byteSize(limit)));
}

// The JSON object of a body, or the Error saying why there is none.
Result<Json> objectOf(QByteArrayView body, qint64 limit, const QString &what)
{
    if (body.size() > limit)
        return tooLarge(limit, what);
    Json j = JsonRead::parse(body);
    if (!j.is_object())
        return Error(Error::Code::ParseError, tr("%1 is not a JSON object.").arg(what));
    return j;
}

// A bounded string: outside text that ends up in the sidebar or an Error.
QString bounded(const Json &j, const char *key, int max = 1024)
{
    return JsonRead::string(j, key).left(max);
}

GkeClusterInfo clusterOf(const Json &c, const QString &project)
{
    GkeClusterInfo info;
    info.project = project;
    info.name = bounded(c, "name", 100);
    info.location = bounded(c, "location", 100);
    info.zone = bounded(c, "zone", 100);
    info.endpoint = bounded(c, "endpoint", 300);
    info.status = bounded(c, "status", 64);
    info.statusMessage = bounded(c, "statusMessage");
    info.version = bounded(c, "currentMasterVersion", 100);
    info.nodeVersion = bounded(c, "currentNodeVersion", 100);
    info.selfLink = bounded(c, "selfLink", 1000);
    info.nodeCount = static_cast<int>(
        std::clamp<qint64>(JsonRead::integer(c, "currentNodeCount"), 0, 1000000));
    const QString ca = JsonRead::string(c, {"masterAuth", "clusterCaCertificate"});
    if (ca.size() <= 1024 * 1024)
        info.caPem = QByteArray::fromBase64(ca.toLatin1());
    info.dnsEndpoint
        = JsonRead::string(c, {"controlPlaneEndpointsConfig", "dnsEndpointConfig", "endpoint"})
              .left(300);
    const Json *ip = JsonRead::find(c, {"controlPlaneEndpointsConfig", "ipEndpointsConfig"});
    info.ipEndpointsDisabled = ip && ip->is_object() && !JsonRead::boolean(*ip, "enabled", true);
    if (info.location.isEmpty())
        info.location = info.zone;
    return info;
}

} // namespace

QString GcpServiceAccountKey::debugString() const
{
    return QStringLiteral("%1 (key %2, private key %3)")
        .arg(clientEmail, privateKeyId.left(8) + QStringLiteral("…"),
             privateKeyPem.isEmpty() ? QStringLiteral("missing") : QStringLiteral("set"));
}

namespace GcpResponse {

Result<QList<GkeClusterInfo>> parseClusterList(QByteArrayView body, const QString &project,
                                               QStringList *missingZones)
{
    const auto j = objectOf(body, MaxBodyBytes, tr("The GKE cluster list"));
    if (!j)
        return j.error();
    const Json &clusters = JsonRead::array(j.value(), "clusters");
    if (static_cast<qint64>(clusters.size()) > MaxClusters)
        return Error(Error::Code::TooLarge,
                     tr("The GKE cluster list holds more than %1 clusters.").arg(MaxClusters));
    QList<GkeClusterInfo> out;
    QSet<QString> seen;
    for (const Json &c : clusters) {
        if (!c.is_object())
            continue;
        GkeClusterInfo info = clusterOf(c, project);
        if (info.name.isEmpty())
            continue;
        const QString key = info.location + QLatin1Char('/') + info.name;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        out.append(std::move(info));
    }
    std::sort(out.begin(), out.end(), [](const GkeClusterInfo &a, const GkeClusterInfo &b) {
        return std::tie(a.location, a.name) < std::tie(b.location, b.name);
    });
    if (missingZones) {
        *missingZones = JsonRead::stringList(j.value(), {"missingZones"});
        if (missingZones->size() > 1000)
            missingZones->resize(1000);
    }
    return out;
}

Result<GkeClusterInfo> parseCluster(QByteArrayView body, const QString &project)
{
    const auto j = objectOf(body, MaxBodyBytes, tr("The GKE cluster"));
    if (!j)
        return j.error();
    GkeClusterInfo info = clusterOf(j.value(), project);
    if (info.name.isEmpty())
        return Error(Error::Code::ParseError, tr("The GKE cluster has no name."));
    return info;
}

Result<QStringList> parseProjectList(QByteArrayView body, QString *nextPageToken)
{
    const auto j = objectOf(body, MaxBodyBytes, tr("The project list"));
    if (!j)
        return j.error();
    const Json &projects = JsonRead::array(j.value(), "projects");
    if (static_cast<qint64>(projects.size()) > MaxProjects)
        return Error(Error::Code::TooLarge,
                     tr("The project list holds more than %1 projects.").arg(MaxProjects));
    QStringList out;
    for (const Json &p : projects) {
        if (!p.is_object())
            continue;
        const QString id = bounded(p, "projectId", 100);
        const QString state = JsonRead::string(p, "lifecycleState");
        if (id.isEmpty() || (!state.isEmpty() && state != QLatin1String("ACTIVE")))
            continue;
        out.append(id);
    }
    out.sort();
    out.removeDuplicates();
    if (nextPageToken)
        *nextPageToken = bounded(j.value(), "nextPageToken", 4096);
    return out;
}

Result<GcpAccessToken> parseTokenResponse(QByteArrayView body, const QDateTime &now)
{
    const auto j = objectOf(body, 1024 * 1024, tr("The token endpoint's answer"));
    if (!j)
        return j.error();
    GcpAccessToken t;
    t.token = JsonRead::string(j.value(), "access_token").toUtf8();
    if (t.token.isEmpty() || t.token.size() > 16 * 1024)
        return Error(Error::Code::ParseError,
                     tr("The token endpoint's answer has no usable access_token."));
    const QString type = JsonRead::string(j.value(), "token_type");
    if (!type.isEmpty() && type.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0)
        return Error(
            Error::Code::Unsupported,
            tr("The token endpoint gave a %1 token, not a Bearer token.").arg(type.left(32)));
    const auto expiresIn = JsonRead::optionalInteger(j.value(), {"expires_in"});
    if (expiresIn && *expiresIn > 0)
        t.expiresAt = now.toUTC().addSecs(std::min<qint64>(*expiresIn, 366LL * 24 * 3600));
    return t;
}

Result<GcloudConfigHelper> parseConfigHelper(QByteArrayView body)
{
    const auto j = objectOf(body, 1024 * 1024, tr("gcloud config config-helper's output"));
    if (!j)
        return j.error();
    GcloudConfigHelper out;
    out.token.token = JsonRead::string(j.value(), {"credential", "access_token"}).toUtf8();
    if (out.token.token.isEmpty() || out.token.token.size() > 16 * 1024)
        return Error(Error::Code::AuthError, tr("gcloud printed no access token."));
    const QString expiry = JsonRead::string(j.value(), {"credential", "token_expiry"});
    if (!expiry.isEmpty()) {
        QDateTime t = QDateTime::fromString(expiry, Qt::ISODateWithMs);
        if (t.isValid() && t.timeSpec() == Qt::LocalTime)
            t.setTimeSpec(Qt::UTC); // gcloud prints UTC, with or without the Z
        if (t.isValid())
            out.token.expiresAt = t.toUTC();
    }
    const Json &core = JsonRead::object(j.value(), {"configuration", "properties", "core"});
    out.account = bounded(core, "account", 320);
    out.project = bounded(core, "project", 100);
    out.configuration
        = JsonRead::string(j.value(), {"configuration", "active_configuration"}).left(100);
    return out;
}

Result<GcpServiceAccountKey> parseServiceAccountKey(QByteArrayView body)
{
    const auto j = objectOf(body, MaxKeyFileBytes, tr("The service account key file"));
    if (!j)
        return j.error();
    const QString type = JsonRead::string(j.value(), "type");
    if (type != QLatin1String("service_account")) {
        Error e(Error::Code::Unsupported,
                type.isEmpty() ? tr("The key file is not a service account key (it has no type).")
                               : tr("The key file is a %1 credential, not a service account key.")
                                     .arg(type.left(64)));
        e.hint = tr("create a JSON key with gcloud iam service-accounts keys create");
        return e;
    }
    GcpServiceAccountKey key;
    key.projectId = bounded(j.value(), "project_id", 100);
    key.privateKeyId = bounded(j.value(), "private_key_id", 200);
    key.privateKeyPem = JsonRead::string(j.value(), "private_key").toUtf8();
    key.clientEmail = bounded(j.value(), "client_email", 320);
    key.tokenUri = bounded(j.value(), "token_uri", 2000);
    if (key.clientEmail.isEmpty() || key.privateKeyPem.isEmpty())
        return Error(Error::Code::ParseError,
                     tr("The service account key has no client_email or private_key."));
    return key;
}

Error errorOf(int httpStatus, QByteArrayView body, const QString &context)
{
    ApiResponse r;
    r.status = httpStatus;
    Error e = r.toError(context);
    const Json j = body.size() <= 1024 * 1024 ? JsonRead::parse(body) : Json();
    QString message;
    QString status;
    if (const Json *error = JsonRead::find(j, "error"); error && error->is_object()) {
        message = bounded(*error, "message");
        status = bounded(*error, "status", 64);
    } else if (error && error->is_string()) {
        // OAuth 2.0 (RFC 6749 §5.2): {"error": "invalid_grant", "error_description": "..."}.
        status = JsonRead::toString(*error).left(64);
        message = bounded(j, "error_description");
        if (status == QLatin1String("invalid_grant") || status == QLatin1String("invalid_client")
            || status == QLatin1String("unauthorized_client"))
            e.code = Error::Code::AuthError;
    }
    if (!message.isEmpty())
        e.message = status.isEmpty() ? message
                                     : message + QStringLiteral(" (") + status + QLatin1Char(')');
    switch (e.code) {
    case Error::Code::AuthError:
        e.hint = tr("log in again with gcloud auth login, or check the service account key");
        break;
    case Error::Code::Forbidden:
        e.hint = tr(
            "ask for the Kubernetes Engine Cluster Viewer role (roles/container.clusterViewer) "
            "on the project");
        break;
    default: break;
    }
    return e;
}

} // namespace GcpResponse

} // namespace Orrery
