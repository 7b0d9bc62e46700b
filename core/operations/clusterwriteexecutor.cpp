// SPDX-License-Identifier: GPL-3.0-or-later
#include "clusterwriteexecutor.h"

#include "audit/auditlog.h"
#include "kube/httptransport.h"
#include "util/async.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>

namespace Orrery {

// Runs the caller's handler on its thread, or not at all once it is gone.
using Async::deliver;

ClusterWriteExecutor::ClusterWriteExecutor(HttpTransport *transport, AuditLog *audit)
    : m_transport(transport)
    , m_audit(audit)
    , m_user(transport ? transport->connection().userName : QString())
{
}

void ClusterWriteExecutor::send(const PlannedWrite &write, QObject *context, Handler onFinished)
{
    AuditEntry entry = AuditEntry::fromWrite(write);
    const ClusterConnection &connection = m_transport->connection();
    entry.context = connection.contextName;
    entry.cluster = connection.clusterName;
    entry.user = connection.impersonateUser.isEmpty() ? m_user : connection.impersonateUser;
    const AuditEntry intent = entry.intent(QDateTime::currentDateTimeUtc());
    const QPointer<QObject> requester(context);

    // The intent is on disk before the request leaves: a crash, a kill or a closed window
    // after this point leaves "outcome unknown" in the log, never nothing. A write the log
    // cannot record is not sent (docs/RELIABILITY.md, "Audit log"): the cluster stays as it
    // was and the caller gets an Error saying why, which it shows like any failed write.
    if (m_audit) {
        if (auto recorded = m_audit->append(intent); !recorded) {
            Error refused(
                Error::Code::FileError,
                QCoreApplication::translate("Orrery::ClusterWriteExecutor",
                                            "Not sent: the audit log could not record this change "
                                            "(%1: %2). Free some disk space or fix the audit "
                                            "directory's permissions, then try again.")
                    .arg(recorded.error().context, recorded.error().message));
            // Queued, as a transport answer would be: callers set up their state after send().
            if (context)
                QMetaObject::invokeMethod(
                    context, [onFinished, refused] { onFinished(refused); }, Qt::QueuedConnection);
            return;
        }
    }

    // The outcome is recorded by way of the transport, which outlives its requests, rather
    // than the requester: a dialog or operation destroyed meanwhile must not lose the line.
    const QPointer<AuditLog> audit(m_audit);
    m_transport->send(write.request, m_transport,
                      [audit, intent, requester, onFinished](const Result<ApiResponse> &response) {
                          const int status = response.ok() ? response->status : 0;
                          const QString result = !response.ok() ? response.error().message
                                                 : response->isSuccess()
                                                     ? QStringLiteral("ok")
                                                     : response->toError().message;
                          // A failure here is reported by AuditLog::writeFailed; the response still
                          // goes to the caller, because the change did happen (or not) on the
                          // cluster whatever the log says.
                          if (audit)
                              (void)audit->append(
                                  intent.outcome(status, result, QDateTime::currentDateTimeUtc()));
                          deliver(requester, [onFinished, response] { onFinished(response); });
                      });
}

} // namespace Orrery
