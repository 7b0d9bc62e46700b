// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace Orrery::Sim {

// Builds meta.k8s.io/v1 Table responses with the column sets and cell formatting of
// kube-apiserver's printers (pkg/printers/internalversion/printers.go, 1.32), so that
// `kubectl get` shows exactly what it shows against a real cluster.
class TableConverter
{
public:
    // Column definitions for a kind; unknown kinds get the server's default
    // (Name, Created At).
    static nlohmann::json columns(const std::string &kind);
    // One row's cells for `object` of `kind`.
    static nlohmann::json cells(const std::string &kind, const nlohmann::json &object,
                                std::chrono::system_clock::time_point now);
    // A row: cells plus the object (PartialObjectMetadata unless includeObject=Object).
    static nlohmann::json row(const std::string &kind, const nlohmann::json &object,
                              std::chrono::system_clock::time_point now, bool fullObject,
                              bool omitObject);

    // metav1.LabelSelectorAsSelector(selector).String(); empty for no selector.
    static std::string labelSelectorString(const nlohmann::json &selector);
    // apimachinery's duration.HumanDuration ("5m", "3h12m", "2d").
    static std::string humanDuration(std::chrono::seconds d);
    static std::chrono::system_clock::time_point parseTime(const std::string &rfc3339);
};

} // namespace Orrery::Sim
