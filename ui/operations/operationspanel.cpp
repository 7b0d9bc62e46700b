// SPDX-License-Identifier: GPL-3.0-or-later
#include "operationspanel.h"

#include "rollouttracker.h"

#include <QHBoxLayout>
#include <QLabel>
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

void OperationsPanel::addCard(QWidget *card)
{
    m_empty->hide();
    m_cards->insertWidget(1, card);
    const QList<QWidget *> all = cards();
    for (int i = MaxCards; i < all.size(); ++i)
        all.at(i)->deleteLater();
    emit cardAdded(card);
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
        // The undo goes through its own confirmation; the offer is used up either way.
        if (m_action)
            m_action();
        deleteLater();
    });
    connect(close, &QToolButton::clicked, this, &QObject::deleteLater);
}

QString UndoBanner::text() const
{
    return m_text->text();
}

} // namespace Orrery
