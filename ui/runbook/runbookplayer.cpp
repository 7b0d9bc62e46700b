// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbookplayer.h"

#include <contextpreferences.h>
#include <operations/confirmdialog.h>
#include <theme.h>

#include <audit/auditlog.h>
#include <kube/clustersession.h>
#include <kube/resourcestore.h>
#include <operations/clusterwriteexecutor.h>
#include <runbook/clusterrunbookexecutor.h>
#include <runbook/runbookparser.h>
#include <runbook/runbookrunner.h>
#include <runbook/shippedrunbooks.h>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Orrery {

namespace {

enum Column { NumberColumn, StepColumn, OutcomeColumn };
constexpr int StateRole = Qt::UserRole + 1;
enum class StepState { Pending, Next, Running, Done, Failed };

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Orrery::RunbookPlayer", text, disambiguation, n);
}

QString target(const RunbookStep &step)
{
    return step.targetKind.toLower() + QLatin1Char('/') + step.targetName;
}

bool writes(const RunbookStep &step)
{
    using T = RunbookStep::Type;
    return step.type != T::Caption && step.type != T::Show && step.type != T::Wait
           && step.type != T::WaitForRollout;
}

} // namespace

QString describeRunbookStep(const RunbookStep &step)
{
    using T = RunbookStep::Type;
    switch (step.type) {
    case T::Caption: return tr("Caption: %1").arg(step.text);
    case T::Scale: return tr("Scale %1 to %2 replicas").arg(target(step)).arg(step.replicas);
    case T::SetImage:
        return tr("Set image of %1, container %2, to %3")
            .arg(target(step), step.container, step.image);
    case T::Apply:
        return step.dryRun ? tr("Apply %1 (dry run)").arg(step.file)
                           : tr("Apply %1").arg(step.file);
    case T::Restart: return tr("Restart %1").arg(target(step));
    case T::Rollback:
        return step.revision > 0
                   ? tr("Roll back %1 to revision %2").arg(target(step)).arg(step.revision)
                   : tr("Roll back %1 to the previous revision").arg(target(step));
    case T::HelmRollback:
        return step.revision > 0
                   ? tr("Roll Helm release %1 back to revision %2")
                         .arg(step.release)
                         .arg(step.revision)
                   : tr("Roll Helm release %1 back to the previous revision").arg(step.release);
    case T::WaitForRollout:
        return tr("Wait for the rollout of %1 (at most %2 s)")
            .arg(target(step))
            .arg(step.timeoutSeconds);
    case T::Wait: return tr("Wait %1 s").arg(step.seconds);
    case T::Show:
        return step.targetName.isEmpty()
                   ? tr("Show the %1 view").arg(step.view)
                   : tr("Show the %1 view of %2").arg(step.view, target(step));
    case T::SetLoad:
        return step.loadPercent < 0
                   ? tr("Set the simulated load of %1 back to its schedule").arg(target(step))
                   : tr("Set the simulated load of %1 to %2%")
                         .arg(target(step))
                         .arg(step.loadPercent);
    }
    return {};
}

