// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectstore.h"

#include <QtTest>

#include <set>

using namespace Orrery::Sim;

namespace {
const GroupResource kPods{"", "pods"};
const GroupResource kNamespaces{"", "namespaces"};
const GroupResource kDeployments{"apps", "deployments"};

json pod(const std::string &ns, const std::string &name)
{
    return {{"apiVersion", "v1"},
            {"kind", "Pod"},
            {"metadata", {{"name", name}, {"namespace", ns}}},
            {"spec", {{"containers", json::array({{{"name", "c"}, {"image", "nginx"}}})}}}};
}

json ns(const std::string &name)
{
    return {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}};
}

int errorCode(const std::function<void()> &f)
{
    try {
        f();
    } catch (const ApiError &e) {
        return e.code();
    }
    return 0;
}
} // namespace

class TestObjectStore : public QObject
{
    Q_OBJECT
private slots:
    void createAssignsMetadata()
    {
        ObjectStore store;
        store.create(kNamespaces, ns("default"));
        auto p = store.create(kPods, pod("default", "a"));
        const json &m = (*p)["metadata"];
        QVERIFY(!m["uid"].get<std::string>().empty());
        QCOMPARE(m["uid"].get<std::string>().size(), size_t(36));
        QCOMPARE(m["resourceVersion"].get<std::string>(), std::to_string(store.resourceVersion()));
        QCOMPARE(m["generation"].get<int>(), 1);
        QVERIFY(m["creationTimestamp"].get<std::string>().ends_with("Z"));
    }

    void createErrors()
    {
        ObjectStore store;
        store.create(kNamespaces, ns("default"));
        QCOMPARE(errorCode([&] { store.create(kPods, pod("missing", "a")); }), 404);
        store.create(kPods, pod("default", "a"));
        QCOMPARE(errorCode([&] { store.create(kPods, pod("default", "a")); }), 409);
        QCOMPARE(errorCode([&] { store.create(kPods, pod("default", "")); }), 422);
        json g = pod("default", "");
        g["metadata"]["generateName"] = "web-";
        auto p = store.create(kPods, g);
        const auto name = (*p)["metadata"]["name"].get<std::string>();
        QVERIFY(name.starts_with("web-"));
        QCOMPARE(name.size(), size_t(9));
    }

    void updateSemantics()
    {
        ObjectStore store;
        store.create(kNamespaces, ns("default"));
        json d = {{"metadata", {{"name", "web"}, {"namespace", "default"}}},
                  {"spec", {{"replicas", 1}}}};
        auto created = store.create(kDeployments, d);
        json changed = *created;
        changed["status"] = {{"replicas", 1}};
        auto u1 = store.update(kDeployments, changed);
        QCOMPARE((*u1)["metadata"]["generation"].get<int>(), 1); // status only
        changed = *u1;
        changed["spec"]["replicas"] = 3;
        auto u2 = store.update(kDeployments, changed);
        QCOMPARE((*u2)["metadata"]["generation"].get<int>(), 2);
        QCOMPARE((*u2)["metadata"]["uid"], (*created)["metadata"]["uid"]);
        // Stale resourceVersion: optimistic concurrency conflict.
        QCOMPARE(errorCode([&] { store.update(kDeployments, changed); }), 409);
        json missing = changed;
        missing["metadata"]["name"] = "nope";
        QCOMPARE(errorCode([&] { store.update(kDeployments, missing); }), 404);
    }

    void listIsSortedAndFiltered()
    {
        ObjectStore store;
        for (auto n : {"b", "a", "c"})
            store.create(kNamespaces, ns(n));
        for (auto n : {"c", "a"})
            for (auto p : {"z", "y", "x"})
                store.create(kPods, pod(n, p));
        const auto all = store.list(kPods);
        QCOMPARE(all.size(), size_t(6));
        QCOMPARE((*all[0])["metadata"]["namespace"].get<std::string>(), std::string("a"));
        QCOMPARE((*all[0])["metadata"]["name"].get<std::string>(), std::string("x"));
        QCOMPARE((*all[5])["metadata"]["name"].get<std::string>(), std::string("z"));
        QCOMPARE(store.list(kPods, "c").size(), size_t(3));
        QCOMPARE(store.list(kPods, "b").size(), size_t(0));
        QCOMPARE(store.count(kPods), size_t(6));
    }

    void eventsAndWindow()
    {
        ObjectStore store(5);
        store.create(kNamespaces, ns("default"));
        const auto start = store.resourceVersion();
        int heard = 0;
        const int id = store.subscribe([&](const StoreEvent &) { ++heard; });
        store.create(kPods, pod("default", "a"));
        store.create(kPods, pod("default", "b"));
        auto removed = store.remove(kPods, "default", "a");
        QCOMPARE((*removed)["metadata"]["resourceVersion"].get<std::string>(),
                 std::to_string(store.resourceVersion()));
        QCOMPARE(heard, 3);
        auto ev = store.eventsSince(kPods, start);
        QVERIFY(ev.has_value());
        QCOMPARE(ev->size(), size_t(3));
        QVERIFY(ev->at(2).type == StoreEvent::Type::Deleted);
        QCOMPARE(store.eventsSince(kNamespaces, start)->size(), size_t(0));
        store.unsubscribe(id);
        for (auto p : {"c", "d", "e", "f"})
            store.create(kPods, pod("default", p));
        QCOMPARE(heard, 3);
        QVERIFY(!store.eventsSince(kPods, start).has_value()); // left the window
        QVERIFY(store.eventsSince(kPods, store.resourceVersion() - 2).has_value());
        QCOMPARE(errorCode([&] { store.remove(kPods, "default", "a"); }), 404);
    }

