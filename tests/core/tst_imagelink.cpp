// SPDX-License-Identifier: GPL-3.0-or-later
// The pipeline → image → workload rule (core/pipelines/imagelink): image references parse as
// registries name them; a workload's image links to the run whose commit SHA, number, reported
// images, digests or revision label the source's rule matches, and never on floating or reused
// tags; the incremental index always agrees with the full computation and stays bounded.
#include "pipelines/imagelink.h"

#include <QtTest>

using namespace Orrery;

namespace {

const QString ShaA = QStringLiteral("abc1234def5678abc1234def5678abc1234def56");
const QString ShaB = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
const QString ShaC = QStringLiteral("fedcba9876543210fedcba9876543210fedcba98");
const QDateTime T0 = QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);

AppNode appNode(AppNode::Kind kind, const QString &id, const QString &parent, const QString &name,
                const QString &status, bool healthy = true)
{
    AppNode n;
    n.kind = kind;
    n.id = id;
    n.parentId = parent;
    n.name = name;
    n.status = status;
    n.healthy = healthy;
    return n;
}

PipelineRun makeRun(int number, const QString &sha, const QString &source = "o/app",
                    const QStringList &images = {}, int minute = -1)
{
    PipelineRun r;
    r.provider = PipelineProvider::GitHub;
    r.source = source;
    r.id = QString::number(1000 + number) + source;
    r.number = number;
    r.commitSha = sha;
    r.status = PipelineStatus::Succeeded;
    r.createdAt = T0.addSecs(60 * (minute < 0 ? number : minute));
    r.finishedAt = r.createdAt.addSecs(300);
    r.images = images;
    return r;
}

ImageLinkWorkload makeWorkload(const QString &name, const QStringList &images,
                               const QStringList &runningIds = {}, const QString &revision = {})
{
    ImageLinkWorkload w;
    w.key = {QStringLiteral("ctx"), QStringLiteral("default"), QStringLiteral("Deployment"), name};
    w.images = images;
    w.runningIds = runningIds;
    if (!revision.isEmpty())
        for (const QString &i : images)
            w.revisions.insert(i, revision);
    w.desired = 2;
    w.ready = 2;
    return w;
}

} // namespace

Q_DECLARE_METATYPE(QList<PipelineRun>)
Q_DECLARE_METATYPE(ImageLinkSettings)

class tst_ImageLink : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void expandTags();
    void link_data();
    void link();
    void indexAgreesWithFullComputation();
    void indexIsIncremental();
    void indexIsBounded();
    void fromObject();
    void describe();
    void appTopologyBoxes();
    void platformTargets();
};

void tst_ImageLink::parse_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<bool>("partial");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("digest");

    QTest::newRow("docker hub short") << "nginx" << false << "docker.io/library/nginx"
                                      << ""
                                      << "";
    QTest::newRow("docker hub tag") << "nginx:1.25" << false << "docker.io/library/nginx"
                                    << "1.25"
                                    << "";
    QTest::newRow("docker hub org") << "bitnami/redis:7" << false << "docker.io/bitnami/redis"
                                    << "7"
                                    << "";
    QTest::newRow("ghcr") << "ghcr.io/Org/App:sha-abc1234" << false << "ghcr.io/org/app"
                          << "sha-abc1234"
                          << "";
    QTest::newRow("registry port")
        << "localhost:5000/team/app:v3" << false << "localhost:5000/team/app"
        << "v3"
        << "";
    QTest::newRow("digest") << "ghcr.io/o/app@sha256:ABCDEF" << false << "ghcr.io/o/app"
                            << ""
                            << "sha256:abcdef";
    QTest::newRow("tag and digest") << "ghcr.io/o/app:1@sha256:ab" << false << "ghcr.io/o/app"
                                    << "1"
                                    << "sha256:ab";
    QTest::newRow("imageID scheme")
        << "docker-pullable://ghcr.io/o/app@sha256:ab" << false << "ghcr.io/o/app"
        << ""
        << "sha256:ab";
    QTest::newRow("bare imageID") << "sha256:AB12" << false << ""
                                  << ""
                                  << "sha256:ab12";
    QTest::newRow("partial") << "app:1.2.3" << true << "app"
                             << "1.2.3"
                             << "";
    QTest::newRow("partial org") << "org/app:1" << true << "org/app"
                                 << "1"
                                 << "";
    QTest::newRow("empty") << "" << false << ""
                           << ""
                           << "";
    QTest::newRow("spaces") << "a b:c" << false << ""
                            << ""
                            << "";
    QTest::newRow("digest without algorithm") << "app@abc" << false << ""
                                              << ""
                                              << "";
    QTest::newRow("trailing slash") << "ghcr.io/o/:1" << false << ""
                                    << ""
                                    << "";
    QTest::newRow("too long") << QString(2000, QLatin1Char('a')) << false << ""
                              << ""
                              << "";
}

