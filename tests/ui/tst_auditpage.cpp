// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log page: entries newest first, the text filter, live refresh when the log is
// appended to or rotated, and no Secret value anywhere in the table even when the writes
// carried some.
#include "eventloopwait.h"
#include "simwindowfixture.h"
#include <audit/auditpage.h>
#include <audit/audittablemodel.h>

#include <audit/auditlog.h>
#include <theme.h>

#include <QAbstractItemDelegate>
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

// Pixels of one cell, painted by the view's delegate, in the hue of `colour`.
int pixelsNear(QTableView *table, const QModelIndex &index, const QColor &colour)
{
    QStyleOptionViewItem option;
    option.initFrom(table);
    option.rect = QRect(QPoint(0, 0), table->visualRect(index).size());
    option.state |= QStyle::State_Enabled;
    QImage image(option.rect.size(), QImage::Format_ARGB32);
    image.fill(table->palette().color(QPalette::Base));
    QPainter painter(&image);
    table->itemDelegateForIndex(index)->paint(&painter, option, index);
    painter.end();
    int near = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            // Antialiased text blends into the background: compare hues of saturated pixels.
            const QColor c = image.pixelColor(x, y);
            const int hueDistance = qAbs(c.hsvHue() - colour.hsvHue());
            if (c.hsvSaturation() > 80 && qMin(hueDistance, 360 - hueDistance) < 20)
                ++near;
        }
    }
    return near;
}

PlannedWrite write(const QString &verb, const QString &kind, const QString &name,
                   const nlohmann::json &body)
{
    PlannedWrite w;
    w.verb = verb;
    w.kind = kind;
    w.ns = QStringLiteral("shop");
    w.name = name;
    w.body = body;
    w.request.body = QByteArray::fromStdString(body.dump());
    return w;
}

AuditEntry entry(const PlannedWrite &w, const QDateTime &time,
                 const QString &result = QStringLiteral("ok"))
{
    AuditEntry e = AuditEntry::fromWrite(w);
    e.time = time;
    e.context = QStringLiteral("prod-eu");
    e.cluster = QStringLiteral("eu-1");
    e.user = QStringLiteral("alice");
    e.status = result == QLatin1String("ok") ? 200 : 403;
    e.result = result;
    return e;
}

// Every cell of every row, as the user could see it (display and tooltip).
QString everything(const QAbstractItemModel *model)
{
    QString text;
    for (int r = 0; r < model->rowCount(); ++r)
        for (int c = 0; c < model->columnCount(); ++c) {
            text += model->index(r, c).data(Qt::DisplayRole).toString() + QLatin1Char('\n');
            text += model->index(r, c).data(Qt::ToolTipRole).toString() + QLatin1Char('\n');
        }
    return text;
}

} // namespace

class tst_AuditPage : public QObject
{
    Q_OBJECT

private slots:
    // No JSON decoded on the GUI thread (DecodeGuard), checked after every test.
    void cleanup();
    void showsNewestFirstFiltersAndFollows();
    void neverShowsSecretValues();
    void followsRotation();
    void intentWithoutOutcomeIsUnknown();
};

