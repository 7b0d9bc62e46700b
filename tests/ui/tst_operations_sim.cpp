// SPDX-License-Identifier: GPL-3.0-or-later
// The operations UI end to end against orrery-sim (scenario microk8s-shop): ActionController
// opens the dialogs, the test fills them and clicks as a user would, and the simulator's
// objects must change accordingly. Covers scale (+ undo), the HPA guard, set image, rollback
// from the history dialog and from a failed rollout's tracker, the protected-context lock,
// the viewer user's disabled actions and explained 403, and the audit log.
//
// Waiting: explicit loops over QCoreApplication::processEvents with a deadline (QTRY_* around
// nested event loops did not wait in tst_simsync).
#include "eventloopwait.h"
#include "simwindowfixture.h"
#include <commandpalette.h>
#include <contextpreferences.h>
#include <mainwindow.h>
#include <operations/actioncontroller.h>
#include <operations/confirmdialog.h>
#include <operations/deletedialog.h>
#include <operations/operationcatalog.h>
#include <operations/operationspanel.h>
#include <operations/rollbackdialog.h>
#include <operations/rollouttracker.h>
#include <operations/scaledialog.h>
#include <operations/setimagedialog.h>
#include <palettemodel.h>
#include <resourcefilterproxymodel.h>
#include <sessionmanager.h>

#include <audit/auditlog.h>
#include <kube/clustersession.h>
#include <kube/httptransport.h>
#include <kube/kubeconfig.h>
#include <kube/resourcestore.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

template <typename T> T *visibleTopLevel()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
            return t;
    return nullptr;
}

template <typename T> T *waitForDialog(int timeoutMs = 15000)
{
    T *found = nullptr;
    waitUntil([&] { return (found = visibleTopLevel<T>()) != nullptr; }, timeoutMs);
    return found;
}

} // namespace

class TestOperationsSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    // No JSON decoded on the GUI thread, from the session's start to the last test (DecodeGuard).
    void cleanup();
    void scaleAndUndo();
    void hpaGuardOffersBounds();
    void setImageThenRollbackFromHistory();
    void failedRolloutOffersRollback();
    void protectedContextNeedsTypedName();
    void viewerActionsDisabledWithReason();
    void deletePodNotesRecreation();
    void cordonNodeFromMenu();
    void mainWindowOffersActions();
    void auditLogRecordsWritesWithoutSecrets();

private:
    QString image(const QString &deployment);
    int replicas(const QString &deployment);
    void confirm(ConfirmDialog *dialog);

    Orrery::Test::SimWindowFixture m_ui;
    int m_writes = 0; // confirmed writes so far, for the audit check
};

void TestOperationsSim::initTestCase()
{
    QVERIFY2(m_ui.start(QStringLiteral("microk8s-shop")), qPrintable(m_ui.error));
}

void TestOperationsSim::cleanupTestCase()
{
    m_ui.stop();
}

void TestOperationsSim::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

QString TestOperationsSim::image(const QString &deployment)
{
    const auto d
        = m_ui.get(m_ui.session, "/apis/apps/v1/namespaces/default/deployments/" + deployment);
    if (!d.is_object())
        return {};
    return QString::fromStdString(
        d["spec"]["template"]["spec"]["containers"][0].value("image", std::string()));
}

int TestOperationsSim::replicas(const QString &deployment)
{
    const auto d
        = m_ui.get(m_ui.session, "/apis/apps/v1/namespaces/default/deployments/" + deployment);
    return d.is_object() ? d["spec"].value("replicas", -1) : -1;
}

void TestOperationsSim::confirm(ConfirmDialog *dialog)
{
    QVERIFY(dialog);
    QVERIFY(dialog->isConfirmEnabled());
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    ++m_writes;
}

