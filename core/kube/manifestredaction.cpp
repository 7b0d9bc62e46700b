// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifestredaction.h"

#include "kube/actions/yamljson.h"
#include "util/redaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace Orrery {

namespace {

using nlohmann::json;

bool isSeparator(const QString &line)
{
    return line.startsWith(QLatin1String("---")) && (line.size() == 3 || line.at(3).isSpace());
}

// One document of the stream with the lines it had.
struct Document
{
    QStringList lines;
    json secret; // the parsed Secret; null for any other document, or once rendered
    bool unreadableSecret = false;

    bool isSecret() const { return !secret.is_null(); }
    QString id() const
    {
        const json &s = secret;
        const json *metadata
            = s.contains("metadata") && s["metadata"].is_object() ? &s["metadata"] : nullptr;
        auto text = [metadata](const char *key) {
            if (!metadata || !metadata->contains(key) || !(*metadata)[key].is_string())
                return QString();
            return QString::fromStdString((*metadata)[key].get<std::string>());
        };
        return text("namespace") + QLatin1Char('/') + text("name");
    }
};

// A manifest as separators and documents, in order; joining every piece's lines with '\n'
// gives the manifest back.
struct Stream
{
    QList<QString> separators; // separators[i] comes before documents[i + 1]
    QList<Document> documents;

    static Stream split(const QString &manifest)
    {
        Stream s;
        s.documents.append(Document());
        for (const QString &line : manifest.split(QLatin1Char('\n'))) {
            if (isSeparator(line)) {
                s.separators.append(line);
                s.documents.append(Document());
            } else {
                s.documents.last().lines.append(line);
            }
        }
        for (Document &d : s.documents)
            classify(d);
        return s;
    }

    // Only a document that names "Secret" is parsed: the others are shown as they are, and
    // yaml-cpp never runs over the Deployments of a large chart for nothing.
    static void classify(Document &d)
    {
        const QString text = d.lines.join(QLatin1Char('\n'));
        if (!text.contains(QLatin1String("Secret")))
            return;
        Result<json> parsed = YamlJson::parse(text.toUtf8());
        if (parsed.ok() && Redaction::isSecret(parsed.value())) {
            d.secret = std::move(parsed.value());
        } else if (!parsed.ok()) {
            static const QRegularExpression kindSecret(
                QStringLiteral(R"(["']?kind["']?\s*:\s*["']?Secret\b)"));
            d.unreadableSecret = text.contains(kindSecret);
        }
    }

    QString join() const
    {
        QStringList out;
        for (int i = 0; i < documents.size(); ++i) {
            if (i > 0)
                out.append(separators[i - 1]);
            out.append(documents[i].lines);
        }
        return out.join(QLatin1Char('\n'));
    }
};

// The document's lines with its body replaced by `object` (already redacted) rendered as
// YAML; the comments before the body ("# Source: chart/templates/secret.yaml") and a final
// empty line stay.
void render(Document &d, const json &object)
{
    QStringList lines;
    int i = 0;
    while (i < d.lines.size()
           && (d.lines[i].trimmed().isEmpty() || d.lines[i].trimmed().startsWith(QLatin1Char('#'))))
        lines.append(d.lines[i++]);
    QStringList body = YamlJson::toYaml(object).split(QLatin1Char('\n'));
    if (!body.isEmpty() && body.last().isEmpty())
        body.removeLast();
    lines.append(body);
    if (!d.lines.isEmpty() && d.lines.last().isEmpty() && i < d.lines.size())
        lines.append(QString());
    d.lines = lines;
    d.secret = json(); // rendered: never rendered again from the values
}

void renderUnreadable(Document &d)
{
    QStringList lines;
    for (const QString &line : std::as_const(d.lines))
        if (line.trimmed().startsWith(QLatin1Char('#')))
            lines.append(line);
    lines.append(
        QStringLiteral("# %1: ").arg(QLatin1String(Redaction::Hidden))
        + QCoreApplication::translate("Orrery::ManifestRedaction",
                                      "a Secret that could not be read; its text is not shown"));
    if (!d.lines.isEmpty() && d.lines.last().isEmpty())
        lines.append(QString());
    d.lines = lines;
}

void hideAll(Stream &s)
{
    for (Document &d : s.documents) {
        if (d.isSecret())
            render(d, Redaction::hideSecretValues(d.secret));
        else if (d.unreadableSecret)
            renderUnreadable(d);
    }
}

QString text(const json &j)
{
    return j.is_string() ? QString::fromStdString(j.get<std::string>()) : QString();
}

} // namespace