RunbookPlayer::RunbookPlayer(QWidget *parent)
    : QWidget(parent)
    , m_runner(new RunbookRunner(nullptr, this))
    , m_shipped(new QComboBox(this))
    , m_open(new QPushButton(tr("Open runbook…"), this))
    , m_title(new QLabel(this))
    , m_description(new QLabel(this))
    , m_caption(new QLabel(this))
    , m_steps(new QTreeWidget(this))
    , m_start(new QPushButton(tr("Start…"), this))
    , m_next(new QPushButton(tr("Next step"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_present(new QPushButton(tr("Present"), this))
    , m_status(new QLabel(this))
    , m_auditWarning(new QLabel(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setText(tr("Runbook player"));
    m_description->setWordWrap(true);

    // The caption is what the audience reads: large, centred, wrapped.
    QFont captionFont = m_caption->font();
    captionFont.setPointSizeF(captionFont.pointSizeF() * 2.2);
    captionFont.setBold(true);
    m_caption->setFont(captionFont);
    m_caption->setWordWrap(true);
    m_caption->setAlignment(Qt::AlignCenter);
    m_caption->setMinimumHeight(QFontMetrics(captionFont).height() * 3);
    m_caption->setFrameShape(QFrame::StyledPanel);
    m_caption->setAutoFillBackground(true);

    m_shipped->setMinimumContentsLength(30);
    m_shipped->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_shipped->setToolTip(tr("The runbooks shipped for this context's demo scenario"));

    m_steps->setHeaderLabels({tr("#"), tr("Step"), tr("Outcome")});
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setWordWrap(false);
    m_steps->header()->setStretchLastSection(true);

    m_next->setToolTip(
        tr("Runs the next step (Right, Space or Page Down; presentation clickers send Page Down)"));
    m_next->setDefault(false);
    m_present->setToolTip(tr("Play on the live diagram, full screen, with the captions over it "
                             "(F5); the same keys run the steps"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addStretch(1);
    top->addWidget(m_shipped);
    top->addWidget(m_open);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_next);
    buttons->addWidget(m_present);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_description);
    layout->addWidget(m_caption);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_auditWarning);
    layout->addLayout(buttons);

    // Hidden until the audit log fails; then it stays, whatever the steps say afterwards.
    m_auditWarning->setObjectName(QStringLiteral("AuditFailureBanner"));
    m_auditWarning->setWordWrap(true);
    m_auditWarning->setFrameShape(QFrame::StyledPanel);
    m_auditWarning->hide();

    for (const QKeySequence &key : {QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_Space),
                                    QKeySequence(Qt::Key_PageDown)}) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &RunbookPlayer::next);
    }

    auto *present = new QShortcut(QKeySequence(Qt::Key_F5), this);
    present->setContext(Qt::WidgetWithChildrenShortcut);
    connect(present, &QShortcut::activated, this, &RunbookPlayer::present);
    connect(m_present, &QPushButton::clicked, this, &RunbookPlayer::present);

    connect(m_shipped, &QComboBox::activated, this, &RunbookPlayer::onShippedChosen);
    connect(m_open, &QPushButton::clicked, this, &RunbookPlayer::openFile);
    connect(m_start, &QPushButton::clicked, this, &RunbookPlayer::requestStart);
    connect(m_next, &QPushButton::clicked, this, &RunbookPlayer::next);
    connect(m_stop, &QPushButton::clicked, this, &RunbookPlayer::stop);
    connect(m_runner, &RunbookRunner::waitingForNext, this, &RunbookPlayer::onWaiting);
    connect(m_runner, &RunbookRunner::stepStarted, this, &RunbookPlayer::onStepStarted);
    connect(m_runner, &RunbookRunner::stepFinished, this, &RunbookPlayer::onStepFinished);
    connect(m_runner, &RunbookRunner::finished, this, &RunbookPlayer::onFinished);
    connect(m_runner, &RunbookRunner::expectationChanged, this,
            &RunbookPlayer::onExpectationChanged);

    setFocusPolicy(Qt::ClickFocus); // holds the focus after Start (start())
    m_runner->setStepByStep(true);
    fillShipped();
    showSteps();
}

RunbookPlayer::~RunbookPlayer()
{
    // The executor's pending requests use the writer: it goes first.
    m_runner->setExecutor(nullptr);
    delete m_executor;
}

void RunbookPlayer::setAuditLog(AuditLog *audit)
{
    if (m_audit)
        disconnect(m_audit.data(), nullptr, this, nullptr);
    m_audit = audit;
    if (m_audit)
        connect(m_audit, &AuditLog::writeFailed, this, &RunbookPlayer::showAuditFailure,
                Qt::QueuedConnection);
    buildExecutor();
}

