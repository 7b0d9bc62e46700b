// SPDX-License-Identifier: GPL-3.0-or-later
#include "actioncontroller.h"

#include "deletedialog.h"
#include "operationspanel.h"
#include "rollbackdialog.h"
#include "rollouttracker.h"
#include "scaledialog.h"
#include "setimagedialog.h"

#include <contextpreferences.h>
#include <theme.h>

#include <audit/auditlog.h>
#include <helm/helmrelease.h>
#include <helm/helmrollback.h>
#include <kube/actions/operation.h>
#include <kube/actions/resourcepath.h>
#include <kube/clustersession.h>
#include <kube/httptransport.h>
#include <operations/applyoperation.h>
#include <operations/clusterwriteexecutor.h>
#include <operations/cordonoperation.h>
#include <operations/helmreleaserollback.h>
#include <operations/permissioncache.h>
#include <operations/rollbackoperation.h>
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
{
    connect(m_permissions, &PermissionCache::updated, this, &ActionController::permissionsChanged);
    // Appends happen on this thread, but the log may be written from elsewhere one day: queue.
    if (m_audit)
        connect(m_audit, &AuditLog::writeFailed, this, &ActionController::showAuditFailure,
                Qt::QueuedConnection);
}

ActionController::~ActionController() = default;

void ActionController::setSession(ClusterSession *session)
{
    m_session = session;
}

QStringList ActionController::actionIds(Kind kind, bool paused, bool unschedulable)
{
    // The kind table lists both operations of a pair; the object's state picks the one that
    // applies (kubectl offers no "resume" on a running rollout either).
    QStringList ids = allowedOperations(kind);
    ids.removeOne(paused ? QStringLiteral("pause") : QStringLiteral("resume"));
    ids.removeOne(unschedulable ? QStringLiteral("cordon") : QStringLiteral("uncordon"));
    return ids;
}

QString ActionController::actionLabel(const QString &id)
{
    if (id == QLatin1String("scale"))
        return tr("Scale\u2026");
    if (id == QLatin1String("restart"))
        return tr("Restart");
    if (id == QLatin1String("pause"))
        return tr("Pause rollout");
    if (id == QLatin1String("resume"))
        return tr("Resume rollout");
    if (id == QLatin1String("set-image"))
        return tr("Set image\u2026");
    if (id == QLatin1String("rollback"))
        return tr("Roll back\u2026");
    if (id == QLatin1String("cordon"))
        return tr("Cordon");
    if (id == QLatin1String("uncordon"))
        return tr("Uncordon");
    if (id == QLatin1String("delete"))
        return tr("Delete\u2026");
    return id;
}

std::optional<AccessCheck> ActionController::accessCheckFor(const QString &id, Kind kind,
                                                            const QString &ns)
{
    if (id == QLatin1String("scale"))
        return ScaleOperation::access(kind, ns);
    if (id == QLatin1String("delete"))
        return DeleteOperation::access(kind, ns);
    if (id == QLatin1String("restart"))
        return RestartOperation::access(kind, ns);
    if (id == QLatin1String("pause") || id == QLatin1String("resume"))
        return PauseOperation::access(kind, ns);
    if (id == QLatin1String("set-image"))
        return SetImageOperation::access(kind, ns);
    if (id == QLatin1String("rollback"))
        return RollbackOperation::access(kind, ns);
    if (id == QLatin1String("cordon") || id == QLatin1String("uncordon"))
        return CordonOperation::access();
    return std::nullopt;
}

bool ActionController::trigger(const QString &id, Kind kind, const QString &ns, const QString &name)
{
    if (id == QLatin1String("scale"))
        scale(kind, ns, name);
    else if (id == QLatin1String("restart"))
        restart(kind, ns, name);
    else if (id == QLatin1String("pause"))
        setPaused(kind, ns, name, true);
    else if (id == QLatin1String("resume"))
        setPaused(kind, ns, name, false);
    else if (id == QLatin1String("set-image"))
        setImage(kind, ns, name);
    else if (id == QLatin1String("rollback"))
        rollback(kind, ns, name);
    else if (id == QLatin1String("cordon") || id == QLatin1String("uncordon"))
        setCordoned(name, id == QLatin1String("cordon"));
    else if (id == QLatin1String("delete"))
        remove(kind, ns, name);
    else
        return false;
    return true;
}

