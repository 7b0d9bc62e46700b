// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologystyle.h"

namespace Orrery {

namespace {
QFont font(qreal points, bool bold)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}
} // namespace

QColor TopologyStyle::healthColor(TopologyHealth health)
{
    switch (health) {
    case TopologyHealth::Healthy: return QColor(0x2e, 0x9d, 0x57);
    case TopologyHealth::Progressing: return QColor(0x2f, 0x7f, 0xd8);
    case TopologyHealth::Warning: return QColor(0xe0, 0x8e, 0x00);
    case TopologyHealth::Failed: return QColor(0xd6, 0x3b, 0x3b);
    case TopologyHealth::Succeeded: return QColor(0x6f, 0x80, 0x91);
    case TopologyHealth::Terminating: return QColor(0x8e, 0x6c, 0xc4);
    case TopologyHealth::Unknown: break;
    }
    return QColor(0x9a, 0xa3, 0xad);
}

QColor TopologyStyle::healthFill(TopologyHealth health)
{
    switch (health) {
    case TopologyHealth::Healthy: return QColor(0xe3, 0xf5, 0xe9);
    case TopologyHealth::Progressing: return QColor(0xe2, 0xee, 0xfc);
    case TopologyHealth::Warning: return QColor(0xfd, 0xf1, 0xd6);
    case TopologyHealth::Failed: return QColor(0xfb, 0xe1, 0xe1);
    case TopologyHealth::Succeeded: return QColor(0xec, 0xef, 0xf2);
    case TopologyHealth::Terminating: return QColor(0xef, 0xe8, 0xf8);
    case TopologyHealth::Unknown: break;
    }
    return QColor(0xf1, 0xf3, 0xf5);
}

QColor TopologyStyle::kindColor(TopologyKind kind)
{
    switch (kind) {
    case TopologyKind::External: return QColor(0x37, 0x47, 0x4f);
    case TopologyKind::Ingress: return QColor(0x6a, 0x4c, 0x93);
    case TopologyKind::Service: return QColor(0x1e, 0x6f, 0xc8);
    case TopologyKind::Hpa: return QColor(0x00, 0x7f, 0x73);
    case TopologyKind::Deployment: return QColor(0x39, 0x49, 0xab);
    case TopologyKind::StatefulSet: return QColor(0x5e, 0x35, 0xb1);
    case TopologyKind::DaemonSet: return QColor(0x7b, 0x1f, 0xa2);
    case TopologyKind::CronJob: return QColor(0x6d, 0x4c, 0x41);
    case TopologyKind::ReplicaSet: return QColor(0x5c, 0x6b, 0xc0);
    case TopologyKind::Job: return QColor(0x8d, 0x6e, 0x63);
    case TopologyKind::Pod: return QColor(0x45, 0x5a, 0x64);
    case TopologyKind::PodGroup: return QColor(0x45, 0x5a, 0x64);
    case TopologyKind::Pvc: return QColor(0xd8, 0x4a, 0x15);
    case TopologyKind::Pv: return QColor(0xa3, 0x33, 0x0a);
    case TopologyKind::ConfigMap: return QColor(0x3b, 0x8e, 0x3f);
    case TopologyKind::Secret: return QColor(0xa6, 0x7c, 0x00);
    case TopologyKind::Node: return QColor(0x26, 0x32, 0x38);
    }
    return Qt::gray;
}

QColor TopologyStyle::edgeColor(TopologyEdgeType type, bool active)
{
    switch (type) {
    case TopologyEdgeType::Route: return QColor(0x6a, 0x4c, 0x93);
    case TopologyEdgeType::Selects:
        return active ? QColor(0x1e, 0x6f, 0xc8) : QColor(0xb0, 0xb8, 0xc1);
    case TopologyEdgeType::Exposes: return QColor(0x37, 0x47, 0x4f);
    case TopologyEdgeType::Owns: return QColor(0x8a, 0x96, 0xa3);
    case TopologyEdgeType::Scales: return QColor(0x00, 0x7f, 0x73);
    case TopologyEdgeType::Mounts: return QColor(0xd8, 0x4a, 0x15);
    case TopologyEdgeType::Binds: return QColor(0xa3, 0x33, 0x0a);
    case TopologyEdgeType::Uses: return QColor(0x6d, 0xa0, 0x6f);
    case TopologyEdgeType::Runs: return QColor(0x78, 0x90, 0x9c);
    }
    return Qt::gray;
}

QFont TopologyStyle::titleFont(qreal scale)
{
    return font(8.5 * scale, true);
}

QFont TopologyStyle::detailFont(qreal scale)
{
    return font(7.2 * scale, false);
}

QFont TopologyStyle::badgeFont(qreal scale)
{
    return font(6.8 * scale, true);
}

QFont TopologyStyle::headerFont(qreal scale)
{
    return font(11 * scale, true);
}

} // namespace Orrery