QString ManifestRedaction::SecretKey::label() const
{
    return (ns.isEmpty() ? name : ns + QLatin1Char('/') + name) + QLatin1String(": ") + key;
}

QString ManifestRedaction::hideSecretValues(const QString &manifest)
{
    Stream s = Stream::split(manifest);
    hideAll(s);
    return s.join();
}

std::pair<QString, QString> ManifestRedaction::hideSecretValuesForDiff(const QString &before,
                                                                       const QString &after)
{
    Stream a = Stream::split(before);
    Stream b = Stream::split(after);
    QHash<QString, int> inAfter;
    for (int i = 0; i < b.documents.size(); ++i)
        if (b.documents[i].isSecret())
            inAfter.insert(b.documents[i].id(), i);
    for (Document &d : a.documents) {
        if (!d.isSecret())
            continue;
        // A partner already rendered (a duplicate name) counts as none.
        const int i = inAfter.value(d.id(), -1);
        Document *partner = i >= 0 && b.documents[i].isSecret() ? &b.documents[i] : nullptr;
        auto [hiddenBefore, hiddenAfter]
            = Redaction::hideSecretValuesForDiff(d.secret, partner ? partner->secret : json());
        render(d, hiddenBefore);
        if (partner)
            render(*partner, hiddenAfter);
    }
    // Secrets only in `after` (render() cleared the paired ones).
    for (Document &d : b.documents)
        if (d.isSecret())
            render(d, Redaction::hideSecretValuesForDiff(json(), d.secret).second);
    hideAll(a); // the unreadable ones
    hideAll(b);
    return {a.join(), b.join()};
}

QList<ManifestRedaction::SecretKey> ManifestRedaction::secretKeys(const QString &manifest)
{
    QList<SecretKey> keys;
    const Stream s = Stream::split(manifest);
    for (const Document &d : s.documents) {
        if (!d.isSecret())
            continue;
        const QString id = d.id();
        for (const char *field : {"data", "stringData"}) {
            const json &secret = d.secret;
            if (!secret.contains(field) || !secret[field].is_object())
                continue;
            for (auto it = secret[field].begin(); it != secret[field].end(); ++it) {
                SecretKey k{id.section(QLatin1Char('/'), 0, 0), id.section(QLatin1Char('/'), 1),
                            QString::fromStdString(it.key())};
                if (!keys.contains(k))
                    keys.append(k);
            }
        }
    }
    return keys;
}

std::optional<QString> ManifestRedaction::secretValue(const QString &manifest, const SecretKey &key)
{
    const Stream s = Stream::split(manifest);
    for (const Document &d : s.documents) {
        if (!d.isSecret() || d.id() != key.ns + QLatin1Char('/') + key.name)
            continue;
        const json &secret = d.secret;
        const std::string k = key.key.toStdString();
        // stringData wins over data, as the API server merges them.
        if (secret.contains("stringData") && secret["stringData"].is_object()
            && secret["stringData"].contains(k))
            return text(secret["stringData"][k]);
        if (secret.contains("data") && secret["data"].is_object() && secret["data"].contains(k))
            return QString::fromUtf8(QByteArray::fromBase64(text(secret["data"][k]).toLatin1()));
    }
    return std::nullopt;
}

} // namespace Orrery
