// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/kubekind.h>

#include <QTreeWidget>

#include <array>

namespace Orrery {

class ResourceStore;

// The listed kinds of the kind table (kubekind.h) by category, in the table's order, plus pages
// other features add (Topology). Items carry either a Kind or a page id. Nothing here is
// specific to a kind: a new row in the table appears without a change in this class.
class ResourceNavigator : public QTreeWidget
{
    Q_OBJECT
public:
    // `kinds`: the rows to list (those with `listed`), in order; tests pass their own.
    explicit ResourceNavigator(QWidget *parent = nullptr,
                               std::span<const KindInfo> kinds = kindTable());

    void selectKind(Kind kind);
    void selectPage(const QString &pageId);
    // Adds an entry for a page at the top ("Overview" group) or under `category`.
    void addPage(const QString &pageId, const QString &title, const QString &category = {});
    QList<Kind> kinds() const;
    // The kind table's translated plural and category title (kindPluralName(),
    // kindCategoryTitle()); kept for MainWindow, which another change is splitting.
    static QString pluralName(Kind kind);
    static QString categoryOf(Kind kind);

    // Per-kind object count shown after the name.
    void setCount(Kind kind, int count);
    // Every kind's count as `store` holds it; none while a kind is not synced (or no store).
    void setCounts(const ResourceStore *store);
    // The page added with this title (case-insensitive); empty when there is none.
    QString pageId(const QString &title) const;
    // Every page added: id → title.
    QHash<QString, QString> pages() const;
    // Per-kind problem count (ProblemMonitor) shown after the object count; 0 hides it.
    void setProblemCounts(const std::array<int, KindCount> &counts);
    int problemCount(Kind kind) const;

signals:
    void kindSelected(Orrery::Kind kind);
    void pageSelected(const QString &pageId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();
    QTreeWidgetItem *category(const QString &title);
    QHash<int, QTreeWidgetItem *> m_kindItems;
    QHash<QString, QTreeWidgetItem *> m_pageItems;
};

} // namespace Orrery
