// SPDX-License-Identifier: GPL-3.0-or-later
#include "applyoperation.h"

#include "kube/actions/writeexecutor.h"
#include "kube/httptransport.h"
#include "util/async.h"
#include "util/jsonread.h"
#include "util/jsontoyaml.h"
#include "util/linediff.h"
#include "util/redaction.h"

#include <QFile>
#include <QSet>

#include <memory>
#include <tuple>

namespace Orrery {

namespace {

// The 1-based document of a multi-document YAML text that holds `line`: YAML syntax errors
// only know the line, and users count documents.
int documentAt(const QByteArray &yaml, int line)
{
    const QList<QByteArray> lines = yaml.split('\n');
    int document = 1;
    bool content = false; // a "---" before any content opens the first document
    for (int i = 0; i < lines.size() && i < line - 1; ++i) {
        const QByteArray l = lines[i].trimmed();
        if (l.startsWith("---")) {
            if (content)
                ++document;
            content = false;
        } else if (!l.isEmpty() && !l.startsWith('#')) {
            content = true;
        }
    }
    return document;
}

QString planError(const Error &e)
{
    QString where = e.file;
    if (!e.context.isEmpty())
        where += QLatin1String(", ") + e.context;
    if (e.line > 0)
        where += QLatin1String(", ") + ApplyOperation::tr("line %1").arg(e.line);
    return ApplyOperation::tr("%1: %2").arg(where, e.message);
}

// What the diff compares: the object without what the server alone writes and that would
// change on every apply (managedFields, versions, identity, status).
nlohmann::json forDiff(nlohmann::json object)
{
    if (!object.is_object())
        return object;
    object.erase("status");
    if (object.contains("metadata") && object["metadata"].is_object()) {
        auto &m = object["metadata"];
        for (const char *key : {"managedFields", "resourceVersion", "generation", "uid",
                                "creationTimestamp", "selfLink"})
            m.erase(key);
    }
    return object;
}

bool isWorkload(const QString &kind)
{
    return kind == QLatin1String("Deployment") || kind == QLatin1String("StatefulSet")
           || kind == QLatin1String("DaemonSet");
}

nlohmann::json templateOf(const nlohmann::json &object)
{
    const nlohmann::json *t = JsonRead::find(object, {"spec", "template"});
    return t ? *t : nlohmann::json();
}

} // namespace

ApplyOperation::ApplyOperation(HttpTransport *transport, QList<Source> sources,
                               QString defaultNamespace, QList<ApiResource> discovered,
                               QObject *parent)
    : ClusterOperation(transport, OperationTarget{}, parent)
    , m_sources(std::move(sources))
    , m_defaultNamespace(std::move(defaultNamespace))
    , m_discovered(std::move(discovered))
{
    setObject(nlohmann::json::object()); // nothing to read first: the sources are the input
}

QString ApplyOperation::objectTitle(const PlannedWrite &w)
{
    return w.ns.isEmpty() ? w.kind + QLatin1Char(' ') + w.name
                          : w.kind + QLatin1Char(' ') + w.ns + QLatin1Char('/') + w.name;
}

namespace {

// Every source planned in order; the first error names the source, document and line.
Result<QList<PlannedWrite>> planSources(const QList<ApplyOperation::Source> &sources,
                                        const QString &defaultNamespace,
                                        const QList<ApiResource> &discovered, bool force,
                                        bool dryRun)
{
    ServerSideApply::Options options;
    options.force = force;
    options.dryRun = dryRun;
    if (!defaultNamespace.isEmpty())
        options.defaultNamespace = defaultNamespace;
    QList<PlannedWrite> all;
    for (const ApplyOperation::Source &s : sources) {
        Result<QList<PlannedWrite>> w = ServerSideApply::plan(s.yaml, options, discovered, s.name);
        if (!w.ok()) {
            Error e = w.error();
            if (e.file.isEmpty())
                e.file = s.name;
            if (e.context.isEmpty() && e.line > 0)
                e.context = ApplyOperation::tr("document %1").arg(documentAt(s.yaml, e.line));
            return e;
        }
        all += w.value();
    }
    return all;
}

} // namespace

Result<ApplyOperation::Plans> ApplyOperation::planAll(const QList<Source> &sources,
                                                      const QString &defaultNamespace,
                                                      const QList<ApiResource> &discovered)
{
    Plans plans;
    for (const auto &[force, dryRun, out] :
         {std::tuple{false, false, &plans.writes}, std::tuple{true, false, &plans.forceWrites},
          std::tuple{false, true, &plans.dryWrites},
          std::tuple{true, true, &plans.forceDryWrites}}) {
        Result<QList<PlannedWrite>> planned
            = planSources(sources, defaultNamespace, discovered, force, dryRun);
        if (!planned.ok())
            return planned.error();
        *out = std::move(planned.value());
    }
    return plans;
}

QString ApplyOperation::planFailure(const Error &error)
{
    return tr("The manifests cannot be applied; nothing was sent.") + QLatin1Char('\n')
           + planError(error);
}

void ApplyOperation::prepare(Done done)
{
    m_prepared = false;
    Async::run(
        this,
        [sources = m_sources, defaultNamespace = m_defaultNamespace, discovered = m_discovered] {
            return planAll(sources, defaultNamespace, discovered);
        },
        [this, done](const Result<Plans> &plans) {
            if (!plans.ok()) {
                done(plans.error());
                return;
            }
            m_writes = plans->writes;
            m_forceWrites = plans->forceWrites;
            m_dryWrites = plans->dryWrites;
            m_forceDryWrites = plans->forceDryWrites;
            m_prepared = true;
            done({});
        });
}

QList<AccessCheck> ApplyOperation::requiredAccess() const
{
    QList<AccessCheck> checks;
    for (const PlannedWrite &w : m_writes) {
        const auto mapping = ServerSideApply::mapping(w.apiVersion, w.kind, m_discovered);
        AccessCheck c;
        c.verb = QStringLiteral("patch");
        c.group = mapping ? mapping->group : QString();
        c.resource = mapping ? mapping->resource : w.kind.toLower() + QLatin1Char('s');
        c.namespaceName = w.ns;
        c.name = w.name;
        checks << c;
    }
    return checks;
}

QList<ApplyOperation::ObjectPreview>
ApplyOperation::denied(const QList<AccessResult> &results) const
{
    QList<ObjectPreview> out;
    for (int i = 0; i < results.size() && i < m_writes.size(); ++i) {
        const AccessResult &r = results[i];
        if (r.error || r.allowed)
            continue; // a review that cannot be made lets the server decide
        const AccessCheck &c = r.check;
        QString text
            = c.namespaceName.isEmpty()
                  ? tr("Not allowed: you may not patch %1 on this cluster.").arg(c.resource)
                  : tr("Not allowed: you may not patch %1 in namespace %2.")
                        .arg(c.resource, c.namespaceName);
        if (!r.reason.isEmpty())
            text += QLatin1Char(' ') + tr("The server says: %1").arg(r.reason);
        out << ObjectPreview{objectTitle(m_writes[i]), text, text, true, false};
    }
    return out;
}

void ApplyOperation::preview(WriteExecutor *writer,
                             std::function<void(const Result<QString> &)> done)
{
    const int count = int(m_writes.size());
    if (!m_prepared || m_dryWrites.size() != count) {
        done(Error(Error::Code::InvalidArgument, tr("The dry run could not be planned.")));
        return;
    }
    struct Pending
    {
        QList<std::optional<QByteArray>> live;
        QList<std::optional<Result<ApiResponse>>> dry;
        int answers = 0;
    };
    auto pending = std::make_shared<Pending>();
    pending->live.resize(count);
    pending->dry.resize(count);
    const QList<PlannedWrite> dryWrites = m_dryWrites;
    auto finish = [this, pending, count, dryWrites, done] {
        if (++pending->answers < 2 * count)
            return;
        // The comparison decodes and renders every object: on the worker, not here.
        runOnWorker(
            transport(), this,
            [this, pending, count, dryWrites, done, who = user(),
             planned = m_writes]() -> std::function<void()> {
                QList<ObjectPreview> previews;
                QList<bool> track;
                int changed = 0;
                for (int i = 0; i < count; ++i) {
                    const PlannedWrite &w = planned[i];
                    const Result<ApiResponse> &r = *pending->dry[i];
                    ObjectPreview p;
                    p.title = objectTitle(w);
                    bool follow = false;
                    if (r.ok() && r->isSuccess()) {
                        const nlohmann::json after = JsonRead::parse(r->body);
                        const nlohmann::json live = pending->live[i]
                                                        ? JsonRead::parse(*pending->live[i])
                                                        : nlohmann::json();
                        // Secret values are compared here and never shown: one marker
                        // per key (<unchanged>, <changed>, <added>, <removed>).
                        const auto [shownLive, shownAfter]
                            = Redaction::hideSecretValuesForDiff(forDiff(live), forDiff(after));
                        const QString before
                            = live.is_null() ? QString() : QString::fromUtf8(jsonToYaml(shownLive));
                        p.details = LineDiff::unified(
                            before, QString::fromUtf8(jsonToYaml(shownAfter)),
                            live.is_null() ? tr("(new object)") : tr("live"), tr("after apply"));
                        if (live.is_null()) {
                            p.status = tr("new object");
                            ++changed;
                        } else if (p.details.isEmpty()) {
                            p.status = tr("unchanged");
                            p.details = tr("The server reports no change for this object.");
                        } else {
                            p.status = tr("changed");
                            ++changed;
                        }
                        follow = isWorkload(w.kind)
                                 && (live.is_null() || templateOf(live) != templateOf(after));
                    } else if (const auto conflict
                               = r.ok() ? ServerSideApply::explainConflict(*r) : std::nullopt) {
                        // Not blocking: Apply gives way to "Force (take ownership)".
                        p.status = tr("conflict");
                        p.details = conflict->text;
                        p.conflict = true;
                        ++changed;
                        follow = isWorkload(w.kind);
                    } else {
                        p.status = tr("refused by the server");
                        p.details = explainFailure(dryWrites[i], r, who);
                        p.blocking = true;
                    }
                    previews << p;
                    track << follow;
                }
                return [this, previews, track, changed, count, done] {
                    m_previews = previews;
                    m_trackRollout = track;
                    done(tr("%n object(s) checked by the server (dry run), %1 to create "
                            "or change.",
                            nullptr, count)
                             .arg(changed));
                };
            });
    };
    for (int i = 0; i < count; ++i) {
        const PlannedWrite &w = dryWrites[i];
        const QString path = w.request.path.section(QLatin1Char('?'), 0, 0);
        transport()->send(ApiRequest::get(path), this,
                          [pending, i, finish](const Result<ApiResponse> &r) {
                              if (r.ok() && r->isSuccess())
                                  pending->live[i] = r->body;
                              finish();
                          });
        // Audited like every write, as a dry run.
        writer->send(w, this, [pending, i, finish](const Result<ApiResponse> &r) {
            pending->dry[i] = r;
            finish();
        });
    }
}

QString ApplyOperation::conflicts() const
{
    QStringList lines;
    for (const ObjectPreview &p : m_previews)
        if (p.conflict)
            lines << tr("%1: %2").arg(p.title, p.details);
    return lines.join(QLatin1Char('\n'));
}

QList<ApplyOperation::Source> ApplyOperation::readSources(const QString &pasted,
                                                          const QStringList &files, QString *error)
{
    QList<Source> out;
    if (!pasted.trimmed().isEmpty())
        out << Source{tr("pasted YAML"), pasted.toUtf8()};
    for (const QString &path : files) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            if (error)
                *error = tr("Cannot read %1: %2").arg(path, f.errorString());
            return {};
        }
        out << Source{path, f.readAll()};
    }
    if (out.isEmpty() && error)
        *error = tr("Nothing to apply: paste YAML or add files.");
    return out;
}

