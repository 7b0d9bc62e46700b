// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbookrunner.h"

#include "kube/resourcestore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaObject>
#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace Orrery {

RunbookRunner::RunbookRunner(RunbookExecutor *executor, QObject *parent)
    : QObject(parent)
    , m_executor(executor)
    , m_checkTimer(new QTimer(this))
{
    qRegisterMetaType<Orrery::ExpectationStatus>();
    // Store changes drive the checks; the timer catches deadlines when the store is quiet.
    m_checkTimer->setInterval(500);
    connect(m_checkTimer, &QTimer::timeout, this, &RunbookRunner::evaluateExpectations);
}

void RunbookRunner::setExpectationStore(ResourceStore *store, const QString &defaultNamespace)
{
    if (m_store != store)
        stopChecking();
    m_store = store;
    m_defaultNamespace = defaultNamespace;
    // A check in progress goes on against the new store.
    if (m_checking.index >= 0 && m_store)
        m_storeConnection
            = connect(m_store, &ResourceStore::changed, this, &RunbookRunner::evaluateExpectations);
}

QList<ExpectationStatus> RunbookRunner::expectationStatuses(int index) const
{
    if (index >= 0 && index < m_expectations.size())
        return m_expectations.at(index);
    if (index >= 0 && index < m_book.steps.size())
        return QList<ExpectationStatus>(m_book.steps.at(index).expectations.size());
    return {};
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
    m_expectations.clear();
    for (const RunbookStep &step : m_book.steps)
        m_expectations.append(QList<ExpectationStatus>(step.expectations.size()));
    stopChecking();
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
    stopChecking();
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
    if (outcome.ok && !m_book.steps.at(index).expectations.isEmpty()) {
        checkExpectations(index, outcome);
        return;
    }
    finishStep(index, outcome);
}

void RunbookRunner::finishStep(int index, StepOutcome outcome)
{
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

void RunbookRunner::stopChecking()
{
    m_checkTimer->stop();
    disconnect(m_storeConnection);
    m_checking = {};
}

void RunbookRunner::checkExpectations(int index, StepOutcome outcome)
{
    const RunbookStep &step = m_book.steps.at(index);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_checking.index = index;
    m_checking.outcome = std::move(outcome);
    m_checking.deadlines.clear();
    for (int i = 0; i < step.expectations.size(); ++i) {
        m_checking.deadlines.append(now + qint64(step.expectations.at(i).withinSeconds) * 1000);
        m_expectations[index][i] = {ExpectationStatus::State::Checking, {}};
        emit expectationChanged(index, i, m_expectations[index][i]);
    }
    if (m_store)
        m_storeConnection
            = connect(m_store, &ResourceStore::changed, this, &RunbookRunner::evaluateExpectations);
    m_checkTimer->start();
    evaluateExpectations();
}

void RunbookRunner::evaluateExpectations()
{
    const int index = m_checking.index;
    if (index < 0 || !m_running || index != m_index)
        return;
    const RunbookStep &step = m_book.steps.at(index);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int failed = -1;
    bool allHold = true;
    for (int i = 0; i < step.expectations.size(); ++i) {
        ExpectationStatus &status = m_expectations[index][i];
        if (status.state == ExpectationStatus::State::Holds)
            continue; // "within": once true, the claim was true
        const RunbookExpectation &e = step.expectations.at(i);
        ExpectationReading reading;
        if (m_store) {
            QString ns = e.ns.isEmpty() ? step.ns : e.ns;
            if (ns.isEmpty())
                ns = m_defaultNamespace;
            reading = evaluateExpectation(e, *m_store, ns);
        } else {
            reading = {false, false, tr("no cluster state to check it against")};
        }
        ExpectationStatus next{ExpectationStatus::State::Checking, reading.observed};
        if (reading.holds)
            next.state = ExpectationStatus::State::Holds;
        else if (now >= m_checking.deadlines.at(i))
            next.state = ExpectationStatus::State::Failed;
        if (next.state != status.state || next.observed != status.observed) {
            status = next;
            emit expectationChanged(index, i, status);
        }
        if (status.state != ExpectationStatus::State::Holds)
            allHold = false;
        if (status.state == ExpectationStatus::State::Failed && failed < 0)
            failed = i;
    }
    if (!allHold && failed < 0)
        return;
    StepOutcome outcome = m_checking.outcome;
    stopChecking();
    if (failed >= 0) {
        const RunbookExpectation &e = step.expectations.at(failed);
        const QString message = tr("expected %1 within %2 s (line %3); observed: %4")
                                    .arg(e.describe())
                                    .arg(e.withinSeconds)
                                    .arg(e.line)
                                    .arg(m_expectations[index][failed].observed);
        outcome = StepOutcome{false, message, Error(Error::Code::Unknown, message)};
        // The run stops here: entries still undecided were not checked to the end.
        for (int i = 0; i < step.expectations.size(); ++i) {
            ExpectationStatus &status = m_expectations[index][i];
            if (status.state == ExpectationStatus::State::Checking) {
                status.state = ExpectationStatus::State::Pending;
                emit expectationChanged(index, i, status);
            }
        }
    }
    finishStep(index, outcome);
}

} // namespace Orrery
