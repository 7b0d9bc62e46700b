// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace Orrery {

namespace {

const char *const kSettingsKey = "appearance/theme";

struct RoleColours
{
    Theme::Role role;
    QRgb light;
    QRgb dark;
};

// Light values are the ones the UI used before themes existed; dark values keep the same hue and
// roughly the same contrast against a #1f2329 base (WCAG AA for text roles).
constexpr RoleColours kColours[] = {
    {Theme::Role::Text, 0x1f2329, 0xe6e9ed},
    {Theme::Role::MutedText, 0x5f6873, 0x9aa4b1},
    {Theme::Role::Window, 0xeff1f4, 0x262a30},
    {Theme::Role::Base, 0xffffff, 0x1f2329},
    {Theme::Role::AlternateBase, 0xf7f9fb, 0x252a31},
    {Theme::Role::Sidebar, 0xf5f6f8, 0x22262c},
    {Theme::Role::HeaderBackground, 0xeef1f4, 0x2b3038},
    {Theme::Role::HeaderText, 0x4a5360, 0xb4bcc7},
    {Theme::Role::Border, 0xd7dce2, 0x3a414b},
    {Theme::Role::Selection, 0xd5e4f7, 0x2f4a6e},
    {Theme::Role::SelectionText, 0x000000, 0xffffff},
    {Theme::Role::Link, 0x1e6fc8, 0x6fb0ff},
    {Theme::Role::Accent, 0x2f7fd8, 0x4c9aff},
    {Theme::Role::Ok, 0x2e9d57, 0x4cc277},
    {Theme::Role::Warning, 0xb86e00, 0xf0a733},
    {Theme::Role::Danger, 0xc62828, 0xff6b6b},
    {Theme::Role::Info, 0x2f7fd8, 0x5ea8ff},
    {Theme::Role::Neutral, 0x6f8091, 0x8d9aa8},
    {Theme::Role::OkFill, 0xe3f5e9, 0x1d3a27},
    {Theme::Role::WarningFill, 0xfdf1d6, 0x3d3117},
    {Theme::Role::DangerFill, 0xfbe1e1, 0x4a2224},
    {Theme::Role::InfoFill, 0xe2eefc, 0x1e3350},
    {Theme::Role::NeutralFill, 0xeceff2, 0x2c3138},
    {Theme::Role::OnDanger, 0xffffff, 0x1b1e23},
    {Theme::Role::DiffAdded, 0xe6ffed, 0x1f3d28},
    {Theme::Role::DiffRemoved, 0xffeef0, 0x4a2427},
    {Theme::Role::DiffHunk, 0x6f42c1, 0xb89cff},
    {Theme::Role::CodeKey, 0x1e6fc8, 0x79b8ff},
    {Theme::Role::CodeString, 0x22863a, 0x85e89d},
    {Theme::Role::CodeNumber, 0xb35900, 0xffab70},
    {Theme::Role::CodeComment, 0x6a737d, 0x8b949e},
    {Theme::Role::Canvas, 0xfafbfc, 0x1b1e23},
    {Theme::Role::CanvasGrid, 0xeef1f4, 0x262a30},
    {Theme::Role::Terminating, 0x7e57c2, 0xb39ddb},
    {Theme::Role::TerminatingFill, 0xefe8f8, 0x2f2742},
    {Theme::Role::SearchMatch, 0xffe082, 0x6b5300},
    {Theme::Role::CodeKeyword, 0x8e24aa, 0xd2a8ff},
};

QColor lookup(Theme::Role role, bool dark)
{
    for (const RoleColours &entry : kColours) {
        if (entry.role == role)
            return QColor::fromRgb(dark ? entry.dark : entry.light);
    }
    return dark ? QColor(Qt::white) : QColor(Qt::black);
}

QPalette paletteFor(bool dark)
{
    const auto c = [dark](Theme::Role role) { return lookup(role, dark); };
    QPalette p;
    p.setColor(QPalette::Window, c(Theme::Role::Window));
    p.setColor(QPalette::WindowText, c(Theme::Role::Text));
    p.setColor(QPalette::Base, c(Theme::Role::Base));
    p.setColor(QPalette::AlternateBase, c(Theme::Role::AlternateBase));
    p.setColor(QPalette::ToolTipBase, c(Theme::Role::HeaderBackground));
    p.setColor(QPalette::ToolTipText, c(Theme::Role::Text));
    p.setColor(QPalette::PlaceholderText, c(Theme::Role::MutedText));
    p.setColor(QPalette::Text, c(Theme::Role::Text));
    p.setColor(QPalette::Button, c(Theme::Role::HeaderBackground));
    p.setColor(QPalette::ButtonText, c(Theme::Role::Text));
    p.setColor(QPalette::BrightText, c(Theme::Role::Danger));
    p.setColor(QPalette::Highlight, dark ? c(Theme::Role::Selection) : c(Theme::Role::Accent));
    p.setColor(QPalette::HighlightedText, QColor(Qt::white));
    p.setColor(QPalette::Link, c(Theme::Role::Link));
    p.setColor(QPalette::LinkVisited, c(Theme::Role::Link));
    p.setColor(QPalette::Mid, c(Theme::Role::Border));
    p.setColor(QPalette::Dark, dark ? QColor(0x15, 0x17, 0x1b) : QColor(0xa0, 0xa7, 0xb0));
    p.setColor(QPalette::Shadow, dark ? QColor(0x0c, 0x0d, 0x10) : QColor(0x70, 0x77, 0x80));
    p.setColor(QPalette::Light, dark ? QColor(0x3a, 0x41, 0x4b) : QColor(Qt::white));
    p.setColor(QPalette::Midlight, dark ? QColor(0x30, 0x36, 0x3e) : QColor(0xe3, 0xe7, 0xeb));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        QColor disabled = c(Theme::Role::MutedText);
        disabled.setAlpha(dark ? 150 : 170);
        p.setColor(QPalette::Disabled, role, disabled);
    }
    return p;
}

} // namespace