    void eventWindowKeepsTextsNotTrees()
    {
        // Past 16,384 text-only objects the store keeps no pod tree: an event's tree lives
        // only while someone holds it, and is parsed again from the window's text after.
        ObjectStore store(20);
        store.create(kNamespaces, ns("default"));
        store.create(kNamespaces, ns("other"));
        for (int i = 0; i < 16385; ++i)
            store.create(kPods, pod("other", std::string("p").append(std::to_string(i))));
        const auto start = store.resourceVersion();
        std::weak_ptr<const json> created = store.create(kPods, pod("default", "a"));
        json changed = *store.get(kPods, "default", "a");
        changed["metadata"]["labels"] = {{"x", "y"}};
        std::weak_ptr<const json> updated = store.update(kPods, changed);
        std::weak_ptr<const json> removed = store.remove(kPods, "default", "a");
        QVERIFY(created.expired());
        QVERIFY(updated.expired());
        QVERIFY(removed.expired());
        const auto events = store.eventsSince(kPods, start);
        QVERIFY(events.has_value());
        QCOMPARE(events->size(), size_t(3));
        QVERIFY(events->at(0).type == StoreEvent::Type::Added);
        QVERIFY(!events->at(0).object->at("metadata").contains("labels"));
        QCOMPARE(events->at(1).object->at("metadata").at("labels").at("x"), "y");
        QVERIFY(events->at(2).type == StoreEvent::Type::Deleted);
        for (const StoreEvent &ev : *events) {
            QCOMPARE(ev.object->at("metadata").at("name"), "a");
            QCOMPARE(ev.object->at("metadata").at("resourceVersion").get<std::string>(),
                     std::to_string(ev.resourceVersion));
        }
        // The same without any object: kinds of change, keys, namespaces.
        const auto changes = store.changesSince(kPods, start);
        QVERIFY(changes.has_value());
        QCOMPARE(changes->size(), size_t(3));
        QVERIFY(changes->at(2).type == StoreEvent::Type::Deleted);
        QVERIFY(changes->at(1).ns == "default");
        QVERIFY(changes->at(1).name == "a");
        QCOMPARE(changes->at(1).resourceVersion, events->at(1).resourceVersion);
        QVERIFY(*store.namespacesSince(kPods, start) == std::set<std::string>{"default"});
        QCOMPARE(store.namespacesSince(kPods, store.resourceVersion())->size(), size_t(0));
        QVERIFY(!store.changesSince(kPods, 0).has_value()); // left the window of 20
        QVERIFY(!store.namespacesSince(kPods, 0).has_value());
    }

    void treeKindsAreSerializedWhenRead()
    {
        // Kinds kept as trees keep no text: LIST pages and watches get the tree's dump.
        ObjectStore store;
        store.create(kNamespaces, ns("default"));
        const ObjectPtr d = store.create(kDeployments, pod("default", "d"));
        const auto page = store.page(kDeployments, {}, {}, 0, nullptr, false);
        QCOMPARE(page.texts.size(), size_t(1));
        QVERIFY(*page.texts.front() == d->dump());
        QVERIFY(*store.serialized(kDeployments, d) == d->dump());
        const auto keys = store.keys(kDeployments);
        QCOMPARE(keys.size(), size_t(1));
        QVERIFY(keys.front() == std::make_pair(std::string("default"), std::string("d")));
    }

    void serializedIsCachedPerVersion()
    {
        ObjectStore store;
        store.create(kNamespaces, ns("default"));
        auto p = store.create(kPods, pod("default", "a"));
        auto s1 = store.serialized(kPods, p);
        auto s2 = store.serialized(kPods, p);
        QCOMPARE(s1.get(), s2.get());
        QCOMPARE(json::parse(*s1), *p);
        json changed = *p;
        changed["metadata"]["labels"] = {{"x", "y"}};
        auto p2 = store.update(kPods, changed);
        auto s3 = store.serialized(kPods, p2);
        QVERIFY(s3->find("\"x\":\"y\"") != std::string::npos);
        // The old version is no longer stored: still serialized, just not cached.
        QCOMPARE(json::parse(*store.serialized(kPods, p)), *p);
    }

