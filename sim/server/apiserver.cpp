// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiserver.h"

#include "authorizer.h"
#include "defaulter.h"
#include "fieldmanager.h"
#include "fieldselector.h"
#include "fieldvalidator.h"
#include "jsonpatch.h"
#include "labelselector.h"
#include "mergepatch.h"
#include "openapi.h"
#include "openapiv2.h"
#include "protobufdecoder.h"
#include "resourceregistry.h"
#include "serviceproxy.h"
#include "simshell.h"
#include "strategicmergepatch.h"
#include "streamsession.h"
#include "tableconverter.h"
#include "workload/yamljson.h"

#include <base64.h>
#include <gzip.h>
#include <httplib.h>
#include <listenthread.h>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <thread>

namespace Orrery::Sim {

using json = nlohmann::json;
using Clock = std::chrono::system_clock;

// Named rather than anonymous: a class below keeps members of these types, which GCC
// flags (-Wsubobject-linkage) once the file is part of a unity build.
namespace ApiServerDetail {

std::string nowRfc3339()
{
    const std::time_t t = Clock::to_time_t(Clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string randomHex(int bytes)
{
    std::vector<unsigned char> buf(static_cast<std::size_t>(bytes));
    RAND_bytes(buf.data(), bytes);
    static const char *digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : buf) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

std::vector<std::string> splitPath(const std::string &path)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < path.size()) {
        auto slash = path.find('/', start);
        if (slash == std::string::npos)
            slash = path.size();
        if (slash > start)
            out.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return out;
}

const std::string &metaString(const json &obj, const char *key)
{
    static const std::string empty;
    auto m = obj.find("metadata");
    if (m == obj.end() || !m->is_object())
        return empty;
    auto v = m->find(key);
    return v != m->end() && v->is_string() ? v->get_ref<const std::string &>() : empty;
}

const json &labelsOf(const json &obj)
{
    static const json empty = json::object();
    auto m = obj.find("metadata");
    if (m == obj.end() || !m->is_object())
        return empty;
    auto l = m->find("labels");
    return l != m->end() ? *l : empty;
}

bool hasStatusSubresource(const ResourceInfo &info)
{
    return std::find(info.subresources.begin(), info.subresources.end(), "status")
           != info.subresources.end();
}

ApiError notFound(const ResourceInfo &info, const std::string &name)
{
    json details = {{"name", name}, {"kind", info.resource}};
    if (!info.group.empty())
        details["group"] = info.group;
    return ApiError(404, "NotFound", info.qualifiedName() + " \"" + name + "\" not found", details);
}

// Parsed request target.
struct Target
{
    std::string group;
    std::string version;
    std::string resource;
    std::string ns;
    std::string name;
    std::string subresource;
    const ResourceInfo *info = nullptr;
};

struct WatchFilter
{
    std::string ns;
    LabelSelector labels;
    FieldSelector fields;
    bool selective() const { return !labels.empty() || !fields.empty(); }
    bool matches(const json &obj) const
    {
        if (!ns.empty() && metaString(obj, "namespace") != ns)
            return false;
        return labels.matches(labelsOf(obj)) && fields.matches(obj);
    }
};

enum class Rendering { Object, Table, PartialMetadata };

} // namespace ApiServerDetail

using namespace ApiServerDetail;

struct ApiServer::Private
{
    ObjectStore &store;
    ApiServerOptions options;
    ApiServerHooks hooks;
    ServiceProxy serviceProxy;
    ResourceRegistry registry;
    Certificates certs;
    std::string operatorToken = randomHex(24);
    std::string viewerToken = randomHex(24);
    std::unique_ptr<httplib::SSLServer> server;
    std::thread thread;
    std::atomic<bool> stopping{false};
    int port = 0;
    std::mutex ipMutex;
    // /openapi/v2, built on first request (the registry does not change): the JSON and
    // protobuf bodies with their ETags.
    std::once_flag openApiV2Once;
    std::string openApiV2Json, openApiV2Protobuf, openApiV2JsonETag, openApiV2ProtobufETag;
    std::mt19937 rng{std::random_device{}()};

    Private(ObjectStore &s, ApiServerOptions o, ApiServerHooks h)
        : store(s)
        , options(std::move(o))
        , hooks(std::move(h))
    {
    }

    // ---------------------------------------------------------------- plumbing

    void sendJson(httplib::Response &res, int code, const std::string &body)
    {
        res.status = code;
        res.set_header("Cache-Control", "no-cache, private");
        res.set_content(body, "application/json");
    }

    void sendJson(httplib::Response &res, int code, const json &body)
    {
        // An error message may quote the request; invalid UTF-8 there becomes U+FFFD rather
        // than an exception out of the error path (found by tests/fuzz, simrequest).
        sendJson(res, code, body.dump(-1, ' ', false, json::error_handler_t::replace));
    }

    void sendError(httplib::Response &res, const ApiError &e)
    {
        sendJson(res, e.code(), e.status());
    }

    std::optional<UserInfo> authenticate(const httplib::Request &req)
    {
        if (req.ssl) {
            X509 *peer = SSL_get1_peer_certificate(req.ssl);
            if (peer) {
                UserInfo user;
                if (SSL_get_verify_result(req.ssl) == X509_V_OK) {
                    X509_NAME *subject = X509_get_subject_name(peer);
                    char buf[256];
                    if (X509_NAME_get_text_by_NID(subject, NID_commonName, buf, sizeof buf) > 0)
                        user.name = buf;
                    for (int i = -1;
                         (i = X509_NAME_get_index_by_NID(subject, NID_organizationName, i)) >= 0;) {
                        ASN1_STRING *data
                            = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, i));
                        user.groups.emplace_back(
                            reinterpret_cast<const char *>(ASN1_STRING_get0_data(data)),
                            static_cast<std::size_t>(ASN1_STRING_length(data)));
                    }
                }
                X509_free(peer);
                if (!user.name.empty()) {
                    user.groups.push_back("system:authenticated");
                    return user;
                }
            }
        }
        const std::string auth = req.get_header_value("Authorization");
        if (auth.rfind("Bearer ", 0) == 0) {
            const std::string token = auth.substr(7);
            if (token == operatorToken)
                return UserInfo{"operator", {"system:authenticated"}};
            if (token == viewerToken)
                return UserInfo{"viewer", {"system:authenticated"}};
            UserInfo user;
            if (hooks.authenticateToken && hooks.authenticateToken(token, user.name, user.groups)
                && !user.name.empty()) {
                user.groups.push_back("system:authenticated");
                return user;
            }
        }
        return std::nullopt;
    }

    // httplib gzips text and JSON bodies when the client accepts it, and its compressor
    // holds back data until the stream ends: a watch or `logs -f` would show nothing. The
    // request object is httplib's own mutable local, so dropping the header is safe.
    static void uncompressed(const httplib::Request &req)
    {
        const_cast<httplib::Request &>(req).headers.erase("Accept-Encoding");
    }

    // Response compression as kube-apiserver does it: gzip at level 1 (BestSpeed) for
    // bodies over 128 KiB when the client accepts gzip, nothing otherwise. httplib would pick
    // brotli at its highest quality for clients that also accept br (libcurl's default):
    // about a second per megabyte, which made every 500-pod page of an Orrery sync crawl.
    static void compress(const httplib::Request &req, httplib::Response &res)
    {
        const bool acceptsGzip
            = req.get_header_value("Accept-Encoding").find("gzip") != std::string::npos;
        uncompressed(req);
        if (!acceptsGzip || res.body.size() < 128 * 1024 || res.has_header("Content-Encoding"))
            return;
        auto out = Gzip::compress(res.body, Gzip::BestSpeed);
        if (!out)
            return;
        res.body = std::move(*out);
        res.set_header("Content-Encoding", "gzip");
    }

    static Rendering rendering(const httplib::Request &req)
    {
        const std::string accept = req.get_header_value("Accept");
        if (accept.find("as=Table") != std::string::npos)
            return Rendering::Table;
        if (accept.find("as=PartialObjectMetadata") != std::string::npos)
            return Rendering::PartialMetadata;
        return Rendering::Object;
    }

    static std::string param(const httplib::Request &req, const char *name)
    {
        return req.has_param(name) ? req.get_param_value(name) : std::string();
    }

