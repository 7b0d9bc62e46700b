// SPDX-License-Identifier: GPL-3.0-or-later
// orrery --alerts [--context C] [--kubeconfig F] [--alertmanager URL|service/NS/NAME[:PORT]]
// [--json]: the alerts Alertmanager has active (firing, neither silenced nor inhibited), each
// with the objects its labels attach it to (AlertIndex), as a table or JSON; or why there
// are none to show (AlertsUnavailable) and exit 1. Exit 2: usage or kubeconfig errors.

#include "commands.h"

#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "monitoring/alertindex.h"
#include "monitoring/alertlisting.h"
#include "monitoring/alertmanagerclient.h"
#include "util/jsonread.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

#include <memory>
#include <optional>

namespace Orrery::App {

namespace {

// Gives lupdate a context ("Alerts") for the free functions below.
class Alerts
{
    Q_DECLARE_TR_FUNCTIONS(Alerts)
};

constexpr int ExitUnavailable = 1;
constexpr int ExitUsage = 2;
constexpr int timeoutMs = 60000;

template <typename T> std::optional<T> wait(QEventLoop &loop, const std::optional<T> &value)
{
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    while (!value && timeout.isActive())
        loop.exec();
    return value;
}

// Node name -> its addresses, from the cluster's NodeList (for `instance` labels); empty
// when the cluster cannot be read (the alerts are still listed, by their other labels).
QHash<QString, QStringList> nodeAddresses(HttpTransport &transport)
{
    QObject guard;
    QEventLoop loop;
    std::optional<Result<ApiResponse>> answer;
    transport.get(QStringLiteral("/api/v1/nodes"), &guard, [&](const Result<ApiResponse> &r) {
        answer = r;
        loop.quit();
    });
    QHash<QString, QStringList> out;
    if (!wait(loop, answer) || !answer->ok() || !(*answer)->isSuccess())
        return out;
    const nlohmann::json list = JsonRead::parse((*answer)->body);
    for (const nlohmann::json &node : JsonRead::array(list, "items")) {
        const QString name = JsonRead::string(node, {"metadata", "name"});
        if (name.isEmpty())
            continue;
        QStringList addresses;
        for (const nlohmann::json &a :
             JsonRead::array(JsonRead::object(node, "status"), "addresses"))
            addresses << JsonRead::string(a, "address");
        out.insert(name, addresses);
    }
    return out;
}

} // namespace

int runAlerts(const QCommandLineParser &parser)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString named = parser.value(QStringLiteral("alertmanager"));
    if (named.isEmpty()) {
        err << Alerts::tr("orrery: %1").arg(AlertsUnavailable::notConfigured().text()) << '\n';
        return ExitUnavailable;
    }
    const Result<AlertmanagerEndpoint> endpoint = AlertmanagerEndpoint::parse(named);
    if (!endpoint) {
        err << Alerts::tr("orrery: %1").arg(endpoint.error().message) << '\n'
            << Alerts::tr("usage: orrery --alerts [--context NAME] [--kubeconfig FILE] "
                          "--alertmanager URL|service/NAMESPACE/NAME[:PORT] [--json]")
            << '\n';
        return ExitUsage;
    }

    // The context: needed to reach a Service; for a direct URL it only lends the nodes'
    // addresses (for `instance` labels), so a missing kubeconfig is no error then.
    const Kubeconfig config = Kubeconfig::load(parser.value(QStringLiteral("kubeconfig")));
    QString context = parser.value(QStringLiteral("context"));
    if (context.isEmpty())
        context = config.currentContext();
    Result<ClusterConnection> connection = config.connection(context);
    if (!connection && (!endpoint->isDirect() || parser.isSet(QStringLiteral("context")))) {
        err << Alerts::tr("orrery: context \"%1\": %2").arg(context, connection.error().toString())
            << '\n';
        return ExitUsage;
    }
    std::unique_ptr<HttpTransport> cluster;
    if (connection)
        cluster = std::make_unique<HttpTransport>(std::move(*connection));
    std::unique_ptr<HttpTransport> direct;
    if (endpoint->isDirect()) {
        ClusterConnection c;
        c.server = endpoint->url;
        c.contextName = context;
        direct = std::make_unique<HttpTransport>(std::move(c));
    }
    const AlertmanagerClient client(direct ? direct.get() : cluster.get(), endpoint->location);

    QObject guard;
    QEventLoop loop;
    std::optional<Result<QList<Alert>>> alerts;
    client.alerts(AlertFilter::activeOnly(), &guard, [&](const Result<QList<Alert>> &r) {
        alerts = r;
        loop.quit();
    });
    if (!wait(loop, alerts)) {
        Error e(Error::Code::Timeout, Alerts::tr("no answer in %1 s").arg(timeoutMs / 1000));
        err << Alerts::tr("orrery: %1")
                   .arg(AlertsUnavailable::fromError(e, endpoint->location,
                                                     client.transport()->connection().server)
                            .text())
            << '\n';
        return ExitUnavailable;
    }
    if (!alerts->ok()) {
        err << Alerts::tr("orrery: %1")
                   .arg(AlertsUnavailable::fromError(alerts->error(), endpoint->location,
                                                     client.transport()->connection().server)
                            .text())
            << '\n';
        return ExitUnavailable;
    }
    AlertIndex index(**alerts);
    if (cluster)
        index.setNodeAddresses(nodeAddresses(*cluster));
    if (json) {
        out << QString::fromUtf8(AlertListing::json(index, client.baseUrl()));
    } else if (index.isEmpty()) {
        err << Alerts::tr("No active alerts at %1").arg(client.baseUrl()) << '\n';
    } else {
        out << AlertListing::table(index, QDateTime::currentDateTimeUtc());
    }
    out.flush();
    err.flush();
    return 0;
}

} // namespace Orrery::App
