// SPDX-License-Identifier: GPL-3.0-or-later
// WebSocket frames (common/websocketframe.h) as the exec and port-forward streams read them:
// the first byte picks the side (client frames must be masked, server frames not) and the
// second the split point, so frames also straddle reads. Every message must respect the
// bound, and a failed parser must stay failed.
#include "fuzzinput.h"

#include <websocketframe.h>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const bool fromClient = data[0] & 1;
    const std::string_view stream(reinterpret_cast<const char *>(data + 2), size - 2);
    const std::size_t split = stream.empty() ? 0 : data[1] % (stream.size() + 1);
    constexpr std::size_t max = 4096;
    Orrery::WebSocket::FrameParser parser(fromClient, max);
    for (const std::string_view part : {stream.substr(0, split), stream.substr(split)}) {
        parser.feed(part);
        while (auto m = parser.next()) {
            if (m->payload.size() > max || m->opcode == Orrery::WebSocket::Continuation)
                std::abort();
        }
    }
    if (parser.failed() && parser.next())
        std::abort();
    return 0;
}
