// SPDX-License-Identifier: GPL-3.0-or-later
// A watch stream (newline-delimited watch events: ADDED, MODIFIED, DELETED, BOOKMARK, ERROR)
// as an informer reads it, arriving in two chunks split at an input-chosen point so lines
// also straddle chunk boundaries. The first byte picks the kind; the second the split.
#include "fuzzinput.h"
#include "informerfuzzprobe.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        if (size < 2)
            return;
        const Kind kind = Kind(data[0] % KindCount);
        const QByteArray stream = Fuzz::bytes(data + 2, size - 2);
        const qsizetype split = stream.isEmpty() ? 0 : qsizetype(data[1]) % (stream.size() + 1);
        InformerFuzzProbe probe(kind);
        probe.watchStart();
        if (probe.watchData(stream.left(split)) && probe.watchData(stream.mid(split)))
            probe.watchData("\n"); // the last line, unterminated by the server
        probe.watchEnd(200);
    });
}
