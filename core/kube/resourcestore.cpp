// SPDX-License-Identifier: GPL-3.0-or-later
#include "resourcestore.h"

#include "util/limits.h"

#include <QMetaObject>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <limits>

#include <unordered_map>

namespace Orrery {

// Collects the changes of one flush, merging repeated changes to the same object so that a
// model sees each object at most once per batch (see ChangeBatch).
class ChangeCoalescer
{
public:
    void add(ObjectChange::Type type, Kind kind, const KubeObjectPtr &object,
             const KubeObjectPtr &previous)
    {
        add(type, kind, object, previous, object->key());
    }
    // `key` is object->key(), when the caller has it already (no second string built).
    void add(ObjectChange::Type type, Kind kind, const KubeObjectPtr &object,
             const KubeObjectPtr &previous, const QString &key)
    {
        auto &index = m_index[std::size_t(kind)];
        auto it = index.find(key);
        if (it == index.end()) {
            index.emplace(key, m_changes.size());
            m_changes.push_back({type, kind, object, previous});
            m_live.push_back(true);
            return;
        }
        ObjectChange &c = m_changes[it->second];
        using T = ObjectChange::Type;
        if (!m_live[it->second]) {
            // Added then Deleted earlier in this flush, and now back: it is new again.
            c = {T::Added, kind, object, nullptr};
            m_live[it->second] = true;
            return;
        }
        switch (c.type) {
        case T::Added:
            if (type == T::Deleted)
                m_live[it->second] = false; // never seen by anyone: drop it
            else
                c.object = object; // still Added, with the latest state
            break;
        case T::Modified:
            // Keep the oldest `previous`: it is what the receiver still shows.
            c.type = type == T::Deleted ? T::Deleted : T::Modified;
            c.object = object;
            break;
        case T::Deleted:
            // Deleted then re-created: a modification from the receiver's point of view;
            // `previous` still holds the state before the deletion.
            if (type != T::Deleted) {
                c.type = T::Modified;
                c.object = object;
            }
            break;
        }
    }