void tst_ImageLink::parse()
{
    QFETCH(QString, image);
    QFETCH(bool, partial);
    QFETCH(QString, name);
    QFETCH(QString, tag);
    QFETCH(QString, digest);
    const ImageReference r = ImageReference::parse(image, partial);
    QCOMPARE(r.repository.isEmpty() ? QString() : r.name(), name);
    QCOMPARE(r.tag, tag);
    QCOMPARE(r.digest, digest);
}

void tst_ImageLink::expandTags()
{
    ImageLinkRule rule;
    PipelineRun run = makeRun(42, ShaA);
    run.branch = QStringLiteral("feature/x");
    QCOMPARE(rule.expandTags(run),
             QStringList({ShaA, ShaA.left(7), "sha-" + ShaA, "sha-" + ShaA.left(7)}));
    rule.tagTemplates = {"v${number}", "${branch}-${short_sha}", "stable", "${number}",
                         "${unknown}", "latest-${nothing}"};
    QCOMPARE(rule.expandTags(run), QStringList({"v42", "feature-x-abc1234", "42"}));
    run.commitSha.clear();
    run.number = 0;
    QCOMPARE(rule.expandTags(run), QStringList());
    QVERIFY(ImageLinkRule::isFloatingTag("latest"));
    QVERIFY(ImageLinkRule::isFloatingTag("Main"));
    QVERIFY(ImageLinkRule::isFloatingTag(""));
    QVERIFY(!ImageLinkRule::isFloatingTag("v1"));
}

