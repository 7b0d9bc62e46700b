// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelineengine.h"

#include "apierror.h"
#include "front/platformdeploys.h"
#include "front/simservice.h"
#include "objectstore.h"
#include "registry/registries.h"
#include "simclock.h"
#include "workload/helmrelease.h"
#include "workload/kube.h"

#include <base64.h>
#include <gzip.h>

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <set>
#include <thread>

// How runs play (docs/pipelines.md has the scenario side):
// - A triggered run is Queued for one second of sim time, then its jobs start as soon as
//   every job they need has finished: `needs` when given, else every job of the previous stage
//   (stages in order of first appearance), else at once. A matrix job is one job per value
//   ("build (frontend)"); needing it means needing every value.
// - A job's `seconds` are shared equally by its steps; the log grows as steps start and end.
//   Its action runs when its last step starts; a job fails at the end of its last step when
//   the scenario says `fails` or its action failed, and the steps after a failure are skipped.
// - After a failed or cancelled need a job is Skipped, except `runsOn: failure` jobs, which
//   run only when a need failed (rollbacks; skipped otherwise), and `runsOn: always` ones.
// - Manual jobs and jobs of a protected environment wait (Waiting) until review(): approved,
//   they run from that moment; rejected, a manual job is Cancelled and an environment's job
//   fails (GitHub fails a run whose deployment was rejected).
// - A run is Waiting while a job waits and none runs; when every job has ended it is Failure
//   when one failed, else Cancelled when one was cancelled, else Success.
// - rerun(): a finished run only. All jobs, or the failed, cancelled and skipped ones (and
//   what needs them), get new ids and start again; attempt + 1.
// - Time: every transition happens at its own sim time even when advance() is called late,
//   so a run read after an hour shows the same timings as one watched live. History runs
//   (PipelineSpec::historyRuns) are played the same way in the past, without actions,
//   approved at once; about one in five fails (a deterministic choice).
// - Bounds: MaxRunsPerPipeline (1100) runs kept per pipeline (the oldest finished ones go first),
//   MaxLogBytes of log per job (then one truncation line).
// Lock order: the engine's mutex, then a cluster's store lock (actions); never the reverse.

