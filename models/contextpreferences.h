// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace Orrery {

// What the user chose for one kubeconfig context: a display name, a colour, the "protected"
// (production) mark and the namespaces last selected. Kept in QSettings under
// "contexts/<name>/..." and never written back to the kubeconfig, which belongs to kubectl
// and to the user's other tools.
struct ContextPreference
{
    QString displayName;   // empty: show the context name
    QColor colour;         // invalid: a colour derived from the name
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

    // A pleasant, stable colour for a context without one: same name, same colour.
    static QColor derivedColour(const QString &context);

    void sync();

signals:
    void changed(const QString &context);

private:
    QString key(const QString &context, const char *field) const;

    std::unique_ptr<QSettings> m_settings;
};

} // namespace Orrery
