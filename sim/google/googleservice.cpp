// SPDX-License-Identifier: GPL-3.0-or-later
#include "googleservice.h"

#include "front/cloudencoding.h"

#include "front/servicefront.h"
#include "scenario.h"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <random>
#include <set>

using json = nlohmann::json;

namespace Orrery::Sim {

namespace {

constexpr const char *GoogleTokenUri = "https://oauth2.googleapis.com/token";
constexpr const char *JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";
constexpr const char *CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";
constexpr long long TokenLifetimeSeconds = 3600;
constexpr long long MaxJwtLifetimeSeconds = 3600;
constexpr long long MaxSkewSeconds = 300;
constexpr std::size_t MaxAssertionBytes = 16 * 1024;
constexpr const char *Unauthenticated
    = "Request had invalid authentication credentials. Expected OAuth 2 access token, login "
      "cookie or other valid authentication credential. See "
      "https://developers.google.com/identity/sign-in/web/devconsole-project.";
constexpr const char *MissingCredential
    = "Request is missing required authentication credential. Expected OAuth 2 access token, "
      "login cookie or other valid authentication credential. See "
      "https://developers.google.com/identity/sign-in/web/devconsole-project.";

std::string randomString(std::size_t n)
{
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    static const std::string alphabet
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::string out;
    for (std::size_t i = 0; i < n; ++i)
        out += alphabet[pick(rng)];
    return out;
}

std::string sha256Hex(const std::string &data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
    static const char *hex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

struct PKeyDeleter
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
using PKey = std::shared_ptr<EVP_PKEY>;

PKey publicKeyFromPem(const std::string &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    if (!bio)
        return nullptr;
    EVP_PKEY *key = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return key ? PKey(key, PKeyDeleter()) : nullptr;
}

bool verifyRs256(EVP_PKEY *key, const std::string &signingInput, const std::string &signature)
{
    if (!key || EVP_PKEY_base_id(key) != EVP_PKEY_RSA)
        return false;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (!ctx)
        return false;
    bool ok = EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1
              && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(signature.data()),
                                  signature.size(),
                                  reinterpret_cast<const unsigned char *>(signingInput.data()),
                                  signingInput.size())
                     == 1;
    EVP_MD_CTX_free(ctx);
    return ok;
}

std::string stringOf(const json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A zone is REGION-LETTER ("europe-west1-b"); a region has one dash fewer.
std::string regionOf(const std::string &location)
{
    const std::size_t dash = location.rfind('-');
    if (dash != std::string::npos && location.size() - dash == 2)
        return location.substr(0, dash);
    return location;
}

void googleError(httplib::Response &res, int code, const std::string &status,
                 const std::string &message)
{
    res.status = code;
    if (code == 401)
        res.set_header("WWW-Authenticate",
                       "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
    res.set_content(
        json{{"error", {{"code", code}, {"message", message}, {"status", status}}}}.dump(2),
        "application/json; charset=UTF-8");
}

void oauthError(httplib::Response &res, int code, const std::string &error,
                const std::string &description)
{
    res.status = code;
    res.set_content(json{{"error", error}, {"error_description", description}}.dump(2),
                    "application/json; charset=utf-8");
}

} // namespace

struct GoogleService::Private
{
    struct Principal
    {
        std::string email;
        bool serviceAccount = false;
        std::map<std::string, PKey> keys; // by key id
        std::set<std::string> projects;   // granted on
    };
    struct Cluster
    {
        std::string project;
        std::string location;
        std::string name;
        std::string simCluster;
        std::string version; // "1.30.5-gke.1014001"
        std::string createTime;
        std::string machineType;
        std::vector<std::string> nodeLocations;
        int nodeCount = 0;
        std::map<std::string, std::vector<std::string>> kubernetesGroups; // by email
    };
    struct Project
    {
        std::string id;
        std::string number;
    };
    struct Token
    {
        std::string email;
        long long expires = 0; // 0: a fixed token (a user's login), never expires
    };

    ServiceFront &front;
    ClusterAccess &clusters;
    mutable std::mutex mutex;
    std::map<std::string, Principal> principals; // by email
    std::map<std::string, Project> projects;     // by id
    std::vector<Cluster> gke;
    std::map<std::string, Token> tokens; // by access token
    int issued = 0;

    Private(ServiceFront &f, ClusterAccess &c)
        : front(f)
        , clusters(c)
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
            const json cloud = header.value("cloud", json::object());
            const auto gcp = cloud.is_object() ? cloud.find("gcp") : cloud.end();
            if (gcp != cloud.end() && gcp->is_object())
                loadProject(cluster, header, *gcp);
        }
    }

