// SPDX-License-Identifier: GPL-3.0-or-later
// orrery --doctor: for each context (or the one given), checks credentials, reachability,
// server version, permissions and a full sync of every kind the store keeps, then prints a
// report (text, or JSON with --json). Exits non-zero when a checked context is unusable.

#include "commands.h"

#include "kube/accessreview.h"
#include "kube/clustersession.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "kube/resourcestore.h"
#include "util/async.h"
#include "util/certificateinfo.h"
#include "util/jsonread.h"
#include "util/redaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>

namespace Orrery::App {

namespace {

// Gives lupdate a context ("Doctor") for the free functions below.
class Doctor
{
    Q_DECLARE_TR_FUNCTIONS(Doctor)
};

struct Check
{
    QString name;  // "credentials", "reachability", "permissions", "sync" (stable, for JSON)
    QString label; // translated
    bool ok = false;
    bool warning = false; // passed, with something to look at
    QString detail;
};

struct KindReport
{
    Kind kind;
    int objects = 0;
    qint64 listMs = 0;
    qint64 decodeMs = 0;
    WatchHealth::State state = WatchHealth::State::Syncing;
    QString apiVersion;
    std::optional<Error> error;
};

struct ContextReport
{
    QString name;
    QString server;
    bool usable = false;
    QString reason;
    QString fix;
    QList<Check> checks;
    QList<KindReport> kinds;
    qint64 syncMs = 0;
    int totalObjects = 0;
    QString serverVersion;
};

// Runs `start(done)` and spins a local event loop until done() is called or `timeoutMs`
// passes; the worker threads do the I/O, this only waits.
bool waitFor(const std::function<void(std::function<void()>)> &start, int timeoutMs)
{
    QEventLoop loop;
    bool finished = false;
    start([&] {
        finished = true;
        loop.quit();
    });
    if (!finished) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return finished;
}

// The kinds whose permissions matter most to the UI (tables, topology, scale/rollout).
const QList<Kind> s_reviewedKinds
    = {Kind::Pod,       Kind::Deployment, Kind::ReplicaSet, Kind::StatefulSet,
       Kind::DaemonSet, Kind::Service,    Kind::Ingress,    Kind::HorizontalPodAutoscaler,
       Kind::Event};

ContextReport checkContext(const Kubeconfig &config, const QString &contextName, int syncTimeoutMs)
{
    ContextReport report;
    report.name = contextName;

    Result<ClusterConnection> connection = config.connection(contextName);
    if (!connection.ok()) {
        report.reason = connection.error().toString();
        report.fix = connection.error().hint.isEmpty()
                         ? Doctor::tr("fix the context's entries in the kubeconfig")
                         : connection.error().hint;
        report.checks.append(
            {QStringLiteral("kubeconfig"), Doctor::tr("kubeconfig"), false, false, report.reason});
        return report;
    }
    report.server = connection->server;
    report.checks.append({QStringLiteral("kubeconfig"), Doctor::tr("kubeconfig"), true,
                          !connection->warnings.isEmpty(),
                          connection->warnings.join(QStringLiteral("; "))});

    // 1. Credentials, off the main thread: an exec plugin may take seconds.
    {
        Check check{QStringLiteral("credentials"), Doctor::tr("credentials"), false, false, {}};
        std::optional<Result<Credential>> credential;
        auto provider = connection->credentials;
        if (!provider) {
            check.ok = true;
            check.detail = Doctor::tr("none");
        } else {
            QFuture<Result<Credential>> fetch
                = Async::run([provider] { return provider->credential(); });
            QObject waiting; // the guard of the wake-up below
            waitFor(
                [&](std::function<void()> done) {
                    Async::onFinished(fetch, &waiting, [done](const auto &) { done(); });
                },
                120000);
            // Past the two minutes, as before: the plugin's own timeout ends it.
            fetch.waitForFinished();
            if (fetch.resultCount() > 0)
                credential = fetch.result();
            if (!credential || !credential->ok()) {
                const Error e = credential
                                    ? credential->error()
                                    : Error(Error::Code::Timeout,
                                            Doctor::tr("the credential provider did not answer"));
                check.detail = e.toString();
                report.checks.append(check);
                report.reason = Doctor::tr("credentials: %1").arg(e.message);
                report.fix = e.hint.isEmpty() ? Doctor::tr("log in again or repair the user entry")
                                              : e.hint;
                return report;
            }
            check.ok = true;
            QStringList details{provider->authKind()};
            const Credential &c = credential->value();
            if (!c.clientCertPem.isEmpty()) {
                Result<CertificateInfo> cert = CertificateInfo::fromPem(c.clientCertPem);
                if (!cert.ok()) {
                    check.ok = false;
                    report.reason = Doctor::tr("the client certificate cannot be read");
                    report.fix
                        = Doctor::tr("replace client-certificate-data with a PEM certificate");
                } else if (cert->isExpired()) {
                    check.ok = false;
                    report.reason = Doctor::tr("the client certificate expired on %1")
                                        .arg(cert->notAfter.toString(Qt::ISODate));
                    report.fix = Doctor::tr("get a new certificate from the cluster administrator");
                } else {
                    const qint64 days = QDateTime::currentDateTimeUtc().daysTo(cert->notAfter);
                    details << Doctor::tr("certificate %1, expires %2 (in %3 days)")
                                   .arg(cert->subject, cert->notAfter.toString(Qt::ISODate))
                                   .arg(days);
                    check.warning = days < 14;
                }
            }
            if (c.expiry.isValid())
                details << Doctor::tr("token expires %1").arg(c.expiry.toString(Qt::ISODate));
            check.detail = details.join(QStringLiteral(", "));
        }
        report.checks.append(check);
        if (!check.ok)
            return report;
    }

    // 2. Reachability and server version.
    HttpTransport transport(connection.value());
    {
        Check check{QStringLiteral("reachability"), Doctor::tr("reachability"), false, false, {}};
        std::optional<Result<ApiResponse>> answer;
        QElapsedTimer timer;
        timer.start();
        QObject context;
        waitFor(
            [&](std::function<void()> done) {
                ApiRequest r = ApiRequest::get(QStringLiteral("/version"));
                r.timeoutMs = 15000;
                transport.send(r, &context, [&, done](const Result<ApiResponse> &res) {
                    answer = res;
                    done();
                });
            },
            20000);
        const qint64 ms = timer.elapsed();
        if (!answer || !answer->ok()) {
            const Error e
                = answer ? answer->error() : Error(Error::Code::Timeout, Doctor::tr("no answer"));
            check.detail = e.toString();
            report.checks.append(check);
            // A certificate mismatch is not a reachability problem: the server answered.
            report.reason
                = e.code == Error::Code::Tls
                      ? Doctor::tr("%1 answered, but TLS verification failed: %2")
                            .arg(report.server, e.message)
                      : Doctor::tr("%1 is not reachable: %2").arg(report.server, e.message);
            report.fix = e.hint.isEmpty()
                             ? Doctor::tr("check the server URL, VPN and proxy settings")
                             : e.hint;
            return report;
        }
        if ((*answer)->status == 401) {
            check.detail = Doctor::tr("HTTP 401");
            report.checks.append(check);
            report.reason = Doctor::tr("the server rejected the credentials (401)");
            report.fix = Doctor::tr("log in again, or refresh the token or certificate");
            return report;
        }
        report.serverVersion = JsonRead::string(JsonRead::parse((*answer)->body), "gitVersion");
        check.ok = true;
        check.detail = Doctor::tr("%1, HTTP/%2, %3 ms")
                           .arg(report.serverVersion.isEmpty() ? Doctor::tr("unknown version")
                                                               : report.serverVersion,
                                QString::fromLatin1((*answer)->httpVersion))
                           .arg(ms);
        report.checks.append(check);
    }

    // 3. Permissions: list, watch and patch on the main kinds, all namespaces.
    {
        Check check{QStringLiteral("permissions"), Doctor::tr("permissions"), true, false, {}};
        QList<AccessCheck> checks;
        for (Kind kind : s_reviewedKinds)
            for (const char *verb : {"list", "watch", "patch"}) {
                AccessCheck access;
                access.verb = QString::fromLatin1(verb);
                access.group = QString::fromLatin1(kindInfo(kind).group);
                access.resource = QString::fromLatin1(kindInfo(kind).resource);
                checks.append(access);
            }
        QList<AccessResult> results;
        QObject context;
        const bool answered = waitFor(
            [&](std::function<void()> done) {
                AccessReview::run(&transport, checks, &context,
                                  [&, done](const QList<AccessResult> &r) {
                                      results = r;
                                      done();
                                  });
            },
            30000);
        QStringList denied;
        int unknown = 0;
        for (const AccessResult &r : std::as_const(results)) {
            if (r.error)
                ++unknown;
            else if (!r.allowed)
                denied << r.check.verb + QLatin1Char(' ') + r.check.resource;
        }
        if (!answered || unknown == results.size()) {
            check.warning = true;
            check.detail = Doctor::tr("SelfSubjectAccessReview is not available; permissions are "
                                      "shown by the sync below");
        } else if (!denied.isEmpty()) {
            check.warning = true;
            check.detail = Doctor::tr("denied: %1").arg(denied.join(QStringLiteral(", ")));
        } else {
            check.detail = Doctor::tr("list, watch and patch allowed on %1 kinds")
                               .arg(s_reviewedKinds.size());
        }
        report.checks.append(check);
    }

    // 4. A full sync of every kind, exactly as the application does it.
    {
        Check check{QStringLiteral("sync"), Doctor::tr("sync"), false, false, {}};
        ClusterSession session(connection.value());
        QElapsedTimer timer;
        timer.start();
        std::optional<Error> discoveryError;
        const bool synced = waitFor(
            [&](std::function<void()> done) {
                QObject::connect(&session, &ClusterSession::synced, &session, [done] { done(); });
                QObject::connect(&session, &ClusterSession::discoveryFailed, &session,
                                 [&, done](const Error &e) {
                                     discoveryError = e;
                                     done();
                                 });
                session.start();
            },
            syncTimeoutMs);
        report.syncMs = timer.elapsed();
        session.store()->flush();
        if (discoveryError) {
            check.detail = discoveryError->toString();
            report.checks.append(check);
            report.reason = Doctor::tr("API discovery failed: %1").arg(discoveryError->message);
            report.fix = discoveryError->hint.isEmpty()
                             ? Doctor::tr("check that the server is a Kubernetes API server")
                             : discoveryError->hint;
            return report;
        }
        int failed = 0;
        for (const WatchHealth &h : session.health()) {
            KindReport k;
            k.kind = h.kind;
            k.objects = session.store()->count(h.kind);
            k.listMs = h.lastListMs;
            k.decodeMs = h.lastDecodeMs;
            k.state = h.state;
            k.apiVersion = h.apiVersion;
            if (h.state == WatchHealth::State::Error || !h.lastSyncTime.isValid()) {
                k.error = h.lastError;
                ++failed;
            }
            report.totalObjects += k.objects;
            report.kinds.append(k);
        }
        check.ok = synced && failed < report.kinds.size();
        check.warning = failed > 0 || !session.discovery().warnings.isEmpty();
        check.detail = Doctor::tr("%1 objects of %2 kinds in %3 ms")
                           .arg(report.totalObjects)
                           .arg(report.kinds.size() - failed)
                           .arg(report.syncMs);
        if (failed > 0)
            check.detail += Doctor::tr("; %1 kinds not synced").arg(failed);
        if (!synced)
            check.detail += Doctor::tr("; timed out");
        for (const QString &w : session.discovery().warnings)
            check.detail += QStringLiteral("; ") + w;
        report.checks.append(check);
        if (!check.ok) {
            report.reason = synced ? Doctor::tr("no kind could be listed")
                                   : Doctor::tr("the sync did not finish in time");
            report.fix = Doctor::tr(
                "check RBAC permissions (kubectl auth can-i list pods -A) and the network");
            return report;
        }
    }
    report.usable = true;
    return report;
}

nlohmann::json toJson(const ContextReport &r)
{
    nlohmann::json j = {{"context", r.name.toStdString()},
                        {"server", r.server.toStdString()},
                        {"usable", r.usable},
                        {"serverVersion", r.serverVersion.toStdString()},
                        {"syncMs", r.syncMs},
                        {"objects", r.totalObjects}};
    if (!r.usable) {
        j["reason"] = r.reason.toStdString();
        j["fix"] = r.fix.toStdString();
    }
    nlohmann::json checks = nlohmann::json::array();
    for (const Check &c : r.checks)
        checks.push_back({{"name", c.name.toStdString()},
                          {"ok", c.ok},
                          {"warning", c.warning},
                          {"detail", c.detail.toStdString()}});
    j["checks"] = checks;
    nlohmann::json kinds = nlohmann::json::array();
    for (const KindReport &k : r.kinds) {
        nlohmann::json kj = {{"kind", kindInfo(k.kind).name},
                             {"apiVersion", k.apiVersion.toStdString()},
                             {"objects", k.objects},
                             {"listMs", k.listMs},
                             {"decodeMs", k.decodeMs},
                             {"state", WatchHealth::stateName(k.state).toStdString()}};
        if (k.error)
            kj["error"] = {{"code", int(k.error->code)},
                           {"httpStatus", k.error->httpStatus},
                           {"message", k.error->message.toStdString()}};
        kinds.push_back(kj);
    }
    j["kinds"] = kinds;
    return j;
}

void printText(QTextStream &out, const ContextReport &r)
{
    out << Doctor::tr("Context \"%1\"").arg(r.name);
    if (!r.server.isEmpty())
        out << "  " << r.server;
    out << '\n';
    for (const Check &c : r.checks) {
        const QString mark = !c.ok       ? Doctor::tr("FAIL")
                             : c.warning ? Doctor::tr("WARN")
                                         : Doctor::tr("ok");
        out << QStringLiteral("  %1 %2 %3\n").arg(c.label, -14).arg(mark, -5).arg(c.detail);
    }
    if (!r.kinds.isEmpty()) {
        out << QStringLiteral("    %1 %2 %3 %4 %5\n")
                   .arg(Doctor::tr("KIND"), -26)
                   .arg(Doctor::tr("OBJECTS"), 8)
                   .arg(Doctor::tr("LIST ms"), 8)
                   .arg(Doctor::tr("DECODE ms"), 10)
                   .arg(Doctor::tr("STATE"));
        for (const KindReport &k : r.kinds) {
            QString state = WatchHealth::stateName(k.state);
            if (k.error)
                state += QStringLiteral(": ") + k.error->message;
            out << QStringLiteral("    %1 %2 %3 %4 %5\n")
                       .arg(QString::fromLatin1(kindInfo(k.kind).name), -26)
                       .arg(k.objects, 8)
                       .arg(k.listMs, 8)
                       .arg(k.decodeMs, 10)
                       .arg(state);
        }
    }
    if (r.usable)
        out << Doctor::tr("  => usable") << '\n';
    else
        out << Doctor::tr("  => UNUSABLE: %1\n     fix: %2").arg(r.reason, r.fix) << '\n';
    out << '\n';
}

} // namespace

int runDoctor(const QCommandLineParser &parser)
{
    const Kubeconfig config = Kubeconfig::load(parser.value(QStringLiteral("kubeconfig")));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const bool json = parser.isSet(QStringLiteral("json"));

    QStringList contexts;
    if (parser.isSet(QStringLiteral("context")))
        contexts << parser.value(QStringLiteral("context"));
    else
        contexts = config.contextNames();
    // A kubeconfig that fails to parse is named first (file, line, entry): the contexts of
    // the other files are still checked, but nobody should wonder where a context went.
    const QList<Error> problems = config.errors();
    if (!problems.isEmpty() && !json) {
        err << Doctor::tr("orrery: the kubeconfig has errors; these entries were not loaded:")
            << '\n';
        for (const Error &e : problems)
            err << "  " << Redaction::stripUrlCredentials(e.toString()) << '\n';
        err.flush();
    }
    if (contexts.isEmpty()) {
        if (json) {
            out << QString::fromStdString(JsonRead::dump(
                nlohmann::json{{"contexts", nlohmann::json::array()},
                               {"kubeconfigErrors", config.listContextsJson()["errors"]},
                               {"ok", false}},
                2))
                << '\n';
            out.flush();
        }
        if (problems.isEmpty())
            err << Doctor::tr("orrery: no contexts found (tried: %1)")
                       .arg(Kubeconfig::precedence(parser.value(QStringLiteral("kubeconfig")))
                                .join(QStringLiteral(", ")))
                << '\n';
        else
            err << Doctor::tr("orrery: no usable context: fix the errors above") << '\n';
        return 1;
    }

    bool allUsable = true;
    nlohmann::json reports = nlohmann::json::array();
    for (const QString &name : std::as_const(contexts)) {
        const ContextReport report = checkContext(config, name, 180000);
        allUsable = allUsable && report.usable;
        if (json) {
            reports.push_back(toJson(report));
        } else {
            // Everything printed goes through the redaction rule: a server or proxy URL
            // with a user:password, or an error quoting one, is printed without it.
            QString text;
            QTextStream buffer(&text);
            printText(buffer, report);
            buffer.flush();
            out << Redaction::stripUrlCredentials(text);
            out.flush();
        }
    }
    if (json)
        out << Redaction::stripUrlCredentials(QString::fromStdString(
            JsonRead::dump(nlohmann::json{{"contexts", reports},
                                          {"kubeconfigErrors", config.listContextsJson()["errors"]},
                                          {"ok", allUsable}},
                           2)))
            << '\n';
    out.flush();
    return allUsable ? 0 : 1;
}

} // namespace Orrery::App
