// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apptopology.h"
#include "flyresponse.h"
#include "requestqueue.h"
#include "util/result.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace Orrery {

class HttpTransport;

// Fly.io's Machines API and GraphQL API over HttpTransport (docs/clouds.md, "Fly.io"): the
// token goes as `Authorization: Bearer <token>` (a macaroon token as printed, "FlyV1 fm2_…",
// after Bearer, as Fly's docs send it); requests run on the transports' worker thread, answers
// are decoded there (FlyResponse) and handed to the callback on this object's thread, not at
// all once it is gone. At most MaxParallel requests are in flight; the rest wait in order.
// Errors name the URL asked and what to do, never the token.
class FlyClient : public QObject
{
    Q_OBJECT
public:
    struct Endpoints
    {
        QUrl machines;    // Machines API base, without /v1 (https://api.machines.dev)
        QUrl api;         // GraphQL API base, without /graphql (https://api.fly.io)
        QByteArray caPem; // extra trust; empty: the system's
    };
    // FLY_FLAPS_BASE_URL and FLY_API_BASE_URL as flyctl reads them, else Fly's own;
    // SSL_CERT_FILE adds trust (the simulator's CA).
    static Endpoints endpointsFromEnvironment(const QProcessEnvironment &env);

    static constexpr int MaxParallel = 8;
    static constexpr int ReleasesAsked = 25;

    template <typename T> using Handler = std::function<void(const Result<T> &)>;

    FlyClient(Endpoints endpoints, QByteArray token, QObject *parent = nullptr);
    ~FlyClient() override;

    const Endpoints &endpoints() const { return m_endpoints; }
    // The Machines API's transport: operations send their writes through it (audited).
    HttpTransport *machinesTransport() const { return m_machines.get(); }

    // GraphQL: the user and their organizations.
    void viewer(Handler<FlyViewer> onDone);
    // GET /v1/apps?org_slug=ORG
    void apps(const QString &org, Handler<QList<FlyAppInfo>> onDone);
    // GET /v1/apps/APP
    void app(const QString &name, Handler<FlyAppInfo> onDone);
    // GET /v1/apps/APP/machines
    void machines(const QString &app, Handler<QList<FlyMachine>> onDone);
    // GraphQL: the app's hostname, secrets' names and last `releases` releases.
    void appDetails(const QString &app, Handler<FlyAppDetails> onDone,
                    int releases = ReleasesAsked);
    // The app, its machines and its details read in parallel, as one topology.
    void topology(const QString &appRef, const QString &app, Handler<AppTopology> onDone);

    // The request paths and documents (public for tests and for showing what Orrery asks).
    static QString appsPath(const QString &org);
    static QString appPath(const QString &app);
    static QString machinesPath(const QString &app);
    static QString machinePath(const QString &app, const QString &machineId);
    static QByteArray viewerQuery();
    static QByteArray appQuery(); // variables appName, limit

private:
    template <typename T>
    void get(HttpTransport *transport, QByteArray method, const QString &path, QByteArray body,
             std::function<Result<T>(const QByteArray &)> decode, Handler<T> onDone);

    Endpoints m_endpoints;
    std::unique_ptr<HttpTransport> m_machines;
    std::unique_ptr<HttpTransport> m_api;
    RequestQueue m_requests{MaxParallel};
};

} // namespace Orrery
