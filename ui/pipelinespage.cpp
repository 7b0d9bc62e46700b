// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinespage.h"

#include <pipelinediagramview.h>
#include <pipelineexporter.h>
#include <pipelineformat.h>
#include <pipelinepoller.h>
#include <pipelinerunmodel.h>
#include <pipelinerunsmodel.h>
#include <pipelinescene.h>
#include <pipelinestatusdelegate.h>
#include <pipelinetriggerdialog.h>

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <algorithm>

namespace Orrery {

namespace {

QString providerTitle(PipelineProvider provider)
{
    switch (provider) {
    case PipelineProvider::GitHub: return PipelinesPage::tr("GitHub Actions");
    case PipelineProvider::GitLab: return PipelinesPage::tr("GitLab CI");
    case PipelineProvider::Jenkins: return PipelinesPage::tr("Jenkins");
    }
    return QString();
}

constexpr int s_logPollMs = 2000;
constexpr int s_maxLogBlocks = 50000;
constexpr qsizetype s_maxLogLineBytes = 1024 * 1024;
// A failed job's tail: the last 64 KiB of at most 256 pieces.
constexpr qsizetype s_tailBytes = 64 * 1024;
constexpr int s_maxTailPieces = 256;

} // namespace

PipelinesPage::PipelinesPage(QWidget *parent)
    : QWidget(parent)
    , m_poller(new PipelinePoller(this))
    , m_runsModel(new PipelineRunsModel(this))
    , m_runModel(new PipelineRunModel(this))
    , m_scene(new PipelineScene(this))
    , m_view(new PipelineDiagramView(m_scene))
    , m_table(new QTableView)
    , m_sourceTree(new QTreeWidget)
    , m_log(new QPlainTextEdit)
    , m_logTitle(new QLabel)
    , m_source(new QLabel)
    , m_quota(new QLabel)
    , m_status(new QLabel)
    , m_empty(new QLabel)
    , m_stack(new QStackedWidget)
    , m_refresh(new QPushButton(tr("Refresh")))
    , m_export(new QPushButton(tr("Export…")))
    , m_run(new QPushButton(tr("Run…")))
    , m_rerun(new QPushButton(tr("Re-run")))
    , m_cancel(new QPushButton(tr("Cancel run")))
{
    setObjectName(QStringLiteral("pipelinesPage"));
    m_scene->setModel(m_runModel);
    m_scene->setLiveTicking(true);

    auto *header = new QHBoxLayout;
    QFont bold = m_source->font();
    bold.setBold(true);
    m_source->setFont(bold);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_quota->setObjectName(QStringLiteral("pipelineQuota"));
    m_status->setObjectName(QStringLiteral("pipelineStatus"));
    m_sourceChooser = new QComboBox;
    m_sourceChooser->setAccessibleName(tr("Pipeline source"));
    m_sourceChooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_sourceChooser->hide();
    connect(m_sourceChooser, &QComboBox::activated, this, &PipelinesPage::sourceChosen);
    header->addWidget(m_sourceChooser);
    header->addWidget(m_source);
    header->addSpacing(12);
    header->addWidget(m_quota);
    header->addStretch(1);
    header->addWidget(m_status);
    m_run->setObjectName(QStringLiteral("pipelineRun"));
    m_rerun->setObjectName(QStringLiteral("pipelineRerun"));
    m_cancel->setObjectName(QStringLiteral("pipelineCancel"));
    m_run->setToolTip(tr("Start a new run (asks for the branch and inputs, then confirms)"));
    m_rerun->setToolTip(tr("Run the selected run again"));
    m_cancel->setToolTip(tr("Cancel the selected run"));
    header->addWidget(m_run);
    header->addWidget(m_rerun);
    header->addWidget(m_cancel);
    header->addWidget(m_export);
    header->addWidget(m_refresh);

    m_table->setModel(m_runsModel);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(PipelineRunsModel::StatusColumn, 104);
    m_table->setColumnWidth(PipelineRunsModel::RunColumn, 170);
    m_table->setColumnWidth(PipelineRunsModel::BranchColumn, 110);
    m_table->setColumnWidth(PipelineRunsModel::CommitColumn, 70);
    m_table->setColumnWidth(PipelineRunsModel::ActorColumn, 90);
    m_table->setColumnWidth(PipelineRunsModel::EventColumn, 110);
    m_table->setColumnWidth(PipelineRunsModel::DurationColumn, 70);
    m_table->setObjectName(QStringLiteral("pipelineRuns"));
    m_table->setItemDelegateForColumn(
        PipelineRunsModel::StatusColumn,
        new PipelineStatusDelegate(PipelineRunsModel::StatusRole, m_table));

    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(s_maxLogBlocks);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(tr("Click a job in the diagram to read its log."));
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *logBox = new QWidget;
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->setSpacing(2);
    logLayout->addWidget(m_logTitle);
    logLayout->addWidget(m_log);

    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(m_view);
    right->addWidget(logBox);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    right->setSizes({540, 180});
    auto *split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("pipelineSplit"));
    m_sourceTree->setObjectName(QStringLiteral("pipelineSourceTree"));
    m_sourceTree->setColumnCount(2);
    m_sourceTree->setHeaderLabels({tr("Job"), tr("Last build")});
    m_sourceTree->setAccessibleName(tr("Jobs"));
    m_sourceTree->setRootIsDecorated(true);
    m_sourceTree->setUniformRowHeights(true);
    m_sourceTree->header()->setStretchLastSection(true);
    m_sourceTree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_sourceTree->hide();
    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(m_sourceTree);
    left->addWidget(m_table);
    left->setStretchFactor(0, 1);
    left->setStretchFactor(1, 3);
    left->setSizes({180, 540});
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({520, 880});

    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setMargin(24);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(split);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);

    connect(m_poller, &PipelinePoller::runsUpdated, this, [this](const QList<PipelineRun> &runs) {
        m_runsModel->setRuns(runs);
        if (m_runsModel->rowCount() > 0 && !m_table->selectionModel()->hasSelection())
            m_table->selectRow(0);
        if (runs.isEmpty() && m_poller->followedRun().isEmpty())
            m_empty->setText(tr("%1 has no runs yet.").arg(m_sourceName));
    });
    connect(m_poller, &PipelinePoller::runUpdated, this, [this](const PipelineRun &run) {
        if (run.id != m_poller->followedRun())
            return;
        m_runModel->setRun(run);
        if (m_fittedRun != run.id) {
            m_fittedRun = run.id;
            m_view->fitDiagram();
        }
    });
    connect(m_poller, &PipelinePoller::polled, this, &PipelinesPage::onPolled);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PipelinesPage::onRunSelected);
    connect(m_refresh, &QPushButton::clicked, m_poller, &PipelinePoller::pollNow);
    connect(m_run, &QPushButton::clicked, this, &PipelinesPage::requestTrigger);
    connect(m_rerun, &QPushButton::clicked, this, [this] {
        // The failed jobs when the provider can re-run only those and some failed.
        const PipelineRun *run = listedRun(m_poller->followedRun());
        if (!run || !m_client)
            return;
        const bool failedOnly
            = PipelineOperation::supports(m_client->provider(), PipelineAction::RerunFailed)
              && (run->status == PipelineStatus::Failed
                  || run->status == PipelineStatus::Cancelled);
        PipelineActionRequest request;
        request.action = failedOnly ? PipelineAction::RerunFailed : PipelineAction::Rerun;
        request.target = targetOf(run->id);
        ask(request);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (const PipelineRun *run = listedRun(m_poller->followedRun())) {
            PipelineActionRequest request;
            request.action = PipelineAction::Cancel;
            request.target = targetOf(run->id);
            ask(request);
        }
    });
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_table->indexAt(pos);
        const PipelineRun *run = index.isValid() ? m_runsModel->runAt(index.row()) : nullptr;
        if (!run || !m_client)
            return;
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addActions(runActions(run->id, menu));
        menu->popup(m_table->viewport()->mapToGlobal(pos));
    });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QString jobId = m_scene->jobIdAt(m_view->mapToScene(pos));
        if (jobId.isEmpty() || !m_client)
            return;
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addActions(jobActions(jobId, menu));
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_runsModel, &QAbstractItemModel::dataChanged, this, &PipelinesPage::updateActions);
    connect(m_export, &QPushButton::clicked, this, &PipelinesPage::exportRun);
    connect(m_scene, &PipelineScene::jobActivated, this, &PipelinesPage::showJobLog);
    connect(m_scene, &PipelineScene::downstreamActivated, this, &PipelinesPage::openDownstream);
    connect(m_sourceTree, &QTreeWidget::itemSelectionChanged, this, [this] {
        const QList<QTreeWidgetItem *> items = m_sourceTree->selectedItems();
        if (items.isEmpty())
            return;
        const QString source = items.first()->data(0, Qt::UserRole).toString();
        const bool job = items.first()->data(0, Qt::UserRole + 1).toInt()
                         == int(PipelineSourceNode::Kind::Job);
        if (job && source != m_sourceName)
            useSource(source);
    });
    connect(m_scene, &PipelineScene::logTailWanted, this, &PipelinesPage::readLogTail);
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, m_runsModel, &PipelineRunsModel::tick);
    m_logTimer.setSingleShot(true);

    setClient(nullptr, QString());
}