void tst_AuditPage::showsNewestFirstFiltersAndFollows()
{
    QTemporaryDir dir;
    AuditLog log(dir.path());
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-60);
    QVERIFY(
        log.append(entry(write("patch", "Deployment", "web", {{"spec", {{"replicas", 5}}}}), t0))
            .ok());
    QVERIFY(log.append(entry(write("delete", "Pod", "web-1", {{"propagationPolicy", "Background"}}),
                             t0.addSecs(10), QStringLiteral("pods \"web-1\" is forbidden")))
                .ok());

    AuditPage page(dir.path());
    page.resize(1200, 500);
    page.show();
    QVERIFY(waitUntil([&] { return page.reloadCount() >= 1; }, 10000));
    QAbstractItemModel *model = page.table()->model();
    QCOMPARE(model->rowCount(), 2);
    // Newest first.
    QCOMPARE(model->index(0, AuditTableModel::ObjectColumn).data().toString(),
             QStringLiteral("Pod shop/web-1"));
    QCOMPARE(model->index(0, AuditTableModel::VerbColumn).data().toString(),
             QStringLiteral("delete"));
    QCOMPARE(model->index(0, AuditTableModel::ResultColumn).data().toString(),
             QStringLiteral("pods \"web-1\" is forbidden (HTTP 403)"));
    QCOMPARE(model->index(1, AuditTableModel::ObjectColumn).data().toString(),
             QStringLiteral("Deployment shop/web"));
    QCOMPARE(model->index(1, AuditTableModel::SummaryColumn).data().toString(),
             QStringLiteral("{\"spec\":{\"replicas\":5}}"));
    QCOMPARE(model->index(1, AuditTableModel::ContextColumn).data().toString(),
             QStringLiteral("prod-eu"));
    QCOMPARE(model->index(1, AuditTableModel::UserColumn).data().toString(),
             QStringLiteral("alice"));
    QCOMPARE(model->index(1, AuditTableModel::TimeColumn).data().toString(),
             t0.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));

    // The filter matches any column, case-insensitively.
    page.filterEdit()->setText(QStringLiteral("FORBIDDEN"));
    QCOMPARE(model->rowCount(), 1);
    page.filterEdit()->setText(QStringLiteral("replicas"));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, AuditTableModel::ObjectColumn).data().toString(),
             QStringLiteral("Deployment shop/web"));
    page.filterEdit()->clear();
    QCOMPARE(model->rowCount(), 2);

    // A write appended by someone else (another AuditLog on the same directory) shows up.
    const int reloads = page.reloadCount();
    AuditLog other(dir.path());
    PlannedWrite dry = write("patch", "Deployment", "api", {{"spec", {{"paused", true}}}});
    dry.dryRun = true;
    QVERIFY(other.append(entry(dry, t0.addSecs(20))).ok());
    QVERIFY2(waitUntil([&] { return model->rowCount() == 3; }, 10000),
             qPrintable(QString::number(model->rowCount())));
    QVERIFY(page.reloadCount() > reloads);
    QCOMPARE(model->index(0, AuditTableModel::VerbColumn).data().toString(),
             QStringLiteral("patch (dry run)"));

    if (const QString shots = qEnvironmentVariable("ORRERY_SCREENSHOT_DIR"); !shots.isEmpty())
        QVERIFY(page.grab().save(shots + QStringLiteral("/audit-page.png")));
}

void tst_AuditPage::neverShowsSecretValues()
{
    QTemporaryDir dir;
    AuditLog log(dir.path());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // A server-side apply of a Secret with data and stringData.
    const nlohmann::json secret = {{"apiVersion", "v1"},
                                   {"kind", "Secret"},
                                   {"metadata",
                                    {{"name", "db"},
                                     {"namespace", "shop"},
                                     {"annotations",
                                      {{"kubectl.kubernetes.io/last-applied-configuration",
                                        R"({"data":{"password":"aHVudGVyMg=="}})"}}}}},
                                   {"data", {{"password", "aHVudGVyMg=="}}},
                                   {"stringData", {{"token", "hunter2-token"}}}};
    QVERIFY(log.append(entry(write("apply", "Secret", "db", secret), now)).ok());
    // A Helm storage Secret (release payload: gzip + base64 of the rendered manifest).
    const nlohmann::json release
        = {{"apiVersion", "v1"},
           {"kind", "Secret"},
           {"type", "helm.sh/release.v1"},
           {"metadata", {{"name", "sh.helm.release.v1.shop.v4"}, {"namespace", "shop"}}},
           {"data", {{"release", "SDRzSUFBQUFBQUFBL3Bhc3N3b3JkLWluLW1hbmlmZXN0"}}}};
    QVERIFY(log.append(entry(write("create", "Secret", "sh.helm.release.v1.shop.v4", release),
                             now.addSecs(1)))
                .ok());
    // A JSON patch that replaces a Secret's data.
    const nlohmann::json patch = nlohmann::json::array(
        {{{"op", "replace"}, {"path", "/data/password"}, {"value", "aHVudGVyMg=="}}});
    QVERIFY(log.append(entry(write("patch", "Secret", "db", patch), now.addSecs(2))).ok());

    AuditPage page(dir.path());
    page.show();
    QVERIFY(waitUntil([&] { return page.reloadCount() >= 1; }, 10000));
    QCOMPARE(page.table()->model()->rowCount(), 3);
    const QString shown = everything(page.model());
    QVERIFY2(shown.contains(QLatin1String("<redacted>")), qPrintable(shown));
    QVERIFY2(!shown.contains(QLatin1String("aHVudGVyMg==")), qPrintable(shown));
    QVERIFY2(!shown.contains(QLatin1String("hunter2")), qPrintable(shown));
    QVERIFY2(!shown.contains(QLatin1String("SDRzSUFB")), qPrintable(shown));
    // The object names stay: the log says what was changed, never to what.
    QVERIFY(shown.contains(QLatin1String("Secret shop/db")));
    QVERIFY(shown.contains(QLatin1String("Secret shop/sh.helm.release.v1.shop.v4")));
}