void ActionController::applyPermission(QAction *action, const QString &context,
                                       const AccessCheck &check) const
{
    const std::optional<AccessResult> result = m_permissions->cached(context, check);
    if (!result) {
        action->setEnabled(false);
        action->setToolTip(tr("Checking permission\u2026"));
        return;
    }
    if (result->error) {
        // The review itself failed (not served, network): let the server decide at write time.
        action->setEnabled(true);
        action->setToolTip(tr("Could not check permission: %1").arg(result->error->message));
        return;
    }
    action->setEnabled(result->allowed);
    action->setToolTip(ClusterOperation::denialText(*result));
}

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
    for (const QString &id : actionIds(kind, paused, unschedulable)) {
        const std::optional<AccessCheck> check = accessCheckFor(id, kind, ns);
        auto *action = new QAction(actionLabel(id), parent);
        action->setObjectName(QStringLiteral("action-") + id);
        action->setData(id);
        connect(action, &QAction::triggered, this,
                [this, id, kind, ns, name] { trigger(id, kind, ns, name); });
        if (check) {
            checks << *check;
            applyPermission(action, context, *check);
            connect(m_permissions, &PermissionCache::updated, action,
                    [this, action, context, c = *check](const QString &updated) {
                        if (updated == context)
                            applyPermission(action, context, c);
                    });
        }
        actions << action;
    }
    m_permissions->request(m_session, context, checks);
    return actions;
}

ActionController::Target ActionController::current() const
{
    return Target{m_session, m_session ? m_session->connection().contextName : QString()};
}

bool ActionController::checkSession(const Target &t)
{
    if (t.session)
        return true;
    showError(tr("Not connected"),
              tr("Connect to a context first: there is no cluster to send this to."));
    return false;
}

ConfirmationTarget ActionController::confirmationTarget(const Target &t,
                                                        const OperationTarget &object) const
{
    ConfirmationTarget c;
    c.context = t.context;
    c.cluster = t.session ? t.session->connection().clusterName : QString();
    c.displayName = m_preferences ? m_preferences->displayName(t.context) : t.context;
    c.colour = m_preferences ? m_preferences->colour(t.context) : QColor();
    c.isProtected = m_preferences && m_preferences->isProtected(t.context);
    c.tlsVerificationOff = t.session && t.session->connection().insecureSkipTlsVerify;
    c.ns = object.ns;
    c.kind = kindName(object.kind);
    c.name = object.name;
    return c;
}

ClusterWriteExecutor *ActionController::executor(ClusterSession *session)
{
    auto it = m_executors.find(session);
    if (it != m_executors.end())
        return it->get();
    auto executor = std::make_shared<ClusterWriteExecutor>(session->transport(), m_audit.data());
    m_executors.insert(session, executor);
    connect(session, &QObject::destroyed, this, [this, session] { m_executors.remove(session); });
    return executor.get();
}

