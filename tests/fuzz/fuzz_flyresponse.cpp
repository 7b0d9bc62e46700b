// SPDX-License-Identifier: GPL-3.0-or-later
// A Fly.io answer (Machines API apps, app, machines, machine; GraphQL viewer and app) as
// FlyResponse decodes it, the first byte picking the decoder. Lists stay within their limits
// and free of duplicates; the topology built from decoded machines and details is a tree:
// every node's parent is a node of the same topology, ids are unique, links join nodes.
#include "cloud/flyresponse.h"
#include "fuzzinput.h"

#include <QSet>

namespace {

void checkTopology(const Orrery::AppTopology &t)
{
    QSet<QString> ids;
    for (const Orrery::AppNode &n : t.nodes) {
        if (ids.contains(n.id))
            __builtin_trap();
        ids.insert(n.id);
    }
    for (const Orrery::AppNode &n : t.nodes)
        if (!n.parentId.isEmpty() && (!ids.contains(n.parentId) || n.parentId == n.id))
            __builtin_trap();
    for (const Orrery::AppLink &l : t.links)
        if (!ids.contains(l.from) || !ids.contains(l.to))
            __builtin_trap();
    int current = 0;
    for (const Orrery::AppRelease &r : t.releases)
        current += r.current;
    if (current > 1)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        const Fuzz::Selected in = Fuzz::select(data, size);
        switch (in.selector % 7) {
        case 0: {
            const auto apps = FlyResponse::apps(in.payload);
            if (apps.ok() && apps->size() > FlyResponse::MaxApps)
                __builtin_trap();
            break;
        }
        case 1: (void)FlyResponse::app(in.payload); break;
        case 2: {
            const auto machines = FlyResponse::machines(in.payload);
            if (!machines.ok())
                break;
            if (machines->size() > FlyResponse::MaxMachines)
                __builtin_trap();
            QSet<QString> seen;
            for (const FlyMachine &m : *machines) {
                if (seen.contains(m.id) || m.events.size() > FlyResponse::MaxEvents
                    || m.checks.size() > FlyResponse::MaxChecks)
                    __builtin_trap();
                seen.insert(m.id);
            }
            // Machines with the same name, no group or a group named like an attachment id
            // still give a tree.
            FlyAppDetails details;
            details.secrets = {QStringLiteral("DATABASE_URL"), QStringLiteral("REDIS_URL")};
            checkTopology(FlyResponse::topology(QStringLiteral("a"), QStringLiteral("a"), QString(),
                                                *machines, details));
            break;
        }
        case 3: (void)FlyResponse::machine(in.payload); break;
        case 4: {
            const auto viewer = FlyResponse::viewer(in.payload);
            if (viewer.ok() && viewer->organizations.size() > FlyResponse::MaxOrganizations)
                __builtin_trap();
            break;
        }
        case 5: {
            const auto details = FlyResponse::appDetails(in.payload);
            if (!details.ok())
                break;
            if (details->releases.size() > FlyResponse::MaxReleases
                || details->secrets.size() > FlyResponse::MaxSecrets)
                __builtin_trap();
            checkTopology(
                FlyResponse::topology(QStringLiteral("a"), details->name, QString(), {}, *details));
            break;
        }
        default: (void)FlyResponse::errorMessage(in.payload); break;
        }
    });
}
