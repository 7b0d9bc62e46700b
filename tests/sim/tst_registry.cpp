// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's image registries (sim/registry) and the kubelet's pulls from them: reference
// normalisation as containerd does it, what each registry holds and answers, and the pod
// states and events a pull produces (ErrImagePull / ImagePullBackOff with back-off, the
// private-registry 401, InvalidImageName, CrashLoopBackOff, images already on the node).
// Every image every scenario uses must pull with the credentials its pods bring.

#include "registry/imagereference.h"
#include "registry/registries.h"
#include "scenario.h"
#include "simtestcluster.h"
#include "simulator.h"

#include <base64.h>

#include <QtTest>

#include <set>

using namespace Orrery::Sim;
using namespace Orrery::Sim::Test;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(std::string)

namespace {

const std::string s_ecr = "123456789012.dkr.ecr.us-east-1.amazonaws.com";

json pod(const std::string &name, const std::string &image, const json &extraSpec = json::object())
{
    json p = {{"apiVersion", "v1"},
              {"kind", "Pod"},
              {"metadata", {{"name", name}, {"namespace", "app"}}},
              {"spec",
               {{"nodeName", "node-a"},
                {"containers", json::array({{{"name", "main"}, {"image", image}}})}}}};
    p["spec"].merge_patch(extraSpec);
    return p;
}

json pullSecret(const std::string &name, const std::string &host)
{
    const json config = {{"auths", {{host, {{"auth", Orrery::Base64::encode("AWS:token")}}}}}};
    return {{"apiVersion", "v1"},
            {"kind", "Secret"},
            {"metadata", {{"name", name}, {"namespace", "app"}}},
            {"type", "kubernetes.io/dockerconfigjson"},
            {"data", {{".dockerconfigjson", Orrery::Base64::encode(config.dump())}}}};
}

struct RegistryCluster : SimTestCluster
{
    RegistryCluster()
    {
        ns("app");
        node("node-a");
        cm.registries().declare(s_ecr, true);
        cm.registries().push(s_ecr + "/backend:1.2.0");
        cm.registries().push(s_ecr + "/backend:1.3.0", 1);
    }
    json container(const std::string &name)
    {
        return get(Kube::Pods, "app", name)["status"]["containerStatuses"][0];
    }
    std::string waiting(const std::string &name, const char *field = "reason")
    {
        return container(name)["state"]
            .value("/waiting"_json_pointer, json::object())
            .value(field, "");
    }
    std::vector<std::string> messages(const std::string &name, const std::string &reason)
    {
        std::vector<std::string> out;
        for (const json &e : eventsFor(name, reason))
            out.push_back(e.value("message", ""));
        return out;
    }
    bool hasMessage(const std::string &name, const std::string &reason, const std::string &part)
    {
        for (const std::string &m : messages(name, reason)) {
            if (m.find(part) != std::string::npos)
                return true;
        }
        return false;
    }
};

} // namespace

class tst_Registry : public QObject
{
    Q_OBJECT

private slots:
    void normalises_data();
    void normalises();
    void expandsTagPatterns();
    void pullAnswers();
    void credentialKeys();
    void missingImageBacksOff();
    void olderKubeletBackOffMessage();
    void privateRegistryNeedsPullSecret();
    void serviceAccountPullSecret();
    void invalidReference();
    void crashingImageCrashLoops();
    void nodeKeepsPulledImages();
    void pushedImagePulls();
    void simulatorClusterRegistries();
    void scenarioImagesAllPull_data();
    void scenarioImagesAllPull();
};

