// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simclock.h"

#include <random>
#include <string>
#include <vector>

namespace Orrery::Sim {

// Plausible container output per image family, so that `kubectl logs` on a simulated pod
// reads like the real software: nginx access logs, a Spring Boot banner, uvicorn, database
// start-up, Prometheus/Grafana, and a stack trace for a crashing container.
class LogGenerator
{
public:
    enum class Kind {
        Nginx,
        Spring,
        Python,
        Node,
        MySql,
        Mongo,
        Postgres,
        Redis,
        Prometheus,
        Grafana,
        Alertmanager,
        NodeExporter,
        Ollama,
        CoreDns,
        Generic
    };

    static Kind kindForImage(const std::string &image);

    struct Context
    {
        std::string podName;
        std::string containerName;
        std::string image;
        std::string podIp;
        int port = 8080;
    };

    static std::vector<std::string> startup(Kind kind, const Context &ctx,
                                            SimClock::TimePoint wall);
    static std::string requestLine(Kind kind, const Context &ctx, SimClock::TimePoint wall,
                                   std::mt19937 &rng);
    // What a crash-looping container prints before exiting with code 1.
    static std::vector<std::string> crash(Kind kind, const Context &ctx, SimClock::TimePoint wall);
    static std::vector<std::string> completion(const Context &ctx, SimClock::TimePoint wall);
};

} // namespace Orrery::Sim
