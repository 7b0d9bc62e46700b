// SPDX-License-Identifier: GPL-3.0-or-later
#include "gzip.h"

#include <zlib.h>

namespace Orrery::Gzip {

namespace {

// windowBits 15 + 16: a gzip header and trailer rather than zlib's.
constexpr int GzipWindowBits = 15 + 16;
constexpr std::size_t ChunkSize = 64 * 1024;

Bytef *input(std::string_view data)
{
    // zlib's API is not const-correct; it never writes through next_in.
    return reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
}

} // namespace

std::optional<std::string> compress(std::string_view data, int level)
{
    z_stream zs{};
    if (deflateInit2(&zs, level, Z_DEFLATED, GzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return std::nullopt;
    std::string out;
    // One pass: deflateBound is the worst case for the whole input, so Z_FINISH completes.
    out.resize(deflateBound(&zs, static_cast<uLong>(data.size())));
    zs.next_in = input(data);
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    const std::size_t written = out.size() - zs.avail_out;
    deflateEnd(&zs);
    if (rc != Z_STREAM_END)
        return std::nullopt;
    out.resize(written);
    return out;
}

Decompressed decompress(std::string_view data, std::size_t maxOutput)
{
    using Status = Decompressed::Status;
    Decompressed result;
    z_stream zs{};
    if (inflateInit2(&zs, GzipWindowBits) != Z_OK) {
        result.status = Status::NoMemory;
        return result;
    }
    zs.next_in = input(data);
    zs.avail_in = static_cast<uInt>(data.size());
    std::string out;
    char buffer[ChunkSize];
    int rc = Z_OK;
    do {
        zs.next_out = reinterpret_cast<Bytef *>(buffer);
        zs.avail_out = sizeof buffer;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            inflateEnd(&zs);
            result.status = rc == Z_MEM_ERROR ? Status::NoMemory : Status::Invalid;
            return result;
        }
        const std::size_t produced = sizeof buffer - zs.avail_out;
        if (produced > maxOutput - out.size()) {
            inflateEnd(&zs);
            result.status = Status::TooLarge;
            return result;
        }
        out.append(buffer, produced);
        // Z_BUF_ERROR: no progress possible, i.e. the input ended before the stream did.
    } while (rc != Z_STREAM_END && rc != Z_BUF_ERROR && (zs.avail_in > 0 || zs.avail_out == 0));
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) {
        result.status = Status::Truncated;
        return result;
    }
    result.status = Status::Ok;
    result.data = std::move(out);
    return result;
}

bool hasGzipHeader(std::string_view data)
{
    return data.size() >= 3 && static_cast<unsigned char>(data[0]) == 0x1f
           && static_cast<unsigned char>(data[1]) == 0x8b
           && static_cast<unsigned char>(data[2]) == 8;
}

} // namespace Orrery::Gzip
