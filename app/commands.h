// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTextStream>

class QCommandLineParser;

namespace Orrery::App {

// Headless commands: each prints its result and returns the process exit code.
// They run under a QCoreApplication and never touch the GUI.

// The exit codes the commands share (a command may add its own meanings, documented in
// installer/orrery.1): done, failed, bad usage.
constexpr int ExitOk = 0;
constexpr int ExitFailed = 1;
constexpr int ExitUsage = 2;

// Prints "orrery: <message>" on stderr and returns `code`.
inline int fail(int code, const QString &message)
{
    QTextStream(stderr) << "orrery: " << message << '\n';
    return code;
}

// --list-contexts [--kubeconfig F]: the merged kubeconfig as JSON (listcontextscommand.cpp).
int runListContexts(const QCommandLineParser &parser);

// --doctor [--context C] [--json]: credentials, reachability, permissions, full sync
// (doctorcommand.cpp).
int runDoctor(const QCommandLineParser &parser);

// --export-topology FILE.{png,svg,json} --context C [--namespace N ...]: waits for sync,
// writes the topology and exits (exporttopologycommand.cpp).
int runExportTopology(const QCommandLineParser &parser);

// --export-pipeline RUN FILE.{png,svg,json} [--theme light|dark]: reads the run (PipelineRunRef:
// PROVIDER[@HOST]:SOURCE#RUN through makePipelineClient(), or file:RUN.json) and writes its
// diagram or the run as JSON; exit 0 written, 1 provider or file problem, 2 usage
// (exportpipelinecommand.cpp).
int runExportPipeline(const QCommandLineParser &parser);

// --play FILE --context C [--kubeconfig F] [--namespace N] [--yes-i-mean C], or --play FILE
// --demo: runs a runbook through the audited writer, one output line per step; exit 0 all
// steps ok, 1 a step failed, 2 nothing ran (usage, kubeconfig, runbook error, pinned to
// another context, a write to a protected cluster without --yes-i-mean C) (playcommand.cpp).
int runPlay(const QCommandLineParser &parser);

// --top pods|nodes [--context C] [--kubeconfig F] [-n NS | -A]: what `kubectl top pod|node`
// prints, or why there are no metrics; exit 0, 1 no metrics, 2 usage (topcommand.cpp).
int runTop(const QCommandLineParser &parser);

// --alerts [--context C] [--kubeconfig F] [--alertmanager URL|service/NS/NAME[:PORT]] [--json]:
// the active alerts with the objects they attach to, from --alertmanager, else the context's
// Alertmanager setting, else the one discovered among its Services; exit 0, 1 none found or
// not answering (why, in words), 2 usage (alertscommand.cpp).
int runAlerts(const QCommandLineParser &parser);

// --pipelines --provider github|gitlab|jenkins --repo R|--job J [--host H] [--ca FILE] [--json]
// [--limit N], or --pipelines --demo --repo R: a source's newest runs with their jobs (stages),
// as a table or JSON; exit 0, 1 the error in words, 2 usage (pipelinescommand.cpp).
int runPipelines(const QCommandLineParser &parser);

// --clouds [--account A] [--json] [--demo]: the cloud accounts with their groups, clusters and
// apps; exit 0, 1 an account failed or none found, 2 usage (cloudscommand.cpp).
int runClouds(const QCommandLineParser &parser);

// --add-to-kubeconfig REF [--kubeconfig F] [--account A] [--demo]: writes the cluster's
// context as the provider's CLI would, after printing the diff, with a backup; exit 0, 1 not
// found or not written, 2 usage (cloudscommand.cpp).
int runAddToKubeconfig(const QCommandLineParser &parser);

// --port-forward CONTEXT/NAMESPACE/POD [LOCAL:]REMOTE [--kubeconfig F]: `kubectl port-forward`
// through the audited PortForwardOperation, until SIGINT or SIGTERM; exit 0, 1 refused (why,
// in words), 2 usage (portforwardcommand.cpp).
int runPortForward(const QCommandLineParser &parser);

// The desktop application (guiapplication.cpp). Runs under a QApplication.
int runGui(const QCommandLineParser &parser);

} // namespace Orrery::App