PipelinesPage::~PipelinesPage() = default;

void PipelinesPage::setSourceChoices(const QStringList &labels, int current)
{
    const QSignalBlocker blocker(m_sourceChooser);
    m_sourceChooser->clear();
    m_sourceChooser->addItems(labels);
    m_sourceChooser->setCurrentIndex(current);
    m_sourceChooser->setVisible(labels.size() > 1);
}

void PipelinesPage::setClient(std::shared_ptr<PipelineClient> client, const QString &source)
{
    m_client = client;
    m_rootSource = source;
    const int generation = ++m_treeGeneration;
    {
        const QSignalBlocker blocker(m_sourceTree);
        m_sourceTree->clear();
    }
    m_sourceTree->hide();
    // Whether the source holds others (a Jenkins folder or multibranch project): its runs are
    // read once that is known (at once for providers without nesting).
    m_treePending = bool(client);
    useSource(source);
    if (client)
        client->sourceTree(source, this,
                           [this, generation](const Result<QList<PipelineSourceNode>> &nodes) {
                               if (generation != m_treeGeneration)
                                   return;
                               m_treePending = false;
                               // Unreadable: the runs say why (the poller reads them).
                               setSourceTree(nodes.ok() ? *nodes : QList<PipelineSourceNode>());
                           });
}

