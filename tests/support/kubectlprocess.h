// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Orrery::Test {

struct KubectlResult
{
    int exitCode = -1; // -1: did not start, crashed or was killed after the timeout
    QString out;
    QString err;
};

// Runs the real kubectl (the dispatcher picks the version matching the server) on
// `kubeconfig`, with HOME and the discovery cache inside `dir` and no KUBECONFIG from the
// environment; `stdinData` is written to its input. Blocks up to two minutes.
KubectlResult runKubectl(const QString &kubeconfig, const QString &dir, const QStringList &args,
                         const QByteArray &stdinData = {});

} // namespace Orrery::Test
