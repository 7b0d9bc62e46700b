// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace Orrery::Sim {

// A parsed `fieldSelector`: `field=value`, `field==value`, `field!=value`, comma-ANDed. Only
// the fields a real API server supports per kind are accepted (metadata.name,
// metadata.namespace everywhere; status.phase, spec.nodeName and a few more on pods;
// involvedObject.* and type/reason on events); others answer 400 like kube-apiserver.
class FieldSelector
{
public:
    // Throws ApiError 400 BadRequest for syntax errors and unsupported fields.
    static FieldSelector parse(const std::string &text, const std::string &kind);

    bool empty() const { return m_requirements.empty(); }
    bool matches(const nlohmann::json &object) const;
    // The metadata.name this selector pins, if any (lets GET-like watches skip scans).
    std::string exactName() const;

private:
    struct Requirement
    {
        std::string field;
        bool negate = false;
        std::string value;
    };
    std::vector<Requirement> m_requirements;
};

} // namespace Orrery::Sim
