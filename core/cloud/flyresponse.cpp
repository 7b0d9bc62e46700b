// SPDX-License-Identifier: GPL-3.0-or-later
#include "flyresponse.h"

#include "util/jsonread.h"

#include <QCoreApplication>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace Orrery {

bool FlyMachine::hasCriticalCheck() const
{
    return std::any_of(checks.cbegin(), checks.cend(),
                       [](const FlyCheck &c) { return c.status == QLatin1String("critical"); });
}

bool FlyMachine::healthy() const
{
    if (hasCriticalCheck())
        return false;
    return state != QLatin1String("failed");
}

} // namespace Orrery

namespace Orrery::FlyResponse {

namespace {

using Json = JsonRead::Json;

QString tr(const char *text)
{
    return QCoreApplication::translate("FlyResponse", text);
}

Error notJson(const QString &expected)
{
    return Error(Error::Code::ParseError, tr("Fly.io's answer is not %1").arg(expected));
}

// RFC 3339 ("2026-12-07T08:55:00Z", with or without fractional seconds) to UTC.
QDateTime parseTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QDateTime fromMillis(qint64 ms)
{
    if (ms <= 0 || ms > 253402300799000LL)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// GraphQL's `data`, or the first error.
Result<Json> graphqlData(QByteArrayView body)
{
    const Json j = JsonRead::parse(body);
    if (!j.is_object())
        return notJson(tr("a GraphQL answer"));
    const Json &errors = JsonRead::array(j, "errors");
    const Json &data = JsonRead::object(j, "data");
    if (!errors.empty() && data.empty()) {
        const Json &first = errors.front();
        const QString message = JsonRead::string(first, "message").left(1000);
        const QString code = JsonRead::string(first, {"extensions", "code"});
        Error e(code == QLatin1String("UNAUTHORIZED") ? Error::Code::AuthError
                : code == QLatin1String("NOT_FOUND")  ? Error::Code::NotFound
                                                      : Error::Code::ServerError,
                message.isEmpty() ? tr("Fly.io's GraphQL API answered with an error") : message);
        return e;
    }
    if (!j.contains("data"))
        return notJson(tr("a GraphQL answer"));
    return data;
}

FlyAppInfo appFrom(const Json &j)
{
    FlyAppInfo a;
    a.name = JsonRead::string(j, "name").left(200);
    a.status = JsonRead::string(j, "status").left(100);
    a.orgSlug = JsonRead::string(j, {"organization", "slug"}).left(200);
    a.orgName = JsonRead::string(j, {"organization", "name"}).left(200);
    if (const auto n = JsonRead::optionalInteger(j, {"machine_count"}))
        a.machineCount = static_cast<int>(std::clamp<qint64>(*n, 0, 1000000));
    return a;
}

FlyRelease releaseFrom(const Json &j)
{
    FlyRelease r;
    r.id = JsonRead::string(j, "id").left(200);
    r.version = static_cast<int>(std::clamp<qint64>(JsonRead::integer(j, "version"), 0, 1 << 30));
    r.status = JsonRead::string(j, "status").left(100);
    r.description = JsonRead::string(j, "description").left(1000);
    r.reason = JsonRead::string(j, "reason").left(200);
    r.imageRef = JsonRead::string(j, "imageRef").left(1000);
    r.user = JsonRead::string(j, {"user", "email"}).left(200);
    r.stable = JsonRead::boolean(j, "stable");
    r.createdAt = parseTime(JsonRead::string(j, "createdAt"));
    return r;
}

// Fly's machine ids are short hex strings; anything else (empty, or with the ':' of the
// topology's own ids) is not a machine.
bool validId(const QString &id)
{
    return !id.isEmpty() && std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
               || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
               || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_')
               || c == QLatin1Char('-');
    });
}

QString versionLabel(const QString &version)
{
    return version.isEmpty() ? QString() : QLatin1Char('v') + version;
}

} // namespace

QString imageFromRef(const Json &ref)
{
    const QString registry = JsonRead::string(ref, "registry");
    const QString repository = JsonRead::string(ref, "repository");
    const QString tag = JsonRead::string(ref, "tag");
    const QString digest = JsonRead::string(ref, "digest");
    if (repository.isEmpty())
        return {};
    QString image = registry.isEmpty() ? repository : registry + QLatin1Char('/') + repository;
    if (!tag.isEmpty())
        image += QLatin1Char(':') + tag;
    else if (!digest.isEmpty())
        image += QLatin1Char('@') + digest;
    return image.left(1000);
}

