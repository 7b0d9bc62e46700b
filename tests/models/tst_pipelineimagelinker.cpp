// SPDX-License-Identifier: GPL-3.0-or-later
// PipelineImageLinker (models/): follows a context's ResourceStore and the runs given to it,
// and publishes the workloads whose link changed, batched per context: a Deployment running a
// run's image links to it; a rollout to the next run's image shows "rolling out" and then
// "deployed"; a pod's imageID links by digest; many changes within the batch interval are one
// linksChanged; a deleted workload or a dropped context unlinks.
#include "pipelineimagelinker.h"

#include "kube/resourcestore.h"

#include <QtTest>

using namespace Orrery;

namespace {

const QString ShaA = QStringLiteral("abc1234def5678abc1234def5678abc1234def56");
const QString ShaB = QStringLiteral("0123456789abcdef0123456789abcdef01234567");

PipelineRun makeRun(int number, const QString &sha, const QStringList &images = {})
{
    PipelineRun r;
    r.source = QStringLiteral("o/app");
    r.id = QString::number(9000 + number);
    r.number = number;
    r.commitSha = sha;
    r.status = PipelineStatus::Succeeded;
    r.createdAt = QDateTime(QDate(2026, 12, 7), QTime(10, number), Qt::UTC);
    r.finishedAt = r.createdAt.addSecs(120);
    r.images = images;
    return r;
}

KubeObjectPtr deployment(const QString &name, const QString &image, int updated = 2)
{
    auto o = std::make_shared<KubeObject>();
    o->kind = Kind::Deployment;
    o->name = name;
    o->namespaceName = QStringLiteral("prod");
    o->uid = QStringLiteral("uid-") + name;
    WorkloadData w;
    w.desired = 2;
    w.current = 2;
    w.ready = 2;
    w.updated = updated;
    w.selector.matchLabels = {{QStringLiteral("app"), name}};
    ContainerInfo c;
    c.name = name;
    c.image = image;
    w.podTemplate.containers = {c};
    o->data = w;
    return o;
}

KubeObjectPtr pod(const QString &app, const QString &image, const QString &imageId)
{
    auto o = std::make_shared<KubeObject>();
    o->kind = Kind::Pod;
    o->name = app + QStringLiteral("-1");
    o->namespaceName = QStringLiteral("prod");
    o->uid = QStringLiteral("pod-") + app;
    o->labels = {{QStringLiteral("app"), app}};
    PodData d;
    ContainerInfo c;
    c.name = app;
    c.image = image;
    d.spec.containers = {c};
    ContainerStatusInfo s;
    s.name = app;
    s.imageID = imageId;
    d.containerStatuses = {s};
    o->data = d;
    return o;
}

void upsert(ResourceStore &store, const KubeObjectPtr &o)
{
    StoreDelta d;
    d.kind = o->kind;
    d.object = o;
    store.post(std::move(d));
}

} // namespace

class tst_PipelineImageLinker : public QObject
{
    Q_OBJECT

private slots:
    void linksAndBatches();
    void digestFromPods();
    void settingsRoundTrip();
};

