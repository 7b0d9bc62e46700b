// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace Orrery {

// One row of `kubectl rollout history`, with what the history view shows next to it.
struct RevisionEntry
{
    qint64 revision = 0;
    QString objectName;         // the ReplicaSet or ControllerRevision holding it
    QDateTime created;          // UTC
    QStringList images;         // containers' images in order (init containers first)
    QString changeCause;        // kubernetes.io/change-cause, empty when not recorded
    bool current = false;       // the revision the workload runs now
    nlohmann::json podTemplate; // without pod-template-hash and "$patch"
};

// Revision history per Deployment (from its ReplicaSets), StatefulSet or DaemonSet (from its
// ControllerRevisions), oldest first, and the diff between two revisions' pod templates.
class RevisionHistory
{
public:
    static QList<RevisionEntry> forDeployment(const nlohmann::json &deployment,
                                              const nlohmann::json &replicaSets);
    static QList<RevisionEntry> forControllerRevisions(const nlohmann::json &workload,
                                                       const nlohmann::json &controllerRevisions);
    // Dispatches on the workload's kind; `owned` holds ReplicaSets or ControllerRevisions.
    static QList<RevisionEntry> forWorkload(const nlohmann::json &workload,
                                            const nlohmann::json &owned);

    // Unified diff of the two templates rendered as YAML, labelled "revision N".
    static QString diff(const RevisionEntry &from, const RevisionEntry &to);
    static QString renderTemplate(const nlohmann::json &podTemplate);

    // The revision `kubectl rollout undo` without --to-revision picks: the second highest (the
    // highest is the one running); 0 when there is none.
    static qint64 previousRevision(const QList<RevisionEntry> &history);
    // One sentence naming that revision and its images, for the rollback dialog. kubectl picks
    // by number, not by health: after a bad change it is the good revision before it, but
    // after a rollback (which renumbers the revision rolled back to as the newest) or a second
    // change it is the revision just left, possibly the bad one. Empty when there is none.
    static QString previousRevisionNote(const QList<RevisionEntry> &history);

    // What rolling back to `revision` would do, as the history view shows it: the pod template
    // diff from the running revision (the template itself when none is marked running), or why
    // there is nothing to roll back to.
    struct Preview
    {
        QString text;
        bool found = false;       // `revision` is in the history
        bool canRollBack = false; // found, and not the revision running now
    };
    static Preview preview(const QList<RevisionEntry> &history, qint64 revision);
};

} // namespace Orrery
