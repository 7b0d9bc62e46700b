// SPDX-License-Identifier: GPL-3.0-or-later
// `orrery --play` end to end: the built orrery binary plays runbooks against orrery-sim
// (scenarios pfe and aks-chat, sim time at four times the wall clock) and a failing one; exit
// codes, output lines, the audit log and the cluster state read back afterwards; a protected
// cluster refuses writes without --yes-i-mean, whichever context reaches it. The shipped
// runbooks played to the end against a cluster (their lines, the audit log, the cluster after
// them) are tst_shippedrunbooks', which plays each of them once; here --demo plays one.
#include "audit/auditlog.h"
#include "eventloopwait.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "simprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>

#include <memory>
#include <optional>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

const QString PfeContext = QStringLiteral("pfe-k8s");

QString shipped(const QString &name)
{
    return QStringLiteral(ORRERY_TEST_DATA "/../../resources/runbooks/") + name;
}

struct PlayResult
{
    int exitCode = -1;
    bool finished = false;
    QStringList lines;        // stdout, without the expectation lines
    QStringList expectations; // stdout's "      expect …" lines
    QString err;
    QString dump() const
    {
        return lines.join(QLatin1Char('\n')) + QStringLiteral("\n--- expectations:\n")
               + expectations.join(QLatin1Char('\n')) + QStringLiteral("\n--- stderr:\n") + err;
    }
};

// Waits with an explicit event-loop loop (the transports deliver on this thread).
} // namespace

class tst_Play : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void usageErrors();
    void pinnedToAnotherContext();
    void failingStepStops();
    void falseExpectationFails();
    void namespaceOption();
    void demoCluster();
    void unrecordableWriteIsRefused();
    void protectedClusterNeedsYesIMean();
    void hostileManifests(); // last: it adds audit entries the tests above count

private:
    // `dataHome`: XDG_DATA_HOME of the run (where its audit log goes); empty: m_dir/data.
    std::unique_ptr<QProcess> startPlay(const QStringList &arguments, const QString &dataHome = {});
    PlayResult finish(QProcess *process, int timeoutMs);
    PlayResult play(const QStringList &arguments, int timeoutMs = 60000,
                    const QString &dataHome = {});
    std::unique_ptr<HttpTransport> transport(const QString &context);
    Result<nlohmann::json> get(HttpTransport *t, const QString &path);
    QList<AuditEntry> audit() const;

    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    QString m_kubeconfig;
};

void tst_Play::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
    // No test here depends on how long the cluster takes (runbook waits are wall-clock time
    // and these runbooks have none): the rollouts they wait for go four times faster.
    QVERIFY2(m_sim.start({QStringLiteral("--scenario"), QStringLiteral("pfe"),
                          QStringLiteral("--scenario"), QStringLiteral("aks-chat"),
                          QStringLiteral("--speed"), QStringLiteral("4")},
                         m_kubeconfig),
             qPrintable(m_sim.errorString()));
}

void tst_Play::cleanupTestCase()
{
    m_sim.stop();
}

std::unique_ptr<QProcess> tst_Play::startPlay(const QStringList &arguments, const QString &dataHome)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The audit log goes under $XDG_DATA_HOME/Orrery/Orrery/audit: keep it in the test's
    // directory, where audit() reads it back.
    env.insert(QStringLiteral("XDG_DATA_HOME"),
               dataHome.isEmpty() ? m_dir.filePath(QStringLiteral("data")) : dataHome);
    // Preferences (the protected marks) under $XDG_CONFIG_HOME/Orrery/Orrery.conf.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process->setProcessEnvironment(env);
    process->setProgram(QStringLiteral(ORRERY_APP_BINARY));
    process->setArguments(arguments);
    process->start();
    return process;
}

PlayResult tst_Play::finish(QProcess *process, int timeoutMs)
{
    PlayResult result;
    result.finished
        = waitUntil([process] { return process->state() == QProcess::NotRunning; }, timeoutMs);
    if (!result.finished) {
        process->kill();
        process->waitForFinished(5000);
    }
    result.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    const QString out = QString::fromUtf8(process->readAllStandardOutput());
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        (line.startsWith(QLatin1String("      expect ")) ? result.expectations : result.lines)
            << line;
    result.err = QString::fromUtf8(process->readAllStandardError());
    return result;
}

