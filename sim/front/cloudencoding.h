// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace Orrery::Sim {

// What the simulated services (sim/aws, sim/azure, sim/google, sim/gitlab, sim/jenkins) all
// need to read and write their tokens, timestamps and URLs, strictly, as the real services do.

// Seconds since the epoch, by the wall clock (token lifetimes are real time, not sim time).
long long wallNow();
// "2026-12-07T16:55:46Z" (fractions and offsets ignored) as seconds since the epoch; 0 when
// it is not a timestamp.
long long parseIso(const std::string &s);
// %XX escapes decoded (either case of hex); a '%' not followed by two hex digits stays as it
// is, as Go's and Jenkins' lenient path decoding keep it. With plusIsSpace (form and query
// encoding), '+' is a space.
std::string percentDecode(const std::string &s, bool plusIsSpace = false);
// Standard base64 with padding.
std::string base64(const std::string &in);
// base64url without padding (RFC 4648 §5), strict: anything else gives nothing.
std::optional<std::string> base64UrlDecode(const std::string &in);
// Compares secrets in time that does not depend on where they differ.
bool constantTimeEqual(const std::string &a, const std::string &b);
// The strings of a JSON array; anything else gives none.
std::vector<std::string> strings(const nlohmann::json &j);

} // namespace Orrery::Sim
