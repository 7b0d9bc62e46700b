// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loglinesplitter.h"

#include "httptransport.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace Orrery {

// Follows the logs of one or more containers (a pod, or every pod of a workload) through the
// cluster's HttpTransport and hands complete lines to the GUI in batches. Never blocks: the
// transport streams on its worker thread and calls back on this object's thread.
class LogStreamer : public QObject
{
    Q_OBJECT
public:
    struct Target
    {
        QString namespaceName;
        QString pod;
        QString container; // empty: the pod's only container
        QString prefix;    // shown before each line in merged views ("web-1", "web-1/sidecar")
    };
    struct Options
    {
        bool follow = true;
        bool previous = false;
        int tailLines = 500; // -1: all
        bool timestamps = false;
    };

    explicit LogStreamer(QObject *parent = nullptr);
    ~LogStreamer() override;

    void start(HttpTransport *transport, const QList<Target> &targets, const Options &options);
    void stop();
    bool isRunning() const { return !m_streams.isEmpty() || m_waiting > 0; }

    static QString logPath(const Target &target, const Options &options);
    // A followed stream whose container is still being created is reopened (with backoff)
    // up to this many times (about two minutes) before the server's answer is reported.
    static constexpr int MaximumWaits = 32;

signals:
    void linesReceived(const QStringList &lines, const QString &prefix);
    // Every stream has ended. `failed`: at least one ended with an error (its text in reason).
    void finished(const QString &reason, bool failed);

private:
    struct Stream
    {
        Target target;
        LogLineSplitter lines; // bytes after the last newline; cuts overlong lines
        int waits = 0;         // reopenings while the container was still being created
    };
    void open(const Target &target, int waits);
    static bool isStillStarting(const Result<ApiResponse> &result);
    void onChunk(HttpTransport::RequestId id, const QByteArray &chunk);
    void onFinished(HttpTransport::RequestId id, const Result<ApiResponse> &result);

    QPointer<HttpTransport> m_transport;
    Options m_options;
    QHash<HttpTransport::RequestId, Stream> m_streams;
    QStringList m_errors;
    int m_generation = 0;
    int m_waiting = 0; // streams waiting to be reopened (container still starting)
};

} // namespace Orrery
