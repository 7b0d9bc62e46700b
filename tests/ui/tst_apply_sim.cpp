// SPDX-License-Identifier: GPL-3.0-or-later
// "Apply manifests…" end to end against orrery-sim (scenario microk8s-shop): the test pastes
// YAML into the ApplyDialog, asks for the server check, reads the dry-run diffs, confirms in the
// ConfirmDialog and reads the objects back from the simulator. Covers a new ConfigMap and a
// changed Deployment image, malformed YAML (nothing sent), a field-manager conflict explained
// and forced, the protected-context lock, the viewer user's refusal, and the same manifest
// applied by kubectl to a twin namespace.
//
// Waiting: explicit loops over QCoreApplication::processEvents with a deadline (QTRY_* around
// nested event loops did not wait in tst_simsync).
#include "eventloopwait.h"
#include "simwindowfixture.h"
#include <commandpalette.h>
#include <contextpreferences.h>
#include <mainwindow.h>
#include <manifestdrop.h>
#include <operations/actioncontroller.h>
#include <operations/applydialog.h>
#include <operations/confirmdialog.h>
#include <operations/operationspanel.h>
#include <operations/rollouttracker.h>
#include <palettemodel.h>
#include <sessionmanager.h>

#include <audit/auditlog.h>
#include <kube/clustersession.h>
#include <kube/httptransport.h>
#include <kube/kubeconfig.h>

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

template <typename T> T *visibleTopLevel(const QString &objectName = {})
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *t = qobject_cast<T *>(w);
            t && t->isVisible() && (objectName.isEmpty() || t->objectName() == objectName))
            return t;
    return nullptr;
}

template <typename T> T *waitForDialog(const QString &objectName = {}, int timeoutMs = 15000)
{
    T *found = nullptr;
    waitUntil([&] { return (found = visibleTopLevel<T>(objectName)) != nullptr; }, timeoutMs);
    return found;
}

QString deploymentYaml(const QString &name, const QString &ns, const QString &image)
{
    return QStringLiteral("apiVersion: apps/v1\n"
                          "kind: Deployment\n"
                          "metadata:\n"
                          "  name: %1\n"
                          "  namespace: %2\n"
                          "spec:\n"
                          "  replicas: 2\n"
                          "  selector:\n"
                          "    matchLabels:\n"
                          "      app: %1\n"
                          "  template:\n"
                          "    metadata:\n"
                          "      labels:\n"
                          "        app: %1\n"
                          "    spec:\n"
                          "      containers:\n"
                          "      - name: web\n"
                          "        image: %3\n"
                          "        ports:\n"
                          "        - containerPort: 80\n")
        .arg(name, ns, image);
}

QString configMapYaml(const QString &name, const QString &ns, const QString &value)
{
    return QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %1\n  namespace: "
                          "%2\ndata:\n  mode: %3\n")
        .arg(name, ns, value);
}

// A line of a unified diff: `sign` is '+' or '-'.
bool diffHasLine(const QString &diff, QChar sign, const QString &text)
{
    for (const QString &line : diff.split(QLatin1Char('\n')))
        if (line.startsWith(sign) && !line.startsWith(QString(3, sign)) && line.contains(text))
            return true;
    return false;
}

} // namespace

class TestApplySim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    // No JSON decoded on the GUI thread, from the session's start to the last test (DecodeGuard).
    void cleanup();
    void newConfigMapAndChangedImage();
    void malformedYamlSendsNothing();
    void conflictExplainedThenForced();
    void protectedContextNeedsTypedName();
    void viewerApplyDisabledWithReason();
    void sameSpecsAsKubectlServerSideApply();
    void mainWindowMenuPaletteAndDrop();
    void commandLineManifestsWaitForAContext();

private:
    int sendApply(const QString &path, const QString &manager, const QByteArray &body);
    ApplyDialog *checkPasted(ActionController *controller, const QString &yaml, int objects);
    int auditCount() const;
    bool kubectl(const QStringList &args, QByteArray *out = nullptr);

    Orrery::Test::SimWindowFixture m_ui;
};

