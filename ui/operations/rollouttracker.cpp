// SPDX-License-Identifier: GPL-3.0-or-later
#include "rollouttracker.h"

#include <theme.h>

#include <kube/clustersession.h>
#include <operations/workloadoperations.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Orrery {

RolloutTracker::RolloutTracker(ClusterSession *session, Kind kind, const QString &ns,
                               const QString &name, QWidget *parent)
    : QFrame(parent)
    , m_watch(new RolloutWatch(session ? session->transport() : nullptr, kind, ns, name, this))
{
    setObjectName(QStringLiteral("RolloutTracker"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *title = new QLabel(tr("Rollout of %1 %2/%3").arg(kindName(kind), ns, name), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("\u00d7"));
    close->setToolTip(tr("Stop following and dismiss"));
    top->addWidget(title, 1);
    top->addWidget(close);
    layout->addLayout(top);
    m_text = new QLabel(m_watch->message(), this);
    m_text->setObjectName(QStringLiteral("rolloutMessage"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    layout->addWidget(m_text);
    m_detail = new QLabel(this);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->hide();
    layout->addWidget(m_detail);
    m_rollback = new QPushButton(tr("Roll back"), this);
    m_rollback->setObjectName(QStringLiteral("rolloutRollback"));
    m_rollback->setToolTip(tr("Undo to the previous revision (asks for confirmation)."));
    m_rollback->hide();
    layout->addWidget(m_rollback, 0, Qt::AlignLeft);
    connect(m_rollback, &QPushButton::clicked, this,
            [this] { emit rollbackRequested(m_watch->kind(), m_watch->ns(), m_watch->name()); });
    connect(close, &QToolButton::clicked, this, &QObject::deleteLater);
    connect(m_watch, &RolloutWatch::changed, this, [this] { present(m_watch->state()); });
}

RolloutTracker::~RolloutTracker() = default;

void RolloutTracker::present(State state)
{
    m_text->setText(m_watch->message());
    m_detail->setText(m_watch->detail());
    m_detail->setVisible(!m_watch->detail().isEmpty());
    if (state == State::Succeeded)
        setStyleSheet(QStringLiteral("QFrame#RolloutTracker { border: 2px solid %1; }")
                          .arg(Theme::instance()->name(Theme::Role::Ok)));
    if (state == State::Failed) {
        setStyleSheet(QStringLiteral("QFrame#RolloutTracker { border: 2px solid %1; }")
                          .arg(Theme::instance()->name(Theme::Role::Danger)));
        m_rollback->setVisible(isRolloutKind(m_watch->kind()));
    }
}

} // namespace Orrery
