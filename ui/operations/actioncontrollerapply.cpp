// SPDX-License-Identifier: GPL-3.0-or-later
// ActionController's "Apply manifests…": ApplyDialog → ApplyOperation::prepare (plan) →
// permission (SelfSubjectAccessReview per object) → ApplyOperation::preview (server dry run and
// live object, compared off the GUI thread) → ConfirmDialog → run through the audited
// executor → conflict explained, force after a second confirmation → rollout trackers.
#include "actioncontroller.h"

#include "applydialog.h"

#include <kube/clustersession.h>
#include <operations/applyoperation.h>
#include <operations/clusterwriteexecutor.h>

#include <QMessageBox>
#include <QPushButton>
#include <QSet>

namespace Orrery {

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
        if (ApplyOperation *op = m_applyPlans.value(dialog);
            op && m_applySessions.value(op).session)
            confirmApply(op, false, {}, dialog);
    });
    connect(dialog, &ApplyDialog::forceRequested, this, [this, dialog] {
        if (ApplyOperation *op = m_applyPlans.value(dialog);
            op && m_applySessions.value(op).session)
            confirmApply(op, true, op->conflicts(), dialog);
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
    // Owned by the dialog: a new check or closing the dialog drops it.
    auto *op = new ApplyOperation(m_session->transport(), sources,
                                  m_session->connection().defaultNamespace,
                                  m_session->discovery().resources, dialog);
    m_applySessions.insert(op, Target{m_session, m_session->connection().contextName});
    connect(op, &QObject::destroyed, this, [this, op] { m_applySessions.remove(op); });
    const int generation = dialog->generation();
    const QPointer<ApplyDialog> guard(dialog);
    // Planned on a worker (the YAML is parsed there); then permission first: may we patch
    // each target object? (apply is a patch.)
    op->prepare([this, guard, op, generation](const Result<void> &prepared) {
        const Target target = m_applySessions.value(op);
        if (!guard || guard->generation() != generation || !target.session)
            return;
        if (!prepared.ok()) {
            guard->showError(ApplyOperation::planFailure(prepared.error()));
            return;
        }
        guard->setBusy(tr("Checking permissions\u2026"));
        AccessReview::run(
            target.session->transport(), op->requiredAccess(), op,
            [this, guard, op, generation](const QList<AccessResult> &results) {
                const Target t = m_applySessions.value(op);
                if (!guard || guard->generation() != generation || !t.session)
                    return;
                const QList<ApplyDialog::ObjectPreview> denied = op->denied(results);
                if (!denied.isEmpty()) {
                    guard->setPreview(
                        denied, tr("%n object(s) may not be applied with this context's rights; "
                                   "nothing was sent. Ask a cluster administrator for the "
                                   "permission, or use a context with more rights.",
                                   nullptr, int(denied.size())));
                    return;
                }
                guard->setBusy(tr("Asking the server what would change (dry run)\u2026"));
                op->preview(executor(t.session),
                            [this, guard, op, generation](const Result<QString> &summary) {
                                if (!guard || guard->generation() != generation)
                                    return;
                                if (!summary.ok()) {
                                    guard->showError(summary.error().message);
                                    return;
                                }
                                m_applyPlans.insert(guard, op);
                                guard->setPreview(op->previews(), summary.value());
                            });
            });
    });
}

void ActionController::confirmApply(ApplyOperation *op, bool force, const QString &conflict,
                                    ApplyDialog *applyDialog)
{
    const Target t = m_applySessions.value(op);
    op->setForce(force);
    ConfirmationTarget ct = confirmationTarget(t, {});
    QSet<QString> namespaces;
    QStringList titles;
    for (const PlannedWrite &w : op->writes()) {
        if (!w.ns.isEmpty())
            namespaces.insert(w.ns);
        titles << ApplyOperation::objectTitle(w);
    }
    QStringList nsList = namespaces.values();
    nsList.sort();
    ct.ns = nsList.join(QLatin1String(", "));
    if (op->writes().size() == 1) {
        ct.kind = op->writes().first().kind;
        ct.name = op->writes().first().name;
    } else {
        ct.kind = tr("%n object(s)", nullptr, int(op->writes().size()));
        ct.name = titles.join(QLatin1String(", "));
    }
    QString summaryText = op->summary().join(QLatin1Char('\n'));
    if (force)
        summaryText = tr("Force: take over the fields other managers own.") + QLatin1Char('\n')
                      + conflict + QLatin1Char('\n') + summaryText;
    auto *dialog = new ConfirmDialog(ct, op->title(), op->actionLabel(), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setChange(summaryText, op->details());
    const QPointer<ApplyDialog> applyGuard(applyDialog);
    const QPointer<ApplyOperation> opGuard(op);
    connect(dialog, &QDialog::accepted, this, [this, opGuard, applyGuard] {
        if (!opGuard)
            return;
        // The operation outlives the dialog it was checked in: the controller owns it now.
        opGuard->setParent(this);
        if (applyGuard)
            applyGuard->accept();
        runApply(opGuard);
    });
    dialog->open();
}

void ActionController::runApply(ApplyOperation *op)
{
    const Target t = m_applySessions.value(op);
    if (!t.session) {
        showError(tr("Not connected"), tr("the cluster was disconnected"));
        return;
    }
    emit statusMessage(
        tr("%1\u2026")
            .arg(op->force() ? tr("Force apply of %n object(s)", nullptr, int(op->writes().size()))
                             : tr("Apply of %n object(s)", nullptr, int(op->writes().size()))));
    disconnect(op, &ClusterOperation::finished, this, nullptr);
    connect(op, &ClusterOperation::finished, this, [this, op, t](bool ok) {
        const OperationReport &report = op->report();
        emit operationFinished(ok, report.description, report.lines);
        if (!ok) {
            const std::optional<ApplyConflict> conflict = op->conflict();
            if (conflict && !op->force()) {
                auto *box = new QMessageBox(
                    QMessageBox::Warning, tr("Apply conflict"),
                    tr("%1 was not applied.")
                            .arg(ApplyOperation::objectTitle(report.failure->first))
                        + QLatin1Char('\n') + conflict->text,
                    QMessageBox::Cancel, m_dialogParent);
                box->setObjectName(QStringLiteral("ApplyConflict"));
                box->setDetailedText(conflict->statusMessage);
                QPushButton *forceButton
                    = box->addButton(tr("Force\u2026"), QMessageBox::AcceptRole);
                forceButton->setObjectName(QStringLiteral("applyForce"));
                box->setDefaultButton(QMessageBox::Cancel);
                box->setAttribute(Qt::WA_DeleteOnClose);
                connect(
                    forceButton, &QPushButton::clicked, this,
                    [this, op, text = conflict->text] { confirmApply(op, true, text, nullptr); });
                box->open();
                return;
            }
            showError(op->failureTitle(), report.explanation);
            op->deleteLater();
            return;
        }
        emit statusMessage(tr("Done: %1").arg(report.description));
        for (const OperationTarget &workload : op->rollouts())
            trackRollout(t, workload);
        op->deleteLater();
    });
    op->run(executor(t.session));
}

} // namespace Orrery
