// SPDX-License-Identifier: GPL-3.0-or-later
#include "gitlabresponse.h"

#include "kube/actions/yamljson.h"
#include "pipelines/pipelinehttp.h"
#include "util/jsonread.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace Orrery {

namespace {

using Json = nlohmann::json;

QString tr(const char *text)
{
    return QCoreApplication::translate("GitLabResponse", text);
}

Error tooLarge(const char *what, qint64 limit, const QString &context)
{
    return Error(Error::Code::TooLarge,
                 tr("the answer has more than %1 %2").arg(limit).arg(tr(what)), context);
}

// An id GitLab sends as a number (or, from proxies and older versions, a string).
QString idOf(const Json &object, std::string_view key)
{
    if (const Json *v = JsonRead::find(object, key)) {
        if (const auto n = JsonRead::toInteger(*v))
            return QString::number(*n);
        if (v->is_string())
            return JsonRead::toString(*v).left(64);
    }
    return QString();
}

QDateTime timeOf(const Json &object, std::string_view key)
{
    return PipelineHttp::parseTime(JsonRead::string(object, key));
}

// "https://gitlab.example.com/group/sub/project/-/pipelines/42" -> "group/sub/project" (also
// the older ".../group/project/pipelines/42" of GitLab's bridge examples).
QString projectPathOf(const QString &webUrl)
{
    qsizetype dash = webUrl.indexOf(QLatin1String("/-/"));
    if (dash < 0)
        dash = webUrl.lastIndexOf(QLatin1String("/pipelines/"));
    if (dash < 0)
        return QString();
    const QString before = webUrl.left(dash);
    const qsizetype scheme = before.indexOf(QLatin1String("://"));
    const qsizetype slash = before.indexOf(QLatin1Char('/'), scheme < 0 ? 0 : scheme + 3);
    return slash < 0 ? QString() : before.mid(slash + 1);
}

PipelineRun runOf(const Json &item, const QString &source)
{
    PipelineRun run;
    run.provider = PipelineProvider::GitLab;
    run.source = source;
    run.id = idOf(item, "id");
    run.number = int(std::clamp<qint64>(JsonRead::integer(item, "iid"), 0, INT_MAX));
    run.branch = JsonRead::string(item, "ref");
    run.name = JsonRead::string(item, "name");
    if (run.name.isEmpty())
        run.name = run.branch;
    run.commitSha = JsonRead::string(item, "sha");
    run.event = JsonRead::string(item, "source");
    run.actor = JsonRead::string(item, {"user", "username"});
    run.providerStatus = JsonRead::string(item, "status");
    run.status = GitLabResponse::status(run.providerStatus);
    run.createdAt = timeOf(item, "created_at");
    run.updatedAt = timeOf(item, "updated_at");
    run.startedAt = timeOf(item, "started_at");
    run.finishedAt = timeOf(item, "finished_at");
    run.webUrl = JsonRead::string(item, "web_url");
    return run;
}

PipelineJob jobOf(const Json &item)
{
    PipelineJob job;
    job.id = idOf(item, "id");
    job.name = JsonRead::string(item, "name");
    job.stage = JsonRead::string(item, "stage");
    job.providerStatus = JsonRead::string(item, "status");
    job.status = GitLabResponse::status(job.providerStatus);
    job.manual = job.providerStatus == QLatin1String("manual");
    job.startedAt = timeOf(item, "started_at");
    job.finishedAt = timeOf(item, "finished_at");
    job.webUrl = JsonRead::string(item, "web_url");
    job.runner = JsonRead::string(item, {"runner", "description"});
    if (job.runner.isEmpty())
        job.runner = JsonRead::string(item, {"runner", "name"});
    // Jobs with `environment:` say it on GitLab 16+ ("environment": {"name": ...}).
    job.environment = JsonRead::string(item, {"environment", "name"});
    const Json &downstream = JsonRead::object(item, "downstream_pipeline");
    if (!downstream.empty()) {
        job.downstreamRunId = idOf(downstream, "id");
        job.downstreamSource = projectPathOf(JsonRead::string(downstream, "web_url"));
        if (job.downstreamSource.isEmpty())
            job.downstreamSource = idOf(downstream, "project_id");
        // A bridge's own status follows its downstream pipeline's.
        const QString downstreamStatus = JsonRead::string(downstream, "status");
        if (job.providerStatus.isEmpty() && !downstreamStatus.isEmpty()) {
            job.providerStatus = downstreamStatus;
            job.status = GitLabResponse::status(downstreamStatus);
        }
    }
    return job;
}

Result<Json> answer(const ApiResponse &response, const QString &what, bool wantArray)
{
    if (!response.isSuccess())
        return GitLabResponse::errorOf(response, what);
    Json json = JsonRead::parse(response.body);
    if (json.is_discarded() || (wantArray ? !json.is_array() : !json.is_object()))
        return PipelineHttp::notAnswer(response.status, what,
                                       wantArray ? tr("a GitLab API v4 list")
                                                 : tr("a GitLab API v4 object"));
    return json;
}

// Keys of a .gitlab-ci.yml that are not jobs.
bool isGlobalKeyword(const QString &key)
{
    static const QSet<QString> keywords = {
        QStringLiteral("default"),      QStringLiteral("include"),  QStringLiteral("stages"),
        QStringLiteral("variables"),    QStringLiteral("workflow"), QStringLiteral("image"),
        QStringLiteral("services"),     QStringLiteral("cache"),    QStringLiteral("before_script"),
        QStringLiteral("after_script"), QStringLiteral("types")};
    return keywords.contains(key) || key.startsWith(QLatin1Char('.'));
}

// The `needs:` of a job definition, following `extends:` (bounded); nullopt without one.
std::optional<QStringList> needsOf(const Json &root, const Json &job, int depth = 0)
{
    if (const Json *needs = JsonRead::find(job, "needs")) {
        QStringList names;
        if (!needs->is_array())
            return names;
        for (const Json &n : *needs) {
            if (names.size() >= GitLabResponse::MaxNeedsPerJob)
                break;
            if (n.is_string()) {
                names.append(JsonRead::toString(n));
            } else if (n.is_object()) {
                // {job: x} in this pipeline; {pipeline: ...} / {project: ...} are artifacts
                // of other pipelines, not edges of this diagram.
                if (JsonRead::find(n, "pipeline") || JsonRead::find(n, "project"))
                    continue;
                const QString name = JsonRead::string(n, "job");
                if (!name.isEmpty())
                    names.append(name);
            }
        }
        return names;
    }
    if (depth >= 10)
        return std::nullopt;
    QStringList bases;
    if (const Json *extends = JsonRead::find(job, "extends")) {
        if (extends->is_string())
            bases.append(JsonRead::toString(*extends));
        else
            bases = JsonRead::stringList(*extends, {});
    }
    // The last base that says `needs` wins, as GitLab merges them in order.
    for (auto it = bases.crbegin(); it != bases.crend(); ++it) {
        const Json &base = JsonRead::object(root, it->toStdString());
        if (auto found = needsOf(root, base, depth + 1))
            return found;
    }
    return std::nullopt;
}

// "build 1/3" and "build: [linux, amd64]" are instances of "build" (parallel, matrix).
QString baseName(const QString &jobName)
{
    static const QRegularExpression parallel(QStringLiteral("^(.+?)(?: \\d+/\\d+|: \\[.*\\])$"));
    const auto m = parallel.match(jobName);
    return m.hasMatch() ? m.captured(1) : jobName;
}

} // namespace