void TestOperationsSim::scaleAndUndo()
{
    QCOMPARE(replicas("mongodb"), 1);
    m_ui.controller->trigger(QStringLiteral("scale"), Kind::Deployment, "default", "mongodb");
    auto *scale = waitForDialog<ScaleDialog>();
    QVERIFY(scale);
    QVERIFY(!scale->editsHpa());
    QCOMPARE(scale->replicasSpin()->value(), 1);
    scale->replicasSpin()->setValue(3);
    scale->accept();

    auto *dialog = waitForDialog<ConfirmDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->target().context, m_ui.context);
    QCOMPARE(dialog->target().name, QStringLiteral("mongodb"));
    QVERIFY(!dialog->target().isProtected);
    QVERIFY(dialog->findChild<QPlainTextEdit *>("changeDetails")
                ->toPlainText()
                .contains("\"replicas\": 3"));

    // The server dry run validates without storing.
    QVERIFY(dialog->dryRunButton()->isVisible());
    QTest::mouseClick(dialog->dryRunButton(), Qt::LeftButton);
    QVERIFY2(waitUntil([&] { return dialog->dryRunText().contains("validated"); }, 10000),
             qPrintable(dialog->dryRunText()));
    QCOMPARE(replicas("mongodb"), 1);
    ++m_writes; // the dry run is audited too

    confirm(dialog);
    QVERIFY(waitUntil([&] { return replicas("mongodb") == 3; }, 15000));

    // The rollout is followed, and the undo is offered.
    UndoBanner *undo = nullptr;
    QVERIFY(waitUntil(
        [&] {
            for (QWidget *card : m_ui.panel->cards())
                if (auto *b = qobject_cast<UndoBanner *>(card); b && b->text().contains("mongodb"))
                    undo = b;
            return undo != nullptr;
        },
        5000));
    QVERIFY(undo->text().contains("was 1"));
    QVERIFY(!m_ui.panel->trackers().isEmpty());
    RolloutTracker *tracker = m_ui.panel->trackers().first();
    QCOMPARE(tracker->name(), QStringLiteral("mongodb"));
    QVERIFY2(waitUntil([&] { return tracker->state() == RolloutTracker::State::Succeeded; }, 60000),
             qPrintable(tracker->message()));
    QVERIFY(tracker->message().contains("successfully rolled out"));

    QTest::mouseClick(undo->undoButton(), Qt::LeftButton);
    auto *undoDialog = waitForDialog<ConfirmDialog>();
    QVERIFY(undoDialog);
    confirm(undoDialog);
    QVERIFY(waitUntil([&] { return replicas("mongodb") == 1; }, 15000));
}

void TestOperationsSim::hpaGuardOffersBounds()
{
    m_ui.controller->trigger(QStringLiteral("scale"), Kind::Deployment, "default",
                             "product-service");
    auto *scale = waitForDialog<ScaleDialog>();
    QVERIFY(scale);
    QVERIFY(scale->editsHpa());
    QVERIFY(!scale->replicasSpin());
    QCOMPARE(scale->maxSpin()->value(), 5);
    // Permission first for the HPA patch: Review waits for the answer, then is enabled.
    QVERIFY2(waitUntil([&] { return scale->reviewButton()->isEnabled(); }, 15000),
             qPrintable(scale->permissionNote()->text()));
    QVERIFY(!scale->permissionNote()->isVisible());
    scale->maxSpin()->setValue(7);
    QTest::mouseClick(scale->reviewButton(), Qt::LeftButton);
    auto *dialog = waitForDialog<ConfirmDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->target().kind, QStringLiteral("HorizontalPodAutoscaler"));
    QCOMPARE(dialog->target().name, QStringLiteral("product-service-hpa"));
    confirm(dialog);
    QVERIFY(waitUntil(
        [&] {
            const auto hpa = m_ui.get(m_ui.session, "/apis/autoscaling/v2/namespaces/default/"
                                                    "horizontalpodautoscalers/product-service-hpa");
            return hpa.is_object() && hpa["spec"].value("maxReplicas", 0) == 7;
        },
        15000));
}

