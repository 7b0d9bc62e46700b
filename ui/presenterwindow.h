// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

namespace Orrery {

class TopologyScene;
class TopologyView;

// Presenter mode for explaining an architecture: full screen, large fonts, simplified
// styling, system namespaces hidden, a legend, and a step-by-step reveal of the tiers (entry,
// ingress, services, workloads, ...). Keys: Space/→ next tier, ← previous, A anonymise names,
// F fit, Esc/F5 leave. Uses the page's scene and restores it on close.
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

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void applyStep();

    TopologyScene *m_scene;
    TopologyView *m_view;
    QWidget *m_legend;
    QList<int> m_ranks;
    int m_step = 0;
};

} // namespace Orrery
