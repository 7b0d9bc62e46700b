// SPDX-License-Identifier: GPL-3.0-or-later
// One API object as the informers decode it, for every stored kind: the first byte picks
// the kind (and the older autoscaling/v1 HPA form), the rest is the object's JSON. Decoded
// both ways: from a nlohmann tree and from the text (simdjson's DOM, what the informers use),
// also read as a list page and as a watch event line.
#include "fuzzinput.h"
#include "kube/kubekind.h"
#include "kube/objectdecoder.h"
#include <nlohmann/json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        const Fuzz::Selected in = Fuzz::select(data, size);
        const Kind kind = Kind(in.selector % KindCount);
        const QString apiVersion
            = (in.selector / KindCount) % 2 ? QStringLiteral("autoscaling/v1") : QString();
        Internal::ObjectDecoder decoder;
        (void)decoder.decode(kind, in.payload);
        std::vector<KubeObjectPtr> items;
        std::string continueToken, resourceVersion;
        (void)decoder.decodeList(kind, in.payload, apiVersion, items, continueToken,
                                 resourceVersion);
        (void)decoder.decodeWatchEvent(
            kind, std::string_view(in.payload.constData(), std::size_t(in.payload.size())),
            apiVersion);
        const nlohmann::json object = nlohmann::json::parse(
            in.payload.constData(), in.payload.constData() + in.payload.size(), nullptr, false);
        if (object.is_discarded())
            return;
        (void)decoder.decode(kind, object, apiVersion);
        // The timestamp parser also reads every metadata.creationTimestamp-like string.
        if (object.is_string())
            (void)Internal::parseTimestamp(object.get_ref<const std::string &>());
    });
}