    // A boolean query parameter as kube-apiserver decodes it into its options structs
    // (apimachinery's Convert_Slice_string_To_bool): absent is false, "0" and "false" in any
    // case are false, anything else, even an empty value, is true. So the official Python
    // client's "True", the JavaScript client's "true" and strconv.FormatBool's spellings all
    // work; note that unlike strconv.ParseBool, "f" and "F" are true here, as on a real server.
    static bool flag(const httplib::Request &req, const char *name)
    {
        if (!req.has_param(name))
            return false;
        std::string value = req.get_param_value(name);
        std::transform(value.begin(), value.end(), value.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return value != "0" && value != "false";
    }

    static bool dryRun(const httplib::Request &req) { return param(req, "dryRun") == "All"; }

    static std::string fieldManager(const httplib::Request &req, const std::string &fallback)
    {
        std::string m = param(req, "fieldManager");
        if (!m.empty())
            return m;
        // Like kube-apiserver: the user agent's program name.
        std::string ua = req.get_header_value("User-Agent");
        const auto slash = ua.find('/');
        if (slash != std::string::npos)
            ua = ua.substr(0, slash);
        return ua.empty() ? fallback : ua;
    }

    // ---------------------------------------------------------------- bootstrap

    std::string allocateClusterIp()
    {
        std::set<std::string> used;
        for (const auto &svc : store.list({"", "services"}))
            used.insert((*svc)["spec"].value("clusterIP", std::string()));
        std::lock_guard guard(ipMutex);
        std::uniform_int_distribution<int> third(0, 255), fourth(1, 254);
        for (int attempt = 0; attempt < 100000; ++attempt) {
            const std::string ip
                = "10.96." + std::to_string(third(rng)) + "." + std::to_string(fourth(rng));
            if (ip != "10.96.0.1" && ip != "10.96.0.10" && !used.count(ip))
                return ip;
        }
        throw ApiError(500, "InternalError", "no cluster IP left in 10.96.0.0/16");
    }

    int allocateNodePort()
    {
        std::set<int> used;
        for (const auto &svc : store.list({"", "services"}))
            for (const auto &p : (*svc)["spec"].value("ports", json::array()))
                used.insert(p.value("nodePort", 0));
        std::uniform_int_distribution<int> dist(30000, 32767);
        for (int attempt = 0; attempt < 100000; ++attempt) {
            const int candidate = dist(rng);
            if (!used.count(candidate))
                return candidate;
        }
        throw ApiError(500, "InternalError", "no node port left");
    }

    // Defaults that depend on cluster state: cluster IPs, node ports.
    void statefulDefaults(const ResourceInfo &info, json &obj, const json *old)
    {
        if (info.kind != "Service")
            return;
        json &spec = obj["spec"];
        const std::string type = spec.value("type", std::string("ClusterIP"));
        if (type == "ExternalName")
            return;
        if (old && (*old)["spec"].contains("clusterIP") && !spec.contains("clusterIP"))
            spec["clusterIP"] = (*old)["spec"]["clusterIP"];
        if (!spec.contains("clusterIP") || spec["clusterIP"] == "")
            spec["clusterIP"] = allocateClusterIp();
        if (!spec.contains("clusterIPs"))
            spec["clusterIPs"] = json::array({spec["clusterIP"]});
        if (type == "NodePort" || type == "LoadBalancer") {
            json oldPorts = old ? (*old)["spec"].value("ports", json::array()) : json::array();
            for (auto &p : spec["ports"]) {
                if (p.value("nodePort", 0) != 0)
                    continue;
                for (const auto &op : oldPorts)
                    if (op.value("port", 0) == p.value("port", 0) && op.value("nodePort", 0) != 0)
                        p["nodePort"] = op["nodePort"];
                if (p.value("nodePort", 0) == 0)
                    p["nodePort"] = allocateNodePort();
            }
        }
    }

    void createIfMissing(const GroupResource &gr, json obj)
    {
        const std::string ns = metaString(obj, "namespace");
        const std::string name = metaString(obj, "name");
        if (!store.get(gr, ns, name))
            store.create(gr, std::move(obj));
    }

    // What the service-account and root-CA publisher controllers add to every namespace.
    void namespaceAddOns(const std::string &ns)
    {
        createIfMissing({"", "serviceaccounts"},
                        {{"apiVersion", "v1"},
                         {"kind", "ServiceAccount"},
                         {"metadata", {{"name", "default"}, {"namespace", ns}}}});
        createIfMissing({"", "configmaps"},
                        {{"apiVersion", "v1"},
                         {"kind", "ConfigMap"},
                         {"metadata", {{"name", "kube-root-ca.crt"}, {"namespace", ns}}},
                         {"data", {{"ca.crt", certs.caCert}}}});
    }

    void bootstrap()
    {
        auto guard = store.lock();
        for (const char *ns : {"default", "kube-system", "kube-public", "kube-node-lease"}) {
            json obj = {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", ns}}}};
            Defaulter::apply("Namespace", obj);
            createIfMissing({"", "namespaces"}, obj);
            namespaceAddOns(ns);
        }
        json svc = {{"apiVersion", "v1"},
                    {"kind", "Service"},
                    {"metadata",
                     {{"name", "kubernetes"},
                      {"namespace", "default"},
                      {"labels", {{"component", "apiserver"}, {"provider", "kubernetes"}}}}},
                    {"spec",
                     {{"clusterIP", "10.96.0.1"},
                      {"ports", json::array({{{"name", "https"},
                                              {"port", 443},
                                              {"protocol", "TCP"},
                                              {"targetPort", 6443}}})}}}};
        Defaulter::apply("Service", svc);
        statefulDefaults(*registry.find("", "v1", "services"), svc, nullptr);
        createIfMissing({"", "services"}, svc);
    }

    // ---------------------------------------------------------------- discovery

    json apiVersions()
    {
        return {{"kind", "APIVersions"},
                {"versions", {"v1"}},
                {"serverAddressByClientCIDRs",
                 json::array({{{"clientCIDR", "0.0.0.0/0"},
                               {"serverAddress", "127.0.0.1:" + std::to_string(port)}}})}};
    }

    json apiGroup(const std::string &g)
    {
        json versions = json::array();
        for (const auto &v : registry.versions(g))
            versions.push_back({{"groupVersion", g + "/" + v}, {"version", v}});
        return {{"name", g}, {"versions", versions}, {"preferredVersion", versions[0]}};
    }

    json apiGroupList()
    {
        json groups = json::array();
        for (const auto &g : registry.groups())
            if (!g.empty())
                groups.push_back(apiGroup(g));
        return {{"kind", "APIGroupList"}, {"apiVersion", "v1"}, {"groups", groups}};
    }

    json resourceList(const std::string &group, const std::string &version)
    {
        json resources = json::array();
        for (const auto &r : registry.all()) {
            if (r.group != group || r.version != version)
                continue;
            json e = {{"name", r.resource},
                      {"singularName", r.singular},
                      {"namespaced", r.namespaced},
                      {"kind", r.kind},
                      {"verbs", r.verbs}};
            if (!r.shortNames.empty())
                e["shortNames"] = r.shortNames;
            if (!r.categories.empty())
                e["categories"] = r.categories;
            resources.push_back(e);
            for (const auto &sub : r.subresources) {
                json s = {{"name", r.resource + "/" + sub},
                          {"singularName", ""},
                          {"namespaced", r.namespaced},
                          {"kind", r.kind},
                          {"verbs", json::array({"get", "patch", "update"})}};
                if (sub == "scale") {
                    s["group"] = "autoscaling";
                    s["version"] = "v1";
                    s["kind"] = "Scale";
                } else if (sub == "log") {
                    s["verbs"] = json::array({"get"});
                } else if (isStreamSubresource(sub)) {
                    s["kind"] = sub == "exec" ? "PodExecOptions" : "PodPortForwardOptions";
                    s["verbs"] = json::array({"create", "get"});
                }
                resources.push_back(s);
            }
        }
        return {{"kind", "APIResourceList"},
                {"apiVersion", "v1"},
                {"groupVersion", group.empty() ? version : group + "/" + version},
                {"resources", resources}};
    }

    json versionInfo()
    {
        std::string major = "1", minor = "32";
        const std::string &v = options.gitVersion;
        const auto dot = v.find('.');
        if (v.size() > 1 && dot != std::string::npos) {
            major = v.substr(1, dot - 1);
            const auto dot2 = v.find('.', dot + 1);
            minor
                = v.substr(dot + 1, dot2 == std::string::npos ? std::string::npos : dot2 - dot - 1);
        }
        return {{"major", major},
                {"minor", minor},
                {"gitVersion", v},
                {"gitCommit", "67a30c0adcf52bd3f56ff0893ce19966be12991f"},
                {"gitTreeState", "clean"},
                {"buildDate", "2025-02-12T21:19:47Z"},
                {"goVersion", "go1.23.6"},
                {"compiler", "gc"},
                {"platform", options.platform},
                // Lets Orrery offer simulator-only actions (load annotations); kubectl and
                // client-go ignore unknown fields of version.Info.
                {"orrerySimulator", true}};
    }

    // ---------------------------------------------------------------- routing

    void handle(const httplib::Request &req, httplib::Response &res)
    {
        try {
            auto user = authenticate(req);
            if (!user) {
                sendError(res, ApiError(401, "Unauthorized", "Unauthorized"));
                return;
            }
            route(req, res, *user);
        } catch (const ApiError &e) {
            sendError(res, e);
        } catch (const json::exception &e) {
            sendError(res, ApiError(400, "BadRequest", std::string("invalid JSON: ") + e.what()));
        } catch (const std::exception &e) {
            sendError(res, ApiError(500, "InternalError", e.what()));
        }
    }

    void route(const httplib::Request &req, httplib::Response &res, const UserInfo &user)
    {
        const auto segs = splitPath(req.path);
        const bool get = req.method == "GET";
        if (segs.empty() || segs[0] == "version" || segs[0] == "healthz" || segs[0] == "readyz"
            || segs[0] == "livez" || segs[0] == "openapi") {
            if (!get)
                throw ApiError(405, "MethodNotAllowed",
                               "the server does not allow this method on the requested resource");
            if (segs.empty()) {
                json paths = {"/api",        "/api/v1",     "/apis",   "/healthz", "/livez",
                              "/openapi/v2", "/openapi/v3", "/readyz", "/version"};
                sendJson(res, 200, json{{"paths", paths}});
            } else if (segs[0] == "version") {
                sendJson(res, 200, versionInfo());
            } else if (segs[0] == "openapi") {
                serveOpenApi(req, segs, res);
            } else {
                res.status = 200;
                res.set_content("ok", "text/plain; charset=utf-8");
            }
            return;
        }
        if (segs[0] == "api" && segs.size() == 1 && get) {
            sendJson(res, 200, apiVersions());
            return;
        }
        if (segs[0] == "apis" && segs.size() == 1 && get) {
            sendJson(res, 200, apiGroupList());
            return;
        }
        if (segs[0] == "apis" && segs.size() == 2 && get) {
            const auto groups = registry.groups();
            if (std::find(groups.begin(), groups.end(), segs[1]) == groups.end() || segs[1].empty())
                throw ApiError(404, "NotFound", "the server could not find the requested resource");
            json g = apiGroup(segs[1]);
            g["kind"] = "APIGroup";
            g["apiVersion"] = "v1";
            sendJson(res, 200, g);
            return;
        }
        if ((segs[0] == "api" && segs.size() == 2) || (segs[0] == "apis" && segs.size() == 3)) {
            const std::string group = segs[0] == "api" ? "" : segs[1];
            const std::string version = segs.back();
            const auto versions = registry.versions(group);
            if (!get || std::find(versions.begin(), versions.end(), version) == versions.end()
                || (segs[0] == "apis" && group.empty()))
                throw ApiError(404, "NotFound", "the server could not find the requested resource");
            sendJson(res, 200, resourceList(group, version));
            return;
        }
        if (segs[0] != "api" && segs[0] != "apis")
            throw ApiError(404, "NotFound", "the server could not find the requested resource");
        if (segs.size() >= 7 && segs[0] == "api" && segs[1] == "v1" && segs[2] == "namespaces"
            && segs[4] == "services" && segs[6] == "proxy") {
            serveServiceProxy(req, res, user, segs);
            return;
        }
        Target t = parseTarget(segs);
        resourceRequest(req, res, user, t);
    }

    // /api/v1/namespaces/NS/services/NAME[:PORT]/proxy[/PATH]: authorised as kube-apiserver
    // does (the HTTP method's verb on services/proxy), the Service must exist, then the
    // request goes to what was mapped onto that port (ServiceProxy).
    void serveServiceProxy(const httplib::Request &req, httplib::Response &res,
                           const UserInfo &user, const std::vector<std::string> &segs)
    {
        const std::string &ns = segs[3];
        const std::string nameAndPort = segs[5];
        const auto colon = nameAndPort.find(':');
        const std::string name = nameAndPort.substr(0, colon);
        const std::string servicePort
            = colon == std::string::npos ? "" : nameAndPort.substr(colon + 1);
        static const std::map<std::string, std::string> verbs
            = {{"GET", "get"},     {"HEAD", "get"},      {"POST", "create"}, {"PUT", "update"},
               {"PATCH", "patch"}, {"DELETE", "delete"}, {"OPTIONS", "get"}};
        const auto verb = verbs.find(req.method);
        if (verb == verbs.end())
            throw ApiError(405, "MethodNotAllowed",
                           "the server does not allow this method on the requested resource");
        RequestAttributes attrs{verb->second, "", "services", "proxy", ns, name, req.path, true};
        if (!Authorizer::allowed(user, attrs, true))
            throw ApiError(403, "Forbidden", Authorizer::forbiddenMessage(user, attrs),
                           json{{"kind", "services"}, {"name", name}});
        const ObjectPtr service = store.get({"", "services"}, ns, name);
        if (!service)
            throw ApiError(404, "NotFound", "services \"" + name + "\" not found",
                           json{{"kind", "services"}, {"name", name}});
        // The path names a port by name or number (or none for a one-port Service); a mapping
        // may have been made with either, so look for both.
        std::optional<std::string> target = serviceProxy.target(ns, name, servicePort);
        const json ports
            = service->contains("spec") ? (*service)["spec"].value("ports", json()) : json();
        if (ports.is_array()) {
            for (const json &p : ports) {
                if (target || !p.is_object())
                    break;
                const std::string portName = p.value("name", "");
                const std::string number = p.contains("port") && p["port"].is_number_integer()
                                               ? std::to_string(p["port"].get<long long>())
                                               : std::string();
                const bool named = servicePort.empty()
                                       ? ports.size() == 1
                                       : servicePort == portName || servicePort == number;
                if (!named)
                    continue;
                for (const std::string &alias : {portName, number})
                    if (!target && !alias.empty())
                        target = serviceProxy.target(ns, name, alias);
            }
        }
        if (!target)
            throw ApiError(503, "ServiceUnavailable",
                           "no endpoints available for service \"" + nameAndPort + "\"");
        std::string rest;
        for (std::size_t i = 7; i < segs.size(); ++i)
            rest += (i > 7 ? "/" : "") + segs[i];
        if (req.path.size() > 1 && req.path.back() == '/' && !rest.empty())
            rest += "/";
        ServiceProxy::forward(req, res, *target, rest);
    }

    // Like kube-apiserver: protobuf when the client asks for it (kubectl <= 1.28 does), JSON
    // otherwise; a strong ETag per representation, 304 for a matching If-None-Match.
    void serveOpenApiV2(const httplib::Request &req, httplib::Response &res)
    {
        std::call_once(openApiV2Once, [this] {
            const json doc = OpenApiV2::document(registry, options.gitVersion);
            openApiV2Json = doc.dump();
            openApiV2Protobuf = OpenApiV2::toProtobuf(doc);
            auto etag = [](const std::string &body) {
                char hash[40];
                std::snprintf(hash, sizeof hash, "\"%016zX%08zX\"", std::hash<std::string>{}(body),
                              body.size());
                return std::string(hash);
            };
            openApiV2JsonETag = etag(openApiV2Json);
            openApiV2ProtobufETag = etag(openApiV2Protobuf);
        });
        // Asked for as "...spec.v2@v1.0+protobuf" (kubectl) or "...spec.v2.v1.0+protobuf";
        // answered with the second, which unlike the first is a valid media type.
        const bool protobuf
            = req.get_header_value("Accept").find("application/com.github.proto-openapi.spec.v2")
              != std::string::npos;
        const std::string &etag = protobuf ? openApiV2ProtobufETag : openApiV2JsonETag;
        res.set_header("ETag", etag);
        res.set_header("Vary", "Accept");
        res.set_header("Cache-Control", "no-cache, private");
        if (req.get_header_value("If-None-Match") == etag) {
            res.status = 304;
            return;
        }
        res.status = 200;
        if (protobuf)
            res.set_content(openApiV2Protobuf,
                            "application/com.github.proto-openapi.spec.v2.v1.0+protobuf");
        else
            res.set_content(openApiV2Json, "application/json");
    }

    void serveOpenApi(const httplib::Request &req, const std::vector<std::string> &segs,
                      httplib::Response &res)
    {
        if (segs.size() == 2 && segs[1] == "v2") {
            serveOpenApiV2(req, res);
            return;
        }
        if (segs.size() >= 2 && segs[1] == "v3") {
            if (segs.size() == 2) {
                sendJson(res, 200, OpenApi::index(registry, options.gitVersion));
                return;
            }
            std::string gv;
            for (std::size_t i = 2; i < segs.size(); ++i)
                gv += (i > 2 ? "/" : "") + segs[i];
            json doc = OpenApi::document(registry, gv, options.gitVersion);
            if (!doc.is_null()) {
                sendJson(res, 200, doc);
                return;
            }
        }
        throw ApiError(404, "NotFound", "the server could not find the requested resource");
    }

    Target parseTarget(const std::vector<std::string> &segs)
    {
        Target t;
        // "/api" and "/apis/<group>" name no version; a write to them reached the indexing
        // below out of bounds (found by tests/fuzz/fuzz_simrequest).
        if (segs.size() < (segs[0] == "api" ? 2u : 3u))
            throw ApiError(404, "NotFound", "the server could not find the requested resource");
        std::size_t i = 0;
        if (segs[0] == "api") {
            t.version = segs[1];
            i = 2;
        } else {
            t.group = segs[1];
            t.version = segs[2];
            i = 3;
        }
        std::vector<std::string> rest(segs.begin() + static_cast<long>(i), segs.end());
        if (rest.empty())
            throw ApiError(404, "NotFound", "the server could not find the requested resource");
        if (rest[0] == "namespaces" && rest.size() >= 3 && rest[2] != "status"
            && rest[2] != "finalize") {
            t.ns = rest[1];
            t.resource = rest[2];
            if (rest.size() > 3)
                t.name = rest[3];
            if (rest.size() > 4)
                t.subresource = rest[4];
            if (rest.size() > 5)
                throw ApiError(404, "NotFound", "the server could not find the requested resource");
        } else {
            t.resource = rest[0];
            if (rest.size() > 1)
                t.name = rest[1];
            if (rest.size() > 2)
                t.subresource = rest[2];
            if (rest.size() > 3)
                throw ApiError(404, "NotFound", "the server could not find the requested resource");
        }
        t.info = registry.find(t.group, t.version, t.resource);
        if (!t.info || (!t.info->namespaced && !t.ns.empty()))
            throw ApiError(404, "NotFound", "the server could not find the requested resource");
        if (!t.subresource.empty()
            && std::find(t.info->subresources.begin(), t.info->subresources.end(), t.subresource)
                   == t.info->subresources.end())
            throw ApiError(404, "NotFound", "the server could not find the requested resource");
        return t;
    }

    static std::string verbOf(const httplib::Request &req, const Target &t)
    {
        // Since Kubernetes 1.31 the WebSocket GET of exec, attach and portforward needs
        // "create", as the SPDY POST always did (AuthorizePodWebsocketUpgradeCreatePermission).
        if (isStreamSubresource(t.subresource) && (req.method == "GET" || req.method == "POST"))
            return "create";
        if (req.method == "GET") {
            if (!t.name.empty())
                return "get";
            return flag(req, "watch") ? "watch" : "list";
        }
        if (req.method == "POST")
            return "create";
        if (req.method == "PUT")
            return "update";
        if (req.method == "PATCH")
            return "patch";
        if (req.method == "DELETE")
            return t.name.empty() ? "deletecollection" : "delete";
        return req.method;
    }

    void resourceRequest(const httplib::Request &req, httplib::Response &res, const UserInfo &user,
                         const Target &t)
    {
        const std::string verb = verbOf(req, t);
        RequestAttributes attrs{verb, t.group, t.resource, t.subresource,
                                t.ns, t.name,  req.path,   true};
        if (!Authorizer::allowed(user, attrs, t.info->namespaced)) {
            json details = {{"kind", t.resource}};
            if (!t.name.empty())
                details["name"] = t.name;
            if (!t.group.empty())
                details["group"] = t.group;
            throw ApiError(403, "Forbidden", Authorizer::forbiddenMessage(user, attrs), details);
        }
        const auto &verbs = t.info->verbs;
        const bool subVerb
            = !t.subresource.empty() && (verb == "get" || verb == "update" || verb == "patch");
        if (!subVerb && std::find(verbs.begin(), verbs.end(), verb) == verbs.end())
            throw ApiError(405, "MethodNotAllowed",
                           "the server does not allow this method on the requested resource");
        if (t.info->group == "metrics.k8s.io") {
            serveMetrics(req, res, t);
            return;
        }
        if (t.info->group == "authorization.k8s.io") {
            serveReview(req, res, user, t);
            return;
        }
        if (t.subresource == "log") {
            serveLog(req, res, t);
            return;
        }
        if (isStreamSubresource(t.subresource)) {
            serveStream(req, res, t);
            return;
        }
        if (t.subresource == "scale") {
            serveScale(req, res, t, verb);
            return;
        }
        if (verb == "get")
            serveGet(req, res, t);
        else if (verb == "list")
            serveList(req, res, t);
        else if (verb == "watch")
            serveWatch(req, res, t);
        else if (verb == "create")
            serveCreate(req, res, t);
        else if (verb == "update")
            serveUpdate(req, res, t);
        else if (verb == "patch")
            servePatch(req, res, t);
        else if (verb == "delete")
            serveDelete(req, res, t);
        else if (verb == "deletecollection")
            serveDeleteCollection(req, res, t);
        else
            throw ApiError(405, "MethodNotAllowed",
                           "the server does not allow this method on the requested resource");
    }

    // ---------------------------------------------------------------- rendering

    json tableFor(const ResourceInfo &info, const std::vector<ObjectPtr> &objects,
                  const std::string &rv, const std::string &cont, const httplib::Request &req,
                  bool withColumns = true)
    {
        const std::string include = param(req, "includeObject");
        const auto now = Clock::now();
        json rows = json::array();
        for (const auto &o : objects)
            rows.push_back(
                TableConverter::row(info.kind, *o, now, include == "Object", include == "None"));
        json meta = {{"resourceVersion", rv}};
        if (!cont.empty())
            meta["continue"] = cont;
        json table = {
            {"kind", "Table"},
            {"apiVersion", "meta.k8s.io/v1"},
            {"metadata", meta},
            {"columnDefinitions", withColumns ? TableConverter::columns(info.kind) : json::array()},
            {"rows", rows}};
        return table;
    }

    static json partialMetadata(const json &obj)
    {
        json meta = obj.value("metadata", json::object());
        return {{"kind", "PartialObjectMetadata"},
                {"apiVersion", "meta.k8s.io/v1"},
                {"metadata", meta}};
    }

    void sendObject(const httplib::Request &req, httplib::Response &res, const ResourceInfo &info,
                    int code, const ObjectPtr &obj, bool stored = true)
    {
        switch (rendering(req)) {
        case Rendering::Table:
            sendJson(res, code,
                     tableFor(info, {obj}, metaString(*obj, "resourceVersion"), "", req));
            return;
        case Rendering::PartialMetadata: sendJson(res, code, partialMetadata(*obj)); return;
        case Rendering::Object:
            sendJson(res, code,
                     stored ? *store.serialized(info.groupResource(), obj) : obj->dump());
            return;
        }
    }

    // ---------------------------------------------------------------- read verbs

    ObjectPtr mustGet(const Target &t)
    {
        auto obj = store.get(t.info->groupResource(), t.ns, t.name);
        if (!obj)
            throw notFound(*t.info, t.name);
        return obj;
    }

    void serveGet(const httplib::Request &req, httplib::Response &res, const Target &t)
    {
        sendObject(req, res, *t.info, 200, mustGet(t));
    }

    void serveList(const httplib::Request &req, httplib::Response &res, const Target &t)
    {
        const auto labels = LabelSelector::parse(param(req, "labelSelector"));
        const auto fields = FieldSelector::parse(param(req, "fieldSelector"), t.info->kind);
        long limit = 0;
        if (!param(req, "limit").empty())
            limit = std::max(0L, std::atol(param(req, "limit").c_str()));
        std::string startAfterNs, startAfterName;
        const std::string cont = param(req, "continue");
        if (!cont.empty()) {
            json token = json::parse(Base64::decode(cont).value_or(std::string()), nullptr, false);
            if (token.is_discarded() || !token.contains("start"))
                throw ApiError(400, "BadRequest",
                               "continue key is not valid: incorrect encoded start resourceVersion "
                               "(version meta.k8s.io/v1)");
            const std::string start = token["start"].get<std::string>();
            const auto sep = start.find('\x1f');
            startAfterNs = start.substr(0, sep);
            startAfterName = sep == std::string::npos ? "" : start.substr(sep + 1);
        }
        const Rendering r = rendering(req);
        std::function<bool(const json &)> match;
        if (!labels.empty() || !fields.empty())
            match = [&labels, &fields](const json &o) {
                return labels.matches(labelsOf(o)) && fields.matches(o);
            };
        ObjectStore::Page page;
        std::string rv;
        std::string next;
        {
            auto guard = store.lock();
            rv = std::to_string(store.resourceVersion());
            const std::string exact = fields.exactName();
            if (!exact.empty() && !t.ns.empty()) {
                auto o = store.get(t.info->groupResource(), t.ns, exact);
                if (o
                    && (cont.empty()
                        || std::make_pair(t.ns, exact)
                               > std::make_pair(startAfterNs, startAfterName))
                    && (!match || match(*o))) {
                    page.texts.push_back(store.serialized(t.info->groupResource(), o));
                    page.objects.push_back(o);
                    page.last = {t.ns, exact};
                }
            } else {
                // The store hands out its stored texts: a page of pods is neither parsed nor
                // serialized again unless a selector or a Table needs the objects.
                page = store.page(t.info->groupResource(), t.ns, {startAfterNs, startAfterName},
                                  limit, match, r != Rendering::Object);
            }
            if (page.remaining > 0 && !page.texts.empty())
                next = Base64::encode(json{{"v", "meta.k8s.io/v1"},
                                           {"rv", std::stoll(rv)},
                                           {"start", page.last.first + '\x1f' + page.last.second}}
                                          .dump());
        }
        const long remaining = page.remaining;
        const std::vector<ObjectPtr> &items = page.objects;
        const auto &texts = page.texts;
        if (r == Rendering::Table) {
            json table = tableFor(*t.info, items, rv, next, req);
            if (remaining > 0)
                table["metadata"]["remainingItemCount"] = remaining;
            sendJson(res, 200, table);
            return;
        }
        std::string body;
        std::size_t size = 256;
        for (const auto &text : texts)
            size += text->size() + 1;
        body.reserve(size);
        const std::string listKind
            = r == Rendering::PartialMetadata ? "PartialObjectMetadataList" : t.info->kind + "List";
        const std::string apiVersion
            = r == Rendering::PartialMetadata ? "meta.k8s.io/v1" : t.info->apiVersion();
        json meta = {{"resourceVersion", rv}};
        if (!next.empty()) {
            meta["continue"] = next;
            meta["remainingItemCount"] = remaining;
        }
        body += R"({"kind":")" + listKind + R"(","apiVersion":")" + apiVersion + R"(","metadata":)"
                + meta.dump() + R"(,"items":[)";
        bool first = true;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            if (!first)
                body += ',';
            first = false;
            if (r == Rendering::PartialMetadata)
                body += partialMetadata(*items[i]).dump();
            else
                body += *texts[i];
        }
        body += "]}";
        sendJson(res, 200, body);
    }

    // ---------------------------------------------------------------- watch

    struct WatchContext
    {
        ObjectStore &store;
        const ResourceInfo &info;
        WatchFilter filter;
        Rendering rendering = Rendering::Object;
        std::string includeObject;
        std::mutex mutex;
        std::condition_variable cv;
        std::deque<StoreEvent> queue;
        std::deque<std::string> pending; // lines ready to send (initial events, errors)
        bool overflow = false;
        bool finished = false;
        int subscription = -1;
        std::set<std::pair<std::string, std::string>> inView;
        bool bookmarks = false;
        std::uint64_t lastRv = 0;
        Clock::time_point deadline;
        Clock::time_point lastBookmark = Clock::now();
        bool tableColumnsSent = false;

        WatchContext(ObjectStore &s, const ResourceInfo &i)
            : store(s)
            , info(i)
        {
        }
        ~WatchContext()
        {
            if (subscription >= 0)
                store.unsubscribe(subscription);
        }
    };

    std::string eventLine(WatchContext &ctx, const char *type, const ObjectPtr &obj)
    {
        std::string objText;
        if (ctx.rendering == Rendering::Table) {
            json table
                = {{"kind", "Table"},
                   {"apiVersion", "meta.k8s.io/v1"},
                   {"metadata", {{"resourceVersion", metaString(*obj, "resourceVersion")}}},
                   {"columnDefinitions",
                    ctx.tableColumnsSent ? json::array() : TableConverter::columns(ctx.info.kind)},
                   {"rows", json::array({TableConverter::row(ctx.info.kind, *obj, Clock::now(),
                                                             ctx.includeObject == "Object",
                                                             ctx.includeObject == "None")})}};
            ctx.tableColumnsSent = true;
            objText = table.dump();
        } else if (ctx.rendering == Rendering::PartialMetadata) {
            objText = partialMetadata(*obj).dump();
        } else {
            objText = *store.serialized(ctx.info.groupResource(), obj);
        }
        return std::string(R"({"type":")") + type + R"(","object":)" + objText + "}\n";
    }

    std::string bookmarkLine(WatchContext &ctx, std::uint64_t rv, bool initialEnd)
    {
        json meta = {{"resourceVersion", std::to_string(rv)}};
        if (initialEnd)
            meta["annotations"] = {{"k8s.io/initial-events-end", "true"}};
        json obj
            = {{"kind", ctx.info.kind}, {"apiVersion", ctx.info.apiVersion()}, {"metadata", meta}};
        return json{{"type", "BOOKMARK"}, {"object", obj}}.dump() + "\n";
    }

    // Turns a store event into zero or one watch line, tracking which objects the watcher
    // sees so that objects leaving a selector are reported DELETED, like the watch cache.
    void translate(WatchContext &ctx, const StoreEvent &ev, std::string &out)
    {
        const json &obj = *ev.object;
        ctx.lastRv = std::max(ctx.lastRv, ev.resourceVersion);
        if (!ctx.filter.ns.empty() && metaString(obj, "namespace") != ctx.filter.ns)
            return;
        const bool matches = ctx.filter.matches(obj);
        if (!ctx.filter.selective()) {
            const char *type = ev.type == StoreEvent::Type::Added      ? "ADDED"
                               : ev.type == StoreEvent::Type::Modified ? "MODIFIED"
                                                                       : "DELETED";
            out += eventLine(ctx, type, ev.object);
            return;
        }
        const auto key = std::make_pair(metaString(obj, "namespace"), metaString(obj, "name"));
        const bool seen = ctx.inView.count(key) > 0;
        if (ev.type == StoreEvent::Type::Deleted) {
            if (seen || matches)
                out += eventLine(ctx, "DELETED", ev.object);
            ctx.inView.erase(key);
        } else if (matches) {
            out += eventLine(ctx, seen ? "MODIFIED" : "ADDED", ev.object);
            ctx.inView.insert(key);
        } else if (seen) {
            out += eventLine(ctx, "DELETED", ev.object);
            ctx.inView.erase(key);
        }
    }

    void serveWatch(const httplib::Request &req, httplib::Response &res, const Target &t)
    {
        auto ctx = std::make_shared<WatchContext>(store, *t.info);
        ctx->filter.ns = t.ns;
        ctx->filter.labels = LabelSelector::parse(param(req, "labelSelector"));
        ctx->filter.fields = FieldSelector::parse(param(req, "fieldSelector"), t.info->kind);
        ctx->rendering = rendering(req);
        ctx->includeObject = param(req, "includeObject");
        ctx->bookmarks = flag(req, "allowWatchBookmarks");
        const bool initialEvents = flag(req, "sendInitialEvents");
        if (initialEvents && !ctx->bookmarks)
            throw ApiError(
                422, "Invalid",
                "ListOptions.meta.k8s.io \"\" is invalid: allowWatchBookmarks: Required value: "
                "allowWatchBookmarks must be set to true when sendInitialEvents is set");
        long timeout = 1800;
        if (!param(req, "timeoutSeconds").empty())
            timeout = std::max(1L, std::atol(param(req, "timeoutSeconds").c_str()));
        ctx->deadline = Clock::now() + std::chrono::seconds(timeout);
        const std::string rvParam = param(req, "resourceVersion");
        std::uint64_t fromRv = 0;
        if (!rvParam.empty()) {
            if (rvParam.find_first_not_of("0123456789") != std::string::npos)
                throw ApiError(400, "BadRequest", "invalid resource version: " + rvParam);
            fromRv = std::stoull(rvParam);
        }
        {
            auto guard = store.lock();
            const std::uint64_t current = store.resourceVersion();
            ctx->lastRv = current;
            const GroupResource gr = t.info->groupResource();
            // Objects currently visible to the watcher (selector state, initial events), one at
            // a time: at 150,000 pods holding them all parsed would take gigabytes.
            auto forEachVisible = [&](const std::function<void(const ObjectPtr &)> &fn) {
                store.forEach(gr, t.ns, [&](const ObjectPtr &o) {
                    if (ctx->filter.matches(*o))
                        fn(o);
                    return true;
                });
            };
            if (fromRv == 0 || initialEvents) {
                std::string lines;
                forEachVisible([&](const ObjectPtr &o) {
                    lines += eventLine(*ctx, "ADDED", o);
                    if (ctx->filter.selective())
                        ctx->inView.insert({metaString(*o, "namespace"), metaString(*o, "name")});
                });
                if (initialEvents)
                    lines += bookmarkLine(*ctx, current, true);
                if (!lines.empty())
                    ctx->pending.push_back(std::move(lines));
            } else {
                auto events = store.eventsSince(gr, fromRv);
                if (!events) {
                    ApiError expired(410, "Expired",
                                     "too old resource version: " + rvParam + " ("
                                         + std::to_string(current) + ")");
                    ctx->pending.push_back(
                        json{{"type", "ERROR"}, {"object", expired.status()}}.dump() + "\n");
                    ctx->finished = true;
                } else {
                    // The watcher saw the state at fromRv: reconstruct which objects it had in
                    // view by undoing the events since then.
                    if (ctx->filter.selective()) {
                        forEachVisible([&](const ObjectPtr &o) {
                            ctx->inView.insert(
                                {metaString(*o, "namespace"), metaString(*o, "name")});
                        });
                        for (auto it = events->rbegin(); it != events->rend(); ++it) {
                            const auto key = std::make_pair(metaString(*it->object, "namespace"),
                                                            metaString(*it->object, "name"));
                            if (it->type == StoreEvent::Type::Added)
                                ctx->inView.erase(key);
                        }
                    }
                    std::string lines;
                    for (const auto &ev : *events)
                        translate(*ctx, ev, lines);
                    if (!lines.empty())
                        ctx->pending.push_back(std::move(lines));
                }
            }
            if (!ctx->finished) {
                std::weak_ptr<WatchContext> weak = ctx;
                ctx->subscription = store.subscribe([weak, gr](const StoreEvent &ev) {
                    if (ev.resource != gr)
                        return;
                    auto c = weak.lock();
                    if (!c)
                        return;
                    std::lock_guard lk(c->mutex);
                    if (c->queue.size() > 100000)
                        c->overflow = true;
                    else
                        c->queue.push_back(ev);
                    c->cv.notify_one();
                });
            }
        }
        uncompressed(req);
        res.status = 200;
        res.set_header("Cache-Control", "no-cache, private");
        const int bookmarkInterval = options.bookmarkIntervalSeconds;
        res.set_chunked_content_provider(
            "application/json;stream=watch",
            [this, ctx, bookmarkInterval](size_t, httplib::DataSink &sink) {
                std::string out;
                {
                    std::lock_guard lk(ctx->mutex);
                    while (!ctx->pending.empty()) {
                        out += ctx->pending.front();
                        ctx->pending.pop_front();
                    }
                }
                if (ctx->finished || stopping) {
                    if (!out.empty() && !sink.write(out.data(), out.size()))
                        return false;
                    sink.done();
                    return true;
                }
                std::deque<StoreEvent> events;
                bool overflow = false;
                {
                    std::unique_lock lk(ctx->mutex);
                    if (out.empty())
                        ctx->cv.wait_for(lk, std::chrono::milliseconds(250),
                                         [&] { return !ctx->queue.empty() || stopping; });
                    events.swap(ctx->queue);
                    overflow = ctx->overflow;
                }
                for (const auto &ev : events)
                    translate(*ctx, ev, out);
                const auto now = Clock::now();
                if (ctx->bookmarks
                    && now - ctx->lastBookmark >= std::chrono::seconds(bookmarkInterval)) {
                    out += bookmarkLine(*ctx, std::max(ctx->lastRv, store.resourceVersion()),
                                        false);
                    ctx->lastBookmark = now;
                }
                if (!out.empty() && !sink.write(out.data(), out.size()))
                    return false;
                if (!sink.is_writable())
                    return false;
                if (overflow || now >= ctx->deadline || stopping)
                    sink.done();
                return true;
            });
    }

    // ---------------------------------------------------------------- writes

    json parseBody(const httplib::Request &req)
    {
        const std::string contentType = req.get_header_value("Content-Type");
        if (ProtobufDecoder::isProtobuf(contentType))
            return ProtobufDecoder::decode(req.body);
        if (contentType.find("cbor") != std::string::npos)
            throw ApiError(415, "UnsupportedMediaType",
                           "the body of the request was in an unknown format - accepted media "
                           "types include: application/json, application/yaml");
        if (req.body.empty())
            throw ApiError(400, "BadRequest", "the request body is empty");
        try {
            return YamlJson::parse(req.body);
        } catch (const YamlJson::LimitExceeded &e) {
            // Too deep is malformed input (go-yaml refuses it while decoding: 400); too many
            // nodes or too much text after alias expansion is a body too large once decoded,
            // answered as kube-apiserver answers a body over its limit (413).
            if (e.limit == YamlJson::LimitExceeded::Limit::Depth)
                throw ApiError(400, "BadRequest",
                               std::string("error decoding the request body: ") + e.what());
            throw ApiError(413, "RequestEntityTooLarge",
                           std::string("Request entity too large: ") + e.what());
        } catch (const std::runtime_error &e) {
            throw ApiError(400, "BadRequest",
                           std::string("error decoding the request body: ") + e.what());
        }
    }

    // ?fieldValidation: unknown and duplicate fields of the body fail the request (Strict),
    // come back as Warning headers (Warn, the default) or are dropped silently (Ignore).
    // Protobuf bodies are not checked here: ProtobufDecoder already rejects unknown fields.
    // `obj` is the decoded body; `patch` for merge and strategic merge patches. For an apply
    // patch (`apply`), unknown fields fail whatever the mode, with structured-merge-diff's
    // 500 (see FieldValidator::applyMessage); only duplicates follow fieldValidation.
    void checkFields(const httplib::Request &req, httplib::Response &res, const Target &t,
                     const json &obj, bool patch = false, bool apply = false)
    {
        FieldValidator::Mode mode;
        try {
            mode = FieldValidator::modeFrom(param(req, "fieldValidation"));
        } catch (const std::invalid_argument &e) {
            throw ApiError(400, "BadRequest", e.what());
        }
        if (apply && t.subresource.empty()) {
            const auto paths
                = FieldValidator::unknownFields(t.info->group, t.info->version, t.info->kind, obj,
                                                false, FieldValidator::PathStyle::Apply);
            if (!paths.empty())
                throw ApiError(500, "",
                               FieldValidator::applyMessage(t.ns + "/" + t.name, t.info->group,
                                                            t.info->version, t.info->kind, paths));
        }
        if (mode == FieldValidator::Mode::Ignore || !t.subresource.empty()
            || ProtobufDecoder::isProtobuf(req.get_header_value("Content-Type")))
            return;
        std::vector<std::string> problems;
        for (const std::string &path : FieldValidator::duplicateFields(req.body))
            problems.push_back(FieldValidator::duplicateProblem(path));
        if (!apply)
            for (const std::string &path : FieldValidator::unknownFields(
                     t.info->group, t.info->version, t.info->kind, obj, patch))
                problems.push_back(FieldValidator::unknownProblem(path));
        if (problems.empty())
            return;
        if (mode == FieldValidator::Mode::Strict)
            throw ApiError(400, "BadRequest",
                           FieldValidator::strictMessage(t.info->version, t.info->kind, problems));
        for (const std::string &problem : problems)
            res.set_header("Warning", "299 - " + json(problem).dump());
    }

    void checkIdentity(const Target &t, json &obj)
    {
        if (!obj.is_object())
            throw ApiError(400, "BadRequest", "the body of the request is not an object");
        const std::string apiVersion = obj.value("apiVersion", std::string());
        const std::string kind = obj.value("kind", std::string());
        if (!apiVersion.empty() && apiVersion != t.info->apiVersion())
            throw ApiError(400, "BadRequest",
                           "the API version in the data (" + apiVersion
                               + ") does not match the expected API version ("
                               + t.info->apiVersion() + ")");
        if (!kind.empty() && kind != t.info->kind)
            throw ApiError(400, "BadRequest",
                           "the kind in the data (" + kind + ") does not match the expected kind ("
                               + t.info->kind + ")");
        obj["apiVersion"] = t.info->apiVersion();
        obj["kind"] = t.info->kind;
        json &meta = obj["metadata"];
        if (!meta.is_object())
            meta = json::object();
        if (t.info->namespaced) {
            const std::string ns = meta.value("namespace", std::string());
            if (!ns.empty() && ns != t.ns)
                throw ApiError(400, "BadRequest",
                               "the namespace of the provided object does not match the namespace "
                               "sent on the request");
            meta["namespace"] = t.ns;
        } else {
            meta.erase("namespace");
        }
        if (!t.name.empty()) {
            const std::string name = meta.value("name", std::string());
            if (!name.empty() && name != t.name)
                throw ApiError(400, "BadRequest",
                               "the name of the object (" + name
                                   + ") does not match the name on the URL (" + t.name + ")");
            meta["name"] = t.name;
        }
    }

    void validate(const ResourceInfo &info, const json &obj)
    {
        json causes = json::array();
        auto require = [&](bool ok, const std::string &field, const std::string &message) {
            if (!ok)
                causes.push_back(
                    {{"reason", "FieldValueRequired"}, {"message", message}, {"field", field}});
        };
        const json spec = obj.value("spec", json::object());
        if (info.kind == "Deployment" || info.kind == "ReplicaSet" || info.kind == "StatefulSet"
            || info.kind == "DaemonSet") {
            require(spec.contains("selector"), "spec.selector", "Required value");
            const json containers = spec.value("template", json::object())
                                        .value("spec", json::object())
                                        .value("containers", json::array());
            require(!containers.empty(), "spec.template.spec.containers", "Required value");
            if (spec.contains("selector") && spec["selector"].contains("matchLabels")) {
                const json labels = spec["template"]
                                        .value("metadata", json::object())
                                        .value("labels", json::object());
                for (auto it = spec["selector"]["matchLabels"].begin();
                     it != spec["selector"]["matchLabels"].end(); ++it)
                    if (!labels.contains(it.key()) || labels[it.key()] != *it) {
                        causes.push_back(
                            {{"reason", "FieldValueInvalid"},
                             {"message", "Invalid value: map[string]string{...}: `selector` does "
                                         "not match template `labels`"},
                             {"field", "spec.template.metadata.labels"}});
                        break;
                    }
            }
            if (spec.contains("replicas") && spec["replicas"].is_number()
                && spec["replicas"].get<long>() < 0)
                causes.push_back({{"reason", "FieldValueInvalid"},
                                  {"message", "Invalid value: " + spec["replicas"].dump()
                                                  + ": must be greater than or equal to 0"},
                                  {"field", "spec.replicas"}});
        } else if (info.kind == "Pod") {
            require(!spec.value("containers", json::array()).empty(), "spec.containers",
                    "Required value");
        }
        if (info.kind == "Pod" || info.kind == "Deployment" || info.kind == "StatefulSet"
            || info.kind == "ReplicaSet" || info.kind == "DaemonSet") {
            const json podSpec
                = info.kind == "Pod"
                      ? spec
                      : spec.value("template", json::object()).value("spec", json::object());
            const json containers = podSpec.value("containers", json::array());
            for (std::size_t i = 0; i < containers.size(); ++i) {
                const std::string prefix
                    = std::string(info.kind == "Pod" ? "spec" : "spec.template.spec")
                      + ".containers[" + std::to_string(i) + "]";
                require(!containers[i].value("name", std::string()).empty(), prefix + ".name",
                        "Required value");
                require(!containers[i].value("image", std::string()).empty(), prefix + ".image",
                        "Required value");
            }
        }
        if (!causes.empty()) {
            std::string message = info.kind + " \"" + metaString(obj, "name") + "\" is invalid: ";
            if (info.group == "apps")
                message = info.kind + ".apps \"" + metaString(obj, "name") + "\" is invalid: ";
            for (std::size_t i = 0; i < causes.size(); ++i)
                message += (i ? ", " : "") + causes[i]["field"].get<std::string>() + ": "
                           + causes[i]["message"].get<std::string>();
            if (causes.size() > 1)
                message = info.kind + " \"" + metaString(obj, "name") + "\" is invalid: ["
                          + message.substr(message.find(": ") + 2) + "]";
            json details
                = {{"name", metaString(obj, "name")}, {"kind", info.kind}, {"causes", causes}};
            if (!info.group.empty())
                details["group"] = info.group;
            throw ApiError(422, "Invalid", message, details);
        }
    }

    // The Secret strategy folds write-only stringData into data.
    static void secretStringData(const ResourceInfo &info, json &obj)
    {
        if (info.kind != "Secret" || !obj.contains("stringData"))
            return;
        if (obj["stringData"].is_object())
            for (auto it = obj["stringData"].begin(); it != obj["stringData"].end(); ++it)
                obj["data"][it.key()]
                    = Base64::encode(it->is_string() ? it->get<std::string>() : it->dump());
        obj.erase("stringData");
    }

    // Everything a create does before the store: defaults, validation, managed fields.
    json prepareCreate(const Target &t, json obj, const httplib::Request &req,
                       const std::string &manager)
    {
        checkIdentity(t, obj);
        // The server owns these; clients' values are ignored on create.
        for (const char *key : {"uid", "resourceVersion", "generation", "creationTimestamp",
                                "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"})
            obj["metadata"].erase(key);
        Defaulter::apply(t.info->kind, obj);
        secretStringData(*t.info, obj);
        validate(*t.info, obj);
        statefulDefaults(*t.info, obj, nullptr);
        if (!manager.empty())
            obj = FieldManager::recordUpdate(nullptr, std::move(obj), manager, t.info->apiVersion(),
                                             "", nowRfc3339());
        (void)req;
        return obj;
    }

    ObjectPtr commitCreate(const Target &t, json obj, bool dry)
    {
        const GroupResource gr = t.info->groupResource();
        if (dry) {
            const std::string name = metaString(obj, "name");
            if (!name.empty() && store.get(gr, t.ns, name))
                throw ApiError(
                    409, "AlreadyExists",
                    t.info->qualifiedName() + " \"" + name + "\" already exists",
                    {{"name", name}, {"kind", t.info->resource}, {"group", t.info->group}});
            if (!t.ns.empty() && !store.get({"", "namespaces"}, "", t.ns))
                throw ApiError(404, "NotFound", "namespaces \"" + t.ns + "\" not found",
                               {{"name", t.ns}, {"kind", "namespaces"}});
            obj["metadata"]["uid"] = randomHex(4) + "-" + randomHex(2) + "-" + randomHex(2) + "-"
                                     + randomHex(2) + "-" + randomHex(6);
            obj["metadata"]["creationTimestamp"] = nowRfc3339();
            obj["metadata"]["generation"] = 1;
            return std::make_shared<const json>(std::move(obj));
        }
        auto created = store.create(gr, std::move(obj));
        if (t.info->kind == "Namespace")
            namespaceAddOns(metaString(*created, "name"));
        if (t.info->kind == "Job")
            created = jobSelector(created);
        return created;
    }

    // The Job strategy generates selector and template labels from the Job's uid.
    ObjectPtr jobSelector(const ObjectPtr &created)
    {
        json job = *created;
        json &spec = job["spec"];
        if (spec.value("manualSelector", false) || spec.contains("selector"))
            return created;
        const std::string uid = metaString(job, "uid");
        const std::string name = metaString(job, "name");
        spec["selector"] = {{"matchLabels", {{"batch.kubernetes.io/controller-uid", uid}}}};
        json &labels = spec["template"]["metadata"]["labels"];
        if (!labels.is_object())
            labels = json::object();
        labels["batch.kubernetes.io/controller-uid"] = uid;
        labels["batch.kubernetes.io/job-name"] = name;
        labels["controller-uid"] = uid;
        labels["job-name"] = name;
        return store.update({"batch", "jobs"}, std::move(job));
    }

    void serveCreate(const httplib::Request &req, httplib::Response &res, const Target &t)
    {
        if (!t.name.empty() || !t.subresource.empty())
            throw ApiError(405, "MethodNotAllowed",
                           "the server does not allow this method on the requested resource");
        json obj = parseBody(req);
        checkFields(req, res, t, obj);
        auto guard = store.lock();
        obj = prepareCreate(t, std::move(obj), req, fieldManager(req, "unknown"));
        auto created = commitCreate(t, std::move(obj), dryRun(req));
        sendObject(req, res, *t.info, 201, created, !dryRun(req));
    }

    // Replaces `old` with `updated` for the main resource or the status subresource, keeping
    // what that endpoint may not change. Returns the stored object (unchanged on a no-op).
    ObjectPtr commitUpdate(const Target &t, const ObjectPtr &old, json updated, bool dry,
                           const std::string &manager, bool recordManager = true)
    {
        const bool statusEndpoint = t.subresource == "status";
        if (!updated.contains("metadata") || !updated["metadata"].is_object())
            updated["metadata"] = json::object();
        json &meta = updated["metadata"];
        const json &oldMeta = (*old)["metadata"];
        meta["name"] = oldMeta["name"];
        if (oldMeta.contains("namespace"))
            meta["namespace"] = oldMeta["namespace"];
        meta["uid"] = oldMeta["uid"];
        meta["creationTimestamp"] = oldMeta["creationTimestamp"];
        if (oldMeta.contains("deletionTimestamp"))
            meta["deletionTimestamp"] = oldMeta["deletionTimestamp"];
        updated["apiVersion"] = t.info->apiVersion();
        updated["kind"] = t.info->kind;
        if (statusEndpoint) {
            json merged = *old;
            if (updated.contains("status"))
                merged["status"] = updated["status"];
            else
                merged.erase("status");
            merged["metadata"]["resourceVersion"] = meta.value("resourceVersion", json(""));
            updated = std::move(merged);
        } else if (hasStatusSubresource(*t.info)) {
            if (old->contains("status"))
                updated["status"] = (*old)["status"];
            else
                updated.erase("status");
        }
        Defaulter::apply(t.info->kind, updated);
        secretStringData(*t.info, updated);
        if (!statusEndpoint) {
            validate(*t.info, updated);
            statefulDefaults(*t.info, updated, old.get());
        }
        if (recordManager && !manager.empty())
            updated = FieldManager::recordUpdate(old.get(), std::move(updated), manager,
                                                 t.info->apiVersion(), t.subresource, nowRfc3339());
        // A write that changes nothing is not a write: same resourceVersion, no event.
        json comparable = updated;
        comparable["metadata"]["resourceVersion"] = oldMeta.value("resourceVersion", json(""));
        comparable["metadata"]["generation"] = oldMeta.value("generation", json(1));
        const std::string rv = updated["metadata"].value("resourceVersion", std::string());
        if (!rv.empty() && rv != oldMeta.value("resourceVersion", std::string()))
            throw ApiError(
                409, "Conflict",
                "Operation cannot be fulfilled on " + t.info->qualifiedName() + " \"" + t.name
                    + "\": the object has been modified; please apply your changes to the latest "
                      "version and try again",
                {{"name", t.name}, {"kind", t.info->resource}, {"group", t.info->group}});
        if (FieldManager::sameIgnoringTimes(comparable, *old))
            return old;
        if (dry) {
            if (updated.contains("spec") != old->contains("spec")
                || (updated.contains("spec") && updated["spec"] != (*old)["spec"]))
                updated["metadata"]["generation"] = oldMeta.value("generation", 1) + 1;
            return std::make_shared<const json>(std::move(updated));
        }
        return store.update(t.info->groupResource(), std::move(updated));
    }

    void serveUpdate(const httplib::Request &req, httplib::Response &res, const Target &t)
    {
        json obj = parseBody(req);
        checkFields(req, res, t, obj);
        checkIdentity(t, obj);
        auto guard = store.lock();
        auto old = mustGet(t);
        auto stored
            = commitUpdate(t, old, std::move(obj), dryRun(req), fieldManager(req, "unknown"));
        sendObject(req, res, *t.info, 200, stored, !dryRun(req));
    }

    json applyPatch(const std::string &contentType, const json &original, const std::string &body)
    {
        if (contentType.rfind("application/json-patch+json", 0) == 0)
            return JsonPatch::apply(original, json::parse(body));
        if (contentType.rfind("application/merge-patch+json", 0) == 0)
            return MergePatch::apply(original, json::parse(body));
        if (contentType.rfind("application/strategic-merge-patch+json", 0) == 0)
            return StrategicMergePatch::apply(original, json::parse(body));
        throw ApiError(415, "UnsupportedMediaType",
                       "the body of the request was in an unknown format - accepted media types "
                       "include: application/json-patch+json, application/merge-patch+json, "
                       "application/apply-patch+yaml, application/strategic-merge-patch+json");
    }

    void servePatch(const httplib::Request &req, httplib::Response &res, const Target &t)
    {
        const std::string contentType = req.get_header_value("Content-Type");
        const bool dry = dryRun(req);
        auto guard = store.lock();
        auto old = store.get(t.info->groupResource(), t.ns, t.name);
        if (contentType.rfind("application/apply-patch+yaml", 0) == 0) {
            const std::string manager = param(req, "fieldManager");
            if (manager.empty())
                throw ApiError(422, "Invalid",
                               "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required "
                               "value: is required for apply patch");
            const bool force = flag(req, "force");
            json applied = parseBody(req);
            checkFields(req, res, t, applied, false, true);
            checkIdentity(t, applied);
            if (!old) {
                if (!t.subresource.empty())
                    throw notFound(*t.info, t.name);
                json obj = FieldManager::apply(nullptr, applied, manager, force,
                                               t.info->apiVersion(), nowRfc3339());
                checkIdentity(t, obj);
                Defaulter::apply(t.info->kind, obj);
                validate(*t.info, obj);
                statefulDefaults(*t.info, obj, nullptr);
                auto created = commitCreate(t, std::move(obj), dry);
                sendObject(req, res, *t.info, 201, created, !dry);
                return;
            }
            json base = *old;
            json merged = FieldManager::apply(&base, applied, manager, force, t.info->apiVersion(),
                                              nowRfc3339());
            merged["metadata"]["resourceVersion"] = (*old)["metadata"]["resourceVersion"];
            auto stored = commitUpdate(t, old, std::move(merged), dry, manager, false);
            sendObject(req, res, *t.info, 200, stored, !dry);
            return;
        }
        if (!old)
            throw notFound(*t.info, t.name);
        if (contentType.rfind("application/merge-patch+json", 0) == 0
            || contentType.rfind("application/strategic-merge-patch+json", 0) == 0) {
            json body = json::parse(req.body, nullptr, false);
            if (body.is_object())
                checkFields(req, res, t, body, true);
        }
        json patched = applyPatch(contentType, *old, req.body);
        if (!patched.is_object())
            throw ApiError(422, "Invalid", "the patch did not produce an object");
        auto stored = commitUpdate(t, old, std::move(patched), dry, fieldManager(req, "unknown"));
        sendObject(req, res, *t.info, 200, stored, !dry);
    }

    // ---------------------------------------------------------------- scale

    json scaleOf(const ResourceInfo &info, const json &obj)
    {
        const json spec = obj.value("spec", json::object());
        const json status = obj.value("status", json::object());
        const std::string selector
            = TableConverter::labelSelectorString(spec.value("selector", json()));
        (void)info;
        json meta = {{"name", metaString(obj, "name")},
                     {"namespace", metaString(obj, "namespace")},
                     {"uid", metaString(obj, "uid")},
                     {"resourceVersion", metaString(obj, "resourceVersion")},
                     {"creationTimestamp", metaString(obj, "creationTimestamp")}};
        return {{"kind", "Scale"},
                {"apiVersion", "autoscaling/v1"},
                {"metadata", meta},
                {"spec", {{"replicas", spec.value("replicas", 1)}}},
                {"status", {{"replicas", status.value("replicas", 0)}, {"selector", selector}}}};
    }

    void serveScale(const httplib::Request &req, httplib::Response &res, const Target &t,
                    const std::string &verb)
    {
        auto guard = store.lock();
        auto old = mustGet(t);
        if (verb == "get") {
            sendJson(res, 200, scaleOf(*t.info, *old));
            return;
        }
        json scale = scaleOf(*t.info, *old);
        json wanted;
        if (verb == "update") {
            wanted = parseBody(req);
        } else {
            const std::string contentType = req.get_header_value("Content-Type");
            if (contentType.rfind("application/apply-patch+yaml", 0) == 0)
                wanted = MergePatch::apply(scale, parseBody(req));
            else
                wanted = applyPatch(contentType, scale, req.body);
        }
        const std::string rv
            = wanted.value("metadata", json::object()).value("resourceVersion", std::string());
        if (!rv.empty() && rv != metaString(*old, "resourceVersion"))
            throw ApiError(409, "Conflict",
                           "Operation cannot be fulfilled on " + t.info->qualifiedName() + " \""
                               + t.name
                               + "\": the object has been modified; please apply your changes to "
                                 "the latest version and try again");
        const json replicas = wanted.value("spec", json::object()).value("replicas", json());
        if (!replicas.is_number_integer() || replicas.get<long>() < 0)
            throw ApiError(422, "Invalid",
                           "Scale.autoscaling \"" + t.name
                               + "\" is invalid: spec.replicas: Invalid value: " + replicas.dump()
                               + ": must be greater than or equal to 0");
        json updated = *old;
        updated["spec"]["replicas"] = replicas;
        Target main = t;
        main.subresource.clear();
        auto stored = commitUpdate(main, old, std::move(updated), dryRun(req),
                                   fieldManager(req, "unknown"));
        sendJson(res, 200, scaleOf(*t.info, *stored));
    }

    // ---------------------------------------------------------------- delete

    json deleteOptions(const httplib::Request &req)
    {
        json opts = json::object();
        if (!req.body.empty()) {
            json body = json::parse(req.body, nullptr, false);
            if (body.is_object())
                opts = body;
        }
        if (!param(req, "propagationPolicy").empty())
            opts["propagationPolicy"] = param(req, "propagationPolicy");
        if (!param(req, "gracePeriodSeconds").empty())
            opts["gracePeriodSeconds"] = std::atol(param(req, "gracePeriodSeconds").c_str());
        if (!param(req, "dryRun").empty())
            opts["dryRun"] = json::array({param(req, "dryRun")});
        return opts;
    }

    struct Dependant
    {
        const ResourceInfo *info;
        ObjectPtr object;
    };

    std::vector<Dependant> dependantsOf(const std::string &uid, const std::string &ns)
    {
        std::vector<Dependant> out;
        for (const auto &r : registry.all()) {
            if (!r.stored)
                continue;
            if (r.namespaced && ns.empty())
                continue;
            for (const auto &o : store.list(r.groupResource(), r.namespaced ? ns : std::string())) {
                const json &meta = (*o)["metadata"];
                auto refs = meta.find("ownerReferences");
                if (refs == meta.end() || !refs->is_array())
                    continue;
                for (const auto &ref : *refs)
                    if (ref.value("uid", std::string()) == uid) {
                        out.push_back({&r, o});
                        break;
                    }
            }
        }
        return out;
    }

    // Removes one object the way its kind is removed: pods on a node terminate gracefully.
    ObjectPtr removeObject(const ResourceInfo &info, const ObjectPtr &obj, long gracePeriod)
    {
        const std::string ns = metaString(*obj, "namespace");
        const std::string name = metaString(*obj, "name");
        if (info.kind == "Pod" && options.gracefulPodDeletion && gracePeriod != 0
            && !(*obj)["spec"].value("nodeName", std::string()).empty()) {
            if ((*obj)["metadata"].contains("deletionTimestamp"))
                return obj;
            json p = *obj;
            p["metadata"]["deletionTimestamp"] = nowRfc3339();
            p["metadata"]["deletionGracePeriodSeconds"]
                = gracePeriod > 0 ? gracePeriod
                                  : (*obj)["spec"].value("terminationGracePeriodSeconds", 30);
            return store.update(info.groupResource(), std::move(p));
        }
        if (info.kind == "Namespace") {
            for (const auto &r : registry.all())
                if (r.stored && r.namespaced)
                    for (const auto &o : store.list(r.groupResource(), name))
                        store.remove(r.groupResource(), name, metaString(*o, "name"));
        }
        return store.remove(info.groupResource(), ns, name);
    }

    void cascade(const ResourceInfo &info, const ObjectPtr &obj, const std::string &policy,
                 long gracePeriod, int depth = 0)
    {
        if (depth > 8)
            return;
        const std::string uid = metaString(*obj, "uid");
        const std::string ns = metaString(*obj, "namespace");
        auto dependants = dependantsOf(uid, info.namespaced ? ns : std::string());
        if (policy == "Orphan") {
            for (const auto &dependant : dependants) {
                json o = *dependant.object;
                json refs = json::array();
                for (const auto &ref : o["metadata"]["ownerReferences"])
                    if (ref.value("uid", std::string()) != uid)
                        refs.push_back(ref);
                if (refs.empty())
                    o["metadata"].erase("ownerReferences");
                else
                    o["metadata"]["ownerReferences"] = refs;
                store.update(dependant.info->groupResource(), std::move(o));
            }
            return;
        }
        for (const auto &dependant : dependants) {
            // Only dependants whose every owner is going away are collected.
            bool otherOwner = false;
            for (const auto &ref : (*dependant.object)["metadata"]["ownerReferences"])
                if (ref.value("uid", std::string()) != uid) {
                    const auto *ownerInfo = registry.findByKind(
                        ref.value("apiVersion", std::string()), ref.value("kind", std::string()));
                    if (ownerInfo
                        && store.get(ownerInfo->groupResource(), ownerInfo->namespaced ? ns : "",
                                     ref.value("name", std::string())))
                        otherOwner = true;
                }
            if (otherOwner)
                continue;
            cascade(*dependant.info, dependant.object, policy, gracePeriod, depth + 1);
            if (store.get(dependant.info->groupResource(),
                          metaString(*dependant.object, "namespace"),
                          metaString(*dependant.object, "name")))
                removeObject(*dependant.info, dependant.object, gracePeriod);
        }
    }

    ObjectPtr deleteOne(const ResourceInfo &info, const ObjectPtr &obj, const json &opts, bool dry)
    {
        if (opts.contains("preconditions") && opts["preconditions"].is_object()) {
            const json &pre = opts["preconditions"];
            if (pre.contains("uid") && pre["uid"].is_string()
                && pre["uid"] != (*obj)["metadata"]["uid"])
                throw ApiError(409, "Conflict",
                               "Precondition failed: UID in precondition: "
                                   + pre["uid"].get<std::string>()
                                   + ", UID in object meta: " + metaString(*obj, "uid"));
            if (pre.contains("resourceVersion") && pre["resourceVersion"].is_string()
                && pre["resourceVersion"] != (*obj)["metadata"]["resourceVersion"])
                throw ApiError(409, "Conflict",
                               "Precondition failed: ResourceVersion in precondition: "
                                   + pre["resourceVersion"].get<std::string>()
                                   + ", ResourceVersion in object meta: "
                                   + metaString(*obj, "resourceVersion"));
        }
        if (dry)
            return obj;
        // apps/v1 and most kinds default to background; batch/v1 Jobs still orphan by default.
        std::string policy = opts.value("propagationPolicy", std::string());
        if (policy.empty())
            policy = info.kind == "Job" ? "Orphan" : "Background";
        const long grace
            = opts.contains("gracePeriodSeconds") && opts["gracePeriodSeconds"].is_number()
                  ? opts["gracePeriodSeconds"].get<long>()
                  : -1;
        if (policy == "Foreground") {
            cascade(info, obj, policy, grace);
            return removeObject(info, obj, grace);
        }
        if (policy == "Orphan") {
            cascade(info, obj, policy, grace);
            return removeObject(info, obj, grace);
        }
        auto removed = removeObject(info, obj, grace);
        cascade(info, obj, policy, grace);
        return removed;
    }

    void serveDelete(const httplib::Request &req, httplib::Response &res, const Target &t)
    {
        const json opts = deleteOptions(req);
        const bool dry = opts.contains("dryRun") && !opts["dryRun"].empty();
        auto guard = store.lock();
        auto obj = mustGet(t);
        auto removed = deleteOne(*t.info, obj, opts, dry);
        sendObject(req, res, *t.info, 200, removed, false);
    }

    void serveDeleteCollection(const httplib::Request &req, httplib::Response &res, const Target &t)
    {
        const json opts = deleteOptions(req);
        const bool dry = opts.contains("dryRun") && !opts["dryRun"].empty();
        const auto labels = LabelSelector::parse(param(req, "labelSelector"));
        const auto fields = FieldSelector::parse(param(req, "fieldSelector"), t.info->kind);
        auto guard = store.lock();
        json items = json::array();
        for (const auto &o : store.list(t.info->groupResource(), t.ns)) {
            if (!labels.matches(labelsOf(*o)) || !fields.matches(*o))
                continue;
            if (!store.get(t.info->groupResource(),
                           t.ns.empty() ? metaString(*o, "namespace") : t.ns,
                           metaString(*o, "name")))
                continue;
            items.push_back(*deleteOne(*t.info, o, opts, dry));
        }
        sendJson(res, 200,
                 json{{"kind", t.info->kind + "List"},
                      {"apiVersion", t.info->apiVersion()},
                      {"metadata", {{"resourceVersion", std::to_string(store.resourceVersion())}}},
                      {"items", items}});
    }

    // ---------------------------------------------------------------- logs

    std::string resolveContainer(const json &pod, const std::string &requested, bool &init)
    {
        init = false;
        std::vector<std::string> names;
        for (const auto &c : pod["spec"].value("containers", json::array()))
            names.push_back(c.value("name", std::string()));
        std::vector<std::string> initNames;
        for (const auto &c : pod["spec"].value("initContainers", json::array()))
            initNames.push_back(c.value("name", std::string()));
        const std::string podName = metaString(pod, "name");
        if (requested.empty()) {
            if (names.size() == 1)
                return names[0];
            std::string list;
            for (const auto &n : names)
                list += (list.empty() ? "" : " ") + n;
            throw ApiError(400, "BadRequest",
                           "a container name must be specified for pod " + podName
                               + ", choose one of: [" + list + "]");
        }
        if (std::find(names.begin(), names.end(), requested) != names.end())
            return requested;
        if (std::find(initNames.begin(), initNames.end(), requested) != initNames.end()) {
            init = true;
            return requested;
        }
        throw ApiError(400, "BadRequest",
                       "container " + requested + " is not valid for pod " + podName);
    }

    static std::string withTimestamp(const std::string &line, bool timestamps)
    {
        if (!timestamps)
            return line;
        // Lines from the simulated kubelet may already start with an RFC 3339 stamp.
        if (line.size() > 20 && line[4] == '-' && line[10] == 'T')
            return line;
        const auto now = Clock::now();
        const std::time_t t = Clock::to_time_t(now);
        std::tm tm{};
        gmtime_r(&t, &tm);
        char buf[96];
        const auto nanos
            = std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch()).count()
              % 1000000000;
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%09lldZ ", tm.tm_year + 1900,
                      tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                      static_cast<long long>(nanos));
        return buf + line;
    }

