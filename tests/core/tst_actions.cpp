// SPDX-License-Identifier: GPL-3.0-or-later
// Requests of scale, HPA bounds, rollout restart/pause/resume, set image and delete, as
// kubectl sends them.
#include "kube/actions/workloadactions.h"

#include <QFile>
#include <QTest>

using namespace Orrery;

namespace {

nlohmann::json load(const QString &name)
{
    QFile f(QStringLiteral(ORRERY_TEST_DATA "/rollback/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return nlohmann::json::parse(f.readAll().toStdString());
}

nlohmann::json web()
{
    return load(QStringLiteral("deployment-web.json"));
}

nlohmann::json bodyOf(const PlannedWrite &w)
{
    return nlohmann::json::parse(w.request.body.toStdString());
}

} // namespace

class tst_Actions : public QObject
{
    Q_OBJECT

private slots:
    // Paths, content types and bodies below were checked against kubectl 1.32 -v=8 talking to
    // orrery-sim (scale, set image, rollout restart, delete --cascade=foreground); kubectl
    // names its field managers kubectl-set / kubectl-rollout where we say orrery.
    void requests_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("dryRun");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("body");
        const QString dep = QStringLiteral("/apis/apps/v1/namespaces/shop/deployments/web");
        QTest::newRow("scale") << "scale" << false << QByteArray("PATCH") << dep + "/scale"
                               << QByteArray("application/merge-patch+json")
                               << R"({"spec":{"replicas":5}})";
        QTest::newRow("scale dry")
            << "scale" << true << QByteArray("PATCH") << dep + "/scale?dryRun=All"
            << QByteArray("application/merge-patch+json") << R"({"spec":{"replicas":5}})";
        QTest::newRow("restart")
            << "restart" << false << QByteArray("PATCH") << dep + "?fieldManager=orrery"
            << QByteArray("application/strategic-merge-patch+json")
            << R"({"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-21T10:15:00Z"}}}}})";
        QTest::newRow("pause") << "pause" << false << QByteArray("PATCH") << dep
                               << QByteArray("application/strategic-merge-patch+json")
                               << R"({"spec":{"paused":true}})";
        QTest::newRow("set image")
            << "setImage" << false << QByteArray("PATCH") << dep + "?fieldManager=orrery"
            << QByteArray("application/strategic-merge-patch+json")
            << R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"image":"shop/web:1.3","name":"web"}]}}}})";
        QTest::newRow("delete") << "delete" << false << QByteArray("DELETE") << dep
                                << QByteArray("application/json")
                                << R"({"propagationPolicy":"Foreground"})";
        QTest::newRow("delete dry") << "delete" << true << QByteArray("DELETE")
                                    << dep + "?dryRun=All" << QByteArray("application/json")
                                    << R"({"dryRun":["All"],"propagationPolicy":"Foreground"})";
    }

    void requests()
    {
        QFETCH(QString, action);
        QFETCH(bool, dryRun);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, body);
        Result<PlannedWrite> w = Error();
        const QDateTime now(QDate(2026, 11, 21), QTime(10, 15), Qt::UTC);
        if (action == QLatin1String("scale"))
            w = WorkloadActions::scale(web(), 5, dryRun);
        else if (action == QLatin1String("restart"))
            w = WorkloadActions::restart(web(), now, dryRun);
        else if (action == QLatin1String("pause"))
            w = WorkloadActions::pause(web(), dryRun);
        else if (action == QLatin1String("setImage"))
            w = WorkloadActions::setImage(web(), QStringLiteral("web"),
                                          QStringLiteral("shop/web:1.3"), dryRun);
        else if (action == QLatin1String("delete"))
            w = WorkloadActions::remove(web(), WorkloadActions::Propagation::Foreground, dryRun);
        QVERIFY2(w.ok(), qPrintable(w.ok() ? QString() : w.error().message));
        QCOMPARE(w->request.method, method);
        QCOMPARE(w->request.path, path);
        QCOMPARE(w->request.contentType, contentType);
        QCOMPARE(QString::fromUtf8(w->request.body), body);
        QCOMPARE(w->dryRun, dryRun);
        QCOMPARE(w->kind, QStringLiteral("Deployment"));
        QCOMPARE(w->ns, QStringLiteral("shop"));
        QVERIFY(!w->description.isEmpty());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("message");
        QTest::newRow("restart paused")
            << "restart"
            << "can't restart paused deployment (run rollout resume first)";
        QTest::newRow("pause paused") << "pause"
                                      << "deployment.apps/web is already paused";
        QTest::newRow("unknown container") << "setImage"
                                           << "unable to find container named \"nginx\"";
        QTest::newRow("negative scale") << "scale"
                                        << "The replica count cannot be negative.";
    }

    void refusals()
    {
        QFETCH(QString, action);
        QFETCH(QString, message);
        nlohmann::json dep = web();
        dep["spec"]["paused"] = true;
        Result<PlannedWrite> w = Error();
        if (action == QLatin1String("restart"))
            w = WorkloadActions::restart(dep, QDateTime::currentDateTimeUtc());
        else if (action == QLatin1String("pause"))
            w = WorkloadActions::pause(dep);
        else if (action == QLatin1String("setImage"))
            w = WorkloadActions::setImage(dep, QStringLiteral("nginx"), QStringLiteral("nginx:1"));
        else
            w = WorkloadActions::scale(dep, -1);
        QVERIFY(!w.ok());
        QCOMPARE(w.error().message, message);
    }

    void resume()
    {
        QVERIFY(!WorkloadActions::resume(web()).ok());
        nlohmann::json dep = web();
        dep["spec"]["paused"] = true;
        auto w = WorkloadActions::resume(dep);
        QVERIFY(w.ok());
        QVERIFY(bodyOf(*w) == nlohmann::json::parse(R"({"spec":{"paused":false}})"));
    }

    void setImageAllContainersAndInit()
    {
        nlohmann::json dep = web();
        dep["spec"]["template"]["spec"]["initContainers"]
            = {{{"name", "migrate"}, {"image", "shop/migrate:1"}}};
        auto w = WorkloadActions::setImage(dep, QStringLiteral("*"), QStringLiteral("shop/all:2"));
        QVERIFY(w.ok());
        QVERIFY(
            bodyOf(*w)
            == nlohmann::json::parse(
                R"({"spec":{"template":{"spec":{"initContainers":[{"image":"shop/all:2","name":"migrate"}],
                        "$setElementOrder/initContainers":[{"name":"migrate"}],"$setElementOrder/containers":[{"name":"web"}],
                        "containers":[{"image":"shop/all:2","name":"web"}]}}}})"));
        // A Pod's containers sit directly in its spec.
        nlohmann::json pod = {{"apiVersion", "v1"},
                              {"kind", "Pod"},
                              {"metadata", {{"name", "p"}, {"namespace", "shop"}}},
                              {"spec", {{"containers", {{{"name", "web"}, {"image", "a"}}}}}}};
        auto p = WorkloadActions::setImage(pod, QStringLiteral("web"), QStringLiteral("b"));
        QVERIFY(p.ok());
        QCOMPARE(p->request.path,
                 QStringLiteral("/api/v1/namespaces/shop/pods/p?fieldManager=orrery"));
        QVERIFY(
            bodyOf(*p)
            == nlohmann::json::parse(
                R"({"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"image":"b","name":"web"}]}})"));
    }

    void hpaDetection()
    {
        auto hpa = [](const char *name, const char *kind, const char *target, const char *api) {
            return nlohmann::json{
                {"apiVersion", "autoscaling/v2"},
                {"kind", "HorizontalPodAutoscaler"},
                {"metadata", {{"name", name}, {"namespace", "shop"}}},
                {"spec",
                 {{"scaleTargetRef", {{"apiVersion", api}, {"kind", kind}, {"name", target}}},
                  {"minReplicas", 2},
                  {"maxReplicas", 10}}},
                {"status", {{"currentReplicas", 3}, {"desiredReplicas", 4}}}};
        };
        const nlohmann::json list = {{"items",
                                      {hpa("other", "Deployment", "api", "apps/v1"),
                                       hpa("crd", "Deployment", "web", "example.com/v1"),
                                       hpa("web", "Deployment", "web", "apps/v1")}}};
        const auto found = WorkloadActions::findHpa(web(), list);
        QVERIFY(found.has_value());
        QCOMPARE(found->name, QStringLiteral("web"));
        QCOMPARE(found->minReplicas, 2);
        QCOMPARE(found->maxReplicas, 10);
        QCOMPARE(found->desiredReplicas, 4);
        QVERIFY(!WorkloadActions::findHpa(web(), nlohmann::json::array()).has_value());

        auto bounds
            = WorkloadActions::setHpaBounds(hpa("web", "Deployment", "web", "apps/v1"), 3, 12);
        QVERIFY(bounds.ok());
        QCOMPARE(
            bounds->request.path,
            QStringLiteral("/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers/web"));
        QVERIFY(bodyOf(*bounds)
                == nlohmann::json::parse(R"({"spec":{"maxReplicas":12,"minReplicas":3}})"));
        QVERIFY(
            !WorkloadActions::setHpaBounds(hpa("web", "Deployment", "web", "apps/v1"), 5, 4).ok());
    }
};

QTEST_GUILESS_MAIN(tst_Actions)
#include "tst_actions.moc"