PlayResult tst_Play::play(const QStringList &arguments, int timeoutMs, const QString &dataHome)
{
    auto process = startPlay(arguments, dataHome);
    return finish(process.get(), timeoutMs);
}

std::unique_ptr<HttpTransport> tst_Play::transport(const QString &context)
{
    auto connection = Kubeconfig::load(m_kubeconfig).connection(context);
    if (!connection)
        return {};
    return std::make_unique<HttpTransport>(std::move(*connection));
}

Result<nlohmann::json> tst_Play::get(HttpTransport *t, const QString &path)
{
    std::optional<Result<ApiResponse>> answer;
    t->get(path, this, [&answer](const Result<ApiResponse> &r) { answer = r; });
    if (!waitUntil([&] { return answer.has_value(); }, 15000))
        return Error(Error::Code::Timeout, QStringLiteral("no answer"), path);
    auto body = bodyOrError(*answer, path);
    if (!body)
        return body.error();
    return nlohmann::json::parse(body->toStdString());
}

QList<AuditEntry> tst_Play::audit() const
{
    QDirIterator it(m_dir.filePath(QStringLiteral("data")), {QStringLiteral("audit.jsonl")},
                    QDir::Files, QDirIterator::Subdirectories);
    return it.hasNext() ? AuditLog::read(QFileInfo(it.next()).absolutePath()) : QList<AuditEntry>();
}

void tst_Play::usageErrors()
{
    // No context, no --demo.
    PlayResult r = play({QStringLiteral("--play"), shipped(QStringLiteral("helm-rollback.yaml"))});
    QVERIFY2(r.finished, qPrintable(r.dump()));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("usage")), qPrintable(r.dump()));
    // A context the kubeconfig does not have.
    r = play({QStringLiteral("--play"), shipped(QStringLiteral("helm-rollback.yaml")),
              QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("--context"),
              QStringLiteral("nowhere")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("nowhere")), qPrintable(r.dump()));
    // A runbook with a syntax error names file and line.
    r = play(
        {QStringLiteral("--play"), QStringLiteral(ORRERY_TEST_DATA "/runbooks/unknown-step.yaml"),
         QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("--context"), PfeContext});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("unknown-step.yaml")), qPrintable(r.dump()));
    QVERIFY(audit().isEmpty());
}

void tst_Play::pinnedToAnotherContext()
{
    // helm-rollback.yaml is pinned to aks-chat: against pfe it must not send anything.
    const PlayResult r = play(
        {QStringLiteral("--play"), shipped(QStringLiteral("helm-rollback.yaml")),
         QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("--context"), PfeContext});
    QVERIFY2(r.finished, qPrintable(r.dump()));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("pinned to context \"aks-chat-francecentral\"")),
             qPrintable(r.dump()));
    QVERIFY2(r.lines.isEmpty(), qPrintable(r.dump()));
    QVERIFY(audit().isEmpty());
}

