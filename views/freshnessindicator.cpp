// SPDX-License-Identifier: GPL-3.0-or-later
#include "freshnessindicator.h"

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
    : QWidget(parent), m_dot(new QLabel(this)), m_label(new QLabel(this))
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
    const qint64 age = m_lastEvent.isValid() ? m_lastEvent.secsTo(QDateTime::currentDateTimeUtc()) : -1;
    switch (state()) {
    case State::Disconnected:
        return tr("Not connected");
    case State::Syncing:
        return tr("Loading…");
    case State::Live:
        return age >= 0 ? tr("Live · last update %1 ago").arg(ageText(age)) : tr("Live");
    case State::Reconnecting:
        return m_reason.isEmpty() ? tr("Reconnecting…") : tr("Reconnecting: %1").arg(m_reason);
    case State::Stale:
        return age >= 0 ? tr("STALE · data is %1 old").arg(ageText(age)) : tr("STALE");
    case State::Error:
        return m_reason.isEmpty() ? tr("Error") : tr("Error: %1").arg(m_reason);
    }
    return {};
}

void FreshnessIndicator::refresh()
{
    QColor colour;
    const State shown = state();
    switch (shown) {
    case State::Disconnected: colour = QColor(0x9e, 0x9e, 0x9e); break;
    case State::Syncing: colour = QColor(0x1e, 0x88, 0xe5); break;
    case State::Live: colour = QColor(0x2e, 0x9d, 0x4a); break;
    case State::Reconnecting: colour = QColor(0xf5, 0x9e, 0x0b); break;
    case State::Stale:
    case State::Error: colour = QColor(0xd3, 0x2f, 0x2f); break;
    }
    m_dot->setStyleSheet(QStringLiteral("background:%1;border-radius:5px;").arg(colour.name()));
    const QString t = text();
    m_label->setText(t);
    if (shown == State::Stale || shown == State::Error)
        m_label->setStyleSheet(QStringLiteral("color:#c62828;font-weight:bold;"));
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

void FreshnessIndicator::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_timer && (m_state == State::Live || m_state == State::Stale))
        refresh();
    QWidget::timerEvent(event);
}

} // namespace Orrery
