// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditentry.h"
#include "util/result.h"

#include <QList>
#include <QMutex>
#include <QString>

namespace Orrery {

// Append-only JSON-lines log of every write Orrery sends, for the audit viewer.
// Files: audit.jsonl (current), audit.1.jsonl (previous) ... audit.<keep>.jsonl (oldest).
// When appending would grow audit.jsonl past maxBytes, the files shift by one and the oldest
// is dropped. Thread-safe: writes come from whichever thread finished the request.
class AuditLog
{
public:
    static constexpr qint64 DefaultMaxBytes = 5 * 1024 * 1024;
    static constexpr int DefaultKeep = 5;

    // `directory` empty: QStandardPaths::AppDataLocation + "/audit".
    explicit AuditLog(const QString &directory = {}, qint64 maxBytes = DefaultMaxBytes, int keep = DefaultKeep);

    Result<void> append(const AuditEntry &entry);

    QString directory() const { return m_directory; }
    QString currentFile() const;
    static QString defaultDirectory();

    // Every entry of the log in `directory`, oldest first. Malformed lines (a crash mid-write)
    // are skipped.
    static QList<AuditEntry> read(const QString &directory);

private:
    void rotate();
    QString fileAt(int index) const;

    QString m_directory;
    qint64 m_maxBytes;
    int m_keep;
    QMutex m_mutex;
};

} // namespace Orrery
