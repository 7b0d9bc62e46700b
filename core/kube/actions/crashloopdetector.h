// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

namespace Orrery {

// A container that will not become ready on its own: what the rollout view shows next to
// "Waiting for ... rollout to finish" so a bad release is recognised without opening pods.
struct ContainerProblem
{
    enum class Kind { CrashLoop, ImagePull, ConfigError };
    Kind kind = Kind::CrashLoop;
    QString pod;
    QString container;
    QString reason;  // "CrashLoopBackOff", "ImagePullBackOff", "CreateContainerConfigError"
    QString message; // waiting message from the kubelet (no Secret values appear there)
    int restarts = 0;
    int lastExitCode = 0;          // of the last terminated run, when known
    QString lastTerminationReason; // "Error", "OOMKilled"
};

class CrashLoopDetector
{
public:
    // Pods (a PodList or an array). A container counts as crash-looping when it waits in
    // CrashLoopBackOff, or has restarted at least `restartThreshold` times and its last run
    // terminated with a non-zero exit code; image pull and config errors are reported too.
    static QList<ContainerProblem> detect(const nlohmann::json &pods, int restartThreshold = 3);
};

} // namespace Orrery
