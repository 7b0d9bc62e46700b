// SPDX-License-Identifier: GPL-3.0-or-later
// A manifest for apply (YAML or JSON, multi-document), through what the apply dialog does
// with it before anything is sent: plan the server-side apply writes
// (ui/operations/actioncontrollerapply.cpp calls ServerSideApply::plan), scrub each for the
// audit log, and render it as YAML for the diff.
#include "audit/auditentry.h"
#include "fuzzinput.h"
#include "kube/actions/serversideapply.h"
#include "kube/actions/yamljson.h"
#include "util/jsontoyaml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        const QByteArray yaml = Fuzz::bytes(data, size);
        ServerSideApply::Options options;
        options.dryRun = true;
        const auto writes = ServerSideApply::plan(yaml, options, {}, QStringLiteral("fuzz.yaml"));
        if (!writes.ok())
            return;
        for (const PlannedWrite &write : writes.value()) {
            (void)AuditEntry::fromWrite(write);
            (void)jsonToYaml(write.body);
            (void)YamlJson::toYaml(write.body);
        }
    });
}
