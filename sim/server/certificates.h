// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace Orrery::Sim {

// PEM-encoded key material for one simulated cluster, generated in memory at start-up:
// a self-signed CA, a server certificate for 127.0.0.1/localhost and an admin client
// certificate (CN=admin, O=system:masters) signed by that CA. Nothing touches the disk.
struct Certificates
{
    std::string caCert;
    std::string caKey;
    std::string serverCert;
    std::string serverKey;
    std::string adminCert;
    std::string adminKey;

    // Throws std::runtime_error when OpenSSL fails.
    static Certificates generate(const std::string &clusterName);
};

} // namespace Orrery::Sim
