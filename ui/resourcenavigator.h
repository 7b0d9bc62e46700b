// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/kubekind.h>

#include <QTreeWidget>

namespace Orrery {

// The kinds by category (Workloads, Network, Config and Storage, Cluster, Events) plus pages
// other features add (Topology). Items carry either a Kind or a page id.
class ResourceNavigator : public QTreeWidget
{
    Q_OBJECT
public:
    explicit ResourceNavigator(QWidget *parent = nullptr);

    void selectKind(Kind kind);
    void selectPage(const QString &pageId);
    // Adds an entry for a page at the top ("Overview" group) or under `category`.
    void addPage(const QString &pageId, const QString &title, const QString &category = {});
    QList<Kind> kinds() const;
    static QString pluralName(Kind kind); // "Pods", "Persistent Volume Claims" (translated)
    static QString categoryOf(Kind kind);

    // Per-kind object count shown after the name.
    void setCount(Kind kind, int count);

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
