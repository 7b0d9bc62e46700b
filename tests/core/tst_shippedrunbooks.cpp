// SPDX-License-Identifier: GPL-3.0-or-later
// Every shipped runbook (resources/runbooks/*.yaml) played headless by the built
// `orrery --play` against orrery-sim: each step succeeds and each `expect:` entry holds, so no
// caption claims what the cluster does not show. The runbooks run in parallel, one chain per
// context on one simulator (all scenarios); runbooks that share a context would step on each
// other's workloads (the two PFE ones both drive backend-spring), so every further runbook of
// a context gets a simulator of its own scenario. One row per runbook.
// Three runbooks get a closer look, since they are what `orrery --play` is demonstrated with
// (this was tst_play's, which played them a second time): helm-rollback (its steps' lines, the
// release's history in the cluster), bad-release-rollback (played at the same time on another
// cluster of the same simulator; the image is back, two audited writes) and pfe-load-scale-out
// (the HPA scaled out, the load annotation is gone again, three audited load changes). Each
// runbook writes its own audit log, so each play's writes can be counted and attributed.
#include "audit/auditlog.h"
#include "eventloopwait.h"
#include "helm/helmreleases.h"
#include "kube/actions/resourcepath.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "runbook/runbookparser.h"
#include "simprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>
#include <vector>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

QString runbookDirectory()
{
    return QStringLiteral(ORRERY_TEST_DATA "/../../resources/runbooks");
}

// The scenario whose cluster a context names (resources/scenarios/*.yaml, clusterName).
QString scenarioOf(const QString &context)
{
    static const QHash<QString, QString> scenarios{
        {QStringLiteral("pfe-k8s"), QStringLiteral("pfe")},
        {QStringLiteral("aks-chat-francecentral"), QStringLiteral("aks-chat")},
        {QStringLiteral("devops-ppp-eks"), QStringLiteral("eks-devops-ppp")},
        {QStringLiteral("microk8s-cluster"), QStringLiteral("microk8s-shop")},
        {QStringLiteral("multicloud-gke-europe-west1"), QStringLiteral("multicloud")},
    };
    return scenarios.value(context);
}

struct Play
{
    QString file;
    QString context;
    QString kubeconfig;
    QString dataHome; // XDG_DATA_HOME: where this play's audit log goes
    std::unique_ptr<QProcess> process;
    int steps = 0;
    int expectations = 0;
};

// What one finished play printed: stdout without and with the expectation lines.
struct PlayOutput
{
    QStringList lines;        // header, one per step, the summary
    QStringList expectations; // the "      expect …" lines
    QString dump;
};

std::unique_ptr<HttpTransport> transport(const QString &kubeconfig, const QString &context)
{
    auto connection = Kubeconfig::load(kubeconfig).connection(context);
    if (!connection)
        return {};
    return std::make_unique<HttpTransport>(std::move(*connection));
}

Result<nlohmann::json> get(HttpTransport *t, const QString &path)
{
    std::optional<Result<ApiResponse>> answer;
    QObject receiver;
    t->get(path, &receiver, [&answer](const Result<ApiResponse> &r) { answer = r; });
    if (!waitUntil([&] { return answer.has_value(); }, 15000))
        return Error(Error::Code::Timeout, QStringLiteral("no answer"), path);
    auto body = bodyOrError(*answer, path);
    if (!body)
        return body.error();
    return nlohmann::json::parse(body->toStdString());
}

QList<AuditEntry> audit(const QString &dataHome)
{
    QDirIterator it(dataHome, {QStringLiteral("audit.jsonl")}, QDir::Files,
                    QDirIterator::Subdirectories);
    return it.hasNext() ? AuditLog::read(QFileInfo(it.next()).absolutePath()) : QList<AuditEntry>();
}

const QString BackendSpring
    = QStringLiteral("/apis/apps/v1/namespaces/pfe-app/deployments/backend-spring");

} // namespace

class tst_ShippedRunbooks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void plays_data();
    void plays();

