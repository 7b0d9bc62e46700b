// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QObject>
#include <QString>

namespace Orrery {

// The application's light and dark looks. Qt 6.4 has no QStyleHints::colorScheme (6.5), so
// "System" reads the platform palette once at start-up and picks the look whose window colour
// matches it; Light and Dark are the manual switch. Every colour the UI paints by hand comes from
// here by role, never from a literal, so a widget that repaints on QEvent::PaletteChange follows a
// switch at run time.
class Theme : public QObject
{
    Q_OBJECT

public:
    enum class Mode { System, Light, Dark };
    Q_ENUM(Mode)

    // Semantic colours. Text roles are readable on Base/Window; "...Fill" roles are backgrounds
    // for a status (a row, a badge, a diff line) and carry "...Text" on top where it matters.
    enum class Role {
        Text,
        MutedText, // secondary labels, ages, hints
        Window,
        Base, // table / editor background
        AlternateBase,
        Sidebar,          // cluster tree and navigator background
        HeaderBackground, // table header sections
        HeaderText,
        Border,
        Selection,
        SelectionText,
        Link,
        Accent,  // brand blue: focus, progress, primary buttons
        Ok,      // healthy / ready / success text and icons
        Warning, // pending / progressing-with-trouble
        Danger,  // failed / crash-looping / protected
        Info,    // progressing
        Neutral, // unknown / completed
        OkFill,
        WarningFill,
        DangerFill,
        InfoFill,
        NeutralFill,
        OnDanger,    // text on Danger (the protected banner, the stale banner)
        DiffAdded,   // background of an added line
        DiffRemoved, // background of a removed line
        DiffHunk,    // @@ lines
        CodeKey,     // YAML keys
        CodeString,
        CodeNumber,
        CodeComment,
        Canvas, // topology scene background
        CanvasGrid,
        Terminating, // objects being deleted (topology)
        TerminatingFill,
        SearchMatch, // background of a search hit (logs); Text stays readable on it
        CodeKeyword, // YAML true/false/null
    };
    Q_ENUM(Role)

    static Theme *instance();

    Mode mode() const { return m_mode; }
    // Applies the Fusion style and the palette of the mode to qApp and remembers the choice in
    // QSettings ("appearance/theme": system|light|dark). Widgets receive QEvent::PaletteChange.
    void setMode(Mode mode);
    // Reads the stored choice (or the --theme override) and applies it; call once after the
    // QApplication exists.
    void applyStoredMode(const QString &overrideName = QString());
    bool isDark() const { return m_dark; }

    QColor color(Role role) const;
    // For style sheets and rich text: "#rrggbb".
    QString name(Role role) const { return color(role).name(); }

    static QString modeName(Mode mode);
    static bool parseMode(const QString &name, Mode *mode);

signals:
    void changed();

private:
    explicit Theme(QObject *parent = nullptr);
    void apply();

    Mode m_mode = Mode::System;
    bool m_dark = false;
    bool m_systemDark = false;
    bool m_systemDarkKnown = false;
};

// Shorthand for painting code: themeColor(Theme::Role::Danger).
inline QColor themeColor(Theme::Role role)
{
    return Theme::instance()->color(role);
}

} // namespace Orrery
