// SPDX-License-Identifier: GPL-3.0-or-later
#include "messageoverlay.h"

#include "theme.h"

#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Orrery {

MessageOverlay::MessageOverlay(QWidget *covered)
    : QWidget(covered)
    , m_covered(covered)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_button(new QPushButton(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_icon, 0, Qt::AlignHCenter);
    layout->addWidget(m_title, 0, Qt::AlignHCenter);
    layout->addWidget(m_text, 0, Qt::AlignHCenter);
    layout->addSpacing(8);
    layout->addWidget(m_button, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setMaximumWidth(560);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    applyTextColour();
    connect(m_button, &QPushButton::clicked, this, &MessageOverlay::actionTriggered);
    covered->installEventFilter(this);
    hide();
}

void MessageOverlay::showMessage(Severity severity, const QString &title, const QString &text,
                                 const QString &actionText)
{
    m_severity = severity;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    if (severity == Severity::Warning)
        icon = QStyle::SP_MessageBoxWarning;
    else if (severity == Severity::Error)
        icon = QStyle::SP_MessageBoxCritical;
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(40, 40));
    m_title->setText(title);
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
    m_button->setText(actionText);
    m_button->setVisible(!actionText.isEmpty());
    setGeometry(m_covered->rect());
    raise();
    show();
}

void MessageOverlay::clear()
{
    hide();
}

QString MessageOverlay::title() const
{
    return m_title->text();
}

QString MessageOverlay::text() const
{
    return m_text->text();
}

bool MessageOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_covered && event->type() == QEvent::Resize)
        setGeometry(m_covered->rect());
    return QWidget::eventFilter(watched, event);
}

void MessageOverlay::applyTextColour()
{
    m_text->setStyleSheet(
        QStringLiteral("color:%1;").arg(Theme::instance()->name(Theme::Role::MutedText)));
}

void MessageOverlay::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTextColour();
    QWidget::changeEvent(event);
}

void MessageOverlay::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
}

} // namespace Orrery
