// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Checks JSON against the part of Fly's published Machines API OpenAPI document that Orrery
// uses (tests/data/fly/machines-openapi.json, from superfly/fly-openapi-sdk). No flyctl runs
// here, so this is the judge of the simulator's answers and of the bodies Orrery sends.
// Stricter than OpenAPI's defaults on purpose: a property the schema does not declare is an
// error (unless the schema allows additionalProperties), so neither side invents fields.

#include <nlohmann/json.hpp>

#include <QFile>
#include <QString>

namespace Orrery::Test {

class FlyOpenApi
{
public:
    explicit FlyOpenApi(const QString &file)
    {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            m_spec = nlohmann::json::parse(f.readAll().toStdString(), nullptr, false);
    }

    bool isLoaded() const { return m_spec.is_object() && m_spec.contains("paths"); }

    // The schema of `path`'s (as the document names it, "/apps/{app_name}") `method` answer
    // with `status`; null when the document has none.
    nlohmann::json responseSchema(const std::string &path, const std::string &method,
                                  int status) const
    {
        const auto p = m_spec["paths"].find(path);
        if (p == m_spec["paths"].end() || !p->contains(method))
            return nullptr;
        const nlohmann::json &responses = (*p)[method]["responses"];
        const std::string code = std::to_string(status);
        return responses.contains(code) ? responses[code] : nlohmann::json();
    }
    nlohmann::json requestSchema(const std::string &path, const std::string &method) const
    {
        const auto p = m_spec["paths"].find(path);
        if (p == m_spec["paths"].end() || !p->contains(method))
            return nullptr;
        return (*p)[method].value("requestBody", nlohmann::json());
    }
    nlohmann::json schema(const std::string &name) const
    {
        return {{"$ref", "#/components/schemas/" + name}};
    }

    // Empty when `value` follows `schema`; else the first problem, with its JSON path.
    QString validate(const nlohmann::json &value, const nlohmann::json &schema,
                     const QString &where = QStringLiteral("$")) const
    {
        if (schema.is_null())
            return where + QStringLiteral(": no schema");
        if (schema.contains("$ref")) {
            const std::string ref = schema["$ref"];
            const std::string prefix = "#/components/schemas/";
            const std::string name = ref.substr(prefix.size());
            const auto &schemas = m_spec["components"]["schemas"];
            if (!schemas.contains(name))
                return where
                       + QStringLiteral(": schema %1 is not in the excerpt")
                             .arg(QString::fromStdString(name));
            return validate(value, schemas[name], where);
        }
        if (!schema.contains("type"))
            return {}; // `{}`: anything
        const std::string type = schema["type"];
        const auto wrong = [&] {
            return where
                   + QStringLiteral(": expected %1, got %2")
                         .arg(QString::fromStdString(type),
                              QString::fromStdString(value.dump()).left(80));
        };
        if (type == "string")
            return value.is_string() ? QString() : wrong();
        if (type == "integer")
            return value.is_number_integer() ? QString() : wrong();
        if (type == "boolean")
            return value.is_boolean() ? QString() : wrong();
        if (type == "array") {
            if (!value.is_array())
                return wrong();
            int i = 0;
            for (const auto &item : value) {
                const QString e
                    = validate(item, schema["items"], where + QStringLiteral("[%1]").arg(i++));
                if (!e.isEmpty())
                    return e;
            }
            return {};
        }
        if (type == "object") {
            if (!value.is_object())
                return wrong();
            const bool hasProperties = schema.contains("properties");
            const bool hasAdditional = schema.contains("additionalProperties");
            if (!hasProperties && !hasAdditional)
                return {};
            for (auto it = value.begin(); it != value.end(); ++it) {
                const QString at = where + QLatin1Char('.') + QString::fromStdString(it.key());
                if (hasProperties && schema["properties"].contains(it.key())) {
                    const QString e = validate(it.value(), schema["properties"][it.key()], at);
                    if (!e.isEmpty())
                        return e;
                } else if (hasAdditional) {
                    const QString e = validate(it.value(), schema["additionalProperties"], at);
                    if (!e.isEmpty())
                        return e;
                } else {
                    return at + QStringLiteral(": not a property of the schema");
                }
            }
            return {};
        }
        return where + QStringLiteral(": unknown type %1").arg(QString::fromStdString(type));
    }

private:
    nlohmann::json m_spec;
};

} // namespace Orrery::Test
