// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QPushButton;
class QTableView;

namespace Orrery {

class PortForwardListModel;

// The active port-forwards (PortForwardListModel) with Stop, Open in Browser and Copy Address
// for the selected one; a double click opens it. Shown in the "Port Forwards" dock.
class PortForwardsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PortForwardsPanel(PortForwardListModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QPushButton *stopButton() const { return m_stop; }
    void selectRow(int row);

private:
    int currentRow() const;
    void updateButtons();

    PortForwardListModel *m_model;
    QTableView *m_table = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace Orrery
