// SPDX-License-Identifier: GPL-3.0-or-later
// Alerts end to end against the real Debian Prometheus and Alertmanager, started the way the
// demo starts them (LocalMonitoringServers): Prometheus scrapes orrery-sim's pfe cluster with
// the scenario's rules; after the load annotation pushes backend-spring's CPU up,
// PodCPUAboveRequest reaches Alertmanager and AlertIndex attaches it to the backend-spring
// pod that exists in the cluster; "Silence alert" and its undo ("Expire silence") run through
// the OperationRunner and the audit log; `orrery --alerts --json` lists the same alert with
// the same objects; without --alertmanager, the context's Alertmanager setting (the window's
// settings file) is read, else discovery says which Service it found or where it looked.
// Also: missing binaries are a Missing status, not a failure.

#include "audit/auditlog.h"
#include "kube/clustersession.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "monitoring/alertindex.h"
#include "monitoring/alertmanagerclient.h"
#include "monitoring/localmonitoringservers.h"
#include "operations/operationrunner.h"
#include "operations/silenceoperations.h"
#include "scenario.h"
#include "util/async.h"

#include <asyncanswer.h>
#include <eventloopwait.h>
#include <prometheusservers.h>
#include <simprocess.h>

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QProcessEnvironment>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>
#include <optional>

using namespace Orrery;
using json = nlohmann::json;

namespace {

using Orrery::Test::ask;

} // namespace

class tst_AlertmanagerSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void missingBinaries();
    void alertAttachesToThePod();
    void headlessAlerts();
    void headlessAlertsSetOrFound();
    void silenceRoundTrip();
    void serversStopWithTheirOwner();

private:
    Result<ApiResponse> send(ApiRequest request);
    // The active PodCPUAboveRequest alerts on backend-spring pods.
    QList<Alert> firing();

    QTemporaryDir m_dir;
    QString m_kubeconfig;
    Orrery::Test::SimProcess m_sim;
    std::unique_ptr<LocalMonitoringServers> m_servers;
    std::unique_ptr<HttpTransport> m_cluster;
    std::unique_ptr<HttpTransport> m_alertmanager;
    std::unique_ptr<AlertmanagerClient> m_client;
    Alert m_alert; // a firing PodCPUAboveRequest
};

void tst_AlertmanagerSim::initTestCase()
{
    if (LocalMonitoringServers::prometheusBinary().isEmpty()
        || LocalMonitoringServers::alertmanagerBinary().isEmpty())
        QSKIP("prometheus / prometheus-alertmanager are not installed (scripts/deps.sh installs "
              "the Debian packages)");
    QVERIFY(m_dir.isValid());
    m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
    QVERIFY2(m_sim.start({QStringLiteral("--scenario"), QStringLiteral("pfe"),
                          QStringLiteral("--metrics-port"), QStringLiteral("0")},
                         m_kubeconfig),
             qPrintable(m_sim.errorString()));
    const QUrl metrics(m_sim.metricsUrls().value(QStringLiteral("pfe-k8s")));
    QVERIFY(metrics.port() > 0);
    const Kubeconfig config = Kubeconfig::load(m_kubeconfig);
    auto connection = config.connection(QStringLiteral("pfe-k8s"));
    QVERIFY(connection.ok());
    m_cluster = std::make_unique<HttpTransport>(std::move(*connection));

    // The demo's launcher, scraping every second.
    m_servers = std::make_unique<LocalMonitoringServers>();
    QSignalSpy status(m_servers.get(), &LocalMonitoringServers::statusChanged);
    LocalMonitoringServers::Options options;
    options.scrapeTargets = {QStringLiteral("127.0.0.1:%1").arg(metrics.port())};
    // The scenario's rules, PodCPUAboveRequest pending for 5 s rather than 30 s.
    options.ruleFiles = {Orrery::Test::rulesWithShorterFor(
        QString::fromStdString(Orrery::Sim::scenarioRulesFile("pfe")),
        QStringLiteral("PodCPUAboveRequest"), 5, m_dir.path())};
    QVERIFY(!options.ruleFiles.first().isEmpty());
    options.intervalSeconds = 1;
    options.cluster = QStringLiteral("pfe-k8s");
    m_servers->start(options);
    QTRY_VERIFY_WITH_TIMEOUT(m_servers->status().state != MonitoringServersStatus::State::Starting,
                             60000);
    QVERIFY2(m_servers->status().isRunning(), qPrintable(m_servers->status().text()));
    QVERIFY(m_servers->status().text().contains(m_servers->status().alertmanagerUrl));
    QCOMPARE(status.last().at(0).value<MonitoringServersStatus>().state,
             MonitoringServersStatus::State::Running);

    ClusterConnection am;
    am.server = m_servers->status().alertmanagerUrl;
    am.contextName = QStringLiteral("pfe-k8s");
    m_alertmanager = std::make_unique<HttpTransport>(am);
    m_client = std::make_unique<AlertmanagerClient>(m_alertmanager.get());
}

