// SPDX-License-Identifier: GPL-3.0-or-later
#include "democluster.h"

#include <simulator.h>

#include <QFile>
#include <QPointer>
#include <QThread>

#include <thread>

namespace Orrery::App {

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
    auto simulator = m_simulator;
    QPointer<DemoCluster> self(this);
    // Scenario loading and certificate generation take a moment: not on the GUI thread.
    std::thread([simulator, self, done = std::move(done)]() mutable {
        std::string error;
        const bool ok = simulator->start(&error);
        const std::string yaml = ok ? simulator->kubeconfigYaml() : std::string();
        const std::vector<std::string> contexts
            = ok ? simulator->contextNames() : std::vector<std::string>();
        QMetaObject::invokeMethod(
            self.data(),
            [self, ok, error, yaml, contexts, done] {
                if (!self)
                    return;
                if (!ok) {
                    done(Error(Error::Code::Unknown, QString::fromStdString(error),
                               QStringLiteral("demo cluster")));
                    return;
                }
                if (!self->m_dir.isValid()) {
                    done(Error(Error::Code::FileError,
                               QStringLiteral("cannot create a temporary directory"),
                               QStringLiteral("demo cluster")));
                    return;
                }
                const QString path = self->m_dir.filePath(QStringLiteral("demo-kubeconfig.yaml"));
                QFile file(path);
                if (!file.open(QIODevice::WriteOnly)
                    || file.write(QByteArray::fromStdString(yaml)) != qint64(yaml.size())) {
                    done(Error(Error::Code::FileError, file.errorString(), path));
                    return;
                }
                file.close();
                file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
                self->m_kubeconfigPath = path;
                for (const std::string &c : contexts)
                    self->m_contexts << QString::fromStdString(c);
                done(path);
            },
            Qt::QueuedConnection);
    }).detach();
}

} // namespace Orrery::App
