// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

namespace Orrery {

// One document of a multi-document YAML stream, converted to JSON.
struct YamlDocument
{
    nlohmann::json value;
    int line = 0;   // 1-based line where the document starts
    int index = 0;  // 0-based position in the stream, empty documents included
};

// YAML <-> JSON the way Kubernetes clients see it (sigs.k8s.io/yaml over go-yaml v2, i.e.
// YAML 1.1 scalars: yes/no/on/off are booleans, 0x1F is an int). Quoted scalars always stay
// strings. yaml-cpp is kept out of this header; its exceptions become Errors here.
class YamlJson
{
public:
    // Splits on "---", drops empty documents (as kubectl does) and converts the rest.
    static Result<QList<YamlDocument>> parseDocuments(const QByteArray &yaml,
                                                      const QString &fileName = {});
    // A single document; an empty input is a null JSON value.
    static Result<nlohmann::json> parse(const QByteArray &yaml, const QString &fileName = {});

    // Block-style YAML with keys in JSON order (nlohmann sorts them, so the output is stable
    // and two renderings diff cleanly). Strings that would read back as another type are quoted.
    static QString toYaml(const nlohmann::json &value);
};

} // namespace Orrery
