// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbookrunner.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>

#include <algorithm>

namespace Orrery {

RunbookRunner::RunbookRunner(RunbookExecutor *executor, QObject *parent)
    : QObject(parent)
    , m_executor(executor)
{
}

Result<void> RunbookRunner::checkContext(const Runbook &book, const QString &context)
{
    if (book.context.isEmpty() || book.context == context)
        return {};
    Error e(Error::Code::InvalidArgument,
            tr("The runbook is pinned to context \"%1\"; it refuses to run against \"%2\".")
                .arg(book.context, context));
    e.file = book.fileName;
    return e;
}

bool RunbookRunner::isWrite(const RunbookStep &step)
{
    switch (step.type) {
    case RunbookStep::Type::Caption:
    case RunbookStep::Type::Show:
    case RunbookStep::Type::Wait:
    case RunbookStep::Type::WaitForRollout: return false;
    case RunbookStep::Type::Apply: return !step.dryRun;
    default: return true;
    }
}

Result<void> RunbookRunner::checkProtection(const Runbook &book, const QString &context,
                                            bool clusterProtected, const QString &confirmedContext)
{
    if (!clusterProtected || confirmedContext == context)
        return {};
    const auto write
        = std::find_if(book.steps.cbegin(), book.steps.cend(), &RunbookRunner::isWrite);
    if (write == book.steps.cend())
        return {};
    Error e(Error::Code::InvalidArgument,
            confirmedContext.isEmpty()
                ? tr("Context \"%1\" reaches a protected cluster and step %2 (line %3) changes it; "
                     "nothing was sent.")
                      .arg(context)
                      .arg(write - book.steps.cbegin() + 1)
                      .arg(write->line)
                : tr("--yes-i-mean names \"%1\", but the runbook would run against context \"%2\" "
                     "on a protected cluster; nothing was sent.")
                      .arg(confirmedContext, context));
    e.hint = tr("to write to it anyway, repeat the context name: --yes-i-mean %1").arg(context);
    e.file = book.fileName;
    return e;
}

void RunbookRunner::start(const Runbook &book)
{
    if (m_running)
        cancel();
    m_book = book;
    m_outcomes.clear();
    m_index = 0;
    m_running = true;
    m_waiting = false;
    ++m_generation;
    // Queued: signals reach the view only after start() returned, even for a caption.
    QMetaObject::invokeMethod(this, &RunbookRunner::runNext, Qt::QueuedConnection);
}

void RunbookRunner::setExecutor(RunbookExecutor *executor)
{
    if (m_executor == executor)
        return;
    cancel();
    m_executor = executor;
}

void RunbookRunner::next()
{
    if (!isWaitingForNext())
        return;
    m_waiting = false;
    runStep();
}

void RunbookRunner::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    m_waiting = false;
    ++m_generation;
    if (m_executor)
        m_executor->cancel();
    emit finished(false, -1);
}

void RunbookRunner::runNext()
{
    if (!m_running)
        return;
    if (m_index >= m_book.steps.size()) {
        m_running = false;
        emit finished(true, -1);
        return;
    }
    if (m_stepByStep) {
        m_waiting = true;
        emit waitingForNext(m_index);
        return;
    }
    runStep();
}

void RunbookRunner::runStep()
{
    const int index = m_index;
    const RunbookStep &step = m_book.steps.at(index);
    emit stepStarted(index);
    if (step.type == RunbookStep::Type::Caption) {
        onOutcome(m_generation, index, StepOutcome{true, step.text, {}});
        return;
    }
    if (step.type == RunbookStep::Type::Show) { // the player switches views; nothing to run
        onOutcome(m_generation, index, StepOutcome{true, step.view, {}});
        return;
    }
    if (!m_executor) {
        onOutcome(
            m_generation, index,
            StepOutcome{
                false, {}, Error(Error::Code::Unsupported, tr("No cluster to run the step on."))});
        return;
    }
    const quint64 generation = m_generation;
    QPointer<RunbookRunner> self(this);
    m_executor->execute(step, [self, generation, index](StepOutcome outcome) {
        if (!self)
            return;
        // The executor may answer synchronously or from a worker thread.
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, index, outcome]() {
                if (self)
                    self->onOutcome(generation, index, outcome);
            },
            Qt::QueuedConnection);
    });
}

void RunbookRunner::onOutcome(quint64 generation, int index, StepOutcome outcome)
{
    if (generation != m_generation || !m_running || index != m_index)
        return;
    if (!outcome.ok && outcome.message.isEmpty())
        outcome.message = outcome.error.toString();
    m_outcomes.append(outcome);
    emit stepFinished(index, outcome.ok, outcome.message);
    if (!outcome.ok) {
        m_running = false;
        emit finished(false, index);
        return;
    }
    ++m_index;
    QMetaObject::invokeMethod(this, &RunbookRunner::runNext, Qt::QueuedConnection);
}

} // namespace Orrery
