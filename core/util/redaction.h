// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <utility>

namespace Orrery {

// The one redaction rule of Orrery. Every path that shows or records something that may hold
// a credential goes through here, so that "what is hidden" is decided in a single place:
//
// - Credentials in URLs: `scheme://user:password@host` (any scheme, also inside a quoted curl
//   message), a scheme-less `user:password@host` (curl accepts such proxy URLs) and the values
//   of token-like query parameters (`?access_token=`, `&sig=`, ...). Used on every Error that
//   is made from libcurl or transport output, on `--doctor` output and on audit lines.
// - Secret values: the `data` and `stringData` of any object whose `kind` is "Secret" (also
//   inside Lists) and its `kubectl.kubernetes.io/last-applied-configuration` annotation (which
//   repeats the data). Only the key names stay. Diffs compare the real values first and then
//   show one marker per key (unchanged, changed, added, removed), never a value, base64 or
//   decoded. A value reaches the screen only through an explicit per-key reveal.
//
// Every function is total: any JSON shape (a CRD whose `properties.kind` is an object, a
// `data` that is a string) is accepted and never throws.
class Redaction
{
public:
    // Markers written in place of a hidden value.
    static constexpr const char *Hidden = "<redacted>";     // a value, not compared
    static constexpr const char *Unchanged = "<unchanged>"; // same value on both sides
    static constexpr const char *Changed = "<changed>";     // after side of a changed value
    static constexpr const char *Added = "<added>";         // only on the after side
    static constexpr const char *Removed = "<removed>";     // only on the before side

    // `text` with the user information of every URL in it removed and token-like query
    // values replaced by Hidden. Text without a URL comes back unchanged.
    static QString stripUrlCredentials(const QString &text);
    // `url`, one URL as a setting holds it (a proxy URL, with or without a scheme), without
    // its user information: everything up to the last '@', so that a password with a raw
    // '/', '?', '#' or '@' goes whole. Token-like query values are hidden as above.
    static QString stripUrlUserInfo(const QString &url);
    // The same over every text field of an Error (message, context, hint, file).
    static Error stripUrlCredentials(Error error);

    // True for a JSON object whose "kind" is the string "Secret".
    static bool isSecret(const nlohmann::json &object);

    // A copy with the values of every Secret in it (at any depth) replaced by Hidden.
    static nlohmann::json hideSecretValues(nlohmann::json value);

    // Two versions of one object, ready for a diff: when either is a Secret, each key of
    // data/stringData (and the last-applied annotation) becomes Unchanged on both sides, or
    // Hidden before and Changed after, or Added / Removed, decided on the real values; the
    // other fields stay as they are. A null side is a missing object (created or deleted).
    // Secrets nested deeper (the items of a List) get the same per-key markers: they are
    // paired across the two sides by namespace and name, and one without a partner shows its
    // keys as Added or Removed.
    static std::pair<nlohmann::json, nlohmann::json> hideSecretValuesForDiff(nlohmann::json before,
                                                                             nlohmann::json after);

    // A request body as the audit log records it: hideSecretValues, plus what only makes
    // sense for a write to a Secret (`targetKind`): a merge patch without "kind" that sets
    // data/stringData, and JSON-patch operations on /data, /stringData or
    // /metadata/annotations.
    static nlohmann::json hideSecretValuesInRequest(nlohmann::json body, const QString &targetKind);
};

} // namespace Orrery
