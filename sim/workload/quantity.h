// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace Orrery::Sim {

// resource.Quantity as the simulator needs it: CPU in millicores, memory in bytes. Accepts
// strings ("250m", "1.5", "512Mi", "1G", "1e3") and JSON numbers; anything unparsable is 0,
// because a bad quantity must not stop a controller pass (the API server validates).
class Quantity
{
public:
    static double parse(const nlohmann::json &q);
    static std::int64_t milli(const nlohmann::json &q);
    static std::int64_t bytes(const nlohmann::json &q);

    static std::string formatMilli(std::int64_t milli);   // "250m", "2"
    static std::string formatBytesKi(std::int64_t bytes); // "34560Ki" like metrics-server
    static std::string formatBytes(std::int64_t bytes);   // "512Mi", "10Gi" when exact
};

} // namespace Orrery::Sim
