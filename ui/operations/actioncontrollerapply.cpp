// SPDX-License-Identifier: GPL-3.0-or-later
// ActionController's "Apply manifests…" flow: ApplyDialog → plan (ServerSideApply) → permission
// (SelfSubjectAccessReview per object) → server dry run and live GET per object → diff →
// ConfirmDialog → Operation through the audited executor → conflict explained, force after a
// second confirmation → rollout trackers.
#include "actioncontroller.h"

#include "applydialog.h"
#include "failurerecorder.h"
#include "operationspanel.h"
#include "rollouttracker.h"

#include <kube/actions/clusterwriteexecutor.h>
#include <kube/actions/operation.h>
#include <kube/actions/serversideapply.h>
#include <kube/httptransport.h>
#include <util/jsonread.h>
#include <util/jsontoyaml.h>
#include <util/linediff.h>
#include <util/redaction.h>

#include <QMessageBox>
#include <QPushButton>
#include <QSet>

namespace Orrery {

// Everything one check of the dialog produced; the confirmation and the apply use exactly
// this, never a re-read of the dialog.
struct ActionController::ApplyPlan
{
    QPointer<ClusterSession> session;
    QString context;
    QList<ApplyDialog::Source> sources;
    QList<PlannedWrite> writes;      // the real applies
    QList<PlannedWrite> forceWrites; // the same with force=true
    QList<ApplyDialog::ObjectPreview> previews;
    QList<bool> trackRollout; // a workload whose pod template changes
};

namespace {

QString objectTitle(const PlannedWrite &w)
{
    return w.ns.isEmpty() ? w.kind + QLatin1Char(' ') + w.name
                          : w.kind + QLatin1Char(' ') + w.ns + QLatin1Char('/') + w.name;
}

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

// Every source planned in order; the first error names the source, document and line.
Result<QList<PlannedWrite>> planSources(const QList<ApplyDialog::Source> &sources, bool force,
                                        bool dryRun, const QList<ApiResource> &discovered,
                                        const QString &defaultNamespace)
{
    ServerSideApply::Options options;
    options.force = force;
    options.dryRun = dryRun;
    if (!defaultNamespace.isEmpty())
        options.defaultNamespace = defaultNamespace;
    QList<PlannedWrite> all;
    for (const ApplyDialog::Source &s : sources) {
        Result<QList<PlannedWrite>> w = ServerSideApply::plan(s.yaml, options, discovered, s.name);
        if (!w.ok()) {
            Error e = w.error();
            if (e.file.isEmpty())
                e.file = s.name;
            if (e.context.isEmpty() && e.line > 0)
                e.context = ActionController::tr("document %1").arg(documentAt(s.yaml, e.line));
            return e;
        }
        all += w.value();
    }
    return all;
}

QString planError(const Error &e)
{
    QString where = e.file;
    if (!e.context.isEmpty())
        where += QLatin1String(", ") + e.context;
    if (e.line > 0)
        where += QLatin1String(", ") + ActionController::tr("line %1").arg(e.line);
    return ActionController::tr("%1: %2").arg(where, e.message);
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

ApplyDialog *ActionController::applyManifests(const QStringList &files)
{
    if (!m_session) {
        showError(tr("Not connected"),
                  tr("Connect to a context first: there is no cluster to send this to."));
        return nullptr;
    }
    auto *dialog = new ApplyDialog(m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addFiles(files);
    connect(dialog, &ApplyDialog::previewRequested, this, [this, dialog] { previewApply(dialog); });
    connect(dialog, &ApplyDialog::applyRequested, this, [this, dialog] {
        if (auto plan = m_applyPlans.value(dialog); plan && plan->session)
            confirmApply(plan, false, {}, dialog);
    });
    connect(dialog, &ApplyDialog::forceRequested, this, [this, dialog] {
        auto plan = m_applyPlans.value(dialog);
        if (!plan || !plan->session)
            return;
        QStringList conflicts;
        for (const ApplyDialog::ObjectPreview &p : plan->previews)
            if (p.conflict)
                conflicts << tr("%1: %2").arg(p.title, p.details);
        confirmApply(plan, true, conflicts.join(QLatin1Char('\n')), dialog);
    });
    connect(dialog, &QObject::destroyed, this, [this, dialog] { m_applyPlans.remove(dialog); });
    dialog->open();
    return dialog;
}

void ActionController::previewApply(ApplyDialog *dialog)
{
    m_applyPlans.remove(dialog);
    if (!m_session) {
        dialog->showError(tr("Not connected: there is no cluster to check against."));
        return;
    }
    QString readError;
    const QList<ApplyDialog::Source> sources = dialog->sources(&readError);
    if (sources.isEmpty()) {
        dialog->showError(readError);
        return;
    }
    auto plan = std::make_shared<ApplyPlan>();
    plan->session = m_session;
    plan->context = m_session->connection().contextName;
    plan->sources = sources;
    const QList<ApiResource> &discovered = m_session->discovery().resources;
    const QString ns = m_session->connection().defaultNamespace;
    Result<QList<PlannedWrite>> writes = planSources(sources, false, false, discovered, ns);
    Result<QList<PlannedWrite>> forced = planSources(sources, true, false, discovered, ns);
    if (!writes.ok() || !forced.ok()) {
        dialog->showError(tr("The manifests cannot be applied; nothing was sent.")
                          + QLatin1Char('\n')
                          + planError(writes.ok() ? forced.error() : writes.error()));
        return;
    }
    plan->writes = writes.value();
    plan->forceWrites = forced.value();

    // Permission first: may we patch each target object? (apply is a patch.)
    QList<AccessCheck> checks;
    for (const PlannedWrite &w : plan->writes) {
        const auto mapping = ServerSideApply::mapping(w.apiVersion, w.kind, discovered);
        AccessCheck c;
        c.verb = QStringLiteral("patch");
        c.group = mapping ? mapping->group : QString();
        c.resource = mapping ? mapping->resource : w.kind.toLower() + QLatin1Char('s');
        c.namespaceName = w.ns;
        c.name = w.name;
        checks << c;
    }
    const int generation = dialog->generation();
    dialog->setBusy(tr("Checking permissions\u2026"));
    QPointer<ApplyDialog> guard(dialog);
    AccessReview::run(
        m_session->transport(), checks, dialog,
        [this, guard, plan, generation](const QList<AccessResult> &results) {
            if (!guard || guard->generation() != generation || !plan->session)
                return;
            QList<ApplyDialog::ObjectPreview> denied;
            for (int i = 0; i < results.size() && i < plan->writes.size(); ++i) {
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
                denied << ApplyDialog::ObjectPreview{objectTitle(plan->writes[i]), text, text,
                                                     true};
            }
            if (!denied.isEmpty()) {
                guard->setPreview(denied,
                                  tr("%n object(s) may not be applied with this context's rights; "
                                     "nothing was sent. Ask a cluster administrator for the "
                                     "permission, or use a context with more rights.",
                                     nullptr, int(denied.size())));
                return;
            }
            dryRunApply(guard, plan);
        });
}

void ActionController::dryRunApply(ApplyDialog *dialog, std::shared_ptr<ApplyPlan> plan)
{
    const int count = int(plan->writes.size());
    const int generation = dialog->generation();
    dialog->setBusy(tr("Asking the server what would change (dry run)\u2026"));
    Result<QList<PlannedWrite>> dry
        = planSources(plan->sources, false, true, plan->session->discovery().resources,
                      plan->session->connection().defaultNamespace);
    if (!dry.ok() || dry->size() != count) {
        dialog->showError(dry.ok() ? tr("The dry run could not be planned.")
                                   : planError(dry.error()));
        return;
    }
    struct Pending
    {
        QList<nlohmann::json> live;
        QList<std::optional<Result<ApiResponse>>> dry;
        int answers = 0;
    };
    auto pending = std::make_shared<Pending>();
    pending->live.resize(count);
    pending->dry.resize(count);
    QPointer<ApplyDialog> guard(dialog);
    auto finish = [this, guard, plan, pending, generation, count, writes = dry.value()] {
        if (++pending->answers < 2 * count)
            return;
        if (!guard || guard->generation() != generation)
            return;
        plan->previews.clear();
        plan->trackRollout.clear();
        int changed = 0;
        for (int i = 0; i < count; ++i) {
            const PlannedWrite &w = plan->writes[i];
            const Result<ApiResponse> &r = *pending->dry[i];
            ApplyDialog::ObjectPreview p;
            p.title = objectTitle(w);
            bool track = false;
            if (r.ok() && r->isSuccess()) {
                const nlohmann::json after = JsonRead::parse(r->body);
                const nlohmann::json &live = pending->live[i];
                // Secret values are compared here and never shown: one marker per key
                // (<unchanged>, <changed>, <added>, <removed>) by the shared rule.
                const auto [shownLive, shownAfter]
                    = Redaction::hideSecretValuesForDiff(forDiff(live), forDiff(after));
                const QString before
                    = live.is_null() ? QString() : QString::fromUtf8(jsonToYaml(shownLive));
                p.details = LineDiff::unified(before, QString::fromUtf8(jsonToYaml(shownAfter)),
                                              live.is_null() ? tr("(new object)") : tr("live"),
                                              tr("after apply"));
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
                track = isWorkload(w.kind)
                        && (live.is_null() || templateOf(live) != templateOf(after));
            } else if (const auto conflict = r.ok() && r->status == 409
                                                 ? ServerSideApply::explainConflict(r->body)
                                                 : std::nullopt) {
                // Not blocking, but Apply gives way to "Force (take ownership)" (ApplyDialog).
                p.status = tr("conflict");
                p.details = conflict->text;
                p.conflict = true;
                ++changed;
                track = isWorkload(w.kind);
            } else {
                p.status = tr("refused by the server");
                p.details = explainFailure(writes[i], r);
                p.blocking = true;
            }
            plan->previews << p;
            plan->trackRollout << track;
        }
        m_applyPlans.insert(guard, plan);
        guard->setPreview(
            plan->previews,
            tr("%n object(s) checked by the server (dry run), %1 to create or change.", nullptr,
               count)
                .arg(changed));
    };
    executor(plan->session);
    const std::shared_ptr<ClusterWriteExecutor> writer = m_executors.value(plan->session);
    for (int i = 0; i < count; ++i) {
        const PlannedWrite &w = dry.value()[i];
        const QString path = w.request.path.section(QLatin1Char('?'), 0, 0);
        plan->session->transport()->send(ApiRequest::get(path), this,
                                         [pending, i, finish](const Result<ApiResponse> &r) {
                                             if (r.ok() && r->isSuccess())
                                                 pending->live[i] = JsonRead::parse(r->body);
                                             finish();
                                         });
        // Audited like every write, as a dry run.
        writer->send(w, this, [pending, i, finish](const Result<ApiResponse> &r) {
            pending->dry[i] = r;
            finish();
        });
    }
}

void ActionController::confirmApply(std::shared_ptr<ApplyPlan> plan, bool force,
                                    const QString &conflict, ApplyDialog *applyDialog)
{
    Target t;
    t.session = plan->session;
    t.context = plan->context;
    ConfirmationTarget ct = confirmationTarget(t);
    QSet<QString> namespaces;
    QStringList titles;
    QStringList summary;
    QStringList details;
    const QList<PlannedWrite> &writes = force ? plan->forceWrites : plan->writes;
    for (int i = 0; i < writes.size(); ++i) {
        const PlannedWrite &w = writes[i];
        if (!w.ns.isEmpty())
            namespaces.insert(w.ns);
        titles << objectTitle(w);
        summary << w.description;
        const ApplyDialog::ObjectPreview p = plan->previews.value(i);
        details << QStringLiteral("### %1 (%2)").arg(objectTitle(w), p.status) << p.details
                << QString();
    }
    QStringList nsList = namespaces.values();
    nsList.sort();
    ct.ns = nsList.join(QLatin1String(", "));
    if (writes.size() == 1) {
        ct.kind = writes.first().kind;
        ct.name = writes.first().name;
    } else {
        ct.kind = tr("%n object(s)", nullptr, int(writes.size()));
        ct.name = titles.join(QLatin1String(", "));
    }
    QString summaryText = summary.join(QLatin1Char('\n'));
    if (force)
        summaryText = tr("Force: take over the fields other managers own.") + QLatin1Char('\n')
                      + conflict + QLatin1Char('\n') + summaryText;
    auto *dialog
        = new ConfirmDialog(ct, force ? tr("Force apply manifests") : tr("Apply manifests"),
                            force ? tr("Force apply") : tr("Apply"), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setChange(summaryText, details.join(QLatin1Char('\n')));
    QPointer<ApplyDialog> applyGuard(applyDialog);
    connect(dialog, &QDialog::accepted, this, [this, plan, force, applyGuard] {
        if (applyGuard)
            applyGuard->accept();
        runApply(plan, force);
    });
    dialog->open();
}

void ActionController::runApply(std::shared_ptr<ApplyPlan> plan, bool force)
{
    if (!plan->session) {
        showError(tr("Not connected"), tr("the cluster was disconnected"));
        return;
    }
    executor(plan->session);
    auto recorder = std::make_shared<FailureRecorder>(m_executors.value(plan->session));
    const QList<PlannedWrite> &writes = force ? plan->forceWrites : plan->writes;
    const QString description = force
                                    ? tr("Force apply of %n object(s)", nullptr, int(writes.size()))
                                    : tr("Apply of %n object(s)", nullptr, int(writes.size()));
    auto *op = new Operation(description, writes, this);
    emit statusMessage(tr("%1\u2026").arg(description));
    connect(
        op, &Operation::finished, this, [this, op, recorder, plan, description, force](bool ok) {
            const QStringList report = op->report();
            op->deleteLater();
            emit operationFinished(ok, description, report);
            if (!ok) {
                std::optional<ApplyConflict> conflict;
                if (recorder->failure && recorder->failure->second.ok()
                    && recorder->failure->second->status == 409)
                    conflict = ServerSideApply::explainConflict(recorder->failure->second->body);
                if (conflict && !force) {
                    auto *box = new QMessageBox(
                        QMessageBox::Warning, tr("Apply conflict"),
                        tr("%1 was not applied.").arg(objectTitle(recorder->failure->first))
                            + QLatin1Char('\n') + conflict->text,
                        QMessageBox::Cancel, m_dialogParent);
                    box->setObjectName(QStringLiteral("ApplyConflict"));
                    box->setDetailedText(conflict->statusMessage);
                    QPushButton *forceButton
                        = box->addButton(tr("Force\u2026"), QMessageBox::AcceptRole);
                    forceButton->setObjectName(QStringLiteral("applyForce"));
                    box->setDefaultButton(QMessageBox::Cancel);
                    box->setAttribute(Qt::WA_DeleteOnClose);
                    connect(forceButton, &QPushButton::clicked, this,
                            [this, plan, text = conflict->text] {
                                confirmApply(plan, true, text, nullptr);
                            });
                    box->open();
                    return;
                }
                showError(tr("The apply failed"),
                          recorder->failure
                              ? explainFailure(recorder->failure->first, recorder->failure->second)
                              : report.join(QLatin1Char('\n')));
                return;
            }
            emit statusMessage(tr("Done: %1").arg(description));
            const QList<PlannedWrite> &applied = force ? plan->forceWrites : plan->writes;
            for (int i = 0; i < applied.size(); ++i) {
                if (!plan->trackRollout.value(i))
                    continue;
                const std::optional<Kind> kind = kindFromName(applied[i].kind);
                if (!kind)
                    continue;
                Target t;
                t.session = plan->session;
                t.context = plan->context;
                t.kind = *kind;
                t.ns = applied[i].ns;
                t.name = applied[i].name;
                trackRollout(t);
            }
        });
    op->run(recorder.get());
}

} // namespace Orrery
