// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlog.h"

#include "util/jsonread.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLockFile>
#include <QMutexLocker>
#include <QStandardPaths>

#include <cerrno>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::AuditLog", text);
}

Error fileError(const QString &message, const QString &path)
{
    return Error(Error::Code::FileError, message, QDir::toNativeSeparators(path));
}

// Forces what the kernel holds for `fd` to the disk: without it a power cut after append()
// returned could still lose the line. 0 or errno.
int syncDescriptor(int fd)
{
#ifdef Q_OS_UNIX
    return ::fsync(fd) == 0 ? 0 : errno;
#else
    Q_UNUSED(fd);
    return 0; // Orrery ships for Linux; elsewhere the unbuffered write is the best we do
#endif
}

// A rename or a new file is only durable once its directory entry is: sync the directory.
int syncDirectory(const QString &path)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    const int error = syncDescriptor(fd);
    ::close(fd);
    return error;
#else
    Q_UNUSED(path);
    return 0;
#endif
}

QString lockFailure(const QLockFile &lock)
{
    switch (lock.error()) {
    case QLockFile::LockFailedError: {
        qint64 pid = 0;
        QString host, app;
        if (lock.getLockInfo(&pid, &host, &app))
            return tr("another Orrery (process %1 on %2) has held the audit log's lock for more "
                      "than %3 seconds")
                .arg(pid)
                .arg(host)
                .arg(AuditLog::LockTimeoutMs / 1000);
        return tr("another process has held the audit log's lock for more than %1 seconds")
            .arg(AuditLog::LockTimeoutMs / 1000);
    }
    case QLockFile::PermissionError:
        return tr("the audit directory does not allow creating its lock file");
    case QLockFile::NoError:
    case QLockFile::UnknownError: break;
    }
    return tr("the audit log's lock file could not be created");
}

} // namespace

AuditLog::AuditLog(const QString &directory, qint64 maxBytes, int keep, QObject *parent)
    : QObject(parent)
    , m_directory(directory.isEmpty() ? defaultDirectory() : directory)
    , m_maxBytes(maxBytes)
    , m_keep(std::max(1, keep))
{
}

QString AuditLog::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/audit");
}

QString AuditLog::currentFile() const
{
    return fileAt(0);
}

QString AuditLog::lockFile() const
{
    return m_directory + QStringLiteral("/audit.lock");
}

QString AuditLog::fileAt(int index) const
{
    return index == 0 ? m_directory + QStringLiteral("/audit.jsonl")
                      : m_directory + QStringLiteral("/audit.%1.jsonl").arg(index);
}

Error AuditLog::fail(Error error)
{
    emit writeFailed(
        tr("The audit log could not be written (%1): %2").arg(error.context, error.message));
    return error;
}

Result<void> AuditLog::rotate()
{
    if (QFile::exists(fileAt(m_keep)) && !QFile::remove(fileAt(m_keep)))
        return fileError(tr("cannot remove the oldest audit file"), fileAt(m_keep));
    for (int i = m_keep - 1; i >= 0; --i) {
        if (QFile::exists(fileAt(i)) && !QFile::rename(fileAt(i), fileAt(i + 1)))
            return fileError(tr("cannot rotate the audit files"), fileAt(i));
    }
    return {};
}

Result<void> AuditLog::append(const AuditEntry &entry)
{
    const QByteArray line = JsonRead::dumpBytes(entry.toJson()) + '\n';
    QMutexLocker threads(&m_mutex);
    if (!QDir().mkpath(m_directory))
        return fail(fileError(tr("cannot create the audit directory"), m_directory));
    // Other instances (a second window's process, `orrery --play`) rotate the same files:
    // checking the size, renaming and appending must be one step for all of them.
    QLockFile lock(lockFile());
    if (!lock.tryLock(LockTimeoutMs))
        return fail(fileError(lockFailure(lock), lockFile()));
    auto written = appendLocked(line);
    if (!written)
        return fail(written.error());
    return {};
}