FlyMachine machineFrom(const Json &j)
{
    FlyMachine m;
    m.id = JsonRead::string(j, "id").left(100);
    m.name = JsonRead::string(j, "name").left(200);
    m.state = JsonRead::string(j, "state").left(50);
    m.region = JsonRead::string(j, "region").left(20);
    m.instanceId = JsonRead::string(j, "instance_id").left(100);
    m.privateIp = JsonRead::string(j, "private_ip").left(100);
    m.createdAt = parseTime(JsonRead::string(j, "created_at"));
    m.updatedAt = parseTime(JsonRead::string(j, "updated_at"));
    const Json &config = JsonRead::object(j, "config");
    m.config = config;
    m.image = JsonRead::string(config, "image").left(1000);
    if (m.image.isEmpty())
        m.image = imageFromRef(JsonRead::object(j, "image_ref"));
    m.revision = JsonRead::string(JsonRead::object(JsonRead::object(j, "image_ref"), "labels"),
                                  "org.opencontainers.image.revision")
                     .left(100);
    const Json &metadata = JsonRead::object(config, "metadata");
    m.processGroup = JsonRead::string(metadata, "fly_process_group").left(100);
    if (m.processGroup.isEmpty())
        m.processGroup = QStringLiteral("app");
    m.releaseVersion = JsonRead::string(metadata, "fly_release_version").left(20);
    m.releaseId = JsonRead::string(metadata, "fly_release_id").left(100);
    for (const Json &c : JsonRead::array(j, "checks")) {
        if (m.checks.size() >= MaxChecks)
            break;
        if (!c.is_object())
            continue;
        m.checks.append({JsonRead::string(c, "name").left(200),
                         JsonRead::string(c, "status").left(50),
                         JsonRead::string(c, "output").left(2000)});
    }
    for (const Json &e : JsonRead::array(j, "events")) {
        if (m.events.size() >= MaxEvents)
            break;
        if (!e.is_object())
            continue;
        FlyMachineEvent ev;
        ev.type = JsonRead::string(e, "type").left(50);
        ev.status = JsonRead::string(e, "status").left(50);
        ev.source = JsonRead::string(e, "source").left(50);
        ev.at = fromMillis(JsonRead::integer(e, "timestamp"));
        if (const auto code = JsonRead::optionalInteger(e, {"request", "exit_event", "exit_code"}))
            ev.exitCode = static_cast<int>(std::clamp<qint64>(*code, -1, 255));
        m.events.append(ev);
    }
    return m;
}

Result<QList<FlyAppInfo>> apps(QByteArrayView body)
{
    const Json j = JsonRead::parse(body);
    if (!j.is_object())
        return notJson(tr("a list of apps"));
    QList<FlyAppInfo> out;
    QSet<QString> seen;
    for (const Json &a : JsonRead::array(j, "apps")) {
        if (out.size() >= MaxApps)
            break;
        FlyAppInfo info = appFrom(a);
        if (info.name.isEmpty() || seen.contains(info.name))
            continue;
        seen.insert(info.name);
        out.append(info);
    }
    return out;
}

Result<FlyAppInfo> app(QByteArrayView body)
{
    const Json j = JsonRead::parse(body);
    if (!j.is_object())
        return notJson(tr("an app"));
    FlyAppInfo info = appFrom(j);
    if (info.name.isEmpty())
        return notJson(tr("an app"));
    return info;
}

Result<QList<FlyMachine>> machines(QByteArrayView body)
{
    const Json j = JsonRead::parse(body);
    if (!j.is_array())
        return notJson(tr("a list of machines"));
    QList<FlyMachine> out;
    QSet<QString> seen;
    for (const Json &m : j) {
        if (out.size() >= MaxMachines)
            break;
        if (!m.is_object())
            continue;
        FlyMachine machine = machineFrom(m);
        if (!validId(machine.id) || seen.contains(machine.id))
            continue;
        seen.insert(machine.id);
        out.append(std::move(machine));
    }
    return out;
}

Result<FlyMachine> machine(QByteArrayView body)
{
    const Json j = JsonRead::parse(body);
    if (!j.is_object())
        return notJson(tr("a machine"));
    FlyMachine m = machineFrom(j);
    if (!validId(m.id))
        return notJson(tr("a machine"));
    return m;
}

