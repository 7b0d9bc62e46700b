// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinefixtures.h"

#include <QTimer>

namespace Orrery::PipelineFixtures {

namespace {

PipelineJob job(const QString &id, const QString &name, PipelineStatus status,
                const QDateTime &start, qint64 seconds, const QStringList &needs = {},
                const QString &stage = {}, const QString &group = {})
{
    PipelineJob j;
    j.id = id;
    j.name = name;
    j.status = status;
    j.needs = needs;
    j.stage = stage;
    j.group = group;
    if (status != PipelineStatus::Queued && status != PipelineStatus::Waiting
        && status != PipelineStatus::Skipped && start.isValid()) {
        j.startedAt = start;
        if (pipelineStatusIsFinal(status))
            j.finishedAt = start.addSecs(seconds);
    }
    int n = 1;
    for (const QString &step : {QStringLiteral("Set up job"), QStringLiteral("Checkout"),
                                QStringLiteral("Run ") + name}) {
        PipelineStep s;
        s.name = step;
        s.number = n++;
        s.status = (status == PipelineStatus::Failed && n == 4) ? PipelineStatus::Failed
                   : pipelineStatusIsFinal(status)              ? PipelineStatus::Succeeded
                                                                : status;
        j.steps << s;
    }
    return j;
}

PipelineRun head(const QString &id, int number, const QString &name, const QDateTime &created)
{
    PipelineRun r;
    r.provider = PipelineProvider::GitHub;
    r.source = QStringLiteral("orrery-demo/chat");
    r.id = id;
    r.number = number;
    r.name = name;
    r.branch = QStringLiteral("main");
    r.commitSha = QStringLiteral("abc1234def5678901234567890abcdef12345678");
    r.commitMessage = QStringLiteral("Bump the chart to 1.4.2");
    r.event = QStringLiteral("push");
    r.actor = QStringLiteral("ada");
    r.createdAt = created;
    r.startedAt = created;
    r.updatedAt = created;
    r.webUrl = QStringLiteral("https://github.test/orrery-demo/chat/actions/runs/") + id;
    return r;
}

} // namespace

PipelineRun shopRun(const QDateTime &now)
{
    using S = PipelineStatus;
    const QDateTime t0 = now.addSecs(-900);
    PipelineRun r = head(QStringLiteral("31"), 31, QStringLiteral("shop/main"), t0);
    r.provider = PipelineProvider::Jenkins;
    r.source = QStringLiteral("shop/main");
    r.event = QStringLiteral("scm");
    r.status = S::Waiting;
    r.jobs = {job("1", "Checkout", S::Succeeded, t0, 20, {}, "Checkout"),
              job("2", "Build api", S::Succeeded, t0.addSecs(20), 140, {}, "Build"),
              job("3", "Build web", S::Succeeded, t0.addSecs(20), 210, {}, "Build"),
              job("4", "Build worker", S::Succeeded, t0.addSecs(20), 95, {}, "Build"),
              job("5", "Unit tests", S::Succeeded, t0.addSecs(230), 180, {}, "Test"),
              job("6", "Integration tests", S::Succeeded, t0.addSecs(230), 260, {}, "Test"),
              job("7", "Package", S::Succeeded, t0.addSecs(490), 60, {}, "Package"),
              job("8", "Deploy staging", S::Succeeded, t0.addSecs(550), 120, {}, "Staging"),
              job("9", "Approve production", S::Waiting, t0.addSecs(670), 0, {}, "Approve"),
              job("10", "Deploy production", S::Queued, {}, 0, {}, "Production")};
    r.jobs[8].manual = true;
    r.jobs[8].environment = QStringLiteral("production");
    return r;
}

PipelineRun chatRun(const QDateTime &now)
{
    using S = PipelineStatus;
    const QDateTime t0 = now.addSecs(-420);
    PipelineRun r = head(QStringLiteral("9001"), 128, QStringLiteral("CI/CD"), t0);
    r.status = S::Running;
    r.jobs = {
        job("c1", "lint", S::Running, t0.addSecs(300), 0),
        job("c2", "unit", S::Succeeded, t0.addSecs(5), 95),
        job("c3", "test (node 18, api)", S::Succeeded, t0.addSecs(100), 120, {"c2"}, {}, "test"),
        job("c4", "test (node 18, web)", S::Succeeded, t0.addSecs(100), 90, {"c2"}, {}, "test"),
        job("c5", "test (node 20, api)", S::Failed, t0.addSecs(100), 75, {"c2"}, {}, "test"),
        job("c6", "test (node 20, web)", S::Running, t0.addSecs(100), 0, {"c2"}, {}, "test"),
        job("c7", "build image", S::Succeeded, t0.addSecs(100), 160, {"c2"}),
        job("c8", "scan image", S::Succeeded, t0.addSecs(260), 40, {"c7"}),
        job("c9", "push to ACR", S::Queued, {}, 0, {"c8", "c3", "c4", "c5", "c6"}),
        job("c10", "helm lint", S::Succeeded, t0.addSecs(5), 30),
        job("c11", "deploy AKS staging", S::Queued, {}, 0, {"c9", "c10"}),
        job("c12", "smoke tests", S::Queued, {}, 0, {"c11"}),
    };
    r.jobs[10].environment = QStringLiteral("staging");
    return r;
}

PipelineRun matrixRun(const QDateTime &now, int jobs)
{
    using S = PipelineStatus;
    const QDateTime t0 = now.addSecs(-1800);
    PipelineRun r = head(QStringLiteral("7777"), 77, QStringLiteral("matrix"), t0);
    r.status = S::Running;
    r.jobs << job("m-setup", "setup", S::Succeeded, t0, 30);
    r.jobs << job("m-lint", "lint", S::Succeeded, t0, 45);
    const int builds = qMax(1, jobs - 8);
    QStringList buildIds;
    for (int i = 0; i < builds; ++i) {
        const QString id = QStringLiteral("m-b%1").arg(i);
        buildIds << id;
        const S s = i % 50 == 7 ? S::Failed : i % 10 == 3 ? S::Running : S::Succeeded;
        r.jobs << job(id, QStringLiteral("build (os %1, arch %2)").arg(i % 4).arg(i / 4), s,
                      t0.addSecs(30), 60 + (i * 37) % 400, {"m-setup"}, {}, "build");
    }
    r.jobs << job("m-int1", "integration api", S::Queued, {}, 0, buildIds);
    r.jobs << job("m-int2", "integration web", S::Queued, {}, 0, buildIds);
    r.jobs << job("m-docs", "docs", S::Succeeded, t0.addSecs(30), 80, {"m-lint"});
    r.jobs << job("m-pkg", "package", S::Queued, {}, 0, {"m-int1", "m-int2"});
    r.jobs << job("m-stg", "deploy staging", S::Queued, {}, 0, {"m-pkg"});
    r.jobs << job("m-prod", "deploy production", S::Queued, {}, 0, {"m-stg", "m-docs"});
    return r;
}

QList<PipelineRun> runList(const QDateTime &now, int count)
{
    QList<PipelineRun> out;
    out.reserve(count);
    static const char *const actors[] = {"ada", "grace", "linus", "margaret"};
    static const char *const events[] = {"push", "pull_request", "workflow_dispatch", "schedule"};
    static const char *const branches[] = {"main", "feature/chat", "fix/login", "release/1.4"};
    for (int i = 0; i < count; ++i) {
        const QDateTime created = now.addSecs(-120 - qint64(i) * 600);
        PipelineRun r
            = head(QString::number(100000 - i), count - i, QStringLiteral("CI/CD"), created);
        r.actor = QString::fromLatin1(actors[i % 4]);
        r.event = QString::fromLatin1(events[i % 4]);
        r.branch = QString::fromLatin1(branches[(i / 3) % 4]);
        r.commitSha = QStringLiteral("%1").arg(quint64(0x9e3779b97f4a7c15ULL * (i + 1)), 16, 16,
                                               QLatin1Char('0'))
                      + QStringLiteral("000000000000000000000000");
        if (i % 7 == 0) {
            r.status = PipelineStatus::Running;
        } else {
            r.status = i % 5 == 0 ? PipelineStatus::Failed : PipelineStatus::Succeeded;
            r.finishedAt = created.addSecs(60 + (i * 53) % 900);
            r.updatedAt = r.finishedAt;
        }
        out << r;
    }
    return out;
}

// --- FakeClient ------------------------------------------------------------------------------

void FakeClient::sourceTree(const QString &source, QObject *context,
                            Handler<QList<PipelineSourceNode>> handler) const
{
    const QList<PipelineSourceNode> out = source == treeSource ? tree : QList<PipelineSourceNode>();
    QTimer::singleShot(0, context, [handler, out] { handler(out); });
}

void FakeClient::runs(const QString &source, const PipelineRunFilter &filter, QObject *context,
                      Handler<QList<PipelineRun>> handler) const
{
    ++runsCalls;
    runsSources << source;
    if (runsError) {
        QTimer::singleShot(0, context, [handler, e = *runsError] { handler(e); });
        return;
    }
    QList<PipelineRun> out;
    for (const PipelineRun &r : listed) {
        if (filter.limit > 0 && out.size() >= filter.limit)
            break;
        PipelineRun copy = r;
        copy.jobs.clear();
        out << copy;
    }
    QTimer::singleShot(0, context, [handler, out] { handler(out); });
}

void FakeClient::run(const QString &, const QString &runId, QObject *context,
                     Handler<PipelineRun> handler) const
{
    ++runCalls;
    if (!details.contains(runId)) {
        QTimer::singleShot(0, context, [handler, runId] {
            handler(Error(Error::Code::NotFound, QStringLiteral("no run ") + runId));
        });
        return;
    }
    QTimer::singleShot(0, context, [handler, r = details.value(runId)] { handler(r); });
}

void FakeClient::jobLog(const QString &, const QString &, const QString &jobId, qint64 offset,
                        QObject *context, Handler<PipelineLogChunk> handler) const
{
    ++logCalls;
    const QByteArray all = logs.value(jobId);
    PipelineLogChunk chunk;
    chunk.text = logPiece > 0 ? all.mid(offset, logPiece) : all.mid(offset);
    chunk.nextOffset = offset + chunk.text.size();
    chunk.complete = chunk.nextOffset >= all.size();
    QTimer::singleShot(0, context, [handler, chunk] { handler(chunk); });
}

void FakeClient::trigger(const QString &, const PipelineTrigger &, QObject *context,
                         Handler<QString> handler) const
{
    QTimer::singleShot(0, context, [handler] { handler(QString()); });
}

void FakeClient::rerun(const QString &, const QString &, bool, QObject *context,
                       Handler<void> handler) const
{
    QTimer::singleShot(0, context, [handler] { handler(Result<void>()); });
}

void FakeClient::cancel(const QString &, const QString &, QObject *context,
                        Handler<void> handler) const
{
    QTimer::singleShot(0, context, [handler] { handler(Result<void>()); });
}

void FakeClient::review(const QString &, const QString &, const QString &, bool, const QString &,
                        QObject *context, Handler<void> handler) const
{
    QTimer::singleShot(0, context, [handler] { handler(Result<void>()); });
}

} // namespace Orrery::PipelineFixtures
