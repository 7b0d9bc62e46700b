// SPDX-License-Identifier: GPL-3.0-or-later
// Applying a changed Secret through "Apply manifests…" against orrery-sim (microk8s-shop, whose
// mysql-secret holds MYSQL_ROOT_PASSWORD): the dry-run preview, the ConfirmDialog and the audit
// log name the keys and say which changed, and no value (old or new, plain or base64) appears
// in any text they show or write. The manifest the user typed is the only place with a value.
#include "eventloopwait.h"
#include "simprocess.h"
#include "simwindowfixture.h"
#include <audit/auditlog.h>
#include <contextpreferences.h>
#include <operations/actioncontroller.h>
#include <operations/applydialog.h>
#include <operations/confirmdialog.h>

#include <kube/clustersession.h>
#include <kube/httptransport.h>
#include <kube/kubeconfig.h>

#include <QAbstractButton>
#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTreeWidget>

#include <nlohmann/json.hpp>

#include <memory>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

const QString OldValue = QStringLiteral("simulated-mysql-password"); // the scenario's value
const QString NewValue = QStringLiteral("n3w-mysql-r00t-pw");
const QString AddedValue = QStringLiteral("added-key-value-77");

// Every text a widget tree shows: labels, buttons, line and text edits, list and tree items,
// window titles. `skip` (the user's own manifest editor) is left out.
QString allText(QWidget *root, const QWidget *skip = nullptr)
{
    QStringList out{root->windowTitle()};
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (skip && (w == skip || skip->isAncestorOf(w)))
            continue;
        out << w->toolTip();
        if (auto *l = qobject_cast<QLabel *>(w))
            out << l->text();
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            out << b->text();
        else if (auto *e = qobject_cast<QLineEdit *>(w))
            out << e->text();
        else if (auto *p = qobject_cast<QPlainTextEdit *>(w))
            out << p->toPlainText();
        else if (auto *t = qobject_cast<QTextEdit *>(w))
            out << t->toPlainText();
        else if (auto *list = qobject_cast<QListWidget *>(w))
            for (int i = 0; i < list->count(); ++i)
                out << list->item(i)->text() << list->item(i)->toolTip();
        else if (auto *tree = qobject_cast<QTreeWidget *>(w))
            for (QTreeWidgetItemIterator it(tree); *it; ++it)
                for (int c = 0; c < tree->columnCount(); ++c)
                    out << (*it)->text(c) << (*it)->toolTip(c);
    }
    return out.join(QLatin1Char('\n'));
}

// The value in any form a view could show it: plain, base64, base64 without its padding.
QString leak(const QString &text)
{
    for (const QString &v : {OldValue, NewValue, AddedValue}) {
        const QString encoded = QString::fromLatin1(v.toUtf8().toBase64());
        for (const QString &form : {v, encoded, encoded.left(encoded.size() - 2)})
            if (text.contains(form))
                return form;
    }
    return {};
}

template <typename T> T *waitForDialog()
{
    T *found = nullptr;
    waitUntil(
        [&] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
                    found = t;
            return found != nullptr;
        },
        15000);
    return found;
}

} // namespace

class TestSecretApplySim : public QObject
{
    Q_OBJECT

private slots:
    // No JSON decoded on the GUI thread (DecodeGuard), checked after every test.
    void cleanup();
    void initTestCase();
    void cleanupTestCase();
    void changedSecretShowsKeysNeverValues();

private:
    nlohmann::json get(const QString &path);

    QTemporaryDir m_dir;
    Orrery::Test::SimProcess m_sim;
    std::unique_ptr<ContextPreferences> m_preferences;
    std::unique_ptr<QWidget> m_host;
    std::unique_ptr<ClusterSession> m_session;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ActionController> m_controller;
};

void TestSecretApplySim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString kubeconfig = m_dir.filePath("kubeconfig");
    QVERIFY2(m_sim.start({"--scenario", "microk8s-shop"}, kubeconfig),
             qPrintable(m_sim.errorString()));
    const Kubeconfig config = Kubeconfig::load(kubeconfig);
    Result<ClusterConnection> connection = config.connection(config.currentContext());
    QVERIFY(connection.ok());
    m_session = std::make_unique<ClusterSession>(std::move(connection.value()));
    bool synced = false;
    connect(m_session.get(), &ClusterSession::synced, this, [&synced] { synced = true; });
    m_session->start();
    QVERIFY(waitUntil([&] { return synced; }, 60000));
    m_preferences = std::make_unique<ContextPreferences>(m_dir.filePath("orrery.ini"));
    m_host = std::make_unique<QWidget>();
    m_host->show();
    m_audit = std::make_unique<AuditLog>(m_dir.filePath("audit"));
    m_controller
        = std::make_unique<ActionController>(m_preferences.get(), m_host.get(), m_audit.get());
    m_controller->setSession(m_session.get());
}

