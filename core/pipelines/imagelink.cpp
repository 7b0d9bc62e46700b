// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagelink.h"

#include "util/ageformat.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace Orrery {

namespace {

constexpr qsizetype MaxReferenceLength = 1024;
constexpr qsizetype MaxImagesPerRun = 64;
const QString RevisionKey = QStringLiteral("org.opencontainers.image.revision");

bool looksLikeRegistry(const QString &component)
{
    return component.contains(QLatin1Char('.')) || component.contains(QLatin1Char(':'))
           || component == QLatin1String("localhost");
}

bool wildcardMatch(const QString &pattern, const QString &text)
{
    QString re;
    for (const QChar c : pattern)
        re += c == QLatin1Char('*') ? QStringLiteral(".*") : QRegularExpression::escape(QString(c));
    return QRegularExpression(QRegularExpression::anchoredPattern(re),
                              QRegularExpression::CaseInsensitiveOption)
        .match(text)
        .hasMatch();
}

QDateTime runTime(const PipelineRun &run)
{
    for (const QDateTime &t : {run.finishedAt, run.updatedAt, run.startedAt, run.createdAt})
        if (t.isValid())
            return t;
    return {};
}

QString runKey(PipelineProvider provider, const QString &source, const QString &id)
{
    return ImageLinkSettings::sourceKey(provider, source) + QLatin1Char('#') + id;
}

QString runKey(const PipelineRun &run)
{
    return runKey(run.provider, run.source,
                  run.id.isEmpty() ? QString::number(run.number) : run.id);
}

// Newer first: creation, then number, then attempt.
bool newer(const PipelineRun &a, const PipelineRun &b)
{
    if (a.createdAt != b.createdAt)
        return a.createdAt > b.createdAt;
    if (a.number != b.number)
        return a.number > b.number;
    return a.attempt > b.attempt;
}

QSet<QString> digestsOf(const ImageReference &ref, const QStringList &runningIds)
{
    QSet<QString> digests;
    if (!ref.digest.isEmpty())
        digests.insert(ref.digest);
    for (const QString &id : runningIds) {
        const ImageReference r = ImageReference::parse(id);
        // An imageID names the pulled image; only count it for this image's repository.
        if (!r.digest.isEmpty() && (r.repository.isEmpty() || r.name() == ref.name()))
            digests.insert(r.digest);
    }
    return digests;
}

std::optional<ImageLink> linkWorkload(const ImageLinkWorkload &w, const QList<PipelineRun> &runs,
                                      const ImageLinkSettings &settings)
{
    for (const QString &image : w.images) {
        const auto found = linkImage(image, w.runningIds, w.revisions.value(image), runs, settings);
        if (!found)
            continue;
        const PipelineRun &run = runs.at(found->first);
        ImageLink link;
        link.workload = w.key;
        link.provider = run.provider;
        link.source = run.source;
        link.runId = run.id.isEmpty() ? QString::number(run.number) : run.id;
        link.runNumber = run.number;
        link.commitSha = run.commitSha;
        link.runStatus = run.status;
        link.runAt = runTime(run);
        link.image = image;
        link.evidence = found->second;
        link.rollingOut = w.rollingOut;
        link.ready = w.ready;
        link.desired = w.desired;
        return link;
    }
    return std::nullopt;
}

} // namespace