void tst_AlertmanagerSim::cleanupTestCase()
{
    m_client.reset();
    m_alertmanager.reset();
    m_servers.reset();
    m_cluster.reset();
    m_sim.stop();
}

Result<ApiResponse> tst_AlertmanagerSim::send(ApiRequest request)
{
    std::optional<Result<ApiResponse>> answer;
    m_cluster->send(std::move(request), this,
                    [&answer](const Result<ApiResponse> &r) { answer = r; });
    Orrery::Test::waitUntil([&answer] { return answer.has_value(); }, 30000);
    return answer.value_or(
        Result<ApiResponse>(Error(Error::Code::Timeout, QStringLiteral("no answer"))));
}

QList<Alert> tst_AlertmanagerSim::firing()
{
    AlertFilter filter = AlertFilter::activeOnly();
    filter.matchers << QStringLiteral("alertname=\"PodCPUAboveRequest\"");
    const auto alerts = ask<QList<Alert>>([&](auto h) { m_client->alerts(filter, this, h); });
    QList<Alert> out;
    if (alerts && alerts->ok())
        for (const Alert &a : **alerts)
            if (a.labels.value(QStringLiteral("pod")).startsWith(QLatin1String("backend-spring-")))
                out << a;
    return out;
}

void tst_AlertmanagerSim::missingBinaries()
{
    qputenv("ORRERY_ALERTMANAGER_BINARY",
            m_dir.filePath(QStringLiteral("no-such-binary")).toUtf8());
    LocalMonitoringServers servers;
    servers.start({});
    qunsetenv("ORRERY_ALERTMANAGER_BINARY");
    QCOMPARE(servers.status().state, MonitoringServersStatus::State::Missing);
    QCOMPARE(servers.status().missing, QStringList{QStringLiteral("prometheus-alertmanager")});
    QVERIFY2(
        servers.status().text().contains(QLatin1String("prometheus-alertmanager not installed")),
        qPrintable(servers.status().text()));
}

void tst_AlertmanagerSim::alertAttachesToThePod()
{
    // Nothing fires at a tenth of the peak load...
    ApiRequest patch;
    patch.method = "PATCH";
    patch.path = QStringLiteral("/apis/apps/v1/namespaces/pfe-app/deployments/backend-spring");
    patch.contentType = "application/merge-patch+json";
    patch.body = R"({"metadata":{"annotations":{"sim.orrery.dev/load-percent":"10"}}})";
    QVERIFY(send(patch).ok());
    QVERIFY(firing().isEmpty());
    // ...and PodCPUAboveRequest does at ten times the peak (what the load runbook does).
    patch.body = R"({"metadata":{"annotations":{"sim.orrery.dev/load-percent":"1000"}}})";
    QVERIFY(send(patch).ok());
    QList<Alert> alerts;
    QVERIFY(Orrery::Test::waitUntil(
        [&] {
            alerts = firing();
            return !alerts.isEmpty();
        },
        150000));
    m_alert = alerts.first();
    QCOMPARE(m_alert.severity(), AlertSeverity::Warning);
    QVERIFY(m_alert.startsAt.isValid());
    QVERIFY(m_alert.summary().contains(m_alert.labels.value(QStringLiteral("pod"))));

    // Attached to that pod, which exists in the cluster, and to its namespace.
    const QString pod = m_alert.labels.value(QStringLiteral("pod"));
    const auto read
        = send(ApiRequest::get(QStringLiteral("/api/v1/namespaces/pfe-app/pods/") + pod));
    QVERIFY(read.ok() && read->status == 200);
    AlertIndex index(alerts);
    const QString key
        = AlertIndex::objectKey(QStringLiteral("Pod"), QStringLiteral("pfe-app"), pod);
    QCOMPARE(index.worstSeverity(key), AlertSeverity::Warning);
    QVERIFY(index.alertsFor(QStringLiteral("namespace/pfe-app")).size() >= 1);
    QCOMPARE(index.countsInNamespace(QStringLiteral("pfe-app")).warning, int(alerts.size()));
    QVERIFY(index.unattached().isEmpty());
}

