// SPDX-License-Identifier: GPL-3.0-or-later
// The protobuf request decoder against bodies encoded here the way gogo-protobuf (client-go)
// writes them: every non-pointer field, zero or not; pointers only when set. Field numbers
// are the upstream generated.proto ones; the real-kubectl tests (tests/kubectl) check the
// same path end to end.
#include "apierror.h"
#include "server/protobufdecoder.h"

#include <QtTest>

#include <cstdint>
#include <string>

using namespace Orrery::Sim;
using json = nlohmann::json;

namespace {

// A protobuf message being written.
class Pb
{
public:
    Pb &varint(int field, std::uint64_t v)
    {
        tag(field, 0);
        raw(v);
        return *this;
    }
    Pb &bytes(int field, const std::string &s)
    {
        tag(field, 2);
        raw(s.size());
        m_out += s;
        return *this;
    }
    Pb &message(int field, const Pb &m) { return bytes(field, m.m_out); }
    Pb &entry(int field, const std::string &key, const std::string &value)
    {
        return message(field, Pb().bytes(1, key).bytes(2, value));
    }
    const std::string &str() const { return m_out; }

private:
    void tag(int field, int wire)
    {
        raw(static_cast<std::uint64_t>(field) << 3 | static_cast<std::uint64_t>(wire));
    }
    void raw(std::uint64_t v)
    {
        do {
            unsigned char b = v & 0x7f;
            v >>= 7;
            if (v)
                b |= 0x80;
            m_out.push_back(static_cast<char>(b));
        } while (v);
    }
    std::string m_out;
};

std::string envelope(const std::string &apiVersion, const std::string &kind, const Pb &object)
{
    const Pb unknown = Pb().message(1, Pb().bytes(1, apiVersion).bytes(2, kind))
                           .message(2, object)
                           .bytes(3, "")
                           .bytes(4, "");
    return std::string("k8s\0", 4) + unknown.str();
}

Pb meta(const std::string &name, const std::string &app = {})
{
    Pb m;
    m.bytes(1, name).bytes(2, "").bytes(3, "").varint(7, 0).message(8, Pb());
    if (!app.empty())
        m.entry(11, "app", app);
    return m;
}

Pb quantity(const std::string &q)
{
    return Pb().bytes(1, q);
}

} // namespace

class tst_Protobuf : public QObject
{
    Q_OBJECT

private slots:
    void deploymentAsKubectlCreatesIt();
    void podTemplateDetails();
    void serviceWithIntOrString();
    void jobAndCronJob();
    void unknownFieldWithValueIsRejected();
    void unsupportedKindAndMalformedBody();
};

void tst_Protobuf::deploymentAsKubectlCreatesIt()
{
    // kubectl create deployment web --image=nginx:1.25 --replicas=2 --port=80
    const Pb container
        = Pb().bytes(1, "nginx")
              .bytes(2, "nginx:1.25")
              .bytes(5, "")
              .message(6, Pb().bytes(1, "").varint(2, 0).varint(3, 80).bytes(4, "").bytes(5, ""))
              .message(8, Pb())
              .bytes(13, "")
              .bytes(14, "")
              .varint(16, 0)
              .varint(17, 0)
              .varint(18, 0)
              .bytes(20, "");
    const Pb podSpec
        = Pb().message(2, container).bytes(3, "").bytes(6, "").bytes(8, "").varint(11, 0);
    const Pb spec = Pb().varint(1, 2)
                        .message(2, Pb().entry(1, "app", "web"))
                        .message(3, Pb().message(1, meta("", "web")).message(2, podSpec))
                        .message(4, Pb().bytes(1, ""))
                        .varint(5, 0)
                        .varint(7, 0);
    const Pb deployment = Pb().message(1, meta("web", "web"))
                              .message(2, spec)
                              .message(3, Pb().varint(1, 0).varint(2, 0));
    const json d = ProtobufDecoder::decode(envelope("apps/v1", "Deployment", deployment));
    const json expected = json::parse(R"({
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": "web", "labels": {"app": "web"}},
        "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
                 "template": {"metadata": {"labels": {"app": "web"}},
                              "spec": {"containers": [{"name": "nginx", "image": "nginx:1.25",
                                                       "ports": [{"containerPort": 80}], "resources": {}}]}},
                 "strategy": {}},
        "status": {}})");
    QCOMPARE(QString::fromStdString(d.dump()), QString::fromStdString(expected.dump()));
}

