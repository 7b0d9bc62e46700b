// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMainWindow>

namespace Orrery::App {

int runGui(const QCommandLineParser &parser)
{
    QMainWindow window;
    window.setWindowTitle(QApplication::translate("main", "Orrery"));
    window.resize(1280, 800);
    if (parser.isSet(QStringLiteral("screenshot"))) {
        window.grab().save(parser.value(QStringLiteral("screenshot")));
        return 0;
    }
    window.show();
    return QApplication::exec();
}

} // namespace Orrery::App
