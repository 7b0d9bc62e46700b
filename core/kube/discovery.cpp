// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery.h"

#include "curlworker.h"
#include "httptransport.h"
#include "util/jsonread.h"

#include <QPointer>
#include <QSet>

#include <nlohmann/json.hpp>

namespace Orrery {

using json = nlohmann::json;

QString ApiResource::basePath() const
{
    if (group.isEmpty())
        return QStringLiteral("/api/") + version;
    return QStringLiteral("/apis/") + group + QLatin1Char('/') + version;
}

QString ApiResource::collectionPath(const QString &ns) const
{
    if (namespaced && !ns.isEmpty())
        return basePath() + QStringLiteral("/namespaces/") + ns + QLatin1Char('/') + name;
    return basePath() + QLatin1Char('/') + name;
}

QString ApiResource::objectPath(const QString &ns, const QString &objectName) const
{
    return collectionPath(ns) + QLatin1Char('/') + objectName;
}

std::optional<ApiResource> ApiDiscovery::resource(Kind kind) const
{
    return m_kinds[std::size_t(kind)];
}

std::optional<ApiResource> ApiDiscovery::find(const QString &group, const QString &kind) const
{
    for (const ApiResource &r : resources)
        if (r.group == group && r.kind == kind && !r.name.contains(QLatin1Char('/')))
            return r;
    return std::nullopt;
}

std::optional<Error> ApiDiscovery::kindError(Kind kind) const
{
    return m_kindErrors[std::size_t(kind)];
}

void ApiDiscovery::resolveKinds()
{
    for (Kind kind : allKinds()) {
        const KindInfo &info = kindInfo(kind);
        const QString group = QString::fromLatin1(info.group);
        m_kinds[std::size_t(kind)].reset();
        m_kindErrors[std::size_t(kind)].reset();
        for (std::size_t i = 0; i < info.versions.size() && info.versions[i]; ++i) {
            const QString version = QString::fromLatin1(info.versions[i]);
            for (const ApiResource &r : std::as_const(resources)) {
                if (r.group == group && r.version == version
                    && r.name == QLatin1String(info.resource)) {
                    m_kinds[std::size_t(kind)] = r;
                    break;
                }
            }
            if (m_kinds[std::size_t(kind)]) {
                if (i > 0) {
                    warnings << QStringLiteral("%1/%2 is not served; using %3 for %4")
                                    .arg(group, QLatin1String(info.versions[0]),
                                         m_kinds[std::size_t(kind)]->groupVersion(),
                                         QLatin1String(info.resource));
                }
                break;
            }
        }
        if (!m_kinds[std::size_t(kind)]) {
            QStringList tried;
            for (const char *v : info.versions)
                if (v)
                    tried << (group.isEmpty() ? QString::fromLatin1(v)
                                              : group + QLatin1Char('/') + QLatin1String(v));
            Error e(Error::Code::Unsupported,
                    QStringLiteral("the server does not serve %1 (%2)")
                        .arg(QLatin1String(info.resource), tried.join(QLatin1String(", "))),
                    QString::fromLatin1(info.name));
            e.hint = QStringLiteral("this kind is not shown for this cluster");
            m_kindErrors[std::size_t(kind)] = e;
        }
    }
}

Result<QList<ApiResource>> ApiDiscovery::parseResourceList(const QByteArray &body)
{
    const json j = JsonRead::parse(body);
    const json *resources = JsonRead::find(j, "resources");
    if (!resources || !resources->is_array())
        return Error(Error::Code::ParseError, QStringLiteral("not an APIResourceList"));
    const QString gv = JsonRead::string(j, "groupVersion");
    QString group, version = gv;
    if (gv.contains(QLatin1Char('/'))) {
        group = gv.section(QLatin1Char('/'), 0, 0);
        version = gv.section(QLatin1Char('/'), 1);
    }
    QList<ApiResource> out;
    for (const json &r : *resources) {
        if (!r.is_object())
            continue;
        ApiResource res;
        res.group = group;
        res.version = version;
        res.name = JsonRead::string(r, "name");
        res.kind = JsonRead::string(r, "kind");
        res.namespaced = JsonRead::boolean(r, "namespaced");
        res.verbs = JsonRead::stringList(r, {"verbs"});
        res.shortNames = JsonRead::stringList(r, {"shortNames"});
        out.append(res);
    }
    return out;
}

namespace {

// The state of one discovery run; lives on the worker thread.
struct DiscoveryRun
{
    Internal::CurlWorker *worker;
    HttpTransport *transport;
    QPointer<QObject> context;
    ApiDiscovery::Handler handler;
    QStringList extra;
    ApiDiscovery result;
    int pending = 0;
    bool failed = false;

