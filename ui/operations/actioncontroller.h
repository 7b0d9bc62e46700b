// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "confirmdialog.h"
#include "operationspanel.h"

#include <audit/auditlog.h>
#include <kube/accessreview.h>
#include <kube/clustersession.h>
#include <kube/execsession.h>
#include <kube/kubeobject.h>
#include <kube/portforwardsession.h>
#include <operations/operationrunner.h>

#include <objectedit.h>

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

#include <nlohmann/json.hpp>

class QAction;
class QDialog;
class QWidget;

namespace Orrery {

class ApplyDialog;
class ApplyOperation;
class ContextPreferences;
class PermissionCache;

// The operations of one main window (docs/operations.md), as the user sees them: QActions for
// the ids of the OperationCatalog, enabled by the cached permission checks
// (SelfSubjectAccessReview); the parameter dialog of each operation; the ConfirmDialog (with
// the operation's server dry run); the error boxes, rollout trackers and undo banners. The
// path itself (fetch, checks, audited run, report, undo) is the core's OperationRunner. Every
// dialog is opened with open(), never exec().
class ActionController : public QObject
{
    Q_OBJECT
public:
    // `dialogParent` parents every dialog; `audit` (the application's one log, built in app/,
    // not owned) records every write.
    ActionController(ContextPreferences *preferences, QWidget *dialogParent, AuditLog *audit,
                     QObject *parent = nullptr);
    ~ActionController() override;

    // The session actions go to; the context name comes from its connection. The panel
    // shows that context's cards only (none: the cards of no context).
    void setSession(ClusterSession *session);
    ClusterSession *session() const { return m_session; }
    // Where rollout trackers and undo banners appear; none: only status messages.
    void setPanel(OperationsPanel *panel);

    // QActions for `object` (parented to `parent`), enabled by the cached permission checks;
    // unknown permissions are asked for and the actions updated when the answer comes.
    QList<QAction *> actionsFor(const KubeObjectPtr &object, QObject *parent);
    // Runs one OperationCatalog id (table, details pane, palette, topology) on the active
    // session: its parameter dialog, if any, then the confirmation. False: not an operation id.
    bool trigger(const QString &id, Kind kind, const QString &ns, const QString &name);

    // `helm rollback RELEASE REVISION` natively (HelmReleaseRollback): checks the permissions
    // first, confirms, then runs it (server dry run of the target manifest, then the writes).
    void rollbackHelmRelease(const QString &ns, const QString &release, int revision);
    // "Apply manifests…" (`kubectl apply --server-side --field-manager=orrery`): opens the
    // ApplyDialog for the active session with `files` already listed, checks permissions and
    // shows the server's dry-run diff per object, confirms, applies, explains conflicts and
    // offers to force, then follows the rollouts of changed workload templates. Null when
    // there is no session (an error is shown instead).
    ApplyDialog *applyManifests(const QStringList &files = {});
    // An operation built by a page rather than the catalog (the Alerts page's "Silence alert"
    // and "Expire silence", the Pipelines page's actions): on the active session, fetched,
    // confirmed, run through the audited writer of its transport, reported and offered for
    // undo like the others. One about no cluster (ClusterOperation::needsSession() false: a
    // pipeline action) needs no session; its confirmation names its transport's connection
    // (the CI source) instead of a context. Takes ownership of `op`.
    void runOperation(ClusterOperation *op);
    // Editing an object's YAML in place (`kubectl edit`, EditOperation): the details pane's
    // hooks. begin reads the object; submit checks the permission, asks the server for a dry
    // run and its diff, confirms (the protected context's typed name included), runs the
    // audited update and offers the undo; a conflict (409) or invalid values come back to the
    // pane in words. actioncontrolleredit.cpp.
    ObjectEditHooks editHooks();

signals:
    // `context`: the context the message is about (empty: none in particular); the window
    // shows it while that context is active.
    void statusMessage(const QString &context, const QString &text);
    // A write finished (ok or not); `report` is the Operation's report.
    void operationFinished(bool ok, const QString &description, const QStringList &report);
    // Permissions for the current context changed (menus may refresh).
    void permissionsChanged();
    // "exec" and "port-forward" ran (checked, audited, the API server accepted): the live
    // session of `context`, for the receiver to take (setParent or a unique_ptr) and show.
    void shellOpened(const QString &context, Orrery::ExecSession *session);
    void portForwardStarted(const QString &context, Orrery::PortForwardSession *session);

private:
    using Target = OperationRunner::Target;

    // The parameter dialog of `id`, shown once the operation is fetched; none: straight on.
    OperationRunner::Configure parameters(const QString &id);
    // Opens `dialog` for `op`: accepted, `accepted()` sets the parameters and returns the
    // operation to confirm; rejected, `op` is dropped.
    void ask(const Target &t, ClusterOperation *op, QDialog *dialog,
             std::function<ClusterOperation *()> accepted);
    ConfirmDialog *confirmation(const Target &t, ClusterOperation *op);
    void confirm(const Target &t, ClusterOperation *op);

    void showError(const QString &title, const QString &text);
    void showInfo(const QString &title, const QString &text);
    // AuditLog::writeFailed: said in the status bar and in a banner of the operations panel
    // (a warning box without a panel), one at a time, updated by later failures.
    void showAuditFailure(const QString &message);
    void offerUndo(const Target &t, const QString &text, const ClusterOperation::Factory &undo);
    QString currentContext() const;
    void trackRollout(const Target &t, const OperationTarget &workload);

    // Apply manifests (actioncontrollerapply.cpp).
    void previewApply(ApplyDialog *dialog);
    void confirmApply(const Target &t, ApplyOperation *op, bool force, const QString &reason,
                      ApplyDialog *dialog);
    void offerForce(const Target &t, ClusterOperation *op);

    // Edit in place (actioncontrolleredit.cpp).
    void beginEdit(const KubeObjectPtr &object, QObject *context, ObjectEditHooks::Ready ready);
    void submitEdit(const KubeObjectPtr &object, const QString &text, QObject *context,
                    ObjectEditHooks::Finished finished);
    void editDifferences(const KubeObjectPtr &object, QObject *context,
                         ObjectEditHooks::Ready ready);

    ContextPreferences *m_preferences;
    QPointer<QWidget> m_dialogParent;
    QPointer<ClusterSession> m_session;
    QPointer<OperationsPanel> m_panel;
    QPointer<AuditLog> m_audit;
    QPointer<QWidget> m_auditFailure;
    PermissionCache *m_permissions;
    OperationRunner *m_runner;
    // The checked apply of each open dialog, and the session it was checked against.
    struct CheckedApply
    {
        QPointer<ApplyOperation> op;
        Target target;
    };
    QHash<ApplyDialog *, CheckedApply> m_applyPlans;
    // The object as read when its edit began (its resourceVersion guards the update).
    struct EditBase
    {
        QString context;
        QString uid;
        nlohmann::json object;
    };
    std::optional<EditBase> m_editBase;
};

} // namespace Orrery
