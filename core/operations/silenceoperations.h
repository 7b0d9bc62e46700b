// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusteroperation.h"

#include "monitoring/alert.h"
#include "monitoring/alertmanagerclient.h"

#include <QPointer>

namespace Orrery {

// "Silence alert" and "Expire silence": Alertmanager's silences as operations, on the one
// path every change takes (OperationRunner: parameters, confirmation, the audited run,
// report, undo). The write is the HTTP request to Alertmanager's API v2, sent through the
// audited ClusterWriteExecutor of the transport Alertmanager is reached by: the cluster's
// (service proxy) or a transport of its own (a direct URL; the runner then uses an executor
// for that transport, recording to the same audit log). That transport must live as long as
// the cluster session (make it the session's child). The audit entry names the kind
// "Silence", the alert or silence id, and the silence (matchers, times, createdBy, comment):
// no credential ever.
class CreateSilenceOperation : public ClusterOperation
{
    Q_OBJECT
public:
    // `silence` without id: what to create (Silence::forAlert prefills it from an alert).
    // `ns`: the namespace the alert attaches to (for the confirmation's scope and the audit
    // log), empty for a cluster-wide alert.
    CreateSilenceOperation(HttpTransport *alertmanager, AlertmanagerLocation location,
                           Silence silence, const QString &alertName, const QString &ns,
                           QObject *parent = nullptr);
    // The operation for silencing `alert`: matchers from every label, `durationSeconds` from
    // now, createdBy the local user (localUser()).
    static CreateSilenceOperation *forAlert(HttpTransport *alertmanager,
                                            const AlertmanagerLocation &location,
                                            const Alert &alert, qint64 durationSeconds,
                                            const QString &comment, QObject *parent = nullptr);
    // The local account name ($USER, else $LOGNAME, else "orrery"): Alertmanager's createdBy.
    static QString localUser();

    // Parameters (the dialog's): the duration keeps startsAt (now) and moves endsAt.
    void setDurationSeconds(qint64 seconds);
    void setComment(const QString &comment);
    void setMatchers(const QList<SilenceMatcher> &matchers);
    void setCreatedBy(const QString &createdBy);
    const Silence &silence() const { return m_silence; }
    // The new silence's id, after a successful run.
    const QString &silenceId() const { return m_id; }

    QString title() const override;
    QString actionLabel() const override;
    QString failureTitle() const override;
    QString objectKind() const override { return QStringLiteral("Silence"); }
    Scope scope() const override;
    // Through the service proxy: create on services/proxy of Alertmanager's Service;
    // directly: nothing the API server decides.
    QList<AccessCheck> requiredAccess() const override;
    // Nothing to read: the alert's labels are the parameters.
    void fetch(Done done) override;
    // Refuses a silence without matchers, without a comment or that ends before it starts
    // (Alertmanager refuses them too, in fewer words).
    Result<QList<PlannedWrite>> plan(bool dryRun) const override;
    QStringList summary() const override;
    // Alertmanager has no dry run: says so and what was checked here.
    void dryRun(WriteExecutor *writer, DryRunDone done) override;
    // Sends the POST and reads the new id from the answer.
    void run(WriteExecutor *writer) override;
    // Expire the silence it created.
    Factory undo() const override;
    QString undoText() const override;

private:
    QPointer<HttpTransport> m_alertmanager;
    AlertmanagerLocation m_location;
    Silence m_silence;
    QString m_alertName;
    QString m_id;
};

class ExpireSilenceOperation : public ClusterOperation
{
    Q_OBJECT
public:
    ExpireSilenceOperation(HttpTransport *alertmanager, AlertmanagerLocation location,
                           const QString &silenceId, QObject *parent = nullptr);

    // After fetch(): the silence as Alertmanager has it.
    const Silence &silence() const { return m_silence; }

    QString title() const override;
    QString actionLabel() const override;
    QString failureTitle() const override;
    QString objectKind() const override { return QStringLiteral("Silence"); }
    Scope scope() const override;
    QList<AccessCheck> requiredAccess() const override;
    // Reads the silence (GET /api/v2/silences): NotFound when Alertmanager has no such id.
    void fetch(Done done) override;
    // "silence ID is already expired" for an expired one.
    QString nothingToDo() const override;
    Result<QList<PlannedWrite>> plan(bool dryRun) const override;
    QStringList summary() const override;
    void dryRun(WriteExecutor *writer, DryRunDone done) override;
    // Alertmanager cannot revive an expired silence: the undo creates a new one with the
    // same matchers, comment and end (offered while that end is in the future).
    Factory undo() const override;
    QString undoText() const override;

private:
    QPointer<HttpTransport> m_alertmanager;
    AlertmanagerLocation m_location;
    QString m_silenceId;
    Silence m_silence;
};

} // namespace Orrery
