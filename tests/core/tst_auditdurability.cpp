// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log under stress (docs/RELIABILITY.md, "Audit log"): a full disk is an error the
// caller gets (and hears through writeFailed), several instances (threads of this process and
// another process) append and rotate through one lock without losing or mixing a line, a
// process killed with SIGKILL mid-run loses nothing it was told was written, and a line torn
// by a crash is skipped while the lock it left behind is taken over.
//
// The "other process" is this executable started again with ORRERY_AUDIT_CHILD set (see
// childMain below): it runs the same AuditLog code as a second Orrery would.
#include "eventloopwait.h"

#include "audit/auditlog.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace Orrery;
using Orrery::Test::waitUntil;

namespace {

const char *const ChildVariable = "ORRERY_AUDIT_CHILD";

AuditEntry write(const QString &name)
{
    AuditEntry e;
    e.context = QStringLiteral("prod");
    e.cluster = QStringLiteral("prod-eu");
    e.user = QStringLiteral("alice");
    e.verb = QStringLiteral("patch");
    e.kind = QStringLiteral("Deployment");
    e.ns = QStringLiteral("shop");
    e.name = name;
    // Long enough that rotation happens every few lines in the small-file tests.
    e.summary = QStringLiteral("{\"spec\":{\"replicas\":3},\"pad\":\"%1\"}")
                    .arg(QString(200, QLatin1Char('x')));
    return e;
}

// One write as the executor records it: intent, then outcome.
Result<void> appendWrite(AuditLog &log, const QString &name)
{
    const AuditEntry intent = write(name).intent(QDateTime::currentDateTimeUtc());
    if (auto r = log.append(intent); !r)
        return r;
    return log.append(intent.outcome(200, QStringLiteral("ok"), QDateTime::currentDateTimeUtc()));
}

QStringList lines(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// Every audit file of `dir`, by rotation index (0 = current).
QMap<int, QString> auditFiles(const QString &dir)
{
    QMap<int, QString> files;
    for (const QString &name : QDir(dir).entryList({QStringLiteral("audit*.jsonl")}, QDir::Files)) {
        const QString middle = name.section(QLatin1Char('.'), 1, 1);
        files.insert(middle == QLatin1String("jsonl") ? 0 : middle.toInt(),
                     QDir(dir).filePath(name));
    }
    return files;
}

// The child process. Modes:
//   append DIR COUNT TAG MAXBYTES KEEP  writes COUNT writes named TAG-0.. (0: until killed) and
//                                       prints "i" once write i is durably recorded
//   tear DIR                            records the intent of "torn", then, holding the lock,
//                                       writes half of its outcome line and dies by SIGKILL
int childMain(const QStringList &args)
{
    if (args.value(0) == QLatin1String("append")) {
        AuditLog log(args.value(1), args.value(4).toLongLong(), args.value(5).toInt());
        const int count = args.value(2).toInt();
        for (int i = 0; count == 0 || i < count; ++i) {
            if (auto r = appendWrite(log, QStringLiteral("%1-%2").arg(args.value(3)).arg(i)); !r) {
                std::fprintf(stderr, "append failed: %s\n", qPrintable(r.error().toString()));
                return 1;
            }
            std::printf("%d\n", i);
            std::fflush(stdout);
        }
        return 0;
    }
    if (args.value(0) == QLatin1String("tear")) {
        AuditLog log(args.value(1));
        const AuditEntry intent
            = write(QStringLiteral("torn")).intent(QDateTime::currentDateTimeUtc());
        if (!log.append(intent))
            return 1;
        QLockFile lock(log.lockFile());
        if (!lock.tryLock(5000))
            return 2;
        const std::string line
            = intent.outcome(200, QStringLiteral("ok"), QDateTime::currentDateTimeUtc())
                  .toJson()
                  .dump();
        const int fd
            = ::open(QFile::encodeName(log.currentFile()).constData(), O_WRONLY | O_APPEND);
        if (fd < 0 || ::write(fd, line.data(), line.size() / 2) < 0)
            return 3;
        ::raise(SIGKILL); // the crash, lock held and line half written
        return 4;
    }
    return 64;
}

} // namespace

class tst_AuditDurability : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<QProcess> startChild(const QStringList &args)
    {
        auto child = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(ChildVariable), args.join(QLatin1Char('\x1f')));
        child->setProcessEnvironment(env);
        child->setProgram(QCoreApplication::applicationFilePath());
        child->start();
        return child;
    }

