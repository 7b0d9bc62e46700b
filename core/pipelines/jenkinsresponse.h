// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/apirequest.h"
#include "pipelines/pipelineclient.h"
#include "pipelines/pipelinerun.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Orrery {

// A Jenkins input step waiting for a person (GET .../wfapi/pendingInputActions).
struct JenkinsInput
{
    QString id; // as Jenkins spells it in URLs ("Deploy", "Ef95dd50...")
    QString message;
    QString proceedText;

    bool operator==(const JenkinsInput &) const = default;
};

// A job as GET /job/X/api/json tells it: a Pipeline job with its builds, or a folder /
// multibranch project with the jobs (branches) in it.
struct JenkinsJob
{
    QString className; // "org.jenkinsci.plugins.workflow.job.WorkflowJob", "...MultiBranchProject"
    QList<PipelineRun> builds;
    QStringList children; // names of the jobs in a folder or multibranch project

    bool isContainer() const { return builds.isEmpty() && !children.isEmpty(); }
};

// Decodes Jenkins' JSON APIs into the provider-neutral values, tolerantly and within bounds
// (docs/RELIABILITY.md): the core remote API (/api/json), the Pipeline Stage View API
// (jenkinsci/pipeline-stage-view-plugin rest-api: wfapi/describe, pendingInputActions),
// Blue Ocean's nodes (jenkinsci/blueocean-plugin blueocean-rest) and the crumb issuer.
// JsonRead (depth-limited, never throws); items that are not objects or lack an id are
// skipped; more than MaxRuns builds, MaxStages stages or MaxInputs inputs is TooLarge.
//
// The diagram's nodes are stages. Parallel branches (declarative `parallel { stage ... }`)
// become one node each with `stage` set to the stage that holds them, and that stage is not a
// node of its own: the branches take its place. Blue Ocean says so with PARALLEL nodes and
// edges; the Stage View API lists the holding stage and then its branches, so a stage whose
// time span contains the following stages, at least two of which overlap in time, holds
// those as parallel branches. Edges otherwise go stage to stage in order.
class JenkinsResponse
{
public:
    static constexpr qint64 MaxRuns = 10000;
    static constexpr qint64 MaxStages = 10000;
    static constexpr qint64 MaxInputs = 1000;
    static constexpr qint64 MaxChildren = 10000;
    // Folder levels a job tree is read and decoded to (Jenkins' own default for
    // python-jenkins' get_all_jobs is 10 per request), and the nodes kept in all.
    static constexpr int MaxTreeDepth = 8;
    static constexpr qint64 MaxTreeNodes = 10000;

    // GET /job/X/api/json?tree=... (see JenkinsClient::jobTree).
    static Result<JenkinsJob> decodeJob(const ApiResponse &response, const QString &source,
                                        const QString &what = {});
    // GET /job/X/api/json?tree=jobs[name,displayName,color,_class,jobs[...]] (or the root's
    // /api/json): the folders, multibranch projects and jobs under `parent` (the full name of
    // the job asked, empty for the root), depth first. Tolerant: an entry without a name, or
    // whose name repeats in its folder, is skipped with what is under it; nothing deeper than
    // MaxTreeDepth is read (the JSON is a tree, so there is no cycle to follow); more than
    // MaxTreeNodes entries is TooLarge.
    static Result<QList<PipelineSourceNode>>
    decodeJobTree(const ApiResponse &response, const QString &parent, const QString &what = {});
    // GET /job/X/N/api/json: one build.
    static Result<PipelineRun> decodeBuild(const ApiResponse &response, const QString &source,
                                           const QString &what = {});
    // GET /job/X/N/wfapi/describe: the stages as diagram nodes (see above).
    static Result<QList<PipelineJob>> decodeDescribe(const ApiResponse &response,
                                                     const QString &what = {});
    // GET /blue/rest/organizations/jenkins/pipelines/.../runs/N/nodes/.
    static Result<QList<PipelineJob>> decodeBlueNodes(const ApiResponse &response,
                                                      const QString &what = {});
    static Result<QList<JenkinsInput>> decodePendingInputs(const ApiResponse &response,
                                                           const QString &what = {});
    // GET /crumbIssuer/api/json: {crumbRequestField, crumb}.
    struct Crumb
    {
        QByteArray field;
        QByteArray value;
    };
    static Result<Crumb> decodeCrumb(const ApiResponse &response, const QString &what = {});
    // The build parameters of a build's api/json (actions[].parameters[]{name, value}).
    static QMap<QString, QString> parametersOf(const QByteArray &body);
    // POST .../build(WithParameters): 201 with Location .../queue/item/N/ -> "N" (empty
    // when the answer names no queue item).
    static Result<QString> decodeQueued(const ApiResponse &response, const QString &what = {});
    // GET /queue/item/N/api/json: the build number once it started, empty while queued;
    // an Error when the item was cancelled.
    static Result<QString> decodeQueueItem(const ApiResponse &response, const QString &what = {});
    // Any 2xx (or the 302 Jenkins answers a form POST with) is success.
    static Result<void> decodeAccepted(const ApiResponse &response, const QString &what = {});

    // Build result (null while building), Stage View status, Blue Ocean state + result.
    static PipelineStatus buildStatus(const QString &result, bool building);
    static PipelineStatus stageStatus(const QString &status);
    static PipelineStatus blueStatus(const QString &state, const QString &result);
    static Error errorOf(const ApiResponse &response, const QString &what);
};

} // namespace Orrery
