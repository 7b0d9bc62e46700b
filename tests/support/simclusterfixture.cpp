// SPDX-License-Identifier: GPL-3.0-or-later
#include "simclusterfixture.h"

namespace Orrery::Test {

bool SimClusterFixture::start(const QString &scenario)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    const QString kubeconfig = path(QStringLiteral("kubeconfig"));
    if (!m_sim.start({QStringLiteral("--scenario"), scenario}, kubeconfig)) {
        m_error = m_sim.errorString();
        return false;
    }
    m_config = Kubeconfig::load(kubeconfig);
    auto connection = m_config.connection(m_config.currentContext());
    if (!connection.ok()) {
        m_error = connection.error().toString();
        return false;
    }
    m_transport = std::make_unique<HttpTransport>(std::move(*connection));
    m_audit = std::make_unique<AuditLog>(auditDirectory());
    m_writer = std::make_unique<ClusterWriteExecutor>(m_transport.get(), m_audit.get());
    return true;
}

void SimClusterFixture::stop()
{
    m_writer.reset();
    m_transport.reset();
    m_sim.stop();
}

} // namespace Orrery::Test
