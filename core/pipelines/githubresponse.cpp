// SPDX-License-Identifier: GPL-3.0-or-later
#include "githubresponse.h"

#include "kube/actions/yamljson.h"
#include "util/jsonread.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace Orrery {

namespace {

using Json = nlohmann::json;

QString tr(const char *text)
{
    return QCoreApplication::translate("GitHubResponse", text);
}

Error tooLarge(const char *what, qint64 limit, const QString &context)
{
    return Error(Error::Code::TooLarge,
                 tr("the answer has more than %1 %2").arg(limit).arg(tr(what)), context);
}

// An id GitHub sends as a number (or, from some proxies, as a string).
QString idOf(const Json &object, std::string_view key)
{
    const Json *v = JsonRead::find(object, key);
    if (!v)
        return QString();
    if (const auto n = JsonRead::toInteger(*v))
        return QString::number(*n);
    return JsonRead::toString(*v);
}

QDateTime timeOf(const Json &object, std::string_view key)
{
    return GitHubResponse::parseTime(JsonRead::string(object, key));
}

// The object of a 2xx answer, or the Error to return.
Result<Json> objectAnswer(int httpStatus, const QByteArray &body, const QString &what)
{
    if (httpStatus < 200 || httpStatus >= 300)
        return GitHubResponse::errorOf(httpStatus, body, what);
    Json j = JsonRead::parse(body);
    if (j.is_discarded() || !j.is_object()) {
        Error e(Error::Code::ParseError, tr("the answer is not a GitHub API object"), what);
        e.httpStatus = httpStatus;
        return e;
    }
    return j;
}

// The array at `key` of a list answer, bounded, or the Error to return.
Result<Json> listAnswer(int httpStatus, const QByteArray &body, const QString &what,
                        std::string_view key, const char *noun, qint64 *totalCount)
{
    Result<Json> object = objectAnswer(httpStatus, body, what);
    if (!object.ok())
        return object.error();
    const Json *list = JsonRead::find(*object, key);
    if (!list || !list->is_array()) {
        Error e(Error::Code::ParseError,
                tr("the answer has no \"%1\" list").arg(QString::fromUtf8(key.data(), key.size())),
                what);
        e.httpStatus = httpStatus;
        return e;
    }
    if (qint64(list->size()) > GitHubResponse::MaxItems)
        return tooLarge(noun, GitHubResponse::MaxItems, what);
    *totalCount = JsonRead::integer(*object, "total_count", -1);
    return *list;
}

PipelineRun runOf(const Json &item, const QString &source)
{
    PipelineRun run;
    run.provider = PipelineProvider::GitHub;
    run.source = source.isEmpty() ? JsonRead::string(item, {"repository", "full_name"}) : source;
    run.id = idOf(item, "id");
    run.number = int(JsonRead::integer(item, "run_number", 0));
    run.attempt = int(qMax<qint64>(1, JsonRead::integer(item, "run_attempt", 1)));
    run.name = JsonRead::string(item, "name");
    if (run.name.isEmpty())
        run.name = JsonRead::string(item, "display_title");
    run.branch = JsonRead::string(item, "head_branch");
    run.commitSha = JsonRead::string(item, "head_sha");
    run.commitMessage = JsonRead::string(item, {"head_commit", "message"});
    run.event = JsonRead::string(item, "event");
    run.actor = JsonRead::string(item, {"actor", "login"});
    if (run.actor.isEmpty())
        run.actor = JsonRead::string(item, {"triggering_actor", "login"});
    const QString status = JsonRead::string(item, "status");
    const QString conclusion = JsonRead::string(item, "conclusion");
    run.status = GitHubResponse::statusOf(status, conclusion);
    run.providerStatus = GitHubResponse::providerStatusOf(status, conclusion);
    run.createdAt = timeOf(item, "created_at");
    run.startedAt = timeOf(item, "run_started_at");
    run.updatedAt = timeOf(item, "updated_at");
    // Runs have no completed_at: a finished run was last updated when it finished.
    if (pipelineStatusIsFinal(run.status))
        run.finishedAt = run.updatedAt;
    run.webUrl = JsonRead::string(item, "html_url");
    return run;
}

PipelineJob jobOf(const Json &item)
{
    PipelineJob job;
    job.id = idOf(item, "id");
    job.name = JsonRead::string(item, "name");
    const QString status = JsonRead::string(item, "status");
    const QString conclusion = JsonRead::string(item, "conclusion");
    job.status = GitHubResponse::statusOf(status, conclusion);
    job.providerStatus = GitHubResponse::providerStatusOf(status, conclusion);
    job.manual = job.status == PipelineStatus::Waiting;
    job.startedAt = timeOf(item, "started_at");
    job.finishedAt = timeOf(item, "completed_at");
    job.webUrl = JsonRead::string(item, "html_url");
    job.runner = JsonRead::string(item, "runner_name");
    job.group = GitHubResponse::matrixGroupOf(job.name);
    for (const Json &s : JsonRead::array(item, "steps")) {
        if (job.steps.size() >= GitHubResponse::MaxStepsPerJob)
            break;
        if (!s.is_object())
            continue;
        PipelineStep step;
        step.name = JsonRead::string(s, "name");
        step.number = int(JsonRead::integer(s, "number", job.steps.size() + 1));
        step.status = GitHubResponse::statusOf(JsonRead::string(s, "status"),
                                               JsonRead::string(s, "conclusion"));
        step.startedAt = timeOf(s, "started_at");
        step.finishedAt = timeOf(s, "completed_at");
        job.steps.append(step);
    }
    return job;
}

// A YAML scalar or a list of them, as strings (needs: a or needs: [a, b]).
QStringList stringOrList(const Json *v, qint64 limit)
{
    QStringList out;
    if (!v)
        return out;
    if (v->is_string() || v->is_number_integer()) {
        Json list = Json::array();
        list.push_back(*v);
        return stringOrList(&list, limit);
    }
    if (!v->is_array())
        return out;
    for (const Json &e : *v) {
        if (out.size() >= limit)
            break;
        // YAML reads a job id like 7 as a number.
        const std::optional<qint64> n
            = e.is_number_integer() ? JsonRead::toInteger(e) : std::nullopt;
        const QString s = n ? QString::number(*n) : JsonRead::toString(e);
        if (!s.isEmpty())
            out.append(s);
    }
    return out;
}

QString literalPrefixOf(const QString &name)
{
    const qsizetype expr = name.indexOf(QLatin1String("${{"));
    return expr < 0 ? name : name.left(expr).trimmed();
}

// The run job names a workflow job name with expressions expands to, as a pattern: each
// `${{ ... }}` is any text ("Build (${{ matrix.os }})" matches "Build (linux)"). No pattern
// (an empty one, which the caller must not use: it would match anything) for a name without
// an expression.
QRegularExpression expansionPattern(const QString &name)
{
    QString pattern;
    qsizetype pos = 0;
    bool any = false;
    while (pos < name.size()) {
        const qsizetype start = name.indexOf(QLatin1String("${{"), pos);
        const qsizetype end = start < 0 ? -1 : name.indexOf(QLatin1String("}}"), start + 3);
        if (start < 0 || end < 0) {
            pattern += QRegularExpression::escape(name.mid(pos));
            break;
        }
        pattern += QRegularExpression::escape(name.mid(pos, start - pos)) + QLatin1String(".+?");
        pos = end + 2;
        any = true;
    }
    if (!any)
        return {};
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern));
}

