// SPDX-License-Identifier: GPL-3.0-or-later
// ActionController::rollbackHelmRelease against orrery-sim (scenario aks-chat, release chat-app
// in production, revisions 1..3): the confirmation names the release and the revisions, is
// locked on a protected context until the name is typed, and the history afterwards reads as
// `helm history` would after `helm rollback chat-app`. The audit log holds no release payload.
#include "eventloopwait.h"
#include <contextpreferences.h>
#include <operations/actioncontroller.h>
#include <operations/confirmdialog.h>

#include <audit/auditlog.h>
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

} // namespace

class TestOperationsHelmSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rollbackRelease();

private:
    QStringList history(ClusterSession *session);

    QTemporaryDir m_dir;
    QProcess m_sim;
};

void TestOperationsHelmSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_sim.setProgram(qEnvironmentVariable("ORRERY_SIM_BINARY", QStringLiteral(ORRERY_SIM_BINARY)));
    m_sim.setArguments({"--scenario", "aks-chat", "--kubeconfig-out", m_dir.filePath("kubeconfig")});
    m_sim.start();
    QVERIFY2(m_sim.waitForStarted(10000), qPrintable(m_sim.errorString()));
    QByteArray out;
    QVERIFY(waitUntil([&] { return (out += m_sim.readAllStandardOutput()).contains("ready "); }, 60000));
}

void TestOperationsHelmSim::cleanupTestCase()
{
    if (m_sim.state() != QProcess::NotRunning) {
        m_sim.terminate();
        if (!m_sim.waitForFinished(10000))
            m_sim.kill();
    }
}

QStringList TestOperationsHelmSim::history(ClusterSession *session)
{
    const QString path = ResourcePath::addQuery(ResourcePath::forKind(Kind::Secret, QStringLiteral("production")),
                                                QStringLiteral("labelSelector"), QStringLiteral("owner=helm"));
    nlohmann::json secrets;
    bool answered = false;
    session->transport()->send(ApiRequest::get(path), this, [&](const Result<ApiResponse> &r) {
        answered = true;
        if (r.ok() && r->isSuccess())
            secrets = nlohmann::json::parse(r->body.constData(), r->body.constData() + r->body.size(), nullptr, false);
    });
    waitUntil([&] { return answered; }, 10000);
    QStringList rows;
    for (const HelmRelease &r : HelmReleases::fromSecrets(secrets).history(QStringLiteral("chat-app")))
        rows << QStringLiteral("%1|%2|%3").arg(r.version).arg(r.status, r.description);
    return rows;
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
    ActionController controller(&preferences, &host, m_dir.filePath("audit"));
    controller.setSession(&session);
    QSignalSpy finished(&controller, &ActionController::operationFinished);

    controller.rollbackHelmRelease(QStringLiteral("production"), QStringLiteral("chat-app"), 0);
    ConfirmDialog *dialog = nullptr;
    QVERIFY(waitUntil([&] {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *d = qobject_cast<ConfirmDialog *>(w); d && d->isVisible())
                dialog = d;
        return dialog != nullptr;
    }, 15000));
    QCOMPARE(dialog->target().kind, QStringLiteral("HelmRelease"));
    QCOMPARE(dialog->target().name, QStringLiteral("chat-app"));
    QCOMPARE(dialog->target().ns, QStringLiteral("production"));
    QString labels;
    for (QLabel *l : dialog->findChildren<QLabel *>())
        labels += l->text() + QLatin1Char('\n');
    QVERIFY2(labels.contains("from revision 3 to 2 (new revision 4)"), qPrintable(labels));
    QVERIFY(!dialog->isConfirmEnabled());
    QTest::keyClicks(dialog->protectionEdit(), context);
    QVERIFY(dialog->isConfirmEnabled());
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);

    QVERIFY(waitUntil([&] { return finished.count() == 1; }, 90000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toStringList().join('\n')));
    const QStringList rows = history(&session);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.last(), QStringLiteral("4|deployed|Rollback to 2"));
    QVERIFY(rows[2].startsWith(QLatin1String("3|superseded|")));

    // Every write audited; no release payload (base64 of gzip: "H4sI", or once more encoded).
    const QList<AuditEntry> entries = AuditLog::read(m_dir.filePath("audit"));
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

QTEST_MAIN(TestOperationsHelmSim)
#include "tst_operations_helm_sim.moc"
