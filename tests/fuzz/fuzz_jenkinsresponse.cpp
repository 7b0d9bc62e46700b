// SPDX-License-Identifier: GPL-3.0-or-later
// A Jenkins answer (remote API, Pipeline Stage View, Blue Ocean, crumb issuer, queue) as
// JenkinsResponse decodes it: the first byte picks the decoder and the HTTP status. The
// stage graphs must stay a graph of the run: every need names another node of the same
// answer, within the bounds; a crumb never holds what could split a header; a job tree is a
// bounded tree.
#include "fuzzinput.h"
#include "pipelines/jenkinsresponse.h"

#include <QSet>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        const Fuzz::Selected in = Fuzz::select(data, size);
        static const int statuses[] = {200, 201, 302, 401, 403, 404, 500, 0};
        ApiResponse response;
        response.status = statuses[(in.selector / 10) % (sizeof statuses / sizeof statuses[0])];
        response.body = in.payload;
        response.headers.append(qMakePair(QByteArray("location"), in.payload.left(200)));
        const QString what = QStringLiteral("https://jenkins.example.com/job/a");
        const auto checkGraph = [](const Result<QList<PipelineJob>> &jobs) {
            if (!jobs.ok())
                return;
            if (jobs->size() > JenkinsResponse::MaxStages)
                __builtin_trap();
            QSet<QString> ids;
            for (const PipelineJob &j : *jobs)
                ids.insert(j.id);
            for (const PipelineJob &j : *jobs)
                for (const QString &need : j.needs)
                    if (need == j.id || !ids.contains(need))
                        __builtin_trap();
        };
        switch (in.selector % 10) {
        case 0: {
            const auto job = JenkinsResponse::decodeJob(response, QStringLiteral("a"), what);
            if (job.ok() && job->builds.size() > JenkinsResponse::MaxRuns)
                __builtin_trap();
            break;
        }
        case 1: (void)JenkinsResponse::decodeBuild(response, QStringLiteral("a"), what); break;
        case 2: checkGraph(JenkinsResponse::decodeDescribe(response, what)); break;
        case 3: checkGraph(JenkinsResponse::decodeBlueNodes(response, what)); break;
        case 4: {
            const auto inputs = JenkinsResponse::decodePendingInputs(response, what);
            if (inputs.ok() && inputs->size() > JenkinsResponse::MaxInputs)
                __builtin_trap();
            break;
        }
        case 5: {
            const auto crumb = JenkinsResponse::decodeCrumb(response, what);
            if (crumb.ok()
                && (crumb->field.contains('\n') || crumb->value.contains('\n')
                    || crumb->value.contains('\r') || crumb->field.contains(':')))
                __builtin_trap();
            break;
        }
        case 6: {
            (void)JenkinsResponse::decodeQueued(response, what);
            // The payload as a job tree (folders, multibranch projects, branches): bounded in
            // size and depth, each node under its parent, no full name twice.
            const auto tree = JenkinsResponse::decodeJobTree(response, QStringLiteral("f"), what);
            if (tree.ok()) {
                if (tree->size() > JenkinsResponse::MaxTreeNodes)
                    __builtin_trap();
                QSet<QString> names;
                int previous = -1;
                for (const PipelineSourceNode &n : *tree) {
                    if (n.depth < 0 || n.depth >= JenkinsResponse::MaxTreeDepth
                        || n.depth > previous + 1 || names.contains(n.source)
                        || !n.source.startsWith(QLatin1String("f/"))
                        || n.source.count(QLatin1Char('/')) != n.depth + 1)
                        __builtin_trap();
                    names.insert(n.source);
                    previous = n.depth;
                }
            }
            break;
        }
        case 7: (void)JenkinsResponse::decodeQueueItem(response, what); break;
        case 8: (void)JenkinsResponse::parametersOf(in.payload); break;
        default: (void)JenkinsResponse::errorOf(response, what); break;
        }
    });
}
