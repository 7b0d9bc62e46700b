// SPDX-License-Identifier: GPL-3.0-or-later
// A kubeconfig file: loading and merging (YAML, entries, base64 certificate data), then
// everything Orrery derives from it without talking to a server: the context list and the
// connection of every context (credential providers are created, never run).
#include "fuzzinput.h"
#include "kube/kubeconfig.h"
#include <QFile>
#include <QTemporaryDir>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        // Kubeconfig loads files: one directory per process, the file rewritten per input.
        // Relative paths in the input (certificate files, token files) resolve inside it.
        static QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return;
        file.write(Fuzz::bytes(data, size));
        file.close();
        const Kubeconfig config = Kubeconfig::loadFiles({path});
        (void)config.listContextsJson().dump(-1, ' ', false,
                                             nlohmann::json::error_handler_t::replace);
        for (const QString &name : config.contextNames())
            (void)config.connection(name);
        (void)config.connection(config.currentContext());
    });
}
