// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace Orrery::Sim {

// Standard base64 with padding (RFC 4648 §4), as Kubernetes uses for Secret data, certificate
// data in kubeconfigs and continue tokens.
std::string base64Encode(const std::string &bytes);

} // namespace Orrery::Sim
