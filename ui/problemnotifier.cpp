// SPDX-License-Identifier: GPL-3.0-or-later
#include "problemnotifier.h"

#include <contextpreferences.h>
#include <kindicons.h>
#include <problemmonitor.h>
#include <theme.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QVBoxLayout>

namespace Orrery {

ProblemNotifier::ProblemNotifier(ProblemMonitor *monitor, ContextPreferences *preferences,
                                 QWidget *window)
    : QFrame(window)
    , m_preferences(preferences)
    , m_titleLabel(new QLabel(this))
    , m_textLabel(new QLabel(this))
    , m_hideTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("problemNotification"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 8, 8);
    auto *texts = new QVBoxLayout;
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);
    m_textLabel->setWordWrap(true);
    texts->addWidget(m_titleLabel);
    texts->addWidget(m_textLabel);
    layout->addLayout(texts, 1);
    auto *show = new QPushButton(tr("Show"), this);
    show->setObjectName(QStringLiteral("showProblem"));
    auto *close = new QPushButton(tr("Dismiss"), this);
    layout->addWidget(show);
    layout->addWidget(close);
    m_hideTimer->setSingleShot(true);
    m_hideTimer->setInterval(20000);
    connect(m_hideTimer, &QTimer::timeout, this, &QWidget::hide);
    connect(show, &QPushButton::clicked, this, [this] {
        hide();
        openLast();
    });
    connect(close, &QPushButton::clicked, this, &QWidget::hide);
    connect(monitor, &ProblemMonitor::rolloutFailed, this, &ProblemNotifier::announce);
    window->installEventFilter(this);
    applyTheme();
    hide();
}

ProblemNotifier::~ProblemNotifier()
{
    delete m_tray;
}

void ProblemNotifier::setUseSystemTray(bool use)
{
    m_useTray = use;
}

void ProblemNotifier::announce(const QString &context, const Problem &problem)
{
    const QString where = m_preferences ? m_preferences->displayName(context) : context;
    const QString title = problem.reason == QLatin1String("ProgressDeadlineExceeded")
                              ? tr("Rollout stalled on %1").arg(where)
                              : tr("Rollout failing on %1").arg(where);
    const QString object
        = problem.namespaceName.isEmpty()
              ? kindName(problem.kind) + QLatin1Char('/') + problem.name
              : tr("%1/%2 in %3").arg(kindName(problem.kind), problem.name, problem.namespaceName);
    const bool bannerUp = isVisible();
    m_unseen = bannerUp ? m_unseen + 1 : 0;
    m_lastTitle = title;
    m_lastText = object + QStringLiteral(": ") + problem.message;
    if (m_unseen > 0)
        m_lastText += QLatin1Char(' ') + tr("(and %n more)", nullptr, m_unseen);
    m_context = context;
    m_problem = problem;
    ++m_announced;

    if (m_useTray && QSystemTrayIcon::isSystemTrayAvailable()
        && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(orreryIcon(QStringLiteral("orrery")));
            m_tray->setToolTip(tr("Orrery"));
            connect(m_tray, &QSystemTrayIcon::messageClicked, this, &ProblemNotifier::openLast);
            m_tray->show();
        }
        m_tray->showMessage(m_lastTitle, m_lastText, QSystemTrayIcon::Warning, 15000);
        return;
    }
    m_titleLabel->setText(m_lastTitle);
    m_textLabel->setText(m_lastText);
    applyTheme();
    place();
    show();
    raise();
    m_hideTimer->start();
}

void ProblemNotifier::openLast()
{
    if (!m_context.isEmpty())
        emit objectRequested(m_context, m_problem.kind, m_problem.namespaceName, m_problem.name);
}

void ProblemNotifier::place()
{
    QWidget *window = parentWidget();
    const int w = qMin(440, window->width() - 40);
    resize(w, heightForWidth(w) > 0 ? heightForWidth(w) : sizeHint().height());
    move(window->width() - w - 16, 56);
}

void ProblemNotifier::applyTheme()
{
    // The look's own colours, set again when the look changes (a style sheet's palette(base)
    // would keep the colour of the moment it was set).
    if (m_applyingTheme)
        return;
    m_applyingTheme = true;
    setStyleSheet(QStringLiteral("#problemNotification{border:1px solid %1;border-left:4px solid "
                                 "%1;border-radius:4px;background:%2;}"
                                 "#problemNotification QLabel{color:%3;background:transparent;}")
                      .arg(themeColor(Theme::Role::Danger).name(),
                           themeColor(Theme::Role::Base).name(),
                           themeColor(Theme::Role::Text).name()));
    m_applyingTheme = false;
}

void ProblemNotifier::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QFrame::changeEvent(event);
}

bool ProblemNotifier::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        place();
    return QFrame::eventFilter(watched, event);
}

} // namespace Orrery
