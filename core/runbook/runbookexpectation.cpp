// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbookexpectation.h"

#include "kube/resourcestore.h"

#include <QCoreApplication>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::RunbookExpectation", text);
}

QString shortTarget(const RunbookExpectation &e)
{
    return e.target();
}

// The pods a workload selects in its namespace (kubectl's way: the selector, not the owner
// chain, so the pods of every ReplicaSet of a Deployment count).
QList<KubeObjectPtr> podsOf(const KubeObject &workload, const ResourceStore &store)
{
    QList<KubeObjectPtr> pods;
    const WorkloadData *w = workload.workload();
    if (!w || w->selector.isEmpty())
        return pods;
    for (const KubeObjectPtr &pod : store.objects(Kind::Pod, workload.namespaceName))
        if (w->selector.matches(pod->labels))
            pods << pod;
    return pods;
}

bool podIn(const KubeObject &pod, const QString &state)
{
    const PodData *p = pod.pod();
    if (!p)
        return false;
    if (state.compare(QLatin1String("Ready"), Qt::CaseInsensitive) == 0)
        return pod.deletionTimestamp == 0 && p->totalContainers > 0
               && p->readyContainers == p->totalContainers;
    if (p->status.compare(state, Qt::CaseInsensitive) == 0)
        return true;
    // A pod whose first container is fine and the second in ImagePullBackOff prints only one
    // status; the entry still matches the container's reason.
    return std::any_of(p->containerStatuses.cbegin(), p->containerStatuses.cend(),
                       [&state](const ContainerStatusInfo &c) {
                           return c.reason.compare(state, Qt::CaseInsensitive) == 0;
                       });
}

// "3 pods: 2 Running, 1 ImagePullBackOff"
QString podSummary(const QList<KubeObjectPtr> &pods)
{
    if (pods.isEmpty())
        return tr("no pods");
    QMap<QString, int> byStatus;
    for (const KubeObjectPtr &pod : pods)
        if (const PodData *p = pod->pod())
            ++byStatus[p->status.isEmpty() ? p->phase : p->status];
    QList<std::pair<QString, int>> sorted;
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        sorted.append({it.key(), it.value()});
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    QStringList parts;
    for (const auto &[status, n] : sorted)
        parts << QStringLiteral("%1 %2").arg(n).arg(status);
    // No %n plural: core tests and --play run without the English plural forms loaded.
    return (pods.size() == 1 ? tr("1 pod: %1") : tr("%1 pods: %2").arg(pods.size()))
        .arg(parts.join(QLatin1String(", ")));
}

QString notFound(const RunbookExpectation &e, const QString &ns)
{
    return tr("%1 not found in namespace %2").arg(shortTarget(e), ns);
}

// kubectl rollout status, read from the store's compact workload (RolloutStatus reads JSON).
ExpectationReading rollout(const KubeObject &o)
{
    const WorkloadData *w = o.workload();
    if (!w)
        return {false, true, tr("not a workload")};
    if (o.generation > w->observedGeneration)
        return {false, true, tr("waiting for the spec update to be observed")};
    if (o.kind == Kind::Deployment) {
        for (const Condition &c : w->conditions)
            if (c.type == QLatin1String("Progressing")
                && c.reason == QLatin1String("ProgressDeadlineExceeded"))
                return {false, true, tr("the rollout exceeded its progress deadline")};
        if (w->updated < w->desired)
            return {false, true,
                    tr("%1 of %2 new replicas updated").arg(w->updated).arg(w->desired)};
        if (w->current > w->updated)
            return {false, true,
                    tr("old replicas pending termination: %1").arg(w->current - w->updated)};
        if (w->available < w->updated)
            return {false, true,
                    tr("%1 of %2 updated replicas available").arg(w->available).arg(w->updated)};
    } else if (o.kind == Kind::StatefulSet) {
        if (w->ready < w->desired)
            return {false, true, tr("%1 of %2 pods ready").arg(w->ready).arg(w->desired)};
        if (!w->updateRevision.isEmpty() && w->updateRevision != w->currentRevision)
            return {false, true,
                    tr("%1 of %2 pods on the update revision").arg(w->updated).arg(w->desired)};
    } else {
        if (w->updated < w->desired)
            return {false, true, tr("%1 of %2 new pods updated").arg(w->updated).arg(w->desired)};
        if (w->available < w->desired)
            return {false, true,
                    tr("%1 of %2 updated pods available").arg(w->available).arg(w->desired)};
    }
    return {true, true,
            tr("rolled out: %1 of %2 replicas available").arg(w->available).arg(w->desired)};
}

