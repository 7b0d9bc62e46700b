// SPDX-License-Identifier: GPL-3.0-or-later
// The Fly.io operations (FlyOperation: machine restart, stop, start, scale a process group,
// deploy a previous release's image) on the one path every change takes (OperationRunner:
// fetch, checks, confirmation, the audited run, report, undo), without any Kubernetes
// session, against the simulated Fly.io of the multi-cloud scenario. The effects are read back
// through the Machines API; the audit log names the app and the machine, never the token.
#include "front/servicefront.h"
#include "simulator.h"

#include "audit/auditlog.h"
#include "cloud/flyclient.h"
#include "kube/httptransport.h"
#include "operations/flyoperations.h"
#include "operations/operationcatalog.h"
#include "operations/operationrunner.h"

#include <eventloopwait.h>

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Orrery;

namespace {

const QByteArray s_token = "fo1_orrery-sim-multicloud-fly";

} // namespace

class tst_FlyOperations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void catalog();
    void stopAndStartWithUndo();
    void restartRefusesAStoppedMachine();
    void scaleUpAndDown();
    void deployThePreviousRelease();
    void leaseHeldElsewhere();

private:
    struct Outcome
    {
        bool confirmed = false;
        bool ok = false;
        QString failure;
        QString nothing;
        QStringList summary;
        QStringList report;
        ClusterOperation::Factory undo;
    };
    // Starts `op` through the runner (confirmation accepted) and waits for the end.
    Outcome runThrough(ClusterOperation *op);
    QList<FlyMachine> machines(const QString &app);

    QTemporaryDir m_dir;
    std::unique_ptr<Sim::Simulator> m_sim;
    std::unique_ptr<FlyClient> m_client;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<OperationRunner> m_runner;
};

void tst_FlyOperations::initTestCase()
{
    Sim::SimulatorOptions options;
    options.scenarios = {"multicloud"};
    options.speed = 10;
    m_sim = std::make_unique<Sim::Simulator>(options);
    std::string error;
    QVERIFY2(m_sim->start(&error), error.c_str());
    const QString base = QString::fromStdString(m_sim->servicesUrl()) + QStringLiteral("/fly");
    m_client = std::make_unique<FlyClient>(
        FlyClient::Endpoints{QUrl(base), QUrl(base),
                             QByteArray::fromStdString(m_sim->servicesCaCertificate())},
        s_token);
    m_audit = std::make_unique<AuditLog>(m_dir.filePath(QStringLiteral("audit")));
    m_runner = std::make_unique<OperationRunner>(m_audit.get());
}

void tst_FlyOperations::cleanupTestCase()
{
    m_runner.reset();
    m_client.reset();
    if (m_sim)
        m_sim->stop();
}

tst_FlyOperations::Outcome tst_FlyOperations::runThrough(ClusterOperation *op)
{
    auto outcome = std::make_shared<Outcome>();
    auto done = std::make_shared<bool>(false);
    m_runner->setConfirmation(
        [this, outcome](const OperationRunner::Target &t, ClusterOperation *o) {
            outcome->confirmed = true;
            outcome->summary = o->summary();
            m_runner->run(t, o);
        });
    QObject context;
    connect(m_runner.get(), &OperationRunner::failed, &context,
            [outcome, done](const QString &, const QString &text) {
                outcome->failure = text;
                *done = true;
            });
    connect(m_runner.get(), &OperationRunner::nothingToDo, &context,
            [outcome, done](const QString &, const QString &text) {
                outcome->nothing = text;
                *done = true;
            });
    connect(m_runner.get(), &OperationRunner::operationFinished, &context,
            [outcome, done](bool ok, const QString &, const QStringList &report) {
                outcome->ok = ok;
                outcome->report = report;
                if (ok)
                    *done = true;
            });
    connect(m_runner.get(), &OperationRunner::undoOffered, &context,
            [outcome](const OperationRunner::Target &, const QString &,
                      const ClusterOperation::Factory &undo) { outcome->undo = undo; });
    m_runner->start(OperationRunner::Target{}, op);
    Test::waitUntil([&] { return *done; }, 30000);
    QCoreApplication::processEvents(); // the undo offer follows the finished signal
    return *outcome;
}

QList<FlyMachine> tst_FlyOperations::machines(const QString &app)
{
    std::optional<Result<QList<FlyMachine>>> out;
    m_client->machines(app, [&out](const Result<QList<FlyMachine>> &r) { out = r; });
    Test::waitUntil([&] { return out.has_value(); }, 20000);
    return out && out->ok() ? out->value() : QList<FlyMachine>();
}