    struct LogStream
    {
        std::mutex mutex;
        std::condition_variable cv;
        std::deque<std::string> lines;
        bool closed = false;
        bool ended = false; // the followed container instance terminated
        int followId = -1;
        std::function<void(int)> unfollow;
        ~LogStream()
        {
            if (followId >= 0 && unfollow)
                unfollow(followId);
        }
    };

    void serveLog(const httplib::Request &req, httplib::Response &res, const Target &t)
    {
        ObjectPtr pod;
        bool init = false;
        std::string container;
        {
            auto guard = store.lock();
            pod = mustGet(t);
            container = resolveContainer(*pod, param(req, "container"), init);
        }
        const bool follow = flag(req, "follow");
        const bool previous = flag(req, "previous");
        const bool timestamps = flag(req, "timestamps");
        int tail = -1;
        if (!param(req, "tailLines").empty())
            tail = std::atoi(param(req, "tailLines").c_str());
        std::vector<std::string> backlog;
        if (hooks.podLog)
            backlog = hooks.podLog(t.ns, t.name, container, previous, tail);
        if (!param(req, "limitBytes").empty()) {
            const std::size_t limit = std::strtoul(param(req, "limitBytes").c_str(), nullptr, 10);
            std::size_t total = 0;
            std::vector<std::string> kept;
            for (const auto &l : backlog) {
                if (total + l.size() + 1 > limit)
                    break;
                total += l.size() + 1;
                kept.push_back(l);
            }
            backlog = kept;
        }
        if (!follow || previous || !hooks.followPodLog) {
            std::string body;
            for (const auto &l : backlog)
                body += withTimestamp(l, timestamps) + "\n";
            res.status = 200;
            res.set_content(body, "text/plain");
            return;
        }
        auto stream = std::make_shared<LogStream>();
        stream->unfollow = hooks.unfollowPodLog;
        for (const auto &l : backlog)
            stream->lines.push_back(withTimestamp(l, timestamps) + "\n");
        std::weak_ptr<LogStream> weak = stream;
        stream->followId = hooks.followPodLog(
            t.ns, t.name, container,
            [weak, timestamps](const std::string &line) {
                auto s = weak.lock();
                if (!s)
                    return false;
                std::lock_guard lk(s->mutex);
                s->lines.push_back(withTimestamp(line, timestamps) + "\n");
                s->cv.notify_one();
                return !s->closed;
            },
            [weak] {
                auto s = weak.lock();
                if (!s)
                    return;
                std::lock_guard lk(s->mutex);
                s->ended = true;
                s->cv.notify_one();
            });
        uncompressed(req);
        const GroupResource podsGr{"", "pods"};
        const std::string ns = t.ns, name = t.name, uid = metaString(*pod, "uid");
        res.status = 200;
        res.set_chunked_content_provider(
            "text/plain", [this, stream, podsGr, ns, name, uid](size_t, httplib::DataSink &sink) {
                std::string out;
                bool ended = false;
                {
                    std::unique_lock lk(stream->mutex);
                    if (stream->lines.empty() && !stream->ended)
                        stream->cv.wait_for(lk, std::chrono::milliseconds(250), [&] {
                            return !stream->lines.empty() || stream->ended || stopping;
                        });
                    while (!stream->lines.empty()) {
                        out += stream->lines.front();
                        stream->lines.pop_front();
                    }
                    ended = stream->ended; // set after the instance's last line was queued
                }
                if (!out.empty() && !sink.write(out.data(), out.size())) {
                    stream->closed = true;
                    return false;
                }
                if (!sink.is_writable()) {
                    stream->closed = true;
                    return false;
                }
                // The stream ends with the container instance (or the pod), as kubelet ends it.
                auto current = store.get(podsGr, ns, name);
                if (ended || stopping || !current || metaString(*current, "uid") != uid) {
                    stream->closed = true;
                    sink.done();
                }
                return true;
            });
    }

