// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "confirmdialog.h"
#include "jsonfetch.h"
#include "operationspanel.h"

#include <kube/accessreview.h>
#include <kube/actions/plannedwrite.h>
#include <kube/clustersession.h>
#include <kube/kubekind.h>
#include <kube/kubeobject.h>
#include <util/result.h>

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>

class QAction;
class QWidget;

namespace Orrery {

class ApplyDialog;
struct HelmRelease;
struct HelmRollbackPlan;
class AuditLog;
class ClusterWriteExecutor;
class ContextPreferences;
class Operation;
class PermissionCache;

// The operations of one main window (docs/operations.md): offers the actions that fit the
// selected object, checks permissions first (SelfSubjectAccessReview, cached), fetches the
// object fresh, plans with core, confirms with ConfirmDialog (with a server dry run), runs the
// Operation through an audited ClusterWriteExecutor, shows the outcome, follows the rollout and
// offers undo. Every dialog is opened with open(), never exec().
class ActionController : public QObject
{
    Q_OBJECT
public:
    // `dialogParent` parents every dialog; `auditDirectory` empty: AuditLog::defaultDirectory().
    ActionController(ContextPreferences *preferences, QWidget *dialogParent,
                     const QString &auditDirectory = {}, QObject *parent = nullptr);
    ~ActionController() override;

    // The session actions go to; the context name comes from its connection.
    void setSession(ClusterSession *session);
    ClusterSession *session() const { return m_session; }
    // Where rollout trackers and undo banners appear; none: only status messages.
    void setPanel(OperationsPanel *panel) { m_panel = panel; }
    OperationsPanel *panel() const { return m_panel; }
    AuditLog *auditLog() const { return m_audit.get(); }

    // Action ids offered for a kind, in menu order: "scale", "restart", "pause", "resume",
    // "set-image", "rollback", "delete".
    static QStringList actionIds(Kind kind, bool paused = false);
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
    // "Not allowed: you may not patch deployments/scale in namespace shop." plus the server's
    // reason; empty when allowed or when the review could not be made.
    static QString denialText(const AccessResult &result);
    // A failed write in words: who, which verb, which resource (403), or the server's message.
    QString explainFailure(const PlannedWrite &write, const Result<ApiResponse> &response) const;

signals:
    void statusMessage(const QString &text);
    // A write finished (ok or not); `report` is the Operation's report.
    void operationFinished(bool ok, const QString &description, const QStringList &report);
    // Permissions for the current context changed (menus may refresh).
    void permissionsChanged();

private:
    struct Target
    {
        QPointer<ClusterSession> session;
        QString context;
        Kind kind = Kind::Deployment;
        QString ns;
        QString name;
    };
    // What to offer after a write: the undo and the rollout to follow.
    struct FollowUp
    {
        bool track = false;
        QString undoText;
        std::function<void()> undo;
    };
    using Planner = std::function<Result<QList<PlannedWrite>>(bool dryRun)>;

    Target target(Kind kind, const QString &ns, const QString &name) const;
    bool checkSession(const Target &t);
    ConfirmationTarget confirmationTarget(const Target &t) const;
    ClusterWriteExecutor *executor(ClusterSession *session);

    void fetchObject(const Target &t, JsonHandler handler);
    void fetchList(const Target &t, Kind kind, JsonHandler handler);
    void fetchOwned(const Target &t, const nlohmann::json &workload, JsonHandler handler);

    // Plans (dry run and real), shows the confirmation and runs the Operation when accepted.
    void confirmAndRun(const Target &t, const QString &title, const QString &actionLabel,
                       const QString &details, Planner planner, FollowUp followUp);
    void runOperation(const Target &t, const QList<PlannedWrite> &writes,
                      const QString &description, FollowUp followUp);
    void showError(const QString &title, const QString &text);
    // AuditLog::writeFailed: said in the status bar and in a banner of the operations panel
    // (a warning box without a panel), one at a time, updated by later failures.
    void showAuditFailure(const QString &message);
    void offerUndo(const QString &text, std::function<void()> undo);
    void trackRollout(const Target &t);

    void planScale(const Target &t, const nlohmann::json &workload, int replicas);
    void planHpaBounds(const Target &t, const nlohmann::json &hpa, int minReplicas,
                       int maxReplicas);
    void confirmHelmRollback(const Target &t, const HelmRollbackPlan &plan);
    void planSetImage(const Target &t, const nlohmann::json &workload, const QString &container,
                      const QString &image);
    void planRollback(const Target &t, const nlohmann::json &workload, const nlohmann::json &owned,
                      qint64 revision);
    void rollbackTo(const Target &t, qint64 revision);
    void planDelete(const Target &t, const nlohmann::json &object, int propagation);
    // Apply manifests (actioncontrollerapply.cpp).
    struct ApplyPlan;
    void previewApply(ApplyDialog *dialog);
    void dryRunApply(ApplyDialog *dialog, std::shared_ptr<ApplyPlan> plan);
    void confirmApply(std::shared_ptr<ApplyPlan> plan, bool force, const QString &conflict,
                      ApplyDialog *dialog);
    void runApply(std::shared_ptr<ApplyPlan> plan, bool force);

    void applyPermission(QAction *action, const QString &context, const AccessCheck &check) const;
    QString identity(const Target &t) const;

    ContextPreferences *m_preferences;
    QPointer<QWidget> m_dialogParent;
    QPointer<ClusterSession> m_session;
    QPointer<OperationsPanel> m_panel;
    std::unique_ptr<AuditLog> m_audit;
    QPointer<QWidget> m_auditFailure;
    PermissionCache *m_permissions;
    QHash<ClusterSession *, std::shared_ptr<ClusterWriteExecutor>> m_executors;
    QHash<ApplyDialog *, std::shared_ptr<ApplyPlan>> m_applyPlans;
};

} // namespace Orrery
