// SPDX-License-Identifier: GPL-3.0-or-later
#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QSet>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Orrery {

namespace {

QString keysText(const QList<QKeySequence> &keys)
{
    QStringList out;
    for (const QKeySequence &key : keys)
        if (!key.isEmpty())
            out << key.toString(QKeySequence::NativeText);
    out.removeDuplicates();
    return out.join(QStringLiteral(", "));
}

QString plainText(QString text)
{
    return text.remove(QLatin1Char('&')).remove(QChar(0x2026)).trimmed();
}

} // namespace

QList<ShortcutsDialog::Row> ShortcutsDialog::widgetRows()
{
    return {
        {tr("Up, Down, Page Up, Page Down"), tr("Move in the table")},
        {tr("Down, Enter (in the filter)"), tr("Move from the filter into the rows")},
        {tr("Enter"), tr("Open the selected object's details")},
    };
}

QList<ShortcutsDialog::Row> ShortcutsDialog::rowsFor(const QWidget *window)
{
    QList<Row> rows;
    QSet<QString> seen;
    const auto add = [&](const QString &keys, const QString &action) {
        if (keys.isEmpty() || action.isEmpty() || seen.contains(keys + action))
            return;
        seen.insert(keys + action);
        rows << Row{keys, action};
    };
    if (window) {
        for (const QAction *action : window->findChildren<QAction *>())
            add(keysText(action->shortcuts()), plainText(action->text()));
        // Keys a page binds for itself (F5: the topology's presenter mode), described by
        // their "What's This" text.
        for (const QShortcut *shortcut : window->findChildren<QShortcut *>())
            add(keysText(shortcut->keys()), shortcut->whatsThis());
    }
    rows += widgetRows();
    return rows;
}

ShortcutsDialog::ShortcutsDialog(QWidget *window)
    : QDialog(window)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(this);
    const QList<Row> rows = rowsFor(window);
    m_table = new QTableWidget(int(rows.size()), 2, this);
    m_table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int i = 0; i < rows.size(); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(rows[i].keys));
        m_table->setItem(i, 1, new QTableWidgetItem(rows[i].action));
    }
    m_table->resizeColumnsToContents();
    layout->addWidget(m_table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 520);
}

} // namespace Orrery
