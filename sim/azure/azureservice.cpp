// SPDX-License-Identifier: GPL-3.0-or-later
#include "azureservice.h"

#include "front/cloudencoding.h"

#include "front/servicefront.h"
#include "scenario.h"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <mutex>
#include <random>

using json = nlohmann::json;

namespace Orrery::Sim {

namespace {

constexpr long long TokenLifetimeSeconds = 3599; // Entra ID's default: an hour, minus a second
constexpr long long ClockSkewSeconds = 5 * 60;
// kubelogin's public client, as AKS writes it into an Entra cluster's user kubeconfig.
constexpr const char *KubeloginClientId = "80faf920-1908-4b52-b5ef-a8e7bedfc67a";
constexpr const char *ArmAudiences[]
    = {"https://management.azure.com/", "https://management.azure.com",
       "https://management.core.windows.net/", "https://management.core.windows.net"};
constexpr const char *ManagedClusterType = "Microsoft.ContainerService/ManagedClusters";

std::string azureIsoTime(long long epoch, bool fraction = false)
{
    const std::time_t t = static_cast<std::time_t>(epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, fraction ? "%Y-%m-%dT%H:%M:%S.0000000Z" : "%Y-%m-%dT%H:%M:%SZ",
                  &tm);
    return buf;
}

std::string base64Url(const std::string &in)
{
    std::string out = base64(in);
    while (!out.empty() && out.back() == '=')
        out.pop_back();
    for (char &c : out) {
        if (c == '+')
            c = '-';
        else if (c == '/')
            c = '_';
    }
    return out;
}

std::string hmacSha256(const std::string &key, const std::string &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char *>(data.data()), data.size(), out, &len);
    return std::string(reinterpret_cast<const char *>(out), len);
}

std::string sha256Hex(const std::string &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(data.data(), data.size(), out, &len, EVP_sha256(), nullptr);
    static const char *hex = "0123456789abcdef";
    std::string s;
    for (unsigned int i = 0; i < len; ++i) {
        s += hex[out[i] >> 4];
        s += hex[out[i] & 15];
    }
    return s;
}

// A GUID-shaped id, random (request and trace ids).
std::string guid()
{
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    std::uniform_int_distribution<int> pick(0, 15);
    std::string h;
    for (int i = 0; i < 32; ++i)
        h += "0123456789abcdef"[pick(rng)];
    return h.substr(0, 8) + '-' + h.substr(8, 4) + '-' + h.substr(12, 4) + '-' + h.substr(16, 4)
           + '-' + h.substr(20);
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string percentEncode(const std::string &s)
{
    std::string out;
    char buf[4];
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

// application/x-www-form-urlencoded or a query string; a name given twice keeps the first.
std::map<std::string, std::string> parseForm(const std::string &text)
{
    std::map<std::string, std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('&', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string pair = text.substr(start, end - start);
        if (!pair.empty()) {
            const std::size_t eq = pair.find('=');
            const std::string k = percentDecode(pair.substr(0, eq), true);
            const std::string v = eq == std::string::npos
                                      ? std::string()
                                      : percentDecode(pair.substr(eq + 1), true);
            out.emplace(k, v);
        }
        start = end + 1;
    }
    return out;
}

std::vector<std::string> splitPath(const std::string &path)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        if (end > start)
            out.push_back(percentDecode(path.substr(start, end - start), false));
        start = end + 1;
    }
    return out;
}

std::string yamlQuoted(const std::string &s)
{
    return json(s).dump(); // a JSON string is a valid YAML double-quoted scalar
}

} // namespace

struct AzureService::Private
{
    struct Subscription
    {
        std::string id;
        std::string displayName;
    };
    struct Principal
    {
        std::string name;
        std::string appId;
        std::string objectId;
        std::string secret;
        std::vector<std::string> subscriptions;
        std::vector<std::string> kubernetesGroups;
        bool readOnly = false;
    };
    struct Cluster
    {
        std::string subscription;
        std::string resourceGroup;
        std::string name;
        std::string location;
        std::string simCluster; // whose API server it hands out
        bool primary = false;   // the scenario's own cluster (the API server authenticates it)
        std::string version;
        bool entra = true;
        long long createdAt = 0;
        int nodeCount = 1;
        std::string vmSize = "Standard_D2s_v3";
        std::string localToken; // the clusterUser token of a cluster without Entra ID
    };
    struct Failure
    {
        int status = 400;
        std::string code;
        std::string message;
    };

    ServiceFront &front;
    ClusterAccess &clusters;
    mutable std::mutex mutex;
    std::string tenant;
    std::vector<Subscription> subscriptions;
    std::map<std::string, Principal> principals; // by appId
    std::vector<Cluster> aks;
    std::string signingKey;

