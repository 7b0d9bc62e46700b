// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's patch engines against the semantics of RFC 6902, RFC 7386, apimachinery's
// strategicpatch and structured-merge-diff (server-side apply).
#include "apierror.h"
#include "server/fieldmanager.h"
#include "server/jsonpatch.h"
#include "server/labelselector.h"
#include "server/mergepatch.h"
#include "server/strategicmergepatch.h"

#include <QtTest>

using namespace Orrery::Sim;
using json = nlohmann::json;

namespace {

json deployment()
{
    return json::parse(R"({
      "apiVersion": "apps/v1", "kind": "Deployment",
      "metadata": {"name": "web", "namespace": "default", "labels": {"app": "web"}},
      "spec": {"replicas": 2,
        "template": {"metadata": {"labels": {"app": "web"}},
          "spec": {
            "containers": [
              {"name": "web", "image": "nginx:1.25",
               "ports": [{"containerPort": 80, "protocol": "TCP"}],
               "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}],
               "volumeMounts": [{"name": "data", "mountPath": "/data"}]},
              {"name": "sidecar", "image": "envoy:1.29"}],
            "volumes": [{"name": "data", "emptyDir": {}}],
            "finalizers": ["x"]}}}})");
}

int errorCode(const std::function<void()> &f)
{
    try {
        f();
    } catch (const ApiError &e) {
        return e.code();
    }
    return 0;
}

} // namespace

class TestPatch : public QObject
{
    Q_OBJECT
private slots:
    void jsonPatch()
    {
        json doc = deployment();
        json patched = JsonPatch::apply(doc, json::parse(R"([
            {"op": "replace", "path": "/spec/replicas", "value": 5},
            {"op": "add", "path": "/metadata/labels/tier", "value": "front"},
            {"op": "remove", "path": "/spec/template/spec/containers/1"},
            {"op": "add", "path": "/spec/template/spec/containers/0/env/-", "value": {"name": "C"}},
            {"op": "copy", "from": "/metadata/labels/app", "path": "/metadata/labels/copy"},
            {"op": "move", "from": "/metadata/labels/copy", "path": "/metadata/labels/moved"},
            {"op": "test", "path": "/spec/replicas", "value": 5},
            {"op": "add", "path": "/metadata/annotations", "value": {"a~b/c": "1"}},
            {"op": "remove", "path": "/metadata/annotations/a~0b~1c"}
        ])"));
        QCOMPARE(patched["spec"]["replicas"].get<int>(), 5);
        QCOMPARE(patched["metadata"]["labels"]["tier"].get<std::string>(), std::string("front"));
        QCOMPARE(patched["spec"]["template"]["spec"]["containers"].size(), size_t(1));
        QCOMPARE(patched["spec"]["template"]["spec"]["containers"][0]["env"].size(), size_t(3));
        QVERIFY(!patched["metadata"]["labels"].contains("copy"));
        QCOMPARE(patched["metadata"]["labels"]["moved"].get<std::string>(), std::string("web"));
        QVERIFY(patched["metadata"]["annotations"].empty());
        // Failures are 422 (cannot apply) or 400 (not a patch).
        QCOMPARE(errorCode([&] {
                     JsonPatch::apply(
                         doc, json::parse(R"([{"op":"test","path":"/spec/replicas","value":9}])"));
                 }),
                 422);
        QCOMPARE(errorCode([&] {
                     JsonPatch::apply(doc, json::parse(R"([{"op":"remove","path":"/spec/nope"}])"));
                 }),
                 422);
        QCOMPARE(errorCode([&] { JsonPatch::apply(doc, json::parse(R"({"op":"remove"})")); }), 400);
    }

    void mergePatch()
    {
        json patched = MergePatch::apply(deployment(), json::parse(R"({
            "metadata": {"labels": {"app": null, "new": "x"}},
            "spec": {"template": {"spec": {"containers": [{"name": "only"}]}}}})"));
        QCOMPARE(patched["metadata"]["labels"], json({{"new", "x"}}));
        // Lists are replaced wholesale in a JSON merge patch.
        QCOMPARE(patched["spec"]["template"]["spec"]["containers"],
                 json::parse(R"([{"name":"only"}])"));
        QCOMPARE(patched["spec"]["replicas"].get<int>(), 2);
        QCOMPARE(MergePatch::apply(json::object(), json::parse(R"({"a":{"b":null,"c":1}})")),
                 json::parse(R"({"a":{"c":1}})"));
    }

