// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlog.h"

#include "util/jsonread.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QStandardPaths>

namespace Orrery {

AuditLog::AuditLog(const QString &directory, qint64 maxBytes, int keep)
    : m_directory(directory.isEmpty() ? defaultDirectory() : directory)
    , m_maxBytes(maxBytes)
    , m_keep(std::max(1, keep))
{
}

QString AuditLog::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/audit");
}

QString AuditLog::currentFile() const
{
    return fileAt(0);
}

QString AuditLog::fileAt(int index) const
{
    return index == 0 ? m_directory + QStringLiteral("/audit.jsonl")
                      : m_directory + QStringLiteral("/audit.%1.jsonl").arg(index);
}

void AuditLog::rotate()
{
    QFile::remove(fileAt(m_keep));
    for (int i = m_keep - 1; i >= 0; --i) {
        if (QFile::exists(fileAt(i)))
            QFile::rename(fileAt(i), fileAt(i + 1));
    }
}

Result<void> AuditLog::append(const AuditEntry &entry)
{
    const QByteArray line = JsonRead::dumpBytes(entry.toJson()) + '\n';
    QMutexLocker lock(&m_mutex);
    if (!QDir().mkpath(m_directory))
        return Error(Error::Code::FileError,
                     QCoreApplication::translate("Orrery::AuditLog", "Cannot create the audit log directory."),
                     m_directory);
    const QFileInfo info(currentFile());
    if (info.exists() && info.size() > 0 && info.size() + line.size() > m_maxBytes)
        rotate();
    QFile file(currentFile());
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append))
        return Error(Error::Code::FileError,
                     QCoreApplication::translate("Orrery::AuditLog", "Cannot write the audit log: %1").arg(file.errorString()),
                     currentFile());
    // A crash can leave a partial last line; start on a fresh line so only that one is lost.
    QByteArray out = line;
    if (file.size() > 0 && file.seek(file.size() - 1) && file.read(1) != "\n")
        out.prepend('\n');
    // One write call per line so concurrent readers never see half an entry in practice,
    // and the reader skips one if they do.
    if (file.write(out) != out.size())
        return Error(Error::Code::FileError,
                     QCoreApplication::translate("Orrery::AuditLog", "Cannot write the audit log: %1").arg(file.errorString()),
                     currentFile());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

QList<AuditEntry> AuditLog::read(const QString &directory)
{
    QList<AuditEntry> out;
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
        QFile file(i == 0 ? dir.filePath(QStringLiteral("audit.jsonl")) : dir.filePath(QStringLiteral("audit.%1.jsonl").arg(i)));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const nlohmann::json j = JsonRead::parse(line);
            if (j.is_object())
                out.append(AuditEntry::fromJson(j));
        }
    }
    return out;
}

} // namespace Orrery
