// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitoringdiscovery.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::MonitoringDiscovery", text);
}

// A well-known Service: an exact name, a name suffix ("-kube-prometheus-prometheus") or a
// label, with its rank (lower is preferred).
struct Pattern
{
    enum class Match { Name, Suffix, Label };
    Match match;
    QString text;  // the name, the suffix, or "key=value"
    QString shown; // how "where it looked" names it
};

QList<Pattern> prometheusList()
{
    using M = Pattern::Match;
    return {
        {M::Name, QStringLiteral("prometheus-operated"), QStringLiteral("prometheus-operated")},
        {M::Suffix, QStringLiteral("-kube-prometheus-prometheus"),
         QStringLiteral("*-kube-prometheus-prometheus")},
        {M::Name, QStringLiteral("kube-prometheus-stack-prometheus"),
         QStringLiteral("kube-prometheus-stack-prometheus")},
        {M::Name, QStringLiteral("prometheus-k8s"), QStringLiteral("prometheus-k8s")},
        {M::Name, QStringLiteral("prometheus-server"), QStringLiteral("prometheus-server")},
        {M::Suffix, QStringLiteral("-prometheus-server"), QStringLiteral("*-prometheus-server")},
        {M::Name, QStringLiteral("prometheus"), QStringLiteral("prometheus")},
        {M::Label, QStringLiteral("app.kubernetes.io/name=prometheus"),
         QStringLiteral("app.kubernetes.io/name=prometheus")},
        {M::Label, QStringLiteral("app=prometheus"), QStringLiteral("app=prometheus")},
    };
}

QList<Pattern> alertmanagerList()
{
    using M = Pattern::Match;
    return {
        {M::Name, QStringLiteral("alertmanager-operated"), QStringLiteral("alertmanager-operated")},
        {M::Suffix, QStringLiteral("-kube-prometheus-alertmanager"),
         QStringLiteral("*-kube-prometheus-alertmanager")},
        {M::Name, QStringLiteral("alertmanager-main"), QStringLiteral("alertmanager-main")},
        {M::Suffix, QStringLiteral("-alertmanager"), QStringLiteral("*-alertmanager")},
        {M::Name, QStringLiteral("alertmanager"), QStringLiteral("alertmanager")},
        {M::Label, QStringLiteral("app.kubernetes.io/name=alertmanager"),
         QStringLiteral("app.kubernetes.io/name=alertmanager")},
    };
}

bool matches(const Pattern &p, const KubeObject &service)
{
    switch (p.match) {
    case Pattern::Match::Name: return service.name == p.text;
    case Pattern::Match::Suffix:
        return service.name.endsWith(p.text) && service.name.size() > p.text.size();
    case Pattern::Match::Label: {
        const qsizetype eq = p.text.indexOf(QLatin1Char('='));
        return service.label(p.text.left(eq)) == p.text.mid(eq + 1);
    }
    }
    return false;
}

int namespaceRank(const QString &ns)
{
    static const QStringList preferred{QStringLiteral("monitoring"), QStringLiteral("prometheus"),
                                       QStringLiteral("observability")};
    const qsizetype i = preferred.indexOf(ns);
    return i < 0 ? int(preferred.size()) : int(i);
}

// The port Prometheus (9090) or Alertmanager (9093) answers on: a port named web, http-web
// or http (an https* name speaks TLS), else the default number, else the only or first one.
std::pair<QString, QString> pickPort(const ServiceData &data, int defaultPort)
{
    static const QStringList names{QStringLiteral("web"), QStringLiteral("http-web"),
                                   QStringLiteral("http"), QStringLiteral("https-web"),
                                   QStringLiteral("https")};
    for (const QString &name : names) {
        for (const ServicePort &p : data.ports) {
            if (p.name == name)
                return {p.name, name.startsWith(QLatin1String("https")) ? QStringLiteral("https")
                                                                        : QString()};
        }
    }
    for (const ServicePort &p : data.ports) {
        if (p.port == defaultPort)
            return {QString::number(p.port), QString()};
    }
    if (data.ports.isEmpty())
        return {};
    const ServicePort &p = data.ports.first();
    const QString port = p.name.isEmpty() ? QString::number(p.port) : p.name;
    return {port, p.name.startsWith(QLatin1String("https")) ? QStringLiteral("https") : QString()};
}

