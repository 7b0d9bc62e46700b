// SPDX-License-Identifier: GPL-3.0-or-later
// Orrery's entry point: parses the command line, then runs a headless command under a
// QCoreApplication or the desktop application under a QApplication.

#include "commands.h"

#include "kube/pluginprocess.h"
#include "util/async.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDebug>
#include <QLocale>
#include <QSettings>
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
         QCoreApplication::translate("main",
                                     "Print the merged kubeconfig contexts as JSON and exit.")},
        {QStringLiteral("doctor"),
         QCoreApplication::translate(
             "main", "Check credentials, reachability, permissions and sync, then exit.")},
        {QStringLiteral("json"),
         QCoreApplication::translate("main",
                                     "With --doctor or --alerts: print JSON instead of text.")},
        {QStringLiteral("demo"),
         QCoreApplication::translate("main", "Start on the embedded simulated demo cluster.")},
        {{QStringLiteral("n"), QStringLiteral("namespace")},
         QCoreApplication::translate("main", "Limit to this namespace (repeatable)."),
         QCoreApplication::translate("main", "name")},
        {{QStringLiteral("A"), QStringLiteral("all-namespaces")},
         QCoreApplication::translate("main", "With --top pods: every namespace.")},
        {QStringLiteral("top"),
         QCoreApplication::translate("main", "Print CPU and memory of pods or nodes of "
                                             "--context as `kubectl top` does, and exit."),
         QCoreApplication::translate("main", "pods|nodes")},
        {QStringLiteral("export-topology"),
         QCoreApplication::translate(
             "main", "Write the topology of --context to a .png, .svg or .json file and exit."),
         QCoreApplication::translate("main", "file")},
        {QStringLiteral("export-pipeline"),
         QCoreApplication::translate(
             "main", "Write a pipeline run's diagram (.png, .svg) or the run (.json) to the file "
                     "given after it, and exit. RUN: github:OWNER/REPO#ID, gitlab:PROJECT#ID, "
                     "jenkins@HOST:JOB#N (PROVIDER@HOST for other hosts) or file:RUN.json."),
         QCoreApplication::translate("main", "run")},
        {QStringLiteral("play"),
         QCoreApplication::translate("main", "Run a runbook against --context (or the --demo "
                                             "cluster), print each step's outcome and exit."),
         QCoreApplication::translate("main", "file")},
        {QStringLiteral("yes-i-mean"),
         QCoreApplication::translate("main", "With --play: allow the runbook's writes on a "
                                             "protected cluster; repeat the context name."),
         QCoreApplication::translate("main", "context")},
        {QStringLiteral("port-forward"),
         QCoreApplication::translate(
             "main", "Forward [LOCAL:]REMOTE (given after it) from 127.0.0.1 to the pod's port, "
                     "as `kubectl port-forward` does, until interrupted."),
         QCoreApplication::translate("main", "context/namespace/pod")},
        {QStringLiteral("screenshot"),
         QCoreApplication::translate(
             "main", "Render the main window to a PNG file once data is loaded, then exit."),
         QCoreApplication::translate("main", "file")},
        {QStringLiteral("view"),
         QCoreApplication::translate(
             "main", "Start on this view once the context has synced: a kind (Deployment, pods…) "
                     "or a page (Topology, Runbooks, \"Helm releases\", \"Audit log\")."),
         QCoreApplication::translate("main", "kind|page")},
        // For --screenshot: what to show before rendering (guiapplication.cpp).
        {QStringLiteral("select"),
         QCoreApplication::translate(
             "main", "With --screenshot: select the first object whose name starts with this."),
         QCoreApplication::translate("main", "name")},
        {QStringLiteral("screenshot-after-ms"),
         QCoreApplication::translate(
             "main", "With --screenshot: render this many milliseconds after the window is "
                     "shown, synced or not (a table still filling)."),
         QCoreApplication::translate("main", "ms")},
        {QStringLiteral("details-tab"),
         QCoreApplication::translate(
             "main",
             "With --screenshot: details tab to show (overview, yaml, events, logs, metrics)."),
         QCoreApplication::translate("main", "tab")},
        {QStringLiteral("prometheus"),
         QCoreApplication::translate(
             "main", "Use this Prometheus for the context shown at start: a URL or "
                     "namespace/name:port (kept as the context's setting, as in Preferences)."),
         QCoreApplication::translate("main", "where")},
        {QStringLiteral("theme"),
         QCoreApplication::translate(
             "main",
             "Use this look for this run: system, light or dark (the setting is kept otherwise)."),
         QCoreApplication::translate("main", "look")},
        {QStringLiteral("language"),
         QCoreApplication::translate(
             "main",
             "Use this language for this run: system, en or fr (the setting is kept otherwise)."),
         QCoreApplication::translate("main", "code")},
        {QStringLiteral("alerts"),
         QCoreApplication::translate(
             "main", "Print the active alerts of --context's Alertmanager (--alertmanager, else "
                     "the context's setting, else the one found among its Services) with the "
                     "objects they attach to, and exit (--json: as JSON).")},
        {QStringLiteral("alertmanager"),
         QCoreApplication::translate("main", "With --alerts: the Alertmanager, as an http(s) "
                                             "URL or service/NAMESPACE/NAME[:PORT] of "
                                             "--context (instead of the context's own)."),
         QCoreApplication::translate("main", "url")},
        {QStringLiteral("pipelines"),
         QCoreApplication::translate(
             "main", "Print the newest runs of --repo or --job with their jobs (stages) and exit "
                     "(--json: as JSON; --demo: the embedded simulator's GitHub).")},
        {QStringLiteral("provider"),
         QCoreApplication::translate("main", "With --pipelines: github, gitlab or jenkins."),
         QCoreApplication::translate("main", "provider")},
        {QStringLiteral("repo"),
         QCoreApplication::translate("main", "With --pipelines: the repository or project "
                                             "(OWNER/REPO, GROUP/PROJECT)."),
         QCoreApplication::translate("main", "repo")},
        {QStringLiteral("job"),
         QCoreApplication::translate("main", "With --pipelines: the Jenkins job (FOLDER/JOB)."),
         QCoreApplication::translate("main", "job")},
        {QStringLiteral("host"),
         QCoreApplication::translate("main", "With --pipelines: the provider's host (HOST[:PORT] "
                                             "or the API's URL); default github.com or "
                                             "gitlab.com."),
         QCoreApplication::translate("main", "host")},
        {QStringLiteral("ca"),
         QCoreApplication::translate("main", "With --pipelines: a PEM file of the CA to trust "
                                             "for --host."),
         QCoreApplication::translate("main", "file")},
        {QStringLiteral("limit"),
         QCoreApplication::translate("main", "With --pipelines: how many runs (default 20)."),
         QCoreApplication::translate("main", "N")},
        {QStringLiteral("clouds"),
         QCoreApplication::translate(
             "main", "Print the cloud accounts (AWS profiles, Azure, Google Cloud, Fly.io, "
                     "Railway) with their clusters and apps and exit (--json: as JSON; --demo: "
                     "the embedded simulator's clouds).")},
        {QStringLiteral("account"),
         QCoreApplication::translate("main", "With --clouds or --add-to-kubeconfig: only this "
                                             "account (as --clouds prints it, e.g. aws:prod)."),
         QCoreApplication::translate("main", "id")},
        {QStringLiteral("add-to-kubeconfig"),
         QCoreApplication::translate(
             "main", "Write a cloud cluster's context, cluster and user to the kubeconfig "
                     "(--kubeconfig, else the first of KUBECONFIG or ~/.kube/config) as the "
                     "provider's CLI would, with a backup, print the diff and exit."),
         QCoreApplication::translate("main", "ref")},
        {QStringLiteral("welcome"),
         QCoreApplication::translate(
             "main",
             "Show the welcome screen instead of starting the demo when there is no kubeconfig.")},
        {QStringLiteral("size"),
         QCoreApplication::translate("main", "The window's size, e.g. 928x513 (with --screenshot: "
                                             "the small-window layout)."),
         QCoreApplication::translate("main", "WIDTHxHEIGHT")},
    });
    // The desktop entry passes the files it was asked to open (Exec=orrery %F).
    parser.addPositionalArgument(
        QStringLiteral("manifests"),
        QCoreApplication::translate("main", "Manifest files (.yaml, .yml, .json) to open in "
                                            "\"Apply manifests\" once a context is connected."),
        QCoreApplication::translate("main", "[manifest...]"));
}

