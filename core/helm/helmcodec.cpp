// SPDX-License-Identifier: GPL-3.0-or-later
#include "helmcodec.h"

#include "util/jsonread.h"
#include "util/limits.h"

#include <QCoreApplication>

#include <zlib.h>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::HelmCodec", text);
}

} // namespace

Result<QByteArray> HelmCodec::gunzip(const QByteArray &data)
{
    z_stream zs{};
    // 16 + MAX_WBITS: expect a gzip header (Helm writes gzip, not zlib).
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return Error(Error::Code::Unknown, tr("Could not initialise zlib."));
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    QByteArray out;
    char buffer[64 * 1024];
    int rc = Z_OK;
    do {
        zs.next_out = reinterpret_cast<Bytef *>(buffer);
        zs.avail_out = sizeof buffer;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&zs);
            return Error(Error::Code::ParseError, tr("The release data is not valid gzip."));
        }
        const qsizetype produced = qsizetype(sizeof buffer - zs.avail_out);
        if (out.size() + produced > Limits::maxDecompressedBytes) {
            // A gzip bomb (1 MiB can inflate to 1 GiB): this release fails, the others show.
            inflateEnd(&zs);
            return Error(Error::Code::TooLarge,
                         tr("The release data decompresses to more than %1 (maxDecompressedBytes).")
                             .arg(Limits::byteSize(Limits::maxDecompressedBytes)));
        }
        out.append(buffer, produced);
    } while (rc != Z_STREAM_END && (zs.avail_in > 0 || zs.avail_out == 0));
    inflateEnd(&zs);
    if (rc != Z_STREAM_END)
        return Error(Error::Code::ParseError, tr("The release data is truncated."));
    return out;
}

QByteArray HelmCodec::gzip(const QByteArray &data)
{
    z_stream zs{};
    // Go's gzip.BestCompression is what Helm uses; level 9 here too.
    deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    QByteArray out;
    char buffer[64 * 1024];
    int rc = Z_OK;
    do {
        zs.next_out = reinterpret_cast<Bytef *>(buffer);
        zs.avail_out = sizeof buffer;
        rc = deflate(&zs, Z_FINISH);
        out.append(buffer, int(sizeof buffer - zs.avail_out));
    } while (rc == Z_OK);
    deflateEnd(&zs);
    return out;
}

Result<HelmRelease> HelmCodec::decodeRelease(const QByteArray &helmEncoded)
{
    const auto decoded = QByteArray::fromBase64Encoding(helmEncoded.trimmed());
    if (!decoded)
        return Error(Error::Code::ParseError, tr("The release data is not valid base64."));
    QByteArray payload = *decoded;
    if (payload.size() > 3 && quint8(payload[0]) == 0x1f && quint8(payload[1]) == 0x8b
        && quint8(payload[2]) == 0x08) {
        auto plain = gunzip(payload);
        if (!plain)
            return plain.error();
        payload = std::move(*plain);
    }
    const nlohmann::json release = JsonRead::parse(payload);
    if (release.is_discarded() || !release.is_object())
        return Error(Error::Code::ParseError, tr("The release data is not a JSON release."));
    HelmRelease r = HelmRelease::fromJson(release);
    // Helm's own decoder fails on such a release too; without a revision number it cannot be
    // listed, compared or rolled back to, so it is skipped with this reason.
    if (r.version <= 0)
        return Error(Error::Code::ParseError,
                     tr("The release has no valid revision number (\"version\")."));
    return r;
}

Result<HelmRelease> HelmCodec::decodeSecret(const nlohmann::json &secret)
{
    const QString secretName = JsonRead::string(secret, {"metadata", "name"});
    const nlohmann::json *encoded = JsonRead::find(secret, {"data", "release"});
    if (!encoded || !encoded->is_string()) {
        Error e(Error::Code::ParseError, tr("The Secret holds no release."));
        e.context = secretName;
        return e;
    }
    const auto helmEncoded = QByteArray::fromBase64Encoding(
        QByteArray::fromStdString(JsonRead::stdString(secret, {"data", "release"})));
    if (!helmEncoded) {
        Error e(Error::Code::ParseError, tr("The Secret's data is not valid base64."));
        e.context = secretName;
        return e;
    }
    auto release = decodeRelease(*helmEncoded);
    if (!release) {
        Error e = release.error();
        e.context = secretName;
        return e;
    }
    return release;
}

QByteArray HelmCodec::encodeRelease(const HelmRelease &release)
{
    return gzip(JsonRead::dumpBytes(release.toJson())).toBase64();
}

nlohmann::json HelmCodec::toSecret(const HelmRelease &release, const QDateTime &now, bool create)
{
    nlohmann::json labels = {
        {"name", release.name.toStdString()},
        {"owner", "helm"},
        {"status", release.status.toStdString()},
        {"version", std::to_string(release.version)},
    };
    labels[create ? "createdAt" : "modifiedAt"] = std::to_string(now.toSecsSinceEpoch());
    return {
        {"apiVersion", "v1"},
        {"kind", "Secret"},
        {"metadata",
         {{"name", release.secretName().toStdString()},
          {"namespace", release.ns.toStdString()},
          {"labels", labels}}},
        {"type", "helm.sh/release.v1"},
        {"data", {{"release", encodeRelease(release).toBase64().toStdString()}}},
    };
}

} // namespace Orrery
