// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/clusterconnection.h"

#include <QList>

#include <atomic>
#include <mutex>

namespace Orrery::Test {

// A CredentialProvider for tests: hands out the tokens of `tokens` in order, moving to the next
// one whenever the current one is reported unauthorized, and counts the calls. Thread-safe.
class TestCredentialProvider final : public CredentialProvider
{
public:
    explicit TestCredentialProvider(QList<QByteArray> tokens = {})
        : m_tokens(std::move(tokens))
    {
    }

    Result<Credential> credential() override
    {
        std::lock_guard lock(m_mutex);
        ++m_calls;
        if (m_failWith)
            return *m_failWith;
        Credential c;
        if (m_index < m_tokens.size())
            c.bearerToken = m_tokens.at(m_index);
        return c;
    }

    void reportUnauthorized(const Credential &used) override
    {
        std::lock_guard lock(m_mutex);
        ++m_unauthorized;
        if (m_index < m_tokens.size() && used.bearerToken == m_tokens.at(m_index))
            ++m_index;
    }

    QString authKind() const override { return QStringLiteral("token"); }

    void failWith(const Error &error)
    {
        std::lock_guard lock(m_mutex);
        m_failWith = error;
    }
    int calls() const { return m_calls; }
    int unauthorizedReports() const { return m_unauthorized; }

private:
    std::mutex m_mutex;
    QList<QByteArray> m_tokens;
    qsizetype m_index = 0;
    std::optional<Error> m_failWith;
    std::atomic<int> m_calls = 0;
    std::atomic<int> m_unauthorized = 0;
};

} // namespace Orrery::Test