void PipelinesPage::setSourceTree(const QList<PipelineSourceNode> &nodes)
{
    QList<QTreeWidgetItem *> parents; // by depth
    QTreeWidgetItem *firstJob = nullptr;
    QTreeWidgetItem *mainJob = nullptr;
    {
        const QSignalBlocker blocker(m_sourceTree);
        m_sourceTree->clear();
        for (const PipelineSourceNode &node : nodes) {
            const int depth = std::clamp(node.depth, 0, int(parents.size()));
            parents.resize(depth);
            auto *item = parents.isEmpty() ? new QTreeWidgetItem(m_sourceTree)
                                           : new QTreeWidgetItem(parents.last());
            QString kind;
            switch (node.kind) {
            case PipelineSourceNode::Kind::Folder: kind = tr("folder"); break;
            case PipelineSourceNode::Kind::MultiBranch: kind = tr("multibranch"); break;
            case PipelineSourceNode::Kind::Job: break;
            }
            item->setText(0, kind.isEmpty() ? node.name : tr("%1 (%2)").arg(node.name, kind));
            item->setToolTip(0, node.source);
            if (node.kind == PipelineSourceNode::Kind::Job)
                item->setText(1, PipelineFormat::statusGlyph(node.status) + QLatin1Char(' ')
                                     + PipelineFormat::statusTitle(node.status));
            item->setData(0, Qt::UserRole, node.source);
            item->setData(0, Qt::UserRole + 1, int(node.kind));
            item->setExpanded(true);
            parents.append(item);
            if (node.kind == PipelineSourceNode::Kind::Job) {
                if (!firstJob)
                    firstJob = item;
                if (!mainJob
                    && (node.name == QLatin1String("main") || node.name == QLatin1String("master")))
                    mainJob = item;
            }
        }
    }
    m_sourceTree->setVisible(!nodes.isEmpty());
    if (QTreeWidgetItem *chosen = mainJob ? mainJob : firstJob)
        m_sourceTree->setCurrentItem(chosen); // selects it: useSource()
    else if (m_client && isVisible() && !m_poller->isActive())
        m_poller->start(); // a source with runs of its own
}

