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

// The GitLab API v4 (self-managed layout: https://HOST/gitlab/api/v4) over the `provider:
// gitlab` pipelines of the loaded scenarios, run by a PipelineEngine of its own (ticked from a
// timer thread, as the GitHub facade's, so deploys happen unobserved): projects, pipelines
// (filters, offset pagination), jobs, traces, bridges, the CI file, and the actions (create a
// pipeline with variables, retry, cancel, play). Every project is a `provider: gitlab` pipeline of
// the scenario; see gitlabapi.h for the mapping and docs/pipelines.md for what a client can rely
// on.
//
// Auth: PRIVATE-TOKEN, JOB-TOKEN or Authorization: Bearer with one of the gitlab pipelines'
// `tokens` (default "orrery-sim-gitlab"; 401 otherwise); actions are done as the user
// "orrery". Every answer is rendered from the engine's snapshots: thread safe.
class GitLabService : public SimService
{
public:
    GitLabService(SimClock &clock, ClusterAccess &clusters);
    ~GitLabService() override;

    std::string name() const override { return "gitlab"; }
    std::vector<std::string> prefixes() const override { return {"/gitlab"}; }
    void handle(const httplib::Request &req, httplib::Response &res) override;
    void stop() override;

    PipelineEngine &engine() const { return *m_engine; }
    std::vector<std::string> tokens() const { return m_tokens; }

private:
    std::unique_ptr<PipelineEngine> m_engine;
    std::vector<std::string> m_tokens;
};

} // namespace Orrery::Sim
