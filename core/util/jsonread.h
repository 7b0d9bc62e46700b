// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/limits.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace Orrery {

// The one place where JSON from outside (API servers, Helm release Secrets, exec plugins,
// manifests, audit log lines) is parsed, read and serialised.
//
// Rule: outside data never decides whether Orrery throws. nlohmann's own accessors throw on a
// type mismatch (`get<T>()`, `value(k, d)` when the stored value has another type, `at()`, and
// `operator[]` on a const value that lacks the key), and `dump()` throws on a string that is
// not UTF-8. Everything here is total instead:
//  - a missing member and a member of the wrong type read the same: as absent (the fallback);
//    `null` is absent too, as Go's decoder treats it;
//  - paths walk objects only; a step through anything else is absent;
//  - `parse()` returns a discarded value for malformed or too deeply nested text, never throws;
//  - `dump()` replaces invalid UTF-8 with U+FFFD rather than throwing.
// Callers decide what absent means (skip the item with a reason, or use a default).
class JsonRead
{
public:
    using Json = nlohmann::json;
    using Path = std::initializer_list<std::string_view>;

    // Deeper nesting than this is refused by parse(): Kubernetes objects nest a few dozen
    // levels at most (CRD schemas ~30), and every recursive walk over a value (audit scrubbing,
    // YAML rendering, pruning) must not exhaust the stack on a hostile document.
    static constexpr int MaxDepth = Limits::maxNestingDepth;

    // The member at `path`, or nullptr when a step is missing or not an object.
    static const Json *find(const Json &j, Path path);
    static const Json *find(const Json &j, std::string_view key);

    // A string member, or `fallback` when absent or not a string. Invalid UTF-8 in the value
    // becomes U+FFFD (QString's decoding), never an exception.
    static QString string(const Json &j, Path path, const QString &fallback = {});
    static QString string(const Json &j, std::string_view key, const QString &fallback = {});
    static std::string stdString(const Json &j, Path path, const std::string &fallback = {});
    static std::string stdString(const Json &j, std::string_view key,
                                 const std::string &fallback = {});

    // An integral member. A floating-point number is truncated when it fits in qint64; NaN,
    // infinities and out-of-range numbers (including unsigned above INT64_MAX) read as absent.
    // A string does not: Kubernetes never sends numbers as strings where we read integers.
    static qint64 integer(const Json &j, Path path, qint64 fallback = 0);
    static qint64 integer(const Json &j, std::string_view key, qint64 fallback = 0);
    static std::optional<qint64> optionalInteger(const Json &j, Path path);

    static bool boolean(const Json &j, Path path, bool fallback = false);
    static bool boolean(const Json &j, std::string_view key, bool fallback = false);

    // The member when it is an object (array), else a shared empty object (array): safe to
    // iterate, `find` into and copy.
    static const Json &object(const Json &j, Path path);
    static const Json &object(const Json &j, std::string_view key);
    static const Json &array(const Json &j, Path path);
    static const Json &array(const Json &j, std::string_view key);

    // The strings of an array member; elements of other types are skipped.
    static QStringList stringList(const Json &j, Path path);

    // The value itself, read tolerantly (for array elements and iterated members).
    static QString toString(const Json &v, const QString &fallback = {});
    static std::optional<qint64> toInteger(const Json &v);

    // Parse outside text. Malformed JSON, trailing garbage and nesting deeper than MaxDepth
    // all give a discarded value (`is_discarded()`), never an exception.
    // (QByteArray, std::string and std::string_view all convert to QByteArrayView.)
    static Json parse(QByteArrayView text);

    // Serialise a value that holds outside data. Invalid UTF-8 in strings or keys becomes
    // U+FFFD instead of throwing; indent as nlohmann's dump().
    static std::string dump(const Json &j, int indent = -1);
    static QByteArray dumpBytes(const Json &j, int indent = -1);

    // The deepest nesting of arrays and objects in `text` (strings are skipped), stopping early
    // once `limit` is exceeded. Public for tests and for callers that bound other formats.
    static int nestingDepth(QByteArrayView text, int limit = MaxDepth);
};

} // namespace Orrery
