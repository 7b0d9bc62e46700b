// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipelineengine.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace Orrery::Sim {

class ClusterAccess;

// A scenario header's `pipelines:` list (the schema is in docs/pipelines.md) to the engine's
// PipelineSpecs. `cluster` is the scenario's cluster: the default of every pipeline's and
// action's cluster. Strict, as the rest of a scenario header: throws std::runtime_error naming
// the pipeline and job on an unknown provider or action, a missing source, a duplicate job
// id, a `needs` naming no job, a cycle, or a value out of its bounds (MaxJobs jobs, MaxMatrix
// matrix values, MaxHistoryRuns history runs, MaxSeconds per job).
struct PipelineSpecBounds
{
    static constexpr int MaxPipelines = 64;
    static constexpr int MaxJobs = 500;
    static constexpr int MaxSteps = 100;
    static constexpr std::size_t MaxActions = 16;
    static constexpr int MaxMatrix = 64;
    static constexpr int MaxHistoryRuns = 1000;
    static constexpr double MaxSeconds = 86400;
    static constexpr int MaxBranches = 32;
    static constexpr int MaxNameDepth = 8; // folders in a Jenkins job's full name
};

std::vector<PipelineSpec> parsePipelines(const nlohmann::json &list, const std::string &cluster);

// Every pipeline of every loaded cluster's scenario (ClusterAccess::scenarioOf), each scenario
// read once, clusters in clusterNames() order; `provider` empty for all. A scenario whose
// section does not parse contributes nothing (loadScenario already refused it at start).
std::vector<PipelineSpec> scenarioPipelines(const ClusterAccess &clusters,
                                            const std::string &provider);

class PipelineEngine;

// What a provider facade (sim/gitlab, sim/jenkins) starts with: the scenarios' pipelines of
// `provider` added to `engine`, which ticks when there is at least one. Returns the tokens the
// specs accept (each once), or `defaultToken` when none names one.
std::vector<std::string> loadProviderPipelines(PipelineEngine &engine,
                                               const ClusterAccess &clusters,
                                               const std::string &provider,
                                               const std::string &defaultToken);

// "Deployment" → Kind's display, lower-cased spellings accepted ("deploy", "sts" too); empty
// when it is not a workload a job can set an image on.
std::string normaliseWorkloadKind(const std::string &kind);

} // namespace Orrery::Sim
