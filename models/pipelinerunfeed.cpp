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
    m_pollers.clear();
    m_paused.clear();
    for (const Source &source : sources) {
        m_paused.append(false);
        if (!source.first) {
            m_pollers.append(nullptr);
            continue;
        }
        auto *poller = new PipelinePoller(this);
        poller->setInterval(m_interval);
        PipelineRunFilter filter;
        filter.limit = m_limit;
        poller->setFilter(filter);
        poller->setClient(source.first, source.second);
        connect(poller, &PipelinePoller::runsUpdated, this, &PipelineRunFeed::runsUpdated);
        m_pollers.append(poller);
        poller->start();
    }
}

PipelinePoller *PipelineRunFeed::poller(int index) const
{
    return index >= 0 && index < m_pollers.size() ? m_pollers.at(index) : nullptr;
}

void PipelineRunFeed::setInterval(int ms)
{
    m_interval = ms;
    for (PipelinePoller *poller : std::as_const(m_pollers))
        if (poller)
            poller->setInterval(ms);
}

void PipelineRunFeed::setLimit(int runs)
{
    m_limit = runs;
    PipelineRunFilter filter;
    filter.limit = runs;
    for (PipelinePoller *poller : std::as_const(m_pollers))
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
