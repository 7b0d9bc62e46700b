// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pipelines/pipelineclient.h>

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace Orrery {

// What a provider says about its API quota (GitHub's X-RateLimit-* headers); the client that
// knows it is asked through PipelinePoller::setQuotaReader().
struct PipelineQuota
{
    qint64 remaining = -1; // -1: unknown
    qint64 limit = -1;
    QDateTime resetAt; // UTC; invalid when unknown
    bool isKnown() const { return remaining >= 0; }
};

// Reads a source's runs (and the followed run with its jobs) through a PipelineClient, every
// interval (10 s by default). The client runs the requests and decoding off the GUI thread; the
// poller only receives values. Each poll's answer is one batch: runsUpdated() once with the
// whole list (PipelineRunsModel applies it as row changes), runUpdated() once with the followed
// run — each only when it differs from the previous answer. A request in flight is never
// doubled; setClient(), setSource(), followRun() and stop() drop answers still coming.
//
// Back-off: after a failed poll the next one waits twice as long (up to maxInterval(), 5 min by
// default, or longer when the provider asked with Retry-After); the first successful poll goes
// back to the interval.
class PipelinePoller : public QObject
{
    Q_OBJECT

public:
    explicit PipelinePoller(QObject *parent = nullptr);
    ~PipelinePoller() override;

    // The provider (null: none configured) and what to read from it.
    void setClient(std::shared_ptr<PipelineClient> client, const QString &source);
    const std::shared_ptr<PipelineClient> &client() const { return m_client; }
    QString source() const { return m_source; }
    void setFilter(const PipelineRunFilter &filter);
    // The run whose jobs are read with each poll (empty: none).
    void followRun(const QString &runId);
    QString followedRun() const { return m_runId; }
    // Asked after each poll; unknown by default.
    void setQuotaReader(std::function<PipelineQuota()> reader)
    {
        m_quotaReader = std::move(reader);
    }
    PipelineQuota quota() const { return m_quota; }

    void setInterval(int ms) { m_interval = ms; }
    int interval() const { return m_interval; }
    void setMaxInterval(int ms) { m_maxInterval = ms; }
    int maxInterval() const { return m_maxInterval; }
    // The delay before the next poll (the interval, or longer while backing off).
    int currentDelay() const;
    int failures() const { return m_failures; }

    void start();
    void stop();
    bool isActive() const { return m_active; }
    void pollNow();
    bool isPolling() const { return m_pending > 0; }
    QDateTime lastPolledAt() const { return m_polledAt; }

signals:
    void runsUpdated(const QList<Orrery::PipelineRun> &runs);
    void runUpdated(const Orrery::PipelineRun &run);
    // After each poll: the error of a failed one (nullopt when it succeeded).
    void polled(const std::optional<Orrery::Error> &error);

private:
    void finishRequest(const std::optional<Error> &error);
    void schedule();

    std::shared_ptr<PipelineClient> m_client;
    QString m_source;
    PipelineRunFilter m_filter;
    QString m_runId;
    std::function<PipelineQuota()> m_quotaReader;
    PipelineQuota m_quota;
    QTimer m_timer;
    int m_interval = 10000;
    int m_maxInterval = 300000;
    int m_retryAfter = 0;
    int m_failures = 0;
    int m_generation = 0;
    int m_pending = 0;
    bool m_active = false;
    std::optional<Error> m_error;
    std::optional<QList<PipelineRun>> m_lastRuns;
    std::optional<PipelineRun> m_lastRun;
    QDateTime m_polledAt;
};

} // namespace Orrery
