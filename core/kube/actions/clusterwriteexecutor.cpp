// SPDX-License-Identifier: GPL-3.0-or-later
#include "clusterwriteexecutor.h"

#include "audit/auditlog.h"
#include "kube/httptransport.h"

#include <QDateTime>

namespace Orrery {

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
    AuditLog *audit = m_audit;
    m_transport->send(write.request, context, [audit, entry, onFinished](const Result<ApiResponse> &response) mutable {
        entry.time = QDateTime::currentDateTimeUtc();
        if (response.ok()) {
            entry.status = response->status;
            entry.result = response->isSuccess() ? QStringLiteral("ok") : response->toError().message;
        } else {
            entry.status = 0;
            entry.result = response.error().message;
        }
        if (audit)
            (void)audit->append(entry);  // a full disk must not hide the write's own outcome
        onFinished(response);
    });
}

} // namespace Orrery
