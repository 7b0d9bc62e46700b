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
// Invariant: at most one step is in flight; outcomes arriving after cancel() are ignored.
class RunbookRunner : public QObject
{
    Q_OBJECT

public:
    explicit RunbookRunner(RunbookExecutor *executor, QObject *parent = nullptr);

    void start(const Runbook &book);
    void cancel();
    bool isRunning() const { return m_running; }
    const QList<StepOutcome> &outcomes() const { return m_outcomes; }

signals:
    void stepStarted(int index);
    void stepFinished(int index, bool ok, const QString &message);
    // ok: every step succeeded; otherwise failedIndex is the step that failed (-1: cancelled).
    void finished(bool ok, int failedIndex);

private:
    void runNext();
    void onOutcome(quint64 generation, int index, StepOutcome outcome);

    RunbookExecutor *m_executor;
    Runbook m_book;
    QList<StepOutcome> m_outcomes;
    int m_index = 0;
    bool m_running = false;
    quint64 m_generation = 0;  // bumps on start/cancel so stale callbacks are dropped
};

} // namespace Orrery
