// SPDX-License-Identifier: GPL-3.0-or-later
// Helm release storage as the Helm page and rollback read it: Helm's own encoding
// (base64, gzip or plain JSON), a storage Secret, and a list of Secrets, plus the views
// built from decoded releases (values YAML, history table, diffs).
// The input is also read as one page of an all-namespace SecretList
// (HelmReleaseList::decodePage, split by metadata.namespace), as the Helm page reads it.
#include "fuzzinput.h"
#include "helm/helmcodec.h"
#include "helm/helmreleaselist.h"
#include "helm/helmreleases.h"

namespace {

void render(const Orrery::HelmReleases &releases)
{
    using namespace Orrery;
    const QList<HelmRelease> latest = releases.latest();
    for (const HelmRelease &r : latest) {
        const QList<HelmRelease> history = releases.history(r.name);
        (void)HelmReleases::historyTable(history);
        (void)HelmReleases::valuesYaml(r);
        if (history.size() > 1)
            (void)HelmReleases::manifestDiff(history.front(), history.back());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        const QByteArray input = Fuzz::bytes(data, size);
        // Helm's encoding, and the same bytes already un-base64ed (gzip or JSON).
        (void)HelmCodec::decodeRelease(input);
        (void)HelmCodec::decodeRelease(input.toBase64());
        (void)HelmCodec::gunzip(input);
        const HelmReleaseList list = HelmReleaseList::decodePage(input);
        for (const HelmReleases &inNamespace : list.releases())
            render(inNamespace);

        const nlohmann::json doc = nlohmann::json::parse(
            input.constData(), input.constData() + input.size(), nullptr, false);
        if (doc.is_discarded())
            return;
        (void)HelmCodec::decodeSecret(doc);
        const HelmReleases releases = HelmReleases::fromSecrets(doc);
        render(releases);
    });
}
