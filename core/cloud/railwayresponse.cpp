// SPDX-License-Identifier: GPL-3.0-or-later
#include "railwayresponse.h"

#include "util/jsonread.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <map>

namespace Orrery::RailwayResponse {

namespace {

using Json = nlohmann::json;

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::RailwayResponse", text);
}

QString cut(const QString &s)
{
    return s.left(MaxString);
}

QString str(const Json &j, std::string_view key)
{
    return cut(JsonRead::string(j, key));
}

QDateTime time(const Json &j, std::string_view key)
{
    const QString t = JsonRead::string(j, key).left(64);
    QDateTime d = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!d.isValid())
        d = QDateTime::fromString(t, Qt::ISODate);
    return d.isValid() ? d.toUTC() : QDateTime();
}

// The nodes of a connection ({edges: [{node}]}), at most MaxItems, each an object.
QList<const Json *> nodes(const Json &connection)
{
    QList<const Json *> out;
    for (const Json &edge : JsonRead::array(connection, "edges")) {
        if (out.size() >= MaxItems)
            break;
        const Json *node = JsonRead::find(edge, "node");
        if (node && node->is_object())
            out.append(node);
    }
    return out;
}

QString tagOf(const QString &image)
{
    const int at = image.indexOf(QLatin1Char('@'));
    if (at >= 0)
        return image.mid(at + 1, 19);
    const int colon = image.lastIndexOf(QLatin1Char(':'));
    const int slash = image.lastIndexOf(QLatin1Char('/'));
    return colon > slash ? image.mid(colon + 1) : QString();
}

} // namespace

Result<Json> data(int httpStatus, const QByteArray &body, const QString &what)
{
    const Json answer = JsonRead::parse(body);
    Error e;
    e.context = what;
    e.httpStatus = httpStatus;
    if (answer.is_discarded() || !answer.is_object()) {
        if (httpStatus == 429) {
            e.code = Error::Code::TooManyRequests;
            e.message = tr("Railway is rate limiting this token (HTTP 429)");
        } else if (httpStatus >= 500) {
            e.code = Error::Code::ServerError;
            e.message = tr("Railway answered HTTP %1").arg(httpStatus);
        } else if (httpStatus == 401 || httpStatus == 403) {
            e.code = Error::Code::AuthError;
            e.message = tr("Railway refused the token (HTTP %1)").arg(httpStatus);
        } else {
            e.code = Error::Code::ParseError;
            e.message = tr("HTTP %1: Railway's answer is not a GraphQL answer").arg(httpStatus);
        }
        return e;
    }
    const Json &errors = JsonRead::array(answer, "errors");
    if (!errors.empty()) {
        const Json &first = errors.front();
        const QString message
            = first.is_string() ? cut(JsonRead::toString(first)) : str(first, "message");
        const QString code = cut(JsonRead::string(first, {"extensions", "code"}));
        e.message = message.isEmpty() ? tr("Railway answered with an error") : message;
        // Railway says "Not Authorized" for both; the code, when there is one, tells a token
        // that is not valid from one without access to what was asked.
        if (code == QLatin1String("FORBIDDEN") || httpStatus == 403) {
            e.code = Error::Code::Forbidden;
            e.hint = tr("the token does not give access to this project or environment");
        } else if (message.contains(QLatin1String("not authorized"), Qt::CaseInsensitive)
                   || code == QLatin1String("UNAUTHENTICATED") || httpStatus == 401) {
            e.code = Error::Code::AuthError;
            e.hint = tr("check RAILWAY_API_TOKEN / RAILWAY_TOKEN, or run `railway login`");
        } else if (code == QLatin1String("NOT_FOUND")) {
            e.code = Error::Code::NotFound;
        } else if (httpStatus == 429) {
            e.code = Error::Code::TooManyRequests;
        } else if (httpStatus >= 500) {
            e.code = Error::Code::ServerError;
        } else if (httpStatus == 400 || code.startsWith(QLatin1String("GRAPHQL_"))) {
            e.code = Error::Code::InvalidArgument;
        } else if (code == QLatin1String("BAD_USER_INPUT")) {
            e.code = Error::Code::Conflict;
        } else {
            e.code = Error::Code::Unknown;
        }
        return e;
    }
    const Json *d = JsonRead::find(answer, "data");
    if (!d || !d->is_object()) {
        e.code = httpStatus >= 500 ? Error::Code::ServerError : Error::Code::ParseError;
        e.message = tr("HTTP %1: Railway's answer has no data").arg(httpStatus);
        return e;
    }
    if (httpStatus < 200 || httpStatus >= 300) {
        e.code = httpStatus >= 500 ? Error::Code::ServerError : Error::Code::Unknown;
        e.message = tr("Railway answered HTTP %1").arg(httpStatus);
        return e;
    }
    return *d;
}

