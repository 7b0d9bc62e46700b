// SPDX-License-Identifier: GPL-3.0-or-later
// Server-side apply of multi-document YAML, kind→resource mapping and 409 explanations.
#include "kube/actions/serversideapply.h"
#include "kube/actions/yamljson.h"

#include <QFile>
#include <QTest>

using namespace Orrery;

namespace {

QByteArray read(const QString &name)
{
    QFile f(QStringLiteral(ORRERY_TEST_DATA "/apply/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

} // namespace

class tst_Apply : public QObject
{
    Q_OBJECT

private slots:
    void multiDocument()
    {
        ApiResource widget;
        widget.group = QStringLiteral("example.com");
        widget.version = QStringLiteral("v1");
        widget.name = QStringLiteral("widgets");
        widget.kind = QStringLiteral("Widget");
        widget.namespaced = true;
        ServerSideApply::Options options;
        options.defaultNamespace = QStringLiteral("team-a");
        auto writes = ServerSideApply::plan(read(QStringLiteral("multi.yaml")), options, {widget});
        QVERIFY2(writes.ok(), qPrintable(writes.ok() ? QString() : writes.error().toString()));
        QStringList paths;
        for (const PlannedWrite &w : *writes) {
            paths << w.request.path;
            QCOMPARE(w.request.method, QByteArray("PATCH"));
            QCOMPARE(w.request.contentType, QByteArray("application/apply-patch+yaml"));
            QCOMPARE(w.verb, QStringLiteral("apply"));
            QVERIFY(nlohmann::json::parse(w.request.body.toStdString()) == w.body);
        }
        QCOMPARE(paths,
                 (QStringList{
                     "/api/v1/namespaces/shop?fieldManager=orrery",
                     "/api/v1/namespaces/team-a/configmaps/web-config?fieldManager=orrery",
                     "/apis/apps/v1/namespaces/shop/deployments/web?fieldManager=orrery",
                     "/apis/rbac.authorization.k8s.io/v1/clusterroles/reader?fieldManager=orrery",
                     "/apis/example.com/v1/namespaces/team-a/widgets/w1?fieldManager=orrery",
                 }));
        const auto &w = *writes;
        // The default namespace goes into the body too; a cluster-scoped object loses one.
        QVERIFY(w[1].body["metadata"]["namespace"] == "team-a");
        QVERIFY(!w[3].body["metadata"].contains("namespace"));
        // YAML 1.1 scalars as Kubernetes reads them.
        QVERIFY(w[1].body["data"]["ENABLED"] == "yes");
        QVERIFY(w[1].body["data"]["ZIP"] == "01234");
        QVERIFY(w[2].body["spec"]["replicas"] == 3);
        QVERIFY(w[2].body["spec"]["paused"] == false);
        QVERIFY(w[2].body["spec"]["template"]["spec"]["containers"][0]["ports"][0]["containerPort"]
                == 8080);
        QVERIFY(w[2].body["spec"]["template"]["spec"]["containers"][0]["env"][0]["value"] == "0.5");
        QVERIFY(w[2].body["spec"]["template"]["spec"]["containers"][0]["resources"]["limits"]["cpu"]
                == "500m");
        QVERIFY(w[4].body["spec"]["size"] == 16);
    }

    void options()
    {
        ServerSideApply::Options options;
        options.dryRun = true;
        options.force = true;
        options.fieldManager = QStringLiteral("orrery ui");
        auto writes
            = ServerSideApply::plan(read(QStringLiteral("missing-name.yaml")).left(52), options);
        QVERIFY(writes.ok());
        QCOMPARE(writes->size(), 1);
        QCOMPARE(writes->first().request.path,
                 QStringLiteral("/api/v1/namespaces/default/configmaps/"
                                "ok?dryRun=All&fieldManager=orrery%20ui&force=true"));
        QVERIFY(writes->first().dryRun);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing name")
            << "missing-name.yaml" << 6 << "The ConfigMap has no metadata.name.";
        QTest::newRow("unknown kind")
            << "unknown-kind.yaml" << 6 << "The server does not serve Gadget in example.com/v1.";
    }

    void errors()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, message);
        auto writes = ServerSideApply::plan(read(file), {}, {}, file);
        QVERIFY(!writes.ok());
        QCOMPARE(writes.error().message, message);
        QCOMPARE(writes.error().line, line);
        QCOMPARE(writes.error().file, file);
        QCOMPARE(writes.error().context, QStringLiteral("document 2"));
    }

    void badYaml()
    {
        auto writes = ServerSideApply::plan("a: [\n", {}, {}, QStringLiteral("x.yaml"));
        QVERIFY(!writes.ok());
        QCOMPARE(writes.error().code, Error::Code::ParseError);
        QVERIFY(writes.error().line >= 1);
        QVERIFY(!ServerSideApply::plan("# only a comment\n", {}).ok());
    }

    void conflict()
    {
        const auto c
            = ServerSideApply::explainConflict(read(QStringLiteral("conflict-status.json")));
        QVERIFY(c.has_value());
        QCOMPARE(c->managers.size(), 2);
        QCOMPARE(c->managers[0].name, QStringLiteral("kubectl-client-side-apply"));
        QCOMPARE(c->managers[0].apiVersion, QStringLiteral("apps/v1"));
        QCOMPARE(
            c->managers[0].fields,
            (QStringList{".spec.replicas", ".spec.template.spec.containers[name=\"web\"].image"}));
        QCOMPARE(c->managers[1].name, QStringLiteral("hpa-controller"));
        QVERIFY(c->text.startsWith(
            QLatin1String("Apply failed: 3 fields are managed by someone else.\n")));
        QVERIFY(c->text.contains(QLatin1String("  \"hpa-controller\" manages .spec.replicas\n")));
        QVERIFY(!ServerSideApply::explainConflict(read(QStringLiteral("notconflict-status.json")))
                     .has_value());
        QVERIFY(!ServerSideApply::explainConflict("not json").has_value());
    }

    void yamlRoundTrip_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("strings that look like other types")
            << R"({"a":"true","b":"1","c":"null","d":"0x1F","e":"1.5","f":"yes","g":"","h":"~"})";
        QTest::newRow("nested")
            << R"({"spec":{"list":[1,2.5,true,null,{"k":"v"}],"empty":{},"none":[]}})";
        QTest::newRow("multiline") << R"({"script":"line1\nline2\n","key with: colon":"x: y"})";
    }

    void yamlRoundTrip()
    {
        QFETCH(QString, json);
        const nlohmann::json value = nlohmann::json::parse(json.toStdString());
        const QString yaml = YamlJson::toYaml(value);
        auto back = YamlJson::parse(yaml.toUtf8());
        QVERIFY(back.ok());
        QVERIFY2(*back == value,
                 qPrintable(yaml + QStringLiteral("\n=> ") + QString::fromStdString(back->dump())));
    }
};

QTEST_GUILESS_MAIN(tst_Apply)
#include "tst_apply.moc"
