// SPDX-License-Identifier: GPL-3.0-or-later
#include "jenkinsresponse.h"

#include "pipelines/pipelinehttp.h"
#include "util/jsonread.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace Orrery {

namespace {

using Json = nlohmann::json;

QString tr(const char *text)
{
    return QCoreApplication::translate("JenkinsResponse", text);
}

Error tooLarge(const char *what, qint64 limit, const QString &context)
{
    return Error(Error::Code::TooLarge,
                 tr("the answer has more than %1 %2").arg(limit).arg(tr(what)), context);
}

QString idOf(const Json &object, std::string_view key)
{
    if (const Json *v = JsonRead::find(object, key)) {
        if (const auto n = JsonRead::toInteger(*v))
            return QString::number(*n);
        if (v->is_string())
            return JsonRead::toString(*v).left(128);
    }
    return QString();
}

Result<Json> answer(const ApiResponse &response, const QString &what, bool wantArray,
                    const QString &expected)
{
    if (!response.isSuccess())
        return JenkinsResponse::errorOf(response, what);
    Json json = JsonRead::parse(response.body);
    if (json.is_discarded() || (wantArray ? !json.is_array() : !json.is_object()))
        return PipelineHttp::notAnswer(response.status, what, expected);
    return json;
}

// What started a build, in the words of the other providers' events.
QString eventOf(const QString &causeClass)
{
    const QString c = causeClass.section(QLatin1Char('.'), -1).section(QLatin1Char('$'), -1);
    if (c == QLatin1String("UserIdCause") || c == QLatin1String("UserCause"))
        return QStringLiteral("manual");
    if (c == QLatin1String("SCMTriggerCause") || c.contains(QLatin1String("Push")))
        return QStringLiteral("push");
    if (c == QLatin1String("TimerTriggerCause"))
        return QStringLiteral("schedule");
    if (c == QLatin1String("UpstreamCause"))
        return QStringLiteral("upstream");
    if (c == QLatin1String("RemoteCause"))
        return QStringLiteral("remote");
    if (c == QLatin1String("BranchIndexingCause") || c == QLatin1String("BranchEventCause"))
        return QStringLiteral("branch-indexing");
    if (c == QLatin1String("ReplayCause"))
        return QStringLiteral("replay");
    return c.isEmpty() ? QString() : c.left(80);
}

PipelineRun buildOf(const Json &item, const QString &source)
{
    PipelineRun run;
    run.provider = PipelineProvider::Jenkins;
    run.source = source;
    const qint64 number = JsonRead::integer(item, "number", -1);
    run.id = number >= 0 ? QString::number(number) : idOf(item, "id");
    run.number = int(std::clamp<qint64>(number, 0, INT_MAX));
    const bool building
        = JsonRead::boolean(item, "building") || JsonRead::boolean(item, "inProgress");
    run.providerStatus = JsonRead::string(item, "result");
    if (run.providerStatus.isEmpty() && building)
        run.providerStatus = QStringLiteral("BUILDING");
    run.status = JenkinsResponse::buildStatus(JsonRead::string(item, "result"), building);
    run.startedAt = PipelineHttp::fromMillis(JsonRead::integer(item, "timestamp"));
    run.createdAt = run.startedAt;
    const qint64 duration = JsonRead::integer(item, "duration");
    if (!building && run.startedAt.isValid() && duration >= 0)
        run.finishedAt = run.startedAt.addMSecs(duration);
    run.updatedAt = run.finishedAt.isValid() ? run.finishedAt : run.startedAt;
    run.webUrl = JsonRead::string(item, "url");
    // "shop » main #12" -> "shop » main"
    run.name = JsonRead::string(item, "fullDisplayName");
    static const QRegularExpression number_(QStringLiteral(" #\\d+$"));
    run.name.remove(number_);
    if (run.name.isEmpty())
        run.name = source.section(QLatin1Char('/'), -1);
    for (const Json &action : JsonRead::array(item, "actions")) {
        for (const Json &cause : JsonRead::array(action, "causes")) {
            if (run.event.isEmpty())
                run.event = eventOf(JsonRead::string(cause, "_class"));
            if (run.actor.isEmpty())
                run.actor = JsonRead::string(cause, "userId");
        }
        const Json &revision = JsonRead::object(action, "lastBuiltRevision");
        if (run.commitSha.isEmpty())
            run.commitSha = JsonRead::string(revision, "SHA1");
        if (run.branch.isEmpty()) {
            for (const Json &b : JsonRead::array(revision, "branch")) {
                QString name = JsonRead::string(b, "name");
                for (const char *prefix : {"refs/remotes/origin/", "refs/heads/", "origin/"})
                    if (name.startsWith(QLatin1String(prefix)))
                        name = name.mid(qsizetype(strlen(prefix)));
                if (!name.isEmpty()) {
                    run.branch = name;
                    break;
                }
            }
        }
    }
    for (const Json &set : JsonRead::array(item, "changeSets")) {
        const Json &items = JsonRead::array(set, "items");
        if (!items.empty() && run.commitMessage.isEmpty())
            run.commitMessage = JsonRead::string(items.back(), "msg");
    }
    return run;
}

struct Stage
{
    PipelineJob job;
    qint64 start = 0; // ms
    qint64 end = 0;   // ms; LLONG_MAX while it runs
    bool running = false;
};

QString errorMessageOf(const Json &stage)
{
    return JsonRead::string(stage, {"error", "message"});
}

} // namespace

