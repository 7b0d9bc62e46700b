// SPDX-License-Identifier: GPL-3.0-or-later
// /openapi/v2 judged by real kubectl 1.28 against orrery-sim (scenario eks-devops-ppp, which
// reports v1.28.15, so the kubectl dispatcher runs kubectl 1.28). kubectl <= 1.28 fetches the
// protobuf v2 document before every create/apply that validates and stops with "the server
// could not find the requested resource" without it. With it: a valid manifest applies with
// validation on (created, then configured through a strategic merge patch kubectl computes
// from the v2 schema it looks up by x-kubernetes-group-version-kind, without warnings), a
// misspelled field is refused with the field named, and `kubectl explain` in its v2 mode
// reads kinds and field descriptions from the v2 document.
#include <kubectlprocess.h>
#include <simprocess.h>

#include <QtTest>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace {

using Result = Orrery::Test::KubectlResult;

} // namespace

class TestOpenApiV2 : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    QString m_kubeconfig;

    Result kubectl(const QStringList &args, const QByteArray &stdinData = {})
    {
        return Orrery::Test::runKubectl(m_kubeconfig, m_dir.path(), args, stdinData);
    }

    static QByteArray deployment(const QString &name, const QString &specExtra,
                                 const QString &containerExtra = {})
    {
        return QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: %1\n"
                              "  namespace: default\nspec:\n%2"
                              "  selector:\n    matchLabels: {app: %1}\n  template:\n"
                              "    metadata:\n      labels: {app: %1}\n    spec:\n"
                              "      containers:\n      - name: main\n        image: nginx:1.25\n"
                              "%3")
            .arg(name, specExtra, containerExtra)
            .toUtf8();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable("kubectl").isEmpty(), "kubectl is not installed");
        m_kubeconfig = m_dir.filePath("kubeconfig");
        QVERIFY2(m_sim.start({"--scenario", "eks-devops-ppp"}, m_kubeconfig),
                 qPrintable(m_sim.errorString()));
        // The judge is kubectl 1.28 (the last that fetches /openapi/v2 to validate).
        const Result version = kubectl({"version", "-o", "json"});
        QCOMPARE(version.exitCode, 0);
        const QJsonObject info = QJsonDocument::fromJson(version.out.toUtf8()).object();
        QCOMPARE(info["clientVersion"].toObject()["minor"].toString(), QStringLiteral("28"));
        QCOMPARE(info["serverVersion"].toObject()["gitVersion"].toString(),
                 QStringLiteral("v1.28.15-eks-7f9249a"));
    }

    void cleanupTestCase() { m_sim.stop(); }

    void validApplySucceedsWithValidation()
    {
        Result r = kubectl({"apply", "-f", "-"}, deployment("valid", "  replicas: 1\n"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps/valid created"));
        QCOMPARE(r.err, QString());

        // A change to lists with merge keys (ports by containerPort, env by name): kubectl
        // computes the strategic merge patch from the v2 schema of apps/v1 Deployment.
        r = kubectl({"apply", "--validate=strict", "-f", "-"},
                    deployment("valid", "  replicas: 2\n",
                               "        ports:\n        - containerPort: 80\n"
                               "          name: http\n        env:\n        - name: MODE\n"
                               "          value: blue\n"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps/valid configured"));
        QCOMPARE(r.err, QString());
        r = kubectl({"get", "deployment", "valid", "-o",
                     "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].ports[0].name} "
                     "{.spec.template.spec.containers[0].env[0].value}"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("2 http blue"));

        r = kubectl({"create", "configmap", "valid", "--from-literal=a=b"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("configmap/valid created"));
    }

    void misspelledFieldIsRefused()
    {
        const Result r = kubectl({"apply", "-f", "-"}, deployment("typo", "  replicaz: 1\n"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("unknown field \"spec.replicaz\"")),
                 qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("could not find the requested resource")));
        QCOMPARE(kubectl({"get", "deployment", "typo"}).exitCode, 1);
    }

    void explainReadsTheV2Document()
    {
        const Result r
            = kubectl({"explain", "deployment.spec.strategy", "--output=plaintext-openapiv2"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QRegularExpression("KIND:\\s+Deployment\\nVERSION:\\s+apps/v1")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("RESOURCE: strategy <Object>")));
        QVERIFY(r.out.contains(QStringLiteral("rollingUpdate\t<Object>")));
        QVERIFY(r.out.contains(QStringLiteral("DeploymentStrategy describes how to replace")));

        // Through a $ref, an IntOrString (v2: a string) and a core kind.
        const Result surge = kubectl({"explain", "deployment.spec.strategy.rollingUpdate.maxSurge",
                                      "--output=plaintext-openapiv2"});
        QVERIFY2(surge.exitCode == 0, qPrintable(surge.err));
        QVERIFY(surge.out.contains(QStringLiteral("FIELD:    maxSurge <string>")));
        const Result pod
            = kubectl({"explain", "pod.spec.containers.ports", "--output=plaintext-openapiv2"});
        QVERIFY2(pod.exitCode == 0, qPrintable(pod.err));
        QVERIFY(pod.out.contains(QRegularExpression("KIND:\\s+Pod\\nVERSION:\\s+v1")));
        QVERIFY(pod.out.contains(QStringLiteral("containerPort\t<integer> -required-")));
    }

    void jsonForm()
    {
        const Result r = kubectl({"get", "--raw", "/openapi/v2"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(doc["swagger"].toString(), QStringLiteral("2.0"));
        QCOMPARE(doc["info"].toObject()["version"].toString(),
                 QStringLiteral("v1.28.15-eks-7f9249a"));
        const QJsonObject deployment
            = doc["definitions"].toObject()["io.k8s.api.apps.v1.Deployment"].toObject();
        QCOMPARE(deployment["x-kubernetes-group-version-kind"],
                 QJsonValue(QJsonArray{
                     QJsonObject{{"group", "apps"}, {"kind", "Deployment"}, {"version", "v1"}}}));
        QCOMPARE(deployment["properties"].toObject()["spec"].toObject()["$ref"].toString(),
                 QStringLiteral("#/definitions/io.k8s.api.apps.v1.DeploymentSpec"));
        const QJsonObject patch = doc["paths"]
                                      .toObject()["/apis/apps/v1/namespaces/{namespace}/"
                                                  "deployments/{name}"]
                                      .toObject()["patch"]
                                      .toObject();
        QCOMPARE(patch["x-kubernetes-action"].toString(), QStringLiteral("patch"));
        bool fieldValidation = false;
        for (const QJsonValue &p : patch["parameters"].toArray())
            fieldValidation |= p.toObject()["name"].toString() == QStringLiteral("fieldValidation");
        QVERIFY(fieldValidation);
    }
};

QTEST_GUILESS_MAIN(TestOpenApiV2)
#include "tst_openapiv2.moc"
