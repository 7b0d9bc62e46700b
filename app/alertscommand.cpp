// SPDX-License-Identifier: GPL-3.0-or-later
// orrery --alerts [--context C] [--kubeconfig F] [--alertmanager URL|service/NS/NAME[:PORT]]
// [--json]: the alerts Alertmanager has active (firing, neither silenced nor inhibited), each
// with the objects its labels attach it to (AlertIndex), as a table or JSON; or why there
// are none to show (AlertsUnavailable) and exit 1. Exit 2: usage or kubeconfig errors.
//
// Which Alertmanager, as the window picks it: --alertmanager when given; else the context's
// Alertmanager setting (Preferences, ContextPreferences); else the one MonitoringDiscovery
// finds among the context's Services (listed once by a ClusterSession's informer, decoded on
// its worker thread), reached through the API server's service proxy. None of them: where
// discovery looked (MonitoringEndpoints::alertmanagerSentence), exit 1.

#include "commands.h"
#include "headlesswait.h"

#include "contextpreferences.h"

#include "kube/clustersession.h"
#include "kube/httptransport.h"
#include "kube/kubeconfig.h"
#include "kube/resourcestore.h"
#include "monitoring/alertindex.h"
#include "monitoring/alertlisting.h"
#include "monitoring/alertmanagerclient.h"
#include "monitoring/monitoringdiscovery.h"
#include "util/jsonread.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

#include <functional>
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

template <typename T> std::optional<T> wait(QEventLoop &loop, const std::optional<T> &value)
{
    waitUntil([&value] { return value.has_value(); }, loop);
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

// The context's Services, listed once by `session` (an informer of Services alone, whose
// list is decoded on the transport's worker). Empty with `listed` false when the list did not
// complete (refused, unreachable, no answer in time); `why` then says what happened.
QList<KubeObjectPtr> listServices(ClusterSession &session, bool &listed, QString &why)
{
    QEventLoop loop;
    std::optional<Error> failed;
    QObject::connect(&session, &ClusterSession::discoveryFailed, &loop, [&](const Error &e) {
        failed = e;
        loop.quit();
    });
    QObject::connect(&session, &ClusterSession::healthChanged, &loop, [&](const WatchHealth &h) {
        if (h.kind != Kind::Service)
            return;
        if (h.state == WatchHealth::State::Error && h.lastError)
            failed = *h.lastError;
        loop.quit();
    });
    session.setKinds({Kind::Service});
    session.start();
    listed
        = waitUntil([&] { return failed.has_value() || session.store()->hasSynced(Kind::Service); },
                    loop)
          && session.store()->hasSynced(Kind::Service);
    if (!listed)
        why = failed ? failed->toString()
                     : Alerts::tr("no answer in %1 s").arg(headlessTimeoutMs / 1000);
    return listed ? session.store()->objects(Kind::Service) : QList<KubeObjectPtr>();
}

} // namespace

