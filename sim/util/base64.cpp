// SPDX-License-Identifier: GPL-3.0-or-later
#include "base64.h"

namespace Orrery::Sim {

std::string base64Encode(const std::string &bytes)
{
    static const char *alphabet
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve(4 * ((bytes.size() + 2) / 3));
    int val = 0, bits = -6;
    for (unsigned char c : bytes) {
        val = (val << 8) + c;
        bits += 8;
        while (bits >= 0) {
            out.push_back(alphabet[(val >> bits) & 0x3F]);
            bits -= 6;
        }
    }
    if (bits > -6)
        out.push_back(alphabet[((val << 8) >> (bits + 8)) & 0x3F]);
    while (out.size() % 4)
        out.push_back('=');
    return out;
}

} // namespace Orrery::Sim
