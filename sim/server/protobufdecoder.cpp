// SPDX-License-Identifier: GPL-3.0-or-later
#include "protobufdecoder.h"
#include "protobufmessages.h"

#include "apierror.h"

#include <base64.h>

#include <cstdint>
#include <ctime>
#include <vector>

namespace Orrery::Sim {

using json = nlohmann::json;
using Protobuf::Field;
using Protobuf::Kind;
using Protobuf::Message;

namespace {

[[noreturn]] void malformed()
{
    throw ApiError(400, "BadRequest", "the protobuf body of the request is malformed");
}

class Reader
{
public:
    Reader(const std::string &data, std::size_t begin, std::size_t end)
        : m_data(data)
        , m_pos(begin)
        , m_end(end)
    {
    }
    bool atEnd() const { return m_pos >= m_end; }
    std::uint64_t varint()
    {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_pos >= m_end)
                malformed();
            const auto b = static_cast<unsigned char>(m_data[m_pos++]);
            v |= std::uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        malformed();
    }
    std::pair<std::size_t, std::size_t> lengthDelimited()
    {
        const std::uint64_t len = varint();
        if (len > m_end - m_pos)
            malformed();
        const std::size_t begin = m_pos;
        m_pos += len;
        return {begin, m_pos};
    }
    // Skips a field; true when it carried a value (non-zero scalar, non-empty bytes).
    bool skip(int wireType)
    {
        bool value = true;
        switch (wireType) {
        case 0: value = varint() != 0; break;
        case 1: m_pos += 8; break;
        case 2: {
            const auto [b, e] = lengthDelimited();
            value = e > b;
            break;
        }
        case 5: m_pos += 4; break;
        default: malformed();
        }
        if (m_pos > m_end)
            malformed();
        return value;
    }

private:
    const std::string &m_data;
    std::size_t m_pos;
    std::size_t m_end;
};

std::string formatTime(std::int64_t seconds)
{
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// A message of fields 1 and 2 (map entries, Quantity, Time, IntOrString): scalars and
// strings by field number.
struct Pair
{
    std::string text[4];
    std::int64_t number[4] = {0, 0, 0, 0};
};

Pair readSmall(const std::string &data, std::size_t begin, std::size_t end)
{
    Pair out;
    Reader r(data, begin, end);
    while (!r.atEnd()) {
        const std::uint64_t tag = r.varint();
        const auto number = tag >> 3;
        const int wire = static_cast<int>(tag & 7);
        if (number >= 1 && number <= 3 && wire == 2) {
            const auto [b, e] = r.lengthDelimited();
            out.text[number] = data.substr(b, e - b);
        } else if (number >= 1 && number <= 3 && wire == 0) {
            out.number[number] = static_cast<std::int64_t>(r.varint());
        } else {
            r.skip(wire);
        }
    }
    return out;
}

json decodeMessage(const std::string &data, std::size_t begin, std::size_t end, const Message &m,
                   const std::string &path);

void decodeInto(json &out, const std::string &data, std::size_t begin, std::size_t end,
                const Message &m, const std::string &path)
{
    Reader r(data, begin, end);
    while (!r.atEnd()) {
        const std::uint64_t tag = r.varint();
        const int number = static_cast<int>(tag >> 3);
        const int wire = static_cast<int>(tag & 7);
        auto it = m.fields.find(number);
        if (it == m.fields.end()) {
            // gogo writes empty non-pointer fields we may not know; a field with a value
            // we cannot name would be lost, so say so instead of dropping it.
            if (r.skip(wire))
                throw ApiError(415, "UnsupportedMediaType",
                               "orrery-sim cannot decode protobuf field " + std::to_string(number)
                                   + " of " + m.name + " (" + (path.empty() ? "." : path)
                                   + "); send the object as application/json");
            continue;
        }
        const Field &f = it->second;
        const std::string fieldPath = path + "." + f.name;
        if (f.kind == Kind::Int || f.kind == Kind::IntOmitEmpty || f.kind == Kind::Bool
            || f.kind == Kind::BoolOmitEmpty || f.kind == Kind::Ints) {
            if (wire != 0)
                malformed();
            const std::uint64_t v = r.varint();
            if (f.kind == Kind::Ints)
                out[f.name].push_back(static_cast<std::int64_t>(v));
            else if (f.kind == Kind::Bool || (f.kind == Kind::BoolOmitEmpty && v != 0))
                out[f.name] = v != 0;
            else if (f.kind == Kind::Int || v != 0)
                out[f.name] = static_cast<std::int64_t>(v);
            continue;
        }
        if (wire != 2)
            malformed();
        const auto [b, e] = r.lengthDelimited();
        switch (f.kind) {
        case Kind::String:
            if (e > b)
                out[f.name] = data.substr(b, e - b);
            break;
        case Kind::Bytes:
            out[f.name] = json::binary(
                std::vector<std::uint8_t>(data.begin() + static_cast<std::ptrdiff_t>(b),
                                          data.begin() + static_cast<std::ptrdiff_t>(e)));
            break;
        case Kind::Message: out[f.name] = decodeMessage(data, b, e, *f.message, fieldPath); break;
        case Kind::Inline: decodeInto(out, data, b, e, *f.message, path); break;
        case Kind::Messages:
            out[f.name].push_back(decodeMessage(data, b, e, *f.message, fieldPath));
            break;
        case Kind::Strings: out[f.name].push_back(data.substr(b, e - b)); break;
        case Kind::Time: {
            const std::int64_t seconds = readSmall(data, b, e).number[1];
            if (seconds != 0)
                out[f.name] = formatTime(seconds);
            break;
        }
        case Kind::Quantity: out[f.name] = readSmall(data, b, e).text[1]; break;
        case Kind::IntOrString: {
            // type 0 = Int, 1 = String.
            const Pair v = readSmall(data, b, e);
            if (v.number[1] == 1)
                out[f.name] = v.text[3];
            else
                out[f.name] = static_cast<std::int32_t>(v.number[2]);
            break;
        }
        case Kind::StringMap:
        case Kind::BytesMap:
        case Kind::QuantityMap: {
            // A map entry is a message {key = 1; value = 2}; a Quantity value is {string = 1}.
            const Pair entry = readSmall(data, b, e);
            std::string value = entry.text[2];
            if (f.kind == Kind::QuantityMap)
                value = readSmall(value, 0, value.size()).text[1];
            else if (f.kind == Kind::BytesMap)
                value = Base64::encode(value);
            out[f.name][entry.text[1]] = value;
            break;
        }
        default: malformed();
        }
    }
}

json decodeMessage(const std::string &data, std::size_t begin, std::size_t end, const Message &m,
                   const std::string &path)
{
    json out = json::object();
    decodeInto(out, data, begin, end, m, path);
    return out;
}

} // namespace

bool ProtobufDecoder::isProtobuf(const std::string &contentType)
{
    return contentType.rfind("application/vnd.kubernetes.protobuf", 0) == 0;
}

json ProtobufDecoder::decode(const std::string &body)
{
    if (body.size() < 4 || body.compare(0, 4, std::string("k8s\0", 4)) != 0)
        malformed();
    const json unknown = decodeMessage(body, 4, body.size(), Protobuf::unknown(), {});
    const std::string apiVersion
        = unknown.value("typeMeta", json::object()).value("apiVersion", std::string());
    const std::string kind = unknown.value("typeMeta", json::object()).value("kind", std::string());
    const Message *message = Protobuf::topLevel(apiVersion + "/" + kind);
    if (!message || !unknown.contains("raw"))
        throw ApiError(415, "UnsupportedMediaType",
                       "orrery-sim does not decode " + kind
                           + " from protobuf; send it as application/json");
    const auto &raw = unknown["raw"].get_binary();
    const std::string rawText(raw.begin(), raw.end());
    json obj = decodeMessage(rawText, 0, rawText.size(), *message, {});
    obj["apiVersion"] = apiVersion;
    obj["kind"] = kind;
    return obj;
}

} // namespace Orrery::Sim