void tst_ImageLink::link_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QStringList>("runningIds");
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QList<PipelineRun>>("runs");
    QTest::addColumn<ImageLinkSettings>("settings");
    QTest::addColumn<int>("number"); // -1: no link
    QTest::addColumn<QString>("evidence");

    const ImageLinkSettings defaults;
    const QList<PipelineRun> history{makeRun(5, ShaA), makeRun(6, ShaB), makeRun(7, ShaC)};

    QTest::newRow("short sha tag")
        << "ghcr.io/o/app:abc1234" << QStringList() << "" << history << defaults << 5 << "tag";
    QTest::newRow("full sha tag") << "ghcr.io/o/app:" + ShaB << QStringList() << "" << history
                                  << defaults << 6 << "tag";
    QTest::newRow("sha- short") << "ghcr.io/o/app:sha-fedcba9" << QStringList() << "" << history
                                << defaults << 7 << "tag";
    QTest::newRow("upper-case sha tag")
        << "ghcr.io/o/app:SHA-FEDCBA9" << QStringList() << "" << history << defaults << 7 << "tag";
    QTest::newRow("unknown sha") << "ghcr.io/o/app:1111111" << QStringList() << "" << history
                                 << defaults << -1 << "";
    QTest::newRow("no tag") << "ghcr.io/o/app" << QStringList() << "" << history << defaults << -1
                            << "";

    // latest is never a link, even when a run says it pushed it.
    QTest::newRow("latest reported")
        << "ghcr.io/o/app:latest" << QStringList() << ""
        << QList<PipelineRun>{makeRun(5, ShaA, "o/app", {"ghcr.io/o/app:latest"})} << defaults << -1
        << "";
    // A tag two runs of different commits produced (reused tag): no link.
    QTest::newRow("reused tag")
        << "ghcr.io/o/app:v1" << QStringList() << ""
        << QList<PipelineRun>{makeRun(3, ShaA, "o/app", {"ghcr.io/o/app:v1"}),
                              makeRun(4, ShaB, "o/app", {"ghcr.io/o/app:v1"})}
        << defaults << -1 << "";
    // Two runs of the same commit (a re-run, a dispatch): the newest.
    QTest::newRow("same commit, newest")
        << "ghcr.io/o/app:sha-abc1234" << QStringList() << ""
        << QList<PipelineRun>{makeRun(8, ShaA), makeRun(9, ShaA)} << defaults << 9 << "tag";
    // Two sources building the same commit (a monorepo's workflows): ambiguous.
    QTest::newRow("same sha, two sources")
        << "ghcr.io/o/app:abc1234" << QStringList() << ""
        << QList<PipelineRun>{makeRun(8, ShaA, "o/app"), makeRun(2, ShaA, "o/other")} << defaults
        << -1 << "";

    // Number templates only where configured.
    const QList<PipelineRun> numbered{makeRun(12, ShaA, "o/app"), makeRun(12, ShaB, "o/web")};
    QTest::newRow("number, default rule")
        << "ghcr.io/o/app:v12" << QStringList() << "" << numbered << defaults << -1 << "";
    ImageLinkSettings versioned;
    versioned.defaultRule.tagTemplates = {"v${number}"};
    QTest::newRow("number, both sources")
        << "ghcr.io/o/app:v12" << QStringList() << "" << numbered << versioned << -1 << "";
    ImageLinkSettings perRepo;
    ImageLinkRule appRule;
    appRule.tagTemplates = {"v${number}"};
    appRule.repositories = {"ghcr.io/o/app*"};
    perRepo.rules.insert(ImageLinkSettings::sourceKey(PipelineProvider::GitHub, "o/app"), appRule);
    ImageLinkRule webRule = appRule;
    webRule.repositories = {"ghcr.io/o/web"};
    perRepo.rules.insert(ImageLinkSettings::sourceKey(PipelineProvider::GitHub, "o/web"), webRule);
    QTest::newRow("number, per repository")
        << "ghcr.io/o/app:v12" << QStringList() << "" << numbered << perRepo << 12 << "tag";
    QTest::newRow("number, repository not covered")
        << "ghcr.io/o/api:v12" << QStringList() << "" << numbered << perRepo << -1 << "";

    // Reported images: full, partial (artifact names carry no registry), other repositories.
    QTest::newRow("reported full")
        << "ghcr.io/o/app:1.2.3" << QStringList() << ""
        << QList<PipelineRun>{makeRun(5, ShaA, "o/app", {"ghcr.io/o/app:1.2.3"}), makeRun(6, ShaB)}
        << defaults << 5 << "reported";
    QTest::newRow("reported partial")
        << "registry.example.com/team/app:1.2.3" << QStringList() << ""
        << QList<PipelineRun>{makeRun(5, ShaA, "o/app", {"app:1.2.3"})} << defaults << 5
        << "reported";
    QTest::newRow("reported other repository")
        << "ghcr.io/o/app:1.2.3" << QStringList() << ""
        << QList<PipelineRun>{makeRun(5, ShaA, "o/app", {"ghcr.io/o/other:1.2.3"})} << defaults
        << -1 << "";
    ImageLinkSettings noReported;
    noReported.defaultRule.useReportedImages = false;
    QTest::newRow("reported, disabled")
        << "ghcr.io/o/app:1.2.3" << QStringList() << ""
        << QList<PipelineRun>{makeRun(5, ShaA, "o/app", {"ghcr.io/o/app:1.2.3"})} << noReported
        << -1 << "";

    // A digest the pods run beats a tag another commit's run matches.
    QTest::newRow("digest beats tag")
        << "ghcr.io/o/app:abc1234" << QStringList{"docker-pullable://ghcr.io/o/app@sha256:feed"}
        << ""
        << QList<PipelineRun>{makeRun(5, ShaA),
                              makeRun(6, ShaB, "o/app", {"ghcr.io/o/app@sha256:feed"})}
        << defaults << 6 << "digest";
    QTest::newRow("digest of another repository")
        << "ghcr.io/o/app:1.0" << QStringList{"ghcr.io/o/other@sha256:feed"} << ""
        << QList<PipelineRun>{makeRun(6, ShaB, "o/app", {"ghcr.io/o/app@sha256:feed"})} << defaults
        << -1 << "";
    QTest::newRow("image pinned by digest")
        << "ghcr.io/o/app@sha256:feed" << QStringList() << ""
        << QList<PipelineRun>{makeRun(6, ShaB, "o/app", {"app@sha256:feed"})} << defaults << 6
        << "digest";

    // The org.opencontainers.image.revision label.
    QTest::newRow("revision label")
        << "ghcr.io/o/app:1.2.3" << QStringList() << ShaC << history << defaults << 7 << "revision";
    ImageLinkSettings noRevision;
    noRevision.defaultRule.useRevisionLabel = false;
    QTest::newRow("revision label, disabled")
        << "ghcr.io/o/app:1.2.3" << QStringList() << ShaC << history << noRevision << -1 << "";
    QTest::newRow("garbage image")
        << "::::" << QStringList() << "" << history << defaults << -1 << "";
}

