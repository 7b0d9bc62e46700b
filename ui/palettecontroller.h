// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <detailspane.h>

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;

namespace Orrery {

class CommandPalette;
class ContextPreferences;
class ContextTreeModel;
class ResourceNavigator;
class SessionManager;
struct PaletteEntry;

// Fills the command palette (Ctrl+K) when it opens: every page and kind, every context, every
// object of every connected context, the operations on the selected object, the window's
// commands and "Apply manifests"; and turns the chosen entry into a request the window
// carries out.
class PaletteController : public QObject
{
    Q_OBJECT
public:
    PaletteController(CommandPalette *palette, ResourceNavigator *navigator,
                      ContextTreeModel *contexts, ContextPreferences *preferences,
                      SessionManager *sessions, QObject *parent = nullptr);

    void setObjectActionsProvider(DetailsPane::ActionsProvider provider);
    // The File menu's "Apply Manifests…" (null: not offered).
    void setApplyAction(QAction *action) { m_applyAction = action; }
    // The window's commands (its menu actions) offered by name ("Reconnect Cluster").
    void setWindowActions(const QList<QAction *> &actions);
    // Opens the palette; `selected` is the object whose operations are offered.
    void open(const KubeObjectPtr &selected);

signals:
    void kindRequested(Orrery::Kind kind);
    void contextRequested(const QString &context);
    void objectRequested(const QString &context, Orrery::Kind kind, const QString &ns,
                         const QString &name);
    void pageRequested(const QString &pageId);
    // A disabled operation was chosen: why it is disabled.
    void statusMessage(const QString &text);

private:
    void activate(const PaletteEntry &entry);

    CommandPalette *m_palette;
    ResourceNavigator *m_navigator;
    ContextTreeModel *m_contexts;
    ContextPreferences *m_preferences;
    SessionManager *m_sessions;
    DetailsPane::ActionsProvider m_actionsProvider;
    QPointer<QAction> m_applyAction;
    QList<QPointer<QAction>> m_windowActions;
    QList<QPointer<QAction>> m_actions; // the selection's actions while the palette is open
};

} // namespace Orrery
