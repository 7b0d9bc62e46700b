// SPDX-License-Identifier: GPL-3.0-or-later
// HttpTransport against a loopback cpp-httplib server: methods, bodies and headers on the
// wire, credentials (bearer, basic, 401 → reportUnauthorized → one retry), impersonation,
// streaming, idle and total timeouts, refused connections and cancellation.

#include "connectproxy.h"
#include "testcredentialprovider.h"

#include "kube/curlworker.h"
#include "kube/execcredentialprovider.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <limits>
#include <strings.h>
#include <thread>

using namespace Orrery;

class tst_Transport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    int m_port = 0;
    std::atomic<int> m_requests = 0;
    std::atomic<bool> m_stopStreams = false;

    ClusterConnection connection(std::shared_ptr<CredentialProvider> credentials = {})
    {
        ClusterConnection c;
        c.contextName = QStringLiteral("test");
        c.server = QStringLiteral("http://127.0.0.1:%1").arg(m_port);
        c.credentials
            = credentials
                  ? credentials
                  : std::make_shared<Test::TestCredentialProvider>(QList<QByteArray>{"tok"});
        return c;
    }

    static std::string headerDump(const httplib::Request &req)
    {
        std::string out;
        for (const char *name :
             {"Authorization", "Impersonate-User", "Impersonate-Uid", "Content-Type", "Accept"})
            out += std::string(name) + "=" + req.get_header_value(name) + "\n";
        const auto groups = req.get_header_value_count("Impersonate-Group");
        for (std::size_t i = 0; i < groups; ++i)
            out += "Impersonate-Group=" + req.get_header_value("Impersonate-Group", i) + "\n";
        return out;
    }

    // An exec credential plugin: a shell script in `dir` with this body after the shebang,
    // given $ORRERY_PLUGIN_DIR = dir for its marker files. Empty command if it cannot be written.
    static KubeExecConfig execPlugin(const QTemporaryDir &dir, const QByteArray &body)
    {
        KubeExecConfig exec;
        QFile script(dir.filePath(QStringLiteral("plugin")));
        if (!script.open(QIODevice::WriteOnly))
            return exec;
        script.write("#!/bin/sh\n" + body);
        script.close();
        script.setPermissions(script.permissions() | QFile::ExeOwner);
        exec.command = script.fileName();
        exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
        exec.interactiveMode = QStringLiteral("Never");
        exec.env = {{QStringLiteral("ORRERY_PLUGIN_DIR"), dir.path()}};
        return exec;
    }

    // A provider that runs `exec` as from a non-interactive process.
    static std::shared_ptr<ExecCredentialProvider>
    nonInteractiveProvider(const KubeExecConfig &exec)
    {
        ExecCredentialProvider::Options options;
        options.stdinIsTerminal = false;
        return std::make_shared<ExecCredentialProvider>(exec, nlohmann::json(), options);
    }

    Result<ApiResponse> run(HttpTransport &transport, ApiRequest request)
    {
        std::optional<Result<ApiResponse>> result;
        Qt::HANDLE thread = nullptr;
        transport.send(std::move(request), this, [&](const Result<ApiResponse> &r) {
            result = r;
            thread = QThread::currentThreadId();
        });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
            return Error(Error::Code::Unknown, QStringLiteral("no answer"));
        // Handlers run on the caller's thread.
        if (thread != QThread::currentThreadId())
            return Error(Error::Code::Unknown, QStringLiteral("handler ran on the wrong thread"));
        return *result;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<httplib::Server>();
        auto echo = [this](const httplib::Request &req, httplib::Response &res) {
            ++m_requests;
            res.set_content(req.method + "\n" + headerDump(req) + "body=" + req.body, "text/plain");
        };
        m_server->Get("/echo", echo);
        m_server->Post("/echo", echo);
        m_server->Patch("/echo", echo);
        m_server->Delete("/echo", echo);
        m_server->Put("/echo", echo);
        m_server->Get("/forbidden", [](const httplib::Request &, httplib::Response &res) {
            res.status = 403;
            res.set_content("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                            "\"message\":\"pods is forbidden: User \\\"x\\\" cannot list resource "
                            "\\\"pods\\\"\",\"reason\":\"Forbidden\",\"code\":403}",
                            "application/json");
        });
        m_server->Get("/auth", [this](const httplib::Request &req, httplib::Response &res) {
            ++m_requests;
            if (req.get_header_value("Authorization") != "Bearer fresh") {
                res.status = 401;
                res.set_content("{\"kind\":\"Status\",\"code\":401,\"reason\":\"Unauthorized\","
                                "\"message\":\"Unauthorized\"}",
                                "application/json");
                return;
            }
            res.set_content("ok", "text/plain");
        });
        m_server->Get("/impersonation", [](const httplib::Request &req, httplib::Response &res) {
            // Every Impersonate-* header as received, one line each, sorted.
            std::vector<std::string> lines;
            for (const auto &[name, value] : req.headers) {
                if (name.size() > 12 && strncasecmp(name.c_str(), "Impersonate-", 12) == 0)
                    lines.push_back(name + ": " + value);
            }
            std::sort(lines.begin(), lines.end());
            std::string out;
            for (const std::string &line : lines)
                out += line + "\n";
            res.set_content(out, "text/plain");
        });
        m_server->Get("/ticks", [this](const httplib::Request &, httplib::Response &res) {
            // A line every 50 ms for up to 10 s: a watch that keeps talking.
            auto sent = std::make_shared<int>(0);
            res.set_chunked_content_provider(
                "application/octet-stream", [this, sent](std::size_t, httplib::DataSink &sink) {
                    if (*sent >= 200 || m_stopStreams) {
                        sink.done();
                        return true;
                    }
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                    const std::string line = "tick" + std::to_string((*sent)++) + "\n";
                    return sink.write(line.data(), line.size());
                });
        });
        m_server->Get("/basic", [](const httplib::Request &req, httplib::Response &res) {
            res.set_content(req.get_header_value("Authorization"), "text/plain");
        });
        m_server->Get("/slow", [](const httplib::Request &, httplib::Response &res) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
            res.set_content("late", "text/plain");
        });
        m_server->Get("/stream", [this](const httplib::Request &req, httplib::Response &res) {
            const bool silent = req.has_param("silent");
            auto sent = std::make_shared<int>(0);
            // Not text/plain: cpp-httplib would gzip it and hold the lines in its compressor.
            res.set_chunked_content_provider(
                "application/octet-stream",
                [this, sent, silent](std::size_t, httplib::DataSink &sink) {
                    if (*sent < 3) {
                        const std::string line = "line" + std::to_string(*sent) + "\n";
                        ++*sent;
                        std::this_thread::sleep_for(std::chrono::milliseconds(50));
                        return sink.write(line.data(), line.size());
                    }
                    if (silent) {
                        // Stay open without a byte until the client gives up (or the test ends).
                        for (int i = 0; i < 100 && !m_stopStreams; ++i)
                            std::this_thread::sleep_for(std::chrono::milliseconds(50));
                        return false;
                    }
                    sink.done();
                    return true;
                });
        });
        m_port = m_server->bind_to_any_port("127.0.0.1");
        QVERIFY(m_port > 0);
        m_thread = std::thread([this] { m_server->listen_after_bind(); });
        QTRY_VERIFY(m_server->is_running());
    }

    void cleanupTestCase()
    {
        m_stopStreams = true;
        m_server->stop();
        m_thread.join();
    }

    void methodsBodiesAndHeaders_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("GET") << QByteArray("GET") << QByteArray() << QByteArray();
        QTest::newRow("POST") << QByteArray("POST") << QByteArray("{\"a\":1}")
                              << QByteArray("application/json");
        QTest::newRow("PATCH merge")
            << QByteArray("PATCH") << QByteArray("{\"spec\":{\"replicas\":3}}")
            << QByteArray("application/merge-patch+json");
        QTest::newRow("PUT") << QByteArray("PUT") << QByteArray("x: 1")
                             << QByteArray("application/yaml");
        QTest::newRow("DELETE") << QByteArray("DELETE") << QByteArray() << QByteArray();
    }

    void methodsBodiesAndHeaders()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        ClusterConnection c = connection();
        c.impersonateUser = QStringLiteral("jane");
        c.impersonateGroups = {QStringLiteral("dev"), QStringLiteral("ops")};
        HttpTransport transport(c);
        ApiRequest r;
        r.method = method;
        r.path = QStringLiteral("/echo");
        r.body = body;
        r.contentType = contentType;
        Result<ApiResponse> result = run(transport, r);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result->status, 200);
        const QByteArray text = result->body;
        QVERIFY(text.startsWith(method + "\n"));
        QVERIFY(text.contains("Authorization=Bearer tok\n"));
        QVERIFY(text.contains("Impersonate-User=jane\n"));
        QVERIFY(text.contains("Impersonate-Group=dev\n"));
        QVERIFY(text.contains("Impersonate-Group=ops\n"));
        QVERIFY(text.contains("Accept=application/json\n"));
        if (!contentType.isEmpty())
            QVERIFY(text.contains("Content-Type=" + contentType + "\n"));
        QVERIFY(text.endsWith("body=" + body));
    }

    void impersonateExtraKeyEscaping()
    {
        QCOMPARE(Internal::impersonateExtraKey(QStringLiteral("scopes")), QByteArray("scopes"));
        QCOMPARE(Internal::impersonateExtraKey(QStringLiteral("acme.com/project")),
                 QByteArray("acme.com%2Fproject"));
        QCOMPARE(Internal::impersonateExtraKey(QStringLiteral("100%")), QByteArray("100%25"));
        QCOMPARE(Internal::impersonateExtraKey(QStringLiteral("a b:c")), QByteArray("a%20b%3Ac"));
        QCOMPARE(Internal::impersonateExtraKey(QStringLiteral("ü")), QByteArray("%C3%BC"));
        QCOMPARE(Internal::impersonateExtraKey(QStringLiteral("x!#$&'*+-.^_`|~9")),
                 QByteArray("x!#$&'*+-.^_`|~9"));
    }

    // as, as-uid, as-groups and as-user-extra from a kubeconfig reach the server as exactly
    // these headers: one Impersonate-Group per group, one Impersonate-Extra-<key> per value.
    void impersonationHeadersFromKubeconfig()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("config"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QStringLiteral(
                "apiVersion: v1\nkind: Config\ncurrent-context: c\n"
                "clusters:\n- name: k\n  cluster:\n    server: http://127.0.0.1:%1\n"
                "users:\n- name: u\n  user:\n    token: tok\n    as: jane\n    as-uid: \"1234\"\n"
                "    as-groups: [dev, ops]\n"
                "    as-user-extra:\n      scopes: [view, edit]\n      acme.com/project: "
                "[some-project]\n"
                "      reason%: [\"on call\"]\n"
                "contexts:\n- name: c\n  context:\n    cluster: k\n    user: u\n")
                .arg(m_port)
                .toUtf8());
        file.close();
        const Kubeconfig config = Kubeconfig::loadFiles({path});
        Result<ClusterConnection> c = config.connection(QStringLiteral("c"));
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
        HttpTransport transport(c.value());
        Result<ApiResponse> result
            = run(transport, ApiRequest::get(QStringLiteral("/impersonation")));
        QVERIFY(result.ok());
        QCOMPARE(result->status, 200);
        QCOMPARE(QString::fromUtf8(result->body),
                 QStringLiteral("Impersonate-Extra-acme.com%2Fproject: some-project\n"
                                "Impersonate-Extra-reason%25: on call\n"
                                "Impersonate-Extra-scopes: edit\n"
                                "Impersonate-Extra-scopes: view\n"
                                "Impersonate-Group: dev\n"
                                "Impersonate-Group: ops\n"
                                "Impersonate-Uid: 1234\n"
                                "Impersonate-User: jane\n"));

        // Without impersonation, none of them.
        HttpTransport plain(connection());
        result = run(plain, ApiRequest::get(QStringLiteral("/impersonation")));
        QVERIFY(result.ok());
        QCOMPARE(result->body, QByteArray());
    }

    // An exec plugin that takes seconds must not stall the worker: the cluster's open watch
    // keeps delivering and another cluster's request completes while the plugin runs, and
    // the request that needed the credential is sent once it arrives. Ordering is observed
    // through marker files the plugin writes, not through timing thresholds.
    void slowExecPluginDoesNotBlockTheWorker()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const KubeExecConfig exec = execPlugin(
            dir,
            "d=\"$ORRERY_PLUGIN_DIR\"\n"
            "n=$(cat \"$d/runs\" 2>/dev/null || echo 0); n=$((n+1)); echo $n > \"$d/runs\"\n"
            "if [ $n -ge 2 ]; then touch \"$d/started\"; sleep 2; touch \"$d/finished\"; fi\n"
            "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
            "\"status\":{\"token\":\"run'$n'\"}}'\n");
        QVERIFY(!exec.command.isEmpty());
        auto provider = nonInteractiveProvider(exec);
        const auto running = [&] {
            return QFile::exists(dir.filePath(QStringLiteral("started")))
                   && !QFile::exists(dir.filePath(QStringLiteral("finished")));
        };

        HttpTransport transport(connection(provider));
        HttpTransport other(connection()); // another cluster, static token

        // First run is quick: the watch opens with token run1.
        int ticks = 0;
        int ticksWhilePluginRan = 0;
        std::optional<Result<ApiResponse>> watchDone;
        ApiRequest watch = ApiRequest::get(QStringLiteral("/ticks"));
        watch.timeoutMs = 0;
        const auto watchId = transport.stream(
            watch, this,
            [&](const QByteArray &chunk) {
                ticks += int(chunk.count('\n'));
                if (running())
                    ++ticksWhilePluginRan;
            },
            [&](const Result<ApiResponse> &r) { watchDone = r; });
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 1, 10000);
        QCOMPARE(provider->runCount(), 1);

        // The credential is rejected: the next request of this cluster needs the plugin again.
        Credential used;
        used.bearerToken = "run1";
        provider->reportUnauthorized(used);
        std::optional<Result<ApiResponse>> needsPlugin;
        transport.get(QStringLiteral("/echo"), this,
                      [&](const Result<ApiResponse> &r) { needsPlugin = r; });
        QTRY_VERIFY_WITH_TIMEOUT(running(), 10000);

        // Meanwhile another cluster's request completes, and this cluster's watch goes on.
        std::optional<Result<ApiResponse>> otherResult;
        bool otherWhilePluginRan = false;
        other.get(QStringLiteral("/echo"), this, [&](const Result<ApiResponse> &r) {
            otherResult = r;
            otherWhilePluginRan = running();
        });
        QTRY_VERIFY_WITH_TIMEOUT(otherResult.has_value(), 10000);
        QVERIFY(otherResult->ok());
        QVERIFY(otherWhilePluginRan);

        QTRY_VERIFY_WITH_TIMEOUT(needsPlugin.has_value(), 15000);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("finished"))));
        QVERIFY2(needsPlugin->ok(),
                 qPrintable(needsPlugin->ok() ? QString() : needsPlugin->error().toString()));
        QVERIFY(needsPlugin->value().body.contains("Authorization=Bearer run2\n"));
        QCOMPARE(provider->runCount(), 2);
        QVERIFY2(ticksWhilePluginRan >= 2, qPrintable(QString::number(ticksWhilePluginRan)));
        QVERIFY(!watchDone.has_value());
        transport.cancel(watchId);
    }

    // Requests submitted while the plugin runs wait for it and share its one run; a failing
    // plugin fails each of them with its error.
    void requestsWaitingForAPluginShareItsRun()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const KubeExecConfig exec = execPlugin(
            dir,
            "d=\"$ORRERY_PLUGIN_DIR\"\n"
            "n=$(cat \"$d/runs\" 2>/dev/null || echo 0); n=$((n+1)); echo $n > \"$d/runs\"\n"
            "sleep 1\n"
            "if [ -e \"$d/fail\" ]; then echo 'no login' >&2; exit 3; fi\n"
            "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
            "\"status\":{\"token\":\"shared\"}}'\n");
        QVERIFY(!exec.command.isEmpty());

        for (const bool fail : {false, true}) {
            if (fail) {
                QFile marker(dir.filePath(QStringLiteral("fail")));
                QVERIFY(marker.open(QIODevice::WriteOnly));
            }
            auto provider = nonInteractiveProvider(exec);
            HttpTransport transport(connection(provider));
            std::vector<std::optional<Result<ApiResponse>>> results(3);
            bool cancelledCalled = false;
            for (auto &slot : results)
                transport.get(QStringLiteral("/echo"), this,
                              [&slot](const Result<ApiResponse> &r) { slot = r; });
            const auto cancelled
                = transport.get(QStringLiteral("/echo"), this,
                                [&](const Result<ApiResponse> &) { cancelledCalled = true; });
            transport.worker()->cancel(cancelled);
            QTRY_VERIFY_WITH_TIMEOUT(std::all_of(results.begin(), results.end(),
                                                 [](const auto &r) { return r.has_value(); }),
                                     15000);
            QCOMPARE(provider->runCount(), 1);
            for (const auto &r : results) {
                if (fail) {
                    QVERIFY(!r->ok());
                    QCOMPARE(r->error().code, Error::Code::AuthError);
                } else {
                    QVERIFY(r->ok());
                    QVERIFY(r->value().body.contains("Authorization=Bearer shared\n"));
                }
            }
            QCoreApplication::processEvents();
            QVERIFY(!cancelledCalled);
        }
    }

    // HTTP/2 against tests/support/h2server.py (python3-h2, TLS with ALPN h2 only, a
    // certificate made for the run and verified as the CA): a GET and a streamed watch both
    // negotiate h2, and running side by side they share one TLS connection.
    void http2GetAndWatch()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess server;
        server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        server.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(ORRERY_TEST_DATA "/../support/h2server.py"), dir.path()});
        QVERIFY2(server.waitForStarted(10000),
                 "python3 (Debian's, with python3-h2) is needed: scripts/deps.sh installs it");
        QByteArray line;
        QTRY_VERIFY_WITH_TIMEOUT((line += server.readAllStandardOutput()).contains('\n')
                                     || server.state() == QProcess::NotRunning,
                                 20000);
        QVERIFY2(line.startsWith("PORT "), "h2server.py did not start (is python3-h2 installed?)");
        const int port = line.mid(5).trimmed().toInt();
        QVERIFY(port > 0);
        QFile cert(dir.filePath(QStringLiteral("cert.pem")));
        QVERIFY(cert.open(QIODevice::ReadOnly));

        ClusterConnection c = connection();
        c.server = QStringLiteral("https://127.0.0.1:%1").arg(port);
        c.certificateAuthorityPem = cert.readAll();
        HttpTransport transport(c);

        Result<ApiResponse> version = run(transport, ApiRequest::get(QStringLiteral("/version")));
        QVERIFY2(version.ok(), qPrintable(version.ok() ? QString() : version.error().toString()));
        QCOMPARE(version->status, 200);
        QCOMPARE(version->httpVersion, QByteArray("2"));
        const QJsonObject body = QJsonDocument::fromJson(version->body).object();
        QCOMPARE(body.value(QLatin1String("path")).toString(), QStringLiteral("/version"));
        QCOMPARE(body.value(QLatin1String("authorization")).toString(),
                 QStringLiteral("Bearer tok"));

        QByteArray received;
        int chunks = 0;
        std::optional<Result<ApiResponse>> done;
        ApiRequest watch = ApiRequest::get(QStringLiteral("/watch?watch=true"));
        watch.timeoutMs = 0;
        watch.idleTimeoutMs = 5000;
        transport.stream(
            watch, this,
            [&](const QByteArray &chunk) {
                received += chunk;
                ++chunks;
            },
            [&](const Result<ApiResponse> &r) { done = r; });
        // While the watch streams, another GET multiplexes onto the same connection.
        QTRY_VERIFY_WITH_TIMEOUT(chunks >= 1, 10000);
        Result<ApiResponse> during = run(transport, ApiRequest::get(QStringLiteral("/during")));
        QVERIFY(during.ok());
        QCOMPARE(during->httpVersion, QByteArray("2"));
        QCOMPARE(QJsonDocument::fromJson(during->body)
                     .object()
                     .value(QLatin1String("connections"))
                     .toInt(),
                 1);

        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 10000);
        QVERIFY2(done->ok(), qPrintable(done->ok() ? QString() : done->error().toString()));
        QCOMPARE((*done)->status, 200);
        QCOMPARE((*done)->httpVersion, QByteArray("2"));
        QCOMPARE(received.count('\n'), 3);
        QVERIFY(received.startsWith("{\"type\": \"ADDED\""));
        QVERIFY(chunks >= 2); // streamed as the events came, not in one piece

        server.closeWriteChannel();
        QVERIFY(server.waitForFinished(10000));
    }

    void statusBodyBecomesError()
    {
        HttpTransport transport(connection());
        Result<ApiResponse> result = run(transport, ApiRequest::get(QStringLiteral("/forbidden")));
        QVERIFY(result.ok());
        QCOMPARE(result->status, 403);
        const Error e = result->toError(QStringLiteral("pods"));
        QCOMPARE(e.code, Error::Code::Forbidden);
        QCOMPARE(e.httpStatus, 403);
        QVERIFY(e.message.startsWith(QLatin1String("pods is forbidden")));
        QVERIFY(!e.hint.isEmpty());
    }

    void unauthorizedRetriesOnceWithFreshCredential()
    {
        auto creds
            = std::make_shared<Test::TestCredentialProvider>(QList<QByteArray>{"stale", "fresh"});
        HttpTransport transport(connection(creds));
        m_requests = 0;
        Result<ApiResponse> result = run(transport, ApiRequest::get(QStringLiteral("/auth")));
        QVERIFY(result.ok());
        QCOMPARE(result->status, 200);
        QCOMPARE(m_requests.load(), 2);
        QCOMPARE(creds->unauthorizedReports(), 1);
    }

    void unauthorizedTwiceGivesUp()
    {
        auto creds = std::make_shared<Test::TestCredentialProvider>(
            QList<QByteArray>{"bad", "worse", "fresh"});
        HttpTransport transport(connection(creds));
        m_requests = 0;
        Result<ApiResponse> result = run(transport, ApiRequest::get(QStringLiteral("/auth")));
        QVERIFY(result.ok());
        QCOMPARE(result->status, 401);
        QCOMPARE(result->toError().code, Error::Code::AuthError);
        QCOMPARE(m_requests.load(), 2); // one retry, not a loop
        QCOMPARE(creds->unauthorizedReports(), 1);
    }

    void credentialFailureSkipsTheRequest()
    {
        auto creds = std::make_shared<Test::TestCredentialProvider>();
        creds->failWith(Error(Error::Code::AuthError, QStringLiteral("exec plugin failed")));
        HttpTransport transport(connection(creds));
        m_requests = 0;
        Result<ApiResponse> result = run(transport, ApiRequest::get(QStringLiteral("/echo")));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::AuthError);
        QCOMPARE(m_requests.load(), 0);
    }

    void basicAuth()
    {
        class Basic : public CredentialProvider
        {
        public:
            Result<Credential> credential() override
            {
                Credential c;
                c.username = QStringLiteral("admin");
                c.password = QStringLiteral("pa:ss");
                return c;
            }
            void reportUnauthorized(const Credential &) override {}
            QString authKind() const override { return QStringLiteral("basic"); }
        };
        HttpTransport transport(connection(std::make_shared<Basic>()));
        Result<ApiResponse> result = run(transport, ApiRequest::get(QStringLiteral("/basic")));
        QVERIFY(result.ok());
        QCOMPARE(result->body, "Basic " + QByteArray("admin:pa:ss").toBase64());
    }

    void streamDeliversChunksInOrder()
    {
        HttpTransport transport(connection());
        QByteArray received;
        int chunksBeforeFinish = -1;
        int chunks = 0;
        std::optional<Result<ApiResponse>> done;
        ApiRequest r = ApiRequest::get(QStringLiteral("/stream"));
        r.timeoutMs = 0;
        transport.stream(
            r, this,
            [&](const QByteArray &chunk) {
                received += chunk;
                ++chunks;
            },
            [&](const Result<ApiResponse> &res) {
                done = res;
                chunksBeforeFinish = chunks;
            });
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 10000);
        QVERIFY(done->ok());
        QCOMPARE((*done)->status, 200);
        QVERIFY((*done)->body.isEmpty()); // streamed, not collected
        QCOMPARE(received, QByteArray("line0\nline1\nline2\n"));
        QVERIFY(chunksBeforeFinish >= 1);
    }

    void silentStreamTimesOut()
    {
        HttpTransport transport(connection());
        QByteArray received;
        std::optional<Result<ApiResponse>> done;
        ApiRequest r = ApiRequest::get(QStringLiteral("/stream?silent=1"));
        r.timeoutMs = 0;
        r.idleTimeoutMs = 400;
        transport.stream(
            r, this, [&](const QByteArray &chunk) { received += chunk; },
            [&](const Result<ApiResponse> &res) { done = res; });
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 10000);
        QVERIFY(!done->ok());
        QCOMPARE(done->error().code, Error::Code::Timeout);
        QCOMPARE(received, QByteArray("line0\nline1\nline2\n"));
    }

    void totalTimeout()
    {
        HttpTransport transport(connection());
        ApiRequest r = ApiRequest::get(QStringLiteral("/slow"));
        r.timeoutMs = 300;
        Result<ApiResponse> result = run(transport, r);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::Timeout);
    }

    void connectionRefused()
    {
        // A port that was free a moment ago and has no listener now.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof(addr);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)), 0);
        QCOMPARE(::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len), 0);
        const int port = ntohs(addr.sin_port);
        ::close(fd);
        ClusterConnection c = connection();
        c.server = QStringLiteral("http://127.0.0.1:%1").arg(port);
        HttpTransport transport(c);
        Result<ApiResponse> result = run(transport, ApiRequest::get(QStringLiteral("/echo")));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::Network);
        QVERIFY(result.error().message.contains(QLatin1String("refused")));
    }

    void proxyUrlRoutesThroughTheProxy_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::newRow("http CONNECT") << QStringLiteral("http");
        QTest::newRow("socks5") << QStringLiteral("socks5");
    }

    void proxyUrlRoutesThroughTheProxy()
    {
        QFETCH(QString, scheme);
        Test::ConnectProxy proxy;
        QVERIFY(proxy.start());
        ClusterConnection c = connection();
        c.proxyUrl = QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(proxy.port());
        HttpTransport transport(c);
        m_requests = 0;
        Result<ApiResponse> result = run(transport, ApiRequest::get(QStringLiteral("/echo")));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result->status, 200);
        QVERIFY(result->body.startsWith("GET\n"));
        QVERIFY(result->body.contains("Authorization=Bearer tok\n"));
        QCOMPARE(m_requests.load(), 1);
        QCOMPARE(proxy.connections(), 1);
        QCOMPARE(proxy.targets().front(), "127.0.0.1:" + std::to_string(m_port));

        // A stream goes through the proxy too (on the kept-alive tunnel or a new one).
        QByteArray received;
        std::optional<Result<ApiResponse>> done;
        ApiRequest r = ApiRequest::get(QStringLiteral("/stream"));
        r.timeoutMs = 0;
        transport.stream(
            r, this, [&](const QByteArray &chunk) { received += chunk; },
            [&](const Result<ApiResponse> &res) { done = res; });
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 10000);
        QVERIFY(done->ok());
        QCOMPARE(received, QByteArray("line0\nline1\nline2\n"));
        QVERIFY(proxy.connections() >= 1);
        QCOMPARE(m_requests.load(), 1); // the stream route does not count; the proxy saw it
        for (const std::string &target : proxy.targets())
            QCOMPARE(target, "127.0.0.1:" + std::to_string(m_port));
    }

    void unreachableProxyIsNamed()
    {
        // A port that was free a moment ago and has no listener now.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof(addr);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)), 0);
        QCOMPARE(::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len), 0);
        const int port = ntohs(addr.sin_port);
        ::close(fd);
        ClusterConnection c = connection();
        c.clusterName = QStringLiteral("prod");
        c.proxyUrl = QStringLiteral("http://user:secret@127.0.0.1:%1").arg(port);
        HttpTransport transport(c);
        m_requests = 0;
        Result<ApiResponse> result = run(transport, ApiRequest::get(QStringLiteral("/echo")));
        QVERIFY(!result.ok());
        QCOMPARE(m_requests.load(), 0);
        const Error &e = result.error();
        QCOMPARE(e.code, Error::Code::Network);
        QVERIFY2(e.message.contains(QStringLiteral("proxy http://127.0.0.1:%1").arg(port)),
                 qPrintable(e.message));
        QVERIFY(e.hint.contains(QLatin1String("proxy-url")));
        QVERIFY(e.hint.contains(QLatin1String("prod")));
        QVERIFY(!e.toString().contains(QLatin1String("secret")));
    }

    void scheduledTasksNeverRunEarly()
    {
        // A timer is a floor (an informer waits out a Retry-After with one): it never runs
        // before its delay, also when it is set part-way through a millisecond. Timers kept
        // in whole milliseconds ran up to 1 ms early.
        HttpTransport transport(connection());
        Internal::CurlWorker *worker = transport.worker();
        constexpr int runs = 40;
        constexpr qint64 delayNs = 5 * 1000 * 1000;
        std::atomic<int> done = 0;
        std::atomic<int> early = 0;
        std::atomic<qint64> shortestNs = std::numeric_limits<qint64>::max();
        for (int i = 0; i < runs; ++i) {
            // Start each timer at another point of a millisecond.
            QElapsedTimer spin;
            spin.start();
            const qint64 offsetNs = QRandomGenerator::global()->bounded(1000) * 1000;
            while (spin.nsecsElapsed() < offsetNs) {
            }
            worker->post([&, worker] {
                QElapsedTimer since;
                since.start();
                worker->schedule(int(delayNs / 1000000), [&, since] {
                    const qint64 ns = since.nsecsElapsed();
                    if (ns < delayNs)
                        ++early;
                    qint64 shortest = shortestNs;
                    while (ns < shortest && !shortestNs.compare_exchange_weak(shortest, ns)) {
                    }
                    ++done;
                });
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done.load(), runs, 10000);
        QVERIFY2(early == 0, qPrintable(QStringLiteral("%1 of %2 timers ran early (shortest %3 us)")
                                            .arg(early.load())
                                            .arg(runs)
                                            .arg(shortestNs.load() / 1000)));
    }

    void cancelledRequestsStaySilent()
    {
        HttpTransport transport(connection());
        bool called = false;
        const auto id = transport.get(QStringLiteral("/slow"), this,
                                      [&](const Result<ApiResponse> &) { called = true; });
        transport.cancel(id);
        // Other requests still work, and the cancelled one never answers.
        Result<ApiResponse> other = run(transport, ApiRequest::get(QStringLiteral("/echo")));
        QVERIFY(other.ok());
        QTest::qWait(1700);
        QVERIFY(!called);
    }

    void contextDestroyedDropsCallback()
    {
        HttpTransport transport(connection());
        bool called = false;
        auto *context = new QObject;
        transport.get(QStringLiteral("/slow"), context,
                      [&](const Result<ApiResponse> &) { called = true; });
        delete context;
        Result<ApiResponse> other = run(transport, ApiRequest::get(QStringLiteral("/slow")));
        QVERIFY(other.ok());
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(tst_Transport)
#include "tst_transport.moc"
