// SPDX-License-Identifier: GPL-3.0-or-later
// The GitLab CI and Jenkins pipeline actions as operations (PipelineOperation,
// pipelineoperationsci.cpp), end to end against the in-process simulated GitLab and Jenkins
// (the PFE seed's .gitlab-ci.yml and Jenkinsfile) through the audited ClusterWriteExecutor,
// with the real clients as judges: python-gitlab (Debian's python3-gitlab) reads the pipeline
// a trigger created with its variables, the manual job the approval played, the job a retry
// made and the cancelled pipeline; python-jenkins (python3-jenkins) reads the build's
// parameters, the aborted builds and the input step's outcome. Previews name the provider,
// project or job and the request; the refusals and "nothing to do" come before anything is
// sent; the audit log names the project and run, never a token or a crumb. Also GitHub's
// re-run of one job (the other GitHub actions: tst_pipelineoperations).
//
// One in-process Simulator (pfe) at speed 60.
#include "audit/auditlog.h"
#include "operations/clusterwriteexecutor.h"
#include "operations/pipelineoperations.h"
#include "pipelines/pipelinesources.h"
#include "simulator.h"

#include <eventloopwait.h>

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Orrery;
using json = nlohmann::json;

namespace {

const QString s_pfe = QStringLiteral("pfe-v2/pfe-application");
const QByteArray s_gitlabToken = "orrery-sim-gitlab";
const QByteArray s_jenkinsToken = "orrery:orrery-sim-jenkins";

const char *const s_gitlabPrelude = R"(
import json, sys
import gitlab
url, ca, token = sys.argv[1], sys.argv[2], sys.argv[3]
gl = gitlab.Gitlab(url + '/gitlab', private_token=token, ssl_verify=ca)
project = gl.projects.get('pfe-v2/pfe-application')
def out(value):
    print(json.dumps(value))
)";

const char *const s_jenkinsPrelude = R"(
import json, sys
import jenkins
url, ca, token = sys.argv[1], sys.argv[2], sys.argv[3]
user, password = token.split(':', 1)
j = jenkins.Jenkins(url + '/jenkins', username=user, password=password)
j.get_whoami()
def out(value):
    print(json.dumps(value))
def parameters(build):
    for a in build.get('actions', []):
        if a and 'parameters' in a:
            return {p['name']: p['value'] for p in a['parameters']}
    return {}
)";

} // namespace

class tst_PipelineOperationsCi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void supports();
    void gitlabTriggerThenPlay();
    void gitlabRetryJobRetryAndCancel();
    void gitlabRefusals();
    void jenkinsBuildApproveAndAbort();
    void jenkinsBuildAgainAndNothingToDo();
    void githubRerunJob();
    void auditHasNoSecret();

private:
    struct Side
    {
        PipelineConnection connection;
        std::unique_ptr<ClusterWriteExecutor> writer;
    };
    PipelineOperation *make(Side &side, PipelineAction action, const QString &runId,
                            const QString &jobId = {});
    bool fetch(PipelineOperation *op);
    bool fetchAndRun(Side &side, PipelineOperation *op);
    std::optional<PipelineRun> readRun(Side &side, const QString &id);
    bool waitForRun(Side &side, const QString &id,
                    const std::function<bool(const PipelineRun &)> &test);
    QList<PipelineRun> runs(Side &side, PipelineStatus status);
    json python(const char *prelude, const QByteArray &token, const QString &script);

    QTemporaryDir m_dir;
    std::unique_ptr<Sim::Simulator> m_sim;
    std::unique_ptr<AuditLog> m_audit;
    QString m_url;
    QString m_ca;
    Side m_gitlab;
    Side m_jenkins;
    Side m_github;
};

