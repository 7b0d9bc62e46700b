// SPDX-License-Identifier: GPL-3.0-or-later
// orrery --top pods|nodes [--context C] [--kubeconfig F] [-n NS | -A]: prints what
// `kubectl top pod` / `kubectl top node` print on the same cluster (same columns, numbers and
// spacing; core/monitoring/kubectltop.h), or says why there are no metrics
// (MetricsUnavailable) and exits 1. Exit 2: usage or kubeconfig errors.

#include "commands.h"
#include "headlesswait.h"

#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "monitoring/kubectltop.h"
#include "monitoring/metricspoller.h"
#include "monitoring/metricsunavailable.h"
#include "util/jsonread.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

namespace Orrery::App {

namespace {

// Gives lupdate a context ("Top") for the free functions below.
class Top
{
    Q_DECLARE_TR_FUNCTIONS(Top)
};

constexpr int ExitNoMetrics = 1;

// The minor version the server reports ("32", "29+"), 0 when unknown.
int serverMinor(const Result<ApiResponse> &r)
{
    if (!r.ok() || !r->isSuccess())
        return 0;
    QString minor = JsonRead::string(JsonRead::parse(r->body), "minor");
    while (!minor.isEmpty() && !minor.back().isDigit())
        minor.chop(1);
    return minor.toInt();
}

int fail(QTextStream &err, const MetricsUnavailable &why)
{
    err << Top::tr("orrery: %1").arg(why.text()) << '\n';
    return ExitNoMetrics;
}

int topPods(HttpTransport &transport, const QString &ns, QTextStream &out, QTextStream &err)
{
    QObject guard;
    QEventLoop loop;
    std::optional<Result<PodMetricsList>> pods;
    MetricsPoller::fetchPods(&transport, ns, &guard, [&](const Result<PodMetricsList> &r) {
        pods = r;
        loop.quit();
    });
    if (!waitUntil([&] { return pods.has_value(); }, loop))
        return fail(err, MetricsUnavailable::apiError(
                             0, Top::tr("no answer in %1 s").arg(headlessTimeoutMs / 1000)));
    if (!pods->ok())
        return fail(err, MetricsUnavailable::fromError(pods->error(), QStringLiteral("list"),
                                                       QStringLiteral("pods"), ns));
    for (const QString &line : (*pods)->skipped)
        err << Top::tr("orrery: left out: %1").arg(line) << '\n';
    if ((*pods)->items.isEmpty()) {
        // As kubectl: no pods at all is an empty answer; pods without samples are not.
        std::optional<Result<ApiResponse>> list;
        const QString path
            = (ns.isEmpty() ? QStringLiteral("/api/v1/pods")
                            : QStringLiteral("/api/v1/namespaces/%1/pods")
                                  .arg(QString::fromLatin1(QUrl::toPercentEncoding(ns))))
              + QStringLiteral("?limit=1");
        transport.get(path, &guard, [&](const Result<ApiResponse> &r) {
            list = r;
            loop.quit();
        });
        waitUntil([&] { return list.has_value(); }, loop);
        if (list && list->ok() && (*list)->isSuccess()) {
            const nlohmann::json doc = JsonRead::parse((*list)->body);
            const nlohmann::json &items = JsonRead::array(doc, "items");
            if (!items.empty())
                return fail(err, MetricsUnavailable::noSample(
                                     QStringLiteral("pod"),
                                     JsonRead::string(items.front(), {"metadata", "namespace"}),
                                     JsonRead::string(items.front(), {"metadata", "name"})));
        }
        if (ns.isEmpty())
            err << Top::tr("No resources found") << '\n';
        else
            err << Top::tr("No resources found in %1 namespace.").arg(ns) << '\n';
        return 0;
    }
    out << KubectlTop::pods((*pods)->items, ns.isEmpty());
    return 0;
}

int topNodes(HttpTransport &transport, QTextStream &out, QTextStream &err)
{
    QObject guard;
    QEventLoop loop;
    std::optional<Result<ApiResponse>> version;
    std::optional<Result<NodeMetricsList>> nodes;
    std::optional<Result<QMap<QString, NodeAllocatable>>> allocatable;
    transport.get(QStringLiteral("/version"), &guard, [&](const Result<ApiResponse> &r) {
        version = r;
        loop.quit();
    });
    MetricsPoller::fetchNodes(&transport, &guard, [&](const Result<NodeMetricsList> &r) {
        nodes = r;
        loop.quit();
    });
    MetricsPoller::fetchAllocatable(&transport, &guard,
                                    [&](const Result<QMap<QString, NodeAllocatable>> &r) {
                                        allocatable = r;
                                        loop.quit();
                                    });
    if (!waitUntil([&] { return version && nodes && allocatable; }, loop))
        return fail(err, MetricsUnavailable::apiError(
                             0, Top::tr("no answer in %1 s").arg(headlessTimeoutMs / 1000)));
    if (!nodes->ok())
        return fail(err, MetricsUnavailable::fromError(nodes->error(), QStringLiteral("list"),
                                                       QStringLiteral("nodes"), QString()));
    if (!allocatable->ok()) {
        err << Top::tr("orrery: %1").arg(allocatable->error().toString()) << '\n';
        return ExitNoMetrics;
    }
    for (const QString &line : (*nodes)->skipped)
        err << Top::tr("orrery: left out: %1").arg(line) << '\n';
    if ((*nodes)->items.isEmpty())
        return fail(err, MetricsUnavailable::noSample(
                             QStringLiteral("node"), QString(),
                             (*allocatable)->isEmpty() ? QString() : (*allocatable)->firstKey()));
    // kubectl's version follows the server's (kubectl's skew policy; the gcloud dispatcher
    // picks it so), and kubectl 1.32 changed the percentage headers.
    out << KubectlTop::nodes((*nodes)->items, **allocatable,
                             KubectlTop::parenthesisedPercent(serverMinor(*version)));
    return 0;
}

} // namespace

int runTop(const QCommandLineParser &parser)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString what = parser.value(QStringLiteral("top"));
    const bool pods = what == QLatin1String("pods") || what == QLatin1String("pod")
                      || what == QLatin1String("po");
    const bool nodes = what == QLatin1String("nodes") || what == QLatin1String("node")
                       || what == QLatin1String("no");
    const QStringList namespaces = parser.values(QStringLiteral("namespace"));
    const bool all = parser.isSet(QStringLiteral("all-namespaces"));
    if ((!pods && !nodes) || namespaces.size() > 1 || (all && !namespaces.isEmpty())) {
        err << Top::tr("usage: orrery --top pods|nodes [--context NAME] [--kubeconfig FILE] "
                       "[-n NAMESPACE | -A]")
            << '\n';
        return ExitUsage;
    }
    const Kubeconfig config = Kubeconfig::load(parser.value(QStringLiteral("kubeconfig")));
    QString context = parser.value(QStringLiteral("context"));
    if (context.isEmpty())
        context = config.currentContext();
    Result<ClusterConnection> connection = config.connection(context);
    if (!connection) {
        err << Top::tr("orrery: context \"%1\": %2").arg(context, connection.error().toString())
            << '\n';
        return ExitUsage;
    }
    const QString ns = all ? QString()
                           : namespaces.value(0, connection->defaultNamespace.isEmpty()
                                                     ? QStringLiteral("default")
                                                     : connection->defaultNamespace);
    HttpTransport transport(std::move(*connection));
    const int code = pods ? topPods(transport, ns, out, err) : topNodes(transport, out, err);
    out.flush();
    err.flush();
    return code;
}

} // namespace Orrery::App
