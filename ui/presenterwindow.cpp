// SPDX-License-Identifier: GPL-3.0-or-later
#include "presenterwindow.h"

#include "runbook/runbookcaptionoverlay.h"
#include "theme.h"
#include "topologyscene.h"
#include "topologystyle.h"
#include "topologyview.h"

#include <runbook/runbookrunner.h>

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QStackedLayout>
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
        resize(232, 226);
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
        p.setFont(TopologyStyle::detailFont(1.2));
        int y = 38;
        for (const auto &[health, text] : rows) {
            // The same high-contrast borders as the nodes in presenter mode.
            p.setPen(QPen(TopologyStyle::healthColor(health, true), 3));
            p.setBrush(TopologyStyle::healthFill(health));
            p.drawRoundedRect(QRectF(16, y + 3, 26, 18), 5, 5);
            p.setPen(TopologyStyle::text());
            p.drawText(QRect(52, y, width() - 60, 24), Qt::AlignLeft | Qt::AlignVCenter, text);
            y += 27;
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
    // The legend and the step counter have a strip of their own left of the diagram, so they
    // never hide the diagram's top left (where a fitted diagram starts).
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *side = new QWidget(this);
    side->setAutoFillBackground(true);
    m_counterTitle = new QLabel(tr("Tier"), side);
    m_counter = new QLabel(side);
    m_counter->setObjectName(QStringLiteral("presenterStepCounter"));
    QFont counterFont = TopologyStyle::titleFont(3.2);
    m_counter->setFont(counterFont);
    m_counterTitle->setFont(TopologyStyle::detailFont(1.8));
    auto applyLook = [this, side] {
        QPalette palette = side->palette();
        palette.setColor(QPalette::Window, TopologyStyle::background());
        palette.setColor(QPalette::WindowText, TopologyStyle::text());
        side->setPalette(palette);
        m_counter->setPalette(palette);
        m_counterTitle->setPalette(palette);
        side->update(); // the legend paints from TopologyStyle
    };
    applyLook();
    connect(Theme::instance(), &Theme::changed, side, applyLook);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(12, 12, 4, 12);
    m_legend = new Legend(side);
    m_legend->setFixedSize(m_legend->size());
    sideLayout->addWidget(m_legend);
    sideLayout->addSpacing(18);
    sideLayout->addWidget(m_counterTitle);
    sideLayout->addWidget(m_counter);
    sideLayout->addStretch(1);
    layout->addWidget(side);

    // The stage: the diagram, or a view a runbook step names; the caption band on top.
    m_stage = new QWidget(this);
    m_stack = new QStackedLayout(m_stage);
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_view = new TopologyView(m_stage);
    m_stack->addWidget(m_view);
    m_currentView = QStringLiteral("topology");
    layout->addWidget(m_stage, 1);
    m_stage->installEventFilter(this);

    // The window takes the keys: a focused view would scroll on the arrows and Page keys.
    // The filter catches those the view gets anyway (a click gives it focus on some styles).
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->installEventFilter(this);
    m_view->viewport()->installEventFilter(this);
    m_view->setLaserPointer(true);
    // No scroll bars: one appearing would narrow the view below the fitted width.
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setOverviewAllowed(false); // names stay, however small the fit

    TopologyFilter filter = scene->filter();
    filter.hideSystem = true;
    scene->setFilter(filter);
    scene->setPresenter(true);
    m_view->setTopologyScene(scene);
    m_ranks = scene->usedRanks();
    m_step = 0;
    applyStep();
    fit();
    setFocusPolicy(Qt::StrongFocus);
}

PresenterWindow::~PresenterWindow()
{
    m_view->setTopologyScene(nullptr);
    m_scene->setRevealRank(TopologyRankCount);
    m_scene->setAnonymise(false);
    m_scene->setPresenter(false);
}

void PresenterWindow::fit()
{
    // Every column: the whole diagram, unless that would shrink the names below what a room
    // reads; then its whole width (the top, where the largest namespace is, and the rest a
    // drag away).
    const QRectF content = m_scene->sceneRect();
    const QSizeF room = QSizeF(m_view->viewport()->size()) - QSizeF(4, 4);
    if (content.isEmpty() || room.isEmpty())
        return;
    const qreal width = room.width() / content.width();
    const qreal whole = std::min(width, room.height() / content.height());
    const qreal zoom = whole >= TopologyScene::overviewZoom() ? whole : width;
    m_view->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_view->setZoom(zoom);
    m_view->centerOn(content.center().x(), content.top() + room.height() / zoom / 2);
}

