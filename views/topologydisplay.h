// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "topologynode.h"
#include "topologytypes.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace Orrery {

// Drawing settings the scene shares with its items: presenter styling, anonymised names,
// the focused neighbourhood and the step-by-step reveal. Owned by TopologyScene; items keep
// a pointer to it.
struct TopologyDisplay
{
    qreal fontScale = 1.0;
    bool presenter = false; // simplified: no detail lines, no edge labels but routes
    bool anonymise = false;
    int revealRank = TopologyRankCount; // ranks above this are hidden (presenter steps)
    QSet<QString> focus;                // non-empty: everything else is dimmed
    QHash<QString, QString> anonymousNames;
    // Anonymised titles of the frames: namespace key → "namespace-2", group key → "group-3".
    QHash<QString, QString> anonymousTitles;

    // Optional overlays, keyed by node id, set by TopologyScene::setHeat/setAlertBadges once
    // per metrics snapshot or alert poll (never recomputed per frame):
    //  - heat: CPU or memory use as a share of the request (pods, workloads) or allocatable
    //    (nodes), 1.0 = 100 %; heatOn false: no overlay;
    //  - alerts: firing alerts attached to the node's object, and the highest severity.
    enum class AlertSeverity : quint8 { Info, Warning, Critical };
    struct AlertBadge
    {
        int count = 0;
        AlertSeverity severity = AlertSeverity::Info;
        bool operator==(const AlertBadge &) const = default;
    };
    bool heatOn = false;
    QHash<QString, float> heat;
    QHash<QString, AlertBadge> alerts;
    //  - pipeline: the run that deployed a workload's image (PipelineImageLinker), as the
    //    line under its card: "deployed by run #123 · abc1234 · 5m ago" (no repository names,
    //    so anonymise shows it too); rollingOut: the run's rollout is still in progress.
    struct PipelineBadge
    {
        QString text;
        bool rollingOut = false;
        QString shortText; // drawn instead of `text` when that does not fit the card

        bool operator==(const PipelineBadge &) const = default;
    };
    QHash<QString, PipelineBadge> pipeline;

    QString displayName(const TopologyNode &node) const
    {
        if (anonymise) {
            const QString name = anonymousNames.value(node.id);
            if (!name.isEmpty())
                return name;
        }
        return node.name;
    }
    // A frame's title (TopologyBox key and title) as drawn.
    QString displayTitle(const QString &key, const QString &title) const
    {
        if (anonymise) {
            const QString anonymous = anonymousTitles.value(key);
            return anonymous.isEmpty() ? QString() : anonymous;
        }
        return title;
    }
    bool isDimmed(const QString &id) const { return !focus.isEmpty() && !focus.contains(id); }
};

} // namespace Orrery
