// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/clusteridentity.h"

#include <QColor>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace Orrery {

class Kubeconfig;

// What the user chose for one kubeconfig context: a display name, a colour, the "protected"
// (production) mark and the namespaces last selected. Kept in QSettings under
// "contexts/<name>/..." and never written back to the kubeconfig, which belongs to kubectl
// and to the user's other tools.
//
// The protected mark belongs to the cluster, not to the context: it is stored as a list of
// ClusterIdentity keys under "protection/clusters", and every context that reaches a
// protected cluster (another user, another kubeconfig file, a new name) is protected.
// Versions before this kept "contexts/<name>/protected"; setKubeconfig() moves such a mark to
// the context's cluster, and a mark on a context no kubeconfig has shown yet keeps guarding
// that name until it is moved.
struct ContextPreference
{
    QString displayName; // empty: show the context name
    QColor colour;       // invalid: a colour derived from the name
    bool isProtected = false;
    QStringList namespaces; // empty: all namespaces
};

// Reads and writes ContextPreference values. The settings object is injected so tests can use
// a temporary file; the default constructor uses the application's QSettings.
class ContextPreferences : public QObject
{
    Q_OBJECT
public:
    explicit ContextPreferences(QObject *parent = nullptr);
    // Stores in an INI file at `settingsFile` (tests and portable installs).
    explicit ContextPreferences(const QString &settingsFile, QObject *parent = nullptr);
    ~ContextPreferences() override;

    ContextPreference preference(const QString &context) const;

    QString displayName(const QString &context) const; // falls back to the context name
    QColor colour(const QString &context) const;       // falls back to a stable derived colour
    bool isProtected(const QString &context) const;
    QStringList namespaces(const QString &context) const;

    void setDisplayName(const QString &context, const QString &name);
    void setColour(const QString &context, const QColor &colour);
    void setProtected(const QString &context, bool isProtected);
    void setNamespaces(const QString &context, const QStringList &namespaces);

    // Which cluster each context of `config` reaches and whether it verifies TLS; moves
    // protection marks kept by context name to those clusters. Call on every (re)load.
    void setKubeconfig(const Kubeconfig &config);
    // kubeconfig `insecure-skip-tls-verify: true` for the context's cluster (as last set by
    // setKubeconfig()): shown beside the protected mark wherever the context is named.
    bool isTlsVerificationOff(const QString &context) const;

    // The contexts of the embedded demo cluster. Their settings are kept apart (under
    // "demo/contexts/<name>/...") and protection never crosses over: a real context named
    // "production" marked protected does not make the demo's "production" look protected,
    // and nothing set on the demo touches a real context. Call before setKubeconfig().
    void setDemoContexts(const QStringList &contexts);
    bool isDemo(const QString &context) const { return m_demoContexts.contains(context); }
    // Where Prometheus and Alertmanager are for the context, as typed in the Preferences
    // (MonitoringTarget text: a URL or NAMESPACE/NAME[:PORT]); empty: found automatically.
    // Kept under "contexts/<name>/monitoring/...". The demo's contexts (setDemoContexts) keep
    // theirs in memory only: the demo's loopback ports change on every start.
    QString prometheusSetting(const QString &context) const;
    QString alertmanagerSetting(const QString &context) const;
    void setPrometheusSetting(const QString &context, const QString &text);
    void setAlertmanagerSetting(const QString &context, const QString &text);

    // A pleasant, stable colour for a context without one: same name, same colour.
    static QColor derivedColour(const QString &context);

    void sync();

signals:
    void changed(const QString &context);

private:
    struct ContextCluster
    {
        ClusterIdentity identity;
        bool tlsVerificationOff = false;
    };

    QString key(const QString &context, const char *field) const;
    ClusterIdentity identityOf(const QString &context) const; // invalid when unknown
    QStringList protectedClusterKeys() const;
    void setProtectedClusterKeys(const QStringList &keys);
    // Every known context on the same cluster as `context`, `context` included.
    QStringList contextsSharingCluster(const QString &context) const;

    QHash<QString, ContextCluster> m_clusters; // context name -> its cluster
    QStringList m_demoContexts;
    QHash<QString, QString> m_demoSettings; // "<context>\n<field>" -> text, never persisted

    QString monitoringSetting(const QString &context, const char *field) const;
    void setMonitoringSetting(const QString &context, const char *field, const QString &text);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace Orrery
