// SPDX-License-Identifier: GPL-3.0-or-later
// A GitLab API v4 answer (or whatever a proxy sends instead) as GitLabResponse decodes it:
// the first byte picks the decoder (pipelines, one pipeline, jobs/bridges (merged as a run's
// bridges: no duplicate, no self link), a created
// pipeline, a .gitlab-ci.yml, a project with the user's access) and the HTTP status. Jobs are then
// linked into the needs DAG with the CI file's needs and with stage order, as GitLabClient::run
// does: every need must name another job of the run, within the bounds.
#include "fuzzinput.h"
#include "pipelines/gitlabresponse.h"

#include <QSet>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        const Fuzz::Selected in = Fuzz::select(data, size);
        static const int statuses[] = {200, 201, 400, 401, 403, 404, 500, 0};
        ApiResponse response;
        response.status = statuses[(in.selector / 8) % (sizeof statuses / sizeof statuses[0])];
        response.body = in.payload;
        const QString what = QStringLiteral("https://gitlab.example.com/api/v4/projects/1");
        const auto checkJobs = [](QList<PipelineJob> jobs, const GitLabResponse::CiConfig &ci) {
            if (jobs.size() > GitLabResponse::MaxJobs)
                __builtin_trap();
            GitLabResponse::linkJobs(&jobs, ci);
            QSet<QString> ids;
            for (const PipelineJob &j : jobs)
                ids.insert(j.id);
            for (const PipelineJob &j : jobs) {
                if (j.needs.size() > GitLabResponse::MaxNeedsPerJob)
                    __builtin_trap();
                for (const QString &need : j.needs)
                    if (need == j.id || !ids.contains(need))
                        __builtin_trap();
            }
        };
        switch (in.selector % 8) {
        case 0: {
            const auto runs
                = GitLabResponse::decodePipelines(response, QStringLiteral("a/b"), what);
            if (runs.ok() && runs->size() > GitLabResponse::MaxRuns)
                __builtin_trap();
            break;
        }
        case 1: (void)GitLabResponse::decodePipeline(response, QStringLiteral("a/b"), what); break;
        case 2: {
            const auto jobs = GitLabResponse::decodeJobs(response, what);
            if (jobs.ok()) {
                checkJobs(*jobs, {});
                // The answer as run 7's bridges, merged into its first half as jobs (so every
                // bridge of that half is listed twice), as GitLabClient::run does: no id twice,
                // no bridge opening its own run.
                const QList<PipelineJob> half = jobs->mid(0, jobs->size() / 2);
                QList<PipelineJob> merged = half;
                GitLabResponse::mergeBridges(&merged, *jobs, QStringLiteral("a/b"),
                                             QStringLiteral("7"));
                if (merged.size() > qMax<qsizetype>(half.size(), GitLabResponse::MaxJobs))
                    __builtin_trap();
                QSet<QString> seen;
                for (const PipelineJob &j : half)
                    seen.insert(j.id);
                for (qsizetype i = half.size(); i < merged.size(); ++i) {
                    const PipelineJob &b = merged.at(i);
                    if (b.id.isEmpty() || seen.contains(b.id))
                        __builtin_trap();
                    seen.insert(b.id);
                    if (b.downstreamRunId == QLatin1String("7")
                        && (b.downstreamSource.isEmpty()
                            || b.downstreamSource == QLatin1String("a/b")))
                        __builtin_trap();
                }
                checkJobs(merged, {});
            }
            break;
        }
        case 3: (void)GitLabResponse::decodeCreated(response, what); break;
        case 4: {
            // The payload as a CI file, applied to jobs named after its own keys.
            const auto ci = GitLabResponse::decodeCiConfig(in.payload, what);
            if (ci.ok()) {
                QList<PipelineJob> jobs;
                int id = 1;
                for (auto it = ci->needs.cbegin(); it != ci->needs.cend() && id < 200; ++it) {
                    PipelineJob j;
                    j.id = QString::number(id++);
                    j.name = it.key();
                    j.stage = ci->stages.value(id % qMax<qsizetype>(1, ci->stages.size()));
                    jobs.append(j);
                    for (const QString &need : it.value().mid(0, 3)) {
                        PipelineJob n;
                        n.id = QString::number(id++);
                        n.name = need + QStringLiteral(" 1/2");
                        jobs.append(n);
                    }
                }
                checkJobs(jobs, *ci);
            }
            break;
        }
        case 5: (void)GitLabResponse::decodeAccepted(response, what); break;
        case 6: {
            // The project an action checks: an access level is a GitLab role or unknown.
            const auto project = GitLabResponse::decodeProject(response, what);
            if (project.ok() && (project->accessLevel < -1 || project->accessLevel > 100))
                __builtin_trap();
            break;
        }
        default: (void)GitLabResponse::errorOf(response, what); break;
        }
        (void)GitLabResponse::status(QString::fromUtf8(in.payload.left(40)));
    });
}
