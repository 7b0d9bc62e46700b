// SPDX-License-Identifier: GPL-3.0-or-later
// What Google Cloud answers and gcloud prints, as core/cloud/gcpresponse reads it: the GKE
// cluster list and one cluster, Resource Manager's project list, the token endpoint's
// answer and errors, `gcloud config config-helper` and a service account key file; the same
// bytes through every decoder, then each cluster found into the resource the sidebar shows.
#include "cloud/gcpaccount.h"
#include "cloud/gcpresponse.h"
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        const QByteArray input = Fuzz::bytes(data, size);
        QStringList missing;
        const auto clusters = GcpResponse::parseClusterList(input, QStringLiteral("p"), &missing);
        if (clusters)
            for (const GkeClusterInfo &c : clusters.value())
                (void)GcpAccount::resourceOf(c, QStringLiteral("gcp:fuzz"));
        if (const auto one = GcpResponse::parseCluster(input, QStringLiteral("p")))
            (void)GcpAccount::resourceOf(one.value(), QStringLiteral("gcp:fuzz"));
        QString next;
        (void)GcpResponse::parseProjectList(input, &next);
        (void)GcpResponse::parseTokenResponse(input, QDateTime::fromSecsSinceEpoch(1765000000));
        (void)GcpResponse::parseConfigHelper(input);
        (void)GcpResponse::parseServiceAccountKey(input);
        for (int status : {400, 401, 403, 404, 429, 503})
            (void)GcpResponse::errorOf(status, input, QStringLiteral("fuzz"));
    });
}
