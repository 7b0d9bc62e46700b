// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/resourcestore.h"
#include "resourcefilterproxymodel.h"
#include "resourcetablemodel.h"

#include <QHeaderView>
#include <QTableView>

namespace Orrery::Bench {

// The resource browser's Pods table as the scale benchmarks measure it: the table model under
// the sorting proxy, in a shown view of fixed-height rows sorted by name, fed by a store.
struct PodsTable
{
    ResourceTableModel model{Kind::Pod};
    ResourceFilterProxyModel proxy;
    QTableView view;

    explicit PodsTable(ResourceStore *store)
    {
        proxy.setSourceModel(&model);
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 10);
        view.verticalHeader()->hide();
        view.setModel(&proxy);
        view.setSortingEnabled(true);
        view.sortByColumn(0, Qt::AscendingOrder);
        view.resize(1400, 900);
        view.show();
        model.setSource(store, Kind::Pod);
    }
};

} // namespace Orrery::Bench
