// SPDX-License-Identifier: GPL-3.0-or-later
#include "openapiv2.h"
#include "openapi.h"
#include "openapischemas.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace Orrery::Sim {

using json = nlohmann::json;

namespace {

const std::string kV3Prefix = "#/components/schemas/";
const std::string kV2Prefix = "#/definitions/";

// An OpenAPI v3 schema of OpenApiSchemas as kube-apiserver writes it in v2: a $ref carries
// its description beside it (v3 wraps it in allOf), and IntOrString/Quantity (oneOf in v3)
// are strings, IntOrString with format int-or-string.
json toV2Schema(const json &s)
{
    if (!s.is_object())
        return s;
    json out = json::object();
    for (const auto &[key, value] : s.items()) {
        if (key == "$ref" && value.is_string()) {
            std::string ref = value.get<std::string>();
            if (ref.rfind(kV3Prefix, 0) == 0)
                ref = kV2Prefix + ref.substr(kV3Prefix.size());
            out["$ref"] = ref;
        } else if (key == "allOf" && value.is_array() && value.size() == 1 && value[0].is_object()
                   && value[0].contains("$ref")) {
            out.update(toV2Schema(value[0]));
        } else if (key == "oneOf") {
            continue; // handled below
        } else if (key == "properties" && value.is_object()) {
            json props = json::object();
            for (const auto &[name, sub] : value.items())
                props[name] = toV2Schema(sub);
            out["properties"] = props;
        } else if ((key == "items" || key == "additionalProperties") && value.is_object()) {
            out[key] = toV2Schema(value);
        } else {
            out[key] = value;
        }
    }
    if (s.contains("oneOf") && !s.contains("type"))
        out["type"] = "string";
    return out;
}

json toV2Operation(const json &op)
{
    json out = json::object();
    for (const auto &[key, value] : op.items()) {
        if (key != "parameters") {
            out[key] = value;
            continue;
        }
        json params = json::array();
        for (const auto &p : value) {
            json q = {{"name", p.value("name", "")},
                      {"in", p.value("in", "")},
                      {"type", "string"},
                      {"uniqueItems", true}};
            if (p.value("required", false))
                q["required"] = true;
            params.push_back(q);
        }
        out["parameters"] = params;
    }
    out["consumes"] = json::array({"*/*"});
    out["produces"] = json::array(
        {"application/json", "application/yaml", "application/vnd.kubernetes.protobuf"});
    out["schemes"] = json::array({"https"});
    return out;
}

// ---------------------------------------------------------------- protobuf writer

class Pb
{
public:
    std::string out;