private:
    void checkHelmRollback(const Play &play, const PlayOutput &out);
    void checkBadRelease(const Play &play, const PlayOutput &out);
    void checkLoadScaleOut(const Play &play, const PlayOutput &out);

    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<Orrery::Test::SimProcess>> m_sims;
    std::vector<Play> m_plays;
    nlohmann::json m_backendSpringImage; // bad-release-rollback's, before it played
};

void tst_ShippedRunbooks::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QDir dir(runbookDirectory());
    const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 5);

    // One simulator with every scenario for the first runbook of each context.
    auto shared = std::make_unique<Orrery::Test::SimProcess>();
    const QString sharedConfig = m_dir.filePath(QStringLiteral("kubeconfig-all"));
    QVERIFY2(shared->start({QStringLiteral("--scenario"), QStringLiteral("all")}, sharedConfig),
             qPrintable(shared->errorString()));
    m_sims.push_back(std::move(shared));

    QHash<QString, int> perContext;
    for (const QString &f : files) {
        auto book = RunbookParser::parseFile(dir.filePath(f));
        QVERIFY2(book.ok(), qPrintable(book.ok() ? QString() : book.error().toString()));
        QVERIFY2(!book->context.isEmpty(), qPrintable(f));
        const QString scenario = scenarioOf(book->context);
        QVERIFY2(!scenario.isEmpty(),
                 qPrintable(f + QStringLiteral(": unknown context ") + book->context));
        Play play;
        play.file = dir.filePath(f);
        play.context = book->context;
        play.steps = int(book->steps.size());
        for (const RunbookStep &step : book->steps)
            play.expectations += int(step.expectations.size());
        if (perContext[book->context]++ == 0) {
            play.kubeconfig = sharedConfig;
        } else {
            auto own = std::make_unique<Orrery::Test::SimProcess>();
            play.kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig-") + f);
            QVERIFY2(own->start({QStringLiteral("--scenario"), scenario}, play.kubeconfig),
                     qPrintable(own->errorString()));
            m_sims.push_back(std::move(own));
        }
        play.dataHome = m_dir.filePath(QStringLiteral("data-") + f);
        m_plays.push_back(std::move(play));
    }
    // The runbooks checked more closely below are all there, each on the cluster it expects.
    QHash<QString, QString> closer{
        {QStringLiteral("helm-rollback.yaml"), QStringLiteral("aks-chat-francecentral")},
        {QStringLiteral("bad-release-rollback.yaml"), QStringLiteral("pfe-k8s")},
        {QStringLiteral("pfe-load-scale-out.yaml"), QStringLiteral("pfe-k8s")}};
    for (const Play &play : m_plays)
        if (closer.value(QFileInfo(play.file).fileName()) == play.context)
            closer.remove(QFileInfo(play.file).fileName());
    QVERIFY2(closer.isEmpty(), qPrintable(closer.keys().join(QLatin1Char(' '))));
    // bad-release-rollback must leave backend-spring on the image it found.
    for (const Play &play : m_plays)
        if (QFileInfo(play.file).fileName() == QLatin1String("bad-release-rollback.yaml")) {
            auto t = transport(play.kubeconfig, play.context);
            QVERIFY(t);
            const auto d = get(t.get(), BackendSpring);
            QVERIFY(d.ok());
            m_backendSpringImage = (*d)["spec"]["template"]["spec"]["containers"][0]["image"];
            QVERIFY(m_backendSpringImage.is_string());
        }

    // All at once: the runbooks' own waits dominate, not the CPU.
    for (Play &play : m_plays) {
        play.process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), play.dataHome);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        play.process->setProcessEnvironment(env);
        play.process->start(QStringLiteral(ORRERY_APP_BINARY),
                            {QStringLiteral("--play"), play.file, QStringLiteral("--kubeconfig"),
                             play.kubeconfig, QStringLiteral("--context"), play.context});
    }
}