Theme::Theme(QObject *parent)
    : QObject(parent)
{
}

Theme *Theme::instance()
{
    static Theme *theme = new Theme(qApp);
    return theme;
}

QString Theme::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Light: return QStringLiteral("light");
    case Mode::Dark: return QStringLiteral("dark");
    case Mode::System: break;
    }
    return QStringLiteral("system");
}

bool Theme::parseMode(const QString &name, Mode *mode)
{
    const QString n = name.trimmed().toLower();
    for (Mode m : {Mode::System, Mode::Light, Mode::Dark}) {
        if (n == modeName(m)) {
            *mode = m;
            return true;
        }
    }
    return false;
}

void Theme::applyStoredMode(const QString &overrideName)
{
    Mode stored = Mode::System;
    if (!overrideName.isEmpty())
        parseMode(overrideName, &stored);
    else
        parseMode(QSettings().value(QLatin1String(kSettingsKey)).toString(), &stored);
    m_mode = stored;
    apply();
}

void Theme::setMode(Mode mode)
{
    QSettings().setValue(QLatin1String(kSettingsKey), modeName(mode));
    if (mode == m_mode)
        return;
    m_mode = mode;
    apply();
}

void Theme::apply()
{
    if (!m_systemDarkKnown && qApp) {
        // The platform palette before we replace it says whether the desktop is dark.
        const QPalette platform = QApplication::style() ? QApplication::style()->standardPalette()
                                                        : QApplication::palette();
        m_systemDark = QApplication::palette().color(QPalette::Window).lightness() < 128
                       || platform.color(QPalette::Window).lightness() < 128;
        m_systemDarkKnown = true;
    }
    m_dark = m_mode == Mode::Dark || (m_mode == Mode::System && m_systemDark);
    if (qobject_cast<QApplication *>(qApp)) {
        if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
            QApplication::setStyle(fusion);
        QApplication::setPalette(paletteFor(m_dark));
    }
    emit changed();
}

QColor Theme::color(Role role) const
{
    return lookup(role, m_dark);
}

} // namespace Orrery