PipelineStatus JenkinsResponse::buildStatus(const QString &result, bool building)
{
    if (result.isEmpty())
        return building ? PipelineStatus::Running : PipelineStatus::Queued;
    if (result == QLatin1String("SUCCESS"))
        return PipelineStatus::Succeeded;
    if (result == QLatin1String("FAILURE") || result == QLatin1String("UNSTABLE"))
        return PipelineStatus::Failed;
    if (result == QLatin1String("ABORTED"))
        return PipelineStatus::Cancelled;
    if (result == QLatin1String("NOT_BUILT"))
        return PipelineStatus::Skipped;
    return PipelineStatus::Unknown;
}

PipelineStatus JenkinsResponse::stageStatus(const QString &s)
{
    if (s == QLatin1String("SUCCESS"))
        return PipelineStatus::Succeeded;
    if (s == QLatin1String("FAILED") || s == QLatin1String("FAILURE")
        || s == QLatin1String("UNSTABLE"))
        return PipelineStatus::Failed;
    if (s == QLatin1String("IN_PROGRESS"))
        return PipelineStatus::Running;
    if (s == QLatin1String("PAUSED_PENDING_INPUT"))
        return PipelineStatus::Waiting;
    if (s == QLatin1String("ABORTED"))
        return PipelineStatus::Cancelled;
    if (s == QLatin1String("NOT_EXECUTED") || s == QLatin1String("SKIPPED"))
        return PipelineStatus::Skipped;
    if (s == QLatin1String("QUEUED") || s == QLatin1String("NOT_BUILT"))
        return PipelineStatus::Queued;
    return PipelineStatus::Unknown;
}

PipelineStatus JenkinsResponse::blueStatus(const QString &state, const QString &result)
{
    if (state == QLatin1String("PAUSED"))
        return PipelineStatus::Waiting;
    if (state == QLatin1String("RUNNING"))
        return PipelineStatus::Running;
    if (state == QLatin1String("QUEUED") || state.isEmpty())
        return PipelineStatus::Queued;
    if (state == QLatin1String("SKIPPED") || state == QLatin1String("NOT_BUILT"))
        return PipelineStatus::Skipped;
    if (state == QLatin1String("FINISHED")) {
        if (result == QLatin1String("SUCCESS"))
            return PipelineStatus::Succeeded;
        if (result == QLatin1String("FAILURE") || result == QLatin1String("UNSTABLE"))
            return PipelineStatus::Failed;
        if (result == QLatin1String("ABORTED"))
            return PipelineStatus::Cancelled;
        if (result == QLatin1String("NOT_BUILT"))
            return PipelineStatus::Skipped;
    }
    return PipelineStatus::Unknown;
}

