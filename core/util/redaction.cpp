// SPDX-License-Identifier: GPL-3.0-or-later
#include "redaction.h"

#include <QRegularExpression>

#include <deque>
#include <map>
#include <set>
#include <string>

namespace Orrery {

namespace {

using nlohmann::json;

const char *const LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

// The scheme of a URL: "http://", "socks5h://", "foo://".
const QRegularExpression &urlScheme()
{
    static const QRegularExpression re(QStringLiteral(R"(\b[A-Za-z][A-Za-z0-9+.\-]*://)"));
    return re;
}

bool endsUnquotedUrl(QChar c)
{
    return c.isSpace() || c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('<')
           || c == QLatin1Char('>');
}

// Removes the user information of every scheme://userinfo@host in `text`. A password is not
// always percent-encoded: one with a raw '@', '/', '?' or '#' is not valid user information,
// and URL parsers cut such a URL at that character, but libcurl quotes the whole string it was
// given ("Unsupported proxy syntax in 'http://u:p/ss@h:1'"), and a kubeconfig keeps whatever
// the user typed. So the user information runs from "://" to the *last* '@' of the URL as it
// stands in the text: up to the closing quote when the URL follows a quote (as curl and JSON
// quote it), otherwise up to the next blank, quote or angle bracket. A path holding an '@'
// loses what comes before it: the rule errs towards hiding.
QString stripSchemeUserInfo(const QString &text)
{
    QString out;
    qsizetype copied = 0;
    QRegularExpressionMatchIterator it = urlScheme().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart() < copied)
            continue; // inside user information already removed
        const qsizetype start = m.capturedEnd();
        const QChar open = m.capturedStart() > 0 ? text.at(m.capturedStart() - 1) : QChar();
        qsizetype end = -1;
        if (open == QLatin1Char('\'') || open == QLatin1Char('"')) {
            const qsizetype close = text.indexOf(open, start);
            const qsizetype newline = text.indexOf(QLatin1Char('\n'), start);
            if (close >= 0 && (newline < 0 || close < newline))
                end = close;
        }
        if (end < 0) { // not quoted, or the quote is never closed on this line
            end = start;
            while (end < text.size() && !endsUnquotedUrl(text.at(end)))
                ++end;
        }
        const qsizetype at = end > start ? text.lastIndexOf(QLatin1Char('@'), end - 1) : -1;
        if (at < start)
            continue;
        out += QStringView(text).mid(copied, start - copied);
        copied = at + 1;
    }
    if (copied == 0)
        return text;
    out += QStringView(text).mid(copied);
    return out;
}

// user:password@host without a scheme, as a token of its own (curl takes such proxy URLs).
// A ':' is required so that a mail address or "git@host:repo" is left alone.
const QRegularExpression &barePassword()
{
    static const QRegularExpression re(
        QStringLiteral(R"((^|[\s'"(<\[=,;])[^\s'"/@:<>()\[\]]+:[^\s'"/<>]*@(?=[^\s'"/@<>]))"));
    return re;
}

// The same quoted whole, as curl quotes the proxy it was given ("Unsupported proxy syntax in
// 'alice:p/ss#w@127.0.0.1:1'"): inside the quotes the password may hold a raw '/', '?' or '#'.
// The host after the last '@' must end the quoted text (with a port at most), so an image
// reference such as "registry:5000/app@sha256:…" is left alone.
const QRegularExpression &quotedBarePassword()
{
    static const QRegularExpression re(
        QStringLiteral(R"((['"])[^\s'"/@:<>()\[\]]+:[^'"\n]*@(?=[^\s'"/@<>:]+(?::[0-9]+)?/?\1))"));
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

// One Secret on both sides of a diff (a null pointer: absent on that side): every key of
// data and stringData, and the last-applied annotation, gets its marker.
void markSecretPair(json *before, json *after)
{
    for (const char *field : {"data", "stringData"})
        markField(before ? member(*before, field) : nullptr,
                  after ? member(*after, field) : nullptr);
    markValue(before ? lastApplied(*before) : nullptr, after ? lastApplied(*after) : nullptr);
}

// Every Secret in `j` (itself, or at any depth: the items of a List), in document order.
void collectSecrets(json &j, std::vector<json *> &out)
{
    if (Redaction::isSecret(j)) {
        out.push_back(&j);
        return;
    }
    if (j.is_object() || j.is_array())
        for (auto &child : j)
            collectSecrets(child, out);
}

// "namespace/name" of a Secret, read tolerantly (a name of another type reads as empty).
std::string secretId(json &secret)
{
    auto text = [&secret](const char *key) {
        json *metadata = member(secret, "metadata");
        json *value = metadata ? member(*metadata, key) : nullptr;
        return value && value->is_string() ? value->get<std::string>() : std::string();
    };
    return text("namespace") + "/" + text("name");
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
    out = stripSchemeUserInfo(out);
    out.replace(quotedBarePassword(), QStringLiteral("\\1"));
    out.replace(barePassword(), QStringLiteral("\\1"));
    out.replace(tokenQuery(), QStringLiteral("\\1") + QLatin1String(Hidden));
    return out;
}

QString Redaction::stripUrlUserInfo(const QString &url)
{
    const qsizetype at = url.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return stripUrlCredentials(url);
    const QRegularExpressionMatch scheme = urlScheme().match(url);
    const qsizetype start
        = scheme.hasMatch() && scheme.capturedStart() == 0 && scheme.capturedEnd() <= at
              ? scheme.capturedEnd()
              : 0;
    return stripUrlCredentials(url.left(start) + url.mid(at + 1));
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
    if (isSecret(before) && isSecret(after)) {
        // One object on both sides (the apply preview's live object and dry-run answer).
        markSecretPair(&before, &after);
        return {std::move(before), std::move(after)};
    }
    // Secrets anywhere in either side (a List, a Secret against a missing object): paired by
    // namespace and name, in order when a name repeats; the unpaired ones were added or removed.
    std::vector<json *> secretsBefore, secretsAfter;
    collectSecrets(before, secretsBefore);
    collectSecrets(after, secretsAfter);
    std::map<std::string, std::deque<json *>> byId;
    for (json *s : secretsAfter)
        byId[secretId(*s)].push_back(s);
    std::set<const json *> paired;
    for (json *b : secretsBefore) {
        std::deque<json *> &candidates = byId[secretId(*b)];
        json *partner = candidates.empty() ? nullptr : candidates.front();
        if (partner) {
            candidates.pop_front();
            paired.insert(partner);
        }
        markSecretPair(b, partner);
    }
    for (json *a : secretsAfter)
        if (!paired.count(a))
            markSecretPair(nullptr, a);
    return {std::move(before), std::move(after)};
}

json Redaction::hideSecretValuesInRequest(json body, const QString &targetKind)
{
    hideRequestWalk(body, targetKind == QLatin1String("Secret"));
    return body;
}

} // namespace Orrery
