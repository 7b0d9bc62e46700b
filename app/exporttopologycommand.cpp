// SPDX-License-Identifier: GPL-3.0-or-later
// orrery --export-topology FILE.{png,svg,json} --context C [--kubeconfig F] [--namespace N ...]:
// connects like the application does, waits for the first full sync, builds the topology and
// writes it. Exit codes: 0 written, 1 cluster or file problem, 2 bad arguments.
#include "commands.h"

#include "kube/clustersession.h"
#include "kube/kubeconfig.h"
#include "kube/resourcestore.h"

#include <topologybuilder.h>
#include <topologyexporter.h>
#include <topologygraph.h>
#include <topologyscene.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QTextStream>
#include <QTimer>

#include <optional>

namespace Orrery::App {

namespace {

class ExportTopology
{
    Q_DECLARE_TR_FUNCTIONS(ExportTopology)
};

constexpr int s_syncTimeoutMs = 120000;

} // namespace

int runExportTopology(const QCommandLineParser &parser)
{
    const QString file = parser.value(QStringLiteral("export-topology"));
    if (!TopologyExporter::isSupported(file))
        return fail(2,
                    ExportTopology::tr(
                        "--export-topology needs a file ending in .png, .svg or .json, not \"%1\"")
                        .arg(file));
    const Kubeconfig config = Kubeconfig::load(parser.value(QStringLiteral("kubeconfig")));
    if (!config.isLoaded())
        return fail(1, ExportTopology::tr("no kubeconfig could be read"));
    QString context = parser.value(QStringLiteral("context"));
    if (context.isEmpty())
        context = config.currentContext();
    if (context.isEmpty())
        return fail(
            2, ExportTopology::tr(
                   "--export-topology needs --context (the kubeconfig has no current context)"));
    Result<ClusterConnection> connection = config.connection(context);
    if (!connection.ok())
        return fail(1, connection.error().toString());

    ClusterSession session(std::move(connection.value()));
    const QStringList namespaces = parser.values(QStringLiteral("namespace"));
    if (!namespaces.isEmpty())
        session.setNamespaces(namespaces);

    // Wait for the first full sync; the I/O runs on the session's worker thread.
    QEventLoop loop;
    std::optional<Error> discoveryError;
    bool synced = false;
    QObject::connect(&session, &ClusterSession::synced, &loop, [&] {
        synced = true;
        loop.quit();
    });
    QObject::connect(&session, &ClusterSession::discoveryFailed, &loop, [&](const Error &e) {
        discoveryError = e;
        loop.quit();
    });
    QTimer::singleShot(s_syncTimeoutMs, &loop, &QEventLoop::quit);
    session.start();
    if (!synced && !discoveryError)
        loop.exec();
    if (discoveryError)
        return fail(1, ExportTopology::tr("cannot reach context \"%1\": %2")
                           .arg(context, discoveryError->toString()));
    if (!synced)
        return fail(1, ExportTopology::tr("context \"%1\" did not finish syncing within %2 s")
                           .arg(context)
                           .arg(s_syncTimeoutMs / 1000));
    session.store()->flush();

    QList<KubeObjectPtr> objects;
    for (Kind kind : allKinds()) {
        if (TopologyBuilder::isTopologyKind(kind) || kind == Kind::Endpoints)
            objects += session.store()->objects(kind);
    }
    TopologyGraph graph;
    TopologyBuilder builder(&graph);
    builder.reset(objects);
    TopologyScene scene(&graph);
    scene.setAnimationsEnabled(false);
    if (!namespaces.isEmpty()) {
        TopologyFilter filter;
        filter.namespaces = namespaces;
        scene.setFilter(filter);
    } else {
        scene.rebuild();
    }
    const Result<void> written = TopologyExporter::write(&scene, file);
    if (!written.ok())
        return fail(1, written.error().toString());
    QTextStream(stdout) << ExportTopology::tr("wrote %1 (%2 nodes, %3 edges)")
                               .arg(QFileInfo(file).absoluteFilePath())
                               .arg(graph.nodeCount())
                               .arg(graph.edgeCount())
                        << '\n';
    return 0;
}

} // namespace Orrery::App
