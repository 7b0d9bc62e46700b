// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "helmrelease.h"
#include "util/result.h"

#include <QByteArray>
#include <QDateTime>

#include <nlohmann/json.hpp>

namespace Orrery {

// Helm 3's Secret storage driver (helm/helm pkg/storage/driver/secrets.go, util.go).
// data.release in the API is base64(base64(gzip(json))): the API's own base64 of Secret data
// around Helm's base64 of the gzipped release. Older or hand-made releases may hold plain
// JSON instead of gzip, which Helm also reads.
//
// Release payloads may contain Secret values rendered into the manifest: callers never log
// what they decode.
class HelmCodec
{
public:
    // From a Secret object as returned by the API (data.release still API-base64-encoded).
    static Result<HelmRelease> decodeSecret(const nlohmann::json &secret);
    // From Helm's own encoding (what data.release holds after the API base64 is undone).
    static Result<HelmRelease> decodeRelease(const QByteArray &helmEncoded);

    // Helm's encoding: base64(gzip(json)).
    static QByteArray encodeRelease(const HelmRelease &release);

    // The storage Secret Helm would write: type helm.sh/release.v1, labels name, owner=helm,
    // status, version, and modifiedAt (seconds since the epoch) for updates or createdAt for
    // creates; data.release in API form.
    static nlohmann::json toSecret(const HelmRelease &release, const QDateTime &now, bool create);

    static Result<QByteArray> gunzip(const QByteArray &data);
    static QByteArray gzip(const QByteArray &data);
};

} // namespace Orrery
