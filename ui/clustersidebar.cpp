// SPDX-License-Identifier: GPL-3.0-or-later
#include "clustersidebar.h"

#include <contextpreferences.h>
#include <contexttreemodel.h>

#include <kindicons.h>
#include <theme.h>

#include <QApplication>
#include <QColorDialog>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QInputDialog>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QStyledItemDelegate>

namespace Orrery {

namespace {

// Cluster rows are headings: muted text and the cluster icon, both from the current theme at
// paint time, so a switch of look needs nothing but a repaint. Context rows keep the model's
// colour dot (the user's colour); a protected one gets a drawn lock at the right instead of the
// model's lock emoji, which needs an emoji font (the model keeps it for screen readers).
class SidebarDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const bool isProtected = index.data(ContextTreeModel::ProtectedRole).toBool();
        const int problems = index.data(ContextTreeModel::ProblemCountRole).toInt();
        if (!isProtected && problems <= 0) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.remove(QStringLiteral("\U0001F512")); // the lock is drawn below
        opt.text = opt.text.trimmed();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        constexpr int LockSide = 14;
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
        int right = opt.rect.right();
        QRect lock;
        if (isProtected) {
            lock = QRect(right - LockSide - 2, opt.rect.center().y() - LockSide / 2 + 1, LockSide,
                         LockSide);
            right = lock.left() - 4;
        }
        // The problem count: a red pill with the number, as on the navigator's kinds.
        QRect badge;
        QString badgeText;
        if (problems > 0) {
            badgeText = QLocale().toString(problems);
            QFont f = opt.font;
            f.setBold(true);
            f.setPointSizeF(f.pointSizeF() * 0.85);
            const QFontMetrics fm(f);
            const int w = qMax(fm.horizontalAdvance(badgeText) + 10, fm.height() + 2);
            badge = QRect(right - w, opt.rect.center().y() - fm.height() / 2, w, fm.height() + 1);
            right = badge.left() - 4;
        }
        QStyleOptionViewItem textOpt = opt;
        textOpt.rect.setRight(right - 2);
        style->drawControl(QStyle::CE_ItemViewItem, &textOpt, painter, widget);
        if (problems > 0) {
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(themeColor(Theme::Role::Danger));
            painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
            QFont f = opt.font;
            f.setBold(true);
            f.setPointSizeF(f.pointSizeF() * 0.85);
            painter->setFont(f);
            painter->setPen(themeColor(Theme::Role::OnDanger));
            painter->drawText(badge, Qt::AlignCenter, badgeText);
            painter->restore();
        }
        if (!isProtected)
            return;
        const QIcon lockIcon = orreryIcon(QStringLiteral("lock"));
        if (opt.state & QStyle::State_Selected) // red on the selection colour would not read
            painter->drawPixmap(lock, tintedPixmap(lockIcon, lock.size(),
                                                   painter->device()->devicePixelRatioF(),
                                                   opt.palette.color(QPalette::HighlightedText)));
        else
            lockIcon.paint(painter, lock);
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (!index.data(ContextTreeModel::IsClusterRole).toBool())
            return;
        option->palette.setColor(QPalette::Text, themeColor(Theme::Role::MutedText));
        option->icon = orreryIcon(QStringLiteral("context"));
        option->features |= QStyleOptionViewItem::HasDecoration;
    }
};

} // namespace

ClusterSidebar::ClusterSidebar(ContextTreeModel *model, ContextPreferences *preferences,
                               QWidget *parent)
    : QTreeView(parent)
    , m_model(model)
    , m_preferences(preferences)
{
    setModel(model);
    setItemDelegate(new SidebarDelegate(this));
    setHeaderHidden(true);
    setRootIsDecorated(false);
    setIndentation(12);
    setUniformRowHeights(true);
    setEditTriggers(NoEditTriggers);
    setFrameShape(QFrame::NoFrame);
    setSelectionMode(SingleSelection);
    expandAll();
    connect(model, &QAbstractItemModel::modelReset, this, &QTreeView::expandAll);
    connect(model, &QAbstractItemModel::rowsInserted, this, &QTreeView::expandAll);
    connect(this, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString context = contextAt(index);
        if (!context.isEmpty())
            emit contextActivated(context);
    });
    connect(this, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        const QString context = contextAt(index);
        if (!context.isEmpty())
            emit contextActivated(context);
    });
}

QString ClusterSidebar::contextAt(const QModelIndex &index) const
{
    return index.data(ContextTreeModel::ContextNameRole).toString();
}

void ClusterSidebar::setActiveContext(const QString &context)
{
    const QModelIndex index = m_model->indexOfContext(context);
    if (index.isValid())
        setCurrentIndex(index);
}

void ClusterSidebar::contextMenuEvent(QContextMenuEvent *event)
{
    const QString context = contextAt(indexAt(event->pos()));
    if (context.isEmpty())
        return;
    const auto state = m_model->connectionState(context);
    QMenu menu(this);
    QAction *open = menu.addAction(tr("Show"));
    QAction *connectAction = menu.addAction(
        state == ContextTreeModel::ConnectionState::Disconnected ? tr("Connect") : tr("Reconnect"));
    QAction *disconnectAction = menu.addAction(tr("Disconnect"));
    disconnectAction->setEnabled(state != ContextTreeModel::ConnectionState::Disconnected);
    menu.addSeparator();
    QAction *rename = menu.addAction(tr("Set Display Name…"));
    QAction *colour = menu.addAction(tr("Set Colour…"));
    QAction *protect = menu.addAction(tr("Protected (Production)"));
    protect->setCheckable(true);
    protect->setChecked(m_preferences->isProtected(context));
    protect->setToolTip(tr("Marks this context's cluster red everywhere, in every context that "
                           "reaches it, and asks for confirmation before changes"));
    QAction *chosen = menu.exec(event->globalPos());
    if (!chosen)
        return;
    if (chosen == open) {
        emit contextActivated(context);
    } else if (chosen == connectAction) {
        emit connectRequested(context);
    } else if (chosen == disconnectAction) {
        emit disconnectRequested(context);
    } else if (chosen == rename) {
        bool ok = false;
        const QString name = QInputDialog::getText(
            this, tr("Display Name"),
            tr("Name shown for context \"%1\" (empty: the context name):").arg(context),
            QLineEdit::Normal, m_preferences->displayName(context), &ok);
        if (ok)
            m_preferences->setDisplayName(context, name);
    } else if (chosen == colour) {
        const QColor c
            = QColorDialog::getColor(m_preferences->colour(context), this, tr("Context Colour"));
        if (c.isValid())
            m_preferences->setColour(context, c);
    } else if (chosen == protect) {
        m_preferences->setProtected(context, protect->isChecked());
    }
}

} // namespace Orrery