Error JenkinsResponse::errorOf(const ApiResponse &response, const QString &what)
{
    Error e = PipelineHttp::errorOf(response, what, QStringLiteral("Jenkins"));
    if (response.status == 403 && response.body.contains("crumb"))
        e.hint = QCoreApplication::translate(
            "JenkinsResponse",
            "Jenkins wants a valid crumb (CSRF protection): use an API token, or check that "
            "/crumbIssuer answers");
    return e;
}

Result<JenkinsJob> JenkinsResponse::decodeJob(const ApiResponse &response, const QString &source,
                                              const QString &what)
{
    const Result<Json> json = answer(response, what, false, tr("a Jenkins job"));
    if (!json.ok())
        return json.error();
    JenkinsJob job;
    job.className = JsonRead::string(*json, "_class");
    const Json &builds = JsonRead::array(*json, "builds");
    if (qint64(builds.size()) > MaxRuns)
        return tooLarge("builds", MaxRuns, what);
    for (const Json &item : builds) {
        if (!item.is_object())
            continue;
        PipelineRun run = buildOf(item, source);
        if (!run.id.isEmpty())
            job.builds.append(std::move(run));
    }
    const Json &jobs = JsonRead::array(*json, "jobs");
    if (qint64(jobs.size()) > MaxChildren)
        return tooLarge("jobs", MaxChildren, what);
    for (const Json &child : jobs) {
        const QString name = JsonRead::string(child, "name");
        if (!name.isEmpty())
            job.children.append(name);
    }
    return job;
}

namespace JenkinsJobTreeDecode {

// A job's ball colour: its last build's result ("_anime" while one runs).
PipelineStatus statusOfColor(const QString &color)
{
    if (color.endsWith(QLatin1String("_anime")))
        return PipelineStatus::Running;
    if (color == QLatin1String("blue") || color == QLatin1String("green"))
        return PipelineStatus::Succeeded;
    if (color == QLatin1String("red") || color == QLatin1String("yellow"))
        return PipelineStatus::Failed;
    if (color == QLatin1String("aborted"))
        return PipelineStatus::Cancelled;
    return PipelineStatus::Unknown;
}

PipelineSourceNode::Kind kindOf(const QString &className, bool hasJobs)
{
    if (className.contains(QLatin1String("MultiBranchProject")))
        return PipelineSourceNode::Kind::MultiBranch;
    if (hasJobs || className.endsWith(QLatin1String(".Folder"))
        || className.contains(QLatin1String("OrganizationFolder")))
        return PipelineSourceNode::Kind::Folder;
    return PipelineSourceNode::Kind::Job;
}

// Appends `jobs` (the entries of the folder `parent`) and, depth first, what they hold.
// False when the node limit was passed.
bool walk(const Json &jobs, const QString &parent, int depth, QList<PipelineSourceNode> *out)
{
    if (depth >= JenkinsResponse::MaxTreeDepth)
        return true;
    QSet<QString> names;
    for (const Json &child : jobs) {
        if (!child.is_object())
            continue;
        const QString name = JsonRead::string(child, "name").left(256);
        if (name.isEmpty() || name.contains(QLatin1Char('/')) || names.contains(name))
            continue;
        names.insert(name);
        if (qint64(out->size()) >= JenkinsResponse::MaxTreeNodes)
            return false;
        const Json *children = JsonRead::find(child, "jobs");
        const bool hasJobs = children && children->is_array();
        PipelineSourceNode node;
        node.kind = kindOf(JsonRead::string(child, "_class"), hasJobs);
        node.source = parent.isEmpty() ? name : parent + QLatin1Char('/') + name;
        node.name = JsonRead::string(child, "displayName").left(256);
        if (node.name.isEmpty())
            node.name = QUrl::fromPercentEncoding(name.toUtf8());
        node.depth = depth;
        node.status = statusOfColor(JsonRead::string(child, "color"));
        out->append(node);
        if (hasJobs && !walk(*children, node.source, depth + 1, out))
            return false;
    }
    return true;
}

} // namespace JenkinsJobTreeDecode