namespace Orrery::Sim {

namespace {

using Clock = std::chrono::system_clock;
using TimePoint = Clock::time_point;
using json = nlohmann::json;

constexpr std::size_t MaxRunsPerPipeline = 1100;
constexpr std::size_t MaxLogBytes = 64 * 1024;
constexpr auto QueueDelay = std::chrono::seconds(1);

bool isFinal(SimRunState s)
{
    return s == SimRunState::Success || s == SimRunState::Failure || s == SimRunState::Cancelled
           || s == SimRunState::Skipped;
}

std::uint64_t fnv(const std::string &s, std::uint64_t seed = 1469598103934665603ull)
{
    std::uint64_t h = seed;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

// 40 hex digits, a stable function of `seed`.
std::string fakeSha(const std::string &seed)
{
    static const char *digits = "0123456789abcdef";
    std::string out;
    std::uint64_t x = fnv(seed);
    while (out.size() < 40) {
        x = mix(x);
        for (int i = 0; i < 16 && out.size() < 40; ++i)
            out += digits[(x >> (i * 4)) & 0xf];
    }
    return out;
}

std::string replaceAll(std::string s, const std::string &from, const std::string &to)
{
    for (std::size_t pos = s.find(from); pos != std::string::npos;
         pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
    return s;
}

const char *const Messages[] = {
    "Fix the login redirect",      "Bump dependencies",      "Add health checks to the deployment",
    "Refactor the API client",     "Update the Helm values", "Tune the HPA thresholds",
    "Cache the build layers",      "Add integration tests",  "Fix the flaky websocket test",
    "Document the release process"};
const char *const Actors[] = {"amina-dev", "lucas-ops", "sofia-k", "release-bot", "yanis42"};

GroupResource workloadResource(const std::string &kind)
{
    return kind == "StatefulSet" ? Kube::StatefulSets : Kube::Deployments;
}

} // namespace

struct PipelineEngine::Private
{
    struct JobTimes
    {
        TimePoint start{}, end{};
        bool started = false, ended = false;
        bool actionFailed = false;
        bool actionDone = false;
    };
    struct RunRecord
    {
        SimRun run;
        std::vector<std::size_t> specIndex; // per job: its JobSpec
        std::vector<std::string> matrixValue;
        std::map<long long, JobTimes> times;
        TimePoint simCreated{};
        TimePoint simFinished{}; // when it finished (sim time), once final
        bool history = false;
        std::string forcedFailure; // history: the spec id that fails
    };
    struct Pipeline
    {
        PipelineSpec spec;
        std::deque<RunRecord> runs; // newest first
        int lastNumber = 0;
    };

    Private(SimClock &c, ClusterAccess &a)
        : clock(c)
        , clusters(a)
    {
    }

    SimClock &clock;
    ClusterAccess &clusters;
    mutable std::mutex mutex;
    std::map<std::string, Pipeline> pipelines;
    std::vector<std::string> order; // keys in addPipeline order
    long long nextRunId = 1000001;
    long long nextJobId = 5000001;
    // Trigger jobs that started in advanceRun: their downstream runs are created after the
    // pass over the runs (creating one inside it would change the deque being walked).
    struct PendingTrigger
    {
        long long runId = 0;
        long long jobId = 0;
        TimePoint at{};
    };
    std::vector<PendingTrigger> pendingTriggers;

    std::thread ticker;
    std::mutex tickMutex;
    std::condition_variable tickWake;
    bool stopTicker = false;

    std::string wall(TimePoint simTime) const { return formatTimestamp(clock.wallTime(simTime)); }

    static void appendLog(SimJob &job, const std::string &line, const std::string &stamp)
    {
        if (job.log.size() >= MaxLogBytes)
            return;
        std::string entry = stamp + " " + line + "\n";
        if (job.log.size() + entry.size() > MaxLogBytes)
            entry = stamp + " [log truncated at 64 KiB]\n";
        job.log += entry;
    }

    RunRecord *findRun(long long runId, Pipeline **pipeline = nullptr)
    {
        for (auto &[key, p] : pipelines)
            for (RunRecord &r : p.runs)
                if (r.run.id == runId) {
                    if (pipeline)
                        *pipeline = &p;
                    return &r;
                }
        return nullptr;
    }

    // Jobs (with new ids) for every spec job, `needs` resolved to job ids.
    void buildJobs(const PipelineSpec &spec, RunRecord &r, const std::set<std::string> *only)
    {
        std::vector<SimJob> jobs;
        std::vector<std::size_t> specIndex;
        std::vector<std::string> values;
        for (std::size_t i = 0; i < spec.jobs.size(); ++i) {
            const JobSpec &js = spec.jobs[i];
            const std::vector<std::string> matrix
                = js.matrix.empty() ? std::vector<std::string>{""} : js.matrix;
            for (const std::string &value : matrix) {
                SimJob job;
                job.specId = js.id;
                job.name = matrixJobName(js.name, value);
                job.stage = js.stage;
                job.manual = js.manual;
                job.environment = js.environment;
                job.bridge = js.isBridge();
                // A trigger job has no steps (GitLab's bridges run no script).
                const std::vector<std::string> steps
                    = job.bridge         ? std::vector<std::string>{}
                      : js.steps.empty() ? std::vector<std::string>{"Run " + js.name}
                                         : js.steps;
                int n = 0;
                for (const std::string &s : steps) {
                    SimStep step;
                    step.name = s;
                    step.number = ++n;
                    job.steps.push_back(step);
                }
                jobs.push_back(std::move(job));
                specIndex.push_back(i);
                values.push_back(value);
            }
        }
        // Stage order: first appearance.
        std::vector<std::string> stages;
        for (const JobSpec &js : spec.jobs)
            if (!js.stage.empty()
                && std::find(stages.begin(), stages.end(), js.stage) == stages.end())
                stages.push_back(js.stage);

        // On a partial rerun keep the jobs that are not rerun (same ids, same state).
        std::map<std::string, const SimJob *> kept;
        if (only)
            for (const SimJob &old : r.run.jobs)
                if (!only->count(old.name))
                    kept[old.name] = &old;
        std::map<long long, JobTimes> times;
        for (SimJob &job : jobs) {
            const auto it = kept.find(job.name);
            if (it != kept.end()) {
                const long long oldId = it->second->id;
                job = *it->second;
                times[job.id] = r.times[oldId];
            } else {
                job.id = nextJobId++;
            }
        }
        for (std::size_t a = 0; a < jobs.size(); ++a) {
            const JobSpec &js = spec.jobs[specIndex[a]];
            std::vector<long long> needs;
            if (!js.needs.empty()) {
                for (std::size_t b = 0; b < jobs.size(); ++b)
                    if (std::find(js.needs.begin(), js.needs.end(), jobs[b].specId)
                        != js.needs.end())
                        needs.push_back(jobs[b].id);
            } else if (!js.stage.empty()) {
                const auto pos = std::find(stages.begin(), stages.end(), js.stage);
                if (pos != stages.begin()) {
                    const std::string &previous = *(pos - 1);
                    for (std::size_t b = 0; b < jobs.size(); ++b)
                        if (jobs[b].stage == previous)
                            needs.push_back(jobs[b].id);
                }
            }
            jobs[a].needs = std::move(needs);
        }
        r.run.jobs = std::move(jobs);
        r.specIndex = std::move(specIndex);
        r.matrixValue = std::move(values);
        r.times = std::move(times);
    }

    std::string expand(const std::string &templ, const RunRecord &r, const std::string &value)
    {
        std::string s = replaceAll(templ, "${sha}", r.run.sha);
        s = replaceAll(s, "${short_sha}", r.run.sha.substr(0, 7));
        s = replaceAll(s, "${number}", std::to_string(r.run.number));
        s = replaceAll(s, "${matrix}", value);
        return s;
    }

    // Sets `image` on the container (named, else the first) of a Deployment/StatefulSet through
    // the store, so the controllers roll it out and every watch sees the change.
    bool setImage(const std::string &cluster, const std::string &ns, const std::string &kind,
                  const std::string &name, const std::string &container, const std::string &image,
                  const std::string &cause, std::string *message)
    {
        ObjectStore *store = clusters.store(cluster);
        if (!store) {
            *message = "cluster " + cluster + " is unknown";
            return false;
        }
        const GroupResource gr = workloadResource(kind);
        try {
            auto lock = store->lock();
            const ObjectPtr current = store->get(gr, ns, name);
            if (!current) {
                *message = "Error from server (NotFound): " + gr.resource + ".apps \"" + name
                           + "\" not found";
                return false;
            }
            json obj = *current;
            json &containers = obj["spec"]["template"]["spec"]["containers"];
            if (!containers.is_array() || containers.empty()) {
                *message = kind + " " + name + " has no containers";
                return false;
            }
            json *target = &containers[0];
            if (!container.empty()) {
                target = nullptr;
                for (json &c : containers)
                    if (c.value("name", "") == container)
                        target = &c;
                if (!target) {
                    *message = "error: unable to find container named \"" + container + "\"";
                    return false;
                }
            }
            (*target)["image"] = image;
            obj["metadata"]["annotations"]["kubernetes.io/change-cause"] = cause;
            store->update(gr, std::move(obj));
            *message = kind == "StatefulSet" ? "statefulset.apps/" + name + " image updated"
                                             : "deployment.apps/" + name + " image updated";
            return true;
        } catch (const ApiError &e) {
            *message = std::string("Error from server: ") + e.what();
            return false;
        }
    }

    // `kubectl rollout undo`: the template of the previous revision (ReplicaSets for a
    // Deployment, ControllerRevisions for a StatefulSet) written back into the workload.
    bool rollback(const std::string &cluster, const std::string &ns, const std::string &kind,
                  const std::string &name, std::string *message)
    {
        ObjectStore *store = clusters.store(cluster);
        if (!store) {
            *message = "cluster " + cluster + " is unknown";
            return false;
        }
        const GroupResource gr = workloadResource(kind);
        try {
            auto lock = store->lock();
            const ObjectPtr current = store->get(gr, ns, name);
            if (!current) {
                *message = "Error from server (NotFound): " + gr.resource + ".apps \"" + name
                           + "\" not found";
                return false;
            }
            const std::string uid = Kube::uid(*current);
            const bool deployment = kind != "StatefulSet";
            const GroupResource history
                = deployment ? Kube::ReplicaSets : Kube::ControllerRevisions;
            std::vector<std::pair<long, json>> revisions;
            for (const ObjectPtr &o : store->list(history, ns)) {
                if (Kube::controllerUid(*o) != uid)
                    continue;
                long revision = 0;
                if (deployment) {
                    const std::string rev = Kube::str(
                        *o, Kube::ptr("/metadata/annotations/deployment.kubernetes.io~1revision"));
                    revision = std::atol(rev.c_str());
                    revisions.emplace_back(revision,
                                           Kube::withoutHashLabel((*o)["spec"]["template"]));
                } else {
                    revision = long(o->value("revision", 0));
                    json t = (*o)["data"]["spec"]["template"];
                    t.erase("$patch");
                    revisions.emplace_back(revision, t);
                }
            }
            std::sort(revisions.begin(), revisions.end(),
                      [](const auto &a, const auto &b) { return a.first > b.first; });
            if (revisions.size() < 2) {
                *message = "error: no rollout history found for " + kind + " \"" + name + "\"";
                return false;
            }
            json obj = *current;
            obj["spec"]["template"] = revisions[1].second;
            if (obj["metadata"].contains("annotations"))
                obj["metadata"]["annotations"].erase("kubernetes.io/change-cause");
            store->update(gr, std::move(obj));
            *message = (deployment ? "deployment.apps/" : "statefulset.apps/") + name
                       + " rolled back (to revision " + std::to_string(revisions[1].first) + ")";
            return true;
        } catch (const ApiError &e) {
            *message = std::string("Error from server: ") + e.what();
            return false;
        }
    }

    bool helmUpgrade(const std::string &cluster, const std::string &ns, const std::string &release,
                     const std::string &image, const std::string &cause, std::string *message)
    {
        ObjectStore *store = clusters.store(cluster);
        if (!store) {
            *message = "cluster " + cluster + " is unknown";
            return false;
        }
        const std::string repository = image.substr(0, image.rfind(':'));
        int changed = 0;
        std::set<std::string> replaced; // the images the upgrade replaces
        for (const std::string kind : {"Deployment", "StatefulSet"}) {
            std::vector<std::pair<std::string, std::string>> targets; // name, container
            {
                auto lock = store->lock();
                for (const ObjectPtr &o : store->list(workloadResource(kind), ns)) {
                    if (Kube::str(*o, Kube::ptr("/metadata/annotations/meta.helm.sh~1release-name"))
                        != release)
                        continue;
                    for (const json &c :
                         (*o)["spec"]["template"]["spec"].value("containers", json::array())) {
                        const std::string current = c.value("image", "");
                        if (current.substr(0, current.rfind(':')) == repository) {
                            targets.emplace_back(Kube::name(*o), c.value("name", ""));
                            replaced.insert(current);
                        }
                    }
                }
            }
            for (const auto &[workload, container] : targets) {
                std::string m;
                if (!setImage(cluster, ns, kind, workload, container, image, cause, &m)) {
                    *message = m;
                    return false;
                }
                ++changed;
            }
        }
        if (changed == 0) {
            *message = "Error: UPGRADE FAILED: release " + release + " has no workload running "
                       + repository;
            return false;
        }
        const int revision = recordHelmRevision(*store, ns, release, replaced, image);
        *message = "Release \"" + release + "\" has been upgraded. Happy Helming!";
        if (revision > 0)
            *message += "\nNAME: " + release + "\nNAMESPACE: " + ns
                        + "\nSTATUS: deployed\nREVISION: " + std::to_string(revision);
        return true;
    }

    // A new revision of the release's storage (sh.helm.release.v1.<release>.v<N+1>, what
    // `helm upgrade` writes): the latest revision's release with `replaced` images swapped for
    // `image` in its manifest, status deployed; the previous one becomes superseded. Returns
    // the new revision, 0 when the release has no stored revision (nothing to record).
    int recordHelmRevision(ObjectStore &store, const std::string &ns, const std::string &release,
                           const std::set<std::string> &replaced, const std::string &image)
    {
        try {
            auto lock = store.lock();
            ObjectPtr latest;
            long latestVersion = 0;
            for (const ObjectPtr &o : store.list(Kube::Secrets, ns)) {
                const json labels = (*o)["metadata"].value("labels", json::object());
                if (labels.value("owner", "") != "helm" || labels.value("name", "") != release)
                    continue;
                const long version = std::atol(labels.value("version", "0").c_str());
                if (version > latestVersion) {
                    latestVersion = version;
                    latest = o;
                }
            }
            if (!latest)
                return 0;
            const auto outer = Base64::decode((*latest)["data"].value("release", ""));
            const auto inner = outer ? Base64::decode(*outer) : std::nullopt;
            if (!inner)
                return 0;
            std::string text = *inner;
            if (Gzip::hasGzipHeader(text)) {
                auto unzipped = Gzip::decompress(text, 64 * 1024 * 1024);
                if (!unzipped.ok())
                    return 0;
                text = std::move(unzipped.data);
            }
            json previous = json::parse(text, nullptr, false);
            if (!previous.is_object())
                return 0;
            const std::string now = clock.timestamp();
            json next = previous;
            next["version"] = latestVersion + 1;
            next["info"]["status"] = "deployed";
            next["info"]["last_deployed"] = now;
            next["info"]["description"] = "Upgrade complete";
            std::string manifest = next.value("manifest", "");
            for (const std::string &old : replaced)
                manifest = replaceAll(manifest, old, image);
            next["manifest"] = manifest;
            previous["info"]["status"] = "superseded";
            json superseded = HelmRelease::secret(previous, now);
            superseded["metadata"]["name"] = Kube::name(*latest);
            store.update(Kube::Secrets, std::move(superseded));
            store.create(Kube::Secrets, HelmRelease::secret(next, now));
            return int(latestVersion + 1);
        } catch (const std::exception &) {
            return 0; // the workloads are upgraded; the release history stays as it was
        }
    }

    // Runs a job's actions (at the start of its last step), all of them; false when one
    // failed.
    bool perform(const PipelineSpec &spec, RunRecord &r, std::size_t index, SimJob &job,
                 const std::string &stamp)
    {
        bool ok = true;
        for (const JobAction &a : spec.jobs[r.specIndex[index]].actions)
            ok &= performOne(spec, a, r, index, job, stamp);
        return ok;
    }

    // A platform target (front/platformdeploys.h) or null with `message` saying why.
    PlatformDeploys *platformFor(const JobAction &a, std::string *message) const
    {
        PlatformDeploys *p = clusters.platform(a.platform);
        if (!p)
            *message = "Error: " + a.platform + " is not reachable from this runner";
        return p;
    }

    // The target's template images crash at start (a health check of a workload).
    bool workloadHealth(const std::string &cluster, const std::string &ns, const std::string &kind,
                        const std::string &name, std::string *message)
    {
        ObjectStore *store = clusters.store(cluster);
        Registries *registries = clusters.registries(cluster);
        if (!store || !registries) {
            *message = "cluster " + cluster + " is unknown";
            return false;
        }
        std::vector<std::string> images;
        {
            auto lock = store->lock();
            const ObjectPtr current = store->get(workloadResource(kind), ns, name);
            if (!current) {
                *message = "Error from server (NotFound): " + workloadResource(kind).resource
                           + ".apps \"" + name + "\" not found";
                return false;
            }
            for (const json &c :
                 (*current)["spec"]["template"]["spec"].value("containers", json::array()))
                images.push_back(c.value("image", ""));
        }
        for (const std::string &image : images) {
            const PullResult pulled = registries->pull(image, {});
            if (pulled.status == PullStatus::Pulled && pulled.image.exitCode >= 0) {
                *message = kind + " " + ns + "/" + name + ": " + image + " exits with code "
                           + std::to_string(pulled.image.exitCode)
                           + " at start: health check failed";
                return false;
            }
        }
        *message = kind + " " + ns + "/" + name + ": healthy";
        return true;
    }

    bool performOne(const PipelineSpec &spec, const JobAction &a, RunRecord &r, std::size_t index,
                    SimJob &job, const std::string &stamp)
    {
        const std::string value = r.matrixValue[index];
        const std::string image = expand(a.image, r, value);
        const std::string cluster = a.cluster.empty() ? spec.cluster : a.cluster;
        const std::string name = expand(a.name, r, value);
        const std::string container = expand(a.container, r, value);
        const std::string cause = spec.name + " run #" + std::to_string(r.run.number);
        std::string message;
        bool ok = true;
        switch (a.kind) {
        case JobAction::Kind::None: return true;
        case JobAction::Kind::PushImage: {
            Registries *registries = clusters.registries(cluster);
            appendLog(job, "$ docker push " + image, stamp);
            const std::string digest
                = registries ? registries->push(image, a.exitCode) : std::string();
            ok = !digest.empty();
            message
                = ok ? image.substr(image.rfind(':') + 1) + ": digest: " + digest + " size: 1573"
                     : "error: cannot push " + image;
            if (ok)
                r.run.images.push_back(image);
            break;
        }
        case JobAction::Kind::SetImage:
            appendLog(job,
                      "$ kubectl set image "
                          + std::string(a.kind_ == "StatefulSet" ? "statefulset" : "deployment")
                          + "/" + name + " " + (container.empty() ? "*" : container) + "=" + image
                          + " -n " + a.ns,
                      stamp);
            ok = setImage(cluster, a.ns, a.kind_, name, container, image, cause, &message);
            break;
        case JobAction::Kind::HelmUpgrade:
            appendLog(job,
                      "$ helm upgrade " + name + " --namespace " + a.ns + " --set image=" + image,
                      stamp);
            ok = helmUpgrade(cluster, a.ns, name, image, cause, &message);
            break;
        case JobAction::Kind::Rollback:
            if (!a.platform.empty()) {
                appendLog(job, platformCommand(a, name, image, "rollback"), stamp);
                PlatformDeploys *p = platformFor(a, &message);
                const PlatformResult result = p ? p->rollback(name, r.run.actor) : PlatformResult{};
                ok = p && result.ok;
                if (p)
                    message = result.message;
                break;
            }
            appendLog(job,
                      "$ kubectl rollout undo "
                          + std::string(a.kind_ == "StatefulSet" ? "statefulset" : "deployment")
                          + "/" + name + " -n " + a.ns,
                      stamp);
            ok = rollback(cluster, a.ns, a.kind_, name, &message);
            break;
        case JobAction::Kind::Deploy: {
            appendLog(job, platformCommand(a, name, image, "deploy"), stamp);
            PlatformDeploys *p = platformFor(a, &message);
            if (!p) {
                ok = false;
                break;
            }
            PlatformDeploy request;
            request.target = name;
            request.image = image;
            request.revision = r.run.sha;
            request.repository = spec.source;
            request.branch = r.run.branch;
            request.message = r.run.message;
            request.actor = r.run.actor;
            request.cause = cause;
            const PlatformResult result = p->deploy(request);
            ok = result.ok;
            message = result.message;
            break;
        }
        case JobAction::Kind::HealthCheck:
            if (!a.platform.empty()) {
                appendLog(job, platformCommand(a, name, image, "health"), stamp);
                PlatformDeploys *p = platformFor(a, &message);
                const PlatformResult result = p ? p->health(name) : PlatformResult{};
                ok = p && result.ok;
                if (p)
                    message = result.message;
                break;
            }
            appendLog(job,
                      "$ kubectl -n " + a.ns + " rollout status "
                          + std::string(a.kind_ == "StatefulSet" ? "statefulset" : "deployment")
                          + "/" + name,
                      stamp);
            ok = workloadHealth(cluster, a.ns, a.kind_, name, &message);
            break;
        }
        std::size_t from = 0;
        while (from <= message.size()) { // one log line per line of the message
            const std::size_t nl = message.find('\n', from);
            appendLog(job, message.substr(from, nl == std::string::npos ? nl : nl - from), stamp);
            if (nl == std::string::npos)
                break;
            from = nl + 1;
        }
        return ok;
    }

    // The command line a platform step shows in its log.
    static std::string platformCommand(const JobAction &a, const std::string &name,
                                       const std::string &image, const std::string &what)
    {
        if (a.platform == "fly") {
            if (what == "deploy")
                return "$ flyctl deploy --app " + name + " --image " + image;
            if (what == "rollback")
                return "$ flyctl deploy --app " + name + " --image <previous release's image>";
            return "$ flyctl checks list --app " + name;
        }
        if (what == "deploy")
            return "$ railway up --service " + name + " --image " + image + " --ci";
        if (what == "rollback")
            return "$ railway redeploy --service " + name + " --rollback";
        return "$ railway status --service " + name;
    }

    void finishJob(SimJob &job, JobTimes &t, SimRunState state, TimePoint at)
    {
        job.state = state;
        job.waitingApproval = false;
        job.finishedAt = clock.wallTime(at);
        t.ended = true;
        t.end = at;
        for (SimStep &s : job.steps)
            if (!isFinal(s.state)) {
                s.state = state == SimRunState::Cancelled && s.state == SimRunState::Running
                              ? SimRunState::Cancelled
                              : SimRunState::Skipped;
                if (s.startedAt)
                    s.finishedAt = job.finishedAt;
            }
    }

    void startJob(SimJob &job, JobTimes &t, TimePoint at)
    {
        job.state = SimRunState::Running;
        job.waitingApproval = false;
        job.startedAt = clock.wallTime(at);
        t.started = true;
        t.start = at;
        appendLog(job, "Job " + job.name + " started on runner orrery-sim-runner", wall(at));
    }

    // Moves one run to `now`; true when something changed.
    bool advanceRun(Pipeline &p, RunRecord &r, TimePoint now)
    {
        if (isFinal(r.run.state))
            return false;
        const TimePoint runStart = r.simCreated + QueueDelay;
        if (now < runStart)
            return false;
        bool any = false;
        if (!r.run.startedAt)
            r.run.startedAt = clock.wallTime(runStart);
        for (bool changed = true; changed;) {
            changed = false;
            for (std::size_t i = 0; i < r.run.jobs.size(); ++i) {
                SimJob &job = r.run.jobs[i];
                JobTimes &t = r.times[job.id];
                const JobSpec &js = p.spec.jobs[r.specIndex[i]];
                if (job.state == SimRunState::Queued) {
                    TimePoint ready = runStart;
                    bool allDone = true, anyFailed = false, allSucceeded = true;
                    for (long long need : job.needs) {
                        const auto it = std::find_if(r.run.jobs.begin(), r.run.jobs.end(),
                                                     [&](const SimJob &j) { return j.id == need; });
                        if (it == r.run.jobs.end())
                            continue;
                        if (!isFinal(it->state)) {
                            allDone = false;
                            break;
                        }
                        ready = std::max(ready, r.times[need].end);
                        anyFailed |= it->state == SimRunState::Failure;
                        allSucceeded &= it->state == SimRunState::Success;
                    }
                    if (!allDone || ready > now)
                        continue;
                    changed = true;
                    bool run = allSucceeded;
                    if (js.runsOnFailure == "failure")
                        run = anyFailed;
                    else if (js.runsOnFailure == "always")
                        run = true;
                    if (!run) {
                        t.start = ready;
                        finishJob(job, t, SimRunState::Skipped, ready);
                        continue;
                    }
                    if ((js.manual || js.protectedEnvironment) && !r.history) {
                        job.state = SimRunState::Waiting;
                        job.waitingApproval = true;
                        t.start = ready;
                        appendLog(job,
                                  js.manual ? "Waiting for a person to start this manual job"
                                            : "Waiting for a review of the deployment to "
                                                  + js.environment,
                                  wall(ready));
                        continue;
                    }
                    startJob(job, t, ready);
                }
                if (job.state != SimRunState::Running)
                    continue;
                if (job.bridge) {
                    changed |= advanceBridge(js, r, job, t);
                    continue;
                }
                const std::size_t n = job.steps.size();
                const auto total = std::chrono::duration_cast<Clock::duration>(
                    std::chrono::duration<double>(js.seconds));
                for (std::size_t k = 0; k < n; ++k) {
                    SimStep &step = job.steps[k];
                    const TimePoint from = t.start + total * k / n;
                    const TimePoint to = t.start + total * (k + 1) / n;
                    if (step.state == SimRunState::Queued && now >= from) {
                        step.state = SimRunState::Running;
                        step.startedAt = clock.wallTime(from);
                        appendLog(job, "##[group]" + step.name, wall(from));
                        if (k + 1 == n && !t.actionDone) {
                            t.actionDone = true;
                            if (!r.history)
                                t.actionFailed = !perform(p.spec, r, i, job, wall(from));
                        }
                        changed = true;
                    }
                    if (step.state == SimRunState::Running && now >= to) {
                        const bool fails = k + 1 == n
                                           && (t.actionFailed || (!r.history && js.fails)
                                               || (r.history && r.forcedFailure == js.id));
                        step.state = fails ? SimRunState::Failure : SimRunState::Success;
                        step.finishedAt = clock.wallTime(to);
                        appendLog(job,
                                  fails ? "##[error]Process completed with exit code 1."
                                        : "##[endgroup]",
                                  wall(to));
                        changed = true;
                        if (k + 1 == n)
                            finishJob(job, t, fails ? SimRunState::Failure : SimRunState::Success,
                                      to);
                    }
                    if (step.state != SimRunState::Success)
                        break;
                }
            }
            any |= changed;
        }
        updateRunState(r, now);
        return any;
    }

    void updateRunState(RunRecord &r, TimePoint now)
    {
        bool allFinal = true, running = false, waiting = false, failed = false, cancelled = false;
        TimePoint end = r.simCreated;
        for (const SimJob &j : r.run.jobs) {
            allFinal &= isFinal(j.state);
            running |= j.state == SimRunState::Running;
            waiting |= j.state == SimRunState::Waiting;
            failed |= j.state == SimRunState::Failure;
            cancelled |= j.state == SimRunState::Cancelled;
            const auto it = r.times.find(j.id);
            if (it != r.times.end() && it->second.ended)
                end = std::max(end, it->second.end);
        }
        const SimRunState before = r.run.state;
        if (allFinal) {
            r.run.state = failed      ? SimRunState::Failure
                          : cancelled ? SimRunState::Cancelled
                                      : SimRunState::Success;
            r.run.finishedAt = clock.wallTime(end);
            r.simFinished = end;
        } else if (now >= r.simCreated + QueueDelay) {
            r.run.state = waiting && !running ? SimRunState::Waiting : SimRunState::Running;
        }
        if (r.run.state != before)
            r.run.updatedAt = clock.wallTime(allFinal ? end : now);
    }

    RunRecord &newRun(Pipeline &p, const std::string &branch, const std::string &event,
                      const std::string &actor, const std::map<std::string, std::string> &inputs,
                      TimePoint at)
    {
        RunRecord r;
        r.run.id = nextRunId++;
        r.run.number = ++p.lastNumber;
        r.run.pipeline = p.spec.source + "/" + p.spec.file;
        r.run.branch = branch.empty() ? p.spec.defaultBranch : branch;
        r.run.sha = fakeSha(r.run.pipeline + "#" + std::to_string(r.run.number));
        r.run.message = Messages[fnv(r.run.sha) % (sizeof(Messages) / sizeof(Messages[0]))];
        r.run.event = event.empty() ? "push" : event;
        r.run.actor = actor;
        r.run.inputs = p.spec.inputs;
        for (const auto &[k, v] : inputs)
            r.run.inputs[k] = v;
        r.run.createdAt = r.run.updatedAt = clock.wallTime(at);
        r.simCreated = at;
        buildJobs(p.spec, r, nullptr);
        p.runs.push_front(std::move(r));
        trim(p);
        return p.runs.front();
    }

    void trim(Pipeline &p)
    {
        while (p.runs.size() > MaxRunsPerPipeline) {
            // The oldest finished run goes; when none has finished, the oldest.
            auto victim = p.runs.end() - 1;
            for (auto it = p.runs.end(); it != p.runs.begin();) {
                --it;
                if (isFinal(it->run.state)) {
                    victim = it;
                    break;
                }
            }
            p.runs.erase(victim);
        }
    }

    void generateHistory(Pipeline &p)
    {
        const TimePoint now = clock.now();
        const int count = p.spec.historyRuns;
        const std::uint64_t seed = fnv(p.spec.source + "/" + p.spec.file);
        for (int i = 0; i < count; ++i) {
            const std::uint64_t h = mix(seed + std::uint64_t(i));
            // Newest about 40 minutes ago, then one every few hours.
            const auto age = std::chrono::minutes(40 + (count - 1 - i) * 170 + int(h % 50));
            const TimePoint at = now - age;
            const bool dispatch
                = h % 7 == 3
                  && std::find(p.spec.triggers.begin(), p.spec.triggers.end(), "workflow_dispatch")
                         != p.spec.triggers.end();
            const std::string branch = h % 6 == 1 ? "develop" : p.spec.defaultBranch;
            RunRecord &r = newRun(p, branch, dispatch ? "workflow_dispatch" : "push",
                                  Actors[(h >> 8) % (sizeof(Actors) / sizeof(Actors[0]))], {}, at);
            r.history = true;
            if ((h >> 16) % 5 == 0) {
                std::string failing;
                for (const JobSpec &js : p.spec.jobs)
                    if (js.fails)
                        failing = js.id;
                if (failing.empty()) {
                    std::vector<std::string> candidates;
                    for (const JobSpec &js : p.spec.jobs)
                        if (js.runsOnFailure.empty())
                            candidates.push_back(js.id);
                    // Every job may run after a failure (`runsOn: always`): none is picked.
                    if (!candidates.empty())
                        failing = candidates[(h >> 24) % candidates.size()];
                }
                r.forcedFailure = failing;
            }
            // Approvals and manual jobs of history runs happened at once (advanceRun).
            advanceRun(p, r, now);
        }
    }

    // Runs `seeds` and every job downstream of them again (new ids, attempt + 1); the other
    // jobs keep their ids and results. The run must have finished.
    void restart(Pipeline &p, RunRecord &r, std::set<long long> ids)
    {
        for (bool grew = true; grew;) {
            grew = false;
            for (const SimJob &j : r.run.jobs)
                if (!ids.count(j.id))
                    for (long long n : j.needs)
                        if (ids.count(n)) {
                            ids.insert(j.id);
                            grew = true;
                            break;
                        }
        }
        std::set<std::string> again; // job names to run again
        for (const SimJob &j : r.run.jobs)
            if (ids.count(j.id))
                again.insert(j.name);
        const TimePoint now = clock.now();
        r.history = false;
        r.forcedFailure.clear();
        buildJobs(p.spec, r, &again);
        // The rerun's clock: its kept jobs ended before `now`, so they count as done at once.
        for (auto &[id, t] : r.times)
            if (t.ended)
                t.end = std::min(t.end, now);
        r.simCreated = now;
        r.run.attempt += 1;
        r.run.state = SimRunState::Queued;
        r.run.startedAt.reset();
        r.run.finishedAt.reset();
        r.run.updatedAt = clock.wallTime(now);
    }

    // A running trigger job: asks for its downstream run once, then (strategy: depend)
    // mirrors that run's end. True when it changed.
    bool advanceBridge(const JobSpec &js, RunRecord &r, SimJob &job, JobTimes &t)
    {
        if (!t.actionDone) {
            t.actionDone = true;
            pendingTriggers.push_back({r.run.id, job.id, t.start});
            return true;
        }
        if (job.downstreamRunId == 0)
            return false; // spawnTriggered() creates it (or fails the job)
        const RunRecord *child = findRun(job.downstreamRunId);
        if (!js.triggerDepend || !child) {
            // Without depend the job is done once the pipeline exists (also when that run was
            // trimmed away since).
            finishJob(job, t, SimRunState::Success, t.start);
            return true;
        }
        if (!isFinal(child->run.state))
            return false;
        const SimRunState mirrored
            = child->run.state == SimRunState::Skipped ? SimRunState::Success : child->run.state;
        appendLog(job,
                  "Downstream pipeline " + std::to_string(child->run.id) + " "
                      + (mirrored == SimRunState::Success ? "passed" : "did not pass"),
                  wall(std::max(t.start, child->simFinished)));
        finishJob(job, t, mirrored, std::max(t.start, child->simFinished));
        return true;
    }

    // The pipeline a trigger job starts: the child pipeline (a `child` spec of the same source
    // whose file is the include) or the downstream project's main pipeline (its first
    // non-child spec of that provider). Null when there is none.
    Pipeline *triggerTarget(const PipelineSpec &spec, const JobSpec &js)
    {
        if (!js.triggerInclude.empty()) {
            const auto it = pipelines.find(spec.source + "/" + js.triggerInclude);
            return it == pipelines.end() ? nullptr : &it->second;
        }
        for (const std::string &key : order) {
            Pipeline &p = pipelines.at(key);
            if (p.spec.provider == spec.provider && p.spec.source == js.triggerProject
                && !p.spec.child)
                return &p;
        }
        return nullptr;
    }

    // Creates the downstream runs of the trigger jobs started since the last call (or fails
    // those jobs). True when there were any.
    bool spawnTriggered()
    {
        if (pendingTriggers.empty())
            return false;
        const std::vector<PendingTrigger> pending = std::move(pendingTriggers);
        pendingTriggers.clear();
        for (const PendingTrigger &pt : pending) {
            Pipeline *pp = nullptr;
            RunRecord *parent = findRun(pt.runId, &pp);
            if (!parent)
                continue;
            std::size_t index = 0;
            while (index < parent->run.jobs.size() && parent->run.jobs[index].id != pt.jobId)
                ++index;
            if (index == parent->run.jobs.size()
                || parent->run.jobs[index].state != SimRunState::Running)
                continue; // cancelled meanwhile
            const JobSpec &js = pp->spec.jobs[parent->specIndex[index]];
            Pipeline *target = triggerTarget(pp->spec, js);
            std::string reason;
            if (!target)
                reason = "downstream_bridge_project_not_found";
            else if (parent->run.depth >= PipelineEngine::MaxTriggerDepth)
                reason = "reached_max_descendant_pipelines_depth";
            if (!reason.empty()) {
                SimJob &job = parent->run.jobs[index];
                job.failureReason = reason;
                appendLog(job, "Downstream pipeline can not be created: " + reason, wall(pt.at));
                finishJob(job, parent->times[job.id], SimRunState::Failure, pt.at);
                continue;
            }
            // newRun may trim `target`'s runs (and `parent`'s, when a job triggers its own
            // pipeline's project): copy what the child takes, find the parent again after.
            const bool sameProject = target->spec.source == pp->spec.source;
            const std::string branch = parent->run.branch, sha = parent->run.sha,
                              message = parent->run.message, actor = parent->run.actor;
            const std::map<std::string, std::string> inputs = parent->run.inputs;
            const bool history = parent->history;
            const int depth = parent->run.depth + 1;
            RunRecord &child
                = newRun(*target, sameProject ? branch : target->spec.defaultBranch,
                         sameProject ? "parent_pipeline" : "pipeline", actor, inputs, pt.at);
            if (sameProject) {
                child.run.sha = sha; // a child pipeline runs on its parent's commit
                child.run.message = message;
            }
            child.run.parentRunId = pt.runId;
            child.run.parentJobId = pt.jobId;
            child.run.depth = depth;
            child.history = history;
            const long long childId = child.run.id;
            const std::string childKey = child.run.pipeline;
            if ((parent = findRun(pt.runId)))
                for (SimJob &job : parent->run.jobs)
                    if (job.id == pt.jobId) {
                        job.downstreamRunId = childId;
                        job.downstreamPipeline = childKey;
                        appendLog(job,
                                  "Downstream pipeline " + std::to_string(childId) + " created",
                                  wall(pt.at));
                    }
        }
        return true;
    }

    // Cancels a run that has not finished, and the downstream runs its trigger jobs started
    // (GitLab cancels a parent's child pipelines with it). `depth` bounds the walk.
    void cancelRun(RunRecord &r, TimePoint now, int depth = 0)
    {
        for (SimJob &j : r.run.jobs) {
            if (j.bridge && j.downstreamRunId != 0 && depth <= PipelineEngine::MaxTriggerDepth)
                if (RunRecord *child = findRun(j.downstreamRunId))
                    if (!isFinal(child->run.state))
                        cancelRun(*child, now, depth + 1);
            if (isFinal(j.state))
                continue;
            JobTimes &t = r.times[j.id];
            if (j.state == SimRunState::Running || j.state == SimRunState::Waiting)
                appendLog(j, "##[error]The operation was canceled.", wall(now));
            finishJob(j, t, SimRunState::Cancelled, now);
        }
        updateRunState(r, now);
    }

    void advanceAll()
    {
        const TimePoint now = clock.now();
        // Again while trigger jobs start runs or follow them (bounded: each pass creates
        // runs only one trigger level deeper).
        for (int pass = 0; pass < 2 * (PipelineEngine::MaxTriggerDepth + 2); ++pass) {
            bool changed = false;
            for (auto &[key, p] : pipelines)
                for (RunRecord &r : p.runs)
                    changed |= advanceRun(p, r, now);
            changed |= spawnTriggered();
            if (!changed)
                break;
        }
    }
};

PipelineEngine::PipelineEngine(SimClock &clock, ClusterAccess &clusters)
    : d(std::make_unique<Private>(clock, clusters))
{
}

PipelineEngine::~PipelineEngine()
{
    stopTicking();
}

void PipelineEngine::addPipeline(PipelineSpec spec)
{
    std::lock_guard lock(d->mutex);
    const std::string key = spec.source + "/" + spec.file;
    if (d->pipelines.count(key))
        return;
    d->order.push_back(key);
    Private::Pipeline &p = d->pipelines[key];
    p.spec = std::move(spec);
    d->generateHistory(p);
}

std::vector<PipelineSpec> PipelineEngine::pipelines(const std::string &provider) const
{
    std::lock_guard lock(d->mutex);
    std::vector<PipelineSpec> out;
    for (const std::string &key : d->order) {
        const PipelineSpec &s = d->pipelines.at(key).spec;
        if (provider.empty() || s.provider == provider)
            out.push_back(s);
    }
    return out;
}

std::vector<SimRun> PipelineEngine::runs(const std::string &pipelineKey) const
{
    std::lock_guard lock(d->mutex);
    d->advanceAll();
    std::vector<SimRun> out;
    const auto it = d->pipelines.find(pipelineKey);
    if (it == d->pipelines.end())
        return out;
    out.reserve(it->second.runs.size());
    for (const auto &r : it->second.runs)
        out.push_back(r.run);
    return out;
}

std::vector<SimRun> PipelineEngine::runSummaries(const std::string &pipelineKey) const
{
    std::lock_guard lock(d->mutex);
    d->advanceAll();
    std::vector<SimRun> out;
    const auto it = d->pipelines.find(pipelineKey);
    if (it == d->pipelines.end())
        return out;
    out.reserve(it->second.runs.size());
    for (const auto &r : it->second.runs) {
        out.push_back(SimRun());
        SimRun &s = out.back();
        s.id = r.run.id;
        s.number = r.run.number;
        s.attempt = r.run.attempt;
        s.pipeline = r.run.pipeline;
        s.branch = r.run.branch;
        s.sha = r.run.sha;
        s.message = r.run.message;
        s.event = r.run.event;
        s.actor = r.run.actor;
        s.inputs = r.run.inputs;
        s.state = r.run.state;
        s.createdAt = r.run.createdAt;
        s.updatedAt = r.run.updatedAt;
        s.startedAt = r.run.startedAt;
        s.finishedAt = r.run.finishedAt;
        s.images = r.run.images;
        s.parentRunId = r.run.parentRunId;
        s.parentJobId = r.run.parentJobId;
        s.depth = r.run.depth;
        s.jobs.reserve(r.run.jobs.size());
        for (const SimJob &j : r.run.jobs) {
            s.jobs.push_back(SimJob());
            SimJob &c = s.jobs.back();
            c.id = j.id;
            c.specId = j.specId;
            c.name = j.name;
            c.stage = j.stage;
            c.needs = j.needs;
            c.state = j.state;
            c.manual = j.manual;
            c.environment = j.environment;
            c.waitingApproval = j.waitingApproval;
            c.startedAt = j.startedAt;
            c.finishedAt = j.finishedAt;
            c.steps = j.steps;
            c.bridge = j.bridge;
            c.downstreamRunId = j.downstreamRunId;
            c.downstreamPipeline = j.downstreamPipeline;
            c.failureReason = j.failureReason;
        }
    }
    return out;
}

std::optional<SimRun> PipelineEngine::run(long long runId) const
{
    std::lock_guard lock(d->mutex);
    d->advanceAll();
    if (const Private::RunRecord *r = d->findRun(runId))
        return r->run;
    return std::nullopt;
}

std::optional<long long> PipelineEngine::trigger(const std::string &pipelineKey,
                                                 const std::string &branch,
                                                 const std::string &event, const std::string &actor,
                                                 const std::map<std::string, std::string> &inputs,
                                                 std::string *error)
{
    std::lock_guard lock(d->mutex);
    const auto it = d->pipelines.find(pipelineKey);
    if (it == d->pipelines.end()) {
        if (error)
            *error = "no pipeline " + pipelineKey;
        return std::nullopt;
    }
    if (it->second.spec.child) {
        if (error)
            *error = "a child pipeline is started by its parent's trigger job";
        return std::nullopt;
    }
    d->advanceAll();
    return d->newRun(it->second, branch, event, actor, inputs, d->clock.now()).run.id;
}

bool PipelineEngine::rerun(long long runId, bool failedOnly, std::string *error)
{
    std::lock_guard lock(d->mutex);
    d->advanceAll();
    Private::Pipeline *p = nullptr;
    Private::RunRecord *r = d->findRun(runId, &p);
    if (!r) {
        if (error)
            *error = "no run " + std::to_string(runId);
        return false;
    }
    if (!isFinal(r->run.state)) {
        if (error)
            *error = "the run is not finished";
        return false;
    }
    if (failedOnly && r->run.state == SimRunState::Success) {
        if (error)
            *error = "the run has no failed jobs";
        return false;
    }
    std::set<long long> seeds;
    for (const SimJob &j : r->run.jobs)
        if (!failedOnly || j.state != SimRunState::Success)
            seeds.insert(j.id);
    d->restart(*p, *r, seeds);
    return true;
}

bool PipelineEngine::rerunJob(long long runId, long long jobId, std::string *error)
{
    std::lock_guard lock(d->mutex);
    d->advanceAll();
    Private::Pipeline *p = nullptr;
    Private::RunRecord *r = d->findRun(runId, &p);
    if (!r) {
        if (error)
            *error = "no run " + std::to_string(runId);
        return false;
    }
    if (!isFinal(r->run.state)) {
        if (error)
            *error = "the run is not finished";
        return false;
    }
    const bool known = std::any_of(r->run.jobs.begin(), r->run.jobs.end(),
                                   [jobId](const SimJob &j) { return j.id == jobId; });
    if (!known) {
        if (error)
            *error = "no job " + std::to_string(jobId) + " in run " + std::to_string(runId);
        return false;
    }
    d->restart(*p, *r, {jobId});
    return true;
}

bool PipelineEngine::cancel(long long runId, std::string *error)
{
    std::lock_guard lock(d->mutex);
    d->advanceAll();
    Private::RunRecord *r = d->findRun(runId);
    if (!r) {
        if (error)
            *error = "no run " + std::to_string(runId);
        return false;
    }
    if (isFinal(r->run.state)) {
        if (error)
            *error = "the run is already finished";
        return false;
    }
    d->cancelRun(*r, d->clock.now());
    return true;
}

bool PipelineEngine::review(long long runId, long long jobId, bool approve,
                            const std::string &actor, std::string *error)
{
    std::lock_guard lock(d->mutex);
    d->advanceAll();
    Private::RunRecord *r = d->findRun(runId);
    if (!r) {
        if (error)
            *error = "no run " + std::to_string(runId);
        return false;
    }
    for (SimJob &j : r->run.jobs) {
        if (j.id != jobId)
            continue;
        if (j.state != SimRunState::Waiting) {
            if (error)
                *error = "job " + j.name + " is not waiting";
            return false;
        }
        const TimePoint now = d->clock.now();
        Private::JobTimes &t = r->times[j.id];
        const std::string who = actor.empty() ? "someone" : actor;
        if (approve) {
            Private::appendLog(j, (j.manual ? "Started by " : "Approved by ") + who, d->wall(now));
            d->startJob(j, t, now);
        } else {
            Private::appendLog(j, "Rejected by " + who, d->wall(now));
            d->finishJob(j, t, j.manual ? SimRunState::Cancelled : SimRunState::Failure, now);
        }
        d->advanceAll();
        return true;
    }
    if (error)
        *error = "no job " + std::to_string(jobId) + " in run " + std::to_string(runId);
    return false;
}

void PipelineEngine::advance()
{
    std::lock_guard lock(d->mutex);
    d->advanceAll();
}

void PipelineEngine::startTicking(std::chrono::milliseconds interval)
{
    std::lock_guard guard(d->tickMutex);
    if (d->ticker.joinable())
        return;
    d->stopTicker = false;
    d->ticker = std::thread([this, interval] {
        std::unique_lock lock(d->tickMutex);
        while (!d->stopTicker) {
            d->tickWake.wait_for(lock, interval, [this] { return d->stopTicker; });
            if (d->stopTicker)
                break;
            lock.unlock();
            advance();
            lock.lock();
        }
    });
}

void PipelineEngine::stopTicking()
{
    {
        std::lock_guard guard(d->tickMutex);
        d->stopTicker = true;
    }
    d->tickWake.notify_all();
    if (d->ticker.joinable())
        d->ticker.join();
}

std::string matrixJobName(const std::string &name, const std::string &value)
{
    if (value.empty())
        return name;
    std::string out;
    bool expanded = false;
    std::size_t pos = 0;
    while (pos < name.size()) {
        if (name.compare(pos, 9, "${matrix}") == 0) {
            out += value;
            pos += 9;
            expanded = true;
            continue;
        }
        if (name.compare(pos, 3, "${{") == 0) {
            const std::size_t end = name.find("}}", pos + 3);
            if (end != std::string::npos) {
                std::string expr = name.substr(pos + 3, end - pos - 3);
                const std::size_t first = expr.find_first_not_of(' ');
                expr = first == std::string::npos ? std::string() : expr.substr(first);
                if (expr.compare(0, 7, "matrix.") == 0) {
                    out += value;
                    pos = end + 2;
                    expanded = true;
                    continue;
                }
            }
        }
        out += name[pos++];
    }
    return expanded ? out : name + " (" + value + ")";
}

} // namespace Orrery::Sim