void tst_PipelineOperationsCi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const char *module : {"gitlab", "jenkins"}) {
        QProcess probe;
        probe.start(QStringLiteral("/usr/bin/python3"),
                    {"-c", QStringLiteral("import %1").arg(QLatin1String(module))});
        if (!probe.waitForFinished(30000) || probe.exitCode() != 0)
            QFAIL(qPrintable(QStringLiteral("python3-%1 is not installed for /usr/bin/python3 "
                                            "(see scripts/deps.sh)")
                                 .arg(QLatin1String(module))));
    }
    Sim::SimulatorOptions options;
    options.scenarios = {"pfe"};
    options.speed = 60;
    m_sim = std::make_unique<Sim::Simulator>(options);
    std::string error;
    QVERIFY2(m_sim->start(&error), error.c_str());
    m_url = QString::fromStdString(m_sim->servicesUrl());
    const QByteArray caPem = QByteArray::fromStdString(m_sim->servicesCaCertificate());
    m_ca = m_dir.filePath(QStringLiteral("services-ca.pem"));
    QFile ca(m_ca);
    QVERIFY(ca.open(QIODevice::WriteOnly));
    ca.write(caPem);
    ca.close();
    m_audit = std::make_unique<AuditLog>(m_dir.filePath(QStringLiteral("audit")));

    auto connect = [&](Side &side, PipelineProvider provider, const QString &host,
                       const QByteArray &token) {
        PipelineSource source;
        source.provider = provider;
        source.host = host;
        source.source = s_pfe;
        PipelineConnectOptions connectOptions;
        connectOptions.caPem = caPem;
        connectOptions.token = token;
        connectOptions.environment = QProcessEnvironment();
        auto connection = connectPipelineSource(source, connectOptions);
        QVERIFY2(connection.ok(), connection.ok() ? "" : qPrintable(connection.error().toString()));
        side.connection = *connection;
        side.writer
            = std::make_unique<ClusterWriteExecutor>(side.connection.transport, m_audit.get());
    };
    connect(m_gitlab, PipelineProvider::GitLab, m_url + QStringLiteral("/gitlab/api/v4"),
            s_gitlabToken);
    connect(m_jenkins, PipelineProvider::Jenkins, m_url + QStringLiteral("/jenkins"),
            s_jenkinsToken);
    connect(m_github, PipelineProvider::GitHub, m_url.mid(8), "orrery-sim-github");
}

void tst_PipelineOperationsCi::cleanupTestCase()
{
    qDeleteAll(findChildren<ClusterOperation *>());
    for (Side *side : {&m_gitlab, &m_jenkins, &m_github}) {
        side->writer.reset();
        side->connection = {};
    }
    m_audit.reset();
    if (m_sim)
        m_sim->stop();
}

PipelineOperation *tst_PipelineOperationsCi::make(Side &side, PipelineAction action,
                                                  const QString &runId, const QString &jobId)
{
    PipelineActionTarget target;
    target.source = s_pfe;
    target.runId = runId;
    target.jobId = jobId;
    return new PipelineOperation(side.connection.client, side.connection.transport, action, target,
                                 this);
}

bool tst_PipelineOperationsCi::fetch(PipelineOperation *op)
{
    bool fetched = false;
    bool ok = false;
    op->fetch([&](const Result<void> &r) {
        fetched = true;
        ok = r.ok();
        if (!r.ok())
            qWarning().noquote() << "fetch:" << r.error().toString();
    });
    return Test::waitUntil([&] { return fetched; }, 20000) && ok;
}

bool tst_PipelineOperationsCi::fetchAndRun(Side &side, PipelineOperation *op)
{
    if (!fetch(op))
        return false;
    if (!op->nothingToDo().isEmpty()) {
        qWarning().noquote() << "nothing to do:" << op->nothingToDo();
        return false;
    }
    if (const auto planned = op->plan(false); !planned.ok()) {
        qWarning().noquote() << "plan:" << planned.error().toString();
        return false;
    }
    bool finished = false;
    connect(op, &ClusterOperation::finished, this, [&] { finished = true; });
    op->run(side.writer.get());
    if (!Test::waitUntil([&] { return finished; }, 30000))
        return false;
    if (!op->report().ok)
        qWarning().noquote() << op->report().lines.join('\n') << op->report().explanation;
    return op->report().ok;
}

