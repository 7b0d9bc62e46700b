// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace Orrery::Sim {

// A parsed `labelSelector` query parameter: equality (=, ==, !=) and set-based (in, notin,
// exists, !exists) requirements, ANDed, as apimachinery's labels.Parse accepts them.
class LabelSelector
{
public:
    // Throws ApiError 400 BadRequest on a syntax error.
    static LabelSelector parse(const std::string &text);

    bool empty() const { return m_requirements.empty(); }
    bool matches(const nlohmann::json &labels) const;

private:
    enum class Op { Equals, NotEquals, In, NotIn, Exists, DoesNotExist };
    struct Requirement
    {
        std::string key;
        Op op;
        std::vector<std::string> values;
    };
    std::vector<Requirement> m_requirements;
};

} // namespace Orrery::Sim
