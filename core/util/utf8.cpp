// SPDX-License-Identifier: GPL-3.0-or-later
#include "utf8.h"

namespace Orrery {

std::optional<qsizetype> Utf8::firstInvalidByte(QByteArrayView text)
{
    const auto *s = reinterpret_cast<const unsigned char *>(text.data());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0; // overlong
            else if (c == 0xED)
                high = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90; // overlong
            else if (c == 0xF4)
                high = 0x8F; // above U+10FFFF
        } else {
            return i; // a stray continuation byte, C0/C1 or F5..FF
        }
        if (i + length > n)
            return i;
        if (s[i + 1] < low || s[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k) {
            if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                return i;
        }
        i += length;
    }
    return std::nullopt;
}

int Utf8::lineAt(QByteArrayView text, qsizetype offset)
{
    return int(text.first(qMin(offset, text.size())).count('\n')) + 1;
}

int Utf8::columnAt(QByteArrayView text, qsizetype offset)
{
    const QByteArrayView before = text.first(qMin(offset, text.size()));
    return int(before.size() - (before.lastIndexOf('\n') + 1)) + 1;
}

} // namespace Orrery
