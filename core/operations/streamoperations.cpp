// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamoperations.h"

#include "kube/accessreview.h"
#include "kube/httptransport.h"
#include "util/jsonread.h"

#include <QPointer>

namespace Orrery {

namespace {

QString phaseOf(const nlohmann::json &pod)
{
    return JsonRead::string(pod, {"status", "phase"});
}

// The stream's description as the audit log and the confirmation show it: one PlannedWrite
// whose request is the upgrade (never sent as a plain request).
PlannedWrite streamWrite(const QString &verb, const OperationTarget &target, const QString &path,
                         nlohmann::json body, const QString &description)
{
    PlannedWrite w;
    w.verb = verb;
    w.apiVersion = QStringLiteral("v1");
    w.kind = QStringLiteral("Pod");
    w.ns = target.ns;
    w.name = target.name;
    w.request = ApiRequest::get(path);
    w.request.headers.append(qMakePair(QByteArray("Upgrade"), QByteArray("websocket")));
    w.body = std::move(body);
    w.description = description;
    return w;
}

// Asks the API server whether `checks` are allowed; `done` gets the denial in words (empty:
// allowed, or the review could not be made and the server decides when the stream opens).
void checkAccess(HttpTransport *transport, const QList<AccessCheck> &checks, QObject *context,
                 std::function<void(const QString &denial)> done)
{
    AccessReview::run(transport, checks, context, [done](const QList<AccessResult> &results) {
        QStringList denials;
        for (const AccessResult &r : results)
            if (const QString d = ClusterOperation::denialText(r); !d.isEmpty())
                denials << d;
        done(denials.join(QLatin1Char('\n')));
    });
}

OperationReport streamReport(bool ok, const QString &description, const QString &line,
                             const QString &explanation = {})
{
    OperationReport r;
    r.ok = ok;
    r.description = description;
    r.lines = {line};
    r.explanation = explanation;
    return r;
}

} // namespace

QList<PodPort> podPorts(const nlohmann::json &pod)
{
    QList<PodPort> out;
    for (const auto &c : JsonRead::array(pod, {"spec", "containers"})) {
        const QString container = JsonRead::string(c, "name");
        for (const auto &p : JsonRead::array(c, "ports")) {
            const qint64 port = JsonRead::integer(p, "containerPort");
            if (port < 1 || port > 65535)
                continue;
            out.append({container, JsonRead::string(p, "name"), int(port),
                        JsonRead::string(p, "protocol", QStringLiteral("TCP"))});
        }
    }
    return out;
}

// --- StreamOperation --------------------------------------------------------------------

void StreamOperation::dryRun(WriteExecutor *writer, DryRunDone done)
{
    (void)writer;
    const Result<QList<PlannedWrite>> planned = plan(true);
    if (!planned.ok()) {
        done(false, planned.error().message);
        return;
    }
    checkAccess(transport(), requiredAccess(), this, [done](const QString &denial) {
        if (denial.isEmpty())
            done(true, tr("the API server allows it (a stream has no server dry run: the "
                          "permission was checked)."));
        else
            done(false, denial);
    });
}

// --- ExecOperation ----------------------------------------------------------------------

ExecOperation::ExecOperation(HttpTransport *transport, const QString &ns, const QString &pod,
                             QObject *parent)
    : StreamOperation(transport, OperationTarget{Kind::Pod, ns, pod}, parent)
{
    m_options.ns = ns;
    m_options.pod = pod;
}

QStringList ExecOperation::containers() const
{
    QStringList names;
    for (const auto &c : JsonRead::array(object(), {"spec", "containers"}))
        names << JsonRead::string(c, "name");
    return names;
}

ExecOptions ExecOperation::options() const
{
    ExecOptions o = m_options;
    if (o.container.isEmpty()) {
        // kubectl's default: the annotation, else the first container.
        const QString annotated = JsonRead::string(
            object(), {"metadata", "annotations", "kubectl.kubernetes.io/default-container"});
        const QStringList names = containers();
        o.container = names.contains(annotated) ? annotated : names.value(0);
    }
    return o;
}

QString ExecOperation::title() const
{
    return tr("Open a shell in %1").arg(target().name);
}

QString ExecOperation::actionLabel() const
{
    return tr("Open Shell");
}

QString ExecOperation::failureTitle() const
{
    return tr("Cannot open a shell");
}

QString ExecOperation::progressText() const
{
    return tr("Opening a shell in %1\u2026").arg(target().name);
}

Result<QList<PlannedWrite>> ExecOperation::plan(bool dryRun) const
{
    const QString phase = phaseOf(object());
    // kubectl exec's own refusals, before it connects.
    if (phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed"))
        return Error(
            Error::Code::InvalidArgument,
            tr("cannot exec into a container in a completed pod; current phase is %1").arg(phase));
    const ExecOptions o = options();
    if (o.container.isEmpty())
        return Error(Error::Code::InvalidArgument,
                     tr("pod %1 has no container to exec into").arg(target().name));
    if (!containers().contains(o.container))
        return Error(Error::Code::InvalidArgument,
                     tr("container %1 not found in pod %2").arg(o.container, target().name));
    if (o.command.isEmpty())
        return Error(Error::Code::InvalidArgument, tr("you must specify at least one command"));
    nlohmann::json command = nlohmann::json::array();
    for (const QString &word : o.command)
        command.push_back(word.toStdString());
    PlannedWrite w = streamWrite(
        QStringLiteral("exec"), target(), o.path(),
        {{"container", o.container.toStdString()},
         {"command", command},
         {"tty", o.tty},
         {"stdin", o.stdinOpen}},
        tr("Run %1 in container %2 of pod %3/%4")
            .arg(o.command.join(QLatin1Char(' ')), o.container, target().ns, target().name));
    w.dryRun = dryRun;
    return QList<PlannedWrite>{w};
}

void ExecOperation::run(WriteExecutor *writer)
{
    const Result<QList<PlannedWrite>> planned = plan(false);
    if (!planned.ok()) {
        finish(streamReport(false, title(), planned.error().message, planned.error().message));
        return;
    }
    const PlannedWrite write = planned.value().constFirst();
    checkAccess(transport(), requiredAccess(), this, [this, writer, write](const QString &denial) {
        if (!denial.isEmpty()) {
            finish(streamReport(false, write.description,
                                tr("%1: not allowed").arg(write.description), denial));
            return;
        }
        writer->recordStream(
            write, this, [this, write](const Result<WriteExecutor::StreamEnd> &end) {
                if (!end.ok()) {
                    finish(streamReport(false, write.description,
                                        tr("%1: not opened").arg(write.description),
                                        end.error().message));
                    return;
                }
                const WriteExecutor::StreamEnd recordEnd = end.value();
                m_session = std::make_unique<ExecSession>(transport()->connection(), options());
                ExecSession *session = m_session.get();
                const QPointer<ExecOperation> self(this);
                auto opened = std::make_shared<bool>(false);
                connect(session, &ExecSession::started, this, [this, write, opened] {
                    *opened = true;
                    finish(streamReport(
                        true, write.description,
                        tr("%1: opened (%2)")
                            .arg(write.description, QString::fromLatin1(m_session->protocol()))));
                });
                // The outcome line, whoever holds the session by then.
                connect(
                    session, &ExecSession::finished, session,
                    [self, write, opened, recordEnd](const Result<int> &r) {
                        if (r.ok())
                            recordEnd(101, tr("ok: exited with code %1").arg(r.value()));
                        else
                            recordEnd(r.error().httpStatus, r.error().message);
                        if (!*opened && self) {
                            *opened = true;
                            self->finish(streamReport(
                                false, write.description,
                                tr("%1: failed: %2")
                                    .arg(write.description, r.ok() ? QString() : r.error().message),
                                r.ok() ? QString() : r.error().toString()));
                        }
                    });
                session->start();
            });
    });
}

std::unique_ptr<QObject> ExecOperation::takeStream()
{
    return std::move(m_session);
}

// --- PortForwardOperation ---------------------------------------------------------------

PortForwardOperation::PortForwardOperation(HttpTransport *transport, const QString &ns,
                                           const QString &pod, QObject *parent)
    : StreamOperation(transport, OperationTarget{Kind::Pod, ns, pod}, parent)
{
}

QList<PodPort> PortForwardOperation::ports() const
{
    return podPorts(object());
}

QString PortForwardOperation::title() const
{
    return tr("Port forward to %1").arg(target().name);
}

QString PortForwardOperation::actionLabel() const
{
    return tr("Forward");
}

QString PortForwardOperation::failureTitle() const
{
    return tr("Cannot forward the port");
}

QString PortForwardOperation::progressText() const
{
    return tr("Forwarding port %1 of %2\u2026").arg(m_remotePort).arg(target().name);
}

Result<QList<PlannedWrite>> PortForwardOperation::plan(bool dryRun) const
{
    const QString phase = phaseOf(object());
    if (phase != QLatin1String("Running"))
        return Error(
            Error::Code::InvalidArgument,
            tr("unable to forward port because pod is not running. Current status=%1").arg(phase));
    if (m_remotePort < 1 || m_remotePort > 65535)
        return Error(Error::Code::InvalidArgument,
                     tr("Invalid port number %1: must be between 1 and 65535").arg(m_remotePort));
    if (m_localPort < 0 || m_localPort > 65535)
        return Error(Error::Code::InvalidArgument,
                     tr("Invalid local port %1: must be between 0 and 65535").arg(m_localPort));
    PortForwardOptions o;
    o.ns = target().ns;
    o.pod = target().name;
    o.remotePort = quint16(m_remotePort);
    o.localPort = quint16(m_localPort);
    const QString local = m_localPort ? QStringLiteral("127.0.0.1:%1").arg(m_localPort)
                                      : tr("a free port of 127.0.0.1");
    PlannedWrite w = streamWrite(
        QStringLiteral("port-forward"), target(), o.path(),
        {{"ports", {m_remotePort}}, {"address", "127.0.0.1"}, {"localPort", m_localPort}},
        tr("Forward %1 to port %2 of pod %3/%4")
            .arg(local)
            .arg(m_remotePort)
            .arg(target().ns, target().name));
    w.dryRun = dryRun;
    return QList<PlannedWrite>{w};
}

void PortForwardOperation::run(WriteExecutor *writer)
{
    const Result<QList<PlannedWrite>> planned = plan(false);
    if (!planned.ok()) {
        finish(streamReport(false, title(), planned.error().message, planned.error().message));
        return;
    }
    const PlannedWrite write = planned.value().constFirst();
    checkAccess(transport(), requiredAccess(), this, [this, writer, write](const QString &denial) {
        if (!denial.isEmpty()) {
            finish(streamReport(false, write.description,
                                tr("%1: not allowed").arg(write.description), denial));
            return;
        }
        writer->recordStream(
            write, this, [this, write](const Result<WriteExecutor::StreamEnd> &end) {
                if (!end.ok()) {
                    finish(streamReport(false, write.description,
                                        tr("%1: not opened").arg(write.description),
                                        end.error().message));
                    return;
                }
                const WriteExecutor::StreamEnd recordEnd = end.value();
                PortForwardOptions o;
                o.ns = target().ns;
                o.pod = target().name;
                o.remotePort = quint16(m_remotePort);
                o.localPort = quint16(m_localPort);
                m_session = std::make_unique<PortForwardSession>(transport()->connection(), o);
                PortForwardSession *session = m_session.get();
                auto recorded = std::make_shared<bool>(false);
                auto recordOnce = [recorded, recordEnd](int status, const QString &result) {
                    if (*recorded)
                        return;
                    *recorded = true;
                    recordEnd(status, result);
                };
                connect(session, &PortForwardSession::listening, this, [this, write](quint16 port) {
                    finish(streamReport(
                        true, write.description,
                        tr("%1: listening on 127.0.0.1:%2").arg(write.description).arg(port)));
                });
                connect(session, &PortForwardSession::failed, this,
                        [this, write, recordOnce](const Error &error) {
                            recordOnce(0, error.message);
                            finish(streamReport(
                                false, write.description,
                                tr("%1: failed: %2").arg(write.description, error.message),
                                error.message));
                        });
                connect(session, &PortForwardSession::stopped, session, [session, recordOnce] {
                    recordOnce(101, tr("ok: stopped after %n connection(s) on 127.0.0.1:%1",
                                       nullptr, session->totalConnections())
                                        .arg(session->localPort()));
                });
                session->start();
            });
    });
}

std::unique_ptr<QObject> PortForwardOperation::takeStream()
{
    return std::move(m_session);
}

} // namespace Orrery
