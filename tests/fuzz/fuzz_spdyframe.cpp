// SPDX-License-Identifier: GPL-3.0-or-later
// SPDY/3.1 frames (sim/server/spdyframe.h) as orrery-sim's port-forward reads kubectl's:
// the first byte picks the split point, so frames also straddle reads; compressed header
// blocks of any content. Frames respect the bound, a failed parser stays failed, and the
// encoder's SYN_STREAM comes back as it was sent.
#include "fuzzinput.h"
#include "server/spdyframe.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Orrery::Sim::Spdy;
    if (size < 1)
        return 0;
    const std::string_view stream(reinterpret_cast<const char *>(data + 1), size - 1);
    const std::size_t split = stream.empty() ? 0 : data[0] % (stream.size() + 1);
    constexpr std::size_t maxFrame = 4096;
    constexpr std::size_t maxHeader = 8192;
    Parser parser(maxFrame, maxHeader);
    for (const std::string_view part : {stream.substr(0, split), stream.substr(split)}) {
        parser.feed(part);
        while (auto f = parser.next()) {
            if (f->data.size() > maxFrame)
                std::abort();
            std::size_t headerBytes = 0;
            for (const auto &[name, value] : f->headers)
                headerBytes += name.size() + value.size();
            if (headerBytes > maxHeader)
                std::abort();
        }
    }
    if (parser.failed() && parser.next())
        std::abort();

    // Round trip: the input's bytes as one header value.
    Encoder client;
    Parser server;
    const std::string value(stream.substr(0, std::min<std::size_t>(stream.size(), 1000)));
    server.feed(client.synStream(1, {{"streamtype", "data"}, {"port", value}}));
    const auto f = server.next();
    if (!f || f->type != Type::SynStream || f->streamId != 1)
        std::abort();
    if (value.find('\0') == std::string::npos && f->headers.find("port")->second != value)
        std::abort();
    return 0;
}
