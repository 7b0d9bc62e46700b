// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 18, "Layout", against orrery-sim (pfe): the window at 928×513 keeps the STATUS column in
// view (the empty details pane collapses while nothing is selected), a CrashLoopBackOff that
// comes after the columns were fitted is not cut, the Operations dock opens tall enough for a
// rollout card, the details pane's ages move on, the PROTECTED marks use glyphs the shipped
// fonts have, and a node's overview shows its capacity and allocatable resources.
#include "eventloopwait.h"
#include "simwindowfixture.h"

#include <contextstatuslabel.h>
#include <contexttreemodel.h>
#include <detailspane.h>
#include <operations/operationspanel.h>
#include <operations/rollouttracker.h>
#include <resourcebrowser.h>
#include <resourcetablemodel.h>

#include <kube/resourcestore.h>

#include <QDockWidget>
#include <QHeaderView>
#include <QProcess>
#include <QRawFont>
#include <QSplitter>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>

using namespace Orrery;
using Orrery::Test::waitUntil;

class TestLayoutSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void smallWindowKeepsStatusInView();
    void crashLoopBackOffNotCut();
    void operationsDockShowsTheRolloutCard();
    void detailsAgeTicks();
    void protectedMarksRenderWithShippedFonts();
    void nodeCapacityInOverview();

private:
    bool kubectl(const QStringList &args);
    int statusColumn() const;

    Orrery::Test::SimWindowFixture m_ui;
    std::unique_ptr<Orrery::Test::WindowUnderTest> m_window;
};

bool TestLayoutSim::kubectl(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_ui.dir.path());
    env.remove(QStringLiteral("KUBECONFIG"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("kubectl"),
            QStringList{QStringLiteral("--kubeconfig"), m_ui.kubeconfig} + args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning().noquote() << "kubectl" << args.join(QLatin1Char(' '))
                             << "failed:" << p.readAllStandardError();
        return false;
    }
    return true;
}

int TestLayoutSim::statusColumn() const
{
    return m_window->window.resourceBrowser()->tableModel()->columnOf(
        [](const KindColumn &c) { return qstrcmp(c.id, "status") == 0; });
}

void TestLayoutSim::initTestCase()
{
    QVERIFY2(m_ui.start(QStringLiteral("pfe")), qPrintable(m_ui.error));
    m_window = std::make_unique<Orrery::Test::WindowUnderTest>(m_ui);
    MainWindow &window = m_window->window;
    window.resize(928, 513);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateContext(m_ui.context);
    QVERIFY(waitUntil([&] { return m_window->sessions.isSynced(m_ui.context); }, 60000));
}

void TestLayoutSim::cleanupTestCase()
{
    m_window.reset();
    m_ui.stop();
}

void TestLayoutSim::smallWindowKeepsStatusInView()
{
    MainWindow &window = m_window->window;
    QCOMPARE(window.size(), QSize(928, 513));
    window.selectKind(Kind::Pod);
    QTableView *table = window.tableView();
    QVERIFY(waitUntil([&] { return table->model()->rowCount() > 0; }, 20000));
    QTest::qWait(100);
    // Nothing selected: the empty details pane gives its room to the table...
    QVERIFY(!window.selectedObject());
    QVERIFY(!window.detailsPane()->isVisible());
    // ...and NAME, READY and STATUS are all in view.
    const int status = statusColumn();
    QVERIFY(status > 0);
    QHeaderView *header = table->horizontalHeader();
    const int statusEnd = header->sectionViewportPosition(status) + header->sectionSize(status);
    QVERIFY2(statusEnd <= table->viewport()->width(),
             qPrintable(QStringLiteral("STATUS ends at %1 in a %2 px table")
                            .arg(statusEnd)
                            .arg(table->viewport()->width())));

    // A row selected: the details pane comes back; without a selection it goes again.
    const QModelIndex first = table->model()->index(0, 0);
    table->setCurrentIndex(first);
    QVERIFY(window.selectedObject());
    QVERIFY(window.detailsPane()->isVisible());
    QVERIFY(window.detailsPane()->width() >= window.detailsPane()->minimumWidth());
    // With the pane beside it, the narrower table still shows STATUS (NAME gives up room).
    const auto statusInView = [&] {
        return header->sectionViewportPosition(status) + header->sectionSize(status)
               <= table->viewport()->width();
    };
    QTRY_VERIFY2(statusInView(), qPrintable(QStringLiteral("STATUS ends at %1 in a %2 px table")
                                                .arg(header->sectionViewportPosition(status)
                                                     + header->sectionSize(status))
                                                .arg(table->viewport()->width())));
    table->selectionModel()->clearCurrentIndex();
    QVERIFY(!window.detailsPane()->isVisible());
}

