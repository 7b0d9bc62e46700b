// SPDX-License-Identifier: GPL-3.0-or-later
#include "apptopologyexporter.h"

#include "apptopologyscene.h"
#include "sceneexporter.h"
#include "topologystyle.h"

namespace Orrery {

namespace {

SceneExporter::Document appTopologyDocument(AppTopologyScene *scene)
{
    return {TopologyStyle::background(), scene->topology().ref,
            QStringLiteral("Orrery app topology")};
}

} // namespace

bool AppTopologyExporter::isSupported(const QString &fileName)
{
    return SceneExporter::isImageFormat(SceneExporter::format(fileName));
}

QImage AppTopologyExporter::renderImage(AppTopologyScene *scene, qreal scale, int maxSide)
{
    return SceneExporter::renderImage(scene, TopologyStyle::background(), scale, maxSide);
}

Result<void> AppTopologyExporter::write(AppTopologyScene *scene, const QString &fileName,
                                        qreal scale)
{
    return SceneExporter::writeImage(scene, fileName, appTopologyDocument(scene), scale, MaxSide);
}

} // namespace Orrery
