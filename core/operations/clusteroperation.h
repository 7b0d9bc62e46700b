// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jsonfetch.h"

#include "kube/accessreview.h"
#include "kube/actions/plannedwrite.h"
#include "kube/apirequest.h"
#include "kube/kubekind.h"
#include "util/result.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace Orrery {

class HttpTransport;
class WriteExecutor;

// The object an operation is about.
struct OperationTarget
{
    Kind kind = Kind::Deployment;
    QString ns; // empty for cluster-scoped objects
    QString name;

    // "Deployment/web", as dialogs name the object.
    QString displayName() const { return kindName(kind) + QLatin1Char('/') + name; }
};

// What an operation did, for the user and for the record (kpmcore's Report): what was sent,
// what the server said, and what it means.
struct OperationReport
{
    bool ok = false;
    QString description; // "Scale Deployment shop/web to 5 replicas" (all writes, "; ")
    QStringList lines;   // one per write sent: "<write>: done (200)" / "<write>: failed: ..."
    QString explanation; // when !ok: the failure in words (explainFailure), else empty
    QString message;     // the outcome in one line when the operation has its own (Helm's)
    // The write that failed and the server's answer (or the transport error).
    std::optional<std::pair<PlannedWrite, Result<ApiResponse>>> failure;
};

// One user-level action on a cluster, in the shape of kpmcore's Operation (docs/operations.md):
//
//   1. requiredAccess(): the permissions it needs, as `kubectl auth can-i` asks them;
//   2. fetch(): reads what it needs (the target object, then what fetchMore() adds) through the
//      transport; the JSON is decoded on the transport's worker, never on the caller's thread;
//   3. parameters: set by the subclass's setters (a dialog, a runbook step, a test);
//   4. preview: plan() (the exact writes, no I/O), details() (request bodies or a diff),
//      dryRun() (the same writes with dryRun=All, sent through the audited writer);
//   5. run(): the writes, in order, through a WriteExecutor (the audited ClusterWriteExecutor
//      in the app), stopping at the first failure; finished() then report();
//   6. undo(): a factory for the operation that reverts it, when there is one.
//
// Lives on the thread that uses it (the GUI thread in the window, the main thread in --play);
// the transport must outlive it.
class ClusterOperation : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const Result<void> &)>;
    using DryRunDone = std::function<void(bool ok, const QString &text)>;
    // Builds an operation on `transport` (parented to `parent`), parameters set, not fetched.
    using Factory = std::function<ClusterOperation *(HttpTransport *transport, QObject *parent)>;

    ClusterOperation(HttpTransport *transport, OperationTarget target, QObject *parent = nullptr);
    ~ClusterOperation() override;

    const OperationTarget &target() const { return m_target; }
    HttpTransport *transport() const { return m_transport; }

    // "Scale web": the confirmation's title; "Scale": its button.
    virtual QString title() const = 0;
    virtual QString actionLabel() const = 0;
    // "Cannot scale": the title of an error before anything was sent.
    virtual QString failureTitle() const = 0;
    virtual QList<AccessCheck> requiredAccess() const = 0;

    // Reads the target object (Secrets with their values hidden), then fetchMore(). `done` runs
    // on this object's thread; not at all once it is destroyed.
    virtual void fetch(Done done);
    bool isFetched() const { return m_fetched; }
    const nlohmann::json &object() const { return m_object; }
    // For an object the caller already holds (read just before): fetch() is not needed then.
    void setObject(nlohmann::json object);

    // The writes, built from the fetched object and the parameters; performs no I/O.
    // kubectl's own refusals ("can't restart paused deployment") come back as an Error.
    virtual Result<QList<PlannedWrite>> plan(bool dryRun) const = 0;
    // Non-empty when there is nothing to write and kubectl would say so and succeed
    // ("node/a already cordoned", "skipped rollback (current template already matches)").
    virtual QString nothingToDo() const { return {}; }
    // What the confirmation says: the descriptions of plan(false), one line each.
    virtual QStringList summary() const;
    // The kind the confirmation names ("Deployment"; "HelmRelease" for a release).
    virtual QString objectKind() const { return kindName(m_target.kind); }
    // What the confirmation shows below the summary: the exact requests, Secret values hidden.
    virtual QString details() const;
    // Where the confirmation says the writes land: namespace(s), kind, name.
    struct Scope
    {
        QString ns; // empty: cluster-scoped
        QString kind;
        QString name;
    };
    virtual Scope scope() const { return {m_target.ns, objectKind(), m_target.name}; }

    // The words a window puts around the path: the title of "nothing to do" ("Nothing to
    // change"), of a refusal by plan() (title()), the status line while the writes are sent
    // ("<summary>…") and the title of a failed run ("The change failed").
    virtual QString nothingToDoTitle() const;
    virtual QString refusalTitle() const { return title(); }
    virtual QString progressText() const;
    virtual QString runFailureTitle() const;
    // After a failed run: the same writes with force would go through (an apply conflict), so
    // the caller may offer them, after a second confirmation.
    virtual bool canForce() const { return false; }

    // The server's verdict on plan(true): sent through `writer` (audited as a dry run);
    // `done` gets the outcome in words.
    virtual void dryRun(WriteExecutor *writer, DryRunDone done);
    // Sends plan(false) through `writer`; finished() follows, then report() holds the outcome.
    virtual void run(WriteExecutor *writer);
    const OperationReport &report() const { return m_report; }

    // False for an operation that writes to its own transport only and is about no cluster
    // (a CI provider's pipeline action, a Fly.io machine's restart): the runner then starts,
    // confirms and runs it without a cluster session, writing through the audited executor of
    // that transport.
    virtual bool needsSession() const { return true; }

    // A workload whose pods change: the caller may follow the rollout afterwards.
    virtual bool tracksRollout() const { return false; }
    // After a successful run: the workloads whose rollouts to follow (the target when
    // tracksRollout()).
    virtual QList<OperationTarget> rollouts() const;
    // After a successful run: what reverts it, and the sentence that offers it.
    virtual Factory undo() const { return {}; }
    virtual QString undoText() const { return {}; }
    // After a successful run of an operation that opens a stream (exec, port-forward,
    // streamoperations.h): the live session, handed over once. None for a write.
    virtual std::unique_ptr<QObject> takeStream() { return {}; }
    // False for an operation that changes nothing on the cluster by itself (opening a shell or
    // a port-forward): a window confirms it only on a protected context.
    virtual bool needsConfirmation() const { return true; }

    // A failed write in words: who, which verb, which resource (403), or the server's message.
    static QString explainFailure(const PlannedWrite &write, const Result<ApiResponse> &response,
                                  const QString &user);
    // "Not allowed: you may not patch deployments/scale in namespace shop." plus the server's
    // reason; empty when allowed or when the review could not be made.
    static QString denialText(const AccessResult &result);
    // "PATCH /apis/...\nContent-Type: ...\n\n{body}", Secret values hidden.
    static QString describeRequest(const PlannedWrite &write);
    // The one access check for `verb` on `kind` (namespaced kinds in `ns`).
    static AccessCheck accessFor(const QString &verb, Kind kind, const QString &ns,
                                 const QString &subresource = {});

signals:
    void finished(bool ok);

protected:
    // Reads what else the operation needs once object() is there; calls `done` once.
    virtual void fetchMore(Done done) { done({}); }
    // Sends `writes` in order and finishes with a report (the common run()).
    void runWrites(WriteExecutor *writer, const QList<PlannedWrite> &writes,
                   const QString &description);
    void finish(OperationReport report);
    // The failed write of a run in words (explainFailure unless an operation knows better).
    virtual QString explainRunFailure(const PlannedWrite &write,
                                      const Result<ApiResponse> &response);
    // The identity the server knows the writes by (for explanations).
    QString user() const;

private:
    HttpTransport *m_transport;
    OperationTarget m_target;
    nlohmann::json m_object;
    bool m_fetched = false;
    OperationReport m_report;
};

// Plans of operations that write exactly one object (most of them).
Result<QList<PlannedWrite>> single(Result<PlannedWrite> write);

} // namespace Orrery