// A workflow job's name as a group is shown: its expressions taken out, with the brackets
// and separators they leave ("Build (${{ matrix.os }}, ${{ matrix.node }})" -> "Build").
QString groupNameOf(const QString &name, const QString &id)
{
    if (!name.contains(QLatin1String("${{")))
        return name.isEmpty() ? id : name;
    QString out;
    qsizetype pos = 0;
    while (pos < name.size()) {
        const qsizetype start = name.indexOf(QLatin1String("${{"), pos);
        const qsizetype end = start < 0 ? -1 : name.indexOf(QLatin1String("}}"), start + 3);
        if (start < 0 || end < 0) {
            out += name.mid(pos);
            break;
        }
        out += name.mid(pos, start - pos);
        pos = end + 2;
    }
    static const QRegularExpression emptyBrackets(QStringLiteral("[(\\[]\\s*[,\\s]*[)\\]]"));
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    out.remove(emptyBrackets);
    out.replace(spaces, QStringLiteral(" "));
    out = out.trimmed();
    while (!out.isEmpty() && QStringLiteral("-:/,").contains(out.back()))
        out = out.chopped(1).trimmed();
    return out.isEmpty() ? id : out;
}

} // namespace

PipelineStatus GitHubResponse::statusOf(const QString &status, const QString &conclusion)
{
    const QString s = status.toLower();
    const QString c = conclusion.toLower();
    // A conclusion decides once there is one (checks may send it before "completed").
    const QString word = !c.isEmpty() ? c : s;
    if (word == QLatin1String("success"))
        return PipelineStatus::Succeeded;
    if (word == QLatin1String("failure") || word == QLatin1String("timed_out")
        || word == QLatin1String("startup_failure"))
        return PipelineStatus::Failed;
    if (word == QLatin1String("cancelled"))
        return PipelineStatus::Cancelled;
    if (word == QLatin1String("skipped") || word == QLatin1String("neutral"))
        return PipelineStatus::Skipped;
    if (word == QLatin1String("action_required") || word == QLatin1String("waiting"))
        return PipelineStatus::Waiting;
    if (word == QLatin1String("in_progress"))
        return PipelineStatus::Running;
    if (word == QLatin1String("queued") || word == QLatin1String("requested")
        || word == QLatin1String("pending"))
        return PipelineStatus::Queued;
    return PipelineStatus::Unknown; // "completed" without a conclusion, "stale", anything new
}

