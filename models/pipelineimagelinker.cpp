// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelineimagelinker.h"

#include "kube/clustersession.h"
#include "kube/resourcestore.h"
#include "sessionmanager.h"

#include <QSet>

#include <vector>

namespace Orrery {

namespace {

bool isLinkedKind(Kind kind)
{
    return kind == Kind::Deployment || kind == Kind::StatefulSet || kind == Kind::DaemonSet;
}

constexpr Kind LinkedKinds[] = {Kind::Deployment, Kind::StatefulSet, Kind::DaemonSet};

// A kind's objects grouped by namespace in one pass: a batch looks at one namespace's
// workloads or pods many times, and ResourceStore::objects(kind, ns) walks the whole kind
// each time (at 150,000 pods the first batch of pods took minutes on the GUI thread).
using LinkerByNamespace = QHash<QString, QList<KubeObjectPtr>>;
LinkerByNamespace linkerByNamespace(const QList<KubeObjectPtr> &objects)
{
    LinkerByNamespace out;
    for (const KubeObjectPtr &o : objects)
        out[o->namespaceName].append(o);
    return out;
}

} // namespace

PipelineImageLinker::PipelineImageLinker(QObject *parent)
    : QObject(parent)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(50);
    connect(&m_flush, &QTimer::timeout, this, &PipelineImageLinker::flush);
}

PipelineImageLinker::~PipelineImageLinker() = default;

void PipelineImageLinker::follow(SessionManager *sessions)
{
    connect(sessions, &SessionManager::storeChanged, this,
            [this, sessions](const QString &context, const ChangeBatch &batch) {
                ClusterSession *session = sessions->session(context);
                ResourceStore *store = session ? session->store() : nullptr;
                if (!store) {
                    dropContext(context);
                    return;
                }
                // A new session: start from what it holds; then its own batches.
                if (m_stores.value(context) != store)
                    setStore(context, store);
                Q_UNUSED(batch);
            });
    connect(sessions, &SessionManager::connectionStateChanged, this,
            [this](const QString &context, ContextTreeModel::ConnectionState state) {
                if (state == ContextTreeModel::ConnectionState::Disconnected)
                    dropContext(context);
            });
}

void PipelineImageLinker::setStore(const QString &context, ResourceStore *store)
{
    if (!store) {
        dropContext(context);
        return;
    }
    if (m_stores.value(context) != store) {
        dropContext(context);
        m_stores.insert(context, store);
        m_connections.insert(context, connect(store, &ResourceStore::changed, this,
                                              [this, context, store](const ChangeBatch &batch) {
                                                  onBatch(context, store, batch);
                                              }));
    }
    rescan(context, store);
}

void PipelineImageLinker::dropContext(const QString &context)
{
    disconnect(m_connections.take(context));
    m_stores.remove(context);
    pend(m_index.removeContext(context));
}

void PipelineImageLinker::setAppTopology(const AppTopology &topology)
{
    const QString context = ImageLinkWorkload::appLinkContext(topology);
    QSet<WorkloadKey> now;
    for (const ImageLinkWorkload &w : ImageLinkWorkload::fromAppTopology(topology)) {
        now.insert(w.key);
        pend(m_index.upsertWorkload(w));
    }
    for (const WorkloadKey &gone : m_appBoxes.value(context))
        if (!now.contains(gone))
            pend(m_index.removeWorkload(gone));
    m_appBoxes.insert(context, now);
}

void PipelineImageLinker::rescan(const QString &context, ResourceStore *store)
{
    const LinkerByNamespace pods = linkerByNamespace(store->objects(Kind::Pod));
    for (const Kind kind : LinkedKinds)
        for (const KubeObjectPtr &o : store->objects(kind))
            refresh(context, *o, pods.value(o->namespaceName));
}

void PipelineImageLinker::refresh(const QString &context, const KubeObject &workload,
                                  const QList<KubeObjectPtr> &namespacePods)
{
    const auto w = ImageLinkWorkload::fromObject(context, workload, namespacePods);
    if (w)
        pend(m_index.upsertWorkload(*w));
}