ApplyOperation::Verdict ApplyOperation::verdict(const QList<ObjectPreview> &objects)
{
    Verdict v;
    v.blocked = objects.isEmpty();
    QStringList conflicts;
    int others = 0;
    for (const ObjectPreview &o : objects) {
        v.blocked = v.blocked || o.blocking;
        if (o.conflict)
            conflicts << tr("%1: %2").arg(o.title, o.details);
        else
            ++others;
    }
    v.conflicted = !conflicts.isEmpty();
    if (!v.conflicted)
        return v;
    v.conflictText
        = tr("Conflicts with another field manager in %n object(s): the server would "
             "refuse the apply.",
             nullptr, int(conflicts.size()))
          + QLatin1Char('\n') + conflicts.join(QLatin1Char('\n')) + QLatin1Char('\n')
          + (v.blocked
                 ? tr("Nothing can be applied until the refused objects are fixed.")
                 : tr("Apply is disabled: it would apply %n other object(s) and then fail on the "
                      "conflicts. Force (take ownership) applies all %1 objects and makes orrery "
                      "the "
                      "manager of the conflicting fields, with the values of these manifests; or "
                      "edit "
                      "the manifests (drop those fields, or set them to the live values) and "
                      "check again.",
                      nullptr, others)
                       .arg(objects.size()));
    return v;
}

