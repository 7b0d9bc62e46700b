// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace Orrery::Sim {

class ControllerContext;

// ControllerRevisions for StatefulSets and DaemonSets (pkg/controller/history): one per
// distinct pod template, named <owner>-<hash>, data = {"spec":{"template":{...,
// "$patch":"replace"}}} so `kubectl rollout undo` can patch it back. Returning to an older
// template re-numbers its revision to max + 1, as the real controllers do.
class RevisionHistory
{
public:
    struct Current
    {
        std::string name;
        std::string hash;
        long revision = 0;
    };
    static Current ensure(ControllerContext &ctx, const nlohmann::json &owner,
                          const std::string &kind);
    // Deletes revisions beyond the owner's revisionHistoryLimit (default 10) that no pod uses.
    static void prune(ControllerContext &ctx, const nlohmann::json &owner,
                      const std::string &current, const std::vector<std::string> &inUse);
};

} // namespace Orrery::Sim
