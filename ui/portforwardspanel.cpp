// SPDX-License-Identifier: GPL-3.0-or-later
#include "portforwardspanel.h"

#include <portforwardlistmodel.h>

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace Orrery {

PortForwardsPanel::PortForwardsPanel(PortForwardListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("PortForwardsPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_table = new QTableView(this);
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    m_open = new QPushButton(tr("Open in Browser"), this);
    m_copy = new QPushButton(tr("Copy Address"), this);
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setObjectName(QStringLiteral("stopForward"));
    buttons->addWidget(m_open);
    buttons->addWidget(m_copy);
    buttons->addStretch(1);
    buttons->addWidget(m_stop);
    layout->addLayout(buttons);

    connect(m_stop, &QPushButton::clicked, this, [this] { m_model->stop(currentRow()); });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QString url
            = m_model->index(currentRow(), 0).data(PortForwardListModel::UrlRole).toString();
        if (!url.isEmpty())
            QDesktopServices::openUrl(QUrl(url));
    });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        const QString url
            = m_model->index(currentRow(), 0).data(PortForwardListModel::UrlRole).toString();
        if (!url.isEmpty())
            QGuiApplication::clipboard()->setText(url);
    });
    connect(m_table, &QTableView::doubleClicked, m_open, &QPushButton::click);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PortForwardsPanel::updateButtons);
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int, int last) {
                selectRow(last);
                m_table->resizeColumnsToContents();
            });
    connect(model, &QAbstractItemModel::rowsRemoved, this, &PortForwardsPanel::updateButtons);
    connect(model, &QAbstractItemModel::dataChanged, this, &PortForwardsPanel::updateButtons);
    updateButtons();
}

void PortForwardsPanel::selectRow(int row)
{
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_model->index(row, 0));
    updateButtons();
}

int PortForwardsPanel::currentRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void PortForwardsPanel::updateButtons()
{
    const int row = currentRow();
    const bool listening
        = row >= 0
          && !m_model->index(row, 0).data(PortForwardListModel::UrlRole).toString().isEmpty();
    m_stop->setEnabled(row >= 0);
    m_open->setEnabled(listening);
    m_copy->setEnabled(listening);
}

} // namespace Orrery
