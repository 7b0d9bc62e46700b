// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusterconnection.h"

#include <QDateTime>
#include <QMutex>

#include <optional>

namespace Orrery {

// A bearer token read from a file (kubeconfig "tokenFile"), e.g. a projected service-account
// token that the kubelet rotates. The file is re-read when its modification time or size
// changes, at the latest every minute (as client-go's cached file token source does), and
// after a 401 with the cached token. Thread-safe: one mutex guards the cache.
class TokenFileCredentialProvider final : public CredentialProvider
{
public:
    // `base` carries what the kubeconfig adds to the token (a client certificate and key).
    explicit TokenFileCredentialProvider(QString path, Credential base = {});

    Result<Credential> credential() override;
    void reportUnauthorized(const Credential &used) override;
    QString authKind() const override { return QStringLiteral("tokenFile"); }

    QString path() const { return m_path; }

private:
    const QString m_path;
    const Credential m_base;

    QMutex m_mutex;
    std::optional<Credential> m_cached;
    QDateTime m_modified;
    qint64 m_size = -1;
    QDateTime m_readAt;
};

} // namespace Orrery
