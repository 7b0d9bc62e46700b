// SPDX-License-Identifier: GPL-3.0-or-later
// A runbook file (YAML list of steps, or a map with name, context and steps), with its steps'
// `expect:` entries described as the player and --play show them.
#include "fuzzinput.h"
#include "runbook/runbookparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        const auto book = Orrery::RunbookParser::parse(Orrery::Fuzz::bytes(data, size),
                                                       QStringLiteral("fuzz.yaml"));
        if (!book.ok())
            return;
        for (const Orrery::RunbookStep &step : book->steps)
            for (const Orrery::RunbookExpectation &e : step.expectations) {
                (void)e.describe();
                (void)e.kinds();
            }
    });
}
