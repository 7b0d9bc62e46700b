// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/changebatch.h"
#include "pipelines/imagelink.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSettings>
#include <QTimer>

namespace Orrery {

class ResourceStore;
class SessionManager;

// Pipeline → image → workload for the whole app (docs/pipelines.md, "Linking runs to
// workloads"): follows every connected context's store (Deployments, StatefulSets, DaemonSets
// and their pods) and the runs the pipeline sources list, keeps one ImageLinkIndex and
// publishes which workloads' links changed, per context, batched: at most one linksChanged
// per context every batchInterval() (50 ms, like the stores' own flushes). Only the workloads a
// batch touched are re-evaluated; a run re-evaluates only the workloads sharing a tag, digest
// or commit with it.
class PipelineImageLinker : public QObject
{
    Q_OBJECT

public:
    explicit PipelineImageLinker(QObject *parent = nullptr);
    ~PipelineImageLinker() override;

    // Follows every context of `sessions` (each session's store once it reports a change; a
    // disconnected context's workloads are dropped).
    void follow(SessionManager *sessions);
    // Follows one context's store: reads what it holds now, then its batches (only the
    // workloads a batch touched, directly or through their pods). A null store drops it.
    void setStore(const QString &context, ResourceStore *store);

    // Follows a PaaS app (a Fly.io app, a Railway environment) as the app page reads it: its
    // boxes that run an image are linked like workloads (ImageLinkWorkload::fromAppTopology,
    // context ImageLinkWorkload::appLinkContext), the boxes gone since the last read dropped.
    // linksChanged names that context.
    void setAppTopology(const AppTopology &topology);

    void setSettings(const ImageLinkSettings &settings);
    // The rules in QSettings, group "pipelines/imageLink": "default/…" and the array "rules"
    // of {source ("github:owner/repo"), tagTemplates, repositories, useReportedImages,
    // useRevisionLabel}. Missing keys keep the defaults.
    static ImageLinkSettings loadSettings(QSettings &settings);
    static void saveSettings(QSettings &settings, const ImageLinkSettings &rules);
    const ImageLinkSettings &settings() const { return m_index.settings(); }
    // New or updated runs (any provider); a source's newest list may be given again as is.
    void updateRuns(const QList<Orrery::PipelineRun> &runs);
    void removeRun(PipelineProvider provider, const QString &source, const QString &runId);

    std::optional<ImageLink> linkOf(const WorkloadKey &key) const { return m_index.linkOf(key); }
    QList<ImageLink> linksOfRun(PipelineProvider provider, const QString &source,
                                const QString &runId) const
    {
        return m_index.linksOfRun(provider, source, runId);
    }
    QList<ImageLink> links() const { return m_index.links(); }

    int batchInterval() const { return m_flush.interval(); }
    void setBatchInterval(int ms) { m_flush.setInterval(ms); }
    // Publishes what is pending now (tests).
    void flush();

signals:
    // The workloads of `context` whose link appeared, moved, vanished or changed state.
    void linksChanged(const QString &context, const QList<Orrery::WorkloadKey> &workloads);

private:
    void onBatch(const QString &context, ResourceStore *store, const ChangeBatch &batch);
    void rescan(const QString &context, ResourceStore *store);
    void refresh(const QString &context, const KubeObject &workload,
                 const QList<KubeObjectPtr> &namespacePods);
    void dropContext(const QString &context);
    void pend(const QList<WorkloadKey> &keys);

    ImageLinkIndex m_index;
    QHash<QString, QPointer<ResourceStore>> m_stores;
    QHash<QString, QMetaObject::Connection> m_connections;
    QHash<QString, QSet<WorkloadKey>> m_pending;  // context → changed workloads
    QHash<QString, QSet<WorkloadKey>> m_appBoxes; // app context → its boxes last read
    QTimer m_flush;
};

} // namespace Orrery
