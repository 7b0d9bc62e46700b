// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/kubekind.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Orrery {

class ResourceStore;

// "4", ">= 4", "< 2", "all": how a number read from the cluster is compared. `All` means
// "every one of them" (pods in a state) and, elsewhere, reads as ">= 1".
struct CountCondition
{
    enum class Op { Equal, AtLeast, MoreThan, AtMost, LessThan, All };
    Op op = Op::AtLeast;
    int value = 1;

    bool test(int n, int total) const; // total: for All
    QString text() const;              // ">= 4", "all"
    // Accepts "4", "=4", "== 4", ">=4", "> 4", "<= 4", "< 4", "all"; false on anything else.
    static bool parse(const QString &text, CountCondition &out);
};

// One `expect:` entry of a runbook step: a fact about the cluster the step's caption states,
// checked against the informer store (ResourceStore) after the step ran. It must become true
// within `withinSeconds` (wall-clock time; orrery-sim at --speed F runs F times faster).
//
//   {kind: pods, of: deployment/web, state: ImagePullBackOff}            at least one such pod
//   {kind: pods, of: deployment/web, state: Running, count: all}        every pod of it
//   {kind: pods, of: statefulset/db, count: 3}                          pod count
//   {kind: rollout, of: deployment/web}                                 kubectl rollout status:
//   done {kind: replicas, of: deployment/web, count: ">= 4"}                 ready replicas {kind:
//   replicas, of: hpa/web, field: desired, count: ">= 4"}        the HPA's desiredReplicas {kind:
//   image, of: deployment/web, container: web, is: shop/web:1.2} the pod template's image {kind:
//   helmRelease, of: chat-app, revision: 4, status: deployed}    the latest revision
//
// Every entry accepts `namespace:` (else the step's) and `within:` (30s, 2m, or seconds).
struct RunbookExpectation
{
    enum class Subject { Pods, Rollout, Replicas, Image, HelmRelease };

    Subject subject = Subject::Pods;
    int line = 0;       // 1-based line of the entry in the runbook file
    QString targetKind; // "Deployment", "HorizontalPodAutoscaler"; empty for HelmRelease
    QString targetName; // workload, HPA or Helm release name
    QString ns;         // empty: the step's (then the runbook's, then the context's)
    QString state; // Pods: a kubectl STATUS or container reason, or "Ready"; HelmRelease: status
    QString field; // Replicas: ready, available, updated, current, desired, min, max
    QString container; // Image: empty means every container
    QString image;     // Image
    bool hasCount = false;
    CountCondition count; // Pods, Replicas; HelmRelease: the revision
    int withinSeconds = 30;

    static QString subjectName(Subject subject); // the YAML value of `kind:`
    QString target() const;                      // "deployment/web", "hpa/web", "chat-app"
    // What is expected, in one line: "pods of deployment/web in ImagePullBackOff (>= 1)".
    QString describe() const;
    // The kinds the store must hold (and have synced) to evaluate this entry.
    QList<Kind> kinds() const;
};

// What an entry looked like at one moment.
struct ExpectationReading
{
    bool holds = false;
    bool known = true; // false: the store has not synced the kinds yet
    QString observed;  // "3 pods: 2 Running, 1 ImagePullBackOff"
};

// Reads the store (GUI thread, the store's). `ns`: the namespace the entry resolves to.
ExpectationReading evaluateExpectation(const RunbookExpectation &expectation,
                                       const ResourceStore &store, const QString &ns);

// An entry's state while a runbook plays, for the player and --play.
struct ExpectationStatus
{
    enum class State { Pending, Checking, Holds, Failed };
    State state = State::Pending;
    QString observed;
};

} // namespace Orrery

Q_DECLARE_METATYPE(Orrery::ExpectationStatus)
