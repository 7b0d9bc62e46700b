// SPDX-License-Identifier: GPL-3.0-or-later
// What Microsoft Entra ID, Azure Resource Manager and the az CLI answer, as
// core/cloud/azurejson reads it: the same bytes through every decoder. The first byte picks
// the HTTP status the error decoders see; with its low bit set, a credential answer's
// kubeconfig also goes through the kubeconfig loader (a temporary file: slower).
#include "cloud/azurejson.h"
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        const Fuzz::Selected in = Fuzz::select(data, size);
        const QByteArray &body = in.payload;
        (void)AzureJson::parseTokenResponse(body, QDateTime::currentDateTimeUtc());
        (void)AzureJson::parseAzCliToken(body);
        (void)AzureJson::aadError(body, 400 + in.selector, QString());
        (void)AzureJson::armError(body, 400 + in.selector, QString());
        (void)AzureJson::parseSubscriptions(body);
        if (const auto page = AzureJson::parseManagedClusters(body); page) {
            for (const AksClusterInfo &c : page.value().items) {
                QString s, rg, n;
                (void)AzureJson::splitClusterId(c.id, &s, &rg, &n);
            }
        }
        (void)AzureJson::parseManagedCluster(body);
        (void)AzureJson::claims(body);
        const auto yaml = AzureJson::parseCredentialResults(body);
        if (yaml && (in.selector & 1))
            (void)AzureJson::parseUserKubeconfig(yaml.value());
    });
}