void PipelineImageLinker::onBatch(const QString &context, ResourceStore *store,
                                  const ChangeBatch &batch)
{
    // The workloads to look at again, once each however many of their pods changed.
    QHash<QString, KubeObjectPtr> dirty;
    std::vector<LinkerByNamespace> workloads; // per LinkedKinds entry, filled on first need
    QSet<QString> seenLabels;
    for (const ObjectChange &change : batch.changes) {
        if (!change.object)
            continue;
        const KubeObject &o = *change.object;
        if (isLinkedKind(change.kind)) {
            const QString key = kindName(change.kind) + QLatin1Char('/') + o.key();
            if (change.type == ObjectChange::Type::Deleted) {
                dirty.remove(key);
                pend(m_index.removeWorkload(
                    {context, o.namespaceName, kindName(change.kind), o.name}));
            } else {
                dirty.insert(key, change.object);
            }
            continue;
        }
        if (change.kind != Kind::Pod)
            continue;
        // Pods of one owner share their labels: each (namespace, labels) is matched once.
        QString labelKey = o.namespaceName;
        for (const KeyValue &kv : o.labels)
            labelKey += QLatin1Char('\n') + kv.key + QLatin1Char('=') + kv.value;
        if (!change.previous) {
            if (seenLabels.contains(labelKey))
                continue;
            seenLabels.insert(labelKey);
        }
        if (workloads.empty())
            for (const Kind kind : LinkedKinds)
                workloads.push_back(linkerByNamespace(store->objects(kind)));
        for (size_t k = 0; k < std::size(LinkedKinds); ++k) {
            const Kind kind = LinkedKinds[k];
            for (const KubeObjectPtr &w : workloads[k].value(o.namespaceName)) {
                const WorkloadData *data = w->workload();
                if (!data || data->selector.isEmpty())
                    continue;
                if (data->selector.matches(o.labels)
                    || (change.previous && data->selector.matches(change.previous->labels)))
                    dirty.insert(kindName(kind) + QLatin1Char('/') + w->key(), w);
            }
        }
    }
    if (dirty.isEmpty())
        return;
    if (dirty.size() <= 2) { // one workload changed: its namespace's pods only
        for (const KubeObjectPtr &w : std::as_const(dirty))
            refresh(context, *w, store->objects(Kind::Pod, w->namespaceName));
        return;
    }
    const LinkerByNamespace pods = linkerByNamespace(store->objects(Kind::Pod));
    for (const KubeObjectPtr &w : std::as_const(dirty))
        refresh(context, *w, pods.value(w->namespaceName));
}

void PipelineImageLinker::setSettings(const ImageLinkSettings &settings)
{
    pend(m_index.setSettings(settings));
}

namespace {

ImageLinkRule readRule(QSettings &s, const ImageLinkRule &fallback)
{
    ImageLinkRule rule = fallback;
    rule.tagTemplates = s.value(QStringLiteral("tagTemplates"), rule.tagTemplates).toStringList();
    rule.repositories = s.value(QStringLiteral("repositories"), rule.repositories).toStringList();
    rule.useReportedImages
        = s.value(QStringLiteral("useReportedImages"), rule.useReportedImages).toBool();
    rule.useRevisionLabel
        = s.value(QStringLiteral("useRevisionLabel"), rule.useRevisionLabel).toBool();
    return rule;
}

void writeRule(QSettings &s, const ImageLinkRule &rule)
{
    s.setValue(QStringLiteral("tagTemplates"), rule.tagTemplates);
    s.setValue(QStringLiteral("repositories"), rule.repositories);
    s.setValue(QStringLiteral("useReportedImages"), rule.useReportedImages);
    s.setValue(QStringLiteral("useRevisionLabel"), rule.useRevisionLabel);
}

} // namespace

ImageLinkSettings PipelineImageLinker::loadSettings(QSettings &settings)
{
    ImageLinkSettings out;
    settings.beginGroup(QStringLiteral("pipelines/imageLink"));
    settings.beginGroup(QStringLiteral("default"));
    out.defaultRule = readRule(settings, out.defaultRule);
    settings.endGroup();
    const int n = std::min(settings.beginReadArray(QStringLiteral("rules")), 1000);
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        const QString source = settings.value(QStringLiteral("source")).toString();
        if (!source.isEmpty())
            out.rules.insert(source, readRule(settings, ImageLinkRule()));
    }
    settings.endArray();
    settings.endGroup();
    return out;
}

void PipelineImageLinker::saveSettings(QSettings &settings, const ImageLinkSettings &rules)
{
    settings.beginGroup(QStringLiteral("pipelines/imageLink"));
    settings.remove(QString());
    settings.beginGroup(QStringLiteral("default"));
    writeRule(settings, rules.defaultRule);
    settings.endGroup();
    QStringList sources = rules.rules.keys();
    sources.sort();
    settings.beginWriteArray(QStringLiteral("rules"), int(sources.size()));
    for (int i = 0; i < sources.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("source"), sources.at(i));
        writeRule(settings, rules.rules.value(sources.at(i)));
    }
    settings.endArray();
    settings.endGroup();
}

void PipelineImageLinker::updateRuns(const QList<PipelineRun> &runs)
{
    for (const PipelineRun &run : runs)
        pend(m_index.upsertRun(run));
}

void PipelineImageLinker::removeRun(PipelineProvider provider, const QString &source,
                                    const QString &runId)
{
    pend(m_index.removeRun(provider, source, runId));
}

void PipelineImageLinker::pend(const QList<WorkloadKey> &keys)
{
    for (const WorkloadKey &k : keys)
        m_pending[k.context].insert(k);
    if (!m_pending.isEmpty() && !m_flush.isActive())
        m_flush.start();
}

void PipelineImageLinker::flush()
{
    m_flush.stop();
    const auto pending = std::exchange(m_pending, {});
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        QList<WorkloadKey> keys(it->begin(), it->end());
        std::sort(keys.begin(), keys.end(), [](const WorkloadKey &a, const WorkloadKey &b) {
            return a.toString() < b.toString();
        });
        emit linksChanged(it.key(), keys);
    }
}

} // namespace Orrery