QString GitHubResponse::providerStatusOf(const QString &status, const QString &conclusion)
{
    return status + QLatin1Char('/') + (conclusion.isEmpty() ? QStringLiteral("null") : conclusion);
}

Result<GitHubPage<PipelineRun>> GitHubResponse::decodeRuns(int httpStatus, const QByteArray &body,
                                                           const QString &source,
                                                           const QString &what)
{
    GitHubPage<PipelineRun> page;
    Result<Json> list
        = listAnswer(httpStatus, body, what, "workflow_runs", "workflow runs", &page.totalCount);
    if (!list.ok())
        return list.error();
    for (const Json &item : *list) {
        if (!item.is_object())
            continue;
        PipelineRun run = runOf(item, source);
        if (!run.id.isEmpty())
            page.items.append(std::move(run));
    }
    return page;
}

Result<PipelineRun> GitHubResponse::decodeRun(int httpStatus, const QByteArray &body,
                                              const QString &source, const QString &what,
                                              QString *workflowPath)
{
    Result<Json> object = objectAnswer(httpStatus, body, what);
    if (!object.ok())
        return object.error();
    PipelineRun run = runOf(*object, source);
    if (run.id.isEmpty()) {
        Error e(Error::Code::ParseError, tr("the workflow run has no id"), what);
        e.httpStatus = httpStatus;
        return e;
    }
    if (workflowPath)
        *workflowPath = JsonRead::string(*object, "path").section(QLatin1Char('@'), 0, 0);
    return run;
}

Result<GitHubPage<PipelineJob>> GitHubResponse::decodeJobs(int httpStatus, const QByteArray &body,
                                                           const QString &what)
{
    GitHubPage<PipelineJob> page;
    Result<Json> list = listAnswer(httpStatus, body, what, "jobs", "jobs", &page.totalCount);
    if (!list.ok())
        return list.error();
    for (const Json &item : *list) {
        if (!item.is_object())
            continue;
        PipelineJob job = jobOf(item);
        if (!job.id.isEmpty())
            page.items.append(std::move(job));
    }
    return page;
}

Result<GitHubPage<GitHubWorkflow>>
GitHubResponse::decodeWorkflows(int httpStatus, const QByteArray &body, const QString &what)
{
    GitHubPage<GitHubWorkflow> page;
    Result<Json> list
        = listAnswer(httpStatus, body, what, "workflows", "workflows", &page.totalCount);
    if (!list.ok())
        return list.error();
    for (const Json &item : *list) {
        if (!item.is_object())
            continue;
        GitHubWorkflow w;
        w.id = idOf(item, "id");
        if (w.id.isEmpty())
            continue;
        w.name = JsonRead::string(item, "name");
        w.path = JsonRead::string(item, "path");
        w.state = JsonRead::string(item, "state");
        w.webUrl = JsonRead::string(item, "html_url");
        page.items.append(w);
    }
    return page;
}