std::optional<PipelineRun> tst_PipelineOperationsCi::readRun(Side &side, const QString &id)
{
    std::optional<PipelineRun> result;
    bool done = false;
    side.connection.client->run(s_pfe, id, this, [&](const Result<PipelineRun> &r) {
        if (r.ok())
            result = *r;
        done = true;
    });
    Test::waitUntil([&] { return done; }, 20000);
    return result;
}

bool tst_PipelineOperationsCi::waitForRun(Side &side, const QString &id,
                                          const std::function<bool(const PipelineRun &)> &test)
{
    return Test::waitUntil(
        [&] {
            const auto r = readRun(side, id);
            return r && test(*r);
        },
        40000);
}

QList<PipelineRun> tst_PipelineOperationsCi::runs(Side &side, PipelineStatus status)
{
    QList<PipelineRun> out;
    bool done = false;
    PipelineRunFilter filter;
    filter.status = status;
    filter.limit = 10;
    side.connection.client->runs(s_pfe, filter, this, [&](const Result<QList<PipelineRun>> &r) {
        if (r.ok())
            out = *r;
        done = true;
    });
    Test::waitUntil([&] { return done; }, 20000);
    return out;
}

json tst_PipelineOperationsCi::python(const char *prelude, const QByteArray &token,
                                      const QString &script)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("REQUESTS_CA_BUNDLE"), m_ca);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("/usr/bin/python3"),
            {"-c", QString::fromLatin1(prelude) + script, m_url, m_ca, QString::fromLatin1(token)});
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        qWarning("python did not finish");
        return json();
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning().noquote() << "python failed:" << p.readAllStandardError();
        return json();
    }
    const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
    return json::parse(lines.isEmpty() ? std::string() : lines.last().toStdString(), nullptr,
                       false);
}

void tst_PipelineOperationsCi::supports()
{
    using A = PipelineAction;
    for (A a : {A::Trigger, A::Rerun, A::RerunFailed, A::RerunJob, A::Cancel, A::Approve, A::Reject,
                A::DownloadLog})
        QVERIFY(PipelineOperation::supports(PipelineProvider::GitHub, a));
    QVERIFY(!PipelineOperation::supports(PipelineProvider::GitLab, A::Reject));
    QVERIFY(PipelineOperation::supports(PipelineProvider::GitLab, A::RerunJob));
    QVERIFY(PipelineOperation::supports(PipelineProvider::GitLab, A::Approve));
    QVERIFY(!PipelineOperation::supports(PipelineProvider::Jenkins, A::RerunFailed));
    QVERIFY(!PipelineOperation::supports(PipelineProvider::Jenkins, A::RerunJob));
    QVERIFY(PipelineOperation::supports(PipelineProvider::Jenkins, A::Reject));
    QCOMPARE(PipelineOperation::actionFromId(QStringLiteral("pipeline-rerun-job")), A::RerunJob);
}

