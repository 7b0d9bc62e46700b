// SPDX-License-Identifier: GPL-3.0-or-later
#include "editoperation.h"

#include "kube/actions/resourcepath.h"
#include "kube/actions/writeexecutor.h"
#include "kube/actions/yamljson.h"
#include "kube/httptransport.h"
#include "util/async.h"
#include "util/jsonread.h"
#include "util/linediff.h"

#include <memory>

namespace Orrery {

namespace {

// What the editor leaves out: written by the server alone, ignored or refused when sent back.
nlohmann::json forEditing(nlohmann::json object)
{
    if (!object.is_object())
        return object;
    object.erase("status");
    if (auto it = object.find("metadata"); it != object.end() && it->is_object())
        it->erase("managedFields");
    return object;
}

// What the diff compares: also without what changes on every write.
nlohmann::json forEditDiff(nlohmann::json object)
{
    object = forEditing(std::move(object));
    if (auto it = object.find("metadata"); it != object.end() && it->is_object())
        for (const char *key : {"resourceVersion", "generation"})
            it->erase(key);
    return object;
}

QString metaString(const nlohmann::json &object, const char *key)
{
    return QString::fromStdString(JsonRead::stdString(object, {"metadata", key}));
}

QString yamlOf(const nlohmann::json &object)
{
    return object.is_null() ? QString() : YamlJson::toYaml(object);
}

} // namespace

EditOperation::EditOperation(HttpTransport *transport, OperationTarget target, QObject *parent)
    : ClusterOperation(transport, std::move(target), parent)
{
}

AccessCheck EditOperation::access(Kind kind, const QString &ns)
{
    return accessFor(QStringLiteral("update"), kind, ns);
}

QString EditOperation::editableYaml(const nlohmann::json &object)
{
    return yamlOf(forEditing(object));
}

void EditOperation::prepare(const QString &editedYaml, Done done)
{
    m_edited = nlohmann::json();
    m_previewDiff.clear();
    m_conflicted = false;
    const OperationTarget t = target();
    const QString kind = kindName(t.kind);
    Async::run(
        this,
        [yaml = editedYaml.toUtf8(), t, kind,
         resourceVersion = metaString(object(), "resourceVersion")]() -> Result<nlohmann::json> {
            if (t.kind == Kind::Secret)
                return Error(Error::Code::InvalidArgument,
                             tr("Secrets are not edited here: Orrery never reads their values. "
                                "Use Apply manifests… with the whole Secret instead."));
            Result<nlohmann::json> parsed = YamlJson::parse(yaml, tr("edited YAML"));
            if (!parsed.ok()) {
                Error e = parsed.error();
                QString where = e.line > 0 ? tr("line %1").arg(e.line) : QString();
                return Error(
                    Error::Code::InvalidArgument,
                    where.isEmpty()
                        ? tr("The edited text is not valid YAML: %1").arg(e.message)
                        : tr("The edited text is not valid YAML (%1): %2").arg(where, e.message));
            }
            nlohmann::json edited = std::move(parsed.value());
            if (!edited.is_object())
                return Error(Error::Code::InvalidArgument,
                             tr("The edited text must be one object (a YAML mapping)."));
            const QString editedKind
                = QString::fromStdString(JsonRead::stdString(edited, {"kind"}));
            const QString name = metaString(edited, "name");
            const QString ns = metaString(edited, "namespace");
            if (editedKind != kind)
                return Error(Error::Code::InvalidArgument,
                             tr("The kind cannot be changed by an edit (%1, not %2).")
                                 .arg(kind, editedKind.isEmpty() ? tr("none") : editedKind));
            if (name != t.name || (!t.ns.isEmpty() && !ns.isEmpty() && ns != t.ns))
                return Error(Error::Code::InvalidArgument,
                             tr("The name and namespace cannot be changed by an edit: this "
                                "edits %1. To make a copy, use Apply manifests….")
                                 .arg(t.ns.isEmpty() ? t.name : t.ns + QLatin1Char('/') + t.name));
            // The version read goes with the update: the server refuses it (409) when the
            // object changed since, rather than overwriting someone else's change. Removing it
            // from the text does not turn that check off.
            edited = forEditing(std::move(edited));
            if (!resourceVersion.isEmpty())
                edited["metadata"]["resourceVersion"] = resourceVersion.toStdString();
            return edited;
        },
        [this, done](const Result<nlohmann::json> &edited) {
            if (!edited.ok()) {
                done(edited.error());
                return;
            }
            m_edited = edited.value();
            done({});
        });
}

void EditOperation::setRestore(nlohmann::json previous)
{
    m_restore = forEditing(std::move(previous));
}

QString EditOperation::title() const
{
    return tr("Edit %1").arg(target().displayName());
}

QString EditOperation::actionLabel() const
{
    return tr("Apply changes");
}

QString EditOperation::failureTitle() const
{
    return tr("Cannot edit %1").arg(target().displayName());
}

QString EditOperation::runFailureTitle() const
{
    return m_conflicted ? tr("Changed by someone else") : tr("The edit was not applied");
}

QList<AccessCheck> EditOperation::requiredAccess() const
{
    return {access(target().kind, target().ns)};
}

Result<QList<PlannedWrite>> EditOperation::plan(bool dryRun) const
{
    nlohmann::json body;
    if (!m_restore.is_null()) {
        // Undo: the object as it was, over the version live now.
        body = m_restore;
        body["metadata"]["resourceVersion"]
            = JsonRead::stdString(object(), {"metadata", "resourceVersion"});
    } else if (!m_edited.is_null()) {
        body = m_edited;
    } else {
        return Error(Error::Code::InvalidArgument, tr("There is no edited text to apply."));
    }
    const OperationTarget &t = target();
    PlannedWrite w;
    w.verb = QStringLiteral("update");
    w.apiVersion = QString::fromStdString(JsonRead::stdString(body, {"apiVersion"}));
    if (w.apiVersion.isEmpty())
        w.apiVersion = ResourcePath::apiVersion(t.kind);
    w.kind = kindName(t.kind);
    w.ns = t.ns;
    w.name = t.name;
    w.dryRun = dryRun;
    QString path = ResourcePath::path(w.apiVersion, QString::fromLatin1(kindInfo(t.kind).resource),
                                      t.ns, t.name);
    path = ResourcePath::addQuery(path, QStringLiteral("fieldManager"), QStringLiteral("orrery"));
    if (dryRun)
        path = ResourcePath::addQuery(path, QStringLiteral("dryRun"), QStringLiteral("All"));
    w.request.method = "PUT";
    w.request.path = path;
    w.request.contentType = "application/json";
    w.request.body = QByteArray::fromStdString(JsonRead::dump(body));
    w.body = body;
    const QString object = t.ns.isEmpty()
                               ? w.kind + QLatin1Char(' ') + t.name
                               : w.kind + QLatin1Char(' ') + t.ns + QLatin1Char('/') + t.name;
    w.description = m_restore.is_null() ? tr("Edit %1").arg(object)
                                        : tr("Put %1 back as it was before the edit").arg(object);
    return QList<PlannedWrite>{w};
}

QString EditOperation::nothingToDo() const
{
    if (m_restore.is_null() && !m_edited.is_null()
        && forEditDiff(m_edited) == forEditDiff(object()))
        return tr("The edited text is the same as %1: nothing to apply.")
            .arg(target().displayName());
    return {};
}

QString EditOperation::localDiff() const
{
    const nlohmann::json after = m_restore.is_null() ? m_edited : m_restore;
    return LineDiff::unified(yamlOf(forEditDiff(object())), yamlOf(forEditDiff(after)), tr("live"),
                             tr("edited"));
}

QString EditOperation::changesSince(const nlohmann::json &before, const nlohmann::json &after)
{
    return LineDiff::unified(yamlOf(forEditDiff(before)), yamlOf(forEditDiff(after)),
                             tr("when you started editing"), tr("live now"));
}

QString EditOperation::details() const
{
    return m_previewDiff.isEmpty() ? localDiff() : m_previewDiff;
}

void EditOperation::preview(WriteExecutor *writer,
                            std::function<void(bool ok, const QString &text)> done)
{
    const Result<QList<PlannedWrite>> dry = plan(true);
    if (!dry.ok()) {
        done(false, dry.error().message);
        return;
    }
    const PlannedWrite write = dry.value().first();
    // Audited like every write, as a dry run.
    writer->send(write, this, [this, write, done, who = user()](const Result<ApiResponse> &r) {
        if (!r.ok() || !r->isSuccess()) {
            m_conflicted = r.ok() && r->status == 409;
            done(false, explainEditFailure(write, r, who));
            return;
        }
        // The server's object is decoded and compared on the worker.
        runOnWorker(transport(), this,
                    [this, body = r->body, before = forEditDiff(object()),
                     done]() -> std::function<void()> {
                        const nlohmann::json after = forEditDiff(JsonRead::parse(body));
                        const QString diff = LineDiff::unified(yamlOf(before), yamlOf(after),
                                                               tr("live"), tr("after the edit"));
                        return [this, diff, done] {
                            m_previewDiff = diff.isEmpty()
                                                ? tr("The server reports no change for this "
                                                     "object.")
                                                : diff;
                            done(true, tr("The server accepted the edit (dry run)."));
                        };
                    });
    });
}

QString EditOperation::explainRunFailure(const PlannedWrite &write,
                                         const Result<ApiResponse> &response)
{
    m_conflicted = response.ok() && response->status == 409;
    return explainEditFailure(write, response, user());
}

QString EditOperation::explainEditFailure(const PlannedWrite &write,
                                          const Result<ApiResponse> &response, const QString &user)
{
    if (!response.ok()
        || (response->status != 409 && response->status != 422 && response->status != 400))
        return explainFailure(write, response, user);
    const ApiStatus status = response->apiStatus();
    const QString object = write.ns.isEmpty() ? write.kind + QLatin1Char(' ') + write.name
                                              : write.kind + QLatin1Char(' ') + write.ns
                                                    + QLatin1Char('/') + write.name;
    if (response->status == 409)
        return tr("Someone else changed %1 after you opened it for editing: the server "
                  "refused to overwrite their change. Reload to edit the latest version, or "
                  "look at the differences first.")
                   .arg(object)
               + QLatin1Char('\n') + tr("The server said: %1").arg(status.message);
    QStringList lines{tr("The server refused the edited %1 as invalid:").arg(object)};
    for (const ApiStatus::Cause &c : status.causes) {
        QString field = c.field;
        if (field.startsWith(QLatin1Char('.')))
            field.remove(0, 1);
        lines << (field.isEmpty() ? QStringLiteral("\u2022 %1").arg(c.message)
                                  : QStringLiteral("\u2022 %1: %2").arg(field, c.message));
    }
    if (status.causes.isEmpty())
        lines << status.message;
    return lines.join(QLatin1Char('\n'));
}

ClusterOperation::Factory EditOperation::undo() const
{
    const nlohmann::json previous = object();
    const OperationTarget t = target();
    return [previous, t](HttpTransport *transport, QObject *parent) -> ClusterOperation * {
        auto *op = new EditOperation(transport, t, parent);
        op->setRestore(previous);
        return op;
    };
}

QString EditOperation::undoText() const
{
    return tr("Edited %1.").arg(target().displayName());
}

} // namespace Orrery
