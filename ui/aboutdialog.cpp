// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace Orrery {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Orrery"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        tr("Orrery %1\nNative Kubernetes cluster and deployment manager.\nGPL-3.0-or-later")
            .arg(QApplication::applicationVersion()),
        this));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace Orrery
