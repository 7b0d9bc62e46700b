// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pipelines/pipelineclient.h>

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <utility>

namespace Orrery {

class PipelinePoller;

// The runs of every followed source, read at a low rate whether or not anyone looks at the
// Pipelines page, for what needs them in the background: the image linker, whose "deployed
// by run #N" pills must be on the topology at first sight. One PipelinePoller per source
// (runs only, no run's jobs; back-off and Retry-After as the poller's), started at once and
// then every interval() (60 s by default: a GitHub quota of 5,000 an hour spends 60 of them
// per source, and an unchanged list costs nothing with the ETag). The page reads its own
// source at full rate while shown: setPaused() stops the feed's poller of that source
// meanwhile, so it is never read twice. A source that holds others (a Jenkins folder or
// multibranch project, PipelineClient::sourceTree) has no runs of its own: once the provider
// says so, its jobs are read instead (at most MaxJobsPerFolder of them).
class PipelineRunFeed : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultInterval = 60000;
    static constexpr int DefaultLimit = 50;
    static constexpr int MaxJobsPerFolder = 20;

    explicit PipelineRunFeed(QObject *parent = nullptr);
    ~PipelineRunFeed() override;

    // One source per entry (a null client: a source that could not be connected, skipped).
    // Replaces the previous sources; every poller starts at once unless paused.
    using Source = std::pair<std::shared_ptr<PipelineClient>, QString>;
    void setSources(const QList<Source> &sources);
    int count() const { return int(m_pollers.size()); }
    // The poller of source `index` (null for a skipped source, a folder or out of range).
    PipelinePoller *poller(int index) const;
    // The pollers of the jobs inside folder sources.
    const QList<PipelinePoller *> &folderJobPollers() const { return m_folderJobPollers; }

    void setInterval(int ms);
    int interval() const { return m_interval; }
    // How many of the newest runs each poll reads (the filter's limit).
    void setLimit(int runs);

    // Stops (or restarts) polling source `index`: the page reads it itself meanwhile.
    void setPaused(int index, bool paused);
    bool isPaused(int index) const;

signals:
    // A source's newest runs, each time they changed (PipelineImageLinker::updateRuns).
    void runsUpdated(const QList<Orrery::PipelineRun> &runs);

private:
    PipelinePoller *startPoller(const std::shared_ptr<PipelineClient> &client,
                                const QString &source);
    void replaceFolder(int index, const std::shared_ptr<PipelineClient> &client,
                       const QList<PipelineSourceNode> &tree);

    QList<PipelinePoller *> m_pollers;
    QList<PipelinePoller *> m_folderJobPollers;
    int m_generation = 0; // answers of sourceTree() for earlier sources are dropped
    QList<bool> m_paused;
    int m_interval = DefaultInterval;
    int m_limit = DefaultLimit;
};

} // namespace Orrery
