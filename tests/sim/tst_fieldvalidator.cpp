// SPDX-License-Identifier: GPL-3.0-or-later
// FieldValidator: the unknown-field check behind ?fieldValidation=Strict|Warn, against the
// schemas the simulator serves at /openapi/v3.
#include "server/fieldvalidator.h"
#include "server/openapischemas.h"
#include "workload/yamljson.h"

#include <QtTest>

using namespace Orrery::Sim;
using json = nlohmann::json;

namespace {

json deployment()
{
    return json::parse(R"({
      "apiVersion": "apps/v1", "kind": "Deployment",
      "metadata": {"name": "web", "labels": {"any/key.example.com": "x"},
                   "annotations": {"whatever": "y"}},
      "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
        "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 1}},
        "template": {"metadata": {"labels": {"app": "web"}},
          "spec": {"containers": [
              {"name": "web", "image": "nginx:1.25", "imagePullPolicy": "IfNotPresent",
               "ports": [{"containerPort": 80}],
               "resources": {"limits": {"cpu": "500m", "memory": "128Mi"}}},
              {"name": "sidecar", "image": "envoy:1.29"}]}}},
      "status": {"replicas": 2, "somethingNew": true}})");
}

std::vector<std::string> unknown(const std::string &group, const std::string &kind, const json &obj,
                                 bool patch = false)
{
    return FieldValidator::unknownFields(group, "v1", kind, obj, patch);
}

using Paths = std::vector<std::string>;

} // namespace

class TestFieldValidator : public QObject
{
    Q_OBJECT

private slots:
    void validDeploymentHasNoUnknownFields()
    {
        QCOMPARE(unknown("apps", "Deployment", deployment()), Paths{});
    }

    void nestedUnknownFieldsArePathsWithIndexes()
    {
        json d = deployment();
        d["spec"]["replica"] = 3;
        d["spec"]["template"]["spec"]["containers"][1]["imagePullPolice"] = "Always";
        d["spec"]["template"]["spec"]["containers"][0]["ports"][0]["hostPortt"] = 8080;
        d["spec"]["strategy"]["rollingUpdate"]["maxSurgee"] = 1;
        const Paths got = unknown("apps", "Deployment", d);
        const Paths want = {"spec.replica", "spec.strategy.rollingUpdate.maxSurgee",
                            "spec.template.spec.containers[0].ports[0].hostPortt",
                            "spec.template.spec.containers[1].imagePullPolice"};
        QCOMPARE(got, want);
    }

    void unknownMetadataFieldsAreReported()
    {
        json d = deployment();
        d["metadata"]["lables"] = {{"app", "web"}};
        d["spec"]["template"]["metadata"]["annotation"] = json::object();
        const Paths want = {"metadata.lables", "spec.template.metadata.annotation"};
        QCOMPARE(unknown("apps", "Deployment", d), want);
        json top = deployment();
        top["extra"] = 1;
        QCOMPARE(unknown("apps", "Deployment", top), Paths{"extra"});
    }

    // Server-side apply's paths: leading dot, list-map elements by key.
    void applyPathsNameListMapElements()
    {
        json d = deployment();
        d["spec"]["replica"] = 3;
        d["spec"]["template"]["spec"]["containers"][1]["imagePullPolice"] = "Always";
        d["spec"]["template"]["spec"]["containers"][0]["ports"][0]["hostPortt"] = 8080;
        const Paths got = FieldValidator::unknownFields("apps", "v1", "Deployment", d, false,
                                                        FieldValidator::PathStyle::Apply);
        const Paths want
            = {".spec.replica",
               ".spec.template.spec.containers[name=\"web\"].ports[containerPort=80].hostPortt",
               ".spec.template.spec.containers[name=\"sidecar\"].imagePullPolice"};
        QCOMPARE(got, want);
        QCOMPARE(FieldValidator::applyMessage("default/web", "apps", "v1", "Deployment",
                                              {".spec.replica"}),
                 std::string(
                     "failed to create typed patch object (default/web; apps/v1, Kind=Deployment): "
                     ".spec.replica: field not declared in schema"));
    }