void RunbookPlayer::setSession(ClusterSession *session)
{
    if (session == m_session && session)
        return;
    if (m_runner->isRunning())
        m_runner->cancel();
    m_session = session;
    m_context = session ? session->connection().contextName : QString();
    buildExecutor();
    fillShipped();
    updateButtons();
}

// A fresh executor per context: its transport, its audit identity.
void RunbookPlayer::buildExecutor()
{
    if (m_runner->isRunning())
        m_runner->cancel();
    delete m_executor;
    m_executor = nullptr;
    m_writer.reset();
    // Expectations read the session's store: what the rest of the window shows.
    m_runner->setExpectationStore(m_session ? m_session->store() : nullptr,
                                  m_session ? m_session->connection().defaultNamespace : QString());
    if (!m_session || !m_audit) {
        m_runner->setExecutor(nullptr);
        return;
    }
    m_writer = std::make_unique<ClusterWriteExecutor>(m_session->transport(), m_audit.data());
    const QString directory
        = m_book.fileName.isEmpty() ? QString() : QFileInfo(m_book.fileName).absolutePath();
    m_executor
        = new ClusterRunbookExecutor(m_session->transport(), m_writer.get(),
                                     m_session->connection().defaultNamespace, directory, this);
    m_runner->setExecutor(m_executor);
}

void RunbookPlayer::showAuditFailure(const QString &message)
{
    m_auditWarning->setText(
        message + QLatin1Char('\n')
        + tr("A step whose writes cannot be recorded is not sent. Free some disk space or fix "
             "the permissions of %1.")
              .arg(QDir::toNativeSeparators(m_audit ? m_audit->directory() : QString())));
    m_auditWarning->setStyleSheet(
        QStringLiteral("color: %1;").arg(themeColor(Theme::Role::Danger).name()));
    m_auditWarning->show();
}

void RunbookPlayer::fillShipped()
{
    const QSignalBlocker blocker(m_shipped);
    m_shipped->clear();
    const QList<Runbook> books
        = m_context.isEmpty() ? QList<Runbook>() : ShippedRunbooks::forContext(m_context);
    if (books.isEmpty()) {
        m_shipped->addItem(tr("No shipped runbook for this context"));
        m_shipped->setEnabled(false);
        return;
    }
    m_shipped->setEnabled(true);
    m_shipped->addItem(tr("Shipped runbooks (%n)", nullptr, int(books.size())));
    for (const Runbook &book : books)
        m_shipped->addItem(book.name.isEmpty() ? QFileInfo(book.fileName).fileName() : book.name,
                           book.fileName);
}

void RunbookPlayer::onShippedChosen(int index)
{
    const QString file = m_shipped->itemData(index).toString();
    if (file.isEmpty())
        return;
    auto result = loadFile(file);
    if (!result)
        m_status->setText(result.error().toString());
}

void RunbookPlayer::openFile()
{
    auto *dialog = new QFileDialog(this, tr("Open runbook"), ShippedRunbooks::directory(),
                                   tr("Runbooks (*.yaml *.yml);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        auto result = loadFile(file);
        if (!result)
            m_status->setText(result.error().toString());
    });
    dialog->open();
}

Result<void> RunbookPlayer::loadFile(const QString &path)
{
    auto book = RunbookParser::parseFile(path);
    if (!book)
        return book.error();
    setRunbook(*book);
    return {};
}

void RunbookPlayer::setRunbook(const Runbook &book)
{
    if (m_runner->isRunning())
        m_runner->cancel();
    m_book = book;
    m_played = false;
    buildExecutor(); // apply steps read files next to the runbook
    m_title->setText(book.name.isEmpty() ? QFileInfo(book.fileName).fileName() : book.name);
    QString description = book.description;
    if (!book.context.isEmpty())
        description += (description.isEmpty() ? QString() : QStringLiteral("  "))
                       + tr("(pinned to context %1)").arg(book.context);
    m_description->setText(description);
    showCaption(QString());
    m_status->setText(
        tr("%n step(s). Start to play them one by one.", nullptr, int(book.steps.size())));
    showSteps();
}

