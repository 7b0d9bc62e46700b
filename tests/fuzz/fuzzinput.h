// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small helpers shared by the fuzz targets: libFuzzer hands over raw bytes, and several
// targets need a selector byte (which kind, which status) before the payload.
#include <QByteArray>
#include <QtGlobal>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace Orrery::Fuzz {

// The bytes as a QByteArray; fromRawData would let a parser read past the input unnoticed
// only if it ignored size(), which ASan catches either way, but a deep copy keeps
// QByteArray's terminating NUL out of the fuzzed region.
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Takes the first byte as a selector; the rest is the payload.
struct Selected
{
    uint8_t selector = 0;
    QByteArray payload;
};

inline Selected select(const uint8_t *data, size_t size)
{
    if (size == 0)
        return {};
    return {data[0], bytes(data + 1, size - 1)};
}

// Runs one input. An escaping exception aborts the process and libFuzzer records a crash:
// that is the point. One class, nlohmann's type errors from reads of the wrong type and
// dump() of non-UTF-8 text, is being replaced by tolerant decoding (issue 11); until it is,
// it ends every campaign within seconds and hides everything behind it. With
// ORRERY_FUZZ_TOLERATE_JSON_EXCEPTIONS set (scripts/fuzz.sh passes it through, ctest never
// sets it), that class is swallowed so the campaign keeps looking for other defects.
template <typename Body> int run(Body body)
{
    static const bool tolerate = qEnvironmentVariableIsSet("ORRERY_FUZZ_TOLERATE_JSON_EXCEPTIONS");
    if (!tolerate) {
        body();
        return 0;
    }
    try {
        body();
    } catch (const nlohmann::json::exception &) {
    }
    return 0;
}

} // namespace Orrery::Fuzz
