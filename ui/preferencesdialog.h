// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace Orrery {

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

private:
    void onLanguageChosen();

    QComboBox *m_theme;
    QComboBox *m_language;
    QLabel *m_languageNote;
    QString m_startLanguage; // the language this run was started with
};

} // namespace Orrery