    void varint(std::uint64_t v)
    {
        while (v >= 0x80) {
            out.push_back(static_cast<char>((v & 0x7f) | 0x80));
            v >>= 7;
        }
        out.push_back(static_cast<char>(v));
    }
    void tag(int field, int wire) { varint((static_cast<std::uint64_t>(field) << 3) | wire); }
    // Length-delimited: strings, bytes and embedded messages. Messages are written even
    // when empty (their presence matters: an empty Properties makes a Kind, not a Map).
    void bytes(int field, const std::string &b)
    {
        tag(field, 2);
        varint(b.size());
        out += b;
    }
    // proto3 scalars: the zero value is not written.
    void string(int field, const std::string &s)
    {
        if (!s.empty())
            bytes(field, s);
    }
    void boolean(int field, bool b)
    {
        if (b) {
            tag(field, 0);
            varint(1);
        }
    }
    void int64(int field, std::int64_t v)
    {
        if (v != 0) {
            tag(field, 0);
            varint(static_cast<std::uint64_t>(v));
        }
    }
    void dbl(int field, double d)
    {
        if (d == 0)
            return;
        std::uint64_t bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        tag(field, 1);
        for (int i = 0; i < 8; ++i)
            out.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
    }
};

std::string str(const json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// openapi_v2.Any {google.protobuf.Any value = 1; string yaml = 2}
std::string anyOf(const json &value)
{
    Pb pb;
    pb.bytes(2, value.dump());
    return pb.out;
}

// repeated NamedAny vendor_extension: the object's "x-" keys.
void vendorExtensions(Pb &pb, int field, const json &j)
{
    for (const auto &[key, value] : j.items()) {
        if (key.rfind("x-", 0) != 0)
            continue;
        Pb named;
        named.string(1, key);
        named.bytes(2, anyOf(value));
        pb.bytes(field, named.out);
    }
}

std::string schema(const json &s)
{
    Pb pb;
    if (!s.is_object())
        return pb.out;
    pb.string(1, str(s, "$ref"));
    pb.string(2, str(s, "format"));
    pb.string(3, str(s, "title"));
    pb.string(4, str(s, "description"));
    if (s.contains("default"))
        pb.bytes(5, anyOf(s["default"]));
    auto number = [&](int field, const char *key) {
        if (s.contains(key) && s[key].is_number())
            pb.dbl(field, s[key].get<double>());
    };
    auto integer = [&](int field, const char *key) {
        if (s.contains(key) && s[key].is_number_integer())
            pb.int64(field, s[key].get<std::int64_t>());
    };
    auto flag = [&](int field, const char *key) {
        if (s.contains(key) && s[key].is_boolean())
            pb.boolean(field, s[key].get<bool>());
    };
    number(6, "multipleOf");
    number(7, "maximum");
    flag(8, "exclusiveMaximum");
    number(9, "minimum");
    flag(10, "exclusiveMinimum");
    integer(11, "maxLength");
    integer(12, "minLength");
    pb.string(13, str(s, "pattern"));
    integer(14, "maxItems");
    integer(15, "minItems");
    flag(16, "uniqueItems");
    integer(17, "maxProperties");
    integer(18, "minProperties");
    if (s.contains("required") && s["required"].is_array())
        for (const auto &r : s["required"])
            if (r.is_string())
                pb.bytes(19, r.get<std::string>());
    if (s.contains("enum") && s["enum"].is_array())
        for (const auto &e : s["enum"])
            pb.bytes(20, anyOf(e));
    if (s.contains("additionalProperties")) {
        // AdditionalPropertiesItem {oneof {Schema schema = 1; bool boolean = 2}}
        const json &a = s["additionalProperties"];
        Pb item;
        if (a.is_boolean()) {
            item.tag(2, 0);
            item.varint(a.get<bool>() ? 1 : 0);
        } else {
            item.bytes(1, schema(a));
        }
        pb.bytes(21, item.out);
    }
    if (s.contains("type")) {
        // TypeItem {repeated string value = 1}
        Pb type;
        if (s["type"].is_string())
            type.bytes(1, s["type"].get<std::string>());
        else if (s["type"].is_array())
            for (const auto &t : s["type"])
                if (t.is_string())
                    type.bytes(1, t.get<std::string>());
        pb.bytes(22, type.out);
    }
    if (s.contains("items")) {
        // ItemsItem {repeated Schema schema = 1}
        Pb items;
        if (s["items"].is_array())
            for (const auto &i : s["items"])
                items.bytes(1, schema(i));
        else
            items.bytes(1, schema(s["items"]));
        pb.bytes(23, items.out);
    }
    if (s.contains("allOf") && s["allOf"].is_array())
        for (const auto &a : s["allOf"])
            pb.bytes(24, schema(a));
    if (s.contains("properties") && s["properties"].is_object()) {
        // Properties {repeated NamedSchema additional_properties = 1}
        Pb props;
        for (const auto &[name, sub] : s["properties"].items()) {
            Pb named;
            named.string(1, name);
            named.bytes(2, schema(sub));
            props.bytes(1, named.out);
        }
        pb.bytes(25, props.out);
    }
    pb.string(26, str(s, "discriminator"));
    flag(27, "readOnly");
    if (s.contains("example"))
        pb.bytes(30, anyOf(s["example"]));
    vendorExtensions(pb, 31, s);
    return pb.out;
}

// ParametersItem {oneof {Parameter parameter = 1; ...}}; Parameter {oneof {BodyParameter
// body_parameter = 1; NonBodyParameter non_body_parameter = 2}}.
std::string parameter(const json &p)
{
    const std::string in = str(p, "in");
    Pb param;
    if (in == "body") {
        Pb body;
        body.string(1, str(p, "description"));
        body.string(2, str(p, "name"));
        body.string(3, in);
        body.boolean(4, p.value("required", false));
        if (p.contains("schema"))
            body.bytes(5, schema(p["schema"]));
        vendorExtensions(body, 6, p);
        param.bytes(1, body.out);
    } else {
        // Query, header and path sub-schemas share the fields below; only the numbers of
        // type and uniqueItems differ (query 6/20, path and header 5/19).
        const bool query = in == "query";
        Pb sub;
        sub.boolean(1, p.value("required", false));
        sub.string(2, in);
        sub.string(3, str(p, "description"));
        sub.string(4, str(p, "name"));
        sub.string(query ? 6 : 5, str(p, "type"));
        sub.boolean(query ? 20 : 19, p.value("uniqueItems", false));
        vendorExtensions(sub, query ? 23 : 22, p);
        // NonBodyParameter {header = 1; form_data = 2; query = 3; path = 4}
        const int which = query ? 3 : in == "path" ? 4 : in == "header" ? 1 : 2;
        Pb nonBody;
        nonBody.bytes(which, sub.out);
        param.bytes(2, nonBody.out);
    }
    Pb item;
    item.bytes(1, param.out);
    return item.out;
}

std::string operation(const json &op)
{
    Pb pb;
    auto strings = [&](int field, const char *key) {
        if (op.contains(key) && op[key].is_array())
            for (const auto &v : op[key])
                if (v.is_string())
                    pb.bytes(field, v.get<std::string>());
    };
    strings(1, "tags");
    pb.string(2, str(op, "summary"));
    pb.string(3, str(op, "description"));
    pb.string(5, str(op, "operationId"));
    strings(6, "produces");
    strings(7, "consumes");
    if (op.contains("parameters") && op["parameters"].is_array())
        for (const auto &p : op["parameters"])
            pb.bytes(8, parameter(p));
    if (op.contains("responses") && op["responses"].is_object()) {
        // Responses {repeated NamedResponseValue response_code = 1}; ResponseValue {oneof
        // {Response response = 1}}; Response {string description = 1; SchemaItem schema = 2}
        Pb responses;
        for (const auto &[code, r] : op["responses"].items()) {
            Pb response;
            response.string(1, str(r, "description"));
            if (r.contains("schema")) {
                Pb item;
                item.bytes(1, schema(r["schema"]));
                response.bytes(2, item.out);
            }
            Pb value;
            value.bytes(1, response.out);
            Pb named;
            named.string(1, code);
            named.bytes(2, value.out);
            responses.bytes(1, named.out);
        }
        pb.bytes(9, responses.out);
    }
    strings(10, "schemes");
    vendorExtensions(pb, 13, op);
    return pb.out;
}

} // namespace

json OpenApiV2::document(const ResourceRegistry &registry, const std::string &version)
{
    json paths = json::object();
    std::vector<std::string> roots;
    std::vector<std::string> gvPaths;
    for (const auto &r : registry.all()) {
        const std::string root = OpenApiSchemas::rootFor(r.group, r.version, r.kind);
        if (!root.empty())
            roots.push_back(root);
        const std::string gv
            = r.group.empty() ? "api/" + r.version : "apis/" + r.group + "/" + r.version;
        if (std::find(gvPaths.begin(), gvPaths.end(), gv) == gvPaths.end())
            gvPaths.push_back(gv);
    }
    for (const auto &gv : gvPaths) {
        const json doc = OpenApi::document(registry, gv, version);
        if (!doc.is_object() || !doc.contains("paths"))
            continue;
        for (const auto &[path, item] : doc["paths"].items()) {
            json v2 = json::object();
            for (const auto &[method, op] : item.items())
                v2[method] = toV2Operation(op);
            paths[path] = v2;
        }
    }
    json definitions = json::object();
    const json schemas = OpenApiSchemas::closure(roots);
    for (const auto &[id, s] : schemas.items())
        definitions[id] = toV2Schema(s);
    return {{"swagger", "2.0"},
            {"info", {{"title", "Kubernetes"}, {"version", version}}},
            {"paths", paths},
            {"definitions", definitions}};
}

std::string OpenApiV2::toProtobuf(const json &document)
{
    Pb pb;
    pb.string(1, str(document, "swagger"));
    if (document.contains("info")) {
        Pb info;
        info.string(1, str(document["info"], "title"));
        info.string(2, str(document["info"], "version"));
        pb.bytes(2, info.out);
    }
    if (document.contains("paths") && document["paths"].is_object()) {
        // Paths {repeated NamedPathItem path = 2}; PathItem {get = 2; put = 3; post = 4;
        // delete = 5; options = 6; head = 7; patch = 8}
        static const std::pair<const char *, int> kMethods[]
            = {{"get", 2},     {"put", 3},  {"post", 4}, {"delete", 5},
               {"options", 6}, {"head", 7}, {"patch", 8}};
        Pb paths;
        for (const auto &[path, item] : document["paths"].items()) {
            Pb pathItem;
            for (const auto &[method, field] : kMethods)
                if (item.contains(method))
                    pathItem.bytes(field, operation(item[method]));
            Pb named;
            named.string(1, path);
            named.bytes(2, pathItem.out);
            paths.bytes(2, named.out);
        }
        pb.bytes(8, paths.out);
    }
    if (document.contains("definitions") && document["definitions"].is_object()) {
        // Definitions {repeated NamedSchema additional_properties = 1}
        Pb definitions;
        for (const auto &[id, s] : document["definitions"].items()) {
            Pb named;
            named.string(1, id);
            named.bytes(2, schema(s));
            definitions.bytes(1, named.out);
        }
        pb.bytes(9, definitions.out);
    }
    return pb.out;
}

} // namespace Orrery::Sim
