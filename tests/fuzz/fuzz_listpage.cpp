// SPDX-License-Identifier: GPL-3.0-or-later
// One page of a paginated list (a *List with items, metadata.continue and resourceVersion)
// as an informer reads it. The first byte picks the kind and the answer's shape: a first
// page, a later page (continue token sent), or an error status with the body as its Status.
#include "fuzzinput.h"
#include "informerfuzzprobe.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        const Fuzz::Selected in = Fuzz::select(data, size);
        InformerFuzzProbe probe(Kind(in.selector % KindCount));
        static constexpr int statuses[] = {200, 200, 410, 500};
        const int shape = (in.selector / KindCount) % 4;
        probe.listPage(statuses[shape], in.payload,
                       shape % 2 ? QStringLiteral("token") : QString());
    });
}
