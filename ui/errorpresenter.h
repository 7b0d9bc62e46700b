// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/kubekind.h>
#include <util/result.h>

#include <QHash>
#include <QObject>

class QLabel;

namespace Orrery {

class MessageOverlay;

// How the main window tells the user what went wrong or what is going on: one place for the
// words (an Error turned into a title and an actionable fix; the reload and "gone" notices)
// and for the ways they are shown: over the table that could not be loaded (an overlay with
// the fix and a retry button) or as a transient line in the status bar.
class ErrorPresenter : public QObject
{
    Q_OBJECT
public:
    // `statusLabel`: the status bar's message label (owned by the window).
    explicit ErrorPresenter(QLabel *statusLabel, QObject *parent = nullptr);

    // "You may not list secrets here", "The cluster cannot be reached"; `what` is the
    // lower-case plural of what could not be loaded.
    static QString title(const Error &error, const QString &what);
    // What to do about it, then the error's own words ("Details: …").
    static QString fix(const Error &error, const QString &what);

    // Covers a table that could not be loaded: the title, the fix, and a button (`action`,
    // e.g. "Reconnect") whose actionTriggered() the owner of the overlay handles.
    static void showInOverlay(MessageOverlay *overlay, const Error &error, const QString &what,
                              const QString &action);

    // A transient line in the status bar, whatever the context.
    void showStatus(const QString &text);
    // A line about `context` (e.g. the outcome of an operation there): shown while that
    // context is the active one, again when the user comes back to it, never in another
    // context. An empty `context` is every context's (showStatus).
    void showContextStatus(const QString &context, const QString &text);
    // The window shows `context` now: its last line, or none.
    void setActiveContext(const QString &context);
    void showReloading(const QString &contextName, const QString &why);
    void showReloadingAll(const QString &why);
    void showObjectGone(Kind kind, const QString &name);
    QLabel *statusLabel() const { return m_status; }

private:
    QLabel *m_status;
    QString m_activeContext;
    QHash<QString, QString> m_contextStatus; // context -> its last line
};

} // namespace Orrery
