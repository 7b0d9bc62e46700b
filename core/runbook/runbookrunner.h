// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runbookexecutor.h"
#include "runbookstep.h"

#include <QList>
#include <QObject>

namespace Orrery {

// Runs a runbook's steps in order through a RunbookExecutor and reports each outcome,
// stopping at the first failure (later steps usually assume the earlier ones worked, as in
// a shell script with `set -e`). Captions complete immediately without the executor.
// Step by step (presenter mode), the runner waits for next() before every step instead.
// Invariant: at most one step is in flight; outcomes arriving after cancel() are ignored.
class RunbookRunner : public QObject
{
    Q_OBJECT

public:
    explicit RunbookRunner(RunbookExecutor *executor, QObject *parent = nullptr);

    // A runbook pinned to a context (its `context:` field) refuses every other one; callers
    // check before start(), the headless player and the in-app player alike.
    static Result<void> checkContext(const Runbook &book, const QString &context);

    // A step that changes the cluster: everything but captions, shows, waits and dry-run
    // applies.
    static bool isWrite(const RunbookStep &step);

    // On a protected cluster a runbook with a write step runs only when the user named the
    // context explicitly (`orrery --play ... --yes-i-mean CONTEXT`, the headless counterpart
    // of typing the name in the confirmation). `confirmedContext` is that name, or empty.
    static Result<void> checkProtection(const Runbook &book, const QString &context,
                                        bool clusterProtected, const QString &confirmedContext);

    // A new executor (another context) cancels the run in progress.
    void setExecutor(RunbookExecutor *executor);

    // Takes effect at the next start().
    void setStepByStep(bool stepByStep) { m_stepByStep = stepByStep; }

    void start(const Runbook &book);
    // Step by step: runs the next step. Ignored while a step is in flight or when not waiting.
    void next();
    void cancel();
    bool isRunning() const { return m_running; }
    bool isWaitingForNext() const { return m_running && m_waiting; }
    // The step that runs next (or is running).
    int currentIndex() const { return m_index; }
    const QList<StepOutcome> &outcomes() const { return m_outcomes; }

signals:
    // Step by step: the runner waits for next() to run step `index`.
    void waitingForNext(int index);
    void stepStarted(int index);
    void stepFinished(int index, bool ok, const QString &message);
    // ok: every step succeeded; otherwise failedIndex is the step that failed (-1: cancelled).
    void finished(bool ok, int failedIndex);

private:
    void runNext();
    void runStep();
    void onOutcome(quint64 generation, int index, StepOutcome outcome);

    RunbookExecutor *m_executor;
    Runbook m_book;
    QList<StepOutcome> m_outcomes;
    int m_index = 0;
    bool m_running = false;
    bool m_stepByStep = false;
    bool m_waiting = false;
    quint64 m_generation = 0; // bumps on start/cancel so stale callbacks are dropped
};

} // namespace Orrery
