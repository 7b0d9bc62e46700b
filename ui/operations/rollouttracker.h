// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/actions/crashloopdetector.h>
#include <kube/actions/rolloutstatus.h>
#include <kube/clustersession.h>
#include <kube/kubekind.h>

#include <QElapsedTimer>
#include <QFrame>
#include <QPointer>

class QLabel;
class QPushButton;
class QTimer;

namespace Orrery {

// `kubectl rollout status` as a card: polls the workload (and, for Deployments, the new
// ReplicaSet and its pods) about once a second, shows kubectl's message live, and ends with
// success, or failure when the progress deadline is exceeded or pods crash-loop, at which
// point "Roll back" is offered (rollbackRequested; the controller confirms as usual).
// Polling rather than following the store: the store drops fields RolloutStatus needs
// (conditions' reasons, observedGeneration), and one GET a second is nothing for one object.
class RolloutTracker : public QFrame
{
    Q_OBJECT
public:
    enum class State { Running, Succeeded, Failed, Stopped };

    RolloutTracker(ClusterSession *session, Kind kind, const QString &ns, const QString &name,
                   QWidget *parent = nullptr);
    ~RolloutTracker() override;

    State state() const { return m_state; }
    QString message() const;
    Kind kind() const { return m_kind; }
    QString ns() const { return m_ns; }
    QString name() const { return m_name; }
    QPushButton *rollbackButton() const { return m_rollback; }

    void setPollInterval(int ms);
    // Gives up (state Stopped) after this long without a verdict.
    void setTimeout(int seconds) { m_timeoutSeconds = seconds; }

signals:
    void rollbackRequested(Orrery::Kind kind, const QString &ns, const QString &name);
    void finished(Orrery::RolloutTracker::State state);

private:
    void poll();
    void onWorkload(const nlohmann::json &workload);
    void onPods(const nlohmann::json &workload, const RolloutStatus &status,
                const nlohmann::json &pods);
    void finish(State state, const QString &text);
    void setText(const QString &text, const QString &detail = {});

    QPointer<ClusterSession> m_session;
    Kind m_kind;
    QString m_ns;
    QString m_name;
    State m_state = State::Running;
    QLabel *m_title;
    QLabel *m_text;
    QLabel *m_detail;
    QPushButton *m_rollback;
    QTimer *m_timer;
    QElapsedTimer m_elapsed;
    int m_timeoutSeconds = 600;
    bool m_inFlight = false;
};

} // namespace Orrery
