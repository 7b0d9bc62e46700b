// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonread.h"

#include "decodeguard.h"

#include <cmath>
#include <limits>

namespace Orrery {

namespace {

const nlohmann::json &emptyObject()
{
    static const nlohmann::json s_object = nlohmann::json::object();
    return s_object;
}

const nlohmann::json &emptyArray()
{
    static const nlohmann::json s_array = nlohmann::json::array();
    return s_array;
}

} // namespace

const JsonRead::Json *JsonRead::find(const Json &j, std::string_view key)
{
    if (!j.is_object())
        return nullptr;
    const auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return nullptr;
    return &*it;
}

const JsonRead::Json *JsonRead::find(const Json &j, Path path)
{
    const Json *cur = &j;
    for (std::string_view key : path) {
        cur = find(*cur, key);
        if (!cur)
            return nullptr;
    }
    return cur;
}

QString JsonRead::toString(const Json &v, const QString &fallback)
{
    if (!v.is_string())
        return fallback;
    const std::string &s = v.get_ref<const std::string &>();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

std::optional<qint64> JsonRead::toInteger(const Json &v)
{
    if (v.is_number_integer() && !v.is_number_unsigned())
        return v.get<qint64>();
    if (v.is_number_unsigned()) {
        const auto u = v.get<quint64>();
        if (u > quint64(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        return qint64(u);
    }
    if (v.is_number_float()) {
        const double d = v.get<double>();
        // 2^63 is exactly representable; anything at or beyond it would overflow the cast (UB).
        if (!std::isfinite(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0)
            return std::nullopt;
        return qint64(d);
    }
    return std::nullopt;
}

QString JsonRead::string(const Json &j, Path path, const QString &fallback)
{
    const Json *v = find(j, path);
    return v ? toString(*v, fallback) : fallback;
}

QString JsonRead::string(const Json &j, std::string_view key, const QString &fallback)
{
    const Json *v = find(j, key);
    return v ? toString(*v, fallback) : fallback;
}

std::string JsonRead::stdString(const Json &j, Path path, const std::string &fallback)
{
    const Json *v = find(j, path);
    return v && v->is_string() ? v->get_ref<const std::string &>() : fallback;
}

std::string JsonRead::stdString(const Json &j, std::string_view key, const std::string &fallback)
{
    const Json *v = find(j, key);
    return v && v->is_string() ? v->get_ref<const std::string &>() : fallback;
}

std::optional<qint64> JsonRead::optionalInteger(const Json &j, Path path)
{
    const Json *v = find(j, path);
    return v ? toInteger(*v) : std::nullopt;
}

qint64 JsonRead::integer(const Json &j, Path path, qint64 fallback)
{
    return optionalInteger(j, path).value_or(fallback);
}

qint64 JsonRead::integer(const Json &j, std::string_view key, qint64 fallback)
{
    const Json *v = find(j, key);
    return (v ? toInteger(*v) : std::nullopt).value_or(fallback);
}

bool JsonRead::boolean(const Json &j, Path path, bool fallback)
{
    const Json *v = find(j, path);
    return v && v->is_boolean() ? v->get<bool>() : fallback;
}

bool JsonRead::boolean(const Json &j, std::string_view key, bool fallback)
{
    const Json *v = find(j, key);
    return v && v->is_boolean() ? v->get<bool>() : fallback;
}

const JsonRead::Json &JsonRead::object(const Json &j, Path path)
{
    const Json *v = find(j, path);
    return v && v->is_object() ? *v : emptyObject();
}

const JsonRead::Json &JsonRead::object(const Json &j, std::string_view key)
{
    const Json *v = find(j, key);
    return v && v->is_object() ? *v : emptyObject();
}

const JsonRead::Json &JsonRead::array(const Json &j, Path path)
{
    const Json *v = find(j, path);
    return v && v->is_array() ? *v : emptyArray();
}

const JsonRead::Json &JsonRead::array(const Json &j, std::string_view key)
{
    const Json *v = find(j, key);
    return v && v->is_array() ? *v : emptyArray();
}

QStringList JsonRead::stringList(const Json &j, Path path)
{
    QStringList out;
    for (const Json &v : array(j, path)) {
        if (v.is_string())
            out << toString(v);
    }
    return out;
}

int JsonRead::nestingDepth(QByteArrayView text, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"': inString = true; break;
        case '[':
        case '{':
            if (++depth > deepest) {
                deepest = depth;
                if (deepest > limit)
                    return deepest;
            }
            break;
        case ']':
        case '}':
            if (depth > 0)
                --depth;
            break;
        default: break;
        }
    }
    return deepest;
}

JsonRead::Json JsonRead::parse(QByteArrayView text)
{
    DecodeGuard::noteDecode("JsonRead::parse");
    if (nestingDepth(text) > MaxDepth)
        return Json(nlohmann::json::value_t::discarded);
    return nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
}

std::string JsonRead::dump(const Json &j, int indent)
{
    return j.dump(indent, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
}

QByteArray JsonRead::dumpBytes(const Json &j, int indent)
{
    return QByteArray::fromStdString(dump(j, indent));
}

} // namespace Orrery