Result<RailwayUser> user(const Json &data)
{
    const Json &me = JsonRead::object(data, "me");
    RailwayUser u;
    u.id = str(me, "id");
    u.name = str(me, "name");
    u.email = str(me, "email");
    if (u.id.isEmpty())
        return Error(Error::Code::ParseError, tr("Railway's answer names no user"));
    QSet<QString> seen;
    for (const Json &w : JsonRead::array(me, "workspaces")) {
        if (u.workspaces.size() >= MaxItems)
            break;
        const QString id = str(w, "id");
        if (id.isEmpty() || seen.contains(id))
            continue;
        seen.insert(id);
        u.workspaces.append({id, str(w, "name")});
    }
    return u;
}

Result<RailwayProjectToken> projectToken(const Json &data)
{
    const Json &t = JsonRead::object(data, "projectToken");
    RailwayProjectToken out;
    out.projectId = str(t, "projectId");
    out.environmentId = str(t, "environmentId");
    out.projectName = cut(JsonRead::string(t, {"project", "name"}));
    out.environmentName = cut(JsonRead::string(t, {"environment", "name"}));
    if (out.projectId.isEmpty() || out.environmentId.isEmpty())
        return Error(Error::Code::ParseError, tr("Railway's answer names no project token"));
    return out;
}

RailwayDeployment deploymentNode(const Json &node)
{
    RailwayDeployment d;
    d.id = str(node, "id");
    d.status = str(node, "status");
    d.serviceId = str(node, "serviceId");
    d.environmentId = str(node, "environmentId");
    const Json &meta = JsonRead::object(node, "meta");
    d.image = str(meta, "image");
    d.reason = str(meta, "reason");
    d.message = str(meta, "commitMessage");
    d.commitHash = str(meta, "commitHash").left(100);
    d.staticUrl = str(node, "staticUrl");
    d.createdAt = time(node, "createdAt");
    d.statusUpdatedAt = time(node, "statusUpdatedAt");
    d.canRollback = JsonRead::boolean(node, "canRollback");
    d.canRedeploy = JsonRead::boolean(node, "canRedeploy");
    return d;
}

