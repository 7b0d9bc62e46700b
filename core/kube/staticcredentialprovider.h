// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusterconnection.h"

#include <utility>

namespace Orrery {

// A credential fixed in the kubeconfig: a token, a client certificate and key, basic auth, or
// nothing at all ("none"). Immutable after construction, hence thread-safe without a lock.
class StaticCredentialProvider final : public CredentialProvider
{
public:
    StaticCredentialProvider(Credential credential, QString authKind)
        : m_credential(std::move(credential))
        , m_authKind(std::move(authKind))
    {
    }

    Result<Credential> credential() override { return m_credential; }
    // Nothing to re-read: the same credential will be rejected again, and the caller shows that.
    void reportUnauthorized(const Credential &) override {}
    QString authKind() const override { return m_authKind; }

private:
    const Credential m_credential;
    const QString m_authKind;
};

} // namespace Orrery
