// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/actions/plannedwrite.h"
#include "operations/clusteroperation.h"
#include "runbookexecutor.h"

#include <QObject>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>

class QTimer;

namespace Orrery {

class HttpTransport;
class WriteExecutor;

// Runs runbook steps against one cluster with the same operation classes as the window
// (core/operations: a step and a menu action cannot diverge): the operation reads what it
// needs through the transport, plans the write (so refusals are kubectl's), and sends it
// through `writer` (the audited ClusterWriteExecutor in the app). Waits poll every second.
// setLoad exists only on orrery-sim (its /version says "orrerySimulator": true): a merge
// patch of the sim.orrery.dev/load-percent annotation; elsewhere it fails with Unsupported
// ("only on the demo cluster"). Lives on the GUI thread; the confirmation for a runbook is asked
// once, before start, by the UI.
class ClusterRunbookExecutor : public QObject, public RunbookExecutor
{
    Q_OBJECT

public:
    ClusterRunbookExecutor(HttpTransport *transport, WriteExecutor *writer,
                           QString defaultNamespace, QString runbookDirectory,
                           QObject *parent = nullptr);
    ~ClusterRunbookExecutor() override;

    void execute(const RunbookStep &step, Done done) override;
    void cancel() override;

    // Poll interval of waitForRollout (tests shorten it).
    void setPollInterval(int ms) { m_pollMs = ms; }

    // The annotation orrery-sim reads: load = P % of the workload's scheduled peak.
    static QString loadAnnotation();
    // The setLoad write: merge patch of the annotation (percent < 0 removes it).
    static Result<PlannedWrite> planSetLoad(const nlohmann::json &workload, int percent);

private:
    void get(const QString &path, JsonHandler handler);
    // Fetches, plans and runs `op` (owned from here on); `done` gets its outcome.
    void runOperation(ClusterOperation *op, Done done);
    OperationTarget target(const RunbookStep &step) const;
    void send(const QList<PlannedWrite> &writes, const QString &success, Done done);
    void pollRollout(const RunbookStep &step, const QString &path, qint64 deadline, Done done);
    void rollback(const RunbookStep &step, const QString &path, qint64 deadline, Done done);
    void setLoad(const RunbookStep &step, const QString &path, Done done);
    QString workloadPath(const RunbookStep &step) const;
    QString ns(const RunbookStep &step) const;

    HttpTransport *m_transport;
    WriteExecutor *m_writer;
    QString m_defaultNamespace;
    QString m_directory;
    int m_pollMs = 1000;
    quint64 m_generation = 0; // bumped by cancel(): stale callbacks stop there
    QTimer *m_timer = nullptr;
};

} // namespace Orrery