Result<QList<GitHubPendingDeployment>>
GitHubResponse::decodePendingDeployments(int httpStatus, const QByteArray &body,
                                         const QString &what)
{
    if (httpStatus < 200 || httpStatus >= 300)
        return errorOf(httpStatus, body, what);
    const Json j = JsonRead::parse(body);
    if (j.is_discarded() || !j.is_array()) {
        Error e(Error::Code::ParseError, tr("the answer is not a list of pending deployments"),
                what);
        e.httpStatus = httpStatus;
        return e;
    }
    if (qint64(j.size()) > MaxItems)
        return tooLarge("pending deployments", MaxItems, what);
    QList<GitHubPendingDeployment> out;
    for (const Json &item : j) {
        if (!item.is_object())
            continue;
        GitHubPendingDeployment d;
        const Json &env = JsonRead::object(item, "environment");
        d.environmentId = idOf(env, "id");
        d.environment = JsonRead::string(env, "name");
        if (d.environmentId.isEmpty())
            continue;
        d.waitTimerMinutes = int(JsonRead::integer(item, "wait_timer", 0));
        d.waitTimerStartedAt = timeOf(item, "wait_timer_started_at");
        d.currentUserCanApprove = JsonRead::boolean(item, "current_user_can_approve", false);
        for (const Json &r : JsonRead::array(item, "reviewers")) {
            if (d.reviewers.size() >= MaxNeedsPerJob)
                break;
            const Json &who = JsonRead::object(r, "reviewer");
            QString name = JsonRead::string(who, "login");
            if (name.isEmpty())
                name = JsonRead::string(who, "slug");
            if (!name.isEmpty())
                d.reviewers.append(name);
        }
        out.append(d);
    }
    return out;
}

Result<GitHubPage<GitHubArtifact>>
GitHubResponse::decodeArtifacts(int httpStatus, const QByteArray &body, const QString &what)
{
    GitHubPage<GitHubArtifact> page;
    Result<Json> list
        = listAnswer(httpStatus, body, what, "artifacts", "artifacts", &page.totalCount);
    if (!list.ok())
        return list.error();
    for (const Json &item : *list) {
        if (!item.is_object())
            continue;
        GitHubArtifact a;
        a.id = idOf(item, "id");
        if (a.id.isEmpty())
            continue;
        a.name = JsonRead::string(item, "name");
        a.sizeBytes = qMax<qint64>(0, JsonRead::integer(item, "size_in_bytes", 0));
        a.expired = JsonRead::boolean(item, "expired", false);
        a.createdAt = timeOf(item, "created_at");
        a.expiresAt = timeOf(item, "expires_at");
        a.digest = JsonRead::string(item, "digest");
        a.downloadUrl = JsonRead::string(item, "archive_download_url");
        a.headSha = JsonRead::string(item, {"workflow_run", "head_sha"});
        page.items.append(a);
    }
    return page;
}

Result<QString> GitHubResponse::decodeDefaultBranch(int httpStatus, const QByteArray &body,
                                                    const QString &what)
{
    Result<Json> object = objectAnswer(httpStatus, body, what);
    if (!object.ok())
        return object.error();
    const QString branch = JsonRead::string(*object, "default_branch");
    if (branch.isEmpty()) {
        Error e(Error::Code::ParseError, tr("the repository has no default branch"), what);
        e.httpStatus = httpStatus;
        return e;
    }
    return branch;
}

Result<QByteArray> GitHubResponse::decodeContent(int httpStatus, const QByteArray &body,
                                                 const QString &what)
{
    Result<Json> object = objectAnswer(httpStatus, body, what);
    if (!object.ok())
        return object.error();
    const QString encoding = JsonRead::string(*object, "encoding");
    const Json *content = JsonRead::find(*object, "content");
    if (encoding != QLatin1String("base64") || !content || !content->is_string()) {
        Error e(Error::Code::Unsupported,
                tr("the file is not served inline (encoding \"%1\")").arg(encoding), what);
        e.httpStatus = httpStatus;
        return e;
    }
    const std::string &text = *content->get_ptr<const std::string *>(); // a string: checked above
    if (qint64(text.size()) > MaxWorkflowFileBytes * 4 / 3 + 1024)
        return Error(Error::Code::TooLarge,
                     tr("the workflow file is larger than %1").arg(MaxWorkflowFileBytes), what);
    // GitHub wraps the base64 text at 60 columns; fromBase64 skips the newlines.
    return QByteArray::fromBase64(QByteArray::fromStdString(text));
}

