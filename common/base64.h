// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace Orrery::Base64 {

// Standard base64 with padding (RFC 4648 §4), as Kubernetes writes Secret data, certificate
// data in kubeconfigs and Helm release payloads.
std::string encode(std::string_view bytes);

// Reads the standard and the URL-safe alphabet (RFC 4648 §5), with or without padding.
// Empty for anything else: a character outside the alphabet (whitespace included), padding
// before the end, or a length no encoder produces.
std::optional<std::string> decode(std::string_view text);

} // namespace Orrery::Base64
