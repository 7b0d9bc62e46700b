// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QPair>
#include <QSet>
#include <QStringList>

class QFileSystemWatcher;
class QTimer;

namespace Orrery {

// Follows the kubeconfig files and the files their entries name (certificates, keys, token
// files) and says once, after the writes have settled, that some of them changed.
//
// Tools rewrite kubeconfigs by writing a temporary file and renaming it over the old one
// (`aws eks update-kubeconfig`, `az aks get-credentials`, `kubectl config`): the watch on the
// old file ends with it, so each file's directory is watched too, and a file that
// (re)appears is watched again. A file that does not exist yet is followed through its
// directory, so creating it counts as a change.
class KubeconfigWatcher : public QObject
{
    Q_OBJECT
public:
    explicit KubeconfigWatcher(QObject *parent = nullptr);
    ~KubeconfigWatcher() override;

    // Replaces the files followed (absolute paths).
    void setFiles(const QStringList &files);
    QStringList files() const { return m_files; }
    // Files currently watched directly (for tests: a replaced file is watched again).
    QStringList watchedFiles() const;
    // Writes closer together than this are one change (default 300 ms).
    void setSettleInterval(int ms);

signals:
    // Some of files() changed, appeared or disappeared; `paths` are those among files().
    void changed(const QStringList &paths);

private:
    void onFileChanged(const QString &path);
    void onDirectoryChanged(const QString &directory);
    void rearm();

    QFileSystemWatcher *m_watcher;
    QTimer *m_settle;
    QStringList m_files;
    QSet<QString> m_pending;
    // Size and modification time when last seen, so a directory event for an untouched file
    // (another file written beside it) is not a change.
    QHash<QString, QPair<qint64, qint64>> m_seen;
};

} // namespace Orrery
