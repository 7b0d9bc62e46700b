// SPDX-License-Identifier: GPL-3.0-or-later
// orrery --pipelines --provider github|gitlab|jenkins --repo R|--job J [--host H] [--ca FILE]
// [--json] [--limit N], or --pipelines --demo --repo R: the newest runs of a source with their
// jobs (stages), through the same client factory as the window (connectPipelineSource), as a
// table or JSON (stable keys); exit 1 with the error in words, 2 on usage errors. With --demo
// the embedded simulator's GitHub (its front's CA and token, in memory) is the provider.

#include "commands.h"
#include "democluster.h"
#include "headlesswait.h"

#include "pipelines/pipelineclient.h"
#include "pipelines/pipelinesources.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <optional>

namespace Orrery::App {

namespace {

class Pipelines
{
    Q_DECLARE_TR_FUNCTIONS(Pipelines)
};

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QJsonValue timeValue(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(isoTime(t)) : QJsonValue();
}

// Stable keys (docs/pipelines.md, "Headless").
QJsonObject runJson(const PipelineRun &r)
{
    QJsonObject o;
    o[QStringLiteral("provider")] = pipelineProviderName(r.provider);
    o[QStringLiteral("source")] = r.source;
    o[QStringLiteral("id")] = r.id;
    o[QStringLiteral("number")] = r.number;
    o[QStringLiteral("attempt")] = r.attempt;
    o[QStringLiteral("name")] = r.name;
    o[QStringLiteral("status")] = pipelineStatusName(r.status);
    o[QStringLiteral("providerStatus")] = r.providerStatus;
    o[QStringLiteral("branch")] = r.branch;
    o[QStringLiteral("commit")] = r.commitSha;
    o[QStringLiteral("event")] = r.event;
    o[QStringLiteral("actor")] = r.actor;
    o[QStringLiteral("createdAt")] = timeValue(r.createdAt);
    o[QStringLiteral("startedAt")] = timeValue(r.startedAt);
    o[QStringLiteral("finishedAt")] = timeValue(r.finishedAt);
    o[QStringLiteral("url")] = r.webUrl;
    QJsonArray jobs;
    for (const PipelineJob &j : r.jobs) {
        QJsonObject job;
        job[QStringLiteral("id")] = j.id;
        job[QStringLiteral("name")] = j.name;
        job[QStringLiteral("stage")] = j.stage;
        job[QStringLiteral("status")] = pipelineStatusName(j.status);
        job[QStringLiteral("providerStatus")] = j.providerStatus;
        job[QStringLiteral("needs")] = QJsonArray::fromStringList(j.needs);
        job[QStringLiteral("environment")] = j.environment;
        job[QStringLiteral("startedAt")] = timeValue(j.startedAt);
        job[QStringLiteral("finishedAt")] = timeValue(j.finishedAt);
        jobs.append(job);
    }
    o[QStringLiteral("jobs")] = jobs;
    return o;
}

QString duration(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("-");
    if (seconds < 60)
        return QStringLiteral("%1s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1m%2s")
            .arg(seconds / 60)
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h%2m")
        .arg(seconds / 3600)
        .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

void printTable(QTextStream &out, const QList<PipelineRun> &runs)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    out << Pipelines::tr("RUN") << '\t' << Pipelines::tr("STATUS") << '\t'
        << Pipelines::tr("BRANCH") << '\t' << Pipelines::tr("EVENT") << '\t'
        << Pipelines::tr("COMMIT") << '\t' << Pipelines::tr("DURATION") << '\t'
        << Pipelines::tr("NAME") << '\n';
    for (const PipelineRun &r : runs) {
        out << '#' << r.number << " (" << r.id << ")\t" << pipelineStatusName(r.status) << '\t'
            << r.branch << '\t' << r.event << '\t' << r.commitSha.left(7) << '\t'
            << duration(r.durationSeconds(now)) << '\t' << r.name << '\n';
        for (const PipelineJob &j : r.jobs) {
            qint64 seconds = -1;
            if (j.startedAt.isValid())
                seconds = j.startedAt.secsTo(j.finishedAt.isValid() ? j.finishedAt : now);
            out << "  " << pipelineStatusName(j.status) << '\t' << duration(seconds) << '\t'
                << (j.stage.isEmpty() ? QString() : j.stage + QStringLiteral(" / ")) << j.name;
            if (!j.environment.isEmpty())
                out << "  [" << j.environment << ']';
            out << '\n';
        }
    }
}

} // namespace

int runPipelines(const QCommandLineParser &parser)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString usage = Pipelines::tr(
        "usage: orrery --pipelines --provider github|gitlab|jenkins --repo R|--job J "
        "[--host H] [--ca FILE] [--json] [--limit N]\n"
        "       orrery --pipelines --demo --repo R [--json] [--limit N]");