RailwayProject projectNode(const Json &node)
{
    RailwayProject p;
    p.id = str(node, "id");
    p.name = str(node, "name");
    p.workspaceId = str(node, "workspaceId");
    QSet<QString> seenEnvironments;
    for (const Json *e : nodes(JsonRead::object(node, "environments"))) {
        RailwayEnvironment env;
        env.id = str(*e, "id");
        env.name = str(*e, "name");
        if (env.id.isEmpty() || seenEnvironments.contains(env.id))
            continue;
        seenEnvironments.insert(env.id);
        QSet<QString> seenServices;
        for (const Json *i : nodes(JsonRead::object(*e, "serviceInstances"))) {
            RailwayServiceInstance inst;
            inst.id = str(*i, "id");
            inst.serviceId = str(*i, "serviceId");
            inst.serviceName = str(*i, "serviceName");
            inst.environmentId = env.id;
            inst.region = str(*i, "region");
            inst.healthcheckPath = str(*i, "healthcheckPath");
            inst.sourceImage = cut(JsonRead::string(*i, {"source", "image"}));
            inst.sourceRepo = cut(JsonRead::string(*i, {"source", "repo"}));
            inst.replicas
                = int(std::clamp<qint64>(JsonRead::integer(*i, "numReplicas", 1), 0, 100000));
            const Json *latest = JsonRead::find(*i, "latestDeployment");
            if (latest && latest->is_object())
                inst.latest = deploymentNode(*latest);
            if (inst.serviceId.isEmpty() || seenServices.contains(inst.serviceId))
                continue;
            seenServices.insert(inst.serviceId);
            env.instances.append(inst);
        }
        p.environments.append(env);
    }
    QSet<QString> seenServices;
    for (const Json *s : nodes(JsonRead::object(node, "services"))) {
        RailwayServiceInfo info{str(*s, "id"), str(*s, "name"), str(*s, "icon")};
        if (info.id.isEmpty() || seenServices.contains(info.id))
            continue;
        seenServices.insert(info.id);
        p.services.append(info);
    }
    return p;
}

Result<RailwayProjectsPage> projects(const Json &data)
{
    const Json *connection = JsonRead::find(data, "projects");
    if (!connection || !connection->is_object())
        return Error(Error::Code::ParseError, tr("Railway's answer has no projects"));
    RailwayProjectsPage page;
    QSet<QString> seen;
    for (const Json *n : nodes(*connection)) {
        RailwayProject p = projectNode(*n);
        if (p.id.isEmpty() || seen.contains(p.id))
            continue;
        seen.insert(p.id);
        page.projects.append(std::move(p));
    }
    page.hasNextPage = JsonRead::boolean(*connection, {"pageInfo", "hasNextPage"});
    page.endCursor = cut(JsonRead::string(*connection, {"pageInfo", "endCursor"}));
    if (page.endCursor.isEmpty())
        page.hasNextPage = false; // nothing to continue from: stop rather than loop
    return page;
}

Result<RailwayProject> project(const Json &data)
{
    const Json *node = JsonRead::find(data, "project");
    if (!node || !node->is_object())
        return Error(Error::Code::ParseError, tr("Railway's answer has no project"));
    RailwayProject p = projectNode(*node);
    if (p.id.isEmpty())
        return Error(Error::Code::ParseError, tr("Railway's answer has no project"));
    return p;
}

Result<QList<RailwayDeployment>> deployments(const Json &data)
{
    const Json *connection = JsonRead::find(data, "deployments");
    if (!connection || !connection->is_object())
        return Error(Error::Code::ParseError, tr("Railway's answer has no deployments"));
    QList<RailwayDeployment> out;
    QSet<QString> seen;
    for (const Json *n : nodes(*connection)) {
        RailwayDeployment d = deploymentNode(*n);
        if (d.id.isEmpty() || seen.contains(d.id))
            continue;
        seen.insert(d.id);
        out.append(std::move(d));
    }
    // Newest first, whatever order they came in (ties: by id, so the order is stable).
    std::stable_sort(out.begin(), out.end(),
                     [](const RailwayDeployment &a, const RailwayDeployment &b) {
                         if (a.createdAt != b.createdAt)
                             return a.createdAt > b.createdAt;
                         return a.id > b.id;
                     });
    return out;
}

Result<RailwayServiceInstance> serviceInstance(const Json &data)
{
    const Json *i = JsonRead::find(data, "serviceInstance");
    if (!i || !i->is_object())
        return Error(Error::Code::ParseError, tr("Railway's answer has no service instance"));
    RailwayServiceInstance inst;
    inst.id = str(*i, "id");
    inst.serviceId = str(*i, "serviceId");
    inst.serviceName = str(*i, "serviceName");
    inst.environmentId = str(*i, "environmentId");
    inst.region = str(*i, "region");
    const Json *latest = JsonRead::find(*i, "latestDeployment");
    if (latest && latest->is_object())
        inst.latest = deploymentNode(*latest);
    return inst;
}

