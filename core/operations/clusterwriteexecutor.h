// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/actions/writeexecutor.h"

#include <QString>

namespace Orrery {

class AuditLog;
class HttpTransport;

// Sends writes to one cluster and records each in the audit log (also failures and dry runs):
// an intent line, synced before the request is sent, and an outcome line when the answer
// comes, even if `context` was destroyed meanwhile. A write whose intent cannot be recorded is
// not sent: the handler gets a FileError. The identity recorded is the context's user name,
// never a credential. Neither pointer is owned; the transport must outlive the executor's
// pending requests (a destroyed AuditLog only costs the outcome lines still pending).
class ClusterWriteExecutor : public WriteExecutor
{
public:
    ClusterWriteExecutor(HttpTransport *transport, AuditLog *audit);

    // The identity the server knows us by, when known (from a SelfSubjectReview); defaults
    // to the kubeconfig user name of the connection.
    void setUserIdentity(const QString &user) { m_user = user; }

    void send(const PlannedWrite &write, QObject *context, Handler onFinished) override;

private:
    HttpTransport *m_transport;
    AuditLog *m_audit;
    QString m_user;
};

} // namespace Orrery