void tst_ImageLink::link()
{
    QFETCH(QString, image);
    QFETCH(QStringList, runningIds);
    QFETCH(QString, revision);
    QFETCH(QList<PipelineRun>, runs);
    QFETCH(ImageLinkSettings, settings);
    QFETCH(int, number);
    QFETCH(QString, evidence);

    const auto found = linkImage(image, runningIds, revision, runs, settings);
    if (number < 0) {
        QVERIFY2(!found, found ? qPrintable(QString::number(runs.at(found->first).number)) : "");
        return;
    }
    QVERIFY(found);
    QCOMPARE(runs.at(found->first).number, number);
    QCOMPARE(imageLinkEvidenceName(found->second), evidence);

    // The index finds the same, whatever the order runs and workload arrive in.
    ImageLinkWorkload w = makeWorkload(QStringLiteral("w"), {image}, runningIds, revision);
    ImageLinkIndex runsFirst(settings);
    for (const PipelineRun &r : std::as_const(runs))
        runsFirst.upsertRun(r);
    QCOMPARE(runsFirst.upsertWorkload(w).size(), 1);
    ImageLinkIndex workloadFirst(settings);
    workloadFirst.upsertWorkload(w);
    for (const PipelineRun &r : std::as_const(runs))
        workloadFirst.upsertRun(r);
    for (ImageLinkIndex *index : {&runsFirst, &workloadFirst}) {
        const auto link = index->linkOf(w.key);
        QVERIFY(link);
        QCOMPARE(link->runNumber, number);
        QCOMPARE(link->image, image);
        QCOMPARE(index->linksOfRun(link->provider, link->source, link->runId).size(), 1);
    }
}