void tst_AuditPage::followsRotation()
{
    QTemporaryDir dir;
    // Tiny files: every second append rotates (audit.jsonl becomes audit.1.jsonl).
    AuditLog log(dir.path(), 400, 5);
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    QVERIFY(log.append(entry(write("patch", "Deployment", "a", {{"spec", {{"replicas", 1}}}}), t0))
                .ok());
    AuditPage page(dir.path());
    page.show();
    QVERIFY(waitUntil([&] { return page.reloadCount() >= 1; }, 10000));
    QCOMPARE(page.table()->model()->rowCount(), 1);
    for (int i = 2; i <= 5; ++i) {
        QVERIFY(log.append(entry(write("patch", "Deployment", QString(QChar('a' + i - 1)),
                                       {{"spec", {{"replicas", i}}}}),
                                 t0.addSecs(i)))
                    .ok());
        QVERIFY2(waitUntil([&] { return page.table()->model()->rowCount() == i; }, 10000),
                 qPrintable(QStringLiteral("%1 rows after %2 appends")
                                .arg(page.table()->model()->rowCount())
                                .arg(i)));
    }
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("audit.1.jsonl"))));
    QCOMPARE(page.table()->model()->index(0, AuditTableModel::ObjectColumn).data().toString(),
             QStringLiteral("Deployment shop/e"));
}

// A write whose intent was recorded but whose outcome never was (Orrery killed while the
// request was out): the viewer must not present it as done, nor hide it.
void tst_AuditPage::intentWithoutOutcomeIsUnknown()
{
    QTemporaryDir dir;
    AuditLog log(dir.path());
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-60);
    const AuditEntry finished
        = entry(write("patch", "Deployment", "web", {{"spec", {{"replicas", 5}}}}), t0).intent(t0);
    QVERIFY(log.append(finished).ok());
    QVERIFY(log.append(finished.outcome(200, QStringLiteral("ok"), t0.addSecs(1))).ok());
    const AuditEntry lost
        = entry(write("delete", "Pod", "web-1", {{"propagationPolicy", "Background"}}),
                t0.addSecs(10))
              .intent(t0.addSecs(10));
    QVERIFY(log.append(lost).ok());

    AuditPage page(dir.path());
    page.show();
    QVERIFY(waitUntil([&] { return page.reloadCount() >= 1; }, 10000));
    QAbstractItemModel *model = page.table()->model();
    QCOMPARE(model->rowCount(), 2); // one row per write, not per line
    QCOMPARE(model->index(0, AuditTableModel::ObjectColumn).data().toString(),
             QStringLiteral("Pod shop/web-1"));
    QCOMPARE(model->index(0, AuditTableModel::ResultColumn).data().toString(),
             QStringLiteral("outcome unknown"));
    // The model says which outcome failed; the delegate paints it in the danger colour.
    QVERIFY(model->index(0, AuditTableModel::ResultColumn)
                .data(AuditTableModel::OutcomeFailedRole)
                .toBool());
    QVERIFY(!model->index(1, AuditTableModel::ResultColumn)
                 .data(AuditTableModel::OutcomeFailedRole)
                 .toBool());
    QVERIFY(!model->index(0, AuditTableModel::ResultColumn).data(Qt::ForegroundRole).isValid());
    const QColor danger = themeColor(Theme::Role::Danger);
    QVERIFY(pixelsNear(page.table(), model->index(0, AuditTableModel::ResultColumn), danger) > 0);
    QCOMPARE(pixelsNear(page.table(), model->index(1, AuditTableModel::ResultColumn), danger), 0);
    QCOMPARE(model->index(1, AuditTableModel::ResultColumn).data().toString(),
             QStringLiteral("ok (HTTP 200)"));
    QCOMPARE(model->index(1, AuditTableModel::SummaryColumn).data().toString(),
             QStringLiteral("{\"spec\":{\"replicas\":5}}"));
}

void tst_AuditPage::cleanup()
{
    QVERIFY2(Orrery::Test::guiThreadDecodeCount() == 0,
             Orrery::Test::guiThreadDecodes().constData());
}

QTEST_MAIN(tst_AuditPage)
#include "tst_auditpage.moc"
