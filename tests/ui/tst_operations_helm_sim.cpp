// SPDX-License-Identifier: GPL-3.0-or-later
// ActionController::rollbackHelmRelease against orrery-sim (scenario aks-chat, release chat-app
// in production, revisions 1..3): the confirmation names the release and the revisions, is
// locked on a protected context until the name is typed, and the history afterwards reads as
// `helm history` would after `helm rollback chat-app`. The audit log holds no release payload.
// The operation itself (keep policy, dry-run refusal, viewer) is tested without widgets in
// tests/core/tst_helmreleaserollback_sim.cpp.
#include "eventloopwait.h"
#include "helmreleasefixture.h"
#include "simprocess.h"
#include "simwindowfixture.h"

#include <contextpreferences.h>
#include <operations/actioncontroller.h>
#include <operations/confirmdialog.h>
#include <util/async.h>

#include <audit/auditlog.h>
#include <helm/helmcodec.h>
#include <helm/helmreleases.h>
#include <kube/actions/resourcepath.h>
#include <kube/clustersession.h>
#include <kube/httptransport.h>
#include <kube/kubeconfig.h>

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <functional>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

// The confirmation the controller opened, if one is on screen.
ConfirmDialog *visibleConfirmDialog()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *d = qobject_cast<ConfirmDialog *>(w); d && d->isVisible())
            return d;
    return nullptr;
}

} // namespace

class TestOperationsHelmSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    // No JSON decoded on the GUI thread, from the session's start to the last test (DecodeGuard).
    void cleanup();
    void rollbackRelease();
    void dryRunRefusalWritesNothing();
    void viewerIsRefusedBeforeConfirmation();

private:
    QStringList history(ClusterSession *session,
                        const QString &release = QStringLiteral("chat-app"));
    ClusterSession *connectContext(const QString &context);
    int send(ClusterSession *session, const ApiRequest &request);
    // The release `name` in namespace production as `helm install` then `helm upgrade` leave
    // it: revision 1 (superseded) with manifest `v1`, revision 2 (deployed) with `v2`.
    bool installRelease(ClusterSession *session, const QString &name, const QString &v1,
                        const QString &v2);
    QMessageBox *waitForError();

    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
};

void TestOperationsHelmSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_sim.start({"--scenario", "aks-chat"}, m_dir.filePath("kubeconfig")),
             qPrintable(m_sim.errorString()));
}

void TestOperationsHelmSim::cleanupTestCase()
{
    m_sim.stop();
}

void TestOperationsHelmSim::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

QStringList TestOperationsHelmSim::history(ClusterSession *session, const QString &release)
{
    const QString path
        = ResourcePath::addQuery(ResourcePath::forKind(Kind::Secret, QStringLiteral("production")),
                                 QStringLiteral("labelSelector"), QStringLiteral("owner=helm"));
    nlohmann::json secrets;
    bool answered = false;
    session->transport()->send(ApiRequest::get(path), this, [&](const Result<ApiResponse> &r) {
        answered = true;
        if (r.ok() && r->isSuccess())
            secrets = nlohmann::json::parse(r->body.constData(),
                                            r->body.constData() + r->body.size(), nullptr, false);
    });
    waitUntil([&] { return answered; }, 10000);
    // Decoded on a worker: the test's own reading must not count as the GUI thread's.
    QFuture<QStringList> rows = Async::run([secrets, release] {
        QStringList out;
        for (const HelmRelease &r : HelmReleases::fromSecrets(secrets).history(release))
            out << QStringLiteral("%1|%2|%3").arg(r.version).arg(r.status, r.description);
        return out;
    });
    rows.waitForFinished();
    return rows.resultCount() > 0 ? rows.result() : QStringList();
}

