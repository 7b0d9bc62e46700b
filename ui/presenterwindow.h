// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <runbook/runbookstep.h>

#include <QHash>
#include <QList>
#include <QWidget>

#include <functional>

class QLabel;
class QStackedLayout;

namespace Orrery {

class RunbookCaptionOverlay;
class RunbookRunner;
class TopologyScene;
class TopologyView;

// Presenter mode for explaining an architecture to a room: full screen, large fonts and
// high-contrast status colours, system namespaces hidden, a legend, a step counter ("3 / 7"),
// a laser-pointer halo on the node under the mouse, and a step-by-step reveal of the tiers
// (entry, ingress, services, workloads, ...). Keys: Space/→/Page Down next tier, ←/Page Up/
// Backspace previous, A anonymise, F fit, Esc/F5 leave; the diagram never scrolls on them.
// Fit shows every column of the whole diagram. Uses the page's scene and restores it on close.
//
// With a runbook (playRunbook), the whole diagram is shown and the same forward keys run the
// runbook's next step; its captions show over the diagram (RunbookCaptionOverlay). A step that
// names a view ("show: topology") switches to it; views other than the topology are
// registered with setStepView (the hook for charts and pipeline views); such a view lasts
// until the next forward key, which shows the diagram again and runs the next step.
class PresenterWindow : public QWidget
{
    Q_OBJECT

public:
    explicit PresenterWindow(TopologyScene *scene, QWidget *parent = nullptr);
    ~PresenterWindow() override;

    void nextTier();
    void previousTier();
    int step() const { return m_step; }
    int stepCount() const { return int(m_ranks.size()); }
    // Every column of the diagram in the window, as large as that allows.
    void fit();
    // A presentation key (Qt::Key); true when it did something of presenter mode's.
    bool handleKey(int key);

    TopologyView *view() const { return m_view; }
    QLabel *stepCounter() const { return m_counter; }

    // Plays along with `runner` (started by its owner, step by step), which runs `book`: its
    // captions over the diagram, the forward keys run its next step. nullptr: tiers again.
    void playRunbook(RunbookRunner *runner, const Runbook &book);
    RunbookCaptionOverlay *runbookOverlay() const { return m_overlay; }

    // The views a runbook step may name besides "topology": built on first use, parented to
    // the presenter's stage (once per name, or per name and target when the step has one).
    // An unknown name, or a factory returning null, keeps the current view (returns false).
    using StepViewFactory = std::function<QWidget *(const RunbookStep &step, QWidget *parent)>;
    void setStepView(const QString &name, StepViewFactory factory);
    bool showView(const QString &name, const RunbookStep &step = {});
    QString currentView() const { return m_currentView; }

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyStep();
    void updateCounter();

    TopologyScene *m_scene;
    QWidget *m_stage;
    QStackedLayout *m_stack;
    TopologyView *m_view;
    QWidget *m_legend;
    QLabel *m_counter;
    QLabel *m_counterTitle;
    RunbookCaptionOverlay *m_overlay = nullptr;
    QList<int> m_ranks;
    int m_step = 0;
    QHash<QString, StepViewFactory> m_viewFactories;
    QHash<QString, QWidget *> m_views;
    QString m_currentView;
};

} // namespace Orrery
