// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "confirmdialog.h"
#include "operationspanel.h"

#include <audit/auditlog.h>
#include <kube/accessreview.h>
#include <kube/actions/plannedwrite.h>
#include <kube/clustersession.h>
#include <kube/kubekind.h>
#include <kube/kubeobject.h>
#include <operations/clusteroperation.h>
#include <util/result.h>

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class QAction;
class QWidget;

namespace Orrery {

class ApplyDialog;
class ApplyOperation;
struct HelmRelease;
class ClusterWriteExecutor;
class ContextPreferences;
class PermissionCache;

// The operations of one main window (docs/operations.md): maps action ids to the core
// operations (core/operations/) and their dialogs. It offers the actions that fit the selected
// object, enabled by the cached permission checks (SelfSubjectAccessReview), lets the operation
// read what it needs, shows the parameter dialog, confirms with ConfirmDialog (with the
// operation's server dry run), runs the operation through an audited ClusterWriteExecutor,
// shows its report, follows the rollout and offers its undo. Every dialog is opened with
// open(), never exec().
class ActionController : public QObject
{
    Q_OBJECT
public:
    // `dialogParent` parents every dialog; `audit` (the application's one log, built in app/,
    // not owned) records every write.
    ActionController(ContextPreferences *preferences, QWidget *dialogParent, AuditLog *audit,
                     QObject *parent = nullptr);
    ~ActionController() override;

    // The session actions go to; the context name comes from its connection.
    void setSession(ClusterSession *session);
    ClusterSession *session() const { return m_session; }
    // Where rollout trackers and undo banners appear; none: only status messages.
    void setPanel(OperationsPanel *panel) { m_panel = panel; }
    OperationsPanel *panel() const { return m_panel; }
    AuditLog *auditLog() const { return m_audit; }

    // Action ids offered for a kind, in menu order: "scale", "restart", "pause", "resume",
    // "set-image", "rollback", "cordon", "uncordon", "delete". `paused`: a paused Deployment;
    // `unschedulable`: a cordoned node.
    static QStringList actionIds(Kind kind, bool paused = false, bool unschedulable = false);
    static QString actionLabel(const QString &id);

    // QActions for `object` (parented to `parent`), enabled by the cached permission checks;
    // unknown permissions are asked for and the actions updated when the answer comes.
    QList<QAction *> actionsFor(const KubeObjectPtr &object, QObject *parent);
    // Runs one action by id (table, details pane, palette, topology). False: not an operation id.
    bool trigger(const QString &id, Kind kind, const QString &ns, const QString &name);

    void scale(Kind kind, const QString &ns, const QString &name);
    void restart(Kind kind, const QString &ns, const QString &name);
    void setPaused(Kind kind, const QString &ns, const QString &name, bool paused);
    void setImage(Kind kind, const QString &ns, const QString &name);
    void rollback(Kind kind, const QString &ns, const QString &name);
    // Straight to the confirmation of `kubectl rollout undo [--to-revision]` (0: previous).
    void rollbackTo(Kind kind, const QString &ns, const QString &name, qint64 revision);
    void remove(Kind kind, const QString &ns, const QString &name);
    // `kubectl cordon` / `kubectl uncordon`.
    void setCordoned(const QString &node, bool cordon);
    // `helm rollback RELEASE REVISION` natively (HelmRollback + HelmRollbackOperation): checks
    // the permissions first, confirms, then runs it (server dry run of the target manifest,
    // then the writes).
    void rollbackHelmRelease(const QString &ns, const QString &release, int revision);
    // Asks the server (SelfSubjectAccessReview, HelmRollback::requiredAccess) whether the user
    // may roll `current`'s release back to `target`; `done` gets an empty string when allowed
    // (or when the review itself could not be made: the server decides then), else the first
    // denial in words. `done` is called on `context`'s thread, not at all if it is gone.
    using DenialHandler = std::function<void(const QString &denial)>;
    void checkHelmRollback(const HelmRelease &current, const HelmRelease &target, QObject *context,
                           DenialHandler done);

    // "Apply manifests…" (`kubectl apply --server-side --field-manager=orrery`): opens the
    // ApplyDialog for the active session with `files` already listed, checks permissions and
    // shows the server's dry-run diff per object, confirms, applies, explains conflicts and
    // offers to force, then follows the rollouts of changed workload templates. Null when
    // there is no session (an error is shown instead).
    ApplyDialog *applyManifests(const QStringList &files = {});

    // The permission check that gates an action, as `kubectl auth can-i` would ask it.
    static std::optional<AccessCheck> accessCheckFor(const QString &id, Kind kind,
                                                     const QString &ns);

signals:
    void statusMessage(const QString &text);
    // A write finished (ok or not); `report` is the Operation's report.
    void operationFinished(bool ok, const QString &description, const QStringList &report);
    // Permissions for the current context changed (menus may refresh).
    void permissionsChanged();

private:
    // The session (and its context name) an action was started on.
    struct Target
    {
        QPointer<ClusterSession> session;
        QString context;
    };
    // Shows the parameter dialog of a fetched operation, then calls confirm() (or not).
    using Configure = std::function<void(const Target &, ClusterOperation *)>;

    Target current() const;
    bool checkSession(const Target &t);
    ConfirmationTarget confirmationTarget(const Target &t, const OperationTarget &object) const;
    ClusterWriteExecutor *executor(ClusterSession *session);

    // fetch → `configure` (none: straight on) → confirm → run; `op` is owned from here on.
    void start(const Target &t, ClusterOperation *op, Configure configure = {});
    void confirm(const Target &t, ClusterOperation *op);
    void run(const Target &t, ClusterOperation *op);
    void rollbackTo(const Target &t, const OperationTarget &workload, qint64 revision);

    void showError(const QString &title, const QString &text);
    // AuditLog::writeFailed: said in the status bar and in a banner of the operations panel
    // (a warning box without a panel), one at a time, updated by later failures.
    void showAuditFailure(const QString &message);
    void offerUndo(const QString &text, std::function<void()> undo);
    void trackRollout(const Target &t, const OperationTarget &workload);

    // Apply manifests (actioncontrollerapply.cpp).
    void previewApply(ApplyDialog *dialog);
    void confirmApply(ApplyOperation *op, bool force, const QString &conflict, ApplyDialog *dialog);
    void runApply(ApplyOperation *op);

    void applyPermission(QAction *action, const QString &context, const AccessCheck &check) const;

    ContextPreferences *m_preferences;
    QPointer<QWidget> m_dialogParent;
    QPointer<ClusterSession> m_session;
    QPointer<OperationsPanel> m_panel;
    QPointer<AuditLog> m_audit;
    QPointer<QWidget> m_auditFailure;
    PermissionCache *m_permissions;
    QHash<ClusterSession *, std::shared_ptr<ClusterWriteExecutor>> m_executors;
    // The checked apply of each open dialog, and the session each apply was checked against.
    QHash<ApplyDialog *, QPointer<ApplyOperation>> m_applyPlans;
    QHash<ApplyOperation *, Target> m_applySessions;
};

} // namespace Orrery
