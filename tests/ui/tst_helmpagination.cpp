// SPDX-License-Identifier: GPL-3.0-or-later
// The Helm page reads the release Secrets in pages (limit/continue) of Limits::helmListPageSize
// instead of one unbounded list, and a release whose revisions straddle two pages is whole. A
// continue token that expired (410) starts the list over once, as client-go's pager does.
#include "eventloopwait.h"
#include "fakeapiserver.h"
#include <helm/helmpage.h>

#include <helm/helmcodec.h>
#include <kube/clustersession.h>
#include <util/limits.h>

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

nlohmann::json releaseSecret(const QString &ns, const QString &name, int version,
                             const QString &status)
{
    HelmRelease r;
    r.name = name;
    r.ns = ns;
    r.version = version;
    r.status = status;
    r.chartName = QStringLiteral("demo");
    r.chartVersion = QStringLiteral("1.0.0");
    return HelmCodec::toSecret(r, QDateTime::currentDateTimeUtc(), true);
}

} // namespace

class tst_HelmPagination : public QObject
{
    Q_OBJECT

private slots:
    void listIsReadInPages();
    void expiredContinueRelistsOnce();
    void expiredContinueTwiceIsAnError();
};

namespace {

// Two and a half pages of releases, one revision each, in namespace "a".
int putReleases(Test::FakeApiServer &server)
{
    const int count = Limits::helmListPageSize * 5 / 2;
    for (int i = 0; i < count; ++i)
        server.put("secrets", releaseSecret(QStringLiteral("a"),
                                            QStringLiteral("r%1").arg(i, 3, 10, QLatin1Char('0')),
                                            1, QStringLiteral("deployed")));
    return count;
}

ClusterConnection connectionTo(const Test::FakeApiServer &server)
{
    ClusterConnection connection;
    connection.contextName = QStringLiteral("paged");
    connection.server = QString::fromStdString(server.url());
    return connection;
}

} // namespace

void tst_HelmPagination::expiredContinueRelistsOnce()
{
    Test::FakeApiServer server;
    QVERIFY(server.start());
    const int releases = putReleases(server);
    server.addFault("secrets", Test::FakeApiServer::Fault::Continue410);
    ClusterSession session(connectionTo(server));

    HelmPage helm;
    QSignalSpy loaded(&helm, &HelmPage::loaded);
    helm.setSession(&session);
    helm.show();
    QVERIFY2(waitUntil([&] { return loaded.count() > 0; }, 30000),
             qPrintable(helm.statusLabel()->text()));
    // Page 1, the 410 on page 2, then the whole list again: 3 pages from the start.
    QCOMPARE(server.pendingFaults(), std::size_t(0));
    QCOMPARE(server.fullListCount("secrets"), 2);
    QCOMPARE(server.listCount("secrets"), 2 + 3);
    QCOMPARE(helm.releaseList()->topLevelItemCount(), releases);
    const QString status = helm.statusLabel()->text();
    QVERIFY2(status.startsWith(QString::number(releases) + QLatin1Char(' '))
                 && !status.contains(QLatin1String("Cannot")),
             qPrintable(status));
}

// Once only: a server whose continue tokens keep expiring gets an error, not a loop.
void tst_HelmPagination::expiredContinueTwiceIsAnError()
{
    Test::FakeApiServer server;
    QVERIFY(server.start());
    putReleases(server);
    server.addFault("secrets", Test::FakeApiServer::Fault::Continue410);
    server.addFault("secrets", Test::FakeApiServer::Fault::Continue410);
    ClusterSession session(connectionTo(server));

    HelmPage helm;
    QSignalSpy loaded(&helm, &HelmPage::loaded);
    helm.setSession(&session);
    helm.show();
    QVERIFY2(waitUntil([&] { return loaded.count() > 0; }, 30000),
             qPrintable(helm.statusLabel()->text()));
    QCOMPARE(server.fullListCount("secrets"), 2);
    QCOMPARE(server.listCount("secrets"), 4);
    QVERIFY2(helm.statusLabel()->text().startsWith(QLatin1String("Cannot read the releases")),
             qPrintable(helm.statusLabel()->text()));
    QCOMPARE(helm.releaseList()->topLevelItemCount(), 0);
}

void tst_HelmPagination::listIsReadInPages()
{
    const int page = Limits::helmListPageSize;
    Test::FakeApiServer server;
    QVERIFY(server.start());
    // The fake lists in key order ("ns/name"): page - 1 releases in "a", then the three revisions
    // of "s" (the first ends page one, the others open page two), then 1.5 pages in "b".
    for (int i = 0; i < page - 1; ++i)
        server.put("secrets", releaseSecret(QStringLiteral("a"),
                                            QStringLiteral("r%1").arg(i, 3, 10, QLatin1Char('0')),
                                            1, QStringLiteral("deployed")));
    server.put("secrets", releaseSecret(QStringLiteral("a"), QStringLiteral("s"), 1,
                                        QStringLiteral("superseded")));
    server.put("secrets", releaseSecret(QStringLiteral("a"), QStringLiteral("s"), 2,
                                        QStringLiteral("superseded")));
    server.put("secrets", releaseSecret(QStringLiteral("a"), QStringLiteral("s"), 3,
                                        QStringLiteral("deployed")));
    const int inB = page + page / 2;
    for (int i = 0; i < inB; ++i)
        server.put("secrets", releaseSecret(QStringLiteral("b"),
                                            QStringLiteral("t%1").arg(i, 3, 10, QLatin1Char('0')),
                                            1, QStringLiteral("deployed")));
    const int secrets = page - 1 + 3 + inB;
    const int pages = (secrets + page - 1) / page;
    QVERIFY(pages >= 3);

    ClusterConnection connection;
    connection.contextName = QStringLiteral("paged");
    connection.server = QString::fromStdString(server.url());
    ClusterSession session(connection);

    HelmPage helm;
    QSignalSpy loaded(&helm, &HelmPage::loaded);
    helm.setSession(&session);
    helm.show();
    QVERIFY2(waitUntil([&] { return loaded.count() > 0; }, 30000),
             qPrintable(helm.statusLabel()->text()));

    QCOMPARE(server.listCount("secrets"), pages);
    QCOMPARE(server.fullListCount("secrets"), 1);
    QCOMPARE(helm.releaseList()->topLevelItemCount(), page - 1 + 1 + inB);
    QTreeWidgetItem *s = nullptr;
    for (int i = 0; i < helm.releaseList()->topLevelItemCount(); ++i)
        if (helm.releaseList()->topLevelItem(i)->text(0) == QLatin1String("s"))
            s = helm.releaseList()->topLevelItem(i);
    QVERIFY(s);
    QCOMPARE(s->text(5), QStringLiteral("3")); // its latest revision came on the second page
    QCOMPARE(s->text(6), QStringLiteral("deployed"));
}

QTEST_MAIN(tst_HelmPagination)
#include "tst_helmpagination.moc"
