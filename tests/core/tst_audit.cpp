// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log: JSON lines, rotation by size, reading back, and no Secret value ever written.
#include "audit/auditlog.h"
#include "helm/helmcodec.h"
#include "helm/helmrelease.h"
#include "helm/helmrollback.h"
#include "kube/actions/serversideapply.h"
#include "kube/actions/workloadactions.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Orrery;

namespace {

AuditEntry entry(int i)
{
    AuditEntry e;
    e.time = QDateTime(QDate(2026, 11, 21), QTime(10, 0), Qt::UTC).addSecs(i);
    e.context = QStringLiteral("prod");
    e.cluster = QStringLiteral("prod-eu");
    e.user = QStringLiteral("alice@example.com");
    e.verb = QStringLiteral("patch");
    e.kind = QStringLiteral("Deployment");
    e.ns = QStringLiteral("shop");
    e.name = QStringLiteral("web-%1").arg(i);
    e.summary = QStringLiteral("{\"spec\":{\"replicas\":%1}}").arg(i);
    e.status = 200;
    e.result = QStringLiteral("ok");
    return e;
}

QByteArray everything(const QString &dir)
{
    QByteArray all;
    QDirIterator it(dir, QDir::Files);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

} // namespace

class tst_Audit : public QObject
{
    Q_OBJECT

private slots:
    void appendAndRead()
    {
        QTemporaryDir dir;
        AuditLog log(dir.path());
        for (int i = 0; i < 3; ++i)
            QVERIFY(log.append(entry(i)).ok());
        const QList<AuditEntry> read = AuditLog::read(dir.path());
        QCOMPARE(read.size(), 3);
        QCOMPARE(read[2].name, QStringLiteral("web-2"));
        QCOMPARE(read[0].time, entry(0).time);
        QCOMPARE(read[1].user, QStringLiteral("alice@example.com"));
        QCOMPARE(read[1].status, 200);
        // One JSON object per line.
        QFile f(log.currentFile());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(nlohmann::json::parse(lines[0].toStdString())["verb"] == "patch");
        QVERIFY(f.permissions().testFlag(QFileDevice::ReadOwner));
        QVERIFY(!f.permissions().testFlag(QFileDevice::ReadOther));
    }

    void rotation()
    {
        QTemporaryDir dir;
        const qint64 lineSize = qint64(entry(10).toJson().dump().size()) + 1;
        AuditLog log(dir.path(), lineSize * 4, 2); // four lines per file, two old files kept
        for (int i = 10; i < 30; ++i)
            QVERIFY(log.append(entry(i)).ok());
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("audit.jsonl"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("audit.1.jsonl"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("audit.2.jsonl"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("audit.3.jsonl"))));
        QVERIFY(QFileInfo(log.currentFile()).size() <= lineSize * 4);
        const QList<AuditEntry> read = AuditLog::read(dir.path());
        QCOMPARE(read.size(), 12); // 3 files × 4 lines survive
        QCOMPARE(read.first().name, QStringLiteral("web-18"));
        QCOMPARE(read.last().name, QStringLiteral("web-29"));
    }

    void malformedLineSkipped()
    {
        QTemporaryDir dir;
        AuditLog log(dir.path());
        QVERIFY(log.append(entry(1)).ok());
        QFile f(log.currentFile());
        QVERIFY(f.open(QIODevice::Append));
        f.write("{\"time\":\"2026-11-21T10:0"); // a crash mid-line
        f.close();
        QVERIFY(log.append(entry(2)).ok());
        QCOMPARE(AuditLog::read(dir.path()).size(), 2);
    }

    // Two lines per write, linked by id, folded back into one entry by read(); older logs
    // (lines without "phase") still read as complete entries.
    void intentAndOutcomeFolded()
    {
        QTemporaryDir dir;
        AuditLog log(dir.path());
        QFile legacy(dir.filePath(QStringLiteral("audit.1.jsonl")));
        QVERIFY(legacy.open(QIODevice::WriteOnly));
        legacy.write(QByteArray::fromStdString(entry(0).toJson().dump()) + '\n');
        legacy.close();
        const QDateTime t = entry(1).time;
        const AuditEntry first = entry(1).intent(t);
        const AuditEntry second = entry(2).intent(t.addSecs(1));
        QVERIFY(!first.id.isEmpty());
        QVERIFY(first.id != second.id);
        QVERIFY(log.append(first).ok());
        QVERIFY(log.append(second).ok());
        QVERIFY(log.append(first.outcome(409, QStringLiteral("conflict"), t.addSecs(2))).ok());

        const QList<AuditEntry> read = AuditLog::read(dir.path());
        QCOMPARE(read.size(), 3);
        QCOMPARE(read[0].name, QStringLiteral("web-0"));
        QVERIFY(read[0].outcomeKnown());
        QCOMPARE(read[0].status, 200);
        QCOMPARE(read[1].name, QStringLiteral("web-1"));
        QVERIFY(read[1].outcomeKnown());
        QCOMPARE(read[1].status, 409);
        QCOMPARE(read[1].result, QStringLiteral("conflict"));
        QCOMPARE(read[1].time, t); // when it was sent
        QCOMPARE(read[1].summary, entry(1).summary);
        QCOMPARE(read[2].name, QStringLiteral("web-2"));
        QVERIFY(!read[2].outcomeKnown());
        QCOMPARE(read[2].result, QString());
    }

