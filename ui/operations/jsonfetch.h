// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <util/result.h>

#include <QObject>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>

namespace Orrery {

class HttpTransport;

// GET `path` and hand over the body as JSON on `context`'s thread. The objects fetched here
// are single objects or label-selected lists of one workload, small enough to decode on the
// GUI thread; the big lists go through the informers.
using JsonHandler = std::function<void(const Result<nlohmann::json> &)>;
void fetchJson(HttpTransport *transport, const QString &path, QObject *context,
               JsonHandler handler);

// "app=web,tier=front" from a LabelSelector's matchLabels (matchExpressions are not needed
// for the workloads' own selectors, which kubectl creates with matchLabels).
QString matchLabelsSelector(const nlohmann::json &selector);

} // namespace Orrery
