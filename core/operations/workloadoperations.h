// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The operations on one workload or object that plan one write with WorkloadActions: scale,
// HPA bounds, restart, pause/resume, set image and delete. Each is a ClusterOperation
// (clusteroperation.h says the steps); they differ in what they read, what they ask for and
// what reverts them.

#include "clusteroperation.h"

#include "kube/actions/workloadactions.h"

#include <QDateTime>

namespace Orrery {

// The Deployment, StatefulSet or DaemonSet whose pods a write changes: worth following.
bool isRolloutKind(Kind kind);

// `kubectl scale --replicas=N`. Also reads the HPAs of the namespace: when one owns the
// replica count, the caller should offer HpaBoundsOperation instead (a hand scale would be
// undone within a sync period). Undo: scale back to the count read.
class ScaleOperation : public ClusterOperation
{
    Q_OBJECT
public:
    ScaleOperation(HttpTransport *transport, OperationTarget target, QObject *parent = nullptr);

    static AccessCheck access(Kind kind, const QString &ns);

    void setReplicas(int replicas) { m_replicas = replicas; }
    int replicas() const { return m_replicas; }
    // spec.replicas of the object read.
    int currentReplicas() const;
    const std::optional<HpaTarget> &hpa() const { return m_hpa; }
    const nlohmann::json &hpaObject() const { return m_hpaObject; }
    // Why the HPA's bounds are asked for instead of a count (empty without an HPA).
    QString hpaNote() const;

    QString title() const override;
    QString actionLabel() const override;
    QString failureTitle() const override;
    QList<AccessCheck> requiredAccess() const override;
    Result<QList<PlannedWrite>> plan(bool dryRun) const override;
    bool tracksRollout() const override { return isRolloutKind(target().kind); }
    Factory undo() const override;
    QString undoText() const override;

protected:
    void fetchMore(Done done) override;

private:
    int m_replicas = 1;
    std::optional<HpaTarget> m_hpa;
    nlohmann::json m_hpaObject;
};

// The bounds of the HPA that owns a workload's replica count (minReplicas, maxReplicas).
class HpaBoundsOperation : public ClusterOperation
{
    Q_OBJECT
public:
    // `target`: the HorizontalPodAutoscaler.
    HpaBoundsOperation(HttpTransport *transport, OperationTarget target, QObject *parent = nullptr);

    static AccessCheck access(const QString &ns, const QString &name);

    void setBounds(int minReplicas, int maxReplicas);

    QString title() const override;
    QString actionLabel() const override;
    QString failureTitle() const override;
    QList<AccessCheck> requiredAccess() const override;
    Result<QList<PlannedWrite>> plan(bool dryRun) const override;

private:
    int m_min = 1;
    int m_max = 1;
};

// `kubectl rollout restart`: the restartedAt annotation of the pod template.
class RestartOperation : public ClusterOperation
{
    Q_OBJECT
public:
    RestartOperation(HttpTransport *transport, OperationTarget target, QObject *parent = nullptr);

    static AccessCheck access(Kind kind, const QString &ns);
    // The time written in the annotation (now, when constructed).
    void setNow(const QDateTime &now) { m_now = now; }

    QString title() const override;
    QString actionLabel() const override;
    QString failureTitle() const override;
    QList<AccessCheck> requiredAccess() const override;
    Result<QList<PlannedWrite>> plan(bool dryRun) const override;
    bool tracksRollout() const override { return true; }

private:
    QDateTime m_now;
};

// `kubectl rollout pause` / `kubectl rollout resume` of a Deployment.
class PauseOperation : public ClusterOperation
{
    Q_OBJECT
public:
    PauseOperation(HttpTransport *transport, OperationTarget target, bool pause,
                   QObject *parent = nullptr);

    static AccessCheck access(Kind kind, const QString &ns);

    QString title() const override;
    QString actionLabel() const override;
    QString failureTitle() const override;
    QList<AccessCheck> requiredAccess() const override;
    Result<QList<PlannedWrite>> plan(bool dryRun) const override;
    bool tracksRollout() const override { return !m_pause; }

private:
    bool m_pause;
};

// `kubectl set image`. Undo: the image the container had.
class SetImageOperation : public ClusterOperation
{
    Q_OBJECT
public:
    struct Container
    {
        QString name;
        QString image;
        bool init = false;
    };

    SetImageOperation(HttpTransport *transport, OperationTarget target, QObject *parent = nullptr);

    static AccessCheck access(Kind kind, const QString &ns);

    // Init containers first, then containers, as read. A workload without any refuses fetch().
    QList<Container> containers() const;
    // `container` "*": every container.
    void setImage(const QString &container, const QString &image);
    // `image` would change a container that runs `current`: not empty, no blank, not the same.
    static bool isNewImage(const QString &current, const QString &image)
    {
        return !image.isEmpty() && image != current && !image.contains(QLatin1Char(' '));
    }

    QString title() const override;
    QString actionLabel() const override;
    QString failureTitle() const override;
    QList<AccessCheck> requiredAccess() const override;
    Result<QList<PlannedWrite>> plan(bool dryRun) const override;
    bool tracksRollout() const override { return isRolloutKind(target().kind); }
    Factory undo() const override;
    QString undoText() const override;

protected:
    void fetchMore(Done done) override;

private:
    QString previousImage() const;

    QString m_container;
    QString m_image;
};

// `kubectl delete` with a propagation policy.
class DeleteOperation : public ClusterOperation
{
    Q_OBJECT
public:
    DeleteOperation(HttpTransport *transport, OperationTarget target, QObject *parent = nullptr);

    static AccessCheck access(Kind kind, const QString &ns);

    // "ReplicaSet/web-5d4f": the controller that will recreate the object, if any.
    QString controller() const;
    // What follows the delete beyond the object: for a pod, whether its controller replaces it.
    QString consequence() const;
    void setPropagation(WorkloadActions::Propagation propagation) { m_propagation = propagation; }

    QString title() const override;
    QString actionLabel() const override;
    QString failureTitle() const override;
    QList<AccessCheck> requiredAccess() const override;
    Result<QList<PlannedWrite>> plan(bool dryRun) const override;

private:
    WorkloadActions::Propagation m_propagation = WorkloadActions::Propagation::Background;
};

} // namespace Orrery
