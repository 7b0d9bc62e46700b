// SPDX-License-Identifier: GPL-3.0-or-later
#include "gcpclient.h"

#include "kube/curlworker.h"
#include "kube/httptransport.h"
#include "util/async.h"

#include <QCoreApplication>
#include <QFile>
#include <QPointer>

#include <algorithm>

namespace Orrery {

namespace {

QString pathEncoded(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

} // namespace

GcpClient::Endpoints GcpClient::endpointsFromEnvironment(const QProcessEnvironment &env)
{
    Endpoints e;
    e.container = QUrl(env.value(QStringLiteral("CLOUDSDK_API_ENDPOINT_OVERRIDES_CONTAINER")));
    e.resourceManager
        = QUrl(env.value(QStringLiteral("CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER")));
    const QString bundle = env.value(QStringLiteral("CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE"));
    if (!bundle.isEmpty()) {
        QFile f(bundle);
        if (f.open(QIODevice::ReadOnly))
            e.caPem = f.read(4 * 1024 * 1024);
    }
    return e;
}

GcpClient::GcpClient(std::shared_ptr<GcpTokenSource> tokens, Endpoints endpoints, QObject *parent)
    : QObject(parent)
    , m_tokens(std::move(tokens))
    , m_endpoints(std::move(endpoints))
{
}

GcpClient::~GcpClient() = default;

QUrl GcpClient::containerBase() const
{
    const QUrl &u = m_endpoints.container;
    return u.isValid() && !u.isEmpty() ? u
                                       : QUrl(QStringLiteral("https://container.googleapis.com/"));
}

QUrl GcpClient::resourceManagerBase() const
{
    const QUrl &u = m_endpoints.resourceManager;
    return u.isValid() && !u.isEmpty()
               ? u
               : QUrl(QStringLiteral("https://cloudresourcemanager.googleapis.com/"));
}

HttpTransport *GcpClient::transport(const QUrl &base)
{
    const QString root
        = base.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
    auto &slot = m_transports[root];
    if (!slot) {
        ClusterConnection c;
        c.server = root;
        c.contextName = c.clusterName = base.host();
        c.certificateAuthorityPem = m_endpoints.caPem;
        c.credentials = std::make_shared<GcpCredentialProvider>(m_tokens);
        slot = std::make_unique<HttpTransport>(c);
    }
    return slot.get();
}

template <typename T>
void GcpClient::request(const QUrl &base, const QString &subPath, const QString &what,
                        std::function<Result<T>(const QByteArray &)> decode,
                        std::function<void(const Result<T> &)> onDone)
{
    QString path = base.path(QUrl::FullyEncoded);
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    path += subPath;
    HttpTransport *t = transport(base);
    const QPointer<QObject> self(this);
    auto run
        = [t, self, path, what, decode = std::move(decode), onDone = std::move(onDone)]() mutable {
              Internal::CurlJob job;
              job.request.path = path;
              job.request.timeoutMs = 30000;
              job.maxBodyBytes = GcpResponse::MaxBodyBytes;
              // On the worker: the answer decoded there, then handed to this thread.
              job.onDone = [t, self, what, decode, onDone](Result<ApiResponse> &&r) {
                  Result<T> out = Error();
                  if (!r) {
                      Error e = r.error();
                      if (e.context.isEmpty())
                          e.context = what;
                      out = e;
                  } else if (!r.value().isSuccess()) {
                      out = GcpResponse::errorOf(r.value().status, r.value().body, what);
                  } else {
                      out = decode(r.value().body);
                      if (!out) {
                          Error e = out.error();
                          if (e.context.isEmpty())
                              e.context = what;
                          out = e;
                      }
                  }
                  Async::deliverVia(t, self, [self, onDone, out = std::move(out)] {
                      auto *client = static_cast<GcpClient *>(self.data());
                      onDone(out);
                      client->m_requests.finished();
                  });
              };
              t->worker()->submit(std::move(job));
          };
    m_requests.enqueue(std::move(run));
}

void GcpClient::accessToken(std::function<void(const Result<GcpAccessToken> &)> onDone)
{
    if (auto cached = m_tokens->cachedToken()) {
        onDone(*cached);
        return;
    }
    std::shared_ptr<GcpTokenSource> tokens = m_tokens;
    Async::run(
        this, [tokens] { return tokens->token(); },
        [onDone](const Result<GcpAccessToken> &t) { onDone(t); });
}

void GcpClient::projects(std::function<void(const Result<QStringList> &)> onDone)
{
    struct State
    {
        QStringList projects;
        int pages = 0;
    };
    auto state = std::make_shared<State>();
    auto page = std::make_shared<std::function<void(QString)>>();
    const QString what = tr("the projects of %1").arg(m_tokens->account());
    *page = [this, state, page, onDone, what](const QString &token) {
        QString sub = QStringLiteral("v1/projects?pageSize=500");
        if (!token.isEmpty())
            sub += QStringLiteral("&pageToken=") + pathEncoded(token);
        struct Page
        {
            QStringList ids;
            QString next;
        };
        request<Page>(
            resourceManagerBase(), sub, what,
            [](const QByteArray &body) -> Result<Page> {
                Page p;
                auto ids = GcpResponse::parseProjectList(body, &p.next);
                if (!ids)
                    return ids.error();
                p.ids = ids.value();
                return p;
            },
            [state, page, onDone](const Result<Page> &r) {
                if (!r) {
                    onDone(r.error());
                    *page = nullptr;
                    return;
                }
                state->projects += r.value().ids;
                if (!r.value().next.isEmpty() && ++state->pages < MaxProjectPages) {
                    (*page)(r.value().next);
                    return;
                }
                state->projects.sort();
                state->projects.removeDuplicates();
                onDone(state->projects);
                *page = nullptr; // break the cycle
            });
    };
    (*page)(QString());
}

void GcpClient::clusters(const QString &project,
                         std::function<void(const Result<QList<GkeClusterInfo>> &)> onDone)
{
    request<QList<GkeClusterInfo>>(
        containerBase(),
        QStringLiteral("v1/projects/%1/locations/-/clusters").arg(pathEncoded(project)),
        tr("GKE clusters of project %1").arg(project),
        [project](const QByteArray &body) { return GcpResponse::parseClusterList(body, project); },
        std::move(onDone));
}

void GcpClient::cluster(const QString &project, const QString &location, const QString &name,
                        std::function<void(const Result<GkeClusterInfo> &)> onDone)
{
    request<GkeClusterInfo>(
        containerBase(),
        QStringLiteral("v1/projects/%1/locations/%2/clusters/%3")
            .arg(pathEncoded(project), pathEncoded(location), pathEncoded(name)),
        tr("GKE cluster %1 in %2").arg(name, location),
        [project](const QByteArray &body) { return GcpResponse::parseCluster(body, project); },
        std::move(onDone));
}

void GcpClient::discover(const QStringList &projects,
                         std::function<void(const GkeDiscovery &)> onDone)
{
    struct State
    {
        GkeDiscovery result;
        int pending = 0;
    };
    auto state = std::make_shared<State>();
    QStringList unique = projects;
    unique.removeDuplicates();
    unique.removeAll(QString());
    if (unique.isEmpty()) {
        onDone(state->result);
        return;
    }
    state->pending = static_cast<int>(unique.size());
    for (const QString &project : unique) {
        clusters(project, [state, project, onDone](const Result<QList<GkeClusterInfo>> &r) {
            if (r)
                state->result.clusters += r.value();
            else
                state->result.projectErrors.insert(project, r.error());
            if (--state->pending > 0)
                return;
            std::sort(state->result.clusters.begin(), state->result.clusters.end(),
                      [](const GkeClusterInfo &a, const GkeClusterInfo &b) {
                          return std::tie(a.project, a.location, a.name)
                                 < std::tie(b.project, b.location, b.name);
                      });
            onDone(state->result);
        });
    }
}

} // namespace Orrery