bool PipelinesPage::showTreeSource(const QString &source)
{
    for (QTreeWidgetItemIterator it(m_sourceTree); *it; ++it)
        if ((*it)->data(0, Qt::UserRole).toString() == source
            && (*it)->data(0, Qt::UserRole + 1).toInt() == int(PipelineSourceNode::Kind::Job)) {
            m_sourceTree->setCurrentItem(*it);
            return true;
        }
    return false;
}

void PipelinesPage::openDownstream(const QString &source, const QString &runId)
{
    if (!m_client || runId.isEmpty())
        return;
    if (!source.isEmpty() && source != m_sourceName) {
        emit runRequested(m_client->provider(), source, runId);
        return;
    }
    if (selectRun(runId))
        return;
    // Not in the list (older than its window): follow it anyway.
    {
        const QSignalBlocker blocker(m_table->selectionModel());
        m_table->clearSelection();
    }
    ++m_logGeneration;
    m_logJob.clear();
    m_log->clear();
    m_logTitle->clear();
    m_runModel->clear();
    m_poller->followRun(runId);
    m_poller->pollNow();
    updateActions();
}

void PipelinesPage::useSource(const QString &source)
{
    std::shared_ptr<PipelineClient> client = m_client;
    m_sourceName = source;
    ++m_logGeneration;
    m_logJob.clear();
    m_log->clear();
    m_logTitle->clear();
    m_fittedRun.clear();
    m_runsModel->setRuns({});
    m_runModel->clear();
    if (m_treePending)
        m_poller->stop();
    m_poller->setClient(client, source);
    if (!client) {
        m_empty->setText(tr(
            "No CI/CD provider is configured.\n\nOrrery reads GitHub Actions, GitLab CI and "
            "Jenkins. Give it a provider and a repository or job (see docs/pipelines.md, "
            "\"Providers\"): credentials come from where you keep them already (gh auth token or "
            "GH_TOKEN, GITLAB_TOKEN or glab's configuration, a Jenkins API token), never from "
            "Orrery's settings."));
        m_stack->setCurrentIndex(0);
        m_poller->stop();
    } else {
        m_empty->setText(tr("Reading the runs of %1…").arg(source));
        m_stack->setCurrentIndex(1);
        if (isVisible() && !m_treePending)
            m_poller->start();
    }
    m_export->setEnabled(false);
    m_refresh->setEnabled(bool(client));
    updateActions();
    updateHeader();
}

void PipelinesPage::setNow(const QDateTime &now)
{
    m_fixedClock = now.isValid();
    m_runsModel->setNow(now);
    m_runModel->setNow(now);
    m_scene->setNow(now);
    m_scene->setLiveTicking(!m_fixedClock);
    if (m_fixedClock)
        m_ticker.stop();
    else if (isVisible())
        m_ticker.start();
}

void PipelinesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_client && !m_poller->isActive() && !m_treePending)
        m_poller->start();
    if (!m_fixedClock)
        m_ticker.start();
    emit visibilityChanged(true);
}

void PipelinesPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // Nobody looks: no requests (the quota is shared with the user's other tools).
    m_poller->stop();
    m_ticker.stop();
    emit visibilityChanged(false);
}

bool PipelinesPage::selectRun(const QString &runId)
{
    const int row = m_runsModel->rowOf(runId);
    if (row < 0)
        return false;
    m_table->selectRow(row);
    return true;
}

void PipelinesPage::onRunSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const PipelineRun *run = rows.isEmpty() ? nullptr : m_runsModel->runAt(rows.first().row());
    const QString id = run ? run->id : QString();
    if (id == m_poller->followedRun())
        return;
    ++m_logGeneration;
    m_logJob.clear();
    m_log->clear();
    m_logTitle->clear();
    m_runModel->clear();
    m_poller->followRun(id);
    if (!m_poller->isActive() && m_client)
        m_poller->pollNow();
    m_export->setEnabled(run != nullptr);
    updateActions();
    emit runShown(id);
}

void PipelinesPage::onPolled(const std::optional<Error> &error)
{
    if (m_client && m_runsModel->rowCount() == 0 && !error)
        m_stack->setCurrentIndex(m_poller->followedRun().isEmpty() ? 0 : 1);
    if (m_runsModel->rowCount() > 0)
        m_stack->setCurrentIndex(1);
    if (error) {
        const QString detail = error->toString();
        m_status->setText(tr("Cannot read the runs; retrying in %1")
                              .arg(PipelineFormat::duration(m_poller->currentDelay() / 1000)));
        m_status->setToolTip(detail);
        if (m_runsModel->rowCount() == 0) {
            m_empty->setText(tr("The runs of %1 cannot be read: %2").arg(m_sourceName, detail));
            m_stack->setCurrentIndex(0);
        }
    } else {
        m_status->setText(tr("Updated %1")
                              .arg(QLocale().toString(m_poller->lastPolledAt().toLocalTime().time(),
                                                      QLocale::ShortFormat)));
        m_status->setToolTip(QString());
    }
    updateHeader();
}

void PipelinesPage::updateHeader()
{
    if (!m_client) {
        m_source->setText(tr("Pipelines: no provider configured"));
        m_quota->clear();
        m_quota->hide();
        m_status->clear();
        return;
    }
    m_source->setText(tr("%1 · %2").arg(providerTitle(m_client->provider()), m_sourceName));
    m_source->setToolTip(m_client->baseUrl());
    const PipelineQuota quota = m_poller->quota();
    if (quota.isKnown()) {
        QString text
            = quota.limit >= 0
                  ? tr("API quota: %1 of %2 left")
                        .arg(QLocale().toString(quota.remaining), QLocale().toString(quota.limit))
                  : tr("API quota: %1 left").arg(QLocale().toString(quota.remaining));
        if (quota.resetAt.isValid())
            text = tr("%1, renewed at %2")
                       .arg(text, QLocale().toString(quota.resetAt.toLocalTime().time(),
                                                     QLocale::ShortFormat));
        m_quota->setText(text);
        m_quota->show();
    } else {
        m_quota->clear();
        m_quota->hide();
    }
}

void PipelinesPage::showJobLog(const QString &jobId)
{
    const PipelineJob *job = m_runModel->jobAt(m_runModel->rowOf(jobId));
    if (!job || !m_client)
        return;
    ++m_logGeneration;
    m_logTimer.stop();
    m_logRest.clear();
    m_logJob = jobId;
    m_log->clear();
    m_logTitle->setText(
        tr("Log of %1 (%2)").arg(job->name, PipelineFormat::statusTitle(job->status)));
    readLog(m_runModel->run().id, jobId, 0, m_logGeneration);
}