Result<QString> GitHubResponse::decodeDispatch(int httpStatus, const QByteArray &body,
                                               const QString &what)
{
    if (httpStatus < 200 || httpStatus >= 300)
        return errorOf(httpStatus, body, what);
    const Json j = JsonRead::parse(body);
    if (!j.is_object())
        return QString();
    return idOf(j, "workflow_run_id");
}

Result<void> GitHubResponse::decodeAccepted(int httpStatus, const QByteArray &body,
                                            const QString &what)
{
    if (httpStatus < 200 || httpStatus >= 300)
        return errorOf(httpStatus, body, what);
    return {};
}

Result<QList<GitHubWorkflowJob>> GitHubResponse::decodeWorkflowJobs(const QByteArray &yaml,
                                                                    const QString &what)
{
    if (yaml.size() > MaxWorkflowFileBytes)
        return Error(Error::Code::TooLarge,
                     tr("the workflow file is larger than %1").arg(MaxWorkflowFileBytes), what);
    Result<Json> doc = YamlJson::parse(yaml, what);
    if (!doc.ok())
        return doc.error();
    const Json *jobs = JsonRead::find(*doc, "jobs");
    if (!jobs || !jobs->is_object())
        return Error(Error::Code::ParseError, tr("the workflow file has no jobs"), what);
    if (qint64(jobs->size()) > MaxWorkflowJobs)
        return tooLarge("jobs", MaxWorkflowJobs, what);
    QList<GitHubWorkflowJob> out;
    for (auto it = jobs->begin(); it != jobs->end(); ++it) {
        const Json &spec = it.value();
        GitHubWorkflowJob job;
        job.id = QString::fromStdString(it.key());
        if (spec.is_object()) {
            job.name = JsonRead::string(spec, "name");
            job.needs = stringOrList(JsonRead::find(spec, "needs"), MaxNeedsPerJob);
            const Json *env = JsonRead::find(spec, "environment");
            if (env && env->is_string())
                job.environment = JsonRead::toString(*env);
            else if (env && env->is_object())
                job.environment = JsonRead::string(*env, "name");
            job.matrix = JsonRead::find(spec, {"strategy", "matrix"}) != nullptr;
            job.reusable = JsonRead::find(spec, "uses") != nullptr;
        }
        out.append(job);
    }
    return out;
}

void GitHubResponse::applyWorkflow(QList<PipelineJob> &jobs,
                                   const QList<GitHubWorkflowJob> &workflow)
{
    // Which workflow job each run job is an instance of, trying the strictest rule first.
    auto shown = [](const GitHubWorkflowJob &w) { return w.name.isEmpty() ? w.id : w.name; };
    QList<QRegularExpression> patterns;
    for (const GitHubWorkflowJob &wj : workflow)
        patterns.append(expansionPattern(shown(wj)));
    QList<int> matchOf(jobs.size(), -1);
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        const QString &name = jobs[i].name;
        const QString group = matrixGroupOf(name);
        for (int pass = 0; pass < 5 && matchOf[i] < 0; ++pass) {
            for (qsizetype w = 0; w < workflow.size(); ++w) {
                const GitHubWorkflowJob &wj = workflow[w];
                const QString s = shown(wj);
                bool match = false;
                switch (pass) {
                case 0: match = name == s; break;
                case 1: match = wj.matrix && !group.isEmpty() && group == s; break;
                case 2: match = wj.reusable && name.startsWith(s + QLatin1String(" / ")); break;
                case 3:
                    match = !patterns[w].pattern().isEmpty() && patterns[w].match(name).hasMatch();
                    break;
                default: {
                    const QString prefix = literalPrefixOf(s);
                    match = prefix != s && !prefix.isEmpty() && name.startsWith(prefix);
                    break;
                }
                }
                if (match) {
                    matchOf[i] = int(w);
                    break;
                }
            }
        }
    }
    QHash<QString, QStringList> idsOf; // workflow job id → run job ids
    for (qsizetype i = 0; i < jobs.size(); ++i)
        if (matchOf[i] >= 0)
            idsOf[workflow[matchOf[i]].id].append(jobs[i].id);
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        if (matchOf[i] < 0)
            continue;
        const GitHubWorkflowJob &wj = workflow[matchOf[i]];
        PipelineJob &job = jobs[i];
        QStringList needs;
        for (const QString &need : wj.needs)
            for (const QString &id : idsOf.value(need))
                if (id != job.id && !needs.contains(id))
                    needs.append(id);
        job.needs = needs;
        if (job.environment.isEmpty() && !wj.environment.contains(QLatin1String("${{")))
            job.environment = wj.environment;
        if (wj.matrix)
            job.group = groupNameOf(wj.name, wj.id);
        else if (wj.reusable)
            job.group = shown(wj);
        else
            job.group.clear();
    }
}