void tst_FlyOperations::catalog()
{
    QCOMPARE(OperationCatalog::flyIds().size(), 5);
    for (const QString &id : OperationCatalog::flyIds()) {
        QVERIFY(OperationCatalog::label(id) != id);
        std::unique_ptr<ClusterOperation> op(
            OperationCatalog::createFly(id, m_client.get(), FlyActionTarget{}));
        QVERIFY(op);
        QVERIFY(!op->needsSession());
        QCOMPARE(FlyOperation::actionId(static_cast<FlyOperation *>(op.get())->action()), id);
    }
    QVERIFY(!OperationCatalog::createFly(QStringLiteral("scale"), m_client.get(), {}));
}

void tst_FlyOperations::stopAndStartWithUndo()
{
    const QString app = QStringLiteral("acme-edge-db");
    const QString id = machines(app).first().id;
    Outcome o = runThrough(
        new FlyOperation(m_client.get(), FlyAction::StopMachine, FlyActionTarget{app, id, {}}));
    QVERIFY2(o.ok, qPrintable(o.failure));
    QVERIFY(o.confirmed);
    QVERIFY(o.summary.join(' ').contains(id));
    QVERIFY(o.undo);
    QVERIFY(Test::waitUntil(
        [&] {
            for (const FlyMachine &m : machines(app))
                if (m.id == id)
                    return m.state == QLatin1String("stopped");
            return false;
        },
        10000));
    // Stopping it again: nothing to do, as Fly would say.
    o = runThrough(
        new FlyOperation(m_client.get(), FlyAction::StopMachine, FlyActionTarget{app, id, {}}));
    QVERIFY(o.nothing.contains(QLatin1String("already stopped")));
    // The undo starts it.
    ClusterOperation *undo = nullptr;
    {
        Outcome first = runThrough(new FlyOperation(m_client.get(), FlyAction::StartMachine,
                                                    FlyActionTarget{app, id, {}}));
        QVERIFY2(first.ok, qPrintable(first.failure));
        undo = first.undo ? first.undo(nullptr, nullptr) : nullptr;
    }
    QVERIFY(undo);
    QCOMPARE(static_cast<FlyOperation *>(undo)->action(), FlyAction::StopMachine);
    delete undo;

    // The audit log has the writes, named by app and machine, without the token.
    const QList<AuditEntry> entries = AuditLog::read(m_audit->directory());
    QVERIFY(!entries.isEmpty());
    bool found = false;
    for (const AuditEntry &e : entries) {
        if (e.kind == QLatin1String("Machine") && e.name == id && e.ns == app
            && e.verb == QLatin1String("stop"))
            found = true;
        QVERIFY(!e.summary.contains(QString::fromLatin1(s_token)));
    }
    QVERIFY(found);
    for (const QFileInfo &f : QDir(m_audit->directory()).entryInfoList(QDir::Files)) {
        QFile file(f.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(s_token));
    }
}

void tst_FlyOperations::restartRefusesAStoppedMachine()
{
    const QString app = QStringLiteral("acme-edge-staging");
    QList<FlyMachine> list = machines(app);
    QVERIFY(!list.isEmpty());
    // The staging machine is stopped in the scenario (unless an earlier test started it).
    const FlyMachine m = list.first();
    if (m.state != QLatin1String("stopped"))
        QSKIP("the staging machine is not stopped");
    const Outcome o = runThrough(new FlyOperation(m_client.get(), FlyAction::RestartMachine,
                                                  FlyActionTarget{app, m.id, {}}));
    QVERIFY(!o.confirmed);
    QVERIFY(o.failure.contains(QLatin1String("start it instead")));
    // A machine that does not exist.
    const Outcome missing
        = runThrough(new FlyOperation(m_client.get(), FlyAction::RestartMachine,
                                      FlyActionTarget{app, QStringLiteral("0000"), {}}));
    QVERIFY(missing.failure.contains(QLatin1String("no machine")));
}

