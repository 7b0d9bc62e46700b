// SPDX-License-Identifier: GPL-3.0-or-later
#include "logview.h"

#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace Orrery {

LogView::LogView(QWidget *parent)
    : QWidget(parent)
    , m_container(new QComboBox(this))
    , m_previous(new QCheckBox(tr("Previous"), this))
    , m_tail(new QComboBox(this))
    , m_timestamps(new QCheckBox(tr("Timestamps"), this))
    , m_wrap(new QCheckBox(tr("Wrap"), this))
    , m_follow(new QToolButton(this))
    , m_pause(new QToolButton(this))
    , m_search(new QLineEdit(this))
    , m_matches(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_statusBar(new QWidget(this))
    , m_status(new QLabel(m_statusBar))
    , m_reconnect(new QPushButton(tr("Reconnect"), m_statusBar))
    , m_popOut(new QToolButton(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    // Two rows: what is streamed (restarts the stream), then how it is shown. One row
    // squeezed the search field to nothing in a details pane of ordinary width.
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 0);
    auto *viewBar = new QHBoxLayout;
    viewBar->setContentsMargins(4, 0, 4, 0);
    m_container->setObjectName(QStringLiteral("containerChoice"));
    m_previous->setObjectName(QStringLiteral("previousCheck"));
    m_tail->setObjectName(QStringLiteral("tailChoice"));
    m_timestamps->setObjectName(QStringLiteral("timestampsCheck"));
    m_wrap->setObjectName(QStringLiteral("wrapCheck"));
    m_follow->setObjectName(QStringLiteral("followButton"));
    m_text->setObjectName(QStringLiteral("logText"));
    m_status->setObjectName(QStringLiteral("streamStatus"));
    m_reconnect->setObjectName(QStringLiteral("reconnectButton"));
    m_container->setToolTip(tr("Container"));
    m_container->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_container->setMinimumContentsLength(12);
    m_previous->setToolTip(tr("Show the logs of the previous (terminated) container instance"));
    m_tail->addItem(tr("Last 100 lines"), 100);
    m_tail->addItem(tr("Last 500 lines"), 500);
    m_tail->addItem(tr("Last 2000 lines"), 2000);
    m_tail->addItem(tr("Everything"), -1);
    m_tail->setCurrentIndex(1);
    m_follow->setText(tr("Follow"));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Keep scrolling to the newest line"));
    m_pause->setText(tr("Pause"));
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_search->setObjectName(QStringLiteral("searchField"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Stop showing new lines (they are kept and shown on resume)"));
    m_search->setPlaceholderText(tr("Search logs…"));
    m_search->setClearButtonEnabled(true);
    auto *save = new QToolButton(this);
    save->setText(tr("Save…"));
    save->setToolTip(tr("Save the shown log to a file"));
    save->setObjectName(QStringLiteral("saveButton"));
    bar->addWidget(m_container);
    bar->addWidget(m_tail);
    bar->addWidget(m_previous);
    bar->addWidget(m_timestamps);
    bar->addStretch(1);
    m_popOut->setObjectName(QStringLiteral("popOutButton"));
    m_popOut->setText(tr("Pop out"));
    m_popOut->setCheckable(true);
    m_popOut->setToolTip(tr("Show the logs in their own window (closing it docks them back)"));
    bar->addWidget(m_popOut);
    viewBar->addWidget(m_follow);
    viewBar->addWidget(m_pause);
    viewBar->addWidget(m_wrap);
    viewBar->addWidget(m_search, 1);
    viewBar->addWidget(m_matches);
    viewBar->addWidget(save);
    m_search->setMinimumWidth(120);
    layout->addLayout(bar);
    layout->addLayout(viewBar);

    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSizeF(font().pointSizeF() * 0.95);
    m_text->setFont(mono);
    m_text->setReadOnly(true);
    // Wrapped by default: a long line (a stack trace, a JSON record) is read without
    // scrolling sideways; Wrap unticked gives one line per row again.
    m_wrap->setChecked(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setMaximumBlockCount(MaximumLines);
    m_text->setUndoRedoEnabled(false);
    layout->addWidget(m_text, 1);

    auto *statusLayout = new QHBoxLayout(m_statusBar);
    statusLayout->setContentsMargins(6, 2, 6, 2);
    // The end of a stream names its reason in full, on several lines when the pane is narrow.
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusLayout->addWidget(m_status, 1);
    statusLayout->addWidget(m_reconnect);
    m_reconnect->hide();
    layout->addWidget(m_statusBar);

    connect(m_container, &QComboBox::currentIndexChanged, this, &LogView::parametersChanged);
    connect(m_previous, &QCheckBox::toggled, this, &LogView::parametersChanged);
    connect(m_tail, &QComboBox::currentIndexChanged, this, &LogView::parametersChanged);
    connect(m_timestamps, &QCheckBox::toggled, this, &LogView::parametersChanged);
    connect(m_wrap, &QCheckBox::toggled, this, [this](bool wrap) {
        m_text->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    });
    connect(m_follow, &QToolButton::toggled, this, [this](bool follow) {
        if (follow)
            m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->maximum());
    });
    connect(m_pause, &QToolButton::toggled, this, &LogView::setPaused);
    connect(m_search, &QLineEdit::textChanged, this, &LogView::updateSearch);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (!m_search->text().isEmpty() && !m_text->find(m_search->text())) {
            m_text->moveCursor(QTextCursor::Start);
            m_text->find(m_search->text());
        }
    });
    connect(save, &QToolButton::clicked, this, &LogView::saveToFile);
    connect(m_reconnect, &QPushButton::clicked, this, &LogView::reconnectRequested);
    connect(m_popOut, &QToolButton::clicked, this, &LogView::popOutRequested);
    // Scrolling up by hand stops following, as in a terminal.
    connect(m_text->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value < m_text->verticalScrollBar()->maximum() - 2 && m_follow->isChecked()
            && m_text->underMouse())
            m_follow->setChecked(false);
    });
}

