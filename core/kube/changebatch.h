// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kubeobject.h"

#include <QList>
#include <QMetaType>

namespace Orrery {

struct ObjectChange
{
    enum class Type : quint8 { Added, Modified, Deleted };
    Type type = Type::Added;
    Kind kind = Kind::Pod;
    KubeObjectPtr object;   // the new state; for Deleted the last known state
    KubeObjectPtr previous; // for Modified the state it replaces, else null
};

// What changed in the store since the last batch, in the order first seen. Changes to the
// same object within one flush are coalesced: Added+Modified is Added, Added+Deleted
// disappears, Modified+Deleted is Deleted, Deleted+Added is Modified (a recreation).
// When the batch is delivered, the store already holds the new state.
struct ChangeBatch
{
    QList<ObjectChange> changes;

    bool isEmpty() const { return changes.isEmpty(); }
    bool contains(Kind kind) const;
    int count(Kind kind, ObjectChange::Type type) const;
};

} // namespace Orrery

Q_DECLARE_METATYPE(Orrery::ChangeBatch)
