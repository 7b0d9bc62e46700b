// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "front/servicefront.h"
#include "simulator.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Orrery::Test {

// orrery-sim inside the test process (the sim library, not the binary), for the tests that
// reach into its services (a pipeline engine, the AWS account table) besides talking to them
// over HTTPS like a client: the simulator started, and the services' CA and the clusters'
// kubeconfig written to the test's own directory for the real CLIs that want files.
// start() in initTestCase, stop() in cleanupTestCase.
class InProcessSimulator
{
public:
    // False with error() when the directory or the simulator could not be set up.
    bool start(const Sim::SimulatorOptions &options);
    void stop();
    QString error() const { return m_error; }

    Sim::Simulator &simulator() const { return *m_sim; }
    // The outside service registered under `name` (sim/front/simservice.h), as its class.
    template <class Service> Service *service(const char *name) const
    {
        return m_sim ? dynamic_cast<Service *>(m_sim->services()->service(name)) : nullptr;
    }

    QString servicesUrl() const; // https://127.0.0.1:PORT
    QByteArray servicesCaPem() const;
    QString servicesCaFile() const { return path(QStringLiteral("services-ca.pem")); }
    QString kubeconfigFile() const { return path(QStringLiteral("kubeconfig")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString directory() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Sim::Simulator> m_sim;
    QString m_error;
};

} // namespace Orrery::Test