MonitoringEndpoint find(const QList<KubeObjectPtr> &services, const QList<Pattern> &patterns,
                        int defaultPort)
{
    const KubeObject *best = nullptr;
    int bestRank = 0;
    for (const KubeObjectPtr &s : services) {
        if (!s || s->kind != Kind::Service)
            continue;
        const ServiceData *data = s->as<ServiceData>();
        // ExternalName Services have no proxy; a headless one (prometheus-operated) does.
        if (!data || data->type == QLatin1String("ExternalName") || data->ports.isEmpty())
            continue;
        for (int i = 0; i < int(patterns.size()); ++i) {
            if (!matches(patterns[i], *s))
                continue;
            const int rank = i * 16 + namespaceRank(s->namespaceName);
            if (!best || rank < bestRank
                || (rank == bestRank
                    && std::pair(s->namespaceName, s->name)
                           < std::pair(best->namespaceName, best->name))) {
                best = s.get();
                bestRank = rank;
            }
            break;
        }
    }
    if (!best)
        return {};
    MonitoringEndpoint e;
    e.source = MonitoringEndpoint::Source::Discovered;
    const auto [port, scheme] = pickPort(*best->as<ServiceData>(), defaultPort);
    e.location = PrometheusLocation::service(best->namespaceName, best->name, port, scheme);
    return e;
}

MonitoringEndpoint fromSetting(const MonitoringTarget &setting)
{
    MonitoringEndpoint e;
    if (setting.kind == MonitoringTarget::Kind::None)
        return e;
    e.source = MonitoringEndpoint::Source::Setting;
    if (setting.kind == MonitoringTarget::Kind::Url)
        e.url = setting.url;
    else
        e.location = setting.service;
    return e;
}

QString listed(const QStringList &patterns)
{
    return patterns.join(QStringLiteral(", "));
}

QString sentence(const char *what, const MonitoringEndpoint &endpoint, const QString &missing)
{
    if (!endpoint.isValid())
        return missing;
    const QString name = QString::fromLatin1(what);
    if (endpoint.source == MonitoringEndpoint::Source::Setting)
        return tr("%1: %2 (set for this context)").arg(name, endpoint.describe());
    return tr("%1: %2 (found automatically)").arg(name, endpoint.describe());
}

QString whereLooked(const char *what, const MonitoringEndpoints &e, const QStringList &patterns)
{
    const QString name = QString::fromLatin1(what);
    if (!e.servicesListed)
        return tr("no %1 set for this context, and the cluster's Services are not listed (yet, "
                  "or \"list services\" is not allowed), so none could be found; set one in "
                  "Preferences")
            .arg(name);
    // The namespaces by name while they are few enough to read, else how many.
    if (!e.searchedNamespaces.isEmpty() && e.searchedNamespaces.size() <= 8)
        return tr("no %1 found; looked for Services %2 in namespaces %3; set one for this "
                  "context in Preferences")
            .arg(name, listed(patterns), e.searchedNamespaces.join(QStringLiteral(", ")));
    return QCoreApplication::translate("Orrery::MonitoringDiscovery",
                                       "no %1 found; looked for Services %2 in %n namespace(s); "
                                       "set one for this context in Preferences",
                                       nullptr, e.namespacesSearched)
        .arg(name, listed(patterns));
}

} // namespace

Result<MonitoringTarget> MonitoringTarget::parse(const QString &input)
{
    const QString text = input.trimmed();
    MonitoringTarget t;
    if (text.isEmpty())
        return t;
    if (text.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        || text.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return Error(Error::Code::InvalidArgument, tr("\"%1\" is not a valid URL").arg(text));
        t.kind = Kind::Url;
        t.url = url;
        // Prometheus' API lives under the URL's path; "/" and "" are the same place.
        if (t.url.path() == QLatin1String("/"))
            t.url.setPath(QString());
        return t;
    }
    // NS/[SCHEME:]NAME[:PORT], with DNS-label names.
    static const QRegularExpression ref(QStringLiteral(
        R"(^([a-z0-9]([-a-z0-9]*[a-z0-9])?)/(?:(https?):)?([a-z0-9]([-a-z0-9]*[a-z0-9])?)(?::([-a-z0-9]+))?$)"));
    const QRegularExpressionMatch m = ref.match(text);
    if (!m.hasMatch())
        return Error(Error::Code::InvalidArgument,
                     tr("\"%1\" is neither a URL (http://host:9090) nor a Service "
                        "(namespace/name:port)")
                         .arg(text));
    t.kind = Kind::Service;
    const QString scheme = m.captured(3) == QLatin1String("https") ? m.captured(3) : QString();
    t.service = PrometheusLocation::service(m.captured(1), m.captured(4), m.captured(6), scheme);
    return t;
}

QString MonitoringTarget::toString() const
{
    switch (kind) {
    case Kind::None: return {};
    case Kind::Url: return url.toString();
    case Kind::Service: {
        QString s = service.serviceNamespace + QLatin1Char('/');
        if (!service.serviceScheme.isEmpty())
            s += service.serviceScheme + QLatin1Char(':');
        s += service.serviceName;
        if (!service.servicePort.isEmpty())
            s += QLatin1Char(':') + service.servicePort;
        return s;
    }
    }
    return {};
}

