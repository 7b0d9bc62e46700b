// SPDX-License-Identifier: GPL-3.0-or-later
#include "setimagedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Orrery {

SetImageDialog::SetImageDialog(const SetImageOperation &op, QWidget *parent)
    : QDialog(parent)
    , m_containers(op.containers())
{
    setObjectName(QStringLiteral("SetImageDialog"));
    setWindowTitle(tr("Set image of %1").arg(op.target().displayName()));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_container = new QComboBox(this);
    m_container->setObjectName(QStringLiteral("container"));
    for (const Container &c : std::as_const(m_containers))
        m_container->addItem(c.init ? tr("%1 (init)").arg(c.name) : c.name, c.name);
    m_image = new QLineEdit(this);
    m_image->setObjectName(QStringLiteral("image"));
    m_image->setMinimumWidth(360);
    form->addRow(tr("Container:"), m_container);
    form->addRow(tr("Image:"), m_image);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Review\u2026"));
    auto update = [this, ok] {
        const int i = m_container->currentIndex();
        const QString current = i >= 0 ? m_containers.at(i).image : QString();
        ok->setEnabled(SetImageOperation::isNewImage(current, m_image->text().trimmed()));
    };
    connect(m_container, &QComboBox::currentIndexChanged, this, [this, update](int i) {
        if (i >= 0)
            m_image->setText(m_containers.at(i).image);
        update();
    });
    connect(m_image, &QLineEdit::textChanged, this, update);
    if (!m_containers.isEmpty())
        m_image->setText(m_containers.first().image);
    update();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString SetImageDialog::container() const
{
    return m_container->currentData().toString();
}

QString SetImageDialog::image() const
{
    return m_image->text().trimmed();
}

} // namespace Orrery