void tst_Registry::normalises_data()
{
    QTest::addColumn<std::string>("input");
    QTest::addColumn<std::string>("expected"); // empty: invalid reference format
    const std::string digest = "sha256:" + std::string(64, 'a');
    QTest::newRow("short name") << std::string("nginx")
                                << std::string("docker.io/library/nginx:latest");
    QTest::newRow("short name and tag")
        << std::string("nginx:1.25") << std::string("docker.io/library/nginx:1.25");
    QTest::newRow("organisation") << std::string("grafana/grafana:10.2.2")
                                  << std::string("docker.io/grafana/grafana:10.2.2");
    QTest::newRow("docker.io explicit")
        << std::string("docker.io/nginx:1.25") << std::string("docker.io/library/nginx:1.25");
    QTest::newRow("index.docker.io") << std::string("index.docker.io/library/busybox")
                                     << std::string("docker.io/library/busybox:latest");
    QTest::newRow("ghcr") << std::string("ghcr.io/pfe-v2/backend-spring:1.0.0")
                          << std::string("ghcr.io/pfe-v2/backend-spring:1.0.0");
    QTest::newRow("ecr") << s_ecr + "/backend" << s_ecr + "/backend:latest";
    QTest::newRow("acr") << std::string("chatappacr.azurecr.io/chat-backend:1.2.0")
                         << std::string("chatappacr.azurecr.io/chat-backend:1.2.0");
    QTest::newRow("host with port") << std::string("localhost:32000/product-service:latest")
                                    << std::string("localhost:32000/product-service:latest");
    QTest::newRow("localhost") << std::string("localhost/app")
                               << std::string("localhost/app:latest");
    QTest::newRow("nested path") << std::string("registry.k8s.io/ingress-nginx/controller:v1.9.4")
                                 << std::string("registry.k8s.io/ingress-nginx/controller:v1.9.4");
    QTest::newRow("digest only") << "nginx@" + digest << "docker.io/library/nginx@" + digest;
    QTest::newRow("tag and digest")
        << "nginx:1.25@" + digest << "docker.io/library/nginx:1.25@" + digest;
    QTest::newRow("separators") << std::string("a__b/c-d.e_f--g:T_1.x-y")
                                << std::string("docker.io/a__b/c-d.e_f--g:T_1.x-y");
    QTest::newRow("uppercase repository") << std::string("Nginx:1.25") << std::string();
    QTest::newRow("uppercase path") << std::string("ghcr.io/Acme/app:1") << std::string();
    QTest::newRow("two tags") << std::string("nginx:1.25:x") << std::string();
    QTest::newRow("empty tag") << std::string("nginx:") << std::string();
    QTest::newRow("tag starts with dot") << std::string("nginx:.1") << std::string();
    QTest::newRow("short digest") << std::string("nginx@sha256:abc") << std::string();
    QTest::newRow("other algorithm") << "nginx@md5:" + std::string(64, 'a') << std::string();
    QTest::newRow("empty") << std::string() << std::string();
    QTest::newRow("leading separator") << std::string("-nginx") << std::string();
    QTest::newRow("double slash") << std::string("ghcr.io//app") << std::string();
    QTest::newRow("bad port") << std::string("localhost:3x/app") << std::string();
    QTest::newRow("too long") << std::string(5000, 'a') << std::string();
    QTest::newRow("space") << std::string("nginx 1.25") << std::string();
}

void tst_Registry::normalises()
{
    QFETCH(std::string, input);
    QFETCH(std::string, expected);
    const auto ref = ImageReference::parse(input);
    if (expected.empty()) {
        QVERIFY2(!ref, ref ? ref->str().c_str() : "");
        return;
    }
    QVERIFY(ref);
    QCOMPARE(ref->str(), expected);
}

void tst_Registry::expandsTagPatterns()
{
    QCOMPARE(Registries::expand("1.{2..4}"), (std::vector<std::string>{"1.2", "1.3", "1.4"}));
    QCOMPARE(Registries::expand("{a,b}-{1..2}"),
             (std::vector<std::string>{"a-1", "a-2", "b-1", "b-2"}));
    QCOMPARE(Registries::expand("plain"), std::vector<std::string>{"plain"});
    QCOMPARE(Registries::expand("{x..y}"), std::vector<std::string>{"{x..y}"});
    QCOMPARE(Registries::expand("{0..99999}{0..99999}").size(), std::size_t(4096));
}

