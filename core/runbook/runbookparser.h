// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runbookstep.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace Orrery {

// Reads a runbook: either a YAML list of steps, or a map with name, description, namespace,
// context (the only kubeconfig context it may run against) and steps. Each step is a one-key map,
// the key naming its type:
//
//   - caption: "Raise the load and watch the HPA"
//   - setLoad: {target: deployment/web, namespace: shop, percent: 90}   (or percent: schedule)
//   - wait: 30
//   - scale: {target: deployment/web, replicas: 5}
//   - setImage: {target: deployment/web, container: web, image: shop/web:1.3}
//   - waitForRollout: {target: deployment/web, timeout: 120}
//   - rollback: {target: deployment/web, toRevision: 0}
//   - helmRollback: {release: shop, revision: 2}
//   - restart: {target: deployment/web}
//   - apply: {file: manifests/web.yaml, dryRun: true}
//
// Beside the type key a step may carry `expect:`, one entry or a list of them, each stating a
// fact the step's caption claims (RunbookExpectation):
//
//   - caption: "New pods stay in ImagePullBackOff"
//     expect: {kind: pods, of: deployment/web, state: ImagePullBackOff, within: 60s}
//
// Errors carry the file and the line of the offending step or field; expectation errors also
// name the step ("step 3 (caption)") and the field.
class RunbookParser
{
public:
    static Result<Runbook> parse(const QByteArray &yaml, const QString &fileName = {});
    static Result<Runbook> parseFile(const QString &path);
};

} // namespace Orrery
