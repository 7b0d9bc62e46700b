// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Orrery {

class RolloutTracker;

// The column of cards that follow writes: rollout trackers and "Undo" banners, newest on top.
// Non-modal; the window docks it and shows it when a card arrives.
class OperationsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit OperationsPanel(QWidget *parent = nullptr);

    // Takes ownership; keeps the newest `MaxCards`.
    void addCard(QWidget *card);
    QList<QWidget *> cards() const;
    QList<RolloutTracker *> trackers() const;
    static constexpr int MaxCards = 6;

signals:
    void cardAdded(QWidget *card);

private:
    QVBoxLayout *m_cards;
    QLabel *m_empty;
};

// "Scaled shop/web to 5 replicas. [Undo] [×]": one click reverts, through the same confirmation.
class UndoBanner : public QFrame
{
    Q_OBJECT
public:
    UndoBanner(const QString &text, std::function<void()> undo, QWidget *parent = nullptr);

    QPushButton *undoButton() const { return m_undo; }
    QString text() const;

private:
    QLabel *m_text;
    QPushButton *m_undo;
    std::function<void()> m_action;
};

} // namespace Orrery