    // ---------------------------------------------------------------- metrics & reviews

    // ---------------------------------------------------------------- exec, port-forward

    static bool isStreamSubresource(const std::string &sub)
    {
        return sub == "exec" || sub == "portforward";
    }

    std::atomic<int> streamSessions{0};
    static constexpr int maxStreamSessions = 64;

    static std::vector<std::string> headerTokens(const httplib::Request &req, const char *name)
    {
        std::vector<std::string> out;
        const auto range = req.headers.equal_range(name);
        for (auto it = range.first; it != range.second; ++it) {
            std::string word;
            for (char ch : it->second + ",") {
                if (ch == ',') {
                    if (!word.empty())
                        out.push_back(word);
                    word.clear();
                } else if (ch != ' ' && ch != '\t') {
                    word += ch;
                }
            }
        }
        return out;
    }

    // pods/exec and pods/portforward over WebSocket (kubectl 1.30+). cpp-httplib 0.11 knows
    // no upgrades: the handler answers 101 itself on the request's TLS session and runs the
    // stream to its end here, then closes the connection, so httplib's own answer afterwards
    // goes nowhere (its writes fail on the closed session and it drops the connection).
    void serveStream(const httplib::Request &req, httplib::Response &res, const Target &t)
    {
        if (t.resource != "pods" || t.name.empty())
            throw ApiError(404, "NotFound", "the server could not find the requested resource");
        json pod;
        std::string container;
        {
            auto guard = store.lock();
            pod = *mustGet(t);
            const std::string phase = pod["status"].value("phase", std::string());
            if (phase == "Succeeded" || phase == "Failed")
                throw ApiError(
                    400, "BadRequest",
                    "cannot "
                        + std::string(t.subresource == "exec" ? "exec into" : "port-forward to")
                        + " a container in a completed pod; current phase is " + phase);
            bool init = false;
            if (t.subresource == "exec")
                container = resolveContainer(pod, param(req, "container"), init);
            if (phase != "Running" || init)
                throw ApiError(400, "BadRequest",
                               "unable to upgrade connection: pod " + t.name
                                   + " is not running (phase " + phase + ")");
        }
        std::string upgrade = req.get_header_value("Upgrade");
        std::transform(upgrade.begin(), upgrade.end(), upgrade.begin(), ::tolower);
        if (upgrade != "websocket" || !req.ssl)
            throw ApiError(400, "BadRequest", "Upgrade request required");
        const std::vector<std::string> supported
            = t.subresource == "exec"
                  ? std::vector<std::string>{"v5.channel.k8s.io", "v4.channel.k8s.io"}
                  : std::vector<std::string>{"v4.channel.k8s.io", "portforward.k8s.io",
                                             spdyTunnelProtocol};
        std::string protocol;
        for (const auto &offered : headerTokens(req, "Sec-WebSocket-Protocol")) {
            if (std::find(supported.begin(), supported.end(), offered) != supported.end()) {
                protocol = offered;
                break;
            }
        }
        if (protocol.empty())
            throw ApiError(400, "BadRequest",
                           "unable to upgrade: no supported WebSocket subprotocol offered");
        const std::string key = req.get_header_value("Sec-WebSocket-Key");
        if (key.empty() || req.get_header_value("Sec-WebSocket-Version") != "13")
            throw ApiError(400, "BadRequest", "unable to upgrade: invalid WebSocket handshake");

        // What listens on a port of the pod: the declared container ports (HTTP or echo).
        const auto targetFor = [&t, pod](int portNumber) {
            ForwardTarget target;
            target.podName = t.name;
            target.ns = t.ns;
            target.port = portNumber;
            target.podUid = metaString(pod, "uid");
            bool declared = false;
            for (const auto &c : pod["spec"].value("containers", json::array()))
                for (const auto &cp : c.value("ports", json::array()))
                    if (cp.value("containerPort", 0) == portNumber) {
                        declared = true;
                        const std::string name = cp.value("name", std::string());
                        target.http = name.find("http") != std::string::npos || name == "web"
                                      || portNumber == 80 || portNumber == 8080;
                    }
            // Nothing listens on an undeclared port: the kubelet's dial fails after the
            // upgrade and says so on the port's error channel.
            target.listening = declared;
            return target;
        };
        std::vector<ForwardTarget> targets;
        // SPDY names its ports per stream; the channel protocol in the query.
        if (t.subresource == "portforward" && protocol != spdyTunnelProtocol) {
            std::vector<std::string> ports;
            for (std::size_t i = 0; i < req.get_param_value_count("ports"); ++i) {
                std::string word;
                for (char ch : req.get_param_value("ports", i) + ",") {
                    if (ch == ',') {
                        if (!word.empty())
                            ports.push_back(word);
                        word.clear();
                    } else {
                        word += ch;
                    }
                }
            }
            if (ports.empty() || ports.size() > 16)
                throw ApiError(400, "BadRequest",
                               "unable to upgrade: ports are required (1 to 16)");
            for (const auto &p : ports) {
                char *end = nullptr;
                const long portNumber = std::strtol(p.c_str(), &end, 10);
                if (!end || *end || portNumber < 1 || portNumber > 65535)
                    throw ApiError(400, "BadRequest", "invalid port: " + p);
                targets.push_back(targetFor(static_cast<int>(portNumber)));
            }
        }

        if (++streamSessions > maxStreamSessions) {
            --streamSessions;
            throw ApiError(429, "TooManyRequests", "too many exec and port-forward sessions");
        }
        // httplib hands the handler a const SSL*; the session is this connection's alone
        // from here until the handler returns.
        ServerWebSocket ws(const_cast<SSL *>(req.ssl), stopping);
        if (ws.accept(key, protocol)) {
            if (t.subresource == "exec") {
                ShellContainer sc{t.name, t.ns, container, {}, {}};
                for (const auto &c : pod["spec"].value("containers", json::array())) {
                    if (c.value("name", std::string()) != container)
                        continue;
                    sc.image = c.value("image", std::string());
                    for (const auto &e : c.value("env", json::array()))
                        if (e.contains("value") && e["value"].is_string())
                            sc.env.emplace_back(e.value("name", std::string()),
                                                e["value"].get<std::string>());
                }
                SimShell shell(sc);
                ExecRequest er;
                for (std::size_t i = 0; i < req.get_param_value_count("command"); ++i)
                    er.command.push_back(req.get_param_value("command", i));
                er.stdinOpen = flag(req, "stdin");
                er.stdoutOpen = !req.has_param("stdout") || flag(req, "stdout");
                er.stderrOpen = !req.has_param("stderr") || flag(req, "stderr");
                er.tty = flag(req, "tty");
                er.v5 = protocol == "v5.channel.k8s.io";
                runExecSession(ws, shell, er);
            } else if (protocol == spdyTunnelProtocol) {
                runSpdyPortForwardSession(ws, targetFor);
            } else {
                runPortForwardSession(ws, targets);
            }
        }
        ws.close();
        --streamSessions;
        res.status = 101;
        res.set_header("Connection", "close");
    }

