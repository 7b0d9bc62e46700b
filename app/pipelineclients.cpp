// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelineclients.h"

#include <QCoreApplication>

namespace Orrery::App {

Result<std::shared_ptr<PipelineClient>> makePipelineClient(PipelineProvider provider,
                                                           const QString &host)
{
    Error e(
        Error::Code::Unsupported,
        QCoreApplication::translate("PipelineClients", "this build of Orrery has no %1 client yet")
            .arg(pipelineProviderName(provider)),
        host.isEmpty() ? pipelineProviderName(provider) : host);
    e.hint = QCoreApplication::translate(
        "PipelineClients", "export a run saved as JSON instead: --export-pipeline file:RUN.json");
    return e;
}

} // namespace Orrery::App
