// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "objectstore.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace Orrery::Sim {

// Small Kubernetes object helpers shared by the controllers (what apimachinery and
// k8s.io/kubernetes/pkg/controller give the real ones).
class Kube
{
public:
    static const GroupResource Pods, Nodes, Namespaces, Services, Endpoints, EndpointSlices, Events,
        PersistentVolumeClaims, PersistentVolumes, StorageClasses, Deployments, ReplicaSets,
        StatefulSets, DaemonSets, ControllerRevisions, Jobs, CronJobs, HorizontalPodAutoscalers,
        Secrets, ConfigMaps;

    // A parsed JSON pointer for a string literal, cached per thread: parsing a pointer
    // allocates, and the controllers evaluate the same few paths on every object each pass.
    static const nlohmann::json::json_pointer &ptr(const char *literal);

    static std::string str(const nlohmann::json &obj, const nlohmann::json::json_pointer &ptr,
                           const std::string &fallback = {});
    static std::int64_t integer(const nlohmann::json &obj, const nlohmann::json::json_pointer &ptr,
                                std::int64_t fallback);
    static std::string name(const nlohmann::json &obj);
    static std::string ns(const nlohmann::json &obj);
    static std::string uid(const nlohmann::json &obj);

    // A LabelSelector (matchLabels/matchExpressions) against labels. An empty or null
    // selector matches nothing, as for controllers (an empty Service selector is handled by
    // the caller).
    static bool selectorMatches(const nlohmann::json &selector, const nlohmann::json &labels);
    // A plain map selector (Service.spec.selector, nodeSelector).
    static bool mapMatches(const nlohmann::json &selector, const nlohmann::json &labels);

    // The ownerReference with controller: true, or null.
    static const nlohmann::json *controllerRef(const nlohmann::json &obj);
    static std::string controllerUid(const nlohmann::json &obj);
    // Every pod that has a controller, grouped by the controller's uid; only the pods of the
    // namespaces `owners` are in (a controller's pods share its namespace), so that one
    // DaemonSet in kube-system does not parse every pod of a 150,000-pod cluster each pass.
    static std::unordered_map<std::string, std::vector<ObjectPtr>>
    podsByController(const ObjectStore &store, const std::vector<ObjectPtr> &owners);
    // The namespaces of the objects of `kinds` written (created, updated, deleted) after
    // `rv`; std::nullopt when that is not known (rv 0, or the store's event window no longer
    // reaches back to rv), which means every namespace. Controllers whose work is per
    // namespace redo only these instead of parsing every pod of the cluster.
    static std::optional<std::set<std::string>>
    namespacesWrittenSince(const ObjectStore &store, const std::vector<GroupResource> &kinds,
                           std::uint64_t rv);
    static nlohmann::json ownerReference(const nlohmann::json &owner, const std::string &apiVersion,
                                         const std::string &kind);

    // fnv-32a of the object's JSON, rendered with rand.SafeEncodeString like the controllers
    // do for pod-template-hash and controller-revision-hash.
    static std::string templateHash(const nlohmann::json &object, int collisionCount = 0);
    static std::string safeEncode(const std::string &s);
    static std::string randomSuffix(std::mt19937 &rng, int length = 5);
    // A template with the pod-template-hash label removed (for comparing templates).
    static nlohmann::json withoutHashLabel(nlohmann::json podTemplate);

    static bool isTerminating(const nlohmann::json &obj);
    static bool isPodTerminated(const nlohmann::json &pod); // Succeeded or Failed
    static bool isPodActive(const nlohmann::json &pod);     // not terminated, not deleting
    static bool isPodReady(const nlohmann::json &pod);
    static bool hasCondition(const nlohmann::json &obj, const std::string &type,
                             const std::string &status);
    // Sets or replaces a condition keeping lastTransitionTime when status did not change.
    // Returns true when anything changed apart from timestamps.
    static bool setCondition(nlohmann::json &status, const nlohmann::json &condition,
                             const std::string &now, bool withUpdateTime = false);

    // Σ container requests (CPU millicores, memory bytes); limits stand in for missing
    // requests, as the API server defaults them.
    static std::int64_t podCpuRequest(const nlohmann::json &pod);
    static std::int64_t podMemoryRequest(const nlohmann::json &pod);
    static std::int64_t containerRequest(const nlohmann::json &container, const char *resource,
                                         bool memory);

    // A Pod as a workload controller creates it from its template (defaults filled in as the
    // API server would), Pending and unscheduled.
    static nlohmann::json podFromTemplate(const nlohmann::json &podTemplate, const std::string &ns,
                                          const std::string &name, const nlohmann::json &ownerRef);

    // "25%" of total rounded up or down; integers as is.
    static int scaledValue(const nlohmann::json &intOrPercent, int total, bool roundUp,
                           int fallback);
};

} // namespace Orrery::Sim
