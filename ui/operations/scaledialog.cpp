// SPDX-License-Identifier: GPL-3.0-or-later
#include "scaledialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Orrery {

ScaleDialog::ScaleDialog(const ScaleOperation &op, QWidget *parent)
    : QDialog(parent)
    , m_hpa(op.hpa())
{
    setObjectName(QStringLiteral("ScaleDialog"));
    setWindowTitle(tr("Scale %1").arg(op.target().displayName()));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    if (const std::optional<HpaTarget> &hpa = m_hpa) {
        auto *note = new QLabel(op.hpaNote(), this);
        note->setObjectName(QStringLiteral("hpaNote"));
        note->setWordWrap(true);
        layout->addWidget(note);
        m_min = new QSpinBox(this);
        m_min->setObjectName(QStringLiteral("minReplicas"));
        m_min->setRange(1, 10000);
        m_min->setValue(hpa->minReplicas);
        m_max = new QSpinBox(this);
        m_max->setObjectName(QStringLiteral("maxReplicas"));
        m_max->setRange(1, 10000);
        m_max->setValue(hpa->maxReplicas);
        form->addRow(tr("Minimum replicas:"), m_min);
        form->addRow(tr("Maximum replicas:"), m_max);
    } else {
        m_replicas = new QSpinBox(this);
        m_replicas->setObjectName(QStringLiteral("replicas"));
        m_replicas->setRange(0, 10000);
        m_replicas->setValue(op.currentReplicas());
        form->addRow(tr("Replicas (now %1):").arg(op.currentReplicas()), m_replicas);
    }
    layout->addLayout(form);
    m_permission = new QLabel(this);
    m_permission->setObjectName(QStringLiteral("permissionNote"));
    m_permission->setWordWrap(true);
    m_permission->hide();
    layout->addWidget(m_permission);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_review = buttons->button(QDialogButtonBox::Ok);
    m_review->setText(tr("Review\u2026"));
    if (m_min) {
        connect(m_min, &QSpinBox::valueChanged, this, &ScaleDialog::validate);
        connect(m_max, &QSpinBox::valueChanged, this, &ScaleDialog::validate);
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void ScaleDialog::validate()
{
    m_review->setEnabled(m_allowed && (!m_min || m_min->value() <= m_max->value()));
}

void ScaleDialog::setHpaPermission(const std::optional<QString> &denial)
{
    m_allowed = denial && denial->isEmpty();
    m_permission->setText(!denial ? tr("Checking permission\u2026") : *denial);
    m_permission->setVisible(!denial || !denial->isEmpty());
    m_review->setToolTip(!denial ? tr("Checking permission\u2026") : *denial);
    validate();
}

int ScaleDialog::replicas() const
{
    return m_replicas ? m_replicas->value() : -1;
}

int ScaleDialog::minReplicas() const
{
    return m_min ? m_min->value() : -1;
}

int ScaleDialog::maxReplicas() const
{
    return m_max ? m_max->value() : -1;
}

} // namespace Orrery
