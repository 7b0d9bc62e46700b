// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/actions/writeexecutor.h>

#include <memory>
#include <optional>
#include <utility>

namespace Orrery {

// Remembers the response of the write that failed, so the failure can be explained in words
// (Operation's report only keeps a line of text).
class FailureRecorder : public WriteExecutor
{
public:
    explicit FailureRecorder(std::shared_ptr<WriteExecutor> inner)
        : m_inner(std::move(inner))
    {
    }

    void send(const PlannedWrite &write, QObject *context, Handler onFinished) override
    {
        m_inner->send(write, context,
                      [this, write, onFinished](const Result<ApiResponse> &response) {
                          if (!response.ok() || !response->isSuccess())
                              failure = std::make_pair(write, response);
                          onFinished(response);
                      });
    }

    std::optional<std::pair<PlannedWrite, Result<ApiResponse>>> failure;

private:
    std::shared_ptr<WriteExecutor> m_inner;
};

} // namespace Orrery
