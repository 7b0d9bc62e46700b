// SPDX-License-Identifier: GPL-3.0-or-later
#include "quantity.h"

#include <cmath>
#include <cstdlib>

namespace Orrery::Sim {

double Quantity::parse(const nlohmann::json &q)
{
    if (q.is_number())
        return q.get<double>();
    if (!q.is_string())
        return 0;
    const std::string s = q.get<std::string>();
    if (s.empty())
        return 0;
    char *end = nullptr;
    const double value = std::strtod(s.c_str(), &end);
    const std::string suffix(end);
    static const std::pair<const char *, double> suffixes[] = {{"", 1},
                                                               {"n", 1e-9},
                                                               {"u", 1e-6},
                                                               {"m", 1e-3},
                                                               {"k", 1e3},
                                                               {"M", 1e6},
                                                               {"G", 1e9},
                                                               {"T", 1e12},
                                                               {"P", 1e15},
                                                               {"E", 1e18},
                                                               {"Ki", 1024.0},
                                                               {"Mi", 1048576.0},
                                                               {"Gi", 1073741824.0},
                                                               {"Ti", 1099511627776.0},
                                                               {"Pi", 1125899906842624.0},
                                                               {"Ei", 1152921504606846976.0}};
    for (const auto &[name, factor] : suffixes) {
        if (suffix == name)
            return value * factor;
    }
    return 0;
}

std::int64_t Quantity::milli(const nlohmann::json &q)
{
    return std::llround(parse(q) * 1000.0);
}

std::int64_t Quantity::bytes(const nlohmann::json &q)
{
    return std::llround(parse(q));
}

std::string Quantity::formatMilli(std::int64_t milli)
{
    if (milli % 1000 == 0)
        return std::to_string(milli / 1000);
    return std::to_string(milli) + "m";
}

std::string Quantity::formatBytesKi(std::int64_t bytes)
{
    return std::to_string(bytes / 1024) + "Ki";
}

std::string Quantity::formatBytes(std::int64_t bytes)
{
    static const std::pair<const char *, std::int64_t> units[]
        = {{"Ti", 1099511627776LL}, {"Gi", 1073741824LL}, {"Mi", 1048576LL}, {"Ki", 1024LL}};
    for (const auto &[name, factor] : units) {
        if (bytes >= factor && bytes % factor == 0)
            return std::to_string(bytes / factor) + name;
    }
    return std::to_string(bytes);
}

} // namespace Orrery::Sim
