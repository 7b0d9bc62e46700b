// SPDX-License-Identifier: GPL-3.0-or-later
#include "presentermetricsview.h"

#include "objectmetricsview.h"

#include <kube/kubekind.h>
#include <kube/resourcestore.h>

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
    view->showObject(object, {});
    return view;
}

} // namespace Orrery
