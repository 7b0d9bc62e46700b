// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QFileSystemWatcher;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace Orrery {

class AuditTableModel;

// The audit log viewer: every write Orrery sent (AuditLog, JSON lines), newest first, with a
// text filter over all columns. Follows the files as they change (a write from the operations
// UI or a rotation) and reads them off the GUI thread.
class AuditPage : public QWidget
{
    Q_OBJECT
public:
    explicit AuditPage(const QString &directory, QWidget *parent = nullptr);
    ~AuditPage() override;

    QString directory() const { return m_directory; }
    // Re-reads the log now (also done on every change of its files).
    void reload();

    // For tests.
    AuditTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    int reloadCount() const { return m_reloads; }

signals:
    void reloaded();

private:
    void watchFiles();
    void openFolder();

    QString m_directory;
    AuditTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QLabel *m_status;
    QPushButton *m_openFolder;
    QFileSystemWatcher *m_watcher;
    QTimer *m_debounce;
    quint64 m_generation = 0; // drops a read that a newer one overtook
    int m_reloads = 0;
};

} // namespace Orrery
