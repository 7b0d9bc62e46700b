// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelselector.h"

#include "apierror.h"

namespace Orrery::Sim {

LabelSelector LabelSelector::parse(const std::string &text)
{
    Labels::ParseResult parsed = Labels::parse(text);
    if (parsed.error)
        throw ApiError(400, "BadRequest",
                       parsed.error->message + " in label selector \"" + text + "\"");
    LabelSelector sel;
    sel.m_requirements = std::move(parsed.requirements);
    return sel;
}

bool LabelSelector::matches(const nlohmann::json &labels) const
{
    return Labels::matches(m_requirements,
                           [&labels](const std::string &key) -> std::optional<std::string_view> {
                               if (!labels.is_object())
                                   return std::nullopt;
                               const auto it = labels.find(key);
                               if (it == labels.end())
                                   return std::nullopt;
                               // A label that is not a string (never valid) counts as "".
                               if (!it->is_string())
                                   return std::string_view();
                               return std::string_view(it->get_ref<const std::string &>());
                           });
}

} // namespace Orrery::Sim
