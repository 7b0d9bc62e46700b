// SPDX-License-Identifier: GPL-3.0-or-later
// Port-forward and exec against orrery-sim over HTTPS on loopback: PortForwardSession (the
// local listener on 127.0.0.1, one WebSocket per connection, the port prefix of each channel,
// the HTTP and echo listeners of the simulated container, a closed port's error channel, a
// forbidden user, a taken local port, stop) and the two stream operations (ExecOperation,
// PortForwardOperation): plan and refusals, the access check, the audited run whose intent
// and outcome land in the audit log, and the session handed over afterwards.
#include <audit/auditlog.h>
#include <kube/execsession.h>
#include <kube/httptransport.h>
#include <kube/portforwardsession.h>
#include <kubectlprocess.h>
#include <operations/clusterwriteexecutor.h>
#include <operations/operationcatalog.h>
#include <operations/streamoperations.h>
#include <simclusterfixture.h>

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace Orrery;

namespace {

const QByteArray s_pods = R"(apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: default
spec:
  containers:
  - name: main
    image: nginx:1.27
    ports:
    - {name: http, containerPort: 80}
    - {name: echo, containerPort: 7000}
  - name: sidecar
    image: busybox:1.36
)";

// A local client of the forward: connects, sends, reads until the far end closes.
struct Client
{
    QTcpSocket socket;
    QByteArray received;
    bool closed = false;

    explicit Client(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                         [this] { received += socket.readAll(); });
        QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [this] {
            received += socket.readAll();
            closed = true;
        });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
};

} // namespace

class TestPortForwardSim : public QObject
{
    Q_OBJECT

private:
    Test::SimClusterFixture m_fixture;

    ClusterConnection connection(const QString &context = QStringLiteral("minimal")) const
    {
        auto c = m_fixture.config().connection(context);
        return c.ok() ? *c : ClusterConnection{};
    }

    static PortForwardOptions forward(quint16 remote, quint16 local = 0)
    {
        PortForwardOptions o;
        o.ns = QStringLiteral("default");
        o.pod = QStringLiteral("web");
        o.remotePort = remote;
        o.localPort = local;
        return o;
    }

    // A started session, listening.
    static bool listen(PortForwardSession &session)
    {
        QSignalSpy listening(&session, &PortForwardSession::listening);
        session.start();
        return listening.wait(10000) && session.localPort() != 0;
    }

    QList<AuditEntry> audit() const { return AuditLog::read(m_fixture.auditDirectory()); }

    // Runs `op` (fetched) through `writer`; its report's ok.
    static bool run(ClusterOperation *op, WriteExecutor *writer)
    {
        QSignalSpy finished(op, &ClusterOperation::finished);
        op->run(writer);
        if (!finished.wait(20000))
            return false;
        return finished.at(0).at(0).toBool();
    }

