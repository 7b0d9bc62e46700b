// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/kubeobject.h"
#include "monitoring/prometheusclient.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Orrery {

// Where the user says Prometheus (or Alertmanager) is, for one context, as typed in the
// Preferences: nothing (discover it), a URL ("http://127.0.0.1:9090", reached directly), or a
// Service reference "NAMESPACE/NAME[:PORT]" (reached through the API server's service proxy;
// "NAMESPACE/https:NAME:PORT" for a port that speaks TLS, as kubectl writes it).
struct MonitoringTarget
{
    enum class Kind { None, Url, Service };

    Kind kind = Kind::None;
    QUrl url;                   // Kind::Url
    PrometheusLocation service; // Kind::Service

    // "" is None; anything else that is neither an http(s) URL nor NS/NAME[:PORT] is an
    // InvalidArgument error whose message says what is accepted.
    static Result<MonitoringTarget> parse(const QString &text);
    // The text parse() reads back.
    QString toString() const;

    bool operator==(const MonitoringTarget &) const = default;
};

// One monitoring endpoint in use: a URL or a Service through the API server's proxy, and how
// Orrery came to it.
struct MonitoringEndpoint
{
    enum class Source { None, Setting, Discovered };

    Source source = Source::None;
    QUrl url;                    // set: reached directly at this URL
    PrometheusLocation location; // otherwise: this Service, through the service proxy

    bool isValid() const { return source != Source::None; }
    bool isDirect() const { return !url.isEmpty(); }
    // "http://127.0.0.1:9090" or "Service monitoring/prometheus-operated:web (API server
    // proxy)".
    QString describe() const;
    // The Service's [SCHEME:]NAME:PORT as the proxy path names it; empty for a URL.
    QString serviceReference() const;

    bool operator==(const MonitoringEndpoint &) const = default;
};

// Which Prometheus and Alertmanager a context uses, and where Orrery looked when it found none.
struct MonitoringEndpoints
{
    MonitoringEndpoint prometheus;
    MonitoringEndpoint alertmanager;
    // Where discovery looked: the Service names and labels it tries, and how many namespaces
    // the store's Services covered. servicesListed false: the Services were not listed (yet,
    // or not allowed), so nothing could be discovered.
    QStringList prometheusPatterns;
    QStringList alertmanagerPatterns;
    int namespacesSearched = 0;
    QStringList searchedNamespaces; // sorted
    bool servicesListed = false;

    // One translated sentence each: "Prometheus: <endpoint> (found/set per context)" or why
    // there is none ("no Prometheus found; looked for Services prometheus-operated, … in 4
    // namespaces").
    QString prometheusSentence() const;
    QString alertmanagerSentence() const;
    // Why there is no Prometheus (empty when there is one).
    QString noPrometheusReason() const;
};

// Finds Prometheus and Alertmanager among a cluster's Services (the store's), unless the
// context's settings name them. Pure: the same Services and settings give the same answer,
// so the UI re-runs it whenever the Services change.
//
// Prometheus, in order of preference: prometheus-operated (the operator's governing
// Service), *-kube-prometheus-prometheus (kube-prometheus-stack), prometheus-k8s
// (kube-prometheus), prometheus-server and *-prometheus-server (the prometheus chart), a
// Service named prometheus, one labelled app.kubernetes.io/name=prometheus or
// app=prometheus. Alertmanager likewise: alertmanager-operated, *-kube-prometheus-alertmanager,
// alertmanager-main, *-alertmanager, alertmanager, app.kubernetes.io/name=alertmanager.
// Ties go to the namespaces monitoring, prometheus, observability, then by name. The port is
// the one named web/http-web/http (https* speaks TLS), else 9090/9093, else the first.
class MonitoringDiscovery
{
public:
    static MonitoringEndpoints discover(const QList<KubeObjectPtr> &services, bool servicesListed,
                                        const MonitoringTarget &prometheusSetting,
                                        const MonitoringTarget &alertmanagerSetting);

    static QStringList prometheusPatterns();
    static QStringList alertmanagerPatterns();
};

// Why a chart has no Prometheus figures, as a value built where the answer arrived and shown
// as one translated sentence:
//  - NoPrometheus: none set or found (MonitoringEndpoints::noPrometheusReason says where
//    Orrery looked);
//  - Forbidden: the API server refused the service proxy: names "get" on services/proxy and
//    the namespace to grant; or the direct URL answered 403;
//  - QueryFailed: the query and Prometheus' (or the transport's) error;
//  - NoSeries: the query answered no series; names the labels it expected.
struct MonitoringProblem
{
    enum class Kind { NoPrometheus, Forbidden, QueryFailed, NoSeries };

    Kind kind = Kind::QueryFailed;
    QString query;    // QueryFailed, NoSeries
    QString detail;   // NoPrometheus: where Orrery looked; QueryFailed: the error
    QString ns;       // Forbidden: the Service's namespace (empty for a direct URL)
    QString endpoint; // Forbidden: the endpoint refused
    QString labels;   // NoSeries: the label matchers expected, e.g. namespace="shop", pod=~"web-.*"

    static MonitoringProblem noPrometheus(const MonitoringEndpoints &endpoints);
    static MonitoringProblem noSeries(const QString &query, const QString &labels);
    // A failed query through `endpoint`: 403 is Forbidden, anything else QueryFailed.
    static MonitoringProblem fromError(const Error &error, const MonitoringEndpoint &endpoint,
                                       const QString &query);

    QString text() const;

    bool operator==(const MonitoringProblem &) const = default;
};

} // namespace Orrery
