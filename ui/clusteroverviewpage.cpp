// SPDX-License-Identifier: GPL-3.0-or-later
#include "clusteroverviewpage.h"

#include <problemmonitor.h>
#include <theme.h>

#include <kube/clustersession.h>
#include <kube/resourcestore.h>
#include <monitoring/resourcequantity.h>

#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace Orrery {

ClusterOverviewPage::ClusterOverviewPage(ProblemMonitor *problems, QWidget *parent)
    : QWidget(parent)
    , m_problems(problems)
    , m_view(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("clusterOverviewPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addWidget(m_view);
    m_view->setOpenLinks(false);
    m_view->setFrameShape(QFrame::NoFrame);
    connect(m_view, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("orrery") && url.path() == QLatin1String("problems"))
            emit problemsRequested();
    });
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(300);
    connect(&m_refresh, &QTimer::timeout, this, &ClusterOverviewPage::refresh);
    if (m_problems)
        connect(m_problems, &ProblemMonitor::problemsChanged, this, [this](const QString &c) {
            if (c == m_context)
                scheduleRefresh();
        });
    connect(Theme::instance(), &Theme::changed, this, &ClusterOverviewPage::refresh);
    refresh();
}

void ClusterOverviewPage::showContext(const QString &context, ClusterSession *session)
{
    if (m_storeConnection)
        disconnect(m_storeConnection);
    if (context != m_context)
        m_metrics.reset();
    m_context = context;
    m_session = session;
    if (session)
        m_storeConnection = connect(session->store(), &ResourceStore::changed, this,
                                    &ClusterOverviewPage::scheduleRefresh);
    refresh();
}

void ClusterOverviewPage::setMetrics(std::shared_ptr<const MetricsSnapshot> metrics)
{
    m_metrics = std::move(metrics);
    scheduleRefresh();
}

void ClusterOverviewPage::scheduleRefresh()
{
    if (!m_refresh.isActive())
        m_refresh.start();
}

QString ClusterOverviewPage::text() const
{
    return m_view->toPlainText();
}