    Private(ServiceFront &f, ClusterAccess &c)
        : front(f)
        , clusters(c)
    {
        unsigned char key[32];
        RAND_bytes(key, sizeof key);
        signingKey.assign(reinterpret_cast<const char *>(key), sizeof key);
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
            const json azure = header.value("cloud", json::object()).value("azure", json());
            if (azure.is_object())
                loadTenant(cluster, header, azure);
        }
    }

    void loadTenant(const std::string &simCluster, const json &header, const json &azure)
    {
        if (tenant.empty())
            tenant = azure.value("tenantId", "00000000-0000-0000-0000-000000000001");
        for (const json &s : azure.value("subscriptions", json::array())) {
            Subscription sub{s.value("subscriptionId", ""), s.value("displayName", "")};
            if (!sub.id.empty())
                subscriptions.push_back(sub);
        }
        for (const json &p : azure.value("servicePrincipals", json::array())) {
            Principal pr;
            pr.name = p.value("name", "");
            pr.appId = p.value("appId", "");
            pr.objectId = p.value("objectId", guid());
            pr.secret = p.value("clientSecret", "");
            pr.subscriptions = strings(p.value("subscriptions", json::array()));
            pr.kubernetesGroups = strings(p.value("kubernetesGroups", json::array()));
            pr.readOnly = p.value("readOnly", false);
            if (!pr.appId.empty() && !pr.secret.empty())
                principals[pr.appId] = pr;
        }
        const json a = azure.value("aks", json());
        if (!a.is_object())
            return;
        Cluster c;
        c.subscription = a.value("subscriptionId", "");
        c.resourceGroup = a.value("resourceGroup", "rg-" + simCluster);
        c.name = a.value("name", simCluster);
        c.location = a.value("location", "westeurope");
        c.simCluster = simCluster;
        c.primary = true;
        c.entra = a.value("entra", true);
        c.createdAt = parseIso(a.value("createdAt", "2025-01-01T00:00:00Z"));
        std::string version = header.value("kubernetesVersion", "v1.32.5");
        if (!version.empty() && version[0] == 'v')
            version.erase(0, 1);
        c.version = version.substr(0, version.find_first_of("-+"));
        const json nodes = header.value("nodes", json::array());
        if (nodes.is_array() && !nodes.empty()) {
            c.nodeCount = static_cast<int>(nodes.size());
            const json labels = nodes.front().value("labels", json::object());
            c.vmSize = labels.value("node.kubernetes.io/instance-type", c.vmSize);
        }
        c.localToken = sha256Hex(signingKey + c.name);
        aks.push_back(std::move(c));
    }

    // ---- tokens ---------------------------------------------------------------------------

    std::string issue(const Principal &p, const std::string &audience, long long now) const
    {
        const json header{{"typ", "JWT"}, {"alg", "HS256"}, {"kid", "orrery-sim"}};
        const json claims{{"aud", audience},
                          {"iss", "https://sts.windows.net/" + tenant + "/"},
                          {"iat", now},
                          {"nbf", now},
                          {"exp", now + TokenLifetimeSeconds},
                          {"aio", "orrery-sim"},
                          {"appid", p.appId},
                          {"appidacr", "1"},
                          {"idp", "https://sts.windows.net/" + tenant + "/"},
                          {"idtyp", "app"},
                          {"oid", p.objectId},
                          {"sub", p.objectId},
                          {"tid", tenant},
                          {"ver", "1.0"}};
        const std::string signingInput = base64Url(header.dump()) + '.' + base64Url(claims.dump());
        return signingInput + '.' + base64Url(hmacSha256(signingKey, signingInput));
    }

    // The principal a token was issued to, when its signature, times and audience hold.
    // Locked.
    std::optional<Principal> verify(const std::string &token, const std::vector<std::string> &aud,
                                    long long now, Failure *failure) const
    {
        auto fail = [failure](std::string code, std::string message) -> std::optional<Principal> {
            if (failure)
                *failure = Failure{401, std::move(code), std::move(message)};
            return std::nullopt;
        };
        const std::size_t dot1 = token.find('.');
        const std::size_t dot2 = dot1 == std::string::npos ? dot1 : token.find('.', dot1 + 1);
        if (token.size() > 16384 || dot2 == std::string::npos
            || token.find('.', dot2 + 1) != std::string::npos)
            return fail("InvalidAuthenticationToken", "The access token is invalid.");
        const auto signature = base64UrlDecode(token.substr(dot2 + 1));
        if (!signature
            || !constantTimeEqual(*signature, hmacSha256(signingKey, token.substr(0, dot2))))
            return fail("InvalidAuthenticationToken",
                        "The access token is invalid: its signature could not be verified.");
        const auto payload = base64UrlDecode(token.substr(dot1 + 1, dot2 - dot1 - 1));
        const json claims = payload ? json::parse(*payload, nullptr, false) : json();
        if (!claims.is_object())
            return fail("InvalidAuthenticationToken", "The access token is invalid.");
        const long long exp = claims.value("exp", 0LL);
        if (exp <= now)
            return fail("ExpiredAuthenticationToken",
                        "The access token expiry UTC time '" + azureIsoTime(exp)
                            + "' is earlier than current UTC time '" + azureIsoTime(now) + "'.");
        if (claims.value("nbf", 0LL) > now + ClockSkewSeconds)
            return fail("InvalidAuthenticationToken", "The access token is not yet valid.");
        const std::string audience = claims.value("aud", "");
        if (std::find(aud.begin(), aud.end(), audience) == aud.end()) {
            std::string allowed;
            for (const std::string &a : aud)
                allowed += (allowed.empty() ? "'" : ",'") + a + "'";
            return fail("InvalidAuthenticationTokenAudience",
                        "The access token has been obtained for wrong audience or resource '"
                            + audience
                            + "'. It should exactly match with one of the allowed audiences "
                            + allowed + ".");
        }
        if (claims.value("tid", "") != tenant)
            return fail("InvalidAuthenticationTokenTenant",
                        "The access token is from the wrong issuer '" + claims.value("iss", "")
                            + "'.");
        const auto it = principals.find(claims.value("appid", ""));
        if (it == principals.end())
            return fail("InvalidAuthenticationToken", "The access token is invalid.");
        return it->second;
    }

    // ---- Entra ID (login) -----------------------------------------------------------------

    void aadError(httplib::Response &res, int status, const std::string &error, int code,
                  const std::string &description) const
    {
        const long long now = wallNow();
        const std::string trace = guid();
        const std::string correlation = guid();
        res.status = status;
        res.set_content(
            json{{"error", error},
                 {"error_description", "AADSTS" + std::to_string(code) + ": " + description
                                           + "\r\nTrace ID: " + trace + "\r\nCorrelation ID: "
                                           + correlation + "\r\nTimestamp: " + azureIsoTime(now)},
                 {"error_codes", {code}},
                 {"timestamp", azureIsoTime(now)},
                 {"trace_id", trace},
                 {"correlation_id", correlation},
                 {"error_uri",
                  "https://login.microsoftonline.com/error?code=" + std::to_string(code)}}
                .dump(),
            "application/json; charset=utf-8");
    }

    // /azure/login/TENANT/... (Entra ID), or /adfs/... : the same token endpoint as an AD FS
    // authority, the one kind of custom authority MSAL (and so the az CLI) uses without asking
    // login.microsoftonline.com first (docs/clouds.md, "Judges").
    void handleLogin(const httplib::Request &req, httplib::Response &res,
                     const std::vector<std::string> &segments)
    {
        const bool adfs = !segments.empty() && segments[0] == "adfs";
        const std::size_t skip = adfs ? 1 : 3;
        if (segments.size() < skip + 1)
            return aadError(res, 404, "invalid_request", 900023,
                            "Specified tenant identifier is neither a valid DNS name, nor a "
                            "valid external domain.");
        std::lock_guard lock(mutex);
        const std::string t = adfs ? tenant : segments[2];
        if (t != tenant)
            return aadError(res, 400, "invalid_tenant", 90002,
                            "Tenant '" + t
                                + "' not found. Check to make sure you have the correct tenant "
                                  "ID and are signing into the correct cloud.");
        // The authority's own URL: https://HOST/azure/login/TENANT or https://HOST/adfs.
        const std::string authority = "https://" + req.get_header_value("Host")
                                      + (adfs ? std::string("/adfs") : "/azure/login/" + tenant);
        const std::vector<std::string> rest(segments.begin() + static_cast<long>(skip),
                                            segments.end());
        if (req.method == "GET"
            && (rest == std::vector<std::string>{"v2.0", ".well-known", "openid-configuration"}
                || rest == std::vector<std::string>{".well-known", "openid-configuration"})) {
            const bool v2 = rest.front() == "v2.0";
            const std::string oauth = authority + (v2 ? "/oauth2/v2.0/" : "/oauth2/");
            res.set_content(
                json{{"token_endpoint", oauth + "token"},
                     {"token_endpoint_auth_methods_supported",
                      {"client_secret_post", "private_key_jwt", "client_secret_basic"}},
                     {"response_types_supported", {"code", "id_token", "code id_token"}},
                     {"subject_types_supported", {"pairwise"}},
                     {"id_token_signing_alg_values_supported", {"RS256"}},
                     {"authorization_endpoint", oauth + "authorize"},
                     {"device_authorization_endpoint", oauth + "devicecode"},
                     {"issuer", adfs ? authority
                                : v2 ? authority + "/v2.0"
                                     : "https://sts.windows.net/" + tenant + "/"},
                     {"tenant_region_scope", "EU"},
                     {"cloud_instance_name", "microsoftonline.com"}}
                    .dump(),
                "application/json; charset=utf-8");
            return;
        }
        const bool v2 = rest == std::vector<std::string>{"oauth2", "v2.0", "token"};
        if (req.method != "POST" || (!v2 && rest != std::vector<std::string>{"oauth2", "token"}))
            return aadError(res, 404, "invalid_request", 900561,
                            "The endpoint only accepts POST requests. Received a " + req.method
                                + " request.");
        const auto form = parseForm(req.body);
        auto param = [&form](const char *name) {
            const auto it = form.find(name);
            return it == form.end() ? std::string() : it->second;
        };
        for (const char *required : {"grant_type", "client_id"})
            if (param(required).empty())
                return aadError(res, 400, "invalid_request", 900144,
                                std::string("The request body must contain the following "
                                            "parameter: '")
                                    + required + "'.");
        if (param("grant_type") != "client_credentials")
            return aadError(res, 400, "unsupported_grant_type", 70003,
                            "The app requested an unsupported grant type '" + param("grant_type")
                                + "'.");
        const auto pr = principals.find(param("client_id"));
        if (pr == principals.end())
            return aadError(res, 400, "unauthorized_client", 700016,
                            "Application with identifier '" + param("client_id")
                                + "' was not found in the directory '" + tenant
                                + "'. This can happen if the application has not been installed "
                                  "by the administrator of the tenant or consented to by any user "
                                  "in the tenant. You may have sent your authentication request "
                                  "to the wrong tenant.");
        if (param("client_secret").empty())
            return aadError(res, 401, "invalid_client", 7000218,
                            "The request body must contain the following parameter: "
                            "'client_assertion' or 'client_secret'.");
        if (!constantTimeEqual(param("client_secret"), pr->second.secret))
            return aadError(res, 401, "invalid_client", 7000215,
                            "Invalid client secret provided. Ensure the secret being sent in the "
                            "request is the client secret value, not the client secret ID, for a "
                            "secret added to app '"
                                + pr->second.appId + "'.");
        // v2: scope=RESOURCE/.default (one resource); v1: resource=RESOURCE.
        std::string resource;
        if (v2 || !param("scope").empty()) {
            std::string scope = param("scope");
            std::size_t start = 0;
            while (start < scope.size()) {
                std::size_t end = scope.find(' ', start);
                if (end == std::string::npos)
                    end = scope.size();
                const std::string s = scope.substr(start, end - start);
                const std::string suffix = "/.default";
                if (s.size() > suffix.size()
                    && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
                    if (!resource.empty())
                        return aadError(res, 400, "invalid_scope", 70011,
                                        "The provided value for the input parameter 'scope' is "
                                        "not valid. The scope "
                                            + scope
                                            + " is not valid. Only one resource can be asked "
                                              "for at once.");
                    resource = s.substr(0, s.size() - suffix.size());
                } else if (s != "offline_access" && s != "openid" && s != "profile") {
                    return aadError(res, 400, "invalid_scope", 1002012,
                                    "The provided value for scope " + s
                                        + " is not valid. Client credential flows must have a "
                                          "scope value with /.default suffixed to the resource "
                                          "identifier (application ID URI).");
                }
                start = end + 1;
            }
        } else {
            resource = param("resource");
        }
        std::string audience;
        if (resource == AzureService::AksServerApp
            || resource == std::string("spn:") + AzureService::AksServerApp)
            audience = AzureService::AksServerApp;
        for (const char *arm : ArmAudiences) {
            // "https://management.core.windows.net/" asked as a v2 scope arrives with its
            // slash doubled: "https://management.core.windows.net//.default".
            if (resource == arm || resource + "/" == arm)
                audience = resource.back() == '/' ? resource : resource + '/';
        }
        if (audience.empty())
            return aadError(res, 400, "invalid_resource", 500011,
                            "The resource principal named " + resource
                                + " was not found in the tenant named " + tenant
                                + ". This can happen if the application has not been installed "
                                  "by the administrator of the tenant or consented to by any "
                                  "user in the tenant. You might have sent your authentication "
                                  "request to the wrong tenant.");
        const long long now = wallNow();
        json body{{"token_type", "Bearer"},
                  {"expires_in", TokenLifetimeSeconds},
                  {"ext_expires_in", TokenLifetimeSeconds},
                  {"access_token", issue(pr->second, audience, now)}};
        if (!v2) {
            body["expires_on"] = std::to_string(now + TokenLifetimeSeconds);
            body["not_before"] = std::to_string(now);
            body["resource"] = resource;
        }
        res.set_header("Cache-Control", "no-store, no-cache");
        res.set_content(body.dump(), "application/json; charset=utf-8");
    }

    // ---- Azure Resource Manager -----------------------------------------------------------

    static void armError(httplib::Response &res, const Failure &f)
    {
        res.status = f.status;
        res.set_header("x-ms-request-id", guid());
        res.set_header("x-ms-correlation-request-id", guid());
        if (f.status == 401)
            res.set_header("WWW-Authenticate",
                           "Bearer authorization_uri=\"https://login.windows.net/\", "
                           "error=\"invalid_token\", error_description=\""
                               + f.message + "\"");
        res.set_content(json{{"error", {{"code", f.code}, {"message", f.message}}}}.dump(),
                        "application/json; charset=utf-8");
    }

    json subscriptionJson(const Subscription &s) const
    {
        return json{{"id", "/subscriptions/" + s.id},
                    {"authorizationSource", "RoleBased"},
                    {"managedByTenants", json::array()},
                    {"subscriptionId", s.id},
                    {"tenantId", tenant},
                    {"displayName", s.displayName},
                    {"state", "Enabled"},
                    {"subscriptionPolicies",
                     {{"locationPlacementId", "Public_2014-09-01"},
                      {"quotaId", "PayAsYouGo_2014-09-01"},
                      {"spendingLimit", "Off"}}}};
    }

    static std::string clusterId(const Cluster &c)
    {
        return "/subscriptions/" + c.subscription + "/resourcegroups/" + c.resourceGroup
               + "/providers/Microsoft.ContainerService/managedClusters/" + c.name;
    }

    static std::string dnsPrefix(const Cluster &c)
    {
        // az aks create's default: NAME[:10]-RG[:16]-SUBSCRIPTION[:6]
        return c.name.substr(0, 10) + '-' + c.resourceGroup.substr(0, 16) + '-'
               + c.subscription.substr(0, 6);
    }

    static std::string fqdn(const Cluster &c)
    {
        return dnsPrefix(c) + '-' + sha256Hex(clusterId(c)).substr(0, 8) + ".hcp." + c.location
               + ".azmk8s.io";
    }

    json clusterJson(const Cluster &c) const
    {
        const std::string hash = sha256Hex(clusterId(c));
        json properties{
            {"provisioningState", "Succeeded"},
            {"powerState", {{"code", "Running"}}},
            {"kubernetesVersion", c.version},
            {"currentKubernetesVersion", c.version},
            {"dnsPrefix", dnsPrefix(c)},
            {"fqdn", fqdn(c)},
            {"azurePortalFQDN",
             dnsPrefix(c) + '-' + hash.substr(0, 8) + ".portal.hcp." + c.location + ".azmk8s.io"},
            {"agentPoolProfiles",
             {{{"name", "nodepool1"},
               {"count", c.nodeCount},
               {"vmSize", c.vmSize},
               {"osDiskSizeGB", 128},
               {"osDiskType", "Managed"},
               {"maxPods", 110},
               {"type", "VirtualMachineScaleSets"},
               {"provisioningState", "Succeeded"},
               {"powerState", {{"code", "Running"}}},
               {"orchestratorVersion", c.version},
               {"currentOrchestratorVersion", c.version},
               {"mode", "System"},
               {"osType", "Linux"},
               {"osSKU", "Ubuntu"},
               {"nodeImageVersion", "AKSUbuntu-2204gen2containerd-202501.12.0"},
               {"eTag", hash.substr(16, 8)},
               {"enableFIPS", false}}}},
            {"servicePrincipalProfile", {{"clientId", "msi"}}},
            {"nodeResourceGroup", "MC_" + c.resourceGroup + '_' + c.name + '_' + c.location},
            {"enableRBAC", true},
            {"supportPlan", "KubernetesOfficial"},
            {"networkProfile",
             {{"networkPlugin", "azure"},
              {"networkPluginMode", "overlay"},
              {"podCidr", "10.244.0.0/16"},
              {"serviceCidr", "10.0.0.0/16"},
              {"dnsServiceIP", "10.0.0.10"},
              {"loadBalancerSku", "standard"},
              {"outboundType", "loadBalancer"},
              {"podCidrs", {"10.244.0.0/16"}},
              {"serviceCidrs", {"10.0.0.0/16"}},
              {"ipFamilies", {"IPv4"}}}},
            {"maxAgentPools", 100},
            {"disableLocalAccounts", c.entra},
            {"oidcIssuerProfile", {{"enabled", false}}}};
        if (c.entra)
            properties["aadProfile"] = {{"managed", true},
                                        {"enableAzureRBAC", false},
                                        {"adminGroupObjectIDs", json::array()},
                                        {"tenantID", tenant}};
        return json{{"id", clusterId(c)},
                    {"location", c.location},
                    {"name", c.name},
                    {"tags", json::object()},
                    {"type", ManagedClusterType},
                    {"eTag", hash.substr(8, 8)},
                    {"identity",
                     {{"type", "SystemAssigned"}, {"principalId", guid()}, {"tenantId", tenant}}},
                    {"sku", {{"name", "Base"}, {"tier", "Free"}}},
                    {"systemData",
                     {{"createdAt", azureIsoTime(c.createdAt, true)},
                      {"createdByType", "User"},
                      {"lastModifiedAt", azureIsoTime(c.createdAt, true)},
                      {"lastModifiedByType", "User"}}},
                    {"properties", properties}};
    }

    // The user kubeconfig AKS hands out (listClusterUserCredential), as YAML.
    std::string userKubeconfig(const Cluster &c) const
    {
        const std::string server = clusters.serverUrl(c.simCluster);
        const std::string ca = base64(clusters.caCertificate(c.simCluster));
        const std::string user = "clusterUser_" + c.resourceGroup + '_' + c.name;
        std::string y
            = "apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: " + ca
              + "\n    server: " + server + "\n  name: " + c.name
              + "\ncontexts:\n- context:\n    cluster: " + c.name + "\n    user: " + user
              + "\n  name: " + c.name + "\ncurrent-context: " + c.name
              + "\nkind: Config\npreferences: {}\nusers:\n- name: " + user + "\n  user:\n";
        if (!c.entra)
            return y + "    token: " + c.localToken + '\n';
        return y
               + "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      args:\n"
                 "      - get-token\n      - --environment\n      - AzurePublicCloud\n"
                 "      - --server-id\n      - "
               + AzureService::AksServerApp + "\n      - --client-id\n      - " + KubeloginClientId
               + "\n      - --tenant-id\n      - " + tenant
               + "\n      - --login\n      - devicecode\n      command: kubelogin\n"
                 "      env: null\n      installHint: "
               + yamlQuoted("\nkubelogin is not installed which is required to connect to AAD "
                            "enabled cluster.\n\nTo learn more, please go to "
                            "https://aka.ms/aks/kubelogin\n")
               + "\n      provideClusterInfo: false\n";
    }

    void listClusters(const httplib::Request &req, httplib::Response &res,
                      std::vector<const Cluster *> visible, const std::string &path,
                      const std::string &apiVersion)
    {
        std::sort(visible.begin(), visible.end(), [](const Cluster *a, const Cluster *b) {
            return std::tie(a->resourceGroup, a->name) < std::tie(b->resourceGroup, b->name);
        });
        std::size_t start = 0;
        if (req.has_param("$skipToken")) {
            const std::string t = req.get_param_value("$skipToken");
            if (t.empty() || t.size() > 9 || !std::all_of(t.begin(), t.end(), ::isdigit)
                || std::stoull(t) > visible.size())
                return armError(res, {400, "InvalidSkipToken",
                                      "The provided skip token '" + t + "' is not valid."});
            start = static_cast<std::size_t>(std::stoull(t));
        }
        json value = json::array();
        std::size_t i = start;
        for (; i < visible.size() && value.size() < static_cast<std::size_t>(PageSize); ++i)
            value.push_back(clusterJson(*visible[i]));
        json body{{"value", value}};
        if (i < visible.size())
            body["nextLink"] = "https://" + req.get_header_value("Host") + path + "?api-version="
                               + percentEncode(apiVersion) + "&$skipToken=" + std::to_string(i);
        res.set_content(body.dump(), "application/json; charset=utf-8");
    }

    void handleArm(const httplib::Request &req, httplib::Response &res,
                   const std::vector<std::string> &all)
    {
        const std::vector<std::string> seg(all.begin() + 2, all.end()); // after azure/arm
        const std::string apiVersion = req.get_param_value("api-version");
        if (apiVersion.empty())
            return armError(res, {400, "MissingApiVersionParameter",
                                  "The api-version query parameter (?api-version=) is required "
                                  "for all requests."});
        const std::string auth = req.get_header_value("Authorization");
        if (auth.rfind("Bearer ", 0) != 0)
            return armError(res, {401, "AuthenticationFailed",
                                  "Authentication failed. The 'Authorization' header is missing."});
        std::lock_guard lock(mutex);
        Failure failure;
        const auto caller
            = verify(auth.substr(7), {std::begin(ArmAudiences), std::end(ArmAudiences)}, wallNow(),
                     &failure);
        if (!caller)
            return armError(res, failure);
        std::string path = req.path;
        while (path.size() > 1 && path.back() == '/')
            path.pop_back();
        const auto is = [&seg](std::size_t i, const char *word) {
            return i < seg.size() && lower(seg[i]) == lower(word);
        };
        if (seg.size() == 1 && is(0, "tenants") && req.method == "GET") {
            res.set_content(json{{"value",
                                  {{{"id", "/tenants/" + tenant},
                                    {"tenantId", tenant},
                                    {"tenantCategory", "Home"},
                                    {"displayName", "Orrery simulated tenant"},
                                    {"defaultDomain", "orrerysim.onmicrosoft.com"}}}}}
                                .dump(),
                            "application/json; charset=utf-8");
            return;
        }
        if (seg.empty() || !is(0, "subscriptions"))
            return armError(res, {404, "InvalidResourceType",
                                  "The resource type could not be found in the namespace for "
                                  "api version '"
                                      + apiVersion + "'."});
        if (seg.size() == 1 && req.method == "GET") {
            json value = json::array();
            for (const Subscription &s : subscriptions)
                if (std::find(caller->subscriptions.begin(), caller->subscriptions.end(), s.id)
                    != caller->subscriptions.end())
                    value.push_back(subscriptionJson(s));
            res.set_content(json{{"value", value}}.dump(), "application/json; charset=utf-8");
            return;
        }
        const std::string sub = lower(seg[1]);
        const auto known = std::find_if(subscriptions.begin(), subscriptions.end(),
                                        [&](const Subscription &s) { return s.id == sub; });
        if (known == subscriptions.end())
            return armError(res, {404, "SubscriptionNotFound",
                                  "The subscription '" + seg[1] + "' could not be found."});
        const bool member
            = std::find(caller->subscriptions.begin(), caller->subscriptions.end(), sub)
              != caller->subscriptions.end();
        auto denied = [&](const std::string &action, const std::string &scope) {
            armError(res,
                     {403, "AuthorizationFailed",
                      "The client '" + caller->objectId + "' with object id '" + caller->objectId
                          + "' does not have authorization to perform "
                            "action '"
                          + action + "' over scope '" + scope
                          + "' or the scope is invalid. If access was recently granted, "
                            "please refresh your credentials."});
        };
        if (seg.size() == 2 && req.method == "GET") {
            if (!member)
                return denied("Microsoft.Resources/subscriptions/read", "/subscriptions/" + sub);
            res.set_content(subscriptionJson(*known).dump(), "application/json; charset=utf-8");
            return;
        }
        // .../providers/Microsoft.ContainerService/managedClusters[/NAME[/ACTION]], with or
        // without resourceGroups/RG before providers.
        std::size_t p = 2;
        std::string rg;
        if (is(p, "resourceGroups") && p + 1 < seg.size()) {
            rg = seg[p + 1];
            p += 2;
        }
        if (!is(p, "providers") || !is(p + 1, "Microsoft.ContainerService")
            || !is(p + 2, "managedClusters"))
            return armError(res, {404, "InvalidResourceType",
                                  "The resource type could not be found in the namespace for "
                                  "api version '"
                                      + apiVersion + "'."});
        const std::string scope
            = "/subscriptions/" + sub + (rg.empty() ? std::string() : "/resourceGroups/" + rg);
        if (!member)
            return denied("Microsoft.ContainerService/managedClusters/read", scope);
        std::vector<const Cluster *> visible;
        for (const Cluster &c : aks)
            if (c.subscription == sub && (rg.empty() || lower(c.resourceGroup) == lower(rg)))
                visible.push_back(&c);
        if (seg.size() == p + 3 && req.method == "GET")
            return listClusters(req, res, visible, path, apiVersion);
        if (rg.empty() || seg.size() < p + 4 || seg.size() > p + 5)
            return armError(res, {404, "InvalidResourceType",
                                  "The resource type could not be found in the namespace for "
                                  "api version '"
                                      + apiVersion + "'."});
        const std::string name = seg[p + 3];
        const auto found = std::find_if(visible.begin(), visible.end(), [&](const Cluster *c) {
            return lower(c->name) == lower(name);
        });
        if (found == visible.end())
            return armError(res, {404, "ResourceNotFound",
                                  "The Resource 'Microsoft.ContainerService/managedClusters/" + name
                                      + "' under resource group '" + rg
                                      + "' was not found. For more details please go to "
                                        "https://aka.ms/ARMResourceNotFoundFix"});
        const Cluster &c = **found;
        if (seg.size() == p + 4 && req.method == "GET") {
            res.set_content(clusterJson(c).dump(), "application/json; charset=utf-8");
            return;
        }
        if (seg.size() == p + 5 && req.method == "POST"
            && lower(seg[p + 4]) == "listclusterusercredential") {
            if (caller->readOnly)
                return denied("Microsoft.ContainerService/managedClusters/"
                              "listClusterUserCredential/action",
                              clusterId(c));
            const std::string format = req.get_param_value("format");
            if (!format.empty() && lower(format) != "exec" && lower(format) != "azure")
                return armError(res, {400, "InvalidParameter",
                                      "The value of parameter format is invalid: '" + format
                                          + "'. Allowed values: azure, exec."});
            res.set_content(
                json{{"kubeconfigs",
                      {{{"name", "clusterUser"}, {"value", base64(userKubeconfig(c))}}}}}
                    .dump(),
                "application/json; charset=utf-8");
            return;
        }
        armError(res,
                 {405, "MethodNotAllowed",
                  "The requested resource does not support http method '" + req.method + "'."});
    }
};