void PipelinesPage::readLog(const QString &runId, const QString &jobId, qint64 offset,
                            int generation)
{
    m_client->jobLog(
        m_sourceName, runId, jobId, offset, this,
        [this, runId, jobId, offset, generation](const Result<PipelineLogChunk> &r) {
            if (generation != m_logGeneration)
                return;
            if (!r.ok()) {
                m_log->appendPlainText(tr("The log cannot be read: %1").arg(r.error().toString()));
                return;
            }
            // Pieces end anywhere (inside a line, a UTF-8 sequence, a colour escape): only
            // whole lines are shown, the rest waits for the next piece.
            m_logRest += r->text;
            const qsizetype cut = r->complete ? m_logRest.size() : m_logRest.lastIndexOf('\n') + 1;
            const QStringList lines = PipelineFormat::logLines(m_logRest.left(cut));
            m_logRest.remove(0, cut);
            if (m_logRest.size() > s_maxLogLineBytes) // a "line" without end: shown as it is
                m_logRest.clear();
            if (!lines.isEmpty()) {
                QScrollBar *bar = m_log->verticalScrollBar();
                const bool atEnd = bar->value() == bar->maximum();
                m_log->appendPlainText(lines.join(QLatin1Char('\n')));
                if (atEnd)
                    bar->setValue(bar->maximum());
            }
            if (r->complete)
                return;
            const qint64 next = r->nextOffset;
            if (next > offset) {
                // More is there already: read on at once.
                readLog(runId, jobId, next, generation);
                return;
            }
            // Streamed while the job runs: the next piece in a moment.
            disconnect(m_logNext);
            m_logNext = connect(&m_logTimer, &QTimer::timeout, this,
                                [this, runId, jobId, next, generation] {
                                    if (generation == m_logGeneration && m_client)
                                        readLog(runId, jobId, next, generation);
                                });
            m_logTimer.start(s_logPollMs);
        });
}

void PipelinesPage::readLogTail(const QString &jobId)
{
    if (!m_client || !m_runModel->hasRun())
        return;
    readLogTailFrom(m_runModel->run().id, jobId, 0, std::make_shared<QByteArray>(), 0);
}

void PipelinesPage::readLogTailFrom(const QString &runId, const QString &jobId, qint64 offset,
                                    std::shared_ptr<QByteArray> tail, int pieces)
{
    m_client->jobLog(
        m_sourceName, runId, jobId, offset, this,
        [this, runId, jobId, offset, tail, pieces](const Result<PipelineLogChunk> &r) {
            if (!r.ok() || !m_client || m_runModel->run().id != runId)
                return;
            // Only the end matters: keep the last bytes of what came.
            tail->append(r->text);
            if (tail->size() > s_tailBytes)
                tail->remove(0, tail->size() - s_tailBytes);
            if (!r->complete && r->nextOffset > offset && pieces < s_maxTailPieces) {
                readLogTailFrom(runId, jobId, r->nextOffset, tail, pieces + 1);
                return;
            }
            QStringList lines = PipelineFormat::logLines(*tail);
            while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
                lines.removeLast();
            m_scene->setLogTail(
                jobId, lines.mid(qMax<qsizetype>(0, lines.size() - PipelineScene::MaxLogLines)));
        });
}

void PipelinesPage::exportRun()
{
    if (!m_runModel->hasRun())
        return;
    const PipelineRun &run = m_runModel->run();
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export the run"), QStringLiteral("run-%1.png").arg(run.number),
        tr("PNG image (*.png);;SVG image (*.svg);;JSON (*.json)"));
    if (file.isEmpty())
        return;
    const Result<void> written = PipelineExporter::writeScene(m_scene, run, file);
    m_status->setText(written.ok() ? tr("Exported to %1").arg(file)
                                   : tr("Export failed: %1").arg(written.error().toString()));
}