    void loadProject(const std::string &simCluster, const json &header, const json &gcp)
    {
        Cluster c;
        c.project = stringOf(gcp, "project");
        if (c.project.empty())
            return;
        c.location = stringOf(gcp, "location");
        if (c.location.empty())
            c.location = "us-central1";
        c.name = simCluster;
        c.simCluster = simCluster;
        c.version = stringOf(header, "kubernetesVersion");
        if (!c.version.empty() && c.version[0] == 'v')
            c.version.erase(0, 1);
        c.createTime = stringOf(gcp, "createTime");
        c.machineType = stringOf(gcp, "machineType");
        if (c.machineType.empty())
            c.machineType = "e2-medium";
        c.nodeLocations = strings(gcp.value("nodeLocations", json::array()));
        if (c.nodeLocations.empty())
            c.nodeLocations = {c.location};
        const json nodes = header.value("nodes", json::array());
        c.nodeCount = nodes.is_array() ? static_cast<int>(nodes.size()) : 0;
        Project &p = projects[c.project];
        p.id = c.project;
        p.number = stringOf(gcp, "projectNumber");
        for (const json &entry : gcp.value("principals", json::array())) {
            if (!entry.is_object())
                continue;
            std::string email = stringOf(entry, "serviceAccount");
            const bool serviceAccount = !email.empty();
            if (!serviceAccount)
                email = stringOf(entry, "user");
            if (email.empty())
                continue;
            Principal &who = principals[email];
            who.email = email;
            who.serviceAccount = serviceAccount;
            who.projects.insert(c.project);
            if (const std::string pem = stringOf(entry, "publicKey"); !pem.empty())
                if (PKey key = publicKeyFromPem(pem))
                    who.keys[stringOf(entry, "keyId")] = key;
            if (const std::string token = stringOf(entry, "accessToken"); !token.empty())
                tokens[token] = Token{email, 0};
            c.kubernetesGroups[email] = strings(entry.value("kubernetesGroups", json::array()));
        }
        gke.push_back(std::move(c));
    }

    // ---- the token endpoint -------------------------------------------------------------

    std::vector<std::string> audiences() const
    {
        const std::string port = std::to_string(front.port());
        return {GoogleTokenUri, "https://www.googleapis.com/oauth2/v4/token",
                "https://127.0.0.1:" + port + "/google/oauth2/token",
                "https://localhost:" + port + "/google/oauth2/token"};
    }

