// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <kube/kubeobject.h>
#include <util/result.h>

#include <QObject>
#include <QString>

#include <functional>

namespace Orrery {

// How the details pane edits an object's YAML in place without knowing the cluster: the
// ActionController provides these (app/operationswiring.cpp), the pane's YamlEditBar calls them.
// Every callback runs on `context`'s thread and not at all once `context` is gone.
struct ObjectEditHooks
{
    // What became of an edit submitted for review.
    struct Outcome
    {
        enum class State {
            Confirming, // checked by the server; the confirmation is open (more follows)
            Applied,    // confirmed and written
            Cancelled,  // the confirmation was cancelled (or there was nothing to change)
            Refused,    // invalid text, not allowed, or refused by the server (text says why)
            Conflict,   // someone else changed the object meanwhile (409)
        };
        State state = State::Cancelled;
        QString text;
    };
    using Ready = std::function<void(const Result<QString> &)>;
    using Finished = std::function<void(const Outcome &)>;

    // Reads `object` for editing: `ready` gets the text to edit (managedFields and status left
    // out) or why it cannot be edited.
    std::function<void(const KubeObjectPtr &object, QObject *context, Ready ready)> begin;
    // Checks the edited text (permission, server dry run and its diff), confirms and applies it.
    std::function<void(const KubeObjectPtr &object, const QString &text, QObject *context,
                       Finished finished)>
        submit;
    // After a conflict: what changed on the server since the object was read for editing, as
    // a unified diff.
    std::function<void(const KubeObjectPtr &object, QObject *context, Ready ready)> differences;

    bool isValid() const { return begin && submit && differences; }
};

} // namespace Orrery
