// SPDX-License-Identifier: GPL-3.0-or-later
// ActionController's "Apply manifests…": ApplyDialog → ApplyOperation::prepare (plan) →
// permission (SelfSubjectAccessReview per object) → ApplyOperation::preview (server dry run and
// live object, compared off the GUI thread) → ConfirmDialog → OperationRunner::run through the
// audited executor → conflict explained, force after a second confirmation → rollout trackers.
#include "actioncontroller.h"

#include "applydialog.h"

#include <kube/clustersession.h>
#include <operations/applyoperation.h>
#include <operations/clusterwriteexecutor.h>

#include <QMessageBox>
#include <QPushButton>

namespace Orrery {

ApplyDialog *ActionController::applyManifests(const QStringList &files)
{
    if (!m_runner->checkSession(OperationRunner::targetOf(m_session)))
        return nullptr;
    auto *dialog = new ApplyDialog(m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addFiles(files);
    connect(dialog, &ApplyDialog::previewRequested, this, [this, dialog] { previewApply(dialog); });
    connect(dialog, &ApplyDialog::applyRequested, this, [this, dialog] {
        if (const CheckedApply c = m_applyPlans.value(dialog); c.op && c.target.session)
            confirmApply(c.target, c.op, false, {}, dialog);
    });
    connect(dialog, &ApplyDialog::forceRequested, this, [this, dialog] {
        if (const CheckedApply c = m_applyPlans.value(dialog); c.op && c.target.session)
            confirmApply(c.target, c.op, true, c.op->conflicts(), dialog);
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
    const QList<ApplyOperation::Source> sources
        = ApplyOperation::readSources(dialog->yamlText(), dialog->files(), &readError);
    if (sources.isEmpty()) {
        dialog->showError(readError);
        return;
    }
    const Target t = OperationRunner::targetOf(m_session);
    // Owned by the dialog: a new check or closing the dialog drops it.
    auto *op = new ApplyOperation(m_session->transport(), sources,
                                  m_session->connection().defaultNamespace,
                                  m_session->discovery().resources, dialog);
    const int generation = dialog->generation();
    const QPointer<ApplyDialog> guard(dialog);
    // Planned on a worker (the YAML is parsed there); then permission first: may we patch
    // each target object? (apply is a patch.)
    op->prepare([this, guard, op, generation, t](const Result<void> &prepared) {
        if (!guard || guard->generation() != generation || !t.session)
            return;
        if (!prepared.ok()) {
            guard->showError(ApplyOperation::planFailure(prepared.error()));
            return;
        }
        guard->setBusy(tr("Checking permissions\u2026"));
        AccessReview::run(
            t.session->transport(), op->requiredAccess(), op,
            [this, guard, op, generation, t](const QList<AccessResult> &results) {
                if (!guard || guard->generation() != generation || !t.session)
                    return;
                const QList<ApplyOperation::ObjectPreview> denied = op->denied(results);
                if (!denied.isEmpty()) {
                    guard->setPreview(
                        denied, tr("%n object(s) may not be applied with this context's rights; "
                                   "nothing was sent. Ask a cluster administrator for the "
                                   "permission, or use a context with more rights.",
                                   nullptr, int(denied.size())));
                    return;
                }
                guard->setBusy(tr("Asking the server what would change (dry run)\u2026"));
                op->preview(m_runner->executor(t.session),
                            [this, guard, op, generation, t](const Result<QString> &summary) {
                                if (!guard || guard->generation() != generation)
                                    return;
                                if (!summary.ok()) {
                                    guard->showError(summary.error().message);
                                    return;
                                }
                                m_applyPlans.insert(guard, {op, t});
                                guard->setPreview(op->previews(), summary.value());
                            });
            });
    });
}

void ActionController::confirmApply(const Target &t, ApplyOperation *op, bool force,
                                    const QString &reason, ApplyDialog *applyDialog)
{
    op->setForce(force, reason);
    ConfirmDialog *dialog = confirmation(t, op);
    const QPointer<ApplyDialog> applyGuard(applyDialog);
    const QPointer<ApplyOperation> opGuard(op);
    connect(dialog, &QDialog::accepted, this, [this, t, opGuard, applyGuard] {
        if (!opGuard)
            return;
        // The operation outlives the dialog it was checked in: the runner owns it now.
        if (t.session)
            m_runner->run(t, opGuard);
        if (applyGuard)
            applyGuard->accept();
        if (!t.session)
            showError(tr("Not connected"), tr("the cluster was disconnected"));
    });
    dialog->open();
}

// A 409 on a plain apply: what conflicts, and a forced apply after a second confirmation.
void ActionController::offerForce(const Target &t, ClusterOperation *op)
{
    auto *apply = qobject_cast<ApplyOperation *>(op);
    const std::optional<ApplyConflict> conflict = apply ? apply->conflict() : std::nullopt;
    if (!conflict) {
        op->deleteLater();
        return;
    }
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Apply conflict"),
        tr("%1 was not applied.").arg(ApplyOperation::objectTitle(op->report().failure->first))
            + QLatin1Char('\n') + conflict->text,
        QMessageBox::Cancel, m_dialogParent);
    box->setObjectName(QStringLiteral("ApplyConflict"));
    box->setDetailedText(conflict->statusMessage);
    QPushButton *forceButton = box->addButton(tr("Force\u2026"), QMessageBox::AcceptRole);
    forceButton->setObjectName(QStringLiteral("applyForce"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(forceButton, &QPushButton::clicked, this, [this, t, apply, text = conflict->text] {
        confirmApply(t, apply, true, text, nullptr);
    });
    box->open();
}

} // namespace Orrery