void TestOperationsSim::setImageThenRollbackFromHistory()
{
    QCOMPARE(image("mysql"), QStringLiteral("mysql:5.7"));
    m_ui.controller->trigger(QStringLiteral("set-image"), Kind::Deployment, "default", "mysql");
    auto *setImage = waitForDialog<SetImageDialog>();
    QVERIFY(setImage);
    QCOMPARE(setImage->containerCombo()->currentData().toString(), QStringLiteral("mysql"));
    QCOMPARE(setImage->imageEdit()->text(), QStringLiteral("mysql:5.7"));
    setImage->imageEdit()->setText("mysql:8.0");
    setImage->accept();
    auto *dialog = waitForDialog<ConfirmDialog>();
    QVERIFY(dialog);
    QVERIFY(
        dialog->findChild<QPlainTextEdit *>("changeDetails")->toPlainText().contains("mysql:8.0"));
    confirm(dialog);
    QVERIFY(waitUntil([&] { return image("mysql") == "mysql:8.0"; }, 15000));
    // The new ReplicaSet must exist before the history can show two revisions.
    QVERIFY(waitUntil(
        [&] {
            const auto d
                = m_ui.get(m_ui.session, "/apis/apps/v1/namespaces/default/deployments/mysql");
            return d.is_object()
                   && d["metadata"]["annotations"].value("deployment.kubernetes.io/revision",
                                                         std::string())
                          == "2";
        },
        15000));

    m_ui.controller->trigger(QStringLiteral("rollback"), Kind::Deployment, "default", "mysql");
    auto *history = waitForDialog<RollbackDialog>();
    QVERIFY(history);
    QCOMPARE(history->revisionList()->model()->rowCount(), 2);
    QCOMPARE(history->previousRevision(), qint64(1));
    QCOMPARE(history->selectedRevision(), qint64(1));
    QVERIFY2(history->previousRevisionNote()->text().startsWith(
                 QLatin1String("Previous revision: 1 (mysql:5.7)")),
             qPrintable(history->previousRevisionNote()->text()));
    QVERIFY2(history->diffText().contains("-          image: mysql:8.0")
                 || history->diffText().contains("mysql:8.0"),
             qPrintable(history->diffText()));
    QVERIFY(history->diffText().contains("+") && history->diffText().contains("mysql:5.7"));
    if (const QString dir = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(history->grab().save(QDir(dir).filePath("operations-rollback.png")));
    QTest::mouseClick(history->rollbackButton(), Qt::LeftButton);
    auto *confirmRollback = waitForDialog<ConfirmDialog>();
    QVERIFY(confirmRollback);
    QVERIFY(confirmRollback->findChild<QPlainTextEdit *>("changeDetails")
                ->toPlainText()
                .contains("mysql:5.7"));
    confirm(confirmRollback);
    QVERIFY(waitUntil([&] { return image("mysql") == "mysql:5.7"; }, 15000));
    const auto d = m_ui.get(m_ui.session, "/apis/apps/v1/namespaces/default/deployments/mysql");
    QCOMPARE(QString::fromStdString(d["metadata"]["annotations"].value(
                 "deployment.kubernetes.io/revision", std::string())),
             QStringLiteral("3"));
}

void TestOperationsSim::failedRolloutOffersRollback()
{
    // A tag the registry does not have: the new pods stay in ErrImagePull / ImagePullBackOff
    // and the rollout never completes.
    m_ui.controller->trigger(QStringLiteral("set-image"), Kind::Deployment, "default", "mysql");
    auto *setImage = waitForDialog<SetImageDialog>();
    QVERIFY(setImage);
    setImage->imageEdit()->setText("mysql:5.7-broken");
    setImage->accept();
    confirm(waitForDialog<ConfirmDialog>());
    QVERIFY(waitUntil([&] { return image("mysql") == "mysql:5.7-broken"; }, 15000));

    // The newest tracker (cards are newest first).
    QPointer<RolloutTracker> tracker;
    QVERIFY(waitUntil(
        [&] {
            for (RolloutTracker *t : m_ui.panel->trackers()) {
                if (t->name() == "mysql" && t->state() != RolloutTracker::State::Succeeded) {
                    tracker = t;
                    break;
                }
            }
            return !tracker.isNull();
        },
        5000));
    QVERIFY2(
        waitUntil([&] { return !tracker || tracker->state() == RolloutTracker::State::Failed; },
                  120000),
        qPrintable(tracker ? tracker->message() : QString()));
    QVERIFY(tracker);
    QVERIFY(tracker->rollbackButton()->isVisible());
    QTest::mouseClick(tracker->rollbackButton(), Qt::LeftButton);
    auto *dialog = waitForDialog<ConfirmDialog>();
    QVERIFY(dialog);
    confirm(dialog);
    QVERIFY(waitUntil([&] { return image("mysql") == "mysql:5.7"; }, 15000));
}

void TestOperationsSim::protectedContextNeedsTypedName()
{
    m_ui.preferences->setProtected(m_ui.context, true);
    m_ui.controller->trigger(QStringLiteral("restart"), Kind::Deployment, "default", "mongodb");
    auto *dialog = waitForDialog<ConfirmDialog>();
    QVERIFY(dialog);
    QVERIFY(dialog->target().isProtected);
    QVERIFY(dialog->protectionEdit());
    QVERIFY(!dialog->isConfirmEnabled());
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton); // disabled: nothing happens
    QVERIFY(dialog->isVisible());
    QTest::keyClicks(dialog->protectionEdit(), m_ui.context.left(m_ui.context.size() - 1));
    QVERIFY(!dialog->isConfirmEnabled());
    QTest::keyClicks(dialog->protectionEdit(), m_ui.context.right(1));
    QVERIFY(dialog->isConfirmEnabled());
    confirm(dialog);
    QVERIFY(waitUntil(
        [&] {
            const auto d
                = m_ui.get(m_ui.session, "/apis/apps/v1/namespaces/default/deployments/mongodb");
            return d.is_object()
                   && d["spec"]["template"]["metadata"]
                          .value("annotations", nlohmann::json::object())
                          .contains("kubectl.kubernetes.io/restartedAt");
        },
        15000));
    m_ui.preferences->setProtected(m_ui.context, false);
}

