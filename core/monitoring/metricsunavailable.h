// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QString>

namespace Orrery {

// Why Orrery shows no CPU or memory figure for something, in words the operator can act on
// (peers say "n/a" or "Metrics are not available" and leave the guessing to the user):
//  - NotServed: the API server does not serve metrics.k8s.io (no metrics-server, or its
//    APIService is missing);
//  - Forbidden: the user may not read the metrics; names the verb, resource and namespace to
//    grant;
//  - ApiError: the metrics API answered an error (its HTTP status and message), or could
//    not be reached;
//  - NoSample: the API works, but has no sample for this object yet (a pod just started, a
//    node whose kubelet metrics-server cannot scrape).
// A value: built in core, shown by the CLI, the tables and the details pane alike.
struct MetricsUnavailable
{
    enum class Reason { NotServed, Forbidden, ApiError, NoSample };

    Reason reason = Reason::ApiError;
    QString verb;       // Forbidden: "list", "get"
    QString resource;   // Forbidden: "pods", "nodes"; NoSample: "pod", "node"
    QString ns;         // Forbidden: the namespace, empty for all namespaces / cluster scope
    QString name;       // NoSample: the object
    int httpStatus = 0; // ApiError: 0 when no answer came
    QString message;    // ApiError: the server's (or the transport's) message

    static MetricsUnavailable notServed();
    static MetricsUnavailable forbidden(const QString &verb, const QString &resource,
                                        const QString &ns);
    static MetricsUnavailable apiError(int httpStatus, const QString &message);
    static MetricsUnavailable noSample(const QString &resource, const QString &ns,
                                       const QString &name);
    // The reason behind a failed request for `verb` on `resource` (pods, nodes) of
    // metrics.k8s.io in `ns`: 404 is NotServed (a list is never 404 where the API is
    // served), 403 Forbidden, anything else ApiError.
    static MetricsUnavailable fromError(const Error &error, const QString &verb,
                                        const QString &resource, const QString &ns);

    // One translated sentence, e.g. "no metrics-server found; looked for APIService
    // v1beta1.metrics.k8s.io".
    QString text() const;

    bool operator==(const MetricsUnavailable &) const = default;
};

} // namespace Orrery
