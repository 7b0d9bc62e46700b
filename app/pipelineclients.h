// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pipelines/pipelineclient.h>

#include <memory>

namespace Orrery::App {

// The one place that turns a provider and a host (empty: github.com / gitlab.com) into a
// PipelineClient, for the Pipelines page and `--export-pipeline`. The concrete clients
// (GitHub, GitLab, Jenkins under core/pipelines/) and their credentials (gh auth token or
// GH_TOKEN, GITLAB_TOKEN, a Jenkins API token from the keyring) are wired here when they are
// merged; until then every provider answers Error::Code::Unsupported in words.
Result<std::shared_ptr<PipelineClient>> makePipelineClient(PipelineProvider provider,
                                                           const QString &host);

} // namespace Orrery::App
