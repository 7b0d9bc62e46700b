// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenfilecredentialprovider.h"

#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>

namespace Orrery {

namespace {
// client-go's cachingFileTokenSource re-reads after a minute even when nothing seems changed
// (a file rewritten within the same timestamp tick with the same size).
constexpr qint64 kMaxAgeMs = 60 * 1000;
} // namespace

TokenFileCredentialProvider::TokenFileCredentialProvider(QString path, Credential base)
    : m_path(std::move(path))
    , m_base(std::move(base))
{
}

Result<Credential> TokenFileCredentialProvider::credential()
{
    QMutexLocker lock(&m_mutex);
    const QFileInfo info(m_path); // a fresh QFileInfo: no cached stat
    if (!info.exists()) {
        Error error(Error::Code::FileError,
                    QStringLiteral("token file \"%1\" does not exist").arg(m_path));
        error.file = m_path;
        return error;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_cached && info.lastModified() == m_modified && info.size() == m_size
        && m_readAt.msecsTo(now) < kMaxAgeMs)
        return *m_cached;

    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        Error error(
            Error::Code::FileError,
            QStringLiteral("cannot read token file \"%1\": %2").arg(m_path, file.errorString()));
        error.file = m_path;
        return error;
    }
    const QByteArray token = file.readAll().trimmed();
    if (token.isEmpty()) {
        Error error(Error::Code::AuthError,
                    QStringLiteral("token file \"%1\" is empty").arg(m_path));
        error.file = m_path;
        return error;
    }
    Credential credential = m_base;
    credential.bearerToken = token;
    m_cached = credential;
    m_modified = info.lastModified();
    m_size = info.size();
    m_readAt = now;
    return credential;
}

void TokenFileCredentialProvider::reportUnauthorized(const Credential &used)
{
    QMutexLocker lock(&m_mutex);
    if (m_cached && m_cached->bearerToken == used.bearerToken)
        m_cached.reset();
}

} // namespace Orrery
