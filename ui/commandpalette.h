// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <palettemodel.h>

#include <QFrame>

class QLabel;
class QLineEdit;
class QListView;

namespace Orrery {

// Ctrl+K / Ctrl+P: a floating search box over the window that jumps to any page, kind,
// context, command or resource by fuzzy match, and says so when nothing matches. Up/Down
// move, Enter activates, Esc closes.
class CommandPalette : public QFrame
{
    Q_OBJECT
public:
    explicit CommandPalette(QWidget *parent);

    void setEntries(QList<PaletteEntry> entries);
    void popup(); // centred at the top of the parent, focused, pattern cleared

    QLineEdit *searchField() const { return m_search; }
    QListView *listView() const { return m_list; }
    PaletteFilterProxyModel *proxy() const { return m_proxy; }
    PaletteModel *model() const { return m_model; }
    // "Nothing matches …", shown instead of an empty list.
    QLabel *nothingLabel() const { return m_nothing; }

signals:
    void entryActivated(const Orrery::PaletteEntry &entry);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();
    void activate(const QModelIndex &proxyIndex);
    void updateNothing();

    PaletteModel *m_model;
    PaletteFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QListView *m_list;
    QLabel *m_nothing;
    bool m_applyingTheme = false;
};

} // namespace Orrery