private slots:
    // Today's failure: QFile buffered the line, write() "succeeded", the error came at close()
    // and nobody looked. /dev/full accepts open() and fails every write with ENOSPC.
    void fullDiskIsAnError()
    {
        if (!QFile::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full");
        QTemporaryDir dir;
        QVERIFY(
            QFile::link(QStringLiteral("/dev/full"), dir.filePath(QStringLiteral("audit.jsonl"))));
        AuditLog log(dir.path());
        QSignalSpy failed(&log, &AuditLog::writeFailed);
        const Result<void> r = log.append(write(QStringLiteral("web")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::FileError);
        QVERIFY2(r.error().message.contains(QLatin1String("space"), Qt::CaseInsensitive),
                 qPrintable(r.error().toString()));
        QCOMPARE(failed.count(), 1);
        QVERIFY2(
            failed.first().at(0).toString().contains(dir.filePath(QStringLiteral("audit.jsonl"))),
            qPrintable(failed.first().at(0).toString()));
    }

    // Another instance holds the lock: append waits for it rather than writing beside it.
    void appendWaitsForAnotherInstancesLock()
    {
        QTemporaryDir dir;
        AuditLog log(dir.path());
        QVERIFY(QDir().mkpath(dir.path()));
        QLockFile other(log.lockFile());
        QVERIFY(other.tryLock(0));
        std::atomic<bool> done = false;
        Result<void> result = Error();
        QThread *writer = QThread::create([&] {
            result = log.append(write(QStringLiteral("web")));
            done = true;
        });
        writer->start();
        // No event to wait for: give the writer ample time to (wrongly) go ahead.
        QTest::qWait(500);
        QVERIFY(!done);
        QVERIFY(lines(log.currentFile()).isEmpty());
        other.unlock();
        QVERIFY(writer->wait(10000));
        delete writer;
        QVERIFY(result.ok());
        QCOMPARE(lines(log.currentFile()).size(), 1);
    }

    // Two AuditLog instances on threads of this process and a third in a child process append
    // and rotate small files at once: every line is whole, none is lost, each writer's lines
    // stay in order across the rotated files, and no file grows past the limit.
    void concurrentInstancesLoseNothing()
    {
        QTemporaryDir dir;
        const qint64 maxBytes = 8 * 1024;
        const int keep = 1000; // enough to keep everything: any missing line was lost, not dropped
        const int perWriter = 150;
        auto child = startChild({QStringLiteral("append"), dir.path(), QString::number(perWriter),
                                 QStringLiteral("child"), QString::number(maxBytes),
                                 QString::number(keep)});
        QVERIFY(child->waitForStarted(10000));
        QList<QThread *> threads;
        std::atomic<int> failures = 0;
        for (const QString &tag : {QStringLiteral("t1"), QStringLiteral("t2")}) {
            threads << QThread::create([&, tag] {
                AuditLog log(dir.path(), maxBytes, keep);
                for (int i = 0; i < perWriter; ++i)
                    if (!appendWrite(log, QStringLiteral("%1-%2").arg(tag).arg(i)))
                        ++failures;
            });
            threads.last()->start();
        }
        for (QThread *t : threads) {
            QVERIFY(t->wait(120000));
            delete t;
        }
        QVERIFY(child->waitForFinished(120000));
        QVERIFY2(child->exitCode() == 0, child->readAllStandardError().constData());
        QCOMPARE(int(failures), 0);

        const QMap<int, QString> files = auditFiles(dir.path());
        QVERIFY2(files.size() > 10, "the test must rotate many times");
        QCOMPARE(files.lastKey(), int(files.size()) - 1); // audit.1 … audit.N, no gap
        int total = 0;
        QSet<QString> intents, outcomes;
        for (const QString &file : files) {
            QVERIFY2(QFileInfo(file).size() <= maxBytes, qPrintable(file));
            for (const QString &line : lines(file)) {
                const nlohmann::json j = nlohmann::json::parse(line.toStdString(), nullptr, false);
                QVERIFY2(j.is_object(), qPrintable(line)); // not torn, not two lines mixed
                ++total;
                (j["phase"] == "intent" ? intents : outcomes)
                    .insert(QString::fromStdString(j["id"].get<std::string>()));
            }
        }
        QCOMPARE(total, 3 * perWriter * 2);
        QCOMPARE(intents.size(), 3 * perWriter);
        QCOMPARE(outcomes, intents);

        const QList<AuditEntry> entries = AuditLog::read(dir.path());
        QCOMPARE(entries.size(), 3 * perWriter);
        QHash<QString, int> next; // per writer, the index expected next: oldest first, in order
        for (const AuditEntry &e : entries) {
            QVERIFY(e.outcomeKnown());
            const QString tag = e.name.section(QLatin1Char('-'), 0, 0);
            QCOMPARE(e.name.section(QLatin1Char('-'), 1).toInt(), next.value(tag));
            next[tag] = next.value(tag) + 1;
        }
    }

    // SIGKILL at an arbitrary moment: every write the child reported as recorded is read back
    // with its outcome, at most the last one is left "outcome unknown", at most the last line
    // is torn, and the next instance appends at once (the killed holder's lock is stale).
    void killedWriterLosesNothingRecorded()
    {
        QTemporaryDir dir;
        auto child = startChild(
            {QStringLiteral("append"), dir.path(), QStringLiteral("0"), QStringLiteral("crash"),
             QString::number(AuditLog::DefaultMaxBytes), QString::number(AuditLog::DefaultKeep)});
        int acknowledged = -1;
        QByteArray out;
        QVERIFY(waitUntil(
            [&] {
                out += child->readAllStandardOutput();
                const QList<QByteArray> acks = out.split('\n');
                if (acks.size() >= 2)
                    acknowledged = acks.at(acks.size() - 2).toInt();
                return acknowledged >= 200 || child->state() == QProcess::NotRunning;
            },
            60000));
        QCOMPARE(child->state(), QProcess::Running);
        ::kill(pid_t(child->processId()), SIGKILL);
        QVERIFY(child->waitForFinished(10000));
        QCOMPARE(child->exitStatus(), QProcess::CrashExit);
        out += child->readAllStandardOutput();
        const QList<QByteArray> acks = out.trimmed().split('\n');
        acknowledged = acks.last().toInt();

        const QStringList raw = lines(dir.filePath(QStringLiteral("audit.jsonl")));
        for (int i = 0; i < raw.size() - 1; ++i)
            QVERIFY2(nlohmann::json::parse(raw.at(i).toStdString(), nullptr, false).is_object(),
                     qPrintable(raw.at(i)));

        const QList<AuditEntry> entries = AuditLog::read(dir.path());
        QVERIFY(entries.size() >= acknowledged + 1);
        QVERIFY(entries.size() <= acknowledged + 2); // plus the write the kill interrupted
        for (int i = 0; i < entries.size(); ++i) {
            QCOMPARE(entries.at(i).name, QStringLiteral("crash-%1").arg(i));
            if (i <= acknowledged)
                QVERIFY(entries.at(i).outcomeKnown());
        }

        QElapsedTimer timer;
        timer.start();
        AuditLog next(dir.path());
        QVERIFY(appendWrite(next, QStringLiteral("after")).ok());
        QVERIFY2(timer.elapsed() < AuditLog::LockTimeoutMs / 2,
                 qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(AuditLog::read(dir.path()).last().name, QStringLiteral("after"));
    }

    // A crash in the middle of a line, lock held: the torn line is skipped, the write it
    // belonged to reads as "outcome unknown", and the next append starts on a fresh line.
    void tornLineIsSkipped()
    {
        QTemporaryDir dir;
        auto child = startChild({QStringLiteral("tear"), dir.path()});
        QVERIFY(child->waitForFinished(20000));
        QCOMPARE(child->exitStatus(), QProcess::CrashExit);
        QVERIFY(
            QFile::exists(dir.filePath(QStringLiteral("audit.lock")))); // left behind by the dead
        QFile file(dir.filePath(QStringLiteral("audit.jsonl")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().endsWith('\n')); // really torn
        file.close();

        QList<AuditEntry> entries = AuditLog::read(dir.path());
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().name, QStringLiteral("torn"));
        QVERIFY(!entries.first().outcomeKnown());

        AuditLog log(dir.path());
        QVERIFY(appendWrite(log, QStringLiteral("after")).ok());
        entries = AuditLog::read(dir.path());
        QCOMPARE(entries.size(), 2);
        QVERIFY(!entries.at(0).outcomeKnown());
        QCOMPARE(entries.at(1).name, QStringLiteral("after"));
        QVERIFY(entries.at(1).outcomeKnown());
        const QStringList raw = lines(dir.filePath(QStringLiteral("audit.jsonl")));
        QCOMPARE(raw.size(), 4); // intent, torn half, intent, outcome
        QVERIFY(!nlohmann::json::parse(raw.at(1).toStdString(), nullptr, false).is_object());
        QVERIFY(nlohmann::json::parse(raw.at(2).toStdString(), nullptr, false).is_object());
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet(ChildVariable)) {
        QCoreApplication app(argc, argv);
        return childMain(qEnvironmentVariable(ChildVariable).split(QLatin1Char('\x1f')));
    }
    QCoreApplication app(argc, argv);
    tst_AuditDurability test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_auditdurability.moc"
