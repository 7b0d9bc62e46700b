// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <labels.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace Orrery::Sim {

// A parsed `labelSelector` query parameter: equality (=, ==, !=) and set-based (in, notin,
// exists, !exists) requirements, ANDed, as apimachinery's labels.Parse accepts them (the
// parser and the matching rule are Labels, shared with Orrery's core).
class LabelSelector
{
public:
    // Throws ApiError 400 BadRequest on a syntax error.
    static LabelSelector parse(const std::string &text);

    bool empty() const { return m_requirements.empty(); }
    // `labels`: an object's metadata.labels (a JSON object; anything else has no labels).
    bool matches(const nlohmann::json &labels) const;

private:
    std::vector<Labels::Requirement> m_requirements;
};

} // namespace Orrery::Sim