    void deliver(Result<ApiDiscovery> r)
    {
        auto ctx = context;
        auto h = handler;
        QMetaObject::invokeMethod(
            transport,
            [ctx, h, r = std::move(r)] {
                if (ctx)
                    h(r);
            },
            Qt::QueuedConnection);
    }

    void get(const QString &path, std::function<void(Result<ApiResponse> &&)> done)
    {
        Internal::CurlJob job;
        job.request = ApiRequest::get(path);
        job.request.timeoutMs = 15000;
        job.onDone = std::move(done);
        worker->submit(std::move(job));
    }
};

} // namespace

void ApiDiscovery::discover(HttpTransport *transport, QObject *context, Handler handler,
                            QStringList extraGroupVersions)
{
    auto run = std::make_shared<DiscoveryRun>();
    run->worker = transport->worker();
    run->transport = transport;
    run->context = context;
    run->handler = std::move(handler);
    run->extra = std::move(extraGroupVersions);

    transport->worker()->post([run] {
        run->get(QStringLiteral("/version"), [run](Result<ApiResponse> &&r) {
            if (r.ok() && r->isSuccess()) {
                run->result.serverVersion
                    = JsonRead::string(JsonRead::parse(r->body), "gitVersion");
            }
            run->get(QStringLiteral("/api"), [run](Result<ApiResponse> &&apiResponse) {
                Result<QByteArray> body
                    = bodyOrError(apiResponse, QStringLiteral("API discovery (/api)"));
                if (!body.ok()) {
                    run->deliver(body.error());
                    return;
                }
                const json j = JsonRead::parse(*body);
                if (!j.is_object()) {
                    run->deliver(Error(Error::Code::ParseError,
                                       QStringLiteral("/api did not return APIVersions JSON"),
                                       QStringLiteral("API discovery")));
                    return;
                }
                run->result.groupVersions = JsonRead::stringList(j, {"versions"});
                run->get(QStringLiteral("/apis"), [run](Result<ApiResponse> &&apisResponse) {
                    Result<QByteArray> groupsBody
                        = bodyOrError(apisResponse, QStringLiteral("API discovery (/apis)"));
                    if (!groupsBody.ok()) {
                        run->deliver(groupsBody.error());
                        return;
                    }
                    const json groups = JsonRead::parse(*groupsBody);
                    for (const json &g : JsonRead::array(groups, "groups")) {
                        for (const json &v : JsonRead::array(g, "versions")) {
                            const QString gv = JsonRead::string(v, "groupVersion");
                            if (!gv.isEmpty())
                                run->result.groupVersions << gv;
                        }
                    }
                    // Fetch only the group-versions the store can use (kubectl fetches all;
                    // a desktop client keeps discovery short), plus any asked for.
                    QStringList wanted = run->extra;
                    for (Kind kind : allKinds()) {
                        const KindInfo &info = kindInfo(kind);
                        for (const char *v : info.versions) {
                            if (!v)
                                continue;
                            const QString gv = *info.group
                                                   ? QLatin1String(info.group) + QLatin1Char('/')
                                                         + QLatin1String(v)
                                                   : QString::fromLatin1(v);
                            if (run->result.groupVersions.contains(gv) && !wanted.contains(gv)) {
                                wanted << gv;
                                break; // the preferred version the server has
                            }
                        }
                    }
                    run->pending = int(wanted.size());
                    if (wanted.isEmpty()) {
                        run->result.resolveKinds();
                        run->deliver(run->result);
                        return;
                    }
                    for (const QString &gv : std::as_const(wanted)) {
                        const QString path = gv.contains(QLatin1Char('/'))
                                                 ? QStringLiteral("/apis/") + gv
                                                 : QStringLiteral("/api/") + gv;
                        run->get(path, [run, gv](Result<ApiResponse> &&groupResponse) {
                            Result<QByteArray> resourcesBody = bodyOrError(groupResponse, gv);
                            if (resourcesBody.ok()) {
                                Result<QList<ApiResource>> list
                                    = ApiDiscovery::parseResourceList(*resourcesBody);
                                if (list.ok())
                                    run->result.resources += *list;
                                else
                                    run->result.warnings
                                        << gv + QStringLiteral(": ") + list.error().message;
                            } else {
                                // A broken aggregated API (metrics-server down) must not
                                // stop the rest: the kinds it holds report Unsupported.
                                run->result.warnings << resourcesBody.error().toString();
                            }
                            if (--run->pending == 0) {
                                run->result.resolveKinds();
                                run->deliver(run->result);
                            }
                        });
                    }
                });
            });
        });
    });
}

} // namespace Orrery