void LogView::setContainers(const QStringList &containers)
{
    const QSignalBlocker blocker(m_container);
    // Keep a container the user picked (switching between replicas of one workload); the
    // only container of a one-container pod was never a choice and must not narrow the next.
    const QString current
        = m_container->count() > 1 ? m_container->currentData().toString() : QString();
    m_container->clear();
    if (containers.size() != 1)
        m_container->addItem(tr("All containers"), QString());
    for (const QString &c : containers)
        m_container->addItem(c, c);
    const int index = m_container->findData(current);
    m_container->setCurrentIndex(index >= 0 ? index : 0);
}

LogView::Parameters LogView::parameters() const
{
    Parameters p;
    p.container = m_container->currentData().toString();
    p.previous = m_previous->isChecked();
    p.tailLines = m_tail->currentData().toInt();
    p.timestamps = m_timestamps->isChecked();
    return p;
}

void LogView::resetStreamOptions()
{
    const QSignalBlocker previousBlocker(m_previous);
    const QSignalBlocker tailBlocker(m_tail);
    const QSignalBlocker timestampsBlocker(m_timestamps);
    m_previous->setChecked(false);
    m_tail->setCurrentIndex(m_tail->findData(500));
    m_timestamps->setChecked(false);
}

void LogView::setPoppedOut(bool poppedOut)
{
    m_popOut->setChecked(poppedOut);
    m_popOut->setText(poppedOut ? tr("Dock") : tr("Pop out"));
    m_popOut->setToolTip(poppedOut ? tr("Show the logs in the details pane again")
                                   : tr("Show the logs in their own window (closing it docks "
                                        "them back)"));
}

void LogView::appendLines(const QStringList &lines, const QString &prefix)
{
    if (lines.isEmpty())
        return;
    QStringList prefixed;
    if (prefix.isEmpty()) {
        prefixed = lines;
    } else {
        prefixed.reserve(lines.size());
        const QString p = QLatin1Char('[') + prefix + QLatin1String("] ");
        for (const QString &l : lines)
            prefixed << p + l;
    }
    if (isPaused()) {
        m_pending += prefixed;
        if (m_pending.size() > MaximumLines)
            m_pending.erase(m_pending.begin(),
                            m_pending.begin() + (m_pending.size() - MaximumLines));
        m_status->setText(
            tr("Paused · %n new line(s) waiting", nullptr, static_cast<int>(m_pending.size())));
        return;
    }
    m_text->appendPlainText(prefixed.join(QLatin1Char('\n')));
    if (m_follow->isChecked())
        m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->maximum());
    if (!m_search->text().isEmpty())
        updateSearch();
}

