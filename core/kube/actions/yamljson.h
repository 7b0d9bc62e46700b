// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

namespace YAML {
class Node;
}

namespace Orrery {

// One document of a multi-document YAML stream, converted to JSON.
struct YamlDocument
{
    nlohmann::json value;
    int line = 0;  // 1-based line where the document starts
    int index = 0; // 0-based position in the stream, empty documents included
};

// YAML <-> JSON the way Kubernetes clients see it (sigs.k8s.io/yaml over go-yaml v2, i.e.
// YAML 1.1 scalars: yes/no/on/off are booleans, 0x1F is an int). Quoted scalars always stay
// strings. yaml-cpp is kept out of this header; its exceptions become Errors here.
//
// This is the one place YAML from outside becomes JSON, and it is bounded (util/limits.h):
// more nodes or scalar text than Limits::maxYamlNodes / maxYamlExpandedBytes after alias
// expansion, or nesting deeper than Limits::maxNestingDepth (a self-referencing alias
// included), fails with Error::Code::TooLarge naming the limit, the file and the line.
class YamlJson
{
public:
    // Splits on "---", drops empty documents (as kubectl does) and converts the rest.
    static Result<QList<YamlDocument>> parseDocuments(const QByteArray &yaml,
                                                      const QString &fileName = {});
    // A single document; an empty input is a null JSON value.
    static Result<nlohmann::json> parse(const QByteArray &yaml, const QString &fileName = {});
    // A node already loaded by yaml-cpp (a part of a kubeconfig), converted as above.
    static Result<nlohmann::json> fromNode(const YAML::Node &node, const QString &fileName = {});

    // Block-style YAML with keys in JSON order (nlohmann sorts them, so the output is stable
    // and two renderings diff cleanly). Strings that would read back as another type are quoted.
    static QString toYaml(const nlohmann::json &value);
};

} // namespace Orrery
