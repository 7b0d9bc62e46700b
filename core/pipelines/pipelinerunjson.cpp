// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinerunjson.h"

#include "util/jsonread.h"

#include <QCoreApplication>

namespace Orrery {

namespace {

using Json = JsonRead::Json;

const char s_format[] = "orrery.pipeline-run/1";

std::string utf8(const QString &s)
{
    return s.toStdString();
}

void putTime(Json &j, const char *key, const QDateTime &t)
{
    if (t.isValid())
        j[key] = utf8(t.toUTC().toString(Qt::ISODateWithMs));
}

QDateTime readTime(const Json &j, std::string_view key)
{
    const QString text = JsonRead::string(j, key);
    if (text.isEmpty() || text.size() > 64)
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

Json stringArray(const QStringList &list)
{
    Json a = Json::array();
    for (const QString &s : list)
        a.push_back(utf8(s));
    return a;
}

QStringList readStrings(const Json &j, std::string_view key, int max)
{
    QStringList out;
    for (const Json &v : JsonRead::array(j, key)) {
        if (out.size() >= max)
            break;
        if (v.is_string())
            out << JsonRead::toString(v);
    }
    return out;
}

Error tooLarge(const QString &what)
{
    return Error(Error::Code::TooLarge, what, QStringLiteral("pipeline run JSON"));
}

} // namespace

PipelineStatus PipelineRunJson::statusFromName(const QString &name)
{
    for (PipelineStatus s :
         {PipelineStatus::Queued, PipelineStatus::Waiting, PipelineStatus::Running,
          PipelineStatus::Succeeded, PipelineStatus::Failed, PipelineStatus::Cancelled,
          PipelineStatus::Skipped}) {
        if (name == pipelineStatusName(s))
            return s;
    }
    return PipelineStatus::Unknown;
}

QByteArray PipelineRunJson::write(const PipelineRun &run, bool indented)
{
    Json j = Json::object();
    j["format"] = s_format;
    j["provider"] = utf8(pipelineProviderName(run.provider));
    j["source"] = utf8(run.source);
    j["id"] = utf8(run.id);
    j["number"] = run.number;
    j["attempt"] = run.attempt;
    j["name"] = utf8(run.name);
    j["branch"] = utf8(run.branch);
    j["commitSha"] = utf8(run.commitSha);
    j["commitMessage"] = utf8(run.commitMessage);
    j["event"] = utf8(run.event);
    j["actor"] = utf8(run.actor);
    j["status"] = utf8(pipelineStatusName(run.status));
    j["providerStatus"] = utf8(run.providerStatus);
    putTime(j, "createdAt", run.createdAt);
    putTime(j, "startedAt", run.startedAt);
    putTime(j, "updatedAt", run.updatedAt);
    putTime(j, "finishedAt", run.finishedAt);
    j["webUrl"] = utf8(run.webUrl);
    j["images"] = stringArray(run.images);
    Json jobs = Json::array();
    for (const PipelineJob &job : run.jobs) {
        Json o = Json::object();
        o["id"] = utf8(job.id);
        o["name"] = utf8(job.name);
        o["stage"] = utf8(job.stage);
        o["group"] = utf8(job.group);
        o["needs"] = stringArray(job.needs);
        o["status"] = utf8(pipelineStatusName(job.status));
        o["providerStatus"] = utf8(job.providerStatus);
        putTime(o, "startedAt", job.startedAt);
        putTime(o, "finishedAt", job.finishedAt);
        o["environment"] = utf8(job.environment);
        o["manual"] = job.manual;
        o["webUrl"] = utf8(job.webUrl);
        o["runner"] = utf8(job.runner);
        Json steps = Json::array();
        for (const PipelineStep &step : job.steps) {
            Json s = Json::object();
            s["name"] = utf8(step.name);
            s["number"] = step.number;
            s["status"] = utf8(pipelineStatusName(step.status));
            putTime(s, "startedAt", step.startedAt);
            putTime(s, "finishedAt", step.finishedAt);
            steps.push_back(std::move(s));
        }
        o["steps"] = std::move(steps);
        jobs.push_back(std::move(o));
    }
    j["jobs"] = std::move(jobs);
    QByteArray out = JsonRead::dumpBytes(j, indented ? 2 : -1);
    out.append('\n');
    return out;
}

Result<PipelineRun> PipelineRunJson::read(const QByteArray &json)
{
    if (json.size() > MaxBytes)
        return tooLarge(QStringLiteral("the file is larger than %1 MiB").arg(MaxBytes >> 20));
    const Json j = JsonRead::parse(json);
    if (j.is_discarded() || !j.is_object())
        return Error(Error::Code::ParseError, QStringLiteral("not a JSON object"),
                     QStringLiteral("pipeline run JSON"));
    const QString format = JsonRead::string(j, "format");
    if (!format.isEmpty() && format != QLatin1String(s_format))
        return Error(Error::Code::Unsupported,
                     QStringLiteral("unknown format \"%1\" (expected %2)")
                         .arg(format.left(80), QLatin1String(s_format)),
                     QStringLiteral("pipeline run JSON"));
    PipelineRun run;
    if (!pipelineProviderFromName(JsonRead::string(j, "provider"), &run.provider))
        run.provider = PipelineProvider::GitHub;
    run.source = JsonRead::string(j, "source");
    run.id = JsonRead::string(j, "id");
    if (run.id.isEmpty())
        return Error(Error::Code::ParseError, QStringLiteral("the run has no \"id\""),
                     QStringLiteral("pipeline run JSON"));
    run.number = int(qBound<qint64>(0, JsonRead::integer(j, "number"), 1LL << 30));
    run.attempt = int(qBound<qint64>(1, JsonRead::integer(j, "attempt", 1), 1LL << 20));
    run.name = JsonRead::string(j, "name");
    run.branch = JsonRead::string(j, "branch");
    run.commitSha = JsonRead::string(j, "commitSha");
    run.commitMessage = JsonRead::string(j, "commitMessage");
    run.event = JsonRead::string(j, "event");
    run.actor = JsonRead::string(j, "actor");
    run.status = statusFromName(JsonRead::string(j, "status"));
    run.providerStatus = JsonRead::string(j, "providerStatus");
    run.createdAt = readTime(j, "createdAt");
    run.startedAt = readTime(j, "startedAt");
    run.updatedAt = readTime(j, "updatedAt");
    run.finishedAt = readTime(j, "finishedAt");
    run.webUrl = JsonRead::string(j, "webUrl");
    run.images = readStrings(j, "images", MaxImages);
    const Json &jobs = JsonRead::array(j, "jobs");
    if (jobs.size() > size_t(MaxJobs))
        return tooLarge(QStringLiteral("more than %1 jobs").arg(MaxJobs));
    for (const Json &o : jobs) {
        if (!o.is_object())
            continue;
        PipelineJob job;
        job.id = JsonRead::string(o, "id");
        if (job.id.isEmpty())
            continue; // a node without an id cannot take part in the graph
        job.name = JsonRead::string(o, "name", job.id);
        job.stage = JsonRead::string(o, "stage");
        job.group = JsonRead::string(o, "group");
        job.needs = readStrings(o, "needs", MaxNeedsPerJob);
        job.status = statusFromName(JsonRead::string(o, "status"));
        job.providerStatus = JsonRead::string(o, "providerStatus");
        job.startedAt = readTime(o, "startedAt");
        job.finishedAt = readTime(o, "finishedAt");
        job.environment = JsonRead::string(o, "environment");
        job.manual = JsonRead::boolean(o, "manual");
        job.webUrl = JsonRead::string(o, "webUrl");
        job.runner = JsonRead::string(o, "runner");
        const Json &steps = JsonRead::array(o, "steps");
        if (steps.size() > size_t(MaxStepsPerJob))
            return tooLarge(QStringLiteral("more than %1 steps in job \"%2\"")
                                .arg(MaxStepsPerJob)
                                .arg(job.id.left(80)));
        for (const Json &s : steps) {
            if (!s.is_object())
                continue;
            PipelineStep step;
            step.name = JsonRead::string(s, "name");
            step.number = int(qBound<qint64>(0, JsonRead::integer(s, "number"), 1LL << 30));
            step.status = statusFromName(JsonRead::string(s, "status"));
            step.startedAt = readTime(s, "startedAt");
            step.finishedAt = readTime(s, "finishedAt");
            job.steps << step;
        }
        run.jobs << job;
    }
    return run;
}

} // namespace Orrery