const PipelineRun *PipelinesPage::listedRun(const QString &runId) const
{
    return m_runsModel->runAt(m_runsModel->rowOf(runId));
}

PipelineActionTarget PipelinesPage::targetOf(const QString &runId, const QString &jobId) const
{
    PipelineActionTarget target;
    target.source = m_sourceName;
    target.runId = runId;
    target.jobId = jobId;
    if (const PipelineRun *run = listedRun(runId))
        target.workflow = run->name;
    return target;
}

void PipelinesPage::updateActions()
{
    const PipelineRun *run = listedRun(m_poller->followedRun());
    const bool any = bool(m_client);
    m_run->setVisible(any);
    m_rerun->setVisible(any);
    m_cancel->setVisible(any);
    m_run->setEnabled(any);
    m_rerun->setEnabled(run && pipelineStatusIsFinal(run->status));
    m_cancel->setEnabled(run && !pipelineStatusIsFinal(run->status));
    if (m_client && m_client->provider() == PipelineProvider::Jenkins) {
        m_run->setText(tr("Build…"));
        m_rerun->setText(tr("Build again"));
        m_cancel->setText(tr("Abort build"));
    } else {
        m_run->setText(tr("Run…"));
        m_rerun->setText(tr("Re-run"));
        m_cancel->setText(tr("Cancel run"));
    }
}

QAction *PipelinesPage::offerAction(QList<QAction *> &actions, QObject *parent,
                                    PipelineAction action, const QString &label, bool enabled,
                                    const PipelineActionTarget &target)
{
    if (!m_client || !PipelineOperation::supports(m_client->provider(), action))
        return nullptr;
    auto *a = new QAction(label, parent);
    a->setObjectName(PipelineOperation::actionId(action));
    a->setEnabled(enabled);
    connect(a, &QAction::triggered, this, [this, action, target] {
        PipelineActionRequest request;
        request.action = action;
        request.target = target;
        ask(request);
    });
    actions << a;
    return a;
}

QList<QAction *> PipelinesPage::runActions(const QString &runId, QObject *parent)
{
    QList<QAction *> actions;
    const PipelineRun *run = listedRun(runId);
    if (!run || !m_client)
        return actions;
    const bool finished = pipelineStatusIsFinal(run->status);
    const bool failed
        = run->status == PipelineStatus::Failed || run->status == PipelineStatus::Cancelled;
    const PipelineActionTarget target = targetOf(runId);
    const bool jenkins = m_client->provider() == PipelineProvider::Jenkins;
    const bool gitlab = m_client->provider() == PipelineProvider::GitLab;
    offerAction(actions, parent, PipelineAction::Rerun,
                jenkins  ? tr("Build again with the same parameters")
                : gitlab ? tr("Run a new pipeline on the same ref")
                         : tr("Re-run all jobs"),
                finished, target);
    offerAction(actions, parent, PipelineAction::RerunFailed,
                gitlab ? tr("Retry failed jobs") : tr("Re-run failed jobs"), finished && failed,
                target);
    offerAction(actions, parent, PipelineAction::Cancel,
                jenkins ? tr("Abort build") : tr("Cancel run"), !finished, target);
    const bool waiting
        = run->status == PipelineStatus::Waiting
          || (m_runModel->hasRun() && m_runModel->run().id == runId
              && std::any_of(m_runModel->run().jobs.cbegin(), m_runModel->run().jobs.cend(),
                             [](const PipelineJob &j) {
                                 return j.manual && j.status == PipelineStatus::Waiting;
                             }));
    offerAction(actions, parent, PipelineAction::Approve,
                gitlab    ? tr("Play the manual job")
                : jenkins ? tr("Approve the input…")
                          : tr("Approve deployment…"),
                waiting, target);
    offerAction(actions, parent, PipelineAction::Reject,
                jenkins ? tr("Abort the input…") : tr("Reject deployment…"), waiting, target);
    return actions;
}

