// SPDX-License-Identifier: GPL-3.0-or-later
#include "protobufdecoder.h"

#include "apierror.h"
#include "util/base64.h"

#include <cstdint>
#include <map>
#include <vector>

namespace Orrery::Sim {

using json = nlohmann::json;

namespace {

enum class Kind { String, Int, Bool, Bytes, Message, StringMap, BytesMap, Strings, Messages, Time };

struct Message;
struct Field
{
    const char *name;
    Kind kind;
    const Message *message = nullptr;
};
struct Message
{
    std::map<int, Field> fields;
};

// Field numbers from k8s.io/apimachinery and k8s.io/api generated.proto.
const Message kOwnerReference{{{1, {"kind", Kind::String}}, {3, {"name", Kind::String}},
                               {4, {"uid", Kind::String}}, {5, {"apiVersion", Kind::String}},
                               {6, {"controller", Kind::Bool}},
                               {7, {"blockOwnerDeletion", Kind::Bool}}}};
const Message kObjectMeta{{{1, {"name", Kind::String}},
                           {2, {"generateName", Kind::String}},
                           {3, {"namespace", Kind::String}},
                           {5, {"uid", Kind::String}},
                           {6, {"resourceVersion", Kind::String}},
                           {7, {"generation", Kind::Int}},
                           {8, {"creationTimestamp", Kind::Time}},
                           {11, {"labels", Kind::StringMap}},
                           {12, {"annotations", Kind::StringMap}},
                           {13, {"ownerReferences", Kind::Messages, &kOwnerReference}},
                           {14, {"finalizers", Kind::Strings}}}};
const Message kResourceAttributes{{{1, {"namespace", Kind::String}}, {2, {"verb", Kind::String}},
                                   {3, {"group", Kind::String}}, {4, {"version", Kind::String}},
                                   {5, {"resource", Kind::String}},
                                   {6, {"subresource", Kind::String}},
                                   {7, {"name", Kind::String}}}};
const Message kNonResourceAttributes{{{1, {"path", Kind::String}}, {2, {"verb", Kind::String}}}};
const Message kSsarSpec{{{1, {"resourceAttributes", Kind::Message, &kResourceAttributes}},
                         {2, {"nonResourceAttributes", Kind::Message, &kNonResourceAttributes}}}};
const Message kSsar{{{1, {"metadata", Kind::Message, &kObjectMeta}},
                     {2, {"spec", Kind::Message, &kSsarSpec}}}};
const Message kSsrrSpec{{{1, {"namespace", Kind::String}}}};
const Message kSsrr{{{1, {"metadata", Kind::Message, &kObjectMeta}},
                     {2, {"spec", Kind::Message, &kSsrrSpec}}}};
const Message kNamespaceSpec{{{1, {"finalizers", Kind::Strings}}}};
const Message kNamespace{{{1, {"metadata", Kind::Message, &kObjectMeta}},
                          {2, {"spec", Kind::Message, &kNamespaceSpec}}}};
const Message kConfigMap{{{1, {"metadata", Kind::Message, &kObjectMeta}},
                          {2, {"data", Kind::StringMap}},
                          {3, {"binaryData", Kind::BytesMap}},
                          {4, {"immutable", Kind::Bool}}}};
const Message kSecret{{{1, {"metadata", Kind::Message, &kObjectMeta}},
                       {2, {"data", Kind::BytesMap}},
                       {3, {"type", Kind::String}},
                       {4, {"stringData", Kind::StringMap}},
                       {5, {"immutable", Kind::Bool}}}};
const Message kLocalObjectReference{{{1, {"name", Kind::String}}}};
const Message kServiceAccount{{{1, {"metadata", Kind::Message, &kObjectMeta}},
                               {3, {"imagePullSecrets", Kind::Messages, &kLocalObjectReference}},
                               {4, {"automountServiceAccountToken", Kind::Bool}}}};
const Message kTypeMeta{{{1, {"apiVersion", Kind::String}}, {2, {"kind", Kind::String}}}};
const Message kUnknown{{{1, {"typeMeta", Kind::Message, &kTypeMeta}},
                        {2, {"raw", Kind::Bytes}},
                        {3, {"contentEncoding", Kind::String}},
                        {4, {"contentType", Kind::String}}}};

[[noreturn]] void malformed()
{
    throw ApiError(400, "BadRequest", "the protobuf body of the request is malformed");
}

class Reader
{
public:
    Reader(const std::string &data, std::size_t begin, std::size_t end)
        : m_data(data), m_pos(begin), m_end(end)
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
    void skip(int wireType)
    {
        switch (wireType) {
        case 0: varint(); break;
        case 1: m_pos += 8; break;
        case 2: lengthDelimited(); break;
        case 5: m_pos += 4; break;
        default: malformed();
        }
        if (m_pos > m_end)
            malformed();
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

json decodeMessage(const std::string &data, std::size_t begin, std::size_t end, const Message &m)
{
    json out = json::object();
    Reader r(data, begin, end);
    while (!r.atEnd()) {
        const std::uint64_t tag = r.varint();
        const int number = static_cast<int>(tag >> 3);
        const int wire = static_cast<int>(tag & 7);
        auto it = m.fields.find(number);
        if (it == m.fields.end()) {
            r.skip(wire);
            continue;
        }
        const Field &f = it->second;
        if (f.kind == Kind::Int || f.kind == Kind::Bool) {
            if (wire != 0)
                malformed();
            const std::uint64_t v = r.varint();
            // gogo-protobuf writes zero values; JSON's omitempty would not.
            if (v != 0 || f.kind == Kind::Int)
                out[f.name] = f.kind == Kind::Bool ? json(v != 0) : json(static_cast<std::int64_t>(v));
            continue;
        }
        if (wire != 2)
            malformed();
        const auto [b, e] = r.lengthDelimited();
        const std::string bytes = data.substr(b, e - b);
        switch (f.kind) {
        case Kind::String:
            if (!bytes.empty())
                out[f.name] = bytes;
            break;
        case Kind::Bytes:
            out[f.name] = json::binary(std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
            break;
        case Kind::Message:
            out[f.name] = decodeMessage(data, b, e, *f.message);
            break;
        case Kind::Messages:
            out[f.name].push_back(decodeMessage(data, b, e, *f.message));
            break;
        case Kind::Strings:
            out[f.name].push_back(bytes);
            break;
        case Kind::Time: {
            Reader t(data, b, e);
            std::int64_t seconds = 0;
            while (!t.atEnd()) {
                const std::uint64_t tt = t.varint();
                if ((tt >> 3) == 1 && (tt & 7) == 0)
                    seconds = static_cast<std::int64_t>(t.varint());
                else
                    t.skip(static_cast<int>(tt & 7));
            }
            if (seconds != 0)
                out[f.name] = formatTime(seconds);
            break;
        }
        case Kind::StringMap:
        case Kind::BytesMap: {
            // A map entry is a message {key = 1; value = 2}.
            Reader entry(data, b, e);
            std::string key, value;
            while (!entry.atEnd()) {
                const std::uint64_t et = entry.varint();
                if ((et & 7) != 2) {
                    entry.skip(static_cast<int>(et & 7));
                    continue;
                }
                const auto [kb, ke] = entry.lengthDelimited();
                ((et >> 3) == 1 ? key : value) = data.substr(kb, ke - kb);
            }
            out[f.name][key] = f.kind == Kind::BytesMap ? base64Encode(value) : value;
            break;
        }
        default:
            break;
        }
    }
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
    const json unknown = decodeMessage(body, 4, body.size(), kUnknown);
    const std::string apiVersion = unknown.value("typeMeta", json::object()).value("apiVersion", std::string());
    const std::string kind = unknown.value("typeMeta", json::object()).value("kind", std::string());
    static const std::map<std::string, const Message *> kinds = {
        {"authorization.k8s.io/v1/SelfSubjectAccessReview", &kSsar},
        {"authorization.k8s.io/v1/SelfSubjectRulesReview", &kSsrr},
        {"v1/Namespace", &kNamespace},
        {"v1/ConfigMap", &kConfigMap},
        {"v1/Secret", &kSecret},
        {"v1/ServiceAccount", &kServiceAccount},
    };
    auto it = kinds.find(apiVersion + "/" + kind);
    if (it == kinds.end() || !unknown.contains("raw"))
        throw ApiError(415, "UnsupportedMediaType",
                       "orrery-sim decodes protobuf only for reviews, namespaces, configmaps, "
                       "secrets and serviceaccounts; send " + kind + " as application/json");
    const auto &raw = unknown["raw"].get_binary();
    const std::string rawText(raw.begin(), raw.end());
    json obj = decodeMessage(rawText, 0, rawText.size(), *it->second);
    obj["apiVersion"] = apiVersion;
    obj["kind"] = kind;
    return obj;
}

} // namespace Orrery::Sim