void GitHubResponse::applyPendingDeployments(QList<PipelineJob> &jobs,
                                             const QList<GitHubPendingDeployment> &pending)
{
    for (const GitHubPendingDeployment &d : pending) {
        for (PipelineJob &job : jobs) {
            if (job.environment != d.environment || pipelineStatusIsFinal(job.status)
                || job.status == PipelineStatus::Running)
                continue;
            job.manual = true;
            job.status = PipelineStatus::Waiting;
        }
    }
}

QString GitHubResponse::matrixGroupOf(const QString &jobName)
{
    if (!jobName.endsWith(QLatin1Char(')')))
        return QString();
    const qsizetype open = jobName.lastIndexOf(QLatin1String(" ("));
    if (open <= 0)
        return QString();
    return jobName.left(open);
}

QString GitHubResponse::nextLink(const QByteArray &linkHeader)
{
    // <https://api.github.com/...&page=2>; rel="next", <...>; rel="last"
    const QString text = QString::fromUtf8(linkHeader);
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(QLatin1Char('<'), pos);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(QLatin1Char('>'), open);
        if (close < 0)
            break;
        const QString url = text.mid(open + 1, close - open - 1).trimmed();
        qsizetype end = text.indexOf(QLatin1Char('<'), close);
        if (end < 0)
            end = text.size();
        const QStringList params = text.mid(close + 1, end - close - 1).split(QLatin1Char(';'));
        for (QString p : params) {
            p = p.trimmed();
            if (p.endsWith(QLatin1Char(',')))
                p.chop(1);
            if (!p.startsWith(QLatin1String("rel="), Qt::CaseInsensitive))
                continue;
            QString rel = p.mid(4).trimmed();
            if (rel.startsWith(QLatin1Char('"')) && rel.endsWith(QLatin1Char('"'))
                && rel.size() >= 2)
                rel = rel.mid(1, rel.size() - 2);
            if (rel.split(QLatin1Char(' '), Qt::SkipEmptyParts)
                    .contains(QLatin1String("next"), Qt::CaseInsensitive))
                return url;
        }
        pos = end;
    }
    return QString();
}

GitHubRateLimit GitHubResponse::rateLimitOf(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    GitHubRateLimit rate;
    auto number = [](const QByteArray &v, int fallback) {
        bool ok = false;
        const qint64 n = v.trimmed().toLongLong(&ok);
        return ok && n >= 0 && n <= std::numeric_limits<int>::max() ? int(n) : fallback;
    };
    for (const auto &[name, value] : headers) {
        const QByteArray key = name.toLower();
        if (key == "x-ratelimit-limit") {
            rate.limit = number(value, -1);
        } else if (key == "x-ratelimit-remaining") {
            rate.remaining = number(value, -1);
        } else if (key == "x-ratelimit-used") {
            rate.used = number(value, -1);
        } else if (key == "x-ratelimit-resource") {
            rate.resource = QString::fromUtf8(value.trimmed().left(64));
        } else if (key == "x-ratelimit-reset") {
            bool ok = false;
            const qint64 epoch = value.trimmed().toLongLong(&ok);
            // Seconds since the epoch; anything beyond year 9999 is not a time.
            if (ok && epoch > 0 && epoch < 253402300800LL)
                rate.reset = QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC);
        }
    }
    return rate;
}

