// SPDX-License-Identifier: GPL-3.0-or-later
// One API object as the informers decode it, for every stored kind: the first byte picks
// the kind (and the older autoscaling/v1 HPA form), the rest is the object's JSON.
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
        const nlohmann::json object = nlohmann::json::parse(
            in.payload.constData(), in.payload.constData() + in.payload.size(), nullptr, false);
        if (object.is_discarded())
            return;
        Internal::ObjectDecoder decoder;
        (void)decoder.decode(kind, object, apiVersion);
        // The timestamp parser also reads every metadata.creationTimestamp-like string.
        if (object.is_string())
            (void)Internal::parseTimestamp(object.get_ref<const std::string &>());
    });
}
