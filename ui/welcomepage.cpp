// SPDX-License-Identifier: GPL-3.0-or-later
#include "welcomepage.h"

#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Orrery {

namespace {

QPushButton *bigButton(const QString &title, const QString &detail, QWidget *parent)
{
    auto *b = new QPushButton(title + QLatin1Char('\n') + detail, parent);
    b->setMinimumSize(420, 64);
    b->setStyleSheet(QStringLiteral(
        "QPushButton{text-align:left;padding:10px 16px;border:1px solid #c5ccd6;border-radius:6px;background:#fafbfc;}"
        "QPushButton:hover{border-color:#1f5fa8;background:#f0f5fc;}"
        "QPushButton:disabled{color:#9aa1aa;background:#f3f4f6;}"));
    return b;
}

} // namespace

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent), m_problem(new QLabel(this))
{
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *column = new QVBoxLayout;
    column->setSpacing(12);
    auto *title = new QLabel(tr("Welcome to Orrery"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 2);
    f.setBold(true);
    title->setFont(f);
    auto *intro = new QLabel(tr("See your Kubernetes clusters live: workloads, networking, storage and events, "
                                "with changes that cannot go to the wrong cluster."), this);
    intro->setWordWrap(true);
    intro->setMaximumWidth(460);
    intro->setStyleSheet(QStringLiteral("color:#556;"));
    m_problem->setWordWrap(true);
    m_problem->setMaximumWidth(460);
    m_problem->setStyleSheet(QStringLiteral("color:#8a5a00;background:#fff6e0;border:1px solid #f0d9a0;border-radius:4px;padding:8px;"));
    m_problem->hide();

    m_demo = bigButton(tr("Open the demo cluster"), tr("A simulated cluster on this computer; nothing real is touched."), this);
    m_file = bigButton(tr("Open a kubeconfig file…"), tr("Use the clusters and credentials kubectl uses."), this);
    m_cloud = bigButton(tr("Add a cloud account"), tr("AWS, Google Cloud, Azure"), this);
    m_cloud->setEnabled(false);
    m_cloud->setToolTip(tr("Coming later"));

    column->addWidget(title);
    column->addWidget(intro);
    column->addWidget(m_problem);
    column->addSpacing(8);
    column->addWidget(m_demo);
    column->addWidget(m_file);
    column->addWidget(m_cloud);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addLayout(column);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(m_file, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Open Kubeconfig"), QDir::homePath() + QStringLiteral("/.kube"),
                                                          tr("Kubeconfig (config *.yaml *.yml *.conf);;All files (*)"));
        if (!file.isEmpty())
            emit kubeconfigChosen(file);
    });
}

void WelcomePage::setProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

} // namespace Orrery