ImageReference ImageReference::parse(const QString &image, bool partialAllowed)
{
    ImageReference ref;
    QString s = image.trimmed();
    if (s.isEmpty() || s.size() > MaxReferenceLength || s.contains(QLatin1Char(' ')))
        return ref;
    if (const qsizetype scheme = s.indexOf(QLatin1String("://")); scheme >= 0)
        s = s.mid(scheme + 3); // docker-pullable://, docker://, containerd's schemes
    if (const qsizetype at = s.indexOf(QLatin1Char('@')); at >= 0) {
        const QString digest = s.mid(at + 1).toLower();
        if (!digest.contains(QLatin1Char(':')))
            return {};
        ref.digest = digest;
        s = s.left(at);
    } else if (s.startsWith(QLatin1String("sha256:"), Qt::CaseInsensitive)) {
        ref.digest = s.toLower(); // a bare imageID
        return ref;
    }
    if (s.isEmpty())
        return ref;
    const qsizetype slash = s.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = s.lastIndexOf(QLatin1Char(':'));
    if (colon > slash) {
        ref.tag = s.mid(colon + 1);
        s = s.left(colon);
    }
    const qsizetype first = s.indexOf(QLatin1Char('/'));
    if (first > 0 && looksLikeRegistry(s.left(first))) {
        ref.registry = s.left(first).toLower();
        s = s.mid(first + 1);
    } else if (!partialAllowed) {
        ref.registry = QStringLiteral("docker.io");
        if (first < 0)
            s.prepend(QLatin1String("library/"));
    }
    if (ref.registry == QLatin1String("index.docker.io")
        || ref.registry == QLatin1String("registry-1.docker.io"))
        ref.registry = QStringLiteral("docker.io");
    if (ref.registry == QLatin1String("docker.io") && !s.contains(QLatin1Char('/')))
        s.prepend(QLatin1String("library/"));
    static const QRegularExpression repositoryPattern(
        QStringLiteral("^[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*$"));
    static const QRegularExpression tagPattern(
        QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$"));
    s = s.toLower();
    if (!repositoryPattern.match(s).hasMatch()
        || (!ref.tag.isEmpty() && !tagPattern.match(ref.tag).hasMatch()))
        return {};
    ref.repository = s;
    return ref;
}

QString ImageReference::name() const
{
    return registry.isEmpty() ? repository : registry + QLatin1Char('/') + repository;
}

bool ImageReference::sameRepository(const ImageReference &full) const
{
    if (repository.isEmpty() || full.repository.isEmpty())
        return false;
    if (!registry.isEmpty())
        return registry == full.registry && repository == full.repository;
    return full.repository == repository || full.repository.endsWith(QLatin1Char('/') + repository);
}

QStringList ImageLinkRule::defaultTagTemplates()
{
    return {QStringLiteral("${sha}"), QStringLiteral("${short_sha}"), QStringLiteral("sha-${sha}"),
            QStringLiteral("sha-${short_sha}")};
}

bool ImageLinkRule::isFloatingTag(const QString &tag)
{
    static const QSet<QString> floating{
        QStringLiteral("latest"),  QStringLiteral("main"),       QStringLiteral("master"),
        QStringLiteral("stable"),  QStringLiteral("dev"),        QStringLiteral("develop"),
        QStringLiteral("edge"),    QStringLiteral("nightly"),    QStringLiteral("staging"),
        QStringLiteral("prod"),    QStringLiteral("production"), QStringLiteral("release"),
        QStringLiteral("head"),    QStringLiteral("canary"),     QStringLiteral("beta"),
        QStringLiteral("alpha"),   QStringLiteral("test"),       QStringLiteral("current"),
        QStringLiteral("snapshot")};
    return tag.isEmpty() || floating.contains(tag.toLower());
}

QStringList ImageLinkRule::expandTags(const PipelineRun &run) const
{
    QString branch = run.branch;
    branch.replace(QLatin1Char('/'), QLatin1Char('-'));
    const QList<std::pair<QString, QString>> values{
        {QStringLiteral("${sha}"), run.commitSha},
        {QStringLiteral("${short_sha}"),
         run.commitSha.size() >= 7 ? run.commitSha.left(7) : QString()},
        {QStringLiteral("${number}"), run.number > 0 ? QString::number(run.number) : QString()},
        {QStringLiteral("${branch}"), branch}};
    QStringList tags;
    for (const QString &t : tagTemplates) {
        QString tag = t;
        bool usable = true;
        bool variable = false;
        for (const auto &[name, value] : values) {
            if (!tag.contains(name))
                continue;
            variable = true;
            if (value.isEmpty())
                usable = false;
            tag.replace(name, value);
        }
        // A constant template ("stable") would link every run: never.
        if (!usable || !variable || tag.contains(QLatin1String("${")))
            continue;
        tag = tag.toLower();
        if (!isFloatingTag(tag) && !tags.contains(tag))
            tags.append(tag);
    }
    return tags;
}

bool ImageLinkRule::coversRepository(const ImageReference &image) const
{
    if (repositories.isEmpty())
        return true;
    return std::any_of(repositories.begin(), repositories.end(),
                       [&](const QString &p) { return wildcardMatch(p, image.name()); });
}

QString ImageLinkSettings::sourceKey(PipelineProvider provider, const QString &source)
{
    return pipelineProviderName(provider) + QLatin1Char(':') + source;
}

const ImageLinkRule &ImageLinkSettings::ruleFor(PipelineProvider provider,
                                                const QString &source) const
{
    const auto it = rules.constFind(sourceKey(provider, source));
    return it == rules.constEnd() ? defaultRule : *it;
}

QString WorkloadKey::toString() const
{
    return context + QLatin1Char('/') + namespaceName + QLatin1Char('/') + kind + QLatin1Char('/')
           + name;
}

size_t qHash(const WorkloadKey &key, size_t seed)
{
    return qHashMulti(seed, key.context, key.namespaceName, key.kind, key.name);
}

std::optional<ImageLinkWorkload> ImageLinkWorkload::fromObject(const QString &context,
                                                               const KubeObject &workload,
                                                               const QList<KubeObjectPtr> &pods)
{
    const WorkloadData *w = workload.workload();
    if (!w
        || (workload.kind != Kind::Deployment && workload.kind != Kind::StatefulSet
            && workload.kind != Kind::DaemonSet))
        return std::nullopt;
    ImageLinkWorkload out;
    out.key = {context, workload.namespaceName, kindName(workload.kind), workload.name};
    QHash<QString, QString> imageOfContainer;
    for (const ContainerInfo &c : w->podTemplate.containers) {
        out.images.append(c.image);
        imageOfContainer.insert(c.name, c.image);
    }
    QString revision = workload.annotation(RevisionKey);
    if (revision.isEmpty())
        revision = valueOf(w->templateLabels, RevisionKey);
    if (!revision.isEmpty())
        for (const QString &image : std::as_const(out.images))
            out.revisions.insert(image, revision);
    out.desired = w->desired;
    out.ready = w->ready;
    switch (workload.kind) {
    case Kind::StatefulSet:
        out.rollingOut = (!w->updateRevision.isEmpty() && w->currentRevision != w->updateRevision)
                         || w->updated < w->desired;
        break;
    default: out.rollingOut = w->updated < w->desired || w->current > w->desired; break;
    }
    if (workload.generation > w->observedGeneration && w->observedGeneration > 0)
        out.rollingOut = true;
    if (w->selector.isEmpty())
        return out;
    for (const KubeObjectPtr &pod : pods) {
        const PodData *p = pod ? pod->pod() : nullptr;
        if (!p || pod->namespaceName != workload.namespaceName || pod->deletionTimestamp != 0
            || !w->selector.matches(pod->labels))
            continue;
        QHash<QString, QString> podImage;
        for (const ContainerInfo &c : p->spec.containers)
            podImage.insert(c.name, c.image);
        for (const ContainerStatusInfo &s : p->containerStatuses) {
            // Only pods already on the template's image count (not the old ones of a rollout).
            if (s.init || s.imageID.isEmpty() || !imageOfContainer.contains(s.name)
                || podImage.value(s.name) != imageOfContainer.value(s.name))
                continue;
            if (!out.runningIds.contains(s.imageID) && out.runningIds.size() < 64)
                out.runningIds.append(s.imageID);
        }
    }
    return out;
}

QString ImageLinkWorkload::appLinkContext(const AppTopology &topology)
{
    return QStringLiteral("app:") + topology.ref;
}

QList<ImageLinkWorkload> ImageLinkWorkload::fromAppTopology(const AppTopology &topology)
{
    const bool fly = topology.provider == QLatin1String("fly");
    const QString context = appLinkContext(topology);
    // A machine or deployment still coming up (Fly's states, Railway's DeploymentStatus).
    static const QStringList comingUp
        = {QStringLiteral("created"),   QStringLiteral("starting"), QStringLiteral("replacing"),
           QStringLiteral("DEPLOYING"), QStringLiteral("BUILDING"), QStringLiteral("INITIALIZING"),
           QStringLiteral("QUEUED"),    QStringLiteral("WAITING")};
    QHash<QString, bool> groupRolling; // group id → one of its instances is coming up
    QHash<QString, const AppNode *> byId;
    QString appName;
    for (const AppNode &n : topology.nodes) {
        byId.insert(n.id, &n);
        if (n.kind == AppNode::Kind::App && appName.isEmpty())
            appName = n.name;
        if (n.kind == AppNode::Kind::Instance && comingUp.contains(n.status))
            groupRolling[n.parentId] = true;
    }
    // Where a box runs, as people name it: the Fly app; the Railway service in its project.
    const auto placeOf = [&](const AppNode &n) {
        if (fly)
            return appName;
        const AppNode *service = n.kind == AppNode::Kind::Group ? &n : byId.value(n.parentId);
        return service ? QStringLiteral("%1 (%2)").arg(service->name, appName) : appName;
    };
    QList<ImageLinkWorkload> out;
    for (const AppNode &n : topology.nodes) {
        if ((n.kind != AppNode::Kind::Group && n.kind != AppNode::Kind::Instance)
            || n.image.isEmpty())
            continue;
        const bool group = n.kind == AppNode::Kind::Group;
        ImageLinkWorkload w;
        w.key = {
            context, placeOf(n),
            fly ? (group ? QStringLiteral("FlyProcessGroup") : QStringLiteral("FlyMachine"))
                : (group ? QStringLiteral("RailwayService") : QStringLiteral("RailwayDeployment")),
            n.id};
        w.images = {n.image};
        if (!n.revision.isEmpty())
            w.revisions.insert(n.image, n.revision);
        w.rollingOut = group ? groupRolling.value(n.id) : comingUp.contains(n.status);
        w.desired = 1;
        w.ready = n.healthy && !w.rollingOut ? 1 : 0;
        w.changedAt = n.updatedAt;
        out.append(w);
    }
    return out;
}

QHash<QString, QStringList> platformTargetsByJob(const PipelineRun &run,
                                                 const QList<ImageLink> &links)
{
    QStringList fly, railway;
    for (const ImageLink &l : links) {
        if (l.workload.kind == QLatin1String("FlyProcessGroup")
            || l.workload.kind == QLatin1String("FlyMachine")) {
            if (!fly.contains(l.workload.namespaceName))
                fly.append(l.workload.namespaceName);
        } else if (l.workload.kind == QLatin1String("RailwayService")
                   || l.workload.kind == QLatin1String("RailwayDeployment")) {
            if (!railway.contains(l.workload.namespaceName))
                railway.append(l.workload.namespaceName);
        }
    }
    QHash<QString, QStringList> out;
    if (fly.isEmpty() && railway.isEmpty())
        return out;
    fly.sort();
    railway.sort();
    static const QRegularExpression flyWord(QStringLiteral("\\bfly(ctl)?\\b|fly\\.io"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression railwayWord(QStringLiteral("\\brailway\\b"),
                                                QRegularExpression::CaseInsensitiveOption);
    for (const PipelineJob &job : run.jobs) {
        // Only a job that ran can have deployed (a rollback job still queued has not).
        if (!job.startedAt.isValid() || job.status == PipelineStatus::Queued
            || job.status == PipelineStatus::Waiting || job.status == PipelineStatus::Skipped)
            continue;
        QStringList words{job.name};
        for (const PipelineStep &step : job.steps)
            words.append(step.name);
        const QString text = words.join(QLatin1Char('\n'));
        QStringList lines;
        if (text.contains(flyWord))
            for (const QString &app : std::as_const(fly))
                lines.append(
                    QCoreApplication::translate("ImageLink", "\u2192 Fly.io: %1").arg(app));
        if (text.contains(railwayWord))
            for (const QString &service : std::as_const(railway))
                lines.append(
                    QCoreApplication::translate("ImageLink", "\u2192 Railway: %1").arg(service));
        if (!lines.isEmpty())
            out.insert(job.id, lines);
    }
    return out;
}

QString imageLinkEvidenceName(ImageLinkEvidence evidence)
{
    switch (evidence) {
    case ImageLinkEvidence::Digest: return QStringLiteral("digest");
    case ImageLinkEvidence::Reported: return QStringLiteral("reported");
    case ImageLinkEvidence::Revision: return QStringLiteral("revision");
    case ImageLinkEvidence::Tag: return QStringLiteral("tag");
    }
    return QString();
}

QString ImageLink::describeShort(const QDateTime &now) const
{
    QString text = rollingOut
                       ? QCoreApplication::translate("ImageLink", "rolling out #%1").arg(runNumber)
                       : QCoreApplication::translate("ImageLink", "run #%1").arg(runNumber);
    const QString full = describe(now);
    const qsizetype dot = full.indexOf(QStringLiteral(" · "));
    return dot < 0 ? text : text + full.mid(dot);
}

QString ImageLink::describe(const QDateTime &now) const
{
    const QString sha = shortSha();
    QString age;
    if (runAt.isValid() && now.isValid())
        age = QCoreApplication::translate("ImageLink", "%1 ago")
                  .arg(humanDuration(std::max<qint64>(0, runAt.secsTo(now))));
    QString text
        = rollingOut
              ? QCoreApplication::translate("ImageLink", "rolling out from run #%1").arg(runNumber)
              : QCoreApplication::translate("ImageLink", "deployed by run #%1").arg(runNumber);
    if (!sha.isEmpty())
        text += QStringLiteral(" · ") + sha;
    if (!age.isEmpty())
        text += QStringLiteral(" · ") + age;
    return text;
}

std::optional<std::pair<qsizetype, ImageLinkEvidence>>
linkImage(const QString &image, const QStringList &runningIds, const QString &revision,
          const QList<PipelineRun> &runs, const ImageLinkSettings &settings)
{
    const ImageReference ref = ImageReference::parse(image);
    if (ref.repository.isEmpty())
        return std::nullopt;
    const QSet<QString> digests = digestsOf(ref, runningIds);
    const QString tag = ImageLinkRule::isFloatingTag(ref.tag) ? QString() : ref.tag.toLower();
    const QString rev = revision.trimmed().toLower();

    std::optional<ImageLinkEvidence> best;
    QList<qsizetype> candidates;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const PipelineRun &run = runs.at(i);
        const ImageLinkRule &rule = settings.ruleFor(run.provider, run.source);
        if (!rule.coversRepository(ref))
            continue;
        std::optional<ImageLinkEvidence> level;
        auto offer = [&level](ImageLinkEvidence e) {
            if (!level || e < *level)
                level = e;
        };
        if (rule.useReportedImages) {
            for (qsizetype k = 0; k < std::min(run.images.size(), MaxImagesPerRun); ++k) {
                const ImageReference reported = ImageReference::parse(run.images.at(k), true);
                if (!reported.sameRepository(ref))
                    continue;
                if (!reported.digest.isEmpty() && digests.contains(reported.digest))
                    offer(ImageLinkEvidence::Digest);
                else if (!tag.isEmpty() && reported.tag.toLower() == tag)
                    offer(ImageLinkEvidence::Reported);
            }
        }
        if (rule.useRevisionLabel && !rev.isEmpty() && !run.commitSha.isEmpty()
            && run.commitSha.toLower() == rev)
            offer(ImageLinkEvidence::Revision);
        if (!tag.isEmpty() && rule.expandTags(run).contains(tag))
            offer(ImageLinkEvidence::Tag);
        if (!level)
            continue;
        if (!best || *level < *best) {
            best = level;
            candidates.clear();
        }
        if (*level == *best)
            candidates.append(i);
    }
    if (candidates.isEmpty())
        return std::nullopt;
    // Several runs of one source on one commit built the same content (a re-run, a dispatch
    // on the pushed commit): the newest is what deployed it. Runs of other commits or other
    // sources that produced the same tag make it a reused tag: no link.
    auto group = [&runs](qsizetype i) {
        const PipelineRun &r = runs.at(i);
        return ImageLinkSettings::sourceKey(r.provider, r.source) + QLatin1Char('@')
               + (r.commitSha.isEmpty() ? QStringLiteral("#") + runKey(r) : r.commitSha.toLower());
    };
    const QString first = group(candidates.first());
    qsizetype chosen = candidates.first();
    for (const qsizetype i : std::as_const(candidates)) {
        if (group(i) != first)
            return std::nullopt;
        if (newer(runs.at(i), runs.at(chosen)))
            chosen = i;
    }
    return std::make_pair(chosen, *best);
}

QList<ImageLink> computeImageLinks(const QList<PipelineRun> &runs,
                                   const QList<ImageLinkWorkload> &workloads,
                                   const ImageLinkSettings &settings)
{
    QList<ImageLink> links;
    for (const ImageLinkWorkload &w : workloads)
        if (auto link = linkWorkload(w, runs, settings))
            links.append(*link);
    return links;
}

// --- ImageLinkIndex ---

ImageLinkIndex::ImageLinkIndex(ImageLinkSettings settings, int maxRuns, int maxWorkloads)
    : m_settings(std::move(settings))
    , m_maxRuns(std::max(1, maxRuns))
    , m_maxWorkloads(std::max(1, maxWorkloads))
{
}

QSet<QString> ImageLinkIndex::runTokens(const PipelineRun &run) const
{
    QSet<QString> tokens;
    const ImageLinkRule &rule = m_settings.ruleFor(run.provider, run.source);
    if (!run.commitSha.isEmpty())
        tokens.insert(QStringLiteral("sha:") + run.commitSha.toLower());
    for (const QString &tag : rule.expandTags(run))
        tokens.insert(QStringLiteral("tag:") + tag);
    for (qsizetype k = 0; k < std::min(run.images.size(), MaxImagesPerRun); ++k) {
        const ImageReference r = ImageReference::parse(run.images.at(k), true);
        if (!r.tag.isEmpty())
            tokens.insert(QStringLiteral("tag:") + r.tag.toLower());
        if (!r.digest.isEmpty())
            tokens.insert(QStringLiteral("digest:") + r.digest);
    }
    return tokens;
}

QSet<QString> ImageLinkIndex::workloadTokens(const ImageLinkWorkload &workload)
{
    QSet<QString> tokens;
    for (const QString &image : workload.images) {
        const ImageReference r = ImageReference::parse(image);
        if (!r.tag.isEmpty())
            tokens.insert(QStringLiteral("tag:") + r.tag.toLower());
        if (!r.digest.isEmpty())
            tokens.insert(QStringLiteral("digest:") + r.digest);
    }
    for (const QString &id : workload.runningIds) {
        const ImageReference r = ImageReference::parse(id);
        if (!r.digest.isEmpty())
            tokens.insert(QStringLiteral("digest:") + r.digest);
    }
    for (const QString &rev : workload.revisions)
        tokens.insert(QStringLiteral("sha:") + rev.trimmed().toLower());
    return tokens;
}

bool ImageLinkIndex::evaluate(const WorkloadKey &key)
{
    std::optional<ImageLink> link;
    const auto w = m_workloads.constFind(key);
    if (w != m_workloads.constEnd()) {
        QSet<QString> keys;
        for (const QString &t : workloadTokens(*w))
            keys.unite(m_runsByToken.value(t));
        QList<PipelineRun> candidates;
        for (const QString &k : std::as_const(keys))
            candidates.append(m_runs.value(k).run);
        link = linkWorkload(*w, candidates, m_settings);
    }
    const auto old = m_links.constFind(key);
    const std::optional<ImageLink> before
        = old == m_links.constEnd() ? std::nullopt : std::optional<ImageLink>(*old);
    if (before == link)
        return false;
    if (before) {
        const QString k = runKey(before->provider, before->source, before->runId);
        auto it = m_linksByRun.find(k);
        if (it != m_linksByRun.end()) {
            it->remove(key);
            if (it->isEmpty())
                m_linksByRun.erase(it);
        }
        m_links.remove(key);
    }
    if (link) {
        m_links.insert(key, *link);
        m_linksByRun[runKey(link->provider, link->source, link->runId)].insert(key);
    }
    return true;
}

QList<WorkloadKey> ImageLinkIndex::evaluateAll(const QSet<WorkloadKey> &keys)
{
    QList<WorkloadKey> changed;
    for (const WorkloadKey &k : keys)
        if (evaluate(k))
            changed.append(k);
    return changed;
}

QList<WorkloadKey> ImageLinkIndex::setSettings(const ImageLinkSettings &settings)
{
    m_settings = settings;
    QList<PipelineRun> runs;
    for (const RunEntry &e : std::as_const(m_runs))
        runs.append(e.run);
    m_runs.clear();
    m_runsByToken.clear();
    QSet<WorkloadKey> all(m_workloads.keyBegin(), m_workloads.keyEnd());
    for (const PipelineRun &run : std::as_const(runs)) {
        RunEntry e{run, runTokens(run)};
        for (const QString &t : std::as_const(e.tokens))
            m_runsByToken[t].insert(runKey(run));
        m_runs.insert(runKey(run), std::move(e));
    }
    for (const WorkloadKey &k : m_links.keys())
        all.insert(k);
    return evaluateAll(all);
}

QList<WorkloadKey> ImageLinkIndex::upsertRun(const PipelineRun &run)
{
    const QString key = runKey(run);
    QSet<WorkloadKey> affected = m_linksByRun.value(key);
    auto it = m_runs.find(key);
    if (it != m_runs.end()) {
        if (it->run == run)
            return {};
        for (const QString &t : std::as_const(it->tokens)) {
            affected.unite(m_workloadsByToken.value(t));
            auto r = m_runsByToken.find(t);
            if (r != m_runsByToken.end()) {
                r->remove(key);
                if (r->isEmpty())
                    m_runsByToken.erase(r);
            }
        }
    }
    RunEntry entry{run, runTokens(run)};
    for (const QString &t : std::as_const(entry.tokens)) {
        affected.unite(m_workloadsByToken.value(t));
        m_runsByToken[t].insert(key);
    }
    m_runs.insert(key, std::move(entry));
    QList<WorkloadKey> changed = evaluateAll(affected);
    for (const WorkloadKey &k : evict())
        if (!changed.contains(k))
            changed.append(k);
    return changed;
}

QList<WorkloadKey> ImageLinkIndex::evict()
{
    QList<WorkloadKey> changed;
    while (m_runs.size() > m_maxRuns) {
        auto oldest = m_runs.begin();
        for (auto it = m_runs.begin(); it != m_runs.end(); ++it)
            if (newer(oldest->run, it->run))
                oldest = it;
        const PipelineRun run = oldest->run;
        changed += removeRun(run.provider, run.source,
                             run.id.isEmpty() ? QString::number(run.number) : run.id);
    }
    return changed;
}

QList<WorkloadKey> ImageLinkIndex::removeRun(PipelineProvider provider, const QString &source,
                                             const QString &runId)
{
    const QString key = runKey(provider, source, runId);
    auto it = m_runs.find(key);
    if (it == m_runs.end())
        return {};
    QSet<WorkloadKey> affected = m_linksByRun.value(key);
    for (const QString &t : std::as_const(it->tokens)) {
        affected.unite(m_workloadsByToken.value(t));
        auto r = m_runsByToken.find(t);
        if (r != m_runsByToken.end()) {
            r->remove(key);
            if (r->isEmpty())
                m_runsByToken.erase(r);
        }
    }
    m_runs.erase(it);
    return evaluateAll(affected);
}

QList<WorkloadKey> ImageLinkIndex::upsertWorkload(const ImageLinkWorkload &workload)
{
    auto it = m_workloads.find(workload.key);
    if (it != m_workloads.end()) {
        if (*it == workload)
            return {};
        for (const QString &t : workloadTokens(*it)) {
            auto w = m_workloadsByToken.find(t);
            if (w != m_workloadsByToken.end()) {
                w->remove(workload.key);
                if (w->isEmpty())
                    m_workloadsByToken.erase(w);
            }
        }
        *it = workload;
    } else {
        if (m_workloads.size() >= m_maxWorkloads)
            return {};
        m_workloads.insert(workload.key, workload);
    }
    for (const QString &t : workloadTokens(workload))
        m_workloadsByToken[t].insert(workload.key);
    return evaluate(workload.key) ? QList<WorkloadKey>{workload.key} : QList<WorkloadKey>{};
}

QList<WorkloadKey> ImageLinkIndex::removeWorkload(const WorkloadKey &key)
{
    auto it = m_workloads.find(key);
    if (it == m_workloads.end())
        return {};
    for (const QString &t : workloadTokens(*it)) {
        auto w = m_workloadsByToken.find(t);
        if (w != m_workloadsByToken.end()) {
            w->remove(key);
            if (w->isEmpty())
                m_workloadsByToken.erase(w);
        }
    }
    m_workloads.erase(it);
    return evaluate(key) ? QList<WorkloadKey>{key} : QList<WorkloadKey>{};
}

QList<WorkloadKey> ImageLinkIndex::removeContext(const QString &context)
{
    QList<WorkloadKey> keys;
    for (auto it = m_workloads.keyBegin(); it != m_workloads.keyEnd(); ++it)
        if (it->context == context)
            keys.append(*it);
    QList<WorkloadKey> changed;
    for (const WorkloadKey &k : std::as_const(keys))
        changed += removeWorkload(k);
    return changed;
}

std::optional<ImageLink> ImageLinkIndex::linkOf(const WorkloadKey &key) const
{
    const auto it = m_links.constFind(key);
    if (it == m_links.constEnd())
        return std::nullopt;
    return *it;
}

QList<ImageLink> ImageLinkIndex::linksOfRun(PipelineProvider provider, const QString &source,
                                            const QString &runId) const
{
    QList<ImageLink> out;
    for (const WorkloadKey &k : m_linksByRun.value(runKey(provider, source, runId)))
        out.append(m_links.value(k));
    std::sort(out.begin(), out.end(), [](const ImageLink &a, const ImageLink &b) {
        return a.workload.toString() < b.workload.toString();
    });
    return out;
}

QList<ImageLink> ImageLinkIndex::links() const
{
    QList<ImageLink> out = m_links.values();
    std::sort(out.begin(), out.end(), [](const ImageLink &a, const ImageLink &b) {
        return a.workload.toString() < b.workload.toString();
    });
    return out;
}

} // namespace Orrery
