// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedservices.h"

#include "servicefront.h"
#include "simservice.h"

#include "aws/awsservice.h"
#include "azure/azureservice.h"
#include "fly/flyservice.h"
#include "github/githubservice.h"
#include "gitlab/gitlabservice.h"
#include "google/googleservice.h"
#include "jenkins/jenkinsservice.h"
#include "railway/railwayservice.h"

#include <memory>

namespace Orrery::Sim {

void addSimulatedServices(ServiceFront &front, ClusterAccess &clusters)
{
    // One line per service, e.g.:
    //   front.add(std::make_unique<GitHubService>(front.clock(), clusters));
    front.add(std::make_unique<GitHubService>(front.clock(), clusters));
    front.add(std::make_unique<GitLabService>(front.clock(), clusters));
    front.add(std::make_unique<JenkinsService>(front.clock(), clusters));
    front.add(std::make_unique<AwsService>(front, clusters));
    front.add(std::make_unique<FlyService>(front.clock(), clusters));
    front.add(std::make_unique<RailwayService>(front, clusters));
    front.add(std::make_unique<GoogleService>(front, clusters));
    front.add(std::make_unique<AzureService>(front, clusters));
}

} // namespace Orrery::Sim
