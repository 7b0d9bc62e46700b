// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/actions/writeexecutor.h"

#include <QString>

namespace Orrery {

class AuditLog;
class HttpTransport;

// Sends writes to one cluster and records each in the audit log (also failures and dry runs):
// an intent line, synced before the request is sent, and an outcome line when the answer
// comes (before the handler hears it), even if `context` was destroyed meanwhile. A write
// whose intent cannot be recorded is not sent: the handler gets a FileError. Both lines are
// built and written on a worker (AuditLog::appendLater); the request leaves from the
// transport's thread. The identity recorded is the context's user name, never a credential.
// Neither pointer is owned; call send() on the transport's thread (the log's too). A transport
// destroyed before the intent is written cancels the write (nothing is sent, the log holds an
// intent without outcome); a destroyed AuditLog only costs the outcome lines still pending.
class ClusterWriteExecutor : public WriteExecutor
{
public:
    ClusterWriteExecutor(HttpTransport *transport, AuditLog *audit);

    // The identity the server knows us by, when known (from a SelfSubjectReview); defaults
    // to the kubeconfig user name of the connection.
    void setUserIdentity(const QString &user) { m_user = user; }

    void send(const PlannedWrite &write, QObject *context, Handler onFinished) override;
    // The intent line of an exec or port-forward (synced before `onRecorded` hears of it),
    // and an outcome line when the returned StreamEnd is called.
    void recordStream(const PlannedWrite &write, QObject *context,
                      StreamRecorded onRecorded) override;

private:
    HttpTransport *m_transport;
    AuditLog *m_audit;
    QString m_user;
};

} // namespace Orrery
