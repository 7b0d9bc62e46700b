// SPDX-License-Identifier: GPL-3.0-or-later
#include "welcomepage.h"

#include <kindicons.h>
#include <theme.h>

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Orrery {

namespace {

QPushButton *bigButton(const QString &title, const QString &detail, QWidget *parent)
{
    auto *b = new QPushButton(title + QLatin1Char('\n') + detail, parent);
    b->setMinimumSize(420, 64);
    return b;
}

} // namespace

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_problem(new QLabel(this))
{
    // In a scroll area: the window's pages share one stack, whose minimum height is its
    // tallest page's; this page's 390 px kept a small window's docks (Operations) too short.
    auto *pageLayout = new QVBoxLayout(this);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    auto *content = new QWidget(scroll);
    auto *outer = new QVBoxLayout(content);
    outer->addStretch(1);
    auto *column = new QVBoxLayout;
    column->setSpacing(12);
    auto *logo = new QLabel(this);
    logo->setPixmap(applicationIcon().pixmap(QSize(72, 72), devicePixelRatioF()));
    auto *title = new QLabel(tr("Welcome to Orrery"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 2);
    f.setBold(true);
    title->setFont(f);
    auto *intro = new QLabel(
        tr("See your Kubernetes clusters live: workloads, networking, storage and events, "
           "with changes that cannot go to the wrong cluster."),
        this);
    intro->setWordWrap(true);
    intro->setMaximumWidth(460);
    m_intro = intro;
    m_problem->setWordWrap(true);
    m_problem->setMaximumWidth(460);
    m_problem->hide();

    m_demo = bigButton(tr("Open the demo cluster"),
                       tr("A simulated cluster on this computer; nothing real is touched."), this);
    m_file = bigButton(tr("Open a kubeconfig file…"),
                       tr("Use the clusters and credentials kubectl uses."), this);
    m_cloud = bigButton(tr("Add a cloud account"), tr("AWS, Google Cloud, Azure"), this);
    m_cloud->setEnabled(false);
    m_cloud->setToolTip(tr("Coming later"));

    column->addWidget(logo);
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
    scroll->setWidget(content);
    pageLayout->addWidget(scroll);

    applyTheme();

    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(m_file, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Open Kubeconfig"), QDir::homePath() + QStringLiteral("/.kube"),
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

QString WelcomePage::problem() const
{
    return m_problem->text();
}

void WelcomePage::applyTheme()
{
    if (!m_cloud)
        return; // still being built
    const Theme *t = Theme::instance();
    const auto c = [t](Theme::Role role) { return t->name(role); };
    const QString button
        = QStringLiteral("QPushButton{text-align:left;padding:10px 16px;color:%1;border:1px solid "
                         "%2;border-radius:6px;background:%3;}"
                         "QPushButton:hover{border-color:%4;background:%5;}"
                         "QPushButton:disabled{color:%6;background:%7;}")
              .arg(c(Theme::Role::Text), c(Theme::Role::Border), c(Theme::Role::Base),
                   c(Theme::Role::Accent), c(Theme::Role::InfoFill), c(Theme::Role::MutedText),
                   c(Theme::Role::NeutralFill));
    for (QPushButton *b : {m_demo, m_file, m_cloud})
        b->setStyleSheet(button);
    m_intro->setStyleSheet(QStringLiteral("color:%1;").arg(c(Theme::Role::MutedText)));
    m_problem->setStyleSheet(
        QStringLiteral("color:%1;background:%2;border:1px solid %3;border-radius:4px;padding:8px;")
            .arg(c(Theme::Role::Text), c(Theme::Role::WarningFill), c(Theme::Role::Warning)));
}

void WelcomePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

} // namespace Orrery