void tst_PipelineOperationsCi::gitlabTriggerThenPlay()
{
    PipelineOperation *trigger = make(m_gitlab, PipelineAction::Trigger, {});
    PipelineTrigger t; // no ref: the project's default branch, read by fetch()
    t.inputs.insert(QStringLiteral("DEPLOY_REASON"), QStringLiteral("orrery test"));
    trigger->setTrigger(t);
    QVERIFY(fetchAndRun(m_gitlab, trigger));
    QCOMPARE(trigger->objectKind(), QStringLiteral("Pipeline"));
    const QString summary = trigger->summary().join('\n');
    QVERIFY2(summary.contains(QStringLiteral("Run a pipeline on main in pfe-v2/pfe-application "
                                             "on GitLab CI (https://")),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("DEPLOY_REASON=orrery test")), qPrintable(summary));
    QVERIFY(trigger->details().startsWith(
        QStringLiteral("POST /projects/pfe-v2%2Fpfe-application/pipeline")));
    QVERIFY(!trigger->details().contains(QString::fromLatin1(s_gitlabToken)));
    const QString id = trigger->startedRunId();
    QVERIFY(!id.isEmpty());
    QVERIFY(trigger->undo());

    // python-gitlab sees the pipeline the API created, with its variable.
    const json created = python(s_gitlabPrelude, s_gitlabToken,
                                QStringLiteral(R"(
pl = project.pipelines.get(%1)
out({'ref': pl.ref, 'source': pl.source,
     'variables': {v.key: v.value for v in pl.variables.list()}})
)")
                                    .arg(id));
    QVERIFY2(created.is_object(), created.dump().c_str());
    QCOMPARE(created["ref"], "main");
    QCOMPARE(created["source"], "api");
    QCOMPARE(created["variables"]["DEPLOY_REASON"], "orrery test");

    // Its production job is manual: the pipeline waits for a person; playing it is the
    // approval (no job named: the one waiting).
    QVERIFY(waitForRun(m_gitlab, id,
                       [](const PipelineRun &r) { return r.status == PipelineStatus::Waiting; }));
    std::unique_ptr<PipelineOperation> reject(make(m_gitlab, PipelineAction::Reject, id));
    QVERIFY(fetch(reject.get()));
    QCOMPARE(reject->plan(false).error().code, Error::Code::Unsupported);
    PipelineOperation *play = make(m_gitlab, PipelineAction::Approve, id);
    QVERIFY(fetchAndRun(m_gitlab, play));
    QCOMPARE(play->actionLabel(), QStringLiteral("Play"));
    const QString played = play->summary().join('\n');
    QVERIFY2(played.contains(QStringLiteral("Play manual job ")), qPrintable(played));
    QVERIFY2(played.contains(QStringLiteral("of pipeline #%1").arg(id)), qPrintable(played));
    QVERIFY(!play->undo());
    const json jobs = python(s_gitlabPrelude, s_gitlabToken,
                             QStringLiteral(R"(
pl = project.pipelines.get(%1)
out({j.name: j.status for j in pl.jobs.list(all=True)})
)")
                                 .arg(id));
    QVERIFY2(jobs.is_object() && !jobs.empty(), jobs.dump().c_str());
    for (const auto &[name, status] : jobs.items()) // the manual job is manual no more
        QVERIFY2(status != "manual", (name + ": " + status.dump()).c_str());
    QVERIFY(waitForRun(m_gitlab, id,
                       [](const PipelineRun &r) { return r.status == PipelineStatus::Succeeded; }));
    // Nothing waits any more.
    std::unique_ptr<PipelineOperation> again(make(m_gitlab, PipelineAction::Approve, id));
    QVERIFY(fetch(again.get()));
    QVERIFY2(again->nothingToDo().contains(QStringLiteral("no manual job")),
             qPrintable(again->nothingToDo()));
}