    void serveMetrics(const httplib::Request &req, httplib::Response &res, const Target &t)
    {
        const bool pods = t.resource == "pods";
        json list = pods ? (hooks.podMetrics ? hooks.podMetrics(t.ns) : json())
                         : (hooks.nodeMetrics ? hooks.nodeMetrics() : json());
        if (!list.is_object())
            list = {{"kind", pods ? "PodMetricsList" : "NodeMetricsList"},
                    {"apiVersion", "metrics.k8s.io/v1beta1"},
                    {"metadata", json::object()},
                    {"items", json::array()}};
        json items = list.value("items", json::array());
        if (!t.name.empty()) {
            for (const auto &i : items)
                if (metaString(i, "name") == t.name
                    && (t.ns.empty() || metaString(i, "namespace") == t.ns)) {
                    sendJson(res, 200, i);
                    return;
                }
            throw ApiError(
                404, "NotFound",
                std::string(pods ? "podmetrics" : "nodemetrics") + ".metrics.k8s.io \"" + t.name
                    + "\" not found",
                {{"name", t.name}, {"group", "metrics.k8s.io"}, {"kind", pods ? "pods" : "nodes"}});
        }
        const auto labels = LabelSelector::parse(param(req, "labelSelector"));
        const auto fields = FieldSelector::parse(param(req, "fieldSelector"), "");
        json kept = json::array();
        for (const auto &i : items) {
            if (!t.ns.empty() && pods && metaString(i, "namespace") != t.ns)
                continue;
            json labelSource = labelsOf(i);
            if (pods && labelSource.empty())
                if (auto pod
                    = store.get({"", "pods"}, metaString(i, "namespace"), metaString(i, "name")))
                    labelSource = labelsOf(*pod);
            if (!pods && labelSource.empty())
                if (auto node = store.get({"", "nodes"}, "", metaString(i, "name")))
                    labelSource = labelsOf(*node);
            if (labels.matches(labelSource) && fields.matches(i))
                kept.push_back(i);
        }
        list["items"] = kept;
        sendJson(res, 200, list);
    }

