// SPDX-License-Identifier: GPL-3.0-or-later
#include "palettecontroller.h"

#include "commandpalette.h"
#include "resourcenavigator.h"

#include <contextpreferences.h>
#include <contexttreemodel.h>
#include <sessionmanager.h>

#include <kube/clustersession.h>
#include <kube/resourcestore.h>

#include <QAction>

namespace Orrery {

PaletteController::PaletteController(CommandPalette *palette, ResourceNavigator *navigator,
                                     ContextTreeModel *contexts, ContextPreferences *preferences,
                                     SessionManager *sessions, QObject *parent)
    : QObject(parent)
    , m_palette(palette)
    , m_navigator(navigator)
    , m_contexts(contexts)
    , m_preferences(preferences)
    , m_sessions(sessions)
{
    connect(m_palette, &CommandPalette::entryActivated, this, &PaletteController::activate);
}

void PaletteController::setObjectActionsProvider(DetailsPane::ActionsProvider provider)
{
    m_actionsProvider = std::move(provider);
}

void PaletteController::setWindowActions(const QList<QAction *> &actions)
{
    m_windowActions.clear();
    for (QAction *action : actions)
        m_windowActions << action;
}

void PaletteController::open(const KubeObjectPtr &selected)
{
    const QString activeContext = m_sessions->activeContext();
    QList<PaletteEntry> entries;
    const QHash<QString, QString> pages = m_navigator->pages();
    for (auto it = pages.cbegin(); it != pages.cend(); ++it) {
        PaletteEntry e;
        e.type = PaletteEntry::Type::Page;
        e.title = it.value();
        e.subtitle = tr("Page");
        e.payload = it.key();
        entries << e;
    }
    for (Kind kind : m_navigator->kinds()) {
        PaletteEntry e;
        e.type = PaletteEntry::Type::Kind;
        e.title = ResourceNavigator::pluralName(kind);
        e.subtitle = ResourceNavigator::categoryOf(kind);
        e.payload = QVariant::fromValue(kind);
        entries << e;
    }
    for (const QString &context : m_contexts->contextNames()) {
        PaletteEntry e;
        e.type = PaletteEntry::Type::Context;
        e.title = m_preferences->displayName(context);
        e.subtitle = e.title == context ? tr("Context") : tr("Context %1").arg(context);
        e.context = context;
        e.payload = context;
        entries << e;
    }
    // The objects of every connected context, the active one first.
    QStringList contexts = m_sessions->connectedContexts();
    contexts.sort();
    if (contexts.removeOne(activeContext))
        contexts.prepend(activeContext);
    for (const QString &context : std::as_const(contexts)) {
        ClusterSession *session = m_sessions->session(context);
        if (!session)
            continue;
        const QString where
            = context == activeContext ? QString() : m_preferences->displayName(context);
        for (Kind kind : m_navigator->kinds()) {
            if (kind == Kind::Event)
                continue;
            for (const KubeObjectPtr &o : session->store()->objects(kind)) {
                if (entries.size() > 50000)
                    break;
                PaletteEntry e;
                e.type = PaletteEntry::Type::Resource;
                e.title = o->name;
                e.subtitle = o->namespaceName.isEmpty()
                                 ? kindName(kind)
                                 : kindName(kind) + QStringLiteral(" · ") + o->namespaceName;
                if (!where.isEmpty())
                    e.subtitle += QStringLiteral(" · ") + where;
                e.payload = QVariant::fromValue(kind);
                e.context = context;
                e.namespaceName = o->namespaceName;
                entries << e;
            }
        }
    }
    // The operations on the selected object, as "Scale… web".
    for (const QPointer<QAction> &old : std::as_const(m_actions))
        delete old.data();
    m_actions.clear();
    if (selected && m_actionsProvider) {
        for (QAction *action : m_actionsProvider(selected, this)) {
            PaletteEntry e;
            e.type = PaletteEntry::Type::Action;
            e.title = action->text().remove(QChar(0x2026)) + QLatin1Char(' ') + selected->name;
            e.subtitle = tr("Action on %1").arg(kindName(selected->kind));
            e.context = activeContext;
            e.payload = int(m_actions.size());
            m_actions << action;
            entries << e;
        }
    }
    // Not tied to the selection: one palette entry per open, a throwaway QAction like the others.
    if (m_applyAction) {
        auto *apply = new QAction(m_applyAction->text(), this);
        connect(apply, &QAction::triggered, m_applyAction, &QAction::trigger);
        PaletteEntry e;
        e.type = PaletteEntry::Type::Action;
        e.title = tr("Apply manifests");
        e.subtitle = tr("Server-side apply of YAML files or pasted YAML (Ctrl+Shift+A)");
        e.context = activeContext;
        e.payload = int(m_actions.size());
        m_actions << apply;
        entries << e;
    }
    // The window's commands by name: Reconnect Cluster, Preferences, Keyboard Shortcuts…
    for (const QPointer<QAction> &command : std::as_const(m_windowActions)) {
        if (!command || !command->isEnabled() || command->text().isEmpty())
            continue;
        auto *proxy = new QAction(command->text(), this);
        connect(proxy, &QAction::triggered, command.data(), &QAction::trigger);
        PaletteEntry e;
        e.type = PaletteEntry::Type::Action;
        e.title = command->text().remove(QLatin1Char('&')).remove(QChar(0x2026));
        e.subtitle
            = command->shortcut().isEmpty()
                  ? tr("Command")
                  : tr("Command (%1)").arg(command->shortcut().toString(QKeySequence::NativeText));
        e.context = activeContext;
        e.payload = int(m_actions.size());
        m_actions << proxy;
        entries << e;
    }
    m_palette->setEntries(std::move(entries));
    m_palette->popup();
}

void PaletteController::activate(const PaletteEntry &entry)
{
    switch (entry.type) {
    case PaletteEntry::Type::Kind: emit kindRequested(entry.payload.value<Kind>()); break;
    case PaletteEntry::Type::Context: emit contextRequested(entry.payload.toString()); break;
    case PaletteEntry::Type::Resource:
        emit objectRequested(entry.context, entry.payload.value<Kind>(), entry.namespaceName,
                             entry.title);
        break;
    case PaletteEntry::Type::Page: emit pageRequested(entry.payload.toString()); break;
    case PaletteEntry::Type::Action: {
        QAction *action = m_actions.value(entry.payload.toInt());
        if (action && action->isEnabled())
            action->trigger();
        else if (action)
            emit statusMessage(action->toolTip());
        break;
    }
    }
}

} // namespace Orrery
