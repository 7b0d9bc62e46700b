// SPDX-License-Identifier: GPL-3.0-or-later
// The typed decoder over JSON fixtures (kubectl's pod STATUS column, workloads, HPAs,
// ingresses, Secrets without values) and the ResourceStore's replace and coalescing rules.

#include "kube/objectdecoder.h"
#include "kube/resourcestore.h"
#include "util/limits.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Orrery;

namespace {

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(ORRERY_TEST_DATA "/objects/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

KubeObjectPtr decode(Kind kind, const QString &name)
{
    Internal::ObjectDecoder decoder;
    return decoder.decode(kind, fixture(name));
}

KubeObjectPtr makePod(const QString &ns, const QString &name, const QString &rv,
                      const QString &uid = {})
{
    auto o = std::make_shared<KubeObject>();
    o->kind = Kind::Pod;
    o->namespaceName = ns;
    o->name = name;
    o->resourceVersion = rv;
    o->uid = uid.isEmpty() ? ns + QLatin1Char('-') + name : uid;
    o->data = PodData{};
    return o;
}

StoreDelta upsert(KubeObjectPtr o)
{
    StoreDelta d;
    d.type = StoreDelta::Type::Upsert;
    d.kind = o->kind;
    d.object = std::move(o);
    return d;
}

StoreDelta remove(KubeObjectPtr o)
{
    StoreDelta d;
    d.type = StoreDelta::Type::Delete;
    d.kind = o->kind;
    d.object = std::move(o);
    return d;
}

StoreDelta replace(Kind kind, std::vector<KubeObjectPtr> objects, const QString &scope = {})
{
    StoreDelta d;
    d.type = StoreDelta::Type::Replace;
    d.kind = kind;
    d.objects = std::move(objects);
    d.scopeNamespace = scope;
    return d;
}

StoreDelta listPage(quint64 listId, std::vector<KubeObjectPtr> objects, qint64 remaining,
                    bool complete, const QString &scope = {})
{
    StoreDelta d;
    d.type = StoreDelta::Type::ListPage;
    d.kind = Kind::Pod;
    d.objects = std::move(objects);
    d.scopeNamespace = scope;
    d.listId = listId;
    d.remainingItems = remaining;
    d.listComplete = complete;
    return d;
}

// Everything the decoder fills, as text, for comparing the two decoding paths (the text one
// through simdjson, the tree one through nlohmann).
QString conditionsText(const QList<Condition> &conditions)
{
    QString t;
    for (const Condition &c : conditions)
        t += QStringLiteral("[%1 %2 %3 %4 %5]")
                 .arg(c.type, c.status, c.reason, c.message)
                 .arg(c.lastTransitionTime);
    return t;
}

QString keyValuesText(const KeyValues &kvs)
{
    QString t;
    for (const KeyValue &kv : kvs)
        t += kv.key + QLatin1Char('=') + kv.value + QLatin1Char(';');
    return t;
}

QString podSpecText(const PodSpecSummary &spec)
{
    QString t = spec.serviceAccount + QLatin1Char('|') + spec.priorityClass;
    for (const QList<ContainerInfo> *list : {&spec.initContainers, &spec.containers})
        for (const ContainerInfo &c : *list) {
            t += QStringLiteral("{%1 %2 %3/%4 %5/%6 %7 %8 %9 ")
                     .arg(c.name, c.image, c.cpuRequest, c.cpuLimit, c.memoryRequest, c.memoryLimit,
                          c.livenessProbe, c.readinessProbe, c.startupProbe);
            t += c.configMapRefs.join(QLatin1Char(',')) + QLatin1Char(' ')
                 + c.secretRefs.join(QLatin1Char(','));
            for (const ContainerPort &p : c.ports)
                t += QStringLiteral(" %1:%2/%3").arg(p.name).arg(p.containerPort).arg(p.protocol);
            t += QLatin1Char('}');
        }
    for (const VolumeInfo &v : spec.volumes)
        t += QStringLiteral("(%1 %2 %3)").arg(v.name).arg(int(v.type)).arg(v.source);
    return t;
}

QString fingerprint(const KubeObjectPtr &o)
{
    if (!o)
        return QStringLiteral("null");
    QString t = QStringLiteral("%1/%2 uid=%3 rv=%4 gen=%5 c=%6 d=%7 labels=%8 ann=%9")
                    .arg(o->namespaceName, o->name, o->uid, o->resourceVersion)
                    .arg(o->generation)
                    .arg(o->creationTimestamp)
                    .arg(o->deletionTimestamp)
                    .arg(keyValuesText(o->labels), keyValuesText(o->annotations));
    for (const OwnerReference &r : o->ownerReferences)
        t += QStringLiteral(" owner=%1 %2 %3 %4 %5")
                 .arg(r.apiVersion, r.kind, r.name, r.uid)
                 .arg(r.controller);
    if (const auto *p = std::get_if<PodData>(&o->data)) {
        t += QStringLiteral(" pod %1 %2 %3 %4 %5 %6 %7 %8 %9")
                 .arg(p->phase, p->status, p->reason, p->message, p->nodeName, p->podIP, p->hostIP,
                      p->qosClass, p->nominatedNodeName);
        t += QStringLiteral(" %1 %2/%3 r=%4 last=%5 ")
                 .arg(p->podIPs.join(QLatin1Char(',')))
                 .arg(p->readyContainers)
                 .arg(p->totalContainers)
                 .arg(p->restarts)
                 .arg(p->lastRestartTime);
        for (const ContainerStatusInfo &c : p->containerStatuses)
            t += QStringLiteral("<%1 %2 %3 %4 %5 %6 %7 %8>")
                     .arg(c.name)
                     .arg(c.init)
                     .arg(c.ready)
                     .arg(c.restartCount)
                     .arg(c.state, c.reason)
                     .arg(c.lastTerminationTime)
                     .arg(c.imageID);
        t += conditionsText(p->conditions) + podSpecText(p->spec);
    } else if (const auto *w = std::get_if<WorkloadData>(&o->data)) {
        t += QStringLiteral(" workload %1 %2 %3 %4 %5 og=%6 %7 %8 %9")
                 .arg(w->desired)
                 .arg(w->current)
                 .arg(w->ready)
                 .arg(w->available)
                 .arg(w->updated)
                 .arg(w->observedGeneration)
                 .arg(keyValuesText(w->selector.matchLabels), keyValuesText(w->templateLabels),
                      w->strategy);
        for (const auto &e : w->selector.matchExpressions)
            t += QStringLiteral(" expr=%1 %2 %3").arg(e.key, e.op, e.values.join(QLatin1Char(',')));
        t += QStringLiteral(" %1 %2 %3 %4 rev=%5 ")
                 .arg(w->paused)
                 .arg(w->serviceName, w->currentRevision, w->updateRevision)
                 .arg(w->revision);
        t += conditionsText(w->conditions) + podSpecText(w->podTemplate);
    } else if (const auto *svc = std::get_if<ServiceData>(&o->data)) {
        t += QStringLiteral(" service %1 %2 %3 %4 %5 %6 %7 %8")
                 .arg(svc->type, svc->clusterIP, svc->clusterIPs.join(QLatin1Char(',')),
                      svc->externalIPs.join(QLatin1Char(',')),
                      svc->loadBalancerIngress.join(QLatin1Char(',')), svc->externalName,
                      svc->sessionAffinity, keyValuesText(svc->selector));
        for (const ServicePort &port : svc->ports)
            t += QStringLiteral(" %1 %2 %3 %4 %5")
                     .arg(port.name, port.protocol)
                     .arg(port.port)
                     .arg(port.targetPort)
                     .arg(port.nodePort);
    } else if (const auto *n = std::get_if<NodeData>(&o->data)) {
        t += QStringLiteral(" node %1 %2 %3 %4 %5 %6 %7 %8 %9")
                 .arg(n->ready)
                 .arg(n->unschedulable)
                 .arg(n->roles.join(QLatin1Char(',')), n->kubeletVersion, n->internalIP,
                      n->cpuAllocatable, n->memoryAllocatable, n->taints.join(QLatin1Char(',')),
                      conditionsText(n->conditions));
    } else if (const auto *h = std::get_if<HpaData>(&o->data)) {
        t += QStringLiteral(" hpa %1 %2 %3 %4 %5 %6 %7 %8 %9")
                 .arg(h->targetApiVersion, h->targetKind, h->targetName)
                 .arg(h->minReplicas)
                 .arg(h->maxReplicas)
                 .arg(h->currentReplicas)
                 .arg(h->desiredReplicas)
                 .arg(h->lastScaleTime)
                 .arg(h->apiVersion);
        for (const HpaMetric &m : h->metrics)
            t += QStringLiteral(" [%1 %2 %3 %4 %5]")
                     .arg(m.type, m.name, m.targetType, m.target, m.current);
        t += conditionsText(h->conditions);
    } else if (const auto *e = std::get_if<EventData>(&o->data)) {
        t += QStringLiteral(" event %1 %2 %3 %4 %5 %6 %7 %8 %9")
                 .arg(e->involvedKind, e->involvedNamespace, e->involvedName, e->involvedUid,
                      e->reason, e->message, e->type)
                 .arg(e->count)
                 .arg(e->source);
        t += QStringLiteral(" %1 %2").arg(e->firstTimestamp).arg(e->lastTimestamp);
    } else if (const auto *s = std::get_if<SecretData>(&o->data)) {
        t += QStringLiteral(" secret %1 %2").arg(s->type, s->keys.join(QLatin1Char(',')));
    } else if (const auto *c = std::get_if<ConfigMapData>(&o->data)) {
        t += QStringLiteral(" configmap %1").arg(c->keys.join(QLatin1Char(',')));
    }
    return t;
}

// The fixture files and their kinds.
const QList<QPair<QString, Kind>> s_fixtureKinds = {
    {QStringLiteral("cronjob.json"), Kind::CronJob},
    {QStringLiteral("deployment.json"), Kind::Deployment},
    {QStringLiteral("event.json"), Kind::Event},
    {QStringLiteral("hpa-v1.json"), Kind::HorizontalPodAutoscaler},
    {QStringLiteral("hpa-v2.json"), Kind::HorizontalPodAutoscaler},
    {QStringLiteral("ingress.json"), Kind::Ingress},
    {QStringLiteral("node.json"), Kind::Node},
    {QStringLiteral("pod-completed.json"), Kind::Pod},
    {QStringLiteral("pod-crashloop.json"), Kind::Pod},
    {QStringLiteral("pod-creating.json"), Kind::Pod},
    {QStringLiteral("pod-evicted.json"), Kind::Pod},
    {QStringLiteral("pod-init-crash.json"), Kind::Pod},
    {QStringLiteral("pod-init.json"), Kind::Pod},
    {QStringLiteral("pod-pending.json"), Kind::Pod},
    {QStringLiteral("pod-terminating.json"), Kind::Pod},
    {QStringLiteral("pvc.json"), Kind::PersistentVolumeClaim},
    {QStringLiteral("secret.json"), Kind::Secret},
    {QStringLiteral("service.json"), Kind::Service},
};

} // namespace

class tst_Store : public QObject
{
    Q_OBJECT

private slots:

