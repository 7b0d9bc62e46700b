// SPDX-License-Identifier: GPL-3.0-or-later
#include "clusterwriteexecutor.h"

#include "audit/auditlog.h"
#include "kube/httptransport.h"
#include "util/async.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>

#include <optional>

namespace Orrery {

namespace {

using Handler = WriteExecutor::Handler;

// Runs the caller's handler on its thread, or not at all once it is gone.
void answer(const QPointer<QObject> &requester, const Handler &onFinished,
            const Result<ApiResponse> &response)
{
    Async::deliver(requester, [onFinished, response] { onFinished(response); });
}

Error notRecorded(const Error &why)
{
    return Error(Error::Code::FileError,
                 QCoreApplication::translate("Orrery::ClusterWriteExecutor",
                                             "Not sent: the audit log could not record this change "
                                             "(%1: %2). Free some disk space or fix the audit "
                                             "directory's permissions, then try again.")
                     .arg(why.context, why.message));
}

// Sends `request` from the transport's thread. With an `intent`, the outcome line goes to the
// log on a worker, and the caller hears the answer once it is written (or its loss reported).
// The outcome is recorded by way of the transport, which outlives its requests, rather than
// the requester: a dialog or operation destroyed meanwhile must not lose the line.
void transmit(HttpTransport *transport, const QPointer<AuditLog> &audit,
              const std::optional<AuditEntry> &intent, const ApiRequest &request,
              const std::function<QString(const ApiResponse &)> &answerFailure,
              const QPointer<QObject> &requester, const Handler &onFinished)
{
    transport->send(request, transport,
                    [transport, audit, intent, answerFailure, requester,
                     onFinished](const Result<ApiResponse> &response) {
                        if (!intent || !audit) {
                            answer(requester, onFinished, response);
                            return;
                        }
                        const int status = response.ok() ? response->status : 0;
                        // The Status of a failure was decoded on the transport's worker: no parse
                        // here.
                        QString result = !response.ok()          ? response.error().message
                                         : response->isSuccess() ? QStringLiteral("ok")
                                                                 : response->toError().message;
                        // A success by status may still be a refusal (GraphQL errors in HTTP 200).
                        if (response.ok() && response->isSuccess() && answerFailure) {
                            const QString failure = answerFailure(*response);
                            if (!failure.isEmpty())
                                result = failure.left(500);
                        }
                        const AuditEntry outcome
                            = intent->outcome(status, result, QDateTime::currentDateTimeUtc());
                        // A failure to write it is reported by AuditLog::writeFailed; the response
                        // still goes to the caller, because the change did happen (or not) on the
                        // cluster whatever the log says.
                        Async::onFinished(audit->appendLater([outcome] { return outcome; }),
                                          transport,
                                          [requester, onFinished, response](const auto &) {
                                              answer(requester, onFinished, response);
                                          });
                    });
}

} // namespace

ClusterWriteExecutor::ClusterWriteExecutor(HttpTransport *transport, AuditLog *audit)
    : m_transport(transport)
    , m_audit(audit)
    , m_user(transport ? transport->connection().userName : QString())
{
}

void ClusterWriteExecutor::recordStream(const PlannedWrite &write, QObject *context,
                                        StreamRecorded onRecorded)
{
    const ClusterConnection &connection = m_transport->connection();
    const QString contextName = connection.contextName;
    const QString clusterName = connection.clusterName;
    const QString user = connection.impersonateUser.isEmpty() ? m_user : connection.impersonateUser;
    const QPointer<QObject> requester(context);
    const QPointer<AuditLog> audit(m_audit);
    if (!m_audit) {
        WriteExecutor::recordStream(write, context, std::move(onRecorded));
        return;
    }
    // As send(): the intent is on disk before the stream opens; one that cannot be recorded
    // is not opened.
    const QFuture<Result<AuditEntry>> recorded
        = m_audit->appendLater([write, contextName, clusterName, user] {
              AuditEntry entry = AuditEntry::fromWrite(write);
              entry.context = contextName;
              entry.cluster = clusterName;
              entry.user = user;
              return entry.intent(QDateTime::currentDateTimeUtc());
          });
    Async::onFinished(
        recorded, m_transport,
        [audit, requester, onRecorded](const QFuture<Result<AuditEntry>> &done) {
            Result<StreamEnd> answer = notRecorded(
                Error(Error::Code::Unknown, QStringLiteral("the entry could not be built")));
            if (done.resultCount() > 0) {
                const Result<AuditEntry> intent = done.result();
                if (!intent.ok()) {
                    answer = notRecorded(intent.error());
                } else {
                    const AuditEntry entry = intent.value();
                    answer = StreamEnd([audit, entry](int status, const QString &result) {
                        if (!audit)
                            return;
                        const AuditEntry outcome
                            = entry.outcome(status, result, QDateTime::currentDateTimeUtc());
                        (void)audit->appendLater([outcome] { return outcome; });
                    });
                }
            }
            Async::deliver(requester, [onRecorded, answer] { onRecorded(answer); });
        });
}

void ClusterWriteExecutor::send(const PlannedWrite &write, QObject *context, Handler onFinished)
{
    const ClusterConnection &connection = m_transport->connection();
    const QString contextName = connection.contextName;
    const QString clusterName = connection.clusterName;
    const QString user = connection.impersonateUser.isEmpty() ? m_user : connection.impersonateUser;
    const QPointer<QObject> requester(context);
    HttpTransport *transport = m_transport;
    const QPointer<AuditLog> audit(m_audit);
    if (!m_audit) {
        transmit(transport, audit, std::nullopt, write.request, write.answerFailure, requester,
                 onFinished);
        return;
    }

    // The intent is on disk before the request leaves: a crash, a kill or a closed window
    // after this point leaves "outcome unknown" in the log, never nothing. A write the log
    // cannot record is not sent (docs/RELIABILITY.md, "Audit log"): the cluster stays as it
    // was and the caller gets an Error saying why, which it shows like any failed write.
    // The entry is built (the body summarised) and appended, fsync included, on a worker; the
    // request leaves from the transport's thread once that is done, so the caller's thread
    // (the GUI thread) neither decodes nor waits for the disk.
    const QFuture<Result<AuditEntry>> recorded
        = m_audit->appendLater([write, contextName, clusterName, user] {
              AuditEntry entry = AuditEntry::fromWrite(write);
              entry.context = contextName;
              entry.cluster = clusterName;
              entry.user = user;
              return entry.intent(QDateTime::currentDateTimeUtc());
          });
    Async::onFinished(
        recorded, transport,
        [transport, audit, request = write.request, answerFailure = write.answerFailure, requester,
         onFinished](const QFuture<Result<AuditEntry>> &done) {
            if (done.resultCount() == 0) { // the run threw (logged by Async)
                answer(requester, onFinished,
                       notRecorded(Error(Error::Code::Unknown,
                                         QStringLiteral("the entry could not be built"))));
                return;
            }
            const Result<AuditEntry> intent = done.result();
            if (!intent.ok()) {
                answer(requester, onFinished, notRecorded(intent.error()));
                return;
            }
            transmit(transport, audit, intent.value(), request, answerFailure, requester,
                     onFinished);
        });
}

} // namespace Orrery
