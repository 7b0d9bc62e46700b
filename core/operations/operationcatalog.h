// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusteroperation.h"

#include "kube/accessreview.h"
#include "kube/kubekind.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Orrery {

struct PipelineActionTarget;
class PipelineClient;
struct FlyActionTarget;
class FlyClient;

// The operations a user starts on one object, by id: "scale", "restart", "pause", "resume",
// "set-image", "rollback", "cordon", "uncordon", "delete", and the streams into a pod "exec"
// (a shell) and "port-forward" (streamoperations.h). One row each: the menu label, the
// permission that gates it (as `kubectl auth can-i` asks it) and the operation it builds. The
// kind table (allowedOperations) says which ids a kind offers; menus, the details pane, the
// command palette and the topology all go through here, so an id means one thing everywhere.
class OperationCatalog
{
    Q_DECLARE_TR_FUNCTIONS(Orrery::OperationCatalog)
public:
    // The ids offered for a kind, in menu order. The kind table lists both operations of a
    // pair; the object's state picks the one that applies: `paused` (a paused Deployment)
    // offers "resume", `unschedulable` (a cordoned node) "uncordon".
    static QStringList ids(Kind kind, bool paused = false, bool unschedulable = false);
    // "Scale…"; an unknown id is returned as it is.
    static QString label(const QString &id);
    // The permission check that gates the action; none for an unknown id.
    static std::optional<AccessCheck> access(const QString &id, Kind kind, const QString &ns);
    // The operation `id` on `object`, its fixed parameters set (pause or resume, cordon or
    // uncordon), not fetched; null for an unknown id.
    static ClusterOperation *create(const QString &id, HttpTransport *transport,
                                    const OperationTarget &object, QObject *parent = nullptr);

    // The pipeline actions (PipelineOperation, docs/pipelines.md "Actions"), in menu order:
    // "pipeline-trigger", "pipeline-rerun", "pipeline-rerun-failed", "pipeline-rerun-job",
    // "pipeline-cancel",
    // "pipeline-approve", "pipeline-reject", "pipeline-download-log". label() names them too.
    // No Kubernetes permission gates them: the provider's answer does (fetch(), plan()).
    static QStringList pipelineIds();
    // The action `id` on `target` through a provider's client and transport
    // (connectPipelineSource()); null for an id that is not a pipeline action.
    static ClusterOperation *createPipeline(const QString &id,
                                            std::shared_ptr<PipelineClient> client,
                                            HttpTransport *transport,
                                            const PipelineActionTarget &target,
                                            QObject *parent = nullptr);

    // The Fly.io actions (FlyOperation, docs/operations.md "Fly.io"): "fly-machine-restart",
    // "fly-machine-stop", "fly-machine-start", "fly-scale", "fly-deploy-release". label()
    // names them. Fly's answers gate them, no Kubernetes permission.
    static QStringList flyIds();
    // The action `id` on `target` through `client`; null for an id that is not a Fly action.
    static ClusterOperation *createFly(const QString &id, FlyClient *client,
                                       const FlyActionTarget &target, QObject *parent = nullptr);
};

} // namespace Orrery
