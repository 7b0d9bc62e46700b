// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

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
};

} // namespace Orrery::Sim
