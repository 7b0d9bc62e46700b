// SPDX-License-Identifier: GPL-3.0-or-later
#include "rollouttracker.h"

#include "jsonfetch.h"

#include <theme.h>

#include <kube/actions/deploymentrollback.h>
#include <kube/actions/resourcepath.h>
#include <kube/clustersession.h>
#include <util/jsonread.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Orrery {

RolloutTracker::RolloutTracker(ClusterSession *session, Kind kind, const QString &ns,
                               const QString &name, QWidget *parent)
    : QFrame(parent)
    , m_session(session)
    , m_kind(kind)
    , m_ns(ns)
    , m_name(name)
{
    setObjectName(QStringLiteral("RolloutTracker"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_title = new QLabel(tr("Rollout of %1 %2/%3").arg(kindName(kind), ns, name), this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("\u00d7"));
    close->setToolTip(tr("Stop following and dismiss"));
    top->addWidget(m_title, 1);
    top->addWidget(close);
    layout->addLayout(top);
    m_text = new QLabel(tr("Waiting for the first status\u2026"), this);
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
            [this] { emit rollbackRequested(m_kind, m_ns, m_name); });
    connect(close, &QToolButton::clicked, this, &QObject::deleteLater);

    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &RolloutTracker::poll);
    m_timer->start();
    m_elapsed.start();
    QTimer::singleShot(0, this, &RolloutTracker::poll);
}

RolloutTracker::~RolloutTracker() = default;

void RolloutTracker::setPollInterval(int ms)
{
    m_timer->setInterval(ms);
}

QString RolloutTracker::message() const
{
    return m_text->text();
}

void RolloutTracker::setText(const QString &text, const QString &detail)
{
    m_text->setText(text);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
}

void RolloutTracker::poll()
{
    if (m_state != State::Running || m_inFlight)
        return;
    if (!m_session) {
        finish(State::Stopped, tr("Stopped following: the cluster was disconnected."));
        return;
    }
    if (m_elapsed.elapsed() > qint64(m_timeoutSeconds) * 1000) {
        finish(State::Stopped, tr("Stopped following after %1 minutes without a verdict: %2")
                                   .arg(m_timeoutSeconds / 60)
                                   .arg(m_text->text()));
        return;
    }
    m_inFlight = true;
    fetchJson(m_session->transport(), ResourcePath::forKind(m_kind, m_ns, m_name), this,
              [this](const Result<nlohmann::json> &workload) {
                  if (!workload.ok()) {
                      m_inFlight = false;
                      if (workload.error().code == Error::Code::NotFound)
                          finish(State::Stopped,
                                 tr("%1 %2 no longer exists.").arg(kindName(m_kind), m_name));
                      else
                          setText(
                              m_text->text(),
                              tr("Could not read the status: %1").arg(workload.error().message));
                      return;
                  }
                  onWorkload(workload.value());
              });
}

void RolloutTracker::onWorkload(const nlohmann::json &workload)
{
    const QString selector = matchLabelsSelector(JsonRead::object(workload, {"spec", "selector"}));
    if (m_kind != Kind::Deployment) {
        const RolloutStatus status = RolloutStatus::evaluate(workload);
        fetchJson(m_session->transport(),
                  ResourcePath::addQuery(ResourcePath::forKind(Kind::Pod, m_ns),
                                         QStringLiteral("labelSelector"), selector),
                  this, [this, workload, status](const Result<nlohmann::json> &pods) {
                      onPods(workload, status, pods.ok() ? pods.value() : nlohmann::json::object());
                  });
        return;
    }
    // Deployments: only the pods of the new ReplicaSet count for crash loops; old ones may be
    // failing for reasons this rollout fixes.
    fetchJson(m_session->transport(),
              ResourcePath::addQuery(ResourcePath::forKind(Kind::ReplicaSet, m_ns),
                                     QStringLiteral("labelSelector"), selector),
              this, [this, workload, selector](const Result<nlohmann::json> &replicaSets) {
                  std::optional<nlohmann::json> newest;
                  if (replicaSets.ok()) {
                      const nlohmann::json owned
                          = DeploymentRollback::controlled(workload, replicaSets.value());
                      qint64 best = -1;
                      for (const auto &rs : owned) {
                          const qint64 r = DeploymentRollback::revision(rs);
                          if (r > best) {
                              best = r;
                              newest = rs;
                          }
                      }
                  }
                  const RolloutStatus status = RolloutStatus::evaluate(workload, newest);
                  QString podSelector = selector;
                  if (newest) {
                      const QString hash
                          = JsonRead::string(*newest, {"metadata", "labels", "pod-template-hash"});
                      if (!hash.isEmpty())
                          podSelector += QStringLiteral(",pod-template-hash=") + hash;
                  }
                  fetchJson(m_session->transport(),
                            ResourcePath::addQuery(ResourcePath::forKind(Kind::Pod, m_ns),
                                                   QStringLiteral("labelSelector"), podSelector),
                            this, [this, workload, status](const Result<nlohmann::json> &pods) {
                                onPods(workload, status,
                                       pods.ok() ? pods.value() : nlohmann::json::object());
                            });
              });
}

void RolloutTracker::onPods(const nlohmann::json &workload, const RolloutStatus &status,
                            const nlohmann::json &pods)
{
    Q_UNUSED(workload)
    m_inFlight = false;
    if (m_state != State::Running)
        return;
    if (status.done()) {
        finish(State::Succeeded, status.message);
        return;
    }
    if (status.failed()) {
        finish(State::Failed, status.message);
        return;
    }
    const QList<ContainerProblem> problems = CrashLoopDetector::detect(pods);
    if (!problems.isEmpty()) {
        QStringList lines;
        for (const ContainerProblem &p : problems)
            lines << tr("%1/%2: %3 %4").arg(p.pod, p.container, p.reason, p.message).trimmed();
        finish(State::Failed, status.message + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
        return;
    }
    setText(status.message);
}

void RolloutTracker::finish(State state, const QString &text)
{
    m_state = state;
    m_timer->stop();
    switch (state) {
    case State::Succeeded:
        setText(text);
        setStyleSheet(QStringLiteral("QFrame#RolloutTracker { border: 2px solid %1; }")
                          .arg(Theme::instance()->name(Theme::Role::Ok)));
        break;
    case State::Failed:
        setText(tr("Rollout failed."), text);
        setStyleSheet(QStringLiteral("QFrame#RolloutTracker { border: 2px solid %1; }")
                          .arg(Theme::instance()->name(Theme::Role::Danger)));
        m_rollback->setVisible(m_kind == Kind::Deployment || m_kind == Kind::StatefulSet
                               || m_kind == Kind::DaemonSet);
        break;
    case State::Stopped:
    case State::Running: setText(text); break;
    }
    emit finished(state);
}

} // namespace Orrery