QByteArray GitHubResponse::encodeDispatch(const QString &ref, const QMap<QString, QString> &inputs)
{
    Json body = Json::object();
    body["ref"] = ref.toStdString();
    Json in = Json::object();
    for (auto it = inputs.cbegin(); it != inputs.cend(); ++it)
        in[it.key().toStdString()] = it.value().toStdString();
    body["inputs"] = std::move(in);
    return JsonRead::dumpBytes(body);
}

QByteArray GitHubResponse::encodeReview(const QStringList &environmentIds, bool approve,
                                        const QString &comment)
{
    Json ids = Json::array();
    for (const QString &id : environmentIds) {
        bool ok = false;
        const qint64 n = id.toLongLong(&ok);
        if (ok)
            ids.push_back(n);
    }
    Json body = Json::object();
    body["environment_ids"] = std::move(ids);
    body["state"] = approve ? "approved" : "rejected";
    body["comment"] = comment.toStdString();
    return JsonRead::dumpBytes(body);
}

Error GitHubResponse::errorOf(int httpStatus, const QByteArray &body, const QString &what,
                              const GitHubRateLimit &rate, int retryAfterSeconds)
{
    QString message;
    const Json j = JsonRead::parse(body);
    if (j.is_object())
        message = JsonRead::string(j, "message");
    else if (j.is_string())
        message = JsonRead::toString(j);
    if (message.isEmpty() && !body.trimmed().startsWith('<')) {
        message = QString::fromUtf8(body.left(200)).section(QLatin1Char('\n'), 0, 0).trimmed();
    }
    message = message.left(500);

    using Code = Error::Code;
    Code code = Code::Unknown;
    switch (httpStatus) {
    case 400:
    case 422: code = Code::InvalidArgument; break;
    case 401: code = Code::AuthError; break;
    case 403: code = Code::Forbidden; break;
    case 404: code = Code::NotFound; break;
    case 409: code = Code::Conflict; break;
    case 429: code = Code::TooManyRequests; break;
    default: code = httpStatus >= 500 ? Code::ServerError : Code::Unknown; break;
    }
    const bool rateLimited = (httpStatus == 403 || httpStatus == 429)
                             && ((rate.isValid() && rate.remaining == 0) || retryAfterSeconds >= 0);
    Error e(code, message, what);
    e.httpStatus = httpStatus;
    if (rateLimited) {
        e.code = Code::TooManyRequests;
        if (retryAfterSeconds >= 0) {
            e.retryAfterMs = retryAfterSeconds * 1000;
            e.message = tr("GitHub's rate limit was hit; it asks to wait %1 s before the next "
                           "request")
                            .arg(retryAfterSeconds);
        } else if (rate.reset.isValid()) {
            const qint64 wait
                = qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(rate.reset));
            e.retryAfterMs = int(qMin<qint64>(wait, std::numeric_limits<int>::max()));
            e.message = tr("GitHub's API rate limit of %1 requests an hour is used up; it "
                           "resets at %2 UTC")
                            .arg(rate.limit)
                            .arg(rate.reset.toString(QStringLiteral("HH:mm:ss")));
        } else {
            e.message
                = tr("GitHub's API rate limit of %1 requests an hour is used up").arg(rate.limit);
        }
        if (!message.isEmpty())
            e.message += QStringLiteral(" (") + message + QLatin1Char(')');
    } else if (e.message.isEmpty()) {
        e.message = tr("GitHub answered HTTP %1").arg(httpStatus);
    }
    if (httpStatus == 401)
        e.hint = tr("the GitHub token was refused: set GH_TOKEN (GH_ENTERPRISE_TOKEN for GitHub "
                    "Enterprise Server), run \"gh auth login\", or enter a token");
    else if (httpStatus == 404)
        e.hint = tr("GitHub answers 404 for a private repository the token cannot read");
    return e;
}

QDateTime GitHubResponse::parseTime(const QString &text)
{
    if (text.isEmpty() || text.size() > 64)
        return QDateTime();
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace Orrery