void tst_Protobuf::podTemplateDetails()
{
    const Pb probe
        = Pb().message(1, Pb().message(2, Pb().bytes(1, "/healthz")
                                              .message(2, Pb().varint(1, 1).bytes(3, "http"))
                                              .bytes(4, "HTTP")))
              .varint(2, 5)
              .varint(3, 0)
              .varint(4, 10)
              .varint(5, 0)
              .varint(6, 0);
    const Pb env = Pb().bytes(1, "MODE").bytes(2, "").message(
        3,
        Pb().message(3, Pb().message(1, Pb().bytes(1, "settings")).bytes(2, "mode").varint(3, 1)));
    const Pb resources = Pb().message(1, Pb().bytes(1, "cpu").message(2, quantity("500m")))
                             .message(2, Pb().bytes(1, "memory").message(2, quantity("64Mi")));
    const Pb container = Pb().bytes(1, "api")
                             .bytes(2, "api:2")
                             .bytes(3, "serve")
                             .bytes(3, "--port=8080")
                             .message(7, env)
                             .message(8, resources)
                             .message(11, probe)
                             .message(9, Pb().bytes(1, "config").varint(2, 1).bytes(3, "/etc/api"));
    const Pb volume
        = Pb().bytes(1, "config")
              .message(2,
                       Pb().message(19, Pb().message(1, Pb().bytes(1, "settings")).varint(3, 420)));
    const Pb podSpec = Pb().message(1, volume)
                           .message(2, container)
                           .bytes(3, "Never")
                           .varint(4, 30)
                           .message(22, Pb().bytes(1, "dedicated")
                                            .bytes(2, "Equal")
                                            .bytes(3, "api")
                                            .bytes(4, "NoSchedule"))
                           .varint(21, 0);
    const Pb pod = Pb().message(1, meta("api")).message(2, podSpec).message(3, Pb());
    const json p = ProtobufDecoder::decode(envelope("v1", "Pod", pod));
    const json expected = json::parse(R"({
        "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "api"},
        "spec": {"volumes": [{"name": "config", "configMap": {"name": "settings", "defaultMode": 420}}],
                 "containers": [{"name": "api", "image": "api:2", "command": ["serve", "--port=8080"],
                                 "env": [{"name": "MODE", "valueFrom": {"configMapKeyRef": {"name": "settings", "key": "mode", "optional": true}}}],
                                 "resources": {"limits": {"cpu": "500m"}, "requests": {"memory": "64Mi"}},
                                 "readinessProbe": {"httpGet": {"path": "/healthz", "port": "http", "scheme": "HTTP"},
                                                    "initialDelaySeconds": 5, "periodSeconds": 10},
                                 "volumeMounts": [{"name": "config", "readOnly": true, "mountPath": "/etc/api"}]}],
                 "restartPolicy": "Never", "terminationGracePeriodSeconds": 30,
                 "tolerations": [{"key": "dedicated", "operator": "Equal", "value": "api", "effect": "NoSchedule"}],
                 "automountServiceAccountToken": false},
        "status": {}})");
    QCOMPARE(QString::fromStdString(p.dump()), QString::fromStdString(expected.dump()));
}

void tst_Protobuf::serviceWithIntOrString()
{
    // kubectl create service clusterip web --tcp=80:8080: targetPort as an int, and a named one.
    const Pb port80 = Pb().bytes(1, "80-8080")
                          .bytes(2, "TCP")
                          .varint(3, 80)
                          .message(4, Pb().varint(1, 0).varint(2, 8080).bytes(3, ""))
                          .varint(5, 0);
    const Pb portMetrics = Pb().bytes(1, "metrics")
                               .bytes(2, "TCP")
                               .varint(3, 9090)
                               .message(4, Pb().varint(1, 1).varint(2, 0).bytes(3, "metrics"))
                               .varint(5, 0);
    const Pb spec = Pb().message(1, port80)
                        .message(1, portMetrics)
                        .entry(2, "app", "web")
                        .bytes(3, "")
                        .bytes(4, "ClusterIP")
                        .bytes(7, "")
                        .varint(12, 0)
                        .varint(13, 0);
    const Pb service
        = Pb().message(1, meta("web", "web")).message(2, spec).message(3, Pb().message(1, Pb()));
    const json s = ProtobufDecoder::decode(envelope("v1", "Service", service));
    QCOMPARE(
        s["spec"]["ports"][0].dump(),
        json::parse(R"({"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080})").dump());
    QCOMPARE(s["spec"]["ports"][1]["targetPort"], json("metrics"));
    QCOMPARE(s["spec"]["type"], json("ClusterIP"));
    QCOMPARE(s["spec"]["selector"], json::parse(R"({"app":"web"})"));
    QCOMPARE(s["status"].dump(), std::string(R"({"loadBalancer":{}})"));
}

