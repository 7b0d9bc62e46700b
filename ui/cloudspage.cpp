// SPDX-License-Identifier: GPL-3.0-or-later
#include "cloudspage.h"

#include <cloudtreemodel.h>
#include <codeview.h>

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Orrery {

CloudsPage::CloudsPage(CloudTreeModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("cloudsPage"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<b>Clouds</b>: the clusters and apps your cloud credentials can "
                                "see. Connecting uses a token Orrery makes itself; the "
                                "kubeconfig is only written by Add to kubeconfig."),
                             this);
    title->setWordWrap(true);
    layout->addWidget(title);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("cloudsTree"));
    m_view->setModel(model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(CloudTreeModel::NameColumn,
                                           QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(CloudTreeModel::StatusColumn,
                                           QHeaderView::ResizeToContents);
    m_view->expandAll();
    layout->addWidget(m_view, 1);
    // What arrives is shown open: a discovery inserts an account's groups and resources.
    connect(model, &QAbstractItemModel::rowsInserted, m_view,
            [this](const QModelIndex &under, int first, int last) {
                m_view->expand(under);
                for (int row = first; row <= last; ++row)
                    m_view->expand(m_model->index(row, 0, under));
            });
    connect(model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);

    auto *buttons = new QHBoxLayout;
    m_connect = new QPushButton(tr("Connect"), this);
    m_connect->setObjectName(QStringLiteral("cloudsConnect"));
    m_connect->setToolTip(tr("Open the cluster in Orrery with a token made in memory"));
    m_add = new QPushButton(tr("Add to kubeconfig…"), this);
    m_add->setObjectName(QStringLiteral("cloudsAddToKubeconfig"));
    m_add->setToolTip(tr("Write the context the provider's CLI would write, after showing the "
                         "change"));
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("cloudsRefresh"));
    buttons->addWidget(m_connect);
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    buttons->addWidget(m_refresh);
    layout->addLayout(buttons);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("cloudsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CloudsPage::updateButtons);
    connect(model, &QAbstractItemModel::modelReset, this, &CloudsPage::updateButtons);
    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (const auto cluster = selectedCluster())
            emit connectRequested(*cluster);
    });
    connect(m_add, &QPushButton::clicked, this, [this] {
        if (const auto cluster = selectedCluster())
            emit addToKubeconfigRequested(*cluster);
    });
    connect(m_refresh, &QPushButton::clicked, this, &CloudsPage::refreshRequested);
    // One click: activating a cluster row connects it.
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const auto resource = m_model->resourceAt(index);
        if (resource && resource->kind == CloudResource::Kind::Cluster)
            emit connectRequested(*resource);
    });
    updateButtons();
}

std::optional<CloudResource> CloudsPage::selectedCluster() const
{
    const auto resource = m_model->resourceAt(m_view->currentIndex());
    if (!resource || resource->kind != CloudResource::Kind::Cluster)
        return std::nullopt;
    return resource;
}

void CloudsPage::updateButtons()
{
    const bool cluster = selectedCluster().has_value();
    m_connect->setEnabled(cluster);
    m_add->setEnabled(cluster);
}

void CloudsPage::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
}

bool CloudsPage::selectResource(const QString &ref)
{
    const QModelIndex index = m_model->resourceIndex(ref);
    if (!index.isValid())
        return false;
    m_view->expand(index.parent());
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

bool CloudsPage::confirmAddToKubeconfig(QWidget *parent, const QString &title,
                                        const QStringList &summary, const QStringList &warnings,
                                        const QString &diff)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("addToKubeconfigDialog"));
    dialog.setWindowTitle(title);
    auto *layout = new QVBoxLayout(&dialog);
    auto *text = new QLabel(summary.join(QLatin1Char('\n')), &dialog);
    text->setWordWrap(true);
    layout->addWidget(text);
    for (const QString &warning : warnings) {
        auto *w = new QLabel(warning, &dialog);
        w->setWordWrap(true);
        w->setStyleSheet(QStringLiteral("color: #b9770e;"));
        layout->addWidget(w);
    }
    auto *code = new CodeView(CodeView::Syntax::Diff, &dialog);
    code->setPlainText(diff);
    layout->addWidget(code, 1);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    box->addButton(tr("Write"), QDialogButtonBox::AcceptRole);
    QObject::connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(box);
    dialog.resize(760, 520);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace Orrery
