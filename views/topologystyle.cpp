// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologystyle.h"

#include "theme.h"

#include <algorithm>
#include <iterator>

namespace Orrery {

namespace {
QColor pick(QRgb light, QRgb dark)
{
    return QColor::fromRgb(Theme::instance()->isDark() ? dark : light);
}

QFont font(qreal points, bool bold)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}
} // namespace

QColor TopologyStyle::healthColor(TopologyHealth health, bool highContrast)
{
    if (highContrast) {
        switch (health) {
        case TopologyHealth::Healthy: return pick(0x16703a, 0x6ee7a0);
        case TopologyHealth::Progressing: return pick(0x1558b0, 0x8cc4ff);
        case TopologyHealth::Warning: return pick(0x9a4b00, 0xffc14d);
        case TopologyHealth::Failed: return pick(0xb3141f, 0xff9a9a);
        case TopologyHealth::Succeeded: return pick(0x4a5661, 0xc0c9d2);
        case TopologyHealth::Terminating: return pick(0x65419f, 0xd4c4f2);
        case TopologyHealth::Unknown: break;
        }
        return pick(0x56616c, 0xb4bec8);
    }
    // Light values are the diagram's original ones; dark values are the theme's status colours.
    switch (health) {
    case TopologyHealth::Healthy: return pick(0x2e9d57, 0x4cc277);
    case TopologyHealth::Progressing: return pick(0x2f7fd8, 0x5ea8ff);
    case TopologyHealth::Warning: return pick(0xe08e00, 0xf0a733);
    case TopologyHealth::Failed: return pick(0xd63b3b, 0xff6b6b);
    case TopologyHealth::Succeeded: return pick(0x6f8091, 0x8d9aa8);
    case TopologyHealth::Terminating: return pick(0x8e6cc4, 0xb39ddb);
    case TopologyHealth::Unknown: break;
    }
    return pick(0x9aa3ad, 0x7d8793);
}

QColor TopologyStyle::healthFill(TopologyHealth health)
{
    switch (health) {
    case TopologyHealth::Healthy: return pick(0xe3f5e9, 0x1d3a27);
    case TopologyHealth::Progressing: return pick(0xe2eefc, 0x1e3350);
    case TopologyHealth::Warning: return pick(0xfdf1d6, 0x3d3117);
    case TopologyHealth::Failed: return pick(0xfbe1e1, 0x4a2224);
    case TopologyHealth::Succeeded: return pick(0xeceff2, 0x2c3138);
    case TopologyHealth::Terminating: return pick(0xefe8f8, 0x2f2742);
    case TopologyHealth::Unknown: break;
    }
    return pick(0xf1f3f5, 0x2a2f36);
}

QColor TopologyStyle::kindColor(TopologyKind kind)
{
    // Badges carry white text, so the hues stay deep in both looks; only the near-black ones
    // are lifted on dark, where they would vanish into the background.
    switch (kind) {
    case TopologyKind::External: return pick(0x37474f, 0x5b6f7a);
    case TopologyKind::Ingress: return QColor(0x6a, 0x4c, 0x93);
    case TopologyKind::Service: return QColor(0x1e, 0x6f, 0xc8);
    case TopologyKind::Hpa: return QColor(0x00, 0x7f, 0x73);
    case TopologyKind::Deployment: return QColor(0x39, 0x49, 0xab);
    case TopologyKind::StatefulSet: return QColor(0x5e, 0x35, 0xb1);
    case TopologyKind::DaemonSet: return QColor(0x7b, 0x1f, 0xa2);
    case TopologyKind::CronJob: return QColor(0x6d, 0x4c, 0x41);
    case TopologyKind::ReplicaSet: return QColor(0x5c, 0x6b, 0xc0);
    case TopologyKind::Job: return QColor(0x8d, 0x6e, 0x63);
    case TopologyKind::Pod: return pick(0x455a64, 0x5f7580);
    case TopologyKind::PodGroup: return pick(0x455a64, 0x5f7580);
    case TopologyKind::Pvc: return QColor(0xd8, 0x4a, 0x15);
    case TopologyKind::Pv: return QColor(0xa3, 0x33, 0x0a);
    case TopologyKind::ConfigMap: return QColor(0x3b, 0x8e, 0x3f);
    case TopologyKind::Secret: return QColor(0xa6, 0x7c, 0x00);
    case TopologyKind::Node: return pick(0x263238, 0x4f636d);
    }
    return pick(0x808080, 0x8d9aa8);
}