void RunbookPlayer::showSteps()
{
    m_steps->clear();
    for (int i = 0; i < m_book.steps.size(); ++i) {
        const RunbookStep &step = m_book.steps.at(i);
        auto *item = new QTreeWidgetItem(m_steps);
        item->setText(NumberColumn, QString::number(i + 1));
        item->setText(StepColumn, describeRunbookStep(step));
        item->setToolTip(
            StepColumn,
            tr("Line %1 of %2").arg(step.line).arg(QFileInfo(m_book.fileName).fileName()));
        item->setData(NumberColumn, StateRole, int(StepState::Pending));
        // Each `expect:` entry is a child row: what the caption claims, and whether it held.
        for (const RunbookExpectation &e : step.expectations) {
            auto *child = new QTreeWidgetItem(item);
            child->setText(StepColumn, tr("Expect %1").arg(e.describe()));
            child->setToolTip(StepColumn, tr("Within %1 s; line %2 of %3")
                                              .arg(e.withinSeconds)
                                              .arg(e.line)
                                              .arg(QFileInfo(m_book.fileName).fileName()));
            showExpectation(child, {});
        }
    }
    m_steps->expandAll();
    m_steps->resizeColumnToContents(NumberColumn);
    m_steps->resizeColumnToContents(StepColumn);
    m_steps->setColumnWidth(StepColumn, qMax(m_steps->columnWidth(StepColumn), 320));
    updateButtons();
}

void RunbookPlayer::showCaption(const QString &text)
{
    m_caption->setText(text);
    m_caption->setVisible(!text.isEmpty() || !m_book.steps.isEmpty());
}

QString RunbookPlayer::confirmationSummary() const
{
    QStringList lines;
    int writing = 0;
    for (const RunbookStep &step : m_book.steps) {
        if (!writes(step))
            continue;
        ++writing;
        lines << QStringLiteral("• ") + describeRunbookStep(step);
    }
    QString summary
        = tr("Play \"%1\": %n step(s)", nullptr, int(m_book.steps.size())).arg(m_title->text());
    summary += QLatin1Char('\n');
    summary
        += writing == 0
               ? tr("No step changes the cluster.")
               : tr("%n step(s) change the cluster, each when you press Next:", nullptr, writing);
    if (!lines.isEmpty())
        summary += QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
    return summary;
}

void RunbookPlayer::requestStart()
{
    if (m_book.steps.isEmpty() || m_runner->isRunning() || m_confirm)
        return;
    if (!m_session) {
        m_status->setText(tr("Connect to a cluster first."));
        return;
    }
    if (auto pinned = RunbookRunner::checkContext(m_book, m_context); !pinned) {
        m_status->setText(pinned.error().message);
        return;
    }
    ConfirmationTarget target = ConfirmationTarget::forContext(m_context, m_session, m_preferences);
    target.ns = m_book.ns;
    target.kind = tr("Runbook");
    target.name = m_title->text();
    m_confirm = new ConfirmDialog(target, tr("Play runbook"), tr("Start runbook"), this);
    m_confirm->setAttribute(Qt::WA_DeleteOnClose);
    QString yaml;
    if (QFile file(m_book.fileName); file.open(QIODevice::ReadOnly))
        yaml = QString::fromUtf8(file.readAll());
    m_confirm->setChange(confirmationSummary(), yaml);
    connect(m_confirm, &QDialog::accepted, this, &RunbookPlayer::start);
    connect(m_confirm, &QDialog::rejected, this, [this] {
        m_startAfterConfirm = false;
        m_presentAfterConfirm = false;
    });
    m_confirm->open();
}

