// SPDX-License-Identifier: GPL-3.0-or-later
#include "contextpreferences.h"

#include "kube/kubeconfig.h"

#include <QCryptographicHash>
#include <QSettings>
#include <QUrl>

#include <algorithm>

namespace Orrery {

namespace {

const QString kProtectedClusters = QStringLiteral("protection/clusters");

} // namespace

ContextPreferences::ContextPreferences(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{
}

ContextPreferences::ContextPreferences(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{
}

ContextPreferences::~ContextPreferences() = default;

QString ContextPreferences::key(const QString &context, const char *field) const
{
    // Context names may contain '/' (EKS ARNs); percent-encode so QSettings does not split
    // them into groups.
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(context));
    // The demo's contexts have names real ones have too ("production"): a group of their own.
    if (isDemo(context))
        return QStringLiteral("demo/contexts/%1/%2").arg(encoded, QLatin1String(field));
    return QStringLiteral("contexts/%1/%2").arg(encoded, QLatin1String(field));
}

ContextPreference ContextPreferences::preference(const QString &context) const
{
    ContextPreference p;
    p.displayName = m_settings->value(key(context, "displayName")).toString();
    const QString colour = m_settings->value(key(context, "colour")).toString();
    if (!colour.isEmpty())
        p.colour = QColor::fromString(colour);
    p.isProtected = isProtected(context);
    p.namespaces = m_settings->value(key(context, "namespaces")).toStringList();
    return p;
}

QString ContextPreferences::displayName(const QString &context) const
{
    const QString name = m_settings->value(key(context, "displayName")).toString();
    return name.isEmpty() ? context : name;
}

QColor ContextPreferences::colour(const QString &context) const
{
    const QColor c = preference(context).colour;
    return c.isValid() ? c : derivedColour(context);
}

bool ContextPreferences::isProtected(const QString &context) const
{
    // A mark kept by name (older versions, or a context without a known cluster) still counts.
    if (m_settings->value(key(context, "protected"), false).toBool())
        return true;
    if (isDemo(context)) // the demo's mark is its name mark only (see setProtected)
        return false;
    const ClusterIdentity identity = identityOf(context);
    if (!identity.isValid())
        return false;
    const QStringList keys = protectedClusterKeys();
    return std::any_of(keys.cbegin(), keys.cend(), [&identity](const QString &k) {
        return ClusterIdentity::fromKey(k).isSameCluster(identity);
    });
}

bool ContextPreferences::isTlsVerificationOff(const QString &context) const
{
    return m_clusters.value(context).tlsVerificationOff;
}

ClusterIdentity ContextPreferences::identityOf(const QString &context) const
{
    // A simulated cluster is never the same cluster as a real one.
    if (isDemo(context))
        return {};
    return m_clusters.value(context).identity;
}

QStringList ContextPreferences::protectedClusterKeys() const
{
    return m_settings->value(kProtectedClusters).toStringList();
}

void ContextPreferences::setProtectedClusterKeys(const QStringList &keys)
{
    if (keys.isEmpty())
        m_settings->remove(kProtectedClusters);
    else
        m_settings->setValue(kProtectedClusters, keys);
}

QStringList ContextPreferences::contextsSharingCluster(const QString &context) const
{
    QStringList contexts{context};
    const ClusterIdentity identity = identityOf(context);
    if (!identity.isValid())
        return contexts;
    for (auto it = m_clusters.cbegin(); it != m_clusters.cend(); ++it)
        if (it.key() != context && !isDemo(it.key()) && it.value().identity.isSameCluster(identity))
            contexts << it.key();
    return contexts;
}

void ContextPreferences::setDemoContexts(const QStringList &contexts)
{
    m_demoContexts = contexts;
}

void ContextPreferences::setKubeconfig(const Kubeconfig &config)
{
    m_clusters.clear();
    for (const QString &name : config.contextNames()) {
        ContextCluster cluster;
        if (const auto identity = config.clusterIdentity(name))
            cluster.identity = *identity;
        if (const auto context = config.context(name))
            if (const auto entry = config.cluster(context->clusterName))
                cluster.tlsVerificationOff = entry->insecureSkipTlsVerify;
        m_clusters.insert(name, cluster);
    }
    // Move marks kept by context name to the cluster the name now reaches, so nobody loses a
    // protection when upgrading. Names this kubeconfig does not know keep their mark.
    QStringList keys = protectedClusterKeys();
    for (auto it = m_clusters.cbegin(); it != m_clusters.cend(); ++it) {
        if (isDemo(it.key()))
            continue;
        const QString legacy = key(it.key(), "protected");
        if (!it.value().identity.isValid() || !m_settings->contains(legacy))
            continue;
        if (m_settings->value(legacy).toBool() && !keys.contains(it.value().identity.key()))
            keys << it.value().identity.key();
        m_settings->remove(legacy);
    }
    setProtectedClusterKeys(keys);
}

QStringList ContextPreferences::namespaces(const QString &context) const
{
    return m_settings->value(key(context, "namespaces")).toStringList();
}

void ContextPreferences::setDisplayName(const QString &context, const QString &name)
{
    if (name.trimmed().isEmpty() || name == context)
        m_settings->remove(key(context, "displayName"));
    else
        m_settings->setValue(key(context, "displayName"), name.trimmed());
    emit changed(context);
}

void ContextPreferences::setColour(const QString &context, const QColor &colour)
{
    if (colour.isValid())
        m_settings->setValue(key(context, "colour"), colour.name());
    else
        m_settings->remove(key(context, "colour"));
    emit changed(context);
}

void ContextPreferences::setProtected(const QString &context, bool isProtected)
{
    const QStringList affected = contextsSharingCluster(context);
    const ClusterIdentity identity = identityOf(context);
    if (!identity.isValid()) {
        // No kubeconfig told us the cluster: keep the mark on the name until one does.
        m_settings->setValue(key(context, "protected"), isProtected);
    } else {
        m_settings->remove(key(context, "protected"));
        QStringList keys = protectedClusterKeys();
        // Unprotecting removes every mark that covers this cluster, or the context would stay
        // protected through a mark set from another context of the same cluster.
        keys.removeIf([&identity](const QString &k) {
            return ClusterIdentity::fromKey(k).isSameCluster(identity);
        });
        if (isProtected)
            keys << identity.key();
        setProtectedClusterKeys(keys);
        // A name-kept mark on another context of this cluster would defeat an unprotect.
        if (!isProtected)
            for (const QString &other : affected)
                m_settings->remove(key(other, "protected"));
    }
    for (const QString &c : affected)
        emit changed(c);
}

void ContextPreferences::setNamespaces(const QString &context, const QStringList &namespaces)
{
    if (namespaces.isEmpty())
        m_settings->remove(key(context, "namespaces"));
    else
        m_settings->setValue(key(context, "namespaces"), namespaces);
    emit changed(context);
}

QColor ContextPreferences::derivedColour(const QString &context)
{
    const QByteArray hash = QCryptographicHash::hash(context.toUtf8(), QCryptographicHash::Sha1);
    const int hue
        = (static_cast<unsigned char>(hash.at(0)) * 256 + static_cast<unsigned char>(hash.at(1)))
          % 360;
    // Medium saturation and value: readable white text on it, never mistaken for the red of
    // a protected context.
    int h = hue;
    if (h < 20 || h > 340)
        h = (h + 40) % 360;
    return QColor::fromHsv(h, 140, 170);
}

void ContextPreferences::sync()
{
    m_settings->sync();
}

QString ContextPreferences::monitoringSetting(const QString &context, const char *field) const
{
    if (isDemo(context))
        return m_demoSettings.value(context + QLatin1Char('\n') + QLatin1String(field));
    return m_settings->value(key(context, field)).toString();
}

void ContextPreferences::setMonitoringSetting(const QString &context, const char *field,
                                              const QString &text)
{
    const QString value = text.trimmed();
    if (monitoringSetting(context, field) == value)
        return;
    if (isDemo(context)) {
        m_demoSettings.insert(context + QLatin1Char('\n') + QLatin1String(field), value);
    } else if (value.isEmpty()) {
        m_settings->remove(key(context, field));
    } else {
        m_settings->setValue(key(context, field), value);
    }
    emit changed(context);
}

QString ContextPreferences::prometheusSetting(const QString &context) const
{
    return monitoringSetting(context, "monitoring/prometheus");
}

QString ContextPreferences::alertmanagerSetting(const QString &context) const
{
    return monitoringSetting(context, "monitoring/alertmanager");
}

void ContextPreferences::setPrometheusSetting(const QString &context, const QString &text)
{
    setMonitoringSetting(context, "monitoring/prometheus", text);
}

void ContextPreferences::setAlertmanagerSetting(const QString &context, const QString &text)
{
    setMonitoringSetting(context, "monitoring/alertmanager", text);
}

} // namespace Orrery
