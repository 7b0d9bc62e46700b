// SPDX-License-Identifier: GPL-3.0-or-later
#include "flyservice.h"

#include "flygraphql.h"
#include "registry/registries.h"
#include "scenario.h"
#include "simclock.h"

#include <httplib.h>
#include <openssl/evp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <map>
#include <optional>
#include <set>

using json = nlohmann::json;

namespace Orrery::Sim {

namespace {

using Clock = std::chrono::system_clock;
constexpr auto StepDuration = std::chrono::milliseconds(1500);
constexpr std::size_t MaxEvents = 20;
constexpr std::size_t MaxMachinesPerApp = 200;

std::string sha256Hex(const std::string &text)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
    static const char *hex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

long long millis(Clock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

// Fly's machine names: two words and a number, stable for a given seed.
std::string machineName(const std::string &seed)
{
    static const char *first[] = {"white", "still", "small", "late",    "bold", "quiet",
                                  "young", "dawn",  "wild",  "patient", "old",  "crimson"};
    static const char *second[] = {"sun",  "wave",  "feather", "river",  "field", "star",
                                   "pine", "frost", "meadow",  "shadow", "cloud", "leaf"};
    const std::string h = sha256Hex(seed);
    const auto pick = [&](std::size_t at, std::size_t n) {
        return static_cast<std::size_t>(std::stoul(h.substr(at, 4), nullptr, 16)) % n;
    };
    return std::string(first[pick(0, 12)]) + '-' + second[pick(4, 12)] + '-'
           + std::to_string(1000 + pick(8, 9000));
}

json imageRef(const std::string &image, const json &labels = json::object())
{
    // registry/repository:tag (Docker Hub when the first part is not a host).
    std::string rest = image;
    std::string digest;
    if (const auto at = rest.find('@'); at != std::string::npos) {
        digest = rest.substr(at + 1);
        rest.erase(at);
    }
    std::string registry = "docker.io";
    const auto slash = rest.find('/');
    if (slash != std::string::npos
        && (rest.find('.') < slash || rest.find(':') < slash
            || rest.substr(0, slash) == "localhost")) {
        registry = rest.substr(0, slash);
        rest.erase(0, slash + 1);
    }
    std::string tag = "latest";
    if (const auto colon = rest.rfind(':'); colon != std::string::npos) {
        tag = rest.substr(colon + 1);
        rest.erase(colon);
    }
    if (digest.empty())
        digest = "sha256:" + sha256Hex(image);
    return {{"registry", registry},
            {"repository", rest},
            {"tag", tag},
            {"digest", digest},
            {"labels", labels.is_object() ? labels : json::object()}};
}

std::vector<std::string> split(const std::string &path)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = path.find('/', start);
        const std::string part = path.substr(start, end == std::string::npos ? end : end - start);
        if (!part.empty())
            parts.push_back(part);
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return parts;
}

void reply(httplib::Response &res, int status, const json &body)
{
    res.status = status;
    res.set_content(body.dump(), "application/json; charset=utf-8");
}

void error(httplib::Response &res, int status, const std::string &message)
{
    reply(res, status, {{"error", message}});
}

} // namespace

struct FlyService::Private
{
    struct Release
    {
        std::string id;
        int version = 0;
        std::string status;
        std::string description;
        std::string reason;
        std::string image;
        std::string user;
        std::string createdAt;
        bool crashing = false;
    };
    struct Lease
    {
        std::string nonce;
        std::string owner;
        std::string description;
        Clock::time_point expires;
    };
    struct Machine
    {
        std::string id;
        std::string name;
        std::string region;
        std::string state;
        std::string instanceId;
        std::string privateIp;
        Clock::time_point createdAt;
        Clock::time_point updatedAt;
        json config;
        std::deque<json> events; // newest first
        // States still to come, each at its time (a start: starting, then started).
        std::deque<std::pair<std::string, Clock::time_point>> pending;
        std::optional<Lease> lease;
        int instances = 0;
    };
    struct App
    {
        std::string id;
        std::string name;
        std::string org;
        std::string hostname;
        std::vector<std::string> secrets;
        std::string secretsCreatedAt;
        std::vector<Release> releases; // oldest first
        std::vector<Machine> machines;
        std::set<std::string> crashingImages;
        std::map<std::string, json> imageLabels; // image → its OCI labels (deployed by CI)
    };
    struct Org
    {
        std::string id;
        std::string slug;
        std::string name;
        std::string type;
    };

    SimClock &clock;
    ClusterAccess &clusters;
    mutable std::mutex mutex;
    std::set<std::string> tokens;
    json viewer = json::object();
    std::vector<Org> orgs;
    std::vector<App> apps;
    unsigned counter = 0;