void ClusterOverviewPage::refresh()
{
    m_refresh.stop();
    Figures f;
    const Theme *theme = Theme::instance();
    const auto colour = [theme](Theme::Role role) { return theme->name(role); };
    QString html = QStringLiteral("<style>h2{margin-bottom:2px;} .dim{color:%1;} .ok{color:%2;} "
                                  ".warn{color:%3;} .err{color:%4;font-weight:bold;} "
                                  "td{padding-right:18px;} td.n{font-size:x-large;} a{color:%5;}"
                                  "</style>")
                       .arg(colour(Theme::Role::MutedText), colour(Theme::Role::Ok),
                            colour(Theme::Role::Warning), colour(Theme::Role::Danger),
                            colour(Theme::Role::Link));
    if (m_context.isEmpty()) {
        m_view->setHtml(html
                        + QStringLiteral("<h2>%1</h2><p class='dim'>%2</p>")
                              .arg(tr("Cluster overview").toHtmlEscaped(),
                                   tr("Choose a context to see its cluster.").toHtmlEscaped()));
        m_figures = f;
        return;
    }
    const QString cluster = m_session ? m_session->connection().clusterName : QString();
    html += QStringLiteral("<h2>%1</h2>").arg(m_context.toHtmlEscaped());
    if (!cluster.isEmpty() && cluster != m_context)
        html += QStringLiteral("<p class='dim'>%1</p>")
                    .arg(tr("Cluster %1").arg(cluster).toHtmlEscaped());
    if (!m_session) {
        m_view->setHtml(
            html
            + QStringLiteral("<p class='dim'>%1</p>").arg(tr("Not connected.").toHtmlEscaped()));
        m_figures = f;
        return;
    }
    const ResourceStore *store = m_session->store();
    f.namespaces = store->count(Kind::Namespace);
    for (Kind k : {Kind::Deployment, Kind::StatefulSet, Kind::DaemonSet, Kind::Job, Kind::CronJob})
        f.workloads += store->count(k);
    for (const KubeObjectPtr &pod : store->objects(Kind::Pod)) {
        ++f.pods;
        if (const PodData *p = pod->pod(); p && p->phase == QLatin1String("Running"))
            ++f.podsRunning;
    }
    for (const KubeObjectPtr &node : store->objects(Kind::Node)) {
        ++f.nodes;
        const NodeData *n = node->node();
        if (n && n->ready)
            ++f.nodesReady;
        if (!n)
            continue;
        f.cpuAllocatableNanocores += ResourceQuantity::cpuNanocores(n->cpuAllocatable).value_or(0);
        f.memoryAllocatableBytes += ResourceQuantity::bytes(n->memoryAllocatable).value_or(0);
        if (m_metrics) {
            if (const MetricsSnapshot::Usage *u = m_metrics->node(node->name)) {
                f.usage = true;
                f.cpuUsedNanocores += u->cpuNanocores;
                f.memoryUsedBytes += u->memoryBytes;
            }
        }
    }
    QList<Problem> problems = m_problems ? m_problems->problems(m_context) : QList<Problem>();
    f.problems = int(problems.size());
    m_figures = f;

    const auto cell = [](int n, const QString &label, const QString &detail = {}) {
        return QStringLiteral(
                   "<td><span class='n' style='font-size:x-large'>%1</span><br>%2%3</td>")
            .arg(n)
            .arg(label.toHtmlEscaped(), detail.isEmpty()
                                            ? QString()
                                            : QStringLiteral("<br><span class='dim'>%1</span>")
                                                  .arg(detail.toHtmlEscaped()));
    };
    html += QStringLiteral("<table><tr>%1%2%3%4</tr></table>")
                .arg(cell(f.namespaces, tr("Namespaces")), cell(f.workloads, tr("Workloads")),
                     cell(f.pods, tr("Pods"), tr("%1 running").arg(f.podsRunning)),
                     cell(f.nodes, tr("Nodes"), tr("%1 ready").arg(f.nodesReady)));

    html += QStringLiteral("<h3>%1</h3>").arg(tr("Usage").toHtmlEscaped());
    if (f.usage) {
        const auto percent = [](qint64 used, qint64 available) {
            return available > 0 ? QString::number(
                       ResourceQuantity::percent(ResourceQuantity::milliFromNano(used),
                                                 ResourceQuantity::milliFromNano(available)))
                                 : QStringLiteral("–");
        };
        html += QStringLiteral("<p>%1<br>%2</p>")
                    .arg(tr("CPU: %1 of %2 allocatable (%3 %)")
                             .arg(ResourceQuantity::formatCpu(f.cpuUsedNanocores),
                                  ResourceQuantity::formatCpu(f.cpuAllocatableNanocores),
                                  percent(f.cpuUsedNanocores, f.cpuAllocatableNanocores))
                             .toHtmlEscaped(),
                         tr("Memory: %1 of %2 allocatable (%3 %)")
                             .arg(ResourceQuantity::formatMemory(f.memoryUsedBytes),
                                  ResourceQuantity::formatMemory(f.memoryAllocatableBytes),
                                  QString::number(ResourceQuantity::percent(
                                      f.memoryUsedBytes, f.memoryAllocatableBytes)))
                             .toHtmlEscaped());
    } else {
        html += QStringLiteral("<p class='dim'>%1</p>")
                    .arg(tr("No usage figures: metrics-server has not answered (yet).")
                             .toHtmlEscaped());
    }

    html += QStringLiteral("<h3>%1</h3>").arg(tr("Problems").toHtmlEscaped());
    if (problems.isEmpty()) {
        html += QStringLiteral("<p class='ok'>%1</p>")
                    .arg(tr("Nothing needs attention.").toHtmlEscaped());
    } else {
        std::stable_sort(problems.begin(), problems.end(), [](const Problem &a, const Problem &b) {
            return a.severity > b.severity;
        });
        html += QStringLiteral("<p><a href='orrery:problems'>%1</a></p><table>")
                    .arg(tr("%n problem(s): open the Problems page", nullptr, f.problems)
                             .toHtmlEscaped());
        constexpr int shown = 8;
        for (int i = 0; i < problems.size() && i < shown; ++i) {
            const Problem &p = problems[i];
            const QString object = p.namespaceName.isEmpty()
                                       ? kindName(p.kind) + QLatin1Char('/') + p.name
                                       : p.namespaceName + QLatin1Char('/') + kindName(p.kind)
                                             + QLatin1Char('/') + p.name;
            html += QStringLiteral("<tr><td class='%1'>%2</td><td>%3</td><td class='dim'>%4</td>"
                                   "</tr>")
                        .arg(p.severity == Problem::Severity::Critical ? QStringLiteral("err")
                                                                       : QStringLiteral("warn"),
                             p.reason.toHtmlEscaped(), object.toHtmlEscaped(),
                             p.message.toHtmlEscaped());
        }
        html += QStringLiteral("</table>");
        if (problems.size() > shown)
            html += QStringLiteral("<p class='dim'>%1</p>")
                        .arg(tr("and %n more", nullptr, int(problems.size()) - shown)
                                 .toHtmlEscaped());
    }
    m_view->setHtml(html);
}

} // namespace Orrery
