// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyexporter.h"

#include "sceneexporter.h"
#include "topologygraph.h"
#include "topologyjson.h"
#include "topologyscene.h"
#include "topologystyle.h"

namespace Orrery {

QImage TopologyExporter::renderImage(TopologyScene *scene, qreal scale, int maxSide)
{
    const TopologyOverviewScope details(scene, false);
    return SceneExporter::renderImage(scene, TopologyStyle::background(), scale, maxSide);
}

bool TopologyExporter::isSupported(const QString &fileName)
{
    const QString format = SceneExporter::format(fileName);
    return SceneExporter::isImageFormat(format) || format == QLatin1String("json");
}

Result<void> TopologyExporter::write(TopologyScene *scene, const QString &fileName)
{
    const QString format = SceneExporter::format(fileName);
    if (format == QLatin1String("json"))
        return SceneExporter::writeBytes(fileName, TopologyJson::toBytes(*scene->graph()));
    if (!SceneExporter::isImageFormat(format))
        return Error(Error::Code::InvalidArgument,
                     QStringLiteral("unsupported file type (use .png, .svg or .json)"), fileName);
    // Exports show every detail, whatever the zoom on screen.
    const TopologyOverviewScope details(scene, false);
    const SceneExporter::Document document{TopologyStyle::background(),
                                           QStringLiteral("Orrery topology"), QString()};
    return SceneExporter::writeImage(scene, fileName, document, 1.5, MaxSide);
}

} // namespace Orrery