Result<FlyViewer> viewer(QByteArrayView body)
{
    const Result<Json> data = graphqlData(body);
    if (!data)
        return data.error();
    FlyViewer v;
    v.email = JsonRead::string(data.value(), {"viewer", "email"}).left(320);
    v.name = JsonRead::string(data.value(), {"viewer", "name"}).left(200);
    QSet<QString> seen;
    for (const Json &o : JsonRead::array(data.value(), {"organizations", "nodes"})) {
        if (v.organizations.size() >= MaxOrganizations)
            break;
        FlyOrganization org{JsonRead::string(o, "slug").left(200),
                            JsonRead::string(o, "name").left(200),
                            JsonRead::string(o, "type").left(50)};
        if (org.slug.isEmpty() || seen.contains(org.slug))
            continue;
        seen.insert(org.slug);
        v.organizations.append(org);
    }
    return v;
}

Result<FlyAppDetails> appDetails(QByteArrayView body)
{
    const Result<Json> data = graphqlData(body);
    if (!data)
        return data.error();
    const Json &app = JsonRead::object(data.value(), "app");
    if (app.empty())
        return Error(Error::Code::NotFound, tr("Fly.io has no such app"));
    FlyAppDetails d;
    d.name = JsonRead::string(app, "name").left(200);
    d.status = JsonRead::string(app, "status").left(100);
    d.hostname = JsonRead::string(app, "hostname").left(300);
    d.orgSlug = JsonRead::string(app, {"organization", "slug"}).left(200);
    for (const Json &s : JsonRead::array(app, "secrets")) {
        if (d.secrets.size() >= MaxSecrets)
            break;
        const QString name = JsonRead::string(s, "name").left(200);
        if (!name.isEmpty() && !d.secrets.contains(name))
            d.secrets.append(name);
    }
    // flyctl asks `releases: releasesUnprocessed(first: N)`; either key is read.
    const Json *connection = JsonRead::find(app, "releases");
    if (!connection || !connection->is_object())
        connection = &JsonRead::object(app, "releasesUnprocessed");
    QSet<QString> seen;
    for (const Json &r : JsonRead::array(*connection, "nodes")) {
        if (d.releases.size() >= MaxReleases)
            break;
        if (!r.is_object())
            continue;
        FlyRelease release = releaseFrom(r);
        const QString key = release.id.isEmpty() ? QString::number(release.version) : release.id;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        d.releases.append(release);
    }
    std::stable_sort(
        d.releases.begin(), d.releases.end(),
        [](const FlyRelease &a, const FlyRelease &b) { return a.version > b.version; });
    return d;
}

QString errorMessage(QByteArrayView body)
{
    const Json j = JsonRead::parse(body.size() > 64 * 1024 ? body.first(64 * 1024) : body);
    if (!j.is_object())
        return {};
    QString message = JsonRead::string(j, "error");
    if (message.isEmpty()) {
        const Json &errors = JsonRead::array(j, "errors");
        if (!errors.empty())
            message = JsonRead::string(errors.front(), "message");
    }
    return message.left(1000);
}

QString attachmentKind(const QString &secretName)
{
    const QString s = secretName.toUpper();
    if (s == QLatin1String("DATABASE_URL") || s.endsWith(QLatin1String("_DATABASE_URL"))
        || s == QLatin1String("POSTGRES_URL"))
        return QStringLiteral("Postgres");
    if (s == QLatin1String("REDIS_URL") || s.endsWith(QLatin1String("_REDIS_URL")))
        return QStringLiteral("Redis");
    return {};
}