PipelineStatus GitLabResponse::status(const QString &s)
{
    if (s == QLatin1String("success"))
        return PipelineStatus::Succeeded;
    if (s == QLatin1String("failed"))
        return PipelineStatus::Failed;
    if (s == QLatin1String("running") || s == QLatin1String("canceling"))
        return PipelineStatus::Running;
    if (s == QLatin1String("created") || s == QLatin1String("pending")
        || s == QLatin1String("preparing") || s == QLatin1String("waiting_for_resource")
        || s == QLatin1String("scheduled") || s == QLatin1String("waiting_for_callback"))
        return PipelineStatus::Queued;
    if (s == QLatin1String("manual"))
        return PipelineStatus::Waiting;
    if (s == QLatin1String("canceled") || s == QLatin1String("cancelled"))
        return PipelineStatus::Cancelled;
    if (s == QLatin1String("skipped"))
        return PipelineStatus::Skipped;
    return PipelineStatus::Unknown;
}

QString GitLabResponse::statusFilter(PipelineStatus s)
{
    switch (s) {
    case PipelineStatus::Unknown: return QString();
    case PipelineStatus::Queued: return QStringLiteral("pending");
    case PipelineStatus::Waiting: return QStringLiteral("manual");
    case PipelineStatus::Running: return QStringLiteral("running");
    case PipelineStatus::Succeeded: return QStringLiteral("success");
    case PipelineStatus::Failed: return QStringLiteral("failed");
    case PipelineStatus::Cancelled: return QStringLiteral("canceled");
    case PipelineStatus::Skipped: return QStringLiteral("skipped");
    }
    return QString();
}

