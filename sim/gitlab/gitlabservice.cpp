// SPDX-License-Identifier: GPL-3.0-or-later
#include "gitlabservice.h"

#include "front/cloudencoding.h"
#include "gitlabapi.h"
#include "pipelines/pipelineengine.h"
#include "pipelines/pipelinespec.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

namespace Orrery::Sim {

using json = nlohmann::json;
using namespace GitLab;

namespace {

constexpr const char *Actor = "orrery";
constexpr const char *GitlabDefaultToken = "orrery-sim-gitlab";

std::vector<std::string> splitRaw(const std::string &path)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const std::string part
            = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (!part.empty())
            parts.push_back(part);
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return parts;
}

bool gitlabIsNumber(const std::string &s)
{
    return !s.empty() && s.size() < 18 && s.find_first_not_of("0123456789") == std::string::npos;
}

void reply(httplib::Response &res, int status, const json &body)
{
    res.status = status;
    res.set_content(body.dump(), "application/json");
}

void message(httplib::Response &res, int status, const std::string &text)
{
    reply(res, status, json{{"message", text}});
}

std::string baseUrl(const httplib::Request &req)
{
    const std::string host = req.get_header_value("Host");
    return "https://" + (host.empty() ? std::string("127.0.0.1") : host) + "/gitlab";
}

// The request's parameter, also read from a JSON body (python-gitlab posts JSON).
std::string param(const httplib::Request &req, const json &body, const std::string &key)
{
    if (req.has_param(key))
        return req.get_param_value(key);
    if (body.is_object() && body.contains(key) && body[key].is_string())
        return body[key].get<std::string>();
    return {};
}

} // namespace

GitLabService::GitLabService(SimClock &clock, ClusterAccess &clusters)
    : m_engine(std::make_unique<PipelineEngine>(clock, clusters))
    , m_tokens(loadProviderPipelines(*m_engine, clusters, "gitlab", GitlabDefaultToken))
{
}

GitLabService::~GitLabService()
{
    stop();
}

void GitLabService::stop()
{
    m_engine->stopTicking();
}

