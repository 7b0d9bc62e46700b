// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricsunavailable.h"

#include <QCoreApplication>

namespace Orrery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Orrery::MetricsUnavailable", text);
}

} // namespace

MetricsUnavailable MetricsUnavailable::notServed()
{
    MetricsUnavailable m;
    m.reason = Reason::NotServed;
    return m;
}

MetricsUnavailable MetricsUnavailable::forbidden(const QString &verb, const QString &resource,
                                                 const QString &ns)
{
    MetricsUnavailable m;
    m.reason = Reason::Forbidden;
    m.verb = verb;
    m.resource = resource;
    m.ns = ns;
    return m;
}

MetricsUnavailable MetricsUnavailable::apiError(int httpStatus, const QString &message)
{
    MetricsUnavailable m;
    m.reason = Reason::ApiError;
    m.httpStatus = httpStatus;
    m.message = message;
    return m;
}

MetricsUnavailable MetricsUnavailable::noSample(const QString &resource, const QString &ns,
                                                const QString &name)
{
    MetricsUnavailable m;
    m.reason = Reason::NoSample;
    m.resource = resource;
    m.ns = ns;
    m.name = name;
    return m;
}

MetricsUnavailable MetricsUnavailable::fromError(const Error &error, const QString &verb,
                                                 const QString &resource, const QString &ns)
{
    if (error.httpStatus == 404)
        return notServed();
    if (error.httpStatus == 403 || error.code == Error::Code::Forbidden)
        return forbidden(verb, resource, ns);
    return apiError(error.httpStatus, error.message);
}

QString MetricsUnavailable::text() const
{
    switch (reason) {
    case Reason::NotServed:
        return tr("no metrics-server found; looked for APIService v1beta1.metrics.k8s.io");
    case Reason::Forbidden: {
        const QString what = resource + QLatin1String(".metrics.k8s.io");
        if (ns.isEmpty())
            return tr("forbidden: reading metrics needs the verb \"%1\" on %2 in all namespaces "
                      "(a ClusterRole)")
                .arg(verb, what);
        return tr("forbidden: reading metrics needs the verb \"%1\" on %2 in namespace \"%3\"")
            .arg(verb, what, ns);
    }
    case Reason::ApiError:
        if (httpStatus == 0)
            return tr("the metrics API could not be reached: %1").arg(message);
        if (httpStatus == 503)
            return tr("the metrics API answered %1 (metrics-server is registered but not "
                      "answering): %2")
                .arg(httpStatus)
                .arg(message);
        return tr("the metrics API answered %1: %2").arg(httpStatus).arg(message);
    case Reason::NoSample:
        if (resource == QLatin1String("node"))
            return tr("no sample yet for node %1 (metrics-server has not scraped its kubelet)")
                .arg(name);
        return tr("no sample yet for pod %1/%2 (metrics-server samples every 15 s; a new or "
                  "stopped pod has none)")
            .arg(ns, name);
    }
    return {};
}

} // namespace Orrery
