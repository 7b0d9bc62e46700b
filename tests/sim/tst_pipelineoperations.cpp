// SPDX-License-Identifier: GPL-3.0-or-later
// Pipeline sources and the pipeline actions as operations, against the in-process simulated
// GitHub (sim/github on the services front, its CA and token): the settings round trip (no
// token ever written), the client factory, and trigger / approve / cancel (the undo of a
// trigger) / re-run / download a log through PipelineOperation and the audited
// ClusterWriteExecutor, their effects read back through the client. The audit log names the
// repository and run, never the token.
//
// One in-process Simulator (pfe) at speed 30.
#include "audit/auditlog.h"
#include "operations/clusterwriteexecutor.h"
#include "operations/operationcatalog.h"
#include "operations/pipelineoperations.h"
#include "pipelines/pipelinesources.h"
#include "simulator.h"

#include <inprocesssimulator.h>

#include <eventloopwait.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Orrery;

namespace {

const QString s_pfe = QStringLiteral("pfe-v2/pfe-application");
const QByteArray s_token = "orrery-sim-github";

} // namespace

class tst_PipelineOperations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void sourcesRoundTrip();
    void factory();
    void headlessMatchesGh();
    void catalogue();
    void triggerThenApprove();
    void cancelIsTheUndoOfATrigger();
    void rerunFailedAndDownloadLog();
    void auditHasNoToken();

private:
    struct Process
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    QProcessEnvironment cleanEnvironment() const;
    Process orrery(const QStringList &args);
    Process gh(const QStringList &args);
    // fetch(), then run() through the audited executor; false when either failed.
    bool fetchAndRun(ClusterOperation *op);
    std::optional<PipelineRun> readRun(const QString &id);
    bool waitForStatus(const QString &id, const std::function<bool(const PipelineRun &)> &test);
    PipelineOperation *make(PipelineAction action, const QString &runId);

    QTemporaryDir m_dir;
    Orrery::Test::InProcessSimulator m_sim;
    PipelineSource m_source;
    PipelineConnection m_connection;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ClusterWriteExecutor> m_writer;
    QString m_triggered; // the run triggerThenApprove started
    QString m_ca;        // the front's CA as a file, for orrery --ca and gh's SSL_CERT_FILE
};

void tst_PipelineOperations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Sim::SimulatorOptions options;
    options.scenarios = {"pfe"};
    options.speed = 30;
    QVERIFY2(m_sim.start(options), qPrintable(m_sim.error()));
    m_source.provider = PipelineProvider::GitHub;
    m_source.host = m_sim.servicesUrl().mid(8); // 127.0.0.1:PORT
    m_source.source = s_pfe;
    PipelineConnectOptions connect;
    connect.caPem = m_sim.servicesCaPem();
    connect.token = s_token;
    connect.environment = QProcessEnvironment();
    auto connection = connectPipelineSource(m_source, connect);
    QVERIFY2(connection.ok(), connection.ok() ? "" : qPrintable(connection.error().toString()));
    m_connection = *connection;
    QCOMPARE(m_connection.apiBase, QStringLiteral("https://%1/api/v3").arg(m_source.host));
    m_ca = m_sim.servicesCaFile();
    m_audit = std::make_unique<AuditLog>(m_dir.filePath(QStringLiteral("audit")));
    m_writer = std::make_unique<ClusterWriteExecutor>(m_connection.transport, m_audit.get());
}

void tst_PipelineOperations::cleanupTestCase()
{
    // The operations hold the client (and so its transport, whose keep-alive connections
    // would hold the front's stop for a minute).
    qDeleteAll(findChildren<ClusterOperation *>());
    m_writer.reset();
    m_connection = {};
    m_audit.reset();
    m_sim.stop();
}

QProcessEnvironment tst_PipelineOperations::cleanEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *v : {"GH_TOKEN", "GITHUB_TOKEN", "GH_ENTERPRISE_TOKEN",
                          "GITHUB_ENTERPRISE_TOKEN", "GH_REPO", "GH_DEBUG", "GH_HOST"})
        env.remove(QString::fromLatin1(v));
    env.insert(QStringLiteral("GH_ENTERPRISE_TOKEN"), QString::fromLatin1(s_token));
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    return env;
}

