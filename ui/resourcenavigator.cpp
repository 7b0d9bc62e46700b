// SPDX-License-Identifier: GPL-3.0-or-later
#include "resourcenavigator.h"

#include <kindicons.h>
#include <theme.h>

#include <kube/resourcestore.h>

#include <QApplication>
#include <QEvent>
#include <QHeaderView>

namespace Orrery {

namespace {
constexpr int KindRole = Qt::UserRole + 1;
constexpr int PageRole = Qt::UserRole + 2;
constexpr int TitleRole = Qt::UserRole + 3;

// The pages other features add come with a translated title only (MainWindow::addCentralPage,
// wired in app/ under the "GuiApplication" context); the icon is found by that title so the
// wiring needs no change. An unknown page simply has no icon.
QIcon pageIcon(const QString &title)
{
    static const char *const pages[][2] = {
        {"Topology", "topology"},  {"Runbooks", "runbook"}, {"Helm releases", "helmrelease"},
        {"Audit log", "auditlog"}, {"Problems", "event"},   {"Cluster Overview", "context"},
    };
    for (const auto &page : pages) {
        if (title == QApplication::translate("GuiApplication", page[0])
            || title == QLatin1String(page[0]))
            return orreryIcon(QLatin1String(page[1]));
    }
    return {};
}
} // namespace

QString ResourceNavigator::pluralName(Kind kind)
{
    return kindPluralName(kind);
}

QString ResourceNavigator::categoryOf(Kind kind)
{
    return kindCategoryTitle(kindInfo(kind).category);
}

ResourceNavigator::ResourceNavigator(QWidget *parent, std::span<const KindInfo> kinds)
    : QTreeWidget(parent)
{
    setHeaderHidden(true);
    setRootIsDecorated(false);
    setIndentation(14);
    setUniformRowHeights(true);
    setFrameShape(QFrame::NoFrame);
    setColumnCount(3); // name, object count, problem count
    setIconSize(QSize(16, 16));
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);

    // One entry per listed row of the kind table, in the table's order, under its category.
    for (const KindInfo &info : kinds) {
        if (!info.listed)
            continue;
        QTreeWidgetItem *parentItem = category(kindCategoryTitle(info.category));
        auto *item = new QTreeWidgetItem(parentItem, {kindPluralName(info), QString()});
        item->setData(0, KindRole, int(info.kind));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setIcon(0, orreryIcon(QLatin1String(info.icon)));
        m_kindItems.insert(int(info.kind), item);
    }
    expandAll();
    applyTheme();
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item)
            return;
        if (item->data(0, KindRole).isValid())
            emit kindSelected(Kind(item->data(0, KindRole).toInt()));
        else if (item->data(0, PageRole).isValid())
            emit pageSelected(item->data(0, PageRole).toString());
    });
}

QTreeWidgetItem *ResourceNavigator::category(const QString &title)
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->data(0, TitleRole).toString() == title)
            return topLevelItem(i);
    }
    auto *item = new QTreeWidgetItem(this, {title.toUpper()});
    item->setData(0, TitleRole, title);
    item->setFlags(Qt::ItemIsEnabled);
    QFont f = item->font(0);
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.85);
    item->setFont(0, f);
    item->setForeground(0, themeColor(Theme::Role::MutedText));
    item->setFirstColumnSpanned(true);
    return item;
}

void ResourceNavigator::selectKind(Kind kind)
{
    if (QTreeWidgetItem *item = m_kindItems.value(int(kind)))
        setCurrentItem(item);
}

void ResourceNavigator::selectPage(const QString &pageId)
{
    if (QTreeWidgetItem *item = m_pageItems.value(pageId))
        setCurrentItem(item);
}

void ResourceNavigator::addPage(const QString &pageId, const QString &title,
                                const QString &categoryTitle)
{
    QTreeWidgetItem *item = nullptr;
    if (categoryTitle.isEmpty()) {
        item = new QTreeWidgetItem({title});
        insertTopLevelItem(0, item);
    } else {
        item = new QTreeWidgetItem(category(categoryTitle), {title});
    }
    item->setData(0, PageRole, pageId);
    item->setIcon(0, pageIcon(title));
    m_pageItems.insert(pageId, item);
    expandAll();
}

QList<Kind> ResourceNavigator::kinds() const
{
    QList<Kind> out;
    for (auto it = m_kindItems.constBegin(); it != m_kindItems.constEnd(); ++it)
        out << Kind(it.key());
    std::sort(out.begin(), out.end(), [this](Kind a, Kind b) {
        return indexFromItem(m_kindItems.value(int(a))).parent().row() * 100
                   + indexFromItem(m_kindItems.value(int(a))).row()
               < indexFromItem(m_kindItems.value(int(b))).parent().row() * 100
                     + indexFromItem(m_kindItems.value(int(b))).row();
    });
    return out;
}

void ResourceNavigator::applyTheme()
{
    // Headings and counts are muted; item brushes are snapshots, so they are reset per look.
    const QColor muted = themeColor(Theme::Role::MutedText);
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->data(0, TitleRole).isValid())
            topLevelItem(i)->setForeground(0, muted);
    }
    for (QTreeWidgetItem *item : std::as_const(m_kindItems))
        item->setForeground(1, muted);
}

void ResourceNavigator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QTreeWidget::changeEvent(event);
}

void ResourceNavigator::setCount(Kind kind, int count)
{
    if (QTreeWidgetItem *item = m_kindItems.value(int(kind)))
        item->setText(1, count >= 0 ? QLocale().toString(count) : QString());
}

void ResourceNavigator::setCounts(const ResourceStore *store)
{
    for (auto it = m_kindItems.cbegin(); it != m_kindItems.cend(); ++it) {
        const Kind kind = Kind(it.key());
        setCount(kind, store && store->hasSynced(kind) ? store->count(kind) : -1);
    }
}

QString ResourceNavigator::pageId(const QString &title) const
{
    for (auto it = m_pageItems.cbegin(); it != m_pageItems.cend(); ++it)
        if (it.value()->text(0).compare(title, Qt::CaseInsensitive) == 0)
            return it.key();
    return {};
}

QHash<QString, QString> ResourceNavigator::pages() const
{
    QHash<QString, QString> out;
    for (auto it = m_pageItems.cbegin(); it != m_pageItems.cend(); ++it)
        out.insert(it.key(), it.value()->text(0));
    return out;
}

void ResourceNavigator::setProblemCounts(const std::array<int, KindCount> &counts)
{
    for (auto it = m_kindItems.cbegin(); it != m_kindItems.cend(); ++it) {
        const int n = counts[std::size_t(it.key())];
        QTreeWidgetItem *item = it.value();
        item->setText(2, n > 0 ? QLocale().toString(n) : QString());
        item->setData(2, Qt::UserRole, n);
        item->setToolTip(2, n > 0 ? tr("%n problem(s): see the Problems page", nullptr, n)
                                  : QString());
        item->setForeground(2, themeColor(Theme::Role::Danger));
        QFont f = item->font(2);
        f.setBold(true);
        item->setFont(2, f);
    }
}

int ResourceNavigator::problemCount(Kind kind) const
{
    const QTreeWidgetItem *item = m_kindItems.value(int(kind));
    return item ? item->data(2, Qt::UserRole).toInt() : 0;
}

} // namespace Orrery