    void mapsAcceptAnyKey()
    {
        const json cm = json::parse(R"({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "c", "labels": {"a.b/c": "d"}},
            "data": {"any.key": "v", "another_one": "w"}})");
        QCOMPARE(unknown("", "ConfigMap", cm), Paths{});
        json bad = cm;
        bad["dta"] = {{"k", "v"}};
        QCOMPARE(unknown("", "ConfigMap", bad), Paths{"dta"});
    }

    void intOrStringAcceptsBoth()
    {
        json svc = json::parse(R"({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"},
            "spec": {"selector": {"app": "web"},
                     "ports": [{"port": 80, "targetPort": "http"}, {"port": 81, "targetPort": 8081}]}})");
        QCOMPARE(unknown("", "Service", svc), Paths{});
        svc["spec"]["ports"][1]["targetPorts"] = 1;
        QCOMPARE(unknown("", "Service", svc), Paths{"spec.ports[1].targetPorts"});
    }

    // The hand-written table lists only the common fields of some types (volume sources,
    // probes, ...): a field it does not know there is accepted, since a real cluster would.
    void partialSchemasAcceptRarerFields()
    {
        QVERIFY(OpenApiSchemas::isComplete("io.k8s.api.core.v1.Container"));
        QVERIFY(!OpenApiSchemas::isComplete("io.k8s.api.core.v1.Volume"));
        json d = deployment();
        json &pod = d["spec"]["template"]["spec"];
        pod["runtimeClassName"] = "gvisor";
        pod["volumes"] = json::parse(R"([{"name": "nfs", "nfs": {"server": "nas", "path": "/x"}},
                                         {"name": "cm", "configMap": {"name": "c", "somethingNewer": 1}}])");
        pod["containers"][0]["readinessProbe"]
            = json::parse(R"({"grpc": {"port": 9000}, "periodSeconds": 5})");
        QCOMPARE(unknown("apps", "Deployment", d), Paths{});
        // ...while the complete schemas around and inside them are still checked.
        pod["volumes"][1]["configMap"]["items"]
            = json::parse(R"([{"key": "a", "path": "b", "moed": 1}])");
        pod["containers"][0]["readinessProbe"]["httpGet"] = {{"path", "/"}, {"port", 80}};
        pod["containers"][0]["volumeMount"] = json::array();
        const Paths want = {"spec.template.spec.containers[0].volumeMount",
                            "spec.template.spec.volumes[1].configMap.items[0].moed"};
        QCOMPARE(unknown("apps", "Deployment", d), want);
    }

    void kindsWithoutSchemaAreNotChecked()
    {
        const json crd
            = {{"apiVersion", "example.com/v1"}, {"kind", "Widget"}, {"spek", {{"x", 1}}}};
        QCOMPARE(FieldValidator::unknownFields("example.com", "v1", "Widget", crd), Paths{});
    }

    void patchDirectivesAreSkipped()
    {
        const json patch = json::parse(R"({"spec": {"template": {"spec": {
            "$setElementOrder/containers": [{"name": "web"}],
            "containers": [{"name": "web", "$patch": "delete"}]}}}})");
        QCOMPARE(unknown("apps", "Deployment", patch, true), Paths{});
        // Without the patch flag a '$' key is just an unknown field.
        QCOMPARE(unknown("apps", "Deployment", patch).size(), size_t(2));
    }

    void duplicateFieldsInJson()
    {
        const std::string body = R"({"spec": {"replicas": 1, "replicas": 2,
            "template": {"spec": {"containers": [{"name": "a"}, {"name": "b", "name": "c"}]}}},
            "kind": "Deployment"})";
        const Paths want = {"spec.replicas", "spec.template.spec.containers[1].name"};
        QCOMPARE(FieldValidator::duplicateFields(body), want);
        QCOMPARE(FieldValidator::duplicateFields(R"({"a": {"b": 1}, "c": {"b": 2}})"), Paths{});
        QCOMPARE(FieldValidator::duplicateFields("a: 1\na: 2\n"), Paths{}); // YAML: not JSON
        QCOMPARE(FieldValidator::duplicateFields("{broken"), Paths{});
    }

    // The seed scenarios are applied with kubectl (default --validate=strict) in
    // tst_kubectl; here every object of every seed is checked, kubectl or not.
    void seedScenariosHaveNoUnknownFields()
    {
        const QDir dir(QStringLiteral(ORRERY_SCENARIO_DIR));
        const QStringList files = dir.entryList({"*.yaml"});
        QVERIFY(files.size() >= 5);
        int checked = 0;
        for (const QString &name : files) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            for (const std::string &doc : YamlJson::splitDocuments(file.readAll().toStdString())) {
                if (doc.find("{{") != std::string::npos)
                    continue; // a Helm chart template, rendered at install time
                json obj;
                try {
                    obj = YamlJson::parse(doc);
                } catch (const std::runtime_error &e) {
                    QFAIL(qPrintable(name + ": " + e.what()));
                }
                if (!obj.is_object() || !obj.contains("apiVersion") || !obj.contains("kind")
                    || obj.value("kind", "") == "Scenario")
                    continue;
                const std::string apiVersion = obj["apiVersion"];
                const auto slash = apiVersion.find('/');
                const std::string group
                    = slash == std::string::npos ? "" : apiVersion.substr(0, slash);
                const std::string version
                    = apiVersion.substr(slash == std::string::npos ? 0 : slash + 1);
                std::string problems;
                for (const std::string &path :
                     FieldValidator::unknownFields(group, version, obj["kind"], obj))
                    problems += " " + path;
                QVERIFY2(problems.empty(),
                         qPrintable(name + ": " + QString::fromStdString(obj.value("kind", ""))
                                    + " "
                                    + QString::fromStdString(obj["metadata"].value("name", ""))
                                    + ":" + QString::fromStdString(problems)));
                ++checked;
            }
        }
        QVERIFY(checked > 100);
    }

    void modesAndMessage()
    {
        QCOMPARE(FieldValidator::modeFrom(""), FieldValidator::Mode::Warn);
        QCOMPARE(FieldValidator::modeFrom("Warn"), FieldValidator::Mode::Warn);
        QCOMPARE(FieldValidator::modeFrom("Strict"), FieldValidator::Mode::Strict);
        QCOMPARE(FieldValidator::modeFrom("Ignore"), FieldValidator::Mode::Ignore);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, FieldValidator::modeFrom("strict"));
        const std::string message
            = FieldValidator::strictMessage("v1", "Deployment",
                                            {FieldValidator::duplicateProblem("spec.replicas"),
                                             FieldValidator::unknownProblem("spec.replica")});
        QCOMPARE(
            message,
            std::string("Deployment in version \"v1\" cannot be handled as a Deployment: strict "
                        "decoding error: duplicate field \"spec.replicas\", unknown field "
                        "\"spec.replica\""));
    }
};

QTEST_GUILESS_MAIN(TestFieldValidator)
#include "tst_fieldvalidator.moc"
