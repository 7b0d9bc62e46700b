// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelineswiring.h"

#include <mainwindow.h>
#include <operations/actioncontroller.h>
#include <operations/pipelineoperations.h>
#include <pipelineimagelinker.h>
#include <pipelinepoller.h>
#include <pipelinerunfeed.h>
#include <pipelinerunmodel.h>
#include <pipelinerunsmodel.h>
#include <pipelinescene.h>
#include <pipelinespage.h>
#include <topologypage.h>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPointer>
#include <QSettings>

#include <optional>

namespace Orrery::App {

namespace {

const char *const StateName = "pipelineSourcesState";

// What the page, the feed and the actions share: the sources, their connections (made once,
// on first use) and which one the page shows. A child of the page, found by name.
class SourcesState : public QObject
{
public:
    explicit SourcesState(QObject *parent)
        : QObject(parent)
    {
        setObjectName(QLatin1String(StateName));
    }

    QList<PipelineSource> sources;
    std::function<PipelineConnectOptions(const PipelineSource &)> options;
    int current = -1;
    // A run asked for (a topology pill) before the page listed it: selected when it is.
    QString pendingRun;

    // The connection of source `index`, made on first use; nullopt with `error` set when the
    // source cannot be connected (no token, an unreadable CA file).
    std::optional<PipelineConnection> connection(int index, QString *error = nullptr)
    {
        if (index < 0 || index >= sources.size())
            return std::nullopt;
        while (m_connections.size() <= index) {
            m_connections.append(std::nullopt);
            m_errors.append(QString());
            m_tried.append(false);
        }
        if (!m_tried.at(index)) {
            m_tried[index] = true;
            const PipelineSource &source = sources.at(index);
            const Result<PipelineConnection> made = connectPipelineSource(
                source, options ? options(source) : PipelineConnectOptions());
            if (made.ok())
                m_connections[index] = *made;
            else
                m_errors[index] = made.error().toString();
        }
        if (error)
            *error = m_errors.at(index);
        return m_connections.at(index);
    }