void TestApplySim::initTestCase()
{
    QVERIFY2(m_ui.start(QStringLiteral("microk8s-shop")), qPrintable(m_ui.error));
}

void TestApplySim::cleanupTestCase()
{
    m_ui.stop();
}

void TestApplySim::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

// A server-side apply by another field manager, as `kubectl apply --server-side` sends it.
int TestApplySim::sendApply(const QString &path, const QString &manager, const QByteArray &body)
{
    ApiRequest request;
    request.method = "PATCH";
    request.path = path + "?fieldManager=" + manager;
    request.contentType = "application/apply-patch+yaml";
    request.body = body;
    int status = -1;
    bool answered = false;
    m_ui.session->transport()->send(request, this, [&](const Result<ApiResponse> &r) {
        answered = true;
        status = r.ok() ? r->status : 0;
    });
    waitUntil([&] { return answered; }, 10000);
    return status;
}

ApplyDialog *TestApplySim::checkPasted(ActionController *controller, const QString &yaml,
                                       int objects)
{
    ApplyDialog *dialog = controller->applyManifests();
    if (!dialog || !waitUntil([&] { return dialog->isVisible(); }, 5000))
        return nullptr;
    dialog->setYaml(yaml);
    QTest::mouseClick(dialog->previewButton(), Qt::LeftButton);
    // The check is asynchronous from the start (the YAML is planned on a worker): no objects
    // and no error yet is "not done", so a refusal is waited for by its error text.
    if (!waitUntil(
            [&] {
                return (objects > 0 && dialog->objectCount() == objects)
                       || !dialog->errorText().isEmpty();
            },
            15000))
        return nullptr;
    return dialog;
}

int TestApplySim::auditCount() const
{
    return int(Orrery::Test::auditEntries(m_ui.dir.filePath("audit")).size());
}