void tst_PipelineOperationsCi::gitlabRetryJobRetryAndCancel()
{
    const QList<PipelineRun> failed = runs(m_gitlab, PipelineStatus::Failed);
    QVERIFY(!failed.isEmpty());
    const PipelineRun before = *readRun(m_gitlab, failed.first().id);
    QString failedJob;
    QString failedName;
    for (const PipelineJob &j : before.jobs)
        if (j.status == PipelineStatus::Failed) {
            failedJob = j.id;
            failedName = j.name;
        }
    QVERIFY(!failedJob.isEmpty());

    // Retry one job: a new job of that name, the pipeline running again.
    PipelineOperation *retryJob = make(m_gitlab, PipelineAction::RerunJob, before.id, failedJob);
    QVERIFY(fetchAndRun(m_gitlab, retryJob));
    QVERIFY2(retryJob->summary().join('\n').contains(
                 QStringLiteral("Retry job %1 of pipeline #%2").arg(failedName, before.id)),
             qPrintable(retryJob->summary().join('\n')));
    const QString nameJson = QString::fromStdString(json(failedName.toStdString()).dump());
    const json retried = python(s_gitlabPrelude, s_gitlabToken,
                                QStringLiteral(R"(
pl = project.pipelines.get(%1)
out({'status': pl.status, 'ids': [j.id for j in pl.jobs.list(all=True) if j.name == %2]})
)")
                                    .arg(before.id, nameJson));
    QVERIFY2(retried.is_object(), retried.dump().c_str());
    // The job's new attempt has an id of its own; the pipeline is no longer failed.
    QCOMPARE(retried["ids"].size(), std::size_t(1));
    QVERIFY2(retried["ids"][0].get<long long>() != failedJob.toLongLong(), retried.dump().c_str());
    QVERIFY2(retried["status"] != "failed", retried.dump().c_str());

    // The retry's undo cancels the pipeline; python-gitlab sees it canceled.
    ClusterOperation *cancel = retryJob->undo()(nullptr, this);
    QVERIFY(cancel);
    QVERIFY(fetchAndRun(m_gitlab, static_cast<PipelineOperation *>(cancel)));
    QVERIFY(waitForRun(m_gitlab, before.id,
                       [](const PipelineRun &r) { return r.status == PipelineStatus::Cancelled; }));
    const json canceled
        = python(s_gitlabPrelude, s_gitlabToken,
                 QStringLiteral("out(project.pipelines.get(%1).status)\n").arg(before.id));
    QCOMPARE(canceled, "canceled");

    // Retrying the failed (here cancelled) jobs of the whole pipeline.
    PipelineOperation *retry = make(m_gitlab, PipelineAction::RerunFailed, before.id);
    QVERIFY(fetchAndRun(m_gitlab, retry));
    QVERIFY(retry->report().lines.join('\n').contains(
        QStringLiteral("Retry the failed and cancelled jobs of pipeline #%1").arg(before.id)));
    QVERIFY(waitForRun(m_gitlab, before.id,
                       [](const PipelineRun &r) { return !pipelineStatusIsFinal(r.status); }));
    ClusterOperation *stop = retry->undo()(nullptr, this);
    QVERIFY(fetchAndRun(m_gitlab, static_cast<PipelineOperation *>(stop)));
    QVERIFY(waitForRun(m_gitlab, before.id,
                       [](const PipelineRun &r) { return r.status == PipelineStatus::Cancelled; }));
    // Cancelling it again has nothing to do, in words.
    std::unique_ptr<PipelineOperation> twice(make(m_gitlab, PipelineAction::Cancel, before.id));
    QVERIFY(fetch(twice.get()));
    QVERIFY2(twice->nothingToDo().contains(QStringLiteral("already finished (cancelled)")),
             qPrintable(twice->nothingToDo()));
}

void tst_PipelineOperationsCi::gitlabRefusals()
{
    // A running job cannot be retried; a job that is not waiting cannot be played; ids are
    // checked before anything is sent.
    const QList<PipelineRun> done = runs(m_gitlab, PipelineStatus::Succeeded);
    QVERIFY(!done.isEmpty());
    const PipelineRun run = *readRun(m_gitlab, done.first().id);
    QVERIFY(!run.jobs.isEmpty());
    std::unique_ptr<PipelineOperation> play(
        make(m_gitlab, PipelineAction::Approve, run.id, run.jobs.first().id));
    QVERIFY(fetch(play.get()));
    QVERIFY(!play->nothingToDo().isEmpty()); // nothing waits in a finished pipeline
    std::unique_ptr<PipelineOperation> bad(make(m_gitlab, PipelineAction::Cancel, "x/../1"));
    QCOMPARE(bad->plan(false).error().code, Error::Code::InvalidArgument);
    std::unique_ptr<PipelineOperation> rerunRunning(
        make(m_gitlab, PipelineAction::RerunJob, run.id, QStringLiteral("not-a-number")));
    QVERIFY(fetch(rerunRunning.get()));
    QCOMPARE(rerunRunning->plan(false).error().code, Error::Code::InvalidArgument);
}

