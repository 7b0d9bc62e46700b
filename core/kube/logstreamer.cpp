// SPDX-License-Identifier: GPL-3.0-or-later
#include "logstreamer.h"

#include <QCoreApplication>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <memory>

namespace Orrery {

LogStreamer::LogStreamer(QObject *parent)
    : QObject(parent)
{
}

LogStreamer::~LogStreamer()
{
    stop();
}

QString LogStreamer::logPath(const Target &t, const Options &o)
{
    QString path = QStringLiteral("/api/v1/namespaces/%1/pods/%2/log?")
                       .arg(QString::fromLatin1(QUrl::toPercentEncoding(t.namespaceName)),
                            QString::fromLatin1(QUrl::toPercentEncoding(t.pod)));
    QStringList query;
    // A previous (terminated) container cannot be followed.
    if (o.follow && !o.previous)
        query << QStringLiteral("follow=true");
    if (!t.container.isEmpty())
        query << QStringLiteral("container=")
                     + QString::fromLatin1(QUrl::toPercentEncoding(t.container));
    if (o.previous)
        query << QStringLiteral("previous=true");
    if (o.tailLines >= 0)
        query << QStringLiteral("tailLines=%1").arg(o.tailLines);
    if (o.timestamps)
        query << QStringLiteral("timestamps=true");
    return path + query.join(QLatin1Char('&'));
}

void LogStreamer::start(HttpTransport *transport, const QList<Target> &targets,
                        const Options &options)
{
    stop();
    m_transport = transport;
    m_options = options;
    m_errors.clear();
    if (!transport)
        return;
    ++m_generation;
    for (const Target &target : targets)
        open(target, 0);
}

void LogStreamer::open(const Target &target, int waits)
{
    if (!m_transport)
        return;
    const int generation = m_generation;
    ApiRequest request = ApiRequest::get(logPath(target, m_options));
    request.accept = "text/plain, */*";
    request.timeoutMs = m_options.follow ? 0 : 60000;
    // Ids are only known after stream() returns; the handlers look them up through a
    // shared cell so a chunk arriving early still finds its stream.
    auto id = std::make_shared<HttpTransport::RequestId>(0);
    *id = m_transport->stream(
        request, this,
        [this, id, generation](const QByteArray &chunk) {
            if (generation == m_generation)
                onChunk(*id, chunk);
        },
        [this, id, generation](const Result<ApiResponse> &result) {
            if (generation == m_generation)
                onFinished(*id, result);
        });
    m_streams.insert(*id, Stream{target, {}, waits});
}

bool LogStreamer::isStillStarting(const Result<ApiResponse> &result)
{
    // The API server answers 400 "container "x" in pod "y" is waiting to start:
    // ContainerCreating" (or PodInitializing) until the container runs. That is a matter of
    // seconds, not an error worth a red line: the pod was just created or is restarting.
    // Other waiting reasons (ImagePullBackOff, ...) are reported, they do not fix themselves.
    if (!result.ok() || result.value().status != 400)
        return false;
    const QByteArray &body = result.value().body;
    return body.contains("is waiting to start")
           && (body.contains("ContainerCreating") || body.contains("PodInitializing"));
}

void LogStreamer::stop()
{
    ++m_generation;
    m_waiting = 0;
    if (m_transport) {
        for (auto it = m_streams.constBegin(); it != m_streams.constEnd(); ++it)
            m_transport->cancel(it.key());
    }
    m_streams.clear();
}

void LogStreamer::onChunk(HttpTransport::RequestId id, const QByteArray &chunk)
{
    auto it = m_streams.find(id);
    if (it == m_streams.end())
        return;
    const QStringList lines = it->lines.feed(chunk);
    if (!lines.isEmpty())
        emit linesReceived(lines, it->target.prefix);
}

void LogStreamer::onFinished(HttpTransport::RequestId id, const Result<ApiResponse> &result)
{
    auto it = m_streams.find(id);
    if (it == m_streams.end())
        return;
    if (const QStringList last = it->lines.finish(); !last.isEmpty())
        emit linesReceived(last, it->target.prefix);
    const QString who = it->target.prefix.isEmpty() ? it->target.pod : it->target.prefix;
    if (isStillStarting(result) && m_options.follow && !m_options.previous
        && it->waits < MaximumWaits) {
        // Reopen when the container has had time to start: 0.5 s, 1 s, 2 s, then every 4 s.
        const Target target = it->target;
        const int waits = it->waits + 1;
        m_streams.erase(it);
        ++m_waiting;
        const int generation = m_generation;
        QTimer::singleShot(std::min(4000, 500 << std::min(waits - 1, 3)), this,
                           [this, target, waits, generation] {
                               if (generation != m_generation)
                                   return;
                               --m_waiting;
                               open(target, waits);
                           });
        return;
    }
    if (!result.ok()) {
        m_errors << who + QStringLiteral(": ") + result.error().message;
    } else if (!result.value().isSuccess()) {
        m_errors << who + QStringLiteral(": ") + result.value().toError().message;
    }
    m_streams.erase(it);
    if (m_streams.isEmpty() && m_waiting == 0) {
        if (m_errors.isEmpty())
            emit finished(
                QCoreApplication::translate(
                    "LogStreamer", "the server closed the stream (the container may have stopped)"),
                false);
        else
            emit finished(m_errors.join(QStringLiteral("; ")), true);
    }
}

} // namespace Orrery
