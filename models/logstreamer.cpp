// SPDX-License-Identifier: GPL-3.0-or-later
#include "logstreamer.h"

#include <QCoreApplication>
#include <QUrl>

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
        query << QStringLiteral("container=") + QString::fromLatin1(QUrl::toPercentEncoding(t.container));
    if (o.previous)
        query << QStringLiteral("previous=true");
    if (o.tailLines >= 0)
        query << QStringLiteral("tailLines=%1").arg(o.tailLines);
    if (o.timestamps)
        query << QStringLiteral("timestamps=true");
    return path + query.join(QLatin1Char('&'));
}

void LogStreamer::start(HttpTransport *transport, const QList<Target> &targets, const Options &options)
{
    stop();
    m_transport = transport;
    m_errors.clear();
    if (!transport)
        return;
    const int generation = ++m_generation;
    for (const Target &target : targets) {
        ApiRequest request = ApiRequest::get(logPath(target, options));
        request.accept = "text/plain, */*";
        request.timeoutMs = options.follow ? 0 : 60000;
        // Ids are only known after stream() returns; the handlers look them up through a
        // shared cell so a chunk arriving early still finds its stream.
        auto id = std::make_shared<HttpTransport::RequestId>(0);
        *id = transport->stream(
            request, this,
            [this, id, generation](const QByteArray &chunk) {
                if (generation == m_generation)
                    onChunk(*id, chunk);
            },
            [this, id, generation](const Result<ApiResponse> &result) {
                if (generation == m_generation)
                    onFinished(*id, result);
            });
        m_streams.insert(*id, Stream{target, {}});
    }
}

void LogStreamer::stop()
{
    ++m_generation;
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
    QByteArray data = it->partial + chunk;
    const qsizetype lastNewline = data.lastIndexOf('\n');
    if (lastNewline < 0) {
        it->partial = data;
        return;
    }
    it->partial = data.mid(lastNewline + 1);
    data.truncate(lastNewline);
    QStringList lines = QString::fromUtf8(data).split(QLatin1Char('\n'));
    for (QString &l : lines) {
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    }
    emit linesReceived(lines, it->target.prefix);
}

void LogStreamer::onFinished(HttpTransport::RequestId id, const Result<ApiResponse> &result)
{
    auto it = m_streams.find(id);
    if (it == m_streams.end())
        return;
    if (!it->partial.isEmpty())
        emit linesReceived({QString::fromUtf8(it->partial)}, it->target.prefix);
    const QString who = it->target.prefix.isEmpty() ? it->target.pod : it->target.prefix;
    if (!result.ok()) {
        m_errors << who + QStringLiteral(": ") + result.error().message;
    } else if (!result.value().isSuccess()) {
        m_errors << who + QStringLiteral(": ") + result.value().toError().message;
    }
    m_streams.erase(it);
    if (m_streams.isEmpty()) {
        if (m_errors.isEmpty())
            emit finished(QCoreApplication::translate("LogStreamer", "the server closed the stream (the container may have stopped)"), false);
        else
            emit finished(m_errors.join(QStringLiteral("; ")), true);
    }
}

} // namespace Orrery
