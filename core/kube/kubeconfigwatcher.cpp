// SPDX-License-Identifier: GPL-3.0-or-later
#include "kubeconfigwatcher.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace Orrery {

namespace {

// Size and modification time in ms, or (-1, -1) for a file that does not exist.
QPair<qint64, qint64> stamp(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return {-1, -1};
    return {info.size(), info.lastModified().toMSecsSinceEpoch()};
}

} // namespace

KubeconfigWatcher::KubeconfigWatcher(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFileSystemWatcher(this))
    , m_settle(new QTimer(this))
{
    m_settle->setSingleShot(true);
    m_settle->setInterval(300);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &KubeconfigWatcher::onFileChanged);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this,
            &KubeconfigWatcher::onDirectoryChanged);
    connect(m_settle, &QTimer::timeout, this, [this] {
        rearm();
        QStringList paths;
        for (const QString &file : std::as_const(m_files))
            if (m_pending.contains(file))
                paths << file;
        m_pending.clear();
        if (!paths.isEmpty())
            emit changed(paths);
    });
}

KubeconfigWatcher::~KubeconfigWatcher() = default;

void KubeconfigWatcher::setSettleInterval(int ms)
{
    m_settle->setInterval(ms);
}

void KubeconfigWatcher::setFiles(const QStringList &files)
{
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    m_files.clear();
    m_seen.clear();
    m_pending.clear();
    for (const QString &file : files) {
        const QString path = QFileInfo(file).absoluteFilePath();
        if (path.isEmpty() || m_files.contains(path))
            continue;
        m_files << path;
        m_seen.insert(path, stamp(path));
    }
    rearm();
}

QStringList KubeconfigWatcher::watchedFiles() const
{
    return m_watcher->files();
}

void KubeconfigWatcher::rearm()
{
    const QStringList watchedFiles = m_watcher->files();
    const QStringList watchedDirectories = m_watcher->directories();
    for (const QString &file : std::as_const(m_files)) {
        if (!watchedFiles.contains(file) && QFileInfo::exists(file))
            m_watcher->addPath(file);
        const QString directory = QFileInfo(file).absolutePath();
        if (!watchedDirectories.contains(directory) && QFileInfo::exists(directory)
            && !m_watcher->directories().contains(directory))
            m_watcher->addPath(directory);
    }
}

void KubeconfigWatcher::onFileChanged(const QString &path)
{
    // Written in place, or renamed over / deleted (then the watch is gone: rearm() after the
    // writes settle watches the new file).
    m_pending.insert(path);
    m_seen.insert(path, stamp(path));
    m_settle->start();
}

void KubeconfigWatcher::onDirectoryChanged(const QString &directory)
{
    const QDir dir(directory);
    for (const QString &file : std::as_const(m_files)) {
        if (QFileInfo(file).absolutePath() != dir.absolutePath())
            continue;
        const QPair<qint64, qint64> now = stamp(file);
        // A rename over the file gives it a new inode: always a change, even with the same
        // size and time, when the direct watch is gone.
        const bool lostWatch = !m_watcher->files().contains(file);
        if (now != m_seen.value(file) || (lostWatch && now.first >= 0)) {
            m_seen.insert(file, now);
            m_pending.insert(file);
            m_settle->start();
        }
    }
}

} // namespace Orrery
