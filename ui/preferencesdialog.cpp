// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"

#include <theme.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace Orrery {

namespace {
constexpr auto kLanguageKey = "appearance/language";
}

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_theme(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_languageNote(new QLabel(this))
    , m_startLanguage(storedLanguage())
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    m_theme->setObjectName(QStringLiteral("themeBox"));
    m_theme->addItem(tr("System"), int(Theme::Mode::System));
    m_theme->addItem(tr("Light"), int(Theme::Mode::Light));
    m_theme->addItem(tr("Dark"), int(Theme::Mode::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(Theme::instance()->mode())));
    connect(m_theme, &QComboBox::currentIndexChanged, this,
            [this] { Theme::instance()->setMode(Theme::Mode(m_theme->currentData().toInt())); });

    // Language names are written in their own language, as every desktop does, so someone
    // who cannot read the current one still finds theirs.
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(tr("System"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_startLanguage)));
    connect(m_language, &QComboBox::currentIndexChanged, this,
            &PreferencesDialog::onLanguageChosen);

    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setWordWrap(true);
    m_languageNote->setText(tr("The language applies the next time Orrery starts."));
    QFont small = m_languageNote->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_languageNote->setFont(small);
    m_languageNote->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_languageNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(440, sizeHint().height());
}

QString PreferencesDialog::storedLanguage()
{
    const QString code = QSettings().value(QLatin1String(kLanguageKey)).toString();
    return languageCodes().contains(code) ? code : QString();
}

void PreferencesDialog::storeLanguage(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(QLatin1String(kLanguageKey));
    else
        settings.setValue(QLatin1String(kLanguageKey), code);
}

QStringList PreferencesDialog::languageCodes()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("fr")};
}

void PreferencesDialog::onLanguageChosen()
{
    const QString code = m_language->currentData().toString();
    storeLanguage(code);
    // Say it louder when the choice differs from what is on screen.
    QFont font = m_languageNote->font();
    font.setBold(code != m_startLanguage);
    m_languageNote->setFont(font);
}

} // namespace Orrery
