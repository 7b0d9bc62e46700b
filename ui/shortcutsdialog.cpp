// SPDX-License-Identifier: GPL-3.0-or-later
#include "shortcutsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Orrery {

ShortcutsDialog::ShortcutsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(this);
    const QList<std::pair<QString, QString>> rows = {
        {tr("Ctrl+K, Ctrl+P"), tr("Go to any resource, kind or context")},
        {tr("Ctrl+F"), tr("Filter the table (text or label selector)")},
        {tr("Ctrl+N"), tr("Choose namespaces")},
        {tr("Up, Down, Page Up, Page Down"), tr("Move in the table")},
        {tr("Enter"), tr("Open the selected object's details")},
        {tr("Esc, Alt+Left"), tr("Back (to the table, or the previous object)")},
        {tr("Ctrl+1 … Ctrl+4"), tr("Details: Overview, YAML, Events, Logs")},
        {tr("Ctrl+Alt+Up, Ctrl+Alt+Down"), tr("Previous or next context")},
        {tr("Ctrl+R"), tr("Reconnect the cluster (relist everything)")},
        {tr("Ctrl+,"), tr("Preferences: theme and language")},
        {tr("Ctrl+/"), tr("This list")},
    };
    auto *table = new QTableWidget(int(rows.size()), 2, this);
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    for (int i = 0; i < rows.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows[i].first));
        table->setItem(i, 1, new QTableWidgetItem(rows[i].second));
    }
    table->resizeColumnsToContents();
    layout->addWidget(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 400);
}

} // namespace Orrery
