// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "front/simservice.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace Orrery::Sim {

class ClusterAccess;
class PipelineEngine;
class SimClock;

namespace Jenkins {
class ConsoleLog;
}

// Jenkins (https://HOST/jenkins/) over the `provider: jenkins` pipelines of the loaded
// scenarios, run by a PipelineEngine of its own (ticked from a timer thread): the remote API
// (api/json of the root, folders, Pipeline jobs and builds, with tree= and depth=; lastBuild and
// the other permalinks; the queue; the computers and their executors), the Pipeline Stage View API
// (wfapi), Blue Ocean's run nodes with edges, the console (consoleText,
// logText/progressiveText with X-Text-Size and X-More-Data), and the actions: build and
// buildWithParameters (201 + Location of the queue item), stop, input proceed/abort.
//
// Auth: HTTP Basic user:API-token, one of the jenkins pipelines' `tokens` ("user:token"; default
// "orrery:orrery-sim-jenkins"); anonymous: 403 as a secured Jenkins, a wrong pair 401;
// crumbIssuer/api/json hands out a crumb per user, and a POST that sends a Jenkins-Crumb
// header must send that one. The only state kept here is each build's console text (so
// progressiveText offsets stay valid while parallel branches log at once); runs live in the
// engine. Thread safe.
class JenkinsService : public SimService
{
public:
    JenkinsService(SimClock &clock, ClusterAccess &clusters);
    ~JenkinsService() override;

    std::string name() const override { return "jenkins"; }
    std::vector<std::string> prefixes() const override { return {"/jenkins"}; }
    void handle(const httplib::Request &req, httplib::Response &res) override;
    void stop() override;

    PipelineEngine &engine() const { return *m_engine; }
    std::vector<std::string> tokens() const { return m_tokens; }

    // The crumb crumbIssuer hands `user` (stable for the simulator's life).
    static std::string crumbFor(const std::string &user);

private:
    std::string console(long long runId, const std::string &key, bool *complete);

    std::unique_ptr<PipelineEngine> m_engine;
    std::vector<std::string> m_tokens; // user:token
    std::mutex m_mutex;
    std::map<long long, std::unique_ptr<Jenkins::ConsoleLog>> m_consoles;
};

} // namespace Orrery::Sim
