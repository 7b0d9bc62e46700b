// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusteroperation.h"

#include <QByteArray>

namespace Orrery {

class WriteExecutor;

// `kubectl edit`: the object as YAML (without managedFields and status, which the server alone
// writes), edited by the user, sent back as one update (PUT) that carries the resourceVersion
// read, so the server refuses it (409) when someone else changed the object meanwhile instead
// of silently overwriting their change. The steps are ClusterOperation's: fetch() reads the
// object, prepare() parses the edited text (on a worker) and checks that it still names the
// same object, preview() asks the server for a dry run and compares its answer with the object
// read, run() sends the update; undo() puts the object read back (over whatever version is
// live then). Secrets are not edited here: their values are hidden from Orrery's reads.
class EditOperation : public ClusterOperation
{
    Q_OBJECT
public:
    EditOperation(HttpTransport *transport, OperationTarget target, QObject *parent = nullptr);

    static AccessCheck access(Kind kind, const QString &ns);

    // What the editor shows: `object` without metadata.managedFields and status, as YAML.
    static QString editableYaml(const nlohmann::json &object);
    QString editableYaml() const { return editableYaml(object()); }

    // Parses the edited text on a worker; `done` gets the refusal (not YAML, not one object,
    // another kind, name or namespace, a Secret) as an Error worded for the user.
    void prepare(const QString &editedYaml, Done done);
    bool isPrepared() const { return !m_edited.is_null(); }
    // Undo: the object to put back; plan() sends it with the resourceVersion fetched then.
    void setRestore(nlohmann::json previous);

    // The server's dry run of the update, compared with the object read (on the transport's
    // worker). `done` gets ok or the server's refusal in words (field paths of invalid values,
    // a conflict); previewDiff() then holds the unified diff.
    void preview(WriteExecutor *writer, std::function<void(bool ok, const QString &text)> done);
    QString previewDiff() const { return m_previewDiff; }

    QString title() const override;
    QString actionLabel() const override;
    QString failureTitle() const override;
    QList<AccessCheck> requiredAccess() const override;
    Result<QList<PlannedWrite>> plan(bool dryRun) const override;
    QString nothingToDo() const override;
    // The diff: the server's (preview()) when there is one, else the edited text's.
    QString details() const override;
    QString runFailureTitle() const override;
    Factory undo() const override;
    QString undoText() const override;

    // After a failed run or preview: the server refused because the object changed since it
    // was read (HTTP 409 on the resourceVersion).
    bool conflicted() const { return m_conflicted; }
    // A refusal in words: a conflict says someone else changed the object, invalid values
    // are listed with their field paths.
    static QString explainEditFailure(const PlannedWrite &write,
                                      const Result<ApiResponse> &response, const QString &user);
    // What changed between two versions of the object (managedFields, status and the
    // versions left out), as a unified diff: after a conflict, the other person's change.
    static QString changesSince(const nlohmann::json &before, const nlohmann::json &after);
    // The edited text's diff against the object read (client side, no I/O).
    QString localDiff() const;

protected:
    QString explainRunFailure(const PlannedWrite &write,
                              const Result<ApiResponse> &response) override;

private:
    nlohmann::json m_edited;  // the edited object, as sent (resourceVersion as read)
    nlohmann::json m_restore; // undo: the object to put back
    QString m_previewDiff;
    bool m_conflicted = false;
};

} // namespace Orrery