    void reset()
    {
        m_connections.clear();
        m_errors.clear();
        m_tried.clear();
        current = -1;
        pendingRun.clear();
    }

private:
    QList<std::optional<PipelineConnection>> m_connections;
    QStringList m_errors;
    QList<bool> m_tried;
};

SourcesState *stateOf(PipelinesPage *page)
{
    auto *state = dynamic_cast<SourcesState *>(
        page->findChild<QObject *>(QLatin1String(StateName), Qt::FindDirectChildrenOnly));
    return state ? state : new SourcesState(page);
}

PipelineRunFeed *feedOf(PipelinesPage *page)
{
    return page->findChild<PipelineRunFeed *>(QStringLiteral("pipelineRunFeed"));
}

// The feed reads every source but the one the page reads itself while shown.
void updatePaused(PipelinesPage *page)
{
    PipelineRunFeed *feed = feedOf(page);
    SourcesState *state = stateOf(page);
    if (!feed)
        return;
    for (int i = 0; i < feed->count(); ++i)
        feed->setPaused(i, i == state->current && page->isVisible());
}

void showSource(PipelinesPage *page, int index)
{
    SourcesState *state = stateOf(page);
    state->current = index;
    state->pendingRun.clear();
    QString error;
    const std::optional<PipelineConnection> connection = state->connection(index, &error);
    if (!connection) {
        page->setClient(nullptr, QString());
        if (index >= 0 && index < state->sources.size())
            page->emptyLabel()->setText(
                QApplication::translate("GuiApplication", "%1 cannot be read: %2")
                    .arg(state->sources.at(index).displayName(), error));
    } else {
        page->setClient(connection->client, state->sources.at(index).source);
    }
    updatePaused(page);
}

} // namespace

PipelinesPage *installPipelinesPage(MainWindow &window)
{
    auto *page = new PipelinesPage;
    window.addCentralPage(QApplication::translate("GuiApplication", "Pipelines"), page);
    // Every source's runs, at a low rate from the start, so the topology's pills are there
    // before anyone opens this page; the page's own source at full rate while it is shown.
    auto *feed = new PipelineRunFeed(page);
    feed->setObjectName(QStringLiteral("pipelineRunFeed"));
    QObject::connect(page, &PipelinesPage::visibilityChanged, page,
                     [page](bool) { updatePaused(page); });
    // The runs listed (by the page and by the feed) feed the topology's "deployed by run #N"
    // pills (app/topologywiring.cpp made the linker), and a pill's click opens its run here.
    if (auto *linker
        = window.findChild<PipelineImageLinker *>(QStringLiteral("pipelineImageLinker"))) {
        QObject::connect(page->poller(), &PipelinePoller::runsUpdated, linker,
                         &PipelineImageLinker::updateRuns);
        QObject::connect(feed, &PipelineRunFeed::runsUpdated, linker,
                         &PipelineImageLinker::updateRuns);
        // The other direction on the run diagram: under a deploy job, the Fly.io apps and
        // Railway services running the run's image now (platformTargetsByJob).
        const auto showTargets = [page, linker] {
            const PipelineRun &run = page->runModel()->run();
            page->scene()->setJobTargets(
                run.id.isEmpty() ? QHash<QString, QStringList>()
                                 : platformTargetsByJob(
                                     run, linker->linksOfRun(run.provider, run.source, run.id)));
        };
        QObject::connect(linker, &PipelineImageLinker::linksChanged, page,
                         [showTargets](const QString &context) {
                             if (context.startsWith(QLatin1String("app:")))
                                 showTargets();
                         });
        QObject::connect(page->runModel(), &PipelineRunModel::graphChanged, page, showTargets);
        QObject::connect(page->runModel(), &PipelineRunModel::jobsChanged, page, showTargets);
    }
    // A run asked for before it was listed is selected once it is.
    QObject::connect(page->poller(), &PipelinePoller::runsUpdated, page, [page] {
        SourcesState *state = stateOf(page);
        if (!state->pendingRun.isEmpty() && page->selectRun(state->pendingRun))
            state->pendingRun.clear();
    });
    if (auto *topology = window.findChild<TopologyPage *>()) {
        QObject::connect(topology, &TopologyPage::pipelineRunRequested, page,
                         [&window, page](PipelineProvider provider, const QString &source,
                                         const QString &runId) {
                             window.showCentralPage(
                                 QApplication::translate("GuiApplication", "Pipelines"));
                             openPipelineRun(page, provider, source, runId);
                         });
    }
    // A trigger job's downstream pipeline in another project: that source, when followed.
    QObject::connect(
        page, &PipelinesPage::runRequested, page,
        [page](PipelineProvider provider, const QString &source, const QString &runId) {
            openPipelineRun(page, provider, source, runId);
        });
    // The page's actions are operations: preview, confirmation, the audited request, report
    // and undo, through the window's ActionController like every other change.
    QObject::connect(
        page, &PipelinesPage::actionRequested, page,
        [&window, page](const PipelineActionRequest &request) {
            SourcesState *state = stateOf(page);
            const std::optional<PipelineConnection> connection = state->connection(state->current);
            auto *controller
                = window.findChild<ActionController *>(QStringLiteral("actionController"));
            if (!connection || !controller)
                return;
            PipelineOperation *op
                = PipelineOperation::create(connection->client, connection->transport, request);
            const QPointer<PipelinesPage> guard(page);
            QObject::connect(op, &ClusterOperation::finished, page, [guard](bool) {
                if (guard)
                    guard->poller()->pollNow();
            });
            controller->runOperation(op);
        });
    QSettings settings;
    setPipelineSources(page, PipelineSourceSettings::read(settings));
    return page;
}

void setPipelineSources(PipelinesPage *page, const QList<PipelineSource> &sources,
                        std::function<PipelineConnectOptions(const PipelineSource &)> options)
{
    SourcesState *state = stateOf(page);
    state->reset();
    state->sources = sources;
    state->options = std::move(options);
    QStringList labels;
    for (const PipelineSource &s : sources)
        labels << QStringLiteral("%1 · %2").arg(pipelineProviderName(s.provider), s.displayName());
    page->setSourceChoices(labels, sources.isEmpty() ? -1 : 0);
    QObject::disconnect(page, &PipelinesPage::sourceChosen, nullptr, nullptr);
    QObject::connect(page, &PipelinesPage::sourceChosen, page,
                     [page](int index) { showSource(page, index); });
    if (PipelineRunFeed *feed = feedOf(page)) {
        QList<PipelineRunFeed::Source> fed;
        for (int i = 0; i < sources.size(); ++i) {
            const std::optional<PipelineConnection> c = state->connection(i);
            fed.append({c ? c->client : nullptr, sources.at(i).source});
        }
        feed->setSources(fed);
    }
    showSource(page, sources.isEmpty() ? -1 : 0);
}

bool openPipelineRun(PipelinesPage *page, PipelineProvider provider, const QString &source,
                     const QString &runId)
{
    SourcesState *state = stateOf(page);
    int index = -1;
    for (int i = 0; i < state->sources.size() && index < 0; ++i)
        if (state->sources.at(i).provider == provider && state->sources.at(i).source == source)
            index = i;
    if (index < 0)
        return false;
    if (index != state->current) {
        page->sourceChooser()->setCurrentIndex(index);
        showSource(page, index);
    }
    if (!page->selectRun(runId)) {
        state->pendingRun = runId;
        page->poller()->pollNow();
    }
    return true;
}

} // namespace Orrery::App
