// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

#include <optional>

namespace Orrery {

// Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above
// U+10FFFF), the same rule nlohmann applies when it serialises a string. Text from files is
// checked with it before it becomes JSON, so a Latin-1 manifest is refused with its line
// number instead of reaching a serialiser.
class Utf8
{
public:
    // Offset of the first byte that does not start or continue a valid sequence.
    static std::optional<qsizetype> firstInvalidByte(QByteArrayView text);

    // 1-based line and column (in bytes) of `offset` in `text`.
    static int lineAt(QByteArrayView text, qsizetype offset);
    static int columnAt(QByteArrayView text, qsizetype offset);
};

} // namespace Orrery
