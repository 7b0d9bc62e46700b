// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cloud/apptopology.h"
#include "kube/kubeobject.h"
#include "pipelines/pipelinerun.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Orrery {

// Pipeline → image → workload (docs/pipelines.md, "Linking runs to workloads"): which run
// produced the image a workload runs, and where a run's images run now. Pure functions plus
// ImageLinkIndex, an incremental, bounded index the models feed with runs and workloads.

// An image reference split the way registries do: "ghcr.io/org/app:sha-abc1234",
// "nginx:1.25" (docker.io/library/nginx), "repo@sha256:..." and pods' imageIDs
// ("docker-pullable://repo@sha256:...", "sha256:..."). Tolerant: anything unparsable gives an
// invalid reference.
struct ImageReference
{
    QString registry;   // "ghcr.io", "docker.io"; empty for a partial reference ("app:tag")
    QString repository; // "org/app", "library/nginx"
    QString tag;        // empty when none
    QString digest;     // "sha256:<hex>" lowercased; empty when none

    // `partialAllowed`: "app:tag" without a registry keeps registry empty (what runs report
    // in artifact names or build descriptions) instead of meaning docker.io/library/app.
    static ImageReference parse(const QString &image, bool partialAllowed = false);
    bool isValid() const { return !repository.isEmpty() || !digest.isEmpty(); }
    QString name() const; // "registry/repository"
    // This (possibly partial) reference names the same repository as `full`: equal, or with
    // an empty registry a path suffix of full's repository ("app" matches "org/app").
    bool sameRepository(const ImageReference &full) const;
};

// The rule of one source (stored by PipelineImageLinker::loadSettings/saveSettings).
struct ImageLinkRule
{
    // Tags a run's images carry: ${sha} (full commit), ${short_sha} (first 7), ${number}
    // (run/build number), ${branch}. A template whose value the run lacks is skipped.
    QStringList tagTemplates = defaultTagTemplates();
    // Image repositories this source builds ("ghcr.io/org/*", "*/app"; '*' matches any run
    // of characters). Empty: any. Number-only templates ("v${number}") should be limited so.
    QStringList repositories;
    bool useReportedImages = true; // the run's own images (artifacts, build descriptions)
    bool useRevisionLabel = true;  // org.opencontainers.image.revision when known

    // "${sha}", "${short_sha}", "sha-${sha}", "sha-${short_sha}".
    static QStringList defaultTagTemplates();
    // Tags that never link: they are moved from build to build ("latest", "main", ...).
    static bool isFloatingTag(const QString &tag);
    // The templates expanded for `run` (lowercased, unique, floating tags left out).
    QStringList expandTags(const PipelineRun &run) const;
    bool coversRepository(const ImageReference &image) const;

    bool operator==(const ImageLinkRule &) const = default;
};

// The rules of every source; sources without their own rule use `defaultRule`.
struct ImageLinkSettings
{
    ImageLinkRule defaultRule;
    QHash<QString, ImageLinkRule> rules; // sourceKey() → rule

    static QString sourceKey(PipelineProvider provider, const QString &source);
    const ImageLinkRule &ruleFor(PipelineProvider provider, const QString &source) const;
};

// A workload on one cluster, or a box of a PaaS app (ImageLinkWorkload::fromAppTopology):
// context "app:<topology ref>", namespaceName where it runs as people name it (the Fly app,
// "api-gateway (acme-platform · production)" for a Railway service), kind FlyProcessGroup,
// FlyMachine, RailwayService or RailwayDeployment, name the AppNode's id.
struct WorkloadKey
{
    QString context;
    QString namespaceName;
    QString kind; // "Deployment", "StatefulSet", "DaemonSet" (or a PaaS box's kind, above)
    QString name;

    bool operator==(const WorkloadKey &) const = default;
    QString toString() const; // "context/namespace/Kind/name"
};
size_t qHash(const WorkloadKey &key, size_t seed = 0);

// What the link rule needs of a workload.
struct ImageLinkWorkload
{
    WorkloadKey key;
    QStringList images;                // its pod template's container images, in order
    QStringList runningIds;            // its current pods' imageIDs (digests), when known
    QHash<QString, QString> revisions; // image → org.opencontainers.image.revision, when known
    int desired = 0;
    int ready = 0;
    bool rollingOut = false; // the controller has not yet moved every replica to `images`
    QDateTime changedAt;     // when its template last changed, when known

    bool operator==(const ImageLinkWorkload &) const = default;

    // From a Deployment/StatefulSet/DaemonSet and the pods of its namespace (those its
    // selector matches are its own); nullopt for any other kind.
    static std::optional<ImageLinkWorkload> fromObject(const QString &context,
                                                       const KubeObject &workload,
                                                       const QList<KubeObjectPtr> &pods);
    // The boxes of a Fly.io app or Railway environment that run an image (process groups and
    // machines, services and deployments; not the app, not attachments), each with the
    // revision its platform recorded (AppNode::revision) and rolling out while its machine or
    // deployment is still coming up. Keyed in appLinkContext(topology).
    static QList<ImageLinkWorkload> fromAppTopology(const AppTopology &topology);
    static QString appLinkContext(const AppTopology &topology); // "app:" + topology.ref
};

