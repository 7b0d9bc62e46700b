// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QToolButton>

class QFrame;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;

namespace Orrery {

class NamespaceListModel;

// The namespace chooser above the tables: a button that says what is shown ("All
// namespaces", "shop", "3 namespaces") and opens a popup with type-to-search and a checkable
// list. Typing filters; Enter with exactly one match selects only that namespace.
class NamespaceFilter : public QToolButton
{
    Q_OBJECT
public:
    explicit NamespaceFilter(QWidget *parent = nullptr);

    NamespaceListModel *model() const { return m_model; }
    void setNamespaces(const QStringList &existing);
    void setSelected(const QStringList &selected);
    QStringList selected() const;

    // The popup's parts, for tests.
    QLineEdit *searchField() const { return m_search; }
    QListView *listView() const { return m_list; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    void showPopup();

signals:
    void selectionChanged(const QStringList &selected);

private:
    void updateText();

    NamespaceListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QFrame *m_popup;
    QLineEdit *m_search;
    QListView *m_list;
};

} // namespace Orrery
