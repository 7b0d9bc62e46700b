// SPDX-License-Identifier: GPL-3.0-or-later
#include "flyoperations.h"

#include "cloud/flyclient.h"
#include "util/jsonread.h"

#include <QMap>
#include <QMetaObject>

#include <algorithm>

namespace Orrery {

namespace {

constexpr const char *kApiVersion = "fly/v1";
constexpr int MaxScale = 100;

void finishQueued(QObject *op, std::function<void()> fn)
{
    QMetaObject::invokeMethod(op, std::move(fn), Qt::QueuedConnection);
}

bool live(const FlyMachine &m)
{
    return m.state != QLatin1String("destroyed") && m.state != QLatin1String("destroying");
}

QString where(const FlyMachine &m)
{
    return QStringLiteral("%1 (%2, %3)").arg(m.name.isEmpty() ? m.id : m.name, m.id, m.region);
}

} // namespace

FlyOperation::FlyOperation(FlyClient *client, FlyAction action, FlyActionTarget target,
                           QObject *parent)
    : ClusterOperation(client ? client->machinesTransport() : nullptr,
                       OperationTarget{Kind::Namespace, target.app,
                                       target.machineId.isEmpty() ? target.app : target.machineId},
                       parent)
    , m_client(client)
    , m_action(action)
    , m_target(std::move(target))
{
}

QString FlyOperation::actionId(FlyAction action)
{
    switch (action) {
    case FlyAction::RestartMachine: return QStringLiteral("fly-machine-restart");
    case FlyAction::StopMachine: return QStringLiteral("fly-machine-stop");
    case FlyAction::StartMachine: return QStringLiteral("fly-machine-start");
    case FlyAction::ScaleGroup: return QStringLiteral("fly-scale");
    case FlyAction::DeployRelease: return QStringLiteral("fly-deploy-release");
    }
    return {};
}

std::optional<FlyAction> FlyOperation::actionFromId(const QString &id)
{
    for (FlyAction a : {FlyAction::RestartMachine, FlyAction::StopMachine, FlyAction::StartMachine,
                        FlyAction::ScaleGroup, FlyAction::DeployRelease})
        if (actionId(a) == id)
            return a;
    return std::nullopt;
}

void FlyOperation::setCount(int count)
{
    m_count = count;
}

void FlyOperation::setReleaseVersion(int v)
{
    m_releaseVersion = v;
}

const FlyMachine *FlyOperation::machine() const
{
    for (const FlyMachine &m : m_machines)
        if (m.id == m_target.machineId && live(m))
            return &m;
    return nullptr;
}

const FlyRelease *FlyOperation::release(int version) const
{
    for (const FlyRelease &r : m_releases)
        if (r.version == version)
            return &r;
    return nullptr;
}

QList<FlyMachine> FlyOperation::groupMachines() const
{
    QList<FlyMachine> out;
    for (const FlyMachine &m : m_machines)
        if (live(m) && m.processGroup == m_target.group)
            out.append(m);
    std::sort(out.begin(), out.end(), [](const FlyMachine &a, const FlyMachine &b) {
        return std::tie(a.region, a.name, a.id) < std::tie(b.region, b.name, b.id);
    });
    return out;
}

int FlyOperation::currentVersion() const
{
    int newest = 0;
    for (const FlyMachine &m : m_machines)
        if (live(m))
            newest = std::max(newest, m.releaseVersion.toInt());
    return newest;
}

QString FlyOperation::title() const
{
    const FlyMachine *m = machine();
    const QString name = m && !m->name.isEmpty() ? m->name : m_target.machineId;
    switch (m_action) {
    case FlyAction::RestartMachine: return tr("Restart machine %1").arg(name);
    case FlyAction::StopMachine: return tr("Stop machine %1").arg(name);
    case FlyAction::StartMachine: return tr("Start machine %1").arg(name);
    case FlyAction::ScaleGroup:
        return tr("Scale %1 of %2 to %n machine(s)", nullptr, std::max(m_count, 0))
            .arg(m_target.group, m_target.app);
    case FlyAction::DeployRelease:
        return tr("Deploy release v%1's image to %2").arg(m_releaseVersion).arg(m_target.app);
    }
    return {};
}

QString FlyOperation::actionLabel() const
{
    switch (m_action) {
    case FlyAction::RestartMachine: return tr("Restart");
    case FlyAction::StopMachine: return tr("Stop");
    case FlyAction::StartMachine: return tr("Start");
    case FlyAction::ScaleGroup: return tr("Scale");
    case FlyAction::DeployRelease: return tr("Deploy");
    }
    return {};
}

QString FlyOperation::failureTitle() const
{
    switch (m_action) {
    case FlyAction::RestartMachine: return tr("Cannot restart the machine");
    case FlyAction::StopMachine: return tr("Cannot stop the machine");
    case FlyAction::StartMachine: return tr("Cannot start the machine");
    case FlyAction::ScaleGroup: return tr("Cannot scale %1").arg(m_target.group);
    case FlyAction::DeployRelease: return tr("Cannot deploy to %1").arg(m_target.app);
    }
    return {};
}

QString FlyOperation::objectKind() const
{
    switch (m_action) {
    case FlyAction::ScaleGroup: return QStringLiteral("FlyProcessGroup");
    case FlyAction::DeployRelease: return QStringLiteral("FlyApp");
    default: return QStringLiteral("FlyMachine");
    }
}

ClusterOperation::Scope FlyOperation::scope() const
{
    switch (m_action) {
    case FlyAction::ScaleGroup: return {m_target.app, objectKind(), m_target.group};
    case FlyAction::DeployRelease: return {m_target.app, objectKind(), m_target.app};
    default: return {m_target.app, objectKind(), m_target.machineId};
    }
}

void FlyOperation::fetch(Done done)
{
    if (!m_client) {
        finishQueued(this, [done] {
            done(Error(Error::Code::Cancelled, tr("the Fly.io account is gone")));
        });
        return;
    }
    struct State
    {
        std::optional<Result<QList<FlyMachine>>> machines;
        std::optional<Result<FlyAppDetails>> details;
    };
    auto state = std::make_shared<State>();
    const QPointer<FlyOperation> self(this);
    auto maybeDone = [self, state, done] {
        if (!self || !state->machines || !state->details)
            return;
        if (!state->machines->ok())
            return done(state->machines->error());
        if (!state->details->ok())
            return done(state->details->error());
        self->m_machines = state->machines->value();
        self->m_releases = state->details->value().releases;
        self->setObject(nlohmann::json::object());
        if ((self->m_action == FlyAction::RestartMachine || self->m_action == FlyAction::StopMachine
             || self->m_action == FlyAction::StartMachine)
            && !self->machine())
            return done(Error(
                Error::Code::NotFound,
                tr("%1 has no machine %2").arg(self->m_target.app, self->m_target.machineId)));
        if (self->m_action == FlyAction::ScaleGroup && self->m_count < 0)
            self->m_count = int(self->groupMachines().size());
        done({});
    };
    m_client->machines(m_target.app, [state, maybeDone](const Result<QList<FlyMachine>> &r) {
        state->machines = r;
        maybeDone();
    });
    m_client->appDetails(m_target.app, [state, maybeDone](const Result<FlyAppDetails> &r) {
        state->details = r;
        maybeDone();
    });
}

QString FlyOperation::nothingToDo() const
{
    const FlyMachine *m = machine();
    switch (m_action) {
    case FlyAction::StopMachine:
        if (m && m->state == QLatin1String("stopped"))
            return tr("machine %1 is already stopped").arg(where(*m));
        return {};
    case FlyAction::StartMachine:
        if (m && m->state == QLatin1String("started"))
            return tr("machine %1 is already started").arg(where(*m));
        return {};
    case FlyAction::ScaleGroup:
        if (m_count == int(groupMachines().size()))
            return tr("%1 already has %n machine(s)", nullptr, m_count).arg(m_target.group);
        return {};
    case FlyAction::DeployRelease: {
        const FlyRelease *r = release(m_releaseVersion);
        if (!r)
            return {};
        for (const FlyMachine &machine : m_machines)
            if (live(machine) && machine.image != r->imageRef)
                return {};
        return tr("every machine of %1 already runs %2").arg(m_target.app, r->imageRef);
    }
    case FlyAction::RestartMachine: return {};
    }
    return {};
}

PlannedWrite FlyOperation::write(const QString &verb, const QString &name, QByteArray method,
                                 const QString &path, const nlohmann::json &body,
                                 const QString &description, bool dryRun) const
{
    PlannedWrite w;
    w.verb = verb;
    w.apiVersion = QLatin1String(kApiVersion);
    w.kind = QStringLiteral("Machine");
    w.ns = m_target.app;
    w.name = name;
    w.dryRun = dryRun;
    w.request.method = method;
    w.request.path = path;
    if (!body.is_null()) {
        w.body = body;
        w.request.body = JsonRead::dumpBytes(body);
        w.request.contentType = "application/json";
    }
    w.description = description;
    return w;
}

Result<QList<PlannedWrite>> FlyOperation::plan(bool dryRun) const
{
    const QString app = m_target.app;
    switch (m_action) {
    case FlyAction::RestartMachine:
    case FlyAction::StopMachine:
    case FlyAction::StartMachine: {
        const FlyMachine *m = machine();
        if (!m)
            return Error(Error::Code::NotFound,
                         tr("%1 has no machine %2").arg(app, m_target.machineId));
        if (m_action == FlyAction::RestartMachine && m->state != QLatin1String("started"))
            return Error(Error::Code::InvalidArgument,
                         tr("Machine %1 is %2: only a started machine can be restarted; start "
                            "it instead.")
                             .arg(where(*m), m->state));
        const char *verb = m_action == FlyAction::RestartMachine ? "restart"
                           : m_action == FlyAction::StopMachine  ? "stop"
                                                                 : "start";
        const QString description
            = m_action == FlyAction::RestartMachine ? tr("Restart machine %1 of %2")
              : m_action == FlyAction::StopMachine  ? tr("Stop machine %1 of %2")
                                                    : tr("Start machine %1 of %2");
        return QList<PlannedWrite>{
            write(QLatin1String(verb), m->id, "POST",
                  FlyClient::machinePath(app, m->id) + QLatin1Char('/') + QLatin1String(verb),
                  m_action == FlyAction::StopMachine ? nlohmann::json::object() : nlohmann::json(),
                  description.arg(where(*m), app), dryRun)};
    }
    case FlyAction::ScaleGroup: {
        if (m_count < 0 || m_count > MaxScale)
            return Error(
                Error::Code::InvalidArgument,
                tr("A process group can have between 0 and %1 machines here.").arg(MaxScale));
        const QList<FlyMachine> group = groupMachines();
        if (group.isEmpty() && m_count > 0)
            return Error(Error::Code::InvalidArgument,
                         tr("%1 has no machine in group %2 to copy: deploy it with flyctl first.")
                             .arg(app, m_target.group));
        QList<PlannedWrite> writes;
        QMap<QString, int> perRegion;
        for (const FlyMachine &m : group)
            perRegion[m.region] += 1;
        if (m_count > group.size()) {
            // The newest machine is the model.
            const FlyMachine *model = &group.first();
            for (const FlyMachine &m : group)
                if (m.updatedAt > model->updatedAt)
                    model = &m;
            for (int i = int(group.size()); i < m_count; ++i) {
                QString region = perRegion.firstKey();
                for (auto it = perRegion.cbegin(); it != perRegion.cend(); ++it)
                    if (it.value() < perRegion.value(region))
                        region = it.key();
                perRegion[region] += 1;
                const nlohmann::json body{{"config", model->config},
                                          {"region", region.toStdString()}};
                writes.append(write(QStringLiteral("create"), m_target.group, "POST",
                                    FlyClient::machinesPath(app), body,
                                    tr("Create a machine of %1 in %2 running %3")
                                        .arg(m_target.group, region, model->image),
                                    dryRun));
            }
        } else {
            QList<FlyMachine> order = group;
            // Stopped machines first, then from the most used region, the newest first.
            std::stable_sort(order.begin(), order.end(),
                             [&perRegion](const FlyMachine &a, const FlyMachine &b) {
                                 const bool as = a.state != QLatin1String("started");
                                 const bool bs = b.state != QLatin1String("started");
                                 if (as != bs)
                                     return as;
                                 const int ar = perRegion.value(a.region);
                                 const int br = perRegion.value(b.region);
                                 if (ar != br)
                                     return ar > br;
                                 return a.createdAt > b.createdAt;
                             });
            for (int i = 0; i < group.size() - m_count; ++i) {
                const FlyMachine &m = order.at(i);
                writes.append(
                    write(QStringLiteral("delete"), m.id, "DELETE",
                          FlyClient::machinePath(app, m.id) + QStringLiteral("?force=true"),
                          nlohmann::json(),
                          tr("Destroy machine %1 of %2").arg(where(m), m_target.group), dryRun));
            }
        }
        return writes;
    }
    case FlyAction::DeployRelease: {
        const FlyRelease *r = release(m_releaseVersion);
        if (!r)
            return Error(Error::Code::NotFound,
                         tr("%1 has no release v%2 (Fly.io lists the last %3 releases)")
                             .arg(app)
                             .arg(m_releaseVersion)
                             .arg(FlyClient::ReleasesAsked));
        if (r->imageRef.isEmpty())
            return Error(Error::Code::InvalidArgument,
                         tr("Release v%1 of %2 has no image to deploy.").arg(r->version).arg(app));
        QList<PlannedWrite> writes;
        for (const FlyMachine &m : m_machines) {
            if (!live(m) || m.image == r->imageRef)
                continue;
            nlohmann::json config = m.config.is_object() ? m.config : nlohmann::json::object();
            config["image"] = r->imageRef.toStdString();
            nlohmann::json &metadata = config["metadata"];
            if (!metadata.is_object())
                metadata = nlohmann::json::object();
            metadata["fly_release_version"] = std::to_string(r->version);
            if (!r->id.isEmpty())
                metadata["fly_release_id"] = r->id.toStdString();
            writes.append(write(QStringLiteral("update"), m.id, "POST",
                                FlyClient::machinePath(app, m.id),
                                nlohmann::json{{"config", config}},
                                tr("Update machine %1 of %2 from %3 to %4 (v%5)")
                                    .arg(where(m), m.processGroup, m.image, r->imageRef)
                                    .arg(r->version),
                                dryRun));
        }
        return writes;
    }
    }
    return Error(Error::Code::Unsupported, tr("Unknown Fly.io action"));
}

QStringList FlyOperation::summary() const
{
    QStringList lines = ClusterOperation::summary();
    if (m_action == FlyAction::DeployRelease) {
        if (const FlyRelease *r = release(m_releaseVersion)) {
            const int current = currentVersion();
            if (current > 0)
                lines.prepend(tr("Running now: v%1; deploying v%2 (%3, %4).")
                                  .arg(current)
                                  .arg(r->version)
                                  .arg(r->status, r->createdAt.toString(Qt::ISODate)));
            lines << tr("Fly.io has no rollback: the machines get v%1's image again; no new "
                        "release is recorded.")
                         .arg(r->version);
        }
    } else if (m_action == FlyAction::ScaleGroup) {
        lines.prepend(tr("%1 has %n machine(s) now.", nullptr, int(groupMachines().size()))
                          .arg(m_target.group));
    }
    return lines;
}

void FlyOperation::dryRun(WriteExecutor *, DryRunDone done)
{
    const Result<QList<PlannedWrite>> writes = plan(true);
    const QString text = writes.ok() ? tr("Fly.io has no dry run; nothing was sent. The machines "
                                          "and releases were read just now.")
                                     : writes.error().message;
    const bool ok = writes.ok();
    finishQueued(this, [done, ok, text] { done(ok, text); });
}

ClusterOperation::Factory FlyOperation::undo() const
{
    const QPointer<FlyClient> client = m_client;
    FlyActionTarget target = m_target;
    switch (m_action) {
    case FlyAction::StopMachine:
    case FlyAction::StartMachine: {
        const FlyAction reverse
            = m_action == FlyAction::StopMachine ? FlyAction::StartMachine : FlyAction::StopMachine;
        return [client, reverse, target](HttpTransport *, QObject *parent) -> ClusterOperation * {
            return new FlyOperation(client, reverse, target, parent);
        };
    }
    case FlyAction::ScaleGroup: {
        const int before = int(groupMachines().size());
        return [client, target, before](HttpTransport *, QObject *parent) -> ClusterOperation * {
            auto *op = new FlyOperation(client, FlyAction::ScaleGroup, target, parent);
            op->setCount(before);
            return op;
        };
    }
    case FlyAction::DeployRelease: {
        const int before = currentVersion();
        if (before <= 0 || before == m_releaseVersion || !release(before))
            return {};
        return [client, target, before](HttpTransport *, QObject *parent) -> ClusterOperation * {
            auto *op = new FlyOperation(client, FlyAction::DeployRelease, target, parent);
            op->setReleaseVersion(before);
            return op;
        };
    }
    case FlyAction::RestartMachine: return {};
    }
    return {};
}

QString FlyOperation::undoText() const
{
    switch (m_action) {
    case FlyAction::StopMachine: return tr("Stopped the machine. Start it again?");
    case FlyAction::StartMachine: return tr("Started the machine. Stop it again?");
    case FlyAction::ScaleGroup:
        return tr("Scaled %1. Back to %n machine(s)?", nullptr, int(groupMachines().size()))
            .arg(m_target.group);
    case FlyAction::DeployRelease:
        return tr("Deployed v%1's image. Deploy v%2 again?")
            .arg(m_releaseVersion)
            .arg(currentVersion());
    case FlyAction::RestartMachine: return {};
    }
    return {};
}

QString FlyOperation::explainRunFailure(const PlannedWrite &write,
                                        const Result<ApiResponse> &response)
{
    if (!response.ok())
        return tr("Fly.io could not be reached: %1").arg(response.error().toString());
    QString message = FlyResponse::errorMessage(response->body);
    if (message.isEmpty())
        message = response->toError().message;
    if (response->status == 409)
        return tr("Fly.io refused %1: another change holds the machine's lease (a deploy or "
                  "another operator). It said: %2")
            .arg(write.description, message);
    if (response->status == 401)
        return tr("Fly.io rejected the token (HTTP 401): %1").arg(message);
    return tr("Fly.io refused %1 (HTTP %2): %3")
        .arg(write.description)
        .arg(response->status)
        .arg(message);
}

} // namespace Orrery