void TestOperationsHelmSim::rollbackRelease()
{
    const Kubeconfig config = Kubeconfig::load(m_dir.filePath("kubeconfig"));
    const QString context = config.currentContext();
    Result<ClusterConnection> connection = config.connection(context);
    QVERIFY(connection.ok());
    ClusterSession session(std::move(connection.value()));
    bool discovered = false;
    connect(&session, &ClusterSession::discovered, this, [&] { discovered = true; });
    session.start();
    QVERIFY(waitUntil([&] { return discovered; }, 60000));
    QCOMPARE(history(&session).size(), 3);

    ContextPreferences preferences(m_dir.filePath("orrery.ini"));
    preferences.setProtected(context, true);
    QWidget host;
    host.show();
    AuditLog audit(m_dir.filePath("audit"));
    ActionController controller(&preferences, &host, &audit);
    controller.setSession(&session);
    QSignalSpy finished(&controller, &ActionController::operationFinished);

    controller.rollbackHelmRelease(QStringLiteral("production"), QStringLiteral("chat-app"), 0);
    ConfirmDialog *dialog = nullptr;
    QVERIFY(waitUntil([&] { return (dialog = visibleConfirmDialog()) != nullptr; }, 15000));
    QCOMPARE(dialog->target().kind, QStringLiteral("HelmRelease"));
    QCOMPARE(dialog->target().name, QStringLiteral("chat-app"));
    QCOMPARE(dialog->target().ns, QStringLiteral("production"));
    QString labels;
    for (QLabel *l : dialog->findChildren<QLabel *>())
        labels += l->text() + QLatin1Char('\n');
    QVERIFY2(labels.contains("from revision 3 to 2 (new revision 4)"), qPrintable(labels));
    QVERIFY(!dialog->isConfirmEnabled());
    QTest::mouseClick(dialog->dryRunButton(), Qt::LeftButton);
    QVERIFY2(waitUntil([&] { return dialog->dryRunText().contains("validated"); }, 15000),
             qPrintable(dialog->dryRunText()));
    QCOMPARE(history(&session).size(), 3); // the dry run stored nothing
    QTest::keyClicks(dialog->protectionEdit(), context);
    QVERIFY(dialog->isConfirmEnabled());
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);

    QVERIFY(waitUntil([&] { return finished.count() == 1; }, 90000));
    QVERIFY2(finished.first().at(0).toBool(),
             qPrintable(finished.first().at(2).toStringList().join('\n')));
    const QStringList rows = history(&session);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.last(), QStringLiteral("4|deployed|Rollback to 2"));
    QVERIFY(rows[2].startsWith(QLatin1String("3|superseded|")));

    // Every write audited; no release payload (base64 of gzip: "H4sI", or once more encoded).
    const QList<AuditEntry> entries = Orrery::Test::auditEntries(m_dir.filePath("audit"));
    QVERIFY(entries.size() >= 3);
    QByteArray all;
    const QDir auditDir(m_dir.filePath("audit"));
    for (const QString &f : auditDir.entryList(QDir::Files)) {
        QFile file(auditDir.filePath(f));
        QVERIFY(file.open(QIODevice::ReadOnly));
        all += file.readAll();
    }
    QVERIFY(!all.contains("H4sI"));
    QVERIFY(!all.contains("SDRzSU"));
}

ClusterSession *TestOperationsHelmSim::connectContext(const QString &context)
{
    Result<ClusterConnection> connection
        = Kubeconfig::load(m_dir.filePath("kubeconfig")).connection(context);
    if (!connection.ok())
        return nullptr;
    auto *session = new ClusterSession(std::move(connection.value()), this);
    bool discovered = false;
    QObject::connect(session, &ClusterSession::discovered, this, [&] { discovered = true; });
    session->start();
    if (!waitUntil([&] { return discovered; }, 60000))
        return nullptr;
    return session;
}

int TestOperationsHelmSim::send(ClusterSession *session, const ApiRequest &request)
{
    int status = -1;
    session->transport()->send(
        request, this, [&](const Result<ApiResponse> &r) { status = r.ok() ? r->status : 0; });
    waitUntil([&] { return status >= 0; }, 10000);
    return status;
}

bool TestOperationsHelmSim::installRelease(ClusterSession *session, const QString &name,
                                           const QString &v1, const QString &v2)
{
    for (const QByteArray &body : Test::helmReleaseSecrets(name, v1, v2)) {
        ApiRequest post;
        post.method = "POST";
        post.path = QStringLiteral("/api/v1/namespaces/production/secrets");
        post.contentType = "application/json";
        post.body = body;
        if (send(session, post) != 201)
            return false;
    }
    return true;
}

QMessageBox *TestOperationsHelmSim::waitForError()
{
    QMessageBox *error = nullptr;
    waitUntil(
        [&] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *box = qobject_cast<QMessageBox *>(w);
                    box && box->isVisible() && box->objectName() == "OperationError")
                    error = box;
            return error != nullptr;
        },
        30000);
    return error;
}