void tst_PipelineImageLinker::linksAndBatches()
{
    ResourceStore store;
    PipelineImageLinker linker;
    QSignalSpy changed(&linker, &PipelineImageLinker::linksChanged);
    const WorkloadKey api{"ctx", "prod", "Deployment", "api"};
    const WorkloadKey web{"ctx", "prod", "Deployment", "web"};

    upsert(store, deployment("api", "ghcr.io/o/api:sha-abc1234"));
    upsert(store, deployment("web", "ghcr.io/o/web:latest"));
    store.flush();
    linker.setStore("ctx", &store);
    linker.updateRuns({makeRun(5, ShaA), makeRun(6, ShaB)});
    QVERIFY(changed.isEmpty()); // batched
    QVERIFY(changed.wait(1000));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("ctx"));
    QCOMPARE(changed.at(0).at(1).value<QList<WorkloadKey>>(), QList<WorkloadKey>{api});
    QCOMPARE(linker.linkOf(api)->runNumber, 5);
    QVERIFY(!linker.linkOf(web)); // latest never links
    QCOMPARE(linker.linksOfRun(PipelineProvider::GitHub, "o/app", "9005").size(), 1);

    // A pipeline's rollout: the template moves to run 6's image while replicas update.
    changed.clear();
    linker.setStore("ctx", &store); // the same store again: nothing changes
    linker.flush();
    QVERIFY(changed.isEmpty());
    upsert(store, deployment("api", "ghcr.io/o/api:sha-0123456", 0));
    upsert(store, deployment("web", "ghcr.io/o/web:latest", 1)); // no link before or after
    store.flush();
    QVERIFY(changed.wait(1000));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(1).value<QList<WorkloadKey>>(), QList<WorkloadKey>{api});
    QVERIFY(linker.linkOf(api)->rollingOut);
    QCOMPARE(linker.linkOf(api)->runNumber, 6);
    QVERIFY(linker.linkOf(api)->describe(QDateTime()).startsWith("rolling out from run #6"));
    upsert(store, deployment("api", "ghcr.io/o/api:sha-0123456", 2));
    store.flush();
    linker.flush();
    QVERIFY(!linker.linkOf(api)->rollingOut);

    // A context dropped: its links go.
    changed.clear();
    linker.setStore("ctx", nullptr);
    linker.flush();
    QCOMPARE(changed.size(), 1);
    QVERIFY(!linker.linkOf(api));
}

void tst_PipelineImageLinker::digestFromPods()
{
    // A pod that pulled the digest a run reported links its Deployment, whose tag says
    // nothing: the pod's batch re-evaluates the Deployment its labels belong to.
    ResourceStore store;
    PipelineImageLinker linker;
    linker.setStore("ctx", &store);
    linker.updateRuns({makeRun(7, ShaA, {"ghcr.io/o/api@sha256:beef"})});
    upsert(store, deployment("api", "ghcr.io/o/api:1.0"));
    store.flush();
    linker.flush();
    const WorkloadKey api{"ctx", "prod", "Deployment", "api"};
    QVERIFY(!linker.linkOf(api));
    upsert(store, pod("api", "ghcr.io/o/api:1.0", "ghcr.io/o/api@sha256:beef"));
    store.flush();
    linker.flush();
    QVERIFY(linker.linkOf(api));
    QCOMPARE(linker.linkOf(api)->runNumber, 7);
    QCOMPARE(linker.linkOf(api)->evidence, ImageLinkEvidence::Digest);

    // Deleting the Deployment unlinks it.
    StoreDelta d;
    d.type = StoreDelta::Type::Delete;
    d.kind = Kind::Deployment;
    d.object = deployment("api", "ghcr.io/o/api:1.0");
    store.post(std::move(d));
    store.flush();
    linker.flush();
    QVERIFY(!linker.linkOf(api));
}

void tst_PipelineImageLinker::settingsRoundTrip()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath("s.ini"), QSettings::IniFormat);
    // Nothing stored: the defaults.
    QCOMPARE(PipelineImageLinker::loadSettings(settings).defaultRule, ImageLinkRule());
    ImageLinkSettings rules;
    rules.defaultRule.useRevisionLabel = false;
    ImageLinkRule versioned;
    versioned.tagTemplates = {"v${number}"};
    versioned.repositories = {"ghcr.io/o/app*"};
    rules.rules.insert(ImageLinkSettings::sourceKey(PipelineProvider::GitHub, "o/app"), versioned);
    rules.rules.insert(ImageLinkSettings::sourceKey(PipelineProvider::Jenkins, "folder/job"),
                       ImageLinkRule());
    PipelineImageLinker::saveSettings(settings, rules);
    settings.sync();
    QSettings again(dir.filePath("s.ini"), QSettings::IniFormat);
    const ImageLinkSettings loaded = PipelineImageLinker::loadSettings(again);
    QCOMPARE(loaded.defaultRule, rules.defaultRule);
    QCOMPARE(loaded.rules, rules.rules);
    QCOMPARE(loaded.ruleFor(PipelineProvider::GitHub, "o/app").tagTemplates,
             QStringList{"v${number}"});
}

QTEST_GUILESS_MAIN(tst_PipelineImageLinker)
#include "tst_pipelineimagelinker.moc"