Result<QList<PipelineSourceNode>> JenkinsResponse::decodeJobTree(const ApiResponse &response,
                                                                 const QString &parent,
                                                                 const QString &what)
{
    const Result<Json> json = answer(response, what, false, tr("a Jenkins job"));
    if (!json.ok())
        return json.error();
    QList<PipelineSourceNode> out;
    if (!JenkinsJobTreeDecode::walk(JsonRead::array(*json, "jobs"), parent, 0, &out))
        return tooLarge("jobs", MaxTreeNodes, what);
    return out;
}

Result<PipelineRun> JenkinsResponse::decodeBuild(const ApiResponse &response, const QString &source,
                                                 const QString &what)
{
    const Result<Json> json = answer(response, what, false, tr("a Jenkins build"));
    if (!json.ok())
        return json.error();
    PipelineRun run = buildOf(*json, source);
    if (run.id.isEmpty())
        return PipelineHttp::notAnswer(response.status, what, tr("a Jenkins build"));
    return run;
}

Result<QList<PipelineJob>> JenkinsResponse::decodeDescribe(const ApiResponse &response,
                                                           const QString &what)
{
    const Result<Json> json = answer(response, what, false, tr("a Stage View description"));
    if (!json.ok())
        return json.error();
    const Json &array = JsonRead::array(*json, "stages");
    if (qint64(array.size()) > MaxStages)
        return tooLarge("stages", MaxStages, what);
    QList<Stage> stages;
    QSet<QString> ids; // a stage listed twice would need itself: the first copy stays
    for (const Json &item : array) {
        Stage s;
        s.job.id = idOf(item, "id");
        if (s.job.id.isEmpty() || ids.contains(s.job.id))
            continue;
        ids.insert(s.job.id);
        s.job.name = JsonRead::string(item, "name");
        s.job.providerStatus = JsonRead::string(item, "status");
        s.job.status = stageStatus(s.job.providerStatus);
        s.job.manual = s.job.status == PipelineStatus::Waiting;
        s.job.runner = JsonRead::string(item, "execNode");
        s.start = JsonRead::integer(item, "startTimeMillis");
        const qint64 duration = qMax<qint64>(0, JsonRead::integer(item, "durationMillis"));
        s.running
            = s.job.status == PipelineStatus::Running || s.job.status == PipelineStatus::Waiting;
        s.end = s.running ? LLONG_MAX : s.start + duration;
        s.job.startedAt = PipelineHttp::fromMillis(s.start);
        if (!s.running && s.job.startedAt.isValid())
            s.job.finishedAt = s.job.startedAt.addMSecs(duration);
        const QString error = errorMessageOf(item);
        if (!error.isEmpty())
            s.job.steps.append(PipelineStep{error.left(500), 1, s.job.status, {}, {}});
        stages.append(std::move(s));
    }
    // Group: a stage whose span holds the next stages, two of which overlap, holds them
    // as parallel branches.
    QList<PipelineJob> jobs;
    QStringList previous; // ids of the last column
    for (qsizetype i = 0; i < stages.size();) {
        const Stage &holder = stages.at(i);
        qsizetype j = i + 1;
        while (j < stages.size() && holder.start > 0 && stages.at(j).start >= holder.start
               && stages.at(j).end <= holder.end)
            ++j;
        bool overlap = false;
        for (qsizetype a = i + 1; a < j && !overlap; ++a)
            for (qsizetype b = a + 1; b < j && !overlap; ++b)
                overlap = stages.at(a).start < stages.at(b).end
                          && stages.at(b).start < stages.at(a).end;
        if (overlap) {
            QStringList column;
            for (qsizetype k = i + 1; k < j; ++k) {
                PipelineJob branch = stages.at(k).job;
                branch.stage = holder.job.name;
                branch.needs = previous;
                column.append(branch.id);
                jobs.append(std::move(branch));
            }
            previous = column;
            i = j;
            continue;
        }
        PipelineJob job = holder.job;
        job.stage = job.name;
        job.needs = previous;
        previous = {job.id};
        jobs.append(std::move(job));
        ++i;
    }
    return jobs;
}