void tst_Registry::pullAnswers()
{
    Registries r;
    r.load(json::parse(R"([{"host": "123456789012.dkr.ecr.us-east-1.amazonaws.com", "private": true,
        "images": [{"repository": "backend", "tags": ["1.0.0", "1.{1..2}.0"], "crashing": ["1.3.0"]}]},
        {"host": "chatappacr.azurecr.io", "private": true,
         "images": [{"repository": "chat-backend", "tags": ["1.0.0"]}]}])"));

    PullResult ok = r.pull("nginx:1.25", {});
    QCOMPARE(int(ok.status), int(PullStatus::Pulled));
    QCOMPARE(ok.image.exitCode, -1);
    QVERIFY(ok.image.digest.size() == 71 && ok.image.digest.rfind("sha256:", 0) == 0);
    QVERIFY(ok.image.size > 0);
    // Digests are stable, and pull by digest works (with or without the tag).
    QCOMPARE(r.pull("docker.io/library/nginx:1.25", {}).image.digest, ok.image.digest);
    QCOMPARE(int(r.pull("nginx@" + ok.image.digest, {}).status), int(PullStatus::Pulled));
    QCOMPARE(int(r.pull("nginx:1.25@" + ok.image.digest, {}).status), int(PullStatus::Pulled));
    QCOMPARE(int(r.pull("nginx:1.24@" + ok.image.digest, {}).status), int(PullStatus::NotFound));
    QCOMPARE(int(r.pull("nginx@sha256:" + std::string(64, '0'), {}).status),
             int(PullStatus::NotFound));

    const PullResult tag = r.pull("nginx:nope", {});
    QCOMPARE(int(tag.status), int(PullStatus::NotFound));
    QCOMPARE(
        tag.error,
        std::string("rpc error: code = NotFound desc = failed to pull and unpack image "
                    "\"docker.io/library/nginx:nope\": failed to resolve reference "
                    "\"docker.io/library/nginx:nope\": docker.io/library/nginx:nope: not found"));

    const PullResult repo = r.pull("nope:bad", {});
    QCOMPARE(int(repo.status), int(PullStatus::AccessDenied));
    QCOMPARE(repo.error,
             std::string("rpc error: code = Unknown desc = failed to pull and unpack image "
                         "\"docker.io/library/nope:bad\": failed to resolve reference "
                         "\"docker.io/library/nope:bad\": pull access denied, repository does not "
                         "exist or may require authorization: server message: insufficient_scope: "
                         "authorization failed"));

    const PullResult ecr = r.pull(s_ecr + "/backend:1.2.0", {});
    QCOMPARE(int(ecr.status), int(PullStatus::Unauthorized));
    QCOMPARE(ecr.error, "rpc error: code = Unknown desc = failed to pull and unpack image \""
                            + s_ecr + "/backend:1.2.0\": failed to resolve reference \"" + s_ecr
                            + "/backend:1.2.0\": unexpected status from HEAD request to https://"
                            + s_ecr + "/v2/backend/manifests/1.2.0: 401 Unauthorized");
    // Credentials for another host do not help; for this one they do.
    QCOMPARE(int(r.pull(s_ecr + "/backend:1.2.0", {"ghcr.io"}).status),
             int(PullStatus::Unauthorized));
    QCOMPARE(int(r.pull(s_ecr + "/backend:1.2.0", {"https://" + s_ecr}).status),
             int(PullStatus::Pulled));
    QCOMPARE(int(r.pull(s_ecr + "/backend:1.9.0", {s_ecr}).status), int(PullStatus::NotFound));
    QCOMPARE(r.pull(s_ecr + "/backend:1.3.0", {s_ecr}).image.exitCode, 1);

    const PullResult acr = r.pull("chatappacr.azurecr.io/chat-backend:1.0.0", {});
    QCOMPARE(int(acr.status), int(PullStatus::Unauthorized));
    QVERIFY2(acr.error.find("failed to authorize: failed to fetch anonymous token: unexpected "
                            "status from GET request to https://chatappacr.azurecr.io/oauth2/"
                            "token?scope=repository%3Achat-backend%3Apull&service="
                            "chatappacr.azurecr.io: 401 Unauthorized")
                 != std::string::npos,
             acr.error.c_str());
    QCOMPARE(int(r.pull("chatappacr.azurecr.io/chat-backend:1.0.0", {"*.azurecr.io"}).status),
             int(PullStatus::Pulled));

    const PullResult host = r.pull("registry.invalid.example/app:1", {});
    QCOMPARE(int(host.status), int(PullStatus::NoSuchHost));
    QVERIFY2(host.error.find("failed to do request: Head "
                             "\"https://registry.invalid.example/v2/app/manifests/1\": dial tcp: "
                             "lookup registry.invalid.example: no such host")
                 != std::string::npos,
             host.error.c_str());

    const PullResult invalid = r.pull("nginx:1.25:x", {});
    QCOMPARE(int(invalid.status), int(PullStatus::InvalidReference));

    // hello-world ends by itself; the public catalogue knows the usual tags.
    QCOMPARE(r.pull("hello-world", {}).image.exitCode, 0);
    for (const char *image :
         {"busybox:1.36", "postgres:16.1", "mysql:5.7", "redis:7.2.3",
          "registry.k8s.io/kube-proxy:v1.32.2", "quay.io/argoproj/argocd:v2.10.1"})
        QVERIFY2(r.pull(image, {}).status == PullStatus::Pulled, image);

    // Malformed declarations are refused with a reason.
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, r.load(json::parse(R"([{"images": []}])")));
    QVERIFY_THROWS_EXCEPTION(
        std::runtime_error,
        r.load(json::parse(
            R"([{"host": "ghcr.io", "images": [{"repository": "a", "tags": [1.1]}]}])")));
    QVERIFY_THROWS_EXCEPTION(
        std::runtime_error,
        r.load(json::parse(
            R"([{"host": "ghcr.io", "images": [{"repository": "A", "tags": ["1"]}]}])")));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, r.load(json::parse(R"([{"host": "no/slash"}])")));
}