// Why an image is a run's, strongest first.
enum class ImageLinkEvidence { Digest, Reported, Revision, Tag };
QString imageLinkEvidenceName(ImageLinkEvidence evidence); // "digest", "reported", ...

// A workload's image and the run that produced it.
struct ImageLink
{
    WorkloadKey workload;
    PipelineProvider provider = PipelineProvider::GitHub;
    QString source; // so the UI can open the run
    QString runId;
    int runNumber = 0;
    QString commitSha;
    PipelineStatus runStatus = PipelineStatus::Unknown;
    QDateTime runAt; // the run's finish (or last update, or start)
    QString image;   // the workload's image the run produced
    ImageLinkEvidence evidence = ImageLinkEvidence::Tag;
    bool rollingOut = false;
    int ready = 0;
    int desired = 0;

    bool operator==(const ImageLink &) const = default;
    QString shortSha() const { return commitSha.left(7); }
    // "deployed by run #123 · abc1234 · 5m ago", "rolling out from run #124 · ...". Names no
    // repository nor image, so it may be shown as is in presenter and anonymise modes.
    QString describe(const QDateTime &now) const;
    // The same without the verb where room is short: "run #123 · abc1234 · 5m ago",
    // "rolling out #124 · abc1234 · 30s ago".
    QString describeShort(const QDateTime &now) const;
};

// The other direction for PaaS boxes, per job of `run`: the Fly.io apps and Railway services
// among `links` (the run's linksOfRun) as lines for the run diagram ("→ Fly.io:
// acme-edge-staging"), each given to the jobs that deployed to that platform: a job that has
// started and whose name or steps name it ("flyctl deploy", "fly deploy", "Deploy staging
// (Fly.io)"; "railway up", "Deploy (Railway)"). Other jobs get nothing.
QHash<QString, QStringList> platformTargetsByJob(const PipelineRun &run,
                                                 const QList<ImageLink> &links);

// The pure rule: which run produced `image` (with the workload's running digests and known
// revisions)? Nullopt when none, or when the candidates disagree (a tag several runs of
// different commits or sources produced: reused tags never link).
std::optional<std::pair<qsizetype, ImageLinkEvidence>>
linkImage(const QString &image, const QStringList &runningIds, const QString &revision,
          const QList<PipelineRun> &runs, const ImageLinkSettings &settings);

// Every workload's link, recomputed from scratch (what the index must agree with).
QList<ImageLink> computeImageLinks(const QList<PipelineRun> &runs,
                                   const QList<ImageLinkWorkload> &workloads,
                                   const ImageLinkSettings &settings);

// The incremental index: upserting a run re-evaluates only the workloads sharing a tag,
// digest or commit with it; upserting a workload re-evaluates only that workload. Bounded:
// past `maxRuns` the oldest runs are dropped, past `maxWorkloads` new workloads are ignored.
class ImageLinkIndex
{
public:
    explicit ImageLinkIndex(ImageLinkSettings settings = {}, int maxRuns = 2000,
                            int maxWorkloads = 50000);

    const ImageLinkSettings &settings() const { return m_settings; }
    // Re-evaluates everything; returns the workloads whose link changed.
    QList<WorkloadKey> setSettings(const ImageLinkSettings &settings);

    // Each returns the workloads whose link changed (appeared, moved, vanished, or its
    // shown state changed).
    QList<WorkloadKey> upsertRun(const PipelineRun &run);
    QList<WorkloadKey> removeRun(PipelineProvider provider, const QString &source,
                                 const QString &runId);
    QList<WorkloadKey> upsertWorkload(const ImageLinkWorkload &workload);
    QList<WorkloadKey> removeWorkload(const WorkloadKey &key);
    // Drops every workload of a context (a cluster disconnected).
    QList<WorkloadKey> removeContext(const QString &context);

    std::optional<ImageLink> linkOf(const WorkloadKey &key) const;
    // Where a run's images run now.
    QList<ImageLink> linksOfRun(PipelineProvider provider, const QString &source,
                                const QString &runId) const;
    QList<ImageLink> links() const;
    int runCount() const { return int(m_runs.size()); }
    int workloadCount() const { return int(m_workloads.size()); }

private:
    struct RunEntry
    {
        PipelineRun run;
        QSet<QString> tokens;
    };
    QSet<QString> runTokens(const PipelineRun &run) const;
    static QSet<QString> workloadTokens(const ImageLinkWorkload &workload);
    bool evaluate(const WorkloadKey &key); // true when its link changed
    QList<WorkloadKey> evaluateAll(const QSet<WorkloadKey> &keys);
    QList<WorkloadKey> evict();

    ImageLinkSettings m_settings;
    int m_maxRuns;
    int m_maxWorkloads;
    QHash<QString, RunEntry> m_runs; // run key → run
    QHash<WorkloadKey, ImageLinkWorkload> m_workloads;
    QHash<QString, QSet<QString>> m_runsByToken;
    QHash<QString, QSet<WorkloadKey>> m_workloadsByToken;
    QHash<WorkloadKey, ImageLink> m_links;
    QHash<QString, QSet<WorkloadKey>> m_linksByRun;
};

} // namespace Orrery
