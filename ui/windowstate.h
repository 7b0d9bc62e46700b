// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/kubekind.h>

#include <QObject>

#include <memory>
#include <optional>

class QMainWindow;
class QSettings;
class QSplitter;

namespace Orrery {

class ResourceBrowser;
class SessionManager;

// What the main window remembers between runs, in QSettings ("window/…" for the layout,
// "session/…" for where the user was; the kubeconfig is never written): geometry and dock
// state, the splitters, the column layout per kind, and the last context, kind, object and
// details tab.
//
// The layout is restored at once by the constructor; the last context's kind is handed to
// the browser for when that context is activated, and its object and tab wait until the
// context has synced (silently dropped when the object is gone or the user went elsewhere
// first). save() writes everything (the window calls it on close).
class WindowState : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        QMainWindow *window = nullptr;
        QSplitter *mainSplitter = nullptr;
        QSplitter *leftSplitter = nullptr;
        ResourceBrowser *browser = nullptr;
        SessionManager *sessions = nullptr;
        QList<Kind> kinds; // the kinds the window can show
    };

    // An empty file means the application's QSettings.
    WindowState(const Parts &parts, const QString &settingsFile, QObject *parent = nullptr);
    ~WindowState() override;

    // The context active when the window was last closed (empty: none).
    QString lastContext() const;
    void save();

    // A kind's saved header state (empty: none); the browser measures columns without one.
    QByteArray columns(Kind kind) const;
    void setColumns(Kind kind, const QByteArray &headerState);

private:
    // The selection to restore once its context has synced.
    struct PendingSelection
    {
        QString context;
        Kind kind = Kind::Pod;
        QString key; // "ns/name" or "name"
        int tab = -1;
    };

    void restore();
    void applyPendingSelection(int attempt = 0);

    Parts m_parts;
    std::unique_ptr<QSettings> m_settings;
    std::optional<PendingSelection> m_pending;
};

} // namespace Orrery
