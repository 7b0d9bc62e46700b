// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>

namespace Orrery {

class PipelineScene;

// Shows a PipelineScene: Ctrl+wheel zooms (around the cursor), "fit" shows the whole run; the
// background follows the theme.
class PipelineDiagramView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit PipelineDiagramView(PipelineScene *scene, QWidget *parent = nullptr);

    PipelineScene *pipelineScene() const { return m_scene; }
    // Zooms so the whole diagram fits (between 80 % and 100 %; a wider run scrolls).
    void fitDiagram();
    qreal zoom() const;

protected:
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    PipelineScene *m_scene;
};

} // namespace Orrery
