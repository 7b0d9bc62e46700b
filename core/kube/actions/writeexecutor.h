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
};

} // namespace Orrery
