// SPDX-License-Identifier: GPL-3.0-or-later
#include "operationpageswiring.h"

#include <mainwindow.h>

namespace Orrery::App {

void installOperationPages(MainWindow &window)
{
    Q_UNUSED(window);
}

} // namespace Orrery::App