void tst_AlertmanagerSim::headlessAlerts()
{
    QVERIFY(!m_alert.name().isEmpty());
    QProcess orrery;
    orrery.start(QStringLiteral(ORRERY_APP_BINARY),
                 {QStringLiteral("--alerts"), QStringLiteral("--alertmanager"),
                  m_servers->status().alertmanagerUrl, QStringLiteral("--kubeconfig"), m_kubeconfig,
                  QStringLiteral("--context"), QStringLiteral("pfe-k8s"), QStringLiteral("--json"),
                  QStringLiteral("--language"), QStringLiteral("en")});
    QVERIFY(orrery.waitForFinished(60000));
    QCOMPARE(orrery.exitCode(), 0);
    const json doc = json::parse(orrery.readAllStandardOutput().toStdString(), nullptr, false);
    QVERIFY(doc.is_object());
    QCOMPARE(QString::fromStdString(doc.value("alertmanager", "")),
             m_servers->status().alertmanagerUrl);
    const std::string pod = m_alert.labels.value(QStringLiteral("pod")).toStdString();
    bool found = false;
    for (const json &a : doc["alerts"])
        if (a.value("name", "") == "PodCPUAboveRequest" && a["labels"].value("pod", "") == pod) {
            found = true;
            QVERIFY(a.value("severity", "") == "warning");
            QVERIFY(a.value("state", "") == "active");
            QVERIFY(a["objects"] == json::array({"namespace/pfe-app", "pod/pfe-app/" + pod}));
        }
    QVERIFY(found);

    // The table: a header and the alert's row naming the pod.
    QProcess table;
    table.start(QStringLiteral(ORRERY_APP_BINARY),
                {QStringLiteral("--alerts"), QStringLiteral("--alertmanager"),
                 m_servers->status().alertmanagerUrl, QStringLiteral("--kubeconfig"), m_kubeconfig,
                 QStringLiteral("--language"), QStringLiteral("en")});
    QVERIFY(table.waitForFinished(60000));
    QCOMPARE(table.exitCode(), 0);
    const QString text = QString::fromUtf8(table.readAllStandardOutput());
    QVERIFY2(text.startsWith(QLatin1String("SEVERITY   ALERT")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("pod/pfe-app/") + QString::fromStdString(pod)),
             qPrintable(text));

    // An Alertmanager that is not there: why, and exit 1.
    QProcess down;
    down.start(QStringLiteral(ORRERY_APP_BINARY),
               {QStringLiteral("--alerts"), QStringLiteral("--alertmanager"),
                QStringLiteral("http://127.0.0.1:%1").arg(Orrery::Test::freeLoopbackPort()),
                QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("--language"),
                QStringLiteral("en")});
    QVERIFY(down.waitForFinished(60000));
    QCOMPARE(down.exitCode(), 1);
    QVERIFY2(down.readAllStandardError().contains("could not be reached"), "unreachable");
    // A usage error: exit 2.
    QProcess usage;
    usage.start(QStringLiteral(ORRERY_APP_BINARY),
                {QStringLiteral("--alerts"), QStringLiteral("--alertmanager"),
                 QStringLiteral("ftp://x"), QStringLiteral("--language"), QStringLiteral("en")});
    QVERIFY(usage.waitForFinished(60000));
    QCOMPARE(usage.exitCode(), 2);
}

