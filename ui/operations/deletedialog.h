// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <operations/workloadoperations.h>

#include <QDialog>

class QComboBox;

namespace Orrery {

// Chooses the propagation policy of a delete (what happens to the object's dependants) and
// says what follows: a pod with a controller is recreated by it.
class DeleteDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DeleteDialog(const DeleteOperation &op, QWidget *parent = nullptr);

    WorkloadActions::Propagation propagation() const;
    QComboBox *propagationCombo() const { return m_propagation; }

private:
    QComboBox *m_propagation;
};

} // namespace Orrery