Result<bool> mutationFlag(const Json &data, const char *field)
{
    const Json *v = JsonRead::find(data, field);
    if (!v || !v->is_boolean())
        return Error(Error::Code::ParseError,
                     tr("Railway's answer to %1 is not a Boolean").arg(QLatin1String(field)));
    return *v == Json(true); // a Boolean, checked above
}

Result<QString> redeployedId(const Json &data)
{
    const QString id = cut(JsonRead::string(data, {"deploymentRedeploy", "id"}));
    if (id.isEmpty())
        return Error(Error::Code::ParseError,
                     tr("Railway's answer to deploymentRedeploy has no deployment"));
    return id;
}

bool isDatabase(const QString &image, const QString &icon, const QString &name)
{
    static const char *const engines[] = {"postgres", "mysql", "redis", "mongo", "mariadb"};
    const QString repo = image.section(QLatin1Char(':'), 0, 0).section(QLatin1Char('@'), 0, 0);
    for (const char *engine : engines) {
        const QLatin1String e(engine);
        if (repo.section(QLatin1Char('/'), -1).startsWith(e, Qt::CaseInsensitive)
            || icon.startsWith(e, Qt::CaseInsensitive)
            || (repo.isEmpty() && name.startsWith(e, Qt::CaseInsensitive)))
            return true;
    }
    return false;
}

bool isHealthy(const QString &status)
{
    static const QSet<QString> unhealthy{QStringLiteral("CRASHED"), QStringLiteral("FAILED"),
                                         QStringLiteral("REMOVED"), QStringLiteral("SKIPPED")};
    return !unhealthy.contains(status);
}