void TestOperationsSim::viewerActionsDisabledWithReason()
{
    const QString viewerContext = m_ui.context + "-viewer";
    QVERIFY(m_ui.config.context(viewerContext));
    ClusterSession *viewer = m_ui.connectContext(viewerContext, this);
    QVERIFY(viewer);
    AuditLog audit(m_ui.dir.filePath("audit"));
    ActionController controller(m_ui.preferences.get(), m_ui.host.get(), &audit);
    controller.setSession(viewer);
    const KubeObjectPtr mysql = viewer->store()->object(Kind::Deployment, "default", "mysql");
    QVERIFY(mysql);
    QObject owner;
    QList<QAction *> actions = controller.actionsFor(mysql, &owner);
    QCOMPARE(actions.size(), 6);
    for (QAction *a : actions)
        QVERIFY(!a->isEnabled()); // not before the server answered
    QVERIFY(waitUntil(
        [&] {
            for (QAction *a : actions)
                if (!a->toolTip().contains("Not allowed"))
                    return false;
            return true;
        },
        15000));
    for (QAction *a : actions)
        QVERIFY2(!a->isEnabled(), qPrintable(a->objectName()));
    QAction *scale = owner.findChild<QAction *>("action-scale");
    QVERIFY(scale);
    QVERIFY2(scale->toolTip().contains("patch deployments/scale in namespace default"),
             qPrintable(scale->toolTip()));

    // The same object for the admin: enabled once the answers are in.
    QObject adminOwner;
    QList<QAction *> adminActions = m_ui.controller->actionsFor(
        m_ui.session->store()->object(Kind::Deployment, "default", "mysql"), &adminOwner);
    QVERIFY(waitUntil(
        [&] {
            for (QAction *a : adminActions)
                if (!a->isEnabled())
                    return false;
            return true;
        },
        15000));

    // The HPA's bounds, offered instead of a scale, are a patch of the HPA: asked for and
    // refused up front with the reason.
    controller.trigger(QStringLiteral("scale"), Kind::Deployment, "default", "product-service");
    auto *hpaDialog = waitForDialog<ScaleDialog>();
    QVERIFY(hpaDialog);
    QVERIFY(hpaDialog->editsHpa());
    QVERIFY(!hpaDialog->reviewButton()->isEnabled());
    QVERIFY2(
        waitUntil([&] { return hpaDialog->permissionNote()->text().startsWith("Not allowed"); },
                  15000),
        qPrintable(hpaDialog->permissionNote()->text()));
    QVERIFY2(hpaDialog->permissionNote()->text().contains(
                 "you may not patch horizontalpodautoscalers in namespace default"),
             qPrintable(hpaDialog->permissionNote()->text()));
    QVERIFY(hpaDialog->permissionNote()->isVisible());
    QVERIFY(!hpaDialog->reviewButton()->isEnabled());
    hpaDialog->maxSpin()->setValue(9); // editing does not unlock it
    QVERIFY(!hpaDialog->reviewButton()->isEnabled());
    hpaDialog->reject();

    // A write attempted anyway (e.g. permissions changed meanwhile) is explained in words.
    controller.trigger(QStringLiteral("scale"), Kind::Deployment, "default", "mysql");
    auto *scaleDialog = waitForDialog<ScaleDialog>();
    QVERIFY(scaleDialog);
    scaleDialog->replicasSpin()->setValue(2);
    scaleDialog->accept();
    confirm(waitForDialog<ConfirmDialog>());
    QMessageBox *error = nullptr;
    QVERIFY(waitUntil(
        [&] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *box = qobject_cast<QMessageBox *>(w);
                    box && box->isVisible() && box->objectName() == "OperationError")
                    error = box;
            return error != nullptr;
        },
        15000));
    const QString text = error->text();
    QVERIFY2(text.contains("Forbidden: the user")
                 && text.contains("patch deployments/scale in namespace default"),
             qPrintable(text));
    QVERIFY2(!text.contains("{") && !text.contains("\"kind\""), qPrintable(text));
    error->accept();
    QCOMPARE(replicas("mysql"), 1);
    delete viewer;
}