    Private(SimClock &c, ClusterAccess &a)
        : clock(c)
        , clusters(a)
    {
    }

    void load()
    {
        for (const std::string &cluster : clusters.clusterNames()) {
            const std::string scenario = clusters.scenarioOf(cluster);
            if (scenario.empty() || scenario == "minimal")
                continue;
            json header;
            try {
                header = scenarioHeader(scenario);
            } catch (const std::exception &) {
                continue;
            }
            const json fly = header.value("cloud", json::object()).value("fly", json());
            if (fly.is_object())
                loadAccount(fly);
        }
    }

    static std::string str(const json &j, const char *key, const std::string &fallback = {})
    {
        const auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
    }

    std::string newId(const std::string &seed)
    {
        return sha256Hex(seed + std::to_string(counter++)).substr(0, 14);
    }

    std::string privateIp(const std::string &seed) const
    {
        const std::string h = sha256Hex(seed);
        return "fdaa:0:" + h.substr(0, 4) + ":a7b:" + h.substr(4, 3) + ":" + h.substr(7, 4) + ":"
               + h.substr(11, 4) + ":2";
    }

    void loadAccount(const json &fly)
    {
        for (const json &t : fly.value("tokens", json::array()))
            if (t.is_string())
                tokens.insert(t.get<std::string>());
        const json user = fly.value("viewer", json::object());
        viewer = {{"__typename", "User"},
                  {"id", "U" + sha256Hex(str(user, "email")).substr(0, 10)},
                  {"email", str(user, "email", "user@example.com")},
                  {"name", str(user, "name", "Fly User")}};
        for (const json &o : fly.value("organizations", json::array())) {
            Org org{"O" + sha256Hex(str(o, "slug")).substr(0, 10), str(o, "slug"),
                    str(o, "name", str(o, "slug")), str(o, "type", "SHARED")};
            if (!org.slug.empty())
                orgs.push_back(org);
        }
        const auto now = clock.now();
        for (const json &a : fly.value("apps", json::array())) {
            App app;
            app.name = str(a, "name");
            if (app.name.empty())
                continue;
            app.id = app.name;
            app.org = str(a, "org", orgs.empty() ? "personal" : orgs.front().slug);
            app.hostname = str(a, "hostname", app.name + ".fly.dev");
            app.secretsCreatedAt = str(a, "secretsCreatedAt", "2026-09-01T10:00:00Z");
            for (const json &s : a.value("secrets", json::array()))
                if (s.is_string())
                    app.secrets.push_back(s.get<std::string>());
            for (const json &r : a.value("releases", json::array())) {
                Release rel;
                rel.version = r.value("version", 0);
                rel.id = "rel_" + sha256Hex(app.name + std::to_string(rel.version)).substr(0, 16);
                rel.image = str(r, "image");
                rel.status = str(r, "status", "complete");
                rel.description = str(r, "description", "Deploy image");
                rel.reason = str(r, "reason", "deploy");
                rel.user = str(r, "user", viewer.value("email", ""));
                rel.createdAt = str(r, "createdAt", "2026-12-01T09:00:00Z");
                rel.crashing = r.value("crashing", false);
                if (rel.crashing)
                    app.crashingImages.insert(rel.image);
                app.releases.push_back(rel);
            }
            for (const json &g : a.value("processGroups", json::array())) {
                const std::string group = str(g, "name", "app");
                json config
                    = {{"init", json::object()},
                       {"guest",
                        g.value("guest",
                                json{{"cpu_kind", "shared"}, {"cpus", 1}, {"memory_mb", 256}})},
                       {"restart", {{"policy", "on-failure"}, {"max_retries", 10}}},
                       {"env", {{"PRIMARY_REGION", str(a, "primaryRegion", "cdg")}}}};
                if (g.contains("port")) {
                    const int port = g.value("port", 8080);
                    json check = {{"type", "http"},      {"port", port},
                                  {"method", "GET"},     {"path", str(g, "checkPath", "/healthz")},
                                  {"interval", "15s"},   {"timeout", "2s"},
                                  {"grace_period", "5s"}};
                    config["services"] = json::array(
                        {{{"protocol", "tcp"},
                          {"internal_port", port},
                          {"autostart", true},
                          {"autostop", false},
                          {"min_machines_running", 1},
                          {"ports",
                           json::array(
                               {{{"port", 80}, {"handlers", {"http"}}, {"force_https", true}},
                                {{"port", 443}, {"handlers", {"tls", "http"}}}})},
                          {"checks", json::array({check})}}});
                }
                if (g.contains("metadata") && g["metadata"].is_object())
                    config["metadata"] = g["metadata"];
                int index = 0;
                for (const json &m : g.value("machines", json::array())) {
                    const int version = m.value(
                        "release", app.releases.empty() ? 0 : app.releases.back().version);
                    const Release *rel = releaseByVersion(app, version);
                    Machine machine;
                    const std::string seed = app.name + '/' + group + '/' + std::to_string(index++);
                    machine.id = sha256Hex(seed).substr(0, 14);
                    machine.name = machineName(seed);
                    machine.region = str(m, "region", str(a, "primaryRegion", "cdg"));
                    machine.state = str(m, "state", "started");
                    machine.instanceId = "01J" + sha256Hex(seed + "i").substr(0, 23);
                    machine.privateIp = privateIp(seed);
                    machine.createdAt = now - std::chrono::hours(24 * 30);
                    machine.updatedAt
                        = now - std::chrono::minutes(m.value("updatedMinutesAgo", 40));
                    machine.config = config;
                    machine.config["image"] = rel ? rel->image : str(m, "image");
                    json &meta = machine.config["metadata"];
                    if (!meta.is_object())
                        meta = json::object();
                    meta["fly_platform_version"] = "v2";
                    meta["fly_process_group"] = group;
                    if (rel) {
                        meta["fly_release_id"] = rel->id;
                        meta["fly_release_version"] = std::to_string(rel->version);
                    }
                    meta["fly_flyctl_version"] = "0.3.45";
                    event(machine, "launch", "created", "user", machine.createdAt);
                    event(machine, "start", "started", "flyd", machine.createdAt);
                    if (rel && rel->crashing && machine.state == "started")
                        for (int i = 0; i < 3; ++i)
                            exitEvent(machine, now - std::chrono::minutes(3 - i));
                    if (machine.state == "stopped")
                        event(machine, "stop", "stopped", "user", machine.updatedAt);
                    app.machines.push_back(std::move(machine));
                }
            }
            apps.push_back(std::move(app));
        }
    }