void tst_Registry::credentialKeys()
{
    QVERIFY(Registries::credentialMatches("https://index.docker.io/v1/", "docker.io"));
    QVERIFY(Registries::credentialMatches("ghcr.io", "ghcr.io"));
    QVERIFY(Registries::credentialMatches("https://GHCR.io/v2/", "ghcr.io"));
    QVERIFY(Registries::credentialMatches("localhost:32000", "localhost:32000"));
    QVERIFY(!Registries::credentialMatches("localhost:5000", "localhost:32000"));
    QVERIFY(Registries::credentialMatches("*.azurecr.io", "chatappacr.azurecr.io"));
    QVERIFY(!Registries::credentialMatches("*.azurecr.io", "a.b.azurecr.io"));
    QVERIFY(!Registries::credentialMatches("*.azurecr.io", "azurecr.io"));
    QVERIFY(!Registries::credentialMatches("ghcr.io", "docker.io"));
}

void tst_Registry::missingImageBacksOff()
{
    RegistryCluster c;
    c.store.create(Kube::Pods, pod("typo", "nginx:1.25-typo"));
    QVERIFY(c.runUntil([&] { return c.waiting("typo") == "ErrImagePull"; }, 10));
    QCOMPARE(c.waiting("typo", "message"),
             std::string("rpc error: code = NotFound desc = failed to pull and unpack image "
                         "\"docker.io/library/nginx:1.25-typo\": failed to resolve reference "
                         "\"docker.io/library/nginx:1.25-typo\": "
                         "docker.io/library/nginx:1.25-typo: not found"));
    QVERIFY(c.runUntil([&] { return c.waiting("typo") == "ImagePullBackOff"; }, 10));
    // Kubelets from 1.32 (the fixture's version) append the last pull error.
    QCOMPARE(c.waiting("typo", "message"),
             std::string("Back-off pulling image \"nginx:1.25-typo\": ErrImagePull: rpc error: "
                         "code = NotFound desc = failed to pull and unpack image "
                         "\"docker.io/library/nginx:1.25-typo\": failed to resolve reference "
                         "\"docker.io/library/nginx:1.25-typo\": "
                         "docker.io/library/nginx:1.25-typo: not found"));
    QCOMPARE(c.get(Kube::Pods, "app", "typo")["status"].value("phase", ""), std::string("Pending"));

    // Pull attempts at 0, then after 10, 20, 40, 80, 160, 300, 300 s of back-off (plus the
    // pull and the ErrImagePull display in between): count them over 20 minutes.
    std::vector<double> attempts;
    auto lastCount = [&] {
        const auto e = c.eventsFor("typo", "Pulling");
        return e.empty() ? 0 : e.front().value("count", 0);
    };
    int seen = lastCount();
    const auto start = c.clock.now();
    c.runUntil(
        [&] {
            if (const int n = lastCount(); n != seen) {
                seen = n;
                attempts.push_back(std::chrono::duration<double>(c.clock.now() - start).count());
            }
            return false;
        },
        1200);
    QVERIFY2(attempts.size() >= 6, std::to_string(attempts.size()).c_str());
    std::vector<double> gaps;
    for (std::size_t i = 1; i < attempts.size(); ++i)
        gaps.push_back(attempts[i] - attempts[i - 1]);
    // Each gap is back-off + 2 s ErrImagePull + 1 s pull: 23, 43, 83, 163, 303, 303.
    for (std::size_t i = 0; i < gaps.size(); ++i) {
        const double backoff = std::min(300.0, 20.0 * (1 << std::min<int>(int(i), 5)));
        QVERIFY2(std::abs(gaps[i] - (backoff + 3)) <= 1.01,
                 (std::to_string(i) + ": " + std::to_string(gaps[i])).c_str());
    }
    QVERIFY(gaps.back() >= 302);

    // The kubelet's events, aggregated with counts.
    QVERIFY(c.hasMessage("typo", "Pulling", "Pulling image \"nginx:1.25-typo\""));
    QVERIFY(c.hasMessage("typo", "Failed",
                         "Failed to pull image \"nginx:1.25-typo\": rpc error: code = NotFound"));
    QVERIFY(c.hasMessage("typo", "Failed", "Error: ErrImagePull"));
    QVERIFY(c.hasMessage("typo", "Failed", "Error: ImagePullBackOff"));
    QVERIFY(c.hasMessage("typo", "BackOff", "Back-off pulling image \"nginx:1.25-typo\""));
    for (const json &e : c.eventsFor("typo", "Failed")) {
        QCOMPARE(e.value("type", ""), std::string("Warning"));
        QVERIFY(e.value("count", 0) >= 6);
        QCOMPARE(e["source"].value("component", ""), std::string("kubelet"));
    }
    QVERIFY(c.eventsFor("typo", "Pulled").empty());
    QVERIFY(c.eventsFor("typo", "Started").empty());
}