QList<QAction *> PipelinesPage::jobActions(const QString &jobId, QObject *parent)
{
    QList<QAction *> actions;
    const PipelineJob *job = m_runModel->jobAt(m_runModel->rowOf(jobId));
    if (!job || !m_client || !m_runModel->hasRun())
        return actions;
    const PipelineRun &run = m_runModel->run();
    const PipelineActionTarget target = targetOf(run.id, jobId);
    const bool gitlab = m_client->provider() == PipelineProvider::GitLab;
    const bool jenkins = m_client->provider() == PipelineProvider::Jenkins;
    const bool waiting = job->manual && job->status == PipelineStatus::Waiting;
    // GitLab retries a finished job while the pipeline runs; GitHub re-runs jobs of finished
    // runs only.
    offerAction(actions, parent, PipelineAction::RerunJob,
                gitlab ? tr("Retry job %1").arg(job->name) : tr("Re-run job %1").arg(job->name),
                pipelineStatusIsFinal(job->status) && (gitlab || pipelineStatusIsFinal(run.status)),
                target);
    offerAction(actions, parent, PipelineAction::Approve,
                gitlab    ? tr("Play %1").arg(job->name)
                : jenkins ? tr("Approve the input of %1…").arg(job->name)
                          : tr("Approve the deployment of %1…").arg(job->name),
                waiting, target);
    offerAction(actions, parent, PipelineAction::Reject,
                jenkins ? tr("Abort the input of %1…").arg(job->name)
                        : tr("Reject the deployment of %1…").arg(job->name),
                waiting, target);
    offerAction(actions, parent, PipelineAction::DownloadLog,
                jenkins ? tr("Download the console…")
                        : tr("Download the log of %1…").arg(job->name),
                job->status != PipelineStatus::Queued && job->status != PipelineStatus::Unknown
                    && job->status != PipelineStatus::Skipped,
                target);
    return actions;
}

void PipelinesPage::requestTrigger()
{
    if (!m_client)
        return;
    const PipelineRun *run = listedRun(m_poller->followedRun());
    PipelineTrigger initial;
    if (run) {
        initial.ref = run->branch;
        if (m_client->provider() == PipelineProvider::GitHub)
            initial.workflow = run->name;
    }
    auto *dialog = new PipelineTriggerDialog(m_client->provider(), m_sourceName, initial, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        PipelineActionRequest request;
        request.action = PipelineAction::Trigger;
        request.target = targetOf(QString());
        request.trigger = dialog->trigger();
        request.target.workflow = request.trigger.workflow;
        emit actionRequested(request);
    });
    dialog->open();
}

void PipelinesPage::ask(PipelineActionRequest request)
{
    const bool review
        = request.action == PipelineAction::Approve || request.action == PipelineAction::Reject;
    if (review && m_client && m_client->provider() == PipelineProvider::GitHub) {
        // GitHub keeps a comment with a review.
        auto *dialog = new QInputDialog(this);
        dialog->setObjectName(QStringLiteral("PipelineReviewComment"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(request.action == PipelineAction::Approve
                                   ? tr("Approve the deployment")
                                   : tr("Reject the deployment"));
        dialog->setLabelText(tr("Comment (optional):"));
        connect(dialog, &QInputDialog::textValueSelected, this,
                [this, request](const QString &text) mutable {
                    request.comment = text;
                    emit actionRequested(request);
                });
        dialog->open();
        return;
    }
    if (request.action == PipelineAction::DownloadLog) {
        auto *dialog = new QFileDialog(this, tr("Save the log"),
                                       QStringLiteral("job-%1.log").arg(request.target.jobId));
        dialog->setObjectName(QStringLiteral("PipelineLogFile"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        connect(dialog, &QFileDialog::fileSelected, this,
                [this, request](const QString &file) mutable {
                    request.logFile = file;
                    emit actionRequested(request);
                });
        dialog->open();
        return;
    }
    emit actionRequested(request);
}

} // namespace Orrery