    static const Release *releaseByVersion(const App &app, int version)
    {
        for (const Release &r : app.releases)
            if (r.version == version)
                return &r;
        return nullptr;
    }

    static void event(Machine &m, const std::string &type, const std::string &status,
                      const std::string &source, Clock::time_point at,
                      json request = json::object())
    {
        m.events.push_front({{"id", "01J"
                                        + sha256Hex(m.id + type + std::to_string(millis(at))
                                                    + std::to_string(m.events.size()))
                                              .substr(0, 23)},
                             {"type", type},
                             {"status", status},
                             {"source", source},
                             {"timestamp", millis(at)},
                             {"request", std::move(request)}});
        while (m.events.size() > MaxEvents)
            m.events.pop_back();
    }

    static void exitEvent(Machine &m, Clock::time_point at)
    {
        event(m, "exit", "stopped", "flyd", at,
              {{"exit_event",
                {{"exit_code", 1},
                 {"oom_killed", false},
                 {"requested_stop", false},
                 {"restarting", true}}},
               {"restart_count", 1}});
        event(m, "start", "started", "flyd", at + std::chrono::seconds(1));
    }

    // Applies the state changes whose time has come.
    void settle(Machine &m)
    {
        const auto now = clock.now();
        while (!m.pending.empty() && m.pending.front().second <= now) {
            const auto [state, at] = m.pending.front();
            m.pending.pop_front();
            m.state = state;
            m.updatedAt = at;
            if (state == "started" || state == "stopped" || state == "destroyed")
                event(m,
                      state == "started"   ? "start"
                      : state == "stopped" ? "stop"
                                           : "destroy",
                      state, "flyd", at);
        }
    }

    void schedule(Machine &m, std::initializer_list<const char *> states)
    {
        m.pending.clear();
        auto at = clock.now();
        bool first = true;
        for (const char *s : states) {
            if (first) {
                m.state = s;
                m.updatedAt = at;
                first = false;
                continue;
            }
            at += StepDuration;
            m.pending.emplace_back(s, at);
        }
    }

    bool crashing(const App &app, const Machine &m) const
    {
        return app.crashingImages.count(m.config.value("image", std::string()));
    }

