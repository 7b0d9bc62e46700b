// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's image references and registry answers (sim/registry): a pod's image string
// comes from any API client. The input's first line is the reference (normalised, then pulled
// with the second line as a dockerconfigjson key); the rest, when it is JSON, is a scenario
// `registries:` list loaded into a scratch copy (malformed ones throw runtime_error, which is
// the documented refusal). Tag patterns of the first line are expanded too (bounded).
#include "fuzzinput.h"
#include "registry/imagereference.h"
#include "registry/registries.h"

#include <stdexcept>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery::Sim;
        static Registries registries; // the public catalogue is built once
        const std::string text(reinterpret_cast<const char *>(data), size);
        const auto nl = text.find('\n');
        const std::string reference = text.substr(0, nl);
        std::string rest = nl == std::string::npos ? std::string() : text.substr(nl + 1);
        const auto nl2 = rest.find('\n');
        const std::string key = rest.substr(0, nl2);
        const std::string body = nl2 == std::string::npos ? std::string() : rest.substr(nl2 + 1);

        if (const auto ref = ImageReference::parse(reference)) {
            // Normalising is idempotent.
            const auto again = ImageReference::parse(ref->str());
            if (!again || again->str() != ref->str())
                __builtin_trap();
        }
        (void)registries.pull(reference, {key});
        (void)Registries::credentialMatches(key, reference);
        if (Registries::expand(reference.substr(0, 64)).size() > 4096)
            __builtin_trap();
        const nlohmann::json list = nlohmann::json::parse(body, nullptr, false);
        if (!list.is_discarded()) {
            Registries scratch;
            try {
                scratch.load(list);
            } catch (const std::runtime_error &) {
            }
        }
    });
}
