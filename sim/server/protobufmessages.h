// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <string>

namespace Orrery::Sim::Protobuf {

// How a protobuf field maps to JSON. gogo-protobuf (what client-go uses) writes every
// non-pointer field, zero or not, and pointer fields only when set; the *OmitEmpty kinds
// drop the zero value like the field's `json:",omitempty"` tag would, the others keep it
// (pointers such as replicas, and required fields such as containerPort).
enum class Kind {
    String,       // empty strings are dropped (no built-in kind sends a meaningful "")
    Int,          // int32/int64 pointer or required field: 0 is kept
    IntOmitEmpty, // non-pointer omitempty int: 0 is dropped
    Bool,         // *bool: false is kept
    BoolOmitEmpty,
    Bytes, // raw bytes (runtime.Unknown.raw)
    Message,
    Inline,   // an embedded Go struct (`json:",inline"`): its fields join the parent's
    Messages, // repeated message
    Strings,  // repeated string
    Ints,     // repeated int64 (proto2, not packed)
    StringMap,
    BytesMap,    // map<string, bytes>: base64 in JSON
    QuantityMap, // map<string, resource.Quantity>
    Quantity,    // resource.Quantity {string = 1}
    IntOrString, // intstr.IntOrString {type = 1, intVal = 2, strVal = 3}
    Time,        // meta.v1.Time {seconds = 1, nanos = 2}
};

struct Message;
struct Field
{
    const char *name;
    Kind kind;
    const Message *message = nullptr;
};
struct Message
{
    const char *name;
    std::map<int, Field> fields;
};

// Field numbers from the upstream generated.proto files of k8s.io/api and
// k8s.io/apimachinery, for the kinds kubectl's typed clients send (its `create` generators,
// `auth can-i`, `create job --from`). Fields that are not listed are rejected by the decoder
// when they carry a value, so nothing is silently lost.
const Message &unknown();
// The message of a top-level kind ("apps/v1/Deployment"), or null.
const Message *topLevel(const std::string &apiVersionKind);

} // namespace Orrery::Sim::Protobuf
