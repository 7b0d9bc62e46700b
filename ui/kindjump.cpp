// SPDX-License-Identifier: GPL-3.0-or-later
#include "kindjump.h"

#include "resourcenavigator.h"

#include <theme.h>

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Orrery {

KindJump::KindJump(ResourceNavigator *navigator, QWidget *window)
    : QFrame(window)
    , m_navigator(navigator)
    , m_field(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("kindJump"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    m_field->setPlaceholderText(tr(":kind or :page, e.g. :po :deploy :svc :topology :problems"));
    QFont f = m_field->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    m_field->setFont(f);
    m_message->setWordWrap(true);
    layout->addWidget(m_field);
    layout->addWidget(m_message);
    m_field->installEventFilter(this);
    connect(m_field, &QLineEdit::returnPressed, this, &KindJump::jump);
    connect(m_field, &QLineEdit::textChanged, m_message, &QLabel::clear);
    hide();
}

KindJump::Target KindJump::resolve(const QString &input) const
{
    QString text = input.trimmed();
    while (text.startsWith(QLatin1Char(':')))
        text.remove(0, 1);
    text = text.trimmed().toLower();
    Target target;
    if (text.isEmpty())
        return target;
    const QList<Kind> kinds = m_navigator->kinds();
    const auto names = [](Kind kind) {
        const KindInfo &info = kindInfo(kind);
        QStringList out = kindShortNames(kind);
        out << QString::fromLatin1(info.name).toLower()
            << QString::fromLatin1(info.resource).toLower() << kindSingularName(kind).toLower()
            << kindPluralName(kind).toLower();
        return out;
    };
    const QHash<QString, QString> pages = m_navigator->pages();
    // Exact names first (kinds, then pages), then prefixes in the same order.
    for (Kind kind : kinds)
        if (names(kind).contains(text)) {
            target.kind = kind;
            return target;
        }
    for (auto it = pages.cbegin(); it != pages.cend(); ++it)
        if (it.value().toLower() == text) {
            target.pageId = it.key();
            return target;
        }
    for (Kind kind : kinds)
        for (const QString &name : names(kind))
            if (name.startsWith(text)) {
                target.kind = kind;
                return target;
            }
    for (auto it = pages.cbegin(); it != pages.cend(); ++it)
        if (it.value().toLower().startsWith(text)) {
            target.pageId = it.key();
            return target;
        }
    return target;
}

void KindJump::popup()
{
    QWidget *p = parentWidget();
    const int w = qMin(480, p->width() - 40);
    m_field->clear();
    m_message->clear();
    resize(w, sizeHint().height());
    move((p->width() - w) / 2, 60);
    show();
    raise();
    m_field->setFocus();
}

void KindJump::jump()
{
    const Target target = resolve(m_field->text());
    if (!target.isValid()) {
        m_message->setStyleSheet(
            QStringLiteral("color:%1;").arg(themeColor(Theme::Role::Danger).name()));
        m_message->setText(
            tr("No kind or page is called “%1”. Try :po, :deploy, :svc, :topology or :problems.")
                .arg(m_field->text().trimmed()));
        resize(width(), sizeHint().height());
        return;
    }
    hide();
    if (target.kind)
        emit kindRequested(*target.kind);
    else
        emit pageRequested(target.pageId);
}

bool KindJump::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        hide();
        return true;
    }
    if (watched == m_field && event->type() == QEvent::FocusOut && isVisible())
        hide();
    return QFrame::eventFilter(watched, event);
}

} // namespace Orrery
