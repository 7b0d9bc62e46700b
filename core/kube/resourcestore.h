// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "changebatch.h"
#include "kubeobject.h"
#include "storedelta.h"
#include "util/limits.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <array>
#include <mutex>
#include <vector>

namespace Orrery {

// The typed object store of one cluster. It lives on the GUI thread (the thread that owns
// it); readers call its accessors directly and never block. Informers hand changes in from
// worker threads with post(); the store applies them at most every flushInterval (50 ms) on
// its own thread and then emits changed() once with the coalesced batch. A list arrives page by
// page (StoreDelta::ListPage): rows appear as pages come, and the kind is synced (kindSynced) when
// the last page has been applied.
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
    // True once a full list of the kind has been applied (its last page or a Replace).
    bool hasSynced(Kind kind) const;

    // The lists of a kind under way (the first sync, or a relist), summed over their scopes:
    // objects received so far, and the total they will probably reach (what was received
    // plus the server's remainingItemCount after the last page; -1 when a server did not
    // say). Not listing: {false, 0, -1}.
    struct ListProgress
    {
        bool listing = false;
        qint64 listed = 0;
        qint64 expected = -1;
    };
    ListProgress listProgress(Kind kind) const;

    // Thread-safe: a new id for the pages of one list (StoreDelta::listId).
    static quint64 newListId();

    void clear(); // emits Deleted for everything

signals:
    void changed(const Orrery::ChangeBatch &batch);
    void kindSynced(Orrery::Kind kind);
    // A page of the kind's list was applied, or its list completed (listProgress()).
    void listProgressChanged(Orrery::Kind kind);

private:
    void scheduleFlush();
    void apply(StoreDelta &delta, class ChangeCoalescer &out);
    // A ListPage (or a Replace as a one-page list); returns true when it completed its list.
    bool applyPage(StoreDelta &delta, class ChangeCoalescer &out);
    void upsert(Kind kind, const KubeObjectPtr &object, class ChangeCoalescer &out,
                const QString &key);
    static void compactInbox(std::vector<StoreDelta> &inbox);

    std::array<QHash<QString, KubeObjectPtr>, KindCount> m_objects;
    QHash<QString, KubeObjectPtr> m_byUid;
    std::array<bool, KindCount> m_synced{};
    // A list of one kind and scope in progress: the keys of the objects that were in its
    // scope when it started and that no page has contained yet (pruned when it completes).
    struct ListInProgress
    {
        Kind kind = Kind::Pod;
        QString scope;
        quint64 listId = 0;
        QSet<QString> unseen;
        qint64 listed = 0;
        qint64 remaining = -1;
    };
    std::vector<ListInProgress> m_lists;
    QTimer m_flushTimer;

    mutable std::mutex m_inboxMutex;
    std::vector<StoreDelta> m_inbox;
    qsizetype m_compactAt = Limits::maxStoreInboxBacklog; // raised after a compaction
    bool m_flushPosted = false;
};

} // namespace Orrery
