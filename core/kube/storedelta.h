// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kubeobject.h"

#include <vector>

namespace Orrery {

// One change an informer hands to the ResourceStore, from any thread.
//
// ListPage carries one page of a list (limit + continue) as it arrives, so a table fills page
// by page. Pages of one list share a `listId` (unique per store); a page with an id the
// store has not seen for that kind and scope starts a new list, forgetting a list of the
// scope that never completed (an error or an expired continue token restarted it: nothing
// is pruned for it). The page that has `listComplete` ends the list: every object of the
// kind within `scopeNamespace` (all namespaces when empty) that was there when the list
// started and that no page of it contained is deleted, like client-go's DeltaFIFO Replace,
// and the kind counts as synced. Objects are upserted as pages arrive, so on a relist the
// rows stay and are updated in place. `remainingItems` is the server's
// metadata.remainingItemCount after the page (-1 when it did not send one).
//
// ListAbandoned: the list `listId` stopped before its last page (an error; the informer
// retries with a new list): its pages stay, nothing is pruned, its progress is dropped.
//
// Replace is the same in one delta: a whole list at once (a new list, one page, complete).
struct StoreDelta
{
    enum class Type : quint8 { Upsert, Delete, Replace, ListPage, ListAbandoned };
    Type type = Type::Upsert;
    Kind kind = Kind::Pod;
    bool listComplete = false;          // ListPage
    KubeObjectPtr object;               // Upsert, Delete
    std::vector<KubeObjectPtr> objects; // Replace, ListPage
    QString scopeNamespace;             // Replace, ListPage
    quint64 listId = 0;                 // ListPage, ListAbandoned
    qint64 remainingItems = -1;         // ListPage
};

} // namespace Orrery