    void serveReview(const httplib::Request &req, httplib::Response &res, const UserInfo &user,
                     const Target &t)
    {
        json review = parseBody(req);
        const json spec = review.value("spec", json::object());
        json status;
        if (t.resource == "selfsubjectaccessreviews") {
            bool allowed = false;
            if (spec.contains("resourceAttributes")) {
                const json ra = spec["resourceAttributes"];
                RequestAttributes attrs{ra.value("verb", std::string()),
                                        ra.value("group", std::string()),
                                        ra.value("resource", std::string()),
                                        ra.value("subresource", std::string()),
                                        ra.value("namespace", std::string()),
                                        ra.value("name", std::string()),
                                        "",
                                        true};
                const ResourceInfo *info = nullptr;
                for (const auto &r : registry.all())
                    if (r.group == attrs.group && r.resource == attrs.resource)
                        info = &r;
                const bool namespaced = info ? info->namespaced : !attrs.ns.empty();
                allowed = Authorizer::allowed(user, attrs, namespaced);
                if (attrs.verb == "*" || attrs.resource == "*")
                    allowed = std::find(user.groups.begin(), user.groups.end(), "system:masters")
                              != user.groups.end();
            } else if (spec.contains("nonResourceAttributes")) {
                const json na = spec["nonResourceAttributes"];
                RequestAttributes attrs{na.value("verb", std::string()), "",   "", "", "", "",
                                        na.value("path", std::string()), false};
                allowed = Authorizer::allowed(user, attrs, false);
            }
            status = {{"allowed", allowed}};
            if (allowed
                && std::find(user.groups.begin(), user.groups.end(), "system:masters")
                       != user.groups.end())
                status["reason"] = "RBAC: allowed by ClusterRoleBinding \"cluster-admin\" of "
                                   "ClusterRole \"cluster-admin\" to Group \"system:masters\"";
            else if (allowed)
                status["reason"] = "RBAC: allowed by ClusterRoleBinding \"orrery-" + user.name
                                   + "\" of ClusterRole \"orrery-" + user.name + "\" to User \""
                                   + user.name + "\"";
        } else {
            status = Authorizer::rules(user, spec.value("namespace", std::string()));
        }
        review["apiVersion"] = "authorization.k8s.io/v1";
        review["kind"] = t.info->kind;
        review["metadata"] = {{"creationTimestamp", nullptr}};
        review["status"] = status;
        sendJson(res, 201, review);
    }

