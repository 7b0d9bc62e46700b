// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelineclients.h"

#include <pipelines/pipelinesources.h>

namespace Orrery::App {

Result<std::shared_ptr<PipelineClient>> makePipelineClient(PipelineProvider provider,
                                                           const QString &host)
{
    PipelineSource source;
    source.provider = provider;
    source.host = host;
    const Result<PipelineConnection> connection = connectPipelineSource(source);
    if (!connection.ok())
        return connection.error();
    return connection->client;
}

} // namespace Orrery::App
