// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/apirequest.h"

#include <QString>

#include <functional>

#include <nlohmann/json.hpp>

namespace Orrery {

// One write an action will send: the exact HTTP request plus what the confirmation dialog and
// the audit log need to describe it. Building it performs no I/O, so every action can be
// previewed (kpmcore's "describe before run").
struct PlannedWrite
{
    QString verb;       // "patch", "delete", "apply", "create", "update"
    QString apiVersion; // "apps/v1"
    QString kind;       // "Deployment"
    QString ns;         // empty for cluster-scoped objects
    QString name;
    bool dryRun = false;
    ApiRequest request;
    // The body as JSON (the patch, the applied object or the DeleteOptions) for previews and
    // the audit summary; `request.body` is what goes on the wire.
    nlohmann::json body;
    QString description; // one translated line: "Scale Deployment shop/web to 5 replicas"
    // For protocols that report a failure inside a successful HTTP answer (GraphQL's "errors"
    // with HTTP 200): the failure in one line, empty when the answer means success. The audit
    // log's outcome uses it (ClusterWriteExecutor); unset, the HTTP status decides. Runs on
    // the transport's thread; it must not capture anything that thread cannot use.
    std::function<QString(const ApiResponse &)> answerFailure;
};

} // namespace Orrery