    json checksOf(const App &app, const Machine &m) const
    {
        json out = json::array();
        if (m.state != "started")
            return out;
        const bool bad = crashing(app, m);
        int index = 0;
        for (const json &service : m.config.value("services", json::array())) {
            for (const json &check : service.value("checks", json::array())) {
                const int port = check.value("port", service.value("internal_port", 0));
                const std::string url = "http://[" + m.privateIp + "]:" + std::to_string(port)
                                        + check.value("path", std::string("/"));
                char name[64];
                std::snprintf(name, sizeof name, "servicecheck-%02d-%s-%d", index++,
                              check.value("type", std::string("http")).c_str(), port);
                out.push_back(
                    {{"name", name},
                     {"status", bad ? "critical" : "passing"},
                     {"output", bad ? "GET " + url + ": dial tcp [" + m.privateIp + "]:"
                                          + std::to_string(port) + ": connect: connection refused"
                                    : "GET " + url + ": 200 OK Output: \"ok\""},
                     {"updated_at", formatTimestamp(clock.now())}});
            }
        }
        return out;
    }

    static json imageRefOf(const App &app, const std::string &image)
    {
        const auto labels = app.imageLabels.find(image);
        return imageRef(image, labels == app.imageLabels.end() ? json::object() : labels->second);
    }

    json machineJson(const App &app, const Machine &m) const
    {
        json events = json::array();
        for (const json &e : m.events)
            events.push_back(e);
        return {{"id", m.id},
                {"name", m.name},
                {"state", m.state},
                {"region", m.region},
                {"image_ref", imageRefOf(app, m.config.value("image", std::string()))},
                {"instance_id", m.instanceId},
                {"private_ip", m.privateIp},
                {"created_at", formatTimestamp(m.createdAt)},
                {"updated_at", formatTimestamp(m.updatedAt)},
                {"config", m.config},
                {"events", events},
                {"checks", checksOf(app, m)}};
    }

    App *findApp(const std::string &name)
    {
        for (App &a : apps)
            if (a.name == name)
                return &a;
        return nullptr;
    }

    static Machine *findMachine(App &app, const std::string &id)
    {
        for (Machine &m : app.machines)
            if (m.id == id && m.state != "destroyed")
                return &m;
        return nullptr;
    }

    std::string appStatus(App &app)
    {
        bool any = false;
        for (Machine &m : app.machines) {
            settle(m);
            if (m.state == "destroyed")
                continue;
            if (m.state == "started" || m.state == "starting" || m.state == "replacing")
                return "deployed";
            any = true;
        }
        return any ? "suspended" : "pending";
    }

    // The caller's token, or empty when it is missing or unknown.
    std::string authenticate(const httplib::Request &req) const
    {
        std::string auth = req.get_header_value("Authorization");
        // Fly's docs send a macaroon token as it is printed ("FlyV1 fm2_...") after Bearer.
        if (auth.rfind("Bearer FlyV1 ", 0) == 0)
            auth.erase(0, 7);
        for (const char *scheme : {"Bearer ", "FlyV1 "}) {
            const std::string s(scheme);
            if (auth.rfind(s, 0) == 0) {
                std::string token = auth.substr(s.size());
                while (!token.empty() && token.back() == ' ')
                    token.pop_back();
                if (tokens.count(token))
                    return token;
            }
        }
        return {};
    }

    // ---- Machines API --------------------------------------------------------------------

