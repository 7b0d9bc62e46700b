// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "changebatch.h"
#include "kubeobject.h"
#include "storedelta.h"
#include "util/limits.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <array>
#include <mutex>
#include <vector>

namespace Orrery {

// The typed object store of one cluster. It lives on the GUI thread (the thread that owns
// it); readers call its accessors directly and never block. Informers hand changes in from
// worker threads with post(); the store applies them at most every flushInterval (50 ms) on
// its own thread and then emits changed() once with the coalesced batch.
//
// Invariants: per kind, at most one object per key (namespace/name); an object in the store
// is the last state the API server reported (no ghosts after a Replace); changed() is emitted
// after the store holds the new state and never with an empty batch.
class ResourceStore : public QObject
{
    Q_OBJECT

public:
    explicit ResourceStore(QObject *parent = nullptr);
    ~ResourceStore() override;

    // Thread-safe. Queues deltas; the flush runs on the store's thread.
    void post(StoreDelta delta);
    void post(std::vector<StoreDelta> deltas);

    // Applies everything queued now (tests, and commands that must see a consistent state).
    void flush();

    void setFlushInterval(int ms) { m_flushTimer.setInterval(ms); }

    // Thread-safe. Deltas posted and not yet applied. Past Limits::maxStoreInboxBacklog the
    // inbox is compacted to the last delta per object (and the last Replace per scope), so a
    // GUI thread that stalls while events pour in costs memory in proportion to the cluster,
    // not to the stall.
    int pendingDeltas() const;

    // Accessors: GUI thread only (the store's thread).
    KubeObjectPtr object(Kind kind, const QString &ns, const QString &name) const;
    KubeObjectPtr objectByUid(const QString &uid) const;
    QList<KubeObjectPtr> objects(Kind kind) const;
    QList<KubeObjectPtr> objects(Kind kind, const QString &ns) const;
    const QHash<QString, KubeObjectPtr> &index(Kind kind) const; // key → object
    int count(Kind kind) const;
    // True once a full list of the kind has been applied (a Replace for it arrived).
    bool hasSynced(Kind kind) const;

    void clear(); // emits Deleted for everything

signals:
    void changed(const Orrery::ChangeBatch &batch);
    void kindSynced(Orrery::Kind kind);

private:
    void scheduleFlush();
    void apply(StoreDelta &delta, class ChangeCoalescer &out);
    static void compactInbox(std::vector<StoreDelta> &inbox);

    std::array<QHash<QString, KubeObjectPtr>, KindCount> m_objects;
    QHash<QString, KubeObjectPtr> m_byUid;
    std::array<bool, KindCount> m_synced{};
    QTimer m_flushTimer;

    mutable std::mutex m_inboxMutex;
    std::vector<StoreDelta> m_inbox;
    qsizetype m_compactAt = Limits::maxStoreInboxBacklog; // raised after a compaction
    bool m_flushPosted = false;
};

} // namespace Orrery