Result<QList<PipelineJob>> JenkinsResponse::decodeBlueNodes(const ApiResponse &response,
                                                            const QString &what)
{
    const Result<Json> json = answer(response, what, true, tr("a list of Blue Ocean nodes"));
    if (!json.ok())
        return json.error();
    if (qint64(json->size()) > MaxStages)
        return tooLarge("stages", MaxStages, what);
    QList<PipelineJob> nodes;
    QHash<QString, QStringList> predecessors;
    QHash<QString, QString> parentOf; // PARALLEL node -> the STAGE holding it
    QSet<QString> holders;
    QSet<QString> ids;
    for (const Json &item : *json) {
        PipelineJob job;
        job.id = idOf(item, "id");
        if (job.id.isEmpty() || ids.contains(job.id))
            continue;
        ids.insert(job.id);
        job.name = JsonRead::string(item, "displayName");
        const QString state = JsonRead::string(item, "state");
        const QString result = JsonRead::string(item, "result");
        job.providerStatus = result.isEmpty() ? state : state + QLatin1Char('/') + result;
        job.status = blueStatus(state, result);
        job.manual
            = job.status == PipelineStatus::Waiting || !JsonRead::object(item, "input").empty();
        job.startedAt = PipelineHttp::parseTime(JsonRead::string(item, "startTime"));
        const qint64 duration = JsonRead::integer(item, "durationInMillis", -1);
        if (pipelineStatusIsFinal(job.status) && job.startedAt.isValid() && duration >= 0)
            job.finishedAt = job.startedAt.addMSecs(duration);
        const Json &edges = JsonRead::array(item, "edges");
        qint64 count = 0;
        for (const Json &edge : edges) {
            if (++count > MaxStages)
                break;
            const QString to = idOf(edge, "id");
            if (!to.isEmpty() && to != job.id)
                predecessors[to].append(job.id);
        }
        if (JsonRead::string(item, "type") == QLatin1String("PARALLEL")) {
            const QString parent = idOf(item, "firstParent");
            if (!parent.isEmpty()) {
                parentOf.insert(job.id, parent);
                holders.insert(parent);
            }
        }
        job.stage = job.name;
        nodes.append(std::move(job));
    }
    QHash<QString, QString> nameOf;
    for (const PipelineJob &n : std::as_const(nodes))
        nameOf.insert(n.id, n.name);
    // A holder's branches need what the holder needed; nothing needs a holder itself, and a
    // node never needs itself (edges through a holder can lead back to it).
    const auto resolve = [&](const QString &self, const QStringList &preds) {
        QStringList out;
        QStringList todo = preds;
        QSet<QString> seen{self};
        while (!todo.isEmpty() && out.size() < MaxStages) {
            const QString p = todo.takeFirst();
            if (seen.contains(p))
                continue;
            seen.insert(p);
            if (holders.contains(p))
                todo.append(predecessors.value(p));
            else if (ids.contains(p) && !out.contains(p))
                out.append(p);
        }
        return out;
    };
    QList<PipelineJob> jobs;
    for (PipelineJob &n : nodes) {
        if (holders.contains(n.id))
            continue;
        const QString parent = parentOf.value(n.id);
        if (!parent.isEmpty())
            n.stage = nameOf.value(parent, n.stage);
        QStringList preds = predecessors.value(n.id);
        if (!parent.isEmpty() && !preds.contains(parent))
            preds.append(parent);
        n.needs = resolve(n.id, preds);
        jobs.append(std::move(n));
    }
    return jobs;
}