int replicaField(const KubeObject &o, const QString &field, bool *known)
{
    *known = true;
    if (const HpaData *h = o.hpa()) {
        if (field == QLatin1String("current"))
            return h->currentReplicas;
        if (field == QLatin1String("min"))
            return h->minReplicas;
        if (field == QLatin1String("max"))
            return h->maxReplicas;
        return h->desiredReplicas; // "desired", the default for an HPA
    }
    const WorkloadData *w = o.workload();
    if (!w) {
        *known = false;
        return 0;
    }
    if (field == QLatin1String("available"))
        return w->available;
    if (field == QLatin1String("updated"))
        return w->updated;
    if (field == QLatin1String("current"))
        return w->current;
    if (field == QLatin1String("desired"))
        return w->desired;
    return w->ready; // "ready", the default for a workload
}

QString defaultField(const RunbookExpectation &e)
{
    if (!e.field.isEmpty())
        return e.field;
    return e.targetKind == kindName(Kind::HorizontalPodAutoscaler) ? QStringLiteral("desired")
                                                                   : QStringLiteral("ready");
}

} // namespace

bool CountCondition::test(int n, int total) const
{
    switch (op) {
    case Op::Equal: return n == value;
    case Op::AtLeast: return n >= value;
    case Op::MoreThan: return n > value;
    case Op::AtMost: return n <= value;
    case Op::LessThan: return n < value;
    case Op::All: return total > 0 && n == total;
    }
    return false;
}

QString CountCondition::text() const
{
    switch (op) {
    case Op::Equal: return QString::number(value);
    case Op::AtLeast: return QStringLiteral(">= %1").arg(value);
    case Op::MoreThan: return QStringLiteral("> %1").arg(value);
    case Op::AtMost: return QStringLiteral("<= %1").arg(value);
    case Op::LessThan: return QStringLiteral("< %1").arg(value);
    case Op::All: return QStringLiteral("all");
    }
    return {};
}

bool CountCondition::parse(const QString &text, CountCondition &out)
{
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("all"), Qt::CaseInsensitive) == 0) {
        out = {Op::All, 0};
        return true;
    }
    static const QRegularExpression re(QStringLiteral("^(==|=|>=|<=|>|<|≥|≤)?\\s*(\\d{1,6})$"));
    const QRegularExpressionMatch m = re.match(t);
    if (!m.hasMatch())
        return false;
    const QString op = m.captured(1);
    out.value = m.captured(2).toInt();
    if (op.isEmpty() || op == QLatin1String("=") || op == QLatin1String("=="))
        out.op = Op::Equal;
    else if (op == QLatin1String(">=") || op == QStringLiteral("≥"))
        out.op = Op::AtLeast;
    else if (op == QLatin1String("<=") || op == QStringLiteral("≤"))
        out.op = Op::AtMost;
    else if (op == QLatin1String(">"))
        out.op = Op::MoreThan;
    else
        out.op = Op::LessThan;
    return true;
}

QString RunbookExpectation::subjectName(Subject subject)
{
    switch (subject) {
    case Subject::Pods: return QStringLiteral("pods");
    case Subject::Rollout: return QStringLiteral("rollout");
    case Subject::Replicas: return QStringLiteral("replicas");
    case Subject::Image: return QStringLiteral("image");
    case Subject::HelmRelease: return QStringLiteral("helmRelease");
    }
    return {};
}

QString RunbookExpectation::target() const
{
    if (subject == Subject::HelmRelease)
        return targetName;
    const std::optional<Kind> kind = kindFromName(targetKind);
    const QString type
        = kind == Kind::HorizontalPodAutoscaler ? QStringLiteral("hpa") : targetKind.toLower();
    return type + QLatin1Char('/') + targetName;
}

QString RunbookExpectation::describe() const
{
    switch (subject) {
    case Subject::Pods:
        if (state.isEmpty())
            return tr("pods of %1: %2").arg(target(), count.text());
        if (count.op == CountCondition::Op::All)
            return tr("every pod of %1 %2").arg(target(), state);
        return tr("pods of %1 in %2: %3").arg(target(), state, count.text());
    case Subject::Rollout: return tr("rollout of %1 complete").arg(target());
    case Subject::Replicas:
        return tr("%1 replicas of %2: %3").arg(defaultField(*this), target(), count.text());
    case Subject::Image:
        return container.isEmpty()
                   ? tr("image of %1 is %2").arg(target(), image)
                   : tr("image of %1, container %2, is %3").arg(target(), container, image);
    case Subject::HelmRelease: {
        QStringList parts;
        if (hasCount)
            parts << tr("revision %1").arg(count.text());
        if (!state.isEmpty())
            parts << tr("status %1").arg(state);
        return tr("Helm release %1: %2").arg(targetName, parts.join(QLatin1String(", ")));
    }
    }
    return {};
}

