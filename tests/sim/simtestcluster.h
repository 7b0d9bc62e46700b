// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared fixture of the controller tests: a store, a manual clock and the controllers, plus
// builders for the objects the tests create. Header-only so each tst_*.cpp stays one target.

#include "controllermanager.h"
#include "controllers/nodecontroller.h"
#include "objectstore.h"
#include "registry/registries.h"
#include "simclock.h"
#include "workload/kube.h"

#include <functional>
#include <string>
#include <vector>

namespace Orrery::Sim::Test {

using json = nlohmann::json;

struct SimTestCluster
{
    ObjectStore store;
    SimClock clock{SimClock::Mode::Manual};
    ControllerManager cm{store, clock};

    SimTestCluster()
    {
        cm.setMetricsNoise(0);
        // The tests' own registry: releases of an "api" image, the -broken ones exit at start
        // (CrashLoopBackOff). Public images (nginx, mysql, ...) come from the catalogue.
        for (const char *tag : {"1.0", "1.1", "2.0", "2.1"})
            cm.registries().push(std::string("registry.local/api:") + tag);
        for (const char *tag : {"1.1-broken", "2.1-broken", "broken"})
            cm.registries().push(std::string("registry.local/api:") + tag, 1);
    }

    void ns(const std::string &name)
    {
        try {
            store.create(
                Kube::Namespaces,
                {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}});
        } catch (const ApiError &) {
        }
    }

    void node(const std::string &name, const std::string &cpu = "4",
              const std::string &memory = "16Gi")
    {
        static int index = 0;
        store.create(Kube::Nodes, NodeController::makeNode(name, cpu, memory, json::object(),
                                                           "v1.32.2", index++, clock.timestamp()));
    }

    static json podTemplate(const std::string &app, const std::string &image,
                            const std::string &cpu = "100m")
    {
        return {{"metadata", {{"labels", {{"app", app}}}}},
                {"spec",
                 {{"containers",
                   json::array(
                       {{{"name", app},
                         {"image", image},
                         {"ports", json::array({{{"containerPort", 8080}}})},
                         {"resources", {{"requests", {{"cpu", cpu}, {"memory", "128Mi"}}}}}}})}}}};
    }

    ObjectPtr deployment(const std::string &ns, const std::string &name, int replicas,
                         const std::string &image, const json &strategy = nullptr,
                         const std::string &cpu = "100m")
    {
        json d = {{"apiVersion", "apps/v1"},
                  {"kind", "Deployment"},
                  {"metadata", {{"name", name}, {"namespace", ns}}},
                  {"spec",
                   {{"replicas", replicas},
                    {"selector", {{"matchLabels", {{"app", name}}}}},
                    {"template", podTemplate(name, image, cpu)}}}};
        if (!strategy.is_null())
            d["spec"]["strategy"] = strategy;
        return store.create(Kube::Deployments, d);
    }

    json get(const GroupResource &gr, const std::string &ns, const std::string &name)
    {
        ObjectPtr p = store.get(gr, ns, name);
        return p ? *p : json();
    }

    void update(const GroupResource &gr, const std::string &ns, const std::string &name,
                const std::function<void(json &)> &change)
    {
        json obj = get(gr, ns, name);
        change(obj);
        store.update(gr, obj);
    }

    std::vector<json> list(const GroupResource &gr, const std::string &ns = {})
    {
        std::vector<json> out;
        for (const ObjectPtr &p : store.list(gr, ns))
            out.push_back(*p);
        return out;
    }

    std::vector<json> podsOf(const std::string &ns, const std::string &app, bool activeOnly = true)
    {
        std::vector<json> out;
        for (const ObjectPtr &p : store.list(Kube::Pods, ns)) {
            if (Kube::str(*p, json::json_pointer("/metadata/labels/app")) == app
                && (!activeOnly || Kube::isPodActive(*p)))
                out.push_back(*p);
        }
        return out;
    }

    int readyPods(const std::string &ns, const std::string &app)
    {
        int n = 0;
        for (const json &p : podsOf(ns, app))
            n += Kube::isPodReady(p) ? 1 : 0;
        return n;
    }

    // Steps the manual clock one second at a time until pred holds; false after maxSeconds.
    bool runUntil(const std::function<bool()> &pred, int maxSeconds, int stepMs = 1000)
    {
        for (int waited = 0; waited <= maxSeconds * 1000; waited += stepMs) {
            cm.tick();
            if (pred())
                return true;
            clock.advance(std::chrono::milliseconds(stepMs));
        }
        return false;
    }

    bool rolloutComplete(const std::string &ns, const std::string &name)
    {
        const json d = get(Kube::Deployments, ns, name);
        const int replicas = d["spec"].value("replicas", 1);
        const json s = d.value("status", json::object());
        return s.value("observedGeneration", 0) >= d["metadata"].value("generation", 1)
               && s.value("updatedReplicas", -1) == replicas && s.value("replicas", -1) == replicas
               && s.value("availableReplicas", -1) == replicas;
    }

    std::vector<json> eventsFor(const std::string &name, const std::string &reason = {})
    {
        std::vector<json> out;
        for (const ObjectPtr &e : store.list(Kube::Events)) {
            if ((*e)["involvedObject"].value("name", "") == name
                && (reason.empty() || e->value("reason", "") == reason))
                out.push_back(*e);
        }
        return out;
    }

    static std::string condition(const json &obj, const std::string &type,
                                 const char *field = "reason")
    {
        for (const json &c : obj.value("/status/conditions"_json_pointer, json::array())) {
            if (c.value("type", "") == type)
                return c.value(field, "");
        }
        return {};
    }
};

} // namespace Orrery::Sim::Test
