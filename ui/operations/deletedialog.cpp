// SPDX-License-Identifier: GPL-3.0-or-later
#include "deletedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Orrery {

DeleteDialog::DeleteDialog(const DeleteOperation &op, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("DeleteDialog"));
    setWindowTitle(tr("Delete %1").arg(op.target().displayName()));
    auto *layout = new QVBoxLayout(this);
    if (const QString consequence = op.consequence(); !consequence.isEmpty()) {
        auto *note = new QLabel(consequence, this);
        note->setObjectName(QStringLiteral("podNote"));
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    auto *form = new QFormLayout;
    m_propagation = new QComboBox(this);
    m_propagation->setObjectName(QStringLiteral("propagation"));
    m_propagation->addItem(tr("Background: delete now, dependants are removed afterwards"),
                           int(WorkloadActions::Propagation::Background));
    m_propagation->addItem(tr("Foreground: dependants are removed first"),
                           int(WorkloadActions::Propagation::Foreground));
    m_propagation->addItem(tr("Orphan: keep the dependants"),
                           int(WorkloadActions::Propagation::Orphan));
    form->addRow(tr("Dependants:"), m_propagation);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Review\u2026"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

WorkloadActions::Propagation DeleteDialog::propagation() const
{
    return WorkloadActions::Propagation(m_propagation->currentData().toInt());
}

} // namespace Orrery
