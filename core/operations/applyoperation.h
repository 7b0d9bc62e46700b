// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusteroperation.h"

#include "kube/actions/serversideapply.h"
#include "kube/discovery.h"

namespace Orrery {

// `kubectl apply --server-side --field-manager=orrery` of YAML manifests. prepare() plans every
// source (kubectl's refusals name the source, document and line); requiredAccess() asks for a
// patch of each object; preview() asks the server what would change (a dry run of each apply,
// audited, and a read of the live object) and compares them on the transport's worker, Secret
// values hidden; run() applies, and after a conflict (HTTP 409) conflict() says which managers
// own which fields so the caller can offer setForce(true). After a run, rollouts() names the
// workloads whose pod template changed.
class ApplyOperation : public ClusterOperation
{
    Q_OBJECT
public:
    struct Source
    {
        QString name; // the file path, or "pasted YAML"
        QByteArray yaml;
    };
    // One planned object as the preview shows it.
    struct ObjectPreview
    {
        QString title;   // "Deployment default/web"
        QString status;  // "new object", "changed", "unchanged", "conflict", "not allowed: …"
        QString details; // unified diff, conflict explanation or the refusal
        bool blocking = false; // the apply cannot go ahead because of this object
        bool conflict = false; // other field managers own fields this object sets differently
    };

    ApplyOperation(HttpTransport *transport, QList<Source> sources, QString defaultNamespace,
                   QList<ApiResource> discovered, QObject *parent = nullptr);

    // Plans the sources (with and without force, and their dry runs) on a worker: the YAML is
    // parsed there, never on the caller's thread. `done` runs on this object's thread, with
    // kubectl's refusal (file, line, document) as an Error; planFailure() words it for a
    // dialog. The other calls need a successful prepare(). fetch() is prepare().
    void prepare(Done done);
    void fetch(Done done) override { prepare(std::move(done)); }
    // "The manifests cannot be applied; nothing was sent." and where, for prepare()'s error.
    static QString planFailure(const Error &error);
    // What run() sends: the applies (forced or not), or their server dry runs.
    const QList<PlannedWrite> &writes() const
    {
        if (m_serverDryRun)
            return m_force ? m_forceDryWrites : m_dryWrites;
        return m_force ? m_forceWrites : m_writes;
    }
    static QString objectTitle(const PlannedWrite &write);

    // Apply is a patch: one check per object.
    QList<AccessCheck> requiredAccess() const override;
    // The objects `results` (of requiredAccess(), in order) refuse, as previews; empty: allowed.
    QList<ObjectPreview> denied(const QList<AccessResult> &results) const;

    // The server's dry run and the live object, per object. `done` gets the summary line (or
    // an Error when the dry run could not be planned); previews() holds the objects then.
    void preview(WriteExecutor *writer, std::function<void(const Result<QString> &)> done);
    const QList<ObjectPreview> &previews() const { return m_previews; }
    // "title: details" of each conflicting object, one per line.
    QString conflicts() const;

    // The sources to apply: the `pasted` YAML (unless blank) first, then each file, read now
    // (manifests are small text files). Empty, with `error` set, when a file cannot be read or
    // there is nothing to apply.
    static QList<Source> readSources(const QString &pasted, const QStringList &files,
                                     QString *error);
    // What a preview (previews(), or denied()) allows, and the conflicts in words with what
    // Apply and Force would do. A plain apply sends the objects in order and stops at the
    // first conflict, leaving the others half applied: with a conflict only force is offered.
    struct Verdict
    {
        bool blocked = false;    // an object cannot be applied (or there is none)
        bool conflicted = false; // the server would refuse a plain apply
        QString conflictText;    // empty without conflicts
    };
    static Verdict verdict(const QList<ObjectPreview> &objects);

    // Force takes over the fields other managers own; `reason` (the conflicts) is said first
    // in the confirmation.
    void setForce(bool force, const QString &reason = {})
    {
        m_force = force;
        m_forceReason = reason;
    }
    bool force() const { return m_force; }
    bool canForce() const override { return !m_force && conflict().has_value(); }
    // run() sends the server dry run of each object instead (a runbook's `dryRun: true`).
    void setServerDryRun(bool dryRun) { m_serverDryRun = dryRun; }

    QString title() const override;
    QString actionLabel() const override;
    QString failureTitle() const override;
    Result<QList<PlannedWrite>> plan(bool dryRun) const override;
    // The preview of each object: "### title (status)" and its diff.
    QString details() const override;
    // Forced: what force does and the conflicts, before the writes.
    QStringList summary() const override;
    // The namespaces, and the object (or "N objects" and their titles).
    Scope scope() const override;
    QString progressText() const override;
    QString runFailureTitle() const override { return failureTitle(); }
    void run(WriteExecutor *writer) override;

    // After a failed run: the conflict the server reported (409), if that was the failure.
    std::optional<ApplyConflict> conflict() const;
    // After a run: the workloads whose pod template the apply changed.
    QList<OperationTarget> rollouts() const override;

private:
    // The four plans prepare() makes.
    struct Plans
    {
        QList<PlannedWrite> writes;
        QList<PlannedWrite> forceWrites;
        QList<PlannedWrite> dryWrites;
        QList<PlannedWrite> forceDryWrites;
    };
    static Result<Plans> planAll(const QList<Source> &sources, const QString &defaultNamespace,
                                 const QList<ApiResource> &discovered);

    QList<Source> m_sources;
    QString m_defaultNamespace;
    QList<ApiResource> m_discovered;
    bool m_prepared = false;
    QList<PlannedWrite> m_writes;
    QList<PlannedWrite> m_forceWrites;
    QList<PlannedWrite> m_dryWrites;
    QList<PlannedWrite> m_forceDryWrites;
    QList<ObjectPreview> m_previews;
    QList<bool> m_trackRollout; // a workload whose pod template changes
    bool m_force = false;
    QString m_forceReason;
    bool m_serverDryRun = false;
};

} // namespace Orrery
