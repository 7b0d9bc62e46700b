// SPDX-License-Identifier: GPL-3.0-or-later
#include "actioncontroller.h"

#include "deletedialog.h"
#include "operationspanel.h"
#include "portforwarddialog.h"
#include "rollbackdialog.h"
#include "rollouttracker.h"
#include "scaledialog.h"
#include "setimagedialog.h"

#include <contextpreferences.h>
#include <theme.h>

#include <audit/auditlog.h>
#include <kube/clustersession.h>
#include <kube/httptransport.h>
#include <operations/clusterwriteexecutor.h>
#include <operations/helmreleaserollback.h>
#include <operations/operationcatalog.h>
#include <operations/permissioncache.h>
#include <operations/rollbackoperation.h>
#include <operations/streamoperations.h>
#include <operations/workloadoperations.h>
#include <util/async.h>

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QWidget>

namespace Orrery {

ActionController::ActionController(ContextPreferences *preferences, QWidget *dialogParent,
                                   AuditLog *audit, QObject *parent)
    : QObject(parent)
    , m_preferences(preferences)
    , m_dialogParent(dialogParent)
    , m_audit(audit)
    , m_permissions(new PermissionCache(this))
    , m_runner(new OperationRunner(audit, this))
{
    connect(m_permissions, &PermissionCache::updated, this, &ActionController::permissionsChanged);
    // Appends happen on this thread, but the log may be written from elsewhere one day: queue.
    if (m_audit)
        connect(m_audit, &AuditLog::writeFailed, this, &ActionController::showAuditFailure,
                Qt::QueuedConnection);
    m_runner->setConfirmation([this](const Target &t, ClusterOperation *op) { confirm(t, op); });
    connect(m_runner, &OperationRunner::statusMessage, this, &ActionController::statusMessage);
    connect(m_runner, &OperationRunner::operationFinished, this,
            &ActionController::operationFinished);
    connect(m_runner, &OperationRunner::failed, this, &ActionController::showError);
    connect(m_runner, &OperationRunner::nothingToDo, this, &ActionController::showInfo);
    connect(m_runner, &OperationRunner::rolloutStarted, this, &ActionController::trackRollout);
    connect(m_runner, &OperationRunner::undoOffered, this, &ActionController::offerUndo);
    connect(m_runner, &OperationRunner::forceOffered, this, &ActionController::offerForce);
    connect(m_runner, &OperationRunner::streamOpened, this,
            [this](const Target &t, ClusterOperation *, QObject *stream) {
                // The receiver takes the session; unreceived, it stays with the runner.
                if (auto *exec = qobject_cast<ExecSession *>(stream))
                    emit shellOpened(t.context, exec);
                else if (auto *forward = qobject_cast<PortForwardSession *>(stream))
                    emit portForwardStarted(t.context, forward);
            });
}

ActionController::~ActionController() = default;

void ActionController::setSession(ClusterSession *session)
{
    m_session = session;
    if (m_panel)
        m_panel->setContext(currentContext());
}

void ActionController::setPanel(OperationsPanel *panel)
{
    m_panel = panel;
    if (m_panel)
        m_panel->setContext(currentContext());
}

namespace {

// An action as its permission allows: disabled while unknown, enabled when the review itself
// failed (not served, network: the server decides at write time), else as the answer says.
void showPermission(QAction *action, const std::optional<AccessResult> &result)
{
    if (!result) {
        action->setEnabled(false);
        action->setToolTip(ActionController::tr("Checking permission\u2026"));
    } else if (result->error) {
        action->setEnabled(true);
        action->setToolTip(
            ActionController::tr("Could not check permission: %1").arg(result->error->message));
    } else {
        action->setEnabled(result->allowed);
        action->setToolTip(ClusterOperation::denialText(*result));
    }
}

} // namespace

QList<QAction *> ActionController::actionsFor(const KubeObjectPtr &object, QObject *parent)
{
    QList<QAction *> actions;
    if (!object || !m_session)
        return actions;
    const Kind kind = object->kind;
    const QString ns = object->namespaceName;
    const QString name = object->name;
    const QString context = m_session->connection().contextName;
    const bool paused = object->workload() && object->workload()->paused;
    const bool unschedulable = object->node() && object->node()->unschedulable;
    QList<AccessCheck> checks;
    for (const QString &id : OperationCatalog::ids(kind, paused, unschedulable)) {
        const std::optional<AccessCheck> check = OperationCatalog::access(id, kind, ns);
        auto *action = new QAction(OperationCatalog::label(id), parent);
        action->setObjectName(QStringLiteral("action-") + id);
        action->setData(id);
        connect(action, &QAction::triggered, this,
                [this, id, kind, ns, name] { trigger(id, kind, ns, name); });
        if (check) {
            checks << *check;
            m_permissions->follow(context, *check, action,
                                  [action](const auto &r) { showPermission(action, r); });
        }
        actions << action;
    }
    m_permissions->request(m_session, context, checks);
    return actions;
}

bool ActionController::trigger(const QString &id, Kind kind, const QString &ns, const QString &name)
{
    const Target t = OperationRunner::targetOf(m_session);
    ClusterOperation *op = OperationCatalog::create(
        id, t.session ? t.session->transport() : nullptr, {kind, ns, name});
    if (!op)
        return false;
    m_runner->start(t, op, parameters(id));
    return true;
}

void ActionController::showError(const QString &title, const QString &text)
{
    emit statusMessage(currentContext(), title + QLatin1String(": ") + text);
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_dialogParent);
    box->setObjectName(QStringLiteral("OperationError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void ActionController::showInfo(const QString &title, const QString &text)
{
    // kubectl succeeds without writing; say so rather than show an empty confirmation.
    emit statusMessage(currentContext(), text);
    auto *box
        = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, m_dialogParent);
    box->setObjectName(QStringLiteral("OperationInfo"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void ActionController::showAuditFailure(const QString &message)
{
    emit statusMessage(QString(), message); // the log is every context's
    const QString text
        = message + QLatin1Char('\n')
          + tr("A change whose intent cannot be recorded is not sent. Free some "
               "disk space or fix the "
               "permissions of %1.")
                .arg(QDir::toNativeSeparators(m_audit ? m_audit->directory() : QString()));
    // One warning at a time: a failing disk fails every line of a multi-write operation.
    if (m_auditFailure) {
        if (auto *label = qobject_cast<QLabel *>(m_auditFailure.data()))
            label->setText(text);
        else if (auto *box = qobject_cast<QMessageBox *>(m_auditFailure.data()))
            box->setText(text);
        return;
    }
    // A banner in the operations panel when the window has one, else a (non-modal) box.
    if (m_panel) {
        auto *banner = new QLabel(text);
        banner->setObjectName(QStringLiteral("AuditFailureBanner"));
        banner->setWordWrap(true);
        banner->setFrameShape(QFrame::StyledPanel);
        banner->setStyleSheet(
            QStringLiteral("color: %1;").arg(themeColor(Theme::Role::Danger).name()));
        m_auditFailure = banner;
        m_panel->addCard(banner);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Audit log"), text, QMessageBox::Ok,
                                m_dialogParent);
    box->setObjectName(QStringLiteral("AuditFailure"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_auditFailure = box;
    box->open();
}

// --- confirmation, and what follows a run ------------------------------------------------

ConfirmDialog *ActionController::confirmation(const Target &t, ClusterOperation *op)
{
    const ClusterOperation::Scope scope = op->scope();
    // An operation outside any cluster (Fly.io) names where its own transport goes.
    HttpTransport *own = op->needsSession() ? nullptr : op->transport();
    ConfirmationTarget where
        = own ? ConfirmationTarget::forContext(own->connection().contextName, nullptr,
                                               m_preferences)
              : ConfirmationTarget::forContext(t.context, t.session, m_preferences);
    if (own)
        where.cluster = own->connection().clusterName;
    where.ns = scope.ns;
    where.kind = scope.kind;
    where.name = scope.name;
    auto *dialog = new ConfirmDialog(where, op->title(), op->actionLabel(), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setChange(op->summary().join(QLatin1Char('\n')), op->details());
    return dialog;
}

void ActionController::confirm(const Target &t, ClusterOperation *op)
{
    // Opening a shell or a forward changes nothing by itself: asked only where every action is
    // (a protected context); the access check and the audit record happen all the same.
    if (!op->needsConfirmation() && !m_preferences->isProtected(t.context)) {
        m_runner->run(t, op);
        return;
    }
    ConfirmDialog *dialog = confirmation(t, op);
    const QPointer<ClusterOperation> guard(op);
    dialog->setDryRun([this, t, guard](ConfirmDialog::DryRunReply reply) {
        if (guard && !guard->needsSession() && guard->transport()) {
            guard->dryRun(m_runner->executor(guard->transport()), reply);
            return;
        }
        if (!t.session || !guard) {
            reply(false, tr("the cluster was disconnected"));
            return;
        }
        guard->dryRun(t.session ? m_runner->executor(t.session)
                                : m_runner->executor(guard->transport()),
                      reply);
    });
    connect(dialog, &QDialog::finished, this, [this, t, guard](int result) {
        if (!guard)
            return;
        if (result == QDialog::Accepted)
            m_runner->run(t, guard);
        else
            guard->deleteLater();
    });
    dialog->open();
}

QString ActionController::currentContext() const
{
    return m_session ? m_session->connection().contextName : QString();
}

void ActionController::offerUndo(const Target &t, const QString &text,
                                 const ClusterOperation::Factory &undo)
{
    if (!m_panel || !undo)
        return;
    auto *banner = new UndoBanner(text, {});
    const QPointer<UndoBanner> guard(banner);
    banner->setAction([this, t, undo, guard] {
        ClusterOperation *op = undo(t.session ? t.session->transport() : nullptr, m_runner);
        if (op && op->needsSession() && !t.session) {
            delete op;
            op = nullptr;
            showError(tr("Not connected"), tr("the cluster was disconnected"));
        }
        if (!op) {
            if (guard)
                guard->setBusy(false);
            return;
        }
        // The offer is used up only by an undo that ran; a cancelled confirmation (the
        // operation is dropped) or a failure leaves it standing.
        connect(op, &ClusterOperation::finished, guard, [guard](bool ok) {
            if (ok)
                guard->deleteLater();
            else
                guard->setBusy(false);
        });
        connect(op, &QObject::destroyed, guard, [guard] { guard->setBusy(false); });
        m_runner->start(t, op);
    });
    m_panel->addCard(banner, t.context);
}

void ActionController::trackRollout(const Target &t, const OperationTarget &workload)
{
    if (!m_panel || !t.session || !isRolloutKind(workload.kind))
        return;
    auto *tracker = new RolloutTracker(t.session, workload.kind, workload.ns, workload.name);
    connect(tracker, &RolloutTracker::rollbackRequested, this, [this, t, workload] {
        // `kubectl rollout undo`: to the previous revision, confirmed as usual.
        auto *op = new RollbackOperation(t.session ? t.session->transport() : nullptr, workload);
        m_runner->start(t, op);
    });
    m_panel->addCard(tracker, t.context);
}

// --- the parameter dialogs -------------------------------------------------------------

void ActionController::ask(const Target &t, ClusterOperation *op, QDialog *dialog,
                           std::function<ClusterOperation *()> accepted)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, t, op, accepted](int result) {
        if (result != QDialog::Accepted) {
            op->deleteLater();
            return;
        }
        m_runner->confirm(t, accepted());
    });
    dialog->open();
}

OperationRunner::Configure ActionController::parameters(const QString &id)
{
    if (id == QLatin1String("scale"))
        return [this](const Target &t, ClusterOperation *op) {
            auto *scale = static_cast<ScaleOperation *>(op);
            auto *dialog = new ScaleDialog(*scale, m_dialogParent);
            if (const std::optional<HpaTarget> &hpa = scale->hpa()) {
                // Permission first for the autoscaler's bounds, asked while the dialog is open.
                const AccessCheck check = HpaBoundsOperation::access(op->target().ns, hpa->name);
                m_permissions->follow(t.context, check, dialog, [dialog](const auto &r) {
                    dialog->setHpaPermission(
                        r ? std::optional<QString>(ClusterOperation::denialText(*r))
                          : std::nullopt);
                });
                m_permissions->request(t.session, t.context, {check});
            }
            ask(t, op, dialog, [scale, dialog]() -> ClusterOperation * {
                if (!dialog->editsHpa()) {
                    scale->setReplicas(dialog->replicas());
                    return scale;
                }
                auto *bounds = new HpaBoundsOperation(
                    scale->transport(),
                    {Kind::HorizontalPodAutoscaler, scale->target().ns, scale->hpa()->name},
                    scale->parent());
                bounds->setObject(scale->hpaObject());
                bounds->setBounds(dialog->minReplicas(), dialog->maxReplicas());
                scale->deleteLater();
                return bounds;
            });
        };
    if (id == QLatin1String("set-image"))
        return [this](const Target &t, ClusterOperation *op) {
            auto *setImage = static_cast<SetImageOperation *>(op);
            auto *dialog = new SetImageDialog(*setImage, m_dialogParent);
            ask(t, op, dialog, [setImage, dialog] {
                setImage->setImage(dialog->container(), dialog->image());
                return setImage;
            });
        };
    if (id == QLatin1String("rollback"))
        return [this](const Target &t, ClusterOperation *op) {
            auto *rollback = static_cast<RollbackOperation *>(op);
            const QList<RevisionEntry> history = rollback->history();
            if (history.isEmpty()) {
                showError(op->failureTitle(), rollback->noHistoryText());
                op->deleteLater();
                return;
            }
            auto *dialog = new RollbackDialog(op->target().displayName(), history,
                                              QDateTime::currentDateTimeUtc(), m_dialogParent);
            ask(t, op, dialog, [rollback, dialog] {
                rollback->setRevision(dialog->selectedRevision());
                return rollback;
            });
        };
    if (id == QLatin1String("port-forward"))
        return [this](const Target &t, ClusterOperation *op) {
            auto *forward = static_cast<PortForwardOperation *>(op);
            auto *dialog = new PortForwardDialog(*forward, m_dialogParent);
            ask(t, op, dialog, [forward, dialog] {
                forward->setRemotePort(dialog->remotePort());
                forward->setLocalPort(dialog->localPort());
                return forward;
            });
        };
    if (id == QLatin1String("delete"))
        return [this](const Target &t, ClusterOperation *op) {
            auto *remove = static_cast<DeleteOperation *>(op);
            auto *dialog = new DeleteDialog(*remove, m_dialogParent);
            ask(t, op, dialog, [remove, dialog] {
                remove->setPropagation(dialog->propagation());
                return remove;
            });
        };
    return {};
}

// --- Helm ----------------------------------------------------------------------------------

void ActionController::rollbackHelmRelease(const QString &ns, const QString &release, int revision)
{
    const Target t = OperationRunner::targetOf(m_session);
    if (!m_runner->checkSession(t))
        return;
    auto *op = new HelmReleaseRollback(t.session->transport(), ns, release, revision,
                                       t.session->discovery().resources);
    // Permission first: a denied rollback is refused here rather than half-way (the page
    // already disabled its button, but permissions may have changed since).
    m_runner->start(t, op, [this](const Target &at, ClusterOperation *helm) {
        AccessReview::run(at.session->transport(), helm->requiredAccess(), helm,
                          [this, at, helm](const QList<AccessResult> &results) {
                              if (const QString denial = HelmReleaseRollback::denial(results);
                                  !denial.isEmpty()) {
                                  showError(helm->failureTitle(), denial);
                                  helm->deleteLater();
                                  return;
                              }
                              m_runner->confirm(at, helm);
                          });
    });
}

void ActionController::runOperation(ClusterOperation *op)
{
    // An operation about no cluster (a pipeline action) is said everywhere, not in the
    // active context only.
    const Target t = op->needsSession() ? OperationRunner::targetOf(m_session) : Target{};
    if (!m_runner->checkSession(t, op)) {
        op->deleteLater();
        return;
    }
    m_runner->start(t, op);
}

} // namespace Orrery
