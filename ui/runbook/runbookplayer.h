// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <runbook/runbookstep.h>
#include <util/result.h>

#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Orrery {

class AuditLog;
class ClusterRunbookExecutor;
class ClusterSession;
class ClusterWriteExecutor;
class ConfirmDialog;
class ContextPreferences;
class RunbookRunner;

// Plays a runbook against the active context, one step per key press (presenter mode: Right,
// Space or PageDown, which is what presentation clickers send, or the "Next step" button).
// The runbook comes from a file or from the shipped ones pinned to the active context (the
// demo scenarios). Starting asks for confirmation once, listing every step that writes, with
// the same protected-context rule as single actions; a runbook pinned to another context
// refuses to start. Writes go through the audited ClusterWriteExecutor. A caption step shows
// its text large; every step shows its outcome, and each of its `expect:` entries a child row
// (pending, checking, holds or failed, with what the session's store showed).
class RunbookPlayer : public QWidget
{
    Q_OBJECT
public:
    explicit RunbookPlayer(QWidget *parent = nullptr);
    ~RunbookPlayer() override;

    void setSession(ClusterSession *session);
    // Colour, display name and protected mark of contexts for the confirmation; optional.
    void setPreferences(ContextPreferences *preferences) { m_preferences = preferences; }
    // The application's audit log (built once in app/, not owned). Without one the player
    // does not run steps: every write is recorded.
    void setAuditLog(AuditLog *audit);

    Result<void> loadFile(const QString &path);
    void setRunbook(const Runbook &book);
    const Runbook &runbook() const { return m_book; }

    // Asks for confirmation, then starts; the first step runs on the next "next".
    void requestStart();
    // Runs the next step (starting first if the runbook is not started).
    void next();
    // Plays on the live diagram: starts first (after confirmation) if not running, then emits
    // presentRequested (the app opens presenter mode with the captions over the topology).
    void present();
    void stop();

    bool isRunning() const;
    bool isWaitingForNext() const;

    // For tests and screenshots.
    QTreeWidget *stepList() const { return m_steps; }
    QLabel *captionLabel() const { return m_caption; }
    QLabel *statusLabel() const { return m_status; }
    // Shown once the audit log fails to record a line (AuditLog::writeFailed).
    QLabel *auditWarning() const { return m_auditWarning; }
    QPushButton *nextButton() const { return m_next; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *presentButton() const { return m_present; }
    QComboBox *shippedList() const { return m_shipped; }
    ConfirmDialog *confirmDialog() const;
    RunbookRunner *runner() const { return m_runner; }

signals:
    void finished(bool ok, int failedIndex);
    // The running runbook should be shown over the diagram (presenter mode).
    void presentRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildExecutor();
    void fillShipped();
    void onShippedChosen(int index);
    void openFile();
    void showSteps();
    void start();
    void onWaiting(int index);
    void onStepStarted(int index);
    void onStepFinished(int index, bool ok, const QString &message);
    void onFinished(bool ok, int failedIndex);
    void onExpectationChanged(int step, int expectation, const ExpectationStatus &status);
    void showExpectation(QTreeWidgetItem *item, const ExpectationStatus &status);
    void updateButtons();
    void showCaption(const QString &text);
    void showAuditFailure(const QString &message);
    QString confirmationSummary() const;

    QPointer<ClusterSession> m_session;
    QString m_context;
    ContextPreferences *m_preferences = nullptr;
    QPointer<AuditLog> m_audit;
    std::unique_ptr<ClusterWriteExecutor> m_writer;
    ClusterRunbookExecutor *m_executor = nullptr;
    RunbookRunner *m_runner;
    Runbook m_book;
    bool m_startAfterConfirm = false;
    bool m_presentAfterConfirm = false;
    bool m_played
        = false; // started since loaded  // "next" pressed before start: run step 1 once confirmed

    QComboBox *m_shipped;
    QPushButton *m_open;
    QLabel *m_title;
    QLabel *m_description;
    QLabel *m_caption;
    QTreeWidget *m_steps = nullptr;
    QPushButton *m_start;
    QPushButton *m_next;
    QPushButton *m_stop;
    QPushButton *m_present;
    QLabel *m_status;
    QLabel *m_auditWarning;
    QPointer<ConfirmDialog> m_confirm;
};

// One line saying what a step does ("setImage deployment/web: web → shop/web:1.3").
QString describeRunbookStep(const RunbookStep &step);

} // namespace Orrery
