// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinerunfeed.h"

#include "pipelinepoller.h"

namespace Orrery {

PipelineRunFeed::PipelineRunFeed(QObject *parent)
    : QObject(parent)
{
}

PipelineRunFeed::~PipelineRunFeed() = default;

void PipelineRunFeed::setSources(const QList<Source> &sources)
{
    qDeleteAll(m_pollers);
    qDeleteAll(m_folderJobPollers);
    m_pollers.clear();
    m_folderJobPollers.clear();
    m_paused.clear();
    const int generation = ++m_generation;
    for (const Source &source : sources) {
        m_paused.append(false);
        if (!source.first) {
            m_pollers.append(nullptr);
            continue;
        }
        // Read at once, as most sources have runs; a folder's first answer is an error the
        // poller keeps to itself, and the folder is replaced by its jobs below.
        m_pollers.append(startPoller(source.first, source.second));
        const int index = int(m_pollers.size()) - 1;
        const std::shared_ptr<PipelineClient> client = source.first;
        client->sourceTree(
            source.second, this,
            [this, generation, index, client](const Result<QList<PipelineSourceNode>> &tree) {
                if (generation == m_generation && tree.ok() && !tree->isEmpty())
                    replaceFolder(index, client, *tree);
            });
    }
}

PipelinePoller *PipelineRunFeed::startPoller(const std::shared_ptr<PipelineClient> &client,
                                             const QString &source)
{
    auto *poller = new PipelinePoller(this);
    poller->setInterval(m_interval);
    PipelineRunFilter filter;
    filter.limit = m_limit;
    poller->setFilter(filter);
    poller->setClient(client, source);
    connect(poller, &PipelinePoller::runsUpdated, this, &PipelineRunFeed::runsUpdated);
    poller->start();
    return poller;
}

void PipelineRunFeed::replaceFolder(int index, const std::shared_ptr<PipelineClient> &client,
                                    const QList<PipelineSourceNode> &tree)
{
    delete m_pollers.at(index);
    m_pollers[index] = nullptr;
    int jobs = 0;
    for (const PipelineSourceNode &node : tree) {
        if (node.kind != PipelineSourceNode::Kind::Job || jobs == MaxJobsPerFolder)
            continue;
        m_folderJobPollers.append(startPoller(client, node.source));
        ++jobs;
    }
}

PipelinePoller *PipelineRunFeed::poller(int index) const
{
    return index >= 0 && index < m_pollers.size() ? m_pollers.at(index) : nullptr;
}

void PipelineRunFeed::setInterval(int ms)
{
    m_interval = ms;
    for (const auto *list : {&m_pollers, &m_folderJobPollers})
        for (PipelinePoller *poller : *list)
            if (poller)
                poller->setInterval(ms);
}

void PipelineRunFeed::setLimit(int runs)
{
    m_limit = runs;
    PipelineRunFilter filter;
    filter.limit = runs;
    for (const auto *list : {&m_pollers, &m_folderJobPollers})
        for (PipelinePoller *poller : *list)
            if (poller)
                poller->setFilter(filter);
}

void PipelineRunFeed::setPaused(int index, bool paused)
{
    PipelinePoller *p = poller(index);
    if (!p || m_paused.at(index) == paused)
        return;
    m_paused[index] = paused;
    if (paused)
        p->stop();
    else
        p->start();
}

bool PipelineRunFeed::isPaused(int index) const
{
    return index >= 0 && index < m_paused.size() && m_paused.at(index);
}

} // namespace Orrery
