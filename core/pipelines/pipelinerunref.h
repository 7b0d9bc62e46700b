// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipelines/pipelinerun.h"
#include "util/result.h"

#include <QString>

namespace Orrery {

// Names one run on the command line (`orrery --export-pipeline RUN FILE`):
//   PROVIDER[@HOST]:SOURCE#RUN
//     github:owner/repo#123456789            a GitHub Actions run id on github.com
//     github@ghe.example.com:org/app#42      GitHub Enterprise Server (https://HOST/api/v3)
//     gitlab:group/sub/project#1234          a GitLab pipeline id on gitlab.com
//     gitlab@gitlab.example.com:grp/app#77   self-managed GitLab
//     jenkins@ci.example.com:folder/shop#31  a Jenkins build number (HOST is required)
//   file:PATH                                a run saved as JSON (PipelineRunJson)
// The source may contain '/' (and '#' only before the last '#'); the run id is what follows the
// last '#'. HOST may carry a port and a scheme ("http://127.0.0.1:8080"); without a scheme
// https is meant.
struct PipelineRunRef
{
    bool isFile = false;
    QString file; // isFile
    PipelineProvider provider = PipelineProvider::GitHub;
    QString host; // empty: the provider's public service (github.com, gitlab.com)
    QString source;
    QString runId;

    static Result<PipelineRunRef> parse(const QString &text);
    QString toString() const;
};

} // namespace Orrery