void tst_PipelineOperationsCi::jenkinsBuildApproveAndAbort()
{
    // Two builds with a parameter: one approved at its input step, one whose input is
    // aborted; a third aborted (the undo of its trigger) while it runs.
    QStringList builds;
    for (int i = 0; i < 3; ++i) {
        PipelineOperation *build = make(m_jenkins, PipelineAction::Trigger, {});
        PipelineTrigger t;
        t.inputs.insert(QStringLiteral("DEPLOY_ENV"), QStringLiteral("staging"));
        build->setTrigger(t);
        QVERIFY(fetchAndRun(m_jenkins, build));
        QCOMPARE(build->objectKind(), QStringLiteral("Build"));
        QCOMPARE(build->actionLabel(), QStringLiteral("Build"));
        QVERIFY(build->details().startsWith(
            QStringLiteral("POST /job/pfe-v2/job/pfe-application/buildWithParameters")));
        QVERIFY2(build->summary().join('\n').contains(QStringLiteral("DEPLOY_ENV=staging")),
                 qPrintable(build->summary().join('\n')));
        QVERIFY2(!build->startedRunId().isEmpty(), qPrintable(build->report().lines.join('\n')));
        QVERIFY(build->undoText().contains(build->startedRunId()));
        builds << build->startedRunId();
        if (i == 2) {
            ClusterOperation *abort = build->undo()(nullptr, this);
            QVERIFY(fetchAndRun(m_jenkins, static_cast<PipelineOperation *>(abort)));
            QVERIFY(abort->title().startsWith(QStringLiteral("Abort build #")));
        }
    }
    const json info = python(s_jenkinsPrelude, s_jenkinsToken,
                             QStringLiteral(R"(
b = j.get_build_info('pfe-v2/pfe-application', %1)
out({'parameters': parameters(b)})
)")
                                 .arg(builds.at(0)));
    QVERIFY2(info.is_object(), info.dump().c_str());
    QCOMPARE(info["parameters"]["DEPLOY_ENV"], "staging");

    for (int i = 0; i < 2; ++i)
        QVERIFY(waitForRun(m_jenkins, builds.at(i), [](const PipelineRun &r) {
            return r.status == PipelineStatus::Waiting;
        }));
    PipelineOperation *approve = make(m_jenkins, PipelineAction::Approve, builds.at(0));
    QVERIFY(fetchAndRun(m_jenkins, approve));
    QVERIFY2(approve->summary().join('\n').contains(QStringLiteral("Approve the input")),
             qPrintable(approve->summary().join('\n')));
    PipelineOperation *reject = make(m_jenkins, PipelineAction::Reject, builds.at(1));
    QVERIFY(fetchAndRun(m_jenkins, reject));
    QCOMPARE(reject->actionLabel(), QStringLiteral("Abort"));
    QVERIFY(waitForRun(m_jenkins, builds.at(0),
                       [](const PipelineRun &r) { return r.status == PipelineStatus::Succeeded; }));
    QVERIFY(waitForRun(m_jenkins, builds.at(2),
                       [](const PipelineRun &r) { return r.status == PipelineStatus::Cancelled; }));
    const json results = python(s_jenkinsPrelude, s_jenkinsToken,
                                QStringLiteral(R"(
out([j.get_build_info('pfe-v2/pfe-application', n)['result'] for n in (%1, %2, %3)])
)")
                                    .arg(builds.at(0), builds.at(1), builds.at(2)));
    QCOMPARE(results, json::array({"SUCCESS", "ABORTED", "ABORTED"}));
}

