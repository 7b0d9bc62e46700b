// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "eventloopwait.h"

#include "util/result.h"

#include <optional>

namespace Orrery::Test {

// Calls `call` with a handler taking a Result<T> and runs the event loop until the answer
// comes (at most `timeoutMs`): std::nullopt when none came. For the asynchronous clients:
//     const auto runs = ask<QList<PipelineRun>>([&](auto done) { client.runs(..., done); });
template <typename T, typename Call> std::optional<Result<T>> ask(Call call, int timeoutMs = 30000)
{
    std::optional<Result<T>> answer;
    call([&answer](const Result<T> &r) { answer = r; });
    waitUntil([&] { return answer.has_value(); }, timeoutMs);
    return answer;
}

} // namespace Orrery::Test
