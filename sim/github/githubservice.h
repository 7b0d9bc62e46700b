// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "front/simservice.h"

#include <memory>
#include <string>
#include <vector>

namespace Orrery::Sim {

class ClusterAccess;
class PipelineEngine;
class SimClock;

// GitHub Actions as GitHub Enterprise Server serves it (REST under /api/v3, GraphQL at
// /api/graphql), over the `provider: github` pipelines of the loaded scenarios, which run in
// a PipelineEngine of its own (ticked from a timer thread, so deploys happen unobserved).
// The endpoints, their shapes and what is simplified are listed in docs/pipelines.md; the
// judge is the real `gh` CLI (tests/sim/tst_githubsim.cpp).
//
// Auth: `Authorization: token T` or `Bearer T` where T is one of the pipelines' `tokens`
// (default "orrery-sim-github"); anything else is GitHub's 401. Thread safe.
class GitHubService : public SimService
{
public:
    GitHubService(SimClock &clock, ClusterAccess &clusters);
    ~GitHubService() override;

    std::string name() const override;
    std::vector<std::string> prefixes() const override;
    void handle(const httplib::Request &req, httplib::Response &res) override;
    void stop() override;

    PipelineEngine &engine() const;
    // Tokens accepted (the pipelines' tokens, or the default).
    std::vector<std::string> tokens() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Orrery::Sim