void tst_FlyOperations::scaleUpAndDown()
{
    const QString app = QStringLiteral("acme-edge");
    const auto countOf = [&](const QString &group) {
        int n = 0;
        for (const FlyMachine &m : machines(app))
            n += m.processGroup == group && m.state != QLatin1String("destroyed")
                 && m.state != QLatin1String("destroying");
        return n;
    };
    QCOMPARE(countOf(QStringLiteral("api")), 2);
    auto *up = new FlyOperation(m_client.get(), FlyAction::ScaleGroup,
                                FlyActionTarget{app, {}, QStringLiteral("api")});
    up->setCount(4);
    Outcome o = runThrough(up);
    QVERIFY2(o.ok, qPrintable(o.failure));
    QCOMPARE(o.report.size(), 2);
    QVERIFY(o.summary.first().contains(QLatin1String("has 2 machine")));
    QCOMPARE(countOf(QStringLiteral("api")), 4);
    // The new machines copy the group: same image and process group, spread over its regions.
    QMap<QString, int> regions;
    for (const FlyMachine &m : machines(app))
        if (m.processGroup == QLatin1String("api")) {
            regions[m.region] += 1;
            QVERIFY(!m.image.isEmpty());
        }
    QCOMPARE(regions.value(QStringLiteral("cdg")), 2);
    QCOMPARE(regions.value(QStringLiteral("ams")), 2);
    QVERIFY(o.undo);
    // Undo: back to 2 (destroys two).
    o = runThrough(o.undo(nullptr, nullptr));
    QVERIFY2(o.ok, qPrintable(o.failure));
    QVERIFY(Test::waitUntil([&] { return countOf(QStringLiteral("api")) == 2; }, 10000));
    // Scaling to the current count is nothing to do; beyond the bound is refused.
    auto *same = new FlyOperation(m_client.get(), FlyAction::ScaleGroup,
                                  FlyActionTarget{app, {}, QStringLiteral("api")});
    same->setCount(2);
    QVERIFY(runThrough(same).nothing.contains(QLatin1String("already has 2")));
    auto *huge = new FlyOperation(m_client.get(), FlyAction::ScaleGroup,
                                  FlyActionTarget{app, {}, QStringLiteral("api")});
    huge->setCount(1000);
    QVERIFY(!runThrough(huge).failure.isEmpty());
}

void tst_FlyOperations::deployThePreviousRelease()
{
    const QString app = QStringLiteral("acme-edge");
    int bad = 0;
    for (const FlyMachine &m : machines(app))
        bad += !m.healthy();
    QCOMPARE(bad, 4);
    auto *deploy
        = new FlyOperation(m_client.get(), FlyAction::DeployRelease, FlyActionTarget{app, {}, {}});
    deploy->setReleaseVersion(41);
    const Outcome o = runThrough(deploy);
    QVERIFY2(o.ok, qPrintable(o.failure));
    QVERIFY(o.summary.first().contains(QLatin1String("Running now: v42")));
    QVERIFY(o.summary.join(' ').contains(QLatin1String("no rollback")));
    QCOMPARE(o.report.size(), 4); // the v42 machines; the v41 ones are left alone
    QVERIFY(o.undo);
    QVERIFY(Test::waitUntil(
        [&] {
            const QList<FlyMachine> list = machines(app);
            return std::all_of(list.cbegin(), list.cend(), [](const FlyMachine &m) {
                return m.state == QLatin1String("started") && m.healthy()
                       && m.releaseVersion == QLatin1String("41")
                       && m.image == QLatin1String("ghcr.io/acme/edge:1.8.1");
            });
        },
        10000));
    // Again: every machine runs it already.
    auto *again
        = new FlyOperation(m_client.get(), FlyAction::DeployRelease, FlyActionTarget{app, {}, {}});
    again->setReleaseVersion(41);
    QVERIFY(runThrough(again).nothing.contains(QLatin1String("already runs")));
    // A release Fly does not list.
    auto *unknown
        = new FlyOperation(m_client.get(), FlyAction::DeployRelease, FlyActionTarget{app, {}, {}});
    unknown->setReleaseVersion(7);
    QVERIFY(runThrough(unknown).failure.contains(QLatin1String("no release v7")));
}

void tst_FlyOperations::leaseHeldElsewhere()
{
    const QString app = QStringLiteral("acme-edge-db");
    const FlyMachine m = machines(app).last();
    // Someone else's deploy holds the lease.
    ClusterConnection c;
    c.server = QString::fromStdString(m_sim->servicesUrl()) + QStringLiteral("/fly");
    c.certificateAuthorityPem = QByteArray::fromStdString(m_sim->servicesCaCertificate());
    HttpTransport transport(c);
    ApiRequest lease;
    lease.method = "POST";
    lease.path = FlyClient::machinePath(app, m.id) + QStringLiteral("/lease");
    lease.body = R"({"ttl": 600, "description": "fly deploy"})";
    lease.contentType = "application/json";
    lease.headers = {{"Authorization", "Bearer " + s_token}};
    std::optional<Result<ApiResponse>> out;
    transport.send(lease, this, [&out](const Result<ApiResponse> &r) { out = r; });
    QVERIFY(Test::waitUntil([&] { return out.has_value(); }, 20000));
    QCOMPARE(out->value().status, 200);
    const Outcome o = runThrough(new FlyOperation(m_client.get(), FlyAction::RestartMachine,
                                                  FlyActionTarget{app, m.id, {}}));
    QVERIFY(!o.ok);
    QVERIFY2(o.failure.contains(QLatin1String("lease")), qPrintable(o.failure));
}

QTEST_GUILESS_MAIN(tst_FlyOperations)
#include "tst_flyoperations.moc"
