// SPDX-License-Identifier: GPL-3.0-or-later
#include "namespacefilter.h"

#include <namespacelistmodel.h>

#include <QFrame>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace Orrery {

NamespaceFilter::NamespaceFilter(QWidget *parent)
    : QToolButton(parent)
    , m_model(new NamespaceListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_popup(new QFrame(this, Qt::Popup))
    , m_search(new QLineEdit(m_popup))
    , m_list(new QListView(m_popup))
{
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setPopupMode(QToolButton::InstantPopup);
    setToolTip(tr("Choose the namespaces to show (Ctrl+N)"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterRole(NamespaceListModel::NameRole); // not the problem counts

    m_popup->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(m_popup);
    layout->setContentsMargins(6, 6, 6, 6);
    m_search->setPlaceholderText(tr("Type to search namespaces…"));
    m_search->setClearButtonEnabled(true);
    auto *all = new QPushButton(tr("All namespaces"), m_popup);
    m_list->setModel(m_proxy);
    m_list->setUniformItemSizes(true);
    layout->addWidget(m_search);
    layout->addWidget(all);
    layout->addWidget(m_list);
    m_popup->resize(280, 360);

    connect(this, &QToolButton::clicked, this, &NamespaceFilter::showPopup);
    connect(m_search, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_proxy->rowCount() == 1) {
            setSelected({m_proxy->index(0, 0).data(NamespaceListModel::NameRole).toString()});
            m_popup->hide();
        }
    });
    connect(all, &QPushButton::clicked, this, [this] {
        setSelected({});
        m_popup->hide();
    });
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) {
        const bool checked = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
        m_proxy->setData(index, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
    });
    connect(m_model, &NamespaceListModel::selectionChanged, this,
            [this](const QStringList &selected) {
                updateText();
                emit selectionChanged(selected);
            });
    updateText();
}

void NamespaceFilter::setNamespaces(const QStringList &existing)
{
    m_model->setNamespaces(existing);
}

void NamespaceFilter::setSelected(const QStringList &selected)
{
    m_model->setSelected(selected);
    updateText();
}

QStringList NamespaceFilter::selected() const
{
    return m_model->selected();
}

void NamespaceFilter::showPopup()
{
    m_search->clear();
    m_popup->move(mapToGlobal(QPoint(0, height())));
    m_popup->show();
    m_search->setFocus();
}

void NamespaceFilter::updateText()
{
    const QStringList selected = m_model->selected();
    if (selected.isEmpty())
        setText(tr("Namespace: all"));
    else if (selected.size() == 1)
        setText(tr("Namespace: %1").arg(selected.first()));
    else
        setText(tr("Namespaces: %n selected", nullptr, int(selected.size())));
    setToolTip(selected.isEmpty() ? tr("Showing all namespaces")
                                  : selected.join(QStringLiteral(", ")));
}

} // namespace Orrery
