// SPDX-License-Identifier: GPL-3.0-or-later
#include "contextpreferences.h"

#include <QCryptographicHash>
#include <QSettings>
#include <QUrl>

namespace Orrery {

ContextPreferences::ContextPreferences(QObject *parent)
    : QObject(parent), m_settings(std::make_unique<QSettings>())
{
}

ContextPreferences::ContextPreferences(const QString &settingsFile, QObject *parent)
    : QObject(parent), m_settings(std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{
}

ContextPreferences::~ContextPreferences() = default;

QString ContextPreferences::key(const QString &context, const char *field) const
{
    // Context names may contain '/' (EKS ARNs); percent-encode so QSettings does not split
    // them into groups.
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(context));
    return QStringLiteral("contexts/%1/%2").arg(encoded, QLatin1String(field));
}

ContextPreference ContextPreferences::preference(const QString &context) const
{
    ContextPreference p;
    p.displayName = m_settings->value(key(context, "displayName")).toString();
    const QString colour = m_settings->value(key(context, "colour")).toString();
    if (!colour.isEmpty())
        p.colour = QColor::fromString(colour);
    p.isProtected = m_settings->value(key(context, "protected"), false).toBool();
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
    return m_settings->value(key(context, "protected"), false).toBool();
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
    m_settings->setValue(key(context, "protected"), isProtected);
    emit changed(context);
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
    const int hue = (static_cast<unsigned char>(hash.at(0)) * 256
                     + static_cast<unsigned char>(hash.at(1))) % 360;
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

} // namespace Orrery
