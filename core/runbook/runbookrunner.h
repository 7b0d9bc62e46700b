// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runbookexecutor.h"
#include "runbookstep.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QTimer;

namespace Orrery {

class ResourceStore;

// Runs a runbook's steps in order through a RunbookExecutor and reports each outcome,
// stopping at the first failure (later steps usually assume the earlier ones worked, as in
// a shell script with `set -e`). Captions complete immediately without the executor.
// Step by step (presenter mode), the runner waits for next() before every step instead.
// A step with `expect:` entries finishes only once they are settled: after its action succeeded
// the runner reads the informer store (setExpectationStore) on every change until each entry
// holds (then the step succeeds) or one is still false when its `within` runs out (then the
// step fails with what was observed). expectationChanged reports each entry on the way.
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

    // The store expectations are read from (the session of the cluster the executor writes
    // to) and the namespace of entries that name none and whose step has none (the
    // context's). Without a store a step with expectations fails, saying so.
    void setExpectationStore(ResourceStore *store, const QString &defaultNamespace);

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
    // The latest status of each `expect:` entry of step `index` (Pending before it ran).
    QList<ExpectationStatus> expectationStatuses(int index) const;

signals:
    // Step by step: the runner waits for next() to run step `index`.
    void waitingForNext(int index);
    void stepStarted(int index);
    void stepFinished(int index, bool ok, const QString &message);
    // Entry `expectation` of step `step` changed state (Checking, Holds, Failed) or reading.
    void expectationChanged(int step, int expectation, const Orrery::ExpectationStatus &status);
    // ok: every step succeeded; otherwise failedIndex is the step that failed (-1: cancelled).
    void finished(bool ok, int failedIndex);

private:
    void runNext();
    void runStep();
    void onOutcome(quint64 generation, int index, StepOutcome outcome);
    void finishStep(int index, StepOutcome outcome);
    void checkExpectations(int index, StepOutcome outcome);
    // One pass over the entries of the step being checked; settles the step when it can.
    void evaluateExpectations();
    void stopChecking();

    RunbookExecutor *m_executor;
    Runbook m_book;
    QList<StepOutcome> m_outcomes;
    int m_index = 0;
    bool m_running = false;
    bool m_stepByStep = false;
    bool m_waiting = false;
    quint64 m_generation = 0; // bumps on start/cancel so stale callbacks are dropped

    QPointer<ResourceStore> m_store;
    QString m_defaultNamespace;
    QList<QList<ExpectationStatus>> m_expectations; // per step
    // The step whose entries are being checked: its action's outcome and the deadlines.
    struct Checking
    {
        int index = -1;
        StepOutcome outcome;
        QList<qint64> deadlines; // ms since the epoch, per entry
    };
    Checking m_checking;
    QTimer *m_checkTimer;
    QMetaObject::Connection m_storeConnection;
};

} // namespace Orrery
