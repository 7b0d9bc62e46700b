// SPDX-License-Identifier: GPL-3.0-or-later
// orrery --port-forward CONTEXT/NAMESPACE/POD [LOCAL:]REMOTE [--kubeconfig F]: what
// `kubectl port-forward pod/POD LOCAL:REMOTE` does, through the same audited operation as the
// window's "Port forward…" (PortForwardOperation: the pod read, kubectl's refusals, the access
// check, the audit record): prints "Forwarding from 127.0.0.1:LOCAL -> REMOTE" and
// "Handling connection for LOCAL" per connection, and forwards until SIGINT or SIGTERM
// (exit 0). Exit 1: refused or lost before listening (why, in words); 2: usage or kubeconfig.

#include "commands.h"
#include "headlesswait.h"

#include "audit/auditlog.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "operations/clusterwriteexecutor.h"
#include "operations/streamoperations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <memory>
#include <optional>

namespace Orrery::App {

namespace {

class PortForward
{
    Q_DECLARE_TR_FUNCTIONS(PortForward)
};

std::atomic<bool> s_interrupted{false};

extern "C" void onInterrupt(int)
{
    s_interrupted = true;
}

} // namespace

int runPortForward(const QCommandLineParser &parser)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList target = parser.value(QStringLiteral("port-forward")).split(QLatin1Char('/'));
    const QStringList positional = parser.positionalArguments();
    const QStringList ports = positional.value(0).split(QLatin1Char(':'));
    bool localOk = true;
    bool remoteOk = false;
    const int remote = ports.last().toInt(&remoteOk);
    const int local = ports.size() == 2
                          ? (ports.first().isEmpty() ? 0 : ports.first().toInt(&localOk))
                          : remote;
    if (target.size() != 3 || target.contains(QString()) || positional.size() != 1
        || ports.size() > 2 || !remoteOk || !localOk || remote < 1 || remote > 65535 || local < 0
        || local > 65535) {
        err << PortForward::tr("usage: orrery --port-forward CONTEXT/NAMESPACE/POD "
                               "[LOCAL:]REMOTE [--kubeconfig FILE]  (LOCAL 0 or empty: any "
                               "free port)")
            << '\n';
        return ExitUsage;
    }
    const QString context = target.at(0);
    const Kubeconfig config = Kubeconfig::load(parser.value(QStringLiteral("kubeconfig")));
    Result<ClusterConnection> connection = config.connection(context);
    if (!connection) {
        err << PortForward::tr("orrery: context \"%1\": %2")
                   .arg(context, connection.error().toString())
            << '\n';
        return ExitUsage;
    }
    HttpTransport transport(std::move(*connection));
    AuditLog audit(AuditLog::defaultDirectory());
    QObject::connect(&audit, &AuditLog::writeFailed, &audit, [&err](const QString &message) {
        err << PortForward::tr("orrery: %1").arg(message) << '\n';
        err.flush();
    });
    ClusterWriteExecutor writer(&transport, &audit);

    QEventLoop loop;
    PortForwardOperation op(&transport, target.at(1), target.at(2));
    std::optional<Result<void>> fetched;
    op.fetch([&](const Result<void> &r) {
        fetched = r;
        loop.quit();
    });
    if (!waitUntil([&] { return fetched.has_value(); }, loop) || !fetched->ok()) {
        err << PortForward::tr("orrery: %1")
                   .arg(fetched ? fetched->error().toString()
                                : PortForward::tr("the API server did not answer"))
            << '\n';
        return ExitFailed;
    }
    op.setRemotePort(remote);
    op.setLocalPort(local);
    std::optional<bool> finished;
    QObject::connect(&op, &ClusterOperation::finished, &loop, [&](bool ok) {
        finished = ok;
        loop.quit();
    });
    op.run(&writer);
    if (!waitUntil([&] { return finished.has_value(); }, loop) || !*finished) {
        const QString why = op.report().explanation.isEmpty() ? op.report().lines.join(' ')
                                                              : op.report().explanation;
        err << PortForward::tr("orrery: %1").arg(why.isEmpty() ? op.failureTitle() : why) << '\n';
        return ExitFailed;
    }
    std::unique_ptr<QObject> stream = op.takeStream();
    auto *session = qobject_cast<PortForwardSession *>(stream.get());
    if (!session)
        return ExitFailed;
    const quint16 localPort = session->localPort();
    out << PortForward::tr("Forwarding from 127.0.0.1:%1 -> %2").arg(localPort).arg(remote)
        << Qt::endl;
    int seen = 0;
    QObject::connect(session, &PortForwardSession::connectionsChanged, &loop, [&](int, int total) {
        for (; seen < total; ++seen)
            out << PortForward::tr("Handling connection for %1").arg(localPort) << Qt::endl;
    });
    QObject::connect(session, &PortForwardSession::streamError, &loop,
                     [&err](const QString &message) {
                         err << PortForward::tr("E: %1").arg(message) << Qt::endl;
                     });
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&loop] {
        if (s_interrupted)
            loop.quit();
    });
    poll.start(100);
    while (!s_interrupted)
        loop.exec();
    session->stop(); // the audit record's outcome
    stream.reset();
    // The outcome line is appended on a worker; the log waits for it when destroyed.
    return 0;
}

} // namespace Orrery::App
