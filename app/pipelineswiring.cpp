// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelineswiring.h"

#include <mainwindow.h>
#include <pipelinespage.h>

#include <QApplication>

namespace Orrery::App {

PipelinesPage *installPipelinesPage(MainWindow &window)
{
    auto *page = new PipelinesPage;
    window.addCentralPage(QApplication::translate("GuiApplication", "Pipelines"), page);
    return page;
}

} // namespace Orrery::App