void LogView::clear()
{
    m_text->clear();
    m_pending.clear();
    m_matchCount = 0;
    m_matches->clear();
    // The stream's last word (an error, "ended") belongs to the stream just cleared: another
    // pod's or another context's view must not inherit it.
    m_status->clear();
    m_statusTone = StatusTone::Normal;
    applyStatusTone();
    m_reconnect->hide();
}

void LogView::streamStarted(const QString &description)
{
    m_status->setText(description);
    m_statusTone = StatusTone::Normal;
    applyStatusTone();
    m_reconnect->hide();
}

void LogView::streamEnded(const QString &reason, bool failed)
{
    m_status->setText(failed ? tr("Log stream failed: %1").arg(reason)
                             : tr("Log stream ended: %1").arg(reason));
    m_statusTone = failed ? StatusTone::Failed : StatusTone::Ended;
    applyStatusTone();
    m_reconnect->show();
}

void LogView::applyStatusTone()
{
    switch (m_statusTone) {
    case StatusTone::Normal: m_status->setStyleSheet(QString()); break;
    case StatusTone::Ended:
        m_status->setStyleSheet(QStringLiteral("color:%1;font-weight:bold;")
                                    .arg(Theme::instance()->name(Theme::Role::Warning)));
        break;
    case StatusTone::Failed:
        m_status->setStyleSheet(QStringLiteral("color:%1;font-weight:bold;")
                                    .arg(Theme::instance()->name(Theme::Role::Danger)));
        break;
    }
}

void LogView::changeEvent(QEvent *event)
{
    // The status colour is baked into a style sheet and the search hits into extra selections.
    if (event->type() == QEvent::PaletteChange) {
        applyStatusTone();
        if (!m_search->text().isEmpty())
            updateSearch();
    }
    QWidget::changeEvent(event);
}

bool LogView::isPaused() const
{
    return m_pause->isChecked();
}

int LogView::lineCount() const
{
    return m_text->document()->isEmpty() ? 0 : m_text->blockCount();
}

QString LogView::plainText() const
{
    return m_text->toPlainText();
}

void LogView::setPaused(bool paused)
{
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    if (!paused)
        flushPending();
}

void LogView::flushPending()
{
    const QStringList pending = std::exchange(m_pending, {});
    if (!pending.isEmpty())
        appendLines(pending);
    m_status->setText(QString());
}

void LogView::updateSearch()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QString needle = m_search->text();
    m_matchCount = 0;
    if (!needle.isEmpty()) {
        QTextCharFormat format;
        format.setBackground(themeColor(Theme::Role::SearchMatch));
        format.setForeground(themeColor(Theme::Role::Text));
        QTextDocument *doc = m_text->document();
        QTextCursor cursor(doc);
        // Highlight at most 2000 matches: enough to see, bounded in cost on huge logs.
        while (m_matchCount < 2000) {
            cursor = doc->find(needle, cursor);
            if (cursor.isNull())
                break;
            selections.append({cursor, format});
            ++m_matchCount;
        }
        m_matches->setText(tr("%n match(es)", nullptr, m_matchCount));
    } else {
        m_matches->clear();
    }
    m_text->setExtraSelections(selections);
}

void LogView::saveToFile()
{
    const QString fileName
        = QFileDialog::getSaveFileName(this, tr("Save Log"), QStringLiteral("pod.log"),
                                       tr("Log files (*.log *.txt);;All files (*)"));
    if (fileName.isEmpty())
        return;
    const Result<void> saved = saveTo(fileName);
    if (!saved.ok())
        QMessageBox::warning(this, tr("Save Log"), saved.error().message);
}

Result<void> LogView::saveTo(const QString &fileName) const
{
    // What is shown, plus what arrived while paused: the file is the whole stream so far.
    QString text = m_text->toPlainText();
    if (!m_pending.isEmpty())
        text += QLatin1Char('\n') + m_pending.join(QLatin1Char('\n'));
    if (!text.isEmpty())
        text += QLatin1Char('\n');
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return Error(Error::Code::FileError,
                     tr("Could not write %1: %2").arg(fileName, file.errorString()));
    return {};
}

} // namespace Orrery