    // The informers decode text through simdjson (ObjectDecoder::decode(QByteArray),
    // decodeList, decodeWatchEvent); the result must be what the nlohmann tree gives, for every
    // fixture and for every kind the fixture could be mistaken for.
    void textPathMatchesTreePath()
    {
        Internal::ObjectDecoder fast, tree;
        for (const auto &[file, kind] : s_fixtureKinds) {
            const QByteArray text = fixture(file);
            for (Kind k : {kind, Kind::Pod, Kind::Deployment, Kind::Node, Kind::Event}) {
                const QString a = fingerprint(fast.decode(k, text));
                const QString b = fingerprint(tree.decodeNlohmann(k, text));
                QVERIFY2(a == b,
                         qPrintable(file + QStringLiteral(":\n") + a + QStringLiteral("\n") + b));
                QVERIFY(a != QLatin1String("null"));
            }
        }
        QVERIFY(fingerprint(fast.decode(Kind::Pod, fixture(QStringLiteral("pod-crashloop.json"))))
                    .contains(QLatin1String("CrashLoopBackOff")));
    }

    // What simdjson and nlohmann read differently must still decode as before: duplicate keys
    // (the last wins), unsorted keys, unsigned and huge integers, -0, 1e400 (refused by
    // simdjson: the nlohmann way), deep nesting (refused by both), not JSON at all.
    void textPathHostileInput_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("duplicate keys") << QByteArray(
            R"({"metadata":{"name":"a","name":"b","labels":{"z":"1","a":"2","z":"3"}},)"
            R"("metadata":{"name":"c","namespace":"n"},"spec":{"replicas":2}})");
        QTest::newRow("unsorted non-ASCII keys") << QByteArray(
            R"({"metadata":{"name":"p","labels":{"é":"1","b":"2","A":"3","ä":"4"}}})");
        QTest::newRow("unsigned and huge integers")
            << QByteArray(R"({"metadata":{"name":"p","generation":18446744073709551615},)"
                          R"("spec":{"replicas":9223372036854775808},"status":{"replicas":-0,)"
                          R"("readyReplicas":3.7,"availableReplicas":"12"}})");
        QTest::newRow("number simdjson refuses")
            << QByteArray(R"({"metadata":{"name":"p","generation":123456789012345678901234567890},)"
                          R"("spec":{"replicas":-123456789012345678901234567890}})");
        QTest::newRow("number both refuse")
            << QByteArray(R"({"metadata":{"name":"p","generation":1e400}})");
        QTest::newRow("numbers as names") << QByteArray(
            R"({"metadata":{"name":12,"namespace":1.5,"uid":true,"labels":{"a":7}}})");
        QTest::newRow("wrong types")
            << QByteArray(R"({"metadata":[],"spec":{"containers":{"name":"x"},"volumes":"v"},)"
                          R"("status":{"conditions":[1,null,{"type":5}],"containerStatuses":7}})");
        QTest::newRow("not an object") << QByteArray(R"([{"metadata":{"name":"p"}}])");
        QTest::newRow("malformed") << QByteArray(R"({"metadata":{"name":"p"})");
        QByteArray deep(Limits::maxNestingDepth, '[');
        QTest::newRow("too deep") << (R"({"metadata":{"name":"p"},"spec":)" + deep
                                      + QByteArray(Limits::maxNestingDepth, ']') + "}");
        QByteArray justDeepEnough(Limits::maxNestingDepth - 1, '[');
        QTest::newRow("deep, within the limit")
            << (R"({"metadata":{"name":"p"},"spec":)" + justDeepEnough
                + QByteArray(Limits::maxNestingDepth - 1, ']') + "}");
    }

