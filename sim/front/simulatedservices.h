// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Orrery::Sim {

class ClusterAccess;
class ServiceFront;

// Adds every simulated outside service to the front, once the clusters are loaded (services
// read their scenario's pipelines and clouds through `clusters`). The one place that knows
// the list: each service appends its line in simulatedservices.cpp.
void addSimulatedServices(ServiceFront &front, ClusterAccess &clusters);

} // namespace Orrery::Sim