    void podsAreStoredAsText()
    {
        ObjectStore store;
        store.create(kNamespaces, ns("default"));
        std::weak_ptr<const json> created = store.create(kPods, pod("default", "a"));
        // Nobody holds the tree but the event window (here of one event) and, while the store
        // has at most 16,384 pods, the store itself: past that it is released, and the pod is
        // parsed again from its text on demand.
        ObjectStore small(1);
        small.create(kNamespaces, ns("default"));
        small.create(kNamespaces, ns("other"));
        std::weak_ptr<const json> tree = small.create(kPods, pod("default", "a"));
        for (int i = 0; i < 16383; ++i)
            small.create(kPods, pod("other", std::string("p").append(std::to_string(i))));
        QVERIFY(!tree.expired());
        small.create(kPods, pod("other", "last"));
        QVERIFY(tree.expired());
        const ObjectPtr again = small.get(kPods, "default", "a");
        QVERIFY(again);
        QCOMPARE(again->at("metadata").at("name"), "a");
        // While held, every reader shares the one parsed tree, and it serializes to the
        // stored text without a new dump.
        QCOMPARE(small.get(kPods, "default", "a").get(), again.get());
        QCOMPARE(small.list(kPods).front().get(), again.get());
        QCOMPARE(small.serialized(kPods, again).get(),
                 small.serialized(kPods, small.get(kPods, "default", "a")).get());
        QCOMPARE(json::parse(*small.serialized(kPods, again)), *again);
        // Other kinds keep their tree.
        ObjectStore trees(1);
        trees.create(kNamespaces, ns("default"));
        std::weak_ptr<const json> deployment = trees.create(kDeployments, pod("default", "d"));
        for (int i = 0; i < 16384; ++i)
            trees.create(kPods, pod("default", std::string("p").append(std::to_string(i))));
        QVERIFY(!deployment.expired());
        QVERIFY(!created.expired()); // the big window still holds it
    }

    void pagesAndForEach()
    {
        ObjectStore store;
        for (const char *n : {"a", "b", "c"})
            store.create(kNamespaces, ns(n));
        for (const char *n : {"a", "b", "c"})
            for (int i = 0; i < 5; ++i) {
                json p = pod(n, std::string("p").append(std::to_string(i)));
                p["metadata"]["labels"] = {{"odd", i % 2 ? "yes" : "no"}};
                store.create(kPods, p);
            }
        // All namespaces, pages of 4: 15 pods in key order.
        std::vector<std::string> seen;
        std::pair<std::string, std::string> after;
        std::vector<long> remaining;
        for (int pages = 0; pages < 10; ++pages) {
            const auto page = store.page(kPods, {}, after, 4, nullptr, false);
            QVERIFY(page.objects.empty());
            for (const auto &text : page.texts) {
                const json o = json::parse(*text);
                seen.push_back(o["metadata"]["namespace"].get<std::string>() + "/"
                               + o["metadata"]["name"].get<std::string>());
            }
            remaining.push_back(page.remaining);
            if (page.remaining == 0)
                break;
            after = page.last;
        }
        QCOMPARE(seen.size(), std::size_t(15));
        QCOMPARE(seen.front(), "a/p0");
        QCOMPARE(seen.back(), "c/p4");
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(remaining, (std::vector<long>{11, 7, 3, 0}));
        // One namespace, a filter, objects wanted, continuing after a key in that namespace.
        const auto odd = [](const json &o) { return o["metadata"]["labels"]["odd"] == "yes"; };
        auto page = store.page(kPods, "b", {}, 1, odd, true);
        QCOMPARE(page.objects.size(), std::size_t(1));
        QCOMPARE(page.objects[0]->at("metadata").at("name"), "p1");
        QCOMPARE(page.remaining, 1L);
        page = store.page(kPods, "b", page.last, 0, odd, true);
        QCOMPARE(page.objects.size(), std::size_t(1));
        QCOMPARE(page.objects[0]->at("metadata").at("name"), "p3");
        QCOMPARE(page.remaining, 0L);
        // A continue key of another namespace before this one starts at its beginning.
        QCOMPARE(store.page(kPods, "c", {"a", "p9"}, 0, nullptr, false).texts.size(),
                 std::size_t(5));
        // forEach: in order, may remove what it visits, stops on false.
        std::vector<std::string> visited;
        store.forEach(kPods, "a", [&](const ObjectPtr &o) {
            const std::string name = o->at("metadata").at("name");
            visited.push_back(name);
            store.remove(kPods, "a", name);
            return true;
        });
        QCOMPARE(visited, (std::vector<std::string>{"p0", "p1", "p2", "p3", "p4"}));
        QCOMPARE(store.count(kPods), std::size_t(10));
        int calls = 0;
        store.forEach(kPods, {}, [&](const ObjectPtr &) { return ++calls < 3; });
        QCOMPARE(calls, 3);
    }

    void manyPods()
    {
        ObjectStore store;
        store.create(kNamespaces, ns("default"));
        for (int i = 0; i < 20000; ++i)
            store.create(kPods, pod("default", std::string("p").append(std::to_string(i))));
        QCOMPARE(store.list(kPods, "default").size(), size_t(20000));
        QVERIFY(store.get(kPods, "default", "p19999"));
        QVERIFY(!store.get(kPods, "default", "p20000"));
    }
};

QTEST_GUILESS_MAIN(TestObjectStore)
#include "tst_objectstore.moc"
