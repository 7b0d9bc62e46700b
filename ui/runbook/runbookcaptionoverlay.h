// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <runbook/runbookrunner.h>
#include <runbook/runbookstep.h>

#include <QFrame>
#include <QPointer>

class QLabel;

namespace Orrery {

// A runbook's captions over the live diagram (presenter mode): a band at the bottom of its
// parent with the step counter ("Step 3 / 8") and the runbook's name, the current caption in
// large type, what the step does and how it ended, and the step's `expect:` entries as they
// are checked. Follows a RunbookRunner through its signals only (waitingForNext, stepStarted,
// stepFinished, expectationChanged, finished): whoever started the runner (the Runbooks page's
// player, after its confirmation) keeps owning it.
class RunbookCaptionOverlay : public QFrame
{
    Q_OBJECT

public:
    explicit RunbookCaptionOverlay(QWidget *parent = nullptr);

    // Follows `runner`, which plays `book`; shows the state it is in now.
    void follow(RunbookRunner *runner, const Runbook &book);
    RunbookRunner *runner() const { return m_runner; }
    const Runbook &runbook() const { return m_book; }

    // Keeps the overlay across the bottom of its parent; call on the parent's resize.
    void place();

    QLabel *counterLabel() const { return m_counter; }
    QLabel *captionLabel() const { return m_caption; }
    QLabel *statusLabel() const { return m_status; }
    // The current step's `expect:` entries and their state, one line each (hidden without).
    QLabel *expectationsLabel() const { return m_expectations; }

signals:
    // A step that names a view ("show: chart"), when it starts.
    void viewRequested(const RunbookStep &step);

private:
    void onWaiting(int index);
    void onStarted(int index);
    void onFinished(int index, bool ok, const QString &message);
    void onRunFinished(bool ok, int failedIndex);
    void setCounter(int shown);
    void setStatus(const QString &text, bool failed);
    void onExpectation(int step, int expectation, const ExpectationStatus &status);
    void showExpectations();

    QPointer<RunbookRunner> m_runner;
    Runbook m_book;
    QLabel *m_counter;
    QLabel *m_caption;
    QLabel *m_status;
    QLabel *m_expectations;
    int m_expectStep = -1; // whose entries m_expectations shows
    QList<ExpectationStatus> m_expectStates;
    QString m_outcome; // how the last step ended, kept up beside what comes next
};

} // namespace Orrery
