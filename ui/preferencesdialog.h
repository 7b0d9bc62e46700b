// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;

namespace Orrery {

class ContextPreferences;

// Edit → Preferences… (Ctrl+,): the look and the language. The look applies at once through
// Theme::setMode, which also stores it. The language is only stored ("appearance/language":
// system|en|fr) and applies the next time Orrery starts: retranslating every open widget live
// would need a LanguageChange handler in each of them, and Qt Creator makes the same choice.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // The stored language code ("" for the system language) and the choices offered.
    static QString storedLanguage();
    static void storeLanguage(const QString &code);
    static QStringList languageCodes(); // "", "en", "fr"

    QComboBox *themeBox() const { return m_theme; }
    QComboBox *languageBox() const { return m_language; }
    QLabel *languageNote() const { return m_languageNote; }

    // Shows the monitoring settings of `context` (where Prometheus and Alertmanager are: a URL
    // or NAMESPACE/NAME:PORT, empty to find them automatically), stored per context in
    // `preferences` when an entry is left and parses; `inUse` says what the context uses now.
    void setContext(ContextPreferences *preferences, const QString &context,
                    const QString &inUse = {});
    QLineEdit *prometheusEdit() const { return m_prometheus; }
    QLineEdit *alertmanagerEdit() const { return m_alertmanager; }
    QLabel *monitoringNote() const { return m_monitoringNote; }

private:
    void onLanguageChosen();
    void storeMonitoring();

    QComboBox *m_theme;
    QComboBox *m_language;
    QLabel *m_languageNote;
    QString m_startLanguage; // the language this run was started with
    QGroupBox *m_monitoring;
    QLineEdit *m_prometheus;
    QLineEdit *m_alertmanager;
    QLabel *m_monitoringNote;
    ContextPreferences *m_preferences = nullptr;
    QString m_context;
};

} // namespace Orrery