tst_PipelineOperations::Process tst_PipelineOperations::orrery(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = cleanEnvironment();
    // gh is not asked: the token comes from the environment.
    env.insert(QStringLiteral("PATH"), QStringLiteral("/nonexistent"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ORRERY_APP_BINARY), args);
    Process r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

tst_PipelineOperations::Process tst_PipelineOperations::gh(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = cleanEnvironment();
    env.insert(QStringLiteral("GH_HOST"), m_source.host);
    env.insert(QStringLiteral("SSL_CERT_FILE"), m_ca);
    env.insert(QStringLiteral("GH_CONFIG_DIR"), m_dir.filePath(QStringLiteral("gh-config")));
    env.insert(QStringLiteral("GH_PROMPT_DISABLED"), QStringLiteral("1"));
    env.insert(QStringLiteral("GH_NO_UPDATE_NOTIFIER"), QStringLiteral("1"));
    env.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("gh"), args);
    Process r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool tst_PipelineOperations::fetchAndRun(ClusterOperation *op)
{
    bool fetched = false;
    bool fetchOk = false;
    op->fetch([&](const Result<void> &r) {
        fetched = true;
        fetchOk = r.ok();
        if (!r.ok())
            qWarning().noquote() << "fetch:" << r.error().toString();
    });
    if (!Test::waitUntil([&] { return fetched; }, 20000) || !fetchOk)
        return false;
    if (!op->nothingToDo().isEmpty())
        return false;
    bool finished = false;
    connect(op, &ClusterOperation::finished, this, [&] { finished = true; });
    op->run(m_writer.get());
    if (!Test::waitUntil([&] { return finished; }, 20000))
        return false;
    if (!op->report().ok)
        qWarning().noquote() << op->report().lines.join('\n') << op->report().explanation;
    return op->report().ok;
}

std::optional<PipelineRun> tst_PipelineOperations::readRun(const QString &id)
{
    std::optional<PipelineRun> result;
    bool done = false;
    m_connection.client->run(s_pfe, id, this, [&](const Result<PipelineRun> &r) {
        if (r.ok())
            result = *r;
        done = true;
    });
    Test::waitUntil([&] { return done; }, 20000);
    return result;
}

bool tst_PipelineOperations::waitForStatus(const QString &id,
                                           const std::function<bool(const PipelineRun &)> &test)
{
    return Test::waitUntil(
        [&] {
            const auto r = readRun(id);
            return r && test(*r);
        },
        30000);
}

PipelineOperation *tst_PipelineOperations::make(PipelineAction action, const QString &runId)
{
    PipelineActionTarget target;
    target.source = s_pfe;
    target.runId = runId;
    target.workflow = QStringLiteral("ci-cd.yml");
    return new PipelineOperation(m_connection.client, m_connection.transport, action, target, this);
}

void tst_PipelineOperations::sourcesRoundTrip()
{
    const QString file = m_dir.filePath(QStringLiteral("settings.ini"));
    QList<PipelineSource> sources;
    sources << m_source;
    PipelineSource gitlab;
    gitlab.provider = PipelineProvider::GitLab;
    gitlab.host = QStringLiteral("gitlab.example.com");
    gitlab.source = QStringLiteral("shop/storefront");
    gitlab.label = QStringLiteral("Shop");
    gitlab.caFile = QStringLiteral("/etc/ssl/shop-ca.pem");
    gitlab.proxyUrl = QStringLiteral("http://proxy:3128");
    gitlab.imageLink.rule = QStringLiteral("sha");
    gitlab.imageLink.repository = QStringLiteral("registry.example.com/shop/storefront");
    sources << gitlab;
    {
        QSettings settings(file, QSettings::IniFormat);
        PipelineSourceSettings::write(settings, sources);
    }
    {
        QSettings settings(file, QSettings::IniFormat);
        QCOMPARE(PipelineSourceSettings::read(settings), sources);
        // Writing fewer drops the rest.
        PipelineSourceSettings::write(settings, {gitlab});
        QCOMPARE(PipelineSourceSettings::read(settings), QList<PipelineSource>{gitlab});
    }
    QFile raw(file);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray text = raw.readAll();
    QVERIFY(!text.contains(s_token));
    QVERIFY(text.contains("shop/storefront"));

    // Ids: stable, parsed back (the default host is left empty).
    QCOMPARE(gitlab.id(), QStringLiteral("gitlab:gitlab.example.com/shop/storefront"));
    PipelineSource dotcom;
    dotcom.source = QStringLiteral("acme/api");
    QCOMPARE(dotcom.id(), QStringLiteral("github:github.com/acme/api"));
    QCOMPARE(dotcom.apiBase(), QStringLiteral("https://api.github.com"));
    const auto back = PipelineSource::fromId(dotcom.id());
    QVERIFY(back.ok());
    QCOMPARE(*back, dotcom);
    const auto jenkins
        = PipelineSource::fromId(QStringLiteral("jenkins:ci.example.com/shop/deploy-prod"));
    QVERIFY(jenkins.ok());
    QCOMPARE(jenkins->source, QStringLiteral("shop/deploy-prod"));
    QCOMPARE(jenkins->apiBase(), QStringLiteral("https://ci.example.com"));
    QVERIFY(!PipelineSource::fromId(QStringLiteral("travis:x/y")).ok());
    QVERIFY(!PipelineSource::fromId(QStringLiteral("github:nohost")).ok());
}

void tst_PipelineOperations::factory()
{
    // The client reads the simulator's runs.
    bool done = false;
    Result<QList<PipelineRun>> runs = Error(Error::Code::Unknown, {});
    PipelineRunFilter filter;
    filter.limit = 5;
    m_connection.client->runs(s_pfe, filter, this, [&](const Result<QList<PipelineRun>> &r) {
        runs = r;
        done = true;
    });
    QVERIFY(Test::waitUntil([&] { return done; }, 20000));
    QVERIFY2(runs.ok(), runs.ok() ? "" : qPrintable(runs.error().toString()));
    QCOMPARE(runs->size(), 5);
    QCOMPARE(m_connection.client->baseUrl(), m_connection.apiBase);

    // Without the front's CA the TLS handshake fails, in words.
    PipelineConnectOptions noCa;
    noCa.token = s_token;
    noCa.environment = QProcessEnvironment();
    auto untrusted = connectPipelineSource(m_source, noCa);
    QVERIFY(untrusted.ok());
    done = false;
    untrusted->client->runs(s_pfe, filter, this, [&](const Result<QList<PipelineRun>> &r) {
        runs = r;
        done = true;
    });
    QVERIFY(Test::waitUntil([&] { return done; }, 20000));
    QVERIFY(!runs.ok());
    QVERIFY(!runs.error().toString().contains(QString::fromLatin1(s_token)));

    // A CA file that is not there; a GitLab source with no token anywhere (an empty
    // environment, no glab config, no keyring): refused before any request.
    PipelineSource missingCa = m_source;
    missingCa.caFile = m_dir.filePath(QStringLiteral("nope.pem"));
    QCOMPARE(connectPipelineSource(missingCa, {}).error().code, Error::Code::FileError);
    PipelineSource gitlab;
    gitlab.provider = PipelineProvider::GitLab;
    gitlab.host = QStringLiteral("127.0.0.1:9");
    gitlab.source = QStringLiteral("a/b");
    PipelineConnectOptions bare;
    bare.environment = QProcessEnvironment();
    bare.environment.insert(QStringLiteral("HOME"), m_dir.path());
    const auto noToken = connectPipelineSource(gitlab, bare);
    QVERIFY(!noToken.ok());
    QCOMPARE(noToken.error().code, Error::Code::NotFound);
}

void tst_PipelineOperations::headlessMatchesGh()
{
    if (QStandardPaths::findExecutable(QStringLiteral("gh")).isEmpty())
        QFAIL("the gh CLI is not installed (Debian package gh, see scripts/deps.sh)");
    const Process listed = orrery({"--pipelines", "--provider", "github", "--repo", s_pfe, "--host",
                                   m_source.host, "--ca", m_ca, "--json", "--limit", "6"});
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    QJsonParseError parseError;
    const QJsonArray ours = QJsonDocument::fromJson(listed.out, &parseError).array();
    QVERIFY2(parseError.error == QJsonParseError::NoError, listed.out.left(2000).constData());
    QCOMPARE(ours.size(), 6);

    const Process judged = gh({"run", "list", "-R", s_pfe, "-L", "6", "--json",
                               "databaseId,number,status,conclusion,headBranch,headSha,event,"
                               "workflowName"});
    QVERIFY2(judged.exitCode == 0, judged.err.constData());
    const QJsonArray theirs = QJsonDocument::fromJson(judged.out).array();
    QCOMPARE(theirs.size(), ours.size());
    for (int i = 0; i < ours.size(); ++i) {
        const QJsonObject o = ours.at(i).toObject();
        const QJsonObject g = theirs.at(i).toObject();
        QCOMPARE(o.value("id").toString(), QString::number(g.value("databaseId").toInteger()));
        QCOMPARE(o.value("number").toInt(), g.value("number").toInt());
        QCOMPARE(o.value("branch").toString(), g.value("headBranch").toString());
        QCOMPARE(o.value("commit").toString(), g.value("headSha").toString());
        QCOMPARE(o.value("event").toString(), g.value("event").toString());
        QCOMPARE(o.value("name").toString(), g.value("workflowName").toString());
        const QString conclusion = g.value("conclusion").toString();
        const QString expected = conclusion == QLatin1String("success")     ? "succeeded"
                                 : conclusion == QLatin1String("failure")   ? "failed"
                                 : conclusion == QLatin1String("cancelled") ? "cancelled"
                                                                            : QString();
        if (g.value("status").toString() == QLatin1String("completed"))
            QCOMPARE(o.value("status").toString(), expected);
        QVERIFY(!o.value("jobs").toArray().isEmpty());
    }
    // The first run's jobs, as gh run view sees them.
    const QString first = ours.at(0).toObject().value("id").toString();
    const Process view = gh({"run", "view", first, "-R", s_pfe, "--json", "jobs"});
    QVERIFY2(view.exitCode == 0, view.err.constData());
    const QJsonArray ghJobs = QJsonDocument::fromJson(view.out).object().value("jobs").toArray();
    const QJsonArray ourJobs = ours.at(0).toObject().value("jobs").toArray();
    QCOMPARE(ourJobs.size(), ghJobs.size());
    QSet<QString> ghNames;
    for (const QJsonValue &j : ghJobs)
        ghNames.insert(j.toObject().value("name").toString());
    for (const QJsonValue &j : ourJobs)
        QVERIFY2(ghNames.contains(j.toObject().value("name").toString()),
                 qPrintable(j.toObject().value("name").toString()));

    // The table names the runs and their jobs.
    const Process table = orrery({"--pipelines", "--provider", "github", "--repo", s_pfe, "--host",
                                  m_source.host, "--ca", m_ca, "--limit", "1"});
    QVERIFY2(table.exitCode == 0, table.err.constData());
    QVERIFY2(table.out.contains("Deploy to Production (frontend)"), table.out.constData());
    QVERIFY(table.out.startsWith("RUN\tSTATUS"));

    // Errors in words: a repository the server does not have, a provider without a client,
    // usage.
    const Process missing = orrery(
        {"--pipelines", "--repo", "acme/nothing-here", "--host", m_source.host, "--ca", m_ca});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("404") || missing.err.contains("Not Found"),
             missing.err.constData());
    QVERIFY(!missing.err.contains(s_token));
    const Process gitlab = orrery({"--pipelines", "--provider", "gitlab", "--repo", "a/b"});
    QCOMPARE(gitlab.exitCode, 1);
    QVERIFY2(gitlab.err.contains("gitlab"), gitlab.err.constData());
    QCOMPARE(orrery({"--pipelines", "--provider", "github"}).exitCode, 2);

    // --demo: the embedded simulator's GitHub, every seed's repositories.
    const Process demo
        = orrery({"--pipelines", "--demo", "--repo", "acme/platform", "--json", "--limit", "1"});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    const QJsonArray demoRuns = QJsonDocument::fromJson(demo.out).array();
    QCOMPARE(demoRuns.size(), 1);
    QCOMPARE(demoRuns.at(0).toObject().value("source").toString(), QStringLiteral("acme/platform"));
    const Process notInDemo = orrery({"--pipelines", "--demo", "--repo", "nope/x"});
    QCOMPARE(notInDemo.exitCode, 1);
    QVERIFY2(notInDemo.err.contains("pfe-v2/pfe-application"), notInDemo.err.constData());
    QCOMPARE(orrery({"--pipelines", "--provider", "travis", "--repo", "a/b"}).exitCode, 2);
}

