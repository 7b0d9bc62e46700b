// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `kubectl cordon NODE` / `kubectl uncordon NODE`, written as a new operation is meant to be:
// one file, the base class doing the reading, preview, audited run and report.

#include "clusteroperation.h"

#include "kube/actions/workloadactions.h"
#include "util/jsonread.h"

#include <QCoreApplication>

namespace Orrery {

// Marks a node unschedulable (cordon) or schedulable again (uncordon) with the strategic merge
// patch kubectl sends: {"spec":{"unschedulable":true}}, and null to clear it. A node already
// in the asked state needs no write (kubectl: "node/a already cordoned"). Undo: the opposite.
class CordonOperation : public ClusterOperation
{
public:
    CordonOperation(HttpTransport *transport, const QString &node, bool cordon,
                    QObject *parent = nullptr)
        : ClusterOperation(transport, OperationTarget{Kind::Node, {}, node}, parent)
        , m_cordon(cordon)
    {
    }

    static AccessCheck access() { return accessFor(QStringLiteral("patch"), Kind::Node, {}); }

    bool cordons() const { return m_cordon; }

    QString title() const override
    {
        return m_cordon ? tr_("Cordon node %1").arg(target().name)
                        : tr_("Uncordon node %1").arg(target().name);
    }
    QString actionLabel() const override { return m_cordon ? tr_("Cordon") : tr_("Uncordon"); }
    QString failureTitle() const override
    {
        return m_cordon ? tr_("Cannot cordon") : tr_("Cannot uncordon");
    }
    QList<AccessCheck> requiredAccess() const override { return {access()}; }

    QString nothingToDo() const override
    {
        if (JsonRead::boolean(object(), {"spec", "unschedulable"}) != m_cordon)
            return {};
        return m_cordon ? tr_("node/%1 already cordoned").arg(target().name)
                        : tr_("node/%1 already uncordoned").arg(target().name);
    }

    Result<QList<PlannedWrite>> plan(bool dryRun) const override
    {
        if (!nothingToDo().isEmpty())
            return QList<PlannedWrite>{};
        auto w = WorkloadActions::target(object(), QStringLiteral("patch"));
        if (!w)
            return w.error();
        if (w->kind != QLatin1String("Node"))
            return Error(Error::Code::Unsupported,
                         tr_("Only nodes can be cordoned, not %1.").arg(w->kind));
        w->dryRun = dryRun;
        w->request.method = "PATCH";
        const nlohmann::json value = m_cordon ? nlohmann::json(true) : nlohmann::json(nullptr);
        WorkloadActions::setBody(*w, {{"spec", {{"unschedulable", value}}}},
                                 "application/strategic-merge-patch+json");
        w->description
            = m_cordon ? tr_("Cordon node %1: no new pods are scheduled on it").arg(w->name)
                       : tr_("Uncordon node %1: pods may be scheduled on it again").arg(w->name);
        return QList<PlannedWrite>{*w};
    }

    Factory undo() const override
    {
        return
            [node = target().name, cordon = !m_cordon](HttpTransport *transport, QObject *parent) {
                return new CordonOperation(transport, node, cordon, parent);
            };
    }
    QString undoText() const override
    {
        return m_cordon ? tr_("Cordoned node %1.").arg(target().name)
                        : tr_("Uncordoned node %1.").arg(target().name);
    }

private:
    static QString tr_(const char *text)
    {
        return QCoreApplication::translate("Orrery::CordonOperation", text);
    }

    bool m_cordon;
};

} // namespace Orrery
