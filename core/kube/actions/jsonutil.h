// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <initializer_list>

namespace Orrery {

// Tolerant reads from API objects: a missing field or one of the wrong type reads as the
// fallback, because objects from the API omit empty fields and actions must not throw.
class JsonUtil
{
public:
    static const nlohmann::json *find(const nlohmann::json &j, std::initializer_list<const char *> path)
    {
        const nlohmann::json *cur = &j;
        for (const char *key : path) {
            if (!cur->is_object())
                return nullptr;
            auto it = cur->find(key);
            if (it == cur->end())
                return nullptr;
            cur = &*it;
        }
        return cur;
    }

    static QString string(const nlohmann::json &j, std::initializer_list<const char *> path,
                          const QString &fallback = {})
    {
        const nlohmann::json *v = find(j, path);
        return v && v->is_string() ? QString::fromStdString(v->get<std::string>()) : fallback;
    }

    static qint64 integer(const nlohmann::json &j, std::initializer_list<const char *> path,
                          qint64 fallback = 0)
    {
        const nlohmann::json *v = find(j, path);
        if (v && v->is_number_integer())
            return v->get<qint64>();
        if (v && v->is_number())
            return qint64(v->get<double>());
        return fallback;
    }

    static bool boolean(const nlohmann::json &j, std::initializer_list<const char *> path,
                        bool fallback = false)
    {
        const nlohmann::json *v = find(j, path);
        return v && v->is_boolean() ? v->get<bool>() : fallback;
    }

    // The `items` of a List, or the array itself.
    static nlohmann::json items(const nlohmann::json &listOrArray)
    {
        if (listOrArray.is_array())
            return listOrArray;
        if (listOrArray.is_object()) {
            auto it = listOrArray.find("items");
            if (it != listOrArray.end() && it->is_array())
                return *it;
        }
        return nlohmann::json::array();
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
        const nlohmann::json *refs = find(obj, {"metadata", "ownerReferences"});
        if (!refs || !refs->is_array() || ownerUid.isEmpty())
            return false;
        for (const auto &ref : *refs) {
            if (ref.value("controller", false)
                && QString::fromStdString(ref.value("uid", std::string())) == ownerUid)
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