void tst_ImageLink::indexAgreesWithFullComputation()
{
    ImageLinkSettings settings;
    settings.defaultRule.tagTemplates << QStringLiteral("v${number}");
    QList<PipelineRun> runs;
    QList<ImageLinkWorkload> workloads;
    const QStringList shas{ShaA, ShaB, ShaC};
    for (int i = 1; i <= 30; ++i)
        runs.append(makeRun(
            i, shas.at(i % 3).left(39) + QString::number(i % 10), i % 2 ? "o/app" : "o/web",
            i % 5 == 0 ? QStringList{"ghcr.io/o/app:r" + QString::number(i)} : QStringList()));
    for (int i = 0; i < 40; ++i) {
        const PipelineRun &r = runs.at((i * 7) % runs.size());
        const QString tag = i % 4 == 0   ? r.commitSha.left(7)
                            : i % 4 == 1 ? "v" + QString::number(r.number)
                            : i % 4 == 2 ? "r" + QString::number(r.number)
                                         : QStringLiteral("latest");
        workloads.append(makeWorkload("w" + QString::number(i), {"ghcr.io/o/app:" + tag}));
    }
    QList<ImageLink> expected = computeImageLinks(runs, workloads, settings);
    QVERIFY(!expected.isEmpty());
    QVERIFY(expected.size() < workloads.size()); // latest, reused numbers stay unlinked
    std::sort(expected.begin(), expected.end(), [](const ImageLink &a, const ImageLink &b) {
        return a.workload.toString() < b.workload.toString();
    });

    ImageLinkIndex index(settings);
    // Interleaved: half the workloads, every other run, the rest, the remaining runs.
    for (int i = 0; i < 20; ++i)
        index.upsertWorkload(workloads.at(i));
    for (int i = 0; i < runs.size(); i += 2)
        index.upsertRun(runs.at(i));
    for (int i = 20; i < workloads.size(); ++i)
        index.upsertWorkload(workloads.at(i));
    for (int i = 1; i < runs.size(); i += 2)
        index.upsertRun(runs.at(i));
    QCOMPARE(index.links(), expected);

    // Changing the rule re-evaluates everything.
    ImageLinkSettings shaOnly;
    const QList<WorkloadKey> changed = index.setSettings(shaOnly);
    QVERIFY(!changed.isEmpty());
    QList<ImageLink> again = computeImageLinks(runs, workloads, shaOnly);
    std::sort(again.begin(), again.end(), [](const ImageLink &a, const ImageLink &b) {
        return a.workload.toString() < b.workload.toString();
    });
    QCOMPARE(index.links(), again);
}

void tst_ImageLink::indexIsIncremental()
{
    ImageLinkIndex index;
    const PipelineRun r5 = makeRun(5, ShaA);
    const PipelineRun r6 = makeRun(6, ShaB);
    index.upsertRun(r5);
    index.upsertRun(r6);
    ImageLinkWorkload w = makeWorkload("api", {"ghcr.io/o/app:sha-abc1234"});
    QCOMPARE(index.upsertWorkload(w), QList<WorkloadKey>{w.key});
    QCOMPARE(index.linkOf(w.key)->runNumber, 5);
    QVERIFY(index.upsertWorkload(w).isEmpty()); // unchanged: nothing to publish

    // A rollout to run 6's image: rolling out from #6, then deployed by #6.
    w.images = {"ghcr.io/o/app:sha-0123456"};
    w.rollingOut = true;
    QCOMPARE(index.upsertWorkload(w).size(), 1);
    QCOMPARE(index.linkOf(w.key)->runNumber, 6);
    QVERIFY(index.linkOf(w.key)->rollingOut);
    QVERIFY(index.linksOfRun(r5.provider, r5.source, r5.id).isEmpty());
    QCOMPARE(index.linksOfRun(r6.provider, r6.source, r6.id).size(), 1);
    w.rollingOut = false;
    QCOMPARE(index.upsertWorkload(w).size(), 1);
    QVERIFY(!index.linkOf(w.key)->rollingOut);

    // A run's status change is published to the workloads it deployed.
    PipelineRun r6b = r6;
    r6b.status = PipelineStatus::Failed;
    QCOMPARE(index.upsertRun(r6b), QList<WorkloadKey>{w.key});
    QCOMPARE(index.linkOf(w.key)->runStatus, PipelineStatus::Failed);
    // An unrelated run touches nothing.
    QVERIFY(index.upsertRun(makeRun(7, ShaC)).isEmpty());
    // A run of another source on the same commit produces the same tag: the link becomes
    // ambiguous and disappears, and comes back when that run goes.
    QCOMPARE(index.upsertRun(makeRun(1, ShaB, "o/other")), QList<WorkloadKey>{w.key});
    QVERIFY(!index.linkOf(w.key));
    QCOMPARE(index.removeRun(PipelineProvider::GitHub, "o/other", makeRun(1, ShaB, "o/other").id),
             QList<WorkloadKey>{w.key});
    QCOMPARE(index.linkOf(w.key)->runNumber, 6);

    QCOMPARE(index.removeRun(r6.provider, r6.source, r6.id), QList<WorkloadKey>{w.key});
    QVERIFY(!index.linkOf(w.key));
    index.upsertRun(r6);
    QCOMPARE(index.removeContext("ctx"), QList<WorkloadKey>{w.key});
    QCOMPARE(index.workloadCount(), 0);
    QVERIFY(index.links().isEmpty());
}