void tst_AlertmanagerSim::headlessAlertsSetOrFound()
{
    QVERIFY(!m_alert.name().isEmpty());
    // The settings file the window writes (ContextPreferences: QSettings "Orrery"/"Orrery",
    // "contexts/<context>/monitoring/alertmanager"), in a config home of the test's own.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    {
        QSettings settings(home.filePath(QStringLiteral("Orrery/Orrery.conf")),
                           QSettings::IniFormat);
        settings.setValue(QStringLiteral("contexts/pfe-k8s/monitoring/alertmanager"),
                          m_servers->status().alertmanagerUrl);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    const auto run = [&](const QStringList &arguments, QProcess &process) {
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(ORRERY_APP_BINARY),
                      arguments + QStringList{QStringLiteral("--language"), QStringLiteral("en")});
        return process.waitForFinished(90000);
    };

    // (a) The context's setting: the real Alertmanager's alert, without --alertmanager.
    QProcess set;
    QVERIFY(run({QStringLiteral("--alerts"), QStringLiteral("--kubeconfig"), m_kubeconfig,
                 QStringLiteral("--context"), QStringLiteral("pfe-k8s"), QStringLiteral("--json")},
                set));
    const QByteArray setErr = set.readAllStandardError();
    QVERIFY2(set.exitCode() == 0, setErr.constData());
    const json doc = json::parse(set.readAllStandardOutput().toStdString(), nullptr, false);
    QVERIFY(doc.is_object());
    QCOMPARE(QString::fromStdString(doc.value("alertmanager", "")),
             m_servers->status().alertmanagerUrl);
    const std::string pod = m_alert.labels.value(QStringLiteral("pod")).toStdString();
    bool found = false;
    for (const json &a : doc["alerts"])
        found
            = found
              || (a.value("name", "") == "PodCPUAboveRequest" && a["labels"].value("pod", "") == pod
                  && a["objects"] == json::array({"namespace/pfe-app", "pod/pfe-app/" + pod}));
    QVERIFY(found);

    // --alertmanager wins over the setting.
    QProcess explicitOne;
    const QString nobody
        = QStringLiteral("http://127.0.0.1:%1").arg(Orrery::Test::freeLoopbackPort());
    QVERIFY(run({QStringLiteral("--alerts"), QStringLiteral("--alertmanager"), nobody,
                 QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("--context"),
                 QStringLiteral("pfe-k8s")},
                explicitOne));
    QCOMPARE(explicitOne.exitCode(), 1);
    const QByteArray overrideErr = explicitOne.readAllStandardError();
    QVERIFY2(overrideErr.contains(nobody.toUtf8() + " could not be reached"),
             overrideErr.constData());

    // (b) No setting (the -operator context): discovery finds the scenario's
    // monitoring/alertmanager Service and asks it through the API server's service proxy,
    // which this simulator maps onto nothing: kube-apiserver's 503, naming the Service.
    QProcess unmapped;
    QVERIFY(run({QStringLiteral("--alerts"), QStringLiteral("--kubeconfig"), m_kubeconfig,
                 QStringLiteral("--context"), QStringLiteral("pfe-k8s-operator")},
                unmapped));
    QCOMPARE(unmapped.exitCode(), 1);
    const QString unmappedErr = QString::fromUtf8(unmapped.readAllStandardError());
    QVERIFY2(unmappedErr.contains(QLatin1String("Alertmanager: Service monitoring/alertmanager"))
                 && unmappedErr.contains(QLatin1String("(found automatically)"))
                 && unmappedErr.contains(QLatin1String("HTTP 503")),
             qPrintable(unmappedErr));

    // The viewer may not use the service proxy (Kubernetes' "view" role): the permission named.
    QProcess viewer;
    QVERIFY(run({QStringLiteral("--alerts"), QStringLiteral("--kubeconfig"), m_kubeconfig,
                 QStringLiteral("--context"), QStringLiteral("pfe-k8s-viewer")},
                viewer));
    QCOMPARE(viewer.exitCode(), 1);
    const QString viewerErr = QString::fromUtf8(viewer.readAllStandardError());
    QVERIFY2(viewerErr.contains(QLatin1String("services/proxy")), qPrintable(viewerErr));

    // A simulator whose service proxy reaches the real Alertmanager: discovered end to end,
    // the alert read through the API server.
    QTemporaryDir proxiedDir;
    QVERIFY(proxiedDir.isValid());
    const QString proxiedConfig = proxiedDir.filePath(QStringLiteral("kubeconfig"));
    Orrery::Test::SimProcess proxied;
    QVERIFY2(proxied.start({QStringLiteral("--scenario"), QStringLiteral("pfe"),
                            QStringLiteral("--service-proxy"),
                            QStringLiteral("pfe-k8s/monitoring/alertmanager:9093=")
                                + m_servers->status().alertmanagerUrl},
                           proxiedConfig),
             qPrintable(proxied.errorString()));
    QProcess discovered;
    QVERIFY(run({QStringLiteral("--alerts"), QStringLiteral("--kubeconfig"), proxiedConfig,
                 QStringLiteral("--context"), QStringLiteral("pfe-k8s-operator"),
                 QStringLiteral("--json")},
                discovered));
    const QByteArray discoveredErr = discovered.readAllStandardError();
    QVERIFY2(discovered.exitCode() == 0, discoveredErr.constData());
    const json proxiedDoc
        = json::parse(discovered.readAllStandardOutput().toStdString(), nullptr, false);
    QVERIFY(proxiedDoc.is_object());
    QVERIFY2(proxiedDoc.value("alertmanager", "")
                     .find("/api/v1/namespaces/monitoring/services/alertmanager:web/proxy")
                 != std::string::npos,
             proxiedDoc.dump().c_str());
    bool proxiedFound = false;
    for (const json &a : proxiedDoc["alerts"])
        proxiedFound = proxiedFound
                       || (a.value("name", "") == "PodCPUAboveRequest"
                           && a["labels"].value("pod", "") == pod);
    QVERIFY(proxiedFound);
    proxied.stop();

    // A cluster without any Alertmanager Service: where discovery looked, exit 1.
    QTemporaryDir bareDir;
    QVERIFY(bareDir.isValid());
    const QString bareConfig = bareDir.filePath(QStringLiteral("kubeconfig"));
    Orrery::Test::SimProcess bare;
    QVERIFY2(bare.start({QStringLiteral("--scenario"), QStringLiteral("minimal")}, bareConfig),
             qPrintable(bare.errorString()));
    QProcess none;
    QVERIFY(run({QStringLiteral("--alerts"), QStringLiteral("--kubeconfig"), bareConfig}, none));
    QCOMPARE(none.exitCode(), 1);
    const QString noneErr = QString::fromUtf8(none.readAllStandardError());
    QVERIFY2(noneErr.contains(QLatin1String("no Alertmanager found; looked for Services "))
                 && noneErr.contains(QLatin1String("alertmanager-operated"))
                 && noneErr.contains(QLatin1String("--alertmanager")),
             qPrintable(noneErr));
    bare.stop();
}

