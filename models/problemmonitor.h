// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/changebatch.h>
#include <kube/problemdetector.h>

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

namespace Orrery {

class ResourceStore;
class SessionManager;

// The problems of every connected context: one ProblemDetector per context, fed with its
// store's change batches as the SessionManager relays them (so the cost of a batch follows the
// batch), rebuilt when a context's session is replaced, dropped on disconnect. Objects in their
// grace period are looked at again when it ends. The Problems page, the navigator's, namespace
// filter's and sidebar's counts, the topology's "need attention" counter and the desktop
// notification all read this one place.
class ProblemMonitor : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<Timestamp()>;

    explicit ProblemMonitor(SessionManager *sessions, QObject *parent = nullptr);
    ~ProblemMonitor() override;

    // Tests move time forward; the default reads the wall clock.
    void setClock(Clock clock) { m_clock = std::move(clock); }
    Timestamp now() const { return m_clock(); }

    QStringList contexts() const { return m_watches.keys(); } // with a detector
    QList<Problem> problems(const QString &context) const;
    int count(const QString &context) const;
    int count(const QString &context, Kind kind) const;
    ProblemDetector::KindCounts countsByKind(const QString &context) const;
    QHash<QString, int> countsByNamespace(const QString &context) const;
    // The problems of whichever detector follows `store` (the topology page knows stores).
    const ProblemDetector *detectorFor(const ResourceStore *store) const;

    // Examines every connected context now (after a change of the clock, in tests).
    void recheckAll();

signals:
    void problemsChanged(const QString &context);
    // A rollout failed or stalled on a watched (connected and synced) context, after it synced.
    void rolloutFailed(const QString &context, const Orrery::Problem &problem);

private:
    struct Watch
    {
        QPointer<ResourceStore> store;
        ProblemDetector detector;
    };
    Watch *watchFor(const QString &context);
    void onBatch(const QString &context, const ChangeBatch &batch);
    void report(const QString &context, const ProblemDetector::Changes &changes);
    void drop(const QString &context);

    SessionManager *m_sessions;
    Clock m_clock;
    QHash<QString, std::shared_ptr<Watch>> m_watches;
    QTimer m_recheck;
};

} // namespace Orrery