Result<QList<JenkinsInput>> JenkinsResponse::decodePendingInputs(const ApiResponse &response,
                                                                 const QString &what)
{
    const Result<Json> json = answer(response, what, true, tr("a list of pending inputs"));
    if (!json.ok())
        return json.error();
    if (qint64(json->size()) > MaxInputs)
        return tooLarge("inputs", MaxInputs, what);
    QList<JenkinsInput> inputs;
    for (const Json &item : *json) {
        JenkinsInput input;
        input.id = JsonRead::string(item, "id");
        if (input.id.isEmpty())
            continue;
        input.message = JsonRead::string(item, "message");
        input.proceedText = JsonRead::string(item, "proceedText");
        inputs.append(std::move(input));
    }
    return inputs;
}

Result<JenkinsResponse::Crumb> JenkinsResponse::decodeCrumb(const ApiResponse &response,
                                                            const QString &what)
{
    const Result<Json> json = answer(response, what, false, tr("a Jenkins crumb"));
    if (!json.ok())
        return json.error();
    Crumb crumb;
    crumb.field = JsonRead::string(*json, "crumbRequestField").toUtf8();
    crumb.value = JsonRead::string(*json, "crumb").toUtf8();
    // A header name and value: nothing that could split or end the header.
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9._-]{1,100}$"));
    static const QRegularExpression value(QStringLiteral("^[\\x21-\\x7e]{1,500}$"));
    if (!token.match(QString::fromUtf8(crumb.field)).hasMatch()
        || !value.match(QString::fromUtf8(crumb.value)).hasMatch())
        return PipelineHttp::notAnswer(response.status, what, tr("a Jenkins crumb"));
    return crumb;
}

QMap<QString, QString> JenkinsResponse::parametersOf(const QByteArray &body)
{
    QMap<QString, QString> out;
    const Json json = JsonRead::parse(body);
    for (const Json &action : JsonRead::array(json, "actions"))
        for (const Json &p : JsonRead::array(action, "parameters")) {
            if (out.size() >= MaxInputs)
                return out;
            const QString name = JsonRead::string(p, "name");
            const Json *v = JsonRead::find(p, "value");
            if (name.isEmpty() || !v)
                continue;
            if (v->is_string())
                out.insert(name, JsonRead::toString(*v));
            else if (v->is_boolean())
                out.insert(name, v->get<bool>() ? QStringLiteral("true") : QStringLiteral("false"));
            else if (const auto n = JsonRead::toInteger(*v))
                out.insert(name, QString::number(*n));
        }
    return out;
}

Result<QString> JenkinsResponse::decodeQueued(const ApiResponse &response, const QString &what)
{
    if (!response.isSuccess() && response.status != 302 && response.status != 303)
        return errorOf(response, what);
    static const QRegularExpression item(QStringLiteral("/queue/item/(\\d+)/?$"));
    const auto m = item.match(QString::fromUtf8(response.header("location")).trimmed());
    return m.hasMatch() ? m.captured(1) : QString();
}

Result<QString> JenkinsResponse::decodeQueueItem(const ApiResponse &response, const QString &what)
{
    const Result<Json> json = answer(response, what, false, tr("a Jenkins queue item"));
    if (!json.ok())
        return json.error();
    if (JsonRead::boolean(*json, "cancelled"))
        return Error(Error::Code::Cancelled, tr("the queued build was cancelled"), what);
    const qint64 number = JsonRead::integer(*json, {"executable", "number"}, -1);
    return number >= 0 ? QString::number(number) : QString();
}

Result<void> JenkinsResponse::decodeAccepted(const ApiResponse &response, const QString &what)
{
    if (!response.isSuccess() && response.status != 302 && response.status != 303)
        return errorOf(response, what);
    return {};
}

} // namespace Orrery
