// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobcontroller.h"
#include "controllercontext.h"
#include "workload/kube.h"

#include <unordered_map>

namespace Orrery::Sim {

void JobController::sync(ControllerContext &ctx)
{
    const auto jobs = ctx.store.list(Kube::Jobs);
    if (jobs.empty())
        return;
    auto byOwner = Kube::podsByController(ctx.store, jobs);
    for (const ObjectPtr &jPtr : jobs) {
        const json &job = *jPtr;
        if (Kube::isTerminating(job) || Kube::hasCondition(job, "Complete", "True")
            || Kube::hasCondition(job, "Failed", "True"))
            continue;
        const std::string ns = Kube::ns(job), name = Kube::name(job), uid = Kube::uid(job);
        const int completions
            = static_cast<int>(Kube::integer(job, Kube::ptr("/spec/completions"), 1));
        const int parallelism
            = static_cast<int>(Kube::integer(job, Kube::ptr("/spec/parallelism"), 1));
        const int backoffLimit
            = static_cast<int>(Kube::integer(job, Kube::ptr("/spec/backoffLimit"), 6));
        const bool suspended = job.value(Kube::ptr("/spec/suspend"), false);
        int active = 0, succeeded = 0, failed = 0, ready = 0;
        std::vector<ObjectPtr> activePods;
        for (const ObjectPtr &p : byOwner[uid]) {
            const std::string phase = Kube::str(*p, Kube::ptr("/status/phase"));
            if (phase == "Succeeded")
                ++succeeded;
            else if (phase == "Failed")
                ++failed;
            else if (!Kube::isTerminating(*p)) {
                ++active;
                activePods.push_back(p);
                if (Kube::isPodReady(*p))
                    ++ready;
            }
        }
        json status = job.value("status", json::object());
        const json old = status;
        const std::string now = ctx.timestamp();
        if (!status.contains("startTime") && !suspended)
            status["startTime"] = now;
        if (succeeded >= completions) {
            Kube::setCondition(status,
                               {{"type", "SuccessCriteriaMet"},
                                {"status", "True"},
                                {"reason", "CompletionsReached"},
                                {"message", "Reached expected number of succeeded pods"},
                                {"lastProbeTime", now}},
                               now);
            Kube::setCondition(status,
                               {{"type", "Complete"},
                                {"status", "True"},
                                {"reason", "CompletionsReached"},
                                {"message", "Reached expected number of succeeded pods"},
                                {"lastProbeTime", now}},
                               now);
            status["completionTime"] = now;
            ctx.events.normal(job, "Completed", "Job completed", "job-controller");
        } else if (failed > backoffLimit) {
            Kube::setCondition(status,
                               {{"type", "FailureTarget"},
                                {"status", "True"},
                                {"reason", "BackoffLimitExceeded"},
                                {"message", "Job has reached the specified backoff limit"},
                                {"lastProbeTime", now}},
                               now);
            Kube::setCondition(status,
                               {{"type", "Failed"},
                                {"status", "True"},
                                {"reason", "BackoffLimitExceeded"},
                                {"message", "Job has reached the specified backoff limit"},
                                {"lastProbeTime", now}},
                               now);
            for (const ObjectPtr &p : activePods)
                ctx.deletePod(*p);
            active = 0;
            ctx.events.warning(job, "BackoffLimitExceeded",
                               "Job has reached the specified backoff limit", "job-controller");
        } else if (!suspended) {
            const int want = std::min(parallelism, completions - succeeded) - active;
            json tmpl = job.value(Kube::ptr("/spec/template"), json::object());
            json &labels = tmpl["metadata"]["labels"];
            labels["batch.kubernetes.io/controller-uid"] = uid;
            labels["batch.kubernetes.io/job-name"] = name;
            labels["controller-uid"] = uid;
            labels["job-name"] = name;
            if (!tmpl["spec"].contains("restartPolicy"))
                tmpl["spec"]["restartPolicy"] = "Never";
            for (int i = 0; i < want; ++i) {
                json pod = Kube::podFromTemplate(tmpl, ns, name + "-" + Kube::randomSuffix(ctx.rng),
                                                 Kube::ownerReference(job, "batch/v1", "Job"));
                pod["metadata"]["generateName"] = name + "-";
                if (ObjectPtr created = ctx.create(Kube::Pods, std::move(pod))) {
                    ctx.events.normal(job, "SuccessfulCreate",
                                      "Created pod: " + Kube::name(*created), "job-controller");
                    ++active;
                }
            }
        }
        status["active"] = active;
        status["succeeded"] = succeeded;
        status["failed"] = failed;
        status["ready"] = ready;
        status["terminating"] = 0;
        status["uncountedTerminatedPods"] = json::object();
        if (active == 0)
            status.erase("active");
        if (status != old) {
            json w = job;
            w["status"] = status;
            ctx.update(Kube::Jobs, std::move(w));
        }
    }
}

} // namespace Orrery::Sim
