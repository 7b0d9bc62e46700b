// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusteroperation.h"

#include "cloud/railwayresponse.h"

#include <QCoreApplication>

#include <memory>
#include <optional>

namespace Orrery {

class RailwayClient;

// The Railway actions (docs/clouds.md, "Railway operations").
enum class RailwayAction { Redeploy, Rollback, Restart };

// What a Railway action is about: one service of one project environment and, for a
// rollback, the deployment to go back to (empty: the newest one Railway can roll back to);
// for a redeploy or restart, the deployment concerned (empty: the service's latest).
struct RailwayActionTarget
{
    QString projectId;
    QString environmentId;
    QString serviceId;
    QString deploymentId;
    QString label; // "acme-platform / production": for the words, not the requests
};

// Redeploy, roll back (deploymentRollback) and restart a Railway service's deployment, as
// operations on the one path every change takes (OperationRunner: confirmation, the audited
// run, report, undo). The write is the GraphQL mutation, sent through the audited
// ClusterWriteExecutor of the client's own transport; the token is added to the request
// only when it is sent, so neither the confirmation's details nor the audit log hold it.
//
//  - fetch() reads the service instance (serviceInstance: its latest deployment) and its
//    deployments (newest first), so the preview names the deployments and images concerned
//    and plan() can refuse what Railway would refuse: a rollback to a deployment Railway
//    marks canRollback false (a crashed or failed one, or the latest), a redeploy of one it
//    marks canRedeploy false, a restart of one that is not running.
//  - nothingToDo(): a rollback to the deployment the service runs already.
//  - Railway has no dry run: dryRun() says so and what was checked.
//  - undo(): a rollback is undone by rolling back to the deployment that ran before it,
//    when Railway can roll back to it (not when it was the crashing one).
class RailwayOperation : public ClusterOperation
{
    Q_OBJECT
public:
    RailwayOperation(std::shared_ptr<RailwayClient> client, RailwayAction action,
                     RailwayActionTarget target, QObject *parent = nullptr);

    // "railway-redeploy", "railway-rollback", "railway-restart": ids in menu order, their
    // labels, and the operation an id names (null for another id).
    static QStringList ids();
    static QString label(const QString &id);
    static RailwayOperation *create(const QString &id, std::shared_ptr<RailwayClient> client,
                                    const RailwayActionTarget &target, QObject *parent = nullptr);

    RailwayAction action() const { return m_action; }
    const RailwayActionTarget &railwayTarget() const { return m_target; }
    // After fetch().
    const std::optional<RailwayServiceInstance> &instance() const { return m_instance; }
    const QList<RailwayDeployment> &history() const { return m_history; }
    // The deployment the mutation names, once fetched.
    std::optional<RailwayDeployment> subject() const;
    // After a successful redeploy: the new deployment's id.
    const QString &newDeploymentId() const { return m_newDeploymentId; }

    QString title() const override;
    QString actionLabel() const override;
    QString failureTitle() const override;
    QString objectKind() const override { return QStringLiteral("RailwayDeployment"); }
    Scope scope() const override;
    // Nothing the Kubernetes API server decides, and no cluster session needed: the writes
    // go through the Railway client's own transport.
    QList<AccessCheck> requiredAccess() const override { return {}; }
    bool needsSession() const override { return false; }
    void fetch(Done done) override;
    QString nothingToDo() const override;
    Result<QList<PlannedWrite>> plan(bool dryRun) const override;
    QStringList summary() const override;
    void dryRun(WriteExecutor *writer, DryRunDone done) override;
    void run(WriteExecutor *writer) override;
    Factory undo() const override;
    QString undoText() const override;

private:
    QString serviceName() const;
    QString describe(const RailwayDeployment &d) const;
    std::optional<RailwayDeployment> running() const;
    // What Railway's answer to the mutation means: empty for success, else the refusal in one
    // line (GraphQL errors come with HTTP 200; a rollback or restart answered false). The
    // redeploy's new deployment id goes to *newDeploymentId. Used for the operation's result
    // and the audit log's outcome alike.
    static QString answerFailure(RailwayAction action, const ApiResponse &response,
                                 const QString &what, QString *newDeploymentId = nullptr);
    void finishWith(bool ok, const QString &line, const QString &explanation,
                    std::optional<std::pair<PlannedWrite, Result<ApiResponse>>> failure = {});

    std::shared_ptr<RailwayClient> m_client;
    RailwayAction m_action;
    RailwayActionTarget m_target;
    std::optional<RailwayServiceInstance> m_instance;
    QList<RailwayDeployment> m_history;
    QString m_previousRunning; // before a rollback: what ran
    QString m_newDeploymentId;
};

} // namespace Orrery