    // ---------------------------------------------------------------- lifecycle

    bool configureTls(SSL_CTX &ctx)
    {
        auto loadCert = [](const std::string &pem) {
            BIO *bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
            X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
            BIO_free(bio);
            return cert;
        };
        X509 *serverCert = loadCert(certs.serverCert);
        X509 *caCert = loadCert(certs.caCert);
        BIO *keyBio
            = BIO_new_mem_buf(certs.serverKey.data(), static_cast<int>(certs.serverKey.size()));
        EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
        BIO_free(keyBio);
        bool ok = serverCert && caCert && key && SSL_CTX_use_certificate(&ctx, serverCert) == 1
                  && SSL_CTX_use_PrivateKey(&ctx, key) == 1;
        if (ok) {
            X509_STORE_add_cert(SSL_CTX_get_cert_store(&ctx), caCert);
            STACK_OF(X509_NAME) *names = sk_X509_NAME_new_null();
            sk_X509_NAME_push(names, X509_NAME_dup(X509_get_subject_name(caCert)));
            SSL_CTX_set_client_CA_list(&ctx, names);
            // Client certificates are optional: token users connect without one.
            SSL_CTX_set_verify(&ctx, SSL_VERIFY_PEER, nullptr);
            SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
        }
        if (serverCert)
            X509_free(serverCert);
        if (caCert)
            X509_free(caCert);
        if (key)
            EVP_PKEY_free(key);
        return ok;
    }
};

