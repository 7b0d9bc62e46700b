// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;

namespace Orrery {

// The status bar's answer to "can I trust what I see?" for the active context: a coloured dot
// and a short text. States come from the informers' health (see ClusterSessionModel);
// the indicator only formats them and ticks the "n s ago" text once a second.
class FreshnessIndicator : public QWidget
{
    Q_OBJECT
public:
    enum class State {
        Disconnected, // not connected (grey)
        Syncing,      // initial list in progress (blue)
        Live,         // watches healthy (green), "live · 3 s"
        Reconnecting, // a watch failed, retrying (amber), with the reason
        Stale,        // data older than the stale threshold (red)
        Error,        // cannot load at all (red), with the reason
    };
    Q_ENUM(State)

    explicit FreshnessIndicator(QWidget *parent = nullptr);

    // lastEvent: when the last event or bookmark arrived (for Live and Stale).
    void setState(State state, const QDateTime &lastEvent = {}, const QString &reason = {});

    // What is shown: Live whose last event or bookmark is older than liveStaleAfterSecs() is
    // shown (and reported) as Stale. The server sends a bookmark about once a minute, so a
    // live watch that said nothing for three minutes is a dead connection the informer has
    // not noticed yet; the indicator must not call that data live.
    State state() const;
    static constexpr int liveStaleAfterSecs() { return 180; }
    QString text() const; // what the label shows, for tests and the accessibility name

protected:
    void timerEvent(QTimerEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    bool liveButSilent() const;

    State m_state = State::Disconnected;
    QDateTime m_lastEvent;
    QString m_reason;
    QLabel *m_dot = nullptr;
    QLabel *m_label = nullptr;
    int m_timer = 0;
};

} // namespace Orrery