    void handleToken(const httplib::Request &req, httplib::Response &res)
    {
        if (req.method != "POST")
            return oauthError(res, 405, "invalid_request", "Token requests must use POST.");
        // The form body (application/x-www-form-urlencoded), decoded.
        httplib::Params form;
        httplib::detail::parse_query_text(req.body, form);
        auto param = [&form](const char *name) {
            const auto it = form.find(name);
            return it == form.end() ? std::string() : it->second;
        };
        const std::string grant = param("grant_type");
        if (grant.empty())
            return oauthError(res, 400, "invalid_request",
                              "Missing required parameter: grant_type");
        if (grant != JwtBearerGrant)
            return oauthError(res, 400, "unsupported_grant_type", "Invalid grant_type: " + grant);
        const std::string assertion = param("assertion");
        if (assertion.empty())
            return oauthError(res, 400, "invalid_request", "Missing required parameter: assertion");
        if (assertion.size() > MaxAssertionBytes)
            return oauthError(res, 400, "invalid_grant", "Invalid JWT: too large.");

        const std::size_t dot1 = assertion.find('.');
        const std::size_t dot2 = dot1 == std::string::npos ? dot1 : assertion.find('.', dot1 + 1);
        if (dot2 == std::string::npos || assertion.find('.', dot2 + 1) != std::string::npos)
            return oauthError(res, 400, "invalid_grant", "Invalid JWT: not three parts.");
        const auto headerText = base64UrlDecode(assertion.substr(0, dot1));
        const auto claimsText = base64UrlDecode(assertion.substr(dot1 + 1, dot2 - dot1 - 1));
        const auto signature = base64UrlDecode(assertion.substr(dot2 + 1));
        if (!headerText || !claimsText || !signature)
            return oauthError(res, 400, "invalid_grant", "Invalid JWT: not base64url.");
        const json header = json::parse(*headerText, nullptr, false);
        const json claims = json::parse(*claimsText, nullptr, false);
        if (!header.is_object() || !claims.is_object())
            return oauthError(res, 400, "invalid_grant", "Invalid JWT: not JSON.");
        if (stringOf(header, "alg") != "RS256")
            return oauthError(res, 400, "invalid_grant",
                              "Invalid JWT: Invalid algorithm, only RS256 is supported.");

        const std::string iss = stringOf(claims, "iss");
        const std::string aud = stringOf(claims, "aud");
        const std::string scope = stringOf(claims, "scope");
        const auto iat = claims.find("iat");
        const auto exp = claims.find("exp");
        const long long now = wallNow();
        if (iat == claims.end() || exp == claims.end() || !iat->is_number_integer()
            || !exp->is_number_integer() || exp->get<long long>() <= now
            || iat->get<long long>() > now + MaxSkewSeconds
            || exp->get<long long>() - iat->get<long long>() > MaxJwtLifetimeSeconds
            || exp->get<long long>() <= iat->get<long long>())
            return oauthError(res, 400, "invalid_grant",
                              "Invalid JWT: Token must be a short-lived token (60 minutes) and "
                              "in a reasonable timeframe. Check your iat and exp values in the "
                              "JWT claim.");
        const auto auds = audiences();
        if (std::find(auds.begin(), auds.end(), aud) == auds.end())
            return oauthError(res, 400, "invalid_grant",
                              std::string("Invalid JWT: Failed audience check. The right "
                                          "audience is ")
                                  + GoogleTokenUri);

        std::lock_guard lock(mutex);
        const auto who = principals.find(iss);
        if (who == principals.end() || !who->second.serviceAccount)
            return oauthError(res, 400, "invalid_grant", "Invalid grant: account not found");
        // With a kid, only that key; without one, any of the account's keys (as Google).
        const std::string kid = stringOf(header, "kid");
        const std::string signingInput = assertion.substr(0, dot2);
        bool verified = false;
        for (const auto &[id, key] : who->second.keys)
            if ((kid.empty() || kid == id) && verifyRs256(key.get(), signingInput, *signature))
                verified = true;
        if (!verified)
            return oauthError(res, 400, "invalid_grant", "Invalid JWT Signature.");
        bool cloudPlatform = false;
        for (std::size_t start = 0; start <= scope.size();) {
            std::size_t end = scope.find(' ', start);
            if (end == std::string::npos)
                end = scope.size();
            if (scope.compare(start, end - start, CloudPlatformScope) == 0)
                cloudPlatform = true;
            start = end + 1;
        }
        if (!cloudPlatform)
            return oauthError(res, 400, "invalid_scope",
                              "Invalid OAuth scope or ID token audience provided.");
        // Expired tokens are forgotten (a 401 for them either way), so a long run stays small.
        for (auto it = tokens.begin(); it != tokens.end();)
            it = it->second.expires && it->second.expires <= now ? tokens.erase(it) : std::next(it);
        const std::string token = "ya29.c." + randomString(120);
        tokens[token] = Token{iss, now + TokenLifetimeSeconds};
        ++issued;
        res.set_content(json{{"access_token", token},
                             {"expires_in", TokenLifetimeSeconds - 1},
                             {"token_type", "Bearer"}}
                            .dump(2),
                        "application/json; charset=utf-8");
    }

    // ---- callers of the APIs ------------------------------------------------------------

    // The principal behind a bearer token, or null. Locked.
    const Principal *caller(const std::string &token, long long now, std::string *reason) const
    {
        const auto t = tokens.find(token);
        if (t == tokens.end()) {
            *reason = "unknown token";
            return nullptr;
        }
        if (t->second.expires && now >= t->second.expires) {
            *reason = "the token has expired";
            return nullptr;
        }
        const auto p = principals.find(t->second.email);
        if (p == principals.end()) {
            *reason = "no such principal";
            return nullptr;
        }
        return &p->second;
    }

    // The caller of an API request, or the 401 answered. Locked.
    const Principal *authenticate(const httplib::Request &req, httplib::Response &res) const
    {
        const std::string auth = req.get_header_value("Authorization");
        if (auth.rfind("Bearer ", 0) != 0) {
            googleError(res, 401, "UNAUTHENTICATED", MissingCredential);
            return nullptr;
        }
        std::string reason;
        const Principal *p = caller(auth.substr(7), wallNow(), &reason);
        if (!p)
            googleError(res, 401, "UNAUTHENTICATED", Unauthenticated);
        return p;
    }

