// SPDX-License-Identifier: GPL-3.0-or-later
#include "freshnessindicator.h"

#include "theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimerEvent>

namespace Orrery {

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

void FreshnessIndicator::setFreshness(const Freshness &freshness)
{
    m_freshness = freshness;
    refresh();
}

void FreshnessIndicator::setState(State state, const QDateTime &lastEvent, const QString &reason)
{
    Freshness f;
    f.state = state;
    f.since = lastEvent;
    f.reason = reason;
    setFreshness(f);
}

FreshnessIndicator::State FreshnessIndicator::state() const
{
    return m_freshness.effectiveState(QDateTime::currentDateTimeUtc());
}

QString FreshnessIndicator::text() const
{
    return m_freshness.text(QDateTime::currentDateTimeUtc());
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
    setToolTip(m_freshness.explanation(QDateTime::currentDateTimeUtc()));
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
    if (event->timerId() == m_timer
        && (m_freshness.state == State::Live || m_freshness.state == State::Stale))
        refresh();
    QWidget::timerEvent(event);
}

} // namespace Orrery
