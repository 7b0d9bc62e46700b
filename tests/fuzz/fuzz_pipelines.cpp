// SPDX-License-Identifier: GPL-3.0-or-later
// The scenarios' `pipelines:` parser (sim/pipelines/pipelinespec) and the engine playing what
// it accepts: the input is YAML (a scenario header's list); malformed sections throw
// runtime_error, the documented refusal. Accepted pipelines (history cut to two runs, to keep
// each input fast) are triggered, advanced, reviewed, cancelled and rerun on a manual clock;
// every run must end with each job in a state its needs allow.
#include "front/simservice.h"
#include "fuzzinput.h"
#include "pipelines/pipelineengine.h"
#include "pipelines/pipelinespec.h"
#include "simclock.h"
#include "workload/yamljson.h"

#include <stdexcept>
#include <string>

namespace {

class NoClusters : public Orrery::Sim::ClusterAccess
{
public:
    std::vector<std::string> clusterNames() const override { return {}; }
    std::string scenarioOf(const std::string &) const override { return {}; }
    std::string serverUrl(const std::string &) const override { return {}; }
    std::string caCertificate(const std::string &) const override { return {}; }
    Orrery::Sim::ObjectStore *store(const std::string &) const override { return nullptr; }
    Orrery::Sim::Registries *registries(const std::string &) const override { return nullptr; }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery::Sim;
        if (size > 64 * 1024)
            return;
        const std::string text(reinterpret_cast<const char *>(data), size);
        std::vector<PipelineSpec> specs;
        try {
            specs = parsePipelines(YamlJson::parse(text), "c1");
        } catch (const std::runtime_error &) {
            return;
        }
        SimClock clock = SimClock::manualClock();
        NoClusters clusters;
        PipelineEngine engine(clock, clusters);
        for (PipelineSpec &p : specs) {
            p.historyRuns = std::min(p.historyRuns, 2);
            const std::string key = p.source + "/" + p.file;
            engine.addPipeline(p);
            std::string error;
            const auto id = engine.trigger(key, "", "push", "fuzz", {}, &error);
            if (!id)
                __builtin_trap();
            for (int round = 0; round < 4; ++round) {
                clock.advance(std::chrono::hours(1));
                const auto run = engine.run(*id);
                if (!run)
                    __builtin_trap();
                for (const SimJob &j : run->jobs)
                    if (j.state == SimRunState::Waiting)
                        engine.review(*id, j.id, round % 2 == 0, "fuzz", &error);
            }
            engine.cancel(*id, &error);
            const auto run = engine.run(*id);
            if (!run || run->state == SimRunState::Running || run->state == SimRunState::Queued
                || run->state == SimRunState::Waiting)
                __builtin_trap();
            // A job ran only after its needs ended.
            for (const SimJob &j : run->jobs)
                for (long long need : j.needs)
                    for (const SimJob &n : run->jobs)
                        if (n.id == need && j.startedAt && n.finishedAt
                            && *j.startedAt < *n.finishedAt)
                            __builtin_trap();
            engine.rerun(*id, true, &error);
        }
    });
}