void TestOperationsSim::deletePodNotesRecreation()
{
    const auto pods
        = m_ui.get(m_ui.session, "/api/v1/namespaces/default/pods?labelSelector=app%3Dmongodb");
    QVERIFY(pods.is_object());
    QString pod;
    for (const auto &p : pods["items"])
        if (!p["metadata"].contains("deletionTimestamp"))
            pod = QString::fromStdString(p["metadata"].value("name", std::string()));
    QVERIFY(!pod.isEmpty());
    m_ui.controller->trigger(QStringLiteral("delete"), Kind::Pod, "default", pod);
    auto *dialog = waitForDialog<DeleteDialog>();
    QVERIFY(dialog);
    auto *note = dialog->findChild<QLabel *>("podNote");
    QVERIFY(note);
    QVERIFY2(note->text().contains("ReplicaSet/mongodb-"), qPrintable(note->text()));
    dialog->propagationCombo()->setCurrentIndex(1); // Foreground
    dialog->accept();
    auto *confirmDialog = waitForDialog<ConfirmDialog>();
    QVERIFY(confirmDialog);
    QCOMPARE(confirmDialog->target().kind, QStringLiteral("Pod"));
    QVERIFY(confirmDialog->findChild<QPlainTextEdit *>("changeDetails")
                ->toPlainText()
                .contains("\"propagationPolicy\": \"Foreground\""));
    confirm(confirmDialog);
    // Gone (or terminating), and the ReplicaSet made a new one.
    QVERIFY(waitUntil(
        [&] {
            const auto now = m_ui.get(
                m_ui.session, "/api/v1/namespaces/default/pods?labelSelector=app%3Dmongodb");
            bool oldGone = true;
            int others = 0;
            for (const auto &p : now["items"]) {
                const QString name
                    = QString::fromStdString(p["metadata"].value("name", std::string()));
                if (name == pod && !p["metadata"].contains("deletionTimestamp"))
                    oldGone = false;
                else if (name != pod)
                    ++others;
            }
            return oldGone && others >= 1;
        },
        30000));
}