void TestSecretApplySim::cleanupTestCase()
{
    m_controller.reset();
    m_host.reset();
    m_session.reset();
    m_sim.stop();
}

nlohmann::json TestSecretApplySim::get(const QString &path)
{
    nlohmann::json result;
    bool answered = false;
    m_session->transport()->send(ApiRequest::get(path), this, [&](const Result<ApiResponse> &r) {
        answered = true;
        if (r.ok() && r->isSuccess())
            result = nlohmann::json::parse(r->body.constData(),
                                           r->body.constData() + r->body.size(), nullptr, false);
    });
    waitUntil([&] { return answered; }, 10000);
    return result;
}

void TestSecretApplySim::changedSecretShowsKeysNeverValues()
{
    const QString path = QStringLiteral("/api/v1/namespaces/default/secrets/mysql-secret");
    const nlohmann::json live = get(path);
    QVERIFY(live.is_object());
    // The scenario's value is there (else the test would prove nothing).
    QVERIFY(QString::fromStdString(live.dump())
                .contains(QString::fromLatin1(OldValue.toUtf8().toBase64())));

    ApplyDialog *dialog = m_controller->applyManifests();
    QVERIFY(dialog);
    QVERIFY(waitUntil([&] { return dialog->isVisible(); }, 5000));
    // `data` (base64): orrery-sim, unlike a real API server, does not fold stringData into data.
    dialog->setYaml(
        QStringLiteral(
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: mysql-secret\n  namespace: default\n"
            "type: Opaque\ndata:\n  MYSQL_ROOT_PASSWORD: %1\n  MYSQL_EXTRA: %2\n")
            .arg(QString::fromLatin1(NewValue.toUtf8().toBase64()),
                 QString::fromLatin1(AddedValue.toUtf8().toBase64())));
    QTest::mouseClick(dialog->previewButton(), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return dialog->objectCount() == 1 || !dialog->errorText().isEmpty(); },
                      15000));
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QCOMPARE(dialog->object(0).status, QStringLiteral("changed"));

    // The preview: keys and markers, no value anywhere but in the user's own editor.
    const QString diff = dialog->object(0).details;
    QVERIFY2(diff.contains(QLatin1String("MYSQL_ROOT_PASSWORD: <changed>")), qPrintable(diff));
    QVERIFY2(diff.contains(QLatin1String("MYSQL_EXTRA: <added>")), qPrintable(diff));
    const QString previewText = allText(dialog, dialog->yamlEdit()) + dialog->diffText() + diff;
    QVERIFY2(leak(previewText).isEmpty(),
             qPrintable(leak(previewText) + QLatin1String(" in:\n") + previewText));

    // The confirmation repeats the diff: the same rule.
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    auto *confirm = waitForDialog<ConfirmDialog>();
    QVERIFY(confirm);
    const QString confirmText = allText(confirm);
    QVERIFY2(confirmText.contains(QLatin1String("MYSQL_ROOT_PASSWORD: <changed>")),
             qPrintable(confirmText));
    QVERIFY2(leak(confirmText).isEmpty(),
             qPrintable(leak(confirmText) + QLatin1String(" in:\n") + confirmText));
    QTest::mouseClick(confirm->confirmButton(), Qt::LeftButton);

    // Applied for real; the audit log of the dry run and the apply holds no value either.
    const std::string expected = NewValue.toUtf8().toBase64().toStdString();
    QVERIFY(waitUntil(
        [&] {
            const nlohmann::json now = get(path);
            return now.is_object() && now.contains("data")
                   && now["data"].value("MYSQL_ROOT_PASSWORD", std::string()) == expected;
        },
        15000));
    QByteArray audit;
    QVERIFY(waitUntil(
        [&] {
            audit.clear();
            QDirIterator it(m_dir.filePath("audit"), QDir::Files);
            while (it.hasNext()) {
                QFile f(it.next());
                if (f.open(QIODevice::ReadOnly))
                    audit += f.readAll();
            }
            return audit.count("mysql-secret") >= 2; // the dry run and the apply
        },
        10000));
    QVERIFY2(leak(QString::fromUtf8(audit)).isEmpty(), audit.constData());
}

void TestSecretApplySim::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

QTEST_MAIN(TestSecretApplySim)
#include "tst_secretapply_sim.moc"
