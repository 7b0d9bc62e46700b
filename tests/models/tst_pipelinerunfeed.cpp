// SPDX-License-Identifier: GPL-3.0-or-later
// PipelineRunFeed: every source's runs read at once and then every interval without any page
// (the image linker's feed), a source without a client skipped, a paused source not read
// until resumed, an unchanged list not emitted again, the limit passed to the provider.
#include <pipelinefixtures.h>
#include <pipelinepoller.h>
#include <pipelinerunfeed.h>

#include <QSignalSpy>
#include <QTest>

using namespace Orrery;
using PipelineFixtures::FakeClient;

namespace {

std::shared_ptr<FakeClient> clientWith(PipelineProvider provider, const QString &source, int runs)
{
    auto client = std::make_shared<FakeClient>();
    client->m_provider = provider;
    for (int i = runs; i > 0; --i) {
        PipelineRun r;
        r.provider = provider;
        r.source = source;
        r.id = QString::number(i);
        r.number = i;
        r.status = PipelineStatus::Succeeded;
        client->listed << r;
    }
    return client;
}

} // namespace

class TestPipelineRunFeed : public QObject
{
    Q_OBJECT

private slots:
    void readsEverySourceAtOnceThenEveryInterval();
    void pausedSourceRests();
    void folderIsReadThroughItsJobs();
};

void TestPipelineRunFeed::readsEverySourceAtOnceThenEveryInterval()
{
    auto github = clientWith(PipelineProvider::GitHub, QStringLiteral("o/r"), 3);
    auto jenkins = clientWith(PipelineProvider::Jenkins, QStringLiteral("shop"), 2);
    PipelineRunFeed feed;
    QCOMPARE(feed.interval(), PipelineRunFeed::DefaultInterval);
    feed.setInterval(50);
    QSignalSpy fed(&feed, &PipelineRunFeed::runsUpdated);
    feed.setSources({{github, QStringLiteral("o/r")},
                     {nullptr, QStringLiteral("unreachable")},
                     {jenkins, QStringLiteral("shop")}});
    QCOMPARE(feed.count(), 3);
    QVERIFY(feed.poller(0) && !feed.poller(1) && feed.poller(2));
    QVERIFY(feed.poller(0)->isActive());
    // Both lists come without anyone asking; each once while unchanged.
    QTRY_COMPARE(fed.size(), 2);
    QSet<int> providers;
    for (const QList<QVariant> &args : fed)
        for (const PipelineRun &r : args.first().value<QList<PipelineRun>>())
            providers.insert(int(r.provider));
    QCOMPARE(providers, (QSet<int>{int(PipelineProvider::GitHub), int(PipelineProvider::Jenkins)}));
    const int calls = github->runsCalls;
    QTRY_VERIFY(github->runsCalls >= calls + 2); // polled again every interval
    QCOMPARE(fed.size(), 2);                     // nothing changed, nothing emitted
    // A new run is fed with the next poll.
    PipelineRun newer = github->listed.first();
    newer.id = QStringLiteral("4");
    newer.number = 4;
    github->listed.prepend(newer);
    QTRY_COMPARE(fed.size(), 3);
    QCOMPARE(fed.last().first().value<QList<PipelineRun>>().first().id, QStringLiteral("4"));
    // The limit reaches the provider.
    feed.setLimit(1);
    QTRY_COMPARE(fed.last().first().value<QList<PipelineRun>>().size(), 1);
}

void TestPipelineRunFeed::pausedSourceRests()
{
    auto github = clientWith(PipelineProvider::GitHub, QStringLiteral("o/r"), 2);
    PipelineRunFeed feed;
    feed.setInterval(30);
    feed.setSources({{github, QStringLiteral("o/r")}});
    QTRY_VERIFY(github->runsCalls >= 1);
    feed.setPaused(0, true);
    QVERIFY(feed.isPaused(0));
    QVERIFY(!feed.poller(0)->isActive());
    // Stopped: no poll is scheduled (no fixed wait needed to see that none comes).
    const int calls = github->runsCalls;
    QCoreApplication::processEvents();
    QCOMPARE(github->runsCalls, calls);
    feed.setPaused(0, false);
    QVERIFY(feed.poller(0)->isActive());
    QTRY_VERIFY(github->runsCalls > calls);
    QVERIFY(!feed.isPaused(5)); // out of range: no source, not paused
    feed.setPaused(5, true);    // ignored
}

void TestPipelineRunFeed::folderIsReadThroughItsJobs()
{
    // A Jenkins multibranch project: its branch jobs have runs, the project has none.
    auto jenkins = clientWith(PipelineProvider::Jenkins, QStringLiteral("shop/api"), 2);
    jenkins->treeSource = QStringLiteral("shop/api");
    const auto node = [](PipelineSourceNode::Kind kind, const char *source) {
        PipelineSourceNode n;
        n.kind = kind;
        n.source = QString::fromLatin1(source);
        return n;
    };
    jenkins->tree = {node(PipelineSourceNode::Kind::Folder, "shop/api/old"),
                     node(PipelineSourceNode::Kind::Job, "shop/api/main"),
                     node(PipelineSourceNode::Kind::Job, "shop/api/feature%2Fx")};
    PipelineRunFeed feed;
    feed.setInterval(30);
    feed.setSources({{jenkins, QStringLiteral("shop/api")}});
    QTRY_VERIFY(!feed.poller(0));
    QCOMPARE(feed.folderJobPollers().size(), 2);
    // Every poll from now on reads a job, never the project itself.
    const int before = int(jenkins->runsSources.size());
    QTRY_VERIFY(jenkins->runsSources.size() >= before + 4);
    const QStringList later = jenkins->runsSources.mid(before);
    QVERIFY(later.contains(QStringLiteral("shop/api/main")));
    QVERIFY(later.contains(QStringLiteral("shop/api/feature%2Fx")));
    QVERIFY(!later.contains(QStringLiteral("shop/api")));
    // New sources drop the folder's pollers.
    feed.setSources({});
    QVERIFY(feed.folderJobPollers().isEmpty());
}

QTEST_GUILESS_MAIN(TestPipelineRunFeed)
#include "tst_pipelinerunfeed.moc"
