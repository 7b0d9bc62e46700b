// SPDX-License-Identifier: GPL-3.0-or-later
#include "helmcodec.h"

#include "util/jsonread.h"
#include "util/limits.h"

#include <gzip.h>

#include <QCoreApplication>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::HelmCodec", text);
}

} // namespace

Result<QByteArray> HelmCodec::gunzip(const QByteArray &data)
{
    using Status = Gzip::Decompressed::Status;
    Gzip::Decompressed out = Gzip::decompress(std::string_view(data.constData(), data.size()),
                                              std::size_t(Limits::maxDecompressedBytes));
    switch (out.status) {
    case Status::Ok: return QByteArray(out.data.data(), qsizetype(out.data.size()));
    case Status::NoMemory: return Error(Error::Code::Unknown, tr("Could not initialise zlib."));
    case Status::Invalid:
        return Error(Error::Code::ParseError, tr("The release data is not valid gzip."));
    case Status::TooLarge:
        // A gzip bomb (1 MiB can inflate to 1 GiB): this release fails, the others show.
        return Error(Error::Code::TooLarge,
                     tr("The release data decompresses to more than %1 (maxDecompressedBytes).")
                         .arg(Limits::byteSize(Limits::maxDecompressedBytes)));
    case Status::Truncated: break;
    }
    return Error(Error::Code::ParseError, tr("The release data is truncated."));
}

QByteArray HelmCodec::gzip(const QByteArray &data)
{
    // Go's gzip.BestCompression is what Helm uses.
    const auto out
        = Gzip::compress(std::string_view(data.constData(), data.size()), Gzip::BestCompression);
    return out ? QByteArray(out->data(), qsizetype(out->size())) : QByteArray();
}

Result<HelmRelease> HelmCodec::decodeRelease(const QByteArray &helmEncoded)
{
    const auto decoded = QByteArray::fromBase64Encoding(helmEncoded.trimmed());
    if (!decoded)
        return Error(Error::Code::ParseError, tr("The release data is not valid base64."));
    QByteArray payload = *decoded;
    if (payload.size() > 3
        && Gzip::hasGzipHeader(std::string_view(payload.constData(), payload.size()))) {
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
