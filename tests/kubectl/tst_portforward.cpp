// SPDX-License-Identifier: GPL-3.0-or-later
// orrery-sim's pods/portforward judged by a real client: the official Python client
// (Debian's python3-kubernetes, `kubernetes.stream.portforward`, run by /usr/bin/python3)
// speaks the WebSocket channel protocol (v4.channel.k8s.io) and checks its framing strictly
// (each channel opened by exactly the port, 2 bytes little-endian). Three ports on one
// WebSocket: the container's HTTP listener, its echo listener, and a port nothing listens
// on, whose error channel must carry the kubelet's words. The forbidden user is refused.
//
//
// Real kubectl port-forward too: kubectl 1.31+ sends SPDY/3.1 tunnelled in WebSocket
// (`SPDY/3.1+portforward.k8s.io`), an error and a data stream per local connection; the same
// three ports must answer the same way through it, and the closed one's message must reach
// kubectl's output.
#include <simprocess.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <kubectlprocess.h>

namespace {

const QByteArray s_pod = R"(apiVersion: v1
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
)";

// argv: kubeconfig, context. Prints one JSON line.
const char *s_script = R"PY(
import json, socket, sys
from kubernetes import client, config
from kubernetes.stream import portforward
from kubernetes.client.rest import ApiException

config.load_kube_config(config_file=sys.argv[1], context=sys.argv[2])
api = client.CoreV1Api()
out = {}
try:
    pf = portforward(api.connect_get_namespaced_pod_portforward, 'web', 'default',
                     ports='80,7000,7001')
except ApiException as e:
    print(json.dumps({'refused': str(e)}))
    sys.exit(0)

http = pf.socket(80)
http.settimeout(20)
http.sendall(b'GET /judge HTTP/1.1\r\nHost: web\r\n\r\n')
data = b''
while b'\r\n\r\n' not in data:
    data += http.recv(65536)
head, body = data.split(b'\r\n\r\n', 1)
length = [int(l.split(b':')[1]) for l in head.split(b'\r\n') if l.lower().startswith(b'content-length:')][0]
while len(body) < length:
    body += http.recv(65536)
out['status'] = head.split(b'\r\n')[0].decode()
out['body'] = body.decode()

echo = pf.socket(7000)
echo.settimeout(20)
echo.sendall(b'ping over the forward')
got = b''
while len(got) < 21:
    got += echo.recv(64)
out['echo'] = got.decode()

closed = pf.socket(7001)
closed.settimeout(20)
out['closedRead'] = closed.recv(16).decode()
out['error'] = pf.error(7001)
out['httpError'] = pf.error(80)
pf.close()
print(json.dumps(out))
)PY";

} // namespace

