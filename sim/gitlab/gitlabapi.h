// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipelines/pipelineengine.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace Orrery::Sim::GitLab {

// The GitLab API v4 shapes (gitlabhq doc/api/pipelines.md, jobs.md, projects.md,
// repository_files.md) rendered from the pipeline engine's values. Pure functions: the service
// (gitlabservice.h) routes, authenticates and calls the engine; these only render.
//
// Mapping: a GitLab project is a PipelineSpec (provider gitlab, `source` its path
// group/project); a pipeline is a SimRun (id = run id, iid = run number); a job a SimJob
// (id = job id). GitLab's API does not list a job's `needs`: clients read the DAG from the
// project's CI file, which ciYaml() renders from the spec (stages, needs, when: manual).

struct Project
{
    long long id = 0;
    std::string base; // https://127.0.0.1:PORT/gitlab (web URLs); the API is base + /api/v4
    PipelineSpec spec;

    std::string path() const { return spec.source; }
    std::string webUrl() const { return base + "/" + spec.source; }
    std::string key() const { return spec.source + "/" + spec.file; }
};

// Pipeline status: created, waiting_for_resource, preparing, pending, running, success,
// failed, canceled, skipped, manual, scheduled (the simulator uses the ones the engine has).
std::string pipelineStatus(const SimRun &run);
// Job status: created, pending, running, failed, success, canceled, skipped, manual.
std::string jobStatus(const SimJob &job);
// The `source` of a pipeline from the engine's event (push, web, api, schedule, trigger,
// merge_request_event, ...).
std::string pipelineSource(const std::string &event);

// "2016-08-11T11:28:34.085Z" (milliseconds, UTC), as GitLab writes times.
std::string timestamp(std::chrono::system_clock::time_point t);

nlohmann::json userJson(const Project &project, const std::string &username);
nlohmann::json projectJson(const Project &project);
// The list item (GET /projects/:id/pipelines) and the full pipeline (GET .../pipelines/:id).
nlohmann::json pipelineSummaryJson(const Project &project, const SimRun &run);
nlohmann::json pipelineJson(const Project &project, const SimRun &run);
nlohmann::json jobJson(const Project &project, const SimRun &run, const SimJob &job);
// A trigger job (GET .../pipelines/:id/bridges): the job without runner, artifacts or trace,
// with `downstream_pipeline` {id, iid, project_id, sha, ref, status, source, created_at,
// updated_at, web_url} (null before it exists), `failure_reason` when it could not start one.
nlohmann::json bridgeJson(const Project &project, const SimRun &run, const SimJob &job,
                          const Project *downstreamProject, const SimRun *downstream);
// A job's GitLab name: the engine's "name (value)" of a matrix job is "name: [value]".
std::string jobName(const PipelineSpec &spec, const SimJob &job);
// GET .../jobs/:id/trace: the job's log as a runner writes it (no timestamps, "$ step" lines
// in green, errors in red, "Job succeeded" / "ERROR: Job failed" at the end). Append-only
// while the job runs, so a client can follow it with Range: bytes=N-.
std::string trace(const SimJob &job);
// GET .../pipelines/:id/variables: the run's inputs.
nlohmann::json variablesJson(const SimRun &run);

// The project's .gitlab-ci.yml: `stages:` in order, then each job with its stage, `needs:`
// (job names) when the spec has them, `when: manual`, `environment:` and a script line per
// step. Deterministic, so a client can parse it as the DAG of every pipeline of the project.
std::string ciYaml(const PipelineSpec &spec);

// Filters of GET /projects/:id/pipelines (ref, status, source, username, sha, scope).
struct PipelineFilter
{
    std::string ref, status, source, username, sha, scope;
    bool matches(const SimRun &run) const;
};

// GitLab's offset pagination over `total` items: X-Total, X-Total-Pages, X-Per-Page, X-Page,
// X-Next-Page, X-Prev-Page and a Link header (rel next/prev/first/last) built on `url`, the
// request's absolute URL without page parameters.
struct Page
{
    int page = 1;
    int perPage = 20;
    std::size_t first() const { return std::size_t(page - 1) * std::size_t(perPage); }
    std::vector<std::pair<std::string, std::string>> headers(std::size_t total,
                                                             const std::string &url) const;
};
// Reads page and per_page (default 20, at most 100, at least 1) from their text values.
Page parsePage(const std::string &page, const std::string &perPage);

} // namespace Orrery::Sim::GitLab
