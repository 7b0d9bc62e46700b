// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/apirequest.h"
#include "plannedwrite.h"
#include "util/result.h"

#include <QObject>

#include <functional>

namespace Orrery {

// Sends one PlannedWrite. The cluster implementation goes through HttpTransport and the audit
// log; tests substitute fakes. `onFinished` runs on `context`'s thread with the response (any
// HTTP status) or a transport error.
class WriteExecutor
{
public:
    using Handler = std::function<void(const Result<ApiResponse> &)>;
    virtual ~WriteExecutor() = default;
    virtual void send(const PlannedWrite &write, QObject *context, Handler onFinished) = 0;

    // A stream that is not one request (exec, port-forward) is recorded like a write: `write`
    // describes it (its request is the upgrade, never sent here). `onRecorded` runs on
    // `context`'s thread, or not at all once it is gone, with the function that records how
    // the stream ended (call it once: ok, HTTP status or 0, the result in one line) or with
    // the Error that forbids opening it. The default records nothing (writers without a log).
    using StreamEnd = std::function<void(int status, const QString &result)>;
    using StreamRecorded = std::function<void(const Result<StreamEnd> &)>;
    virtual void recordStream(const PlannedWrite &write, QObject *context,
                              StreamRecorded onRecorded)
    {
        (void)write;
        (void)context;
        onRecorded(StreamEnd([](int, const QString &) {}));
    }
};

} // namespace Orrery
