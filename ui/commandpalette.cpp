// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandpalette.h"

#include <kindicons.h>
#include <theme.h>

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace Orrery {

namespace {

// Title on the left, the grey subtitle (kind · namespace, or category) on the right.
class PaletteDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString subtitle = index.data(PaletteModel::SubtitleRole).toString();
        opt.text.clear();
        QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        QRect r = option.rect.adjusted(10, 0, -10, 0);
        painter->save();
        const QIcon icon = iconFor(index);
        constexpr int IconSide = 16;
        if (!icon.isNull()) {
            const QRect iconRect(r.left(), r.center().y() - IconSide / 2 + 1, IconSide, IconSide);
            icon.paint(painter, iconRect);
        }
        r.setLeft(r.left() + IconSide + 8); // aligned text whether or not the row has an icon
        const bool selected = option.state & QStyle::State_Selected;
        painter->setPen(selected ? option.palette.color(QPalette::HighlightedText)
                                 : option.palette.color(QPalette::Text));
        QFont bold = option.font;
        bold.setWeight(QFont::DemiBold);
        painter->setFont(bold);
        const int subtitleWidth
            = qMin(r.width() / 2, option.fontMetrics.horizontalAdvance(subtitle) + 8);
        painter->drawText(r.adjusted(0, 0, -subtitleWidth, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          QFontMetrics(bold).elidedText(index.data().toString(), Qt::ElideMiddle,
                                                        r.width() - subtitleWidth));
        painter->setFont(option.font);
        painter->setPen(selected ? option.palette.color(QPalette::HighlightedText)
                                 : themeColor(Theme::Role::MutedText));
        painter->drawText(r, Qt::AlignVCenter | Qt::AlignRight,
                          option.fontMetrics.elidedText(subtitle, Qt::ElideLeft, subtitleWidth));
        painter->restore();
    }

    // Kinds and resources show their kind's icon, contexts the cluster icon; actions none.
    static QIcon iconFor(const QModelIndex &index)
    {
        switch (PaletteEntry::Type(index.data(PaletteModel::TypeRole).toInt())) {
        case PaletteEntry::Type::Kind:
        case PaletteEntry::Type::Resource: {
            const QVariant payload = index.data(PaletteModel::PayloadRole);
            return payload.canConvert<Kind>() ? kindIcon(payload.value<Kind>()) : QIcon();
        }
        case PaletteEntry::Type::Context: return orreryIcon(QStringLiteral("context"));
        case PaletteEntry::Type::Action:
        case PaletteEntry::Type::Page: break;
        }
        return {};
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        s.setHeight(qMax(s.height(), option.fontMetrics.height() + 12));
        return s;
    }
};

} // namespace

CommandPalette::CommandPalette(QWidget *parent)
    : QFrame(parent)
    , m_model(new PaletteModel(this))
    , m_proxy(new PaletteFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_nothing(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setObjectName(QStringLiteral("commandPalette"));
    applyTheme();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    m_search->setPlaceholderText(
        tr("Jump to a page, kind, context, command or resource of any connected context…"));
    QFont f = m_search->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    m_search->setFont(f);
    m_proxy->setSourceModel(m_model);
    m_list->setModel(m_proxy);
    m_list->setItemDelegate(new PaletteDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setFrameShape(QFrame::NoFrame);
    m_nothing->setWordWrap(true);
    m_nothing->setAlignment(Qt::AlignCenter);
    m_nothing->hide();
    layout->addWidget(m_search);
    layout->addWidget(m_nothing);
    layout->addWidget(m_list);
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setPattern(text);
        m_list->setCurrentIndex(m_proxy->index(0, 0));
        updateNothing();
    });
    connect(m_search, &QLineEdit::returnPressed, this,
            [this] { activate(m_list->currentIndex()); });
    connect(m_list, &QListView::activated, this, &CommandPalette::activate);
    hide();
}

void CommandPalette::applyTheme()
{
    setStyleSheet(
        QStringLiteral(
            "#commandPalette{border:1px solid %1;border-radius:6px;background:palette(base);}")
            .arg(Theme::instance()->name(Theme::Role::Border)));
}

void CommandPalette::changeEvent(QEvent *event)
{
    // Setting the style sheet sends another PaletteChange; only react to the look's own.
    if (event->type() == QEvent::PaletteChange && !m_applyingTheme) {
        m_applyingTheme = true;
        applyTheme();
        m_applyingTheme = false;
    }
    QFrame::changeEvent(event);
}

void CommandPalette::setEntries(QList<PaletteEntry> entries)
{
    m_model->setEntries(std::move(entries));
    m_proxy->setPattern(m_search->text());
    m_list->setCurrentIndex(m_proxy->index(0, 0));
    updateNothing();
}

void CommandPalette::updateNothing()
{
    const QString pattern = m_search->text().trimmed();
    const bool nothing = !pattern.isEmpty() && m_proxy->rowCount() == 0;
    m_nothing->setText(nothing ? tr("Nothing matches “%1” in the pages, kinds, contexts, "
                                    "commands or the objects of the connected contexts.")
                                     .arg(pattern)
                               : QString());
    m_nothing->setVisible(nothing);
}

void CommandPalette::popup()
{
    QWidget *p = parentWidget();
    const int w = qMin(640, p->width() - 40);
    const int h = qMin(420, p->height() - 80);
    setGeometry((p->width() - w) / 2, 60, w, h);
    m_search->clear();
    m_proxy->setPattern(QString());
    m_list->setCurrentIndex(m_proxy->index(0, 0));
    updateNothing();
    show();
    raise();
    m_search->setFocus();
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const int row = m_list->currentIndex().row();
        switch (key->key()) {
        case Qt::Key_Down:
            if (row + 1 < m_proxy->rowCount())
                m_list->setCurrentIndex(m_proxy->index(row + 1, 0));
            return true;
        case Qt::Key_Up:
            if (row > 0)
                m_list->setCurrentIndex(m_proxy->index(row - 1, 0));
            return true;
        case Qt::Key_PageDown:
            m_list->setCurrentIndex(m_proxy->index(qMin(row + 10, m_proxy->rowCount() - 1), 0));
            return true;
        case Qt::Key_PageUp:
            m_list->setCurrentIndex(m_proxy->index(qMax(row - 10, 0), 0));
            return true;
        case Qt::Key_Escape: hide(); return true;
        default: break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void CommandPalette::activate(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const QModelIndex source = m_proxy->mapToSource(proxyIndex);
    const PaletteEntry entry = m_model->entry(source.row());
    hide();
    emit entryActivated(entry);
}

} // namespace Orrery
