// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log as the audit viewer reads it back (AuditLog::read: one JSON object per
// line, torn lines skipped), and each entry written out again.
#include "audit/auditentry.h"
#include "audit/auditlog.h"
#include "fuzzinput.h"
#include <QFile>
#include <QTemporaryDir>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        // AuditLog::read takes a directory: one per process, rewritten per input.
        static QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("audit.jsonl")));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return;
        file.write(Fuzz::bytes(data, size));
        file.close();
        for (const AuditEntry &entry : AuditLog::read(dir.path()))
            (void)entry.toJson().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    });
}