void tst_ImageLink::indexIsBounded()
{
    ImageLinkIndex index({}, 10, 5);
    QList<ImageLinkWorkload> ws;
    for (int i = 0; i < 8; ++i) {
        ws.append(makeWorkload("w" + QString::number(i), {"ghcr.io/o/app:" + ShaA.left(7)}));
        index.upsertWorkload(ws.last());
    }
    QCOMPARE(index.workloadCount(), 5);
    index.upsertRun(makeRun(1, ShaA));
    QCOMPARE(index.links().size(), 5);
    for (int i = 2; i <= 30; ++i)
        index.upsertRun(makeRun(i, ShaB.left(39) + QString::number(i % 10)));
    QCOMPARE(index.runCount(), 10);
    QVERIFY(index.links().isEmpty()); // run #1, the oldest, was dropped
}

void tst_ImageLink::fromObject()
{
    auto deployment = std::make_shared<KubeObject>();
    deployment->kind = Kind::Deployment;
    deployment->name = QStringLiteral("api");
    deployment->namespaceName = QStringLiteral("prod");
    deployment->generation = 3;
    WorkloadData w;
    w.desired = 3;
    w.current = 4;
    w.ready = 3;
    w.updated = 1;
    w.observedGeneration = 3;
    w.selector.matchLabels = {{QStringLiteral("app"), QStringLiteral("api")}};
    ContainerInfo c;
    c.name = QStringLiteral("api");
    c.image = QStringLiteral("ghcr.io/o/api:sha-abc1234");
    w.podTemplate.containers = {c};
    deployment->data = w;

    auto pod = [&](const QString &name, const QString &image, const QString &imageId,
                   const QString &app, const QString &ns = QStringLiteral("prod")) {
        auto p = std::make_shared<KubeObject>();
        p->kind = Kind::Pod;
        p->name = name;
        p->namespaceName = ns;
        p->labels = {{QStringLiteral("app"), app}};
        PodData d;
        ContainerInfo pc;
        pc.name = QStringLiteral("api");
        pc.image = image;
        d.spec.containers = {pc};
        ContainerStatusInfo s;
        s.name = QStringLiteral("api");
        s.imageID = imageId;
        d.containerStatuses = {s};
        p->data = d;
        return KubeObjectPtr(p);
    };
    const QList<KubeObjectPtr> pods{
        pod("new", c.image, "ghcr.io/o/api@sha256:new", "api"),
        pod("old", "ghcr.io/o/api:sha-0000000", "ghcr.io/o/api@sha256:old", "api"),
        pod("other-app", c.image, "ghcr.io/o/api@sha256:x", "web"),
        pod("other-ns", c.image, "ghcr.io/o/api@sha256:y", "api", "staging"),
        pod("pending", c.image, "", "api")};
    const auto out = ImageLinkWorkload::fromObject("ctx", *deployment, pods);
    QVERIFY(out);
    QCOMPARE(out->key.toString(), QStringLiteral("ctx/prod/Deployment/api"));
    QCOMPARE(out->images, QStringList{c.image});
    QCOMPARE(out->runningIds, QStringList{"ghcr.io/o/api@sha256:new"});
    QVERIFY(out->rollingOut);
    QCOMPARE(out->desired, 3);

    w.updated = 3;
    w.current = 3;
    deployment->data = w;
    deployment->annotations = {{QStringLiteral("org.opencontainers.image.revision"), ShaA}};
    const auto done = ImageLinkWorkload::fromObject("ctx", *deployment, {});
    QVERIFY(done && !done->rollingOut);
    QCOMPARE(done->revisions.value(c.image), ShaA);

    auto service = std::make_shared<KubeObject>();
    service->kind = Kind::Service;
    QVERIFY(!ImageLinkWorkload::fromObject("ctx", *service, {}));
}

