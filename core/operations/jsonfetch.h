// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>

namespace Orrery {

class HttpTransport;

// Reads for operations, decoded off the GUI thread: the request runs on the transport's worker
// and the JSON is parsed there too, so the caller's thread only receives a parsed value.
// `handler` runs on `context`'s thread, not at all once `context` is gone.
using JsonHandler = std::function<void(const Result<nlohmann::json> &)>;

struct JsonFetchOptions
{
    // The path names one Secret: its values (and its last-applied annotation) are replaced on
    // the worker, before the object reaches the caller (Redaction::hideSecretValues), so
    // operations that only need a Secret's identity never hold its data.
    bool secret = false;
};

// GET `path`; a non-2xx answer or a body that is not JSON becomes an Error.
void fetchJson(HttpTransport *transport, const QString &path, QObject *context, JsonHandler handler,
               JsonFetchOptions options = {});

// Parses `body` on the transport's worker thread (a write's answer, a dry run's object) and
// hands the value to `context`'s thread; discarded (is_discarded()) when it is not JSON.
void parseJson(HttpTransport *transport, QByteArray body, QObject *context,
               std::function<void(const nlohmann::json &)> handler);

// Runs `work` on the transport's worker thread (decoding, diffs: nothing for the GUI thread);
// the function it returns then runs on `context`'s thread, not at all once `context` is gone.
void runOnWorker(HttpTransport *transport, QObject *context,
                 std::function<std::function<void()>()> work);

// "app=web,tier=front" from a LabelSelector's matchLabels (matchExpressions are not needed
// for the workloads' own selectors, which kubectl creates with matchLabels).
QString matchLabelsSelector(const nlohmann::json &selector);

} // namespace Orrery