    json describe(const Cluster &c) const
    {
        const std::string server = clusters.serverUrl(c.simCluster);
        const std::string endpoint = server.rfind("https://", 0) == 0 ? server.substr(8) : server;
        const std::string selfLink = "https://container.googleapis.com/v1/projects/" + c.project
                                     + "/locations/" + c.location + "/clusters/" + c.name;
        const std::string id = sha256Hex(c.project + "/" + c.location + "/" + c.name);
        const json nodeConfig{{"machineType", c.machineType},
                              {"diskSizeGb", 100},
                              {"oauthScopes", {CloudPlatformScope}},
                              {"metadata", {{"disable-legacy-endpoints", "true"}}},
                              {"imageType", "COS_CONTAINERD"},
                              {"serviceAccount", "default"},
                              {"diskType", "pd-balanced"},
                              {"shieldedInstanceConfig", {{"enableIntegrityMonitoring", true}}}};
        const int perZone
            = c.nodeLocations.empty()
                  ? c.nodeCount
                  : std::max(1, c.nodeCount / static_cast<int>(c.nodeLocations.size()));
        return json{
            {"name", c.name},
            {"nodeConfig", nodeConfig},
            {"masterAuth",
             {{"clusterCaCertificate", base64(clusters.caCertificate(c.simCluster))}}},
            {"loggingService", "logging.googleapis.com/kubernetes"},
            {"monitoringService", "monitoring.googleapis.com/kubernetes"},
            {"network", "default"},
            {"clusterIpv4Cidr", "10.88.0.0/14"},
            {"addonsConfig",
             {{"httpLoadBalancing", json::object()},
              {"horizontalPodAutoscaling", json::object()},
              {"networkPolicyConfig", {{"disabled", true}}}}},
            {"subnetwork", "default"},
            {"nodePools",
             {{{"name", "default-pool"},
               {"config", nodeConfig},
               {"initialNodeCount", perZone},
               {"locations", c.nodeLocations},
               {"selfLink", selfLink + "/nodePools/default-pool"},
               {"version", c.version},
               {"status", "RUNNING"},
               {"management", {{"autoUpgrade", true}, {"autoRepair", true}}},
               {"podIpv4CidrSize", 24}}}},
            {"locations", c.nodeLocations},
            {"labelFingerprint", "a9dc16a7"},
            {"legacyAbac", json::object()},
            {"ipAllocationPolicy",
             {{"useIpAliases", true},
              {"clusterIpv4CidrBlock", "10.88.0.0/14"},
              {"servicesIpv4CidrBlock", "34.118.224.0/20"}}},
            {"masterAuthorizedNetworksConfig", json::object()},
            {"databaseEncryption", {{"state", "DECRYPTED"}}},
            {"selfLink", selfLink},
            {"zone", c.location},
            {"endpoint", endpoint},
            {"initialClusterVersion", c.version},
            {"currentMasterVersion", c.version},
            {"currentNodeVersion", c.version},
            {"createTime", c.createTime},
            {"status", "RUNNING"},
            {"servicesIpv4Cidr", "34.118.224.0/20"},
            {"currentNodeCount", c.nodeCount},
            {"location", c.location},
            {"id", id},
            {"releaseChannel", {{"channel", "REGULAR"}}},
            {"workloadIdentityConfig", {{"workloadPool", c.project + ".svc.id.goog"}}},
            {"controlPlaneEndpointsConfig",
             {{"dnsEndpointConfig",
               {{"endpoint", "gke-" + id.substr(0, 32) + "." + regionOf(c.location) + ".gke.goog"},
                {"allowExternalTraffic", false}}},
              {"ipEndpointsConfig",
               {{"enabled", true},
                {"enablePublicEndpoint", true},
                {"globalAccess", true},
                {"publicEndpoint", endpoint}}}}},
            {"etag", sha256Hex(id + c.version).substr(0, 16)}};
    }

