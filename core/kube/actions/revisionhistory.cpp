// SPDX-License-Identifier: GPL-3.0-or-later
#include "revisionhistory.h"

#include "controllerrevisionrollback.h"
#include "deploymentrollback.h"
#include "jsonutil.h"
#include "util/linediff.h"
#include "yamljson.h"

#include <QCoreApplication>

#include <algorithm>

namespace Orrery {

namespace {

RevisionEntry entryFrom(const nlohmann::json &owner, qint64 revision, nlohmann::json tmpl)
{
    RevisionEntry e;
    e.revision = revision;
    e.objectName = JsonUtil::name(owner);
    e.created = QDateTime::fromString(JsonUtil::string(owner, {"metadata", "creationTimestamp"}),
                                      Qt::ISODate)
                    .toUTC();
    e.changeCause = JsonUtil::annotation(owner, "kubernetes.io/change-cause");
    if (tmpl.contains("metadata") && tmpl["metadata"].contains("labels")
        && tmpl["metadata"]["labels"].is_object())
        tmpl["metadata"]["labels"].erase("pod-template-hash");
    e.podTemplate = JsonUtil::pruned(tmpl);
    for (const char *list : {"initContainers", "containers"}) {
        const nlohmann::json *cs = JsonUtil::find(e.podTemplate, {"spec", list});
        if (!cs || !cs->is_array())
            continue;
        for (const auto &c : *cs)
            e.images.append(JsonUtil::string(c, "image"));
    }
    return e;
}

void sortByRevision(QList<RevisionEntry> &entries)
{
    std::stable_sort(
        entries.begin(), entries.end(),
        [](const RevisionEntry &a, const RevisionEntry &b) { return a.revision < b.revision; });
}

} // namespace

QList<RevisionEntry> RevisionHistory::forDeployment(const nlohmann::json &deployment,
                                                    const nlohmann::json &replicaSets)
{
    QList<RevisionEntry> out;
    const qint64 current = DeploymentRollback::revision(deployment);
    for (const auto &rs : DeploymentRollback::controlled(deployment, replicaSets)) {
        const qint64 rev = DeploymentRollback::revision(rs);
        if (rev < 0)
            continue;
        RevisionEntry e = entryFrom(rs, rev, JsonUtil::object(rs, {"spec", "template"}));
        e.current = rev == current && current > 0;
        out.append(std::move(e));
    }
    sortByRevision(out);
    return out;
}

QList<RevisionEntry>
RevisionHistory::forControllerRevisions(const nlohmann::json &workload,
                                        const nlohmann::json &controllerRevisions)
{
    QList<RevisionEntry> out;
    // status.updateRevision (StatefulSet) names the current revision; DaemonSets do not
    // publish it, so compare templates instead.
    const QString updateRevision = JsonUtil::string(workload, {"status", "updateRevision"});
    const nlohmann::json current
        = JsonUtil::pruned(JsonUtil::object(workload, {"spec", "template"}));
    for (const auto &cr : ControllerRevisionRollback::controlled(workload, controllerRevisions)) {
        RevisionEntry e = entryFrom(cr, JsonUtil::integer(cr, {"revision"}),
                                    ControllerRevisionRollback::storedTemplate(cr));
        e.current
            = updateRevision.isEmpty()
                  ? JsonUtil::pruned(ControllerRevisionRollback::storedTemplate(cr)) == current
                  : e.objectName == updateRevision;
        out.append(std::move(e));
    }
    sortByRevision(out);
    return out;
}

QList<RevisionEntry> RevisionHistory::forWorkload(const nlohmann::json &workload,
                                                  const nlohmann::json &owned)
{
    if (JsonUtil::kind(workload) == QLatin1String("Deployment"))
        return forDeployment(workload, owned);
    return forControllerRevisions(workload, owned);
}

QString RevisionHistory::renderTemplate(const nlohmann::json &podTemplate)
{
    return YamlJson::toYaml(podTemplate);
}

QString RevisionHistory::diff(const RevisionEntry &from, const RevisionEntry &to)
{
    return LineDiff::unified(
        renderTemplate(from.podTemplate), renderTemplate(to.podTemplate),
        QCoreApplication::translate("Orrery::RevisionHistory", "revision %1").arg(from.revision),
        QCoreApplication::translate("Orrery::RevisionHistory", "revision %1").arg(to.revision));
}

qint64 RevisionHistory::previousRevision(const QList<RevisionEntry> &history)
{
    QList<qint64> revisions;
    for (const RevisionEntry &e : history)
        revisions << e.revision;
    std::sort(revisions.begin(), revisions.end());
    return revisions.size() >= 2 ? revisions.at(revisions.size() - 2) : 0;
}

QString RevisionHistory::previousRevisionNote(const QList<RevisionEntry> &history)
{
    const qint64 previous = previousRevision(history);
    const auto entry
        = std::find_if(history.cbegin(), history.cend(),
                       [previous](const RevisionEntry &e) { return e.revision == previous; });
    if (previous <= 0 || entry == history.cend())
        return {};
    return QCoreApplication::translate(
               "Orrery::RevisionHistory",
               "Previous revision: %1 (%2), the one `kubectl rollout undo` picks: the newest "
               "revision before the one running. After a rollback or a second change, that is "
               "the revision just left, even a broken one; select another to go further back.")
        .arg(previous)
        .arg(entry->images.join(QLatin1String(", ")));
}

RevisionHistory::Preview RevisionHistory::preview(const QList<RevisionEntry> &history,
                                                  qint64 revision)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("Orrery::RevisionHistory", text);
    };
    const RevisionEntry *from = nullptr;
    const RevisionEntry *to = nullptr;
    for (const RevisionEntry &e : history) {
        if (e.current && !from)
            from = &e;
        if (e.revision == revision)
            to = &e;
    }
    if (!to)
        return {tr("Select a revision."), false, false};
    if (from == to)
        return {tr("This is the revision running now."), true, false};
    if (!from)
        return {renderTemplate(to->podTemplate), true, true};
    const QString text = diff(*from, *to);
    return {text.isEmpty() ? tr("The pod templates are identical: rolling back changes nothing "
                                "(kubectl skips it).")
                           : text,
            true, true};
}

} // namespace Orrery