void tst_PipelineOperationsCi::jenkinsBuildAgainAndNothingToDo()
{
    const QList<PipelineRun> finished = runs(m_jenkins, PipelineStatus::Succeeded);
    QVERIFY(!finished.isEmpty());
    const QString old = finished.last().id;
    PipelineOperation *again = make(m_jenkins, PipelineAction::Rerun, old);
    QVERIFY(fetchAndRun(m_jenkins, again));
    QVERIFY2(again->summary().join('\n').contains(
                 QStringLiteral("again with the parameters of build #%1").arg(old)),
             qPrintable(again->summary().join('\n')));
    const QString started = again->startedRunId();
    QVERIFY(!started.isEmpty());
    const json parameters = python(s_jenkinsPrelude, s_jenkinsToken,
                                   QStringLiteral(R"(
out([parameters(j.get_build_info('pfe-v2/pfe-application', n)) for n in (%1, %2)])
)")
                                       .arg(old, started));
    QVERIFY2(parameters.is_array() && parameters.size() == 2, parameters.dump().c_str());
    QCOMPARE(parameters[0], parameters[1]);
    ClusterOperation *abort = again->undo()(nullptr, this);
    QVERIFY(fetchAndRun(m_jenkins, static_cast<PipelineOperation *>(abort)));

    // A finished build: nothing to abort; no input waits; a failed-only re-run is no
    // Jenkins action.
    std::unique_ptr<PipelineOperation> stop(make(m_jenkins, PipelineAction::Cancel, old));
    QVERIFY(fetch(stop.get()));
    QVERIFY2(stop->nothingToDo().contains(QStringLiteral("already finished")),
             qPrintable(stop->nothingToDo()));
    std::unique_ptr<PipelineOperation> input(make(m_jenkins, PipelineAction::Approve, old));
    QVERIFY(fetch(input.get()));
    QVERIFY2(input->nothingToDo().contains(QStringLiteral("waits for no input")),
             qPrintable(input->nothingToDo()));
    std::unique_ptr<PipelineOperation> failed(make(m_jenkins, PipelineAction::RerunFailed, old));
    QCOMPARE(failed->plan(false).error().code, Error::Code::Unsupported);
}

void tst_PipelineOperationsCi::githubRerunJob()
{
    // GitHub's re-run of one job (and what follows it) on a failed run: a new attempt.
    const QList<PipelineRun> failed = runs(m_github, PipelineStatus::Failed);
    QVERIFY(!failed.isEmpty());
    const PipelineRun before = *readRun(m_github, failed.first().id);
    QString jobId;
    QString jobName;
    for (const PipelineJob &j : before.jobs)
        if (j.status == PipelineStatus::Failed && jobId.isEmpty()) {
            jobId = j.id;
            jobName = j.name;
        }
    QVERIFY(!jobId.isEmpty());
    PipelineOperation *rerun = make(m_github, PipelineAction::RerunJob, before.id, jobId);
    QVERIFY(fetchAndRun(m_github, rerun));
    QCOMPARE(rerun->title(), QStringLiteral("Re-run job %1 of run #%2 (%3)")
                                 .arg(jobName)
                                 .arg(before.number)
                                 .arg(before.name));
    QVERIFY(rerun->details().startsWith(
        QStringLiteral("POST /repos/pfe-v2/pfe-application/actions/jobs/%1/rerun").arg(jobId)));
    QVERIFY(waitForRun(m_github, before.id,
                       [&](const PipelineRun &r) { return r.attempt == before.attempt + 1; }));
    ClusterOperation *cancel = rerun->undo()(nullptr, this);
    QVERIFY(fetchAndRun(m_github, static_cast<PipelineOperation *>(cancel)));
}

void tst_PipelineOperationsCi::auditHasNoSecret()
{
    const QList<AuditEntry> entries = AuditLog::read(m_audit->directory());
    QSet<QString> verbs;
    for (const AuditEntry &e : entries) {
        verbs.insert(e.kind + QLatin1Char('/') + e.verb);
        QCOMPARE(e.ns, s_pfe);
        QVERIFY(e.outcomeKnown());
    }
    for (const char *expected :
         {"Pipeline/trigger", "Pipeline/play", "Pipeline/retry", "Pipeline/cancel", "Build/trigger",
          "Build/approve", "Build/reject", "Build/cancel", "Build/rerun", "WorkflowRun/rerun",
          "WorkflowRun/cancel"})
        QVERIFY2(verbs.contains(QLatin1String(expected)),
                 qPrintable(QStringList(verbs.begin(), verbs.end()).join(',')));
    for (const QFileInfo &f : QDir(m_audit->directory()).entryInfoList(QDir::Files)) {
        QFile file(f.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(!text.contains(s_gitlabToken));
        QVERIFY(!text.contains("orrery-sim-github"));
        QVERIFY(!text.contains("orrery-sim-jenkins"));
        QVERIFY(!text.contains("PRIVATE-TOKEN"));
        QVERIFY(!text.contains("Jenkins-Crumb"));
    }
}

QTEST_MAIN(tst_PipelineOperationsCi)
#include "tst_pipelineoperations_ci.moc"