    PipelineSource source;
    const QString providerName = parser.value(QStringLiteral("provider")).trimmed().toLower();
    if (!providerName.isEmpty() && !pipelineProviderFromName(providerName, &source.provider)) {
        err << Pipelines::tr("orrery: unknown provider \"%1\" (github, gitlab or jenkins)")
                   .arg(providerName)
            << '\n'
            << usage << '\n';
        return ExitUsage;
    }
    source.source = parser.isSet(QStringLiteral("job")) ? parser.value(QStringLiteral("job"))
                                                        : parser.value(QStringLiteral("repo"));
    source.host = parser.value(QStringLiteral("host"));
    source.caFile = parser.value(QStringLiteral("ca"));
    int limit = 20;
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 1000) {
            err << Pipelines::tr("orrery: --limit takes a number from 1 to 1000") << '\n';
            return ExitUsage;
        }
    }
    const bool demo = parser.isSet(QStringLiteral("demo"));
    if (source.source.isEmpty()) {
        err << Pipelines::tr("orrery: say which runs to list with --repo or --job") << '\n'
            << usage << '\n';
        return ExitUsage;
    }

    QEventLoop loop;
    PipelineConnectOptions options;
    std::unique_ptr<DemoCluster> cluster;
    if (demo) {
        cluster = std::make_unique<DemoCluster>();
        std::optional<Result<QString>> started;
        cluster->start([&](const Result<QString> &path) {
            started = path;
            loop.quit();
        });
        if (!waitUntil([&] { return started.has_value(); }, loop) || !started->ok()) {
            err << Pipelines::tr("orrery: the demo cluster could not start: %1")
                       .arg(started ? started->error().toString() : Pipelines::tr("timed out"))
                << '\n';
            return ExitFailed;
        }
        QStringList repos;
        bool found = false;
        for (const PipelineSource &s : cluster->pipelineSources()) {
            repos << s.source;
            if (s.source == source.source && s.provider == source.provider) {
                source = s;
                found = true;
            }
        }
        if (!found) {
            err << Pipelines::tr("orrery: the demo has no %1 source \"%2\" (it has: %3)")
                       .arg(pipelineProviderName(source.provider), source.source,
                            repos.join(QStringLiteral(", ")))
                << '\n';
            return ExitFailed;
        }
        options = cluster->pipelineConnectOptions(source);
    }

    const Result<PipelineConnection> connection = connectPipelineSource(source, options);
    if (!connection.ok()) {
        err << Pipelines::tr("orrery: %1").arg(connection.error().toString()) << '\n';
        return ExitFailed;
    }
    const std::shared_ptr<PipelineClient> client = connection->client;

    PipelineRunFilter filter;
    filter.limit = limit;
    std::optional<Result<QList<PipelineRun>>> listed;
    client->runs(source.source, filter, &loop, [&](const Result<QList<PipelineRun>> &r) {
        listed = r;
        loop.quit();
    });
    if (!waitUntil([&] { return listed.has_value(); }, loop)) {
        err << Pipelines::tr("orrery: %1 did not answer in time").arg(connection->apiBase) << '\n';
        return ExitFailed;
    }
    if (!listed->ok()) {
        err << Pipelines::tr("orrery: %1").arg(listed->error().toString()) << '\n';
        return ExitFailed;
    }
    // Each run with its jobs (one request per run, a few at a time is not worth it here).
    QList<PipelineRun> runs;
    for (const PipelineRun &r : listed->value()) {
        std::optional<Result<PipelineRun>> full;
        client->run(source.source, r.id, &loop, [&](const Result<PipelineRun> &answer) {
            full = answer;
            loop.quit();
        });
        if (!waitUntil([&] { return full.has_value(); }, loop)) {
            err << Pipelines::tr("orrery: %1 did not answer in time").arg(connection->apiBase)
                << '\n';
            return ExitFailed;
        }
        if (!full->ok()) {
            err << Pipelines::tr("orrery: %1").arg(full->error().toString()) << '\n';
            return ExitFailed;
        }
        runs << full->value();
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const PipelineRun &r : runs)
            array.append(runJson(r));
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        printTable(out, runs);
    }
    return 0;
}

} // namespace Orrery::App
