// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runbookexpectation.h"

#include <QList>
#include <QString>

namespace Orrery {

// One typed step of a runbook. Fields not used by a step's type keep their defaults.
struct RunbookStep
{
    enum class Type {
        Caption,        // text shown to the audience; no cluster action
        Scale,          // target, replicas
        SetImage,       // target, container, image
        Apply,          // file (relative to the runbook), dryRun
        Restart,        // target
        Rollback,       // target, revision (0: previous)
        HelmRollback,   // release, revision (0: previous)
        WaitForRollout, // target, timeoutSeconds
        Wait,           // seconds
        SetLoad,        // target, loadPercent (-1: back to the schedule; simulator only)
        Show,           // view ("topology"; presenter mode switches to it), optional target
    };

    Type type = Type::Caption;
    int line = 0;       // 1-based line in the runbook file
    QString text;       // caption, or the step's own "caption:" note
    QString targetKind; // "Deployment"
    QString targetName;
    QString ns; // empty: the runbook's namespace, else the context's
    int replicas = 0;
    QString container;
    QString image;
    QString file;
    bool dryRun = false;
    int revision = 0;
    QString release;
    int seconds = 0;
    int timeoutSeconds = 300;
    int loadPercent = 0;
    // What the step's caption claims, checked after the step ran (`expect:` beside the type).
    QList<RunbookExpectation> expectations;
    QString view; // Show: the view to switch to in presenter mode

    static QString typeName(Type type); // the YAML key: "scale", "setImage", ...
};

struct Runbook
{
    QString name;
    QString description;
    QString ns;      // default namespace for the steps
    QString context; // pinned kubeconfig context: the runbook refuses any other one
    QString fileName;
    QList<RunbookStep> steps;
};

} // namespace Orrery
