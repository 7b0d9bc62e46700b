// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plannedwrite.h"
#include "util/result.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace Orrery {

// An HPA that owns the replica count of a workload: scaling by hand would be undone within a
// sync period, so the UI offers to change minReplicas/maxReplicas instead.
struct HpaTarget
{
    QString name;
    QString ns;
    int minReplicas = 1;
    int maxReplicas = 0;
    int currentReplicas = 0;
    int desiredReplicas = 0;
};

// The requests kubectl sends for scale, rollout restart/pause/resume, set image and delete,
// built from the object as fetched from the API. Nothing here performs I/O.
class WorkloadActions
{
public:
    enum class Propagation { Background, Foreground, Orphan };

    // PATCH .../<resource>/NAME/scale, application/merge-patch+json {"spec":{"replicas":N}}.
    static Result<PlannedWrite> scale(const nlohmann::json &workload, int replicas,
                                      bool dryRun = false);
    // The HPA in `hpas` (a List or an array) whose scaleTargetRef names `workload`.
    static std::optional<HpaTarget> findHpa(const nlohmann::json &workload,
                                            const nlohmann::json &hpas);
    // Merge patch on the HPA setting minReplicas and maxReplicas.
    static Result<PlannedWrite> setHpaBounds(const nlohmann::json &hpa, int minReplicas,
                                             int maxReplicas, bool dryRun = false);

    // Strategic merge patch setting spec.template.metadata.annotations
    // ["kubectl.kubernetes.io/restartedAt"] to `now` (RFC 3339). A paused Deployment is refused
    // with kubectl's message.
    static Result<PlannedWrite> restart(const nlohmann::json &workload, const QDateTime &now,
                                        bool dryRun = false);
    static Result<PlannedWrite> pause(const nlohmann::json &deployment, bool dryRun = false);
    static Result<PlannedWrite> resume(const nlohmann::json &deployment, bool dryRun = false);

    // Strategic merge patch replacing the image of the container (or init container) named
    // `container`; "*" sets every container.
    static Result<PlannedWrite> setImage(const nlohmann::json &workload, const QString &container,
                                         const QString &image, bool dryRun = false);

    // DELETE with a DeleteOptions body carrying propagationPolicy.
    static Result<PlannedWrite> remove(const nlohmann::json &object, Propagation propagation,
                                       bool dryRun = false);

    // A PlannedWrite skeleton for `object`: identity, path of the object (plus subresource).
    static Result<PlannedWrite> target(const nlohmann::json &object, const QString &verb,
                                       const QString &subresource = {});
    // Serialises `body` into request.body with `contentType`, adds dryRun=All when asked.
    static void setBody(PlannedWrite &write, const nlohmann::json &body,
                        const QByteArray &contentType);
};

} // namespace Orrery
