// SPDX-License-Identifier: GPL-3.0-or-later
#include "awsservice.h"

#include "front/cloudencoding.h"

#include "front/servicefront.h"
#include "scenario.h"
#include "sigv4check.h"

#include <httplib.h>
#include <openssl/evp.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <variant>

using json = nlohmann::json;

namespace Orrery::Sim {

namespace {

constexpr const char *StsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";
constexpr const char *SignatureMismatch
    = "The request signature we calculated does not match the signature you provided. Check "
      "your AWS Secret Access Key and signing method. Consult the service documentation for "
      "details.";
constexpr long long MaxSkewSeconds = 15 * 60;
constexpr long long TokenValiditySeconds
    = 15 * 60; // aws-iam-authenticator's presignedURLExpiration

std::string awsIsoTime(long long epoch)
{
    const std::time_t t = static_cast<std::time_t>(epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string xmlEscape(const std::string &s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string randomString(std::size_t n, const char *alphabet)
{
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    const std::string a(alphabet);
    std::uniform_int_distribution<std::size_t> pick(0, a.size() - 1);
    std::string out;
    for (std::size_t i = 0; i < n; ++i)
        out += a[pick(rng)];
    return out;
}

std::string requestId()
{
    const std::string h = randomString(32, "0123456789abcdef");
    return h.substr(0, 8) + '-' + h.substr(8, 4) + '-' + h.substr(12, 4) + '-' + h.substr(16, 4)
           + '-' + h.substr(20);
}

// A stable IAM unique id (AIDA…/AROA…) for a name.
std::string uniqueId(const std::string &prefix, const std::string &name)
{
    const std::string hex = SigV4::sha256Hex(name);
    std::string out = prefix;
    const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    for (std::size_t i = 0; out.size() < 21; ++i)
        out += alphabet[static_cast<unsigned char>(hex[i]) % 32];
    return out;
}

std::string value(const SigV4::Pairs &pairs, const std::string &name)
{
    for (const auto &[k, v] : pairs)
        if (k == name)
            return v;
    return {};
}

} // namespace

struct AwsService::Private
{
    struct Principal
    {
        std::string accessKeyId;
        std::string secret;
        std::string sessionToken; // temporary credentials only
        long long expires = 0;    // 0: long-term key
        std::string account;
        std::string arn;    // arn:aws:iam::A:user/N or arn:aws:sts::A:assumed-role/R/S
        std::string userId; // AIDA… or AROA…:SESSION
        std::string iamArn; // the user's or the role's IAM ARN (what aws-auth maps)
        std::string sessionName;
    };
    struct Role
    {
        std::string account;
        std::string name;
        std::string arn;
        std::vector<std::string> trusted; // IAM ARNs allowed to assume it
    };
    struct Mapping
    {
        std::string arn;
        std::string username;
        std::vector<std::string> groups;
    };
    struct Cluster
    {
        std::string account;
        std::string region;
        std::string name;
        std::string simCluster; // whose endpoint and CA it hands out
        std::string version;
        std::string platformVersion;
        long long createdAt = 0;
        std::vector<Mapping> mapRoles;
        std::vector<Mapping> mapUsers;
    };

    // IAM Identity Center: its users, the roles assigned to them (account + role name) and
    // the access tokens `aws sso login` would have cached for them.
    struct SsoUser
    {
        std::string name;
        std::vector<std::pair<std::string, std::string>> assignments; // account, role name
    };
    struct SsoToken
    {
        std::string user;
        long long expires = 0;
    };

    ServiceFront &front;
    ClusterAccess &clusters;
    mutable std::mutex mutex;
    std::map<std::string, Principal> keys; // by access key id
    std::map<std::string, Role> roles;     // by ARN
    std::vector<Cluster> eks;
    std::string ssoStartUrl;
    std::string ssoRegion;
    std::map<std::string, SsoUser> ssoUsers;   // by name
    std::map<std::string, SsoToken> ssoTokens; // by access token

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
            const json aws = header.value("cloud", json::object()).value("aws", json());
            if (aws.is_object())
                loadAccount(cluster, header, aws);
        }
    }

    static std::vector<std::string> strings(const json &j)
    {
        std::vector<std::string> out;
        if (j.is_array())
            for (const json &s : j)
                if (s.is_string())
                    out.push_back(s.get<std::string>());
        return out;
    }

    void loadAccount(const std::string &simCluster, const json &header, const json &aws)
    {
        const std::string account = aws.value("accountId", "000000000000");
        for (const json &u : aws.value("users", json::array())) {
            Principal p;
            p.accessKeyId = u.value("accessKeyId", "");
            p.secret = u.value("secretAccessKey", "");
            if (p.accessKeyId.empty() || p.secret.empty())
                continue;
            const std::string name = u.value("name", "user");
            p.account = account;
            p.arn = p.iamArn = "arn:aws:iam::" + account + ":user/" + name;
            p.userId = uniqueId("AIDA", p.arn);
            keys[p.accessKeyId] = p;
        }
        for (const json &r : aws.value("roles", json::array())) {
            Role role;
            role.account = account;
            role.name = r.value("name", "");
            if (role.name.empty())
                continue;
            role.arn = "arn:aws:iam::" + account + ":role/" + role.name;
            for (const std::string &t : strings(r.value("trustedUsers", json::array())))
                role.trusted.push_back("arn:aws:iam::" + account + ":user/" + t);
            roles[role.arn] = role;
        }
        const json sso = aws.value("sso", json::object());
        if (sso.is_object() && !sso.empty()) {
            ssoStartUrl = sso.value("startUrl", "https://orrery-sim.awsapps.com/start");
            ssoRegion = sso.value("region", aws.value("region", "us-east-1"));
            for (const json &u : sso.value("users", json::array())) {
                SsoUser user;
                user.name = u.value("name", "");
                if (user.name.empty())
                    continue;
                for (const std::string &role : strings(u.value("roles", json::array())))
                    user.assignments.emplace_back(account, role);
                ssoUsers[user.name] = user;
            }
        }
        Cluster c;
        c.account = account;
        c.region = aws.value("region", "us-east-1");
        c.name = simCluster;
        c.simCluster = simCluster;
        std::string version = header.value("kubernetesVersion", "v1.32.2");
        if (!version.empty() && version[0] == 'v')
            version.erase(0, 1);
        // "1.28.15-eks-7f9249a" -> "1.28", as EKS reports it
        const std::size_t dot = version.find('.');
        const std::size_t second = dot == std::string::npos ? dot : version.find('.', dot + 1);
        c.version = second == std::string::npos ? version : version.substr(0, second);
        c.platformVersion = aws.value("platformVersion", "eks.1");
        c.createdAt = parseIso(aws.value("createdAt", "2024-01-01T00:00:00Z"));
        const json awsAuth = aws.value("awsAuth", json::object());
        for (const json &m : awsAuth.value("mapRoles", json::array()))
            c.mapRoles.push_back({m.value("rolearn", ""), m.value("username", ""),
                                  strings(m.value("groups", json::array()))});
        for (const json &m : awsAuth.value("mapUsers", json::array()))
            c.mapUsers.push_back({m.value("userarn", ""), m.value("username", ""),
                                  strings(m.value("groups", json::array()))});
        eks.push_back(std::move(c));
    }

    // ---- authentication of signed requests ------------------------------------------------

    struct Failure
    {
        int status = 403;
        std::string code;
        std::string message;
    };

    struct Signed
    {
        std::string method;
        std::string path;
        SigV4::Pairs query; // without X-Amz-Signature
        std::multimap<std::string, std::string> headers;
        std::string payloadHash;
        std::string credential;
        std::string amzDate;
        std::string signedHeaders;
        std::string signature;
        std::string securityToken;
        long long expires = -1; // presigned only
    };

    // The principal a signed request comes from, or the failure AWS would answer. Locked.
    std::variant<Principal, Failure> verify(const Signed &s, const std::string &service,
                                            long long now, SigV4::Scope *scopeOut) const
    {
        SigV4::Scope scope;
        if (!scope.parse(s.credential))
            return Failure{400, "IncompleteSignature",
                           "Credential must have exactly 5 slash-delimited elements, e.g. "
                           "keyid/date/region/service/term"};
        const long long signedAt = SigV4::parseAmzDate(s.amzDate);
        if (signedAt < 0 || s.amzDate.substr(0, 8) != scope.date)
            return Failure{400, "IncompleteSignature",
                           "Date in Credential scope does not match "
                           "YYYYMMDD from ISO-8601 version of date "
                           "from HTTP"};
        if (scope.service != service)
            return Failure{403, "SignatureDoesNotMatch",
                           "Credential should be scoped to correct service: '" + service + "'."};
        const auto it = keys.find(scope.accessKeyId);
        if (it == keys.end())
            return Failure{403, "InvalidClientTokenId",
                           "The security token included in the request is invalid."};
        const Principal &p = it->second;
        if (!p.sessionToken.empty() && !constantTimeEqual(p.sessionToken, s.securityToken))
            return Failure{403, "InvalidClientTokenId",
                           "The security token included in the request is invalid."};
        if (p.expires && now >= p.expires)
            return Failure{403, "ExpiredToken",
                           "The security token included in the request is expired"};
        if (s.expires >= 0) {
            if (now > signedAt + s.expires)
                return Failure{403, "AccessDenied", "Request has expired"};
        } else if (signedAt > now + MaxSkewSeconds || signedAt < now - MaxSkewSeconds) {
            return Failure{403, "SignatureDoesNotMatch",
                           "Signature expired: " + s.amzDate + " is now earlier than "
                               + awsIsoTime(now - MaxSkewSeconds) + " (" + awsIsoTime(now)
                               + " - 15 min.)"};
        }
        SigV4::Request r{s.method, s.path, s.query, s.headers, s.payloadHash};
        const std::string canonical = SigV4::canonicalRequest(r, s.signedHeaders);
        const std::string expected = SigV4::signature(p.secret, scope, s.amzDate, canonical);
        if (!constantTimeEqual(expected, s.signature))
            return Failure{403, "SignatureDoesNotMatch", SignatureMismatch};
        if (scopeOut)
            *scopeOut = scope;
        return p;
    }

    static Signed fromHttp(const httplib::Request &req, Failure *missing)
    {
        Signed s;
        s.method = req.method;
        const std::string &target = req.target.empty() ? req.path : req.target;
        const std::size_t q = target.find('?');
        s.path = target.substr(0, q);
        if (q != std::string::npos)
            for (auto &[k, v] : SigV4::parseQuery(target.substr(q + 1))) {
                if (k == "X-Amz-Signature")
                    s.signature = v;
                else
                    s.query.emplace_back(k, v);
            }
        for (const auto &[k, v] : req.headers) {
            std::string lower = k;
            std::transform(lower.begin(), lower.end(), lower.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            s.headers.emplace(lower, v);
        }
        s.payloadHash = SigV4::sha256Hex(req.body);
        const std::string auth = req.get_header_value("Authorization");
        const std::string algorithm = "AWS4-HMAC-SHA256 ";
        if (auth.rfind(algorithm, 0) == 0) {
            std::size_t pos = algorithm.size();
            while (pos < auth.size()) {
                std::size_t end = auth.find(',', pos);
                if (end == std::string::npos)
                    end = auth.size();
                std::string part = auth.substr(pos, end - pos);
                while (!part.empty() && part.front() == ' ')
                    part.erase(0, 1);
                const std::size_t eq = part.find('=');
                if (eq != std::string::npos) {
                    const std::string k = part.substr(0, eq);
                    const std::string v = part.substr(eq + 1);
                    if (k == "Credential")
                        s.credential = v;
                    else if (k == "SignedHeaders")
                        s.signedHeaders = v;
                    else if (k == "Signature")
                        s.signature = v;
                }
                pos = end + 1;
            }
            s.amzDate = req.get_header_value("X-Amz-Date");
            s.securityToken = req.get_header_value("X-Amz-Security-Token");
            if (s.credential.empty() || s.signedHeaders.empty() || s.signature.empty())
                *missing = {400, "IncompleteSignature",
                            "Authorization header requires 'Credential', 'Signature' and "
                            "'SignedHeaders' parameters."};
            if (req.has_header("X-Amz-Content-Sha256"))
                s.payloadHash = req.get_header_value("X-Amz-Content-Sha256");
        } else if (!s.signature.empty()) {
            s.credential = value(s.query, "X-Amz-Credential");
            s.amzDate = value(s.query, "X-Amz-Date");
            s.signedHeaders = value(s.query, "X-Amz-SignedHeaders");
            s.securityToken = value(s.query, "X-Amz-Security-Token");
            try {
                s.expires = std::stoll(value(s.query, "X-Amz-Expires"));
            } catch (const std::exception &) {
                s.expires = 0;
            }
        } else {
            *missing
                = {403, "MissingAuthenticationToken", "Request is missing Authentication Token"};
        }
        return s;
    }

    // ---- answers -------------------------------------------------------------------------

    static void stsError(httplib::Response &res, const Failure &f)
    {
        res.status = f.status;
        res.set_content(std::string("<ErrorResponse xmlns=\"") + StsNamespace + "\">\n"
                            + "  <Error>\n    <Type>Sender</Type>\n    <Code>" + xmlEscape(f.code)
                            + "</Code>\n    <Message>" + xmlEscape(f.message)
                            + "</Message>\n  </Error>\n  <RequestId>" + requestId()
                            + "</RequestId>\n</ErrorResponse>\n",
                        "text/xml");
    }

    static void eksError(httplib::Response &res, const Failure &f)
    {
        // EKS is a REST-JSON service: the same failures under its own exception names.
        std::string type = f.code;
        if (type == "SignatureDoesNotMatch")
            type = "InvalidSignatureException";
        else if (type == "InvalidClientTokenId")
            type = "UnrecognizedClientException";
        else if (type == "MissingAuthenticationToken")
            type = "MissingAuthenticationTokenException";
        else if (type == "ExpiredToken")
            type = "ExpiredTokenException";
        else if (type == "IncompleteSignature")
            type = "IncompleteSignatureException";
        else if (type == "AccessDenied")
            type = "AccessDeniedException";
        res.status = f.status;
        res.set_header("x-amzn-ErrorType", type);
        res.set_header("x-amzn-RequestId", requestId());
        res.set_content(json{{"message", f.message}}.dump(), "application/json");
    }

    void handleSts(const httplib::Request &req, httplib::Response &res)
    {
        Failure missing;
        Signed s = fromHttp(req, &missing);
        if (!missing.code.empty())
            return stsError(res, missing);
        // The Query API's parameters: the form body of a POST, else the query string.
        SigV4::Pairs params = s.query;
        if (req.method == "POST")
            for (auto &kv : SigV4::parseQuery(req.body))
                params.push_back(kv);
        std::lock_guard lock(mutex);
        const long long now = wallNow();
        auto verified = verify(s, "sts", now, nullptr);
        if (auto *f = std::get_if<Failure>(&verified))
            return stsError(res, *f);
        const Principal caller = std::get<Principal>(verified);
        const std::string action = value(params, "Action");
        if (action == "GetCallerIdentity") {
            res.set_content(std::string("<GetCallerIdentityResponse xmlns=\"") + StsNamespace
                                + "\">\n  <GetCallerIdentityResult>\n    <Arn>"
                                + xmlEscape(caller.arn) + "</Arn>\n    <UserId>"
                                + xmlEscape(caller.userId) + "</UserId>\n    <Account>"
                                + caller.account
                                + "</Account>\n  </GetCallerIdentityResult>\n"
                                  "  <ResponseMetadata>\n    <RequestId>"
                                + requestId()
                                + "</RequestId>\n  </ResponseMetadata>\n"
                                  "</GetCallerIdentityResponse>\n",
                            "text/xml");
            return;
        }
        if (action == "AssumeRole")
            return assumeRole(params, caller, now, res);
        stsError(res, {400, "InvalidAction",
                       "Could not find operation " + action + " for version "
                           + value(params, "Version")});
    }

    void assumeRole(const SigV4::Pairs &params, const Principal &caller, long long now,
                    httplib::Response &res)
    {
        const std::string roleArn = value(params, "RoleArn");
        const std::string session = value(params, "RoleSessionName");
        if (roleArn.empty() || session.size() < 2 || session.size() > 64)
            return stsError(res,
                            {400, "ValidationError",
                             "1 validation error detected: Value at 'roleSessionName' failed to "
                             "satisfy constraint: Member must have length between 2 and 64"});
        long long duration = 3600;
        if (const std::string seconds = value(params, "DurationSeconds"); !seconds.empty()) {
            try {
                duration = std::stoll(seconds);
            } catch (const std::exception &) {
                duration = -1;
            }
            if (duration < 900 || duration > 43200)
                return stsError(res, {400, "ValidationError",
                                      "1 validation error detected: Value '" + seconds
                                          + "' at 'durationSeconds' failed to satisfy "
                                            "constraint: Member must have value between 900 "
                                            "and 43200"});
        }
        const auto role = roles.find(roleArn);
        const bool trusted
            = role != roles.end()
              && std::find(role->second.trusted.begin(), role->second.trusted.end(), caller.iamArn)
                     != role->second.trusted.end();
        if (!trusted)
            return stsError(res, {403, "AccessDenied",
                                  "User: " + caller.arn
                                      + " is not authorized to perform: sts:AssumeRole on "
                                        "resource: "
                                      + roleArn});
        const Principal temp = temporaryCredentials(role->second, session, now + duration);
        res.set_content(
            std::string("<AssumeRoleResponse xmlns=\"") + StsNamespace
                + "\">\n  <AssumeRoleResult>\n    <AssumedRoleUser>\n      <AssumedRoleId>"
                + xmlEscape(temp.userId) + "</AssumedRoleId>\n      <Arn>" + xmlEscape(temp.arn)
                + "</Arn>\n    </AssumedRoleUser>\n    <Credentials>\n      <AccessKeyId>"
                + temp.accessKeyId + "</AccessKeyId>\n      <SecretAccessKey>"
                + xmlEscape(temp.secret) + "</SecretAccessKey>\n      <SessionToken>"
                + xmlEscape(temp.sessionToken) + "</SessionToken>\n      <Expiration>"
                + awsIsoTime(temp.expires)
                + "</Expiration>\n    </Credentials>\n  </AssumeRoleResult>\n"
                  "  <ResponseMetadata>\n    <RequestId>"
                + requestId() + "</RequestId>\n  </ResponseMetadata>\n</AssumeRoleResponse>\n",
            "text/xml");
    }

    // ---- IAM Identity Center's portal (GetRoleCredentials) ---------------------------------

    static void ssoError(httplib::Response &res, int status, const std::string &type,
                         const std::string &message)
    {
        // REST-JSON, as the portal answers: the exception's name in x-amzn-ErrorType.
        res.status = status;
        res.set_header("x-amzn-ErrorType", type);
        res.set_header("x-amzn-RequestId", requestId());
        res.set_content(json{{"message", message}}.dump(), "application/json");
    }

    Principal temporaryCredentials(const Role &role, const std::string &session, long long expires)
    {
        Principal temp;
        temp.accessKeyId = "ASIA" + randomString(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
        temp.secret = randomString(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                       "0123456789+/");
        temp.sessionToken = "IQoJb3JpZ2luX2VjE"
                            + randomString(300, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                "abcdefghijklmnopqrstuvwxyz"
                                                "0123456789+/");
        temp.expires = expires;
        temp.account = role.account;
        temp.iamArn = role.arn;
        temp.sessionName = session;
        temp.arn = "arn:aws:sts::" + temp.account + ":assumed-role/" + role.name + "/" + session;
        temp.userId = uniqueId("AROA", role.arn) + ":" + session;
        keys[temp.accessKeyId] = temp;
        return temp;
    }

    void handleSso(const httplib::Request &req, httplib::Response &res)
    {
        if (req.path != "/aws/sso/federation/credentials")
            return ssoError(res, 404, "UnknownOperationException",
                            "Unknown operation " + req.method + " " + req.path);
        if (req.method != "GET")
            return ssoError(res, 405, "UnknownOperationException",
                            "GetRoleCredentials is GET /federation/credentials");
        const std::string token = req.get_header_value("x-amz-sso_bearer_token");
        std::string roleName;
        std::string accountId;
        std::map<std::string, int> seen;
        for (const auto &[k, v] : req.params) {
            ++seen[k];
            if (k == "role_name")
                roleName = v;
            else if (k == "account_id")
                accountId = v;
        }
        std::lock_guard lock(mutex);
        const long long now = wallNow();
        // The token first: without a valid one the portal says nothing else.
        const auto t = ssoTokens.find(token);
        if (token.empty() || t == ssoTokens.end() || now >= t->second.expires)
            return ssoError(res, 401, "UnauthorizedException",
                            "Session token not found or invalid");
        if (roleName.empty() || accountId.empty() || seen["role_name"] > 1
            || seen["account_id"] > 1)
            return ssoError(res, 400, "InvalidRequestException",
                            "role_name and account_id are required, once each");
        const auto u = ssoUsers.find(t->second.user);
        const auto &assigned = u == ssoUsers.end()
                                   ? std::vector<std::pair<std::string, std::string>>{}
                                   : u->second.assignments;
        const bool allowed
            = std::find(assigned.begin(), assigned.end(), std::make_pair(accountId, roleName))
              != assigned.end();
        const auto role = roles.find("arn:aws:iam::" + accountId + ":role/" + roleName);
        if (!allowed || role == roles.end())
            return ssoError(res, 403, "ForbiddenException", "No access");
        // A permission set's default session: one hour.
        const Principal temp = temporaryCredentials(role->second, t->second.user, now + 3600);
        res.set_content(json{{"roleCredentials",
                              {{"accessKeyId", temp.accessKeyId},
                               {"secretAccessKey", temp.secret},
                               {"sessionToken", temp.sessionToken},
                               {"expiration", temp.expires * 1000}}}}
                            .dump(),
                        "application/json");
    }

    json describe(const Cluster &c) const
    {
        const std::string arn = "arn:aws:eks:" + c.region + ":" + c.account + ":cluster/" + c.name;
        const std::string oidc = SigV4::sha256Hex(arn).substr(0, 32);
        std::string upper = oidc;
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
        return json{
            {"name", c.name},
            {"arn", arn},
            {"createdAt", c.createdAt},
            {"version", c.version},
            {"endpoint", clusters.serverUrl(c.simCluster)},
            {"roleArn", "arn:aws:iam::" + c.account + ":role/" + c.name + "-cluster-role"},
            {"resourcesVpcConfig",
             {{"subnetIds", json::array()},
              {"securityGroupIds", json::array()},
              {"vpcId", "vpc-" + oidc.substr(0, 17)},
              {"endpointPublicAccess", true},
              {"endpointPrivateAccess", false},
              {"publicAccessCidrs", {"0.0.0.0/0"}}}},
            {"kubernetesNetworkConfig",
             {{"serviceIpv4Cidr", "172.20.0.0/16"}, {"ipFamily", "ipv4"}}},
            {"identity",
             {{"oidc",
               {{"issuer", "https://oidc.eks." + c.region + ".amazonaws.com/id/" + upper}}}}},
            {"status", "ACTIVE"},
            {"certificateAuthority", {{"data", base64(clusters.caCertificate(c.simCluster))}}},
            {"platformVersion", c.platformVersion},
            {"tags", json::object()},
            {"accessConfig", {{"authenticationMode", "CONFIG_MAP"}}}};
    }

    void handleEks(const httplib::Request &req, httplib::Response &res)
    {
        Failure missing;
        Signed s = fromHttp(req, &missing);
        if (!missing.code.empty())
            return eksError(res, missing);
        std::lock_guard lock(mutex);
        SigV4::Scope scope;
        auto verified = verify(s, "eks", wallNow(), &scope);
        if (auto *f = std::get_if<Failure>(&verified))
            return eksError(res, *f);
        const Principal caller = std::get<Principal>(verified);
        const std::string base = "/aws/eks/clusters";
        std::string path = s.path;
        while (path.size() > 1 && path.back() == '/')
            path.pop_back();
        if (req.method == "GET" && path == base) {
            std::vector<const Cluster *> visible;
            for (const Cluster &c : eks)
                if (c.account == caller.account && c.region == scope.region)
                    visible.push_back(&c);
            std::sort(visible.begin(), visible.end(),
                      [](const Cluster *a, const Cluster *b) { return a->name < b->name; });
            long long max = 100;
            std::size_t start = 0;
            try {
                if (const std::string m = value(s.query, "maxResults"); !m.empty())
                    max = std::stoll(m);
                if (const std::string t = value(s.query, "nextToken"); !t.empty())
                    start = static_cast<std::size_t>(std::stoull(t));
            } catch (const std::exception &) {
                max = -1;
            }
            if (max < 1 || max > 100 || start > visible.size())
                return eksError(res, {400, "InvalidParameterException",
                                      "maxResults must be between 1 and 100, and nextToken one "
                                      "this API returned"});
            json names = json::array();
            std::size_t i = start;
            for (; i < visible.size() && names.size() < static_cast<std::size_t>(max); ++i)
                names.push_back(visible[i]->name);
            json body{{"clusters", names}};
            if (i < visible.size())
                body["nextToken"] = std::to_string(i);
            res.set_content(body.dump(), "application/json");
            return;
        }
        if (req.method == "GET" && path.rfind(base + "/", 0) == 0) {
            const std::string name = percentDecode(path.substr(base.size() + 1));
            for (const Cluster &c : eks)
                if (c.account == caller.account && c.region == scope.region && c.name == name) {
                    res.set_content(json{{"cluster", describe(c)}}.dump(), "application/json");
                    return;
                }
            return eksError(res, {404, "ResourceNotFoundException",
                                  "No cluster found for name: " + name + "."});
        }
        eksError(res, {404, "UnknownOperationException",
                       "Unknown operation " + req.method + " " + path});
    }
};

AwsService::AwsService(ServiceFront &front, ClusterAccess &clusters)
    : d(std::make_unique<Private>(front, clusters))
{
    d->load();
}

AwsService::~AwsService() = default;

void AwsService::handle(const httplib::Request &req, httplib::Response &res)
{
    if (req.path == "/aws/sts" || req.path.rfind("/aws/sts/", 0) == 0)
        return d->handleSts(req, res);
    if (req.path == "/aws/eks" || req.path.rfind("/aws/eks/", 0) == 0)
        return d->handleEks(req, res);
    if (req.path == "/aws/sso" || req.path.rfind("/aws/sso/", 0) == 0)
        return d->handleSso(req, res);
    res.status = 404;
    res.set_content(
        json{{"message", "Not Found: the simulated AWS serves /aws/sts, /aws/eks and /aws/sso"}}
            .dump(),
        "application/json");
}

AwsService::SsoPortal AwsService::ssoPortal() const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    return {d->ssoStartUrl, d->ssoRegion};
}

std::string AwsService::issueSsoToken(const std::string &user, long long lifetimeSeconds)
{
    std::lock_guard<std::mutex> lock(d->mutex);
    if (!d->ssoUsers.count(user))
        return {};
    const std::string token
        = "aoa"
          + randomString(200, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    d->ssoTokens[token] = {user, wallNow() + lifetimeSeconds};
    return token;
}

void AwsService::assignSsoRole(const std::string &user, const std::string &account,
                               const std::string &roleName)
{
    std::lock_guard<std::mutex> lock(d->mutex);
    Private::SsoUser &u = d->ssoUsers[user];
    u.name = user;
    u.assignments.emplace_back(account, roleName);
}

std::vector<AwsService::User> AwsService::users() const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    std::vector<User> out;
    for (const auto &[id, p] : d->keys) {
        if (p.expires != 0 || p.arn.find(":user/") == std::string::npos)
            continue;
        out.push_back({p.account, p.arn.substr(p.arn.find(":user/") + 6), id, p.secret});
    }
    return out;
}

void AwsService::addSyntheticClusters(const std::string &account, const std::string &region,
                                      const std::string &prefix, int count)
{
    std::lock_guard lock(d->mutex);
    const std::vector<std::string> names = d->clusters.clusterNames();
    for (int i = 0; i < count; ++i) {
        Private::Cluster c;
        c.account = account;
        c.region = region;
        c.name = prefix + "-" + std::to_string(i);
        c.simCluster = names.empty() ? std::string() : names.front();
        c.version = "1.31";
        c.platformVersion = "eks.1";
        c.createdAt = parseIso("2025-01-01T00:00:00Z");
        d->eks.push_back(std::move(c));
    }
}

std::optional<AwsService::KubeUser> AwsService::authenticateToken(const std::string &cluster,
                                                                  const std::string &token,
                                                                  std::string *reason) const
{
    auto fail = [reason](const std::string &why) -> std::optional<KubeUser> {
        if (reason)
            *reason = why;
        return std::nullopt;
    };
    const std::string prefix = "k8s-aws-v1.";
    if (token.rfind(prefix, 0) != 0 || token.size() > 8192)
        return fail("not a k8s-aws-v1. token");
    const auto url = base64UrlDecode(token.substr(prefix.size()));
    if (!url)
        return fail("the token is not base64url");
    const std::string scheme = "https://";
    if (url->rfind(scheme, 0) != 0)
        return fail("the presigned URL is not https");
    const std::size_t slash = url->find('/', scheme.size());
    const std::size_t qmark = url->find('?', scheme.size());
    if (slash == std::string::npos || qmark == std::string::npos || qmark < slash)
        return fail("the presigned URL has no path or query");
    const std::string host = url->substr(scheme.size(), slash - scheme.size());
    const std::string path = url->substr(slash, qmark - slash);
    const std::string port = std::to_string(d->front.port());
    // aws-iam-authenticator accepts only STS hosts; the simulated STS is the front.
    if (host != "127.0.0.1:" + port && host != "localhost:" + port)
        return fail("unexpected STS host " + host);
    if (path != "/" && path != "/aws/sts" && path != "/aws/sts/")
        return fail("unexpected STS path " + path);
    Private::Signed s;
    s.method = "GET";
    s.path = path;
    const SigV4::Pairs all = SigV4::parseQuery(url->substr(qmark + 1));
    std::map<std::string, int> seen;
    for (const auto &[k, v] : all) {
        if (++seen[k] > 1)
            return fail("duplicate query parameter " + k);
        if (k == "X-Amz-Signature")
            s.signature = v;
        else
            s.query.emplace_back(k, v);
    }
    if (value(s.query, "Action") != "GetCallerIdentity")
        return fail("the presigned action is not GetCallerIdentity");
    s.credential = value(s.query, "X-Amz-Credential");
    s.amzDate = value(s.query, "X-Amz-Date");
    s.signedHeaders = value(s.query, "X-Amz-SignedHeaders");
    s.securityToken = value(s.query, "X-Amz-Security-Token");
    long long expires = -1;
    try {
        expires = std::stoll(value(s.query, "X-Amz-Expires"));
    } catch (const std::exception &) {
        return fail("X-Amz-Expires is missing");
    }
    if (expires < 0 || expires > TokenValiditySeconds)
        return fail("X-Amz-Expires is over 15 minutes");
    const long long signedAt = SigV4::parseAmzDate(s.amzDate);
    const long long now = wallNow();
    if (signedAt < 0)
        return fail("X-Amz-Date is malformed");
    if (now > signedAt + TokenValiditySeconds)
        return fail("the token has expired");
    if (signedAt > now + MaxSkewSeconds)
        return fail("the token is signed in the future");
    bool clusterSigned = false;
    for (std::size_t start = 0; start <= s.signedHeaders.size();) {
        std::size_t end = s.signedHeaders.find(';', start);
        if (end == std::string::npos)
            end = s.signedHeaders.size();
        if (s.signedHeaders.substr(start, end - start) == "x-k8s-aws-id")
            clusterSigned = true;
        start = end + 1;
    }
    if (!clusterSigned)
        return fail("x-k8s-aws-id is not signed");
    // The authenticator sends the presigned request with the cluster id header; the
    // signature verifies only when the token was made for this cluster.
    s.headers = {{"host", host}, {"x-k8s-aws-id", cluster}};
    s.payloadHash = SigV4::sha256Hex("");
    s.expires = TokenValiditySeconds; // the authenticator's window, checked above

    std::lock_guard lock(d->mutex);
    auto verified = d->verify(s, "sts", now, nullptr);
    if (auto *f = std::get_if<Private::Failure>(&verified))
        return fail("STS: " + f->code);
    const Private::Principal caller = std::get<Private::Principal>(verified);
    for (const Private::Cluster &c : d->eks) {
        if (c.simCluster != cluster || c.name != cluster)
            continue;
        auto render = [&](std::string name) {
            for (const auto &[key, val] :
                 {std::pair<std::string, std::string>{"{{AccountID}}", caller.account},
                  {"{{SessionName}}", caller.sessionName},
                  {"{{SessionNameRaw}}", caller.sessionName}}) {
                for (std::size_t pos; (pos = name.find(key)) != std::string::npos;)
                    name.replace(pos, key.size(), val);
            }
            return name;
        };
        const bool isRole = !caller.sessionName.empty();
        for (const Private::Mapping &m : isRole ? c.mapRoles : c.mapUsers)
            if (m.arn == caller.iamArn)
                return KubeUser{render(m.username), m.groups};
        return fail("ARN is not mapped: " + caller.iamArn);
    }
    return fail("no EKS cluster " + cluster);
}

} // namespace Orrery::Sim