AppTopology topology(const RailwayProject &project, const QString &environmentId,
                     const QList<RailwayDeployment> &deployments, const QString &ref)
{
    AppTopology t;
    t.provider = QStringLiteral("railway");
    t.ref = ref;
    const RailwayEnvironment *env = nullptr;
    for (const RailwayEnvironment &e : project.environments)
        if (e.id == environmentId)
            env = &e;
    if (!env)
        return t;
    std::map<QString, QString> icons;
    for (const RailwayServiceInfo &s : project.services)
        icons[s.id] = s.icon;

    AppNode app;
    app.kind = AppNode::Kind::App;
    app.id = env->id;
    app.name = project.name + QStringLiteral(" / ") + env->name;
    app.status = QStringLiteral("SUCCESS");
    std::map<QString, int> regions;

    // The deployments of this environment, per service (newest first, as given).
    std::map<QString, QList<const RailwayDeployment *>> byService;
    for (const RailwayDeployment &d : deployments)
        if (d.environmentId.isEmpty() || d.environmentId == env->id)
            byService[d.serviceId].append(&d);

    QSet<QString> current; // per service: the deployment it runs
    QSet<QString> nodeIds{app.id};
    QList<AppNode> nodes;
    for (const RailwayServiceInstance &inst : env->instances) {
        const QString icon = icons.count(inst.serviceId) ? icons[inst.serviceId] : QString();
        const RailwayDeployment *latest = inst.latest ? &*inst.latest : nullptr;
        const QList<const RailwayDeployment *> &history = byService[inst.serviceId];
        if (!latest && !history.isEmpty())
            latest = history.first();
        // The one it runs: the newest that went live and was not replaced since.
        const RailwayDeployment *running = nullptr;
        for (const RailwayDeployment *d : history)
            if (d->status == QLatin1String("SUCCESS") || d->status == QLatin1String("CRASHED")
                || d->status == QLatin1String("SLEEPING")) {
                running = d;
                break;
            }
        if (!running && latest && latest->status != QLatin1String("REMOVED")
            && latest->status != QLatin1String("FAILED"))
            running = latest;
        if (running)
            current.insert(running->id);

        AppNode group;
        const QString image = latest && !latest->image.isEmpty() ? latest->image : inst.sourceImage;
        group.kind = isDatabase(image, icon, inst.serviceName) ? AppNode::Kind::Attachment
                                                               : AppNode::Kind::Group;
        group.id = inst.serviceId;
        group.parentId = env->id;
        group.name = inst.serviceName;
        // A failed build does not replace what runs: the service's state is the running one's.
        const RailwayDeployment *shown = running ? running : latest;
        group.status = shown ? shown->status : QStringLiteral("NO DEPLOYMENT");
        group.healthy = shown && isHealthy(shown->status);
        group.region = inst.region;
        group.image = shown && !shown->image.isEmpty() ? shown->image : image;
        group.revision = shown && !shown->image.isEmpty() ? shown->commitHash : QString();
        // What the view prints on the box: the image tag, else the deployment's short id.
        group.release = !shown                          ? QString()
                        : tagOf(shown->image).isEmpty() ? shown->id.left(8)
                                                        : tagOf(shown->image);
        group.updatedAt = shown ? shown->statusUpdatedAt : QDateTime();
        if (!inst.healthcheckPath.isEmpty())
            group.checks << tr("http %1: %2")
                                .arg(inst.healthcheckPath,
                                     shown && shown->status == QLatin1String("SUCCESS")
                                         ? tr("passing")
                                         : tr("failing"));
        if (!inst.region.isEmpty())
            ++regions[inst.region];
        if (nodeIds.contains(group.id))
            continue;
        nodeIds.insert(group.id);
        if (!group.healthy && app.healthy) {
            app.healthy = false;
            app.status = group.status; // the first service in trouble says the app's state
        }
        nodes.append(group);

        // Its deployments that still exist (not REMOVED): what runs and what tried to.
        int shownDeployments = 0;
        for (const RailwayDeployment *d : history) {
            if (d->status == QLatin1String("REMOVED") || nodeIds.contains(d->id)
                || shownDeployments >= 5)
                continue;
            ++shownDeployments;
            AppNode instance;
            instance.kind = AppNode::Kind::Instance;
            instance.id = d->id;
            instance.parentId = inst.serviceId;
            const QString tag = tagOf(d->image);
            instance.name = tag.isEmpty() ? d->id.left(8) : d->id.left(8) + QLatin1Char(' ') + tag;
            instance.status = d->status;
            instance.healthy = isHealthy(d->status);
            instance.region = inst.region;
            instance.image = d->image;
            instance.revision = d->commitHash;
            instance.release = tag.isEmpty() ? d->id.left(8) : tag;
            instance.updatedAt = d->statusUpdatedAt.isValid() ? d->statusUpdatedAt : d->createdAt;
            nodeIds.insert(d->id);
            nodes.append(instance);
        }
    }
    int best = 0;
    for (const auto &[region, count] : regions)
        if (count > best) {
            best = count;
            app.region = region;
        }
    t.nodes.append(app);
    t.nodes.append(nodes);

    std::map<QString, QString> serviceNames;
    for (const RailwayServiceInstance &inst : env->instances)
        serviceNames[inst.serviceId] = inst.serviceName;
    for (const RailwayDeployment &d : deployments) {
        if (t.releases.size() >= MaxItems)
            break;
        if (!d.environmentId.isEmpty() && d.environmentId != env->id)
            continue;
        AppRelease r;
        r.id = d.id;
        r.version = tagOf(d.image);
        r.status = d.status;
        r.image = d.image;
        const QString service
            = serviceNames.count(d.serviceId) ? serviceNames[d.serviceId] : d.serviceId;
        QStringList words{service};
        if (!d.reason.isEmpty())
            words << d.reason;
        if (!d.message.isEmpty())
            words << d.message;
        r.description = words.join(QStringLiteral(" · "));
        r.createdAt = d.createdAt;
        r.current = current.contains(d.id);
        t.releases.append(r);
    }
    return t;
}

} // namespace Orrery::RailwayResponse
