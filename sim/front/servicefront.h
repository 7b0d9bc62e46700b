// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/certificates.h"

#include <memory>
#include <string>

namespace Orrery::Sim {

class PlatformDeploys;
class SimClock;
class SimService;

// The one HTTPS server in front of every simulated outside service (SimService), with one
// clock they all share. A request goes to the service whose prefix is the longest match of
// its path; anything else is a JSON 404 naming the prefixes served.
//
// TLS: its own CA and a server certificate for 127.0.0.1/localhost (certificates().caCert is
// what clients trust: SSL_CERT_FILE for gh, REQUESTS_CA_BUNDLE for python clients,
// AWS_CA_BUNDLE for the aws CLI). Client certificates are not asked for.
//
// Lifetime: services are added before start(); stop() (or the destructor) stops every
// service, then the server, and joins its thread.
class ServiceFront
{
public:
    explicit ServiceFront(SimClock &clock);
    ~ServiceFront();

    ServiceFront(const ServiceFront &) = delete;
    ServiceFront &operator=(const ServiceFront &) = delete;

    SimClock &clock() const;
    void add(std::unique_ptr<SimService> service);
    // Null when no service of that name was added.
    SimService *service(const std::string &name) const;
    // The service that is the platform-as-a-service `name` (PlatformDeploys::platformName()),
    // null when none is.
    PlatformDeploys *platform(const std::string &name) const;

    // port 0: chosen by the OS.
    bool start(int port, std::string *error);
    void stop();

    std::string url() const; // https://127.0.0.1:PORT
    int port() const;
    const Certificates &certificates() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Orrery::Sim
