// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include <QTextStream>

namespace Orrery::App {

int runExportTopology(const QCommandLineParser &)
{
    QTextStream(stderr) << "orrery: --export-topology is not implemented yet\n";
    return 2;
}

} // namespace Orrery::App
