// SPDX-License-Identifier: GPL-3.0-or-later
#include "execsession.h"

#include "websocketconnection.h"

#include <util/jsonread.h>

#include <QUrl>

#include <nlohmann/json.hpp>

namespace Orrery {

QString ExecOptions::path() const
{
    QByteArray query;
    auto add = [&query](const char *key, const QString &value) {
        if (!query.isEmpty())
            query += '&';
        query += key;
        query += '=';
        query += QUrl::toPercentEncoding(value);
    };
    for (const QString &word : command)
        add("command", word);
    if (!container.isEmpty())
        add("container", container);
    add("stdin", stdinOpen ? QStringLiteral("true") : QStringLiteral("false"));
    add("stdout", QStringLiteral("true"));
    add("stderr", tty ? QStringLiteral("false") : QStringLiteral("true"));
    add("tty", tty ? QStringLiteral("true") : QStringLiteral("false"));
    return QStringLiteral("/api/v1/namespaces/%1/pods/%2/exec?%3")
        .arg(QString::fromUtf8(QUrl::toPercentEncoding(ns)),
             QString::fromUtf8(QUrl::toPercentEncoding(pod)), QString::fromLatin1(query));
}

Result<int> execExitStatus(const QByteArray &statusJson)
{
    using nlohmann::json;
    const json s = JsonRead::parse(QByteArrayView(statusJson));
    if (!s.is_object())
        return Error(Error::Code::ParseError, QStringLiteral("the exec status is not JSON"));
    auto str = [](const json &o, const char *key) {
        return o.is_object() && o.contains(key) && o[key].is_string()
                   ? QString::fromStdString(o[key].get<std::string>())
                   : QString();
    };
    if (str(s, "status") == QLatin1String("Success"))
        return 0;
    if (str(s, "reason") == QLatin1String("NonZeroExitCode") && s.contains("details")
        && s["details"].is_object() && s["details"].contains("causes")
        && s["details"]["causes"].is_array()) {
        for (const json &cause : s["details"]["causes"]) {
            if (str(cause, "reason") != QLatin1String("ExitCode"))
                continue;
            bool ok = false;
            const int code = str(cause, "message").toInt(&ok);
            if (ok)
                return code;
        }
    }
    const QString message = str(s, "message");
    return Error(Error::Code::ServerError,
                 message.isEmpty() ? QStringLiteral("the command failed") : message);
}

ExecSession::ExecSession(ClusterConnection connection, ExecOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_connection(std::move(connection))
{
}

ExecSession::~ExecSession()
{
    const bool open = m_socket && !m_done;
    m_socket.reset();
    // Closed while running: said once, so whoever records the session's end hears it.
    if (open) {
        m_done = true;
        emit finished(Error(Error::Code::Cancelled, QStringLiteral("the session was closed"),
                            m_connection.contextName));
    }
}

void ExecSession::start()
{
    if (m_socket)
        return;
    Internal::WebSocketConnection::Handlers handlers;
    handlers.opened = [this](const QByteArray &protocol) {
        QMetaObject::invokeMethod(
            this,
            [this, protocol] {
                m_protocol = protocol;
                m_running = true;
                emit started(protocol);
            },
            Qt::QueuedConnection);
    };
    handlers.message = [this](const QByteArray &message) {
        // The error channel's Status is decoded here, on the connection's thread, never on
        // the owner's (the GUI thread).
        if (!message.isEmpty() && quint8(message.at(0)) == 3) {
            const Result<int> status = execExitStatus(message.mid(1));
            QMetaObject::invokeMethod(
                this,
                [this, status] {
                    if (!m_done)
                        m_status = status;
                },
                Qt::QueuedConnection);
            return;
        }
        QMetaObject::invokeMethod(
            this, [this, message] { onMessage(message); }, Qt::QueuedConnection);
    };
    handlers.closed = [this](const Result<void> &result) {
        QMetaObject::invokeMethod(
            this, [this, result] { onClosed(result); }, Qt::QueuedConnection);
    };
    m_socket = std::make_unique<Internal::WebSocketConnection>(
        m_connection, m_options.path(),
        QList<QByteArray>{QByteArrayLiteral("v5.channel.k8s.io"),
                          QByteArrayLiteral("v4.channel.k8s.io")},
        std::move(handlers));
    m_socket->start();
}

bool ExecSession::write(const QByteArray &input)
{
    if (!m_socket || m_done || input.isEmpty())
        return false;
    return m_socket->send(QByteArray(1, '\0') + input);
}

void ExecSession::closeStdin()
{
    if (m_socket && !m_done && m_protocol == "v5.channel.k8s.io")
        m_socket->send(QByteArray("\xff\x00", 2));
}

void ExecSession::resize(int columns, int rows)
{
    if (!m_socket || m_done || !m_options.tty || columns <= 0 || rows <= 0)
        return;
    m_socket->send(
        QByteArray(1, '\x04')
        + QStringLiteral("{\"Width\":%1,\"Height\":%2}").arg(columns).arg(rows).toUtf8());
}

void ExecSession::terminate()
{
    if (m_socket && !m_done)
        m_socket->close();
}

void ExecSession::onMessage(const QByteArray &message)
{
    if (message.isEmpty() || m_done)
        return;
    const int channel = quint8(message.at(0));
    const QByteArray data = message.mid(1);
    if (channel == 1 || channel == 2) {
        if (!data.isEmpty())
            emit output(data, channel);
    }
}

void ExecSession::onClosed(const Result<void> &result)
{
    if (m_done)
        return;
    m_done = true;
    m_running = false;
    if (m_status) {
        emit finished(*m_status);
    } else if (!result.ok()) {
        emit finished(result.error());
    } else {
        emit finished(Error(Error::Code::Network,
                            QStringLiteral("the stream ended without the command's exit status"),
                            m_connection.contextName));
    }
}

} // namespace Orrery