QStringList ApplyOperation::summary() const
{
    const QStringList lines = ClusterOperation::summary();
    if (!m_force)
        return lines;
    return QStringList{tr("Force: take over the fields other managers own."), m_forceReason}
           + lines;
}

ClusterOperation::Scope ApplyOperation::scope() const
{
    QSet<QString> namespaces;
    QStringList titles;
    for (const PlannedWrite &w : writes()) {
        if (!w.ns.isEmpty())
            namespaces.insert(w.ns);
        titles << objectTitle(w);
    }
    QStringList nsList = namespaces.values();
    nsList.sort();
    if (writes().size() == 1)
        return {nsList.join(QLatin1String(", ")), writes().first().kind, writes().first().name};
    return {nsList.join(QLatin1String(", ")), tr("%n object(s)", nullptr, int(writes().size())),
            titles.join(QLatin1String(", "))};
}

QString ApplyOperation::progressText() const
{
    const int count = int(writes().size());
    return tr("%1\u2026")
        .arg(m_force ? tr("Force apply of %n object(s)", nullptr, count)
                     : tr("Apply of %n object(s)", nullptr, count));
}

QString ApplyOperation::title() const
{
    return m_force ? tr("Force apply manifests") : tr("Apply manifests");
}

QString ApplyOperation::actionLabel() const
{
    return m_force ? tr("Force apply") : tr("Apply");
}

