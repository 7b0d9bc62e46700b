// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated Jenkins' `tree` parameter (sim/jenkins/jenkinsapi: parseTree, applyTree): the
// input is the parameter's text, straight from a request. Malformed or too deep trees give
// nullopt (the service answers 400); an accepted tree filters a job's JSON, and the result
// keeps only fields that were asked for (or _class).
#include "fuzzinput.h"
#include "jenkins/jenkinsapi.h"

#include <cstdlib>
#include <string>

namespace {

// Every key of `filtered` exists in `original` (filtering never invents fields).
bool subset(const nlohmann::json &filtered, const nlohmann::json &original)
{
    if (filtered.is_object()) {
        if (!original.is_object())
            return false;
        for (auto it = filtered.begin(); it != filtered.end(); ++it)
            if (!original.contains(it.key()) || !subset(it.value(), original[it.key()]))
                return false;
        return true;
    }
    if (filtered.is_array())
        return original.is_array() && filtered.size() <= original.size();
    return filtered == original;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery::Sim;
        const std::string text(reinterpret_cast<const char *>(data), size);
        const auto tree = Jenkins::parseTree(text);
        if (!tree)
            return;
        static const nlohmann::json job = [] {
            Jenkins::JobRef ref;
            ref.base = "https://127.0.0.1:1/jenkins/";
            ref.spec.source = "folder/job";
            ref.spec.inputs = {{"P", "v"}};
            SimRun run;
            run.id = 7;
            run.number = 3;
            run.state = SimRunState::Success;
            run.jobs.resize(2);
            run.jobs[0].name = "a";
            run.jobs[1].name = "b";
            return nlohmann::json{
                {"_class", "hudson.model.Hudson"},
                {"jobs", nlohmann::json::array({Jenkins::jobJson(ref, {run}, true)})}};
        }();
        const nlohmann::json filtered = Jenkins::applyTree(job, *tree);
        if (!subset(filtered, job))
            std::abort();
    });
}