void tst_PipelineOperations::catalogue()
{
    const QStringList ids = OperationCatalog::pipelineIds();
    QCOMPARE(ids.size(), 8);
    for (const QString &id : ids) {
        QVERIFY(OperationCatalog::label(id) != id);
        std::unique_ptr<ClusterOperation> op(
            OperationCatalog::createPipeline(id, m_connection.client, m_connection.transport,
                                             PipelineActionTarget{s_pfe, "1", {}, {}}));
        QVERIFY(op);
        QCOMPARE(PipelineOperation::actionId(static_cast<PipelineOperation *>(op.get())->action()),
                 id);
        QVERIFY(op->requiredAccess().isEmpty());
    }
    QVERIFY(!OperationCatalog::createPipeline(QStringLiteral("scale"), m_connection.client,
                                              m_connection.transport, {}));
}

void tst_PipelineOperations::triggerThenApprove()
{
    PipelineOperation *trigger = make(PipelineAction::Trigger, {});
    PipelineTrigger t;
    t.ref = QStringLiteral("main");
    t.inputs.insert(QStringLiteral("reason"), QStringLiteral("demo"));
    trigger->setTrigger(t);
    // Refused before anything is sent without a ref.
    {
        std::unique_ptr<PipelineOperation> noRef(make(PipelineAction::Trigger, {}));
        QVERIFY(!noRef->plan(false).ok());
    }
    QVERIFY(fetchAndRun(trigger));
    const QString summary = trigger->summary().join('\n');
    QVERIFY2(summary.contains(QStringLiteral("Run workflow ci-cd.yml on main in "
                                             "pfe-v2/pfe-application on GitHub Actions (https://")),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("reason=demo")), qPrintable(summary));
    QCOMPARE(trigger->scope().ns, s_pfe);
    QVERIFY(trigger->details().startsWith(QStringLiteral(
        "POST /repos/pfe-v2/pfe-application/actions/workflows/ci-cd.yml/dispatches")));
    QVERIFY(!trigger->startedRunId().isEmpty());
    QVERIFY(trigger->undo());
    QVERIFY(trigger->undoText().contains(trigger->startedRunId()));
    m_triggered = trigger->startedRunId();
    const auto started = readRun(m_triggered);
    QVERIFY(started);
    QCOMPARE(started->event, QStringLiteral("workflow_dispatch"));
    QCOMPARE(started->branch, QStringLiteral("main"));

    // Production is protected: the run waits for a review.
    QVERIFY(waitForStatus(
        m_triggered, [](const PipelineRun &r) { return r.status == PipelineStatus::Waiting; }));
    // Cancelling is possible, approving names the environment.
    PipelineOperation *approve = make(PipelineAction::Approve, m_triggered);
    approve->setComment(QStringLiteral("Ship it"));
    QVERIFY(fetchAndRun(approve));
    QCOMPARE(approve->pendingDeployments().size(), 1);
    const QString approveSummary = approve->summary().join('\n');
    QVERIFY2(approveSummary.contains(QStringLiteral("Approve the deployment of run #")),
             qPrintable(approveSummary));
    QVERIFY2(approveSummary.contains(QStringLiteral("to production in pfe-v2/pfe-application")),
             qPrintable(approveSummary));
    QVERIFY2(approveSummary.contains(
                 QStringLiteral("Protected environment(s) waiting for review: production")),
             qPrintable(approveSummary));
    QVERIFY(approveSummary.contains(QStringLiteral("Comment: Ship it")));
    QVERIFY(!approve->undo()); // an approval cannot be taken back
    QVERIFY(waitForStatus(
        m_triggered, [](const PipelineRun &r) { return r.status == PipelineStatus::Succeeded; }));
    // Nothing waits any more.
    std::unique_ptr<PipelineOperation> again(make(PipelineAction::Reject, m_triggered));
    bool fetched = false;
    again->fetch([&](const Result<void> &r) {
        QVERIFY(r.ok());
        fetched = true;
    });
    QVERIFY(Test::waitUntil([&] { return fetched; }, 20000));
    QVERIFY(!again->nothingToDo().isEmpty());
}

