// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Orrery::Sim {

class ControllerContext;

// One reconciliation loop. sync() is called once per ControllerManager::tick() with the store
// lock held; it reads the current objects, writes what it must, and returns quickly.
class Controller
{
public:
    virtual ~Controller() = default;
    virtual const char *name() const = 0;
    virtual void sync(ControllerContext &ctx) = 0;
};

} // namespace Orrery::Sim
