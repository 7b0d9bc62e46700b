// SPDX-License-Identifier: GPL-3.0-or-later
#include "operationspanel.h"

#include "rollouttracker.h"

#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QMainWindow>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace Orrery {

OperationsPanel::OperationsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("OperationsPanel"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    m_cards = new QVBoxLayout(content);
    m_cards->setContentsMargins(4, 4, 4, 4);
    m_empty = new QLabel(tr("Rollouts and undo offers appear here after a change."), content);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    m_cards->addWidget(m_empty);
    m_cards->addStretch(1);
    scroll->setWidget(content);
    outer->addWidget(scroll);
}

namespace {
const char *const kContextProperty = "orreryContext";
}

void OperationsPanel::revealIn(QMainWindow *window, QDockWidget *dock)
{
    dock->show();
    dock->raise();
    const QList<QWidget *> shown = visibleCards();
    if (shown.isEmpty())
        return;
    const QMargins margins = m_cards->contentsMargins();
    const int title = dock->fontMetrics().height() + 12;
    // A card grows once its first state arrives (a rollout's message, its pods): room for
    // that too, 180 px at least.
    const int cardHeight
        = shown.first()->sizeHint().height() + margins.top() + margins.bottom() + title + 8;
    const int wanted = qMin(qMax(180, cardHeight), window->height() / 2);
    // Laid out now, so that the height compared is the one on screen (a widget never laid
    // out reports its default size).
    if (QLayout *layout = window->layout())
        layout->activate();
    if (dock->height() < wanted)
        window->resizeDocks({dock}, {wanted}, Qt::Vertical);
}

void OperationsPanel::addCard(QWidget *card, const QString &context)
{
    card->setProperty(kContextProperty, context);
    m_cards->insertWidget(1, card);
    const QList<QWidget *> all = cards();
    for (int i = MaxCards; i < all.size(); ++i)
        all.at(i)->deleteLater();
    // A card leaving (dismissed, done) may leave this context without any.
    connect(card, &QObject::destroyed, this, [this] {
        QMetaObject::invokeMethod(
            this, [this] { updateVisibility(); }, Qt::QueuedConnection);
    });
    updateVisibility();
    emit cardAdded(card);
}

void OperationsPanel::setContext(const QString &context)
{
    m_context = context;
    updateVisibility();
}

QString OperationsPanel::cardContext(const QWidget *card)
{
    return card->property(kContextProperty).toString();
}

QList<QWidget *> OperationsPanel::visibleCards() const
{
    QList<QWidget *> out;
    for (QWidget *card : cards()) {
        const QString context = cardContext(card);
        if (context.isEmpty() || context == m_context)
            out << card;
    }
    return out;
}

void OperationsPanel::updateVisibility()
{
    const QList<QWidget *> visible = visibleCards();
    for (QWidget *card : cards())
        card->setVisible(visible.contains(card));
    m_empty->setVisible(visible.isEmpty());
}

QList<QWidget *> OperationsPanel::cards() const
{
    QList<QWidget *> out;
    for (int i = 0; i < m_cards->count(); ++i) {
        QWidget *w = m_cards->itemAt(i)->widget();
        if (w && w != m_empty)
            out << w;
    }
    return out;
}

QList<RolloutTracker *> OperationsPanel::trackers() const
{
    QList<RolloutTracker *> out;
    for (QWidget *w : cards())
        if (auto *t = qobject_cast<RolloutTracker *>(w))
            out << t;
    return out;
}

UndoBanner::UndoBanner(const QString &text, std::function<void()> undo, QWidget *parent)
    : QFrame(parent)
    , m_action(std::move(undo))
{
    setObjectName(QStringLiteral("UndoBanner"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(this);
    m_text = new QLabel(text, this);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_undo = new QPushButton(tr("Undo"), this);
    m_undo->setObjectName(QStringLiteral("undoButton"));
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("\u00d7"));
    close->setToolTip(tr("Dismiss"));
    layout->addWidget(m_text, 1);
    layout->addWidget(m_undo);
    layout->addWidget(close);
    connect(m_undo, &QPushButton::clicked, this, [this] {
        // The undo goes through its own confirmation; the banner stays until it has run.
        setBusy(true);
        if (m_action)
            m_action();
    });
    connect(close, &QToolButton::clicked, this, &QObject::deleteLater);
}

void UndoBanner::setBusy(bool busy)
{
    m_undo->setEnabled(!busy);
}

QString UndoBanner::text() const
{
    return m_text->text();
}

} // namespace Orrery