    ChangeBatch take()
    {
        ChangeBatch batch;
        batch.changes.reserve(qsizetype(m_changes.size()));
        for (std::size_t i = 0; i < m_changes.size(); ++i) {
            if (!m_live[i])
                continue;
            if (m_changes[i].type == ObjectChange::Type::Deleted)
                m_changes[i].previous = nullptr; // as documented: only Modified has one
            batch.changes.append(std::move(m_changes[i]));
        }
        m_changes.clear();
        m_live.clear();
        for (auto &index : m_index)
            index.clear();
        return batch;
    }

private:
    std::vector<ObjectChange> m_changes;
    std::vector<bool> m_live;
    // Per kind: key → position in m_changes.
    std::array<std::unordered_map<QString, std::size_t>, KindCount> m_index;
};

bool ChangeBatch::contains(Kind kind) const
{
    for (const ObjectChange &c : changes)
        if (c.kind == kind)
            return true;
    return false;
}

int ChangeBatch::count(Kind kind, ObjectChange::Type type) const
{
    int n = 0;
    for (const ObjectChange &c : changes)
        if (c.kind == kind && c.type == type)
            ++n;
    return n;
}

ResourceStore::ResourceStore(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Orrery::ChangeBatch>();
    qRegisterMetaType<Orrery::Kind>();
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(50);
    connect(&m_flushTimer, &QTimer::timeout, this, &ResourceStore::flush);
}

ResourceStore::~ResourceStore() = default;

void ResourceStore::post(StoreDelta delta)
{
    std::vector<StoreDelta> deltas;
    deltas.push_back(std::move(delta));
    post(std::move(deltas));
}

void ResourceStore::post(std::vector<StoreDelta> deltas)
{
    if (deltas.empty())
        return;
    bool wake = false;
    {
        std::lock_guard lock(m_inboxMutex);
        for (StoreDelta &d : deltas)
            m_inbox.push_back(std::move(d));
        if (qsizetype(m_inbox.size()) > m_compactAt) {
            compactInbox(m_inbox);
            // Amortised: compact again only once the inbox has doubled since.
            m_compactAt
                = std::max<qsizetype>(Limits::maxStoreInboxBacklog, 2 * qsizetype(m_inbox.size()));
        }
        wake = !m_flushPosted;
        m_flushPosted = true;
    }
    // The timer must be started on the store's thread; one queued call per quiet period.
    if (wake)
        QMetaObject::invokeMethod(this, &ResourceStore::scheduleFlush, Qt::QueuedConnection);
}

int ResourceStore::pendingDeltas() const
{
    std::lock_guard lock(m_inboxMutex);
    return int(m_inbox.size());
}

// Keeps, per object, only its last Upsert or Delete, and per kind and scope only the last
// Replace, dropping whatever a later Replace covers. Applying the result gives the same state
// as applying everything: an object's state after a sequence depends only on the last delta
// that touches it (a Replace sets every object of its scope, whatever it was before). The
// pages of a list (ListPage, ListAbandoned) are all kept: they are few (one per 500 objects)
// and only a whole list covers what came before it.
void ResourceStore::compactInbox(std::vector<StoreDelta> &inbox)
{
    QSet<QString> seenObjects;    // kind:namespace/name with a later Upsert or Delete
    QSet<QString> replacedScopes; // kind:namespace with a later Replace ("kind:" = all)
    auto kindKey = [](Kind kind, const QString &rest) {
        return QString::number(int(kind)) + QLatin1Char(':') + rest;
    };
    auto coveredByReplace = [&](Kind kind, const QString &ns) {
        return replacedScopes.contains(kindKey(kind, QString()))
               || (!ns.isEmpty() && replacedScopes.contains(kindKey(kind, ns)));
    };
    std::vector<bool> keep(inbox.size(), true);
    for (std::size_t i = inbox.size(); i-- > 0;) {
        const StoreDelta &d = inbox[i];
        if (d.type == StoreDelta::Type::Replace) {
            if (coveredByReplace(d.kind, d.scopeNamespace))
                keep[i] = false;
            replacedScopes.insert(kindKey(d.kind, d.scopeNamespace));
            continue;
        }
        if (!d.object)
            continue;
        const QString key = kindKey(d.kind, d.object->key());
        if (seenObjects.contains(key) || coveredByReplace(d.kind, d.object->namespaceName))
            keep[i] = false;
        seenObjects.insert(key);
    }
    std::size_t out = 0;
    for (std::size_t i = 0; i < inbox.size(); ++i) {
        if (!keep[i])
            continue;
        if (out != i) // never self-move: a moved-to-itself vector may end up empty
            inbox[out] = std::move(inbox[i]);
        ++out;
    }
    inbox.resize(out);
}

void ResourceStore::scheduleFlush()
{
    // Not restarted while active: a steady stream of events still flushes every interval.
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void ResourceStore::flush()
{
    std::vector<StoreDelta> deltas;
    {
        std::lock_guard lock(m_inboxMutex);
        deltas.swap(m_inbox);
        m_flushPosted = false;
        m_compactAt = Limits::maxStoreInboxBacklog;
    }
    m_flushTimer.stop();
    if (deltas.empty())
        return;
    ChangeCoalescer changes;
    QList<Kind> newlySynced;
    QList<Kind> progressed;
    for (StoreDelta &d : deltas) {
        if (d.type == StoreDelta::Type::ListAbandoned) {
            const auto before = m_lists.size();
            std::erase_if(m_lists, [&](const ListInProgress &l) {
                return l.kind == d.kind && l.scope == d.scopeNamespace && l.listId == d.listId;
            });
            if (m_lists.size() != before && !progressed.contains(d.kind))
                progressed.append(d.kind);
            continue;
        }
        if (d.type == StoreDelta::Type::Replace || d.type == StoreDelta::Type::ListPage) {
            if (!progressed.contains(d.kind))
                progressed.append(d.kind);
            if (applyPage(d, changes) && !m_synced[std::size_t(d.kind)]) {
                m_synced[std::size_t(d.kind)] = true;
                newlySynced.append(d.kind);
            }
            continue;
        }
        apply(d, changes);
    }
    ChangeBatch batch = changes.take();
    if (!batch.isEmpty())
        emit changed(batch);
    for (Kind k : std::as_const(newlySynced))
        emit kindSynced(k);
    for (Kind k : std::as_const(progressed))
        emit listProgressChanged(k);
}

void ResourceStore::upsert(Kind kind, const KubeObjectPtr &object, ChangeCoalescer &out,
                           const QString &key)
{
    auto &objects = m_objects[std::size_t(kind)];
    using T = ObjectChange::Type;
    auto it = objects.find(key);
    if (it == objects.end()) {
        objects.insert(key, object);
        if (!object->uid.isEmpty())
            m_byUid.insert(object->uid, object);
        out.add(T::Added, kind, object, nullptr, key);
        return;
    }
    const KubeObjectPtr previous = it.value();
    // A relist returns every unchanged object again; those are not changes.
    if (previous->resourceVersion == object->resourceVersion && previous->uid == object->uid
        && !object->resourceVersion.isEmpty())
        return;
    it.value() = object;
    if (previous->uid != object->uid)
        m_byUid.remove(previous->uid);
    if (!object->uid.isEmpty())
        m_byUid.insert(object->uid, object);
    out.add(T::Modified, kind, object, previous, key);
}

void ResourceStore::apply(StoreDelta &delta, ChangeCoalescer &out)
{
    auto &objects = m_objects[std::size_t(delta.kind)];
    if (delta.object && !m_lists.empty()) {
        // An event newer than a list in progress has the last word on its object: the list
        // must not prune it (seen), whether the list's pages contain it or not.
        for (ListInProgress &l : m_lists)
            if (l.kind == delta.kind && !l.unseen.isEmpty()
                && (l.scope.isEmpty() || l.scope == delta.object->namespaceName))
                l.unseen.remove(delta.object->key());
    }
    switch (delta.type) {
    case StoreDelta::Type::Upsert:
        if (delta.object)
            upsert(delta.kind, delta.object, out, delta.object->key());
        break;
    case StoreDelta::Type::Delete: {
        if (!delta.object)
            break;
        auto it = objects.find(delta.object->key());
        if (it == objects.end())
            break; // already gone (e.g. a relist raced the event)
        const KubeObjectPtr last = it.value();
        objects.erase(it);
        m_byUid.remove(last->uid);
        // Report the deletion's final state when the event carried one.
        out.add(ObjectChange::Type::Deleted, delta.kind, delta.object, last);
        break;
    }
    case StoreDelta::Type::Replace:
    case StoreDelta::Type::ListPage: applyPage(delta, out); break;
    case StoreDelta::Type::ListAbandoned: break; // flush() handles it
    }
}

bool ResourceStore::applyPage(StoreDelta &delta, ChangeCoalescer &out)
{
    if (delta.type == StoreDelta::Type::Replace) {
        // A whole list at once: a list of one page.
        delta.listId = newListId();
        delta.listComplete = true;
        delta.remainingItems = -1;
    }
    auto &objects = m_objects[std::size_t(delta.kind)];
    auto list = std::find_if(m_lists.begin(), m_lists.end(), [&](const ListInProgress &l) {
        return l.kind == delta.kind && l.scope == delta.scopeNamespace;
    });
    if (list == m_lists.end() || list->listId != delta.listId) {
        // A new list of this scope (the first, a relist, or a restart of one that failed
        // or whose continue token expired: that one prunes nothing). What may have to go
        // is what the scope holds now; on the first list that is usually nothing.
        if (list == m_lists.end())
            list = m_lists.insert(m_lists.end(), ListInProgress{});
        *list = ListInProgress{delta.kind, delta.scopeNamespace, delta.listId, {}, 0, -1};
        for (auto it = objects.cbegin(); it != objects.cend(); ++it) {
            if (delta.scopeNamespace.isEmpty()
                || it.value()->namespaceName == delta.scopeNamespace) {
                if (list->unseen.isEmpty())
                    list->unseen.reserve(objects.size());
                list->unseen.insert(it.key());
            }
        }
    }
    for (const KubeObjectPtr &o : delta.objects) {
        if (!o)
            continue;
        const QString key = o->key();
        if (!list->unseen.isEmpty())
            list->unseen.remove(key);
        upsert(delta.kind, o, out, key);
    }
    list->listed += qint64(delta.objects.size());
    list->remaining = delta.remainingItems;
    if (!delta.listComplete)
        return false;
    // The list is complete: what it did not contain is gone (synthesised deletions).
    for (const QString &key : std::as_const(list->unseen)) {
        auto it = objects.find(key);
        if (it == objects.end())
            continue;
        const KubeObjectPtr o = it.value();
        m_byUid.remove(o->uid);
        out.add(ObjectChange::Type::Deleted, delta.kind, o, o, key);
        objects.erase(it);
    }
    m_lists.erase(list);
    return true;
}

quint64 ResourceStore::newListId()
{
    static std::atomic<quint64> next{0};
    return ++next;
}

ResourceStore::ListProgress ResourceStore::listProgress(Kind kind) const
{
    ListProgress p;
    bool known = true;
    for (const ListInProgress &l : m_lists) {
        if (l.kind != kind)
            continue;
        p.listing = true;
        p.listed += l.listed;
        if (l.remaining < 0)
            known = false;
        else
            p.expected = std::max<qint64>(p.expected, 0) + l.listed + l.remaining;
    }
    if (!known)
        p.expected = -1;
    return p;
}

KubeObjectPtr ResourceStore::object(Kind kind, const QString &ns, const QString &name) const
{
    return m_objects[std::size_t(kind)].value(KubeObject::makeKey(ns, name));
}

KubeObjectPtr ResourceStore::objectByUid(const QString &uid) const
{
    return m_byUid.value(uid);
}

QList<KubeObjectPtr> ResourceStore::objects(Kind kind) const
{
    return m_objects[std::size_t(kind)].values();
}

QList<KubeObjectPtr> ResourceStore::objects(Kind kind, const QString &ns) const
{
    QList<KubeObjectPtr> out;
    for (const KubeObjectPtr &o : m_objects[std::size_t(kind)])
        if (o->namespaceName == ns)
            out.append(o);
    return out;
}

const QHash<QString, KubeObjectPtr> &ResourceStore::index(Kind kind) const
{
    return m_objects[std::size_t(kind)];
}

int ResourceStore::count(Kind kind) const
{
    return int(m_objects[std::size_t(kind)].size());
}

bool ResourceStore::hasSynced(Kind kind) const
{
    return m_synced[std::size_t(kind)];
}

void ResourceStore::clear()
{
    flush();
    ChangeCoalescer changes;
    for (int k = 0; k < KindCount; ++k) {
        for (const KubeObjectPtr &o : std::as_const(m_objects[std::size_t(k)]))
            changes.add(ObjectChange::Type::Deleted, Kind(k), o, o);
        m_objects[std::size_t(k)].clear();
        m_synced[std::size_t(k)] = false;
    }
    m_byUid.clear();
    m_lists.clear();
    ChangeBatch batch = changes.take();
    if (!batch.isEmpty())
        emit changed(batch);
}

} // namespace Orrery