void tst_AlertmanagerSim::silenceRoundTrip()
{
    QVERIFY(!m_alert.name().isEmpty());
    auto connection = Kubeconfig::load(m_kubeconfig).connection(QStringLiteral("pfe-k8s"));
    QVERIFY(connection.ok());
    ClusterSession session(std::move(*connection)); // not started: the target of the runner
    QTemporaryDir auditDir;
    AuditLog audit(auditDir.path());
    OperationRunner runner(&audit);
    QStringList confirmed;
    runner.setConfirmation([&](const OperationRunner::Target &t, ClusterOperation *op) {
        confirmed << op->summary().join(QLatin1Char('\n'));
        runner.run(t, op);
    });
    QSignalSpy finished(&runner, &OperationRunner::operationFinished);
    QSignalSpy failed(&runner, &OperationRunner::failed);
    std::function<void()> undo;
    connect(&runner, &OperationRunner::undoOffered, this,
            [&undo, &runner](const OperationRunner::Target &t, const QString &,
                             const ClusterOperation::Factory &u) {
                undo = [&runner, t, u] { runner.start(t, u(t.session->transport(), &runner)); };
            });

    auto *silence = CreateSilenceOperation::forAlert(m_alertmanager.get(), {}, m_alert, 3600,
                                                     QStringLiteral("load test in progress"));
    QVERIFY(silence->requiredAccess().isEmpty()); // reached directly: nothing to ask the API
    QVERIFY(silence->summary().join(QLatin1Char('\n')).contains(QLatin1String("load test")));
    QString id;
    connect(silence, &ClusterOperation::finished, this,
            [&id, silence](bool) { id = silence->silenceId(); });
    runner.start(OperationRunner::targetOf(&session), silence);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY2(finished.first().at(0).toBool(),
             qPrintable(failed.isEmpty() ? QString() : failed.first().at(1).toString()));
    QVERIFY(!id.isEmpty());
    QCOMPARE(confirmed.size(), 1);
    QVERIFY(confirmed.first().contains(QStringLiteral("Silence PodCPUAboveRequest for 1h")));

    // Alertmanager has it, and the alert is silenced by it.
    const auto silences = ask<QList<Silence>>([&](auto h) { m_client->silences(this, h); });
    QVERIFY(silences && silences->ok());
    std::optional<Silence> stored;
    for (const Silence &s : **silences)
        if (s.id == id)
            stored = s;
    QVERIFY(stored);
    QCOMPARE(stored->state, Silence::State::Active);
    QCOMPARE(stored->comment, QStringLiteral("load test in progress"));
    QCOMPARE(stored->createdBy, CreateSilenceOperation::localUser());
    QVERIFY(stored->matches(m_alert.labels));
    QVERIFY(Orrery::Test::waitUntil(
        [&] {
            const auto all
                = ask<QList<Alert>>([&](auto h) { m_client->alerts(AlertFilter(), this, h); });
            if (!all || !all->ok())
                return false;
            for (const Alert &a : **all)
                if (a.fingerprint == m_alert.fingerprint)
                    return a.state == Alert::State::Suppressed && a.silencedBy.contains(id);
            return false;
        },
        30000));

    // The undo expires it, through the same confirmation.
    QVERIFY(undo);
    undo();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
    QVERIFY(finished.last().at(0).toBool());
    QCOMPARE(confirmed.size(), 2);
    QVERIFY2(confirmed.last().contains(QStringLiteral("Expire silence ") + id),
             qPrintable(confirmed.last()));
    const auto after = ask<QList<Silence>>([&](auto h) { m_client->silences(this, h); });
    QVERIFY(after && after->ok());
    for (const Silence &s : **after)
        if (s.id == id)
            QCOMPARE(s.state, Silence::State::Expired);
    QVERIFY(failed.isEmpty());

    // Expiring it again: nothing to do, said, nothing sent.
    QSignalSpy nothing(&runner, &OperationRunner::nothingToDo);
    runner.start(OperationRunner::targetOf(&session),
                 new ExpireSilenceOperation(m_alertmanager.get(), {}, id));
    QTRY_COMPARE_WITH_TIMEOUT(nothing.size(), 1, 30000);
    // An id Alertmanager does not know: the fetch fails and says so.
    runner.start(
        OperationRunner::targetOf(&session),
        new ExpireSilenceOperation(m_alertmanager.get(), {},
                                   QStringLiteral("00000000-0000-0000-0000-000000000000")));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
    QVERIFY(failed.first().at(1).toString().contains(QLatin1String("has no silence")));

    // Both writes are in the audit log, complete, named as silences.
    QFuture<QList<AuditEntry>> read
        = Async::run([directory = audit.directory()] { return AuditLog::read(directory); });
    read.waitForFinished();
    const QList<AuditEntry> entries = read.result();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].verb, QStringLiteral("create"));
    QCOMPARE(entries[0].kind, QStringLiteral("Silence"));
    QCOMPARE(entries[0].name, QStringLiteral("PodCPUAboveRequest"));
    QCOMPARE(entries[0].ns, QStringLiteral("pfe-app"));
    QCOMPARE(entries[0].context, QStringLiteral("pfe-k8s"));
    QVERIFY(entries[0].summary.contains(QLatin1String("load test in progress")));
    QCOMPARE(entries[0].status, 200);
    QCOMPARE(entries[1].verb, QStringLiteral("delete"));
    QCOMPARE(entries[1].name, id);
    QCOMPARE(entries[1].status, 200);
    for (const AuditEntry &e : entries)
        QVERIFY(e.outcomeKnown());
}

void tst_AlertmanagerSim::serversStopWithTheirOwner()
{
    const QUrl prometheus(m_servers->status().prometheusUrl);
    const QUrl alertmanager(m_servers->status().alertmanagerUrl);
    m_client.reset();
    m_alertmanager.reset();
    m_servers.reset();
    int status = -1;
    Orrery::Test::loopbackGet(prometheus.port(), QStringLiteral("/-/ready"), &status);
    QCOMPARE(status, 0);
    Orrery::Test::loopbackGet(alertmanager.port(), QStringLiteral("/-/ready"), &status);
    QCOMPARE(status, 0);
}

QTEST_GUILESS_MAIN(tst_AlertmanagerSim)
#include "tst_alertmanagersim.moc"