void PresenterWindow::applyStep()
{
    updateCounter();
    if (m_overlay) {
        m_scene->setRevealRank(TopologyRankCount); // a runbook shows the whole diagram
        return;
    }
    if (m_ranks.isEmpty())
        return;
    m_scene->setRevealRank(m_step >= int(m_ranks.size()) - 1 ? TopologyRankCount
                                                             : m_ranks.at(m_step));
}

void PresenterWindow::updateCounter()
{
    // In runbook mode the caption band counts the runbook's steps instead.
    const bool tiers = !m_overlay && !m_ranks.isEmpty();
    m_counter->setVisible(tiers);
    m_counterTitle->setVisible(tiers);
    m_counter->setText(QStringLiteral("%1 / %2").arg(m_step + 1).arg(m_ranks.size()));
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

void PresenterWindow::playRunbook(RunbookRunner *runner, const Runbook &book)
{
    if (!runner) {
        delete m_overlay;
        m_overlay = nullptr;
        applyStep();
        return;
    }
    if (!m_overlay) {
        m_overlay = new RunbookCaptionOverlay(m_stage);
        connect(m_overlay, &RunbookCaptionOverlay::viewRequested, this,
                [this](const RunbookStep &step) {
                    if (step.type == RunbookStep::Type::Show)
                        showView(step.view, step);
                });
    }
    m_overlay->follow(runner, book);
    m_overlay->show();
    m_overlay->place();
    applyStep();
}

void PresenterWindow::setStepView(const QString &name, StepViewFactory factory)
{
    m_viewFactories.insert(name, std::move(factory));
}

bool PresenterWindow::showView(const QString &name, const RunbookStep &step)
{
    // A view about one object ("show: metrics hpa/web") is built for each object it shows.
    const QString key
        = step.targetName.isEmpty()
              ? name
              : QStringLiteral("%1 %2/%3").arg(name, step.targetKind, step.targetName);
    QWidget *target = nullptr;
    if (name == QLatin1String("topology")) {
        target = m_view;
    } else if (QWidget *built = m_views.value(key)) {
        target = built;
    } else if (const auto factory = m_viewFactories.value(name)) {
        target = factory(step, m_stage);
        if (target) {
            target->setFocusPolicy(Qt::NoFocus);
            m_stack->addWidget(target);
            m_views.insert(key, target);
        }
    }
    if (!target)
        return false;
    m_stack->setCurrentWidget(target);
    m_currentView = name;
    if (m_overlay)
        m_overlay->raise();
    return true;
}

bool PresenterWindow::handleKey(int key)
{
    switch (key) {
    case Qt::Key_Space:
    case Qt::Key_Right:
    case Qt::Key_PageDown:
        if (m_overlay) {
            // A step's view (a chart) lasts until the next key: the diagram again, and on.
            if (m_currentView != QLatin1String("topology"))
                showView(QStringLiteral("topology"));
            if (RunbookRunner *runner = m_overlay->runner())
                runner->next(); // ignored while a step runs
        } else {
            nextTier();
        }
        return true;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
    case Qt::Key_Backspace:
        // A runbook's step cannot be taken back: the keys do nothing then (but never scroll).
        if (!m_overlay)
            previousTier();
        return true;
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Home:
    case Qt::Key_End: return true; // clickers and habits: never scroll the room's view away
    case Qt::Key_A: m_scene->setAnonymise(!m_scene->display().anonymise); return true;
    case Qt::Key_F: fit(); return true;
    case Qt::Key_Escape:
    case Qt::Key_F5: close(); return true;
    default: return false;
    }
}

void PresenterWindow::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)
        || !handleKey(event->key()))
        QWidget::keyPressEvent(event);
}

bool PresenterWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && (watched == m_view || watched == m_view->viewport())) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (!(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
            && handleKey(key->key()))
            return true;
    }
    if (watched == m_stage && event->type() == QEvent::Resize) {
        if (m_overlay)
            m_overlay->place();
        // Going full screen, or a new projector: fit once the layout has sized the view.
        QMetaObject::invokeMethod(this, &PresenterWindow::fit, Qt::QueuedConnection);
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Orrery
