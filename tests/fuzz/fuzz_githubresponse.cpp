// SPDX-License-Identifier: GPL-3.0-or-later
// A GitHub REST answer (or whatever a proxy sends instead) as GitHubResponse decodes it: the
// first byte picks the decoder (runs, a run, jobs, pending deployments, workflows, artifacts,
// a workflow file's jobs, the Link and rate-limit headers) and the HTTP status. Decoded jobs
// then get their needs from a workflow file and decoded workflow jobs are applied to a run's
// jobs, as GitHubClient does with every run; every need must name another job of the run.
#include "fuzzinput.h"
#include "pipelines/githubresponse.h"

#include <QSet>

namespace {

using namespace Orrery;

void checkNeeds(const QList<PipelineJob> &jobs)
{
    QSet<QString> ids;
    for (const PipelineJob &j : jobs)
        ids.insert(j.id);
    for (const PipelineJob &j : jobs)
        for (const QString &need : j.needs)
            if (need == j.id || !ids.contains(need))
                __builtin_trap();
}

const char *FixedWorkflow = "jobs:\n"
                            "  build: {strategy: {matrix: {os: [a, b]}}}\n"
                            "  test: {needs: [build]}\n"
                            "  deploy: {needs: test, environment: staging}\n";

QList<PipelineJob> fixedJobs()
{
    QList<PipelineJob> jobs(4);
    const char *names[] = {"build (a)", "build (b)", "test", "deploy"};
    for (int i = 0; i < 4; ++i) {
        jobs[i].id = QString::number(i + 1);
        jobs[i].name = QString::fromLatin1(names[i]);
        jobs[i].group = GitHubResponse::matrixGroupOf(jobs[i].name);
    }
    return jobs;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        const Fuzz::Selected in = Fuzz::select(data, size);
        static const int statuses[] = {200, 201, 204, 403, 404, 429, 500, 304};
        const int status = statuses[(in.selector / 8) % (sizeof statuses / sizeof statuses[0])];
        const QString what = QStringLiteral("https://api.github.com/repos/o/r/actions/runs");
        const QString repo = QStringLiteral("o/r");
        switch (in.selector % 8) {
        case 0: {
            const auto runs = GitHubResponse::decodeRuns(status, in.payload, repo, what);
            if (runs.ok() && runs->items.size() > GitHubResponse::MaxItems)
                __builtin_trap();
            break;
        }
        case 1: {
            QString path;
            const auto run = GitHubResponse::decodeRun(status, in.payload, repo, what, &path);
            if (run.ok())
                (void)run->durationSeconds(QDateTime::currentDateTimeUtc());
            break;
        }
        case 2: {
            const auto jobs = GitHubResponse::decodeJobs(status, in.payload, what);
            if (jobs.ok()) {
                if (jobs->items.size() > GitHubResponse::MaxItems)
                    __builtin_trap();
                for (const PipelineJob &j : jobs->items)
                    if (j.steps.size() > GitHubResponse::MaxStepsPerJob)
                        __builtin_trap();
                QList<PipelineJob> list = jobs->items;
                const auto workflow = GitHubResponse::decodeWorkflowJobs(FixedWorkflow);
                if (!workflow.ok())
                    __builtin_trap();
                GitHubResponse::applyWorkflow(list, *workflow);
                checkNeeds(list);
            }
            break;
        }
        case 3: {
            const auto pending = GitHubResponse::decodePendingDeployments(status, in.payload, what);
            if (pending.ok()) {
                QList<PipelineJob> jobs = fixedJobs();
                GitHubResponse::applyPendingDeployments(jobs, *pending);
            }
            break;
        }
        case 4: (void)GitHubResponse::decodeWorkflows(status, in.payload, what); break;
        case 5:
            (void)GitHubResponse::decodeArtifacts(status, in.payload, what);
            (void)GitHubResponse::decodeContent(status, in.payload, what);
            (void)GitHubResponse::decodeDefaultBranch(status, in.payload, what);
            (void)GitHubResponse::decodeDispatch(status, in.payload, what);
            break;
        case 6: {
            const auto workflow = GitHubResponse::decodeWorkflowJobs(in.payload, what);
            if (workflow.ok()) {
                if (workflow->size() > GitHubResponse::MaxWorkflowJobs)
                    __builtin_trap();
                QList<PipelineJob> jobs = fixedJobs();
                GitHubResponse::applyWorkflow(jobs, *workflow);
                checkNeeds(jobs);
            }
            break;
        }
        default: {
            (void)GitHubResponse::nextLink(in.payload);
            QList<QPair<QByteArray, QByteArray>> headers;
            for (const QByteArray &line : in.payload.split('\n')) {
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    headers.append({line.left(colon), line.mid(colon + 1)});
            }
            const GitHubRateLimit rate = GitHubResponse::rateLimitOf(headers);
            (void)GitHubResponse::errorOf(status, in.payload, what, rate, -1);
            break;
        }
        }
        (void)GitHubResponse::parseTime(QString::fromUtf8(in.payload.left(80)));
        (void)GitHubResponse::matrixGroupOf(QString::fromUtf8(in.payload.left(200)));
    });
}
