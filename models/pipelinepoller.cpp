// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinepoller.h"

namespace Orrery {

PipelinePoller::PipelinePoller(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &PipelinePoller::pollNow);
}

PipelinePoller::~PipelinePoller() = default;

void PipelinePoller::setClient(std::shared_ptr<PipelineClient> client, const QString &source)
{
    m_client = std::move(client);
    m_source = source;
    ++m_generation; // answers about the previous source are dropped
    m_pending = 0;
    m_failures = 0;
    m_retryAfter = 0;
    m_lastRuns.reset();
    m_lastRun.reset();
    m_runId.clear();
    m_quota = {};
    if (m_active)
        pollNow();
}

void PipelinePoller::setFilter(const PipelineRunFilter &filter)
{
    m_filter = filter;
    ++m_generation;
    m_pending = 0;
    m_lastRuns.reset();
    if (m_active)
        pollNow();
}

void PipelinePoller::followRun(const QString &runId)
{
    if (runId == m_runId)
        return;
    m_runId = runId;
    m_lastRun.reset();
    ++m_generation;
    m_pending = 0;
    if (m_active)
        pollNow();
}

int PipelinePoller::currentDelay() const
{
    if (m_failures == 0)
        return m_interval;
    qint64 delay = m_interval;
    for (int i = 0; i < m_failures && delay < m_maxInterval; ++i)
        delay *= 2;
    delay = qMin<qint64>(delay, m_maxInterval);
    return int(qMax<qint64>(delay, m_retryAfter));
}

void PipelinePoller::start()
{
    m_active = true;
    pollNow();
}

void PipelinePoller::stop()
{
    m_active = false;
    m_timer.stop();
    ++m_generation;
    m_pending = 0;
}

void PipelinePoller::schedule()
{
    if (m_active)
        m_timer.start(currentDelay());
}

void PipelinePoller::pollNow()
{
    if (m_pending > 0 || !m_client)
        return;
    m_timer.stop();
    m_error.reset();
    const int generation = m_generation;
    const bool withRun = !m_runId.isEmpty();
    m_pending = withRun ? 2 : 1;
    m_client->runs(m_source, m_filter, this,
                   [this, generation](const Result<QList<PipelineRun>> &r) {
                       if (generation != m_generation)
                           return;
                       if (!r.ok()) {
                           finishRequest(r.error());
                           return;
                       }
                       if (!m_lastRuns || *m_lastRuns != r.value()) {
                           m_lastRuns = r.value();
                           emit runsUpdated(r.value());
                       }
                       finishRequest(std::nullopt);
                   });
    if (withRun) {
        m_client->run(m_source, m_runId, this, [this, generation](const Result<PipelineRun> &r) {
            if (generation != m_generation)
                return;
            if (!r.ok()) {
                finishRequest(r.error());
                return;
            }
            if (!m_lastRun || !(*m_lastRun == r.value())) {
                m_lastRun = r.value();
                emit runUpdated(r.value());
            }
            finishRequest(std::nullopt);
        });
    }
}

void PipelinePoller::finishRequest(const std::optional<Error> &error)
{
    if (error && !m_error)
        m_error = error;
    if (--m_pending > 0)
        return;
    m_pending = 0;
    m_polledAt = QDateTime::currentDateTimeUtc();
    if (m_error) {
        ++m_failures;
        m_retryAfter = m_error->retryAfterMs;
    } else {
        m_failures = 0;
        m_retryAfter = 0;
    }
    if (m_quotaReader)
        m_quota = m_quotaReader();
    const std::optional<Error> reported = m_error;
    m_error.reset();
    schedule();
    emit polled(reported);
}

} // namespace Orrery