void RunbookPlayer::start()
{
    m_played = true;
    showSteps();
    showCaption(QString());
    m_runner->start(m_book);
    m_status->setText(
        tr("Started on %1. Press Next (Right, Space, Page Down) for each step.").arg(m_context));
    updateButtons();
    // The keys must work at once: Start is disabled now, and the focus it had (or that the
    // confirmation dialog hands back) would otherwise land outside the player, where its
    // shortcuts do not reach. Next is still disabled here (the runner waits from the next
    // event-loop turn): the player itself takes the focus.
    setFocus(Qt::OtherFocusReason);
    if (m_presentAfterConfirm) {
        m_presentAfterConfirm = false;
        emit presentRequested();
    }
}

void RunbookPlayer::present()
{
    if (m_runner->isRunning()) {
        emit presentRequested();
        return;
    }
    if (m_book.steps.isEmpty() || m_confirm)
        return;
    m_presentAfterConfirm = true;
    requestStart();
    if (!m_confirm)
        m_presentAfterConfirm = false;
}

void RunbookPlayer::next()
{
    if (!m_runner->isRunning()) {
        // Before the first run, Next starts (after confirmation); after a run, a presenter
        // clicking past the end must not start it over: that takes Start….
        if (!m_played && !m_confirm) {
            m_startAfterConfirm = true;
            requestStart();
            if (!m_confirm)
                m_startAfterConfirm = false;
        }
        return;
    }
    m_runner->next();
}

void RunbookPlayer::stop()
{
    m_runner->cancel();
    updateButtons();
}

ConfirmDialog *RunbookPlayer::confirmDialog() const
{
    return m_confirm.data();
}

bool RunbookPlayer::isRunning() const
{
    return m_runner->isRunning();
}

bool RunbookPlayer::isWaitingForNext() const
{
    return m_runner->isWaitingForNext();
}

void RunbookPlayer::onWaiting(int index)
{
    for (int i = 0; i < m_steps->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_steps->topLevelItem(i);
        QFont font = item->font(StepColumn);
        font.setBold(i == index);
        item->setFont(StepColumn, font);
    }
    if (QTreeWidgetItem *item = m_steps->topLevelItem(index)) {
        item->setData(NumberColumn, StateRole, int(StepState::Next));
        item->setText(OutcomeColumn, tr("next"));
        m_steps->scrollToItem(item);
    }
    m_steps->resizeColumnToContents(StepColumn); // the bold row is wider
    m_status->setText(tr("Next: %1 — press Next step (Right, Space, Page Down).")
                          .arg(describeRunbookStep(m_book.steps.at(index))));
    updateButtons();
    if (m_startAfterConfirm && index == 0) {
        m_startAfterConfirm = false;
        m_runner->next();
    }
}

void RunbookPlayer::onStepStarted(int index)
{
    const RunbookStep &step = m_book.steps.at(index);
    if (step.type == RunbookStep::Type::Caption)
        showCaption(step.text);
    else if (!step.text.isEmpty())
        showCaption(step.text); // a step's own caption note
    if (QTreeWidgetItem *item = m_steps->topLevelItem(index)) {
        item->setData(NumberColumn, StateRole, int(StepState::Running));
        item->setText(OutcomeColumn, tr("running…"));
        item->setIcon(OutcomeColumn, style()->standardIcon(QStyle::SP_BrowserReload));
    }
    m_status->setText(describeRunbookStep(step));
    updateButtons();
}

void RunbookPlayer::onStepFinished(int index, bool ok, const QString &message)
{
    if (QTreeWidgetItem *item = m_steps->topLevelItem(index)) {
        item->setData(NumberColumn, StateRole, int(ok ? StepState::Done : StepState::Failed));
        item->setText(OutcomeColumn, message);
        item->setToolTip(OutcomeColumn, message);
        item->setIcon(OutcomeColumn, style()->standardIcon(ok ? QStyle::SP_DialogApplyButton
                                                              : QStyle::SP_MessageBoxCritical));
        if (!ok)
            item->setForeground(OutcomeColumn, themeColor(Theme::Role::Danger));
        QFont font = item->font(StepColumn);
        font.setBold(false);
        item->setFont(StepColumn, font);
    }
}

