// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicefront.h"

#include "platformdeploys.h"
#include "simclock.h"
#include "simservice.h"

#include <registry/registries.h>

#include <httplib.h>
#include <listenthread.h>
#include <nlohmann/json.hpp>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <thread>
#include <vector>

namespace Orrery::Sim {

bool ClusterAccess::imageCrashesInRegistries(const std::string &image) const
{
    for (const std::string &cluster : clusterNames())
        if (Registries *registries = this->registries(cluster)) {
            const PullResult pulled = registries->pull(image, {});
            if (pulled.status == PullStatus::Pulled && pulled.image.exitCode >= 0)
                return true;
        }
    return false;
}

struct ServiceFront::Private
{
    explicit Private(SimClock &c)
        : clock(c)
    {
    }

    SimClock &clock;
    Certificates certs = Certificates::generate("orrery-sim services");
    std::vector<std::unique_ptr<SimService>> services;
    std::unique_ptr<httplib::SSLServer> server;
    std::thread thread;
    int port = 0;

    bool configureTls(SSL_CTX &ctx) const
    {
        BIO *certBio = BIO_new_mem_buf(certs.serverCert.data(), int(certs.serverCert.size()));
        X509 *cert = PEM_read_bio_X509(certBio, nullptr, nullptr, nullptr);
        BIO_free(certBio);
        BIO *keyBio = BIO_new_mem_buf(certs.serverKey.data(), int(certs.serverKey.size()));
        EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
        BIO_free(keyBio);
        const bool ok = cert && key && SSL_CTX_use_certificate(&ctx, cert) == 1
                        && SSL_CTX_use_PrivateKey(&ctx, key) == 1;
        if (ok) {
            SSL_CTX_set_verify(&ctx, SSL_VERIFY_NONE, nullptr);
            SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
        }
        if (cert)
            X509_free(cert);
        if (key)
            EVP_PKEY_free(key);
        return ok;
    }

    static bool matches(const std::string &path, const std::string &prefix)
    {
        return path.compare(0, prefix.size(), prefix) == 0
               && (path.size() == prefix.size() || path[prefix.size()] == '/'
                   || path[prefix.size()] == '?');
    }

    // The service with the longest prefix matching the path, or null.
    SimService *route(const std::string &path) const
    {
        SimService *best = nullptr;
        std::size_t bestLength = 0;
        for (const auto &s : services)
            for (const auto &prefix : s->prefixes())
                if (prefix.size() > bestLength && matches(path, prefix)) {
                    best = s.get();
                    bestLength = prefix.size();
                }
        return best;
    }

    void handle(const httplib::Request &req, httplib::Response &res) const
    {
        if (SimService *s = route(req.path)) {
            s->handle(req, res);
            return;
        }
        nlohmann::json served = nlohmann::json::array();
        for (const auto &s : services)
            for (const auto &prefix : s->prefixes())
                served.push_back(prefix);
        res.status = 404;
        res.set_content(
            nlohmann::json{{"message", "Not Found: no simulated service serves " + req.path},
                           {"served", served}}
                .dump(),
            "application/json");
    }
};

ServiceFront::ServiceFront(SimClock &clock)
    : d(std::make_unique<Private>(clock))
{
}

ServiceFront::~ServiceFront()
{
    stop();
}

SimClock &ServiceFront::clock() const
{
    return d->clock;
}

void ServiceFront::add(std::unique_ptr<SimService> service)
{
    d->services.push_back(std::move(service));
}

SimService *ServiceFront::service(const std::string &name) const
{
    for (const auto &s : d->services)
        if (s->name() == name)
            return s.get();
    return nullptr;
}

PlatformDeploys *ServiceFront::platform(const std::string &name) const
{
    for (const auto &s : d->services)
        if (auto *p = dynamic_cast<PlatformDeploys *>(s.get()); p && p->platformName() == name)
            return p;
    return nullptr;
}

bool ServiceFront::start(int port, std::string *error)
{
    Private *p = d.get();
    d->server
        = std::make_unique<httplib::SSLServer>([p](SSL_CTX &ctx) { return p->configureTls(ctx); });
    if (!d->server->is_valid()) {
        if (error)
            *error = "could not set up TLS for the simulated services";
        return false;
    }
    // Log follows hold a worker for their whole life.
    d->server->new_task_queue = [] { return new httplib::ThreadPool(64); };
    d->server->set_keep_alive_timeout(60);
    d->server->set_read_timeout(60);
    d->server->set_write_timeout(60);
    d->server->set_payload_max_length(16 * 1024 * 1024);
    d->server->set_tcp_nodelay(true);
    auto handler
        = [p](const httplib::Request &req, httplib::Response &res) { p->handle(req, res); };
    d->server->Get(".*", handler);
    d->server->Post(".*", handler);
    d->server->Put(".*", handler);
    d->server->Patch(".*", handler);
    d->server->Delete(".*", handler);
    if (port > 0) {
        if (!d->server->bind_to_port("127.0.0.1", port)) {
            if (error)
                *error = "cannot listen on 127.0.0.1:" + std::to_string(port);
            return false;
        }
        d->port = port;
    } else {
        d->port = d->server->bind_to_any_port("127.0.0.1");
        if (d->port <= 0) {
            if (error)
                *error = "cannot listen on 127.0.0.1";
            return false;
        }
    }
    d->thread = startListening(*p->server);
    return true;
}

void ServiceFront::stop()
{
    if (!d->server)
        return;
    for (const auto &s : d->services)
        s->stop();
    d->server->stop();
    if (d->thread.joinable())
        d->thread.join();
    d->server.reset();
}

std::string ServiceFront::url() const
{
    return "https://127.0.0.1:" + std::to_string(d->port);
}

int ServiceFront::port() const
{
    return d->port;
}

const Certificates &ServiceFront::certificates() const
{
    return d->certs;
}

} // namespace Orrery::Sim
