// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/actions/rolloutstatus.h"
#include "kube/kubekind.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>

#include <nlohmann/json.hpp>

class QTimer;

namespace Orrery {

class HttpTransport;

// `kubectl rollout status` after a write: polls the workload (and, for Deployments, the new
// ReplicaSet and its pods) about once a second, says kubectl's message as it changes, and ends
// with success, or failure when the progress deadline is exceeded or pods crash-loop.
// Polling rather than following the store: the store drops fields RolloutStatus needs
// (conditions' reasons, observedGeneration), and one GET a second is nothing for one object.
// The reads are decoded on the transport's worker (jsonfetch.h). `transport` may go away
// (the session closed): the watch then stops.
class RolloutWatch : public QObject
{
    Q_OBJECT
public:
    enum class State { Running, Succeeded, Failed, Stopped };

    RolloutWatch(HttpTransport *transport, Kind kind, QString ns, QString name,
                 QObject *parent = nullptr);
    ~RolloutWatch() override;

    State state() const { return m_state; }
    Kind kind() const { return m_kind; }
    const QString &ns() const { return m_ns; }
    const QString &name() const { return m_name; }
    // kubectl's line; after a failure, what failed (the crash-looping containers).
    const QString &message() const { return m_message; }
    const QString &detail() const { return m_detail; }

    void setPollInterval(int ms);
    // Gives up (state Stopped) after this long without a verdict.
    void setTimeout(int seconds) { m_timeoutSeconds = seconds; }
    void stop();

signals:
    void changed();
    void finished(Orrery::RolloutWatch::State state);

private:
    void poll();
    void onWorkload(const nlohmann::json &workload);
    void onPods(const RolloutStatus &status, const nlohmann::json &pods);
    void finish(State state, const QString &text, const QString &detail = {});
    void say(const QString &text, const QString &detail = {});

    QPointer<HttpTransport> m_transport;
    Kind m_kind;
    QString m_ns;
    QString m_name;
    State m_state = State::Running;
    QString m_message;
    QString m_detail;
    QTimer *m_timer;
    QElapsedTimer m_elapsed;
    int m_timeoutSeconds = 600;
    bool m_inFlight = false;
};

} // namespace Orrery
