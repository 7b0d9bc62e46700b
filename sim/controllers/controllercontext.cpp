// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllercontext.h"
#include "workload/kube.h"

namespace Orrery::Sim {

ControllerContext::ControllerContext(ObjectStore &s, SimClock &c)
    : store(s)
    , clock(c)
    , events(s, c)
    , load(c)
    , metrics(load, c)
    , logs(c)
    , now(c.now())
    , previousTick(now)
{
}

ObjectPtr ControllerContext::create(const GroupResource &gr, json object)
{
    // Sim time, so that ages of controller-made objects follow the simulation's speed.
    if (!object["metadata"].contains("creationTimestamp"))
        object["metadata"]["creationTimestamp"] = timestamp();
    try {
        return store.create(gr, std::move(object));
    } catch (const ApiError &) {
        return nullptr;
    }
}

ObjectPtr ControllerContext::update(const GroupResource &gr, json object)
{
    try {
        return store.update(gr, std::move(object));
    } catch (const ApiError &) {
        return nullptr;
    }
}

bool ControllerContext::remove(const GroupResource &gr, const std::string &ns,
                               const std::string &name)
{
    try {
        store.remove(gr, ns, name);
        return true;
    } catch (const ApiError &) {
        return false;
    }
}

void ControllerContext::deletePod(const json &pod)
{
    if (Kube::isTerminating(pod))
        return;
    json p = pod;
    p["metadata"]["deletionTimestamp"] = timestamp();
    p["metadata"]["deletionGracePeriodSeconds"]
        = p["spec"].value("terminationGracePeriodSeconds", 30);
    update(Kube::Pods, std::move(p));
}

std::string ControllerContext::allocateClusterIp()
{
    const int n = m_nextServiceIp++;
    return "10.96." + std::to_string((n / 250) % 250) + "." + std::to_string(n % 250 + 1);
}

std::string ControllerContext::allocatePodIp(const std::string &nodeName)
{
    auto idx = m_nodeIndex.find(nodeName);
    if (idx == m_nodeIndex.end())
        idx = m_nodeIndex.emplace(nodeName, static_cast<int>(m_nodeIndex.size())).first;
    const int n = m_nextPodIp[nodeName]++;
    // A /24 per node like kubenet/flannel, wrapping when exhausted (fine for a simulation).
    return "10.244." + std::to_string(idx->second % 256) + "." + std::to_string(n % 253 + 2);
}

int ControllerContext::allocateNodePort()
{
    const int port = m_nextNodePort++;
    if (m_nextNodePort > 32767)
        m_nextNodePort = 30000;
    return port;
}

} // namespace Orrery::Sim
