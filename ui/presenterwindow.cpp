// SPDX-License-Identifier: GPL-3.0-or-later
#include "presenterwindow.h"

#include "theme.h"
#include "topologyscene.h"
#include "topologystyle.h"
#include "topologyview.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace Orrery {

namespace {

class Legend : public QWidget
{
public:
    explicit Legend(QWidget *parent)
        : QWidget(parent)
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        resize(260, 250);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(TopologyStyle::namespaceBorder());
        QColor fill = TopologyStyle::background();
        fill.setAlpha(235);
        p.setBrush(fill);
        p.drawRoundedRect(rect().adjusted(1, 1, -1, -1), 10, 10);
        QFont f = TopologyStyle::titleFont(1.3);
        p.setFont(f);
        p.setPen(TopologyStyle::text());
        p.drawText(QRect(14, 8, width() - 28, 24), Qt::AlignLeft | Qt::AlignVCenter,
                   PresenterWindow::tr("Legend"));
        const QList<QPair<TopologyHealth, QString>> rows{
            {TopologyHealth::Healthy, PresenterWindow::tr("Running and ready")},
            {TopologyHealth::Progressing, PresenterWindow::tr("Starting, rolling out, scaling")},
            {TopologyHealth::Warning, PresenterWindow::tr("Degraded")},
            {TopologyHealth::Failed, PresenterWindow::tr("Failing")},
            {TopologyHealth::Terminating, PresenterWindow::tr("Terminating")},
            {TopologyHealth::Succeeded, PresenterWindow::tr("Completed")},
        };
        p.setFont(TopologyStyle::detailFont(1.5));
        int y = 40;
        for (const auto &[health, text] : rows) {
            p.setPen(TopologyStyle::healthColor(health));
            p.setBrush(TopologyStyle::healthFill(health));
            p.drawRoundedRect(QRectF(16, y + 3, 26, 18), 5, 5);
            p.setPen(TopologyStyle::text());
            p.drawText(QRect(52, y, width() - 60, 24), Qt::AlignLeft | Qt::AlignVCenter, text);
            y += 30;
        }
        p.setPen(QPen(TopologyStyle::edgeColor(TopologyEdgeType::Selects, true), 2));
        p.drawLine(16, y + 12, 42, y + 12);
        p.setPen(TopologyStyle::text());
        p.drawText(QRect(52, y, width() - 60, 24), Qt::AlignLeft | Qt::AlignVCenter,
                   PresenterWindow::tr("Traffic to ready pods"));
    }
};

} // namespace

PresenterWindow::PresenterWindow(TopologyScene *scene, QWidget *parent)
    : QWidget(parent)
    , m_scene(scene)
{
    setWindowTitle(tr("Orrery — Presenter"));
    // The legend has a strip of its own left of the diagram, so it never hides the diagram's
    // top left (where a fitted diagram starts).
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *side = new QWidget(this);
    side->setAutoFillBackground(true);
    auto applyLook = [side] {
        QPalette palette = side->palette();
        palette.setColor(QPalette::Window, TopologyStyle::background());
        side->setPalette(palette);
        side->update(); // the legend paints from TopologyStyle
    };
    applyLook();
    connect(Theme::instance(), &Theme::changed, side, applyLook);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(16, 16, 8, 16);
    m_legend = new Legend(side);
    m_legend->setFixedSize(m_legend->size());
    sideLayout->addWidget(m_legend);
    sideLayout->addStretch(1);
    layout->addWidget(side);
    m_view = new TopologyView(this);
    layout->addWidget(m_view, 1);

    TopologyFilter filter = scene->filter();
    filter.hideSystem = true;
    scene->setFilter(filter);
    scene->setPresenter(true);
    m_view->setTopologyScene(scene);
    m_ranks = scene->usedRanks();
    m_step = 0;
    applyStep();
    m_view->fitAll();
    setFocusPolicy(Qt::StrongFocus);
}

PresenterWindow::~PresenterWindow()
{
    m_view->setTopologyScene(nullptr);
    m_scene->setRevealRank(TopologyRankCount);
    m_scene->setAnonymise(false);
    m_scene->setPresenter(false);
}

void PresenterWindow::applyStep()
{
    if (m_ranks.isEmpty())
        return;
    m_scene->setRevealRank(m_step >= int(m_ranks.size()) - 1 ? TopologyRankCount
                                                             : m_ranks.at(m_step));
}

void PresenterWindow::nextTier()
{
    if (m_step < int(m_ranks.size()) - 1) {
        ++m_step;
        applyStep();
    }
}

void PresenterWindow::previousTier()
{
    if (m_step > 0) {
        --m_step;
        applyStep();
    }
}

void PresenterWindow::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Space:
    case Qt::Key_Right:
    case Qt::Key_PageDown: nextTier(); return;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
    case Qt::Key_Backspace: previousTier(); return;
    case Qt::Key_A: m_scene->setAnonymise(!m_scene->display().anonymise); return;
    case Qt::Key_F: m_view->fitAll(); return;
    case Qt::Key_Escape:
    case Qt::Key_F5: close(); return;
    default: QWidget::keyPressEvent(event);
    }
}

} // namespace Orrery