AzureService::AzureService(ServiceFront &front, ClusterAccess &clusters)
    : d(std::make_unique<Private>(front, clusters))
{
    d->load();
}

AzureService::~AzureService() = default;

void AzureService::handle(const httplib::Request &req, httplib::Response &res)
{
    const std::vector<std::string> segments = splitPath(req.path);
    if ((segments.size() >= 2 && segments[0] == "azure" && segments[1] == "login")
        || (!segments.empty() && segments[0] == "adfs"))
        return d->handleLogin(req, res, segments);
    if (segments.size() >= 2 && segments[0] == "azure" && segments[1] == "arm")
        return d->handleArm(req, res, segments);
    res.status = 404;
    res.set_content(
        json{{"error",
              {{"code", "NotFound"},
               {"message", "The simulated Azure serves /azure/login (Entra ID) and /azure/arm "
                           "(Resource Manager)"}}}}
            .dump(),
        "application/json");
}

std::vector<AzureService::ServicePrincipal> AzureService::servicePrincipals() const
{
    std::lock_guard lock(d->mutex);
    std::vector<ServicePrincipal> out;
    for (const auto &[appId, p] : d->principals)
        out.push_back({d->tenant, p.name, appId, p.secret, p.readOnly});
    return out;
}

void AzureService::addSyntheticClusters(const std::string &subscription, const std::string &rg,
                                        const std::string &prefix, int count)
{
    std::lock_guard lock(d->mutex);
    const std::string simCluster
        = d->aks.empty() ? (d->clusters.clusterNames().empty() ? std::string()
                                                               : d->clusters.clusterNames().front())
                         : d->aks.front().simCluster;
    for (int i = 0; i < count; ++i) {
        Private::Cluster c;
        c.subscription = lower(subscription);
        c.resourceGroup = rg;
        c.name = prefix + "-" + std::to_string(i);
        c.location = "westeurope";
        c.simCluster = simCluster;
        c.version = "1.31.3";
        c.entra = true;
        c.createdAt = parseIso("2025-01-01T00:00:00Z");
        d->aks.push_back(std::move(c));
    }
}