void tst_Play::failingStepStops()
{
    const QString file = m_dir.filePath(QStringLiteral("failing.yaml"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("name: Failing\nnamespace: pfe-app\nsteps:\n"
            "  - caption: \"Set an image on a container that does not exist\"\n"
            "  - setImage: {target: deployment/backend-python, container: nope, image: x:1}\n"
            "  - scale: {target: deployment/backend-python, replicas: 4}\n");
    f.close();
    const PlayResult r = play({QStringLiteral("--play"), file, QStringLiteral("--kubeconfig"),
                               m_kubeconfig, QStringLiteral("--context"), PfeContext});
    QVERIFY2(r.finished, qPrintable(r.dump()));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.lines.size(), 3); // header and two steps; the scale never ran
    QVERIFY2(r.lines.at(0).contains(QLatin1String("\"Failing\" (3 steps) against context pfe-k8s")),
             qPrintable(r.dump()));
    QCOMPARE(r.lines.at(1),
             QStringLiteral("[1/3] ok caption: Set an image on a container that does not exist"));
    QCOMPARE(r.lines.at(2), QStringLiteral("[2/3] FAILED setImage deployment/backend-python: "
                                           "unable to find container named \"nope\""));
    QVERIFY2(r.err.contains(QLatin1String("stopped at step 2 (line 5)")), qPrintable(r.dump()));
    auto t = transport(PfeContext);
    QVERIFY(t);
    const auto deployment = get(
        t.get(), QStringLiteral("/apis/apps/v1/namespaces/pfe-app/deployments/backend-python"));
    QVERIFY(deployment.ok());
    QVERIFY((*deployment)["spec"]["replicas"] != 4);
}

// A caption that claims what the cluster does not show: the expectation fails after its
// `within`, --play exits 1 naming the step, the expectation and what it observed, and the
// next step never runs.
void tst_Play::falseExpectationFails()
{
    const QString file = m_dir.filePath(QStringLiteral("false-claim.yaml"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("name: False claim\nnamespace: pfe-app\nsteps:\n"
            "  - caption: \"backend-python has rolled out\"\n"
            "    expect: {kind: rollout, of: deployment/backend-python, within: 90s}\n"
            "  - caption: \"backend-python runs seven replicas\"\n"
            "    expect:\n"
            "      - {kind: pods, of: deployment/backend-python, state: Running, count: all}\n"
            "      - {kind: replicas, of: deployment/backend-python, count: 7, within: 3s}\n"
            "  - scale: {target: deployment/backend-python, replicas: 7}\n");
    f.close();
    const PlayResult r = play({QStringLiteral("--play"), file, QStringLiteral("--kubeconfig"),
                               m_kubeconfig, QStringLiteral("--context"), PfeContext},
                              120000);
    QVERIFY2(r.finished, qPrintable(r.dump()));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.lines.size(), 3); // header and the two captions; the scale never ran
    QVERIFY2(r.lines.at(2).startsWith(QLatin1String(
                 "[2/3] FAILED caption: expected ready replicas of deployment/backend-python: 7 "
                 "within 3 s (line 9); observed: ready replicas: ")),
             qPrintable(r.dump()));
    QCOMPARE(r.expectations.size(), 3);
    QVERIFY2(
        r.expectations.at(0).startsWith(QLatin1String(
            "      expect rollout of deployment/backend-python complete: holds (rolled out: ")),
        qPrintable(r.dump()));
    QVERIFY2(r.expectations.at(1).startsWith(QLatin1String(
                 "      expect every pod of deployment/backend-python Running: holds (")),
             qPrintable(r.dump()));
    QVERIFY2(r.expectations.at(2).startsWith(QLatin1String(
                 "      expect ready replicas of deployment/backend-python: 7: FAILED (ready "
                 "replicas: ")),
             qPrintable(r.dump()));
    QVERIFY2(r.err.contains(QLatin1String("stopped at step 2 (line 6)")), qPrintable(r.dump()));
    auto t = transport(PfeContext);
    QVERIFY(t);
    const auto deployment = get(
        t.get(), QStringLiteral("/apis/apps/v1/namespaces/pfe-app/deployments/backend-python"));
    QVERIFY(deployment.ok());
    QVERIFY((*deployment)["spec"]["replicas"] != 7);
}

// --namespace replaces the runbook's namespace: the same runbook now looks for the workload
// in another namespace, where it does not exist.
void tst_Play::namespaceOption()
{
    const QString file = m_dir.filePath(QStringLiteral("scale.yaml"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("name: Scale\nnamespace: pfe-app\nsteps:\n  - scale: {target: "
            "deployment/backend-python, replicas: 2}\n");
    f.close();
    const PlayResult r = play({QStringLiteral("--play"), file, QStringLiteral("--kubeconfig"),
                               m_kubeconfig, QStringLiteral("--context"), PfeContext,
                               QStringLiteral("--namespace"), QStringLiteral("monitoring")});
    QVERIFY2(r.finished, qPrintable(r.dump()));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.lines.size(), 2);
    QVERIFY2(
        r.lines.at(1).startsWith(QLatin1String("[1/1] FAILED scale deployment/backend-python: ")),
        qPrintable(r.dump()));
    QVERIFY2(
        r.lines.at(1).contains(QLatin1String("/namespaces/monitoring/deployments/backend-python")),
        qPrintable(r.dump()));
}

void tst_Play::demoCluster()
{
    // --demo starts every scenario in-process; the pinned context says which cluster plays.
    const PlayResult r
        = play({QStringLiteral("--play"), shipped(QStringLiteral("helm-rollback.yaml")),
                QStringLiteral("--demo")},
               150000);
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.dump()));
    QVERIFY2(r.lines.value(0).contains(QLatin1String("against context aks-chat-francecentral")),
             qPrintable(r.dump()));
    QVERIFY2(r.lines.value(2).startsWith(QLatin1String("[2/4] ok helmRollback chat-app: ")),
             qPrintable(r.dump()));
}

// The audit log cannot be written (its file is /dev/full): the scale is not sent, the step
// fails saying why, and stderr says the audit log failed.
void tst_Play::unrecordableWriteIsRefused()
{
    if (!QFile::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full");
    const QString dataHome = m_dir.filePath(QStringLiteral("data-full"));
    const QString auditDir = dataHome + QStringLiteral("/Orrery/Orrery/audit");
    QVERIFY(QDir().mkpath(auditDir));
    QVERIFY(QFile::link(QStringLiteral("/dev/full"), auditDir + QStringLiteral("/audit.jsonl")));
    auto t = transport(PfeContext);
    QVERIFY(t);
    const auto before = get(
        t.get(), QStringLiteral("/apis/apps/v1/namespaces/pfe-app/deployments/backend-python"));
    QVERIFY(before.ok());
    const int replicas = (*before)["spec"]["replicas"].get<int>() + 3;
    const QString file = m_dir.filePath(QStringLiteral("scale-unaudited.yaml"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("name: Unaudited\nnamespace: pfe-app\nsteps:\n"
                           "  - scale: {target: deployment/backend-python, replicas: %1}\n")
                .arg(replicas)
                .toUtf8());
    f.close();
    const PlayResult r = play({QStringLiteral("--play"), file, QStringLiteral("--kubeconfig"),
                               m_kubeconfig, QStringLiteral("--context"), PfeContext},
                              60000, dataHome);
    QVERIFY2(r.finished, qPrintable(r.dump()));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(
        r.lines.value(1).startsWith(QLatin1String("[1/1] FAILED scale deployment/backend-python: "))
            && r.lines.value(1).contains(
                QLatin1String("Not sent: the audit log could not record this change")),
        qPrintable(r.dump()));
    QVERIFY2(r.err.contains(QLatin1String("orrery: The audit log could not be written")),
             qPrintable(r.dump()));
    const auto after = get(
        t.get(), QStringLiteral("/apis/apps/v1/namespaces/pfe-app/deployments/backend-python"));
    QVERIFY(after.ok());
    QVERIFY((*after)["spec"]["replicas"] != replicas);
}

// A dry-run apply of a CustomResourceDefinition used to abort (exit 134) in the audit
// scrubber before the request was sent, and a Latin-1 manifest in the JSON serialiser. Now the
// CRD write is audited and sent (orrery-sim does not serve CRDs, so the server refuses it:
// exit 1, not 134), and the Latin-1 file is refused before anything is sent, with file and line.
void tst_Play::hostileManifests()
{
    auto runbook = [this](const QString &name, const QByteArray &step) {
        const QString file = m_dir.filePath(name);
        QFile f(file);
        if (f.open(QIODevice::WriteOnly))
            f.write("name: Hostile\nnamespace: pfe-app\nsteps:\n  - apply: {file: " + step + "}\n");
        return file;
    };
    const QList<AuditEntry> before = audit();
    PlayResult r = play(
        {QStringLiteral("--play"),
         runbook(QStringLiteral("crd.yaml"), ORRERY_TEST_DATA "/apply/crd.yaml, dryRun: true"),
         QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("--context"), PfeContext});
    QVERIFY2(r.finished && r.exitCode == 1, qPrintable(r.dump()));
    QVERIFY2(r.lines.size() == 2
                 && r.lines.at(1).startsWith(QLatin1String("[1/1] FAILED apply: the server")),
             qPrintable(r.dump()));
    QList<AuditEntry> after = audit();
    QCOMPARE(after.size(), before.size() + 1);
    QCOMPARE(after.last().kind, QStringLiteral("CustomResourceDefinition"));
    QVERIFY(after.last().dryRun);
    QVERIFY(after.last().summary.contains(QLatin1String("widgets.example.orrery.dev")));

    r = play(
        {QStringLiteral("--play"),
         runbook(QStringLiteral("latin1.yaml"), ORRERY_TEST_DATA "/apply/latin1-configmap.yaml"),
         QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("--context"), PfeContext});
    QVERIFY2(r.finished && r.exitCode == 1, qPrintable(r.dump()));
    QVERIFY2(r.lines.size() == 2 && r.lines.at(1).startsWith(QLatin1String("[1/1] FAILED apply")),
             qPrintable(r.dump()));
    // The window's apply planner (ApplyOperation) names the document too.
    QVERIFY2(r.lines.at(1).contains(
                 QLatin1String("latin1-configmap.yaml:6: document 1: Not valid UTF-8")),
             qPrintable(r.dump()));
    QVERIFY2(r.lines.at(1).contains(QLatin1String("save it as UTF-8")), qPrintable(r.dump()));
    QCOMPARE(audit().size(), after.size()); // refused before anything was sent
}

// The user protected "pfe-k8s-viewer" in the window (kept by context name, as every version
// before protection followed clusters did). "pfe-k8s" is another context, another user, on
// the same cluster: --play must refuse its writes unless --yes-i-mean names it.
void tst_Play::protectedClusterNeedsYesIMean()
{
    const QString settingsFile = m_dir.filePath(QStringLiteral("config/Orrery/Orrery.conf"));
    {
        QSettings settings(settingsFile, QSettings::IniFormat);
        settings.setValue(QStringLiteral("contexts/pfe-k8s-viewer/protected"), true);
    }
    const QString file = m_dir.filePath(QStringLiteral("protected-scale.yaml"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("name: Scale\nnamespace: pfe-app\nsteps:\n"
            "  - caption: \"Scale the backend\"\n"
            "  - scale: {target: deployment/backend-python, replicas: 3}\n");
    f.close();
    const QStringList base
        = {QStringLiteral("--play"),    file,      QStringLiteral("--kubeconfig"), m_kubeconfig,
           QStringLiteral("--context"), PfeContext};
    const auto pfeWrites = [this] {
        int n = 0;
        for (const AuditEntry &e : audit())
            n += e.context == PfeContext;
        return n;
    };
    const int writesBefore = pfeWrites();

    PlayResult r = play(base);
    QVERIFY2(r.finished, qPrintable(r.dump()));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("protected cluster")), qPrintable(r.dump()));
    QVERIFY2(r.err.contains(QLatin1String("step 2 (line 5)")), qPrintable(r.dump()));
    QVERIFY2(r.err.contains(QLatin1String("--yes-i-mean pfe-k8s")), qPrintable(r.dump()));
    QVERIFY2(r.lines.isEmpty(), qPrintable(r.dump()));
    // The mark moved from the name to the cluster.
    {
        QSettings settings(settingsFile, QSettings::IniFormat);
        QVERIFY(!settings.contains(QStringLiteral("contexts/pfe-k8s-viewer/protected")));
        QCOMPARE(settings.value(QStringLiteral("protection/clusters")).toStringList().size(), 1);
    }

    // Naming another context (the protected one, not the one played) is no confirmation.
    r = play(base + QStringList{QStringLiteral("--yes-i-mean"), QStringLiteral("pfe-k8s-viewer")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("--yes-i-mean names \"pfe-k8s-viewer\"")),
             qPrintable(r.dump()));
    QCOMPARE(pfeWrites(), writesBefore);

    // Captions and waits are no writes: such a runbook plays without the name.
    const QString captions = m_dir.filePath(QStringLiteral("captions.yaml"));
    QFile c(captions);
    QVERIFY(c.open(QIODevice::WriteOnly));
    c.write("name: Talk\nsteps:\n  - caption: \"Nothing changes\"\n  - wait: 0\n");
    c.close();
    r = play({QStringLiteral("--play"), captions, QStringLiteral("--kubeconfig"), m_kubeconfig,
              QStringLiteral("--context"), PfeContext});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.dump()));

    // The exact name unlocks it.
    r = play(base + QStringList{QStringLiteral("--yes-i-mean"), PfeContext});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.dump()));
    QVERIFY2(r.lines.value(0).contains(QLatin1String("protected cluster")), qPrintable(r.dump()));
    QCOMPARE(pfeWrites(), writesBefore + 1);
    auto t = transport(PfeContext);
    QVERIFY(t);
    const auto deployment = get(
        t.get(), QStringLiteral("/apis/apps/v1/namespaces/pfe-app/deployments/backend-python"));
    QVERIFY(deployment.ok());
    QCOMPARE((*deployment)["spec"]["replicas"].get<int>(), 3);
    QFile::remove(settingsFile);
}

QTEST_GUILESS_MAIN(tst_Play)
#include "tst_play.moc"
