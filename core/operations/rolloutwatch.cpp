// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutwatch.h"

#include "jsonfetch.h"

#include "kube/actions/crashloopdetector.h"
#include "kube/actions/deploymentrollback.h"
#include "kube/actions/resourcepath.h"
#include "kube/httptransport.h"
#include "util/jsonread.h"

#include <QTimer>

namespace Orrery {

RolloutWatch::RolloutWatch(HttpTransport *transport, Kind kind, QString ns, QString name,
                           QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_kind(kind)
    , m_ns(std::move(ns))
    , m_name(std::move(name))
    , m_message(tr("Waiting for the first status\u2026"))
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &RolloutWatch::poll);
    m_timer->start();
    m_elapsed.start();
    QTimer::singleShot(0, this, &RolloutWatch::poll);
}

RolloutWatch::~RolloutWatch() = default;

void RolloutWatch::setPollInterval(int ms)
{
    m_timer->setInterval(ms);
}

void RolloutWatch::stop()
{
    m_state = State::Stopped;
    m_timer->stop();
}

void RolloutWatch::say(const QString &text, const QString &detail)
{
    m_message = text;
    m_detail = detail;
    emit changed();
}

void RolloutWatch::poll()
{
    if (m_state != State::Running || m_inFlight)
        return;
    if (!m_transport) {
        finish(State::Stopped, tr("Stopped following: the cluster was disconnected."));
        return;
    }
    if (m_elapsed.elapsed() > qint64(m_timeoutSeconds) * 1000) {
        finish(State::Stopped, tr("Stopped following after %1 minutes without a verdict: %2")
                                   .arg(m_timeoutSeconds / 60)
                                   .arg(m_message));
        return;
    }
    m_inFlight = true;
    fetchJson(m_transport, ResourcePath::forKind(m_kind, m_ns, m_name), this,
              [this](const Result<nlohmann::json> &workload) {
                  if (!workload.ok()) {
                      m_inFlight = false;
                      if (workload.error().code == Error::Code::NotFound)
                          finish(State::Stopped,
                                 tr("%1 %2 no longer exists.").arg(kindName(m_kind), m_name));
                      else
                          say(m_message,
                              tr("Could not read the status: %1").arg(workload.error().message));
                      return;
                  }
                  onWorkload(workload.value());
              });
}

void RolloutWatch::onWorkload(const nlohmann::json &workload)
{
    if (!m_transport) {
        m_inFlight = false;
        return;
    }
    const QString selector = matchLabelsSelector(JsonRead::object(workload, {"spec", "selector"}));
    if (m_kind != Kind::Deployment) {
        const RolloutStatus status = RolloutStatus::evaluate(workload);
        fetchJson(m_transport,
                  ResourcePath::addQuery(ResourcePath::forKind(Kind::Pod, m_ns),
                                         QStringLiteral("labelSelector"), selector),
                  this, [this, status](const Result<nlohmann::json> &pods) {
                      onPods(status, pods.ok() ? pods.value() : nlohmann::json::object());
                  });
        return;
    }
    // Deployments: only the pods of the new ReplicaSet count for crash loops; old ones may be
    // failing for reasons this rollout fixes.
    fetchJson(m_transport,
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
                  if (!m_transport) {
                      m_inFlight = false;
                      return;
                  }
                  fetchJson(m_transport,
                            ResourcePath::addQuery(ResourcePath::forKind(Kind::Pod, m_ns),
                                                   QStringLiteral("labelSelector"), podSelector),
                            this, [this, status](const Result<nlohmann::json> &pods) {
                                onPods(status, pods.ok() ? pods.value() : nlohmann::json::object());
                            });
              });
}

void RolloutWatch::onPods(const RolloutStatus &status, const nlohmann::json &pods)
{
    m_inFlight = false;
    if (m_state != State::Running)
        return;
    if (status.done()) {
        finish(State::Succeeded, status.message);
        return;
    }
    if (status.failed()) {
        finish(State::Failed, tr("Rollout failed."), status.message);
        return;
    }
    const QList<ContainerProblem> problems = CrashLoopDetector::detect(pods);
    if (!problems.isEmpty()) {
        QStringList lines;
        for (const ContainerProblem &p : problems)
            lines << tr("%1/%2: %3 %4").arg(p.pod, p.container, p.reason, p.message).trimmed();
        finish(State::Failed, tr("Rollout failed."),
               status.message + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
        return;
    }
    say(status.message);
}

void RolloutWatch::finish(State state, const QString &text, const QString &detail)
{
    m_state = state;
    m_timer->stop();
    say(text, detail);
    emit finished(state);
}

} // namespace Orrery
