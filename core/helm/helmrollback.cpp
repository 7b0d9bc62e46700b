// SPDX-License-Identifier: GPL-3.0-or-later
#include "helmrollback.h"

#include "helmcodec.h"
#include "helmreleases.h"
#include "kube/actions/jsonutil.h"
#include "kube/actions/resourcepath.h"
#include "kube/actions/serversideapply.h"
#include "kube/actions/yamljson.h"

#include <QCoreApplication>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::HelmRollback", text);
}

struct ObjectKey
{
    QString group;
    QString kind;
    QString ns;
    QString name;
    bool operator==(const ObjectKey &) const = default;
};

// Helm matches resources by group, kind, namespace and name (isMatchingInfo), not version.
ObjectKey keyOf(const PlannedWrite &w)
{
    const QString group = w.apiVersion.contains(QLatin1Char('/'))
                              ? w.apiVersion.section(QLatin1Char('/'), 0, 0)
                              : QString();
    return {group, w.kind, w.ns, w.name};
}

Result<QList<PlannedWrite>> manifestApplies(const HelmRelease &release,
                                            const QList<ApiResource> &discovered,
                                            bool dryRun = false)
{
    auto docs = YamlJson::parseDocuments(release.manifest.toUtf8(), release.secretName());
    if (!docs)
        return docs.error();
    ServerSideApply::Options options;
    options.force = true;
    options.dryRun = dryRun;
    options.defaultNamespace = release.ns;
    QList<PlannedWrite> writes;
    for (const YamlDocument &doc : *docs) {
        nlohmann::json obj = doc.value;
        // Helm's setMetadataVisitor: ownership marks that let a later `helm upgrade` adopt them.
        // Only into objects: a document of another shape (the manifest is outside data) is left
        // for planObject to refuse, as writing into it would throw.
        if (!JsonUtil::name(obj).isEmpty()) {
            nlohmann::json &meta = obj["metadata"];
            for (const char *map : {"labels", "annotations"})
                if (!meta[map].is_object())
                    meta[map] = nlohmann::json::object();
            meta["labels"]["app.kubernetes.io/managed-by"] = "Helm";
            meta["annotations"]["meta.helm.sh/release-name"] = release.name.toStdString();
            meta["annotations"]["meta.helm.sh/release-namespace"] = release.ns.toStdString();
        }
        auto w = ServerSideApply::planObject(obj, options, discovered);
        if (!w) {
            Error e = w.error();
            e.file = release.secretName();
            e.line = doc.line;
            return e;
        }
        writes.append(std::move(*w));
    }
    return writes;
}

// The resource of a planned write, from its path: …/namespaces/NS/RESOURCE/NAME or …/RESOURCE/NAME.
AccessCheck accessFor(const PlannedWrite &w, const QString &verb)
{
    const QStringList parts = w.request.path.section(QLatin1Char('?'), 0, 0)
                                  .split(QLatin1Char('/'), Qt::SkipEmptyParts);
    AccessCheck c;
    c.verb = verb;
    c.group = w.apiVersion.contains(QLatin1Char('/')) ? w.apiVersion.section(QLatin1Char('/'), 0, 0)
                                                      : QString();
    c.resource
        = parts.size() >= 2 ? parts.at(parts.size() - 2) : w.kind.toLower() + QLatin1Char('s');
    c.namespaceName = w.ns;
    return c;
}

bool sameCheck(const AccessCheck &a, const AccessCheck &b)
{
    return a.verb == b.verb && a.group == b.group && a.resource == b.resource
           && a.namespaceName == b.namespaceName && a.subresource == b.subresource
           && a.name == b.name;
}

void addCheck(QList<AccessCheck> &checks, const AccessCheck &c)
{
    if (std::none_of(checks.begin(), checks.end(),
                     [&](const AccessCheck &o) { return sameCheck(o, c); }))
        checks.append(c);
}

} // namespace

QList<AccessCheck> HelmRollback::requiredAccess(const HelmRelease &current,
                                                const HelmRelease &target,
                                                const QList<ApiResource> &discovered)
{
    QList<AccessCheck> checks;
    for (const char *verb : {"get", "create", "update", "delete"}) {
        AccessCheck c;
        c.verb = QString::fromLatin1(verb);
        c.resource = QStringLiteral("secrets");
        c.namespaceName = current.ns;
        addCheck(checks, c);
    }
    HelmRelease into = target;
    into.ns = current.ns;
    const auto applies = manifestApplies(into, discovered);
    const auto existing = manifestApplies(current, discovered);
    if (applies) {
        for (const PlannedWrite &w : *applies) {
            addCheck(checks, accessFor(w, QStringLiteral("patch")));
            addCheck(checks, accessFor(w, QStringLiteral("create")));
        }
    }
    if (applies && existing) {
        for (const PlannedWrite &old : *existing) {
            const ObjectKey key = keyOf(old);
            if (std::none_of(applies->begin(), applies->end(),
                             [&](const PlannedWrite &w) { return keyOf(w) == key; })) {
                // Read first: the live object's helm.sh/resource-policy decides
                // (HelmRollbackOperation).
                addCheck(checks, accessFor(old, QStringLiteral("get")));
                addCheck(checks, accessFor(old, QStringLiteral("delete")));
            }
        }
    }
    return checks;
}

