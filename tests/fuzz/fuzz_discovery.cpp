// SPDX-License-Identifier: GPL-3.0-or-later
// An APIResourceList (GET /api/v1, /apis/<group>/<version>) and the per-kind table built
// from it. The /api and /apis group lists are read inside ApiDiscovery::discover()'s
// network callbacks and are not reachable without a server (see docs/RELIABILITY.md).
#include "fuzzinput.h"
#include "kube/discovery.h"
#include "kube/kubekind.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        const auto resources = ApiDiscovery::parseResourceList(Fuzz::bytes(data, size));
        if (!resources.ok())
            return;
        ApiDiscovery discovery;
        discovery.resources = resources.value();
        for (const ApiResource &r : discovery.resources)
            discovery.groupVersions << r.groupVersion();
        discovery.resolveKinds();
        for (Kind kind : allKinds()) {
            if (auto r = discovery.resource(kind)) {
                (void)r->collectionPath(QStringLiteral("default"));
                (void)r->objectPath(QStringLiteral("default"), QStringLiteral("x"));
            }
            (void)discovery.kindError(kind);
        }
    });
}