void tst_Protobuf::jobAndCronJob()
{
    const Pb podSpec
        = Pb().message(2, Pb().bytes(1, "job").bytes(2, "busybox:1.36").bytes(3, "date"))
              .bytes(3, "OnFailure");
    const Pb jobSpec = Pb().message(6, Pb().message(1, meta("")).message(2, podSpec)).varint(7, 4);
    const json job = ProtobufDecoder::decode(
        envelope("batch/v1", "Job", Pb().message(1, meta("once")).message(2, jobSpec)));
    QCOMPARE(job["spec"]["backoffLimit"], json(4));
    QCOMPARE(job["spec"]["template"]["spec"]["restartPolicy"], json("OnFailure"));
    QCOMPARE(job["spec"]["template"]["spec"]["containers"][0]["command"],
             json::parse(R"(["date"])"));

    const Pb cronSpec = Pb().bytes(1, "*/5 * * * *")
                            .bytes(3, "")
                            .message(5, Pb().message(1, meta("nightly")).message(2, jobSpec));
    const json cron = ProtobufDecoder::decode(
        envelope("batch/v1", "CronJob", Pb().message(1, meta("nightly")).message(2, cronSpec)));
    QCOMPARE(cron["spec"]["schedule"], json("*/5 * * * *"));
    QCOMPARE(cron["spec"]["jobTemplate"]["metadata"]["name"], json("nightly"));
    QCOMPARE(cron["spec"]["jobTemplate"]["spec"]["backoffLimit"], json(4));
    QVERIFY(!cron["spec"].contains("concurrencyPolicy"));
}

void tst_Protobuf::unknownFieldWithValueIsRejected()
{
    // Field 99 of PodSpec empty: ignored (gogo writes empty structs); with a value: 415
    // naming it, rather than a silently incomplete object.
    const Pb empty = Pb().message(2, Pb().bytes(1, "c").bytes(2, "i")).bytes(99, "");
    QCOMPARE(
        ProtobufDecoder::decode(envelope("v1", "Pod", Pb().message(2, empty)))["spec"]["containers"]
            .size(),
        std::size_t(1));
    const Pb valued = Pb().message(2, Pb().bytes(1, "c").bytes(2, "i")).varint(99, 3);
    try {
        ProtobufDecoder::decode(envelope("v1", "Pod", Pb().message(2, valued)));
        QFAIL("an unknown field with a value was accepted");
    } catch (const ApiError &e) {
        QCOMPARE(e.code(), 415);
        QVERIFY2(std::string(e.what()).find("field 99 of PodSpec (.spec)") != std::string::npos,
                 e.what());
    }
}

void tst_Protobuf::unsupportedKindAndMalformedBody()
{
    try {
        ProtobufDecoder::decode(
            envelope("rbac.authorization.k8s.io/v1", "Role", Pb().message(1, meta("r"))));
        QFAIL("an unsupported kind was accepted");
    } catch (const ApiError &e) {
        QCOMPARE(e.code(), 415);
    }
    try {
        ProtobufDecoder::decode(std::string("k8s\0\x0a\xff", 6));
        QFAIL("a truncated body was accepted");
    } catch (const ApiError &e) {
        QCOMPARE(e.code(), 400);
    }
    QVERIFY(ProtobufDecoder::isProtobuf("application/vnd.kubernetes.protobuf"));
    QVERIFY(!ProtobufDecoder::isProtobuf("application/json"));
}

QTEST_GUILESS_MAIN(tst_Protobuf)
#include "tst_protobuf.moc"