// A node's menu offers Cordon (the operation written the new way, core/operations/
// cordonoperation.h): confirmed like every write, then Uncordon is offered as its undo.
void TestOperationsSim::cordonNodeFromMenu()
{
    const QList<KubeObjectPtr> nodes = m_ui.session->store()->objects(Kind::Node);
    QVERIFY(!nodes.isEmpty());
    const KubeObjectPtr node = nodes.first();
    const QString path = QStringLiteral("/api/v1/nodes/") + node->name;
    QObject owner;
    QVERIFY(!m_ui.controller->actionsFor(node, &owner).isEmpty());
    QAction *cordon = owner.findChild<QAction *>("action-cordon");
    QVERIFY(cordon);
    QCOMPARE(cordon->text(), OperationCatalog::label("cordon"));
    QVERIFY(waitUntil([&] { return cordon->isEnabled(); }, 15000)); // patch nodes allowed
    cordon->trigger();
    auto *dialog = waitForDialog<ConfirmDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->target().kind, QStringLiteral("Node"));
    QCOMPARE(dialog->target().name, node->name);
    QVERIFY(dialog->findChild<QPlainTextEdit *>("changeDetails")
                ->toPlainText()
                .contains("\"unschedulable\": true"));
    if (const QString dir = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(dialog->grab().save(QDir(dir).filePath("operations-cordon.png")));
    confirm(dialog);
    QVERIFY(waitUntil(
        [&] { return m_ui.get(m_ui.session, path)["spec"].value("unschedulable", false); }, 15000));
    UndoBanner *undo = nullptr;
    QVERIFY(waitUntil(
        [&] {
            for (QWidget *card : m_ui.panel->cards())
                if (auto *b = qobject_cast<UndoBanner *>(card);
                    b && b->text() == QStringLiteral("Cordoned node %1.").arg(node->name))
                    undo = b;
            return undo != nullptr;
        },
        5000));
    QTest::mouseClick(undo->undoButton(), Qt::LeftButton);
    auto *undoDialog = waitForDialog<ConfirmDialog>();
    QVERIFY(undoDialog);
    confirm(undoDialog);
    QVERIFY(waitUntil(
        [&] { return !m_ui.get(m_ui.session, path)["spec"].value("unschedulable", false); },
        15000));
}