void RunbookPlayer::onExpectationChanged(int step, int expectation, const ExpectationStatus &status)
{
    if (QTreeWidgetItem *item = m_steps->topLevelItem(step))
        if (QTreeWidgetItem *child = item->child(expectation))
            showExpectation(child, status);
}

// pending / checking… / holds / failed, each with what the store showed.
void RunbookPlayer::showExpectation(QTreeWidgetItem *item, const ExpectationStatus &status)
{
    using S = ExpectationStatus::State;
    QString text;
    QStyle::StandardPixmap icon = QStyle::SP_CustomBase;
    switch (status.state) {
    case S::Pending: text = tr("pending"); break;
    case S::Checking:
        text = tr("checking…");
        icon = QStyle::SP_BrowserReload;
        break;
    case S::Holds:
        text = tr("holds");
        icon = QStyle::SP_DialogApplyButton;
        break;
    case S::Failed:
        text = tr("failed");
        icon = QStyle::SP_MessageBoxCritical;
        break;
    }
    if (!status.observed.isEmpty())
        text = tr("%1: %2").arg(text, status.observed);
    item->setText(OutcomeColumn, text);
    item->setToolTip(OutcomeColumn, text);
    item->setIcon(OutcomeColumn,
                  icon == QStyle::SP_CustomBase ? QIcon() : style()->standardIcon(icon));
    item->setData(NumberColumn, StateRole,
                  int(status.state == S::Failed ? StepState::Failed : StepState::Pending));
    if (status.state == S::Failed)
        item->setForeground(OutcomeColumn, themeColor(Theme::Role::Danger));
    else
        item->setData(OutcomeColumn, Qt::ForegroundRole, QVariant());
}

void RunbookPlayer::changeEvent(QEvent *event)
{
    // Failed outcomes carry the Danger colour as an item brush; give them the new look's.
    if (event->type() == QEvent::PaletteChange && m_steps) {
        for (int i = 0; i < m_steps->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_steps->topLevelItem(i);
            if (item->data(NumberColumn, StateRole).toInt() == int(StepState::Failed))
                item->setForeground(OutcomeColumn, themeColor(Theme::Role::Danger));
            for (int c = 0; c < item->childCount(); ++c)
                if (item->child(c)->data(NumberColumn, StateRole).toInt() == int(StepState::Failed))
                    item->child(c)->setForeground(OutcomeColumn, themeColor(Theme::Role::Danger));
        }
    }
    QWidget::changeEvent(event);
}

void RunbookPlayer::onFinished(bool ok, int failedIndex)
{
    if (ok)
        m_status->setText(tr("Runbook finished: every step succeeded."));
    else if (failedIndex >= 0)
        m_status->setText(tr("Stopped at step %1: %2")
                              .arg(failedIndex + 1)
                              .arg(m_runner->outcomes().value(failedIndex).message));
    else
        m_status->setText(tr("Stopped."));
    updateButtons();
    emit finished(ok, failedIndex);
}

void RunbookPlayer::updateButtons()
{
    const bool running = m_runner->isRunning();
    m_start->setEnabled(!running && !m_book.steps.isEmpty() && m_session);
    m_next->setEnabled(m_runner->isWaitingForNext()
                       || (!running && !m_played && !m_book.steps.isEmpty() && m_session));
    m_stop->setEnabled(running);
    m_present->setEnabled(running || (!m_book.steps.isEmpty() && m_session));
    m_shipped->setEnabled(!running && m_shipped->count() > 1);
    m_open->setEnabled(!running);
}

} // namespace Orrery