bool TestApplySim::kubectl(const QStringList &args, QByteArray *out)
{
    QProcess p;
    p.start(QStringLiteral("kubectl"), QStringList{"--kubeconfig", m_ui.kubeconfig} + args);
    if (!p.waitForFinished(60000))
        return false;
    if (out)
        *out = p.readAllStandardOutput();
    if (p.exitCode() != 0)
        qWarning() << "kubectl" << args << p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

void TestApplySim::newConfigMapAndChangedImage()
{
    // First apply: both objects are new.
    ApplyDialog *dialog = checkPasted(m_ui.controller.get(),
                                      configMapYaml("apply-settings", "default", "blue") + "---\n"
                                          + deploymentYaml("apply-web", "default", "nginx:1.25"),
                                      2);
    QVERIFY(dialog);
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QCOMPARE(dialog->object(0).title, QStringLiteral("ConfigMap default/apply-settings"));
    QCOMPARE(dialog->object(0).status, QStringLiteral("new object"));
    QCOMPARE(dialog->object(1).status, QStringLiteral("new object"));
    QVERIFY2(diffHasLine(dialog->object(1).details, '+', "image: nginx:1.25"),
             qPrintable(dialog->object(1).details));
    // The dry run stored nothing.
    QVERIFY(
        m_ui.get(m_ui.session, "/api/v1/namespaces/default/configmaps/apply-settings").is_null());
    QVERIFY(dialog->applyButton()->isEnabled());
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    auto *confirm = waitForDialog<ConfirmDialog>();
    QVERIFY(confirm);
    QCOMPARE(confirm->target().context, m_ui.context);
    QVERIFY(confirm->target().name.contains("apply-web"));
    QVERIFY(confirm->findChild<QPlainTextEdit *>("changeDetails")
                ->toPlainText()
                .contains("image: nginx:1.25"));
    QVERIFY(confirm->isConfirmEnabled());
    QTest::mouseClick(confirm->confirmButton(), Qt::LeftButton);

    const QString deploymentPath = "/apis/apps/v1/namespaces/default/deployments/apply-web";
    QVERIFY(waitUntil(
        [&] {
            return m_ui.get(m_ui.session, "/api/v1/namespaces/default/configmaps/apply-settings")
                .is_object();
        },
        15000));
    QVERIFY(waitUntil([&] { return m_ui.get(m_ui.session, deploymentPath).is_object(); }, 15000));
    const auto cm = m_ui.get(m_ui.session, "/api/v1/namespaces/default/configmaps/apply-settings");
    QCOMPARE(cm["data"].value("mode", std::string()), std::string("blue"));
    bool orreryManages = false;
    for (const auto &f : m_ui.get(m_ui.session, deploymentPath)["metadata"].value(
             "managedFields", nlohmann::json::array()))
        if (f.value("manager", std::string()) == "orrery"
            && f.value("operation", std::string()) == "Apply")
            orreryManages = true;
    QVERIFY(orreryManages);

    // Second apply: the image changes; the diff shows exactly that line.
    dialog = checkPasted(m_ui.controller.get(),
                         deploymentYaml("apply-web", "default", "nginx:1.26"), 1);
    QVERIFY(dialog);
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QCOMPARE(dialog->object(0).status, QStringLiteral("changed"));
    const QString diff = dialog->diffText();
    QVERIFY2(diffHasLine(diff, '-', "image: nginx:1.25")
                 && diffHasLine(diff, '+', "image: nginx:1.26"),
             qPrintable(diff));
    QVERIFY2(!diffHasLine(diff, '+', "replicas") && !diffHasLine(diff, '-', "replicas"),
             qPrintable(diff));
    QVERIFY2(!diff.contains("resourceVersion") && !diff.contains("managedFields"),
             qPrintable(diff));
    if (const QString dir = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR"); !dir.isEmpty()) {
        dialog->resize(900, 620);
        QVERIFY(dialog->grab().save(QDir(dir).filePath("operations-apply.png")));
    }
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    confirm = waitForDialog<ConfirmDialog>();
    QVERIFY(confirm);
    QTest::mouseClick(confirm->confirmButton(), Qt::LeftButton);
    QVERIFY(waitUntil(
        [&] {
            return m_ui.get(m_ui.session,
                            deploymentPath)["spec"]["template"]["spec"]["containers"][0]
                       .value("image", std::string())
                   == "nginx:1.26";
        },
        15000));
    // The changed template is followed.
    RolloutTracker *tracker = nullptr;
    QVERIFY(waitUntil(
        [&] {
            for (RolloutTracker *t : m_ui.panel->trackers())
                if (t->name() == "apply-web")
                    tracker = t;
            return tracker != nullptr;
        },
        5000));
    QVERIFY2(waitUntil([&] { return tracker->state() == RolloutTracker::State::Succeeded; }, 60000),
             qPrintable(tracker->message()));
}

void TestApplySim::malformedYamlSendsNothing()
{
    const int before = auditCount();
    ApplyDialog *dialog
        = checkPasted(m_ui.controller.get(),
                      configMapYaml("apply-never", "default", "x")
                          + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n",
                      0);
    QVERIFY(dialog);
    const QString error = dialog->errorText();
    QVERIFY2(error.contains("document 2"), qPrintable(error));
    QVERIFY2(error.contains("line"), qPrintable(error));
    QVERIFY(!dialog->applyButton()->isEnabled());
    QCOMPARE(dialog->objectCount(), 0);
    // No write, not even a dry run, and nothing created.
    QCOMPARE(auditCount(), before);
    QVERIFY(m_ui.get(m_ui.session, "/api/v1/namespaces/default/configmaps/apply-never").is_null());

    // An object without a name: the document is named too.
    dialog->setYaml(configMapYaml("apply-never", "default", "x")
                    + "---\napiVersion: v1\nkind: ConfigMap\n");
    QTest::mouseClick(dialog->previewButton(), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return !dialog->errorText().isEmpty(); }, 5000));
    QVERIFY2(dialog->errorText().contains("document 2")
                 && dialog->errorText().contains("metadata.name"),
             qPrintable(dialog->errorText()));
    QCOMPARE(auditCount(), before);
    dialog->reject();
}

