// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

namespace Orrery::Sim {

// endpoint-controller and endpointslice-controller, plus the service IP/port allocators: every
// Service with a selector gets an Endpoints object and an EndpointSlice listing its ready pods
// (addresses) and unready ones (notReadyAddresses / ready=false), a clusterIP when the API did
// not assign one, nodePorts for NodePort/LoadBalancer, and a load-balancer ingress IP (the
// cloud controller). Objects are rewritten only when they change.
class EndpointsController : public Controller
{
public:
    const char *name() const override { return "endpoint-controller"; }
    void sync(ControllerContext &ctx) override;

private:
    static std::array<std::uint64_t, 4> inputStamp(const ControllerContext &ctx);
    void reconcile(ControllerContext &ctx, const std::optional<std::set<std::string>> &dirty);

    std::array<std::uint64_t, 4> m_inputs{}; // inputStamp() at the end of the last pass
    std::uint64_t m_doneRv = 0;              // the store's resourceVersion then
    // Service uid → fingerprint of its inputs (service, matching pods, its Endpoints and
    // EndpointSlice resourceVersions) at the last pass: unchanged inputs are skipped, which
    // is what keeps 10,000 steady services cheap.
    std::unordered_map<std::string, std::size_t> m_fingerprints;
};

} // namespace Orrery::Sim