    // GET /google/container/v1/projects/P/{locations|zones}/L/clusters[/N]
    void handleContainer(const httplib::Request &req, httplib::Response &res)
    {
        const std::string prefix = "/google/container/v1/";
        std::vector<std::string> parts;
        for (std::size_t start = prefix.size(); start <= req.path.size();) {
            std::size_t end = req.path.find('/', start);
            if (end == std::string::npos)
                end = req.path.size();
            parts.push_back(
                httplib::detail::decode_url(req.path.substr(start, end - start), false));
            start = end + 1;
        }
        while (!parts.empty() && parts.back().empty())
            parts.pop_back();
        const bool shape = (parts.size() == 5 || parts.size() == 6) && parts[0] == "projects"
                           && (parts[2] == "locations" || parts[2] == "zones")
                           && parts[4] == "clusters";
        if (!shape || req.method != "GET")
            return googleError(res, 404, "NOT_FOUND",
                               "Method not found: " + req.method + " " + req.path);
        std::lock_guard lock(mutex);
        const Principal *who = authenticate(req, res);
        if (!who)
            return;
        const std::string &project = parts[1];
        const std::string &location = parts[3];
        const bool list = parts.size() == 5;
        if (!who->projects.count(project))
            return googleError(res, 403, "PERMISSION_DENIED",
                               std::string("Required \"container.clusters.")
                                   + (list ? "list" : "get") + "\" permission(s) for \"projects/"
                                   + project + "\".");
        if (list) {
            std::vector<const Cluster *> found;
            for (const Cluster &c : gke)
                if (c.project == project && (location == "-" || c.location == location))
                    found.push_back(&c);
            std::sort(found.begin(), found.end(), [](const Cluster *a, const Cluster *b) {
                return std::tie(a->location, a->name) < std::tie(b->location, b->name);
            });
            json items = json::array();
            for (const Cluster *c : found)
                items.push_back(describe(*c));
            // An empty list is {} on the wire (proto3 JSON leaves empty repeated fields out).
            json body = json::object();
            if (!items.empty())
                body["clusters"] = std::move(items);
            res.set_content(body.dump(2), "application/json; charset=UTF-8");
            return;
        }
        const std::string &name = parts[5];
        for (const Cluster &c : gke)
            if (c.project == project && c.location == location && c.name == name) {
                res.set_content(describe(c).dump(2), "application/json; charset=UTF-8");
                return;
            }
        googleError(res, 404, "NOT_FOUND",
                    "Not found: projects/" + project + "/" + parts[2] + "/" + location
                        + "/clusters/" + name + ".");
    }

    // GET /google/cloudresourcemanager/v1/projects: the projects the caller was granted on.
    void handleProjects(const httplib::Request &req, httplib::Response &res)
    {
        std::string path = req.path;
        while (path.size() > 1 && path.back() == '/')
            path.pop_back();
        if (req.method != "GET" || path != "/google/cloudresourcemanager/v1/projects")
            return googleError(res, 404, "NOT_FOUND",
                               "Method not found: " + req.method + " " + req.path);
        std::lock_guard lock(mutex);
        const Principal *who = authenticate(req, res);
        if (!who)
            return;
        json items = json::array();
        for (const std::string &id : who->projects) {
            const Project &p = projects.at(id);
            items.push_back({{"projectNumber", p.number},
                             {"projectId", p.id},
                             {"lifecycleState", "ACTIVE"},
                             {"name", p.id},
                             {"createTime", "2024-01-01T00:00:00.000Z"},
                             {"parent", {{"type", "organization"}, {"id", "610432000001"}}}});
        }
        json body = json::object();
        if (!items.empty())
            body["projects"] = std::move(items);
        res.set_content(body.dump(2), "application/json; charset=UTF-8");
    }
};

GoogleService::GoogleService(ServiceFront &front, ClusterAccess &clusters)
    : d(std::make_unique<Private>(front, clusters))
{
    d->load();
}

GoogleService::~GoogleService() = default;

void GoogleService::handle(const httplib::Request &req, httplib::Response &res)
{
    if (req.path == "/google/oauth2/token")
        return d->handleToken(req, res);
    if (req.path.rfind("/google/container/v1/", 0) == 0)
        return d->handleContainer(req, res);
    if (req.path.rfind("/google/cloudresourcemanager/v1/", 0) == 0)
        return d->handleProjects(req, res);
    googleError(res, 404, "NOT_FOUND",
                "Not Found: the simulated Google Cloud serves /google/oauth2/token, "
                "/google/container/v1 and /google/cloudresourcemanager/v1");
}

void GoogleService::expireIssuedTokens()
{
    std::lock_guard lock(d->mutex);
    const long long now = wallNow();
    for (auto &[token, t] : d->tokens)
        if (t.expires)
            t.expires = now;
}

int GoogleService::issuedTokenCount() const
{
    std::lock_guard lock(d->mutex);
    return d->issued;
}

std::optional<GoogleService::KubeUser> GoogleService::authenticateToken(const std::string &cluster,
                                                                        const std::string &token,
                                                                        std::string *reason) const
{
    std::string why;
    std::lock_guard lock(d->mutex);
    const Private::Principal *who = d->caller(token, wallNow(), &why);
    if (who) {
        for (const Private::Cluster &c : d->gke) {
            if (c.simCluster != cluster)
                continue;
            const auto groups = c.kubernetesGroups.find(who->email);
            if (!who->projects.count(c.project) || groups == c.kubernetesGroups.end()) {
                why = who->email + " has no access to project " + c.project;
                break;
            }
            return KubeUser{who->email, groups->second};
        }
        if (why.empty())
            why = "no GKE cluster " + cluster;
    }
    if (reason)
        *reason = why;
    return std::nullopt;
}

} // namespace Orrery::Sim