void TestApplySim::conflictExplainedThenForced()
{
    const QString path = "/api/v1/namespaces/default/configmaps/apply-owned";
    const QString freePath = "/api/v1/namespaces/default/configmaps/apply-free";
    QCOMPARE(sendApply(path, "kubectl", configMapYaml("apply-owned", "default", "red").toUtf8()),
             201);

    // A new object and one whose field kubectl owns: the dry run finds the conflict, and the
    // dialog explains it and offers the force right there instead of a half-done apply.
    ApplyDialog *dialog = checkPasted(m_ui.controller.get(),
                                      configMapYaml("apply-free", "default", "x") + "---\n"
                                          + configMapYaml("apply-owned", "default", "green"),
                                      2);
    QVERIFY(dialog);
    QCOMPARE(dialog->object(0).status, QStringLiteral("new object"));
    QCOMPARE(dialog->object(1).status, QStringLiteral("conflict"));
    QVERIFY(dialog->object(1).conflict);
    const QString conflict = dialog->conflictText();
    QVERIFY2(conflict.contains("ConfigMap default/apply-owned")
                 && conflict.contains("\"kubectl\" manages .data.mode"),
             qPrintable(conflict));
    QVERIFY2(conflict.contains("Apply is disabled: it would apply 1 other object(s) and then fail"),
             qPrintable(conflict));
    QVERIFY(!dialog->applyButton()->isEnabled());
    QVERIFY(dialog->forceButton()->isVisible());
    QVERIFY(dialog->forceButton()->isEnabled());
    QCOMPARE(dialog->forceButton()->text(), QStringLiteral("Force (take ownership)…"));
    if (const QString dir = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR"); !dir.isEmpty()) {
        dialog->resize(900, 680);
        QVERIFY(dialog->grab().save(QDir(dir).filePath("operations-apply-conflict.png")));
    }
    QTest::mouseClick(dialog->forceButton(), Qt::LeftButton);

    // The confirmation names the force and repeats the conflict.
    ConfirmDialog *second = nullptr;
    QVERIFY(waitUntil(
        [&] {
            second = visibleTopLevel<ConfirmDialog>();
            return second && second->windowTitle().contains("Force");
        },
        10000));
    QString labels;
    for (QLabel *l : second->findChildren<QLabel *>())
        labels += l->text() + QLatin1Char('\n');
    QVERIFY2(labels.contains("\"kubectl\" manages .data.mode"), qPrintable(labels));
    // Nothing written before the confirmation.
    QVERIFY(m_ui.get(m_ui.session, freePath).is_null());
    QCOMPARE(
        QString::fromStdString(m_ui.get(m_ui.session, path)["data"].value("mode", std::string())),
        QStringLiteral("red"));
    QTest::mouseClick(second->confirmButton(), Qt::LeftButton);
    QVERIFY(waitUntil(
        [&] {
            return m_ui.get(m_ui.session, path)["data"].value("mode", std::string()) == "green";
        },
        15000));
    QVERIFY(m_ui.get(m_ui.session, freePath).is_object());
    bool orreryOwns = false;
    for (const auto &f :
         m_ui.get(m_ui.session, path)["metadata"].value("managedFields", nlohmann::json::array()))
        if (f.value("manager", std::string()) == "orrery"
            && f.dump().find("f:mode") != std::string::npos)
            orreryOwns = true;
    QVERIFY(orreryOwns);

    // A conflict that appears after the check (kubectl takes the field back meanwhile) still
    // stops the real apply with a 409, explained, with Force offered.
    dialog = checkPasted(m_ui.controller.get(), configMapYaml("apply-owned", "default", "blue"), 1);
    QVERIFY(dialog);
    QCOMPARE(dialog->object(0).status, QStringLiteral("changed"));
    QVERIFY(dialog->applyButton()->isEnabled());
    QVERIFY(!dialog->forceButton()->isVisible());
    ApiRequest takeBack;
    takeBack.method = "PATCH";
    takeBack.path = path + "?fieldManager=kubectl&force=true";
    takeBack.contentType = "application/apply-patch+yaml";
    takeBack.body = configMapYaml("apply-owned", "default", "red").toUtf8();
    bool answered = false;
    m_ui.session->transport()->send(takeBack, this,
                                    [&](const Result<ApiResponse> &) { answered = true; });
    QVERIFY(waitUntil([&] { return answered; }, 10000));
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    auto *confirm = waitForDialog<ConfirmDialog>();
    QVERIFY(confirm);
    QTest::mouseClick(confirm->confirmButton(), Qt::LeftButton);
    auto *box = waitForDialog<QMessageBox>("ApplyConflict");
    QVERIFY(box);
    QVERIFY2(box->text().contains("\"kubectl\" manages .data.mode"), qPrintable(box->text()));
    QCOMPARE(
        QString::fromStdString(m_ui.get(m_ui.session, path)["data"].value("mode", std::string())),
        QStringLiteral("red"));
    box->reject();
}