Error GitLabResponse::errorOf(const ApiResponse &response, const QString &what)
{
    return PipelineHttp::errorOf(response, what, QStringLiteral("GitLab"));
}

Result<QList<PipelineRun>> GitLabResponse::decodePipelines(const ApiResponse &response,
                                                           const QString &source,
                                                           const QString &what)
{
    const Result<Json> json = answer(response, what, true);
    if (!json.ok())
        return json.error();
    if (qint64(json->size()) > MaxRuns)
        return tooLarge("pipelines", MaxRuns, what);
    QList<PipelineRun> runs;
    for (const Json &item : *json) {
        if (!item.is_object())
            continue;
        PipelineRun run = runOf(item, source);
        if (!run.id.isEmpty())
            runs.append(std::move(run));
    }
    return runs;
}

Result<PipelineRun> GitLabResponse::decodePipeline(const ApiResponse &response,
                                                   const QString &source, const QString &what)
{
    const Result<Json> json = answer(response, what, false);
    if (!json.ok())
        return json.error();
    PipelineRun run = runOf(*json, source);
    if (run.id.isEmpty())
        return PipelineHttp::notAnswer(response.status, what, tr("a GitLab pipeline"));
    return run;
}

Result<QList<PipelineJob>> GitLabResponse::decodeJobs(const ApiResponse &response,
                                                      const QString &what)
{
    Result<Json> json = answer(response, what, true);
    if (!json.ok() && response.isSuccess()) {
        // One job (GET /projects/:id/jobs/:job) is an object.
        const Result<Json> one = answer(response, what, false);
        if (one.ok() && !idOf(*one, "id").isEmpty())
            json = Json::array({*one});
    }
    if (!json.ok())
        return json.error();
    if (qint64(json->size()) > MaxJobs)
        return tooLarge("jobs", MaxJobs, what);
    QList<PipelineJob> jobs;
    for (const Json &item : *json) {
        if (!item.is_object())
            continue;
        PipelineJob job = jobOf(item);
        if (!job.id.isEmpty())
            jobs.append(std::move(job));
    }
    return jobs;
}

Result<GitLabResponse::CiConfig> GitLabResponse::decodeCiConfig(const QByteArray &yaml,
                                                                const QString &what)
{
    if (yaml.size() > MaxCiYamlBytes)
        return Error(
            Error::Code::TooLarge,
            tr("the CI configuration is larger than %1").arg(Limits::byteSize(MaxCiYamlBytes)),
            what);
    const Result<Json> parsed = YamlJson::parse(yaml, what);
    if (!parsed.ok())
        return parsed.error();
    CiConfig config;
    if (!parsed->is_object())
        return config;
    const Json &root = *parsed;
    config.stages = JsonRead::stringList(root, {"stages"});
    if (config.stages.isEmpty())
        config.stages = JsonRead::stringList(root, {"types"});
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString name = QString::fromStdString(it.key());
        if (isGlobalKeyword(name) || !it->is_object())
            continue;
        if (config.needs.size() >= MaxJobs)
            return tooLarge("jobs", MaxJobs, what);
        if (auto needs = needsOf(root, *it))
            config.needs.insert(name, *needs);
    }
    return config;
}

QString GitLabResponse::webRootOf(const QString &apiBase)
{
    QString path = QUrl(apiBase).path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (path.endsWith(QLatin1String("/api/v4")))
        path.chop(7);
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    return path;
}

void GitLabResponse::mergeBridges(QList<PipelineJob> *jobs, const QList<PipelineJob> &bridges,
                                  const QString &source, const QString &runId,
                                  const QString &webRoot)
{
    const QString rootPrefix = webRoot.isEmpty() ? QString() : webRoot + QLatin1Char('/');
    QSet<QString> ids;
    for (const PipelineJob &job : *jobs)
        ids.insert(job.id);
    for (PipelineJob bridge : bridges) {
        if (qint64(jobs->size()) >= MaxJobs)
            break;
        if (bridge.id.isEmpty() || ids.contains(bridge.id))
            continue;
        ids.insert(bridge.id);
        if (!rootPrefix.isEmpty() && bridge.downstreamSource.startsWith(rootPrefix))
            bridge.downstreamSource.remove(0, rootPrefix.size());
        if (bridge.downstreamRunId == runId
            && (bridge.downstreamSource.isEmpty() || bridge.downstreamSource == source)) {
            bridge.downstreamRunId.clear();
            bridge.downstreamSource.clear();
        }
        jobs->append(std::move(bridge));
    }
}