// The value of --language (or --language=), read before the parser exists: the option
// descriptions are translated, so the translator comes first.
QString languageArgument(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--language" && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (arg.startsWith("--language="))
            return QString::fromLocal8Bit(arg.mid(int(qstrlen("--language="))));
    }
    return {};
}

// Loads the embedded translation (English is the source): --language for this run, else
// Preferences → Language ("appearance/language"), else the user's UI languages.
void installTranslator(QCoreApplication &app, const QString &override)
{
    QString language = override.trimmed().toLower();
    if (language.isEmpty())
        language = QSettings().value(QStringLiteral("appearance/language")).toString();
    const QLocale locale = language == QLatin1String("fr")   ? QLocale(QLocale::French)
                           : language == QLatin1String("en") ? QLocale(QLocale::English)
                                                             : QLocale();
    auto *translator = new QTranslator(&app);
    // Without a translation for the user's languages, English is loaded anyway: it carries the
    // singular and plural forms ("1 pod", "2 pods") that the "%n pod(s)" sources leave open.
    if (translator->load(locale, QStringLiteral("orrery"), QStringLiteral("_"),
                         QStringLiteral(":/i18n"))
        || translator->load(QStringLiteral("orrery_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

int runCommand(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("list-contexts")))
        return App::runListContexts(parser);
    if (parser.isSet(QStringLiteral("doctor")))
        return App::runDoctor(parser);
    if (parser.isSet(QStringLiteral("play")))
        return App::runPlay(parser);
    if (parser.isSet(QStringLiteral("export-topology")))
        return App::runExportTopology(parser);
    if (parser.isSet(QStringLiteral("top")))
        return App::runTop(parser);
    if (parser.isSet(QStringLiteral("export-pipeline")))
        return App::runExportPipeline(parser);
    if (parser.isSet(QStringLiteral("alerts")))
        return App::runAlerts(parser);
    if (parser.isSet(QStringLiteral("pipelines")))
        return App::runPipelines(parser);
    if (parser.isSet(QStringLiteral("clouds")))
        return App::runClouds(parser);
    if (parser.isSet(QStringLiteral("add-to-kubeconfig")))
        return App::runAddToKubeconfig(parser);
    if (parser.isSet(QStringLiteral("port-forward")))
        return App::runPortForward(parser);
    return App::runGui(parser);
}

bool wantsHeadless(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--list-contexts" || arg == "--doctor" || arg == "--help" || arg == "-h"
            || arg == "--version" || arg == "-v" || arg == "--play" || arg.startsWith("--play=")
            || arg == "--top" || arg.startsWith("--top=") || arg == "--alerts"
            || arg == "--pipelines" || arg == "--clouds" || arg == "--add-to-kubeconfig"
            || arg.startsWith("--add-to-kubeconfig=") || arg == "--port-forward"
            || arg.startsWith("--port-forward="))
            return true;
    }
    return false;
}

