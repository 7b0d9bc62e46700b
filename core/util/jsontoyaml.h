// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <nlohmann/json_fwd.hpp>

namespace Orrery {

// YAML text of a JSON document, in the block style kubectl prints (`kubectl get -o yaml`):
// keys in document order, strings quoted only when needed.
QByteArray jsonToYaml(const nlohmann::json &document);

} // namespace Orrery
