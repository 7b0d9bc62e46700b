// SPDX-License-Identifier: GPL-3.0-or-later
#include "operationswiring.h"

#include <mainwindow.h>

namespace Orrery::App {

void installOperations(MainWindow &window)
{
    Q_UNUSED(window);
}

} // namespace Orrery::App
