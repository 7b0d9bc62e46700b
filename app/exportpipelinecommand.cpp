// SPDX-License-Identifier: GPL-3.0-or-later
// orrery --export-pipeline RUN FILE.{png,svg,json}: reads one run (PipelineRunRef: a provider's
// run through its PipelineClient, or file:RUN.json) and writes its diagram or the run as JSON.
// Exit codes: 0 written, 1 provider or file problem, 2 bad arguments.
#include "commands.h"
#include "pipelineclients.h"

#include <pipelineexporter.h>
#include <pipelineformat.h>
#include <theme.h>

#include <pipelines/pipelinerunjson.h>
#include <pipelines/pipelinerunref.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTextStream>
#include <QTimer>

#include <optional>

namespace Orrery::App {

namespace {

class ExportPipeline
{
    Q_DECLARE_TR_FUNCTIONS(ExportPipeline)
};

constexpr int s_timeoutMs = 60000;
constexpr int s_maxLogTails = 12;

// Waits for one handler call of a PipelineClient request (or the timeout).
template <typename T>
std::optional<Result<T>>
await(const std::function<void(QObject *, PipelineClient::Handler<T>)> &call)
{
    QEventLoop loop;
    std::optional<Result<T>> answer;
    QObject context;
    call(&context, [&](const Result<T> &r) {
        answer = r;
        loop.quit();
    });
    if (!answer) {
        QTimer::singleShot(s_timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return answer;
}

} // namespace

int runExportPipeline(const QCommandLineParser &parser)
{
    const QString refText = parser.value(QStringLiteral("export-pipeline"));
    const QString file = parser.positionalArguments().value(0);
    if (file.isEmpty() || !PipelineExporter::isSupported(file))
        return fail(2, ExportPipeline::tr("--export-pipeline RUN needs a file ending in .png, .svg "
                                          "or .json after it, not \"%1\"")
                           .arg(file));
    const Result<PipelineRunRef> ref = PipelineRunRef::parse(refText);
    if (!ref.ok())
        return fail(2, ref.error().toString());
    if (const QString look = parser.value(QStringLiteral("theme")); !look.isEmpty()) {
        Theme::Mode mode;
        if (!Theme::parseMode(look, &mode))
            return fail(
                2,
                ExportPipeline::tr("unknown --theme \"%1\"; use system, light or dark.").arg(look));
    }
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        Theme::instance()->applyStoredMode(parser.value(QStringLiteral("theme")));

    PipelineRun run;
    PipelineExporter::Options options;
    if (ref->isFile) {
        QFile in(ref->file);
        if (!in.open(QIODevice::ReadOnly))
            return fail(1,
                        ExportPipeline::tr("cannot read %1: %2").arg(ref->file, in.errorString()));
        if (in.size() > PipelineRunJson::MaxBytes)
            return fail(1, ExportPipeline::tr("%1 is too large for a run").arg(ref->file));
        Result<PipelineRun> read = PipelineRunJson::read(in.readAll());
        if (!read.ok())
            return fail(1, QStringLiteral("%1: %2").arg(ref->file, read.error().toString()));
        run = std::move(read.value());
        // A saved run is drawn as it was when saved.
        options.now = run.finishedAt.isValid() ? run.finishedAt : run.updatedAt;
    } else {
        const Result<std::shared_ptr<PipelineClient>> client
            = makePipelineClient(ref->provider, ref->host);
        if (!client.ok())
            return fail(1, client.error().toString());
        const std::shared_ptr<PipelineClient> c = client.value();
        const auto answer = await<PipelineRun>(
            [&](QObject *context, PipelineClient::Handler<PipelineRun> handler) {
                c->run(ref->source, ref->runId, context, std::move(handler));
            });
        if (!answer)
            return fail(1, ExportPipeline::tr("%1 did not answer within %2 s")
                               .arg(c->baseUrl())
                               .arg(s_timeoutMs / 1000));
        if (!answer->ok())
            return fail(1, answer->error().toString());
        run = answer->value();
        // The failed jobs' last lines, as the page shows them.
        int asked = 0;
        for (const PipelineJob &job : run.jobs) {
            if (job.status != PipelineStatus::Failed || asked++ >= s_maxLogTails)
                continue;
            const auto log = await<PipelineLogChunk>(
                [&](QObject *context, PipelineClient::Handler<PipelineLogChunk> handler) {
                    c->jobLog(ref->source, ref->runId, job.id, 0, context, std::move(handler));
                });
            if (log && log->ok())
                options.logTails.insert(job.id, PipelineFormat::logLines(log->value().text));
        }
    }
    const Result<void> written = PipelineExporter::write(run, file, options);
    if (!written.ok())
        return fail(1, written.error().toString());
    QTextStream(stdout) << ExportPipeline::tr("wrote %1 (run #%2, %n job(s))", nullptr,
                                              int(run.jobs.size()))
                               .arg(QFileInfo(file).absoluteFilePath())
                               .arg(run.number)
                        << '\n';
    return 0;
}

} // namespace Orrery::App