PlannedWrite HelmRollback::secretWrite(const HelmRelease &release, const QDateTime &now,
                                       bool create)
{
    PlannedWrite w;
    w.verb = create ? QStringLiteral("create") : QStringLiteral("update");
    w.apiVersion = QStringLiteral("v1");
    w.kind = QStringLiteral("Secret");
    w.ns = release.ns;
    w.name = release.secretName();
    const nlohmann::json secret = HelmCodec::toSecret(release, now, create);
    w.body = secret;
    w.request.method = create ? "POST" : "PUT";
    w.request.path
        = create ? ResourcePath::path(QStringLiteral("v1"), QStringLiteral("secrets"), release.ns)
                 : ResourcePath::path(QStringLiteral("v1"), QStringLiteral("secrets"), release.ns,
                                      w.name);
    w.request.contentType = "application/json";
    w.request.body = JsonUtil::dumpBytes(secret);
    w.description = tr("Record revision %1 of Helm release %2 as %3")
                        .arg(release.version)
                        .arg(release.name, release.status);
    return w;
}

Result<HelmRollbackPlan> HelmRollback::plan(const nlohmann::json &secrets, const QString &release,
                                            int version, const QDateTime &now,
                                            const QList<ApiResource> &discovered)
{
    if (version < 0)
        return Error(Error::Code::InvalidArgument, tr("invalid release revision"));
    const HelmReleases releases = HelmReleases::fromSecrets(secrets);
    const QList<HelmRelease> history = releases.history(release);
    if (history.isEmpty())
        return Error(Error::Code::NotFound, tr("release: not found"), release);

    HelmRollbackPlan plan;
    plan.release = release;
    plan.current = history.last();
    plan.ns = plan.current.ns;
    plan.targetVersion = version == 0 ? plan.current.version - 1 : version;
    auto target = releases.revision(release, plan.targetVersion);
    if (!target)
        return Error(Error::Code::NotFound,
                     tr("release has no %1 version").arg(plan.targetVersion));

    for (const HelmRelease &r : history)
        if (r.status == QLatin1String("deployed"))
            plan.deployed.append(r);

    // The new revision: chart, config, manifest, hooks, notes and labels from the target;
    // first_deployed from the current one (prepareRollback).
    HelmRelease pending = *target;
    pending.raw = target->raw;
    pending.version = plan.current.version + 1;
    pending.ns = plan.current.ns;
    pending.firstDeployed = plan.current.firstDeployed;
    pending.lastDeployed = now.toUTC();
    pending.status = QStringLiteral("pending-rollback");
    pending.description = QStringLiteral("Rollback to %1").arg(plan.targetVersion);
    if (!pending.raw["info"].is_object())
        pending.raw["info"] = nlohmann::json::object();
    pending.raw["info"]["deleted"] = "";
    plan.pending = pending;

    plan.recordPending.append(secretWrite(pending, now, true));

    auto applies = manifestApplies(pending, discovered);
    if (!applies)
        return applies.error();
    plan.applies = *applies;
    auto dryRuns = manifestApplies(pending, discovered, true);
    if (!dryRuns)
        return dryRuns.error();
    plan.dryRunApplies = *dryRuns;
    auto currentObjects = manifestApplies(plan.current, discovered);
    if (!currentObjects)
        return currentObjects.error();
    for (const PlannedWrite &old : *currentObjects) {
        const ObjectKey key = keyOf(old);
        const bool kept = std::any_of(plan.applies.begin(), plan.applies.end(),
                                      [&](const PlannedWrite &w) { return keyOf(w) == key; });
        if (kept)
            continue;
        PlannedWrite del = old;
        del.verb = QStringLiteral("delete");
        del.request.method = "DELETE";
        del.request.path = del.request.path.section(QLatin1Char('?'), 0, 0);
        del.body = {
            {"kind", "DeleteOptions"}, {"apiVersion", "v1"}, {"propagationPolicy", "Background"}};
        del.request.body = JsonUtil::dumpBytes(del.body);
        del.request.contentType = "application/json";
        del.description = tr("Delete %1 %2 (not in revision %3), unless it is annotated "
                             "helm.sh/resource-policy: keep")
                              .arg(del.kind, del.name)
                              .arg(plan.targetVersion);
        plan.deletes.append(std::move(del));
    }
    return plan;
}

QList<PlannedWrite> HelmRollbackPlan::markDeployed(const QDateTime &now) const
{
    QList<PlannedWrite> writes;
    HelmRelease done = pending;
    done.status = QStringLiteral("deployed");
    writes.append(HelmRollback::secretWrite(done, now, false));
    for (HelmRelease old : deployed) {
        old.status = QStringLiteral("superseded");
        writes.append(HelmRollback::secretWrite(old, now, false));
    }
    return writes;
}

QList<PlannedWrite> HelmRollbackPlan::markFailed(const QString &reason, const QDateTime &now) const
{
    HelmRelease previous = current;
    previous.status = QStringLiteral("superseded");
    HelmRelease failed = pending;
    failed.status = QStringLiteral("failed");
    failed.description = QStringLiteral("Rollback \"%1\" failed: %2").arg(release, reason);
    return {HelmRollback::secretWrite(previous, now, false),
            HelmRollback::secretWrite(failed, now, false)};
}

} // namespace Orrery
