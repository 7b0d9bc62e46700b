// SPDX-License-Identifier: GPL-3.0-or-later
#include "prometheusendpoint.h"

#include <httplib.h>
#include <listenthread.h>

#include <exception>
#include <thread>

namespace Orrery::Sim {

struct PrometheusEndpoint::Private
{
    std::function<std::string()> scrape;
    std::unique_ptr<httplib::Server> server;
    std::thread thread;
    int port = 0;
};

PrometheusEndpoint::PrometheusEndpoint(std::function<std::string()> scrape)
    : d(std::make_unique<Private>())
{
    d->scrape = std::move(scrape);
}

PrometheusEndpoint::~PrometheusEndpoint()
{
    stop();
}

bool PrometheusEndpoint::start(int port, std::string *error)
{
    stop();
    d->server = std::make_unique<httplib::Server>();
    // A scrape is one request every few seconds per Prometheus; a few threads suffice.
    d->server->new_task_queue = [] { return new httplib::ThreadPool(4); };
    Private *p = d.get();
    d->server->Get("/metrics", [p](const httplib::Request &, httplib::Response &res) {
        try {
            res.set_content(p->scrape(), "text/plain; version=0.0.4; charset=utf-8");
        } catch (const std::exception &e) {
            res.status = 500;
            res.set_content(std::string("scrape failed: ") + e.what() + "\n", "text/plain");
        }
    });
    d->server->Get("/", [](const httplib::Request &, httplib::Response &res) {
        res.set_content("orrery-sim metrics: see /metrics\n", "text/plain");
    });
    if (port > 0) {
        if (!d->server->bind_to_port("127.0.0.1", port)) {
            if (error)
                *error = "cannot listen on 127.0.0.1:" + std::to_string(port) + " (metrics)";
            d->server.reset();
            return false;
        }
        d->port = port;
    } else {
        d->port = d->server->bind_to_any_port("127.0.0.1");
        if (d->port <= 0) {
            if (error)
                *error = "cannot listen on 127.0.0.1 (metrics)";
            d->server.reset();
            return false;
        }
    }
    d->thread = startListening(*p->server);
    return true;
}

void PrometheusEndpoint::stop()
{
    if (!d->server)
        return;
    d->server->stop();
    if (d->thread.joinable())
        d->thread.join();
    d->server.reset();
}

int PrometheusEndpoint::port() const
{
    return d->port;
}

std::string PrometheusEndpoint::url() const
{
    return "http://127.0.0.1:" + std::to_string(d->port) + "/metrics";
}

} // namespace Orrery::Sim
