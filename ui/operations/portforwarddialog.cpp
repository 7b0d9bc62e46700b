// SPDX-License-Identifier: GPL-3.0-or-later
#include "portforwarddialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Orrery {

PortForwardDialog::PortForwardDialog(const PortForwardOperation &op, QWidget *parent)
    : QDialog(parent)
    , m_pod(op.target().name)
{
    setObjectName(QStringLiteral("PortForwardDialog"));
    setWindowTitle(op.title());
    setMinimumWidth(440);
    auto *layout = new QVBoxLayout(this);
    auto *intro
        = new QLabel(tr("Forward a port of 127.0.0.1 on this computer to a port of pod "
                        "<b>%1</b> in namespace <b>%2</b>.")
                         .arg(op.target().name.toHtmlEscaped(), op.target().ns.toHtmlEscaped()),
                     this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_remote = new QComboBox(this);
    m_remote->setObjectName(QStringLiteral("remotePort"));
    m_remote->setEditable(true);
    m_remote->setInsertPolicy(QComboBox::NoInsert);
    m_remote->lineEdit()->setValidator(new QIntValidator(1, 65535, m_remote));
    for (const PodPort &p : op.ports()) {
        QString label = QString::number(p.port);
        if (!p.name.isEmpty())
            label += QStringLiteral(" (%1)").arg(p.name);
        label += QStringLiteral(" — %1").arg(p.container);
        if (p.protocol != QLatin1String("TCP"))
            label += QLatin1Char(' ') + p.protocol;
        m_remote->addItem(label, p.port);
    }
    form->addRow(tr("Pod port:"), m_remote);
    m_local = new QSpinBox(this);
    m_local->setObjectName(QStringLiteral("localPort"));
    m_local->setRange(0, 65535);
    m_local->setSpecialValueText(tr("Any free port"));
    form->addRow(tr("Local port:"), m_local);
    layout->addLayout(form);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_forward = buttons->addButton(op.actionLabel(), QDialogButtonBox::AcceptRole);
    m_forward->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_remote, &QComboBox::currentTextChanged, this, &PortForwardDialog::remoteChanged);
    connect(m_local, &QSpinBox::valueChanged, this, [this] {
        if (m_local->hasFocus())
            m_localEdited = true;
        remoteChanged();
    });
    if (op.ports().isEmpty())
        m_remote->setEditText(QString());
    remoteChanged();
}

int PortForwardDialog::remotePort() const
{
    // A declared port chosen from the list carries its number; a typed one is the text.
    const int index = m_remote->findText(m_remote->currentText());
    if (index >= 0)
        return m_remote->itemData(index).toInt();
    bool ok = false;
    const int typed = m_remote->currentText().trimmed().toInt(&ok);
    return ok ? typed : 0;
}

int PortForwardDialog::localPort() const
{
    return m_local->value();
}

void PortForwardDialog::remoteChanged()
{
    const int remote = remotePort();
    // The same number locally unless it needs privileges (kubectl LOCAL:REMOTE habit).
    if (!m_localEdited) {
        const QSignalBlocker block(m_local);
        m_local->setValue(remote >= 1024 ? remote : 0);
    }
    const bool valid = remote >= 1 && remote <= 65535;
    m_forward->setEnabled(valid);
    if (!valid) {
        m_summary->setText(tr("Choose or type the pod's port (1 to 65535)."));
        return;
    }
    m_summary->setText(
        localPort() ? tr("http://127.0.0.1:%1 will reach port %2 of %3.")
                          .arg(localPort())
                          .arg(remote)
                          .arg(m_pod)
                    : tr("A free local port will reach port %1 of %2.").arg(remote).arg(m_pod));
}

} // namespace Orrery