QList<Kind> RunbookExpectation::kinds() const
{
    switch (subject) {
    case Subject::Pods: return {kindFromName(targetKind).value_or(Kind::Deployment), Kind::Pod};
    case Subject::HelmRelease: return {Kind::Secret};
    default: return {kindFromName(targetKind).value_or(Kind::Deployment)};
    }
}

ExpectationReading evaluateExpectation(const RunbookExpectation &e, const ResourceStore &store,
                                       const QString &ns)
{
    for (const Kind kind : e.kinds())
        if (!store.hasSynced(kind))
            return {false, false,
                    tr("waiting for the cluster's %1 to load").arg(kindPluralName(kind))};

    using S = RunbookExpectation::Subject;
    if (e.subject == S::HelmRelease) {
        // Helm keeps one Secret per revision, labelled owner=helm, name, version and status.
        KubeObjectPtr latest;
        int latestVersion = 0;
        for (const KubeObjectPtr &s : store.objects(Kind::Secret, ns)) {
            if (s->label(QStringLiteral("owner")) != QLatin1String("helm")
                || s->label(QStringLiteral("name")) != e.targetName)
                continue;
            const int version = s->label(QStringLiteral("version")).toInt();
            if (version > latestVersion) {
                latestVersion = version;
                latest = s;
            }
        }
        if (!latest)
            return {false, true, tr("no Helm release %1 in namespace %2").arg(e.targetName, ns)};
        const QString status = latest->label(QStringLiteral("status"));
        const bool holds
            = (!e.hasCount || e.count.test(latestVersion, latestVersion))
              && (e.state.isEmpty() || status.compare(e.state, Qt::CaseInsensitive) == 0);
        return {holds, true, tr("revision %1, %2").arg(latestVersion).arg(status)};
    }

    const std::optional<Kind> kind = kindFromName(e.targetKind);
    const KubeObjectPtr object = kind ? store.object(*kind, ns, e.targetName) : KubeObjectPtr();
    if (!object)
        return {false, true, notFound(e, ns)};

    switch (e.subject) {
    case S::Pods: {
        QList<KubeObjectPtr> pods = podsOf(*object, store);
        // Pods on their way out belong to nobody's count, unless that is what is asked.
        if (e.state.compare(QLatin1String("Terminating"), Qt::CaseInsensitive) != 0)
            pods.erase(
                std::remove_if(pods.begin(), pods.end(),
                               [](const KubeObjectPtr &p) { return p->deletionTimestamp != 0; }),
                pods.end());
        const int total = int(pods.size());
        const int n
            = e.state.isEmpty()
                  ? total
                  : int(std::count_if(pods.cbegin(), pods.cend(),
                                      [&e](const KubeObjectPtr &p) { return podIn(*p, e.state); }));
        return {e.count.test(n, total), true, podSummary(pods)};
    }
    case S::Rollout: return rollout(*object);
    case S::Replicas: {
        bool known = false;
        const QString field = defaultField(e);
        const int n = replicaField(*object, field, &known);
        if (!known)
            return {false, true, tr("%1 has no replica counts").arg(e.target())};
        return {e.count.test(n, n), true, tr("%1 replicas: %2").arg(field).arg(n)};
    }
    case S::Image: {
        const WorkloadData *w = object->workload();
        if (!w)
            return {false, true, tr("%1 has no pod template").arg(e.target())};
        QStringList seen;
        bool holds = !w->podTemplate.containers.isEmpty();
        bool matched = false;
        for (const ContainerInfo &c : w->podTemplate.containers) {
            if (!e.container.isEmpty() && c.name != e.container)
                continue;
            matched = true;
            seen << (w->podTemplate.containers.size() > 1 ? c.name + QLatin1Char('=') + c.image
                                                          : c.image);
            holds = holds && c.image == e.image;
        }
        if (!matched)
            return {false, true, tr("no container named %1").arg(e.container)};
        return {holds, true, tr("image %1").arg(seen.join(QLatin1String(", ")))};
    }
    case S::HelmRelease: break;
    }
    return {false, true, {}};
}

} // namespace Orrery
