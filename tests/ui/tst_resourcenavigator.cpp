// SPDX-License-Identifier: GPL-3.0-or-later
// The navigator lists the kind table's listed rows, grouped by category, in the table's order,
// with the row's plural and icon, and nothing else: a kind added to the table (one row) shows
// up without a change here, which `newRowAppears` shows with a table the test extends.
#include <resourcenavigator.h>

#include <QSignalSpy>
#include <QTest>

#include <vector>

using namespace Orrery;

class TestResourceNavigator : public QObject
{
    Q_OBJECT

private slots:
    void followsTheKindTable();
    void orderIsUnchanged();
    void newRowAppears();
    void selectingEmitsTheKind();
    void pagesByTitle();
};

namespace {

struct Entry
{
    QString category;
    QString text;
    Kind kind;
    bool hasIcon;
};

QList<Entry> entries(const ResourceNavigator &navigator)
{
    QList<Entry> out;
    for (int i = 0; i < navigator.topLevelItemCount(); ++i) {
        const QTreeWidgetItem *heading = navigator.topLevelItem(i);
        for (int j = 0; j < heading->childCount(); ++j) {
            const QTreeWidgetItem *item = heading->child(j);
            const QVariant kind = item->data(0, Qt::UserRole + 1);
            if (!kind.isValid())
                continue;
            out << Entry{heading->text(0), item->text(0), Kind(kind.toInt()),
                         !item->icon(0).isNull()};
        }
    }
    return out;
}

} // namespace

void TestResourceNavigator::followsTheKindTable()
{
    ResourceNavigator navigator;
    QList<Entry> expected;
    for (const KindInfo &info : kindTable()) {
        if (info.listed)
            expected << Entry{kindCategoryTitle(info.category).toUpper(), kindPluralName(info.kind),
                              info.kind, true};
    }
    const QList<Entry> shown = entries(navigator);
    QCOMPARE(shown.size(), expected.size());
    for (int i = 0; i < shown.size(); ++i) {
        QCOMPARE(shown[i].kind, expected[i].kind);
        QCOMPARE(shown[i].text, expected[i].text);
        QCOMPARE(shown[i].category, expected[i].category);
        QVERIFY2(shown[i].hasIcon, qPrintable(shown[i].text));
    }
    QVERIFY(!navigator.kinds().contains(Kind::ControllerRevision)); // not listed
    QCOMPARE(ResourceNavigator::pluralName(Kind::PersistentVolumeClaim),
             kindPluralName(Kind::PersistentVolumeClaim));
    QCOMPARE(ResourceNavigator::categoryOf(Kind::Ingress), QStringLiteral("Network"));
}

void TestResourceNavigator::orderIsUnchanged()
{
    // The order the navigator had when it was a hand-written list.
    ResourceNavigator navigator;
    const QList<Kind> before = {Kind::Pod,
                                Kind::Deployment,
                                Kind::StatefulSet,
                                Kind::DaemonSet,
                                Kind::ReplicaSet,
                                Kind::Job,
                                Kind::CronJob,
                                Kind::HorizontalPodAutoscaler,
                                Kind::Service,
                                Kind::Ingress,
                                Kind::Endpoints,
                                Kind::ConfigMap,
                                Kind::Secret,
                                Kind::PersistentVolumeClaim,
                                Kind::PersistentVolume,
                                Kind::Node,
                                Kind::Namespace,
                                Kind::Event};
    QCOMPARE(navigator.kinds(), before);
    QStringList headings;
    for (int i = 0; i < navigator.topLevelItemCount(); ++i)
        headings << navigator.topLevelItem(i)->text(0);
    QCOMPARE(headings,
             (QStringList{"WORKLOADS", "NETWORK", "CONFIG AND STORAGE", "CLUSTER", "EVENTS"}));
}

void TestResourceNavigator::newRowAppears()
{
    // A table with one more listed row (ControllerRevision's, made listed and put in its own
    // place) and one row moved to another category: the navigator shows exactly that.
    std::vector<KindInfo> table(kindTable().begin(), kindTable().end());
    KindInfo added = kindInfo(Kind::ControllerRevision);
    added.listed = true;
    added.category = KindCategory::Network;
    std::erase_if(table,
                  [](const KindInfo &info) { return info.kind == Kind::ControllerRevision; });
    table.insert(table.begin(), added);
    for (KindInfo &info : table) {
        if (info.kind == Kind::Event)
            info.category = KindCategory::Cluster;
    }

    ResourceNavigator navigator(nullptr, table);
    const QList<Entry> shown = entries(navigator);
    QVERIFY(!shown.isEmpty());
    QCOMPARE(shown.first().kind, Kind::ControllerRevision);
    QCOMPARE(shown.first().text, QStringLiteral("Controller Revisions"));
    QCOMPARE(shown.first().category, QStringLiteral("NETWORK"));
    QVERIFY(shown.first().hasIcon);
    QCOMPARE(navigator.topLevelItem(0)->text(0), QStringLiteral("NETWORK"));
    bool eventUnderCluster = false;
    for (const Entry &e : shown)
        eventUnderCluster |= e.kind == Kind::Event && e.category == QStringLiteral("CLUSTER");
    QVERIFY(eventUnderCluster);
    QCOMPARE(navigator.kinds().size(), ResourceNavigator().kinds().size() + 1);
}

void TestResourceNavigator::selectingEmitsTheKind()
{
    ResourceNavigator navigator;
    QSignalSpy selected(&navigator, &ResourceNavigator::kindSelected);
    navigator.selectKind(Kind::Service);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.first().first().value<Kind>(), Kind::Service);
    navigator.setCount(Kind::Service, 1234);
    QVERIFY(!navigator.currentItem()->text(1).isEmpty());
    // No store: no counts (rather than zeros that look like an empty cluster).
    navigator.setCounts(nullptr);
    QVERIFY(navigator.currentItem()->text(1).isEmpty());
}

void TestResourceNavigator::pagesByTitle()
{
    ResourceNavigator navigator;
    navigator.addPage(QStringLiteral("page:0"), QStringLiteral("Topology"));
    QCOMPARE(navigator.pageId(QStringLiteral("topology")), QStringLiteral("page:0"));
    QCOMPARE(navigator.pageId(QStringLiteral("Helm")), QString());
}

QTEST_MAIN(TestResourceNavigator)

#include "tst_resourcenavigator.moc"
