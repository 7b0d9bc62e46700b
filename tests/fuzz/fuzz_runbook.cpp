// SPDX-License-Identifier: GPL-3.0-or-later
// A runbook file (YAML list of steps, or a map with name, context and steps).
#include "fuzzinput.h"
#include "runbook/runbookparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        (void)Orrery::RunbookParser::parse(Orrery::Fuzz::bytes(data, size),
                                           QStringLiteral("fuzz.yaml"));
    });
}