ApiServer::ApiServer(ObjectStore &store, ApiServerOptions options, ApiServerHooks hooks)
    : d(std::make_unique<Private>(store, std::move(options), std::move(hooks)))
{
    d->certs = Certificates::generate(d->options.clusterName);
}

ApiServer::~ApiServer()
{
    stop();
}

void ApiServer::bootstrap()
{
    d->bootstrap();
}

void ApiServer::setVersion(const std::string &gitVersion)
{
    d->options.gitVersion = gitVersion;
}

void ApiServer::mapServiceProxy(const std::string &ns, const std::string &service,
                                const std::string &port, const std::string &url)
{
    d->serviceProxy.map(ns, service, port, url);
}

bool ApiServer::start(std::string *error)
{
    Private *p = d.get();
    d->server
        = std::make_unique<httplib::SSLServer>([p](SSL_CTX &ctx) { return p->configureTls(ctx); });
    if (!d->server->is_valid()) {
        if (error)
            *error = "could not set up TLS for the API server";
        return false;
    }
    // Every watch and log follow holds a worker for its whole life.
    d->server->new_task_queue = [] { return new httplib::ThreadPool(256); };
    d->server->set_keep_alive_max_count(10000);
    d->server->set_keep_alive_timeout(60);
    d->server->set_read_timeout(60);
    d->server->set_write_timeout(60);
    d->server->set_payload_max_length(64 * 1024 * 1024);
    // Without it every response waits for the client's delayed ACK (~40 ms per request).
    d->server->set_tcp_nodelay(true);
    // ORRERY_SIM_TRACE=1 prints one line per request with the time spent building the
    // response (lock waits included; streaming and compression excluded), for tuning.
    static const bool trace = std::getenv("ORRERY_SIM_TRACE") != nullptr;
    auto handler = [p](const httplib::Request &req, httplib::Response &res) {
        const auto started = std::chrono::steady_clock::now();
        p->handle(req, res);
        Private::compress(req, res);
        if (trace) {
            const double ms = std::chrono::duration<double, std::milli>(
                                  std::chrono::steady_clock::now() - started)
                                  .count();
            std::string query;
            for (const auto &[k, v] : req.params)
                query += (query.empty() ? "?" : "&") + k + "=" + v.substr(0, 40);
            std::fprintf(stderr, "trace %s %s%s %d %zu %.1f ms\n", req.method.c_str(),
                         req.path.c_str(), query.c_str(), res.status, res.body.size(), ms);
        }
    };
    d->server->Get(".*", handler);
    d->server->Post(".*", handler);
    d->server->Put(".*", handler);
    d->server->Patch(".*", handler);
    d->server->Delete(".*", handler);
    if (d->options.port > 0) {
        if (!d->server->bind_to_port("127.0.0.1", d->options.port)) {
            if (error)
                *error = "cannot listen on 127.0.0.1:" + std::to_string(d->options.port);
            return false;
        }
        d->port = d->options.port;
    } else {
        d->port = d->server->bind_to_any_port("127.0.0.1");
        if (d->port <= 0) {
            if (error)
                *error = "cannot listen on 127.0.0.1";
            return false;
        }
    }
    d->stopping = false;
    d->thread = startListening(*p->server);
    return true;
}

void ApiServer::stop()
{
    if (!d->server)
        return;
    d->stopping = true;
    d->server->stop();
    if (d->thread.joinable())
        d->thread.join();
    d->server.reset();
}

int ApiServer::port() const
{
    return d->port;
}

std::string ApiServer::url() const
{
    return "https://127.0.0.1:" + std::to_string(d->port);
}

const Certificates &ApiServer::certificates() const
{
    return d->certs;
}

std::string ApiServer::operatorToken() const
{
    return d->operatorToken;
}

void ApiServer::handle(const httplib::Request &request, httplib::Response &response)
{
    d->handle(request, response);
}

std::string ApiServer::viewerToken() const
{
    return d->viewerToken;
}

} // namespace Orrery::Sim
