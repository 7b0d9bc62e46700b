// SPDX-License-Identifier: GPL-3.0-or-later
#include "clusteroperation.h"

#include "kube/actions/operation.h"
#include "kube/actions/resourcepath.h"
#include "kube/actions/writeexecutor.h"
#include "kube/httptransport.h"
#include "util/jsonread.h"
#include "util/redaction.h"

#include <memory>

namespace Orrery {

namespace {

// Passes writes on and remembers the answer of the one that failed, so the failure can be
// explained in words (Operation's report only keeps a line of text).
class FailureRecorder : public WriteExecutor
{
public:
    explicit FailureRecorder(WriteExecutor *inner)
        : m_inner(inner)
    {
    }

    void send(const PlannedWrite &write, QObject *context, Handler onFinished) override
    {
        m_inner->send(write, context,
                      [this, write, onFinished](const Result<ApiResponse> &response) {
                          if (!response.ok() || !response->isSuccess())
                              failure = std::make_pair(write, response);
                          onFinished(response);
                      });
    }

    std::optional<std::pair<PlannedWrite, Result<ApiResponse>>> failure;

private:
    WriteExecutor *m_inner;
};

// Runs `writes` through `writer` as one kube Operation parented to `owner`; `done` gets the
// report once it finished.
void sendAll(QObject *owner, WriteExecutor *writer, const QList<PlannedWrite> &writes,
             const QString &description, const QString &user,
             std::function<void(OperationReport)> done)
{
    auto recorder = std::make_shared<FailureRecorder>(writer);
    auto *op = new Operation(description, writes, owner);
    QObject::connect(
        op, &Operation::finished, owner, [op, recorder, description, user, done](bool ok) {
            OperationReport report;
            report.ok = ok;
            report.description = description;
            report.lines = op->report();
            report.failure = recorder->failure;
            if (!ok)
                report.explanation = recorder->failure ? ClusterOperation::explainFailure(
                                         recorder->failure->first, recorder->failure->second, user)
                                                       : op->report().join(QLatin1Char('\n'));
            op->deleteLater();
            done(std::move(report));
        });
    op->run(recorder.get());
}

} // namespace

Result<QList<PlannedWrite>> single(Result<PlannedWrite> write)
{
    if (!write.ok())
        return write.error();
    return QList<PlannedWrite>{std::move(write.value())};
}

ClusterOperation::ClusterOperation(HttpTransport *transport, OperationTarget target,
                                   QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_target(std::move(target))
{
}

ClusterOperation::~ClusterOperation() = default;

void ClusterOperation::fetch(Done done)
{
    JsonFetchOptions options;
    options.secret = m_target.kind == Kind::Secret;
    fetchJson(
        m_transport, ResourcePath::forKind(m_target.kind, m_target.ns, m_target.name), this,
        [this, done](const Result<nlohmann::json> &object) {
            if (!object.ok()) {
                done(object.error());
                return;
            }
            setObject(object.value());
            fetchMore(done);
        },
        options);
}

void ClusterOperation::setObject(nlohmann::json object)
{
    m_object = std::move(object);
    m_fetched = true;
}

QStringList ClusterOperation::summary() const
{
    QStringList lines;
    if (const Result<QList<PlannedWrite>> writes = plan(false); writes.ok())
        for (const PlannedWrite &w : writes.value())
            lines << w.description;
    return lines;
}

QString ClusterOperation::details() const
{
    QStringList parts;
    if (const Result<QList<PlannedWrite>> writes = plan(false); writes.ok())
        for (const PlannedWrite &w : writes.value())
            parts << describeRequest(w);
    return parts.join(QLatin1String("\n\n"));
}

void ClusterOperation::dryRun(WriteExecutor *writer, DryRunDone done)
{
    const Result<QList<PlannedWrite>> dry = plan(true);
    if (!dry.ok()) {
        done(false, dry.error().message);
        return;
    }
    const int count = int(dry.value().size());
    sendAll(this, writer, dry.value(), tr("Dry run"), user(),
            [done, count](const OperationReport &report) {
                if (report.ok)
                    done(true, tr("the server validated %n write(s) without storing anything.",
                                  nullptr, count));
                else
                    done(false, report.explanation);
            });
}

void ClusterOperation::run(WriteExecutor *writer)
{
    const Result<QList<PlannedWrite>> writes = plan(false);
    if (!writes.ok()) {
        OperationReport report;
        report.description = title();
        report.explanation = writes.error().message;
        report.lines << report.explanation;
        // Queued, as an answer from the server would be: callers connect after run().
        QMetaObject::invokeMethod(
            this, [this, report] { finish(report); }, Qt::QueuedConnection);
        return;
    }
    QStringList descriptions;
    for (const PlannedWrite &w : writes.value())
        descriptions << w.description;
    runWrites(writer, writes.value(), descriptions.join(QLatin1String("; ")));
}

void ClusterOperation::runWrites(WriteExecutor *writer, const QList<PlannedWrite> &writes,
                                 const QString &description)
{
    sendAll(this, writer, writes, description, user(), [this](OperationReport report) {
        if (!report.ok && report.failure)
            report.explanation = explainRunFailure(report.failure->first, report.failure->second);
        finish(std::move(report));
    });
}

void ClusterOperation::finish(OperationReport report)
{
    m_report = std::move(report);
    emit finished(m_report.ok);
}

QString ClusterOperation::user() const
{
    return m_transport ? m_transport->connection().userName : QString();
}

QString ClusterOperation::explainFailure(const PlannedWrite &write,
                                         const Result<ApiResponse> &response, const QString &user)
{
    if (!response.ok())
        return tr("The request did not reach the server: %1").arg(response.error().toString());
    const Error error = response->toError();
    if (response->status == 403) {
        QString resource = write.kind;
        if (const auto kind = kindFromName(write.kind)) {
            resource = QString::fromLatin1(kindInfo(*kind).resource);
            if (write.request.path.section(QLatin1Char('?'), 0, 0)
                    .endsWith(QLatin1String("/scale")))
                resource += QLatin1String("/scale");
        }
        QString text = write.ns.isEmpty()
                           ? tr("Forbidden: the user %1 may not %2 %3 on this cluster.")
                                 .arg(user, write.verb, resource)
                           : tr("Forbidden: the user %1 may not %2 %3 in namespace %4.")
                                 .arg(user, write.verb, resource, write.ns);
        text += QLatin1Char('\n')
                + tr("Ask a cluster administrator for this RBAC permission, or use a "
                     "context with more rights.");
        if (!error.message.isEmpty())
            text += QLatin1Char('\n') + tr("The server said: %1").arg(error.message);
        return text;
    }
    if (response->status == 409)
        return tr("Conflict: the object changed on the server meanwhile (%1). Try again.")
            .arg(error.message);
    if (response->status == 404)
        return tr("Not found: %1 %2 is not there (any more).").arg(write.kind, write.name);
    return tr("The server refused (HTTP %1): %2").arg(response->status).arg(error.message);
}

QString ClusterOperation::explainRunFailure(const PlannedWrite &write,
                                            const Result<ApiResponse> &response)
{
    return explainFailure(write, response, user());
}

QString ClusterOperation::denialText(const AccessResult &result)
{
    if (result.allowed || result.error)
        return {};
    const AccessCheck &check = result.check;
    const QString resource = check.subresource.isEmpty()
                                 ? check.resource
                                 : check.resource + QLatin1Char('/') + check.subresource;
    QString text
        = check.namespaceName.isEmpty()
              ? tr("Not allowed: you may not %1 %2 on this cluster.").arg(check.verb, resource)
              : tr("Not allowed: you may not %1 %2 in namespace %3.")
                    .arg(check.verb, resource, check.namespaceName);
    if (!result.reason.isEmpty())
        text += QLatin1Char(' ') + tr("The server says: %1").arg(result.reason);
    return text;
}

QString ClusterOperation::describeRequest(const PlannedWrite &w)
{
    QString out = QString::fromLatin1(w.request.method) + QLatin1Char(' ') + w.request.path;
    if (!w.request.contentType.isEmpty())
        out += QLatin1String("\nContent-Type: ") + QString::fromLatin1(w.request.contentType);
    // A write to a Secret (a Helm release revision, a patch) shows its keys, not its values.
    if (!w.body.is_null())
        out += QLatin1String("\n\n")
               + QString::fromStdString(
                   JsonRead::dump(Redaction::hideSecretValuesInRequest(w.body, w.kind), 2));
    return out;
}

AccessCheck ClusterOperation::accessFor(const QString &verb, Kind kind, const QString &ns,
                                        const QString &subresource)
{
    const KindInfo &info = kindInfo(kind);
    AccessCheck check;
    check.verb = verb;
    check.group = QString::fromLatin1(info.group);
    check.resource = QString::fromLatin1(info.resource);
    check.subresource = subresource;
    check.namespaceName = info.namespaced ? ns : QString();
    return check;
}

QList<OperationTarget> ClusterOperation::rollouts() const
{
    return tracksRollout() ? QList<OperationTarget>{m_target} : QList<OperationTarget>{};
}

QString ClusterOperation::nothingToDoTitle() const
{
    return tr("Nothing to change");
}

QString ClusterOperation::progressText() const
{
    return tr("%1\u2026").arg(summary().join(QLatin1String("; ")));
}

QString ClusterOperation::runFailureTitle() const
{
    return tr("The change failed");
}

} // namespace Orrery