std::optional<AzureService::KubeUser> AzureService::authenticateToken(const std::string &cluster,
                                                                      const std::string &token,
                                                                      std::string *reason) const
{
    auto fail = [reason](const std::string &why) -> std::optional<KubeUser> {
        if (reason)
            *reason = why;
        return std::nullopt;
    };
    std::lock_guard lock(d->mutex);
    for (const Private::Cluster &c : d->aks) {
        if (!c.primary || c.simCluster != cluster)
            continue;
        if (!c.entra) {
            if (constantTimeEqual(token, c.localToken))
                return KubeUser{"clusterUser", {"system:masters"}};
            return fail("not the cluster's clusterUser token");
        }
        Private::Failure failure;
        const auto p = d->verify(token, {AksServerApp}, wallNow(), &failure);
        if (!p)
            return fail("Entra ID token: " + failure.code);
        if (std::find(p->subscriptions.begin(), p->subscriptions.end(), c.subscription)
            == p->subscriptions.end())
            return fail("the principal has no access to the cluster's subscription");
        // AKS names an Entra service principal by its object id; its groups come from the
        // cluster's role bindings (the scenario's kubernetesGroups stand for them).
        return KubeUser{p->objectId, p->kubernetesGroups};
    }
    return fail("no AKS cluster " + cluster);
}

} // namespace Orrery::Sim
