// SPDX-License-Identifier: GPL-3.0-or-later
#include "stringinterner.h"

namespace Orrery {

QString StringInterner::intern(std::string_view text)
{
    if (text.empty())
        return {};
    auto it = m_strings.find(text);
    if (it != m_strings.end())
        return it->second;
    QString value = QString::fromUtf8(text.data(), qsizetype(text.size()));
    m_strings.emplace(std::string(text), value);
    return value;
}

} // namespace Orrery