    void machines(const httplib::Request &req, httplib::Response &res,
                  const std::vector<std::string> &parts)
    {
        // parts: v1 apps [app [machines [id [action]]]]
        if (parts.size() == 2) {
            if (req.method != "GET")
                return error(res, 405, "method not allowed");
            const std::string org = req.get_param_value("org_slug");
            json list = json::array();
            for (App &a : apps) {
                if (!org.empty() && a.org != org)
                    continue;
                int count = 0;
                for (Machine &m : a.machines)
                    if (settle(m), m.state != "destroyed")
                        ++count;
                list.push_back({{"name", a.name}, {"machine_count", count}});
            }
            return reply(res, 200, {{"total_apps", static_cast<int>(list.size())}, {"apps", list}});
        }
        App *app = findApp(parts[2]);
        if (!app)
            return error(res, 404, "app not found");
        if (parts.size() == 3) {
            if (req.method != "GET")
                return error(res, 405, "method not allowed");
            std::string orgName = app->org;
            for (const Org &o : orgs)
                if (o.slug == app->org)
                    orgName = o.name;
            return reply(res, 200,
                         {{"name", app->name},
                          {"status", appStatus(*app)},
                          {"organization", {{"name", orgName}, {"slug", app->org}}}});
        }
        if (parts[3] != "machines")
            return error(res, 404, "not found");
        if (parts.size() == 4) {
            if (req.method == "GET") {
                const bool deleted = req.get_param_value("include_deleted") == "true";
                const std::string region = req.get_param_value("region");
                json list = json::array();
                for (Machine &m : app->machines) {
                    settle(m);
                    if ((m.state == "destroyed" && !deleted)
                        || (!region.empty() && m.region != region))
                        continue;
                    list.push_back(machineJson(*app, m));
                }
                return reply(res, 200, list);
            }
            if (req.method == "POST")
                return createMachine(req, res, *app);
            return error(res, 405, "method not allowed");
        }
        Machine *m = findMachine(*app, parts[4]);
        if (!m)
            return error(res, 404, "machine not found");
        settle(*m);
        const std::string action = parts.size() > 5 ? parts[5] : std::string();
        if (action == "lease")
            return lease(req, res, *m);
        if (action == "events" && req.method == "GET") {
            json events = json::array();
            for (const json &e : m->events)
                events.push_back(e);
            return reply(res, 200, events);
        }
        if (action.empty() && req.method == "GET")
            return reply(res, 200, machineJson(*app, *m));
        if (!leaseAllows(req, res, *m))
            return;
        if (action.empty() && req.method == "POST")
            return updateMachine(req, res, *app, *m);
        if (action.empty() && req.method == "DELETE") {
            const bool force
                = req.get_param_value("force") == "true" || req.get_param_value("kill") == "true";
            if (!force && m->state != "stopped" && m->state != "created" && m->state != "suspended")
                return error(res, 412,
                             "failed_precondition: unable to destroy machine, not currently "
                             "stopped, suspended, or failed (state: "
                                 + m->state + ")");
            event(*m, "destroy", "destroying", "user", clock.now());
            schedule(*m, {"destroying", "destroyed"});
            return reply(res, 200, {{"ok", true}});
        }
        if (req.method != "POST" || parts.size() != 6)
            return error(res, 404, "not found");
        if (action == "start") {
            if (m->state == "started" || m->state == "starting")
                return error(res, 412,
                             "unable to start machine from current state: '" + m->state + "'");
            const std::string previous = m->state;
            event(*m, "start", "starting", "user", clock.now());
            schedule(*m, {"starting", "started"});
            return reply(res, 200,
                         {{"previous_state", previous}, {"migrated", false}, {"new_host", ""}});
        }
        if (action == "stop") {
            if (m->state != "stopped") {
                event(*m, "stop", "stopping", "user", clock.now());
                schedule(*m, {"stopping", "stopped"});
            }
            return reply(res, 200, {{"ok", true}});
        }
        if (action == "restart") {
            if (m->state != "started")
                return error(res, 412,
                             "unable to restart machine, not currently started (state: " + m->state
                                 + ")");
            event(*m, "restart", "stopping", "user", clock.now());
            schedule(*m, {"stopping", "starting", "started"});
            return reply(res, 200, {{"ok", true}});
        }
        return error(res, 404, "not found");
    }

    static bool parseBody(const httplib::Request &req, httplib::Response &res, json *out)
    {
        *out = json::parse(req.body, nullptr, false);
        if (out->is_discarded() || !out->is_object()) {
            error(res, 400, "invalid JSON body");
            return false;
        }
        return true;
    }

    void createMachine(const httplib::Request &req, httplib::Response &res, App &app)
    {
        json body;
        if (!parseBody(req, res, &body))
            return;
        const json config = body.value("config", json::object());
        if (!config.is_object() || !config.contains("image") || !config["image"].is_string()
            || config["image"].get<std::string>().empty())
            return error(res, 400, "invalid config.image, \"\"");
        std::size_t live = 0;
        for (Machine &m : app.machines)
            live += m.state != "destroyed";
        if (live >= MaxMachinesPerApp)
            return error(res, 422, "too many machines for this app");
        Machine m;
        m.id = newId(app.name);
        m.name = body.value("name", std::string());
        if (m.name.empty())
            m.name = machineName(m.id);
        m.region = body.value("region", std::string());
        if (m.region.empty())
            m.region = config.value("env", json::object()).value("PRIMARY_REGION", "cdg");
        m.instanceId = "01J" + sha256Hex(m.id + "i").substr(0, 23);
        m.privateIp = privateIp(m.id);
        m.createdAt = m.updatedAt = clock.now();
        m.config = config;
        event(m, "launch", "created", "user", m.createdAt, body);
        if (body.value("skip_launch", false))
            m.state = "created";
        else
            schedule(m, {"created", "starting", "started"});
        if (crashing(app, m))
            exitEvent(m, m.createdAt + 2 * StepDuration);
        app.machines.push_back(m);
        reply(res, 200, machineJson(app, app.machines.back()));
    }