void tst_ImageLink::describe()
{
    ImageLink link;
    link.runNumber = 123;
    link.commitSha = ShaA;
    link.runAt = T0;
    QCOMPARE(link.describe(T0.addSecs(300)),
             QStringLiteral("deployed by run #123 · abc1234 · 5m ago"));
    QCOMPARE(link.describeShort(T0.addSecs(300)), QStringLiteral("run #123 · abc1234 · 5m ago"));
    link.rollingOut = true;
    link.runNumber = 124;
    QCOMPARE(link.describeShort(T0.addSecs(30)),
             QStringLiteral("rolling out #124 · abc1234 · 30s ago"));
    QCOMPARE(link.describe(T0.addSecs(30)),
             QStringLiteral("rolling out from run #124 · abc1234 · 30s ago"));
    link.runAt = QDateTime();
    link.commitSha.clear();
    QCOMPARE(link.describe(T0), QStringLiteral("rolling out from run #124"));
}

// A Fly app's process group and machines, a Railway service and its deployments: the boxes
// that run an image are linkable, with the revision their platform recorded; the app and the
// attachments are not; a machine coming up is rolling out, and so is its group.
void tst_ImageLink::appTopologyBoxes()
{
    AppTopology fly;
    fly.provider = QStringLiteral("fly");
    fly.ref = QStringLiteral("acme-edge-staging");
    fly.nodes = {
        appNode(AppNode::Kind::App, "app", "", "acme-edge-staging", "deployed"),
        appNode(AppNode::Kind::Group, "group:app", "app", "app", "1 machine"),
        appNode(AppNode::Kind::Instance, "m1", "group:app", "white-sun-1", "replacing"),
        appNode(AppNode::Kind::Instance, "m2", "group:app", "old-leaf-2", "started"),
        appNode(AppNode::Kind::Attachment, "attachment:DATABASE_URL", "app", "Postgres",
                "attached"),
    };
    fly.nodes[1].image = fly.nodes[2].image = QStringLiteral("ghcr.io/o/app:2.5.0");
    fly.nodes[1].revision = fly.nodes[2].revision = ShaA;
    fly.nodes[3].image = QStringLiteral("ghcr.io/o/app:2.4.0");
    fly.nodes[4].image = QStringLiteral("flyio/postgres-flex:16");
    const QList<ImageLinkWorkload> boxes = ImageLinkWorkload::fromAppTopology(fly);
    QCOMPARE(boxes.size(), 3);
    QCOMPARE(ImageLinkWorkload::appLinkContext(fly), QStringLiteral("app:acme-edge-staging"));
    QCOMPARE(boxes[0].key, (WorkloadKey{"app:acme-edge-staging", "acme-edge-staging",
                                        "FlyProcessGroup", "group:app"}));
    QCOMPARE(boxes[1].key.kind, QStringLiteral("FlyMachine"));
    QCOMPARE(boxes[1].revisions.value(QStringLiteral("ghcr.io/o/app:2.5.0")), ShaA);
    QVERIFY(boxes[0].rollingOut); // its machine m1 is replacing
    QVERIFY(boxes[1].rollingOut);
    QVERIFY(!boxes[2].rollingOut);
    QVERIFY(boxes[2].revisions.isEmpty());

    // Linked by the revision: the run of that commit, not another.
    const QList<ImageLink> links = computeImageLinks(
        {makeRun(21, ShaA, "acme/platform"), makeRun(20, ShaB, "acme/platform")}, boxes, {});
    QCOMPARE(links.size(), 2);
    for (const ImageLink &l : links) {
        QCOMPARE(l.runNumber, 21);
        QCOMPARE(l.evidence, ImageLinkEvidence::Revision);
        QVERIFY(l.rollingOut);
    }

    AppTopology railway;
    railway.provider = QStringLiteral("railway");
    railway.ref = QStringLiteral("p/e/s");
    railway.nodes = {
        appNode(AppNode::Kind::App, "e", "", "acme-platform / production", "SUCCESS"),
        appNode(AppNode::Kind::Group, "s", "e", "api-gateway", "CRASHED", false),
        appNode(AppNode::Kind::Instance, "d1", "s", "d1 2.5.0", "DEPLOYING"),
    };
    railway.nodes[1].image = railway.nodes[2].image = QStringLiteral("ghcr.io/o/app:2.5.0");
    railway.nodes[2].revision = ShaA;
    const QList<ImageLinkWorkload> services = ImageLinkWorkload::fromAppTopology(railway);
    QCOMPARE(services.size(), 2);
    QCOMPARE(services[0].key.kind, QStringLiteral("RailwayService"));
    QCOMPARE(services[1].key.kind, QStringLiteral("RailwayDeployment"));
    QCOMPARE(services[1].key.namespaceName,
             QStringLiteral("api-gateway (acme-platform / production)"));
    QVERIFY(services[1].rollingOut);
    QCOMPARE(services[0].ready, 0); // not healthy

    // An empty topology has no boxes.
    QVERIFY(ImageLinkWorkload::fromAppTopology({}).isEmpty());
}