void GitLabService::handle(const httplib::Request &req, httplib::Response &res)
{
    const std::string rawPath = req.target.substr(0, req.target.find('?'));
    std::vector<std::string> seg = splitRaw(rawPath);
    // seg[0] == "gitlab"
    if (seg.size() < 3 || seg[1] != "api" || seg[2] != "v4") {
        message(res, 404, "404 Not Found");
        return;
    }
    seg.erase(seg.begin(), seg.begin() + 3);
    for (auto &s : seg)
        s = percentDecode(s);

    const std::string token = !req.get_header_value("PRIVATE-TOKEN").empty()
                                  ? req.get_header_value("PRIVATE-TOKEN")
                                  : req.get_header_value("JOB-TOKEN");
    const std::string authorization = req.get_header_value("Authorization");
    const std::string given = !token.empty()                           ? token
                              : authorization.rfind("Bearer ", 0) == 0 ? authorization.substr(7)
                                                                       : std::string();
    if (given.empty() || std::find(m_tokens.begin(), m_tokens.end(), given) == m_tokens.end()) {
        message(res, 401, "401 Unauthorized");
        return;
    }

    const std::string base = baseUrl(req);
    const bool get = req.method == "GET" || req.method == "HEAD";
    const bool post = req.method == "POST";
    json body = json::object();
    if (!req.body.empty() && req.get_header_value("Content-Type").find("json") != std::string::npos)
        body = json::parse(req.body, nullptr, false);

    if (seg.size() == 1 && seg[0] == "version" && get) {
        reply(res, 200, {{"version", "16.11.0"}, {"revision", "orrery-sim"}});
        return;
    }

    // The projects: one per distinct source of the gitlab pipelines, numbered in order.
    // A child pipeline's file (`child: true`) belongs to its project and makes none.
    const std::vector<PipelineSpec> specs = m_engine->pipelines("gitlab");
    std::vector<Project> projects;
    for (const PipelineSpec &spec : specs) {
        if (spec.child)
            continue;
        if (std::any_of(projects.begin(), projects.end(),
                        [&](const Project &p) { return p.spec.source == spec.source; }))
            continue;
        projects.push_back({static_cast<long long>(projects.size() + 1), base, spec});
    }

    if (seg.size() == 1 && seg[0] == "user" && get) {
        Project any{0, base, {}};
        json user = userJson(any, Actor);
        user["is_admin"] = false;
        reply(res, 200, user);
        return;
    }

    if (seg.empty() || seg[0] != "projects") {
        message(res, 404, "404 Not Found");
        return;
    }
    if (seg.size() == 1 && get) {
        const std::string search = req.get_param_value("search");
        json list = json::array();
        for (const Project &p : projects)
            if (search.empty() || p.path().find(search) != std::string::npos)
                list.push_back(projectJson(p));
        const Page page = parsePage(req.get_param_value("page"), req.get_param_value("per_page"));
        json out = json::array();
        for (std::size_t i = page.first();
             i < list.size() && out.size() < std::size_t(page.perPage); ++i)
            out.push_back(list[i]);
        for (const auto &[k, v] : page.headers(list.size(), base + "/api/v4/projects"))
            res.set_header(k, v);
        reply(res, 200, out);
        return;
    }

    const Project *project = nullptr;
    for (const Project &p : projects)
        if ((gitlabIsNumber(seg[1]) && std::to_string(p.id) == seg[1]) || p.path() == seg[1])
            project = &p;
    if (!project) {
        message(res, 404, "404 Project Not Found");
        return;
    }
    const std::string projectApi = base + "/api/v4/projects/" + std::to_string(project->id);
    if (seg.size() == 2 && get) {
        reply(res, 200, projectJson(*project));
        return;
    }

    // Summaries (no logs) for everything but a trace, which reads its run in full: the runs of
    // the project's pipeline and of its child pipelines' files.
    std::vector<SimRun> runs = m_engine->runSummaries(project->key());
    for (const PipelineSpec &spec : specs)
        if (spec.child && spec.source == project->spec.source) {
            std::vector<SimRun> children = m_engine->runSummaries(spec.source + "/" + spec.file);
            runs.insert(runs.end(), std::make_move_iterator(children.begin()),
                        std::make_move_iterator(children.end()));
        }
    if (runs.size() > 1)
        std::sort(runs.begin(), runs.end(),
                  [](const SimRun &a, const SimRun &b) { return a.id > b.id; });
    const auto findRun = [&](const std::string &id) -> const SimRun * {
        for (const SimRun &r : runs)
            if (std::to_string(r.id) == id)
                return &r;
        return nullptr;
    };
    const auto findJob = [&](const std::string &id) -> std::pair<const SimRun *, const SimJob *> {
        for (const SimRun &r : runs)
            for (const SimJob &j : r.jobs)
                if (std::to_string(j.id) == id)
                    return {&r, &j};
        return {nullptr, nullptr};
    };
    if (seg.size() < 3) {
        message(res, 404, "404 Not found");
        return;
    }
    const std::string what = seg[2];

    // POST /projects/:id/pipeline {ref, variables: [{key, value}]}
    if (what == "pipeline" && seg.size() == 3 && post) {
        std::string ref = param(req, body, "ref");
        if (ref.empty()) {
            message(res, 400, "400 Bad request - ref is missing");
            return;
        }
        std::map<std::string, std::string> variables;
        if (body.is_object() && body.contains("variables") && body["variables"].is_array())
            for (const json &v : body["variables"])
                if (v.is_object() && v.contains("key") && v["key"].is_string())
                    variables[v["key"].get<std::string>()]
                        = v.contains("value") && v["value"].is_string()
                              ? v["value"].get<std::string>()
                              : std::string();
        std::string error;
        const auto id = m_engine->trigger(project->key(), ref, "api", Actor, variables, &error);
        if (!id) {
            reply(res, 400, {{"message", {{"base", json::array({error})}}}});
            return;
        }
        if (const auto run = m_engine->run(*id))
            reply(res, 201, pipelineJson(*project, *run));
        else
            message(res, 500, "500 Internal Server Error");
        return;
    }

    if (what == "pipelines") {
        if (seg.size() == 3 && get) {
            PipelineFilter filter;
            filter.ref = req.get_param_value("ref");
            filter.status = req.get_param_value("status");
            filter.source = req.get_param_value("source");
            filter.username = req.get_param_value("username");
            filter.sha = req.get_param_value("sha");
            filter.scope = req.get_param_value("scope");
            std::vector<const SimRun *> matching;
            for (const SimRun &r : runs)
                if (filter.matches(r))
                    matching.push_back(&r);
            // Newest first (order_by id, sort desc) unless sort=asc.
            std::sort(matching.begin(), matching.end(),
                      [](const SimRun *a, const SimRun *b) { return a->id > b->id; });
            if (req.get_param_value("sort") == "asc")
                std::reverse(matching.begin(), matching.end());
            const Page page
                = parsePage(req.get_param_value("page"), req.get_param_value("per_page"));
            json out = json::array();
            for (std::size_t i = page.first();
                 i < matching.size() && out.size() < std::size_t(page.perPage); ++i)
                out.push_back(pipelineSummaryJson(*project, *matching[i]));
            std::string url = projectApi + "/pipelines";
            std::string query;
            for (const char *k : {"ref", "status", "source", "username", "sha", "scope", "sort"})
                if (req.has_param(k))
                    query += std::string(query.empty() ? "?" : "&") + k + "="
                             + httplib::detail::encode_query_param(req.get_param_value(k));
            for (const auto &[k, v] : page.headers(matching.size(), url + query))
                res.set_header(k, v);
            reply(res, 200, out);
            return;
        }
        if (seg.size() < 4) {
            message(res, 404, "404 Not found");
            return;
        }
        const SimRun *run = findRun(seg[3]);
        if (!run) {
            message(res, 404, "404 Not found");
            return;
        }
        if (seg.size() == 4 && get) {
            reply(res, 200, pipelineJson(*project, *run));
            return;
        }
        const std::string sub = seg.size() == 5 ? seg[4] : std::string();
        if (sub == "jobs" && get) {
            const std::vector<std::string> scopes = [&] {
                std::vector<std::string> s;
                for (const char *k : {"scope", "scope[]"})
                    for (std::size_t i = 0; i < req.get_param_value_count(k); ++i)
                        s.push_back(req.get_param_value(k, i));
                return s;
            }();
            // Trigger jobs are listed by .../bridges, not here (as GitLab does).
            std::vector<const SimJob *> jobs;
            for (const SimJob &j : run->jobs)
                if (!j.bridge
                    && (scopes.empty()
                        || std::find(scopes.begin(), scopes.end(), jobStatus(j)) != scopes.end()))
                    jobs.push_back(&j);
            std::sort(jobs.begin(), jobs.end(),
                      [](const SimJob *a, const SimJob *b) { return a->id > b->id; });
            const Page page
                = parsePage(req.get_param_value("page"), req.get_param_value("per_page"));
            json out = json::array();
            for (std::size_t i = page.first();
                 i < jobs.size() && out.size() < std::size_t(page.perPage); ++i)
                out.push_back(jobJson(*project, *run, *jobs[i]));
            for (const auto &[k, v] : page.headers(
                     jobs.size(), projectApi + "/pipelines/" + std::to_string(run->id) + "/jobs"))
                res.set_header(k, v);
            reply(res, 200, out);
            return;
        }
        if (sub == "bridges" && get) {
            std::vector<std::string> scopes;
            for (const char *k : {"scope", "scope[]"})
                for (std::size_t i = 0; i < req.get_param_value_count(k); ++i)
                    scopes.push_back(req.get_param_value(k, i));
            std::vector<const SimJob *> bridges;
            for (const SimJob &j : run->jobs)
                if (j.bridge
                    && (scopes.empty()
                        || std::find(scopes.begin(), scopes.end(), jobStatus(j)) != scopes.end()))
                    bridges.push_back(&j);
            std::sort(bridges.begin(), bridges.end(),
                      [](const SimJob *a, const SimJob *b) { return a->id > b->id; });
            const Page page
                = parsePage(req.get_param_value("page"), req.get_param_value("per_page"));
            json out = json::array();
            for (std::size_t i = page.first();
                 i < bridges.size() && out.size() < std::size_t(page.perPage); ++i) {
                const SimJob &bridge = *bridges[i];
                std::optional<SimRun> downstream;
                const Project *downstreamProject = nullptr;
                if (bridge.downstreamRunId != 0)
                    downstream = m_engine->run(bridge.downstreamRunId);
                if (downstream)
                    for (const Project &p : projects)
                        if (downstream->pipeline.rfind(p.spec.source + "/", 0) == 0
                            && (!downstreamProject
                                || p.spec.source.size() > downstreamProject->spec.source.size()))
                            downstreamProject = &p;
                out.push_back(bridgeJson(*project, *run, bridge, downstreamProject,
                                         downstream ? &*downstream : nullptr));
            }
            for (const auto &[k, v] :
                 page.headers(bridges.size(),
                              projectApi + "/pipelines/" + std::to_string(run->id) + "/bridges"))
                res.set_header(k, v);
            reply(res, 200, out);
            return;
        }
        if (sub == "variables" && get) {
            reply(res, 200, variablesJson(*run));
            return;
        }
        if ((sub == "retry" || sub == "cancel") && post) {
            std::string error;
            const bool ok = sub == "retry" ? m_engine->rerun(run->id, true, &error)
                                           : m_engine->cancel(run->id, &error);
            if (!ok) {
                message(res, sub == "retry" ? 400 : 400, "400 Bad request - " + error);
                return;
            }
            const auto updated = m_engine->run(run->id);
            reply(res, sub == "retry" ? 201 : 200, pipelineJson(*project, updated.value_or(*run)));
            return;
        }
        message(res, 404, "404 Not found");
        return;
    }

    if (what == "jobs") {
        if (seg.size() == 3 && get) {
            std::vector<std::string> scopes;
            for (const char *k : {"scope", "scope[]"})
                for (std::size_t i = 0; i < req.get_param_value_count(k); ++i)
                    scopes.push_back(req.get_param_value(k, i));
            std::vector<std::pair<const SimRun *, const SimJob *>> all;
            for (const SimRun &r : runs)
                for (const SimJob &j : r.jobs)
                    if (!j.bridge
                        && (scopes.empty()
                            || std::find(scopes.begin(), scopes.end(), jobStatus(j))
                                   != scopes.end()))
                        all.push_back({&r, &j});
            std::sort(all.begin(), all.end(),
                      [](const auto &a, const auto &b) { return a.second->id > b.second->id; });
            const Page page
                = parsePage(req.get_param_value("page"), req.get_param_value("per_page"));
            json out = json::array();
            for (std::size_t i = page.first();
                 i < all.size() && out.size() < std::size_t(page.perPage); ++i)
                out.push_back(jobJson(*project, *all[i].first, *all[i].second));
            for (const auto &[k, v] : page.headers(all.size(), projectApi + "/jobs"))
                res.set_header(k, v);
            reply(res, 200, out);
            return;
        }
        if (seg.size() < 4) {
            message(res, 404, "404 Not found");
            return;
        }
        const auto [run, job] = findJob(seg[3]);
        if (!job) {
            message(res, 404, "404 Not found");
            return;
        }
        const std::string sub = seg.size() == 5 ? seg[4] : std::string();
        if (seg.size() == 4 && get) {
            reply(res, 200, jobJson(*project, *run, *job));
            return;
        }
        if (sub == "trace" && get) {
            // A plain-text body; Range: bytes=N- (or N-M) is answered 206 with that part and a
            // Content-Range (cpp-httplib cuts a 206 answer to the request's ranges, and answers
            // 416 past the end), so a client can follow a running job.
            const auto full = m_engine->run(run->id);
            const SimJob *logged = job;
            if (full)
                for (const SimJob &j : full->jobs)
                    if (j.id == job->id)
                        logged = &j;
            res.status = req.ranges.empty() ? 200 : 206;
            res.set_content(trace(*logged), "text/plain; charset=utf-8");
            return;
        }
        if (post && (sub == "play" || sub == "retry" || sub == "cancel")) {
            std::string error;
            bool ok = false;
            if (sub == "play") {
                if (jobStatus(*job) != "manual") {
                    message(res, 400, "400 Bad request - Unplayable Job");
                    return;
                }
                ok = m_engine->review(run->id, job->id, true, Actor, &error);
            } else if (sub == "retry") {
                ok = m_engine->rerunJob(run->id, job->id, &error);
            } else {
                ok = m_engine->cancel(run->id, &error);
            }
            if (!ok) {
                message(res, 403, "403 Forbidden - " + error);
                return;
            }
            // The job as it is now (a retried job: the job of the same spec in the new attempt).
            const auto updated = m_engine->run(run->id);
            const SimRun &now = updated ? *updated : *run;
            const SimJob *current = job;
            for (const SimJob &j : now.jobs)
                if (j.id == job->id
                    || (sub == "retry" && j.specId == job->specId && j.name == job->name))
                    current = &j;
            reply(res, sub == "retry" ? 201 : 200, jobJson(*project, now, *current));
            return;
        }
        message(res, 404, "404 Not found");
        return;
    }

    // GET /projects/:id/repository/files/:path(/raw)?ref=: the CI file, rendered from the spec.
    if (what == "repository" && seg.size() >= 5 && seg[3] == "files" && get) {
        const bool raw = seg.size() == 6 && seg[5] == "raw";
        const std::string file = seg[4];
        const std::string ciFile
            = project->spec.file.empty() ? ".gitlab-ci.yml" : project->spec.file;
        // The project's CI file, or one of its child pipelines' files.
        const PipelineSpec *fileSpec = file == ciFile ? &project->spec : nullptr;
        for (const PipelineSpec &spec : specs)
            if (spec.child && spec.source == project->spec.source && spec.file == file)
                fileSpec = &spec;
        if (!fileSpec || (seg.size() == 6 && !raw) || seg.size() > 6) {
            message(res, 404, "404 File Not Found");
            return;
        }
        const std::string content = ciYaml(*fileSpec);
        const std::string ref
            = req.has_param("ref") ? req.get_param_value("ref") : project->spec.defaultBranch;
        if (raw) {
            res.status = 200;
            res.set_content(content, "text/plain; charset=utf-8");
            return;
        }
        static const char *alphabet
            = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        std::string encoded;
        for (std::size_t i = 0; i < content.size(); i += 3) {
            const unsigned n = (unsigned char)content[i] << 16
                               | (i + 1 < content.size() ? (unsigned char)content[i + 1] << 8 : 0)
                               | (i + 2 < content.size() ? (unsigned char)content[i + 2] : 0);
            encoded += alphabet[(n >> 18) & 63];
            encoded += alphabet[(n >> 12) & 63];
            encoded += i + 1 < content.size() ? alphabet[(n >> 6) & 63] : '=';
            encoded += i + 2 < content.size() ? alphabet[n & 63] : '=';
        }
        reply(res, 200,
              {{"file_name", file.substr(file.rfind('/') + 1)},
               {"file_path", file},
               {"size", content.size()},
               {"encoding", "base64"},
               {"content", encoded},
               {"ref", ref},
               {"blob_id", "0000000000000000000000000000000000000000"},
               {"commit_id", runs.empty() ? std::string(40, '0') : runs.front().sha},
               {"last_commit_id", runs.empty() ? std::string(40, '0') : runs.front().sha}});
        return;
    }

    message(res, 404, "404 Not found");
}

} // namespace Orrery::Sim