void ActionController::showError(const QString &title, const QString &text)
{
    emit statusMessage(title + QLatin1String(": ") + text);
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_dialogParent);
    box->setObjectName(QStringLiteral("OperationError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void ActionController::showAuditFailure(const QString &message)
{
    emit statusMessage(message);
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

// --- the one path of every operation -------------------------------------------------------

void ActionController::start(const Target &t, ClusterOperation *op, Configure configure)
{
    if (!checkSession(t)) {
        delete op;
        return;
    }
    op->setParent(this);
    op->fetch([this, t, op, configure](const Result<void> &fetched) {
        if (!fetched.ok() || !t.session) {
            showError(op->failureTitle(), fetched.ok() ? tr("the cluster was disconnected")
                                                       : fetched.error().toString());
            op->deleteLater();
            return;
        }
        if (configure)
            configure(t, op);
        else
            confirm(t, op);
    });
}

void ActionController::confirm(const Target &t, ClusterOperation *op)
{
    if (const QString nothing = op->nothingToDo(); !nothing.isEmpty()) {
        // kubectl succeeds without writing; say so rather than show an empty confirmation.
        emit statusMessage(nothing);
        auto *box
            = new QMessageBox(QMessageBox::Information,
                              qobject_cast<RollbackOperation *>(op) ? tr("Nothing to roll back")
                                                                    : tr("Nothing to change"),
                              nothing, QMessageBox::Ok, m_dialogParent);
        box->setObjectName(QStringLiteral("OperationInfo"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        op->deleteLater();
        return;
    }
    const Result<QList<PlannedWrite>> planned = op->plan(false);
    if (!planned.ok()) {
        // kubectl's own refusals ("can't restart paused deployment ...").
        showError(qobject_cast<RollbackOperation *>(op) ? op->failureTitle() : op->title(),
                  planned.error().message);
        op->deleteLater();
        return;
    }
    ConfirmationTarget where = confirmationTarget(t, op->target());
    where.kind = op->objectKind();
    auto *dialog = new ConfirmDialog(where, op->title(), op->actionLabel(), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setChange(op->summary().join(QLatin1Char('\n')), op->details());
    const QPointer<ClusterOperation> guard(op);
    dialog->setDryRun([this, t, guard](ConfirmDialog::DryRunReply reply) {
        if (!t.session || !guard) {
            reply(false, tr("the cluster was disconnected"));
            return;
        }
        guard->dryRun(executor(t.session), reply);
    });
    connect(dialog, &QDialog::finished, this, [this, t, guard](int result) {
        if (!guard)
            return;
        if (result == QDialog::Accepted)
            run(t, guard);
        else
            guard->deleteLater();
    });
    dialog->open();
}

void ActionController::run(const Target &t, ClusterOperation *op)
{
    if (!checkSession(t)) {
        op->deleteLater();
        return;
    }
    emit statusMessage(tr("%1\u2026").arg(op->summary().join(QLatin1String("; "))));
    connect(op, &ClusterOperation::finished, this, [this, t, op](bool ok) {
        op->deleteLater();
        const OperationReport &report = op->report();
        emit operationFinished(ok, report.description, report.lines);
        if (!ok) {
            showError(tr("The change failed"), report.explanation);
            return;
        }
        emit statusMessage(report.message.isEmpty() ? tr("Done: %1").arg(report.description)
                                                    : report.message);
        if (op->tracksRollout())
            trackRollout(t, op->target());
        if (const ClusterOperation::Factory undo = op->undo())
            offerUndo(op->undoText(), [this, t, undo] {
                if (t.session)
                    start(t, undo(t.session->transport(), this));
            });
    });
    op->run(executor(t.session));
}

void ActionController::offerUndo(const QString &text, std::function<void()> undo)
{
    if (m_panel)
        m_panel->addCard(new UndoBanner(text, std::move(undo)));
}

void ActionController::trackRollout(const Target &t, const OperationTarget &workload)
{
    if (!m_panel || !t.session || !isRolloutKind(workload.kind))
        return;
    auto *tracker = new RolloutTracker(t.session, workload.kind, workload.ns, workload.name);
    connect(tracker, &RolloutTracker::rollbackRequested, this,
            [this, t, workload] { rollbackTo(t, workload, 0); });
    m_panel->addCard(tracker);
}

// --- the actions: an operation and its parameter dialog ------------------------------------

void ActionController::scale(Kind kind, const QString &ns, const QString &name)
{
    const Target t = current();
    HttpTransport *transport = t.session ? t.session->transport() : nullptr;
    start(
        t, new ScaleOperation(transport, {kind, ns, name}),
        [this](const Target &at, ClusterOperation *op) {
            auto *scale = static_cast<ScaleOperation *>(op);
            const OperationTarget &w = scale->target();
            auto *dialog = new ScaleDialog(kindName(w.kind) + QLatin1Char('/') + w.name,
                                           scale->currentReplicas(), scale->hpa(), m_dialogParent);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            if (const std::optional<HpaTarget> &hpa = scale->hpa()) {
                const AccessCheck check = HpaBoundsOperation::access(w.ns, hpa->name);
                auto show = [this, dialog, context = at.context, check] {
                    const std::optional<AccessResult> r = m_permissions->cached(context, check);
                    dialog->setHpaPermission(
                        r ? std::optional<QString>(ClusterOperation::denialText(*r))
                          : std::nullopt);
                };
                show();
                connect(m_permissions, &PermissionCache::updated, dialog,
                        [show, context = at.context](const QString &c) {
                            if (c == context)
                                show();
                        });
                m_permissions->request(at.session, at.context, {check});
            }
            connect(dialog, &QDialog::finished, this, [this, at, scale, dialog](int result) {
                if (result != QDialog::Accepted) {
                    scale->deleteLater();
                    return;
                }
                if (!dialog->editsHpa()) {
                    scale->setReplicas(dialog->replicas());
                    confirm(at, scale);
                    return;
                }
                auto *bounds = new HpaBoundsOperation(
                    scale->transport(),
                    {Kind::HorizontalPodAutoscaler, scale->target().ns, scale->hpa()->name}, this);
                bounds->setObject(scale->hpaObject());
                bounds->setBounds(dialog->minReplicas(), dialog->maxReplicas());
                scale->deleteLater();
                confirm(at, bounds);
            });
            dialog->open();
        });
}

void ActionController::restart(Kind kind, const QString &ns, const QString &name)
{
    const Target t = current();
    start(t, new RestartOperation(t.session ? t.session->transport() : nullptr, {kind, ns, name}));
}

void ActionController::setPaused(Kind kind, const QString &ns, const QString &name, bool paused)
{
    const Target t = current();
    start(t, new PauseOperation(t.session ? t.session->transport() : nullptr, {kind, ns, name},
                                paused));
}

void ActionController::setCordoned(const QString &node, bool cordon)
{
    const Target t = current();
    start(t, new CordonOperation(t.session ? t.session->transport() : nullptr, node, cordon));
}

void ActionController::setImage(Kind kind, const QString &ns, const QString &name)
{
    const Target t = current();
    HttpTransport *transport = t.session ? t.session->transport() : nullptr;
    start(t, new SetImageOperation(transport, {kind, ns, name}),
          [this](const Target &at, ClusterOperation *op) {
              auto *setImage = static_cast<SetImageOperation *>(op);
              const OperationTarget &w = op->target();
              auto *dialog = new SetImageDialog(kindName(w.kind) + QLatin1Char('/') + w.name,
                                                setImage->containers(), m_dialogParent);
              dialog->setAttribute(Qt::WA_DeleteOnClose);
              connect(dialog, &QDialog::finished, this, [this, at, setImage, dialog](int result) {
                  if (result != QDialog::Accepted) {
                      setImage->deleteLater();
                      return;
                  }
                  setImage->setImage(dialog->container(), dialog->image());
                  confirm(at, setImage);
              });
              dialog->open();
          });
}

void ActionController::rollback(Kind kind, const QString &ns, const QString &name)
{
    const Target t = current();
    HttpTransport *transport = t.session ? t.session->transport() : nullptr;
    start(t, new RollbackOperation(transport, {kind, ns, name}),
          [this](const Target &at, ClusterOperation *op) {
              auto *rollback = static_cast<RollbackOperation *>(op);
              const QList<RevisionEntry> history = rollback->history();
              if (history.isEmpty()) {
                  showError(op->failureTitle(), rollback->noHistoryText());
                  op->deleteLater();
                  return;
              }
              const OperationTarget &w = op->target();
              auto *dialog
                  = new RollbackDialog(kindName(w.kind) + QLatin1Char('/') + w.name, history,
                                       QDateTime::currentDateTimeUtc(), m_dialogParent);
              dialog->setAttribute(Qt::WA_DeleteOnClose);
              connect(dialog, &QDialog::finished, this, [this, at, rollback, dialog](int result) {
                  if (result != QDialog::Accepted) {
                      rollback->deleteLater();
                      return;
                  }
                  rollback->setRevision(dialog->selectedRevision());
                  confirm(at, rollback);
              });
              dialog->open();
          });
}

void ActionController::rollbackTo(Kind kind, const QString &ns, const QString &name,
                                  qint64 revision)
{
    rollbackTo(current(), {kind, ns, name}, revision);
}

void ActionController::rollbackTo(const Target &t, const OperationTarget &workload, qint64 revision)
{
    auto *op = new RollbackOperation(t.session ? t.session->transport() : nullptr, workload);
    op->setRevision(revision);
    start(t, op);
}

void ActionController::remove(Kind kind, const QString &ns, const QString &name)
{
    const Target t = current();
    HttpTransport *transport = t.session ? t.session->transport() : nullptr;
    start(t, new DeleteOperation(transport, {kind, ns, name}),
          [this](const Target &at, ClusterOperation *op) {
              auto *remove = static_cast<DeleteOperation *>(op);
              const OperationTarget &o = op->target();
              auto *dialog
                  = new DeleteDialog(kindName(o.kind) + QLatin1Char('/') + o.name, kindName(o.kind),
                                     remove->controller(), m_dialogParent);
              dialog->setAttribute(Qt::WA_DeleteOnClose);
              connect(dialog, &QDialog::finished, this, [this, at, remove, dialog](int result) {
                  if (result != QDialog::Accepted) {
                      remove->deleteLater();
                      return;
                  }
                  remove->setPropagation(dialog->propagation());
                  confirm(at, remove);
              });
              dialog->open();
          });
}

// --- Helm ----------------------------------------------------------------------------------

void ActionController::checkHelmRollback(const HelmRelease &current, const HelmRelease &target,
                                         QObject *context, DenialHandler done)
{
    if (!m_session) {
        QMetaObject::invokeMethod(
            context, [done] { done({}); }, Qt::QueuedConnection);
        return;
    }
    // The checks come from both manifests, parsed on a worker (never on the GUI thread).
    const QPointer<ClusterSession> session(m_session);
    Async::run(
        context,
        [current, target, resources = m_session->discovery().resources] {
            return HelmRollback::requiredAccess(current, target, resources);
        },
        [session, context, done](const QList<AccessCheck> &checks) {
            if (!session)
                return;
            AccessReview::run(session->transport(), checks, context,
                              [done](const QList<AccessResult> &results) {
                                  for (const AccessResult &r : results) {
                                      if (const QString denial = ClusterOperation::denialText(r);
                                          !denial.isEmpty()) {
                                          done(denial + QLatin1Char(' ')
                                               + HelmReleaseRollback::denialHint(r.check));
                                          return;
                                      }
                                  }
                                  done({});
                              });
        });
}

void ActionController::rollbackHelmRelease(const QString &ns, const QString &release, int revision)
{
    const Target t = current();
    if (!checkSession(t))
        return;
    auto *op = new HelmReleaseRollback(t.session->transport(), ns, release, revision,
                                       t.session->discovery().resources);
    // Permission first: a denied rollback is refused here rather than half-way (the page
    // already disabled its button, but permissions may have changed since).
    start(t, op, [this](const Target &at, ClusterOperation *helm) {
        AccessReview::run(at.session->transport(), helm->requiredAccess(), helm,
                          [this, at, helm](const QList<AccessResult> &results) {
                              for (const AccessResult &r : results) {
                                  if (const QString denial = ClusterOperation::denialText(r);
                                      !denial.isEmpty()) {
                                      showError(helm->failureTitle(),
                                                denial + QLatin1Char(' ')
                                                    + HelmReleaseRollback::denialHint(r.check));
                                      helm->deleteLater();
                                      return;
                                  }
                              }
                              confirm(at, helm);
                          });
    });
}

} // namespace Orrery
