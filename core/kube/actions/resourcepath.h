// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/kubekind.h"

#include <QString>

namespace Orrery {

// REST paths of API objects: /api/v1/namespaces/NS/pods/NAME, /apis/apps/v1/... .
class ResourcePath
{
public:
    // `groupVersion` is an apiVersion ("v1", "apps/v1"). Empty `ns` or `name` leave those
    // segments out; `subresource` ("scale", "status") is appended after the name.
    static QString path(const QString &groupVersion, const QString &resource, const QString &ns,
                        const QString &name = {}, const QString &subresource = {});
    // For the kinds Orrery knows, with their preferred version.
    static QString forKind(Kind kind, const QString &ns, const QString &name = {},
                           const QString &subresource = {});
    static QString apiVersion(Kind kind);
    // Appends `key=value` to the query of `path` with ? or &, percent-encoding the value.
    static QString addQuery(const QString &path, const QString &key, const QString &value);
};

} // namespace Orrery
