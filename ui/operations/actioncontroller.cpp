// SPDX-License-Identifier: GPL-3.0-or-later
#include "actioncontroller.h"

#include "deletedialog.h"
#include "failurerecorder.h"
#include "operationspanel.h"
#include "permissioncache.h"
#include "rollbackdialog.h"
#include "rollouttracker.h"
#include "scaledialog.h"
#include "setimagedialog.h"

#include <contextpreferences.h>
#include <theme.h>

#include <audit/auditlog.h>
#include <helm/helmrelease.h>
#include <helm/helmrollback.h>
#include <helm/helmrollbackoperation.h>
#include <kube/actions/clusterwriteexecutor.h>
#include <kube/actions/controllerrevisionrollback.h>
#include <kube/actions/deploymentrollback.h>
#include <kube/actions/operation.h>
#include <kube/actions/resourcepath.h>
#include <kube/actions/revisionhistory.h>
#include <kube/actions/workloadactions.h>
#include <kube/clustersession.h>
#include <kube/httptransport.h>
#include <util/jsonread.h>
#include <util/redaction.h>

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QWidget>

namespace Orrery {

namespace {

QString prettyBody(const PlannedWrite &w)
{
    QString out = QString::fromLatin1(w.request.method) + QLatin1Char(' ') + w.request.path;
    if (!w.request.contentType.isEmpty())
        out += QLatin1String("\nContent-Type: ") + QString::fromLatin1(w.request.contentType);
    // A write to a Secret (a Helm release revision, a patch) shows its keys, not its values.
    if (!w.body.is_null())
        out += QLatin1String("\n\n")
               + QString::fromStdString(
                   JsonRead::dump(Redaction::hideSecretValuesInRequest(w.body, w.kind), 2));
    return out;
}

int specReplicas(const nlohmann::json &workload)
{
    const qint64 replicas = JsonRead::integer(workload, {"spec", "replicas"}, 1);
    return replicas >= 0 && replicas <= std::numeric_limits<int>::max() ? int(replicas) : 1;
}

QList<SetImageDialog::Container> containersOf(const nlohmann::json &workload)
{
    QList<SetImageDialog::Container> out;
    const nlohmann::json &podSpec = JsonRead::object(workload, {"spec", "template", "spec"});
    for (const char *list : {"initContainers", "containers"}) {
        for (const auto &c : JsonRead::array(podSpec, list))
            out << SetImageDialog::Container{JsonRead::string(c, "name"),
                                             JsonRead::string(c, "image"),
                                             std::string(list) == "initContainers"};
    }
    return out;
}

QString controllerOf(const nlohmann::json &object)
{
    for (const auto &r : JsonRead::array(object, {"metadata", "ownerReferences"}))
        if (JsonRead::boolean(r, "controller"))
            return JsonRead::string(r, "kind") + QLatin1Char('/') + JsonRead::string(r, "name");
    return {};
}

bool tracksRollout(Kind kind)
{
    return kind == Kind::Deployment || kind == Kind::StatefulSet || kind == Kind::DaemonSet;
}

} // namespace

ActionController::ActionController(ContextPreferences *preferences, QWidget *dialogParent,
                                   const QString &auditDirectory, QObject *parent)
    : QObject(parent)
    , m_preferences(preferences)
    , m_dialogParent(dialogParent)
    , m_audit(std::make_unique<AuditLog>(auditDirectory))
    , m_permissions(new PermissionCache(this))
{
    connect(m_permissions, &PermissionCache::updated, this, &ActionController::permissionsChanged);
    // Appends happen on this thread, but the log may be written from elsewhere one day: queue.
    connect(m_audit.get(), &AuditLog::writeFailed, this, &ActionController::showAuditFailure,
            Qt::QueuedConnection);
}

ActionController::~ActionController() = default;

void ActionController::setSession(ClusterSession *session)
{
    m_session = session;
}

QStringList ActionController::actionIds(Kind kind, bool paused)
{
    switch (kind) {
    case Kind::Deployment:
        return {QStringLiteral("scale"),
                QStringLiteral("restart"),
                paused ? QStringLiteral("resume") : QStringLiteral("pause"),
                QStringLiteral("set-image"),
                QStringLiteral("rollback"),
                QStringLiteral("delete")};
    case Kind::StatefulSet:
        return {QStringLiteral("scale"), QStringLiteral("restart"), QStringLiteral("set-image"),
                QStringLiteral("rollback"), QStringLiteral("delete")};
    case Kind::DaemonSet:
        return {QStringLiteral("restart"), QStringLiteral("set-image"), QStringLiteral("rollback"),
                QStringLiteral("delete")};
    case Kind::ReplicaSet: return {QStringLiteral("scale"), QStringLiteral("delete")};
    case Kind::Event:
    case Kind::Endpoints:
    case Kind::ControllerRevision: return {};
    default: return {QStringLiteral("delete")};
    }
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
    if (id == QLatin1String("delete"))
        return tr("Delete\u2026");
    return id;
}

std::optional<AccessCheck> ActionController::accessCheckFor(const QString &id, Kind kind,
                                                            const QString &ns)
{
    const KindInfo &info = kindInfo(kind);
    AccessCheck check;
    check.group = QString::fromLatin1(info.group);
    check.resource = QString::fromLatin1(info.resource);
    check.namespaceName = info.namespaced ? ns : QString();
    if (id == QLatin1String("scale")) {
        check.verb = QStringLiteral("patch");
        check.subresource = QStringLiteral("scale");
    } else if (id == QLatin1String("delete")) {
        check.verb = QStringLiteral("delete");
    } else if (id == QLatin1String("restart") || id == QLatin1String("pause")
               || id == QLatin1String("resume") || id == QLatin1String("set-image")
               || id == QLatin1String("rollback")) {
        check.verb = QStringLiteral("patch");
    } else {
        return std::nullopt;
    }
    return check;
}

QString ActionController::identity(const Target &t) const
{
    if (!t.session)
        return {};
    const ClusterConnection &c = t.session->connection();
    return c.impersonateUser.isEmpty() ? c.userName : c.impersonateUser;
}

QString ActionController::denialText(const AccessResult &result)
{
    if (result.allowed || result.error)
        return {};
    const AccessCheck &check = result.check;
    const QString resource = check.subresource.isEmpty()
                                 ? check.resource
                                 : check.resource + QLatin1Char('/') + check.subresource;
    QString text
        = check.namespaceName.isEmpty()
              ? tr("Not allowed: you may not %1 %2 on this cluster.").arg(check.verb, resource)
              : tr("Not allowed: you may not %1 %2 in namespace %3.")
                    .arg(check.verb, resource, check.namespaceName);
    if (!result.reason.isEmpty())
        text += QLatin1Char(' ') + tr("The server says: %1").arg(result.reason);
    return text;
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
    action->setToolTip(denialText(*result));
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
    QList<AccessCheck> checks;
    for (const QString &id : actionIds(kind, paused)) {
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
    else if (id == QLatin1String("delete"))
        remove(kind, ns, name);
    else
        return false;
    return true;
}

ActionController::Target ActionController::target(Kind kind, const QString &ns,
                                                  const QString &name) const
{
    Target t;
    t.session = m_session;
    t.context = m_session ? m_session->connection().contextName : QString();
    t.kind = kind;
    t.ns = ns;
    t.name = name;
    return t;
}

bool ActionController::checkSession(const Target &t)
{
    if (t.session)
        return true;
    showError(tr("Not connected"),
              tr("Connect to a context first: there is no cluster to send this to."));
    return false;
}

ConfirmationTarget ActionController::confirmationTarget(const Target &t) const
{
    ConfirmationTarget c;
    c.context = t.context;
    c.cluster = t.session ? t.session->connection().clusterName : QString();
    c.displayName = m_preferences ? m_preferences->displayName(t.context) : t.context;
    c.colour = m_preferences ? m_preferences->colour(t.context) : QColor();
    c.isProtected = m_preferences && m_preferences->isProtected(t.context);
    c.tlsVerificationOff = t.session && t.session->connection().insecureSkipTlsVerify;
    c.ns = t.ns;
    c.kind = kindName(t.kind);
    c.name = t.name;
    return c;
}

ClusterWriteExecutor *ActionController::executor(ClusterSession *session)
{
    auto it = m_executors.find(session);
    if (it != m_executors.end())
        return it->get();
    auto executor = std::make_shared<ClusterWriteExecutor>(session->transport(), m_audit.get());
    m_executors.insert(session, executor);
    connect(session, &QObject::destroyed, this, [this, session] { m_executors.remove(session); });
    return executor.get();
}

void ActionController::fetchObject(const Target &t, JsonHandler handler)
{
    // fetchObject redacts Secret values before they leave the worker: a delete needs only
    // the identity, and nothing else here reads Secrets this way.
    t.session->fetchObject(t.kind, t.ns, t.name, ClusterSession::Format::Json, this,
                           [handler](const Result<QByteArray> &body) {
                               if (!body.ok()) {
                                   handler(body.error());
                                   return;
                               }
                               auto j = JsonRead::parse(*body);
                               if (j.is_discarded())
                                   handler(
                                       Error(Error::Code::ParseError,
                                             QStringLiteral("the server's answer is not JSON")));
                               else
                                   handler(std::move(j));
                           });
}

void ActionController::fetchList(const Target &t, Kind kind, JsonHandler handler)
{
    fetchJson(t.session->transport(), ResourcePath::forKind(kind, t.ns), this, std::move(handler));
}

void ActionController::fetchOwned(const Target &t, const nlohmann::json &workload,
                                  JsonHandler handler)
{
    if (t.kind == Kind::Deployment) {
        const QString selector
            = matchLabelsSelector(JsonRead::object(workload, {"spec", "selector"}));
        QString path = ResourcePath::forKind(Kind::ReplicaSet, t.ns);
        if (!selector.isEmpty())
            path = ResourcePath::addQuery(path, QStringLiteral("labelSelector"), selector);
        fetchJson(t.session->transport(), path, this, std::move(handler));
    } else {
        fetchList(t, Kind::ControllerRevision, std::move(handler));
    }
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
    const QString text = message + QLatin1Char('\n')
                         + tr("A change whose intent cannot be recorded is not sent. Free some "
                              "disk space or fix the "
                              "permissions of %1.")
                               .arg(QDir::toNativeSeparators(m_audit->directory()));
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

QString ActionController::explainFailure(const PlannedWrite &write,
                                         const Result<ApiResponse> &response) const
{
    if (!response.ok())
        return tr("The request did not reach the server: %1").arg(response.error().toString());
    const Error error = response->toError();
    if (response->status == 403) {
        QString resource = write.kind;
        if (const auto kind = kindFromName(write.kind)) {
            resource = QString::fromLatin1(kindInfo(*kind).resource);
            if (write.request.path.section(QLatin1Char('?'), 0, 0)
                    .endsWith(QLatin1String("/scale")))
                resource += QLatin1String("/scale");
        }
        const QString user = m_session ? m_session->connection().userName : QString();
        QString text = write.ns.isEmpty()
                           ? tr("Forbidden: the user %1 may not %2 %3 on this cluster.")
                                 .arg(user, write.verb, resource)
                           : tr("Forbidden: the user %1 may not %2 %3 in namespace %4.")
                                 .arg(user, write.verb, resource, write.ns);
        text += QLatin1Char('\n')
                + tr("Ask a cluster administrator for this RBAC permission, or use a "
                     "context with more rights.");
        if (!error.message.isEmpty())
            text += QLatin1Char('\n') + tr("The server said: %1").arg(error.message);
        return text;
    }
    if (response->status == 409)
        return tr("Conflict: the object changed on the server meanwhile (%1). Try again.")
            .arg(error.message);
    if (response->status == 404)
        return tr("Not found: %1 %2 is not there (any more).").arg(write.kind, write.name);
    return tr("The server refused (HTTP %1): %2").arg(response->status).arg(error.message);
}

void ActionController::confirmAndRun(const Target &t, const QString &title,
                                     const QString &actionLabel, const QString &details,
                                     Planner planner, FollowUp followUp)
{
    const Result<QList<PlannedWrite>> planned = planner(false);
    if (!planned.ok()) {
        // kubectl's own refusals ("can't restart paused deployment ...").
        showError(title, planned.error().message);
        return;
    }
    const QList<PlannedWrite> writes = planned.value();
    QStringList summary;
    for (const PlannedWrite &w : writes)
        summary << w.description;
    QString body = details;
    if (body.isEmpty()) {
        QStringList parts;
        for (const PlannedWrite &w : writes)
            parts << prettyBody(w);
        body = parts.join(QLatin1String("\n\n"));
    }
    auto *dialog = new ConfirmDialog(confirmationTarget(t), title, actionLabel, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setChange(summary.join(QLatin1Char('\n')), body);
    dialog->setDryRun([this, t, planner](ConfirmDialog::DryRunReply reply) {
        const Result<QList<PlannedWrite>> dry = planner(true);
        if (!dry.ok()) {
            reply(false, dry.error().message);
            return;
        }
        if (!t.session) {
            reply(false, tr("the cluster was disconnected"));
            return;
        }
        auto *op = new Operation(tr("Dry run"), dry.value(), this);
        const int count = int(dry.value().size());
        executor(t.session);
        auto recorder = std::make_shared<FailureRecorder>(m_executors.value(t.session));
        connect(op, &Operation::finished, this, [this, op, recorder, reply, count](bool ok) {
            op->deleteLater();
            if (ok)
                reply(true, tr("the server validated %n write(s) without storing anything.",
                               nullptr, count));
            else if (recorder->failure)
                reply(false, explainFailure(recorder->failure->first, recorder->failure->second));
            else
                reply(false, op->report().join(QLatin1Char('\n')));
        });
        op->run(recorder.get());
    });
    const QString description = summary.join(QLatin1String("; "));
    connect(dialog, &QDialog::accepted, this, [this, t, writes, description, followUp] {
        runOperation(t, writes, description, followUp);
    });
    dialog->open();
}

void ActionController::runOperation(const Target &t, const QList<PlannedWrite> &writes,
                                    const QString &description, FollowUp followUp)
{
    if (!checkSession(t))
        return;
    executor(t.session);
    auto recorder = std::make_shared<FailureRecorder>(m_executors.value(t.session));
    auto *op = new Operation(description, writes, this);
    emit statusMessage(tr("%1\u2026").arg(description));
    connect(
        op, &Operation::finished, this, [this, op, recorder, t, description, followUp](bool ok) {
            const QStringList report = op->report();
            op->deleteLater();
            emit operationFinished(ok, description, report);
            if (!ok) {
                showError(tr("The change failed"),
                          recorder->failure
                              ? explainFailure(recorder->failure->first, recorder->failure->second)
                              : report.join(QLatin1Char('\n')));
                return;
            }
            emit statusMessage(tr("Done: %1").arg(description));
            if (followUp.track)
                trackRollout(t);
            if (followUp.undo)
                offerUndo(followUp.undoText, followUp.undo);
        });
    op->run(recorder.get());
}

void ActionController::offerUndo(const QString &text, std::function<void()> undo)
{
    if (m_panel)
        m_panel->addCard(new UndoBanner(text, std::move(undo)));
}

void ActionController::trackRollout(const Target &t)
{
    if (!m_panel || !t.session || !tracksRollout(t.kind))
        return;
    auto *tracker = new RolloutTracker(t.session, t.kind, t.ns, t.name);
    connect(tracker, &RolloutTracker::rollbackRequested, this, [this, t] { rollbackTo(t, 0); });
    m_panel->addCard(tracker);
}

// --- scale ---------------------------------------------------------------------------------

void ActionController::scale(Kind kind, const QString &ns, const QString &name)
{
    const Target t = target(kind, ns, name);
    if (!checkSession(t))
        return;
    fetchObject(t, [this, t](const Result<nlohmann::json> &workload) {
        if (!workload.ok() || !t.session) {
            showError(tr("Cannot scale"), workload.ok() ? tr("the cluster was disconnected")
                                                        : workload.error().toString());
            return;
        }
        fetchList(
            t, Kind::HorizontalPodAutoscaler,
            [this, t, w = workload.value()](const Result<nlohmann::json> &hpas) {
                // Without permission to read HPAs, offer the plain scale: the server has the last
                // word.
                const std::optional<HpaTarget> hpa
                    = hpas.ok() ? WorkloadActions::findHpa(w, hpas.value()) : std::nullopt;
                nlohmann::json hpaObject;
                if (hpa)
                    for (const auto &item : JsonRead::array(hpas.value(), "items"))
                        if (JsonRead::string(item, {"metadata", "name"}) == hpa->name)
                            hpaObject = item;
                auto *dialog = new ScaleDialog(kindName(t.kind) + QLatin1Char('/') + t.name,
                                               specReplicas(w), hpa, m_dialogParent);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                if (hpa) {
                    // Permission first: the bounds are a patch of the HPA, not of the workload.
                    AccessCheck check;
                    check.verb = QStringLiteral("patch");
                    check.group = QStringLiteral("autoscaling");
                    check.resource = QStringLiteral("horizontalpodautoscalers");
                    check.namespaceName = t.ns;
                    check.name = hpa->name;
                    auto show = [this, dialog, context = t.context, check] {
                        const std::optional<AccessResult> r = m_permissions->cached(context, check);
                        dialog->setHpaPermission(r ? std::optional<QString>(denialText(*r))
                                                   : std::nullopt);
                    };
                    show();
                    connect(m_permissions, &PermissionCache::updated, dialog,
                            [show, context = t.context](const QString &c) {
                                if (c == context)
                                    show();
                            });
                    m_permissions->request(t.session, t.context, {check});
                }
                connect(dialog, &QDialog::accepted, this, [this, t, w, dialog, hpaObject] {
                    if (dialog->editsHpa())
                        planHpaBounds(t, hpaObject, dialog->minReplicas(), dialog->maxReplicas());
                    else
                        planScale(t, w, dialog->replicas());
                });
                dialog->open();
            });
    });
}

void ActionController::planScale(const Target &t, const nlohmann::json &workload, int replicas)
{
    const int previous = specReplicas(workload);
    FollowUp followUp;
    followUp.track = tracksRollout(t.kind);
    followUp.undoText
        = tr("Scaled %1/%2 to %3 replicas (was %4).").arg(t.ns, t.name).arg(replicas).arg(previous);
    followUp.undo = [this, t, previous] {
        if (!t.session)
            return;
        fetchObject(t, [this, t, previous](const Result<nlohmann::json> &fresh) {
            if (fresh.ok())
                planScale(t, fresh.value(), previous);
            else
                showError(tr("Cannot undo"), fresh.error().toString());
        });
    };
    confirmAndRun(
        t, tr("Scale %1").arg(t.name), tr("Scale"), {},
        [workload, replicas](bool dryRun) -> Result<QList<PlannedWrite>> {
            Result<PlannedWrite> w = WorkloadActions::scale(workload, replicas, dryRun);
            if (!w.ok())
                return w.error();
            return QList<PlannedWrite>{w.value()};
        },
        followUp);
}

void ActionController::planHpaBounds(const Target &t, const nlohmann::json &hpa, int minReplicas,
                                     int maxReplicas)
{
    Target hpaTarget = t;
    hpaTarget.kind = Kind::HorizontalPodAutoscaler;
    hpaTarget.name = JsonRead::string(hpa, {"metadata", "name"});
    confirmAndRun(hpaTarget, tr("Change autoscaler bounds"), tr("Change bounds"), {},
                  [hpa, minReplicas, maxReplicas](bool dryRun) -> Result<QList<PlannedWrite>> {
                      Result<PlannedWrite> w
                          = WorkloadActions::setHpaBounds(hpa, minReplicas, maxReplicas, dryRun);
                      if (!w.ok())
                          return w.error();
                      return QList<PlannedWrite>{w.value()};
                  },
                  {});
}

// --- restart, pause, resume ----------------------------------------------------------------

void ActionController::restart(Kind kind, const QString &ns, const QString &name)
{
    const Target t = target(kind, ns, name);
    if (!checkSession(t))
        return;
    fetchObject(t, [this, t](const Result<nlohmann::json> &workload) {
        if (!workload.ok()) {
            showError(tr("Cannot restart"), workload.error().toString());
            return;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        FollowUp followUp;
        followUp.track = true;
        confirmAndRun(
            t, tr("Restart %1").arg(t.name), tr("Restart"), {},
            [w = workload.value(), now](bool dryRun) -> Result<QList<PlannedWrite>> {
                Result<PlannedWrite> p = WorkloadActions::restart(w, now, dryRun);
                if (!p.ok())
                    return p.error();
                return QList<PlannedWrite>{p.value()};
            },
            followUp);
    });
}

void ActionController::setPaused(Kind kind, const QString &ns, const QString &name, bool paused)
{
    const Target t = target(kind, ns, name);
    if (!checkSession(t))
        return;
    fetchObject(t, [this, t, paused](const Result<nlohmann::json> &workload) {
        if (!workload.ok()) {
            showError(paused ? tr("Cannot pause") : tr("Cannot resume"),
                      workload.error().toString());
            return;
        }
        FollowUp followUp;
        followUp.track = !paused;
        confirmAndRun(
            t, paused ? tr("Pause %1").arg(t.name) : tr("Resume %1").arg(t.name),
            paused ? tr("Pause") : tr("Resume"), {},
            [w = workload.value(), paused](bool dryRun) -> Result<QList<PlannedWrite>> {
                Result<PlannedWrite> p = paused ? WorkloadActions::pause(w, dryRun)
                                                : WorkloadActions::resume(w, dryRun);
                if (!p.ok())
                    return p.error();
                return QList<PlannedWrite>{p.value()};
            },
            followUp);
    });
}

// --- set image -----------------------------------------------------------------------------

void ActionController::setImage(Kind kind, const QString &ns, const QString &name)
{
    const Target t = target(kind, ns, name);
    if (!checkSession(t))
        return;
    fetchObject(t, [this, t](const Result<nlohmann::json> &workload) {
        if (!workload.ok()) {
            showError(tr("Cannot set the image"), workload.error().toString());
            return;
        }
        const QList<SetImageDialog::Container> containers = containersOf(workload.value());
        if (containers.isEmpty()) {
            showError(tr("Cannot set the image"), tr("%1 has no containers.").arg(t.name));
            return;
        }
        auto *dialog = new SetImageDialog(kindName(t.kind) + QLatin1Char('/') + t.name, containers,
                                          m_dialogParent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, t, dialog, w = workload.value()] {
            planSetImage(t, w, dialog->container(), dialog->image());
        });
        dialog->open();
    });
}

void ActionController::planSetImage(const Target &t, const nlohmann::json &workload,
                                    const QString &container, const QString &image)
{
    QString previous;
    for (const SetImageDialog::Container &c : containersOf(workload))
        if (c.name == container)
            previous = c.image;
    FollowUp followUp;
    followUp.track = tracksRollout(t.kind);
    if (!previous.isEmpty() && previous != image) {
        followUp.undoText = tr("Set the image of %1 in %2/%3 to %4 (was %5).")
                                .arg(container, t.ns, t.name, image, previous);
        followUp.undo = [this, t, container, previous] {
            if (!t.session)
                return;
            fetchObject(t, [this, t, container, previous](const Result<nlohmann::json> &fresh) {
                if (fresh.ok())
                    planSetImage(t, fresh.value(), container, previous);
                else
                    showError(tr("Cannot undo"), fresh.error().toString());
            });
        };
    }
    confirmAndRun(
        t, tr("Set image of %1").arg(t.name), tr("Set image"), {},
        [workload, container, image](bool dryRun) -> Result<QList<PlannedWrite>> {
            Result<PlannedWrite> w = WorkloadActions::setImage(workload, container, image, dryRun);
            if (!w.ok())
                return w.error();
            return QList<PlannedWrite>{w.value()};
        },
        followUp);
}

// --- rollback ------------------------------------------------------------------------------

void ActionController::rollback(Kind kind, const QString &ns, const QString &name)
{
    const Target t = target(kind, ns, name);
    if (!checkSession(t))
        return;
    fetchObject(t, [this, t](const Result<nlohmann::json> &workload) {
        if (!workload.ok() || !t.session) {
            showError(tr("Cannot roll back"), workload.ok() ? tr("the cluster was disconnected")
                                                            : workload.error().toString());
            return;
        }
        fetchOwned(
            t, workload.value(),
            [this, t, w = workload.value()](const Result<nlohmann::json> &owned) {
                if (!owned.ok()) {
                    showError(tr("Cannot roll back"), owned.error().toString());
                    return;
                }
                const QList<RevisionEntry> history = RevisionHistory::forWorkload(w, owned.value());
                if (history.isEmpty()) {
                    // kubectl's refusal, word for word.
                    const Result<RollbackPlan> refusal
                        = t.kind == Kind::Deployment
                              ? DeploymentRollback::plan(w, owned.value())
                              : ControllerRevisionRollback::plan(w, owned.value());
                    showError(tr("Cannot roll back"),
                              refusal.ok() ? tr("No revision history.") : refusal.error().message);
                    return;
                }
                auto *dialog
                    = new RollbackDialog(kindName(t.kind) + QLatin1Char('/') + t.name, history,
                                         QDateTime::currentDateTimeUtc(), m_dialogParent);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                connect(dialog, &QDialog::accepted, this, [this, t, w, o = owned.value(), dialog] {
                    planRollback(t, w, o, dialog->selectedRevision());
                });
                dialog->open();
            });
    });
}

void ActionController::rollbackTo(Kind kind, const QString &ns, const QString &name,
                                  qint64 revision)
{
    const Target t = target(kind, ns, name);
    if (checkSession(t))
        rollbackTo(t, revision);
}

void ActionController::rollbackTo(const Target &t, qint64 revision)
{
    if (!checkSession(t))
        return;
    fetchObject(t, [this, t, revision](const Result<nlohmann::json> &workload) {
        if (!workload.ok() || !t.session) {
            showError(tr("Cannot roll back"), workload.ok() ? tr("the cluster was disconnected")
                                                            : workload.error().toString());
            return;
        }
        fetchOwned(t, workload.value(),
                   [this, t, revision, w = workload.value()](const Result<nlohmann::json> &owned) {
                       if (!owned.ok())
                           showError(tr("Cannot roll back"), owned.error().toString());
                       else
                           planRollback(t, w, owned.value(), revision);
                   });
    });
}

void ActionController::planRollback(const Target &t, const nlohmann::json &workload,
                                    const nlohmann::json &owned, qint64 revision)
{
    auto plan = [kind = t.kind, workload, owned](qint64 to, bool dryRun) {
        return kind == Kind::Deployment
                   ? DeploymentRollback::plan(workload, owned, to, dryRun)
                   : ControllerRevisionRollback::plan(workload, owned, to, dryRun);
    };
    const Result<RollbackPlan> first = plan(revision, false);
    if (!first.ok()) {
        showError(tr("Cannot roll back"), first.error().message);
        return;
    }
    if (first->skipped) {
        // kubectl succeeds without writing; say so rather than show an empty confirmation.
        emit statusMessage(first->message);
        auto *box = new QMessageBox(QMessageBox::Information, tr("Nothing to roll back"),
                                    first->message, QMessageBox::Ok, m_dialogParent);
        box->setObjectName(QStringLiteral("OperationInfo"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    const qint64 to = first->toRevision;
    const QList<RevisionEntry> history = RevisionHistory::forWorkload(workload, owned);
    const RevisionEntry *current = nullptr;
    const RevisionEntry *target = nullptr;
    for (const RevisionEntry &e : history) {
        if (e.current)
            current = &e;
        if (e.revision == to)
            target = &e;
    }
    QString details;
    if (current && target)
        details = RevisionHistory::diff(*current, *target);
    FollowUp followUp;
    followUp.track = true;
    if (current) {
        const qint64 was = current->revision;
        followUp.undoText
            = tr("Rolled back %1/%2 to revision %3 (was %4).").arg(t.ns, t.name).arg(to).arg(was);
        followUp.undo = [this, t, was] { rollbackTo(t, was); };
    }
    confirmAndRun(
        t, tr("Roll back %1 to revision %2").arg(t.name).arg(to), tr("Roll back"), details,
        [plan, to](bool dryRun) -> Result<QList<PlannedWrite>> {
            Result<RollbackPlan> p = plan(to, dryRun);
            if (!p.ok())
                return p.error();
            if (p->skipped)
                return QList<PlannedWrite>{};
            return QList<PlannedWrite>{p->write};
        },
        followUp);
}

// --- delete --------------------------------------------------------------------------------

void ActionController::remove(Kind kind, const QString &ns, const QString &name)
{
    const Target t = target(kind, ns, name);
    if (!checkSession(t))
        return;
    fetchObject(t, [this, t](const Result<nlohmann::json> &object) {
        if (!object.ok()) {
            showError(tr("Cannot delete"), object.error().toString());
            return;
        }
        auto *dialog
            = new DeleteDialog(kindName(t.kind) + QLatin1Char('/') + t.name, kindName(t.kind),
                               controllerOf(object.value()), m_dialogParent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, t, dialog, o = object.value()] {
            planDelete(t, o, int(dialog->propagation()));
        });
        dialog->open();
    });
}

void ActionController::planDelete(const Target &t, const nlohmann::json &object, int propagation)
{
    confirmAndRun(t, tr("Delete %1").arg(t.name), tr("Delete"), {},
                  [object, propagation](bool dryRun) -> Result<QList<PlannedWrite>> {
                      Result<PlannedWrite> w = WorkloadActions::remove(
                          object, WorkloadActions::Propagation(propagation), dryRun);
                      if (!w.ok())
                          return w.error();
                      return QList<PlannedWrite>{w.value()};
                  },
                  {});
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
    const QList<AccessCheck> checks
        = HelmRollback::requiredAccess(current, target, m_session->discovery().resources);
    AccessReview::run(m_session->transport(), checks, context,
                      [done](const QList<AccessResult> &results) {
                          for (const AccessResult &r : results) {
                              const QString denial = denialText(r);
                              if (!denial.isEmpty()) {
                                  done(denial + QLatin1Char(' ')
                                       + (r.check.resource == QLatin1String("secrets")
                                              ? tr("Helm keeps every revision of a release in a "
                                                   "Secret of its namespace.")
                                              : tr("A rollback writes every object of the target "
                                                   "revision's manifest.")));
                                  return;
                              }
                          }
                          done({});
                      });
}

void ActionController::rollbackHelmRelease(const QString &ns, const QString &release, int revision)
{
    Target t = target(Kind::Secret, ns, release);
    if (!checkSession(t))
        return;
    // The release's storage Secrets (payloads included): kept in memory only for the plan.
    const QString path = ResourcePath::addQuery(ResourcePath::forKind(Kind::Secret, ns),
                                                QStringLiteral("labelSelector"),
                                                QStringLiteral("owner=helm,name=") + release);
    fetchJson(t.session->transport(), path, this,
              [this, t, ns, release, revision](const Result<nlohmann::json> &secrets) {
                  if (!secrets.ok() || !t.session) {
                      QString why = secrets.ok() ? tr("the cluster was disconnected")
                                                 : secrets.error().toString();
                      if (!secrets.ok() && secrets.error().httpStatus == 403)
                          why = tr("You may not read Secrets in namespace %1, and Helm keeps its "
                                   "releases in Secrets. "
                                   "Ask a cluster administrator for this RBAC permission, or use a "
                                   "context with more "
                                   "rights.")
                                    .arg(ns);
                      showError(tr("Cannot roll back the release"), why);
                      return;
                  }
                  const Result<HelmRollbackPlan> plan = HelmRollback::plan(
                      secrets.value(), release, revision, QDateTime::currentDateTimeUtc(),
                      t.session->discovery().resources);
                  if (!plan.ok()) {
                      showError(tr("Cannot roll back the release"), plan.error().message);
                      return;
                  }
                  // Permission first: a denied rollback is refused here rather than half-way (the
                  // page already disabled its button, but permissions may have changed since).
                  HelmRelease target = plan->pending;
                  target.version = plan->targetVersion;
                  const HelmRollbackPlan p = plan.value();
                  checkHelmRollback(plan->current, target, this,
                                    [this, t, p](const QString &denial) {
                                        if (!denial.isEmpty()) {
                                            showError(tr("Cannot roll back the release"), denial);
                                            return;
                                        }
                                        confirmHelmRollback(t, p);
                                    });
              });
}

void ActionController::confirmHelmRollback(const Target &t, const HelmRollbackPlan &plan)
{
    const QString release = plan.release;
    QStringList lines;
    lines << tr("Roll back Helm release %1 from revision %2 to %3 (new revision %4).")
                 .arg(release)
                 .arg(plan.current.version)
                 .arg(plan.targetVersion)
                 .arg(plan.pending.version);
    lines << tr("The server first checks the target manifest (dry run): if it refuses, nothing is "
                "written.");
    QStringList details;
    for (const PlannedWrite &w : plan.recordPending + plan.applies + plan.deletes)
        details << w.description;
    ConfirmationTarget ct = confirmationTarget(t);
    ct.kind = QStringLiteral("HelmRelease");
    auto *dialog
        = new ConfirmDialog(ct, tr("Roll back %1").arg(release), tr("Roll back"), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setChange(lines.join(QLatin1Char('\n')), details.join(QLatin1Char('\n')));
    // "Preview on server": the target manifest's dry run alone (the Secrets are not dry-run:
    // the server would only check that they are well-formed, which the codec guarantees).
    dialog->setDryRun([this, t, dryRuns = plan.dryRunApplies](ConfirmDialog::DryRunReply reply) {
        if (!t.session) {
            reply(false, tr("the cluster was disconnected"));
            return;
        }
        executor(t.session);
        auto recorder = std::make_shared<FailureRecorder>(m_executors.value(t.session));
        auto *op = new Operation(tr("Dry run"), dryRuns, this);
        connect(op, &Operation::finished, this,
                [this, op, recorder, reply, count = int(dryRuns.size())](bool ok) {
                    op->deleteLater();
                    if (ok)
                        reply(true, tr("the server validated %n object(s) of the target manifest "
                                       "without storing anything.",
                                       nullptr, count));
                    else if (recorder->failure)
                        reply(false,
                              explainFailure(recorder->failure->first, recorder->failure->second));
                    else
                        reply(false, op->report().join(QLatin1Char('\n')));
                });
        op->run(recorder.get());
    });
    connect(dialog, &QDialog::accepted, this, [this, t, plan, release] {
        if (!t.session)
            return;
        auto *op = new HelmRollbackOperation(plan, this);
        connect(op, &HelmRollbackOperation::finished, this,
                [this, op, release](bool ok, const QString &message) {
                    op->deleteLater();
                    emit operationFinished(ok, tr("Helm rollback of %1").arg(release),
                                           op->report());
                    if (ok)
                        emit statusMessage(message);
                    else
                        showError(tr("Helm rollback failed"), message);
                });
        op->run(executor(t.session), HelmRollbackOperation::reader(t.session->transport()));
    });
    dialog->open();
}

} // namespace Orrery