void tst_ShippedRunbooks::cleanupTestCase()
{
    for (Play &play : m_plays)
        if (play.process && play.process->state() != QProcess::NotRunning) {
            play.process->kill();
            play.process->waitForFinished(5000);
        }
    for (auto &sim : m_sims)
        sim->stop();
}

void tst_ShippedRunbooks::plays_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < int(m_plays.size()); ++i)
        QTest::newRow(qPrintable(QFileInfo(m_plays[i].file).fileName())) << i;
}

void tst_ShippedRunbooks::plays()
{
    QFETCH(int, index);
    Play &play = m_plays[index];
    QProcess *p = play.process.get();
    const bool done = waitUntil([p] { return p->state() == QProcess::NotRunning; }, 400000);
    const QString out = QString::fromUtf8(p->readAllStandardOutput());
    const QString err = QString::fromUtf8(p->readAllStandardError());
    const QString dump = out + QStringLiteral("\n--- stderr:\n") + err;
    QVERIFY2(done, qPrintable(dump));
    QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0, qPrintable(dump));
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // Header, one line per step, one per expectation, the summary.
    QCOMPARE(lines.size(), 1 + play.steps + play.expectations + 1);
    QVERIFY(play.expectations > 0); // every shipped runbook checks what it says
    int holds = 0;
    for (const QString &line : lines) {
        QVERIFY2(!line.contains(QLatin1String("FAILED")), qPrintable(dump));
        holds += line.startsWith(QLatin1String("      expect "))
                 && line.contains(QLatin1String(": holds"));
    }
    QCOMPARE(holds, play.expectations);

    PlayOutput o;
    o.dump = dump;
    for (const QString &line : lines)
        (line.startsWith(QLatin1String("      expect ")) ? o.expectations : o.lines) << line;
    // Every write audited with the context it went to; no Secret value in any summary.
    for (const AuditEntry &e : audit(play.dataHome)) {
        QCOMPARE(e.result, QStringLiteral("ok"));
        QCOMPARE(e.context, play.context);
        QVERIFY2(!e.summary.contains(QLatin1String("\"release\":\"H4sI")), qPrintable(e.summary));
    }
    const QString name = QFileInfo(play.file).fileName();
    if (name == QLatin1String("helm-rollback.yaml"))
        checkHelmRollback(play, o);
    else if (name == QLatin1String("bad-release-rollback.yaml"))
        checkBadRelease(play, o);
    else if (name == QLatin1String("pfe-load-scale-out.yaml"))
        checkLoadScaleOut(play, o);
}

void tst_ShippedRunbooks::checkHelmRollback(const Play &play, const PlayOutput &h)
{
    QCOMPARE(h.lines.size(), 1 + 4 + 1);
    QVERIFY2(h.lines.at(2).startsWith(QLatin1String("[2/4] ok helmRollback chat-app: ")),
             qPrintable(h.dump));
    QVERIFY2(h.lines.at(3).startsWith(
                 QLatin1String("[3/4] ok waitForRollout deployment/chat-app-backend: ")),
             qPrintable(h.dump));
    QVERIFY2(h.lines.at(3).contains(QLatin1String("successfully rolled out")), qPrintable(h.dump));
    QVERIFY2(h.lines.last().contains(QLatin1String("4 steps succeeded")), qPrintable(h.dump));
    // What the captions say held: revision 3 before, the images of revision 2 after, revision 4.
    QCOMPARE(h.expectations.size(), 5);
    QVERIFY2(h.expectations.last().contains(QLatin1String("(revision 4, deployed)")),
             qPrintable(h.dump));
    auto chat = transport(play.kubeconfig, play.context);
    QVERIFY(chat);
    const auto secrets
        = get(chat.get(),
              ResourcePath::addQuery(
                  ResourcePath::forKind(Kind::Secret, QStringLiteral("production")),
                  QStringLiteral("labelSelector"), QStringLiteral("owner=helm,name=chat-app")));
    QVERIFY(secrets.ok());
    QStringList rows;
    for (const HelmRelease &r :
         HelmReleases::fromSecrets(*secrets).history(QStringLiteral("chat-app")))
        rows << QStringLiteral("%1|%2|%3").arg(r.version).arg(r.status, r.description);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.last(), QStringLiteral("4|deployed|Rollback to 2"));
    QVERIFY(rows.at(2).startsWith(QLatin1String("3|superseded|")));
    // The pending revision, the applies, the statuses.
    QVERIFY(audit(play.dataHome).size() >= 4);
}

