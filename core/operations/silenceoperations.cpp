// SPDX-License-Identifier: GPL-3.0-or-later
#include "silenceoperations.h"

#include "kube/actions/writeexecutor.h"
#include "kube/httptransport.h"
#include "monitoring/alertmanagerresponse.h"
#include "util/async.h"
#include "util/jsonread.h"

#include <QDateTime>
#include <QMetaObject>
#include <QUrl>

namespace Orrery {

namespace {

constexpr const char *kApiVersion = "alertmanager/v2";

// "45m", "2h", "3d": the duration as the dialog offers it (Alertmanager's UI writes "2h").
QString durationText(qint64 seconds)
{
    if (seconds > 0 && seconds % 86400 == 0)
        return QStringLiteral("%1d").arg(seconds / 86400);
    if (seconds > 0 && seconds % 3600 == 0)
        return QStringLiteral("%1h").arg(seconds / 3600);
    if (seconds % 60 == 0)
        return QStringLiteral("%1m").arg(seconds / 60);
    return QStringLiteral("%1s").arg(seconds);
}

QString utc(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString matcherList(const QList<SilenceMatcher> &matchers)
{
    QStringList parts;
    for (const SilenceMatcher &m : matchers)
        parts << m.toString();
    return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
}

// The access an Alertmanager write needs from the API server: `verb` on services/proxy of
// its Service (none when it is reached directly).
QList<AccessCheck> proxyAccess(const AlertmanagerLocation &location, const char *verb)
{
    if (location.isDirect())
        return {};
    AccessCheck check;
    check.verb = QLatin1String(verb);
    check.resource = QStringLiteral("services");
    check.subresource = QStringLiteral("proxy");
    check.namespaceName = location.serviceNamespace;
    check.name = location.serviceName;
    return {check};
}

// A failed write to Alertmanager in words: Alertmanager's own error text (a JSON string or
// go-swagger's message) where ClusterOperation::explainFailure would only find a status.
QString explainAlertmanagerFailure(const PlannedWrite &write, const Result<ApiResponse> &response,
                                   const AlertmanagerLocation &location)
{
    if (!response.ok())
        return ClusterOperation::tr("Alertmanager could not be reached: %1")
            .arg(response.error().toString());
    const Error e
        = AlertmanagerResponse::errorOf(response->status, response->body, write.request.path);
    if (response->status == 403 && !location.isDirect())
        return ClusterOperation::tr("Forbidden: reaching Alertmanager through the API server "
                                    "needs the verb \"%1\" on services/proxy in namespace %2.\n"
                                    "The server said: %3")
            .arg(write.request.method == "DELETE" ? QStringLiteral("delete")
                                                  : QStringLiteral("create"),
                 location.serviceNamespace, e.message);
    return ClusterOperation::tr("Alertmanager refused (HTTP %1): %2")
        .arg(response->status)
        .arg(e.message);
}

void finishQueued(ClusterOperation *op, std::function<void()> fn)
{
    // Queued, as an answer from the server would be: callers connect after run().
    QMetaObject::invokeMethod(op, std::move(fn), Qt::QueuedConnection);
}

} // namespace

// --- CreateSilenceOperation ------------------------------------------------------------------

CreateSilenceOperation::CreateSilenceOperation(HttpTransport *alertmanager,
                                               AlertmanagerLocation location, Silence silence,
                                               const QString &alertName, const QString &ns,
                                               QObject *parent)
    : ClusterOperation(alertmanager, OperationTarget{Kind::Namespace, ns, alertName}, parent)
    , m_alertmanager(alertmanager)
    , m_location(std::move(location))
    , m_silence(std::move(silence))
    , m_alertName(alertName)
{
    m_silence.id.clear();
}

CreateSilenceOperation *CreateSilenceOperation::forAlert(HttpTransport *alertmanager,
                                                         const AlertmanagerLocation &location,
                                                         const Alert &alert, qint64 durationSeconds,
                                                         const QString &comment, QObject *parent)
{
    const QString ns = alert.labels.value(QStringLiteral("exported_namespace"),
                                          alert.labels.value(QStringLiteral("namespace")));
    return new CreateSilenceOperation(alertmanager, location,
                                      Silence::forAlert(alert, QDateTime::currentDateTimeUtc(),
                                                        durationSeconds, localUser(), comment),
                                      alert.name(), ns, parent);
}

QString CreateSilenceOperation::localUser()
{
    for (const char *variable : {"USER", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty())
            return name;
    }
    return QStringLiteral("orrery");
}

void CreateSilenceOperation::setDurationSeconds(qint64 seconds)
{
    m_silence.endsAt = m_silence.startsAt.addSecs(seconds);
}

void CreateSilenceOperation::setComment(const QString &comment)
{
    m_silence.comment = comment;
}

void CreateSilenceOperation::setMatchers(const QList<SilenceMatcher> &matchers)
{
    m_silence.matchers = matchers;
}

void CreateSilenceOperation::setCreatedBy(const QString &createdBy)
{
    m_silence.createdBy = createdBy;
}

QString CreateSilenceOperation::title() const
{
    return tr("Silence %1").arg(m_alertName);
}

QString CreateSilenceOperation::actionLabel() const
{
    return tr("Silence");
}

QString CreateSilenceOperation::failureTitle() const
{
    return tr("Cannot silence %1").arg(m_alertName);
}

ClusterOperation::Scope CreateSilenceOperation::scope() const
{
    return {target().ns, objectKind(), m_alertName};
}

QList<AccessCheck> CreateSilenceOperation::requiredAccess() const
{
    return proxyAccess(m_location, "create");
}

void CreateSilenceOperation::fetch(Done done)
{
    setObject(nlohmann::json::object());
    finishQueued(this, [done] { done({}); });
}

Result<QList<PlannedWrite>> CreateSilenceOperation::plan(bool dryRun) const
{
    if (m_silence.matchers.isEmpty())
        return Error(Error::Code::InvalidArgument,
                     tr("A silence needs at least one matcher: without one it would match "
                        "nothing, and Alertmanager refuses it."));
    if (m_silence.comment.trimmed().isEmpty())
        return Error(Error::Code::InvalidArgument,
                     tr("Say why in the comment: it is what the next person on call reads."));
    if (!m_silence.startsAt.isValid() || !m_silence.endsAt.isValid()
        || m_silence.endsAt <= m_silence.startsAt)
        return Error(Error::Code::InvalidArgument, tr("The silence must end after it starts."));
    PlannedWrite w;
    w.verb = QStringLiteral("create");
    w.apiVersion = QLatin1String(kApiVersion);
    w.kind = objectKind();
    w.ns = target().ns;
    w.name = m_alertName;
    w.dryRun = dryRun;
    w.request.method = "POST";
    w.request.path = m_location.pathPrefix() + QStringLiteral("/api/v2/silences");
    w.request.contentType = "application/json";
    // Built once from the Silence and dumped: the plan never parses what it made.
    w.body = AlertmanagerResponse::silenceJson(m_silence);
    w.request.body = JsonRead::dumpBytes(w.body);
    w.description = tr("Silence %1 for %2, until %3, matching %4")
                        .arg(m_alertName, durationText(m_silence.startsAt.secsTo(m_silence.endsAt)),
                             utc(m_silence.endsAt), matcherList(m_silence.matchers));
    return QList<PlannedWrite>{w};
}

QStringList CreateSilenceOperation::summary() const
{
    QStringList lines = ClusterOperation::summary();
    lines << tr("Comment: %1").arg(m_silence.comment)
          << tr("Created by: %1").arg(m_silence.createdBy);
    return lines;
}

void CreateSilenceOperation::dryRun(WriteExecutor *, DryRunDone done)
{
    const Result<QList<PlannedWrite>> planned = plan(true);
    const bool ok = planned.ok();
    const QString text = ok ? tr("Alertmanager has no dry run; the silence was checked here "
                                 "(matchers, comment, times) and nothing was sent.")
                            : planned.error().message;
    finishQueued(this, [done, ok, text] { done(ok, text); });
}

void CreateSilenceOperation::run(WriteExecutor *writer)
{
    const Result<QList<PlannedWrite>> planned = plan(false);
    if (!planned.ok()) {
        OperationReport report;
        report.description = title();
        report.explanation = planned.error().message;
        report.lines << report.explanation;
        finishQueued(this, [this, report] { finish(report); });
        return;
    }
    const PlannedWrite write = planned->first();
    const AlertmanagerLocation location = m_location;
    writer->send(write, this, [this, write, location](const Result<ApiResponse> &response) {
        // The answer (the new id, or Alertmanager's error words) is JSON: it is read on a
        // worker, never on the GUI thread (DecodeGuard), and the report is made back here.
        struct Answer
        {
            QString id;          // set on success
            QString explanation; // set on failure
        };
        const QFuture<Answer> decoded = Async::run([write, location, response] {
            Answer answer;
            if (response.ok() && response->isSuccess()) {
                const Result<QString> id = AlertmanagerResponse::decodeSilenceId(
                    response->status, response->body, write.request.path);
                if (id.ok())
                    answer.id = *id;
                else
                    answer.explanation = id.error().message;
            } else {
                answer.explanation = explainAlertmanagerFailure(write, response, location);
            }
            return answer;
        });
        Async::onFinished(decoded, this, [this, write, response](const QFuture<Answer> &done) {
            OperationReport report;
            report.description = write.description;
            const bool sent = response.ok() && response->isSuccess();
            if (done.resultCount() == 0) { // cancelled at quit, or the decode threw (logged)
                report.explanation = tr("the answer could not be read");
                report.lines << tr("%1: failed: %2").arg(write.description, report.explanation);
            } else if (const Answer answer = done.result(); !answer.id.isEmpty()) {
                m_id = answer.id;
                report.ok = true;
                report.lines << tr("%1: done (%2)").arg(write.description).arg(response->status);
                report.message = tr("Silenced %1 until %2 (silence %3)")
                                     .arg(m_alertName, utc(m_silence.endsAt), m_id);
            } else {
                report.explanation = answer.explanation;
                report.lines << tr("%1: failed: %2").arg(write.description, report.explanation);
            }
            if (!sent)
                report.failure = std::make_pair(write, response);
            finish(report);
        });
    });
}

ClusterOperation::Factory CreateSilenceOperation::undo() const
{
    if (m_id.isEmpty())
        return {};
    const QPointer<HttpTransport> alertmanager = m_alertmanager;
    const AlertmanagerLocation location = m_location;
    const QString id = m_id;
    return [alertmanager, location, id](HttpTransport *transport, QObject *parent) {
        // The runner passes the session's transport: right for the service proxy; a direct
        // Alertmanager has its own, which lives as long as the session.
        HttpTransport *t = alertmanager ? alertmanager.data() : transport;
        return static_cast<ClusterOperation *>(new ExpireSilenceOperation(t, location, id, parent));
    };
}

QString CreateSilenceOperation::undoText() const
{
    return tr("Silenced %1. Expire the silence again?").arg(m_alertName);
}

// --- ExpireSilenceOperation ------------------------------------------------------------------

ExpireSilenceOperation::ExpireSilenceOperation(HttpTransport *alertmanager,
                                               AlertmanagerLocation location,
                                               const QString &silenceId, QObject *parent)
    : ClusterOperation(alertmanager, OperationTarget{Kind::Namespace, {}, silenceId}, parent)
    , m_alertmanager(alertmanager)
    , m_location(std::move(location))
    , m_silenceId(silenceId)
{
}

QString ExpireSilenceOperation::title() const
{
    return tr("Expire silence %1").arg(m_silenceId);
}

QString ExpireSilenceOperation::actionLabel() const
{
    return tr("Expire");
}

QString ExpireSilenceOperation::failureTitle() const
{
    return tr("Cannot expire silence %1").arg(m_silenceId);
}

ClusterOperation::Scope ExpireSilenceOperation::scope() const
{
    return {{}, objectKind(), m_silenceId};
}

QList<AccessCheck> ExpireSilenceOperation::requiredAccess() const
{
    return proxyAccess(m_location, "delete");
}

void ExpireSilenceOperation::fetch(Done done)
{
    if (!m_alertmanager) {
        finishQueued(this, [done] {
            done(Error(Error::Code::Cancelled, tr("the connection to Alertmanager is closed")));
        });
        return;
    }
    const AlertmanagerClient client(m_alertmanager, m_location);
    client.silences(this, [this, done](const Result<QList<Silence>> &silences) {
        if (!silences.ok()) {
            done(silences.error());
            return;
        }
        for (const Silence &s : *silences)
            if (s.id == m_silenceId) {
                m_silence = s;
                setObject(nlohmann::json::object());
                done({});
                return;
            }
        done(Error(Error::Code::NotFound,
                   tr("Alertmanager has no silence %1 (expired silences are kept only for a "
                      "while)")
                       .arg(m_silenceId)));
    });
}

QString ExpireSilenceOperation::nothingToDo() const
{
    if (m_silence.state == Silence::State::Expired)
        return tr("silence %1 is already expired").arg(m_silenceId);
    return {};
}

Result<QList<PlannedWrite>> ExpireSilenceOperation::plan(bool dryRun) const
{
    PlannedWrite w;
    w.verb = QStringLiteral("delete");
    w.apiVersion = QLatin1String(kApiVersion);
    w.kind = objectKind();
    w.name = m_silenceId;
    w.dryRun = dryRun;
    w.request.method = "DELETE";
    w.request.path = m_location.pathPrefix() + QStringLiteral("/api/v2/silence/")
                     + QString::fromLatin1(QUrl::toPercentEncoding(m_silenceId));
    w.description = m_silence.matchers.isEmpty()
                        ? tr("Expire silence %1").arg(m_silenceId)
                        : tr("Expire silence %1 matching %2")
                              .arg(m_silenceId, matcherList(m_silence.matchers));
    return QList<PlannedWrite>{w};
}

QStringList ExpireSilenceOperation::summary() const
{
    QStringList lines = ClusterOperation::summary();
    if (!m_silence.comment.isEmpty())
        lines << tr("Comment: %1").arg(m_silence.comment);
    if (!m_silence.createdBy.isEmpty())
        lines << tr("Created by: %1").arg(m_silence.createdBy);
    return lines;
}

void ExpireSilenceOperation::dryRun(WriteExecutor *, DryRunDone done)
{
    const QString text = tr("Alertmanager has no dry run; nothing was sent.");
    finishQueued(this, [done, text] { done(true, text); });
}

ClusterOperation::Factory ExpireSilenceOperation::undo() const
{
    if (m_silence.matchers.isEmpty() || !m_silence.endsAt.isValid()
        || m_silence.endsAt <= QDateTime::currentDateTimeUtc())
        return {};
    const QPointer<HttpTransport> alertmanager = m_alertmanager;
    const AlertmanagerLocation location = m_location;
    Silence again = m_silence;
    again.id.clear();
    QString name = m_silenceId;
    for (const SilenceMatcher &m : again.matchers)
        if (m.name == QLatin1String("alertname") && !m.isRegex && m.isEqual)
            name = m.value;
    return [alertmanager, location, again, name](HttpTransport *transport, QObject *parent) {
        Silence s = again;
        s.startsAt = QDateTime::currentDateTimeUtc();
        HttpTransport *t = alertmanager ? alertmanager.data() : transport;
        return static_cast<ClusterOperation *>(
            new CreateSilenceOperation(t, location, s, name, {}, parent));
    };
}

QString ExpireSilenceOperation::undoText() const
{
    return tr("Expired silence %1. Silence the same alerts again until %2?")
        .arg(m_silenceId, utc(m_silence.endsAt));
}

} // namespace Orrery
