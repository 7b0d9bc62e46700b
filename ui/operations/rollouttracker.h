// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/kubekind.h>
#include <operations/rolloutwatch.h>

#include <QFrame>

class QLabel;
class QPushButton;

namespace Orrery {

class ClusterSession;

// `kubectl rollout status` as a card: shows a RolloutWatch (core/operations/rolloutwatch.h)
// live, and when the rollout fails offers "Roll back" (rollbackRequested; the controller
// confirms as usual).
class RolloutTracker : public QFrame
{
    Q_OBJECT
public:
    using State = RolloutWatch::State;

    RolloutTracker(ClusterSession *session, Kind kind, const QString &ns, const QString &name,
                   QWidget *parent = nullptr);
    ~RolloutTracker() override;

    State state() const { return m_watch->state(); }
    QString message() const { return m_watch->message(); }
    QString name() const { return m_watch->name(); }
    QPushButton *rollbackButton() const { return m_rollback; }

signals:
    void rollbackRequested(Orrery::Kind kind, const QString &ns, const QString &name);

private:
    void present(State state);

    RolloutWatch *m_watch;
    QLabel *m_text;
    QLabel *m_detail;
    QPushButton *m_rollback;
};

} // namespace Orrery
