// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <operations/workloadoperations.h>

#include <QDialog>
#include <QList>

class QComboBox;
class QLineEdit;

namespace Orrery {

// Picks a container of a workload's pod template and its new image (`kubectl set image`).
class SetImageDialog : public QDialog
{
    Q_OBJECT
public:
    using Container = SetImageOperation::Container;

    explicit SetImageDialog(const SetImageOperation &op, QWidget *parent = nullptr);

    QString container() const;
    QString image() const;

    QComboBox *containerCombo() const { return m_container; }
    QLineEdit *imageEdit() const { return m_image; }

private:
    QList<Container> m_containers;
    QComboBox *m_container;
    QLineEdit *m_image;
};

} // namespace Orrery
