// SPDX-License-Identifier: GPL-3.0-or-later
// A run as Orrery's JSON (PipelineRunJson, `--export-pipeline file:RUN.json`) and a run
// reference (PipelineRunRef): the selector's low bit picks which. A run that reads stays within
// the limits and reads back the same after being written; a reference that parses prints as a
// reference that parses to the same run.
#include "fuzzinput.h"
#include "pipelines/pipelinerunjson.h"
#include "pipelines/pipelinerunref.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Orrery::Fuzz::run([&] {
        using namespace Orrery;
        const Fuzz::Selected in = Fuzz::select(data, size);
        if (in.selector % 2 == 0) {
            const Result<PipelineRun> run = PipelineRunJson::read(in.payload);
            if (!run.ok())
                return;
            if (run->jobs.size() > PipelineRunJson::MaxJobs || run->id.isEmpty())
                __builtin_trap();
            for (const PipelineJob &job : run->jobs) {
                if (job.id.isEmpty() || job.steps.size() > PipelineRunJson::MaxStepsPerJob
                    || job.needs.size() > PipelineRunJson::MaxNeedsPerJob)
                    __builtin_trap();
            }
            const Result<PipelineRun> again = PipelineRunJson::read(PipelineRunJson::write(*run));
            if (!again.ok() || again->jobs.size() != run->jobs.size() || again->id != run->id)
                __builtin_trap();
            return;
        }
        const Result<PipelineRunRef> ref = PipelineRunRef::parse(QString::fromUtf8(in.payload));
        if (!ref.ok())
            return;
        if (!ref->isFile && (ref->source.isEmpty() || ref->runId.isEmpty()))
            __builtin_trap();
        const Result<PipelineRunRef> again = PipelineRunRef::parse(ref->toString());
        if (!again.ok() || again->runId != ref->runId || again->isFile != ref->isFile)
            __builtin_trap();
    });
}