// The hooks MainWindow offers (what app/operationswiring.cpp connects): the details pane's
// Actions menu, the table's context menu and the command palette show the controller's
// actions for the selected object, and triggering one opens the operation's dialog.
void TestOperationsSim::mainWindowOffersActions()
{
    Test::WindowUnderTest ui(m_ui);
    MainWindow &window = ui.window;
    ActionController &controller = ui.controller;
    window.setObjectActionsProvider([&controller](const KubeObjectPtr &object, QObject *parent) {
        return controller.actionsFor(object, parent);
    });
    window.show();
    window.activateContext(m_ui.context);
    QVERIFY(controller.session());
    window.selectKind(Kind::Deployment);
    QVERIFY(waitUntil([&] { return window.selectObject(Kind::Deployment, "default", "mongodb"); },
                      60000));
    QVERIFY(window.selectedObject());
    QCOMPARE(window.selectedObject()->name, QStringLiteral("mongodb"));

    // Details pane: the Actions button and its menu, filled when it opens.
    QToolButton *button = window.detailsPane()->actionsButton();
    QVERIFY(button->isVisible());
    QMenu *menu = button->menu();
    emit menu->aboutToShow();
    QStringList names;
    for (QAction *a : menu->actions())
        names << a->objectName();
    QCOMPARE(names, QStringList({"action-scale", "action-restart", "action-pause",
                                 "action-set-image", "action-rollback", "action-delete"}));
    QVERIFY(waitUntil([&] { return menu->actions().first()->isEnabled(); }, 15000));

    // Table: right click on the row opens a menu with the same actions.
    const QModelIndex row = window.tableView()->currentIndex();
    QVERIFY(row.isValid());
    const QPoint pos = window.tableView()->visualRect(row).center();
    emit window.tableView()->customContextMenuRequested(pos);
    QMenu *context = nullptr;
    QVERIFY(waitUntil(
        [&] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *m = qobject_cast<QMenu *>(w);
                    m && m->isVisible() && m->objectName() == "tableContextMenu")
                    context = m;
            return context != nullptr;
        },
        5000));
    QCOMPARE(int(context->actions().size()), 6);
    context->close();

    // Palette: "Scale mongodb" and friends, and activating one opens the scale dialog.
    window.openCommandPalette();
    PaletteModel *model = window.commandPalette()->model();
    int scaleRow = -1;
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->entry(r).type == PaletteEntry::Type::Action
            && model->entry(r).title == QStringLiteral("Scale mongodb"))
            scaleRow = r;
    QVERIFY(scaleRow >= 0);
    QVERIFY(waitUntil([&] { return menu->actions().first()->isEnabled(); }, 15000));
    emit window.commandPalette()->entryActivated(model->entry(scaleRow));
    auto *scale = waitForDialog<ScaleDialog>();
    QVERIFY(scale);
    QCOMPARE(scale->replicasSpin()->value(), 1);
    scale->reject();
    window.commandPalette()->hide();
}

void TestOperationsSim::auditLogRecordsWritesWithoutSecrets()
{
    const QList<AuditEntry> entries = Orrery::Test::auditEntries(m_ui.dir.filePath("audit"));
    QCOMPARE(int(entries.size()), m_writes);
    int dryRuns = 0;
    int forbidden = 0;
    for (const AuditEntry &e : entries) {
        QVERIFY(e.time.isValid());
        QVERIFY(e.context == m_ui.context || e.context == m_ui.context + "-viewer");
        QVERIFY(!e.verb.isEmpty());
        QVERIFY(!e.name.isEmpty());
        QVERIFY(!e.user.isEmpty());
        dryRuns += e.dryRun ? 1 : 0;
        forbidden += e.status == 403 ? 1 : 0;
    }
    QCOMPARE(dryRuns, 1);
    QCOMPARE(forbidden, 1);
    // No credential of the kubeconfig appears anywhere in the log files.
    QByteArray all;
    for (const QString &f : QDir(m_ui.dir.filePath("audit")).entryList(QDir::Files)) {
        QFile file(QDir(m_ui.dir.filePath("audit")).filePath(f));
        QVERIFY(file.open(QIODevice::ReadOnly));
        all += file.readAll();
    }
    QVERIFY(!all.isEmpty());
    QFile kubeconfig(m_ui.kubeconfig);
    QVERIFY(kubeconfig.open(QIODevice::ReadOnly));
    int tokens = 0;
    for (const QByteArray &line : kubeconfig.readAll().split('\n')) {
        const QByteArray trimmed = line.trimmed();
        for (const QByteArray &key : {QByteArray("token: "), QByteArray("client-key-data: "),
                                      QByteArray("client-certificate-data: ")}) {
            if (trimmed.startsWith(key)) {
                const QByteArray secret = trimmed.mid(key.size()).trimmed();
                QVERIFY(secret.size() > 8);
                QVERIFY2(!all.contains(secret), key.constData());
                ++tokens;
            }
        }
    }
    QVERIFY(tokens > 0);
}

QTEST_MAIN(TestOperationsSim)
#include "tst_operations_sim.moc"
