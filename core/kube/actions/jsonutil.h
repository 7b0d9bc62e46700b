// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include "util/jsonread.h"

#include <nlohmann/json.hpp>

#include <initializer_list>

namespace Orrery {

// Kubernetes object helpers over the tolerant reads of JsonRead (find, string, integer,
// boolean, ...): a missing field or one of the wrong type reads as the fallback, because
// objects from the API omit empty fields and actions must not throw.
class JsonUtil : public JsonRead
{
public:
    // The `items` of a List, or the array itself.
    static nlohmann::json items(const nlohmann::json &listOrArray)
    {
        if (listOrArray.is_array())
            return listOrArray;
        return array(listOrArray, "items");
    }

    static QString name(const nlohmann::json &obj) { return string(obj, {"metadata", "name"}); }
    static QString ns(const nlohmann::json &obj) { return string(obj, {"metadata", "namespace"}); }
    static QString uid(const nlohmann::json &obj) { return string(obj, {"metadata", "uid"}); }
    static QString kind(const nlohmann::json &obj) { return string(obj, {"kind"}); }

    static QString annotation(const nlohmann::json &obj, const char *key)
    {
        return string(obj, {"metadata", "annotations", key});
    }

    // True when `obj` has a controller ownerReference with `ownerUid`.
    static bool controlledBy(const nlohmann::json &obj, const QString &ownerUid)
    {
        if (ownerUid.isEmpty())
            return false;
        for (const auto &ref : array(obj, {"metadata", "ownerReferences"})) {
            if (boolean(ref, "controller") && string(ref, "uid") == ownerUid)
                return true;
        }
        return false;
    }

    // Deep copy without nulls, empty objects and empty arrays: the API (and Go's semantic
    // equality) treats those as absent, so two templates compare equal regardless.
    static nlohmann::json pruned(const nlohmann::json &j)
    {
        if (j.is_object()) {
            nlohmann::json out = nlohmann::json::object();
            for (auto it = j.begin(); it != j.end(); ++it) {
                nlohmann::json v = pruned(it.value());
                if (v.is_null() || ((v.is_object() || v.is_array()) && v.empty()))
                    continue;
                out[it.key()] = std::move(v);
            }
            return out;
        }
        if (j.is_array()) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto &v : j)
                out.push_back(pruned(v));
            return out;
        }
        return j;
    }

    static std::string str(const QString &s) { return s.toStdString(); }
};

} // namespace Orrery
