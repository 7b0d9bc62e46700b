// SPDX-License-Identifier: GPL-3.0-or-later
// ClusterWriteExecutor and the audit log, against a loopback cpp-httplib server: the intent
// line is on disk when the request reaches the server, the outcome line is written even when
// the requester is gone, a write the log cannot record is never sent, and a lost outcome line
// is reported while the caller still gets the server's answer.
#include "eventloopwait.h"
#include "testcredentialprovider.h"

#include "audit/auditlog.h"
#include "kube/httptransport.h"
#include "operations/clusterwriteexecutor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <httplib.h>

#include <atomic>
#include <optional>
#include <thread>

using namespace Orrery;
using Orrery::Test::waitUntil;

class tst_ClusterWriteExecutor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    int m_port = 0;
    QString m_auditDir; // what the server looks at when a write arrives
    std::atomic<int> m_requests = 0;
    std::atomic<bool> m_intentOnDisk = false;
    std::atomic<bool> m_hold = false;     // keep the answer until released
    std::atomic<bool> m_breakLog = false; // swap the log for /dev/full before answering

    ClusterConnection connection() const
    {
        ClusterConnection c;
        c.contextName = QStringLiteral("test");
        c.clusterName = QStringLiteral("test-cluster");
        c.userName = QStringLiteral("alice");
        c.server = QStringLiteral("http://127.0.0.1:%1").arg(m_port);
        c.credentials = std::make_shared<Test::TestCredentialProvider>(QList<QByteArray>{"tok"});
        return c;
    }

    static PlannedWrite scaleWeb()
    {
        PlannedWrite w;
        w.verb = QStringLiteral("patch");
        w.apiVersion = QStringLiteral("apps/v1");
        w.kind = QStringLiteral("Deployment");
        w.ns = QStringLiteral("shop");
        w.name = QStringLiteral("web");
        w.body = {{"spec", {{"replicas", 3}}}};
        w.request.method = "PATCH";
        w.request.path = QStringLiteral("/apis/apps/v1/namespaces/shop/deployments/web");
        w.request.contentType = "application/merge-patch+json";
        w.request.body = QByteArray::fromStdString(w.body.dump());
        return w;
    }

    QString auditFile() const { return m_auditDir + QStringLiteral("/audit.jsonl"); }

    // What every test writes through: a fresh audit directory (the server looks at it), a
    // transport to the loopback server and the executor. `brokenLog`: the log is /dev/full.
    struct Fixture
    {
        explicit Fixture(const ClusterConnection &connection)
            : transport(connection)
            , audit(dir.path())
            , executor(&transport, &audit)
        {
        }
        QTemporaryDir dir;
        HttpTransport transport;
        AuditLog audit;
        ClusterWriteExecutor executor;
    };
    std::unique_ptr<Fixture> fixture(bool brokenLog = false)
    {
        auto f = std::make_unique<Fixture>(connection());
        m_auditDir = f->dir.path();
        if (brokenLog && !QFile::link(QStringLiteral("/dev/full"), auditFile()))
            return nullptr;
        return f;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<httplib::Server>();
        m_server->Patch(
            "/apis/apps/v1/namespaces/shop/deployments/web",
            [this](const httplib::Request &, httplib::Response &res) {
                ++m_requests;
                QFile log(auditFile());
                // Regular file only: /dev/full (the broken-log tests) would be read forever.
                m_intentOnDisk = QFileInfo(log).isFile() && log.open(QIODevice::ReadOnly)
                                 && log.readAll().contains("\"phase\":\"intent\"");
                log.close();
                while (m_hold)
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
                if (m_breakLog) {
                    QFile::rename(auditFile(), m_auditDir + QStringLiteral("/audit.1.jsonl"));
                    QFile::link(QStringLiteral("/dev/full"), auditFile());
                }
                res.set_content(R"({"kind":"Deployment","metadata":{"name":"web"}})",
                                "application/json");
            });
        m_port = m_server->bind_to_any_port("127.0.0.1");
        QVERIFY(m_port > 0);
        m_thread = std::thread([this] { m_server->listen_after_bind(); });
        QVERIFY(waitUntil([this] { return m_server->is_running(); }, 5000));
    }

    void cleanupTestCase()
    {
        m_hold = false;
        m_server->stop();
        m_thread.join();
    }

    void init()
    {
        m_requests = 0;
        m_intentOnDisk = false;
        m_hold = false;
        m_breakLog = false;
    }

    // The order the issue asks for: intent on disk, then the request, then the outcome.
    void intentIsRecordedBeforeTheRequest()
    {
        const auto f = fixture();
        std::optional<Result<ApiResponse>> answer;
        f->executor.send(scaleWeb(), this, [&](const Result<ApiResponse> &r) { answer = r; });
        QVERIFY(waitUntil([&] { return answer.has_value(); }, 10000));
        QVERIFY(answer->ok());
        QCOMPARE(answer->value().status, 200);
        QVERIFY(m_intentOnDisk);

        QFile file(auditFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const nlohmann::json intent = nlohmann::json::parse(lines.at(0).toStdString());
        const nlohmann::json outcome = nlohmann::json::parse(lines.at(1).toStdString());
        QVERIFY(intent["phase"] == "intent");
        QVERIFY(outcome["phase"] == "outcome");
        QVERIFY(intent["id"] == outcome["id"]);
        QVERIFY(!intent.contains("status"));
        QVERIFY(outcome["status"] == 200);
        QVERIFY(!outcome.contains("summary"));
        QVERIFY(intent["summary"] == "{\"spec\":{\"replicas\":3}}");

        const QList<AuditEntry> entries = AuditLog::read(f->dir.path());
        QCOMPARE(entries.size(), 1);
        QVERIFY(entries.first().outcomeKnown());
        QCOMPARE(entries.first().user, QStringLiteral("alice"));
        QCOMPARE(entries.first().status, 200);
        QCOMPARE(entries.first().result, QStringLiteral("ok"));
        QCOMPARE(entries.first().summary, QStringLiteral("{\"spec\":{\"replicas\":3}}"));
    }

    // The dialog or operation that asked is destroyed while the request is out: its handler is
    // not called, but the change happened and the log says so.
    void outcomeOutlivesTheRequester()
    {
        const auto f = fixture();
        m_hold = true;
        auto *requester = new QObject;
        bool called = false;
        f->executor.send(scaleWeb(), requester,
                         [&](const Result<ApiResponse> &) { called = true; });
        QVERIFY(waitUntil([&] { return m_requests == 1; }, 10000));
        delete requester;
        m_hold = false;
        QVERIFY(waitUntil(
            [&] {
                const QList<AuditEntry> entries = AuditLog::read(f->dir.path());
                return entries.size() == 1 && entries.first().outcomeKnown();
            },
            10000));
        QCOMPARE(AuditLog::read(f->dir.path()).first().status, 200);
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }

    // Nowhere to record the intent: the write is refused before it leaves, in words, and the
    // cluster never hears of it.
    void unrecordableWriteIsNotSent()
    {
        const auto f = fixture(true);
        QVERIFY(f);
        QSignalSpy failed(&f->audit, &AuditLog::writeFailed);
        // writeFailed is emitted on the appending thread: a worker, never the caller's.
        std::atomic<QThread *> appendedOn = nullptr;
        connect(
            &f->audit, &AuditLog::writeFailed, this,
            [&appendedOn] { appendedOn = QThread::currentThread(); }, Qt::DirectConnection);
        std::optional<Result<ApiResponse>> answer;
        f->executor.send(scaleWeb(), this, [&](const Result<ApiResponse> &r) { answer = r; });
        QVERIFY(!answer.has_value()); // queued, as any answer
        QVERIFY(waitUntil([&] { return answer.has_value(); }, 10000));
        QVERIFY(!answer->ok());
        QCOMPARE(answer->error().code, Error::Code::FileError);
        QVERIFY2(answer->error().message.startsWith(
                     QLatin1String("Not sent: the audit log could not record this change")),
                 qPrintable(answer->error().message));
        QCOMPARE(failed.count(), 1);
        QVERIFY(appendedOn.load() != nullptr);
        QVERIFY(appendedOn.load() != QThread::currentThread());
        QTest::qWait(200); // a request would have reached the loopback server by now
        QCOMPARE(int(m_requests), 0);
    }

    // The disk fills between intent and outcome: the caller still gets the server's answer
    // (the change was made), writeFailed says the outcome is lost, and the log shows the
    // write as "outcome unknown" rather than not at all.
    void lostOutcomeIsReported()
    {
        const auto f = fixture();
        m_breakLog = true;
        QSignalSpy failed(&f->audit, &AuditLog::writeFailed);
        std::optional<Result<ApiResponse>> answer;
        f->executor.send(scaleWeb(), this, [&](const Result<ApiResponse> &r) { answer = r; });
        QVERIFY(waitUntil([&] { return answer.has_value(); }, 10000));
        QVERIFY(answer->ok());
        QCOMPARE(answer->value().status, 200);
        QCOMPARE(failed.count(), 1);
        const QList<AuditEntry> entries = AuditLog::read(f->dir.path());
        QCOMPARE(entries.size(), 1);
        QVERIFY(!entries.first().outcomeKnown());
        QCOMPARE(entries.first().name, QStringLiteral("web"));
    }
};

QTEST_GUILESS_MAIN(tst_ClusterWriteExecutor)
#include "tst_clusterwriteexecutor.moc"
