// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertindex.h"

namespace Orrery {

namespace {

// Namespaced kinds named by a label of the same name (kube-state-metrics' labels).
constexpr const char *kSameNameKinds[] = {
    "deployment",
    "statefulset",
    "daemonset",
    "replicaset",
    "cronjob",
    "horizontalpodautoscaler",
    "persistentvolumeclaim",
};

void addCount(AlertCounts *counts, AlertSeverity severity)
{
    switch (severity) {
    case AlertSeverity::Critical: ++counts->critical; break;
    case AlertSeverity::Warning: ++counts->warning; break;
    case AlertSeverity::Info:
    case AlertSeverity::None: ++counts->info; break;
    }
}

QString alertNamespace(const QMap<QString, QString> &labels, bool *exported)
{
    const QString exportedNs = labels.value(QStringLiteral("exported_namespace"));
    *exported = !exportedNs.isEmpty();
    return *exported ? exportedNs : labels.value(QStringLiteral("namespace"));
}

// "host:port", "[v6]:port", "host" -> host.
QString instanceHost(const QString &instance)
{
    if (instance.startsWith(QLatin1Char('['))) {
        const qsizetype end = instance.indexOf(QLatin1Char(']'));
        return end > 0 ? instance.mid(1, end - 1) : instance;
    }
    if (instance.count(QLatin1Char(':')) == 1)
        return instance.section(QLatin1Char(':'), 0, 0);
    return instance; // a bare host or a bare IPv6 address
}

QStringList keysFor(const Alert &alert, const QHash<QString, QString> *nodeByAddress)
{
    const QMap<QString, QString> &labels = alert.labels;
    QStringList keys;
    const auto add = [&keys](const QString &key) {
        if (!keys.contains(key))
            keys.append(key);
    };
    bool exported = false;
    const QString ns = alertNamespace(labels, &exported);
    if (!ns.isEmpty()) {
        add(AlertIndex::objectKey(QStringLiteral("namespace"), {}, ns));
        const auto named = [&](const char *kind, const QString &name) {
            if (!name.isEmpty())
                add(AlertIndex::objectKey(QLatin1String(kind), ns, name));
        };
        named("pod",
              labels.value(exported ? QStringLiteral("exported_pod") : QStringLiteral("pod")));
        named("service", labels.value(exported ? QStringLiteral("exported_service")
                                               : QStringLiteral("service")));
        for (const char *kind : kSameNameKinds)
            named(kind, labels.value(QLatin1String(kind)));
        named("job", labels.value(QStringLiteral("job_name")));
    }
    QString node = labels.value(QStringLiteral("node"));
    if (node.isEmpty())
        node = labels.value(QStringLiteral("exported_node"));
    if (node.isEmpty() && nodeByAddress) {
        const QString instance = labels.value(QStringLiteral("instance"));
        if (!instance.isEmpty())
            node = nodeByAddress->value(instanceHost(instance));
    }
    if (!node.isEmpty())
        add(AlertIndex::objectKey(QStringLiteral("node"), {}, node));
    return keys;
}

} // namespace

AlertIndex::AlertIndex(QList<Alert> alerts)
    : m_alerts(std::move(alerts))
{
    rebuild();
}

void AlertIndex::setAlerts(QList<Alert> alerts)
{
    m_alerts = std::move(alerts);
    rebuild();
}

void AlertIndex::setNodeAddresses(const QHash<QString, QStringList> &addressesByNode)
{
    m_nodeByAddress.clear();
    for (auto it = addressesByNode.cbegin(); it != addressesByNode.cend(); ++it) {
        m_nodeByAddress.insert(it.key(), it.key());
        for (const QString &address : it.value())
            if (!address.isEmpty())
                m_nodeByAddress.insert(address, it.key());
    }
    rebuild();
}

QString AlertIndex::objectKey(const QString &kind, const QString &ns, const QString &name)
{
    const QString k = kind.toLower();
    return ns.isEmpty() ? k + QLatin1Char('/') + name
                        : k + QLatin1Char('/') + ns + QLatin1Char('/') + name;
}

QStringList AlertIndex::attachments(const Alert &alert)
{
    return keysFor(alert, nullptr);
}

QStringList AlertIndex::keysOf(const Alert &alert) const
{
    return keysFor(alert, m_nodeByAddress.isEmpty() ? nullptr : &m_nodeByAddress);
}

QList<Alert> AlertIndex::alertsFor(const QString &key) const
{
    QList<Alert> out;
    for (int i : m_byKey.value(key))
        out.append(m_alerts.at(i));
    return out;
}

QList<int> AlertIndex::indicesFor(const QString &key) const
{
    return m_byKey.value(key);
}

AlertSeverity AlertIndex::worstSeverity(const QString &key) const
{
    return countsFor(key).worst();
}

AlertCounts AlertIndex::countsFor(const QString &key) const
{
    AlertCounts counts;
    for (int i : m_byKey.value(key))
        addCount(&counts, m_alerts.at(i).severity());
    return counts;
}

QList<Alert> AlertIndex::unattached() const
{
    QList<Alert> out;
    for (int i : m_unattached)
        out.append(m_alerts.at(i));
    return out;
}

void AlertIndex::rebuild()
{
    m_byKey.clear();
    m_namespaceCounts.clear();
    m_unattached.clear();
    for (int i = 0; i < m_alerts.size(); ++i) {
        const Alert &alert = m_alerts.at(i);
        const QStringList keys = keysOf(alert);
        if (keys.isEmpty())
            m_unattached.append(i);
        for (const QString &key : keys)
            m_byKey[key].append(i);
        bool exported = false;
        const QString ns = alertNamespace(alert.labels, &exported);
        if (!ns.isEmpty())
            addCount(&m_namespaceCounts[ns], alert.severity());
    }
}

} // namespace Orrery
