// SPDX-License-Identifier: GPL-3.0-or-later
#include "cronjobcontroller.h"
#include "controllercontext.h"
#include "cronschedule.h"
#include "workload/kube.h"

#include <algorithm>
#include <unordered_map>

namespace Orrery::Sim {

void CronJobController::sync(ControllerContext &ctx)
{
    const auto cronJobs = ctx.store.list(Kube::CronJobs);
    if (cronJobs.empty())
        return;
    std::unordered_map<std::string, std::vector<ObjectPtr>> jobsByOwner;
    for (const ObjectPtr &j : ctx.store.list(Kube::Jobs)) {
        const std::string owner = Kube::controllerUid(*j);
        if (!owner.empty())
            jobsByOwner[owner].push_back(j);
    }
    for (const ObjectPtr &cjPtr : cronJobs) {
        const json &cj = *cjPtr;
        if (Kube::isTerminating(cj))
            continue;
        const std::string ns = Kube::ns(cj), name = Kube::name(cj), uid = Kube::uid(cj);
        json status = cj.value("status", json::object());
        const json old = status;
        std::vector<ObjectPtr> &jobs = jobsByOwner[uid];

        // Observe finished jobs.
        json active = json::array();
        std::vector<ObjectPtr> succeeded, failed;
        const json previousActive = status.value("active", json::array());
        for (const ObjectPtr &j : jobs) {
            const bool done = Kube::hasCondition(*j, "Complete", "True");
            const bool bad = Kube::hasCondition(*j, "Failed", "True");
            bool wasActive = false;
            for (const json &ref : previousActive)
                wasActive |= ref.value("uid", "") == Kube::uid(*j);
            if (done || bad) {
                (done ? succeeded : failed).push_back(j);
                if (wasActive) {
                    ctx.events.normal(cj, "SawCompletedJob",
                                      "Saw completed job: " + Kube::name(*j)
                                          + ", condition: " + (done ? "Complete" : "Failed"),
                                      "cronjob-controller");
                    if (done)
                        status["lastSuccessfulTime"]
                            = Kube::str(*j, Kube::ptr("/status/completionTime"), ctx.timestamp());
                }
            } else {
                active.push_back(
                    {{"kind", "Job"},
                     {"namespace", ns},
                     {"name", Kube::name(*j)},
                     {"uid", Kube::uid(*j)},
                     {"apiVersion", "batch/v1"},
                     {"resourceVersion", Kube::str(*j, Kube::ptr("/metadata/resourceVersion"))}});
            }
        }

        // Schedule.
        auto [last, inserted] = m_lastChecked.try_emplace(uid, ctx.now);
        const auto schedule = CronSchedule::parse(Kube::str(cj, Kube::ptr("/spec/schedule")));
        const bool suspended = cj.value(Kube::ptr("/spec/suspend"), false);
        if (!schedule) {
            if (inserted)
                ctx.events.warning(cj, "InvalidSchedule",
                                   "invalid schedule: "
                                       + Kube::str(cj, Kube::ptr("/spec/schedule")),
                                   "cronjob-controller");
        } else {
            std::optional<SimClock::TimePoint> due;
            for (auto t = schedule->next(last->second); t && *t <= ctx.now; t = schedule->next(*t))
                due = t; // only the most recent missed time runs
            last->second = ctx.now;
            const std::string policy = Kube::str(cj, Kube::ptr("/spec/concurrencyPolicy"), "Allow");
            if (due && !suspended && !(policy == "Forbid" && !active.empty())) {
                if (policy == "Replace") {
                    for (const json &ref : active) {
                        ctx.remove(Kube::Jobs, ns, ref.value("name", ""));
                        ctx.events.normal(cj, "SuccessfulDelete",
                                          "Deleted job " + ref.value("name", ""),
                                          "cronjob-controller");
                    }
                    active = json::array();
                }
                const long minutes
                    = std::chrono::duration_cast<std::chrono::minutes>(due->time_since_epoch())
                          .count();
                const std::string jobName = name + "-" + std::to_string(minutes);
                json tmpl = cj.value(Kube::ptr("/spec/jobTemplate"), json::object());
                json meta = tmpl.value("metadata", json::object());
                meta["name"] = jobName;
                meta["namespace"] = ns;
                meta["ownerReferences"]
                    = json::array({Kube::ownerReference(cj, "batch/v1", "CronJob")});
                meta["annotations"]["batch.kubernetes.io/cronjob-scheduled-timestamp"]
                    = ctx.clock.timestamp(*due);
                meta["labels"]["batch.kubernetes.io/cronjob-name"] = name;
                json job = {{"apiVersion", "batch/v1"},
                            {"kind", "Job"},
                            {"metadata", meta},
                            {"spec", tmpl.value("spec", json::object())}};
                if (ObjectPtr created = ctx.create(Kube::Jobs, std::move(job))) {
                    ctx.events.normal(cj, "SuccessfulCreate", "Created job " + jobName,
                                      "cronjob-controller");
                    active.push_back(
                        {{"kind", "Job"},
                         {"namespace", ns},
                         {"name", jobName},
                         {"uid", Kube::uid(*created)},
                         {"apiVersion", "batch/v1"},
                         {"resourceVersion",
                          Kube::str(*created, Kube::ptr("/metadata/resourceVersion"))}});
                    status["lastScheduleTime"] = ctx.clock.timestamp(*due);
                }
            }
        }
        if (active.empty())
            status.erase("active");
        else
            status["active"] = active;

        // History limits, oldest first.
        auto trim = [&](std::vector<ObjectPtr> &list, long limit) {
            std::sort(list.begin(), list.end(), [](const ObjectPtr &a, const ObjectPtr &b) {
                return Kube::name(*a) < Kube::name(*b); // names end with the scheduled minute
            });
            for (long i = 0; i < static_cast<long>(list.size()) - limit; ++i) {
                ctx.remove(Kube::Jobs, ns, Kube::name(*list[i]));
                ctx.events.normal(cj, "SuccessfulDelete", "Deleted job " + Kube::name(*list[i]),
                                  "cronjob-controller");
            }
        };
        trim(succeeded, Kube::integer(cj, Kube::ptr("/spec/successfulJobsHistoryLimit"), 3));
        trim(failed, Kube::integer(cj, Kube::ptr("/spec/failedJobsHistoryLimit"), 1));

        if (status != old) {
            json w = cj;
            w["status"] = status;
            ctx.update(Kube::CronJobs, std::move(w));
        }
    }
}

} // namespace Orrery::Sim