    void updateMachine(const httplib::Request &req, httplib::Response &res, App &app, Machine &m)
    {
        json body;
        if (!parseBody(req, res, &body))
            return;
        const json config = body.value("config", json());
        if (!config.is_object())
            return error(res, 400, "invalid config: missing");
        if (!config.contains("image") || !config["image"].is_string()
            || config["image"].get<std::string>().empty())
            return error(res, 400, "invalid config.image, \"\"");
        if (const std::string region = body.value("region", std::string());
            !region.empty() && region != m.region)
            return error(res, 400, "region can't be changed on update");
        m.config = config;
        m.instanceId = "01J" + sha256Hex(m.id + std::to_string(++m.instances)).substr(0, 23);
        event(m, "update", "replacing", "user", clock.now(),
              {{"config", {{"image", config["image"]}}}});
        if (body.value("skip_launch", false) || m.state == "stopped")
            schedule(m, {"replacing", "stopped"});
        else
            schedule(m, {"replacing", "starting", "started"});
        if (crashing(app, m))
            exitEvent(m, clock.now() + 3 * StepDuration);
        reply(res, 200, machineJson(app, m));
    }

    bool leaseAllows(const httplib::Request &req, httplib::Response &res, Machine &m)
    {
        if (!m.lease || m.lease->expires <= clock.now()) {
            m.lease.reset();
            return true;
        }
        if (req.get_header_value("fly-machine-lease-nonce") == m.lease->nonce)
            return true;
        error(res, 409,
              "machine ID " + m.id + " lease currently held by " + m.lease->owner + ", expires at "
                  + formatTimestamp(m.lease->expires));
        return false;
    }

    json leaseJson(const Lease &l) const
    {
        return {{"nonce", l.nonce},
                {"expires_at",
                 std::chrono::duration_cast<std::chrono::seconds>(l.expires.time_since_epoch())
                     .count()},
                {"owner", l.owner},
                {"description", l.description}};
    }

    void lease(const httplib::Request &req, httplib::Response &res, Machine &m)
    {
        if (m.lease && m.lease->expires <= clock.now())
            m.lease.reset();
        if (req.method == "GET") {
            if (!m.lease)
                return error(res, 404, "lease not found");
            return reply(res, 200, leaseJson(*m.lease));
        }
        if (req.method == "DELETE") {
            if (m.lease && req.get_header_value("fly-machine-lease-nonce") != m.lease->nonce)
                return error(res, 409, "lease nonce does not match");
            m.lease.reset();
            return reply(res, 200, {{"ok", true}});
        }
        if (req.method != "POST")
            return error(res, 405, "method not allowed");
        json body;
        if (!parseBody(req, res, &body))
            return;
        if (m.lease)
            return error(res, 409,
                         "machine ID " + m.id + " lease currently held by " + m.lease->owner
                             + ", expires at " + formatTimestamp(m.lease->expires));
        const long long ttl = std::clamp<long long>(body.value("ttl", 30LL), 1, 3600);
        Lease l;
        l.nonce = sha256Hex(m.id + std::to_string(counter++)).substr(0, 12);
        l.owner = viewer.value("email", std::string("user"));
        l.description = body.value("description", std::string());
        l.expires = clock.now() + std::chrono::seconds(ttl);
        m.lease = l;
        reply(res, 200, leaseJson(l));
    }

    // ---- deploys from pipelines (PlatformDeploys) ------------------------------------------

    // The image's process exits at start: a release the scenario marks crashing, or an image a
    // pipeline pushed as crashing to a simulated cluster's registry.
    bool imageCrashes(const App &app, const std::string &image) const
    {
        return app.crashingImages.count(image) || clusters.imageCrashesInRegistries(image);
    }

    // A new release of `image` rolled onto every machine of the app.
    PlatformResult release(App &app, const std::string &image, const std::string &user,
                           const std::string &description, const std::string &reason)
    {
        const auto now = clock.now();
        Release rel;
        rel.version = app.releases.empty() ? 1 : app.releases.back().version + 1;
        rel.id
            = "rel_" + sha256Hex(app.name + std::to_string(rel.version) + "deploy").substr(0, 16);
        rel.image = image;
        rel.status = "complete";
        rel.description = description;
        rel.reason = reason;
        rel.user = user.empty() ? viewer.value("email", std::string()) : user;
        rel.createdAt = formatTimestamp(now);
        rel.crashing = imageCrashes(app, image);
        if (rel.crashing)
            app.crashingImages.insert(image);
        app.releases.push_back(rel);
        int updated = 0;
        for (Machine &m : app.machines) {
            settle(m);
            if (m.state == "destroyed")
                continue;
            m.config["image"] = image;
            json &meta = m.config["metadata"];
            if (!meta.is_object())
                meta = json::object();
            meta["fly_release_id"] = rel.id;
            meta["fly_release_version"] = std::to_string(rel.version);
            m.instanceId = "01J" + sha256Hex(m.id + std::to_string(++m.instances)).substr(0, 23);
            event(m, "update", "replacing", "user", now, {{"config", {{"image", image}}}});
            if (m.state == "stopped" || m.state == "created")
                schedule(m, {"replacing", "stopped"});
            else {
                schedule(m, {"replacing", "starting", "started"});
                if (rel.crashing)
                    exitEvent(m, now + 3 * StepDuration);
            }
            ++updated;
        }
        std::string out = "==> Release v" + std::to_string(rel.version) + " created\n";
        out += "Updating " + std::to_string(updated) + " machine(s) of " + app.name + " to image "
               + image + "\n";
        out += "Visit your newly deployed app at https://" + app.hostname + "/";
        return {true, out};
    }

