// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simprocess.h"

#include "audit/auditlog.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "operations/clusterwriteexecutor.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace Orrery::Test {

// What the core operation tests run against: orrery-sim with one scenario, a transport to its
// current context, an audit log in the test's directory and the audited writer over both.
// start() in initTestCase, stop() in cleanupTestCase.
class SimClusterFixture
{
public:
    // False with error() when the directory or the simulator could not be set up.
    bool start(const QString &scenario);
    // The writer, then the transport, then the simulator.
    void stop();
    QString error() const { return m_error; }

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString auditDirectory() const { return path(QStringLiteral("audit")); }
    const Kubeconfig &config() const { return m_config; }
    HttpTransport *transport() const { return m_transport.get(); }
    AuditLog *audit() const { return m_audit.get(); }
    ClusterWriteExecutor *writer() const { return m_writer.get(); }

private:
    QTemporaryDir m_dir;
    SimProcess m_sim;
    Kubeconfig m_config;
    std::unique_ptr<HttpTransport> m_transport;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ClusterWriteExecutor> m_writer;
    QString m_error;
};

} // namespace Orrery::Test
