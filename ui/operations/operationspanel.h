// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>

class QDockWidget;
class QLabel;
class QMainWindow;
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

    // Takes ownership; keeps the newest `MaxCards`. A card of a `context` (the context its
    // operation ran on) is shown only while that context is the panel's (setContext); a card
    // without one (an audit failure) is shown everywhere.
    void addCard(QWidget *card, const QString &context = {});
    // The context the window shows: its cards appear, other contexts' cards are hidden
    // (kept: switching back shows them again).
    void setContext(const QString &context);
    QString context() const { return m_context; }
    static QString cardContext(const QWidget *card);
    // All cards, every context's.
    QList<QWidget *> cards() const;
    // The cards setContext() shows.
    QList<QWidget *> visibleCards() const;
    QList<RolloutTracker *> trackers() const;
    static constexpr int MaxCards = 6;
    // Shows and raises `dock` (which holds this panel) in `window`, tall enough for the newest
    // card (at most half the window): a dock opened at its empty height hid the rollout card.
    void revealIn(QMainWindow *window, QDockWidget *dock);

signals:
    void cardAdded(QWidget *card);

private:
    void updateVisibility();

    QVBoxLayout *m_cards;
    QLabel *m_empty;
    QString m_context;
};

// "Scaled shop/web to 5 replicas. [Undo] [×]": one click reverts, through the same confirmation.
// The offer stands until the undo has run: clicking disables the button while the undo is
// confirmed (setBusy), and whoever runs it removes the banner when it succeeded or calls
// setBusy(false) when it was cancelled or failed.
class UndoBanner : public QFrame
{
    Q_OBJECT
public:
    UndoBanner(const QString &text, std::function<void()> undo, QWidget *parent = nullptr);

    QPushButton *undoButton() const { return m_undo; }
    QString text() const;
    void setBusy(bool busy);
    // What the Undo button starts (replaces the constructor's).
    void setAction(std::function<void()> undo) { m_action = std::move(undo); }

private:
    QLabel *m_text;
    QPushButton *m_undo;
    std::function<void()> m_action;
};

} // namespace Orrery
