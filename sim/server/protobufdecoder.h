// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace Orrery::Sim {

// kubectl's typed clients (auth can-i, the `kubectl create <kind>` generators, create job
// --from) send request bodies as application/vnd.kubernetes.protobuf and do not fall back
// to JSON on 415, as a real kube-apiserver accepts protobuf for every built-in kind. This
// decodes the Kubernetes protobuf envelope (magic "k8s\0" + runtime.Unknown) and the kinds
// those commands send (Protobuf::topLevel, field tables in protobufmessages.cpp) into the
// JSON the rest of the server works with.
class ProtobufDecoder
{
public:
    static bool isProtobuf(const std::string &contentType);
    // Throws ApiError 415 for kinds it cannot decode, 400 for malformed input.
    static nlohmann::json decode(const std::string &body);
};

} // namespace Orrery::Sim