    // Rotation between an intent and its outcome: the pair still folds across the files.
    void pairAcrossRotation()
    {
        QTemporaryDir dir;
        const AuditEntry intent = entry(1).intent(entry(1).time);
        AuditLog log(dir.path(), qint64(intent.toJson().dump().size()) + 1, 3); // one line per file
        QVERIFY(log.append(intent).ok());
        QVERIFY(log.append(intent.outcome(200, QStringLiteral("ok"), entry(2).time)).ok());
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("audit.1.jsonl"))));
        const QList<AuditEntry> read = AuditLog::read(dir.path());
        QCOMPARE(read.size(), 1);
        QVERIFY(read.first().outcomeKnown());
        QCOMPARE(read.first().status, 200);
    }

    void secretsNeverLogged_data()
    {
        QTest::addColumn<QByteArray>("manifest");
        QTest::newRow("data") << QByteArray("apiVersion: v1\nkind: Secret\nmetadata:\n  name: "
                                            "db\ndata:\n  password: aHVudGVyMg==\n");
        QTest::newRow("stringData") << QByteArray("apiVersion: v1\nkind: Secret\nmetadata:\n  "
                                                  "name: db\nstringData:\n  password: hunter2\n");
        QTest::newRow("last-applied")
            << QByteArray("apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  annotations:\n"
                          "    kubectl.kubernetes.io/last-applied-configuration: "
                          "'{\"data\":{\"password\":\"aHVudGVyMg==\"}}'\n"
                          "type: Opaque\n");
        QTest::newRow("list") << QByteArray(
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n"
            "  metadata:\n    name: db\n  stringData:\n    password: hunter2\n");
    }

    void secretsNeverLogged()
    {
        QFETCH(QByteArray, manifest);
        auto writes = ServerSideApply::plan(manifest, {});
        QVERIFY(writes.ok());
        QTemporaryDir dir;
        AuditLog log(dir.path());
        for (const PlannedWrite &w : *writes) {
            AuditEntry e = AuditEntry::fromWrite(w);
            e.result = QStringLiteral("ok");
            QVERIFY(e.summary.contains(QLatin1String("<redacted>")));
            QVERIFY(log.append(e).ok());
        }
        const QByteArray all = everything(dir.path());
        QVERIFY(!all.isEmpty());
        QVERIFY(!all.contains("hunter2"));
        QVERIFY(!all.contains("aHVudGVyMg"));
        QVERIFY(all.contains("\"name\":\"db\""));
    }

    void jsonPatchOnSecret()
    {
        PlannedWrite w;
        w.verb = QStringLiteral("patch");
        w.kind = QStringLiteral("Secret");
        w.ns = QStringLiteral("shop");
        w.name = QStringLiteral("db");
        w.body = nlohmann::json::array(
            {{{"op", "replace"}, {"path", "/data/password"}, {"value", "aHVudGVyMg=="}},
             {{"op", "add"}, {"path", "/data"}, {"value", {{"k", "aHVudGVyMg=="}}}}});
        const AuditEntry e = AuditEntry::fromWrite(w);
        QVERIFY(!e.summary.contains(QLatin1String("aHVudGVyMg")));
        QVERIFY(e.summary.contains(QLatin1String("/data/password")));
        // A merge patch against a Secret without "kind" in the body.
        w.body = {{"data", {{"password", "aHVudGVyMg=="}}}};
        QVERIFY(!AuditEntry::fromWrite(w).summary.contains(QLatin1String("aHVudGVyMg")));
    }

    void helmReleaseSecretNotLogged()
    {
        // A Helm storage Secret carries the rendered manifest, which may hold Secret values.
        HelmRelease r;
        r.name = QStringLiteral("shop");
        r.ns = QStringLiteral("shop");
        r.version = 2;
        r.status = QStringLiteral("deployed");
        r.manifest = QStringLiteral("kind: Secret\nstringData:\n  password: hunter2\n");
        const PlannedWrite w = HelmRollback::secretWrite(r, QDateTime::currentDateTimeUtc(), true);
        const AuditEntry e = AuditEntry::fromWrite(w);
        const QString encoded
            = QString::fromStdString(w.body["data"]["release"].get<std::string>());
        QVERIFY(!e.summary.contains(encoded.left(40)));
        QVERIFY(e.summary.contains(QLatin1String("sh.helm.release.v1.shop.v2")));
    }

    void ordinaryPatchKept()
    {
        auto w = WorkloadActions::scale({{"apiVersion", "apps/v1"},
                                         {"kind", "Deployment"},
                                         {"metadata", {{"name", "web"}, {"namespace", "shop"}}}},
                                        4);
        QVERIFY(w.ok());
        const AuditEntry e = AuditEntry::fromWrite(*w);
        QCOMPARE(e.summary, QStringLiteral("{\"spec\":{\"replicas\":4}}"));
        QCOMPARE(e.verb, QStringLiteral("patch"));
        QCOMPARE(e.kind, QStringLiteral("Deployment"));
    }
};

QTEST_GUILESS_MAIN(tst_Audit)
#include "tst_audit.moc"
