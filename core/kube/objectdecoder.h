// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kubeobject.h"
#include "util/stringinterner.h"

#include <nlohmann/json_fwd.hpp>

namespace Orrery::Internal {

// Turns one API object (parsed JSON) into the compact KubeObject. Not thread-safe: each
// informer owns one, on its worker thread, so its interner needs no lock.
// Never copies a Secret's data values (only the key names) nor the last-applied annotation.
class ObjectDecoder
{
public:
    // `apiVersion` matters only for kinds decoded from an older version (autoscaling/v1 HPA).
    KubeObjectPtr decode(Kind kind, const nlohmann::json &object, const QString &apiVersion = {});

    // Tests: decode from text; a parse failure returns null.
    KubeObjectPtr decode(Kind kind, const QByteArray &json);

    StringInterner &interner() { return m_strings; }

private:
    StringInterner m_strings;
};

// RFC 3339 "2024-05-01T10:00:00Z" (fractions and offsets allowed) to seconds since the
// epoch; 0 when empty or malformed.
Timestamp parseTimestamp(std::string_view text);

} // namespace Orrery::Internal
