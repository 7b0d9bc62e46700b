// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace Orrery {

// The redaction rule (util/redaction.h) applied to a multi-document YAML manifest, such as a
// Helm release's rendered manifest: every document that holds a Secret (a Secret, or a List
// with Secrets among its items) is rendered again with its values hidden (the "# Source:"
// comments before it kept); every other document is kept byte for byte. A document that mentions
// kind Secret but cannot be parsed is replaced by a note, never shown as it is. Values come back
// only one key at a time through secretValue(), for a per-key reveal.
class ManifestRedaction
{
public:
    // One key of one Secret document.
    struct SecretKey
    {
        QString ns;
        QString name;
        QString key;
        // "name: key" or "namespace/name: key", for a list of keys.
        QString label() const;
        bool operator==(const SecretKey &other) const = default;
    };

    static QString hideSecretValues(const QString &manifest);
    // Two manifests (two revisions) ready for a line diff: Secrets with the same namespace and
    // name are compared value by value and show Redaction's per-key markers, also when they
    // stand in a List.
    static std::pair<QString, QString> hideSecretValuesForDiff(const QString &before,
                                                               const QString &after);

    // The keys of data and stringData of every Secret in the manifest (Lists included), in
    // document order.
    static QList<SecretKey> secretKeys(const QString &manifest);
    // The value of one key as text (data decoded from base64, stringData as written), or
    // nothing when the manifest has no such key.
    static std::optional<QString> secretValue(const QString &manifest, const SecretKey &key);
};

} // namespace Orrery