class TestPortForward : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    QString m_kubeconfig;

    QJsonObject python(const QString &context)
    {
        QProcess p;
        p.start(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral("-c"), QString::fromUtf8(s_script), m_kubeconfig, context});
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
        }
        const QByteArray err = p.readAllStandardError();
        const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
        const QJsonObject o = QJsonDocument::fromJson(lines.last()).object();
        if (o.isEmpty())
            qWarning("python: %s", err.constData());
        return o;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QProcess probe;
        probe.start(QStringLiteral("/usr/bin/python3"),
                    {"-c", "import kubernetes.stream; kubernetes.stream.portforward"});
        if (!probe.waitForFinished(30000) || probe.exitCode() != 0)
            QFAIL("python3-kubernetes is not installed for /usr/bin/python3 (see scripts/deps.sh)");
        m_kubeconfig = m_dir.filePath("kubeconfig");
        QVERIFY2(m_sim.start({"--scenario", "minimal", "--speed", "10"}, m_kubeconfig),
                 qPrintable(m_sim.errorString()));
        auto r = Orrery::Test::runKubectl(m_kubeconfig, m_dir.path(), {"apply", "-f", "-"}, s_pod);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = Orrery::Test::runKubectl(m_kubeconfig, m_dir.path(),
                                     {"wait", "--for=condition=Ready", "pod/web", "--timeout=60s"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void pythonClientForwardsThreePorts()
    {
        const QJsonObject o = python(QStringLiteral("minimal"));
        QVERIFY2(!o.isEmpty(), "the Python client failed");
        QCOMPARE(o.value("status").toString(), QStringLiteral("HTTP/1.1 200 OK"));
        QVERIFY2(o.value("body").toString().contains(
                     "Hello from default/web on port 80 (GET /judge HTTP/1.1)"),
                 qPrintable(o.value("body").toString()));
        QCOMPARE(o.value("echo").toString(), QStringLiteral("ping over the forward"));
        // Port 7001: nothing listens; its socket ends and the error channel says why.
        QCOMPARE(o.value("closedRead").toString(), QString());
        const QString error = o.value("error").toString();
        QVERIFY2(error.startsWith("error forwarding port 7001 to pod web, uid "),
                 qPrintable(error));
        QVERIFY2(error.contains("connect: connection refused"), qPrintable(error));
        QVERIFY(o.value("httpError").isNull());
    }

    // kubectl port-forward pod/web :80 :7000 :7001 (kubectl picks the local ports).
    void kubectlForwardsThreePorts_data()
    {
        QTest::addColumn<QString>("binary");
        QTest::newRow("kubectl") << QStandardPaths::findExecutable("kubectl");
        QTest::newRow("1.31") << "/usr/lib/google-cloud-sdk/bin/kubectl.1.31";
        QTest::newRow("1.33") << "/usr/lib/google-cloud-sdk/bin/kubectl.1.33";
    }

    void kubectlForwardsThreePorts()
    {
        QFETCH(QString, binary);
        if (!QFileInfo::exists(binary))
            QSKIP("this kubectl release is not installed");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.remove(QStringLiteral("KUBECONFIG"));
        QProcess kubectl;
        kubectl.setProcessEnvironment(env);
        kubectl.start(binary, {"--kubeconfig", m_kubeconfig, "port-forward", "pod/web", ":80",
                               ":7000", ":7001"});
        QVERIFY(kubectl.waitForStarted());
        QByteArray out;
        QByteArray err;
        QMap<int, quint16> local; // remote → local
        const QRegularExpression line(QStringLiteral("Forwarding from 127.0.0.1:(\\d+) -> (\\d+)"));
        QElapsedTimer timer;
        timer.start();
        while (local.size() < 3 && timer.elapsed() < 30000
               && kubectl.state() == QProcess::Running) {
            kubectl.waitForReadyRead(200);
            out += kubectl.readAllStandardOutput();
            err += kubectl.readAllStandardError();
            for (const auto &m : line.globalMatch(QString::fromUtf8(out)))
                local[m.captured(2).toInt()] = quint16(m.captured(1).toUInt());
        }
        QVERIFY2(local.size() == 3, (out + err).constData());

        auto exchange = [&](int remote, const QByteArray &send, const QByteArray &until) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, local.value(remote));
            if (!socket.waitForConnected(5000))
                return QByteArray("<no connection>");
            socket.write(send);
            QByteArray got;
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < 20000 && (until.isEmpty() || !got.contains(until))
                   && socket.state() == QAbstractSocket::ConnectedState) {
                socket.waitForReadyRead(200);
                got += socket.readAll();
            }
            got += socket.readAll();
            return got;
        };
        const QByteArray http = exchange(80, "GET /kubectl HTTP/1.1\r\nHost: web\r\n\r\n", "</p>");
        QVERIFY2(http.startsWith("HTTP/1.1 200 OK"), http.constData());
        QVERIFY(http.contains("Hello from default/web on port 80 (GET /kubectl HTTP/1.1)"));
        QCOMPARE(exchange(7000, "echo through kubectl", "kubectl"),
                 QByteArray("echo through kubectl"));
        QCOMPARE(exchange(7001, "anyone?", {}), QByteArray());
        // kubectl says why: the kubelet's words from the error stream.
        timer.restart();
        while (!err.contains("connection refused") && timer.elapsed() < 10000) {
            kubectl.waitForReadyRead(200);
            out += kubectl.readAllStandardOutput();
            err += kubectl.readAllStandardError();
        }
        QVERIFY2(err.contains("error forwarding port 7001 to pod web, uid "), err.constData());
        QVERIFY(out.contains("Handling connection for"));
        kubectl.terminate();
        if (!kubectl.waitForFinished(5000))
            kubectl.kill();
    }

    void viewerIsForbidden()
    {
        const QJsonObject o = python(QStringLiteral("minimal-viewer"));
        QVERIFY2(o.contains("refused"), qPrintable(QJsonDocument(o).toJson()));
        QVERIFY2(o.value("refused").toString().contains("403"),
                 qPrintable(o.value("refused").toString()));
    }
};

QTEST_GUILESS_MAIN(TestPortForward)
#include "tst_portforward.moc"
