// SPDX-License-Identifier: GPL-3.0-or-later
#include "execterminal.h"

#include <terminalview.h>
#include <theme.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Orrery {

ExecTerminal::ExecTerminal(ExecOptions options, QString contextName, QWidget *parent)
    : QWidget(parent)
    , m_options(std::move(options))
    , m_context(std::move(contextName))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 0);
    m_status = new QLabel(this);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reconnect = new QPushButton(tr("Reconnect"), this);
    m_reconnect->setVisible(false);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_reconnect);
    layout->addLayout(bar);
    m_terminal = new TerminalView(this);
    layout->addWidget(m_terminal, 1);
    setFocusProxy(m_terminal);
    connect(m_reconnect, &QPushButton::clicked, this, &ExecTerminal::reconnectRequested);
}

ExecTerminal::~ExecTerminal()
{
    // The session's last word (finished, when closed while running) is for its recorder,
    // not for this half-destroyed widget.
    if (m_session)
        m_session->disconnect(this);
}

QString ExecTerminal::title() const
{
    return m_options.container.isEmpty()
               ? tr("Shell — %1").arg(m_options.pod)
               : tr("Shell — %1/%2").arg(m_options.pod, m_options.container);
}

void ExecTerminal::attach(std::unique_ptr<ExecSession> session)
{
    if (!session)
        return;
    if (m_session) {
        m_session->disconnect(this);
        m_terminal->disconnect(m_session.get());
        m_terminal->reset();
    }
    m_session = std::move(session);
    m_session->setParent(nullptr);
    ExecSession *s = m_session.get();
    m_reconnect->setVisible(false);
    m_status->setText(
        tr("Connecting to %1 in %2 (%3)…").arg(m_options.pod, m_options.ns, m_context));
    connect(m_terminal, &TerminalView::input, s, [s](const QByteArray &bytes) { s->write(bytes); });
    connect(m_terminal, &TerminalView::sizeChanged, s,
            [s](int columns, int rows) { s->resize(columns, rows); });
    connect(s, &ExecSession::started, this, &ExecTerminal::onStarted);
    connect(s, &ExecSession::output, m_terminal,
            [this](const QByteArray &bytes, int) { m_terminal->feed(bytes); });
    connect(s, &ExecSession::finished, this, &ExecTerminal::onFinished);
    if (s->isRunning())
        onStarted();
}

void ExecTerminal::onStarted()
{
    m_status->setText(
        tr("%1 in %2 (%3) — %4")
            .arg(m_options.pod, m_options.ns, m_context, m_options.command.join(QLatin1Char(' '))));
    m_session->resize(m_terminal->columns(), m_terminal->rows());
}

void ExecTerminal::onFinished(const Result<int> &result)
{
    QString message;
    if (result.ok())
        message = tr("The shell exited with code %1.").arg(result.value());
    else if (result.error().code == Error::Code::Forbidden)
        message = tr("Not allowed to open a shell here: %1").arg(result.error().message);
    else
        message = tr("The shell ended: %1").arg(result.error().message);
    m_terminal->setEnded(message);
    m_status->setText(message);
    m_reconnect->setVisible(true);
    emit ended(message);
}

} // namespace Orrery