    static bool fetch(ClusterOperation *op)
    {
        std::optional<Result<void>> fetched;
        op->fetch([&fetched](const Result<void> &r) { fetched = r; });
        return QTest::qWaitFor([&fetched] { return fetched.has_value(); }, 20000) && fetched->ok();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_fixture.start(QStringLiteral("minimal")), qPrintable(m_fixture.error()));
        const QString kubeconfig = m_fixture.path(QStringLiteral("kubeconfig"));
        const QString home = m_fixture.path(QStringLiteral("kubectl"));
        QVERIFY(QDir().mkpath(home));
        auto r = Test::runKubectl(kubeconfig, home, {"apply", "-f", "-"}, s_pods);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = Test::runKubectl(kubeconfig, home,
                             {"wait", "--for=condition=Ready", "pod/web", "--timeout=60s"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void cleanupTestCase() { m_fixture.stop(); }

    void pathAndPrefix()
    {
        PortForwardOptions o = forward(8080);
        o.pod = QStringLiteral("a b");
        QCOMPARE(o.path(), QStringLiteral("/api/v1/namespaces/default/pods/a%20b/portforward"
                                          "?ports=8080"));
        QCOMPARE(PortForwardStream::portPrefix(8080), QByteArray("\x90\x1f", 2));
        QCOMPARE(PortForwardStream::portPrefix(80), QByteArray("\x50\x00", 2));
    }

    // The container's HTTP listener answers through the forward, then closes: so does the
    // local connection, and the count of open connections returns to 0.
    void forwardsHttp()
    {
        PortForwardSession session(connection(), forward(80));
        QVERIFY(listen(session));
        QVERIFY(session.isListening());
        Client client(session.localPort());
        QVERIFY(client.socket.waitForConnected(5000));
        client.socket.write("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 20000);
        QVERIFY2(client.received.startsWith("HTTP/1.1 200 OK\r\n"), client.received.constData());
        QVERIFY(client.received.contains("X-Orrery-Pod: web\r\n"));
        QVERIFY2(
            client.received.contains("Hello from default/web on port 80 (GET /hello HTTP/1.1)"),
            client.received.constData());
        QTRY_COMPARE_WITH_TIMEOUT(session.activeConnections(), 0, 10000);
        QCOMPARE(session.totalConnections(), 1);
        QCOMPARE(session.bytesFromPod(), qint64(client.received.size()));
        QCOMPARE(session.bytesToPod(), qint64(40));
    }

    // Two connections at once, each its own stream; large data crosses in 64 KiB messages.
    void echoesConcurrentConnections()
    {
        PortForwardSession session(connection(), forward(7000));
        QVERIFY(listen(session));
        QSignalSpy changed(&session, &PortForwardSession::connectionsChanged);
        Client a(session.localPort());
        Client b(session.localPort());
        QVERIFY(a.socket.waitForConnected(5000));
        QVERIFY(b.socket.waitForConnected(5000));
        QTRY_COMPARE_WITH_TIMEOUT(session.activeConnections(), 2, 10000);
        a.socket.write("ping from a\n");
        b.socket.write("ping from b\n");
        QTRY_COMPARE_WITH_TIMEOUT(a.received, QByteArray("ping from a\n"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(b.received, QByteArray("ping from b\n"), 10000);
        QByteArray big(3 * 1024 * 1024 + 17, Qt::Uninitialized);
        for (qsizetype i = 0; i < big.size(); ++i)
            big[i] = char('a' + i % 23);
        a.socket.write(big);
        QTRY_COMPARE_WITH_TIMEOUT(a.received.size(), big.size() + 12, 30000);
        QVERIFY(a.received.endsWith(big.right(1000)));
        QCOMPARE(a.received.mid(12), big);
        a.socket.disconnectFromHost();
        b.socket.disconnectFromHost();
        QTRY_COMPARE_WITH_TIMEOUT(session.activeConnections(), 0, 10000);
        QCOMPARE(session.totalConnections(), 2);
        QVERIFY(session.isListening()); // the forward stays for the next connection
    }

    // Nothing listens on 7001 in the container: the kubelet's words arrive on the port's error
    // channel, the local connection closes, the forward keeps listening.
    void closedPortIsSaid()
    {
        PortForwardSession session(connection(), forward(7001));
        QVERIFY(listen(session));
        QSignalSpy errors(&session, &PortForwardSession::streamError);
        Client client(session.localPort());
        QVERIFY(client.socket.waitForConnected(5000));
        client.socket.write("hello?");
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 20000);
        QVERIFY(client.received.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 10000);
        const QString message = errors.at(0).at(0).toString();
        QVERIFY2(message.startsWith(QStringLiteral("error forwarding port 7001 to pod web, uid ")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("dial tcp4 127.0.0.1:7001: connect: "
                                                 "connection refused")),
                 qPrintable(message));
        QVERIFY(session.isListening());
    }

    // Refusals of the upgrade: the viewer may not create pods/portforward; a missing pod.
    void refusedUpgrades_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("pod");
        QTest::addColumn<QString>("message");
        QTest::newRow("viewer") << "minimal-viewer"
                                << "web"
                                << "cannot create resource \"pods/portforward\"";
        QTest::newRow("missing pod") << "minimal"
                                     << "nosuch"
                                     << "pods \"nosuch\" not found";
    }

    void refusedUpgrades()
    {
        QFETCH(QString, context);
        QFETCH(QString, pod);
        QFETCH(QString, message);
        PortForwardOptions o = forward(80);
        o.pod = pod;
        PortForwardSession session(connection(context), o);
        QVERIFY(listen(session));
        QSignalSpy errors(&session, &PortForwardSession::streamError);
        Client client(session.localPort());
        QVERIFY(client.socket.waitForConnected(5000));
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 10000);
        QVERIFY2(errors.at(0).at(0).toString().contains(message),
                 qPrintable(errors.at(0).at(0).toString()));
    }

    void localPortTaken()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost));
        PortForwardSession session(connection(), forward(80, taken.serverPort()));
        QSignalSpy failed(&session, &PortForwardSession::failed);
        session.start();
        QVERIFY(failed.wait(10000));
        const Error error = failed.at(0).at(0).value<Error>();
        QVERIFY2(error.message.startsWith(
                     QStringLiteral("cannot listen on 127.0.0.1:%1").arg(taken.serverPort())),
                 qPrintable(error.message));
        QVERIFY(!session.isListening());
    }

    void stopClosesTheListenerAndItsConnections()
    {
        PortForwardSession session(connection(), forward(7000));
        QVERIFY(listen(session));
        const quint16 port = session.localPort();
        Client open(port);
        QVERIFY(open.socket.waitForConnected(5000));
        QTRY_COMPARE_WITH_TIMEOUT(session.activeConnections(), 1, 10000);
        QSignalSpy stopped(&session, &PortForwardSession::stopped);
        session.stop();
        QCOMPARE(stopped.count(), 1);
        QVERIFY(!session.isListening());
        QCOMPARE(session.activeConnections(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(open.closed, 10000);
        QTcpSocket late;
        late.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!late.waitForConnected(2000));
    }

    // --- the operations ------------------------------------------------------------------

    void catalogOffersStreamsOnPods()
    {
        const QStringList ids = OperationCatalog::ids(Kind::Pod);
        QCOMPARE(ids, QStringList({"exec", "port-forward", "delete"}));
        QCOMPARE(OperationCatalog::label(QStringLiteral("exec")), QStringLiteral("Shell"));
        QCOMPARE(OperationCatalog::label(QStringLiteral("port-forward")),
                 QStringLiteral("Port forward\u2026"));
        const auto access = OperationCatalog::access(QStringLiteral("port-forward"), Kind::Pod,
                                                     QStringLiteral("shop"));
        QVERIFY(access);
        QCOMPARE(access->verb, QStringLiteral("create"));
        QCOMPARE(access->resource, QStringLiteral("pods"));
        QCOMPARE(access->subresource, QStringLiteral("portforward"));
        QCOMPARE(access->namespaceName, QStringLiteral("shop"));
        QCOMPARE(OperationCatalog::access(QStringLiteral("exec"), Kind::Pod, "shop")->subresource,
                 QStringLiteral("exec"));
        std::unique_ptr<ClusterOperation> notAPod(OperationCatalog::create(
            QStringLiteral("exec"), m_fixture.transport(), {Kind::Deployment, "default", "web"}));
        QVERIFY(!notAPod);
    }

    void portForwardOperation()
    {
        const int before = int(audit().size());
        std::unique_ptr<ClusterOperation> created(OperationCatalog::create(
            QStringLiteral("port-forward"), m_fixture.transport(), {Kind::Pod, "default", "web"}));
        auto *op = qobject_cast<PortForwardOperation *>(created.get());
        QVERIFY(op);
        QVERIFY(fetch(op));
        const QList<PodPort> ports = op->ports();
        QCOMPARE(ports.size(), 2);
        QCOMPARE(ports.at(0).port, 80);
        QCOMPARE(ports.at(0).name, QStringLiteral("http"));
        QCOMPARE(ports.at(0).container, QStringLiteral("main"));
        QCOMPARE(ports.at(1).port, 7000);
        QCOMPARE(ports.at(1).protocol, QStringLiteral("TCP"));
        QCOMPARE(op->plan(false).error().message,
                 QStringLiteral("Invalid port number 0: must be between 1 and 65535"));
        op->setRemotePort(70000);
        QCOMPARE(op->plan(false).error().message,
                 QStringLiteral("Invalid port number 70000: must be between 1 and 65535"));
        op->setRemotePort(80);
        QCOMPARE(op->summary(),
                 QStringList({"Forward a free port of 127.0.0.1 to port 80 of pod default/web"}));
        QVERIFY(op->details().startsWith(
            QStringLiteral("GET /api/v1/namespaces/default/pods/web/portforward?ports=80")));
        QVERIFY2(run(op, m_fixture.writer()), qPrintable(op->report().explanation));
        QVERIFY(op->report().lines.value(0).contains(QStringLiteral("listening on 127.0.0.1:")));
        std::unique_ptr<QObject> stream = op->takeStream();
        auto *session = qobject_cast<PortForwardSession *>(stream.get());
        QVERIFY(session);
        QVERIFY(session->isListening());
        {
            Client client(session->localPort());
            QVERIFY(client.socket.waitForConnected(5000));
            client.socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            QTRY_VERIFY_WITH_TIMEOUT(client.closed, 20000);
            QVERIFY(client.received.contains("Hello from default/web on port 80"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(session->activeConnections(), 0, 10000);
        // The intent is on disk while the forward runs; stopping writes the outcome.
        QList<AuditEntry> entries = audit();
        QCOMPARE(entries.size(), before + 1);
        QCOMPARE(entries.last().verb, QStringLiteral("port-forward"));
        QCOMPARE(entries.last().kind, QStringLiteral("Pod"));
        QCOMPARE(entries.last().ns, QStringLiteral("default"));
        QCOMPARE(entries.last().name, QStringLiteral("web"));
        QVERIFY2(entries.last().summary.contains(QStringLiteral("\"ports\":[80]")),
                 qPrintable(entries.last().summary));
        QVERIFY(!entries.last().outcomeKnown());
        const quint16 local = session->localPort();
        session->stop();
        QTRY_VERIFY_WITH_TIMEOUT(audit().last().outcomeKnown(), 10000);
        entries = audit();
        QCOMPARE(entries.size(), before + 1);
        QCOMPARE(entries.last().result,
                 QStringLiteral("ok: stopped after 1 connection(s) on 127.0.0.1:%1").arg(local));
        QCOMPARE(entries.last().status, 101);
    }

    void execOperation()
    {
        const int before = int(audit().size());
        ExecOperation op(m_fixture.transport(), QStringLiteral("default"), QStringLiteral("web"));
        QVERIFY(fetch(&op));
        QCOMPARE(op.containers(), QStringList({"main", "sidecar"}));
        QCOMPARE(op.options().container, QStringLiteral("main")); // kubectl's default
        op.setCommand({"sh", "-c", "hostname; exit 4"});
        op.setTty(false);
        op.setStdin(false);
        QCOMPARE(op.summary(), QStringList({"Run sh -c hostname; exit 4 in container "
                                            "main of pod default/web"}));
        // Taken as the runner hands it over: when the operation finishes, before any output.
        std::unique_ptr<QObject> stream;
        QByteArray out;
        std::optional<Result<int>> result;
        connect(&op, &ClusterOperation::finished, this, [&](bool ok) {
            if (!ok)
                return;
            stream = op.takeStream();
            auto *s = qobject_cast<ExecSession *>(stream.get());
            if (!s)
                return;
            connect(s, &ExecSession::output, this,
                    [&out](const QByteArray &data, int) { out += data; });
            connect(s, &ExecSession::finished, this,
                    [&result](const Result<int> &r) { result = r; });
        });
        QVERIFY2(run(&op, m_fixture.writer()), qPrintable(op.report().explanation));
        QVERIFY(qobject_cast<ExecSession *>(stream.get()));
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        QCOMPARE(out, QByteArray("web\n"));
        QVERIFY(result->ok());
        QCOMPARE(result->value(), 4);
        QTRY_VERIFY_WITH_TIMEOUT(audit().last().outcomeKnown(), 10000);
        const QList<AuditEntry> entries = audit();
        QCOMPARE(entries.size(), before + 1);
        QCOMPARE(entries.last().verb, QStringLiteral("exec"));
        QCOMPARE(entries.last().name, QStringLiteral("web"));
        QVERIFY2(entries.last().summary.contains(
                     QStringLiteral("\"command\":[\"sh\",\"-c\",\"hostname; exit 4\"]")),
                 qPrintable(entries.last().summary));
        QVERIFY(entries.last().summary.contains(QStringLiteral("\"container\":\"main\"")));
        QCOMPARE(entries.last().result, QStringLiteral("ok: exited with code 4"));
        QCOMPARE(entries.last().user, m_fixture.transport()->connection().userName);
    }

    // A session closed while the shell runs still ends its audit entry.
    void execClosedWhileRunningIsRecorded()
    {
        ExecOperation op(m_fixture.transport(), QStringLiteral("default"), QStringLiteral("web"));
        QVERIFY(fetch(&op));
        QVERIFY2(run(&op, m_fixture.writer()), qPrintable(op.report().explanation));
        std::unique_ptr<QObject> stream = op.takeStream();
        QVERIFY(qobject_cast<ExecSession *>(stream.get()));
        QVERIFY(!audit().last().outcomeKnown());
        stream.reset();
        QTRY_VERIFY_WITH_TIMEOUT(audit().last().outcomeKnown(), 10000);
        QCOMPARE(audit().last().result, QStringLiteral("the session was closed"));
    }

    // The viewer may not: the access check refuses before anything is recorded or opened, and
    // the confirmation's "dry run" says so.
    void viewerIsRefusedBeforeOpening()
    {
        auto viewer = std::make_unique<HttpTransport>(connection(QStringLiteral("minimal-viewer")));
        ClusterWriteExecutor writer(viewer.get(), m_fixture.audit());
        const int before = int(audit().size());
        for (const QString &id : {QStringLiteral("exec"), QStringLiteral("port-forward")}) {
            std::unique_ptr<ClusterOperation> op(
                OperationCatalog::create(id, viewer.get(), {Kind::Pod, "default", "web"}));
            QVERIFY(fetch(op.get())); // the viewer may read the pod
            if (auto *pf = qobject_cast<PortForwardOperation *>(op.get()))
                pf->setRemotePort(80);
            std::optional<std::pair<bool, QString>> dry;
            op->dryRun(&writer, [&dry](bool ok, const QString &text) { dry = {ok, text}; });
            QTRY_VERIFY_WITH_TIMEOUT(dry.has_value(), 20000);
            QVERIFY(!dry->first);
            const QString resource = id == QLatin1String("exec")
                                         ? QStringLiteral("pods/exec")
                                         : QStringLiteral("pods/portforward");
            QVERIFY2(dry->second.contains(resource), qPrintable(dry->second));
            QVERIFY(!run(op.get(), &writer));
            QVERIFY2(op->report().explanation.contains(resource),
                     qPrintable(op->report().explanation));
            QVERIFY(!op->takeStream());
        }
        QCOMPARE(int(audit().size()), before);

        ExecOperation admin(m_fixture.transport(), QStringLiteral("default"),
                            QStringLiteral("web"));
        QVERIFY(fetch(&admin));
        std::optional<bool> allowed;
        admin.dryRun(m_fixture.writer(), [&allowed](bool ok, const QString &) { allowed = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(allowed.has_value(), 20000);
        QVERIFY(*allowed);
    }

    // orrery --port-forward: kubectl's lines, the forward, SIGTERM ends it with 0, audited.
    void headlessCommand()
    {
        QProcess orrery;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_fixture.path(QStringLiteral("xdg")));
        orrery.setProcessEnvironment(env);
        orrery.start(QStringLiteral(ORRERY_APP_BINARY),
                     {"--kubeconfig", m_fixture.path(QStringLiteral("kubeconfig")),
                      "--port-forward", "minimal/default/web", "0:80"});
        QVERIFY(orrery.waitForStarted());
        QByteArray out;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += orrery.readAllStandardOutput();
                return out.contains("\n") || orrery.state() != QProcess::Running;
            },
            20000));
        const QRegularExpressionMatch m
            = QRegularExpression(QStringLiteral("^Forwarding from 127.0.0.1:(\\d+) -> 80\n"))
                  .match(QString::fromUtf8(out));
        QVERIFY2(m.hasMatch(), (out + orrery.readAllStandardError()).constData());
        Client client(quint16(m.captured(1).toUInt()));
        QVERIFY(client.socket.waitForConnected(5000));
        client.socket.write("GET /headless HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 20000);
        QVERIFY(client.received.contains("(GET /headless HTTP/1.1)"));
        orrery.terminate();
        QVERIFY(orrery.waitForFinished(10000));
        QCOMPARE(orrery.exitStatus(), QProcess::NormalExit);
        QCOMPARE(orrery.exitCode(), 0);
        out += orrery.readAllStandardOutput();
        QVERIFY2(out.contains("Handling connection for " + m.captured(1).toUtf8()),
                 out.constData());

        QProcess usage;
        usage.start(QStringLiteral(ORRERY_APP_BINARY), {"--port-forward", "minimal/web", "80"});
        QVERIFY(usage.waitForFinished(20000));
        QCOMPARE(usage.exitCode(), 2);
    }

    // kubectl's refusals before it connects, from the pod as read.
    void refusalsFromThePod()
    {
        ExecOperation exec(m_fixture.transport(), QStringLiteral("default"), QStringLiteral("web"));
        nlohmann::json pod = {{"metadata", {{"name", "web"}, {"namespace", "default"}}},
                              {"spec", {{"containers", {{{"name", "main"}}}}}},
                              {"status", {{"phase", "Succeeded"}}}};
        exec.setObject(pod);
        QCOMPARE(exec.plan(false).error().message,
                 QStringLiteral("cannot exec into a container in a completed pod; current "
                                "phase is Succeeded"));
        pod["status"]["phase"] = "Running";
        exec.setObject(pod);
        exec.setContainer(QStringLiteral("nosuch"));
        QCOMPARE(exec.plan(false).error().message,
                 QStringLiteral("container nosuch not found in pod web"));
        exec.setContainer(QString());
        QVERIFY(exec.plan(false).ok());

        PortForwardOperation forward(m_fixture.transport(), QStringLiteral("default"),
                                     QStringLiteral("web"));
        pod["status"]["phase"] = "Pending";
        forward.setObject(pod);
        forward.setRemotePort(80);
        QCOMPARE(forward.plan(false).error().message,
                 QStringLiteral("unable to forward port because pod is not running. Current "
                                "status=Pending"));
        QVERIFY(podPorts(nlohmann::json::parse(R"({"spec":{"containers":[
            {"name":"a","ports":[{"containerPort":"x"},{"containerPort":0},{"containerPort":9}]},
            7, {"ports":{}}]}})"))
                    .size()
                == 1);
    }
};

QTEST_GUILESS_MAIN(TestPortForwardSim)
#include "tst_portforward_sim.moc"