void tst_Registry::olderKubeletBackOffMessage()
{
    // Before 1.32 the waiting message is only "Back-off pulling image"; events name an
    // untagged image with its default tag, as applyDefaultImageTag does.
    RegistryCluster c;
    c.cm.setKubernetesVersion("v1.28.15-eks-7f9249a");
    c.store.create(Kube::Pods, pod("untagged", "nope"));
    QVERIFY(c.runUntil([&] { return c.waiting("untagged") == "ImagePullBackOff"; }, 10));
    QCOMPARE(c.waiting("untagged", "message"),
             std::string("Back-off pulling image \"nope:latest\""));
    QVERIFY(c.hasMessage("untagged", "Pulling", "Pulling image \"nope:latest\""));
    QVERIFY(c.hasMessage("untagged", "Failed",
                         "Failed to pull image \"nope:latest\": rpc error: code = Unknown desc = "
                         "failed to pull and unpack image \"docker.io/library/nope:latest\""));
}

void tst_Registry::privateRegistryNeedsPullSecret()
{
    RegistryCluster c;
    c.store.create(Kube::Pods, pod("anon", s_ecr + "/backend:1.2.0"));
    c.store.create(Kube::Pods, pod("missing", s_ecr + "/backend:1.2.0",
                                   {{"imagePullSecrets", json::array({{{"name", "ecr"}}})}}));
    QVERIFY(c.runUntil([&] { return c.waiting("anon") == "ErrImagePull"; }, 10));
    QVERIFY2(c.waiting("anon", "message").find(": 401 Unauthorized") != std::string::npos,
             c.waiting("anon", "message").c_str());
    QVERIFY(c.hasMessage("anon", "Failed",
                         "unexpected status from HEAD request to https://" + s_ecr
                             + "/v2/backend/manifests/1.2.0: 401 Unauthorized"));
    QVERIFY(c.runUntil([&] { return c.waiting("missing") == "ImagePullBackOff"; }, 10));
    QVERIFY(c.hasMessage("missing", "FailedToRetrieveImagePullSecret",
                         "Unable to retrieve some image pull secrets (ecr); attempting to pull the "
                         "image may not succeed."));

    // The secret appears: the next attempt after the back-off pulls.
    c.store.create(Kube::Secrets, pullSecret("ecr", s_ecr));
    QVERIFY(c.runUntil([&] { return Kube::isPodReady(c.get(Kube::Pods, "app", "missing")); }, 60));
    QVERIFY(c.hasMessage("missing", "Pulled",
                         "Successfully pulled image \"" + s_ecr + "/backend:1.2.0\" in "));
    QVERIFY(c.hasMessage("missing", "Pulled", "bytes."));
    QVERIFY(c.hasMessage("missing", "Created", "Created container main"));
    QVERIFY(c.hasMessage("missing", "Started", "Started container main"));
    QCOMPARE(c.container("missing").value("imageID", "").rfind(s_ecr + "/backend@sha256:", 0),
             std::size_t(0));

    // A secret of another type, or for another host, does not count.
    json opaque = pullSecret("opaque", s_ecr);
    opaque["type"] = "Opaque";
    c.store.create(Kube::Secrets, opaque);
    c.store.create(Kube::Secrets, pullSecret("ghcr", "ghcr.io"));
    c.store.create(
        Kube::Pods,
        pod("wrong", s_ecr + "/backend:1.2.0",
            {{"imagePullSecrets", json::array({{{"name", "opaque"}}, {{"name", "ghcr"}}})},
             {"containers", json::array({{{"name", "main"},
                                          {"image", s_ecr + "/backend:1.2.0"},
                                          {"imagePullPolicy", "Always"}}})}}));
    QVERIFY(c.runUntil([&] { return c.waiting("wrong") == "ImagePullBackOff"; }, 10));
    QVERIFY(c.hasMessage("wrong", "Failed", "401 Unauthorized"));
}

