// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pipelines/pipelineclient.h>

#include <memory>

namespace Orrery::App {

// The one place that turns a provider and a host (empty: github.com / gitlab.com) into a
// PipelineClient for `--export-pipeline`, through connectPipelineSource() (core/pipelines/
// pipelinesources.h: the clients and their credentials: gh auth token or GH_TOKEN,
// GITLAB_TOKEN or glab's config, JENKINS_USER_ID and JENKINS_API_TOKEN, the keyring).
Result<std::shared_ptr<PipelineClient>> makePipelineClient(PipelineProvider provider,
                                                           const QString &host);

} // namespace Orrery::App