void tst_ShippedRunbooks::checkBadRelease(const Play &play, const PlayOutput &b)
{
    QCOMPARE(b.lines.size(), 1 + 8 + 1);
    // The rollout stalled in ImagePullBackOff while the old pods served, then recovered.
    QCOMPARE(b.expectations.size(), 9);
    QVERIFY2(
        b.lines.at(2).startsWith(QLatin1String("[2/8] ok setImage deployment/backend-spring: ")),
        qPrintable(b.dump));
    QVERIFY2(
        b.lines.at(6).startsWith(QLatin1String("[6/8] ok rollback deployment/backend-spring: ")),
        qPrintable(b.dump));
    QVERIFY2(b.lines.at(7).contains(QLatin1String("successfully rolled out")), qPrintable(b.dump));
    auto pfe = transport(play.kubeconfig, play.context);
    QVERIFY(pfe);
    const auto after = get(pfe.get(), BackendSpring);
    QVERIFY(after.ok());
    QVERIFY((*after)["spec"]["template"]["spec"]["containers"][0]["image"] == m_backendSpringImage);
    QCOMPARE(audit(play.dataHome).size(), 2); // setImage, rollback
}

void tst_ShippedRunbooks::checkLoadScaleOut(const Play &play, const PlayOutput &r)
{
    auto pfe = transport(play.kubeconfig, play.context);
    QVERIFY(pfe);
    const auto version = get(pfe.get(), QStringLiteral("/version"));
    QVERIFY(version.ok());
    // orrery-sim says it drives load; elsewhere setLoad fails with "only on the demo cluster".
    QVERIFY2(version->value("orrerySimulator", false) == true, version->dump().c_str());
    QCOMPARE(r.lines.size(), 1 + 13 + 1);
    QVERIFY2(
        r.lines.at(4).startsWith(QLatin1String("[4/13] ok setLoad deployment/backend-spring: ")),
        qPrintable(r.dump));
    QVERIFY2(r.lines.at(6).startsWith(QLatin1String(
                 "[6/13] ok show horizontalpodautoscaler/backend-spring-hpa: metrics")),
             qPrintable(r.dump));
    const auto after = get(pfe.get(), BackendSpring);
    QVERIFY(after.ok());
    // 90 % of the peak is far above the HPA's 70 % target: it scaled out (scale-down waits
    // five minutes), and the last step handed the load back to the schedule.
    QVERIFY2((*after)["spec"]["replicas"].get<int>() > 2, (*after)["spec"].dump().c_str());
    QVERIFY(!(*after)["metadata"]
                 .value("annotations", nlohmann::json::object())
                 .contains("sim.orrery.dev/load-percent"));
    // The three load changes are audited writes like any other.
    QStringList loads;
    for (const AuditEntry &e : audit(play.dataHome))
        if (e.summary.contains(QLatin1String("sim.orrery.dev/load-percent")))
            loads << e.summary;
    QCOMPARE(loads.size(), 3);
    QCOMPARE(
        loads.first(),
        QStringLiteral(R"({"metadata":{"annotations":{"sim.orrery.dev/load-percent":"90"}}})"));
    QCOMPARE(
        loads.last(),
        QStringLiteral(R"({"metadata":{"annotations":{"sim.orrery.dev/load-percent":null}}})"));
}

QTEST_GUILESS_MAIN(tst_ShippedRunbooks)
#include "tst_shippedrunbooks.moc"