void TestLayoutSim::crashLoopBackOffNotCut()
{
    MainWindow &window = m_window->window;
    window.selectKind(Kind::Pod);
    QTableView *table = window.tableView();
    QVERIFY(waitUntil([&] { return table->model()->rowCount() > 0; }, 20000));
    // The columns were fitted to pods that run; a pod that crash-loops comes afterwards (the
    // pfe registry marks backend-spring 1.2.0 as crashing).
    QVERIFY(kubectl({"run", "crasher", "-n", "default",
                     "--image=ghcr.io/pfe-v2/backend-spring:1.2.0", "--restart=Always"}));
    ResourceStore *store = window.activeSession()->store();
    QVERIFY(waitUntil(
        [&] {
            const KubeObjectPtr pod = store->object(Kind::Pod, "default", "crasher");
            return pod && pod->pod()->status == QLatin1String("CrashLoopBackOff");
        },
        90000));
    QFont bold = table->font();
    bold.setBold(true);
    const int needed = QFontMetrics(bold).horizontalAdvance(QStringLiteral("CrashLoopBackOff"));
    // The cell's text margins on both sides come on top of the text.
    QVERIFY2(table->columnWidth(statusColumn()) >= needed + 8,
             qPrintable(QStringLiteral("STATUS is %1 px, CrashLoopBackOff needs %2")
                            .arg(table->columnWidth(statusColumn()))
                            .arg(needed + 8)));
}

void TestLayoutSim::operationsDockShowsTheRolloutCard()
{
    // The dock as app/operationswiring.cpp installs it: hidden until the first card.
    MainWindow &window = m_window->window;
    auto *dock = new QDockWidget(QStringLiteral("Operations"), &window);
    auto *panel = new OperationsPanel(dock);
    dock->setWidget(panel);
    window.addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->hide();
    connect(panel, &OperationsPanel::cardAdded, dock,
            [panel, dock, &window] { panel->revealIn(&window, dock); });
    panel->setContext(m_ui.context);
    KubeObjectPtr deployment;
    QVERIFY(waitUntil(
        [&] {
            const QList<KubeObjectPtr> all
                = window.activeSession()->store()->objects(Kind::Deployment);
            if (!all.isEmpty())
                deployment = all.first();
            return bool(deployment);
        },
        20000));
    auto *tracker = new RolloutTracker(window.activeSession(), Kind::Deployment,
                                       deployment->namespaceName, deployment->name);
    panel->addCard(tracker, m_ui.context);
    QVERIFY(dock->isVisible());
    QTest::qWait(200);
    // The whole card is in the dock's view, and the dock leaves the window half its height.
    const QRect card(tracker->mapTo(dock, QPoint(0, 0)), tracker->size());
    QVERIFY2(tracker->height() >= tracker->minimumSizeHint().height()
                 && card.bottom() <= dock->height(),
             qPrintable(QStringLiteral("dock %1 px, card %2 px at %3 (hint %4)")
                            .arg(dock->height())
                            .arg(tracker->height())
                            .arg(card.top())
                            .arg(tracker->sizeHint().height())));
    // Wrapped labels: the card's full height at its width.
    const int needed = tracker->hasHeightForWidth() ? tracker->heightForWidth(tracker->width())
                                                    : tracker->sizeHint().height();
    QVERIFY2(tracker->height() >= needed,
             qPrintable(QStringLiteral("card %1 px, needs %2, dock %3, window %4")
                            .arg(tracker->height())
                            .arg(needed)
                            .arg(dock->height())
                            .arg(window.height())));
    QVERIFY(dock->height() <= window.height() / 2 + 1);
    // And the window kept its size (a hidden page's minimum height once made it grow).
    QCOMPARE(window.size(), QSize(928, 513));
    delete dock;
}