QString MonitoringEndpoint::serviceReference() const
{
    if (isDirect() || !isValid())
        return {};
    QString s;
    if (!location.serviceScheme.isEmpty())
        s += location.serviceScheme + QLatin1Char(':');
    s += location.serviceName;
    if (!location.servicePort.isEmpty())
        s += QLatin1Char(':') + location.servicePort;
    return s;
}

QString MonitoringEndpoint::describe() const
{
    if (!isValid())
        return {};
    if (isDirect())
        return url.toString();
    return tr("Service %1/%2 (API server proxy)")
        .arg(location.serviceNamespace, serviceReference());
}

QString MonitoringEndpoints::prometheusSentence() const
{
    return sentence("Prometheus", prometheus, noPrometheusReason());
}

QString MonitoringEndpoints::alertmanagerSentence() const
{
    return sentence("Alertmanager", alertmanager,
                    whereLooked("Alertmanager", *this, alertmanagerPatterns));
}

QString MonitoringEndpoints::noPrometheusReason() const
{
    if (prometheus.isValid())
        return {};
    return whereLooked("Prometheus", *this, prometheusPatterns);
}

QStringList MonitoringDiscovery::prometheusPatterns()
{
    QStringList out;
    for (const Pattern &p : prometheusList())
        out << p.shown;
    return out;
}

QStringList MonitoringDiscovery::alertmanagerPatterns()
{
    QStringList out;
    for (const Pattern &p : alertmanagerList())
        out << p.shown;
    return out;
}

MonitoringEndpoints MonitoringDiscovery::discover(const QList<KubeObjectPtr> &services,
                                                  bool servicesListed,
                                                  const MonitoringTarget &prometheusSetting,
                                                  const MonitoringTarget &alertmanagerSetting)
{
    MonitoringEndpoints e;
    e.servicesListed = servicesListed;
    e.prometheusPatterns = prometheusPatterns();
    e.alertmanagerPatterns = alertmanagerPatterns();
    QSet<QString> namespaces;
    for (const KubeObjectPtr &s : services) {
        if (s)
            namespaces.insert(s->namespaceName);
    }
    e.namespacesSearched = int(namespaces.size());
    e.searchedNamespaces = QStringList(namespaces.cbegin(), namespaces.cend());
    e.searchedNamespaces.sort();
    e.prometheus = fromSetting(prometheusSetting);
    if (!e.prometheus.isValid())
        e.prometheus = find(services, prometheusList(), 9090);
    e.alertmanager = fromSetting(alertmanagerSetting);
    if (!e.alertmanager.isValid())
        e.alertmanager = find(services, alertmanagerList(), 9093);
    return e;
}

MonitoringProblem MonitoringProblem::noPrometheus(const MonitoringEndpoints &endpoints)
{
    MonitoringProblem p;
    p.kind = Kind::NoPrometheus;
    p.detail = endpoints.noPrometheusReason();
    return p;
}

MonitoringProblem MonitoringProblem::noSeries(const QString &query, const QString &labels)
{
    MonitoringProblem p;
    p.kind = Kind::NoSeries;
    p.query = query;
    p.labels = labels;
    return p;
}

MonitoringProblem MonitoringProblem::fromError(const Error &error,
                                               const MonitoringEndpoint &endpoint,
                                               const QString &query)
{
    MonitoringProblem p;
    p.query = query;
    if (error.code == Error::Code::Forbidden || error.httpStatus == 403) {
        p.kind = Kind::Forbidden;
        p.ns = endpoint.isDirect() ? QString() : endpoint.location.serviceNamespace;
        p.endpoint = endpoint.describe();
        return p;
    }
    p.kind = Kind::QueryFailed;
    p.detail = error.message;
    if (error.httpStatus > 0 && !p.detail.contains(QString::number(error.httpStatus)))
        p.detail = tr("HTTP %1: %2").arg(error.httpStatus).arg(p.detail);
    return p;
}

QString MonitoringProblem::text() const
{
    switch (kind) {
    case Kind::NoPrometheus: return detail;
    case Kind::Forbidden:
        if (ns.isEmpty())
            return tr("forbidden: %1 refused the query (HTTP 403)").arg(endpoint);
        return tr("forbidden: reading Prometheus through the API server needs the verb \"get\" "
                  "on services/proxy in namespace \"%1\"")
            .arg(ns);
    case Kind::QueryFailed: return tr("the query failed: %1\nPromQL: %2").arg(detail, query);
    case Kind::NoSeries:
        return tr("Prometheus has no series with %1 (is kube-state-metrics or cAdvisor scraped?)"
                  "\nPromQL: %2")
            .arg(labels, query);
    }
    return {};
}

} // namespace Orrery
