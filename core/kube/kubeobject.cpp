// SPDX-License-Identifier: GPL-3.0-or-later
#include "kubeobject.h"

#include <labels.h>

#include <algorithm>

namespace Orrery {

namespace {

// Labels::operatorFromName without a std::string per expression per match (the topology
// matches every pod against every workload's selector).
std::optional<Labels::Operator> operatorOf(const QString &name)
{
    char ascii[16];
    if (name.size() >= qsizetype(sizeof ascii))
        return std::nullopt;
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (name[i].unicode() > 127)
            return std::nullopt;
        ascii[i] = char(name[i].unicode());
    }
    return Labels::operatorFromName(std::string_view(ascii, std::size_t(name.size())));
}

} // namespace

QString valueOf(const KeyValues &pairs, const QString &key, const QString &fallback)
{
    // Sorted by key: binary search keeps lookups cheap for objects with many labels.
    auto it = std::lower_bound(pairs.cbegin(), pairs.cend(), key,
                               [](const KeyValue &kv, const QString &k) { return kv.key < k; });
    if (it != pairs.cend() && it->key == key)
        return it->value;
    return fallback;
}

bool containsKey(const KeyValues &pairs, const QString &key)
{
    auto it = std::lower_bound(pairs.cbegin(), pairs.cend(), key,
                               [](const KeyValue &kv, const QString &k) { return kv.key < k; });
    return it != pairs.cend() && it->key == key;
}

QHash<QString, QString> toHash(const KeyValues &pairs)
{
    QHash<QString, QString> hash;
    hash.reserve(pairs.size());
    for (const KeyValue &kv : pairs)
        hash.insert(kv.key, kv.value);
    return hash;
}

bool ObjectSelector::matches(const KeyValues &labels) const
{
    for (const KeyValue &kv : matchLabels) {
        if (!containsKey(labels, kv.key) || valueOf(labels, kv.key) != kv.value)
            return false;
    }
    for (const Expression &e : matchExpressions) {
        const auto op = operatorOf(e.op);
        if (!op)
            return false; // unknown operator: match nothing, as the API server would reject it
        const bool has = containsKey(labels, e.key);
        if (!Labels::satisfies(*op, has, has && e.values.contains(valueOf(labels, e.key))))
            return false;
    }
    return true;
}

QString ObjectSelector::toString() const
{
    QStringList parts;
    for (const KeyValue &kv : matchLabels)
        parts << kv.key + QLatin1Char('=') + kv.value;
    for (const Expression &e : matchExpressions) {
        if (e.op == QLatin1String("Exists"))
            parts << e.key;
        else if (e.op == QLatin1String("DoesNotExist"))
            parts << QLatin1Char('!') + e.key;
        else
            parts << e.key + QLatin1Char(' ') + e.op.toLower() + QLatin1String(" (")
                         + e.values.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    return parts.join(QLatin1Char(','));
}

namespace {

void addUnique(QStringList &list, const QString &value)
{
    if (!value.isEmpty() && !list.contains(value))
        list.append(value);
}

} // namespace

QStringList PodSpecSummary::configMapRefs() const
{
    QStringList out;
    for (const VolumeInfo &v : volumes)
        if (v.type == VolumeInfo::Type::ConfigMap)
            addUnique(out, v.source);
    for (const auto *list : {&initContainers, &containers})
        for (const ContainerInfo &c : *list)
            for (const QString &ref : c.configMapRefs)
                addUnique(out, ref);
    return out;
}

QStringList PodSpecSummary::secretRefs() const
{
    QStringList out;
    for (const VolumeInfo &v : volumes)
        if (v.type == VolumeInfo::Type::Secret)
            addUnique(out, v.source);
    for (const auto *list : {&initContainers, &containers})
        for (const ContainerInfo &c : *list)
            for (const QString &ref : c.secretRefs)
                addUnique(out, ref);
    return out;
}

QStringList PodSpecSummary::claimRefs() const
{
    QStringList out;
    for (const VolumeInfo &v : volumes)
        if (v.type == VolumeInfo::Type::PersistentVolumeClaim)
            addUnique(out, v.source);
    return out;
}

QString NodeData::statusText() const
{
    QString text = ready ? QStringLiteral("Ready") : QStringLiteral("NotReady");
    if (unschedulable)
        text += QLatin1String(",SchedulingDisabled");
    return text;
}

QString JobData::statusText() const
{
    for (const Condition &c : conditions) {
        if (c.status != QLatin1String("True"))
            continue;
        if (c.type == QLatin1String("Complete"))
            return QStringLiteral("Complete");
        if (c.type == QLatin1String("Failed"))
            return QStringLiteral("Failed");
    }
    if (suspend)
        return QStringLiteral("Suspended");
    return QStringLiteral("Running");
}

const OwnerReference *KubeObject::controllerRef() const
{
    for (const OwnerReference &ref : ownerReferences)
        if (ref.controller)
            return &ref;
    return nullptr;
}

QDateTime toDateTime(Timestamp t)
{
    if (t == 0)
        return {};
    return QDateTime::fromSecsSinceEpoch(t, Qt::UTC);
}

} // namespace Orrery
