// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <string>
#include <string_view>
#include <unordered_map>

namespace Orrery {

// Returns one shared QString per distinct text, so that the thousands of objects repeating a
// namespace, label key, image or node name hold one implicitly shared copy. Not thread-safe;
// one per decoding thread. Unique strings (uids, pod names) should not go through it.
class StringInterner
{
public:
    QString intern(std::string_view text);
    std::size_t size() const { return m_strings.size(); }
    void clear() { m_strings.clear(); }

private:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const
        {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_map<std::string, QString, Hash, std::equal_to<>> m_strings;
};

} // namespace Orrery