void tst_Registry::serviceAccountPullSecret()
{
    RegistryCluster c;
    c.store.create(Kube::Secrets, pullSecret("ecr", s_ecr));
    c.store.create(GroupResource{"", "serviceaccounts"},
                   {{"apiVersion", "v1"},
                    {"kind", "ServiceAccount"},
                    {"metadata", {{"name", "builder"}, {"namespace", "app"}}},
                    {"imagePullSecrets", json::array({{{"name", "ecr"}}})}});
    c.store.create(Kube::Pods,
                   pod("worker", s_ecr + "/backend:1.2.0", {{"serviceAccountName", "builder"}}));
    QVERIFY(c.runUntil([&] { return Kube::isPodReady(c.get(Kube::Pods, "app", "worker")); }, 30));
    QVERIFY(c.eventsFor("worker", "Failed").empty());
}

void tst_Registry::invalidReference()
{
    RegistryCluster c;
    c.store.create(Kube::Pods, pod("bad", "nginx:1.25:x"));
    QVERIFY(c.runUntil([&] { return c.waiting("bad") == "InvalidImageName"; }, 5));
    QCOMPARE(c.waiting("bad", "message"),
             std::string("Failed to apply default image tag \"nginx:1.25:x\": couldn't parse image "
                         "name \"nginx:1.25:x\": invalid reference format"));
    c.runUntil([] { return false; }, 60);
    QCOMPARE(c.waiting("bad"), std::string("InvalidImageName")); // never retried
    QVERIFY(c.eventsFor("bad", "Pulling").empty());
    QVERIFY(c.hasMessage("bad", "InspectFailed", "invalid reference format"));
    QVERIFY(c.hasMessage("bad", "Failed", "Error: InvalidImageName"));
}

