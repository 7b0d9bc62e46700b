// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace Orrery::Gzip {

// gzip (RFC 1952: header, deflate stream, CRC-32 and size trailer) as Go's compress/gzip reads
// and writes it, through zlib. Helm stores its releases this way and kube-apiserver compresses
// large responses this way.

// zlib's levels: 1 is Go's gzip.BestSpeed (kube-apiserver), 9 gzip.BestCompression (Helm).
inline constexpr int BestSpeed = 1;
inline constexpr int BestCompression = 9;

// Empty only if zlib cannot allocate its state.
std::optional<std::string> compress(std::string_view data, int level);

struct Decompressed
{
    enum class Status {
        Ok,
        Invalid,   // not gzip, or corrupt (bad header, bad deflate data, bad checksum)
        Truncated, // a valid beginning that ends before the trailer
        TooLarge,  // would inflate past maxOutput (a "gzip bomb": 1 MiB can inflate to 1 GiB)
        NoMemory,  // zlib could not initialise
    };
    Status status = Status::Invalid;
    std::string data; // the whole output when Ok, nothing otherwise

    bool ok() const { return status == Status::Ok; }
};

// One gzip member. Never allocates more than maxOutput bytes of output (plus one buffer):
// callers that read input they do not control pass their limit (core:
// Limits::maxDecompressedBytes).
Decompressed decompress(std::string_view data,
                        std::size_t maxOutput = std::numeric_limits<std::size_t>::max());

// The gzip magic and the deflate method byte (1f 8b 08).
bool hasGzipHeader(std::string_view data);

} // namespace Orrery::Gzip