    // ---- GraphQL -------------------------------------------------------------------------

    json releaseJson(const Release &r) const
    {
        return {{"__typename", "Release"},
                {"id", r.id},
                {"version", r.version},
                {"status", r.status},
                {"description", r.description},
                {"reason", r.reason},
                {"imageRef", r.image},
                {"stable", r.status == "complete" && !r.crashing},
                {"inProgress", false},
                {"createdAt", r.createdAt},
                {"user", {{"__typename", "User"}, {"email", r.user}, {"name", r.user}}}};
    }

    json appGraph(App &app)
    {
        json releases = json::array();
        for (auto it = app.releases.rbegin(); it != app.releases.rend(); ++it)
            releases.push_back(releaseJson(*it));
        json secrets = json::array();
        for (const std::string &s : app.secrets)
            secrets.push_back({{"__typename", "Secret"},
                               {"name", s},
                               {"digest", sha256Hex(app.name + s).substr(0, 16)},
                               {"createdAt", app.secretsCreatedAt}});
        json org = {{"__typename", "Organization"}, {"slug", app.org}, {"name", app.org}};
        for (const Org &o : orgs)
            if (o.slug == app.org)
                org = {{"__typename", "Organization"},
                       {"id", o.id},
                       {"slug", o.slug},
                       {"name", o.name},
                       {"type", o.type}};
        const json connection = {{"__typename", "ReleaseConnection"},
                                 {"totalCount", static_cast<int>(releases.size())},
                                 {"nodes", releases}};
        const std::string status = appStatus(app);
        return {{"__typename", "App"},
                {"id", app.id},
                {"name", app.name},
                {"status", status},
                {"deployed", status == "deployed"},
                {"hostname", app.hostname},
                {"appUrl", "https://" + app.hostname},
                {"platformVersion", "machines"},
                {"organization", org},
                {"secrets", secrets},
                {"currentRelease", releases.empty() ? json() : releases.front()},
                {"releasesUnprocessed", connection},
                {"releases", connection}};
    }