void tst_PipelineOperations::cancelIsTheUndoOfATrigger()
{
    PipelineOperation *trigger = make(PipelineAction::Trigger, {});
    PipelineTrigger t;
    t.ref = QStringLiteral("main");
    trigger->setTrigger(t);
    QVERIFY(fetchAndRun(trigger));
    const QString id = trigger->startedRunId();
    QVERIFY(!id.isEmpty());
    QVERIFY(id != m_triggered);
    ClusterOperation *cancel = trigger->undo()(nullptr, this);
    QVERIFY(cancel);
    QCOMPARE(cancel->transport(), m_connection.transport);
    QVERIFY(fetchAndRun(cancel));
    QVERIFY2(cancel->report().lines.join('\n').contains(QStringLiteral("Cancel run #")),
             qPrintable(cancel->report().lines.join('\n')));
    QVERIFY(waitForStatus(
        id, [](const PipelineRun &r) { return r.status == PipelineStatus::Cancelled; }));
    // A second cancel has nothing to do, in words.
    std::unique_ptr<PipelineOperation> twice(make(PipelineAction::Cancel, id));
    bool fetched = false;
    twice->fetch([&](const Result<void> &) { fetched = true; });
    QVERIFY(Test::waitUntil([&] { return fetched; }, 20000));
    QVERIFY2(twice->nothingToDo().contains(QStringLiteral("already finished (cancelled)")),
             qPrintable(twice->nothingToDo()));
}

