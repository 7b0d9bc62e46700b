// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloadoperations.h"

#include "kube/actions/resourcepath.h"
#include "util/jsonread.h"

#include <limits>

namespace Orrery {

bool isRolloutKind(Kind kind)
{
    return kind == Kind::Deployment || kind == Kind::StatefulSet || kind == Kind::DaemonSet;
}

// --- scale ---------------------------------------------------------------------------------

ScaleOperation::ScaleOperation(HttpTransport *transport, OperationTarget target, QObject *parent)
    : ClusterOperation(transport, std::move(target), parent)
{
}

AccessCheck ScaleOperation::access(Kind kind, const QString &ns)
{
    return accessFor(QStringLiteral("patch"), kind, ns, QStringLiteral("scale"));
}

int ScaleOperation::currentReplicas() const
{
    const qint64 replicas = JsonRead::integer(object(), {"spec", "replicas"}, 1);
    return replicas >= 0 && replicas <= std::numeric_limits<int>::max() ? int(replicas) : 1;
}

void ScaleOperation::fetchMore(Done done)
{
    fetchJson(transport(), ResourcePath::forKind(Kind::HorizontalPodAutoscaler, target().ns), this,
              [this, done](const Result<nlohmann::json> &hpas) {
                  // Without permission to read HPAs, offer the plain scale: the server has the
                  // last word.
                  m_hpa
                      = hpas.ok() ? WorkloadActions::findHpa(object(), hpas.value()) : std::nullopt;
                  m_hpaObject = nullptr;
                  if (m_hpa)
                      for (const auto &item : JsonRead::array(hpas.value(), "items"))
                          if (JsonRead::string(item, {"metadata", "name"}) == m_hpa->name)
                              m_hpaObject = item;
                  done({});
              });
}

QString ScaleOperation::title() const
{
    return tr("Scale %1").arg(target().name);
}

QString ScaleOperation::actionLabel() const
{
    return tr("Scale");
}

QString ScaleOperation::failureTitle() const
{
    return tr("Cannot scale");
}

QList<AccessCheck> ScaleOperation::requiredAccess() const
{
    return {access(target().kind, target().ns)};
}

Result<QList<PlannedWrite>> ScaleOperation::plan(bool dryRun) const
{
    return single(WorkloadActions::scale(object(), m_replicas, dryRun));
}

ClusterOperation::Factory ScaleOperation::undo() const
{
    const int previous = currentReplicas();
    return [t = target(), previous](HttpTransport *transport, QObject *parent) {
        auto *op = new ScaleOperation(transport, t, parent);
        op->setReplicas(previous);
        return op;
    };
}

QString ScaleOperation::undoText() const
{
    return tr("Scaled %1/%2 to %3 replicas (was %4).")
        .arg(target().ns, target().name)
        .arg(m_replicas)
        .arg(currentReplicas());
}

// --- HPA bounds ----------------------------------------------------------------------------

HpaBoundsOperation::HpaBoundsOperation(HttpTransport *transport, OperationTarget target,
                                       QObject *parent)
    : ClusterOperation(transport, std::move(target), parent)
{
}

AccessCheck HpaBoundsOperation::access(const QString &ns, const QString &name)
{
    // Permission first: the bounds are a patch of the HPA, not of the workload.
    AccessCheck check = accessFor(QStringLiteral("patch"), Kind::HorizontalPodAutoscaler, ns);
    check.name = name;
    return check;
}

void HpaBoundsOperation::setBounds(int minReplicas, int maxReplicas)
{
    m_min = minReplicas;
    m_max = maxReplicas;
}

QString HpaBoundsOperation::title() const
{
    return tr("Change autoscaler bounds");
}

QString HpaBoundsOperation::actionLabel() const
{
    return tr("Change bounds");
}

QString HpaBoundsOperation::failureTitle() const
{
    return tr("Change autoscaler bounds");
}

QList<AccessCheck> HpaBoundsOperation::requiredAccess() const
{
    return {access(target().ns, target().name)};
}

Result<QList<PlannedWrite>> HpaBoundsOperation::plan(bool dryRun) const
{
    return single(WorkloadActions::setHpaBounds(object(), m_min, m_max, dryRun));
}

// --- restart -------------------------------------------------------------------------------

RestartOperation::RestartOperation(HttpTransport *transport, OperationTarget target,
                                   QObject *parent)
    : ClusterOperation(transport, std::move(target), parent)
    , m_now(QDateTime::currentDateTimeUtc())
{
}

AccessCheck RestartOperation::access(Kind kind, const QString &ns)
{
    return accessFor(QStringLiteral("patch"), kind, ns);
}

QString RestartOperation::title() const
{
    return tr("Restart %1").arg(target().name);
}

QString RestartOperation::actionLabel() const
{
    return tr("Restart");
}

QString RestartOperation::failureTitle() const
{
    return tr("Cannot restart");
}

QList<AccessCheck> RestartOperation::requiredAccess() const
{
    return {access(target().kind, target().ns)};
}

Result<QList<PlannedWrite>> RestartOperation::plan(bool dryRun) const
{
    return single(WorkloadActions::restart(object(), m_now, dryRun));
}

// --- pause, resume -------------------------------------------------------------------------

PauseOperation::PauseOperation(HttpTransport *transport, OperationTarget target, bool pause,
                               QObject *parent)
    : ClusterOperation(transport, std::move(target), parent)
    , m_pause(pause)
{
}

AccessCheck PauseOperation::access(Kind kind, const QString &ns)
{
    return accessFor(QStringLiteral("patch"), kind, ns);
}

QString PauseOperation::title() const
{
    return m_pause ? tr("Pause %1").arg(target().name) : tr("Resume %1").arg(target().name);
}

QString PauseOperation::actionLabel() const
{
    return m_pause ? tr("Pause") : tr("Resume");
}

QString PauseOperation::failureTitle() const
{
    return m_pause ? tr("Cannot pause") : tr("Cannot resume");
}

QList<AccessCheck> PauseOperation::requiredAccess() const
{
    return {access(target().kind, target().ns)};
}

Result<QList<PlannedWrite>> PauseOperation::plan(bool dryRun) const
{
    return single(m_pause ? WorkloadActions::pause(object(), dryRun)
                          : WorkloadActions::resume(object(), dryRun));
}

// --- set image -----------------------------------------------------------------------------

SetImageOperation::SetImageOperation(HttpTransport *transport, OperationTarget target,
                                     QObject *parent)
    : ClusterOperation(transport, std::move(target), parent)
{
}

AccessCheck SetImageOperation::access(Kind kind, const QString &ns)
{
    return accessFor(QStringLiteral("patch"), kind, ns);
}

QList<SetImageOperation::Container> SetImageOperation::containers() const
{
    QList<Container> out;
    const nlohmann::json &podSpec = JsonRead::object(object(), {"spec", "template", "spec"});
    for (const char *list : {"initContainers", "containers"}) {
        for (const auto &c : JsonRead::array(podSpec, list))
            out << Container{JsonRead::string(c, "name"), JsonRead::string(c, "image"),
                             std::string(list) == "initContainers"};
    }
    return out;
}

void SetImageOperation::fetchMore(Done done)
{
    if (containers().isEmpty())
        done(Error(Error::Code::InvalidArgument, tr("%1 has no containers.").arg(target().name)));
    else
        done({});
}

void SetImageOperation::setImage(const QString &container, const QString &image)
{
    m_container = container;
    m_image = image;
}

QString SetImageOperation::previousImage() const
{
    QString previous;
    for (const Container &c : containers())
        if (c.name == m_container)
            previous = c.image;
    return previous;
}

QString SetImageOperation::title() const
{
    return tr("Set image of %1").arg(target().name);
}

QString SetImageOperation::actionLabel() const
{
    return tr("Set image");
}

QString SetImageOperation::failureTitle() const
{
    return tr("Cannot set the image");
}

QList<AccessCheck> SetImageOperation::requiredAccess() const
{
    return {access(target().kind, target().ns)};
}

Result<QList<PlannedWrite>> SetImageOperation::plan(bool dryRun) const
{
    return single(WorkloadActions::setImage(object(), m_container, m_image, dryRun));
}

ClusterOperation::Factory SetImageOperation::undo() const
{
    const QString previous = previousImage();
    if (previous.isEmpty() || previous == m_image)
        return {};
    return [t = target(), container = m_container, previous](HttpTransport *transport,
                                                             QObject *parent) {
        auto *op = new SetImageOperation(transport, t, parent);
        op->setImage(container, previous);
        return op;
    };
}

QString SetImageOperation::undoText() const
{
    return tr("Set the image of %1 in %2/%3 to %4 (was %5).")
        .arg(m_container, target().ns, target().name, m_image, previousImage());
}

// --- delete --------------------------------------------------------------------------------

DeleteOperation::DeleteOperation(HttpTransport *transport, OperationTarget target, QObject *parent)
    : ClusterOperation(transport, std::move(target), parent)
{
}

AccessCheck DeleteOperation::access(Kind kind, const QString &ns)
{
    return accessFor(QStringLiteral("delete"), kind, ns);
}

QString DeleteOperation::controller() const
{
    for (const auto &r : JsonRead::array(object(), {"metadata", "ownerReferences"}))
        if (JsonRead::boolean(r, "controller"))
            return JsonRead::string(r, "kind") + QLatin1Char('/') + JsonRead::string(r, "name");
    return {};
}

QString DeleteOperation::title() const
{
    return tr("Delete %1").arg(target().name);
}

QString DeleteOperation::actionLabel() const
{
    return tr("Delete");
}

QString DeleteOperation::failureTitle() const
{
    return tr("Cannot delete");
}

QList<AccessCheck> DeleteOperation::requiredAccess() const
{
    return {access(target().kind, target().ns)};
}

Result<QList<PlannedWrite>> DeleteOperation::plan(bool dryRun) const
{
    return single(WorkloadActions::remove(object(), m_propagation, dryRun));
}

QString ScaleOperation::hpaNote() const
{
    if (!m_hpa)
        return {};
    return tr("The HorizontalPodAutoscaler %1 controls the replicas of %2 (min %3, max %4, "
              "now %5). A manual scale would be undone within seconds, so change the "
              "autoscaler's bounds instead.")
        .arg(m_hpa->name, target().displayName())
        .arg(m_hpa->minReplicas)
        .arg(m_hpa->maxReplicas)
        .arg(m_hpa->currentReplicas);
}

QString DeleteOperation::consequence() const
{
    if (target().kind != Kind::Pod)
        return {};
    const QString owner = controller();
    return owner.isEmpty() ? tr("This pod has no controller: once deleted it is gone.")
                           : tr("%1 controls this pod and will create a replacement "
                                "right away (this is how a pod is restarted).")
                                 .arg(owner);
}

} // namespace Orrery