int runAlerts(const QCommandLineParser &parser)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString named = parser.value(QStringLiteral("alertmanager"));
    std::optional<AlertmanagerEndpoint> endpoint;
    if (!named.isEmpty()) {
        Result<AlertmanagerEndpoint> parsed = AlertmanagerEndpoint::parse(named);
        if (!parsed) {
            err << Alerts::tr("orrery: %1").arg(parsed.error().message) << '\n'
                << Alerts::tr("usage: orrery --alerts [--context NAME] [--kubeconfig FILE] "
                              "[--alertmanager URL|service/NAMESPACE/NAME[:PORT]] [--json]")
                << '\n';
            return ExitUsage;
        }
        endpoint = *parsed;
    }

    const Kubeconfig config = Kubeconfig::load(parser.value(QStringLiteral("kubeconfig")));
    QString context = parser.value(QStringLiteral("context"));
    if (context.isEmpty())
        context = config.currentContext();

    // Without --alertmanager: the context's setting, else discovery among its Services.
    MonitoringEndpoints found;
    std::optional<Result<ClusterConnection>> discoveryConnection;
    if (!endpoint) {
        const QString setting = ContextPreferences().alertmanagerSetting(context);
        const Result<MonitoringTarget> target = MonitoringTarget::parse(setting);
        if (!target) {
            err << Alerts::tr("orrery: context \"%1\": Alertmanager setting: %2")
                       .arg(context, target.error().message)
                << '\n';
            return ExitUnavailable;
        }
        found = MonitoringDiscovery::discover({}, false, {}, *target);
        if (!found.alertmanager.isValid()) {
            discoveryConnection = config.connection(context);
            if (!*discoveryConnection) {
                err << Alerts::tr("orrery: context \"%1\": %2")
                           .arg(context, discoveryConnection->error().toString())
                    << '\n';
                return ExitUsage;
            }
        }
    }
    std::unique_ptr<ClusterSession> session;
    if (discoveryConnection) {
        session = std::make_unique<ClusterSession>(std::move(**discoveryConnection));
        bool listed = false;
        QString why;
        const QList<KubeObjectPtr> services = listServices(*session, listed, why);
        found = MonitoringDiscovery::discover(services, listed, {}, {});
        if (!found.alertmanager.isValid()) {
            if (!why.isEmpty())
                err << Alerts::tr("orrery: listing the Services of context \"%1\": %2")
                           .arg(context, why)
                    << '\n';
            err << Alerts::tr("orrery: %1").arg(found.alertmanagerSentence()) << '\n'
                << Alerts::tr("orrery: or name one with --alertmanager "
                              "URL|service/NAMESPACE/NAME[:PORT]")
                << '\n';
            return ExitUnavailable;
        }
    }
    if (!endpoint) {
        AlertmanagerEndpoint e;
        if (found.alertmanager.isDirect())
            e.url = found.alertmanager.url.toString(QUrl::StripTrailingSlash);
        else
            e.location = found.alertmanager.location;
        endpoint = e;
    }

    // The context: needed to reach a Service; for a direct URL it only lends the nodes'
    // addresses (for `instance` labels), so a missing kubeconfig is no error then.
    std::unique_ptr<HttpTransport> ownCluster;
    HttpTransport *cluster = session ? session->transport() : nullptr;
    if (!cluster) {
        Result<ClusterConnection> connection = config.connection(context);
        if (!connection && (!endpoint->isDirect() || parser.isSet(QStringLiteral("context")))) {
            err << Alerts::tr("orrery: context \"%1\": %2")
                       .arg(context, connection.error().toString())
                << '\n';
            return ExitUsage;
        }
        if (connection)
            ownCluster = std::make_unique<HttpTransport>(std::move(*connection));
        cluster = ownCluster.get();
    }
    std::unique_ptr<HttpTransport> direct;
    if (endpoint->isDirect()) {
        ClusterConnection c;
        c.server = endpoint->url;
        c.contextName = context;
        direct = std::make_unique<HttpTransport>(std::move(c));
    }
    const AlertmanagerClient client(direct ? direct.get() : cluster, endpoint->location);
    // How this one was chosen, said before a failure (it names the Service or URL).
    const QString chosen = found.alertmanager.isValid() ? found.alertmanagerSentence() : QString();

    QObject guard;
    QEventLoop loop;
    std::optional<Result<QList<Alert>>> alerts;
    client.alerts(AlertFilter::activeOnly(), &guard, [&](const Result<QList<Alert>> &r) {
        alerts = r;
        loop.quit();
    });
    const bool answered = wait(loop, alerts).has_value();
    if ((!answered || !alerts->ok()) && !chosen.isEmpty())
        err << Alerts::tr("orrery: %1").arg(chosen) << '\n';
    if (!answered) {
        Error e(Error::Code::Timeout,
                Alerts::tr("no answer in %1 s").arg(headlessTimeoutMs / 1000));
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
