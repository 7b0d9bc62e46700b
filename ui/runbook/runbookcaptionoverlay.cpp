// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbookcaptionoverlay.h"

#include "runbookplayer.h"

#include <runbook/runbookrunner.h>

#include <QCoreApplication>

#include <QFileInfo>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

namespace Orrery {

namespace {

QFont scaled(QFont font, qreal factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

RunbookCaptionOverlay::RunbookCaptionOverlay(QWidget *parent)
    : QFrame(parent)
    , m_counter(new QLabel(this))
    , m_caption(new QLabel(this))
    , m_status(new QLabel(this))
    , m_expectations(new QLabel(this))
{
    setObjectName(QStringLiteral("runbookCaptionOverlay"));
    setAttribute(Qt::WA_TransparentForMouseEvents); // the laser pointer still reaches the nodes
    setFocusPolicy(Qt::NoFocus);
    // Read from the back of a room: the caption three times the UI's size, bold; the counter
    // and the step's outcome half that. Dark band, light text, in either look: it sits over
    // the diagram and must not be mistaken for part of it.
    setAutoFillBackground(true);
    QPalette band = palette();
    band.setColor(QPalette::Window, QColor(18, 22, 28, 232));
    band.setColor(QPalette::WindowText, QColor(0xf2, 0xf4, 0xf7));
    setPalette(band);
    setFrameShape(QFrame::NoFrame);
    m_counter->setObjectName(QStringLiteral("runbookStepCounter"));
    m_counter->setFont(scaled(font(), 1.5, true));
    m_caption->setObjectName(QStringLiteral("runbookCaption"));
    m_caption->setFont(scaled(font(), 2.8, true));
    m_caption->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("runbookStepStatus"));
    m_status->setFont(scaled(font(), 1.4, false));
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 14, 28, 16);
    layout->setSpacing(6);
    layout->addWidget(m_counter);
    layout->addWidget(m_caption);
    layout->addWidget(m_status);
    m_expectations->setObjectName(QStringLiteral("runbookExpectations"));
    m_expectations->setFont(scaled(font(), 1.3, false));
    m_expectations->setWordWrap(true);
    m_expectations->hide();
    layout->addWidget(m_expectations);
}

void RunbookCaptionOverlay::follow(RunbookRunner *runner, const Runbook &book)
{
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_runner = runner;
    m_book = book;
    m_caption->clear();
    m_outcome.clear();
    setStatus({}, false);
    if (!runner)
        return;
    connect(runner, &RunbookRunner::waitingForNext, this, &RunbookCaptionOverlay::onWaiting);
    connect(runner, &RunbookRunner::stepStarted, this, &RunbookCaptionOverlay::onStarted);
    connect(runner, &RunbookRunner::stepFinished, this, &RunbookCaptionOverlay::onFinished);
    connect(runner, &RunbookRunner::finished, this, &RunbookCaptionOverlay::onRunFinished);
    connect(runner, &RunbookRunner::expectationChanged, this,
            &RunbookCaptionOverlay::onExpectation);
    m_expectStep = -1;
    m_expectStates.clear();
    showExpectations();
    // Joining a run in progress: the last caption shown so far, and where it stands.
    const int index = runner->currentIndex();
    const int shown = runner->isWaitingForNext() ? index - 1 : index;
    for (int i = std::min(shown, int(book.steps.size()) - 1); i >= 0; --i) {
        if (!book.steps.at(i).text.isEmpty()) {
            m_caption->setText(book.steps.at(i).text);
            break;
        }
    }
    if (runner->isWaitingForNext())
        onWaiting(index);
    else if (runner->isRunning())
        onStarted(index);
    else
        setCounter(int(book.steps.size()));
    place();
}

void RunbookCaptionOverlay::place()
{
    if (!parentWidget())
        return;
    const int width = parentWidget()->width();
    const int height = heightForWidth(width) > 0 ? heightForWidth(width) : sizeHint().height();
    setGeometry(0, parentWidget()->height() - height, width, height);
    raise();
}

void RunbookCaptionOverlay::setCounter(int shown)
{
    const QString name
        = m_book.name.isEmpty() ? QFileInfo(m_book.fileName).fileName() : m_book.name;
    m_counter->setText(tr("Step %1 / %2").arg(shown).arg(m_book.steps.size())
                       + QStringLiteral("  ·  ") + name);
}

void RunbookCaptionOverlay::setStatus(const QString &text, bool failed)
{
    m_status->setText(text);
    QPalette p = m_status->palette();
    p.setColor(QPalette::WindowText, failed ? QColor(0xff, 0x8a, 0x8a) : QColor(0xc8, 0xd0, 0xda));
    m_status->setPalette(p);
    m_status->setVisible(!text.isEmpty());
    place();
}

void RunbookCaptionOverlay::onWaiting(int index)
{
    if (index < 0 || index >= m_book.steps.size())
        return;
    setCounter(index); // steps done so far
    const QString next = tr("Next: %1").arg(describeRunbookStep(m_book.steps.at(index)));
    setStatus(m_outcome.isEmpty() ? next : m_outcome + QStringLiteral("   ·   ") + next, false);
}

void RunbookCaptionOverlay::onStarted(int index)
{
    if (index < 0 || index >= m_book.steps.size())
        return;
    const RunbookStep &step = m_book.steps.at(index);
    setCounter(index + 1);
    m_outcome.clear();
    m_expectStep = index;
    m_expectStates = QList<ExpectationStatus>(step.expectations.size());
    showExpectations();
    // A caption, or a step's own caption note, replaces the text on screen; a step without
    // one leaves the last caption up while it runs.
    if (!step.text.isEmpty())
        m_caption->setText(step.text);
    const bool quiet
        = step.type == RunbookStep::Type::Caption || step.type == RunbookStep::Type::Show;
    setStatus(quiet ? QString() : tr("%1 — running…").arg(describeRunbookStep(step)), false);
    emit viewRequested(step);
}

void RunbookCaptionOverlay::onFinished(int index, bool ok, const QString &message)
{
    if (index < 0 || index >= m_book.steps.size())
        return;
    const RunbookStep &step = m_book.steps.at(index);
    if ((step.type == RunbookStep::Type::Caption || step.type == RunbookStep::Type::Show) && ok)
        return;
    m_outcome = ok ? QStringLiteral("✓ ") + message
                   : tr("✗ Step %1 failed: %2").arg(index + 1).arg(message);
    setStatus(m_outcome, !ok);
}

void RunbookCaptionOverlay::onExpectation(int step, int expectation,
                                          const ExpectationStatus &status)
{
    if (step != m_expectStep || expectation < 0 || expectation >= m_expectStates.size())
        return;
    m_expectStates[expectation] = status;
    showExpectations();
}

// What the caption claims, checked on the live cluster while the audience watches: "✓" holds,
// "…" still checking (with what is observed), "✗" failed.
void RunbookCaptionOverlay::showExpectations()
{
    QStringList lines;
    bool failed = false;
    if (m_expectStep >= 0 && m_expectStep < m_book.steps.size()) {
        const QList<RunbookExpectation> &entries = m_book.steps.at(m_expectStep).expectations;
        for (int i = 0; i < entries.size() && i < m_expectStates.size(); ++i) {
            const ExpectationStatus &status = m_expectStates.at(i);
            using S = ExpectationStatus::State;
            const QString what = entries.at(i).describe();
            switch (status.state) {
            case S::Pending: lines << QStringLiteral("○ ") + what; break;
            case S::Checking:
                lines << (status.observed.isEmpty()
                              ? QStringLiteral("… ") + what
                              : tr("… %1 (now: %2)").arg(what, status.observed));
                break;
            case S::Holds: lines << QStringLiteral("✓ ") + what; break;
            case S::Failed:
                failed = true;
                lines << tr("✗ %1 (observed: %2)").arg(what, status.observed);
                break;
            }
        }
    }
    m_expectations->setText(lines.join(QLatin1Char('\n')));
    QPalette p = m_expectations->palette();
    p.setColor(QPalette::WindowText, failed ? QColor(0xff, 0x8a, 0x8a) : QColor(0xb8, 0xe6, 0xc4));
    m_expectations->setPalette(p);
    m_expectations->setVisible(!lines.isEmpty());
    place();
}

void RunbookCaptionOverlay::onRunFinished(bool ok, int failedIndex)
{
    if (ok) {
        setCounter(int(m_book.steps.size()));
        setStatus(QCoreApplication::translate("Orrery::RunbookPlayer",
                                              "Runbook finished: every step succeeded."),
                  false);
    } else if (failedIndex < 0) {
        setStatus(QCoreApplication::translate("Orrery::RunbookPlayer", "Stopped."), false);
    }
}

} // namespace Orrery