QFuture<Result<AuditEntry>> AuditLog::appendLater(std::function<AuditEntry()> make)
{
    return Async::run(m_pending, [this, make = std::move(make)]() -> Result<AuditEntry> {
        AuditEntry entry = make();
        if (Result<void> appended = append(entry); !appended)
            return appended.error();
        return entry;
    });
}

Result<void> AuditLog::appendLocked(const QByteArray &line)
{
    const QFileInfo info(currentFile());
    bool directoryChanged = !info.exists();
    if (info.exists() && info.size() > 0 && info.size() + line.size() > m_maxBytes) {
        if (auto rotated = rotate(); !rotated)
            return rotated.error();
        directoryChanged = true;
    }
    // Unbuffered: QFile's buffer would turn a full disk into an error at close(), which
    // nobody checks; a direct write(2) reports it here.
    QFile file(currentFile());
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append | QIODevice::Unbuffered))
        return fileError(file.errorString(), currentFile());
    if (directoryChanged)
        file.setPermissions(QFileDevice::ReadOwner
                            | QFileDevice::WriteOwner); // best effort (FAT, shares)
    // A crash can leave a partial last line; start on a fresh line so only that one is lost.
    QByteArray out = line;
    if (!file.isSequential() && file.size() > 0 && file.seek(file.size() - 1)
        && file.read(1) != "\n")
        out.prepend('\n');
    // One write call per line: with the lock held nobody interleaves, and a reader (the
    // viewer does not lock) sees at worst one incomplete last line, which it skips.
    const qint64 written = file.write(out);
    if (written != out.size())
        return fileError(written < 0
                             ? file.errorString()
                             : tr("short write (%1 of %2 bytes)").arg(written).arg(out.size()),
                         currentFile());
    if (!file.flush())
        return fileError(file.errorString(), currentFile());
    if (const int error = syncDescriptor(file.handle()))
        return fileError(qt_error_string(error), currentFile());
    if (directoryChanged) {
        if (const int error = syncDirectory(m_directory))
            return fileError(qt_error_string(error), m_directory);
    }
    return {};
}

QList<AuditEntry> AuditLog::read(const QString &directory)
{
    QList<AuditEntry> out;
    QHash<QString, qsizetype> intents; // id → index in `out` of the write's intent
    QDir dir(directory);
    // Oldest file first: the highest rotation index.
    QList<int> indexes;
    for (const QString &name : dir.entryList({QStringLiteral("audit.*jsonl")}, QDir::Files)) {
        if (name == QLatin1String("audit.jsonl")) {
            indexes.append(0);
            continue;
        }
        bool ok = false;
        const int i = name.section(QLatin1Char('.'), 1, 1).toInt(&ok);
        if (ok)
            indexes.append(i);
    }
    std::sort(indexes.begin(), indexes.end(), std::greater<int>());
    for (int i : indexes) {
        QFile file(i == 0 ? dir.filePath(QStringLiteral("audit.jsonl"))
                          : dir.filePath(QStringLiteral("audit.%1.jsonl").arg(i)));
        // Regular files only: a device behind the name (/dev/zero, /dev/full) never ends.
        if (!QFileInfo(file).isFile() || !file.open(QIODevice::ReadOnly))
            continue;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const nlohmann::json j = JsonRead::parse(line);
            if (!j.is_object())
                continue;
            AuditEntry e = AuditEntry::fromJson(j);
            if (e.phase == AuditEntry::Phase::Outcome && !e.id.isEmpty()) {
                const auto it = intents.constFind(e.id);
                if (it != intents.constEnd()) {
                    AuditEntry &write = out[*it];
                    write.phase = AuditEntry::Phase::Outcome;
                    write.status = e.status;
                    write.result = e.result;
                    continue;
                }
                // The intent was rotated away: the outcome alone still says what happened.
            }
            if (e.phase == AuditEntry::Phase::Intent && !e.id.isEmpty())
                intents.insert(e.id, out.size());
            out.append(std::move(e));
        }
    }
    return out;
}

} // namespace Orrery
