// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditentry.h"
#include "util/async.h"
#include "util/result.h"

#include <QFuture>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include <functional>

namespace Orrery {

// Append-only JSON-lines log of every write Orrery sends, for the audit viewer.
// Files: audit.jsonl (current), audit.1.jsonl (previous) ... audit.<keep>.jsonl (oldest).
// When appending would grow audit.jsonl past maxBytes, the files shift by one and the oldest
// is dropped.
//
// Durability (docs/RELIABILITY.md, "Audit log"): append() returns only once the line is on
// disk (one unbuffered write(2), then fsync), and every step's result is checked, so a full
// disk or a read-only directory is an Error now rather than a silent loss at close. A crash
// mid-write leaves at most one torn line, which the next append() steps over (it starts on a
// fresh line) and read() skips.
//
// Concurrency: appends from threads of this process are serialised by a mutex; appends and
// rotations of every Orrery instance sharing the directory are serialised by a lock file
// (QLockFile "audit.lock" in the directory; a lock left by a killed process is recognised as
// stale by its dead PID and taken over).
class AuditLog : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 DefaultMaxBytes = 5 * 1024 * 1024;
    static constexpr int DefaultKeep = 5;
    // How long append() waits for another instance's lock before giving up with an Error.
    static constexpr int LockTimeoutMs = 10000;

    // `directory` empty: QStandardPaths::AppDataLocation + "/audit".
    explicit AuditLog(const QString &directory = {}, qint64 maxBytes = DefaultMaxBytes,
                      int keep = DefaultKeep, QObject *parent = nullptr);

    // Appends one line durably (see above). On failure also emits writeFailed, so whoever
    // shows the window (or the CLI's stderr) hears about it even when the caller cannot say
    // more than "the write failed". Callable from any thread.
    Result<void> append(const AuditEntry &entry);
    // append() on a worker (Async::run), so the caller's thread never waits for the disk:
    // `make` builds the entry there too (summarising a request body may decode it). The future
    // holds the entry appended, or why it could not be. Call it on the log's thread; the log
    // waits for the appends still running when it is destroyed.
    QFuture<Result<AuditEntry>> appendLater(std::function<AuditEntry()> make);

    QString directory() const { return m_directory; }
    QString currentFile() const;
    QString lockFile() const;
    static QString defaultDirectory();

    // Every write recorded in `directory`, oldest first, one entry per write: an outcome line
    // is folded into the intent line with the same id (an entry left at Phase::Intent has no
    // recorded outcome). Lines that are not a JSON object (a crash mid-write) are skipped.
    static QList<AuditEntry> read(const QString &directory);

signals:
    // A translated, one-line explanation of a failed append (the path and the system's
    // reason). Emitted on the appending thread; connect with a context object.
    void writeFailed(const QString &message);

private:
    Result<void> appendLocked(const QByteArray &line);
    Result<void> rotate();
    QString fileAt(int index) const;
    Error fail(Error error);

    QString m_directory;
    qint64 m_maxBytes;
    int m_keep;
    QMutex m_mutex;
    // Last: destroyed first, it waits for appendLater()'s runs while the rest still exists.
    Async::Synchronizer m_pending;
};

} // namespace Orrery
