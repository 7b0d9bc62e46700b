// SPDX-License-Identifier: GPL-3.0-or-later
#include "railwayoperations.h"

#include "cloud/railwayclient.h"
#include "kube/actions/writeexecutor.h"
#include "util/jsonread.h"

#include <QMetaObject>
#include <QPointer>

namespace Orrery {

namespace {

struct RailwayActionName
{
    RailwayAction action;
    const char *id;
    const char *label;
};

constexpr RailwayActionName s_railwayActions[] = {
    {RailwayAction::Redeploy, "railway-redeploy",
     QT_TRANSLATE_NOOP("Orrery::RailwayOperation", "Redeploy")},
    {RailwayAction::Rollback, "railway-rollback",
     QT_TRANSLATE_NOOP("Orrery::RailwayOperation", "Roll back\u2026")},
    {RailwayAction::Restart, "railway-restart",
     QT_TRANSLATE_NOOP("Orrery::RailwayOperation", "Restart")},
};

void queuedRailway(QObject *context, std::function<void()> fn)
{
    QMetaObject::invokeMethod(context, std::move(fn), Qt::QueuedConnection);
}

bool isRunningStatus(const QString &s)
{
    return s == QLatin1String("SUCCESS") || s == QLatin1String("CRASHED")
           || s == QLatin1String("SLEEPING");
}

} // namespace

RailwayOperation::RailwayOperation(std::shared_ptr<RailwayClient> client, RailwayAction action,
                                   RailwayActionTarget target, QObject *parent)
    : ClusterOperation(client ? client->transport() : nullptr,
                       OperationTarget{Kind::Namespace, target.label, target.serviceId}, parent)
    , m_client(std::move(client))
    , m_action(action)
    , m_target(std::move(target))
{
}

QStringList RailwayOperation::ids()
{
    QStringList out;
    for (const RailwayActionName &a : s_railwayActions)
        out << QLatin1String(a.id);
    return out;
}

QString RailwayOperation::label(const QString &id)
{
    for (const RailwayActionName &a : s_railwayActions)
        if (id == QLatin1String(a.id))
            return tr(a.label);
    return id;
}

RailwayOperation *RailwayOperation::create(const QString &id, std::shared_ptr<RailwayClient> client,
                                           const RailwayActionTarget &target, QObject *parent)
{
    for (const RailwayActionName &a : s_railwayActions)
        if (id == QLatin1String(a.id))
            return new RailwayOperation(std::move(client), a.action, target, parent);
    return nullptr;
}

QString RailwayOperation::serviceName() const
{
    if (m_instance && !m_instance->serviceName.isEmpty())
        return m_instance->serviceName;
    return m_target.serviceId;
}

QString RailwayOperation::describe(const RailwayDeployment &d) const
{
    const QString shortId = d.id.left(8);
    return d.image.isEmpty() ? tr("deployment %1 (%2)").arg(shortId, d.status)
                             : tr("deployment %1 (%2, %3)").arg(shortId, d.image, d.status);
}

std::optional<RailwayDeployment> RailwayOperation::running() const
{
    for (const RailwayDeployment &d : m_history)
        if (isRunningStatus(d.status))
            return d;
    return std::nullopt;
}

std::optional<RailwayDeployment> RailwayOperation::subject() const
{
    if (!m_target.deploymentId.isEmpty()) {
        for (const RailwayDeployment &d : m_history)
            if (d.id == m_target.deploymentId)
                return d;
        if (m_instance && m_instance->latest && m_instance->latest->id == m_target.deploymentId)
            return m_instance->latest;
        return std::nullopt;
    }
    switch (m_action) {
    case RailwayAction::Rollback:
        // The newest deployment Railway can roll back to.
        for (const RailwayDeployment &d : m_history)
            if (d.canRollback)
                return d;
        return std::nullopt;
    case RailwayAction::Restart:
        if (const auto r = running())
            return r;
        break;
    case RailwayAction::Redeploy: break;
    }
    if (m_instance && m_instance->latest)
        return m_instance->latest;
    return m_history.isEmpty() ? std::nullopt : std::optional(m_history.first());
}

QString RailwayOperation::title() const
{
    switch (m_action) {
    case RailwayAction::Redeploy: return tr("Redeploy %1").arg(serviceName());
    case RailwayAction::Rollback: return tr("Roll back %1").arg(serviceName());
    case RailwayAction::Restart: return tr("Restart %1").arg(serviceName());
    }
    return {};
}

QString RailwayOperation::actionLabel() const
{
    switch (m_action) {
    case RailwayAction::Redeploy: return tr("Redeploy");
    case RailwayAction::Rollback: return tr("Roll back");
    case RailwayAction::Restart: return tr("Restart");
    }
    return {};
}

QString RailwayOperation::failureTitle() const
{
    switch (m_action) {
    case RailwayAction::Redeploy: return tr("Cannot redeploy");
    case RailwayAction::Rollback: return tr("Cannot roll back");
    case RailwayAction::Restart: return tr("Cannot restart");
    }
    return {};
}

ClusterOperation::Scope RailwayOperation::scope() const
{
    return {m_target.label, objectKind(), serviceName()};
}

void RailwayOperation::fetch(Done done)
{
    if (!m_client) {
        queuedRailway(this, [done] {
            done(Error(Error::Code::InvalidArgument, tr("no Railway account is connected")));
        });
        return;
    }
    const QPointer<RailwayOperation> self(this);
    m_client->serviceInstance(
        m_target.environmentId, m_target.serviceId, this,
        [self, done](const Result<RailwayServiceInstance> &inst) {
            if (!self)
                return;
            if (!inst.ok())
                return done(inst.error());
            self->m_instance = *inst;
            self->m_client->deployments(
                self->m_target.projectId, self->m_target.environmentId, self->m_target.serviceId,
                30, self, [self, done](const Result<QList<RailwayDeployment>> &history) {
                    if (!self)
                        return;
                    if (!history.ok())
                        return done(history.error());
                    self->m_history = *history;
                    if (const auto r = self->running())
                        self->m_previousRunning = r->id;
                    self->setObject(nlohmann::json::object());
                    done({});
                });
        });
}

QString RailwayOperation::nothingToDo() const
{
    if (m_action != RailwayAction::Rollback)
        return {};
    const auto target = subject();
    const auto now = running();
    if (target && now && target->id == now->id)
        return tr("%1 already runs %2.").arg(serviceName(), describe(*target));
    return {};
}

Result<QList<PlannedWrite>> RailwayOperation::plan(bool dryRun) const
{
    if (!m_client)
        return Error(Error::Code::InvalidArgument, tr("no Railway account is connected"));
    if (m_target.environmentId.isEmpty() || m_target.serviceId.isEmpty())
        return Error(Error::Code::InvalidArgument,
                     tr("Say which Railway service (environment and service) to act on."));
    const std::optional<RailwayDeployment> d = subject();
    if (!d) {
        if (m_action == RailwayAction::Rollback)
            return Error(Error::Code::NotFound,
                         m_target.deploymentId.isEmpty()
                             ? tr("%1 has no earlier deployment Railway can roll back to.")
                                   .arg(serviceName())
                             : tr("Deployment %1 is not one of %2's.")
                                   .arg(m_target.deploymentId, serviceName()));
        return Error(Error::Code::NotFound, tr("%1 has no deployment yet.").arg(serviceName()));
    }
    PlannedWrite w;
    w.apiVersion = QStringLiteral("railway/graphql-v2");
    w.kind = objectKind();
    w.ns = m_target.label;
    w.name = d->id;
    w.dryRun = dryRun;
    const nlohmann::json variables = {{"id", d->id.toStdString()}};
    switch (m_action) {
    case RailwayAction::Rollback:
        if (!d->canRollback)
            return Error(Error::Code::Conflict,
                         tr("Railway cannot roll %1 back to %2: only an earlier deployment that "
                            "ran and was replaced can be rolled back to.")
                             .arg(serviceName(), describe(*d)));
        w.verb = QStringLiteral("rollback");
        w.request = m_client->request(RailwayQueries::deploymentRollback(), variables, false);
        w.description = tr("Roll back Railway service %1 (%2) to %3")
                            .arg(serviceName(), m_target.label, describe(*d));
        break;
    case RailwayAction::Redeploy:
        if (!d->canRedeploy)
            return Error(Error::Code::Conflict,
                         tr("Railway cannot redeploy %1 now (%2).").arg(describe(*d), d->status));
        w.verb = QStringLiteral("redeploy");
        w.request = m_client->request(RailwayQueries::deploymentRedeploy(), variables, false);
        w.description = tr("Redeploy Railway service %1 (%2) from %3")
                            .arg(serviceName(), m_target.label, describe(*d));
        break;
    case RailwayAction::Restart:
        if (!isRunningStatus(d->status))
            return Error(Error::Code::Conflict,
                         tr("%1 is not running (%2): only a running deployment can be restarted.")
                             .arg(describe(*d), d->status));
        w.verb = QStringLiteral("restart");
        w.request = m_client->request(RailwayQueries::deploymentRestart(), variables, false);
        w.description = tr("Restart Railway service %1 (%2): %3")
                            .arg(serviceName(), m_target.label, describe(*d));
        break;
    }
    w.body = JsonRead::parse(w.request.body);
    const RailwayAction action = m_action;
    const QString what = w.description;
    w.answerFailure = [action, what](const ApiResponse &response) {
        return answerFailure(action, response, what);
    };
    return QList<PlannedWrite>{w};
}

QStringList RailwayOperation::summary() const
{
    QStringList lines = ClusterOperation::summary();
    if (const auto now = running(); now && m_action == RailwayAction::Rollback)
        lines << tr("It runs %1 now.").arg(describe(*now));
    if (m_instance && m_instance->latest && m_instance->latest->status == QLatin1String("FAILED"))
        lines << tr("Its latest deployment failed: %1.").arg(describe(*m_instance->latest));
    return lines;
}

void RailwayOperation::dryRun(WriteExecutor *, DryRunDone done)
{
    const Result<QList<PlannedWrite>> planned = plan(true);
    const bool ok = planned.ok();
    const QString text = ok ? tr("Railway has no dry run; the deployment and what Railway allows "
                                 "for it (canRollback, canRedeploy, status) were checked here "
                                 "and nothing was sent.")
                            : planned.error().message;
    queuedRailway(this, [done, ok, text] { done(ok, text); });
}

void RailwayOperation::finishWith(
    bool ok, const QString &line, const QString &explanation,
    std::optional<std::pair<PlannedWrite, Result<ApiResponse>>> failure)
{
    OperationReport report;
    report.ok = ok;
    report.description = title();
    report.lines << line;
    report.explanation = explanation;
    report.failure = std::move(failure);
    finish(report);
}

void RailwayOperation::run(WriteExecutor *writer)
{
    const Result<QList<PlannedWrite>> planned = plan(false);
    if (!planned.ok()) {
        const QString explanation = planned.error().message;
        queuedRailway(this, [this, explanation] { finishWith(false, explanation, explanation); });
        return;
    }
    PlannedWrite write = planned->first();
    // The token goes on the request now, never into what was previewed or recorded.
    m_client->authorize(write.request);
    PlannedWrite shown = planned->first();
    writer->send(write, this, [this, shown](const Result<ApiResponse> &response) {
        if (!response.ok()) {
            const QString explanation
                = tr("Railway could not be reached: %1").arg(response.error().toString());
            finishWith(false, tr("%1: failed: %2").arg(shown.description, explanation), explanation,
                       std::make_pair(shown, response));
            return;
        }
        // GraphQL says what went wrong in the body, usually with HTTP 200.
        const QString failure
            = answerFailure(m_action, *response, shown.description, &m_newDeploymentId);
        if (!failure.isEmpty()) {
            const QString explanation = tr("Railway refused: %1").arg(failure);
            finishWith(false, tr("%1: failed: %2").arg(shown.description, explanation), explanation,
                       std::make_pair(shown, response));
            return;
        }
        QString line = tr("%1: done (%2)").arg(shown.description).arg(response->status);
        if (!m_newDeploymentId.isEmpty())
            line += tr(", new deployment %1").arg(m_newDeploymentId.left(8));
        finishWith(true, line, {});
    });
}

QString RailwayOperation::answerFailure(RailwayAction action, const ApiResponse &response,
                                        const QString &what, QString *newDeploymentId)
{
    const Result<nlohmann::json> data = RailwayResponse::data(response.status, response.body, what);
    QString failure;
    if (!data.ok()) {
        failure = data.error().message;
        if (!data.error().hint.isEmpty())
            failure += QStringLiteral(" (") + data.error().hint + QLatin1Char(')');
    } else if (action == RailwayAction::Redeploy) {
        const Result<QString> id = RailwayResponse::redeployedId(*data);
        if (!id.ok())
            failure = id.error().message;
        else if (newDeploymentId)
            *newDeploymentId = *id;
    } else {
        const char *field
            = action == RailwayAction::Rollback ? "deploymentRollback" : "deploymentRestart";
        const Result<bool> flag = RailwayResponse::mutationFlag(*data, field);
        if (!flag.ok())
            failure = flag.error().message;
        else if (!*flag)
            failure = tr("Railway answered false");
    }
    return failure;
}

ClusterOperation::Factory RailwayOperation::undo() const
{
    if (m_action != RailwayAction::Rollback || !report().ok || m_previousRunning.isEmpty())
        return {};
    // Railway rolls back only to a deployment that ran well: not to the crashing one.
    for (const RailwayDeployment &d : m_history)
        if (d.id == m_previousRunning && d.status != QLatin1String("SUCCESS"))
            return {};
    const std::shared_ptr<RailwayClient> client = m_client;
    RailwayActionTarget target = m_target;
    target.deploymentId = m_previousRunning;
    return [client, target](HttpTransport *, QObject *parent) {
        return static_cast<ClusterOperation *>(
            new RailwayOperation(client, RailwayAction::Rollback, target, parent));
    };
}

QString RailwayOperation::undoText() const
{
    if (!undo())
        return {};
    return tr("Roll back to the deployment that ran before (%1)").arg(m_previousRunning.left(8));
}

} // namespace Orrery