void TestApplySim::protectedContextNeedsTypedName()
{
    m_ui.preferences->setProtected(m_ui.context, true);
    const QString path = "/api/v1/namespaces/default/configmaps/apply-guarded";
    ApplyDialog *dialog
        = checkPasted(m_ui.controller.get(), configMapYaml("apply-guarded", "default", "on"), 1);
    QVERIFY(dialog);
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    auto *confirm = waitForDialog<ConfirmDialog>();
    QVERIFY(confirm);
    QVERIFY(confirm->target().isProtected);
    QVERIFY(!confirm->isConfirmEnabled());
    QTest::mouseClick(confirm->confirmButton(), Qt::LeftButton); // disabled: nothing happens
    QVERIFY(confirm->isVisible());
    QTest::keyClicks(confirm->protectionEdit(), m_ui.context.left(m_ui.context.size() - 1));
    QVERIFY(!confirm->isConfirmEnabled());
    QVERIFY(m_ui.get(m_ui.session, path).is_null());
    QTest::keyClicks(confirm->protectionEdit(), m_ui.context.right(1));
    QVERIFY(confirm->isConfirmEnabled());
    QTest::mouseClick(confirm->confirmButton(), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return m_ui.get(m_ui.session, path).is_object(); }, 15000));
    m_ui.preferences->setProtected(m_ui.context, false);
}

void TestApplySim::viewerApplyDisabledWithReason()
{
    const QString viewerContext = m_ui.context + "-viewer";
    QVERIFY(m_ui.config.context(viewerContext));
    ClusterSession *viewer = m_ui.connectContext(viewerContext, this);
    QVERIFY(viewer);
    AuditLog audit(m_ui.dir.filePath("audit"));
    ActionController controller(m_ui.preferences.get(), m_ui.host.get(), &audit);
    controller.setSession(viewer);
    const int before = auditCount();
    ApplyDialog *dialog
        = checkPasted(&controller, configMapYaml("apply-viewer", "default", "no"), 1);
    QVERIFY(dialog);
    QVERIFY(!dialog->applyButton()->isEnabled());
    QVERIFY2(dialog->object(0).status.contains(
                 "Not allowed: you may not patch configmaps in namespace default"),
             qPrintable(dialog->object(0).status));
    QVERIFY(dialog->object(0).blocking);
    QVERIFY(dialog->summaryText().contains("nothing was sent"));
    QCOMPARE(auditCount(), before);
    dialog->reject();
    delete dialog;
    delete viewer;
}

