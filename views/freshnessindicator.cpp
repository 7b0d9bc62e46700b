// SPDX-License-Identifier: GPL-3.0-or-later
#include "freshnessindicator.h"

#include "theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimerEvent>

namespace Orrery {

namespace {

QString ageText(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 120)
        return FreshnessIndicator::tr("%n s", nullptr, static_cast<int>(seconds));
    if (seconds < 7200)
        return FreshnessIndicator::tr("%n min", nullptr, static_cast<int>(seconds / 60));
    return FreshnessIndicator::tr("%n h", nullptr, static_cast<int>(seconds / 3600));
}

} // namespace

FreshnessIndicator::FreshnessIndicator(QWidget *parent)
    : QWidget(parent)
    , m_dot(new QLabel(this))
    , m_label(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    m_dot->setFixedSize(10, 10);
    layout->addWidget(m_dot);
    layout->addWidget(m_label);
    m_timer = startTimer(1000);
    refresh();
}

void FreshnessIndicator::setState(State state, const QDateTime &lastEvent, const QString &reason)
{
    m_state = state;
    m_lastEvent = lastEvent;
    m_reason = reason;
    refresh();
}

bool FreshnessIndicator::liveButSilent() const
{
    return m_state == State::Live && m_lastEvent.isValid()
           && m_lastEvent.secsTo(QDateTime::currentDateTimeUtc()) > liveStaleAfterSecs();
}

FreshnessIndicator::State FreshnessIndicator::state() const
{
    return liveButSilent() ? State::Stale : m_state;
}

QString FreshnessIndicator::text() const
{
    const qint64 age
        = m_lastEvent.isValid() ? m_lastEvent.secsTo(QDateTime::currentDateTimeUtc()) : -1;
    switch (state()) {
    case State::Disconnected: return tr("Not connected");
    case State::Syncing: return tr("Loading…");
    case State::Live:
        return age >= 0 ? tr("Live · last update %1 ago").arg(ageText(age)) : tr("Live");
    case State::Reconnecting:
        return m_reason.isEmpty() ? tr("Reconnecting…") : tr("Reconnecting: %1").arg(m_reason);
    case State::Stale:
        return age >= 0 ? tr("STALE · data is %1 old").arg(ageText(age)) : tr("STALE");
    case State::Error: return m_reason.isEmpty() ? tr("Error") : tr("Error: %1").arg(m_reason);
    }
    return {};
}

void FreshnessIndicator::refresh()
{
    QColor colour;
    const State shown = state();
    switch (shown) {
    case State::Disconnected: colour = themeColor(Theme::Role::Neutral); break;
    case State::Syncing: colour = themeColor(Theme::Role::Info); break;
    case State::Live: colour = themeColor(Theme::Role::Ok); break;
    case State::Reconnecting: colour = themeColor(Theme::Role::Warning); break;
    case State::Stale:
    case State::Error: colour = themeColor(Theme::Role::Danger); break;
    }
    m_dot->setStyleSheet(QStringLiteral("background:%1;border-radius:5px;").arg(colour.name()));
    const QString t = text();
    m_label->setText(t);
    if (shown == State::Stale || shown == State::Error)
        m_label->setStyleSheet(QStringLiteral("color:%1;font-weight:bold;")
                                   .arg(Theme::instance()->name(Theme::Role::Danger)));
    else
        m_label->setStyleSheet(QString());
    QString tip = m_reason.isEmpty() ? t : m_reason;
    if (liveButSilent())
        tip = tr("The watches look open but nothing arrived for over %n minute(s); the connection "
                 "is probably dead. Orrery reconnects by itself; Ctrl+R reconnects now.",
                 nullptr, liveStaleAfterSecs() / 60);
    setToolTip(tip);
    setAccessibleName(t);
}

void FreshnessIndicator::changeEvent(QEvent *event)
{
    // The dot and the label carry theme colours in style sheets; repaint them in the new look.
    if (event->type() == QEvent::PaletteChange)
        refresh();
    QWidget::changeEvent(event);
}

void FreshnessIndicator::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_timer && (m_state == State::Live || m_state == State::Stale))
        refresh();
    QWidget::timerEvent(event);
}

} // namespace Orrery