void tst_PipelineOperations::rerunFailedAndDownloadLog()
{
    // A failed run of the history.
    bool done = false;
    QList<PipelineRun> failed;
    PipelineRunFilter filter;
    filter.status = PipelineStatus::Failed;
    filter.limit = 5;
    m_connection.client->runs(s_pfe, filter, this, [&](const Result<QList<PipelineRun>> &r) {
        if (r.ok())
            failed = *r;
        done = true;
    });
    QVERIFY(Test::waitUntil([&] { return done; }, 20000));
    QVERIFY(!failed.isEmpty());
    const PipelineRun before = *readRun(failed.first().id);

    // Download a job's log first (the run is finished).
    PipelineOperation *download = make(PipelineAction::DownloadLog, before.id);
    PipelineActionTarget target = download->pipelineTarget();
    QVERIFY(!before.jobs.isEmpty());
    delete download;
    target.jobId = before.jobs.first().id;
    download = new PipelineOperation(m_connection.client, m_connection.transport,
                                     PipelineAction::DownloadLog, target, this);
    const QString logFile = m_dir.filePath(QStringLiteral("job.log"));
    download->setLogFile(logFile);
    QVERIFY(fetchAndRun(download));
    QFile log(logFile);
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.size() > 0);
    QVERIFY(download->summary().join('\n').contains(logFile));

    PipelineOperation *rerun = make(PipelineAction::RerunFailed, before.id);
    QVERIFY(fetchAndRun(rerun));
    QVERIFY(rerun->summary().join('\n').contains(
        QStringLiteral("Re-run the failed jobs of run #%1").arg(before.number)));
    QVERIFY(rerun->undo());
    QVERIFY(waitForStatus(before.id,
                          [&](const PipelineRun &r) { return r.attempt == before.attempt + 1; }));
    // Still going: a second re-run is refused before anything is sent.
    std::unique_ptr<PipelineOperation> busy(make(PipelineAction::Rerun, before.id));
    bool fetched = false;
    busy->fetch([&](const Result<void> &) { fetched = true; });
    QVERIFY(Test::waitUntil([&] { return fetched; }, 20000));
    if (!pipelineStatusIsFinal(busy->pipelineRun()->status))
        QCOMPARE(busy->plan(false).error().code, Error::Code::Conflict);
    // Cancel it (the re-run's undo) so the simulator is quiet again.
    ClusterOperation *cancel = rerun->undo()(nullptr, this);
    fetchAndRun(cancel);
}

void tst_PipelineOperations::auditHasNoToken()
{
    const QList<AuditEntry> entries = AuditLog::read(m_audit->directory());
    QStringList verbs;
    for (const AuditEntry &e : entries) {
        verbs << e.verb;
        QCOMPARE(e.ns, s_pfe);
        QCOMPARE(e.kind, QStringLiteral("WorkflowRun"));
        QVERIFY(e.outcomeKnown());
    }
    QVERIFY2(verbs.contains(QStringLiteral("trigger")) && verbs.contains(QStringLiteral("approve"))
                 && verbs.contains(QStringLiteral("cancel"))
                 && verbs.contains(QStringLiteral("rerun")),
             qPrintable(verbs.join(',')));
    for (const QFileInfo &f : QDir(m_audit->directory()).entryInfoList(QDir::Files)) {
        QFile file(f.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(!text.contains(s_token));
        QVERIFY(!text.contains("Authorization"));
    }
}

QTEST_MAIN(tst_PipelineOperations)
#include "tst_pipelineoperations.moc"