    void textPathHostileInput()
    {
        QFETCH(QByteArray, text);
        Internal::ObjectDecoder fast, tree;
        for (int k = 0; k < KindCount; ++k)
            QCOMPARE(fingerprint(fast.decode(Kind(k), text)),
                     fingerprint(tree.decodeNlohmann(Kind(k), text)));
    }

    // A list page and watch lines through the text path against the same through nlohmann.
    void listPageAndWatchEvents()
    {
        Internal::ObjectDecoder decoder, tree;
        const QByteArray pod = fixture(QStringLiteral("pod-crashloop.json")).trimmed();
        const QByteArray page = R"({"kind":"PodList","metadata":{"resourceVersion":"77",)"
                                R"("continue":"next-token"},"items":[)"
                                + pod + R"(,7,)" + pod + R"(]})";
        std::vector<KubeObjectPtr> items;
        std::string cont, rv;
        QVERIFY(decoder.decodeList(Kind::Pod, page, QString(), items, cont, rv));
        QCOMPARE(items.size(), std::size_t(2)); // the 7 is not an object: skipped
        QCOMPARE(cont, std::string("next-token"));
        QCOMPARE(rv, std::string("77"));
        qint64 remaining = 0;
        items.clear();
        QVERIFY(decoder.decodeList(Kind::Pod, page, QString(), items, cont, rv, &remaining));
        QCOMPARE(remaining, -1); // not sent
        items.clear();
        QVERIFY(decoder.decodeList(
            Kind::Pod, R"({"metadata":{"continue":"c","remainingItemCount":149500},"items":[]})",
            QString(), items, cont, rv, &remaining));
        QCOMPARE(remaining, 149500);
        QVERIFY(decoder.decodeList(Kind::Pod, R"({"metadata":{"remainingItemCount":-3}})",
                                   QString(), items, cont, rv, &remaining));
        QCOMPARE(remaining, -1); // not a count
        QVERIFY(tree.decodeList(Kind::Pod, R"({"metadata":{"remainingItemCount":12}})", QString(),
                                items, cont, rv, &remaining));
        QCOMPARE(remaining, 12);
        items.clear();
        QVERIFY(decoder.decodeList(Kind::Pod, page, QString(), items, cont, rv));
        QCOMPARE(fingerprint(items[0]), fingerprint(tree.decodeNlohmann(Kind::Pod, pod)));

        // Not JSON, not an object, no items: as before.
        items.clear();
        QVERIFY(!decoder.decodeList(Kind::Pod, "{\"items\":[", QString(), items, cont, rv));
        QVERIFY(!decoder.decodeList(Kind::Pod, "[]", QString(), items, cont, rv));
        QVERIFY(decoder.decodeList(Kind::Pod, R"({"metadata":{"continue":5}})", QString(), items,
                                   cont, rv));
        QVERIFY(items.empty());
        QCOMPARE(cont, std::string());
        // A number simdjson refuses (nlohmann reads it as a double): the nlohmann way.
        QVERIFY(
            decoder.decodeList(Kind::Pod,
                               R"({"metadata":{"resourceVersion":"9"},"items":[{"metadata":)"
                               R"({"name":"big","generation":123456789012345678901234567890}}]})",
                               QString(), items, cont, rv));
        QCOMPARE(items.size(), std::size_t(1));
        QCOMPARE(items[0]->name, QStringLiteral("big"));
        QCOMPARE(rv, std::string("9"));
        // Nesting deeper than JsonRead allows is refused on both ways.
        items.clear();
        QVERIFY(
            !decoder.decodeList(Kind::Pod,
                                "{\"items\":[{\"spec\":" + QByteArray(Limits::maxNestingDepth, '[')
                                    + QByteArray(Limits::maxNestingDepth, ']') + "}]}",
                                QString(), items, cont, rv));
        QVERIFY(items.empty());

        using T = Internal::ObjectDecoder::WatchEvent::Type;
        const std::string modified = "{\"type\":\"MODIFIED\",\"object\":" + pod.toStdString() + "}";
        auto e = decoder.decodeWatchEvent(Kind::Pod, modified, QString());
        QCOMPARE(int(e.type), int(T::Modified));
        QCOMPARE(fingerprint(e.object), fingerprint(tree.decodeNlohmann(Kind::Pod, pod)));
        e = decoder.decodeWatchEvent(
            Kind::Pod, R"({"type":"DELETED","object":{"metadata":{"name":"x"}}})", {});
        QCOMPARE(int(e.type), int(T::Deleted));
        QCOMPARE(e.object->name, QStringLiteral("x"));
        // No object: decoded as an empty one, as the tree path did.
        e = decoder.decodeWatchEvent(Kind::Pod, R"({"type":"ADDED"})", {});
        QCOMPARE(int(e.type), int(T::Added));
        QVERIFY(e.object);
        QCOMPARE(e.object->name, QString());
        e = decoder.decodeWatchEvent(
            Kind::Pod, R"({"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"12"}}})", {});
        QCOMPARE(int(e.type), int(T::Bookmark));
        QCOMPARE(e.resourceVersion, QStringLiteral("12"));
        e = decoder.decodeWatchEvent(
            Kind::Pod,
            R"({"type":"ERROR","object":{"kind":"Status","code":410,"reason":"Expired"}})", {});
        QCOMPARE(int(e.type), int(T::Error));
        QCOMPARE(e.errorCode, qint64(410));
        QCOMPARE(e.errorBody, QByteArray(R"({"code":410,"kind":"Status","reason":"Expired"})"));
        QCOMPARE(int(decoder.decodeWatchEvent(Kind::Pod, R"({"type":"NEW"})", {}).type),
                 int(T::Other));
        QCOMPARE(int(decoder.decodeWatchEvent(Kind::Pod, R"({"type":"ADDED",)", {}).type),
                 int(T::Malformed));
        QCOMPARE(int(decoder.decodeWatchEvent(Kind::Pod, R"(["ADDED"])", {}).type),
                 int(T::Malformed));
    }
    void podStatus_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("ready");
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("restarts");
        QTest::newRow("CrashLoopBackOff") << "pod-crashloop.json"
                                          << "CrashLoopBackOff" << 1 << 2 << 7;
        QTest::newRow("Terminating") << "pod-terminating.json"
                                     << "Terminating" << 1 << 1 << 0;
        QTest::newRow("Init:1/2") << "pod-init.json"
                                  << "Init:1/2" << 0 << 1 << 0;
        QTest::newRow("Init:CrashLoopBackOff") << "pod-init-crash.json"
                                               << "Init:CrashLoopBackOff" << 0 << 1 << 3;
        QTest::newRow("ContainerCreating") << "pod-creating.json"
                                           << "ContainerCreating" << 0 << 1 << 0;
        QTest::newRow("Completed") << "pod-completed.json"
                                   << "Completed" << 0 << 1 << 0;
        QTest::newRow("Evicted") << "pod-evicted.json"
                                 << "Evicted" << 0 << 1 << 0;
        QTest::newRow("Pending") << "pod-pending.json"
                                 << "Pending" << 0 << 1 << 0;
    }

    void podStatus()
    {
        QFETCH(QString, file);
        QFETCH(QString, status);
        QFETCH(int, ready);
        QFETCH(int, total);
        QFETCH(int, restarts);
        KubeObjectPtr o = decode(Kind::Pod, file);
        QVERIFY(o);
        QVERIFY(o->pod());
        QCOMPARE(o->pod()->status, status);
        QCOMPARE(o->pod()->readyContainers, ready);
        QCOMPARE(o->pod()->totalContainers, total);
        QCOMPARE(o->pod()->restarts, restarts);
    }

    void podDetails()
    {
        KubeObjectPtr o = decode(Kind::Pod, QStringLiteral("pod-crashloop.json"));
        QCOMPARE(o->name, QStringLiteral("api-7d9c-x2"));
        QCOMPARE(o->namespaceName, QStringLiteral("shop"));
        QCOMPARE(o->uid, QStringLiteral("u-crash"));
        QCOMPARE(o->resourceVersion, QStringLiteral("101"));
        QCOMPARE(toDateTime(o->creationTimestamp),
                 QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE(o->label(QStringLiteral("app")), QStringLiteral("api"));
        // The last-applied annotation is a whole object: never kept.
        QVERIFY(!containsKey(o->annotations,
                             QStringLiteral("kubectl.kubernetes.io/last-applied-configuration")));
        QCOMPARE(o->annotation(QStringLiteral("note")), QStringLiteral("x"));
        QVERIFY(o->controllerRef());
        QCOMPARE(o->controllerRef()->kind, QStringLiteral("ReplicaSet"));
        QCOMPARE(o->controllerRef()->uid, QStringLiteral("rs-uid"));
        const PodData *p = o->pod();
        QCOMPARE(p->nodeName, QStringLiteral("node-1"));
        QCOMPARE(p->podIP, QStringLiteral("10.1.2.3"));
        QCOMPARE(p->qosClass, QStringLiteral("Burstable"));
        QCOMPARE(p->lastRestartTime, Internal::parseTimestamp("2024-05-01T11:00:00Z"));
        QCOMPARE(p->spec.containers.size(), 2);
        const ContainerInfo &c = p->spec.containers.at(0);
        QCOMPARE(c.image, QStringLiteral("shop/api:1.2"));
        QCOMPARE(c.ports.size(), 1);
        QCOMPARE(c.ports.at(0).containerPort, 8080);
        QCOMPARE(c.cpuRequest, QStringLiteral("100m"));
        QCOMPARE(c.memoryLimit, QStringLiteral("256Mi"));
        QCOMPARE(c.livenessProbe,
                 QStringLiteral("http-get :8080/healthz delay=5s timeout=1s period=10s"));
        QCOMPARE(c.secretRefs, QStringList{QStringLiteral("db-creds")});
        QCOMPARE(c.configMapRefs, QStringList{QStringLiteral("api-config")});
        QCOMPARE(p->spec.claimRefs(), QStringList{QStringLiteral("api-data")});
        QCOMPARE(p->spec.secretRefs(),
                 (QStringList{QStringLiteral("api-tls"), QStringLiteral("db-creds")}));
        QCOMPARE(p->spec.configMapRefs(),
                 (QStringList{QStringLiteral("api-files"), QStringLiteral("api-config")}));
        QCOMPARE(p->containerStatuses.size(), 2);
        QCOMPARE(p->containerStatuses.at(0).reason, QStringLiteral("CrashLoopBackOff"));
    }

    void deployment()
    {
        KubeObjectPtr o = decode(Kind::Deployment, QStringLiteral("deployment.json"));
        const WorkloadData *w = o->workload();
        QVERIFY(w);
        QCOMPARE(w->desired, 3);
        QCOMPARE(w->current, 4);
        QCOMPARE(w->ready, 2);
        QCOMPARE(w->available, 2);
        QCOMPARE(w->updated, 1);
        QCOMPARE(w->revision, 3);
        QCOMPARE(w->strategy, QStringLiteral("RollingUpdate"));
        QCOMPARE(w->observedGeneration, 4);
        QCOMPARE(o->generation, 4);
        QCOMPARE(w->conditions.size(), 2);
        QCOMPARE(w->selector.toString(), QStringLiteral("app=api,tier in (backend,api)"));
        QVERIFY(w->selector.matches(w->templateLabels));
        QVERIFY(!w->selector.matches({{QStringLiteral("app"), QStringLiteral("api")}}));
        QCOMPARE(w->podTemplate.containers.at(0).readinessProbe,
                 QStringLiteral("tcp-socket :8080 delay=0s timeout=1s period=10s"));
        QCOMPARE(w->podTemplate.configMapRefs(), QStringList{QStringLiteral("api-files")});
    }

    void numbersOutsideTheIntegerRangeReadAsAbsent()
    {
        // Found by tests/fuzz/fuzz_listpage: 1e19 does not fit qint64; converting it was
        // undefined behaviour (on x86 it became -9223372036854775808).
        Internal::ObjectDecoder decoder;
        const QByteArray json = R"({"apiVersion":"apps/v1","kind":"Deployment",
            "metadata":{"name":"web","namespace":"shop","uid":"u","generation":1e19},
            "spec":{"replicas":-1e300},
            "status":{"observedGeneration":1e19,"replicas":3.0}})";
        KubeObjectPtr o = decoder.decode(Kind::Deployment, json);
        QVERIFY(o);
        const WorkloadData *w = o->workload();
        QVERIFY(w);
        QCOMPARE(w->observedGeneration, qint64(0));
        QCOMPARE(o->generation, qint64(0));
        QCOMPARE(w->desired, 1); // the default for a missing spec.replicas
        QCOMPARE(w->current, 3);
    }

    void hpa_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<int>("min");
        QTest::addColumn<int>("max");
        QTest::addColumn<int>("current");
        QTest::addColumn<int>("desired");
        QTest::addColumn<QStringList>("metrics"); // "name target current"
        QTest::newRow("v2") << "hpa-v2.json"
                            << "autoscaling/v2" << 2 << 10 << 3 << 5
                            << QStringList{"cpu 70% 95%", "rps 100 150"};
        QTest::newRow("v1") << "hpa-v1.json"
                            << "autoscaling/v1" << 1 << 4 << 1 << 1 << QStringList{"cpu 80% 12%"};
    }

    void hpa()
    {
        QFETCH(QString, file);
        QFETCH(QString, apiVersion);
        QFETCH(int, min);
        QFETCH(int, max);
        QFETCH(int, current);
        QFETCH(int, desired);
        QFETCH(QStringList, metrics);
        KubeObjectPtr o = decode(Kind::HorizontalPodAutoscaler, file);
        const HpaData *h = o->hpa();
        QVERIFY(h);
        QCOMPARE(h->apiVersion, apiVersion);
        QCOMPARE(h->targetKind, QStringLiteral("Deployment"));
        QCOMPARE(h->minReplicas, min);
        QCOMPARE(h->maxReplicas, max);
        QCOMPARE(h->currentReplicas, current);
        QCOMPARE(h->desiredReplicas, desired);
        QStringList got;
        for (const HpaMetric &m : h->metrics)
            got << m.name + QLatin1Char(' ') + m.target + QLatin1Char(' ') + m.current;
        QCOMPARE(got, metrics);
    }

    void ingress()
    {
        KubeObjectPtr o = decode(Kind::Ingress, QStringLiteral("ingress.json"));
        const IngressData *i = o->ingress();
        QVERIFY(i);
        QCOMPARE(i->ingressClass, QStringLiteral("nginx"));
        QCOMPARE(i->hosts, QStringList{QStringLiteral("shop.example.com")});
        QCOMPARE(i->paths.size(), 2);
        QCOMPARE(i->paths.at(0).path, QStringLiteral("/api"));
        QCOMPARE(i->paths.at(0).backend.serviceName, QStringLiteral("api"));
        QCOMPARE(i->paths.at(0).backend.servicePort, QStringLiteral("http"));
        QCOMPARE(i->paths.at(1).backend.servicePort, QStringLiteral("8080"));
        QCOMPARE(i->tls.size(), 1);
        QCOMPARE(i->tls.at(0).second, QStringLiteral("shop-tls"));
        QCOMPARE(i->defaultBackend.serviceName, QStringLiteral("fallback"));
        QCOMPARE(i->loadBalancerIngress, QStringList{QStringLiteral("203.0.113.7")});
    }

    void secretValuesAreNeverKept()
    {
        Internal::ObjectDecoder decoder;
        KubeObjectPtr o = decoder.decode(Kind::Secret, fixture(QStringLiteral("secret.json")));
        const SecretData *s = o->as<SecretData>();
        QVERIFY(s);
        QCOMPARE(s->type, QStringLiteral("Opaque"));
        QCOMPARE(s->keys, (QStringList{QStringLiteral("password"), QStringLiteral("username"),
                                       QStringLiteral("token")}));
        QVERIFY(o->annotations.isEmpty()); // last-applied held the values too
        // Nothing in the decoder's string pool is a value: interning one adds a new entry.
        for (const char *value : {"aHVudGVyMg==", "YWRtaW4=", "s3cr3t-token-value"}) {
            const std::size_t before = decoder.interner().size();
            decoder.interner().intern(value);
            QCOMPARE(decoder.interner().size(), before + 1);
        }
    }

    void otherKinds()
    {
        KubeObjectPtr svc = decode(Kind::Service, QStringLiteral("service.json"));
        QCOMPARE(svc->service()->type, QStringLiteral("LoadBalancer"));
        QCOMPARE(svc->service()->ports.at(0).targetPort, QStringLiteral("http"));
        QCOMPARE(svc->service()->ports.at(0).nodePort, 31000);
        QCOMPARE(svc->service()->loadBalancerIngress,
                 QStringList{QStringLiteral("lb.example.com")});
        QCOMPARE(valueOf(svc->service()->selector, QStringLiteral("app")), QStringLiteral("api"));

        KubeObjectPtr node = decode(Kind::Node, QStringLiteral("node.json"));
        QCOMPARE(node->node()->statusText(), QStringLiteral("Ready,SchedulingDisabled"));
        QCOMPARE(node->node()->roles, QStringList{QStringLiteral("control-plane")});
        QCOMPARE(node->node()->internalIP, QStringLiteral("192.168.1.10"));
        QCOMPARE(node->node()->cpuAllocatable, QStringLiteral("3800m"));
        QCOMPARE(node->node()->taints,
                 QStringList{QStringLiteral("node-role.kubernetes.io/control-plane:NoSchedule")});

        KubeObjectPtr ev = decode(Kind::Event, QStringLiteral("event.json"));
        QCOMPARE(ev->event()->involvedName, QStringLiteral("api-7d9c-x2"));
        QCOMPARE(ev->event()->type, QStringLiteral("Warning"));
        QCOMPARE(ev->event()->count, 42);
        QCOMPARE(ev->event()->lastTimestamp, Internal::parseTimestamp("2024-05-01T10:00:00Z"));
        QCOMPARE(ev->event()->source, QStringLiteral("kubelet"));

        KubeObjectPtr pvc = decode(Kind::PersistentVolumeClaim, QStringLiteral("pvc.json"));
        const PvcData *p = pvc->as<PvcData>();
        QCOMPARE(p->phase, QStringLiteral("Bound"));
        QCOMPARE(p->volumeName, QStringLiteral("pv-1"));
        QCOMPARE(p->capacity, QStringLiteral("10Gi"));
        QCOMPARE(p->storageClass, QStringLiteral("fast"));

        KubeObjectPtr cj = decode(Kind::CronJob, QStringLiteral("cronjob.json"));
        QCOMPARE(cj->as<CronJobData>()->schedule, QStringLiteral("0 3 * * *"));
        QCOMPARE(cj->as<CronJobData>()->active, 1);
        QCOMPARE(cj->as<CronJobData>()->podTemplate.secretRefs(),
                 QStringList{QStringLiteral("backup-creds")});
    }

    void internedStringsAreShared()
    {
        Internal::ObjectDecoder decoder;
        KubeObjectPtr a = decoder.decode(Kind::Pod, fixture(QStringLiteral("pod-crashloop.json")));
        KubeObjectPtr b
            = decoder.decode(Kind::Pod, fixture(QStringLiteral("pod-terminating.json")));
        // Same namespace text, one buffer.
        QCOMPARE(a->namespaceName.constData(), b->namespaceName.constData());
    }

    void timestamps_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("utc") << "1970-01-01T00:00:10Z" << qint64(10);
        QTest::newRow("fraction") << "2024-05-01T10:00:00.123456Z" << qint64(1714557600);
        QTest::newRow("offset") << "2024-05-01T12:00:00+02:00" << qint64(1714557600);
        QTest::newRow("empty") << "" << qint64(0);
        QTest::newRow("garbage") << "yesterday" << qint64(0);
    }

    void timestamps()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        QCOMPARE(Internal::parseTimestamp(text.toStdString()), seconds);
    }

    void replaceSynthesisesDeletions()
    {
        ResourceStore store;
        QSignalSpy spy(&store, &ResourceStore::changed);
        QSignalSpy synced(&store, &ResourceStore::kindSynced);
        store.post(replace(
            Kind::Pod, {makePod("a", "1", "1"), makePod("a", "2", "1"), makePod("b", "3", "1")}));
        store.flush();
        QCOMPARE(store.count(Kind::Pod), 3);
        QVERIFY(store.hasSynced(Kind::Pod));
        QCOMPARE(synced.count(), 1);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<ChangeBatch>().count(Kind::Pod, ObjectChange::Type::Added),
                 3);

        // Relist: 1 unchanged, 2 gone, 3 modified, 4 new.
        store.post(replace(
            Kind::Pod, {makePod("a", "1", "1"), makePod("b", "3", "2"), makePod("b", "4", "2")}));
        store.flush();
        QCOMPARE(spy.count(), 2);
        const ChangeBatch batch = spy.at(1).at(0).value<ChangeBatch>();
        QCOMPARE(batch.changes.size(), 3);
        QCOMPARE(batch.count(Kind::Pod, ObjectChange::Type::Deleted), 1);
        QCOMPARE(batch.count(Kind::Pod, ObjectChange::Type::Modified), 1);
        QCOMPARE(batch.count(Kind::Pod, ObjectChange::Type::Added), 1);
        QVERIFY(!store.object(Kind::Pod, QStringLiteral("a"), QStringLiteral("2")));
        QVERIFY(!store.objectByUid(QStringLiteral("a-2")));
        QVERIFY(store.objectByUid(QStringLiteral("b-4")));
        for (const ObjectChange &c : batch.changes)
            if (c.type == ObjectChange::Type::Modified)
                QCOMPARE(c.previous->resourceVersion, QStringLiteral("1"));

        // A namespace-scoped replace leaves other namespaces alone.
        store.post(replace(Kind::Pod, {}, QStringLiteral("b")));
        store.flush();
        QCOMPARE(store.count(Kind::Pod), 1);
        QVERIFY(store.object(Kind::Pod, QStringLiteral("a"), QStringLiteral("1")));
        QCOMPARE(synced.count(), 1);
    }

    // A list in pages: rows as pages arrive, progress from remainingItemCount, synced and
    // pruned only by the last page; a new list id restarts (an abandoned list prunes nothing).
    void pagedListPrunesOnlyWhenComplete()
    {
        ResourceStore store;
        QSignalSpy spy(&store, &ResourceStore::changed);
        QSignalSpy synced(&store, &ResourceStore::kindSynced);
        QSignalSpy progress(&store, &ResourceStore::listProgressChanged);
        QVERIFY(!store.listProgress(Kind::Pod).listing);

        // First list, two pages.
        const quint64 first = ResourceStore::newListId();
        store.post(listPage(first, {makePod("a", "1", "1"), makePod("a", "2", "1")}, 1, false));
        store.flush();
        QCOMPARE(store.count(Kind::Pod), 2);
        QVERIFY(!store.hasSynced(Kind::Pod));
        QCOMPARE(synced.count(), 0);
        QCOMPARE(progress.count(), 1);
        ResourceStore::ListProgress p = store.listProgress(Kind::Pod);
        QVERIFY(p.listing);
        QCOMPARE(p.listed, 2);
        QCOMPARE(p.expected, 3);
        store.post(listPage(first, {makePod("b", "3", "1")}, 0, true));
        store.flush();
        QCOMPARE(store.count(Kind::Pod), 3);
        QVERIFY(store.hasSynced(Kind::Pod));
        QCOMPARE(synced.count(), 1);
        QCOMPARE(progress.count(), 2);
        QVERIFY(!store.listProgress(Kind::Pod).listing);

        // A relist that stops after one page (an error): its page is applied in place,
        // nothing is pruned, its progress is dropped.
        const quint64 failed = ResourceStore::newListId();
        store.post(listPage(failed, {makePod("a", "1", "2")}, 1, false));
        store.flush();
        QCOMPARE(store.count(Kind::Pod), 3);
        QCOMPARE(store.object(Kind::Pod, "a", "1")->resourceVersion, QStringLiteral("2"));
        QVERIFY(store.listProgress(Kind::Pod).listing);
        StoreDelta stop;
        stop.type = StoreDelta::Type::ListAbandoned;
        stop.kind = Kind::Pod;
        stop.listId = failed;
        store.post(stop);
        store.flush();
        QCOMPARE(store.count(Kind::Pod), 3);
        QVERIFY(!store.listProgress(Kind::Pod).listing);

        // The next relist: a/2 is gone, a/4 is new; rows stay until the last page.
        spy.clear();
        const quint64 relist = ResourceStore::newListId();
        store.post(listPage(relist, {makePod("a", "1", "2"), makePod("a", "4", "1")}, 1, false));
        store.flush();
        QCOMPARE(store.count(Kind::Pod), 4);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<ChangeBatch>().count(Kind::Pod, ObjectChange::Type::Deleted),
                 0);
        QCOMPARE(store.listProgress(Kind::Pod).expected, 3);
        store.post(listPage(relist, {makePod("b", "3", "1")}, 0, true));
        store.flush();
        QCOMPARE(store.count(Kind::Pod), 3);
        QVERIFY(!store.object(Kind::Pod, "a", "2"));
        QVERIFY(!store.objectByUid(QStringLiteral("a-2")));
        QCOMPARE(spy.count(), 2);
        const ChangeBatch last = spy.at(1).at(0).value<ChangeBatch>();
        QCOMPARE(last.changes.size(), 1);
        QCOMPARE(last.count(Kind::Pod, ObjectChange::Type::Deleted), 1);
        QCOMPARE(synced.count(), 1);

        // Scoped lists: each prunes its namespace only; progress sums them, and is unknown
        // when one of them did not say how many remain.
        const quint64 inA = ResourceStore::newListId();
        const quint64 inB = ResourceStore::newListId();
        store.post(listPage(inA, {makePod("a", "1", "2")}, 5, false, QStringLiteral("a")));
        store.post(listPage(inB, {}, 2, false, QStringLiteral("b")));
        store.flush();
        QCOMPARE(store.listProgress(Kind::Pod).listed, 1);
        QCOMPARE(store.listProgress(Kind::Pod).expected, 8);
        store.post(listPage(inB, {}, -1, false, QStringLiteral("b")));
        store.flush();
        QCOMPARE(store.listProgress(Kind::Pod).expected, -1);
        store.post(listPage(inB, {}, 0, true, QStringLiteral("b")));
        store.flush();
        QVERIFY(!store.object(Kind::Pod, "b", "3")); // pruned by b's list
        QVERIFY(store.object(Kind::Pod, "a", "4"));  // a's list is still going
        QCOMPARE(store.listProgress(Kind::Pod).listed, 1);
        store.post(listPage(inA, {}, 0, true, QStringLiteral("a")));
        store.flush();
        QCOMPARE(store.count(Kind::Pod), 1);
        QVERIFY(store.object(Kind::Pod, "a", "1"));
        QVERIFY(!store.listProgress(Kind::Pod).listing);

        // clear() forgets lists in progress.
        store.post(listPage(ResourceStore::newListId(), {makePod("c", "9", "1")}, 9, false));
        store.flush();
        store.clear();
        QVERIFY(!store.listProgress(Kind::Pod).listing);
    }

    void batchesAreCoalesced()
    {
        ResourceStore store;
        QSignalSpy spy(&store, &ResourceStore::changed);
        for (int i = 0; i < 200; ++i)
            store.post(upsert(makePod("a", QString::number(i), "1")));
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<ChangeBatch>().changes.size(), 200);
        QCOMPARE(store.count(Kind::Pod), 200);
        // Nothing else arrives once the queue is drained.
        QTest::qWait(120);
        QCOMPARE(spy.count(), 1);
    }

    void coalescingRules_data()
    {
        QTest::addColumn<QStringList>("ops"); // "+rv" upsert, "-" delete, on pod a/x
        QTest::addColumn<bool>("existsBefore");
        QTest::addColumn<QString>("expected"); // "", "Added", "Modified", "Deleted"
        QTest::newRow("add+modify") << QStringList{"+1", "+2"} << false << "Added";
        QTest::newRow("add+delete") << QStringList{"+1", "-"} << false << "";
        QTest::newRow("modify+modify") << QStringList{"+2", "+3"} << true << "Modified";
        QTest::newRow("modify+delete") << QStringList{"+2", "-"} << true << "Deleted";
        QTest::newRow("delete+add") << QStringList{"-", "+5"} << true << "Modified";
        QTest::newRow("add+delete+add") << QStringList{"+1", "-", "+2"} << false << "Added";
        QTest::newRow("delete missing") << QStringList{"-"} << false << "";
    }

    void coalescingRules()
    {
        QFETCH(QStringList, ops);
        QFETCH(bool, existsBefore);
        QFETCH(QString, expected);
        ResourceStore store;
        if (existsBefore) {
            store.post(upsert(makePod("a", "x", "0")));
            store.flush();
        }
        QSignalSpy spy(&store, &ResourceStore::changed);
        for (const QString &op : ops) {
            if (op.startsWith(QLatin1Char('+')))
                store.post(upsert(makePod("a", "x", op.mid(1))));
            else
                store.post(remove(makePod("a", "x", "9")));
        }
        store.flush();
        if (expected.isEmpty()) {
            QCOMPARE(spy.count(), 0);
            return;
        }
        QCOMPARE(spy.count(), 1);
        const ChangeBatch batch = spy.at(0).at(0).value<ChangeBatch>();
        QCOMPARE(batch.changes.size(), 1);
        static const char *names[] = {"Added", "Modified", "Deleted"};
        QCOMPARE(QString::fromLatin1(names[int(batch.changes.at(0).type)]), expected);
        if (expected == QLatin1String("Modified"))
            QCOMPARE(batch.changes.at(0).previous->resourceVersion, QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(tst_Store)
#include "tst_store.moc"