AppTopology topology(const QString &appRef, const QString &appName, const QString &appStatus,
                     const QList<FlyMachine> &machines, const FlyAppDetails &details)
{
    AppTopology t;
    t.provider = QStringLiteral("fly");
    t.ref = appRef;

    // Groups, their machines sorted by region then name.
    QMap<QString, QList<const FlyMachine *>> groups;
    QSet<QString> machineIds;
    for (const FlyMachine &m : machines)
        if (m.state != QLatin1String("destroyed") && validId(m.id) && !machineIds.contains(m.id)) {
            machineIds.insert(m.id);
            groups[m.processGroup].append(&m);
        }

    int newestRunning = 0;
    for (const FlyMachine &m : machines)
        newestRunning = std::max(newestRunning, m.releaseVersion.toInt());

    AppNode app;
    app.kind = AppNode::Kind::App;
    app.id = QStringLiteral("app:") + appName;
    app.name = appName;
    app.status = appStatus.isEmpty() ? details.status : appStatus;
    app.release = newestRunning > 0 ? versionLabel(QString::number(newestRunning)) : QString();
    if (!details.hostname.isEmpty())
        app.checks.append(details.hostname);
    const int appIndex = t.nodes.size();
    t.nodes.append(app);

    bool allHealthy = true;
    QMap<QString, int> regionCount;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        QList<const FlyMachine *> list = it.value();
        std::sort(list.begin(), list.end(), [](const FlyMachine *a, const FlyMachine *b) {
            return std::tie(a->region, a->name, a->id) < std::tie(b->region, b->name, b->id);
        });
        AppNode group;
        group.kind = AppNode::Kind::Group;
        group.id = QStringLiteral("group:") + it.key();
        group.parentId = app.id;
        group.name = it.key();
        QStringList regions;
        QStringList images;
        QStringList revisions;
        QStringList versions;
        int started = 0;
        for (const FlyMachine *m : list) {
            if (!regions.contains(m->region))
                regions.append(m->region);
            if (!images.contains(m->image))
                images.append(m->image);
            if (!revisions.contains(m->revision))
                revisions.append(m->revision);
            const QString v = versionLabel(m->releaseVersion);
            if (!v.isEmpty() && !versions.contains(v))
                versions.append(v);
            started += m->state == QLatin1String("started");
            group.healthy = group.healthy && m->healthy();
            regionCount[m->region] += 1;
            if (m->updatedAt > group.updatedAt)
                group.updatedAt = m->updatedAt;
        }
        group.status = QCoreApplication::translate("FlyResponse", "%n machine(s), %1 started",
                                                   nullptr, list.size())
                           .arg(started);
        group.region = regions.join(QLatin1String(", "));
        group.image = images.size() == 1 ? images.first() : QString();
        group.revision
            = images.size() == 1 && revisions.size() == 1 ? revisions.first() : QString();
        std::sort(versions.begin(), versions.end());
        group.release = versions.join(QLatin1String(", "));
        allHealthy = allHealthy && group.healthy;
        t.nodes.append(group);
        for (const FlyMachine *m : list) {
            AppNode n;
            n.kind = AppNode::Kind::Instance;
            n.id = m->id;
            n.parentId = group.id;
            n.name = m->name.isEmpty() ? m->id : m->name;
            n.status = m->state;
            n.healthy = m->healthy();
            n.region = m->region;
            n.image = m->image;
            n.revision = m->revision;
            n.release = versionLabel(m->releaseVersion);
            n.updatedAt = m->updatedAt;
            for (const FlyCheck &c : m->checks)
                n.checks.append(c.name + QStringLiteral(": ") + c.status);
            t.nodes.append(n);
        }
    }
    t.nodes[appIndex].healthy = allHealthy;
    // The primary region: where most machines run.
    int most = 0;
    for (auto it = regionCount.cbegin(); it != regionCount.cend(); ++it)
        if (it.value() > most) {
            most = it.value();
            t.nodes[appIndex].region = it.key();
        }

    QSet<QString> secrets;
    for (const QString &secret : details.secrets) {
        const QString kind = attachmentKind(secret);
        if (kind.isEmpty() || secrets.contains(secret))
            continue;
        secrets.insert(secret);
        AppNode a;
        a.kind = AppNode::Kind::Attachment;
        a.id = QStringLiteral("attachment:") + secret;
        a.parentId = t.nodes[appIndex].id;
        a.name = kind;
        a.status = QStringLiteral("attached");
        a.checks.append(QCoreApplication::translate("FlyResponse", "secret %1").arg(secret));
        t.nodes.append(a);
        for (auto it = groups.cbegin(); it != groups.cend(); ++it)
            t.links.append({QStringLiteral("group:") + it.key(), a.id, secret});
    }

    bool currentFound = false;
    for (const FlyRelease &r : details.releases) {
        AppRelease release;
        release.id = r.id;
        release.version = versionLabel(QString::number(r.version));
        release.status = r.status;
        release.image = r.imageRef;
        release.description = r.description;
        release.createdAt = r.createdAt;
        release.current = !currentFound && r.version == newestRunning && newestRunning > 0;
        currentFound = currentFound || release.current;
        t.releases.append(release);
    }
    return t;
}

} // namespace Orrery::FlyResponse