void GitLabResponse::linkJobs(QList<PipelineJob> *jobs, const CiConfig &config)
{
    // Stage order: the file's `stages:` (GitLab's default when absent), .pre first and
    // .post last; stages the file does not name go by their first job's id.
    QStringList order = config.stages;
    if (order.isEmpty())
        order = {QStringLiteral("build"), QStringLiteral("test"), QStringLiteral("deploy")};
    order.removeAll(QStringLiteral(".pre"));
    order.removeAll(QStringLiteral(".post"));
    order.prepend(QStringLiteral(".pre"));
    order.append(QStringLiteral(".post"));
    // A job listed twice (a page boundary that moved between two requests, or a broken
    // proxy) would otherwise need itself through its stage; the first copy stays.
    QSet<QString> seen;
    jobs->removeIf([&seen](const PipelineJob &j) {
        if (seen.contains(j.id))
            return true;
        seen.insert(j.id);
        return false;
    });
    QList<const PipelineJob *> byId;
    for (const PipelineJob &j : *jobs)
        byId.append(&j);
    std::sort(byId.begin(), byId.end(), [](const PipelineJob *a, const PipelineJob *b) {
        return a->id.toLongLong() < b->id.toLongLong();
    });
    QStringList stages; // the stages that have jobs, in order
    for (const QString &s : order)
        for (const PipelineJob *j : byId)
            if (j->stage == s) {
                stages.append(s);
                break;
            }
    for (const PipelineJob *j : byId)
        if (!stages.contains(j->stage)) {
            const qsizetype post = stages.indexOf(QStringLiteral(".post"));
            stages.insert(post < 0 ? stages.size() : post, j->stage);
        }

    QMap<QString, QStringList> idsByName; // name and base name -> ids
    QMap<QString, QStringList> idsByStage;
    for (const PipelineJob *j : byId) {
        idsByName[j->name].append(j->id);
        const QString base = baseName(j->name);
        if (base != j->name)
            idsByName[base].append(j->id);
        idsByStage[j->stage].append(j->id);
    }
    for (PipelineJob &job : *jobs) {
        job.needs.clear();
        auto declared = config.needs.constFind(job.name);
        if (declared == config.needs.cend())
            declared = config.needs.constFind(baseName(job.name));
        if (declared != config.needs.cend()) {
            for (const QString &name : *declared)
                for (const QString &id : idsByName.value(name))
                    if (id != job.id && !job.needs.contains(id)
                        && job.needs.size() < MaxNeedsPerJob)
                        job.needs.append(id);
            continue;
        }
        const qsizetype at = stages.indexOf(job.stage);
        if (at > 0)
            job.needs = idsByStage.value(stages.at(at - 1)).mid(0, MaxNeedsPerJob);
    }
}

Result<void> GitLabResponse::decodeAccepted(const ApiResponse &response, const QString &what)
{
    if (!response.isSuccess())
        return errorOf(response, what);
    return {};
}

Result<QString> GitLabResponse::decodeCreated(const ApiResponse &response, const QString &what)
{
    const Result<PipelineRun> run = decodePipeline(response, QString(), what);
    if (!run.ok())
        return run.error();
    return run->id;
}

Result<GitLabResponse::Project> GitLabResponse::decodeProject(const ApiResponse &response,
                                                              const QString &what)
{
    const Result<Json> json = answer(response, what, false);
    if (!json.ok())
        return json.error();
    Project project;
    project.id = idOf(*json, "id");
    project.path = JsonRead::string(*json, "path_with_namespace");
    project.defaultBranch = JsonRead::string(*json, "default_branch");
    if (project.id.isEmpty())
        return PipelineHttp::notAnswer(response.status, what, tr("a GitLab project"));
    if (const Json *permissions = JsonRead::find(*json, "permissions");
        permissions && permissions->is_object())
        for (const char *scope : {"project_access", "group_access"})
            if (const Json *access = JsonRead::find(*permissions, scope);
                access && access->is_object()) {
                const qint64 level = JsonRead::integer(*access, "access_level", -1);
                if (level >= 0 && level <= 100)
                    project.accessLevel = qMax(project.accessLevel, int(level));
            }
    return project;
}

} // namespace Orrery
