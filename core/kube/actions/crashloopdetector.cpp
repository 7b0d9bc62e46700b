// SPDX-License-Identifier: GPL-3.0-or-later
#include "crashloopdetector.h"

#include "jsonutil.h"

namespace Orrery {

QList<ContainerProblem> CrashLoopDetector::detect(const nlohmann::json &pods, int restartThreshold)
{
    QList<ContainerProblem> out;
    for (const auto &pod : JsonUtil::items(pods)) {
        for (const char *list : {"initContainerStatuses", "containerStatuses"}) {
            const nlohmann::json *statuses = JsonUtil::find(pod, {"status", list});
            if (!statuses || !statuses->is_array())
                continue;
            for (const auto &cs : *statuses) {
                ContainerProblem p;
                p.pod = JsonUtil::name(pod);
                p.container = JsonUtil::string(cs, {"name"});
                p.restarts = int(JsonUtil::integer(cs, {"restartCount"}));
                p.reason = JsonUtil::string(cs, {"state", "waiting", "reason"});
                p.message = JsonUtil::string(cs, {"state", "waiting", "message"});
                p.lastExitCode
                    = int(JsonUtil::integer(cs, {"lastState", "terminated", "exitCode"}));
                p.lastTerminationReason
                    = JsonUtil::string(cs, {"lastState", "terminated", "reason"});
                if (p.reason == QLatin1String("CrashLoopBackOff")) {
                    p.kind = ContainerProblem::Kind::CrashLoop;
                } else if (p.reason == QLatin1String("ImagePullBackOff")
                           || p.reason == QLatin1String("ErrImagePull")
                           || p.reason == QLatin1String("InvalidImageName")) {
                    p.kind = ContainerProblem::Kind::ImagePull;
                } else if (p.reason == QLatin1String("CreateContainerConfigError")
                           || p.reason == QLatin1String("CreateContainerError")) {
                    p.kind = ContainerProblem::Kind::ConfigError;
                } else if (p.restarts >= restartThreshold && p.lastExitCode != 0) {
                    // Between back-offs the container runs briefly and reports Running.
                    p.kind = ContainerProblem::Kind::CrashLoop;
                    if (p.reason.isEmpty())
                        p.reason = QStringLiteral("CrashLoopBackOff");
                } else {
                    continue;
                }
                out.append(p);
            }
        }
    }
    return out;
}

} // namespace Orrery
