// SPDX-License-Identifier: GPL-3.0-or-later
#include "flyappactions.h"

#include <cloud/flyclient.h>
#include <operations/flyoperations.h>
#include <operations/operationcatalog.h>

#include <QCoreApplication>
#include <QInputDialog>
#include <QPointer>

namespace Orrery::FlyAppActions {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FlyAppActions", text);
}

QString appName(const AppTopology &topology)
{
    return topology.ref;
}

int versionNumber(const QString &label)
{
    return label.startsWith(QLatin1Char('v')) ? label.mid(1).toInt() : label.toInt();
}

AppAction deploy(const AppRelease &r)
{
    AppAction a;
    a.id = FlyOperation::actionId(FlyAction::DeployRelease);
    a.label = r.status.isEmpty() ? tr("Deploy %1's image").arg(r.version)
                                 : tr("Deploy %1's image (%2)").arg(r.version, r.status);
    a.release = r.version;
    a.enabled = !r.image.isEmpty();
    return a;
}

} // namespace

QList<AppAction> actionsFor(const AppTopology &topology, const AppNode *node,
                            const AppRelease *release)
{
    QList<AppAction> out;
    const auto add = [&out, node](FlyAction action, bool enabled = true) {
        AppAction a;
        a.id = FlyOperation::actionId(action);
        a.label = OperationCatalog::label(a.id);
        a.nodeId = node ? node->id : QString();
        a.enabled = enabled;
        out.append(a);
    };
    if (release) {
        if (!release->current)
            out.append(deploy(*release));
        return out;
    }
    if (!node)
        return out;
    switch (node->kind) {
    case AppNode::Kind::Instance: {
        const bool started = node->status == QLatin1String("started");
        const bool stopped = node->status == QLatin1String("stopped")
                             || node->status == QLatin1String("created")
                             || node->status == QLatin1String("suspended");
        add(FlyAction::RestartMachine, started);
        add(FlyAction::StopMachine, !stopped);
        add(FlyAction::StartMachine, stopped);
        break;
    }
    case AppNode::Kind::Group: add(FlyAction::ScaleGroup); break;
    case AppNode::Kind::App:
        for (const AppRelease &r : topology.releases)
            if (!r.current)
                out.append(deploy(r));
        break;
    case AppNode::Kind::Attachment: break;
    }
    return out;
}

void create(FlyClient *client, const AppTopology &topology, const AppAction &action,
            QWidget *dialogParent, std::function<void(ClusterOperation *)> ready)
{
    const std::optional<FlyAction> kind = FlyOperation::actionFromId(action.id);
    if (!kind || !client)
        return;
    FlyActionTarget target;
    target.app = appName(topology);
    switch (*kind) {
    case FlyAction::RestartMachine:
    case FlyAction::StopMachine:
    case FlyAction::StartMachine:
        target.machineId = action.nodeId;
        ready(new FlyOperation(client, *kind, target));
        return;
    case FlyAction::DeployRelease: {
        auto *op = new FlyOperation(client, *kind, target);
        op->setReleaseVersion(versionNumber(action.release));
        ready(op);
        return;
    }
    case FlyAction::ScaleGroup: {
        QString group = action.nodeId;
        if (group.startsWith(QLatin1String("group:")))
            group = group.mid(6);
        target.group = group;
        int count = 0;
        for (const AppNode &n : topology.nodes)
            count += n.kind == AppNode::Kind::Instance && n.parentId == action.nodeId;
        auto *dialog = new QInputDialog(dialogParent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Scale %1").arg(group));
        dialog->setLabelText(tr("Machines in process group %1 of %2:").arg(group, target.app));
        dialog->setInputMode(QInputDialog::IntInput);
        dialog->setIntRange(0, 100);
        dialog->setIntValue(count);
        const QPointer<FlyClient> guard(client);
        QObject::connect(dialog, &QInputDialog::intValueSelected, dialog,
                         [guard, target, ready](int value) {
                             if (!guard)
                                 return;
                             auto *op = new FlyOperation(guard, FlyAction::ScaleGroup, target);
                             op->setCount(value);
                             ready(op);
                         });
        dialog->open();
        return;
    }
    }
}

} // namespace Orrery::FlyAppActions