void tst_Registry::crashingImageCrashLoops()
{
    RegistryCluster c;
    c.store.create(Kube::Secrets, pullSecret("ecr", s_ecr));
    c.store.create(Kube::Pods, pod("crash", s_ecr + "/backend:1.3.0",
                                   {{"imagePullSecrets", json::array({{{"name", "ecr"}}})}}));
    // A process that exits by its command, on an image that is fine.
    c.store.create(
        Kube::Pods,
        pod("exits", "busybox:1.36",
            {{"containers", json::array({{{"name", "main"},
                                          {"image", "busybox:1.36"},
                                          {"command", json::array({"sh", "-c", "exit 3"})}}})}}));
    c.store.create(Kube::Pods, pod("hello", "hello-world"));
    // `kubectl run x --image=busybox -- sh -c "exit 2"`: args only, the image runs them.
    c.store.create(
        Kube::Pods,
        pod("args", "busybox:1.36",
            {{"containers", json::array({{{"name", "main"},
                                          {"image", "busybox:1.36"},
                                          {"args", json::array({"sh", "-c", "exit 2"})}}})}}));
    QVERIFY(c.runUntil(
        [&] {
            return c.container("crash").value("restartCount", 0) >= 3
                   && c.container("exits").value("restartCount", 0) >= 3
                   && c.container("hello").value("restartCount", 0) >= 3
                   && c.container("args").value("restartCount", 0) >= 3;
        },
        200));
    QVERIFY(c.runUntil([&] { return c.waiting("crash") == "CrashLoopBackOff"; }, 30));
    QVERIFY2(c.waiting("crash", "message").find("restarting failed container=main pod=crash_app(")
                 != std::string::npos,
             c.waiting("crash", "message").c_str());
    QCOMPARE(c.container("crash")["lastState"]["terminated"].value("exitCode", 0), 1);
    QCOMPARE(c.container("crash")["lastState"]["terminated"].value("reason", ""),
             std::string("Error"));
    QCOMPARE(c.container("exits")["lastState"]["terminated"].value("exitCode", 0), 3);
    QCOMPARE(c.container("args")["lastState"]["terminated"].value("exitCode", 0), 2);
    QCOMPARE(c.container("hello")["lastState"]["terminated"].value("exitCode", -1), 0);
    QCOMPARE(c.container("hello")["lastState"]["terminated"].value("reason", ""),
             std::string("Completed"));
    QVERIFY(c.runUntil([&] { return c.waiting("hello") == "CrashLoopBackOff"; }, 30));
    for (const char *name : {"crash", "exits", "hello", "args"}) {
        QVERIFY(!Kube::isPodReady(c.get(Kube::Pods, "app", name)));
        QVERIFY(c.hasMessage(name, "BackOff",
                             std::string("Back-off restarting failed container main in pod ") + name
                                 + "_app("));
        QVERIFY(c.hasMessage(name, "Pulled", "already present on machine"));
        QVERIFY(c.eventsFor(name, "Started").front().value("count", 0) >= 3);
    }
}

void tst_Registry::nodeKeepsPulledImages()
{
    RegistryCluster c;
    c.store.create(Kube::Pods, pod("first", "nginx:1.25"));
    QVERIFY(c.runUntil([&] { return Kube::isPodReady(c.get(Kube::Pods, "app", "first")); }, 30));
    QVERIFY(c.hasMessage("first", "Pulled", "Successfully pulled image \"nginx:1.25\""));
    // Same image (another spelling of it) on the same node: no pull.
    c.store.create(Kube::Pods, pod("second", "docker.io/library/nginx:1.25"));
    QVERIFY(c.runUntil([&] { return Kube::isPodReady(c.get(Kube::Pods, "app", "second")); }, 30));
    QVERIFY(c.eventsFor("second", "Pulling").empty());
    QVERIFY(c.hasMessage("second", "Pulled",
                         "Container image \"docker.io/library/nginx:1.25\" already present on "
                         "machine"));
    QCOMPARE(c.container("second").value("imageID", ""), c.container("first").value("imageID", ""));
    // imagePullPolicy Always asks the registry again.
    c.store.create(Kube::Pods,
                   pod("always", "nginx:1.25",
                       {{"containers", json::array({{{"name", "main"},
                                                     {"image", "nginx:1.25"},
                                                     {"imagePullPolicy", "Always"}}})}}));
    QVERIFY(c.runUntil([&] { return Kube::isPodReady(c.get(Kube::Pods, "app", "always")); }, 30));
    QVERIFY(!c.eventsFor("always", "Pulling").empty());
}

void tst_Registry::pushedImagePulls()
{
    RegistryCluster c;
    c.store.create(Kube::Pods, pod("early", "ghcr.io/acme/api:2.0.0"));
    QVERIFY(c.runUntil([&] { return c.waiting("early") == "ImagePullBackOff"; }, 10));
    // A pipeline pushes the image: the next retry pulls it.
    const std::string digest = c.cm.registries().push("ghcr.io/acme/api:2.0.0");
    QVERIFY(!digest.empty());
    QVERIFY(c.runUntil([&] { return Kube::isPodReady(c.get(Kube::Pods, "app", "early")); }, 40));
    QCOMPARE(c.container("early").value("imageID", ""), "ghcr.io/acme/api@" + digest);
    // New hosts appear on push.
    QVERIFY(!c.cm.registries().hasHost("registry.acme.internal:5000"));
    QVERIFY(!c.cm.registries().push("registry.acme.internal:5000/tools/ci:7").empty());
    QVERIFY(c.cm.registries().hasHost("registry.acme.internal:5000"));
    QVERIFY(c.cm.registries().push("bad:ref:x").empty());
}

