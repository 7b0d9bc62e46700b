// SPDX-License-Identifier: GPL-3.0-or-later
// Orrery's entry point: parses the command line, then runs a headless command under a
// QCoreApplication or the desktop application under a QApplication.

#include "commands.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

#include <memory>

using namespace Orrery;

namespace {

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Native Kubernetes cluster and deployment manager."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("kubeconfig"),
         QCoreApplication::translate("main", "Use only this kubeconfig file."),
         QCoreApplication::translate("main", "file")},
        {QStringLiteral("context"),
         QCoreApplication::translate("main", "Use this kubeconfig context."),
         QCoreApplication::translate("main", "name")},
        {QStringLiteral("list-contexts"),
         QCoreApplication::translate("main", "Print the merged kubeconfig contexts as JSON and exit.")},
        {QStringLiteral("doctor"),
         QCoreApplication::translate("main", "Check credentials, reachability, permissions and sync, then exit.")},
        {QStringLiteral("json"),
         QCoreApplication::translate("main", "With --doctor: print JSON instead of text.")},
        {QStringLiteral("demo"),
         QCoreApplication::translate("main", "Start on the embedded simulated demo cluster.")},
        {QStringLiteral("namespace"),
         QCoreApplication::translate("main", "Limit to this namespace (repeatable)."),
         QCoreApplication::translate("main", "name")},
        {QStringLiteral("export-topology"),
         QCoreApplication::translate("main", "Write the topology of --context to a .png, .svg or .json file and exit."),
         QCoreApplication::translate("main", "file")},
        {QStringLiteral("play"),
         QCoreApplication::translate("main", "Run a runbook against --context (or the --demo cluster), print each step's outcome and exit."),
         QCoreApplication::translate("main", "file")},
        {QStringLiteral("screenshot"),
         QCoreApplication::translate("main", "Render the main window to a PNG file once data is loaded, then exit."),
         QCoreApplication::translate("main", "file")},
        // For --screenshot: what to show before rendering (guiapplication.cpp).
        {QStringLiteral("select-kind"),
         QCoreApplication::translate("main", "With --screenshot: show this kind (e.g. Deployment)."),
         QCoreApplication::translate("main", "kind")},
        {QStringLiteral("select"),
         QCoreApplication::translate("main", "With --screenshot: select the first object whose name starts with this."),
         QCoreApplication::translate("main", "name")},
        {QStringLiteral("page"),
         QCoreApplication::translate("main", "With --screenshot: show this page instead of the tables (e.g. Topology, Runbooks, \"Helm releases\", \"Audit log\")."),
         QCoreApplication::translate("main", "title")},
        {QStringLiteral("details-tab"),
         QCoreApplication::translate("main", "With --screenshot: details tab to show (overview, yaml, events, logs)."),
         QCoreApplication::translate("main", "tab")},
        {QStringLiteral("theme"),
         QCoreApplication::translate("main", "Use this look for this run: system, light or dark (the setting is kept otherwise)."),
         QCoreApplication::translate("main", "look")},
        {QStringLiteral("welcome"),
         QCoreApplication::translate("main", "Show the welcome screen instead of starting the demo when there is no kubeconfig.")},
    });
}

// Loads the embedded translation for the user's UI languages (English is the source).
void installTranslator(QCoreApplication &app)
{
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("orrery"), QStringLiteral("_"),
                         QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}

bool wantsHeadless(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--list-contexts" || arg == "--doctor" || arg == "--help" || arg == "-h"
            || arg == "--version" || arg == "-v" || arg == "--play" || arg.startsWith("--play="))
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Orrery"));
    QCoreApplication::setApplicationName(QStringLiteral("Orrery"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ORRERY_VERSION));

    // Choose the application object before parsing: QApplication demands a display even for a
    // headless command, and option descriptions need the translator, which needs the object.
    std::unique_ptr<QCoreApplication> app;
    if (wantsHeadless(argc, argv))
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    installTranslator(*app);

    QCommandLineParser parser;
    addOptions(parser);
    parser.process(*app); // handles --help, --version and unknown options

    if (parser.isSet(QStringLiteral("list-contexts")))
        return App::runListContexts(parser);
    if (parser.isSet(QStringLiteral("doctor")))
        return App::runDoctor(parser);
    if (parser.isSet(QStringLiteral("play")))
        return App::runPlay(parser);
    if (parser.isSet(QStringLiteral("export-topology")))
        return App::runExportTopology(parser);
    return App::runGui(parser);
}
