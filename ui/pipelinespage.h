// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <operations/pipelineoperations.h>
#include <pipelines/pipelineclient.h>

#include <QDateTime>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTreeWidget;

namespace Orrery {

class PipelineDiagramView;
class PipelinePoller;
class PipelineRunModel;
class PipelineRunsModel;
class PipelineScene;

// The "Pipelines" page: the runs of one source (a GitHub repository, a GitLab project, a
// Jenkins job) in a live list (PipelineRunsModel), the selected run's diagram (PipelineScene)
// and a log pane. The header says where the runs come from (provider, source, API base) and,
// when the client reports it, the API quota left; the status line says when the runs were read
// or why they could not be (with the back-off delay). Clicking a job shows its full log, read
// progressively while the job runs; a failed job's last lines appear on its node. "Export…"
// writes the shown run as PNG, SVG or JSON.
//
// Actions (docs/pipelines.md, "Actions"): "Run…", "Re-run" and "Cancel run" in the header,
// the run actions in the runs list's context menu, the job actions (re-run a job, approve or
// reject what waits, download its log) in the diagram's; only those the provider has
// (PipelineOperation::supports), enabled by the run's and job's status. The page asks for
// the parameters (ref and inputs, a review comment, the log's file) and emits
// actionRequested(): the owner runs it as an operation (preview, confirmation, audit, report).
//
// A source that holds others (a Jenkins folder or multibranch project,
// PipelineClient::sourceTree) shows them as a tree above the runs list (folder → multibranch
// project → branch job); choosing a job shows its runs, and the actions act on that job. A
// trigger job in the diagram (a GitLab bridge) opens the pipeline it started: a child pipeline
// of the same project is selected (or followed) here; another project's is asked for with
// runRequested (the owner switches to that source when it follows it).
//
// Without a client (no provider configured) the page says how to configure one.
class PipelinesPage : public QWidget
{
    Q_OBJECT
public:
    explicit PipelinesPage(QWidget *parent = nullptr);
    ~PipelinesPage() override;

    // The provider to read and the source in it; null: none configured.
    void setClient(std::shared_ptr<PipelineClient> client, const QString &source);
    // The sources the user follows, as shown in the header's chooser (hidden with fewer than
    // two); choosing one emits sourceChosen(index), and the owner gives the page its client.
    void setSourceChoices(const QStringList &labels, int current);
    QComboBox *sourceChooser() const { return m_sourceChooser; }
    // Fixes the clock durations are shown against (screenshots, tests) and stops ticking.
    void setNow(const QDateTime &now);
    // Selects a run (by id) in the list; false when it is not listed.
    bool selectRun(const QString &runId);
    // Shows a job's full log in the log pane.
    void showJobLog(const QString &jobId);

    PipelinePoller *poller() const { return m_poller; }
    PipelineRunsModel *runsModel() const { return m_runsModel; }
    PipelineRunModel *runModel() const { return m_runModel; }
    PipelineScene *scene() const { return m_scene; }
    PipelineDiagramView *diagramView() const { return m_view; }
    QTableView *runsTable() const { return m_table; }
    // The tree of the sources inside the configured one (hidden when it has none), and the
    // source whose runs are shown (the configured one, or the job chosen in the tree).
    QTreeWidget *sourceTree() const { return m_sourceTree; }
    QString shownSource() const { return m_sourceName; }
    // Shows the runs of `source`, a job of the tree; false when the tree has no such job.
    bool showTreeSource(const QString &source);
    // Opens a run a trigger job started (see above).
    void openDownstream(const QString &source, const QString &runId);
    QPlainTextEdit *logView() const { return m_log; }
    QLabel *logTitle() const { return m_logTitle; }
    QLabel *sourceLabel() const { return m_source; }
    QLabel *quotaLabel() const { return m_quota; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *emptyLabel() const { return m_empty; }
    QString shownJob() const { return m_logJob; }

    // The actions on a run (the runs list's context menu) and on a job of the shown run (the
    // diagram's), parented to `parent`: only the provider's, enabled by status. Triggering one
    // asks for its parameters when it has any, then emits actionRequested().
    QList<QAction *> runActions(const QString &runId, QObject *parent);
    QList<QAction *> jobActions(const QString &jobId, QObject *parent);
    // Asks for a new run's ref and inputs ("Run…"), prefilled from the selected run.
    void requestTrigger();
    QPushButton *runButton() const { return m_run; }
    QPushButton *rerunButton() const { return m_rerun; }
    QPushButton *cancelButton() const { return m_cancel; }

signals:
    // An action the user asked for, its parameters given; the owner makes the operation
    // (PipelineOperation::create) and runs it through the ActionController.
    void actionRequested(const Orrery::PipelineActionRequest &request);
    // The page was shown or hidden (its poller reads at full rate only while shown).
    void visibilityChanged(bool visible);
    // The run shown in the diagram changed (empty: none).
    void runShown(const QString &runId);
    void sourceChosen(int index);
    // A downstream run of another source was asked for (a multi-project pipeline's bridge).
    void runRequested(Orrery::PipelineProvider provider, const QString &source,
                      const QString &runId);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onPolled(const std::optional<Error> &error);
    // Shows the runs of `source` with the current client (setClient and the tree).
    void useSource(const QString &source);
    void setSourceTree(const QList<PipelineSourceNode> &nodes);
    void onRunSelected();
    void readLog(const QString &runId, const QString &jobId, qint64 offset, int generation);
    void readLogTail(const QString &jobId);
    void readLogTailFrom(const QString &runId, const QString &jobId, qint64 offset,
                         std::shared_ptr<QByteArray> tail, int pieces);
    void updateHeader();
    void exportRun();
    void updateActions();
    // Asks for the parameters `request` needs (a comment, a file), then emits it.
    void ask(PipelineActionRequest request);
    QAction *offerAction(QList<QAction *> &actions, QObject *parent, PipelineAction action,
                         const QString &label, bool enabled, const PipelineActionTarget &target);
    PipelineActionTarget targetOf(const QString &runId, const QString &jobId = {}) const;
    const PipelineRun *listedRun(const QString &runId) const;

    std::shared_ptr<PipelineClient> m_client;
    QString m_sourceName;
    PipelinePoller *m_poller;
    PipelineRunsModel *m_runsModel;
    PipelineRunModel *m_runModel;
    PipelineScene *m_scene;
    PipelineDiagramView *m_view;
    QTableView *m_table;
    QTreeWidget *m_sourceTree;
    QString m_rootSource;
    int m_treeGeneration = 0;
    bool m_treePending = false;
    QPlainTextEdit *m_log;
    QLabel *m_logTitle;
    QComboBox *m_sourceChooser = nullptr;
    QLabel *m_source;
    QLabel *m_quota;
    QLabel *m_status;
    QLabel *m_empty;
    QStackedWidget *m_stack;
    QPushButton *m_refresh;
    QPushButton *m_export;
    QPushButton *m_run;
    QPushButton *m_rerun;
    QPushButton *m_cancel;
    QTimer m_ticker;
    QTimer m_logTimer; // the next piece of a running job's log
    QMetaObject::Connection m_logNext;
    QString m_logJob;
    QByteArray m_logRest; // the unfinished last line of the log read so far
    int m_logGeneration = 0;
    bool m_fixedClock = false;
    QString m_fittedRun;
};

} // namespace Orrery