void tst_Registry::simulatorClusterRegistries()
{
    // Each cluster of a Simulator has its own registries, reachable by cluster name.
    SimulatorOptions options;
    options.scenarios = {"minimal", "pfe"};
    Simulator sim(options);
    std::string error;
    QVERIFY2(sim.start(&error), error.c_str());
    const std::vector<std::string> names = sim.clusterNames();
    QCOMPARE(names.size(), std::size_t(2));
    Registries *first = sim.registries(names[0]);
    Registries *second = sim.registries(names[1]);
    QVERIFY(first && second && first != second);
    QVERIFY(!sim.registries("no-such-cluster"));
    QCOMPARE(int(second->pull("ghcr.io/pfe-v2/backend-spring:1.0.0", {}).status),
             int(PullStatus::Pulled));
    QCOMPARE(int(first->pull("ghcr.io/pfe-v2/backend-spring:1.0.0", {}).status),
             int(PullStatus::NotFound));
    QVERIFY(!first->push("ghcr.io/pfe-v2/backend-spring:1.0.0").empty());
    QCOMPARE(int(first->pull("ghcr.io/pfe-v2/backend-spring:1.0.0", {}).status),
             int(PullStatus::Pulled));
    sim.stop();
}

void tst_Registry::scenarioImagesAllPull_data()
{
    QTest::addColumn<std::string>("scenario");
    for (const std::string &name : availableScenarios())
        QTest::newRow(name.c_str()) << name;
}

void tst_Registry::scenarioImagesAllPull()
{
    // Every container image of every pod template and pod the scenario creates pulls, with
    // the credentials of the pod (or its ServiceAccount) — no demo starts with a broken pod.
    QFETCH(std::string, scenario);
    SimTestCluster c;
    loadScenario(scenario, c.store, c.cm);
    std::set<std::string> images;
    auto check = [&](const json &spec, const std::string &ns, const std::string &owner) {
        std::vector<std::string> creds;
        std::vector<std::string> secretNames;
        for (const json &s : spec.value("imagePullSecrets", json::array()))
            secretNames.push_back(s.value("name", ""));
        if (secretNames.empty()) {
            const json sa = c.get(GroupResource{"", "serviceaccounts"}, ns,
                                  spec.value("serviceAccountName", std::string("default")));
            if (sa.is_object())
                for (const json &s : sa.value("imagePullSecrets", json::array()))
                    secretNames.push_back(s.value("name", ""));
        }
        for (const std::string &n : secretNames) {
            const json secret = c.get(Kube::Secrets, ns, n);
            QVERIFY2(secret.is_object(), (owner + ": no secret " + n).c_str());
            const auto config
                = Orrery::Base64::decode(secret["data"].value(".dockerconfigjson", std::string()));
            QVERIFY(config);
            const json auths = json::parse(*config)["auths"];
            for (const auto &[key, value] : auths.items())
                creds.push_back(key);
        }
        for (const char *list : {"initContainers", "containers"}) {
            for (const json &ct : spec.value(list, json::array())) {
                const std::string image = ct.value("image", "");
                const PullResult r = c.cm.registries().pull(image, creds);
                QVERIFY2(r.status == PullStatus::Pulled,
                         (owner + ": " + image + ": " + r.error).c_str());
                QVERIFY2(r.image.exitCode < 0, (owner + ": " + image + " crashes").c_str());
                images.insert(r.reference.str());
            }
        }
    };
    for (const GroupResource &gr :
         {Kube::Deployments, Kube::StatefulSets, Kube::DaemonSets, Kube::ReplicaSets, Kube::Jobs}) {
        for (const json &o : c.list(gr))
            check(o["spec"]["template"]["spec"], Kube::ns(o), Kube::name(o));
    }
    for (const json &o : c.list(Kube::CronJobs))
        check(o["spec"]["jobTemplate"]["spec"]["template"]["spec"], Kube::ns(o), Kube::name(o));
    for (const json &o : c.list(Kube::Pods))
        check(o["spec"], Kube::ns(o), Kube::name(o));
    QVERIFY(images.size() >= 3); // kube-system alone has three
}

QTEST_GUILESS_MAIN(tst_Registry)
#include "tst_registry.moc"
