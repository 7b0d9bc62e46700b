// SPDX-License-Identifier: GPL-3.0-or-later
#include "democluster.h"

#include <simulator.h>
#include <util/async.h>

#include <QFile>

#include <string>
#include <vector>

namespace Orrery::App {

namespace {

// What the pool hands back from Simulator::start.
struct Started
{
    bool ok = false;
    std::string error;
    std::string yaml;
    std::vector<std::string> contexts;
};

} // namespace

DemoCluster::DemoCluster(QObject *parent)
    : QObject(parent)
{
}

DemoCluster::~DemoCluster()
{
    if (m_simulator)
        m_simulator->stop();
}

void DemoCluster::start(std::function<void(const Result<QString> &)> done)
{
    Sim::SimulatorOptions options;
    options.scenarios = {"all"};
    m_simulator = std::make_shared<Sim::Simulator>(options);
    // Scenario loading and certificate generation take a moment: on the pool, not the GUI
    // thread. The run shares the simulator, so quitting meanwhile (the synchronizer's wait)
    // lets the start finish before ~DemoCluster stops it.
    Async::run(
        this,
        [simulator = m_simulator] {
            Started started;
            started.ok = simulator->start(&started.error);
            if (started.ok) {
                started.yaml = simulator->kubeconfigYaml();
                started.contexts = simulator->contextNames();
            }
            return started;
        },
        [this, done = std::move(done)](const Started &started) {
            if (!started.ok) {
                done(Error(Error::Code::Unknown, QString::fromStdString(started.error),
                           QStringLiteral("demo cluster")));
                return;
            }
            if (!m_dir.isValid()) {
                done(Error(Error::Code::FileError,
                           QStringLiteral("cannot create a temporary directory"),
                           QStringLiteral("demo cluster")));
                return;
            }
            const QString path = m_dir.filePath(QStringLiteral("demo-kubeconfig.yaml"));
            QFile file(path);
            const std::string &yaml = started.yaml;
            if (!file.open(QIODevice::WriteOnly)
                || file.write(QByteArray::fromStdString(yaml)) != qint64(yaml.size())) {
                done(Error(Error::Code::FileError, file.errorString(), path));
                return;
            }
            file.close();
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            m_kubeconfigPath = path;
            for (const std::string &c : started.contexts)
                m_contexts << QString::fromStdString(c);
            done(path);
        });
}

} // namespace Orrery::App