    void strategicMergeLists_data()
    {
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QByteArray>("pointer");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("container merged by name")
            << QByteArray(
                   R"({"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.26"}]}}}})")
            << QByteArray("/spec/template/spec/containers")
            << QByteArray(
                   R"([{"name":"web","image":"nginx:1.26","ports":[{"containerPort":80,"protocol":"TCP"}],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"volumeMounts":[{"name":"data","mountPath":"/data"}]},{"name":"sidecar","image":"envoy:1.29"}])");
        QTest::newRow("new container appended") << QByteArray(
            R"({"spec":{"template":{"spec":{"containers":[{"name":"extra","image":"busybox"}]}}}})")
                                                << QByteArray("/spec/template/spec/containers/2")
                                                << QByteArray(
                                                       R"({"name":"extra","image":"busybox"})");
        QTest::newRow("env by name")
            << QByteArray(
                   R"({"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}}}})")
            << QByteArray("/spec/template/spec/containers/0/env")
            << QByteArray(
                   R"([{"name":"A","value":"1"},{"name":"B","value":"3"},{"name":"C","value":"4"}])");
        QTest::newRow("ports by containerPort")
            << QByteArray(
                   R"({"spec":{"template":{"spec":{"containers":[{"name":"web","ports":[{"containerPort":80,"name":"http"},{"containerPort":443}]}]}}}})")
            << QByteArray("/spec/template/spec/containers/0/ports")
            << QByteArray(
                   R"([{"containerPort":80,"protocol":"TCP","name":"http"},{"containerPort":443}])");
        QTest::newRow("volumeMounts by mountPath")
            << QByteArray(
                   R"({"spec":{"template":{"spec":{"containers":[{"name":"web","volumeMounts":[{"mountPath":"/data","readOnly":true}]}]}}}})")
            << QByteArray("/spec/template/spec/containers/0/volumeMounts")
            << QByteArray(R"([{"name":"data","mountPath":"/data","readOnly":true}])");
        QTest::newRow("volumes by name")
            << QByteArray(
                   R"({"spec":{"template":{"spec":{"volumes":[{"name":"cache","emptyDir":{}}]}}}})")
            << QByteArray("/spec/template/spec/volumes")
            << QByteArray(R"([{"name":"data","emptyDir":{}},{"name":"cache","emptyDir":{}}])");
        QTest::newRow("$patch delete element") << QByteArray(
            R"({"spec":{"template":{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}}})")
                                               << QByteArray("/spec/template/spec/containers/1")
                                               << QByteArray("null");
        QTest::newRow("$patch replace list") << QByteArray(
            R"({"spec":{"template":{"spec":{"volumes":[{"name":"only","emptyDir":{}},{"$patch":"replace"}]}}}})")
                                             << QByteArray("/spec/template/spec/volumes")
                                             << QByteArray(R"([{"name":"only","emptyDir":{}}])");
        QTest::newRow("$patch replace map")
            << QByteArray(R"({"metadata":{"labels":{"$patch":"replace","x":"y"}}})")
            << QByteArray("/metadata/labels") << QByteArray(R"({"x":"y"})");
        QTest::newRow("$patch delete map")
            << QByteArray(R"({"metadata":{"labels":{"$patch":"delete"}}})")
            << QByteArray("/metadata/labels") << QByteArray("null");
        QTest::newRow("null deletes key") << QByteArray(R"({"metadata":{"labels":{"app":null}}})")
                                          << QByteArray("/metadata/labels") << QByteArray("{}");
        QTest::newRow("primitive set merge")
            << QByteArray(R"({"spec":{"template":{"spec":{"finalizers":["y","x"]}}}})")
            << QByteArray("/spec/template/spec/finalizers") << QByteArray(R"(["x","y"])");
        QTest::newRow("deleteFromPrimitiveList") << QByteArray(
            R"({"spec":{"template":{"spec":{"$deleteFromPrimitiveList/finalizers":["x"]}}}})")
                                                 << QByteArray("/spec/template/spec/finalizers")
                                                 << QByteArray("[]");
        QTest::newRow("setElementOrder") << QByteArray(
            R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"sidecar"},{"name":"web"}],"containers":[{"name":"web","image":"nginx:2"}]}}}})")
                                         << QByteArray("/spec/template/spec/containers/0/name")
                                         << QByteArray(R"("sidecar")");
    }

    void strategicMergeLists()
    {
        QFETCH(QByteArray, patch);
        QFETCH(QByteArray, pointer);
        QFETCH(QByteArray, expected);
        const json patched
            = StrategicMergePatch::apply(deployment(), json::parse(patch.toStdString()));
        const json::json_pointer ptr(pointer.toStdString());
        const json actual = patched.contains(ptr) ? patched[ptr] : json();
        QCOMPARE(actual.dump(), json::parse(expected.toStdString()).dump());
    }

    void strategicMergeReplaceTemplate()
    {
        // What `kubectl rollout undo` sends for StatefulSets and DaemonSets.
        const json patched = StrategicMergePatch::apply(deployment(), json::parse(R"({
            "spec":{"template":{"$patch":"replace","metadata":{"labels":{"app":"web"}},
                                "spec":{"containers":[{"name":"web","image":"nginx:1.24"}]}}}})"));
        QCOMPARE(patched["spec"]["template"]["spec"]["containers"].size(), size_t(1));
        QVERIFY(!patched["spec"]["template"]["spec"].contains("volumes"));
        QCOMPARE(patched["spec"]["replicas"].get<int>(), 2);
        QCOMPARE(errorCode([&] {
                     StrategicMergePatch::apply(deployment(),
                                                json::parse(R"({"spec":{"$patch":"bogus"}})"));
                 }),
                 400);
    }

    void applyCreatesAndOwns()
    {
        const json applied = json::parse(R"({"apiVersion":"v1","kind":"ConfigMap",
            "metadata":{"name":"c","labels":{"a":"1"}},"data":{"x":"1","y":"2"}})");
        const json created
            = FieldManager::apply(nullptr, applied, "mgr", false, "v1", "2026-01-01T00:00:00Z");
        QCOMPARE(created["data"], applied["data"]);
        const json &entry = created["metadata"]["managedFields"][0];
        QCOMPARE(entry["manager"].get<std::string>(), std::string("mgr"));
        QCOMPARE(entry["operation"].get<std::string>(), std::string("Apply"));
        QCOMPARE(
            entry["fieldsV1"],
            json::parse(R"({"f:data":{"f:x":{},"f:y":{}},"f:metadata":{"f:labels":{"f:a":{}}}})"));
    }

    void applyConflicts()
    {
        const json live = FieldManager::apply(
            nullptr, json::parse(R"({"apiVersion":"apps/v1","kind":"Deployment",
            "metadata":{"name":"d"},"spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"c","image":"a"}]}}}})"),
            "kubectl", false, "apps/v1", "t");
        // Same values: no conflict, both managers co-own.
        const json same
            = FieldManager::apply(&live, json::parse(R"({"apiVersion":"apps/v1","kind":"Deployment",
            "metadata":{"name":"d"},"spec":{"replicas":2}})"),
                                  "other", false, "apps/v1", "t");
        QCOMPARE(same["metadata"]["managedFields"].size(), size_t(2));
        // Different value: 409 naming the owner and the path.
        const json changed
            = json::parse(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},
            "spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"c","image":"b"}]}}}})");
        try {
            FieldManager::apply(&live, changed, "other", false, "apps/v1", "t");
            QFAIL("expected a conflict");
        } catch (const ApiError &e) {
            QCOMPARE(e.code(), 409);
            QCOMPARE(std::string(e.what()),
                     std::string(
                         "Apply failed with 2 conflicts: conflicts with \"kubectl\":\n"
                         "- .spec.replicas\n- .spec.template.spec.containers[name=\"c\"].image"));
            QCOMPARE(e.details()["causes"].size(), size_t(2));
        }
        // Forced: the applier takes the fields over.
        const json forced = FieldManager::apply(&live, changed, "other", true, "apps/v1", "t");
        QCOMPARE(forced["spec"]["replicas"].get<int>(), 3);
        for (const auto &e : forced["metadata"]["managedFields"])
            if (e["manager"] == "kubectl")
                QVERIFY(!e["fieldsV1"]["f:spec"].contains("f:replicas"));
        // Update owners are named with their API version.
        json scaled = live;
        scaled["spec"]["replicas"] = 5;
        scaled = FieldManager::recordUpdate(&live, scaled, "kubectl-scale", "apps/v1", "", "t");
        try {
            FieldManager::apply(&scaled, json::parse(R"({"apiVersion":"apps/v1","kind":"Deployment",
                "metadata":{"name":"d"},"spec":{"replicas":2}})"),
                                "kubectl", false, "apps/v1", "t");
            QFAIL("expected a conflict");
        } catch (const ApiError &e) {
            QCOMPARE(std::string(e.what()),
                     std::string("Apply failed with 1 conflict: conflict with \"kubectl-scale\" "
                                 "using apps/v1: .spec.replicas"));
        }
    }

    void applyRemovesDroppedFields()
    {
        const json v1
            = FieldManager::apply(nullptr, json::parse(R"({"apiVersion":"v1","kind":"ConfigMap",
            "metadata":{"name":"c"},"data":{"x":"1","y":"2"}})"),
                                  "mgr", false, "v1", "t");
        const json v2
            = FieldManager::apply(&v1, json::parse(R"({"apiVersion":"v1","kind":"ConfigMap",
            "metadata":{"name":"c"},"data":{"x":"1"}})"),
                                  "mgr", false, "v1", "t");
        QCOMPARE(v2["data"], json({{"x", "1"}}));
        // A field another manager also owns survives.
        json shared = FieldManager::apply(&v1, json::parse(R"({"apiVersion":"v1","kind":"ConfigMap",
            "metadata":{"name":"c"},"data":{"y":"2"}})"),
                                          "other", false, "v1", "t");
        const json v3
            = FieldManager::apply(&shared, json::parse(R"({"apiVersion":"v1","kind":"ConfigMap",
            "metadata":{"name":"c"},"data":{"x":"1"}})"),
                                  "mgr", false, "v1", "t");
        QCOMPARE(v3["data"]["y"].get<std::string>(), std::string("2"));
        QVERIFY(FieldManager::sameIgnoringTimes(
            v1, FieldManager::apply(&v1, json::parse(R"({"apiVersion":"v1",
            "kind":"ConfigMap","metadata":{"name":"c"},"data":{"x":"1","y":"2"}})"),
                                    "mgr", false, "v1", "later")));
    }

    void fieldsV1RoundTrip()
    {
        json fields;
        fields["f:spec"]["f:replicas"] = json::object();
        fields["f:spec"]["f:containers"][json{{"name", "c"}}.dump().insert(0, "k:")]
            = json{{".", json::object()}, {"f:image", json::object()}};
        const auto set = FieldManager::fromFieldsV1(fields);
        QCOMPARE(set.size(), size_t(3));
        QCOMPARE(FieldManager::toFieldsV1(set), fields);
    }

    void labelSelectors_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<bool>("matches");
        QTest::newRow("equals") << "app=web" << true;
        QTest::newRow("double equals") << "app==web" << true;
        QTest::newRow("not equals") << "app!=web" << false;
        QTest::newRow("in") << "tier in (front, back)" << true;
        QTest::newRow("notin") << "tier notin (front)" << false;
        QTest::newRow("exists") << "app" << true;
        QTest::newRow("not exists") << "!app" << false;
        QTest::newRow("missing key not equals") << "zone!=a" << true;
        QTest::newRow("and") << "app=web,tier in (back)" << false;
        QTest::newRow("and with set") << "app in (api,web),!zone" << true;
    }

    void labelSelectors()
    {
        QFETCH(QString, selector);
        QFETCH(bool, matches);
        const json labels = {{"app", "web"}, {"tier", "front"}};
        QCOMPARE(LabelSelector::parse(selector.toStdString()).matches(labels), matches);
    }

    void labelSelectorErrors()
    {
        QCOMPARE(errorCode([] { LabelSelector::parse("app in (a"); }), 400);
        QCOMPARE(errorCode([] { LabelSelector::parse("app,,x"); }), 400);
        QCOMPARE(errorCode([] { LabelSelector::parse("-app=web"); }), 400);
        // As kube-apiserver: "()" is the set of the empty value, not an error.
        QCOMPARE(errorCode([] { LabelSelector::parse("app in ()"); }), 0);
    }
};

QTEST_GUILESS_MAIN(TestPatch)
#include "tst_patch.moc"
