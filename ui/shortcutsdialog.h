// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QTableWidget;

namespace Orrery {

// Help > Keyboard Shortcuts (Ctrl+/): the window's keys, one row each. The rows are read from
// the window itself (every QAction and QShortcut in it that has a key), so the list cannot
// drift from what the keys do; only the keys widgets handle themselves (moving in a table,
// from the filter into the rows) are written here.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *window = nullptr);

    struct Row
    {
        QString keys;   // "Ctrl+K, Ctrl+P" (native text)
        QString action; // "Go to Anything"
    };
    static QList<Row> rowsFor(const QWidget *window);
    // The keys handled by widgets rather than by actions.
    static QList<Row> widgetRows();

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace Orrery