// A release whose revision 1 has an invalid Deployment (no image): rolling back to it must fail
// in the server's dry run, before the pending revision is recorded or any object applied.
void TestOperationsHelmSim::dryRunRefusalWritesNothing()
{
    ClusterSession *session
        = connectContext(Kubeconfig::load(m_dir.filePath("kubeconfig")).currentContext());
    QVERIFY(session);
    QVERIFY(installRelease(session, QStringLiteral("broken"), Test::brokenReleaseRevision1(),
                           Test::brokenReleaseRevision2()));
    const QStringList before = history(session, QStringLiteral("broken"));
    QCOMPARE(before, (QStringList{"1|superseded|Install complete", "2|deployed|Upgrade complete"}));

    QWidget host;
    host.show();
    AuditLog audit(m_dir.filePath("audit-broken"));
    ActionController controller(nullptr, &host, &audit);
    controller.setSession(session);
    QSignalSpy finished(&controller, &ActionController::operationFinished);
    controller.rollbackHelmRelease(QStringLiteral("production"), QStringLiteral("broken"), 1);
    ConfirmDialog *dialog = nullptr;
    QVERIFY(waitUntil([&] { return (dialog = visibleConfirmDialog()) != nullptr; }, 15000));
    // "Preview on server" already shows the refusal of the target manifest.
    QVERIFY(dialog->dryRunButton()->isVisible());
    QTest::mouseClick(dialog->dryRunButton(), Qt::LeftButton);
    QVERIFY2(waitUntil([&] { return dialog->dryRunText().contains("refused"); }, 15000),
             qPrintable(dialog->dryRunText()));
    QVERIFY2(dialog->dryRunText().contains("image: Required value"),
             qPrintable(dialog->dryRunText()));
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return finished.count() == 1; }, 60000));
    QVERIFY(!finished.first().at(0).toBool());
    QMessageBox *error = waitForError();
    QVERIFY(error);
    QVERIFY2(error->text().contains("spec.template.spec.containers[0].image: Required value")
                 && error->text().contains("nothing was written"),
             qPrintable(error->text()));
    error->accept();
    // The history is as it was, and neither ConfigMap of revision 1 nor its Deployment exists.
    QCOMPARE(history(session, QStringLiteral("broken")), before);
    QCOMPARE(
        send(session, ApiRequest::get("/api/v1/namespaces/production/configmaps/broken-config")),
        404);
    QCOMPARE(send(session,
                  ApiRequest::get("/apis/apps/v1/namespaces/production/deployments/broken-web")),
             404);
    // Only dry runs went out, and they are audited as such.
    const QList<AuditEntry> entries = Orrery::Test::auditEntries(m_dir.filePath("audit-broken"));
    QVERIFY(!entries.isEmpty());
    for (const AuditEntry &e : entries)
        QVERIFY2(e.dryRun, qPrintable(e.verb + ' ' + e.kind + ' ' + e.name));
    delete session;
}

// The viewer may not read Secrets, let alone write them: refused before any confirmation, in
// words, with nothing written.
void TestOperationsHelmSim::viewerIsRefusedBeforeConfirmation()
{
    ClusterSession *admin
        = connectContext(Kubeconfig::load(m_dir.filePath("kubeconfig")).currentContext());
    QVERIFY(admin);
    const QStringList before = history(admin);
    ClusterSession *viewer = connectContext(QStringLiteral("aks-chat-francecentral-viewer"));
    QVERIFY(viewer);
    QWidget host;
    host.show();
    AuditLog audit(m_dir.filePath("audit-viewer"));
    ActionController controller(nullptr, &host, &audit);
    controller.setSession(viewer);
    controller.rollbackHelmRelease(QStringLiteral("production"), QStringLiteral("chat-app"), 1);
    QMessageBox *error = waitForError();
    QVERIFY(error);
    QVERIFY2(error->text().contains("You may not read Secrets in namespace production"),
             qPrintable(error->text()));
    QVERIFY2(!error->text().contains("{"), qPrintable(error->text()));
    QVERIFY(!visibleConfirmDialog());
    error->accept();
    QCOMPARE(history(admin), before);
    QVERIFY(Orrery::Test::auditEntries(m_dir.filePath("audit-viewer")).isEmpty());
    delete viewer;
    delete admin;
}

QTEST_MAIN(TestOperationsHelmSim)
#include "tst_operations_helm_sim.moc"
