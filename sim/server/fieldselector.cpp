// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldselector.h"

#include "apierror.h"

#include <algorithm>
#include <set>

namespace Orrery::Sim {

namespace {

std::set<std::string> supportedFields(const std::string &kind)
{
    std::set<std::string> fields = {"metadata.name", "metadata.namespace"};
    if (kind == "Pod")
        fields.insert({"spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
                       "spec.serviceAccountName", "spec.hostNetwork", "status.phase",
                       "status.podIP", "status.nominatedNodeName"});
    else if (kind == "Event")
        fields.insert({"involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                       "involvedObject.uid", "involvedObject.apiVersion",
                       "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
                       "reportingComponent", "source", "type"});
    else if (kind == "Secret")
        fields.insert("type");
    else if (kind == "Node")
        fields.insert("spec.unschedulable");
    else if (kind == "ReplicationController" || kind == "ReplicaSet")
        fields.insert("status.replicas");
    else if (kind == "Job")
        fields.insert("status.successful");
    return fields;
}

std::string fieldValue(const nlohmann::json &obj, const std::string &field)
{
    if (field == "source") {
        const auto &src = obj.value("source", nlohmann::json::object());
        return src.value("component", std::string());
    }
    const nlohmann::json *cur = &obj;
    std::size_t start = 0;
    while (true) {
        const auto dot = field.find('.', start);
        const std::string key
            = field.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (!cur->is_object() || !cur->contains(key))
            return {};
        cur = &(*cur)[key];
        if (dot == std::string::npos)
            break;
        start = dot + 1;
    }
    if (cur->is_string())
        return cur->get<std::string>();
    if (cur->is_boolean())
        return cur->get<bool>() ? "true" : "false";
    if (cur->is_number())
        return cur->dump();
    return {};
}

} // namespace

FieldSelector FieldSelector::parse(const std::string &text, const std::string &kind)
{
    FieldSelector sel;
    if (text.empty())
        return sel;
    const auto supported = supportedFields(kind);
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        const std::string part
            = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        Requirement req;
        std::size_t opPos = part.find("!=");
        std::size_t valuePos = 0;
        if (opPos != std::string::npos) {
            req.negate = true;
            valuePos = opPos + 2;
        } else if ((opPos = part.find("==")) != std::string::npos) {
            valuePos = opPos + 2;
        } else if ((opPos = part.find('=')) != std::string::npos) {
            valuePos = opPos + 1;
        } else {
            throw ApiError(400, "BadRequest",
                           "invalid selector: '" + text + "'; can't understand '" + part + "'");
        }
        req.field = part.substr(0, opPos);
        req.value = part.substr(valuePos);
        if (!supported.count(req.field))
            throw ApiError(400, "BadRequest", "field label not supported: " + req.field);
        sel.m_requirements.push_back(std::move(req));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return sel;
}

bool FieldSelector::matches(const nlohmann::json &object) const
{
    return std::all_of(m_requirements.begin(), m_requirements.end(), [&](const Requirement &r) {
        return (fieldValue(object, r.field) == r.value) != r.negate;
    });
}

std::string FieldSelector::exactName() const
{
    for (const auto &r : m_requirements)
        if (r.field == "metadata.name" && !r.negate)
            return r.value;
    return {};
}

} // namespace Orrery::Sim
