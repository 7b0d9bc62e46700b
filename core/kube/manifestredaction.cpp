// SPDX-License-Identifier: GPL-3.0-or-later
#include "manifestredaction.h"

#include "kube/actions/yamljson.h"
#include "util/jsonread.h"
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

// "namespace/name" of a Secret object.
QString secretId(const json &secret)
{
    return JsonRead::string(secret, {"metadata", "namespace"}) + QLatin1Char('/')
           + JsonRead::string(secret, {"metadata", "name"});
}

// Every Secret in `j`: itself, or the items of a List (at any depth), in document order.
void collectSecrets(const json &j, QList<const json *> &out)
{
    if (Redaction::isSecret(j)) {
        out.append(&j);
        return;
    }
    if (j.is_object() || j.is_array())
        for (const json &child : j)
            collectSecrets(child, out);
}

// One document of the stream with the lines it had.
struct Document
{
    QStringList lines;
    // The parsed document when it holds a Secret (a Secret, or a List with Secrets in its
    // items); null for any other document, or once rendered.
    json value;
    bool unreadableSecret = false;

    bool holdsSecrets() const { return !value.is_null(); }
    QList<const json *> secrets() const
    {
        QList<const json *> out;
        collectSecrets(value, out);
        return out;
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
        if (parsed.ok()) {
            QList<const json *> secrets;
            collectSecrets(parsed.value(), secrets);
            if (!secrets.isEmpty())
                d.value = std::move(parsed.value());
        } else {
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
    d.value = json(); // rendered: never rendered again from the values
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
        if (d.holdsSecrets())
            render(d, Redaction::hideSecretValues(d.value));
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
    // Every document with Secrets on each side, as one array per side: Redaction pairs the
    // Secrets in them by namespace and name, whichever document (a Secret, a List) holds them.
    auto gather = [](const Stream &s) {
        json all = json::array();
        for (const Document &d : s.documents)
            if (d.holdsSecrets())
                all.push_back(d.value);
        return all;
    };
    auto [hiddenBefore, hiddenAfter] = Redaction::hideSecretValuesForDiff(gather(a), gather(b));
    auto scatter = [](Stream &s, const json &hidden) {
        std::size_t i = 0;
        for (Document &d : s.documents)
            if (d.holdsSecrets())
                render(d, hidden[i++]);
    };
    scatter(a, hiddenBefore);
    scatter(b, hiddenAfter);
    hideAll(a); // the unreadable ones
    hideAll(b);
    return {a.join(), b.join()};
}

QList<ManifestRedaction::SecretKey> ManifestRedaction::secretKeys(const QString &manifest)
{
    QList<SecretKey> keys;
    const Stream s = Stream::split(manifest);
    for (const Document &d : s.documents) {
        for (const json *secret : d.secrets()) {
            const QString id = secretId(*secret);
            for (const char *field : {"data", "stringData"}) {
                const json &values = JsonRead::object(*secret, field);
                for (auto it = values.begin(); it != values.end(); ++it) {
                    SecretKey k{id.section(QLatin1Char('/'), 0, 0), id.section(QLatin1Char('/'), 1),
                                QString::fromStdString(it.key())};
                    if (!keys.contains(k))
                        keys.append(k);
                }
            }
        }
    }
    return keys;
}

std::optional<QString> ManifestRedaction::secretValue(const QString &manifest, const SecretKey &key)
{
    const Stream s = Stream::split(manifest);
    for (const Document &d : s.documents) {
        for (const json *found : d.secrets()) {
            if (secretId(*found) != key.ns + QLatin1Char('/') + key.name)
                continue;
            const json &secret = *found;
            const std::string k = key.key.toStdString();
            // stringData wins over data, as the API server merges them.
            if (secret.contains("stringData") && secret["stringData"].is_object()
                && secret["stringData"].contains(k))
                return text(secret["stringData"][k]);
            if (secret.contains("data") && secret["data"].is_object() && secret["data"].contains(k))
                return QString::fromUtf8(
                    QByteArray::fromBase64(text(secret["data"][k]).toLatin1()));
        }
    }
    return std::nullopt;
}

} // namespace Orrery