void TestLayoutSim::detailsAgeTicks()
{
    MainWindow &window = m_window->window;
    window.selectKind(Kind::Pod);
    KubeObjectPtr pod;
    QVERIFY(waitUntil(
        [&] {
            for (const KubeObjectPtr &p : window.activeSession()->store()->objects(Kind::Pod))
                if (p->creationTimestamp > 0)
                    pod = p;
            return bool(pod);
        },
        20000));
    QVERIFY(window.selectObject(Kind::Pod, pod->namespaceName, pod->name));
    DetailsPane *pane = window.detailsPane();
    pane->showTab(DetailsPane::OverviewTab);
    auto *timer = pane->findChild<QTimer *>(QStringLiteral("ageTimer"));
    QVERIFY(timer);
    QVERIFY(timer->isActive());
    QVERIFY(timer->interval() <= 60000);
    // An older creation time in the store is not what moves the age: the clock is. Fire the
    // pane's timer as time passes and the text of the overview is rebuilt from the clock.
    auto *overview = pane->findChild<QTextBrowser *>();
    QVERIFY(overview);
    overview->setHtml(QStringLiteral("stale"));
    QMetaObject::invokeMethod(timer, "timeout", Qt::DirectConnection);
    QVERIFY2(overview->toPlainText().contains(QStringLiteral(" ago)")),
             qPrintable(overview->toPlainText().left(400)));
}

void TestLayoutSim::protectedMarksRenderWithShippedFonts()
{
    const auto supported = [](const QString &text, const QFont &font) {
        const QRawFont raw = QRawFont::fromFont(font);
        for (const uint c : text.toUcs4())
            if (!QChar::isSpace(c) && !raw.supportsCharacter(c))
                return QStringLiteral("U+%1 not in %2")
                    .arg(c, 4, 16, QLatin1Char('0'))
                    .arg(raw.familyName());
        return QString();
    };
    ContextStatusLabel label;
    label.setContext(QStringLiteral("production"), Qt::red, true, false);
    QTextDocument document;
    document.setHtml(label.text());
    const QString plain = document.toPlainText();
    QVERIFY2(plain.contains(QStringLiteral("PROTECTED")), qPrintable(plain));
    QString missing = supported(plain, label.font());
    QVERIFY2(missing.isEmpty(), qPrintable(missing));

    m_ui.preferences->setProtected(QStringLiteral("prod"), true);
    ContextTreeModel model(m_ui.preferences.get());
    model.setContexts(
        {ContextTreeModel::Entry{
            QStringLiteral("prod"), QStringLiteral("c"), {}, QStringLiteral("u"), {}}},
        QStringLiteral("prod"));
    QString itemText;
    const std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < model.rowCount(parent); ++r) {
            const QModelIndex i = model.index(r, 0, parent);
            if (i.data(ContextTreeModel::ContextNameRole).toString() == QLatin1String("prod"))
                itemText = i.data().toString();
            walk(i);
        }
    };
    walk({});
    QVERIFY(itemText.startsWith(QStringLiteral("prod")));
    QVERIFY(itemText.size() > 4); // the mark is there
    missing = supported(itemText, QFont());
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    m_ui.preferences->setProtected(QStringLiteral("prod"), false);
}

void TestLayoutSim::nodeCapacityInOverview()
{
    MainWindow &window = m_window->window;
    window.selectKind(Kind::Node);
    KubeObjectPtr node;
    QVERIFY(waitUntil(
        [&] {
            const QList<KubeObjectPtr> nodes = window.activeSession()->store()->objects(Kind::Node);
            if (!nodes.isEmpty())
                node = nodes.first();
            return bool(node);
        },
        20000));
    QVERIFY(!node->node()->cpuCapacity.isEmpty());
    QVERIFY(!node->node()->podsAllocatable.isEmpty());
    QVERIFY(window.selectObject(Kind::Node, {}, node->name));
    QTextDocument document;
    document.setHtml(window.detailsPane()->overviewHtml());
    const QString text = document.toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Allocatable")), qPrintable(text));
    for (const QString &value : {node->node()->cpuCapacity, node->node()->memoryCapacity,
                                 node->node()->cpuAllocatable, node->node()->memoryAllocatable,
                                 node->node()->podsCapacity, node->node()->podsAllocatable})
        QVERIFY2(text.contains(value), qPrintable(value + QStringLiteral(" not in ") + text));
}

QTEST_MAIN(TestLayoutSim)
#include "tst_layout_sim.moc"