    void graphql(const httplib::Request &req, httplib::Response &res)
    {
        if (req.method != "POST")
            return error(res, 405, "method not allowed");
        const auto gqlError
            = [&](int status, const std::string &message, const std::string &code = {}) {
                  json e = {{"message", message}};
                  if (!code.empty())
                      e["extensions"] = {{"code", code}};
                  reply(res, status, {{"errors", json::array({e})}});
              };
        const json body = json::parse(req.body, nullptr, false);
        if (body.is_discarded() || !body.is_object() || !body.contains("query")
            || !body["query"].is_string())
            return gqlError(400, "No query string was present");
        FlyGraphQL::Document doc;
        std::string problem;
        if (!FlyGraphQL::parse(body["query"].get<std::string>(),
                               body.value("variables", json::object()), &doc, &problem))
            return gqlError(200, problem);
        if (doc.operation != "query")
            return gqlError(200, "Mutations are not supported by the simulated Fly.io API");
        json data = json::object();
        json errors = json::array();
        for (const FlyGraphQL::Field &f : doc.selection) {
            json value;
            if (f.name == "viewer" || f.name == "currentUser") {
                value = viewer;
            } else if (f.name == "organizations") {
                json nodes = json::array();
                for (const Org &o : orgs)
                    nodes.push_back({{"__typename", "Organization"},
                                     {"id", o.id},
                                     {"slug", o.slug},
                                     {"rawSlug", o.slug},
                                     {"name", o.name},
                                     {"type", o.type}});
                value = {{"__typename", "OrganizationConnection"},
                         {"totalCount", static_cast<int>(nodes.size())},
                         {"nodes", nodes}};
            } else if (f.name == "app") {
                const auto name = f.args.find("name");
                App *app = name != f.args.end() && name->second.is_string()
                               ? findApp(name->second.get<std::string>())
                               : nullptr;
                if (!app) {
                    data[f.alias] = nullptr;
                    errors.push_back({{"message", "Could not find App"},
                                      {"path", json::array({f.alias})},
                                      {"extensions", {{"code", "NOT_FOUND"}}}});
                    continue;
                }
                value = appGraph(*app);
            } else {
                return gqlError(200, "Field '" + f.name + "' doesn't exist on type 'Query'");
            }
            json projected;
            if (!FlyGraphQL::project(value, f.selection, &projected, &problem))
                return gqlError(200, problem);
            data[f.alias] = std::move(projected);
        }
        json out = {{"data", data}};
        if (!errors.empty())
            out["errors"] = errors;
        reply(res, 200, out);
    }
};

FlyService::FlyService(SimClock &clock, ClusterAccess &clusters)
    : d(std::make_unique<Private>(clock, clusters))
{
    d->load();
}

FlyService::~FlyService() = default;

PlatformResult FlyService::deploy(const PlatformDeploy &deploy)
{
    const std::lock_guard lock(d->mutex);
    Private::App *app = d->findApp(deploy.target);
    if (!app)
        return {false, "Error: app " + deploy.target + " not found"};
    if (deploy.image.empty())
        return {false, "Error: no image to deploy"};
    json labels = json::object();
    if (!deploy.revision.empty())
        labels["org.opencontainers.image.revision"] = deploy.revision;
    if (!deploy.repository.empty())
        labels["org.opencontainers.image.source"] = "https://github.com/" + deploy.repository;
    if (!labels.empty())
        app->imageLabels[deploy.image] = labels;
    return d->release(*app, deploy.image, deploy.actor, "Deploy image", "deploy");
}

PlatformResult FlyService::rollback(const std::string &target, const std::string &actor)
{
    const std::lock_guard lock(d->mutex);
    Private::App *app = d->findApp(target);
    if (!app)
        return {false, "Error: app " + target + " not found"};
    if (app->releases.empty())
        return {false, "Error: app " + target + " has no release to roll back from"};
    const std::string current = app->releases.back().image;
    for (auto it = app->releases.rbegin() + 1; it != app->releases.rend(); ++it) {
        if (it->status == "failed" || it->crashing || it->image == current
            || d->imageCrashes(*app, it->image))
            continue;
        const int version = it->version;
        const std::string image = it->image;
        PlatformResult r = d->release(
            *app, image, actor, "Rollback to v" + std::to_string(version) + " image", "rollback");
        r.message = "Rolling back " + target + " to v" + std::to_string(version) + " (" + image
                    + ")\n" + r.message;
        return r;
    }
    return {false, "Error: " + target + " has no earlier healthy release to deploy again"};
}

PlatformResult FlyService::health(const std::string &target)
{
    const std::lock_guard lock(d->mutex);
    Private::App *app = d->findApp(target);
    if (!app)
        return {false, "Error: app " + target + " not found"};
    if (app->releases.empty())
        return {true, target + ": no release"};
    const Private::Release &current = app->releases.back();
    int critical = 0, machines = 0;
    for (Private::Machine &m : app->machines) {
        d->settle(m);
        if (m.state == "destroyed")
            continue;
        ++machines;
        for (const json &c : d->checksOf(*app, m))
            critical += c.value("status", std::string()) == "critical";
    }
    if (current.crashing || d->imageCrashes(*app, current.image))
        return {false,
                target + " v" + std::to_string(current.version) + " (" + current.image
                    + "): the process exits at start"
                    + (critical > 0 ? "; " + std::to_string(critical) + " health check(s) critical"
                                    : std::string())
                    + "\nError: release v" + std::to_string(current.version) + " is unhealthy"};
    return {true, target + " v" + std::to_string(current.version) + " (" + current.image
                      + "): " + std::to_string(machines) + " machine(s), checks passing"};
}

void FlyService::handle(const httplib::Request &req, httplib::Response &res)
{
    const std::lock_guard lock(d->mutex);
    const std::vector<std::string> parts = split(req.path.substr(4)); // after "/fly"
    if (d->authenticate(req).empty()) {
        if (!parts.empty() && parts[0] == "graphql")
            return reply(
                res, 401,
                {{"errors", json::array({{{"message", "You must be authenticated to view this."},
                                          {"extensions", {{"code", "UNAUTHORIZED"}}}}})}});
        return error(res, 401, "unauthorized");
    }
    if (parts.size() == 1 && parts[0] == "graphql")
        return d->graphql(req, res);
    if (parts.size() >= 2 && parts[0] == "v1" && parts[1] == "apps")
        return d->machines(req, res, parts);
    error(res, 404, "not found");
}

} // namespace Orrery::Sim
