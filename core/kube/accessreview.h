// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Orrery {

class HttpTransport;

// "May I <verb> <resource>?" asked with SelfSubjectAccessReview
// (POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews), as `kubectl auth can-i` does.
struct AccessCheck
{
    QString verb;          // "list", "watch", "patch"
    QString group;         // "" core, "apps"
    QString resource;      // "pods"
    QString namespaceName; // empty: all namespaces
    QString subresource;   // "scale" for `patch deployments/scale`; empty: the object itself
    QString name;          // one object; empty: any
};

struct AccessResult
{
    AccessCheck check;
    bool allowed = false;
    QString reason;             // the authorizer's reason or denial, when given
    std::optional<Error> error; // the review itself failed (e.g. not served, 403)
};

class AccessReview
{
public:
    using Handler = std::function<void(const QList<AccessResult> &)>;
    // All checks run concurrently; `handler` gets the results in the order of `checks`, on
    // `context`'s thread.
    static void run(HttpTransport *transport, const QList<AccessCheck> &checks, QObject *context,
                    Handler handler);
};

} // namespace Orrery
