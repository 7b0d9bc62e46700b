// SPDX-License-Identifier: GPL-3.0-or-later
#include "railwayappactions.h"

#include <cloud/railwayaccount.h>
#include <cloud/railwayclient.h>
#include <operations/railwayoperations.h>

#include <QCoreApplication>

namespace Orrery::RailwayAppActions {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RailwayAppActions", text);
}

const AppNode *nodeById(const AppTopology &topology, const QString &id)
{
    for (const AppNode &n : topology.nodes)
        if (n.id == id)
            return &n;
    return nullptr;
}

} // namespace

QList<AppAction> actionsFor(const AppTopology &topology, const AppNode *node,
                            const AppRelease *release)
{
    QList<AppAction> out;
    const auto add = [&out](const QString &id, const QString &nodeId, bool enabled = true) {
        AppAction a;
        a.id = id;
        a.label = RailwayOperation::label(id);
        a.nodeId = nodeId;
        a.enabled = enabled;
        out.append(a);
    };
    if (release) {
        // A release is a deployment: rolling back to it, when it is not what runs.
        if (!release->current && release->status == QLatin1String("REMOVED")) {
            AppAction a;
            a.id = QStringLiteral("railway-rollback");
            a.label = release->version.isEmpty()
                          ? tr("Roll back to %1").arg(release->id.left(8))
                          : tr("Roll back to %1 (%2)").arg(release->version, release->id.left(8));
            a.release = release->id;
            out.append(a);
        }
        return out;
    }
    if (!node)
        return out;
    switch (node->kind) {
    case AppNode::Kind::Group:
    case AppNode::Kind::Attachment:
        add(QStringLiteral("railway-redeploy"), node->id);
        add(QStringLiteral("railway-restart"), node->id);
        add(QStringLiteral("railway-rollback"), node->id);
        break;
    case AppNode::Kind::Instance: {
        const bool running = node->status == QLatin1String("SUCCESS")
                             || node->status == QLatin1String("CRASHED")
                             || node->status == QLatin1String("SLEEPING");
        add(QStringLiteral("railway-restart"), node->id, running);
        add(QStringLiteral("railway-redeploy"), node->id);
        break;
    }
    case AppNode::Kind::App: break;
    }
    (void)topology;
    return out;
}

ClusterOperation *create(std::shared_ptr<RailwayClient> client, const AppTopology &topology,
                         const AppAction &action, QObject *parent)
{
    QString projectId, environmentId, serviceId;
    if (!RailwayAccount::parseRef(topology.ref, &projectId, &environmentId, &serviceId))
        return nullptr;
    RailwayActionTarget target;
    target.projectId = projectId;
    target.environmentId = environmentId;
    const AppNode *app = topology.nodes.isEmpty() ? nullptr : &topology.nodes.first();
    target.label = app ? app->name : environmentId;
    const AppNode *node = nodeById(topology, action.nodeId);
    if (!action.release.isEmpty()) {
        // A release chip: the deployment, whichever service it belongs to.
        for (const AppNode &n : topology.nodes)
            if (n.id == action.release && n.kind == AppNode::Kind::Instance)
                node = &n;
        target.deploymentId = action.release;
    }
    if (node && node->kind == AppNode::Kind::Instance) {
        target.serviceId = node->parentId;
        target.deploymentId = node->id;
    } else if (node) {
        target.serviceId = node->id;
    }
    if (target.serviceId.isEmpty() && !action.release.isEmpty()) {
        // A removed deployment has no box: its service is in the release's description.
        for (const AppRelease &r : topology.releases)
            if (r.id == action.release)
                for (const AppNode &n : topology.nodes)
                    if ((n.kind == AppNode::Kind::Group || n.kind == AppNode::Kind::Attachment)
                        && r.description.startsWith(n.name + QStringLiteral(" \u00b7")))
                        target.serviceId = n.id;
    }
    if (target.serviceId.isEmpty())
        return nullptr;
    return RailwayOperation::create(action.id, std::move(client), target, parent);
}

} // namespace Orrery::RailwayAppActions