QString ApplyOperation::failureTitle() const
{
    return tr("The apply failed");
}

Result<QList<PlannedWrite>> ApplyOperation::plan(bool dryRun) const
{
    if (!m_prepared)
        return Error(Error::Code::InvalidArgument,
                     tr("The manifests cannot be applied; nothing was sent."));
    if (dryRun)
        return m_force ? m_forceDryWrites : m_dryWrites;
    return m_force ? m_forceWrites : m_writes;
}

QString ApplyOperation::details() const
{
    QStringList details;
    const QList<PlannedWrite> &w = writes();
    for (int i = 0; i < w.size(); ++i) {
        const ObjectPreview p = m_previews.value(i);
        details << QStringLiteral("### %1 (%2)").arg(objectTitle(w[i]), p.status) << p.details
                << QString();
    }
    return details.join(QLatin1Char('\n'));
}

void ApplyOperation::run(WriteExecutor *writer)
{
    const int count = int(writes().size());
    runWrites(writer, writes(),
              m_force ? tr("Force apply of %n object(s)", nullptr, count)
                      : tr("Apply of %n object(s)", nullptr, count));
}

std::optional<ApplyConflict> ApplyOperation::conflict() const
{
    const auto &failure = report().failure;
    if (failure && failure->second.ok())
        return ServerSideApply::explainConflict(*failure->second);
    return std::nullopt;
}

QList<OperationTarget> ApplyOperation::rollouts() const
{
    QList<OperationTarget> out;
    const QList<PlannedWrite> &applied = writes();
    for (int i = 0; i < applied.size(); ++i) {
        if (!m_trackRollout.value(i))
            continue;
        if (const std::optional<Kind> kind = kindFromName(applied[i].kind))
            out << OperationTarget{*kind, applied[i].ns, applied[i].name};
    }
    return out;
}

} // namespace Orrery
