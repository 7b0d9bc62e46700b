// SPDX-License-Identifier: GPL-3.0-or-later
#include "redaction.h"

#include <QRegularExpression>

#include <set>
#include <string>

namespace Orrery {

namespace {

using nlohmann::json;

const char *const LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

// scheme://userinfo@ — the user information runs to the last '@' before the host ends (a
// password with a raw '@' is still cut whole).
const QRegularExpression &schemeUserInfo()
{
    static const QRegularExpression re(
        QStringLiteral(R"(\b([A-Za-z][A-Za-z0-9+.\-]*://)[^\s/?#'"<>\[\]]*@)"));
    return re;
}

// user:password@host without a scheme, as a token of its own (curl takes such proxy URLs).
// A ':' is required so that a mail address or "git@host:repo" is left alone.
const QRegularExpression &barePassword()
{
    static const QRegularExpression re(
        QStringLiteral(R"((^|[\s'"(<\[=,;])[^\s'"/@:<>()\[\]]+:[^\s'"/<>]*@(?=[^\s'"/@<>]))"));
    return re;
}

// Query parameters that carry a credential in the wild: OAuth, presigned S3/GCS URLs, Azure
// SAS signatures, API keys.
const QRegularExpression &tokenQuery()
{
    static const QRegularExpression re(
        QStringLiteral(
            R"(([?&;](?:access_token|id_token|refresh_token|token|password|passwd|pwd|secret|client_secret|)"
            R"(api_key|apikey|key|sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token|)"
            R"(x-goog-signature|x-goog-credential)=)[^&\s'"#<>]+)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

json *member(json &object, const char *key)
{
    if (!object.is_object())
        return nullptr;
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

json *lastApplied(json &object)
{
    json *metadata = member(object, "metadata");
    json *annotations = metadata ? member(*metadata, "annotations") : nullptr;
    return annotations ? member(*annotations, LastApplied) : nullptr;
}

// Replaces a value (a map of values, or anything else that is not null) by Hidden.
void hideMap(json &map)
{
    if (map.is_object()) {
        for (auto it = map.begin(); it != map.end(); ++it)
            it.value() = Redaction::Hidden;
    } else if (!map.is_null()) {
        map = Redaction::Hidden;
    }
}

void hideSecret(json &secret)
{
    for (const char *field : {"data", "stringData"})
        if (json *values = member(secret, field))
            hideMap(*values);
    if (json *annotation = lastApplied(secret))
        *annotation = Redaction::Hidden;
}

void hideWalk(json &j)
{
    if (Redaction::isSecret(j)) {
        hideSecret(j);
        return; // nothing else in a Secret holds one
    }
    if (j.is_object() || j.is_array())
        for (auto &child : j)
            hideWalk(child);
}

// One value on both sides of a diff; null pointers are missing values.
void markValue(json *before, json *after)
{
    if (before && after) {
        const bool same = *before == *after;
        *before = same ? Redaction::Unchanged : Redaction::Hidden;
        *after = same ? Redaction::Unchanged : Redaction::Changed;
    } else if (before) {
        *before = Redaction::Removed;
    } else if (after) {
        *after = Redaction::Added;
    }
}

// data or stringData on both sides: per key when both are maps, else as one value.
void markField(json *before, json *after)
{
    const bool beforeMap = !before || before->is_object();
    const bool afterMap = !after || after->is_object();
    if (!beforeMap || !afterMap || (!before && !after)) {
        markValue(before, after);
        return;
    }
    std::set<std::string> keys;
    for (json *side : {before, after})
        if (side)
            for (auto it = side->begin(); it != side->end(); ++it)
                keys.insert(it.key());
    for (const std::string &key : keys) {
        json *b = before && before->contains(key) ? &(*before)[key] : nullptr;
        json *a = after && after->contains(key) ? &(*after)[key] : nullptr;
        markValue(b, a);
    }
}

bool startsWith(const std::string &text, const char *prefix)
{
    return text.rfind(prefix, 0) == 0;
}

void hideRequestWalk(json &j, bool targetIsSecret)
{
    if (j.is_object()) {
        const bool setsSecretData
            = targetIsSecret && (j.contains("data") || j.contains("stringData"));
        if (Redaction::isSecret(j) || setsSecretData)
            hideSecret(j);
        // A JSON-patch operation on a Secret.
        if (targetIsSecret && j.contains("op") && j.contains("value")) {
            const json *path = member(j, "path");
            if (path && path->is_string()) {
                const std::string &p = path->get_ref<const std::string &>();
                if (startsWith(p, "/data") || startsWith(p, "/stringData")
                    || startsWith(p, "/metadata/annotations"))
                    j["value"] = Redaction::Hidden;
            }
        }
    }
    if (j.is_object() || j.is_array())
        for (auto &child : j)
            hideRequestWalk(child, targetIsSecret);
}

} // namespace

QString Redaction::stripUrlCredentials(const QString &text)
{
    if (!text.contains(QLatin1Char('@')) && !text.contains(QLatin1Char('=')))
        return text; // the common case: nothing that could hold a credential
    QString out = text;
    out.replace(schemeUserInfo(), QStringLiteral("\\1"));
    out.replace(barePassword(), QStringLiteral("\\1"));
    out.replace(tokenQuery(), QStringLiteral("\\1") + QLatin1String(Hidden));
    return out;
}

Error Redaction::stripUrlCredentials(Error error)
{
    error.message = stripUrlCredentials(error.message);
    error.context = stripUrlCredentials(error.context);
    error.hint = stripUrlCredentials(error.hint);
    error.file = stripUrlCredentials(error.file);
    return error;
}

bool Redaction::isSecret(const json &object)
{
    if (!object.is_object())
        return false;
    const auto kind = object.find("kind");
    return kind != object.end() && kind->is_string()
           && kind->get_ref<const std::string &>() == "Secret";
}

json Redaction::hideSecretValues(json value)
{
    hideWalk(value);
    return value;
}

std::pair<json, json> Redaction::hideSecretValuesForDiff(json before, json after)
{
    if (!isSecret(before) && !isSecret(after))
        return {hideSecretValues(std::move(before)), hideSecretValues(std::move(after))};
    for (const char *field : {"data", "stringData"})
        markField(member(before, field), member(after, field));
    markValue(lastApplied(before), lastApplied(after));
    // The Secret side is done (hiding it again would overwrite the markers); a side that is
    // not a Secret (a kind that changed, never in practice) is hidden as usual.
    if (!isSecret(before))
        before = hideSecretValues(std::move(before));
    if (!isSecret(after))
        after = hideSecretValues(std::move(after));
    return {std::move(before), std::move(after)};
}

json Redaction::hideSecretValuesInRequest(json body, const QString &targetKind)
{
    hideRequestWalk(body, targetKind == QLatin1String("Secret"));
    return body;
}

} // namespace Orrery
