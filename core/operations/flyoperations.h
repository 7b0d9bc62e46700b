// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusteroperation.h"

#include "cloud/flyresponse.h"

#include <QPointer>

#include <optional>

namespace Orrery {

class FlyClient;

// The Fly.io actions (docs/operations.md, "Fly.io"; ids in OperationCatalog::flyIds()).
enum class FlyAction { RestartMachine, StopMachine, StartMachine, ScaleGroup, DeployRelease };

// What a Fly action is about.
struct FlyActionTarget
{
    QString app;
    QString machineId; // restart, stop, start
    QString group;     // scale: the process group
};

// Machine restart, stop and start, scaling a process group's machine count, and deploying a
// previous release's image, as operations on the one path every change takes
// (OperationRunner: parameters, confirmation, the audited run, report, undo). The writes are
// Machines API requests sent through the audited ClusterWriteExecutor of the client's
// Machines transport (its connection carries the token; the audit log records the request,
// never the token).
//
//  - fetch() reads the app's machines and its releases (GraphQL), so the preview names the
//    machines, regions, images and versions concerned, and refuses what Fly would (restart a
//    stopped machine) before anything is sent.
//  - Scale: up clones the config of the group's newest machine (image, guest, services,
//    checks, metadata) into new machines spread over the group's regions (the least used
//    first, as `fly scale count` does); down destroys (?force=true) stopped machines first,
//    then the newest, from the most used region.
//  - Deploy a previous release: Fly has no rollback (superfly/flyctl#579); this updates every
//    machine whose image differs to the release's image, with its release id and version in
//    the metadata (fly_release_id, fly_release_version), one machine after the other, as
//    `fly deploy --image` with the rolling strategy would, without a new release record.
//  - Fly has no dry run: dryRun() says so and what was checked here.
//  - undo(): stop ↔ start; a scale scales back; a deploy deploys the release that ran before.
//    A restart has none.
class FlyOperation : public ClusterOperation
{
    Q_OBJECT
public:
    FlyOperation(FlyClient *client, FlyAction action, FlyActionTarget target,
                 QObject *parent = nullptr);

    // The catalogue id of an action ("fly-machine-restart") and back.
    static QString actionId(FlyAction action);
    static std::optional<FlyAction> actionFromId(const QString &id);

    FlyAction action() const { return m_action; }
    const FlyActionTarget &flyTarget() const { return m_target; }

    // Parameters.
    void setCount(int count);      // scale: the group's machine count wanted
    void setReleaseVersion(int v); // deploy: the release whose image to run

    // After fetch().
    const QList<FlyMachine> &machines() const { return m_machines; }
    const QList<FlyRelease> &releases() const { return m_releases; }
    // The group's live machines (scale), sorted by region then name.
    QList<FlyMachine> groupMachines() const;
    // The newest release any machine runs (0: none known).
    int currentVersion() const;

    QString title() const override;
    QString actionLabel() const override;
    QString failureTitle() const override;
    QString objectKind() const override;
    Scope scope() const override;
    QList<AccessCheck> requiredAccess() const override { return {}; }
    bool needsSession() const override { return false; }
    void fetch(Done done) override;
    QString nothingToDo() const override;
    Result<QList<PlannedWrite>> plan(bool dryRun) const override;
    QStringList summary() const override;
    void dryRun(WriteExecutor *writer, DryRunDone done) override;
    Factory undo() const override;
    QString undoText() const override;

protected:
    QString explainRunFailure(const PlannedWrite &write,
                              const Result<ApiResponse> &response) override;

private:
    const FlyMachine *machine() const;
    const FlyRelease *release(int version) const;
    PlannedWrite write(const QString &verb, const QString &name, QByteArray method,
                       const QString &path, const nlohmann::json &body, const QString &description,
                       bool dryRun) const;

    QPointer<FlyClient> m_client;
    FlyAction m_action;
    FlyActionTarget m_target;
    int m_count = -1;
    int m_releaseVersion = 0;
    QList<FlyMachine> m_machines;
    QList<FlyRelease> m_releases;
};

} // namespace Orrery
