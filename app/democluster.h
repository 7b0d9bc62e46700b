// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <util/result.h>

#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace Orrery::Sim {
class Simulator;
}

namespace Orrery::App {

// The demo: orrery_sim's clusters running inside this process, reached through the normal
// client path (their kubeconfig is written to a private temporary file and loaded with
// Kubeconfig, exactly like a user's). Starting runs on the Async pool so the window stays
// responsive; the simulator runs its own threads afterwards.
class DemoCluster : public QObject
{
    Q_OBJECT
public:
    explicit DemoCluster(QObject *parent = nullptr);
    ~DemoCluster() override;

    // Calls `done` on this object's thread with the kubeconfig path or an error.
    void start(std::function<void(const Result<QString> &)> done);

    QStringList contextNames() const { return m_contexts; }
    QString kubeconfigPath() const { return m_kubeconfigPath; }

private:
    std::shared_ptr<Sim::Simulator> m_simulator;
    QTemporaryDir m_dir;
    QString m_kubeconfigPath;
    QStringList m_contexts;
};

} // namespace Orrery::App
