// SPDX-License-Identifier: GPL-3.0-or-later
#include "apptopologypage.h"

#include <apptopologyexporter.h>
#include <apptopologyscene.h>
#include <pipelineimagelinker.h>
#include <theme.h>

#include <QDateTime>
#include <QFileDialog>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace Orrery {

AppTopologyPage::AppTopologyPage(QWidget *parent)
    : QWidget(parent)
    , m_scene(new AppTopologyScene(this))
    , m_view(new QGraphicsView(m_scene, this))
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_export(new QPushButton(tr("Export\u2026"), this))
{
    setObjectName(QStringLiteral("appTopologyPage"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setText(tr("No app chosen: pick a Fly.io or Railway app under Clouds."));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_refresh->setEnabled(false);
    m_export->setEnabled(false);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addSpacing(12);
    header->addWidget(m_status, 1);
    header->addWidget(m_refresh);
    header->addWidget(m_export);

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setRenderHint(QPainter::TextAntialiasing);
    m_view->setDragMode(QGraphicsView::ScrollHandDrag);
    m_view->setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    m_view->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_view->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);

    connect(m_refresh, &QPushButton::clicked, this, &AppTopologyPage::refresh);
    connect(m_export, &QPushButton::clicked, this, &AppTopologyPage::exportDiagram);
    connect(m_scene, &AppTopologyScene::contextMenuRequested, this,
            [this](const QString &id, bool isRelease, const QPoint &screenPos) {
                if (QMenu *menu = menuFor(id, isRelease, this)) {
                    menu->setAttribute(Qt::WA_DeleteOnClose);
                    menu->popup(screenPos);
                }
            });
    connect(m_scene, &AppTopologyScene::pipelineRunRequested, this, [this](const QString &id) {
        const auto it = m_pipelineLinks.constFind(id);
        if (it != m_pipelineLinks.constEnd())
            emit pipelineRunRequested(it->provider, it->source, it->runId);
    });
    // The diagram reads its colours at paint time; a new look needs a new background.
    connect(Theme::instance(), &Theme::changed, this, [this] {
        if (!m_scene->topology().nodes.isEmpty())
            m_scene->setTopology(m_scene->topology());
    });
}

AppTopologyPage::~AppTopologyPage() = default;

void AppTopologyPage::setApp(const QString &title, Loader loader, ActionsFor actions)
{
    m_title->setText(title);
    m_loader = std::move(loader);
    m_actions = std::move(actions);
    m_fitted = false;
    m_scene->setTopology({});
    m_refresh->setEnabled(bool(m_loader));
    refresh();
}

void AppTopologyPage::setPipelineLinker(PipelineImageLinker *linker)
{
    if (m_pipelineLinker)
        disconnect(m_pipelineLinker, nullptr, this, nullptr);
    m_pipelineLinker = linker;
    if (linker) {
        connect(linker, &PipelineImageLinker::linksChanged, this, [this](const QString &context) {
            if (context == ImageLinkWorkload::appLinkContext(m_scene->topology()))
                updatePipelineBadges();
        });
        if (!m_scene->topology().nodes.isEmpty())
            linker->setAppTopology(m_scene->topology());
    }
    updatePipelineBadges();
}

void AppTopologyPage::updatePipelineBadges()
{
    m_pipelineLinks.clear();
    QHash<QString, TopologyDisplay::PipelineBadge> badges;
    const AppTopology &t = m_scene->topology();
    if (m_pipelineLinker && !t.nodes.isEmpty()) {
        const QString context = ImageLinkWorkload::appLinkContext(t);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const ImageLink &link : m_pipelineLinker->links()) {
            if (link.workload.context != context)
                continue;
            badges.insert(link.workload.name,
                          {link.describe(now), link.rollingOut, link.describeShort(now)});
            m_pipelineLinks.insert(link.workload.name, link);
        }
    }
    m_scene->setPipelineBadges(badges);
}

void AppTopologyPage::refresh()
{
    if (!m_loader)
        return;
    const quint64 generation = ++m_generation;
    m_status->setText(tr("Reading\u2026"));
    const QPointer<AppTopologyPage> self(this);
    m_loader([self, generation](const Result<AppTopology> &topology) {
        if (!self || generation != self->m_generation)
            return;
        if (!topology.ok()) {
            self->m_status->setText(
                tr("Could not read the app: %1").arg(topology.error().toString()));
            emit self->loaded(false);
            return;
        }
        self->m_scene->setTopology(topology.value());
        if (self->m_pipelineLinker) // the index is updated at once; linksChanged comes later
            self->m_pipelineLinker->setAppTopology(topology.value());
        self->updatePipelineBadges();
        self->m_export->setEnabled(true);
        self->m_status->setText(tr("Read at %1")
                                    .arg(QLocale().toString(QDateTime::currentDateTime().time(),
                                                            QLocale::ShortFormat)));
        if (!self->m_fitted) {
            self->m_fitted = true;
            self->m_view->centerOn(self->m_scene->sceneRect().topLeft());
        }
        emit self->loaded(true);
        // Machines on their way somewhere (starting, replacing, deploying): read again soon,
        // until they settle.
        const AppTopology &t = self->m_scene->topology();
        const bool moving = std::any_of(t.nodes.cbegin(), t.nodes.cend(), [](const AppNode &n) {
            return AppTopologyNodeItem::healthOf(n) == TopologyHealth::Progressing;
        });
        if (moving)
            QTimer::singleShot(SettleRefreshMs, self, [self, generation] {
                if (self && generation == self->m_generation)
                    self->refresh();
            });
    });
}

QMenu *AppTopologyPage::menuFor(const QString &id, bool isRelease, QWidget *parent)
{
    if (!m_actions)
        return nullptr;
    const AppNode *node = isRelease ? nullptr : m_scene->node(id);
    const AppRelease *release = isRelease ? m_scene->release(id) : nullptr;
    if (!node && !release)
        return nullptr;
    const QList<AppAction> actions = m_actions(m_scene->topology(), node, release);
    if (actions.isEmpty())
        return nullptr;
    auto *menu = new QMenu(parent);
    for (const AppAction &a : actions) {
        QAction *item = menu->addAction(a.label);
        item->setEnabled(a.enabled);
        item->setData(a.id);
        connect(item, &QAction::triggered, this, [this, a] { emit actionTriggered(a); });
    }
    return menu;
}

void AppTopologyPage::exportDiagram()
{
    auto *dialog = new QFileDialog(this, tr("Export the app"), m_scene->topology().ref + ".png",
                                   tr("PNG image (*.png);;SVG image (*.svg)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        const Result<void> written = AppTopologyExporter::write(m_scene, file);
        m_status->setText(written.ok() ? tr("Exported to %1").arg(file)
                                       : tr("Export failed: %1").arg(written.error().toString()));
    });
    dialog->open();
}

} // namespace Orrery
