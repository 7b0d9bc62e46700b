// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowstate.h"

#include "resourcebrowser.h"

#include <resourcetablemodel.h>
#include <sessionmanager.h>

#include <kube/clustersession.h>
#include <kube/resourcestore.h>

#include <QMainWindow>
#include <QSettings>
#include <QSplitter>
#include <QTimer>

namespace Orrery {

namespace {

constexpr auto kGeometryKey = "window/geometry";
constexpr auto kStateKey = "window/state";
constexpr auto kMainSplitterKey = "window/mainSplitter";
constexpr auto kLeftSplitterKey = "window/leftSplitter";
constexpr auto kTableSplitterKey = "window/tableSplitter";
constexpr auto kContextKey = "session/context";
constexpr auto kKindKey = "session/kind";
constexpr auto kObjectKey = "session/object";
constexpr auto kDetailsTabKey = "session/detailsTab";

QString columnsKey(Kind kind)
{
    return QStringLiteral("window/columns/%1").arg(kindName(kind));
}

} // namespace

WindowState::WindowState(const Parts &parts, const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
    , m_settings(settingsFile.isEmpty()
                     ? std::make_unique<QSettings>()
                     : std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{
    SessionManager *sessions = m_parts.sessions;
    connect(sessions, &SessionManager::activeContextChanged, this, [this](const QString &context) {
        if (m_pending && m_pending->context != context)
            m_pending.reset(); // the user went elsewhere before the restored context synced
    });
    connect(sessions, &SessionManager::contextSynced, this, [this, sessions](const QString &c) {
        if (m_pending && m_pending->context == c && c == sessions->activeContext())
            applyPendingSelection();
    });
    restore();
}

WindowState::~WindowState() = default;

void WindowState::restore()
{
    m_parts.window->restoreGeometry(m_settings->value(QLatin1String(kGeometryKey)).toByteArray());
    m_parts.window->restoreState(m_settings->value(QLatin1String(kStateKey)).toByteArray());
    m_parts.mainSplitter->restoreState(
        m_settings->value(QLatin1String(kMainSplitterKey)).toByteArray());
    m_parts.leftSplitter->restoreState(
        m_settings->value(QLatin1String(kLeftSplitterKey)).toByteArray());
    m_parts.browser->tableSplitter()->restoreState(
        m_settings->value(QLatin1String(kTableSplitterKey)).toByteArray());
    const QString context = lastContext();
    if (context.isEmpty())
        return;
    PendingSelection pending;
    pending.context = context;
    if (const auto kind = kindFromName(m_settings->value(QLatin1String(kKindKey)).toString());
        kind && m_parts.kinds.contains(*kind)) {
        pending.kind = *kind;
        m_parts.browser->setKindFor(context, *kind); // shown when the context is activated
    }
    pending.key = m_settings->value(QLatin1String(kObjectKey)).toString();
    pending.tab = m_settings->value(QLatin1String(kDetailsTabKey), -1).toInt();
    if (!pending.key.isEmpty() || pending.tab >= 0)
        m_pending = pending;
}

QString WindowState::lastContext() const
{
    return m_settings->value(QLatin1String(kContextKey)).toString();
}

QByteArray WindowState::columns(Kind kind) const
{
    return m_settings->value(columnsKey(kind)).toByteArray();
}

void WindowState::setColumns(Kind kind, const QByteArray &headerState)
{
    m_settings->setValue(columnsKey(kind), headerState);
}

void WindowState::save()
{
    ResourceBrowser *browser = m_parts.browser;
    m_settings->setValue(QLatin1String(kGeometryKey), m_parts.window->saveGeometry());
    m_settings->setValue(QLatin1String(kStateKey), m_parts.window->saveState());
    m_settings->setValue(QLatin1String(kMainSplitterKey), m_parts.mainSplitter->saveState());
    m_settings->setValue(QLatin1String(kLeftSplitterKey), m_parts.leftSplitter->saveState());
    m_settings->setValue(QLatin1String(kTableSplitterKey), browser->tableSplitter()->saveState());
    browser->saveColumns();
    const QString active = m_parts.sessions->activeContext();
    if (!active.isEmpty()) {
        QString key;
        int tab = browser->detailsTab();
        if (m_pending && m_pending->context == active) {
            // Closed before the context synced: keep what was to be restored.
            key = m_pending->key;
            tab = m_pending->tab;
        } else if (const KubeObjectPtr object = browser->selectedObject()) {
            key = object->key();
        }
        m_settings->setValue(QLatin1String(kContextKey), active);
        m_settings->setValue(QLatin1String(kKindKey), kindName(browser->kind()));
        m_settings->setValue(QLatin1String(kObjectKey), key);
        m_settings->setValue(QLatin1String(kDetailsTabKey), tab);
    }
    m_settings->sync();
}

void WindowState::applyPendingSelection(int attempt)
{
    ClusterSession *session = m_parts.sessions->activeSession();
    ResourceBrowser *browser = m_parts.browser;
    if (!m_pending || m_pending->context != m_parts.sessions->activeContext() || !session)
        return;
    const PendingSelection p = *m_pending;
    if (p.key.isEmpty() || p.kind != browser->kind()) {
        // No object, or the user chose another kind meanwhile: only the tab is left to restore.
        m_pending.reset();
        if (p.key.isEmpty() && p.tab >= 0)
            browser->showDetailsTab(DetailsPane::Tab(p.tab));
        return;
    }
    const bool namespaced = p.key.contains(QLatin1Char('/'));
    const QString ns = namespaced ? p.key.section(QLatin1Char('/'), 0, 0) : QString();
    const QString name = namespaced ? p.key.section(QLatin1Char('/'), 1) : p.key;
    if (!session->store()->object(p.kind, ns, name)) {
        m_pending.reset(); // deleted while Orrery was closed: nothing to say
        return;
    }
    if (browser->tableModel()->rowOf(KubeObject::makeKey(ns, name)) < 0 && attempt < 20) {
        // In the store but not yet in the table: the model applies batches on a short timer.
        QTimer::singleShot(100, this, [this, attempt] { applyPendingSelection(attempt + 1); });
        return;
    }
    m_pending.reset();
    if (browser->selectObject(p.kind, ns, name) && p.tab >= 0)
        browser->showDetailsTab(DetailsPane::Tab(p.tab));
}

} // namespace Orrery
