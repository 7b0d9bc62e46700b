// SPDX-License-Identifier: GPL-3.0-or-later
#include "presentermetricsview.h"

#include "objectmetricsview.h"

#include <kube/kubekind.h>
#include <kube/resourcestore.h>

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>

namespace Orrery {

QWidget *createPresenterMetricsView(const RunbookStep &step, const QString &runbookNamespace,
                                    ResourceStore *store, MonitoringSource *source,
                                    MetricsPoller *poller, QWidget *parent)
{
    const std::optional<Kind> kind = kindFromName(step.targetKind);
    if (!store || !kind || step.targetName.isEmpty())
        return nullptr;
    const QString ns = step.ns.isEmpty() ? runbookNamespace : step.ns;
    const KubeObjectPtr object = store->object(*kind, ns, step.targetName);
    if (!object)
        return nullptr;
    auto *view = new ObjectMetricsView(parent);
    view->setObjectName(QStringLiteral("presenterMetricsView"));
    view->setAutoFillBackground(true);
    // Read from the back of a room: the pane's charts, type half again as large.
    QFont font = view->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    view->setFont(font);
    view->setStore(store);
    view->setSource(source);
    view->setMetricsPoller(poller);
    view->setRange(TimeSeriesChart::Range::Minutes15); // what the room has just watched
    view->showObject(object, {});
    // The charts paint with their own fonts: the same size for their titles, axes and legends
    // (absolute, so a rebuilt chart gets it again).
    auto enlarge = [view, size = font.pointSizeF()] {
        QFont f = view->font();
        f.setPointSizeF(size);
        QFont bold = f;
        bold.setBold(true);
        for (QChartView *chartView : view->findChildren<QChartView *>()) {
            QChart *chart = chartView->chart();
            chart->setTitleFont(bold);
            chart->legend()->setFont(f);
            for (QAbstractAxis *axis : chart->axes()) {
                axis->setLabelsFont(f);
                axis->setTitleFont(f);
            }
        }
    };
    enlarge();
    QObject::connect(view, &ObjectMetricsView::chartsUpdated, view, enlarge);
    return view;
}

} // namespace Orrery
