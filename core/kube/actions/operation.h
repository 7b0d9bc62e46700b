// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plannedwrite.h"
#include "util/result.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Orrery {

class WriteExecutor;

// kpmcore's Operation: a described list of jobs (PlannedWrites) that can be previewed before
// it runs, runs them one after the other through a WriteExecutor, stops at the first failure,
// and writes a report. Runs on the thread it lives on; the I/O happens in the transport.
class Operation : public QObject
{
    Q_OBJECT

public:
    Operation(QString description, QList<PlannedWrite> jobs, QObject *parent = nullptr);

    const QString &description() const { return m_description; }
    const QList<PlannedWrite> &jobs() const { return m_jobs; }
    // One line per job, as the confirmation dialog lists them.
    QStringList preview() const;
    // "<job description>: ok (200)" / "...: failed: <error>" lines, in order.
    const QStringList &report() const { return m_report; }
    bool isRunning() const { return m_running; }

    void run(WriteExecutor *executor);
    // The job in flight still completes on the server; no further job starts.
    void cancel();

signals:
    void jobStarted(int index);
    void jobFinished(int index, bool ok, const QString &message);
    void finished(bool ok);

private:
    void next();

    QString m_description;
    QList<PlannedWrite> m_jobs;
    QStringList m_report;
    WriteExecutor *m_executor = nullptr;
    int m_index = 0;
    bool m_running = false;
};

} // namespace Orrery