// Quitting never waits for a credential plugin (a browser login may take minutes): the
// running ones are killed with their process groups, their threads get a second to return.
// Then the background runs (Async) are cancelled and get five seconds to return, so none
// outlives the objects it uses (a demo cluster still starting, an audit log being read).
void shutDownBackgroundWork()
{
    PluginProcessRegistry::global().shutdown();
    Async::synchronizer().cancelAndWait(std::chrono::seconds(5));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Orrery"));
    QCoreApplication::setApplicationName(QStringLiteral("Orrery"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ORRERY_VERSION));
    // Ties the windows to the installed desktop entry (its icon, on Wayland its app id).
    QGuiApplication::setDesktopFileName(QStringLiteral("org.orrery.Orrery"));

    // Choose the application object before parsing: QApplication demands a display even for a
    // headless command, and option descriptions need the translator, which needs the object.
    std::unique_ptr<QCoreApplication> app;
    if (wantsHeadless(argc, argv))
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    installTranslator(*app, languageArgument(argc, argv));

    QCommandLineParser parser;
    addOptions(parser);
    parser.process(*app); // handles --help, --version and unknown options
    if (const QString language = parser.value(QStringLiteral("language")).trimmed().toLower();
        !language.isEmpty() && language != QLatin1String("system")
        && language != QLatin1String("en") && language != QLatin1String("fr")) {
        qWarning().noquote() << QCoreApplication::translate(
                                    "main",
                                    "orrery: unknown --language \"%1\"; use system, en or fr.")
                                    .arg(language);
        return 2;
    }

    // aboutToQuit comes while the window and its pages still exist; headless commands return
    // without it.
    QObject::connect(app.get(), &QCoreApplication::aboutToQuit, app.get(), shutDownBackgroundWork);
    const int exitCode = runCommand(parser);
    shutDownBackgroundWork();
    return exitCode;
}
