// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kubeobject.h"

#include <vector>

namespace Orrery {

// One change an informer hands to the ResourceStore, from any thread. Replace carries a full
// list (after a list or relist): the store synthesises Deleted for every object of that kind
// (within `scopeNamespace`, all namespaces when empty) that the list no longer contains,
// like client-go's DeltaFIFO Replace.
struct StoreDelta
{
    enum class Type : quint8 { Upsert, Delete, Replace };
    Type type = Type::Upsert;
    Kind kind = Kind::Pod;
    KubeObjectPtr object;               // Upsert, Delete
    std::vector<KubeObjectPtr> objects; // Replace
    QString scopeNamespace;             // Replace
};

} // namespace Orrery