// Each job that names a platform in its name or steps gets the boxes of that platform.
void tst_ImageLink::platformTargets()
{
    PipelineRun run = makeRun(21, ShaA, "acme/platform");
    const auto job = [](const QString &id, const QString &name, const QStringList &steps,
                        PipelineStatus status) {
        PipelineJob j;
        j.id = id;
        j.name = name;
        for (const QString &stepName : steps) {
            PipelineStep step;
            step.name = stepName;
            j.steps.append(step);
        }
        j.status = status;
        if (status != PipelineStatus::Queued)
            j.startedAt = T0;
        return j;
    };
    run.jobs = {
        job("1", "Build & push image", {"Set up job", "Push to GHCR"}, PipelineStatus::Succeeded),
        job("2", "Deploy staging", {"Set up job", "flyctl deploy"}, PipelineStatus::Succeeded),
        job("3", "Deploy (Railway)", {}, PipelineStatus::Running),
        // "fly" inside a word is not Fly.io.
        job("4", "Butterfly tests", {}, PipelineStatus::Succeeded),
        // A rollback that has not run has deployed nothing.
        job("5", "Roll back Fly.io and Railway", {}, PipelineStatus::Queued)};

    ImageLink onFly;
    onFly.workload = {"app:x", "acme-edge-staging", "FlyMachine", "m1"};
    ImageLink onFlyGroup = onFly;
    onFlyGroup.workload.kind = QStringLiteral("FlyProcessGroup");
    ImageLink onRailway;
    onRailway.workload
        = {"app:y", "api-gateway (acme-platform / production)", "RailwayService", "s"};
    ImageLink onCluster;
    onCluster.workload = {"gke", "app", "Deployment", "api-gateway"};

    const auto targets = platformTargetsByJob(run, {onFly, onFlyGroup, onRailway, onCluster});
    QCOMPARE(targets.size(), 2);
    QCOMPARE(targets.value("2"), QStringList{QStringLiteral("\u2192 Fly.io: acme-edge-staging")});
    QCOMPARE(targets.value("3"), QStringList{QStringLiteral(
                                     "\u2192 Railway: api-gateway (acme-platform / production)")});
    // Nothing runs on a platform: no lines.
    QVERIFY(platformTargetsByJob(run, {onCluster}).isEmpty());
    QVERIFY(platformTargetsByJob(run, {}).isEmpty());
}

QTEST_GUILESS_MAIN(tst_ImageLink)
#include "tst_imagelink.moc"