void TestApplySim::sameSpecsAsKubectlServerSideApply()
{
    QVERIFY(kubectl({"create", "namespace", "apply-twin-a"}));
    QVERIFY(kubectl({"create", "namespace", "apply-twin-b"}));
    QVERIFY(waitUntil(
        [&] { return m_ui.get(m_ui.session, "/api/v1/namespaces/apply-twin-a").is_object(); },
        5000));
    const QString manifest = configMapYaml("twin-settings", "NS", "twin") + "---\n"
                             + deploymentYaml("twin-web", "NS", "nginx:1.27");
    // Orrery into namespace a (through the whole dialog flow).
    ApplyDialog *dialog
        = checkPasted(m_ui.controller.get(), QString(manifest).replace("NS", "apply-twin-a"), 2);
    QVERIFY(dialog);
    QVERIFY(dialog->applyButton()->isEnabled());
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    auto *confirm = waitForDialog<ConfirmDialog>();
    QVERIFY(confirm);
    QTest::mouseClick(confirm->confirmButton(), Qt::LeftButton);
    QVERIFY(waitUntil(
        [&] {
            return m_ui
                .get(m_ui.session, "/apis/apps/v1/namespaces/apply-twin-a/deployments/twin-web")
                .is_object();
        },
        15000));
    // kubectl into namespace b, same field manager.
    QFile file(m_ui.dir.filePath("twin.yaml"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QString(manifest).replace("NS", "apply-twin-b").toUtf8());
    file.close();
    QVERIFY(kubectl({"apply", "--server-side", "--field-manager=orrery", "-f", file.fileName()}));

    const auto a
        = m_ui.get(m_ui.session, "/apis/apps/v1/namespaces/apply-twin-a/deployments/twin-web");
    const auto b
        = m_ui.get(m_ui.session, "/apis/apps/v1/namespaces/apply-twin-b/deployments/twin-web");
    QVERIFY(a.is_object() && b.is_object());
    QCOMPARE(QString::fromStdString(a["spec"].dump(2)), QString::fromStdString(b["spec"].dump(2)));
    const auto ca
        = m_ui.get(m_ui.session, "/api/v1/namespaces/apply-twin-a/configmaps/twin-settings");
    const auto cb
        = m_ui.get(m_ui.session, "/api/v1/namespaces/apply-twin-b/configmaps/twin-settings");
    QCOMPARE(QString::fromStdString(ca["data"].dump()), QString::fromStdString(cb["data"].dump()));
    // Both recorded as an Apply by "orrery" over the same fields.
    auto appliedFields = [](const nlohmann::json &o) {
        for (const auto &f : o["metadata"].value("managedFields", nlohmann::json::array()))
            if (f.value("manager", std::string()) == "orrery"
                && f.value("operation", std::string()) == "Apply")
                return f.value("fieldsV1", nlohmann::json()).dump();
        return std::string();
    };
    QVERIFY(!appliedFields(a).empty());
    QCOMPARE(QString::fromStdString(appliedFields(a)), QString::fromStdString(appliedFields(b)));
}

// The File menu entry (Ctrl+Shift+A), the command palette entry and a dropped YAML file all
// open the dialog of the window's controller; a dropped file is read and checked like a
// pasted one.
void TestApplySim::mainWindowMenuPaletteAndDrop()
{
    Test::WindowUnderTest ui(m_ui);
    MainWindow &window = ui.window;
    ActionController &controller = ui.controller;
    QVERIFY(!window.applyManifestsAction()->isEnabled());
    QStringList received;
    window.setApplyManifestsHandler([&](const QStringList &files) {
        received = files;
        controller.applyManifests(files);
    });
    window.show();
    window.activateContext(m_ui.context);
    QVERIFY(controller.session());

    QAction *action = window.applyManifestsAction();
    QVERIFY(action->isEnabled());
    QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+A")));
    action->trigger();
    auto *dialog = waitForDialog<ApplyDialog>();
    QVERIFY(dialog);
    QVERIFY(dialog->files().isEmpty());
    dialog->reject();
    QVERIFY(waitUntil([&] { return !visibleTopLevel<ApplyDialog>(); }, 5000));

    window.openCommandPalette();
    PaletteModel *model = window.commandPalette()->model();
    int row = -1;
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->entry(r).type == PaletteEntry::Type::Action
            && model->entry(r).title == QStringLiteral("Apply manifests"))
            row = r;
    QVERIFY(row >= 0);
    emit window.commandPalette()->entryActivated(model->entry(row));
    dialog = waitForDialog<ApplyDialog>();
    QVERIFY(dialog);
    dialog->reject();
    window.commandPalette()->hide();
    QVERIFY(waitUntil([&] { return !visibleTopLevel<ApplyDialog>(); }, 5000));

    // Drop: only manifest files count.
    QFile file(m_ui.dir.filePath("dropped.yaml"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(configMapYaml("apply-dropped", "default", "drop").toUtf8());
    file.close();
    QCOMPARE(ManifestDrop::manifestFiles({QUrl::fromLocalFile(m_ui.dir.filePath("notes.txt"))}),
             QStringList());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(file.fileName()),
                  QUrl::fromLocalFile(m_ui.dir.filePath("notes.txt"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QCOMPARE(received, QStringList{file.fileName()});
    dialog = waitForDialog<ApplyDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->files(), QStringList{file.fileName()});
    QTest::mouseClick(dialog->previewButton(), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return dialog->objectCount() == 1; }, 15000));
    QCOMPARE(dialog->object(0).title, QStringLiteral("ConfigMap default/apply-dropped"));
    QCOMPARE(dialog->object(0).status, QStringLiteral("new object"));
    dialog->reject();
}

// `orrery deploy.yaml` (the desktop entry's Exec=orrery %F): the files wait until a context is
// connected, then open in the Apply dialog of the window's controller; other files are left
// out. Once connected, a file opens at once.
void TestApplySim::commandLineManifestsWaitForAContext()
{
    Test::WindowUnderTest ui(m_ui);
    MainWindow &window = ui.window;
    ActionController &controller = ui.controller;
    QList<QStringList> received;
    window.setApplyManifestsHandler([&](const QStringList &files) {
        received << files;
        controller.applyManifests(files);
    });
    window.show();

    QFile file(m_ui.dir.filePath("opened.yaml"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(configMapYaml("apply-opened", "default", "opened").toUtf8());
    file.close();
    window.openManifests({file.fileName(), m_ui.dir.filePath("notes.txt")});
    QVERIFY(received.isEmpty()); // no context yet: nothing to check the files against
    QVERIFY(!visibleTopLevel<ApplyDialog>());

    window.activateContext(m_ui.context);
    QCOMPARE(received, QList<QStringList>{QStringList{file.fileName()}});
    auto *dialog = waitForDialog<ApplyDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->files(), QStringList{file.fileName()});
    QTest::mouseClick(dialog->previewButton(), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return dialog->objectCount() == 1; }, 15000));
    QCOMPARE(dialog->object(0).title, QStringLiteral("ConfigMap default/apply-opened"));
    dialog->reject();
    QVERIFY(waitUntil([&] { return !visibleTopLevel<ApplyDialog>(); }, 5000));

    // Connected: at once; nothing that is not a manifest opens a dialog.
    window.openManifests({m_ui.dir.filePath("notes.txt")});
    QCOMPARE(received.size(), 1);
    window.openManifests({file.fileName()});
    QCOMPARE(received.size(), 2);
    dialog = waitForDialog<ApplyDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->files(), QStringList{file.fileName()});
    dialog->reject();
}

QTEST_MAIN(TestApplySim)
#include "tst_apply_sim.moc"
