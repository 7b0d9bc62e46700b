// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "front/simservice.h"

#include <string>
#include <vector>

namespace Orrery::Sim {

class PipelineEngine;

// The GitLab API v4 (self-managed layout: https://HOST/gitlab/api/v4) over the shared pipeline
// engine: projects, pipelines (filters, offset pagination), jobs, traces, bridges, the CI
// file, and the actions (create a pipeline with variables, retry, cancel, play). Every
// project is a `provider: gitlab` pipeline of the scenario; see gitlabapi.h for the mapping
// and docs/pipelines.md for what a client can rely on.
//
// Auth: PRIVATE-TOKEN, JOB-TOKEN or Authorization: Bearer with any non-empty token (401
// otherwise); actions are done as the user "orrery". Stateless: every answer is rendered
// from the engine's snapshots, so it is safe on the front's worker threads.
class GitLabService : public SimService
{
public:
    explicit GitLabService(PipelineEngine &engine);

    std::string name() const override { return "gitlab"; }
    std::vector<std::string> prefixes() const override { return {"/gitlab"}; }
    void handle(const httplib::Request &req, httplib::Response &res) override;

private:
    PipelineEngine &m_engine;
};

} // namespace Orrery::Sim
