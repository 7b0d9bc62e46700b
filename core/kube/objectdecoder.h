// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kubeobject.h"
#include "util/stringinterner.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace Orrery::Internal {

// Turns API objects into the compact KubeObject. Not thread-safe: each informer owns one,
// on its worker thread, so its interner needs no lock.
// Never copies a Secret's data values (only the key names) nor the last-applied annotation.
//
// The text entry points (decodeList, decodeWatchEvent, decode(QByteArray)) read the text with
// simdjson (one parser per thread) and decode straight from its DOM: no nlohmann tree per
// object. They give exactly what parsing with JsonRead::parse and decode(json) gives; text
// simdjson refuses (malformed, too deep, numbers it cannot hold such as 1e400) goes that way.
class ObjectDecoder
{
public:
    // `apiVersion` matters only for kinds decoded from an older version (autoscaling/v1 HPA).
    KubeObjectPtr decode(Kind kind, const nlohmann::json &object, const QString &apiVersion = {});

    // Decode from text; a parse failure returns null.
    KubeObjectPtr decode(Kind kind, const QByteArray &json);
    // Tests: the same through nlohmann only (JsonRead::parse, then decode(json)).
    KubeObjectPtr decodeNlohmann(Kind kind, const QByteArray &json);

    // A list page: appends the decodable items to `out` and sets metadata.continue and
    // metadata.resourceVersion (empty when absent), and `remainingItemCount` (when given)
    // to metadata.remainingItemCount, -1 when absent or not a count. False when the text is
    // not a JSON object.
    bool decodeList(Kind kind, QByteArrayView text, const QString &apiVersion,
                    std::vector<KubeObjectPtr> &out, std::string &continueToken,
                    std::string &resourceVersion, qint64 *remainingItemCount = nullptr);

    // One line of a watch stream.
    struct WatchEvent
    {
        enum class Type { Malformed, Added, Modified, Deleted, Bookmark, Error, Other };
        Type type = Type::Malformed; // Malformed: not JSON, or not an object
        KubeObjectPtr object;        // Added, Modified, Deleted (null if not decodable)
        QString resourceVersion;     // Bookmark: its metadata.resourceVersion
        qint64 errorCode = 0;        // Error: the Status's code
        QByteArray errorBody;        // Error: the Status object as JSON
    };
    WatchEvent decodeWatchEvent(Kind kind, std::string_view line, const QString &apiVersion);

    StringInterner &interner() { return m_strings; }

private:
    StringInterner m_strings;
};

// RFC 3339 "2024-05-01T10:00:00Z" (fractions and offsets allowed) to seconds since the
// epoch; 0 when empty or malformed.
Timestamp parseTimestamp(std::string_view text);

} // namespace Orrery::Internal
