// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"

#include <contextpreferences.h>
#include <theme.h>

#include <monitoring/monitoringdiscovery.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
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
    , m_monitoring(new QGroupBox(this))
    , m_prometheus(new QLineEdit(m_monitoring))
    , m_alertmanager(new QLineEdit(m_monitoring))
    , m_monitoringNote(new QLabel(m_monitoring))
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

    m_prometheus->setObjectName(QStringLiteral("prometheusSetting"));
    m_alertmanager->setObjectName(QStringLiteral("alertmanagerSetting"));
    m_prometheus->setPlaceholderText(tr("found automatically"));
    m_alertmanager->setPlaceholderText(tr("found automatically"));
    const QString help = tr("A URL (http://127.0.0.1:9090) or a Service reached through the API "
                            "server, as namespace/name:port (monitoring/prometheus-operated:9090)");
    m_prometheus->setToolTip(help);
    m_alertmanager->setToolTip(help);
    m_prometheus->setClearButtonEnabled(true);
    m_alertmanager->setClearButtonEnabled(true);
    m_monitoringNote->setObjectName(QStringLiteral("monitoringNote"));
    m_monitoringNote->setWordWrap(true);
    m_monitoringNote->setFont(small);
    m_monitoringNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *monitoringForm = new QFormLayout(m_monitoring);
    monitoringForm->addRow(tr("&Prometheus:"), m_prometheus);
    monitoringForm->addRow(tr("&Alertmanager:"), m_alertmanager);
    monitoringForm->addRow(QString(), m_monitoringNote);
    m_monitoring->hide();
    connect(m_prometheus, &QLineEdit::editingFinished, this, &PreferencesDialog::storeMonitoring);
    connect(m_alertmanager, &QLineEdit::editingFinished, this, &PreferencesDialog::storeMonitoring);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_monitoring);
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

void PreferencesDialog::setContext(ContextPreferences *preferences, const QString &context,
                                   const QString &inUse)
{
    m_preferences = preferences;
    m_context = context;
    m_monitoring->setVisible(preferences && !context.isEmpty());
    if (!preferences || context.isEmpty())
        return;
    m_monitoring->setTitle(tr("Monitoring of context %1").arg(preferences->displayName(context)));
    m_prometheus->setText(preferences->prometheusSetting(context));
    m_alertmanager->setText(preferences->alertmanagerSetting(context));
    m_monitoringNote->setText(inUse);
    resize(width(), sizeHint().height());
}

void PreferencesDialog::storeMonitoring()
{
    if (!m_preferences || m_context.isEmpty())
        return;
    QStringList problems;
    const auto store = [&](QLineEdit *edit, bool prometheus) {
        const Result<MonitoringTarget> target = MonitoringTarget::parse(edit->text());
        if (!target.ok()) {
            problems << target.error().message;
            return;
        }
        if (prometheus)
            m_preferences->setPrometheusSetting(m_context, target->toString());
        else
            m_preferences->setAlertmanagerSetting(m_context, target->toString());
    };
    store(m_prometheus, true);
    store(m_alertmanager, false);
    m_monitoringNote->setText(problems.isEmpty()
                                  ? tr("Saved for this context; the charts use it at once.")
                                  : problems.join(QLatin1Char('\n')));
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
