// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/freshness.h>

#include <QDateTime>
#include <QWidget>

class QLabel;

namespace Orrery {

// The status bar's answer to "can I trust what I see?" for the active context: a coloured dot
// and a short text. The summary and its words come from core (Freshness); the indicator only
// draws them and ticks the "n s ago" text once a second.
class FreshnessIndicator : public QWidget
{
    Q_OBJECT
public:
    using State = Freshness::State;

    explicit FreshnessIndicator(QWidget *parent = nullptr);

    void setFreshness(const Freshness &freshness);
    // lastEvent: when the last event or bookmark arrived (for Live and Stale).
    void setState(State state, const QDateTime &lastEvent = {}, const QString &reason = {});

    // What is shown: Live that has been silent too long is shown (and reported) as Stale
    // (Freshness::effectiveState).
    State state() const;
    static constexpr int liveStaleAfterSecs() { return Freshness::liveStaleAfterSecs(); }
    QString text() const; // what the label shows, for tests and the accessibility name

protected:
    void timerEvent(QTimerEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    Freshness m_freshness;
    QLabel *m_dot = nullptr;
    QLabel *m_label = nullptr;
    int m_timer = 0;
};

} // namespace Orrery
