// SPDX-License-Identifier: GPL-3.0-or-later
// ActionController's edit in place (the details pane's YAML "Edit"): read the object →
// EditOperation::prepare (the edited text parsed on a worker, its identity checked) →
// permission (SelfSubjectAccessReview: update) → EditOperation::preview (the server's dry run
// of the update and its diff against the object read) → the runner's confirmation (with that
// diff; a protected context asks for its name) → the audited update → undo offered. A 409 is
// a conflict the pane explains with Reload and Show Differences; a 422 lists the field paths.
#include "actioncontroller.h"

#include <kube/actions/resourcepath.h>
#include <kube/clustersession.h>
#include <operations/clusterwriteexecutor.h>
#include <operations/editoperation.h>
#include <operations/jsonfetch.h>
#include <util/linediff.h>

#include <memory>

namespace Orrery {

ObjectEditHooks ActionController::editHooks()
{
    ObjectEditHooks hooks;
    const QPointer<ActionController> self(this);
    hooks.begin
        = [self](const KubeObjectPtr &object, QObject *context, ObjectEditHooks::Ready ready) {
              if (self)
                  self->beginEdit(object, context, std::move(ready));
          };
    hooks.submit = [self](const KubeObjectPtr &object, const QString &text, QObject *context,
                          ObjectEditHooks::Finished finished) {
        if (self)
            self->submitEdit(object, text, context, std::move(finished));
    };
    hooks.differences
        = [self](const KubeObjectPtr &object, QObject *context, ObjectEditHooks::Ready ready) {
              if (self)
                  self->editDifferences(object, context, std::move(ready));
          };
    return hooks;
}

void ActionController::beginEdit(const KubeObjectPtr &object, QObject *context,
                                 ObjectEditHooks::Ready ready)
{
    if (!m_session || !object) {
        ready(Error(Error::Code::InvalidArgument,
                    tr("Not connected: there is no cluster to read the object from.")));
        return;
    }
    const QString contextName = currentContext();
    fetchJson(m_session->transport(),
              ResourcePath::forKind(object->kind, object->namespaceName, object->name), context,
              [this, ready, contextName, uid = object->uid](const Result<nlohmann::json> &read) {
                  if (!read.ok()) {
                      ready(read.error());
                      return;
                  }
                  m_editBase = EditBase{contextName, uid, read.value()};
                  ready(EditOperation::editableYaml(read.value()));
              });
}

void ActionController::submitEdit(const KubeObjectPtr &object, const QString &text,
                                  QObject *context, ObjectEditHooks::Finished finished)
{
    using State = ObjectEditHooks::Outcome::State;
    const QPointer<QObject> guard(context);
    auto deliver = [guard, finished](State state, const QString &words) {
        if (guard)
            finished({state, words});
    };
    const Target t = OperationRunner::targetOf(m_session);
    if (!t.session || !object) {
        deliver(State::Refused, tr("Not connected: there is no cluster to send this to."));
        return;
    }
    if (!m_editBase || m_editBase->uid != object->uid || m_editBase->context != t.context) {
        deliver(State::Refused, tr("This edit was started elsewhere: reload and edit again."));
        return;
    }
    auto *op = new EditOperation(t.session->transport(),
                                 {object->kind, object->namespaceName, object->name}, this);
    op->setObject(m_editBase->object);
    op->prepare(text, [this, op, t, deliver](const Result<void> &prepared) {
        if (!prepared.ok() || !t.session) {
            deliver(State::Refused,
                    prepared.ok() ? tr("the cluster was disconnected") : prepared.error().message);
            op->deleteLater();
            return;
        }
        if (const QString nothing = op->nothingToDo(); !nothing.isEmpty()) {
            deliver(State::Cancelled, nothing);
            op->deleteLater();
            return;
        }
        AccessReview::run(
            t.session->transport(), op->requiredAccess(), op,
            [this, op, t, deliver](const QList<AccessResult> &results) {
                for (const AccessResult &r : results) {
                    if (const QString denied = ClusterOperation::denialText(r); !denied.isEmpty()) {
                        deliver(State::Refused, denied);
                        op->deleteLater();
                        return;
                    }
                }
                if (!t.session) {
                    deliver(State::Refused, tr("the cluster was disconnected"));
                    op->deleteLater();
                    return;
                }
                op->preview(m_runner->executor(t.session), [this, op, t, deliver](
                                                               bool ok, const QString &words) {
                    if (!ok) {
                        deliver(op->conflicted() ? State::Conflict : State::Refused, words);
                        op->deleteLater();
                        return;
                    }
                    // From here on the runner's path: confirmation, audited run, undo.
                    auto ran = std::make_shared<bool>(false);
                    connect(op, &ClusterOperation::finished, this,
                            [this, op, ran, deliver](bool done) {
                                *ran = true;
                                if (done) {
                                    m_editBase.reset();
                                    deliver(State::Applied,
                                            tr("Applied: %1").arg(op->report().description));
                                } else {
                                    deliver(op->conflicted() ? State::Conflict : State::Refused,
                                            op->report().explanation);
                                }
                            });
                    connect(op, &QObject::destroyed, this, [ran, deliver] {
                        if (!*ran)
                            deliver(State::Cancelled,
                                    tr("Not applied: the confirmation was cancelled. Your "
                                       "edit is still here."));
                    });
                    deliver(State::Confirming,
                            tr("The server accepted the edit (dry run): confirm to apply it."));
                    m_runner->confirm(t, op);
                });
            });
    });
}

void ActionController::editDifferences(const KubeObjectPtr &object, QObject *context,
                                       ObjectEditHooks::Ready ready)
{
    if (!m_session || !object || !m_editBase || m_editBase->uid != object->uid) {
        ready(Error(Error::Code::InvalidArgument, tr("There is no edit to compare.")));
        return;
    }
    const nlohmann::json base = m_editBase->object;
    fetchJson(m_session->transport(),
              ResourcePath::forKind(object->kind, object->namespaceName, object->name), context,
              [ready, base](const Result<nlohmann::json> &live) {
                  if (!live.ok()) {
                      ready(live.error());
                      return;
                  }
                  const QString diff = EditOperation::changesSince(base, live.value());
                  ready(diff.isEmpty() ? tr("Nothing differs any more: edit again to apply.")
                                       : diff);
              });
}

} // namespace Orrery