QColor TopologyStyle::edgeColor(TopologyEdgeType type, bool active)
{
    switch (type) {
    case TopologyEdgeType::Route: return pick(0x6a4c93, 0xa78bd4);
    case TopologyEdgeType::Selects:
        return active ? pick(0x1e6fc8, 0x5ea8ff) : pick(0xb0b8c1, 0x4f5863);
    case TopologyEdgeType::Exposes: return pick(0x37474f, 0x90a4ae);
    case TopologyEdgeType::Owns: return pick(0x8a96a3, 0x67727f);
    case TopologyEdgeType::Scales: return pick(0x007f73, 0x4db6ac);
    case TopologyEdgeType::Mounts: return pick(0xd84a15, 0xff8a65);
    case TopologyEdgeType::Binds: return pick(0xa3330a, 0xe0754f);
    case TopologyEdgeType::Uses: return pick(0x6da06f, 0x81c784);
    case TopologyEdgeType::Runs: return pick(0x78909c, 0x78909c);
    }
    return pick(0x808080, 0x8d9aa8);
}

QColor TopologyStyle::edgeLabelColor(TopologyEdgeType type, bool active)
{
    const QColor edge = edgeColor(type, active);
    return isDark() ? edge.lighter(125) : edge.darker(140);
}

bool TopologyStyle::isDark()
{
    return Theme::instance()->isDark();
}

QColor TopologyStyle::text()
{
    return pick(0x1f2933, 0xe6e9ed);
}

QColor TopologyStyle::mutedText()
{
    return pick(0x5b6773, 0x9aa4b1);
}

// On dark the namespace boxes sit below the scene (deeper) and the nodes above it (lighter), so
// the cards still read as cards.
QColor TopologyStyle::namespaceFill()
{
    return pick(0xeef1f5, 0x1e2227);
}

QColor TopologyStyle::namespaceBorder()
{
    return pick(0xc3ccd6, 0x3a414b);
}

QColor TopologyStyle::groupFill()
{
    return pick(0xfafbfc, 0x23282e);
}

QColor TopologyStyle::groupBorder()
{
    return pick(0xd9dfe6, 0x343a43);
}

QColor TopologyStyle::selection()
{
    return pick(0x1a73e8, 0x4c9aff);
}

QColor TopologyStyle::background()
{
    return pick(0xffffff, 0x2a2f36);
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

QColor TopologyStyle::heatColor(qreal fraction)
{
    // Stops: 0 → green, 0.5 → yellow, 1.0 → orange, 1.5 and more → red. Hue only, so the
    // overlay reads the same on the light and the dark look.
    static constexpr struct
    {
        qreal at;
        int hue;
    } stops[] = {{0.0, 130}, {0.5, 55}, {1.0, 30}, {1.5, 0}};
    const qreal f = std::clamp(fraction, 0.0, 1.5);
    int hue = 0;
    for (std::size_t i = 1; i < std::size(stops); ++i) {
        if (f <= stops[i].at) {
            const qreal t = (f - stops[i - 1].at) / (stops[i].at - stops[i - 1].at);
            hue = qRound(stops[i - 1].hue + t * (stops[i].hue - stops[i - 1].hue));
            break;
        }
    }
    return QColor::fromHsv(hue, 200, isDark() ? 190 : 235);
}

QColor TopologyStyle::alertColor(int severity)
{
    switch (severity) {
    case 2: return QColor(0xd3, 0x2f, 0x2f);
    case 1: return QColor(0xe0, 0x7b, 0x00);
    default: return QColor(0x19, 0x76, 0xd2);
    }
}

} // namespace Orrery
